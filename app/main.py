"""The app's entry: the router (``st.navigation``), the language switch and what every page shares
(search box, explanation of terms, document language, stylesheet).

Run with ``kernen app`` (or ``streamlit run app/main.py``); the store comes from ``KERNEN_STORE``.
"""

from __future__ import annotations

import streamlit as st

from app import shell, state
from app.i18n import LANGS, t
from app.pages import PAGES, menu
from graph.settings import load_settings


def _start_query_worker() -> None:
    """A query worker for the SPARQL page, started after the first page is drawn (once per process and
    store build; it opens the store and loads its in-memory copy), so that page's first query does
    not wait for it."""
    from app import cache
    from graph.sparql import start_worker

    start_worker(cache.location())


st.set_page_config(page_title=t("app.title"), layout="wide")
lang = state.lang()
st.sidebar.radio(t("app.lang", lang), LANGS, key="lang", horizontal=True,
                 format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code])
lang = state.lang()
shown = menu(allow_upload=load_settings().allow_upload)
pages = {name: st.Page(f"screens/{name}.py", title=t(f"nav.{name}", lang), url_path=name,
                       default=name == "overzicht") for name in PAGES if name in shown}
page = st.navigation(list(pages.values()))
shell.head(lang)
with st.sidebar.form("zoekvak", border=False):
    term = st.text_input(t("shell.search", lang), key="_zoekvak", max_chars=200,
                         placeholder=t("shell.search.placeholder", lang))
    go = st.form_submit_button(t("shell.search.go", lang))
if go and term.strip():
    st.switch_page(pages["zoeken"], query_params={"zoekterm": term.strip(), **({"lang": lang} if lang != "nl" else {})})
shell.glossary(lang)
current = page.url_path or "overzicht"
st.session_state[state.ENTERING_KEY] = st.session_state.get(state.PAGE_KEY) != current
st.session_state[state.PAGE_KEY] = current
state.keep_lang()
shell.introduction(lang)
page.run()
_start_query_worker()
