"""Answers from a remote store, made standard before anyone sees them.

Virtuoso answers a boolean expression (``(?i > 20000 AS ?groot)``, ``BIND(CONTAINS(..) AS ?c)``) with
``1``/``0`` as integers, and some booleans as ``"1"^^xsd:boolean``; SPARQL results must carry
``true``/``false`` as ``xsd:boolean``. The columns that the query computes with a boolean expression
are found in its parse tree, and their values rewritten here, in the result layer, so the endpoint,
the CLI and the app show the same terms whichever store answered. Language tags pass through.

>>> from graph.store.results import QueryResult, Term, XSD
>>> r = QueryResult("select", columns=["b"], rows=[[Term("literal", "1", XSD + "boolean")]])
>>> normalise(r).rows[0][0].value
'true'
"""

from __future__ import annotations

from dataclasses import replace

from graph.store.results import QueryResult, Term, XSD

BOOLEANS = {"1": "true", "0": "false", "true": "true", "false": "false"}


BOOLEAN_BUILTINS = {"Builtin_" + name for name in (
    "BOUND", "isIRI", "isURI", "isBLANK", "isLITERAL", "isNUMERIC", "REGEX", "CONTAINS", "STRSTARTS",
    "STRENDS", "sameTerm", "LANGMATCHES", "EXISTS", "NOTEXISTS")} | {"UnaryNot"}
_INTEGERS = {XSD + "integer", XSD + "int", XSD + "long", XSD + "short"}


def _has(node, key: str) -> bool:
    return key in node and bool(node[key])  # CompValue.get returns the key itself when absent


def is_boolean(expr) -> bool:
    """Whether a parsed SPARQL expression (rdflib's parse tree) yields a boolean."""
    name = getattr(expr, "name", "")
    if name in BOOLEAN_BUILTINS:
        return True
    if name in ("ConditionalOrExpression", "ConditionalAndExpression"):
        return _has(expr, "other") or is_boolean(expr["expr"])
    if name == "RelationalExpression":
        return _has(expr, "op") or is_boolean(expr["expr"])
    if name in ("AdditiveExpression", "MultiplicativeExpression"):
        return not _has(expr, "other") and is_boolean(expr["expr"])
    return False


def boolean_columns(text: str) -> set[str]:
    """The variables ``text`` binds with a boolean expression (``AS ?x`` in SELECT or BIND).

    >>> sorted(boolean_columns("SELECT (?i > 2 AS ?b) (?i + 1 AS ?n) WHERE { ?s ?p ?i BIND(BOUND(?s) AS ?c) }"))
    ['b', 'c']
    """
    from graph.sparql.check import _PARSE_LOCK, _for_parser, _walk
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    with _PARSE_LOCK:
        parsed = parseQuery(_for_parser(text)[0])
    found = set()
    for node in _walk(parsed):
        if isinstance(node, CompValue) and _has(node, "expr") and is_boolean(node["expr"]):
            var = node["evar"] if _has(node, "evar") else node["var"] if node.name == "Bind" else None
            if var is not None:
                found.add(str(var))
    return found


def _term(term: Term | None, boolean: bool) -> Term | None:
    if term is None or term.kind != "literal":
        return term
    if term.datatype == XSD + "boolean" or (boolean and term.datatype in _INTEGERS and term.value in ("0", "1")):
        return replace(term, value=BOOLEANS.get(term.value.strip().lower(), term.value), datatype=XSD + "boolean")
    return term


def normalise(result: QueryResult, text: str = "") -> QueryResult:
    """``result`` with booleans in their canonical form (a new result; the input is left alone);
    ``text``: the query, whose boolean columns are found in it."""
    if result.kind != "select":
        return result
    booleans = boolean_columns(text) if text else set()
    flags = [column in booleans for column in result.columns]
    rows = [[_term(t, flag) for t, flag in zip(row, flags)] for row in result.rows]
    return replace(result, rows=rows)
