"""Instrumenten: pick one instrument (``?instrument=<slug>``) and see its definition, where it is used,
with what amounts and lessons; below, every instrument on the participatieladder by group."""

from __future__ import annotations

import streamlit as st

from app import cache, charts, choose, formats, links, profile as parts, state, ui
from app.i18n import t
from graph import views

lang = state.lang()
st.title(t("instrumenten.title", lang))
cache.store()

instruments = cache.call(views.instruments, lang=lang)
ladder = dict(cache.call(views.ladder, lang=lang))
by_slug = {i.key.split("/", 1)[-1]: i for i in instruments}
if not by_slug:
    st.info(t("common.empty", lang))
    st.stop()
choose.check_url("instrument", {s: i.label for s, i in by_slug.items()}, lang=lang, what=t("choose.instrument", lang),
                 address=lambda s: links.instrument(s, lang))
slugs = ["", *sorted(by_slug, key=lambda s: by_slug[s].label.casefold())]
state.init("instrument", "", choices=slugs)
slug = st.selectbox(t("instrumenten.pick", lang), slugs, key="instrument",
                    format_func=lambda s: ui.plain(by_slug[s].label) if s else t("instrumenten.all", lang))


def _range(i) -> str:
    if i.ladder_min is None:
        return ""
    return i.ladder_min_label if i.ladder_max in (None, i.ladder_min) else f"{i.ladder_min_label} – {i.ladder_max_label}"


def _say(value: str) -> str:
    return t(f"instrumenten.say.{value}", lang) if value in ("invloed", "zeggenschap") else value


if slug:
    item = by_slug[slug]
    st.header(ui.md(item.label))
    if item.definitie:
        st.markdown(ui.md(item.definitie))
    st.caption(ui.md(" · ".join(x for x in (item.groep_label, _range(item), _say(item.invloed_zeggenschap)) if x)))
    uses = cache.call(views.uses, instrument=item.key, lang=lang)
    st.subheader(f"{t('instrumenten.where', lang)} ({len({u.gemeente_code for u in uses})})")
    rows = [{"gemeente": links.gemeente(u.gemeente_code, lang) + "#" + ui.plain(u.gemeente), **row}
            for u, row in zip(uses, parts.use_rows(uses, lang=lang))]
    for row in rows:
        row.pop("instrument", None)
    parts.link_table(rows, lang=lang, name=f"toepassingen-{slug}", key="uses", link_column="gemeente")
    st.subheader(t("instrumenten.lessen", lang))
    found = cache.call(views.lessons, instrument=item.key, lang=lang)
    if not found:
        st.caption(t("common.empty", lang))
    for les in found:
        with st.container(border=True):
            st.markdown(f"**{links.md(les.title, links.les(les.key, lang))}**")
            if les.tekst:
                st.markdown(ui.md(les.tekst))
            st.caption(", ".join(links.md(name, links.gemeente(code, lang)) for code, name in les.evidence))
            if les.bronnen:
                st.markdown(ui.links(les.bronnen))
    state.to_url(["instrument"])
    st.stop()

groups = sorted({i.groep_label for i in instruments if i.groep_label})
state.init("groepen", [], multi=True, choices=groups)
chosen = st.multiselect(t("instrumenten.groep", lang), groups, key="groepen", format_func=ui.plain,
                        placeholder=t("common.choose", lang))
state.to_url(["instrument", "groepen"])
shown = [i for i in instruments if not chosen or i.groep_label in chosen]
st.subheader(t("instrumenten.chart", lang))
bars = [{"naam": ui.plain(i.label), "min": i.ladder_min, "max": i.ladder_max or i.ladder_min,
         "soort": _say(i.invloed_zeggenschap) or t("instrumenten.say.onbekend", lang), "groep": i.groep_label,
         "van": i.ladder_min_label, "tot": i.ladder_max_label} for i in shown if i.ladder_min is not None]
if bars:
    charts.show(charts.ladder_spec(bars, ladder_labels=ladder, x_title=t("term.ladder", lang),
                                   colour_title=t("instrumenten.say", lang)),
                lang=lang, alt=t("instrumenten.chart.alt", lang))
parts.link_table([{"instrument": links.instrument(i.key, lang) + "#" + ui.plain(i.label), "groep": i.groep_label,
                   "ladder": _range(i), "invloed/zeggenschap": _say(i.invloed_zeggenschap),
                   "gemeenten": formats.number(i.gemeenten, lang), "definitie": i.definitie} for i in shown],
                 lang=lang, name="instrumenten", key="instruments", link_column="instrument")
