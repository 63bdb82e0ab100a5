"""Zoeken: one search over gemeenten, kernen, instruments, lessons and common threads; the results
grouped by kind, every name a link to its own page."""

from __future__ import annotations

import streamlit as st

from app import cache, defaults, disk_cache, links, state, ui
from app.i18n import t
from graph.views import search
from graph import analysis, views

KINDS = ("gemeente", "kern", "instrument", "les", "draad")
PER_KIND = 25  # results shown per kind before "more"

lang = state.lang()
st.title(t("zoeken.title", lang))
cache.store()


@st.cache_resource(show_spinner=False, max_entries=4)
def _index(where: str, build: str, lang: str) -> list:
    return cache.kept(disk_cache.search_key(lang, defaults.SEARCH_K), lambda: search.prepare(search.with_threads(
        cache.call(views.search_index, lang=lang), cache.on_projection(analysis.threads, k=defaults.SEARCH_K), lang=lang)))


state.init("zoekterm", "")
term = st.text_input(t("zoeken.term", lang), key="zoekterm", max_chars=search.MAX_QUERY_CHARS)
state.to_url(["zoekterm"])
if not term.strip():
    st.caption(t("zoeken.hint", lang))
    st.stop()

where = cache.location()
found = search.find(_index(where, cache.build_id(where), lang), term)
st.markdown(ui.md(t("zoeken.count", lang, n=len(found), term=ui.plain(term))))
if not found:
    st.info(t("zoeken.none", lang))


def _address(entry) -> str:
    if entry.kind in ("gemeente", "kern"):
        return links.gemeente(entry.key, lang)
    if entry.kind == "instrument":
        return links.instrument(entry.key, lang)
    return links.les(entry.key, lang) if entry.kind == "les" else links.draad(entry.key, lang)


def _line(entry) -> str:
    context = entry.context
    if entry.kind == "draad":
        context = t("zoeken.draad.context", lang, n=entry.context)
    elif entry.kind == "kern":
        context = t("zoeken.kern.context", lang, gemeente=entry.context)
    return "- " + links.md(entry.label, _address(entry)) + (f" · {ui.md(context)}" if context else "")


for kind in KINDS:
    hits = [e for e in found if e.kind == kind]
    if not hits:
        continue
    st.subheader(f"{t(f'zoeken.kind.{kind}', lang)} ({len(hits)})")
    st.markdown("\n".join(_line(e) for e in hits[:PER_KIND]))
    if len(hits) > PER_KIND:
        with st.expander(t("zoeken.more", lang, n=len(hits) - PER_KIND)):
            st.markdown("\n".join(_line(e) for e in hits[PER_KIND:]))
