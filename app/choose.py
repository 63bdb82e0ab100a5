"""Choosing one entity from the URL or a picker, and saying so clearly when the URL names none.

A value in a shared link that is not one of the choices never shows another entity: the page says
what was asked for, offers the closest names as links and stops. A gemeente may also be given by
its name (``?gemeente=Het Hogeland``); the address is then rewritten to the code.
"""

from __future__ import annotations

import difflib
from typing import Callable, Mapping

import streamlit as st

from app import state, ui
from app.i18n import t
from graph.views.search import fold

SUGGESTIONS = 5


def by_name(raw: str, names: Mapping[str, str]) -> str | None:
    """The key whose name equals ``raw`` (ignoring case, accents and punctuation), if exactly one.

    >>> by_name("het hogeland", {"GM1966": "Het Hogeland", "GM1900": "Súdwest-Fryslân"})
    'GM1966'
    >>> by_name("sudwest fryslan", {"GM1900": "Súdwest-Fryslân"}), by_name("x", {"GM1": "A"})
    ('GM1900', None)
    """
    wanted, tail = fold(raw), fold(str(raw).rsplit("/", 1)[-1])
    hits = [key for key, name in names.items() if fold(name) == wanted or fold(key) in (wanted, tail)]
    return hits[0] if len(hits) == 1 else None


def closest(raw: str, names: Mapping[str, str], n: int = SUGGESTIONS) -> list[str]:
    """Keys of the names most like ``raw``.

    >>> closest("Hogelan", {"GM1966": "Het Hogeland", "GM1900": "Súdwest-Fryslân"}, 1)
    ['GM1966']
    """
    folded = {fold(name): key for key, name in names.items()}
    matches = difflib.get_close_matches(fold(raw), list(folded), n=n, cutoff=0.3)
    partial = [f for f in folded if fold(raw) and fold(raw) in f and f not in matches]
    return [folded[m] for m in [*partial, *matches][:n]]


def check_url(key: str, names: Mapping[str, str], *, lang: str, what: str,
              address: Callable[[str], str]) -> None:
    """Resolve or reject the URL's ``key``: a name becomes its key; an unknown value stops the page with
    a message and links to the closest choices."""
    raw = state.unknown(key, list(names))
    if raw is None:
        return
    resolved = by_name(raw, names)
    if resolved is not None:
        st.query_params[key] = resolved
        st.session_state.pop(key, None)
        return
    st.error(t("choose.unknown", lang, what=what, value=ui.md(raw)))
    options = closest(raw, names)
    if options:
        st.markdown(t("choose.didyoumean", lang) + "\n" + "\n".join(
            f"- {ui.link(names[k], address(k))}" for k in options))
    picked = st.selectbox(t("choose.pick", lang, what=what), list(names), index=None, key=f"_pick_{key}",
                          format_func=lambda k: ui.plain(names[k]), placeholder=t("common.choose", lang))
    st.markdown(t("choose.all", lang))
    if picked is not None:
        st.query_params[key] = picked
        st.session_state.pop(key, None)
        st.rerun()
    st.stop()
