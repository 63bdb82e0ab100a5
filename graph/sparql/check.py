"""Checking untrusted SPARQL before it runs: parse with rdflib's parser, then refuse what may not run.

Refused (DESIGN.md, SPARQL safety): updates (including ``LOAD``), ``SERVICE`` anywhere (also nested
in subqueries, OPTIONAL, MINUS, EXISTS), ``FROM``/``FROM NAMED`` naming anything but a public named
graph of the store (they select graphs, they never fetch), and any mention of the private graph.

>>> check_query("SELECT * WHERE { ?s ?p ?o }").form
'select'
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
graph.sparql.check.QueryRefused: SERVICE is niet toegestaan (SERVICE calls to other endpoints are refused)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pyparsing import ParseException
from rdflib import URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from graph.namespace import G_PRIVATE, PREFIXES
from graph.settings import MAX_QUERY_BYTES

_FORMS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct",
          "DescribeQuery": "describe"}


class QueryRefused(ValueError):
    """The query parses but may not run here (update, SERVICE, LOAD, FROM elsewhere, private graph)."""


class QuerySyntaxError(ValueError):
    """The query does not parse; ``line`` and ``column`` are 1-based, ``hint`` says what was expected."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 hint: str = ""):
        self.message, self.line, self.column, self.hint = message, line, column, hint
        where = f"regel {line}, kolom {column}: " if line is not None else ""
        super().__init__(f"SPARQL-syntaxfout, {where}{message}" + (f" ({hint})" if hint else ""))


@dataclass(frozen=True)
class QueryInfo:
    """What the check learned: the query form and the graphs its FROM/FROM NAMED clauses name."""

    form: str
    from_graphs: list[str] = field(default_factory=list)
    from_named: list[str] = field(default_factory=list)

    @property
    def has_dataset(self) -> bool:
        """Whether the query names its own dataset (then the store does not impose one)."""
        return bool(self.from_graphs or self.from_named)


def _prologue() -> str:
    """Our prefixes are predeclared, so queries may use ``kd:`` etc. without PREFIX lines."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


PROLOGUE = _prologue()
_PROLOGUE_LINES = PROLOGUE.count("\n")


def check_query(text: str, *, graphs: Iterable[str] | None = None) -> QueryInfo:
    """Parse ``text`` and refuse what may not run; ``graphs``: the store's public named graphs.

    When ``graphs`` is given, FROM/FROM NAMED must name one of them.
    """
    if len(text.encode()) > MAX_QUERY_BYTES:
        raise QueryRefused(f"query is te lang (meer dan {MAX_QUERY_BYTES} bytes)")
    parsed = _parse(text)
    _refuse_nodes(parsed)  # before translation too: the translator may fail on valid queries
    form, dataset = _FORMS.get(parsed[1].name, "select"), parsed[1].get("datasetClause") or []
    try:
        dataset = translateQuery(parsed).algebra.get("datasetClause") or []  # resolves prefixes
    except Exception:  # rdflib's translator has gaps; the raw parse tree then has to do
        pass
    _refuse_nodes(parsed)  # translation resolved prefixed names and relative IRIs in place
    info = _dataset(dataset, form)
    _check_graphs(info, graphs)
    return info


def _parse(text: str) -> CompValue:
    try:
        return parseQuery(PROLOGUE + text)
    except ParseException as exc:
        if _is_update(text):
            raise QueryRefused("wijzigen is niet toegestaan: alleen SELECT, ASK, CONSTRUCT en "
                               "DESCRIBE (updates and LOAD are refused)") from None
        raise _syntax_error(exc) from None
    except Exception as exc:  # e.g. an undeclared prefix
        raise QuerySyntaxError(str(exc), hint="controleer de PREFIX-regels") from None


def _is_update(text: str) -> bool:
    try:
        parseUpdate(PROLOGUE + text)
    except Exception:
        return False
    return True


def _syntax_error(exc: ParseException) -> QuerySyntaxError:
    line = exc.lineno - _PROLOGUE_LINES
    found = exc.line.strip()[exc.col - 1: exc.col + 19] if exc.line else ""
    hint = f"verwacht: {exc.msg.removeprefix('Expected ')}" if exc.msg else ""
    message = f"onverwacht {found!r}" if found else "onverwacht einde van de query"
    return QuerySyntaxError(message, max(line, 1), exc.col, hint)


def _walk(node: object):
    """Every value in rdflib's parse tree."""
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        for value in node:
            yield from _walk(value)


def _refuse_nodes(parsed: CompValue) -> None:
    for node in _walk(parsed):
        if isinstance(node, CompValue) and node.name == "ServiceGraphPattern":
            raise QueryRefused("SERVICE is niet toegestaan (SERVICE calls to other endpoints are refused)")
        if isinstance(node, URIRef) and node == G_PRIVATE:
            raise QueryRefused("de privégraaf is niet beschikbaar (the private graph is not public)")


def _dataset(clauses: list, form: str) -> QueryInfo:
    defaults = [str(c["default"]) for c in clauses if c.get("default") is not None]
    named = [str(c["named"]) for c in clauses if c.get("named") is not None]
    for iri in defaults + named:
        if not iri.startswith(("http://", "https://", "urn:")):
            raise QueryRefused(f"FROM <{iri}>: alleen graven in de store (FROM selects graphs, never files)")
    return QueryInfo(form, defaults, named)


def _check_graphs(info: QueryInfo, graphs: Iterable[str] | None) -> None:
    if graphs is None:
        return
    known = set(graphs)
    for iri in info.from_graphs + info.from_named:
        if iri not in known:
            choices = ", ".join(sorted(known)) or "(geen)"
            raise QueryRefused(f"FROM <{iri}> is geen graaf in de store; kies uit: {choices}")
