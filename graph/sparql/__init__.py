"""Safe SPARQL: the one entry for untrusted query text, and the canned queries.

:func:`run_safe` checks the text (:func:`check_query`: read-only, no SERVICE/LOAD, FROM only names
graphs in the store, no private graph), binds parameters as terms, and runs it in a worker process
that is killed past the time limit, over the union of the public named graphs, with a row cap.

The checker and the canned queries (rdflib's SPARQL parser: 0.4 s to import) are imported on first
use, so a query worker process, which imports this package too, starts without them.

>>> from graph.sparql import check_query
>>> check_query("ASK { ?s ?p ?o }").form
'ask'
>>> check_query("DELETE WHERE { ?s ?p ?o }")
Traceback (most recent call last):
...
graph.sparql.check.QueryRefused: wijzigen is niet toegestaan: alleen SELECT, ASK, CONSTRUCT en DESCRIBE (updates and LOAD are refused)
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from graph.settings import load_settings
from graph.sparql.pool import Job, PoolBusy, QueryFailed, QueryTimeout, default_pool
from graph.store import LocalStore, Store, bind_values, open_store
from graph.store.results import QueryResult, Term

_LAZY = {name: "graph.sparql.canned" for name in ("CannedQuery", "Param", "ParamError", "canned_queries",
                                                  "get_canned")}
_LAZY |= {name: "graph.sparql.check" for name in ("QueryInfo", "QueryRefused", "QuerySyntaxError", "check_query")}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["run_safe", "run_canned", "run_text", "start_worker", "check_query", "canned_queries", "get_canned", "QueryInfo",
           "QueryRefused", "QuerySyntaxError", "QueryTimeout", "QueryFailed", "PoolBusy", "ParamError",
           "CannedQuery", "Param", "QueryResult", "Term"]


def _store(store: Store | str | None) -> Store:
    return store if isinstance(store, Store) else open_store(store)


def run_safe(text: str, *, store: Store | str | None = None, params: Mapping[str, object] | None = None,
             timeout: float | None = None, max_rows: int | None = None, lane: str = "fast",
             queue_wait: float | None = None) -> QueryResult:
    """Run untrusted SPARQL ``text`` safely; ``params`` are bound as terms, never pasted in.

    ``lane`` and ``queue_wait``: see :mod:`graph.sparql.pool` (the endpoint's fairness).
    Raises :class:`QueryRefused`, :class:`QuerySyntaxError`, :class:`QueryTimeout`, :class:`PoolBusy`.
    """
    from graph.sparql.check import check_query

    settings = load_settings()
    timeout = settings.query_timeout if timeout is None else timeout
    max_rows = settings.max_rows if max_rows is None else max_rows
    store = _store(store)
    local = isinstance(store, LocalStore) and store.version is not None
    if local:
        default_pool().prestart(str(store.version))  # the worker starts while the text is checked
    info = check_query(text, graphs=store.graphs())
    bound = bind_values(text, dict(params or {}))
    if local:
        job = Job(str(store.version), bound, not info.has_dataset, max_rows)
        return _in_worker(job, timeout, lane, queue_wait)
    if isinstance(store, LocalStore) and info.has_dataset:  # in memory (tests): nothing to kill
        return store.query_own_dataset(bound, max_rows=max_rows)
    from graph.sparql.normalise import normalise

    return normalise(store.query(bound, max_rows=max_rows, timeout=timeout), text)  # a remote store's answer


def start_worker(location: str) -> None:
    """Start a query worker for the local store at ``location`` now, so that it loads the store while
    the caller does other work; nothing for a remote or missing store."""
    if location.startswith(("http://", "https://")):
        return
    from graph.store import StoreMissing, current_version

    try:
        default_pool().prestart(str(current_version(location)))
    except StoreMissing:
        return  # the query itself reports it


def _in_worker(job: Job, timeout: float, lane: str, queue_wait: float | None) -> QueryResult:
    from graph.sparql.check import QuerySyntaxError

    try:
        return default_pool().run(job, timeout=timeout, lane=lane, queue_wait=queue_wait)
    except QueryFailed as exc:
        if exc.syntax:
            raise QuerySyntaxError(str(exc)) from None
        raise


def run_canned(name: str, *, params: Mapping[str, object] | None = None,
               store: Store | str | None = None, timeout: float | None = None,
               max_rows: int | None = None) -> QueryResult:
    """Run canned query ``name`` with validated ``params`` (strings are converted to their types)."""
    from graph.sparql.canned import bind_params, get_canned

    query = get_canned(name)
    store = _store(store)
    bindings = bind_params(query, dict(params or {}), store=store)
    return run_safe(query.text, store=store, params=bindings, timeout=timeout, max_rows=max_rows)


def run_text(text: str, *, params: Mapping[str, str] | None = None, store: Store | str | None = None,
             timeout: float | None = None, max_rows: int | None = None) -> QueryResult:
    """Run query text given by a user (``kernen query``) with string ``params`` from the command line.

    When the text has a canned-query header with ``# param:`` lines, the values are checked and
    typed by it; otherwise each value is typed by its look (``50`` an integer, ``<http://..>`` an IRI).
    """
    from graph.sparql.canned import bind_params, guess_value, parse_canned

    store = _store(store)
    header = parse_canned(text)
    if header.params:
        bindings = bind_params(header, dict(params or {}), store=store)
    else:
        bindings = {name: guess_value(value) for name, value in (params or {}).items()}
    return run_safe(text, store=store, params=bindings, timeout=timeout, max_rows=max_rows)
