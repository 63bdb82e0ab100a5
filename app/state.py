"""The view lives in the URL: query parameters <-> widget state.

A page declares each of its controls once with :func:`init` (reads the URL on first run, validates it)
and gives the widget ``key=<name>``; after its widgets, the page calls :func:`to_url` so the address
bar always holds the current page, filters and selection, and a copied link restores the view.
Lists are comma-separated keys (codes and slugs, which hold no commas).

>>> decode("gemeente,thema", [], multi=True, choices=["gemeente", "les", "thema"])
['gemeente', 'thema']
>>> decode("7", 3, cast=int), decode("x", 3, cast=int), decode("99", 3, cast=int, bounds=(1, 10))
(7, 3, 3)
>>> encode(["a", "b"]), encode(True), encode(5)
('a,b', '1', '5')
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

import streamlit as st

from app.i18n import DEFAULT_LANG, normalise_lang

_MISSING = object()


def _bool(text: str) -> bool:
    return text.strip().lower() in {"1", "true", "ja", "yes", "on"}


def decode(raw: str | None, default: object, *, cast: Callable = str, multi: bool = False,
           choices: Sequence[object] | None = None, bounds: tuple[float, float] | None = None) -> object:
    """A URL value as a widget value; invalid or unknown values give ``default`` (never an error).

    >>> decode(None, "nl"), decode("de", "nl", choices=["nl", "en"]), decode("0", True, cast=bool)
    ('nl', 'nl', False)
    """
    if raw is None or raw == "":
        return default
    cast = _bool if cast is bool else cast
    try:
        values = [cast(part) for part in raw.split(",") if part != ""] if multi else [cast(raw)]
    except (TypeError, ValueError):
        return default
    if choices is not None:
        values = [v for v in values if v in choices]
    if bounds is not None:
        values = [v for v in values if bounds[0] <= v <= bounds[1]]
    if multi:
        return values
    return values[0] if values else default


def encode(value: object) -> str:
    """A widget value as URL text (see module examples)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (list, tuple, set)):
        return ",".join(str(v) for v in value)
    return "" if value is None else str(value)


_DEFAULTS_KEY = "_url_defaults"
_SYNCED_KEY = "_url_synced"  # per page: the URL text each key had when this app last wrote it
_KEPT_KEY = "_url_kept"  # per page: the last values, restored when the page is opened from the menu
PAGE_KEY = "_page"  # set by the router: the page being shown
ENTERING_KEY = "_entering"  # set by the router: True on the first run after coming from another page


def _page_store(name: str) -> dict:
    return st.session_state.setdefault(name, {}).setdefault(st.session_state.get(PAGE_KEY, ""), {})


def init(key: str, default: object, **options: object) -> object:
    """Put the view's value for ``key`` into session state; return it.

    Which value: a URL that changed under the page (a pasted link, Back or Forward) wins; a page opened
    from the menu without parameters gets the values it had when last seen; otherwise the widget keeps
    its value. Invalid or unknown values give ``default``. ``options`` are those of :func:`decode`; the
    widget that follows must use ``key=key`` and no ``value``/``index`` argument.
    """
    st.session_state.setdefault(_DEFAULTS_KEY, {})[key] = encode(default)
    raw = st.query_params.get(key)
    synced, kept = _page_store(_SYNCED_KEY), _page_store(_KEPT_KEY)
    if st.session_state.get(ENTERING_KEY) and raw is None and key in kept and valid(kept[key], **options):
        st.session_state[key] = kept[key]
    elif (raw or "") != synced.get(key, "") and (st.session_state.get(ENTERING_KEY) or key in synced):
        st.session_state[key] = decode(raw, default, **options)
    elif key not in st.session_state or not valid(st.session_state[key], **options):
        st.session_state[key] = decode(raw, default, **options)
    return st.session_state[key]


def unknown(key: str, choices: Sequence[object]) -> str | None:
    """The URL's value for ``key`` when it is given but none of ``choices`` (a page then says so
    instead of showing something else).

    Only meaningful before :func:`init` for single-valued keys."""
    raw = st.query_params.get(key)
    if raw in (None, "") or raw in {str(c) for c in choices}:
        return None
    return raw


def valid(value: object, *, choices: Sequence[object] | None = None, multi: bool = False,
          bounds: tuple[float, float] | None = None, cast: Callable = str) -> bool:
    """Whether a value left in session state (say, by another page using the same key) fits this widget.

    >>> valid("rol", choices=["kind", "community"]), valid(["a"], choices=["a", "b"], multi=True), valid(9, bounds=(1, 4))
    (False, True, False)
    """
    values = list(value) if multi and isinstance(value, (list, tuple)) else [value]
    if multi and not isinstance(value, (list, tuple)):
        return False
    if choices is not None and any(v not in choices for v in values):
        return False
    if bounds is not None and any(not isinstance(v, (int, float)) or not bounds[0] <= v <= bounds[1] for v in values):
        return False
    return True


def to_url(keys: Iterable[str]) -> None:
    """Write the current values of ``keys`` into the query parameters (defaults are left out)."""
    defaults = st.session_state.get(_DEFAULTS_KEY, {})
    synced, kept = _page_store(_SYNCED_KEY), _page_store(_KEPT_KEY)
    for key in keys:
        value = st.session_state.get(key)
        kept[key] = list(value) if isinstance(value, (list, tuple)) else value
        text = encode(value)
        if text == defaults.get(key, _MISSING) or text == "":
            synced[key] = ""
            if key in st.query_params:
                del st.query_params[key]
        else:
            synced[key] = text
            if st.query_params.get(key) != text:
                st.query_params[key] = text


def lang() -> str:
    """The current language: session state, else the URL's ``lang``, else Dutch."""
    if "lang" not in st.session_state:
        st.session_state["lang"] = normalise_lang(st.query_params.get("lang"))
    return normalise_lang(st.session_state["lang"])


def keep_lang() -> None:
    """Keep ``lang`` in the URL (pages lose their parameters when navigating)."""
    value = lang()
    if value == DEFAULT_LANG:
        if "lang" in st.query_params:
            del st.query_params["lang"]
    elif st.query_params.get("lang") != value:
        st.query_params["lang"] = value
