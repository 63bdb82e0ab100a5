"""Binding values to query variables: values become properly serialised terms in a VALUES block.

User values are never pasted into query text as text: each becomes an RDF term (serialised and
escaped by pyoxigraph) in ``VALUES (?a ?b) { (t1 t2) }``, placed first in the outermost WHERE group
so that filters and patterns of that group see it. (pyoxigraph's own ``substitutions`` only work
for projected variables, and not with aggregates or ASK.) A subquery is evaluated on its own and
does not see the bound values: canned queries use their parameters in the outer group.

>>> bind_values("SELECT ?g WHERE { ?g ?p ?n FILTER(?n > ?min) }", {"min": 50})
'SELECT ?g WHERE { VALUES (?min) { ("50"^^<http://www.w3.org/2001/XMLSchema#integer>) } ?g ?p ?n FILTER(?n > ?min) }'
>>> bind_values('SELECT * { ?s ?p "}" }', {"s": "a \\" } b"})
'SELECT * { VALUES (?s) { ("a \\\\" } b") } ?s ?p "}" }'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from graph.store.results import XSD, Term, to_ox

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Tokens that can hold braces or keywords without being them: comments, strings, IRIs.
_SKIP = re.compile(
    r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>',
    re.S,
)
_TOKEN = re.compile(r"[{}]|[A-Za-z_][A-Za-z0-9_]*|\S")


def to_term(value: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A Python value as an RDF term: int -> xsd:integer, str -> plain literal, URIRef -> IRI ...

    >>> str(to_term(True)), str(to_term(dt.date(2024, 1, 1)))
    ('"true"^^<http://www.w3.org/2001/XMLSchema#boolean>', '"2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date>')
    """
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, Term):
        return to_ox(value)
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, BNode):
        return ox.BlankNode(str(value))
    if isinstance(value, Literal):
        return _from_rdflib_literal(value)
    return _from_python(value)


def _from_rdflib_literal(value: Literal) -> ox.Literal:
    if value.language:
        return ox.Literal(str(value), language=value.language)
    datatype = str(value.datatype) if value.datatype else XSD + "string"
    return ox.Literal(str(value), datatype=ox.NamedNode(datatype))


def _from_python(value: object) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, (float, Decimal)):
        kind = "double" if isinstance(value, float) else "decimal"
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + kind))
    if isinstance(value, dt.datetime):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "dateTime"))
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    if isinstance(value, str):
        return ox.Literal(value)
    raise TypeError(f"cannot bind a value of type {type(value).__name__}: {value!r}")


def values_block(bindings: Mapping[str, object]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }`` for one row of bindings; terms serialised by pyoxigraph."""
    for name in bindings:
        if not _NAME.match(name):
            raise ValueError(f"not a valid SPARQL variable name: {name!r}")
    names = " ".join("?" + n for n in bindings)
    terms = " ".join(str(to_term(v)) for v in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def where_brace(text: str) -> int:
    """The offset of the opening brace of the outermost WHERE group of a query.

    >>> q = "CONSTRUCT { ?s a ?o } WHERE { ?s ?p ?o }"
    >>> q[where_brace(q):]
    '{ ?s ?p ?o }'
    """
    depth, previous, top_groups, after_where = 0, "", [], None
    for match in _tokens(text):
        token = match.group()
        if token == "{":
            if depth == 0 and previous.upper() != "EXISTS":
                if previous.upper() == "WHERE" and after_where is None:
                    after_where = match.start()
                top_groups.append(match.start())
            depth += 1
        elif token == "}":
            depth -= 1
        previous = token
    if after_where is not None:
        return after_where
    if not top_groups:
        raise ValueError("query has no WHERE group to bind values in")
    is_construct = re.match(r"\s*CONSTRUCT\b", _SKIP.sub(" ", _strip_prologue(text)), re.I)
    return top_groups[1 if is_construct and len(top_groups) > 1 else 0]


def _tokens(text: str):
    position = 0
    while position < len(text):
        skip = _SKIP.match(text, position)
        if skip:
            position = skip.end()
            continue
        match = _TOKEN.match(text, position)
        if match is None:  # whitespace
            position += 1
            continue
        yield match
        position = match.end()


def _strip_prologue(text: str) -> str:
    return re.sub(r"^(\s*(#[^\n]*\n|(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)))*", "", text, flags=re.I)


def bind_values(text: str, bindings: Mapping[str, object]) -> str:
    """``text`` with ``bindings`` as a VALUES block first in its outermost WHERE group."""
    if not bindings:
        return text
    at = where_brace(text) + 1
    return f"{text[:at]} {values_block(bindings)}{text[at:]}"
