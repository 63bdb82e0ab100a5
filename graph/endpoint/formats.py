"""The endpoint's answer formats: content negotiation and rendering of a :class:`QueryResult`.

SELECT/ASK: SPARQL JSON, XML, CSV, TSV (and an HTML table for browsers); CONSTRUCT/DESCRIBE: Turtle,
N-Triples, JSON-LD, RDF/XML (and Turtle in an HTML page). ``?format=`` (as SPARQLWrapper sends it)
decides alone when given (an unknown name is refused). A truncation note goes where the format has
room for one (JSON, XML, comments in Turtle/N-Triples/RDF/XML), never into CSV or TSV rows; the
``X-Kernen-Truncated`` header is always there.

>>> choose_format("text/csv", [], "select")
'csv'
>>> choose_format("application/sparql-results+json;q=0.5, text/tab-separated-values", [], "ask")
'tsv'
>>> choose_format("*/*", ["turtle"], "select"), choose_format("", [], "graph")
(None, 'turtle')
>>> choose_format("image/png", [], "select") is None
True
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from graph.endpoint import html as pages
from graph.namespace import PREFIXES

# format -> media type, per kind of result; the first entry of each table is the default.
RESULT_TYPES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
GRAPH_TYPES = {
    "turtle": "text/turtle; charset=utf-8", "nt": "application/n-triples", "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml", "html": "text/html; charset=utf-8",
}
ACCEPTED = {  # media types a client may ask for -> (format for SELECT/ASK, format for CONSTRUCT/DESCRIBE)
    "application/sparql-results+json": ("json", "jsonld"), "application/json": ("json", "jsonld"),
    "application/sparql-results+xml": ("xml", "rdfxml"), "application/xml": ("xml", "rdfxml"),
    "text/xml": ("xml", "rdfxml"), "text/csv": ("csv", None), "text/tab-separated-values": ("tsv", None),
    "text/html": ("html", "html"), "text/turtle": (None, "turtle"), "application/turtle": (None, "turtle"),
    "application/x-turtle": (None, "turtle"), "text/n3": (None, "turtle"), "application/n-triples": (None, "nt"),
    "text/plain": (None, "nt"), "application/ld+json": (None, "jsonld"), "application/rdf+xml": (None, "rdfxml"),
}
FORMAT_NAMES = {  # ?format= / ?output= values (SPARQLWrapper sends these) -> media type above
    "json": "application/json", "xml": "application/xml", "csv": "text/csv", "tsv": "text/tab-separated-values",
    "html": "text/html", "turtle": "text/turtle", "ttl": "text/turtle", "n3": "text/n3", "nt": "text/plain",
    "ntriples": "text/plain", "n-triples": "text/plain", "json-ld": "application/ld+json",
    "jsonld": "application/ld+json", "rdf": "application/rdf+xml", "rdf+xml": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
              "rdfxml": ox.RdfFormat.RDF_XML}


def _rank(accept: str) -> list[str]:
    """Media types from an Accept header, best first (q-values; ties keep their order)."""
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            ranked.append((-float(q), i, media.lower()))
        except ValueError:
            continue
    return [media for q, _, media in sorted(ranked) if q < 0]


def choose_format(accept: str, format_params: list[str], kind: str) -> str | None:
    """The response format for a result of ``kind`` (select/ask/graph), or ``None`` (406)."""
    column = 1 if kind == "graph" else 0
    defaults = list(GRAPH_TYPES if kind == "graph" else RESULT_TYPES)
    if format_params:  # an explicit ?format= decides alone: the Accept header is not consulted
        for value in format_params:
            media = FORMAT_NAMES.get(value.strip().lower(), value.strip().lower())
            if ACCEPTED.get(media, (None, None))[column]:
                return ACCEPTED[media][column]
        return None
    if not accept.strip():
        return defaults[0]
    for media in _rank(accept):
        if ACCEPTED.get(media, (None, None))[column]:
            return ACCEPTED[media][column]
        if media in {"*/*", "*"}:
            return defaults[0]
        if media.endswith("/*"):
            major = media[:-1]
            found = [f for f in defaults if (RESULT_TYPES | GRAPH_TYPES)[f].startswith(major)]
            if found:
                return found[0]
    return None


def unknown_format_names(values: list[str]) -> list[str]:
    """The ``?format=`` values that name no format (neither a short name nor a media type we know).

    >>> unknown_format_names(["json", "text/csv", "bogus"])
    ['bogus']
    """
    return [v for v in values if v.strip().lower() not in FORMAT_NAMES and v.strip().lower() not in ACCEPTED]


def render(result, fmt: str, *, note: str = "") -> bytes:
    """The body of a query result in format ``fmt``; ``note`` (truncation) is added where the format allows."""
    if result.kind != "graph":
        return _render_table(result, fmt, note)
    triples = list(ox.parse(result.triples, format=ox.RdfFormat.N_TRIPLES)) if result.triples else []
    if fmt == "html":
        turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
        return pages.graph_page(turtle.decode(), note=note).encode()
    body = ox.serialize(triples, format=OX_FORMATS[fmt], prefixes=PREFIXES) or b""
    if note and fmt in {"turtle", "nt"}:
        body += f"# {note}\n".encode()
    elif note and fmt == "rdfxml":
        body += f"<!-- {note} -->\n".encode()
    return body


def _render_table(result, fmt: str, note: str) -> bytes:
    if fmt == "json":
        data = result.to_sparql_json()
        if note:
            data |= {"truncated": True, "note": note}
        return json.dumps(data, ensure_ascii=False).encode()
    if fmt == "xml":
        return pages.results_xml(result, note=note).encode()
    if fmt == "html":
        return pages.results_page(result, note=note).encode()
    if result.kind == "ask":
        return _ask_text(result, fmt).encode()
    # CSV and TSV have no place for a note: a last line would be read as a row (the header says it)
    return (result.to_csv() if fmt == "csv" else result.to_tsv()).encode()


def _ask_text(result, fmt: str) -> str:
    """A boolean as CSV/TSV: one column ``_askResult`` (the results formats define only SELECT; this is
    what Jena ARQ and RDF4J write)."""
    end = "\r\n" if fmt == "csv" else "\n"
    return ("_askResult" if fmt == "csv" else "?_askResult") + end + str(bool(result.boolean)).lower() + end
