"""Gemeente: one municipality's profile, its instruments, its place in the trajectory, similar
municipalities and suggested werkbezoek hosts, each with the reasons; every name links to its page."""

from __future__ import annotations

import streamlit as st

from app import cache, choose, defaults, formats, labels, links, profile as parts, state, ui
from app.i18n import has, t
from graph import analysis, views

lang = state.lang()
st.title(t("gemeente.title", lang))
cache.store()

choices = dict(cache.call(views.gemeenten))
codes = list(choices)
if not codes:
    st.info(t("common.empty", lang))
    st.stop()
choose.check_url("gemeente", choices, lang=lang, what=t("choose.gemeente", lang),
                 address=lambda c: links.gemeente(c, lang))
p = cache.projection(None)
default = p.deelnemers[0] if p.deelnemers else codes[0]
state.init("gemeente", default, choices=codes)
code = st.selectbox(t("gemeente.pick", lang), codes, key="gemeente", format_func=lambda c: ui.plain(choices[c]))
state.to_url(["gemeente"])
profile = cache.call(views.profile, code=code)

st.header(ui.md(profile.label))
parts.figures(profile, lang=lang)
st.caption(t("gemeente.kernen.def", lang))
if profile.kern_namen:
    with st.expander(f"{t('gemeente.kernen', lang)} ({profile.kernen})"):
        st.markdown(ui.md(", ".join(profile.kern_namen)))
if profile.tellingen:
    st.subheader(t("gemeente.tellingen", lang))
    ui.table([{"aantal": c.aantal, "wat": c.wat_geteld, "jaar": c.peiljaar, "bron": " | ".join(c.bronnen)}
              for c in profile.tellingen], lang=lang, name=f"kerntellingen-{code}", key="tellingen")



def _kind(soort: str) -> str:
    """The herindeling kind in the chosen language (the register's word when the catalogue lacks it)."""
    key = f"herindeling.soort.{soort}"
    return t(key, lang) if has(key) else soort


st.subheader(t("gemeente.herindeling", lang))
if profile.herindelingen:
    for h in profile.herindelingen:
        st.markdown(ui.md(f"{formats.month_year(h.datum, lang)}: {', '.join(h.opgeheven)}"
                          + (f" ({_kind(h.soort)})" if h.soort else "")))
else:
    st.caption(t("gemeente.herindeling.none", lang))
if profile.links:
    st.markdown(f"**{t('gemeente.links', lang)}**: " + parts.identifiers(profile.links, lang=lang))
st.markdown(ui.link(t("gemeente.compare", lang), links.view("vergelijk", lang, a=code)))

st.subheader(t("gemeente.toepassingen", lang))
uses = cache.call(views.uses, gemeente=code, lang=lang)
instruments = {i.key: i for i in cache.call(views.instruments, lang=lang)}


def _ladder(key: str) -> str:
    i = instruments.get(key)
    if i is None or i.ladder_min is None:
        return ""
    return i.ladder_min_label if i.ladder_max in (None, i.ladder_min) else f"{i.ladder_min_label} – {i.ladder_max_label}"


parts.link_table(parts.use_rows(uses, lang=lang, ladder=_ladder), lang=lang, name=f"instrumenten-{code}",
                 key="uses", link_column="instrument")

st.subheader(t("gemeente.feiten", lang))
found = cache.call(views.facts, gemeente=code, lang=lang)
if found.melding:
    st.info(found.melding)
ui.table([{"soort": f.soort, "feit": f.wat, "citaat": f.citaat, "brondatum": f.brondatum,
           "beslisrecht": f.beslisrecht, "bronnen": " | ".join(f.bronnen)} for f in found.feiten],
         lang=lang, name=f"feiten-{code}", key="feiten")

st.subheader(t("gemeente.traject", lang))
work = cache.call(views.work, code=code)
trajecten = {tr.slug: tr for tr in cache.call(views.trajecten)}
ui.fictief_banner([tr for slug, tr in trajecten.items() if slug in {w.traject for w in work}], lang=lang)
ui.table([{"soort": t(f"work.{w.soort}", lang) if w.soort in ("project", "vraagstuk", "actie") else w.soort,
           "title": w.title, "traject": trajecten[w.traject].label if w.traject in trajecten else w.traject,
           "status": t(f"status.{w.status}", lang) if has(f"status.{w.status}") else w.status,
           "deadline": formats.month_year(w.deadline, lang) if w.deadline else "", "eigenaar": w.eigenaar}
          for w in work], lang=lang, name=f"traject-{code}", key="work")
for done in cache.call(views.achieved, code=code, lang=lang):
    st.subheader(f"{t('gemeente.achieved', lang)}: {done.traject}")
    ui.table([{"stap": s, "omschrijving": w, "status": d} for s, w, d in done.rows], lang=lang,
             name=f"bereikt-{code}", key=f"achieved-{done.traject}")

st.subheader(t("gemeente.lessen", lang))
for les in cache.call(views.lessons, gemeente=code, lang=lang):
    with st.container(border=True):
        st.markdown(f"**{links.md(les.title, links.les(les.key, lang))}**")
        if les.tekst:
            st.markdown(ui.md(les.tekst))
        named = ", ".join(links.md(name, links.gemeente(c, lang)) for c, name in les.evidence)
        about = " · ".join(x for x in (", ".join(les.themas), ", ".join(les.instrumenten)) if x)
        st.caption((ui.md(about) + " · " if about else "") + named)
        if les.bronnen:
            st.markdown(ui.links(les.bronnen))

st.subheader(t("gemeente.similar", lang))
similar = cache.on_projection(analysis.similar, code=code, top=defaults.SIMILAR_TOP)
english = labels.english() if lang == "en" else {}
parts.link_table([{"gemeente": links.gemeente(s.b.code, lang) + "#" + ui.plain(s.b.label),
                   "gedeeld": ", ".join(english.get(x, x) for x in s.shared),
                   "km": None if s.distance_km is None else round(s.distance_km),
                   "waarom": labels.in_english(s.explanation, english) if lang == "en" else s.uitleg} for s in similar],
                 lang=lang, name=f"vergelijkbaar-{code}", key="similar", link_column="gemeente")

st.subheader(t("gemeente.hosts", lang))
hosts = [v for v in cache.on_projection(analysis.hosts) if any(g.code == code for g in v.gemeenten)]
parts.link_table([{"gastgemeente": links.gemeente(m.host.code, lang) + "#" + ui.plain(m.host.label),
                   "vraagstuk": v.title, "waarom": labels.in_english(m.explanation, english) if lang == "en" else m.uitleg}
                  for v in hosts for m in v.matches], lang=lang, name=f"werkbezoeken-{code}", key="hosts",
                 link_column="gastgemeente")
st.caption(t("shell.contact.uitleg", lang))

st.subheader(t("common.reports", lang))
st.caption(t("gemeente.intake", lang))
store = cache.store()


def _intake():
    from graph.summaries import intake_summary

    return intake_summary(store, code, lang=lang)


ui.report_buttons(_intake, lang=lang, name=f"intake-{code}", key="intake")
