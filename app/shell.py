"""What every page shares around its content: the document language, the stylesheet (contrast, focus,
phone, print), the search box, the explanation of terms and the first-visit introduction.

Streamlit writes ``<html lang="en">`` and a few English texts of its own ("Skip to main content",
"Page not found"); a small script sets the chosen language and translates those, once per run.
"""

from __future__ import annotations

import json

import streamlit as st

from app.i18n import t

TERMS = ("kern", "rode_draad", "ladder", "invloed", "leergroep", "brug")

# Colours: text #1b1b1b on white (17:1); captions #454545 (9.7:1); focus ring #0b57d0 (6.4:1).
CSS = """
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #454545 !important; opacity: 1 !important; }
a:focus-visible, button:focus-visible, [tabindex]:focus-visible, input:focus-visible, textarea:focus-visible,
[role="combobox"]:focus-visible, [role="slider"]:focus-visible {
  outline: 3px solid #0b57d0 !important; outline-offset: 2px !important; }
[data-testid="stSidebarNav"] a:focus-visible { outline: 3px solid #0b57d0 !important; background: #e8f0fe !important; }
[data-testid="stElementToolbar"] { display: none !important; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { overflow-wrap: anywhere; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-left: 0.8rem !important; padding-right: 0.8rem !important; }
  h1 { font-size: 1.7rem !important; }
}
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], header, [data-testid="stToolbar"],
  [data-testid="stDecoration"], [data-testid="stDownloadButton"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stExpandSidebarButton"], iframe { display: none !important; }
  [data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0 !important; }
  [data-testid="stAppViewContainer"], [data-testid="stMain"] { position: static !important; overflow: visible !important; }
  [data-testid="stDataFrame"], [data-testid="stVegaLiteChart"] { max-width: 100% !important; break-inside: avoid; }
  [data-testid="stExpander"] details { display: block; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 80%; overflow-wrap: anywhere; }
}
"""

_SCRIPT = r"""
<script>
(function(){
  var lang = %(lang)s, words = %(words)s, doc = window.parent && window.parent.document ? window.parent.document : document;
  function apply(){
    doc.documentElement.lang = lang;
    doc.querySelectorAll("a, h1, h2, h3, p, span, button").forEach(function(el){
      if (el.children.length === 0 && words[el.textContent.trim()]) { el.textContent = words[el.textContent.trim()]; }
    });
  }
  apply();
  if (!doc.__kernenLang) {
    doc.__kernenLang = new MutationObserver(function(){ if (doc.documentElement.lang !== window.__kernenWanted) apply(); });
    doc.__kernenLang.observe(doc.documentElement, {attributes: true, attributeFilter: ["lang"]});
  }
  window.__kernenWanted = lang;
  // Links to the app's own views (relative addresses we write) open in the app, not in a new tab:
  // a history entry plus the router's own popstate handling, so Back and Forward step through views.
  if (!doc.__kernenLinks) {
    doc.__kernenLinks = true;
    doc.addEventListener("click", function(ev){
      var a = ev.target.closest ? ev.target.closest("a[href]") : null;
      if (!a || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
      var href = a.getAttribute("href");
      if (!/^[a-z_]+(\?|$)/.test(href)) return;
      var view = doc.defaultView, url = new URL(href, view.location.href);
      if (url.origin !== view.location.origin) return;
      ev.preventDefault();
      view.history.pushState({}, "", url.pathname + url.search);
      view.dispatchEvent(new PopStateEvent("popstate", {state: {}}));
    }, true);
  }
})();
</script>
"""

STREAMLIT_WORDS = {"nl": {"Skip to main content": "Naar de inhoud", "Page not found": "Pagina niet gevonden",
                          "Running...": "Bezig…", "Show more": "Meer tonen", "Show less": "Minder tonen",
                          "View more": "Meer tonen", "View less": "Minder tonen"},
                   "en": {}}


def head(lang: str) -> None:
    """The stylesheet and the language script (both take no space on the page)."""
    st.html(f"<style>{CSS}</style>")
    words = STREAMLIT_WORDS.get(lang, {})
    st.html(_SCRIPT % {"lang": json.dumps(lang), "words": json.dumps(words).replace("<", "\\u003c")},
            unsafe_allow_javascript=True)


def glossary(lang: str) -> None:
    """Short explanations of the words the pages use, in the sidebar."""
    with st.sidebar.expander(t("shell.terms", lang)):
        for term in TERMS:
            st.markdown(f"**{t(f'term.{term}', lang)}**: {t(f'term.{term}.uitleg', lang)}")
        st.markdown(f"**{t('shell.contact', lang)}**: {t('shell.contact.uitleg', lang)}")


def introduction(lang: str) -> None:
    """A first-visit introduction: once per browser session, above the first page seen."""
    if st.session_state.get("_seen_intro"):
        return
    st.session_state["_seen_intro"] = True
    st.info(t("shell.intro", lang))
