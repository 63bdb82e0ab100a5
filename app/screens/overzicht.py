"""Overzicht: what the graph holds, a map of the participating and practice gemeenten, the timeline."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from app import cache, charts, defaults, formats, links, outlines, state, ui
from app.i18n import column, t
from graph import analysis, views

lang = state.lang()
st.title(t("overzicht.title", lang))
st.caption(t("overzicht.intro", lang))
cache.store()

trajecten = cache.call(views.trajecten)
ui.fictief_banner(trajecten, lang=lang)

counts = cache.call(views.overview)
shown = ("gemeenten", "kernen", "toepassingen", "instrumenten", "lessen", "bijeenkomsten", "deelnemers")
for box, name in zip([*st.columns(4), *st.columns(4)], shown):
    box.metric(t(f"overzicht.count.{name}", lang), formats.number(getattr(counts, name), lang))

st.subheader(t("overzicht.map", lang))
COLOURS = ["rol", "instrument", "draad", "provincie"]
kleur = state.init("kleur", "rol", choices=COLOURS)
st.radio(t("overzicht.colour", lang), COLOURS, key="kleur", horizontal=True,
         format_func=lambda v: t(f"overzicht.colour.{v}", lang))
points = cache.call(views.map_points, lang=lang, all_gemeenten=True)
MAX_THREADS = 8  # colours on the map; the rest is "other"
MAX_INSTRUMENTS = 8  # the same for instruments: the most used get a colour and shape
top_instruments = [name for name, _ in Counter(
    i for p in points for i in p.instrumenten).most_common(MAX_INSTRUMENTS)]
thread_of: dict[str, str] = {}
if kleur == "draad":
    for rank, thread in enumerate(cache.on_projection(analysis.threads, k=defaults.SEARCH_K)):
        for g in thread.gemeenten:
            thread_of.setdefault(g.code, thread.label if rank < MAX_THREADS else t("overzicht.other", lang))


def _role(p) -> str:
    role = "beide" if p.deelnemer and p.praktijk else ("deelnemer" if p.deelnemer else "praktijk")
    return t(f"overzicht.rol.{role}", lang)


def _colour(p) -> str:
    if kleur == "instrument":
        common = [i for i in top_instruments if i in p.instrumenten]
        return common[0] if common else (t("overzicht.other.instrument", lang) if p.instrumenten else t("common.none", lang))
    if kleur == "draad":
        return thread_of.get(p.code, t("common.none", lang))
    return p.provincie if kleur == "provincie" else _role(p)


values = [{"lon": p.lon, "lat": p.lat, "naam": ui.plain(p.label), "code": p.code, "achtergrond": not (p.deelnemer or p.praktijk),
           "kleur": _colour(p), "rol": _role(p), "instrumenten": ", ".join(p.instrumenten)} for p in points]
clicked = charts.show(charts.map_spec(values, colour_title=t(f"overzicht.colour.{kleur}", lang),
                            tooltip=("naam", "rol", "instrumenten"),
                            titles={k: column(k, lang) for k in ("naam", "rol", "instrumenten")},
                            outlines=outlines.provinces()),
            lang=lang, alt=t("overzicht.map.alt", lang), width="content", key="kaart")
picked = [point.get("code") for point in (getattr(clicked, "selection", {}) or {}).get(charts.MAP_PICK, [])
          if isinstance(point, dict) and point.get("code")]
if picked:  # a click on a gemeente opens its page (the click is forgotten: Back shows the map again)
    st.session_state.pop("kaart", None)
    st.switch_page("screens/gemeente.py", query_params={"gemeente": picked[0], **({"lang": lang} if lang != "nl" else {})})
st.caption(t("overzicht.map.caption", lang) + (" " + t("map.outlines.source", lang) if outlines.provinces() else ""))
marked = [{**v, "naam": links.gemeente(p.code, lang) + "#" + v["naam"]}
          for p, v in zip(points, values) if not v["achtergrond"]]
with st.expander(t("overzicht.points", lang) + f" ({len(marked)})"):
    from app import profile as parts

    parts.link_table([{"gemeente": v["naam"], "rol": v["rol"], "instrumenten": v["instrumenten"]} for v in marked],
                     lang=lang, name="gemeenten-op-kaart", key="points", link_column="gemeente")

for traject in trajecten:
    st.subheader(f"{t('overzicht.timeline', lang)}: {ui.md(traject.label)}")
    meetings = cache.call(views.meetings, traject=traject.slug, lang=lang)
    rows = [{"datum": m.datum, "soort": ui.plain(m.soort), "naam": ui.plain(m.label), "plaats": m.plaats,
             "gast": m.gastgemeente} for m in meetings]
    if rows:
        charts.show(charts.timeline_spec([r for r in rows if r["datum"]]), lang=lang,
                    alt=t("overzicht.timeline.alt", lang))
    rows = [{**r, "datum": formats.month_year(r["datum"], lang)} for r in rows]
    ui.table(rows, lang=lang, name=f"bijeenkomsten-{traject.slug}", key=f"meetings-{traject.slug}")

state.to_url(["kleur"])
