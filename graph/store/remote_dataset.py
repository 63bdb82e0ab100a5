"""The dataset of every query sent to a remote store: only the graphs it may see, whatever the text says.

A SPARQL server decides which graphs a query reads from the query's FROM / FROM NAMED clauses and
the Protocol's ``default-graph-uri`` / ``named-graph-uri`` parameters, and servers differ: Virtuoso
7.2 *adds* the Protocol graphs to the query's own, and lets ``GRAPH ?g`` range over every graph it
holds (its system graphs, and the private graph once it is published) when a query names FROM
without FROM NAMED. So every query gets both parameters, always: the public graphs when the text
names no dataset; otherwise exactly the graphs its clauses name, each of which must be allowed, and
a graph that does not exist (:data:`NO_GRAPH`) for an empty part, so no part is left to the server's
defaults. ``GRAPH <iri>`` with a constant IRI is not limited by the dataset on Virtuoso; untrusted
text is checked for it before (``graph.sparql.check``: only public graphs may be named).

>>> dataset_form("SELECT * WHERE { ?s ?p ?o }", ["urn:a", "urn:b"])
[('default-graph-uri', 'urn:a'), ('default-graph-uri', 'urn:b'), ('named-graph-uri', 'urn:a'), ('named-graph-uri', 'urn:b')]
>>> dataset_form("SELECT * FROM <urn:a> WHERE { GRAPH ?g { ?s ?p ?o } }", ["urn:a", "urn:b"])
[('default-graph-uri', 'urn:a'), ('named-graph-uri', 'urn:kernendemocratie:geen-graaf')]
>>> dataset_form("SELECT * FROM <urn:x> WHERE { ?s ?p ?o }", ["urn:a"])
Traceback (most recent call last):
...
graph.store.remote_dataset.DatasetRefused: FROM <urn:x>: geen openbare graaf (only public graphs may be named)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.namespace import PREFIXES
from graph.store.binding import _SKIP

NO_GRAPH = "urn:kernendemocratie:geen-graaf"  # a graph no store holds: an empty part of a dataset
_FROM = re.compile(r"(?<![\w?$:])FROM\b", re.I)
_CLAUSE = re.compile(r"(?<![\w?$:])FROM\s+(NAMED\s+)?(<[^<>\s]*>|[A-Za-z][\w.-]*:[\w.-]*|:[\w.-]*)", re.I)
_PREFIX = re.compile(r"PREFIX\s+([\w.-]*):\s*<([^<>\s]*)>", re.I)


class DatasetRefused(ValueError):
    """The query names a graph it may not read (refused before it is sent)."""


def _code(text: str) -> str:
    """``text`` with comments and strings blanked, IRIs kept."""
    return _SKIP.sub(lambda m: m.group() if m.group().startswith("<") else " ", text)


def own_dataset(text: str) -> tuple[list[str], list[str]] | None:
    """(FROM graphs, FROM NAMED graphs) the text names, or ``None`` when it names none.

    >>> own_dataset("PREFIX g: <urn:g:> SELECT * FROM g:a FROM NAMED <urn:b> { ?s ?p ?o }")
    (['urn:g:a'], ['urn:b'])
    >>> own_dataset('SELECT * { ?s ?p "FROM <urn:x>" }') is None
    True
    """
    code = _code(text)
    clauses = _CLAUSE.findall(code)
    if not clauses:
        if _FROM.search(code):
            raise DatasetRefused("FROM zonder graaf-IRI (FROM must name a graph)")
        return None
    if len(clauses) != len(_FROM.findall(code)):
        raise DatasetRefused("een FROM-clausule is niet te lezen (unreadable FROM clause)")
    prefixes = {**PREFIXES, **dict(_PREFIX.findall(code))}
    defaults, named = [], []
    for is_named, term in clauses:
        (named if is_named else defaults).append(_expand(term, prefixes))
    return defaults, named


def _expand(term: str, prefixes: dict[str, str]) -> str:
    if term.startswith("<"):
        return term[1:-1]
    prefix, _, local = term.partition(":")
    if prefix not in prefixes:
        raise DatasetRefused(f"FROM {term}: onbekend voorvoegsel {prefix}: (unknown prefix)")
    return prefixes[prefix] + local


def dataset_form(text: str, allowed: Sequence[str]) -> list[tuple[str, str]]:
    """The Protocol parameters that fix the dataset of ``text`` to graphs in ``allowed``."""
    own = own_dataset(text)
    if own is None:
        defaults, named = list(allowed), list(allowed)
    else:
        defaults, named = own
        for iri in (*defaults, *named):
            if iri not in allowed:
                raise DatasetRefused(f"FROM <{iri}>: geen openbare graaf (only public graphs may be named)")
    defaults, named = defaults or [NO_GRAPH], named or [NO_GRAPH]
    return [("default-graph-uri", g) for g in defaults] + [("named-graph-uri", g) for g in named]
