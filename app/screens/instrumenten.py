"""Instrumenten: the instrument scheme by group on the participatieladder, and per instrument its
definition, where it is used, with what figures and lessons."""

from __future__ import annotations

import streamlit as st

from app import cache, charts, state, ui
from app.i18n import t

lang = state.lang()
st.title(t("instrumenten.title", lang))
cache.store()

instruments = cache.call("graph.views:instruments", lang=lang)
ladder = dict(cache.call("graph.views:ladder", lang=lang))
groups = sorted({i.groep_label for i in instruments if i.groep_label})
state.init("groepen", [], multi=True, choices=groups)
chosen = st.multiselect(t("instrumenten.groep", lang), groups, key="groepen", placeholder=t("common.choose", lang))
shown = [i for i in instruments if not chosen or i.groep_label in chosen]

st.subheader(t("instrumenten.chart", lang))
bars = [{"naam": i.label, "min": i.ladder_min, "max": (i.ladder_max or i.ladder_min) + 0.0001,
         "soort": i.invloed_zeggenschap or "?", "groep": i.groep_label, "van": i.ladder_min_label,
         "tot": i.ladder_max_label} for i in shown if i.ladder_min is not None]
if bars:
    st.vega_lite_chart(charts.ladder_spec(bars, ladder_labels=ladder, x_title="participatieladder"),
                       width="stretch")
ui.table([{"instrument": i.label, "groep": i.groep_label, "ladder": f"{i.ladder_min_label} – {i.ladder_max_label}",
           "invloed/zeggenschap": i.invloed_zeggenschap, "gemeenten": i.gemeenten, "definitie": i.definitie}
          for i in shown], lang=lang, name="instrumenten", key="instruments")

keys = [i.key for i in shown]
by_key = {i.key: i for i in shown}
if not keys:
    st.stop()
state.init("instrument", keys[0], choices=keys)
if st.session_state["instrument"] not in keys:
    st.session_state["instrument"] = keys[0]
key = st.selectbox(t("instrumenten.pick", lang), keys, key="instrument", format_func=lambda k: by_key[k].label)
item = by_key[key]
st.header(item.label)
if item.definitie:
    st.markdown(ui.md(item.definitie))
st.caption(ui.md(" · ".join(x for x in (item.groep_label, f"{item.ladder_min_label} – {item.ladder_max_label}",
                                         item.invloed_zeggenschap) if x.strip(" –"))))

st.subheader(t("instrumenten.where", lang))
ui.table([{"gemeente": u.gemeente, "naam": u.lokale_naam, "sinds": u.sinds, "bedrag": u.bedrag,
           "eenheid": u.eenheid, "peiljaar": u.peiljaar, "omschrijving": u.omschrijving,
           "bronnen": " | ".join(u.bronnen)} for u in cache.call("graph.views:uses", instrument=key, lang=lang)],
         lang=lang, name=f"toepassingen-{key.split('/')[-1]}", key="uses")

st.subheader(t("instrumenten.lessen", lang))
for les in cache.call("graph.views:lessons", instrument=key, lang=lang):
    with st.container(border=True):
        st.markdown(f"**{ui.md(les.title)}**")
        if les.tekst:
            st.markdown(ui.md(les.tekst))
        st.caption(ui.md(", ".join(les.gemeenten)))
        if les.bronnen:
            st.markdown(ui.links(les.bronnen))

state.to_url(["groepen", "instrument"])
