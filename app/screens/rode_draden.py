"""Rode draden: threads with their evidence, the learning-group proposal, bridges, and change between
meetings, with the K and group-size controls."""

from __future__ import annotations

import streamlit as st

from app import cache, charts, state, text_panels, ui
from app.i18n import t

lang = state.lang()
en = lang == "en"
st.title(t("rode_draden.title", lang))
cache.store()

trajecten = cache.call("graph.views:trajecten")
slugs = [tr.slug for tr in trajecten]
traject = state.init("traject", slugs[0] if len(slugs) == 1 else "", choices=["", *slugs])
if slugs:
    st.selectbox(t("common.traject", lang), ["", *slugs], key="traject",
                 format_func=lambda s: next((tr.label for tr in trajecten if tr.slug == s), t("common.all", lang)))
ui.fictief_banner(trajecten, lang=lang, shown=traject or None)

left, right = st.columns(2)
state.init("k", 3, cast=int, bounds=(1, 10))
k = left.slider(t("rode_draden.k", lang), 1, 10, key="k")
state.init("lo", 4, cast=int, bounds=(2, 10))
state.init("hi", 6, cast=int, bounds=(2, 12))
lo = right.number_input(t("rode_draden.groupsize", lang) + " (min)", 2, 10, key="lo")
hi = right.number_input(t("rode_draden.groupsize", lang) + " (max)", 2, 12, key="hi")
state.to_url(["traject", "k", "lo", "hi"])
# Each part on the shared projection (the Netwerk page reads the same one) and cached by its own
# controls: moving K recomputes the threads only, not the groups, bridges and changes.
scope = traject or None
threads = cache.on_projection("graph.analysis:threads", traject=scope, k=k)

st.subheader(t("rode_draden.threads", lang))
if threads:
    st.vega_lite_chart(charts.bar_spec([{"draad": th.label, "gemeenten": th.support, "soort": th.kind}
                                        for th in threads], x="gemeenten", y="draad", colour="soort"), width="stretch")
for th in threads:
    with st.container(border=True):
        st.markdown(f"**{ui.md(th.label)}** ({ui.md(th.kind)}, {th.support}/{th.population})")
        st.markdown(ui.md(th.sentence if en else th.zin))
        st.caption(ui.md(", ".join(g.label for g in th.gemeenten)))
        if th.lessen:
            st.markdown(ui.md("; ".join(les.title for les in th.lessen)))
        if th.bronnen:
            st.markdown(ui.links(th.bronnen))

text_panels.new_threads(traject=scope, k=k, lang=lang)

st.subheader(t("rode_draden.groups", lang))
groups = cache.on_projection("graph.analysis:learning_groups", traject=scope,
                             size=(int(lo), int(max(lo, hi))))
st.markdown(ui.md(groups.sentence if en else groups.zin))
ui.table([{"groep": g.number, "regio": g.region or "", "gemeenten": ", ".join(m.label for m in g.gemeenten),
           "gedeeld": ", ".join(s.label for s in g.shared), "waarom": g.explanation if en else g.uitleg}
          for g in groups.groups], lang=lang, name="leergroepen", key="groups")

st.subheader(t("rode_draden.bridges", lang))
found = cache.on_projection("graph.analysis:bridges", traject=scope)
bridges = [*found.gemeenten, *found.elements]
ui.table([{"naam": b.label, "soort": b.type, "betweenness": round(b.betweenness, 4), "clusters": b.clusters,
           "waarom": b.explanation if en else b.uitleg} for b in bridges], lang=lang, name="bruggen", key="bridges")

st.subheader(t("rode_draden.changes", lang))
for change in cache.on_projection("graph.analysis:changes", traject=scope):
    st.markdown(f"**{ui.md(change.before_label)} → {ui.md(change.after_label)}**: "
                + ui.md(change.sentence if en else change.zin))
    rows = [{"draad": c.label, "voor": c.before, "na": c.after, "status": c.status} for c in change.threads]
    if rows:
        st.vega_lite_chart(charts.bar_spec(rows, x="na", y="draad", colour="status"), width="stretch")
    ui.table(rows, lang=lang, name="verandering", key=f"change-{change.after}", downloads=False)

if traject:
    st.subheader(t("common.reports", lang))
    store = cache.store()
    st.caption(t("rode_draden.bundle", lang))

    def _bundle():
        from graph.summaries import lessons_bundle

        return lessons_bundle(store, traject, lang=lang)

    ui.report_buttons(_bundle, lang=lang, name=f"lessen-{traject}", key="bundle")
    meetings = {m.key.split("/", 1)[-1]: m.label for m in cache.call("graph.views:meetings", traject=traject, lang=lang)}
    if meetings:
        meeting = st.selectbox(t("rode_draden.meeting", lang), list(meetings), format_func=meetings.get)

        def _pack():
            from graph.summaries import meeting_pack

            return meeting_pack(store, meeting, lang=lang)

        ui.report_buttons(_pack, lang=lang, name=f"bijeenkomst-{meeting}", key="pack")
