"""pyoxigraph terms for the builders: cached nodes, typed literals and a quad collector.

rdflib terms are convenient but slow on hot paths (DESIGN.md), so the builders make pyoxigraph
terms directly. :func:`node` converts (and caches) an rdflib ``URIRef`` such as ``KD.code``.

>>> from graph.namespace import KD, G_REFERENCE, iri
>>> quads = Quads(G_REFERENCE)
>>> g = node(iri("gemeente", "GM1900"))
>>> quads.add(g, KD.code, "GM1900")
>>> quads.add(g, KD.inwoners, 90421)
>>> [str(q.object) for q in quads]
['"GM1900"', '"90421"^^<http://www.w3.org/2001/XMLSchema#integer>']
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from pyoxigraph import BlankNode, Literal, NamedNode, Quad
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from graph.namespace import GEO, KD, iri

Term = NamedNode | BlankNode | Literal
Value = Term | URIRef | str | int | float | Decimal | bool | dt.date


def node(uri: URIRef | str | NamedNode) -> NamedNode:
    """The pyoxigraph ``NamedNode`` of an IRI (cached: predicates and classes repeat)."""
    return uri if isinstance(uri, NamedNode) else _node(str(uri))


@lru_cache(maxsize=4096)
def _node(uri: str) -> NamedNode:
    return NamedNode(uri)


XSD_INTEGER = node(XSD.integer)
XSD_DECIMAL = node(XSD.decimal)
XSD_BOOLEAN = node(XSD.boolean)
XSD_DATE = node(XSD.date)
XSD_GYEAR = node(XSD.gYear)
XSD_ANYURI = node(XSD.anyURI)
WKT = node(GEO.wktLiteral)
A = node(RDF.type)
DCT_SOURCE = node(DCTERMS.source)
RDFS_LABEL = node(RDFS.label)


def literal(value: Value, *, lang: str | None = None) -> Term:
    """A literal with the XSD datatype of a Python value (str, int, Decimal, bool, date)."""
    kind = type(value)  # fast paths for the common cases (URIRef and bool are subclasses of str and int)
    if kind is str:
        return Literal(value, language=lang) if lang else Literal(value)
    if kind is int:
        return Literal(str(value), datatype=XSD_INTEGER)
    if kind is NamedNode or kind is Literal:
        return value
    if isinstance(value, (NamedNode, BlankNode, Literal)):
        return value
    if isinstance(value, URIRef):
        return node(value)
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=XSD_BOOLEAN)
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD_INTEGER)
    if isinstance(value, Decimal):
        return Literal(str(value), datatype=XSD_DECIMAL)
    if isinstance(value, dt.datetime):
        return Literal(value.isoformat(), datatype=node(XSD.dateTime))
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD_DATE)
    if lang:
        return Literal(str(value), language=lang)
    return Literal(str(value))


def year(value: int) -> Literal:
    """An ``xsd:gYear`` literal.

    >>> str(year(2011))
    '"2011"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    """
    return Literal(f"{value:04d}", datatype=XSD_GYEAR)


def wkt_point(lon: Decimal | float, lat: Decimal | float) -> Literal:
    """A GeoSPARQL WKT point (longitude first, WGS84)."""
    return Literal(f"POINT({lon} {lat})", datatype=WKT)


def any_uri(url: str) -> Literal:
    """An ``xsd:anyURI`` literal."""
    return Literal(url, datatype=XSD_ANYURI)


def content_key(*parts: object, length: int = 8) -> str:
    """A short, stable hash of content (for keys of records without a natural key).

    >>> content_key("GM1900", "kernenfonds", 2021)
    '2e15005b'
    """
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def bron_iri(url: str) -> NamedNode:
    """The node of a source document: ``bron/<sha1(url)[:12]>``."""
    return node(iri("bron", hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]))


def host(url: str) -> str:
    """The host name of a URL, without ``www.``.

    >>> host("https://www.rtvnoord.nl/nieuws/1")
    'rtvnoord.nl'
    """
    name = urlsplit(url).hostname or url
    return name.removeprefix("www.")


class Quads:
    """Quads in one named graph. ``add`` skips ``None`` objects, so optional values need no ``if``."""

    def __init__(self, graph: URIRef | str):
        self.graph = node(graph)
        self.items: list[Quad] = []
        self._seen: set[NamedNode] = set()

    def add(self, subject: NamedNode, predicate: URIRef | NamedNode, obj: Value | None, *, lang: str | None = None) -> None:
        """Add one triple; ``obj`` may be a Python value (made a typed literal) or ``None`` (skipped)."""
        if obj is None:
            return
        pred = predicate if type(predicate) is NamedNode else node(predicate)
        self.items.append(Quad(subject, pred, literal(obj, lang=lang), self.graph))

    def typed(self, subject: NamedNode, *classes: URIRef) -> None:
        """``subject rdf:type c`` for every class."""
        for cls in classes:
            self.items.append(Quad(subject, A, node(cls), self.graph))

    def bronnen(self, subject: NamedNode, urls: list[str]) -> None:
        """Link ``subject`` to each source (``dcterms:source``) and describe each source once."""
        for url in urls:
            bron = bron_iri(url)
            self.items.append(Quad(subject, DCT_SOURCE, bron, self.graph))
            self.describe_bron(url)

    def describe_bron(self, url: str) -> None:
        """``kd:Bron`` with its URL and host name (described once per collector)."""
        bron = bron_iri(url)
        if bron in self._seen:
            return
        self._seen.add(bron)
        self.typed(bron, KD.Bron)
        self.add(bron, KD.url, any_uri(url))
        self.add(bron, RDFS_LABEL, host(url))

    def already_described(self, bronnen: Iterable[NamedNode]) -> None:
        """Sources described in another graph: link to them, describe them not again here."""
        self._seen.update(bronnen)

    def __iter__(self) -> Iterator[Quad]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
