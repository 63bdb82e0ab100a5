"""Query results as plain data: :class:`Term` and :class:`QueryResult`, and the W3C result formats.

Both stores (local and remote) return a :class:`QueryResult`; the CLI, the endpoint and the app
format it without knowing where it came from.

>>> t = Term("literal", "2024", "http://www.w3.org/2001/XMLSchema#gYear")
>>> t.py
2024
>>> r = QueryResult("select", columns=["n"], rows=[[Term("literal", "3", XSD + "integer")], [None]])
>>> r.records()
[{'n': 3}, {'n': None}]
>>> r.to_csv()
'n\\r\\n3\\r\\n""\\r\\n'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                               "positiveInteger", "negativeInteger", "nonPositiveInteger",
                               "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte", "gYear")}


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def _datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


_CONVERTERS: dict[str, Callable[[str], object]] = {
    XSD + "decimal": Decimal,
    XSD + "double": float,
    XSD + "float": float,
    XSD + "boolean": lambda text: text.strip() in {"true", "1"},
    XSD + "date": _date,
    XSD + "dateTime": _datetime,
}


@dataclass(frozen=True)
class Term:
    """One RDF term: ``kind`` is ``'uri'``, ``'literal'`` or ``'bnode'``.

    >>> Term("literal", "Sneek", lang="fy").py
    'Sneek'
    >>> Term("literal", "12.50", XSD + "decimal").py
    Decimal('12.50')
    >>> Term("uri", "https://example.org/x").n3
    '<https://example.org/x>'
    """

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    @property
    def py(self) -> object:
        """The Python value: int, Decimal, float, bool, date, datetime or str (IRIs as str)."""
        if self.kind != "literal" or self.datatype is None:
            return self.value
        if self.datatype in _INTEGERS:
            return _lenient(int, self.value)
        convert = _CONVERTERS.get(self.datatype)
        return _lenient(convert, self.value) if convert else self.value

    @property
    def n3(self) -> str:
        """The term in N-Triples/SPARQL syntax, properly escaped."""
        return str(to_ox(self))

    def __str__(self) -> str:
        return self.value


def _lenient(convert: Callable[[str], object], text: str) -> object:
    """Convert, or keep the lexical form when the literal is ill-typed."""
    try:
        return convert(text)
    except (ValueError, ArithmeticError):
        return text


def from_ox(term: object) -> Term | None:
    """A pyoxigraph term as a :class:`Term` (``None`` stays ``None``)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        lang = term.language
        return Term("literal", term.value, None if lang else term.datatype.value, lang)
    return Term("literal", str(term))  # RDF-star triple terms: their N-Triples text


def py_of(term: object) -> object:
    """The Python value of a pyoxigraph term, as ``from_ox(term).py`` gives it, without making the
    :class:`Term` (half a million terms: about a second less).

    >>> py_of(ox.Literal("7", datatype=ox.NamedNode(XSD + "integer"))), py_of(ox.NamedNode("https://x.org/a"))
    (7, 'https://x.org/a')
    >>> py_of(ox.Literal("Sneek", language="fy")), py_of(None)
    ('Sneek', None)
    """
    kind = type(term)
    if kind is ox.NamedNode or kind is ox.BlankNode:
        return term.value
    if kind is ox.Literal:
        if term.language:
            return term.value
        datatype = term.datatype.value
        if datatype in _INTEGERS:
            return _lenient(int, term.value)
        convert = _CONVERTERS.get(datatype)
        return _lenient(convert, term.value) if convert else term.value
    return None if term is None else str(term)


def records_of(raw: ox.QuerySolutions) -> list[dict[str, object]]:
    """The rows of a pyoxigraph SELECT result as dicts of Python values, like ``QueryResult.records()``."""
    names = [v.value for v in raw.variables]
    return [dict(zip(names, [py_of(v) for v in solution])) for solution in raw]


def to_ox(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A :class:`Term` as a pyoxigraph term."""
    if term.kind == "uri":
        return ox.NamedNode(term.value)
    if term.kind == "bnode":
        return ox.BlankNode(term.value)
    if term.lang:
        return ox.Literal(term.value, language=term.lang)
    return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype or XSD + "string"))


@dataclass
class QueryResult:
    """The result of a query. ``kind``: ``'select'``, ``'ask'`` or ``'graph'`` (CONSTRUCT/DESCRIBE)."""

    kind: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: bytes = b""  # N-Triples for CONSTRUCT/DESCRIBE
    truncated: bool = False
    elapsed_ms: float = 0.0

    @classmethod
    def from_oxigraph(cls, raw: object, *, max_rows: int | None = None,
                      started: float | None = None) -> "QueryResult":
        """Collect a pyoxigraph result, keeping at most ``max_rows`` rows (or triples)."""
        started = time.perf_counter() if started is None else started
        if isinstance(raw, ox.QueryBoolean):
            result = cls("ask", boolean=bool(raw))
        elif isinstance(raw, ox.QuerySolutions):
            result = cls._select(raw, max_rows)
        else:
            result = cls._graph(raw, max_rows)
        result.elapsed_ms = (time.perf_counter() - started) * 1000
        return result

    @classmethod
    def _select(cls, raw: ox.QuerySolutions, max_rows: int | None) -> "QueryResult":
        columns = [v.value for v in raw.variables]
        rows, truncated = [], False
        for solution in raw:
            if max_rows is not None and len(rows) >= max_rows:
                truncated = True
                break
            rows.append([from_ox(solution[i]) for i in range(len(columns))])
        return cls("select", columns=columns, rows=rows, truncated=truncated)

    @classmethod
    def _graph(cls, raw: ox.QueryTriples, max_rows: int | None) -> "QueryResult":
        triples, truncated = [], False
        for triple in raw:
            if max_rows is not None and len(triples) >= max_rows:
                truncated = True
                break
            triples.append(triple)
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""
        return cls("graph", triples=data, truncated=truncated)

    def records(self) -> list[dict[str, object]]:
        """Rows as dicts of Python values (unbound -> ``None``)."""
        return [{c: (t.py if t is not None else None) for c, t in zip(self.columns, row)}
                for row in self.rows]

    def column(self, name: str) -> list[object]:
        """One column's Python values."""
        index = self.columns.index(name)
        return [row[index].py if row[index] is not None else None for row in self.rows]

    def to_sparql_json(self) -> dict:
        """The W3C SPARQL 1.1 Query Results JSON (SELECT/ASK)."""
        if self.kind == "ask":
            return {"head": {}, "boolean": bool(self.boolean)}
        bindings = [{c: _json_term(t) for c, t in zip(self.columns, row) if t is not None}
                    for row in self.rows]
        return {"head": {"vars": list(self.columns)}, "results": {"bindings": bindings}}

    def to_csv(self) -> str:
        """W3C SPARQL 1.1 CSV results: plain values, unbound as empty."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.columns)
        for row in self.rows:
            writer.writerow(["" if t is None else t.value for t in row])
        return out.getvalue()

    def to_tsv(self) -> str:
        """W3C SPARQL 1.1 TSV results: terms in SPARQL syntax, unbound as empty."""
        lines = ["\t".join("?" + c for c in self.columns)]
        lines += ["\t".join("" if t is None else _tsv_term(t) for t in row) for row in self.rows]
        return "\n".join(lines) + "\n"


def _json_term(term: Term) -> dict[str, str]:
    kind = {"uri": "uri", "bnode": "bnode"}.get(term.kind, "literal")
    out = {"type": kind, "value": term.value}
    if term.lang:
        out["xml:lang"] = term.lang
    elif term.kind == "literal" and term.datatype and term.datatype != XSD + "string":
        out["datatype"] = term.datatype
    return out


def _tsv_term(term: Term) -> str:
    """Numbers stay bare (as the W3C TSV format allows); everything else in N-Triples syntax."""
    if term.kind == "literal" and term.datatype in {XSD + "integer", XSD + "decimal"}:
        return term.value
    return term.n3.replace("\t", "\\t")
