"""Lessen: every lesson, narrowed by theme, instrument or gemeente, and one lesson's own page
(``?les=``) with its evidence, the other lessons on the same themes and how to get in touch."""

from __future__ import annotations

import streamlit as st

from app import cache, choose, links, state, ui
from app.i18n import t
from graph import views

lang = state.lang()
st.title(t("lessen.title", lang))
cache.store()

lessons = cache.call(views.lessons, lang=lang)
by_key = {les.key: les for les in lessons}
trajecten = {tr.slug: tr for tr in cache.call(views.trajecten)}
instrument_names = {i.key: i.label for i in cache.call(views.instruments, lang=lang)}


def _card(les, *, full: bool = False) -> None:
    with st.container(border=True):
        if full:
            st.header(ui.md(les.title))
        else:
            st.markdown(f"**{links.md(les.title, links.les(les.key, lang))}**")
        if les.traject in trajecten and trajecten[les.traject].fictief:
            st.caption(t("lessen.fictief", lang))
        if les.tekst:
            st.markdown(ui.md(les.tekst))
        if les.evidence:
            st.markdown(f"{t('lessen.evidence', lang)}: " + ", ".join(
                links.md(name, links.gemeente(code, lang)) for code, name in les.evidence))
        instruments = [links.md(instrument_names.get(key, key.split("/")[-1]), links.instrument(key, lang))
                       for key in les.instrument_keys]
        about = [ui.md(th) for th in les.themas] + instruments
        if about:
            st.caption(f"{t('lessen.about', lang)}: " + ", ".join(about))
        if full and les.bronnen:  # the list stays short; a lesson's own page has its sources
            st.markdown(f"{t('common.sources', lang)}: " + ui.links(les.bronnen))


choose.check_url("les", {k: les.title for k, les in by_key.items()}, lang=lang, what=t("choose.les", lang),
                 address=lambda k: links.les(k, lang))
chosen = st.query_params.get("les")
if chosen in by_key:
    les = by_key[chosen]
    st.markdown(ui.link(t("lessen.back", lang), links.view("lessen", lang)))
    _card(les, full=True)
    st.subheader(t("lessen.contact", lang))
    st.markdown(t("shell.contact.uitleg", lang))
    related = [other for other in lessons if other.key != les.key and set(other.themas) & set(les.themas)]
    if related:
        st.subheader(t("lessen.related", lang))
        st.markdown("\n".join(f"- {links.md(o.title, links.les(o.key, lang))}" for o in related[:10]))
    st.stop()

themes = sorted({th for les in lessons for th in les.themas})
state.init("themas", [], multi=True, choices=themes)
st.multiselect(t("lessen.themes", lang), themes, key="themas", format_func=ui.plain, placeholder=t("common.choose", lang))
state.init("tekst", "")
st.text_input(t("lessen.filter", lang), key="tekst", max_chars=100)
state.to_url(["themas", "tekst"])
from graph.views.search import fold  # noqa: E402

words = fold(st.session_state["tekst"]).split()
chosen_themes = set(st.session_state["themas"])
shown = [les for les in lessons if not chosen_themes or chosen_themes & set(les.themas)]
if words:  # folding every lesson's text costs time at thousands of lessons: only when a word is given
    shown = [les for les in shown
             if all(w in fold(" ".join((les.title, les.tekst, *les.gemeenten, *les.instrumenten))) for w in words)]
st.markdown(ui.md(t("lessen.count", lang, n=len(shown), total=len(lessons))))
for les in shown[:50]:
    _card(les)
if len(shown) > 50:
    st.caption(t("lessen.narrow", lang, n=len(shown) - 50))
