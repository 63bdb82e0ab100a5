"""The app's one door to the store: opened once, results cached per store location and build.

The cache key of every result is ``(location, build)``: ``build`` is the versioned directory the
store path points at (a new ``kernen build`` swaps it), so a rebuild invalidates the cache by
itself. Results are also kept on disk per build (:mod:`app.disk_cache`), so a fresh process
reads them back. Pages pass the library function itself (``cache.call(views.instruments, lang="nl")``); the
cache keys it on its ``__module__`` and ``__qualname__``. Such readers must be pure reads.
"""

from __future__ import annotations

from pathlib import Path
from collections.abc import Callable
from typing import Any

import streamlit as st

from app import disk_cache, i18n, state
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


Reader = Callable[..., Any]
_READERS: dict[str, Reader] = {}


def _name(reader: Reader) -> str:
    """The cache key of a library reader, ``module:qualname``; only ``graph``'s public functions.

    >>> from graph.views import instruments
    >>> _name(instruments)
    'graph.views.instruments:instruments'
    """
    module, qualname = getattr(reader, "__module__", ""), getattr(reader, "__qualname__", "")
    if not module.startswith("graph.") or not qualname or qualname.startswith("_") or "<" in qualname:
        raise ValueError(f"not a library reader: {module}:{qualname}")
    name = f"{module}:{qualname}"
    _READERS[name] = reader  # the function object now bound to that name (a reload or a test may replace it)
    return name


def _function(name: str) -> Reader:
    return _READERS[name]


freeze = disk_cache.freeze


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _cached(name: str, where: str, build: str, options: tuple) -> Any:
    return disk_cache.cached(where, disk_cache.call_key(name, options),
                             lambda: _function(name)(_open(where, build), **dict(options)))


@st.cache_resource(show_spinner=False, max_entries=16)
def _resource(name: str, where: str, build: str, options: tuple) -> Any:
    return disk_cache.cached(where, disk_cache.shared_key(name, options),
                             lambda: _function(name)(_open(where, build), **dict(options)))


def call(reader: Reader, /, **options: Any) -> Any:
    """``reader(store, **options)``, cached as data (results must pickle)."""
    name = _name(reader)
    store()  # opens, or stops the page when there is no store
    where = location()
    frozen = freeze(options)
    return _cached(name, where, build_id(where), frozen)


def shared(reader: Reader, /, **options: Any) -> Any:
    """Like :func:`call`, for results that are shared objects, not copied (projections, graphs)."""
    name = _name(reader)
    store()
    where = location()
    frozen = freeze(options)
    return _resource(name, where, build_id(where), frozen)


def kept(key: str, compute: Callable[[], Any]) -> Any:
    """A result made from cached readers (a search index), kept on disk per build under ``key``."""
    store()
    return disk_cache.cached(location(), key, compute)


@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _on_projection(name: str, where: str, build: str, traject: str | None, options: tuple) -> Any:
    def compute() -> Any:
        projection = _resource(_name(_project()), where, build, (("traject", traject),))
        return _function(name)(projection, **dict(options))

    return disk_cache.cached(where, disk_cache.projection_key(traject, name, options), compute)


def _project() -> Reader:
    from graph.analysis import project  # networkx: loaded when a page first needs the analysis

    return project


def projection(traject: str | None = None) -> Any:
    """The analysis projection of the store (one trajectory, or all), shared between runs."""
    return shared(_project(), traject=traject)


def on_projection(reader: Reader, /, *, traject: str | None = None, **options: Any) -> Any:
    """``reader(projection, **options)`` on the shared projection, cached as data."""
    name = _name(reader)
    store()
    where = location()
    frozen = freeze(options)
    return _on_projection(name, where, build_id(where), traject, frozen)
