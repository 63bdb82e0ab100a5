"""Gemeente: one municipality's profile, its instruments, its place in the trajectory, similar
municipalities and suggested werkbezoek hosts, each with the reasons."""

from __future__ import annotations

import streamlit as st

from app import cache, state, ui
from app.i18n import t

lang = state.lang()
st.title(t("gemeente.title", lang))
cache.store()

choices = dict(cache.call("graph.views:gemeenten"))
codes = list(choices)
p = cache.projection(None)
default = p.deelnemers[0] if p.deelnemers else (codes[0] if codes else "")
state.init("gemeente", default, choices=codes)
if not codes:
    st.info(t("common.empty", lang))
    st.stop()
code = st.selectbox(t("gemeente.pick", lang), codes, key="gemeente", format_func=lambda c: f"{choices[c]} ({c})")
state.to_url(["gemeente"])
profile = cache.call("graph.views:profile", code=code)

st.header(profile.label)
nl = lambda n: "–" if n is None else f"{n:,}".replace(",", ".")  # noqa: E731 - Dutch thousands
cols = st.columns(4)
cols[0].metric(t("gemeente.provincie", lang), profile.provincie or "–")
cols[1].metric(t("gemeente.inwoners", lang), nl(profile.inwoners))
cols[2].metric(t("gemeente.kernen", lang), nl(profile.kernen))
cols[3].metric(t("gemeente.wijken", lang), nl(profile.wijken))
st.caption(t("gemeente.kernen.def", lang))
if profile.kern_namen:
    with st.expander(f"{t('gemeente.kernen', lang)} ({profile.kernen})"):
        st.markdown(ui.md(", ".join(profile.kern_namen)))
if profile.tellingen:
    st.subheader(t("gemeente.tellingen", lang))
    ui.table([{"aantal": c.aantal, "wat": c.wat_geteld, "jaar": c.peiljaar, "bron": " | ".join(c.bronnen)}
              for c in profile.tellingen], lang=lang, name=f"kerntellingen-{code}", key="tellingen")

st.subheader(t("gemeente.herindeling", lang))
if profile.herindelingen:
    for h in profile.herindelingen:
        st.markdown(ui.md(f"{h.datum}: {', '.join(h.opgeheven)}" + (f" ({h.soort})" if h.soort else "")))
else:
    st.caption(t("gemeente.herindeling.none", lang))
if profile.links:
    st.markdown(f"**{t('gemeente.links', lang)}**: " + ui.links(profile.links))

st.subheader(t("gemeente.toepassingen", lang))
uses = cache.call("graph.views:uses", gemeente=code, lang=lang)
instruments = {i.key: i for i in cache.call("graph.views:instruments", lang=lang)}


def _ladder(key: str) -> str:
    i = instruments.get(key)
    if i is None or i.ladder_min is None:
        return ""
    return i.ladder_min_label if i.ladder_max in (None, i.ladder_min) else f"{i.ladder_min_label} – {i.ladder_max_label}"


ui.table([{"instrument": u.instrument_label, "naam": u.lokale_naam, "ladder": _ladder(u.instrument),
           "sinds": u.sinds, "bedrag": u.bedrag, "eenheid": u.eenheid, "peiljaar": u.peiljaar,
           "beslisrecht": u.beslisrecht, "omschrijving": u.omschrijving, "bronnen": " | ".join(u.bronnen)}
          for u in uses], lang=lang, name=f"instrumenten-{code}", key="uses")

st.subheader(t("gemeente.traject", lang))
work = cache.call("graph.views:work", code=code)
ui.fictief_banner([tr for tr in cache.call("graph.views:trajecten") if tr.slug in {w.traject for w in work}],
                  lang=lang)
ui.table(ui.records(work), lang=lang, name=f"traject-{code}", key="work")
for done in cache.call("graph.views:achieved", code=code, lang=lang):
    st.subheader(f"{t('gemeente.achieved', lang)}: {done.traject}")
    ui.table([{"stap": s, "wat": w, "status": d} for s, w, d in done.rows], lang=lang,
             name=f"bereikt-{code}", key=f"achieved-{done.traject}")

st.subheader(t("gemeente.lessen", lang))
for les in cache.call("graph.views:lessons", gemeente=code, lang=lang):
    with st.container(border=True):
        st.markdown(f"**{ui.md(les.title)}**")
        if les.tekst:
            st.markdown(ui.md(les.tekst))
        st.caption(ui.md(" · ".join(x for x in (", ".join(les.themas), ", ".join(les.instrumenten),
                                                 ", ".join(les.gemeenten)) if x)))
        if les.bronnen:
            st.markdown(ui.links(les.bronnen))

st.subheader(t("gemeente.similar", lang))
similar = cache.on_projection("graph.analysis:similar", code=code, top=5)
ui.table([{"gemeente": s.b.label, "score": round(s.score, 3), "gedeeld": ", ".join(s.shared),
           "km": None if s.distance_km is None else round(s.distance_km),
           "waarom": s.explanation if lang == "en" else s.uitleg} for s in similar],
         lang=lang, name=f"vergelijkbaar-{code}", key="similar")

st.subheader(t("gemeente.hosts", lang))
hosts = [v for v in cache.on_projection("graph.analysis:hosts") if any(g.code == code for g in v.gemeenten)]
rows = [{"vraagstuk": v.title, "gastgemeente": m.host.label, "score": round(m.score, 3),
         "waarom": m.explanation if lang == "en" else m.uitleg} for v in hosts for m in v.matches]
ui.table(rows, lang=lang, name=f"werkbezoeken-{code}", key="hosts")

st.subheader(t("common.reports", lang))
st.caption(t("gemeente.intake", lang))
store = cache.store()


def _intake():
    from graph.summaries import intake_summary

    return intake_summary(store, code, lang=lang)


ui.report_buttons(_intake, lang=lang, name=f"intake-{code}", key="intake")
