"""The app's one door to the store: opened once, results cached per store location and build.

The cache key of every result is ``(location, build)``: ``build`` is the versioned directory the
store path points at (a new ``kernen build`` swaps it), so a rebuild invalidates the cache by
itself. Library calls are named ``"module:function"`` under ``graph.`` and must be pure reads.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import streamlit as st

from app import i18n, state
from graph.settings import load_settings

CACHE_ENTRIES = 256


def location() -> str:
    """The store location from settings (``KERNEN_STORE``, ``kernen.toml``, default)."""
    return load_settings().store


def build_id(where: str) -> str:
    """Which build a location holds now: the resolved directory and its change time (local), or the URL."""
    if where.startswith(("http://", "https://")):
        return where
    path = Path(where)
    if not path.exists():
        return "missing"
    resolved = path.resolve()
    return f"{resolved}@{resolved.stat().st_mtime_ns}"


@st.cache_resource(show_spinner=False, max_entries=4)
def _open(where: str, build: str) -> Any:
    from graph.store import open_store

    return open_store(where)


def store() -> Any:
    """The store for this run; stops the page with a clear message when none is built yet."""
    where = location()
    build = build_id(where)
    try:
        return _open(where, build)
    except LookupError:
        st.warning(i18n.t("app.nostore", state.lang()))
        st.stop()


def _function(name: str):
    module, _, func = name.partition(":")
    if not module.startswith("graph.") or not func or func.startswith("_"):
        raise ValueError(f"not a library reader: {name!r}")
    return getattr(importlib.import_module(module), func)


def _freeze(value: Any) -> Any:
    if isinstance(value, (list, set, frozenset)):
        return tuple(sorted(value, key=str)) if isinstance(value, (set, frozenset)) else tuple(value)
    return value


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _cached(name: str, where: str, build: str, options: tuple) -> Any:
    return _function(name)(_open(where, build), **dict(options))


@st.cache_resource(show_spinner=False, max_entries=16)
def _resource(name: str, where: str, build: str, options: tuple) -> Any:
    return _function(name)(_open(where, build), **dict(options))


def call(name: str, /, **options: Any) -> Any:
    """``graph.<module>.<function>(store, **options)``, cached as data (results must pickle)."""
    store()  # opens, or stops the page when there is no store
    where = location()
    frozen = tuple(sorted((k, _freeze(v)) for k, v in options.items()))
    return _cached(name, where, build_id(where), frozen)


def shared(name: str, /, **options: Any) -> Any:
    """Like :func:`call`, for results that are shared objects, not copied (projections, graphs)."""
    store()
    where = location()
    frozen = tuple(sorted((k, _freeze(v)) for k, v in options.items()))
    return _resource(name, where, build_id(where), frozen)


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _on_projection(name: str, where: str, build: str, traject: str | None, options: tuple) -> Any:
    projection = _resource("graph.analysis:project", where, build, (("traject", traject),))
    return _function(name)(projection, **dict(options))


def projection(traject: str | None = None) -> Any:
    """The analysis projection of the store (one trajectory, or all), shared between runs."""
    return shared("graph.analysis:project", traject=traject)


def on_projection(name: str, /, *, traject: str | None = None, **options: Any) -> Any:
    """``graph.<module>.<function>(projection, **options)`` on the shared projection, cached as data."""
    store()
    where = location()
    frozen = tuple(sorted((k, _freeze(v)) for k, v in options.items()))
    return _on_projection(name, where, build_id(where), traject, frozen)
