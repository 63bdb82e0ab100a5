"""Overzicht: what the graph holds, a map of the participating and practice gemeenten, the timeline."""

from __future__ import annotations

import streamlit as st

from app import cache, charts, state, ui
from app.i18n import column, t

lang = state.lang()
st.title(t("overzicht.title", lang))
st.caption(t("overzicht.intro", lang))
cache.store()

trajecten = cache.call("graph.views:trajecten")
ui.fictief_banner(trajecten, lang=lang)

counts = cache.call("graph.views:overview")
shown = ("gemeenten", "kernen", "toepassingen", "instrumenten", "lessen", "bijeenkomsten", "deelnemers")
for box, name in zip([*st.columns(4), *st.columns(4)], shown):
    box.metric(t(f"overzicht.count.{name}", lang), f"{getattr(counts, name):,}".replace(",", "."))

st.subheader(t("overzicht.map", lang))
COLOURS = ["rol", "instrument", "draad", "provincie"]
kleur = state.init("kleur", "rol", choices=COLOURS)
st.radio(t("overzicht.colour", lang), COLOURS, key="kleur", horizontal=True,
         format_func=lambda v: t(f"overzicht.colour.{v}", lang))
points = cache.call("graph.views:map_points", lang=lang, all_gemeenten=True)
MAX_THREADS = 8  # colours on the map; the rest is "other"
thread_of: dict[str, str] = {}
if kleur == "draad":
    for rank, thread in enumerate(cache.on_projection("graph.analysis:threads", k=2)):
        for g in thread.gemeenten:
            thread_of.setdefault(g.code, thread.label if rank < MAX_THREADS else t("overzicht.other", lang))


def _role(p) -> str:
    role = "beide" if p.deelnemer and p.praktijk else ("deelnemer" if p.deelnemer else "praktijk")
    return t(f"overzicht.rol.{role}", lang)


def _colour(p) -> str:
    if kleur == "instrument":
        return p.instrumenten[0] if len(p.instrumenten) == 1 else (
            f"{len(p.instrumenten)} {column('instrumenten', lang)}" if p.instrumenten else t("common.none", lang))
    if kleur == "draad":
        return thread_of.get(p.code, t("common.none", lang))
    return p.provincie if kleur == "provincie" else _role(p)


values = [{"lon": p.lon, "lat": p.lat, "naam": p.label, "achtergrond": not (p.deelnemer or p.praktijk),
           "kleur": _colour(p), "rol": _role(p), "instrumenten": ", ".join(p.instrumenten)} for p in points]
st.vega_lite_chart(charts.map_spec(values, colour_title=t(f"overzicht.colour.{kleur}", lang),
                                   tooltip=("naam", "rol", "instrumenten"),
                                   titles={k: column(k, lang) for k in ("naam", "rol", "instrumenten")}),
                   width="stretch")
st.caption(t("overzicht.map.caption", lang))
marked = [v for v in values if not v["achtergrond"]]
with st.expander(t("overzicht.points", lang) + f" ({len(marked)})"):
    ui.table(marked, lang=lang, name="gemeenten-op-kaart", key="points",
             columns={"naam": t("col.label", lang), "rol": t("overzicht.colour.rol", lang),
                      "instrumenten": t("overzicht.colour.instrument", lang)})

for traject in trajecten:
    st.subheader(f"{t('overzicht.timeline', lang)}: {traject.label}")
    meetings = cache.call("graph.views:meetings", traject=traject.slug, lang=lang)
    rows = [{"datum": m.datum, "soort": m.soort, "naam": m.label, "plaats": m.plaats, "gast": m.gastgemeente}
            for m in meetings]
    if rows:
        st.vega_lite_chart(charts.timeline_spec([r for r in rows if r["datum"]]), width="stretch")
    ui.table(rows, lang=lang, name=f"bijeenkomsten-{traject.slug}", key=f"meetings-{traject.slug}")

state.to_url(["kleur"])
