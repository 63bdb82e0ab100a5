"""The app's entry: only the router (``st.navigation``) and the language switch.

Run with ``kernen app`` (or ``streamlit run app/main.py``); the store comes from ``KERNEN_STORE``.
"""

from __future__ import annotations

import streamlit as st

from app import state
from app.i18n import LANGS, t
from app.pages import PAGES

st.set_page_config(page_title=t("app.title"), layout="wide")
lang = state.lang()
st.sidebar.radio(t("app.lang", lang), LANGS, key="lang", horizontal=True,
                 format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code])
lang = state.lang()
pages = [st.Page(f"screens/{name}.py", title=t(f"nav.{name}", lang), url_path=name,
                 default=name == "overzicht") for name in PAGES]
page = st.navigation(pages)
state.keep_lang()
page.run()
