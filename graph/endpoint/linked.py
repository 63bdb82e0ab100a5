"""Linked data: ``/id/<type>/<key>`` and the ontology's terms (``/def``) dereference on ``kernen serve``.

Each of our IRIs (``https://w3id.org/kernendemocratie/id/gemeente/GM1900``) is answered at the same
path here: an HTML page for people (every value that is one of our IRIs links to its own page), and
Turtle, JSON-LD, N-Triples or RDF/XML by content negotiation (``Accept``, or ``?format=ttl|jsonld|nt|rdf``
for a browser), with ``Vary: Accept``. The answer is direct (200), one of the two ways the W3C's
"Cool URIs for the Semantic Web" allows; the ontology's terms are hash IRIs (``def#Gemeente``), so
``/def`` answers for all of them, one section per term. With a ``w3id.org`` redirect to this server
the published IRIs resolve (docs/onderzoekers.md). Only the public graphs are read.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pyoxigraph as ox

from graph.endpoint import html as pages
from graph.endpoint.formats import GRAPH_TYPES, OX_FORMATS, choose_format
from graph.namespace import BASE, DEF, G_ONTOLOGY, ID, PREFIXES

QUERIES = Path(__file__).with_name("queries")
MAX_LINKS = 500  # incoming links listed per resource
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*(/[A-Za-z0-9._~-]+)*$")
RDF_TYPE = PREFIXES["rdf"] + "type"


class NotFound(LookupError):
    """No public statement about the resource."""


def _query(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def resource_iri(path: str) -> str:
    """The IRI for ``/id/<path>``; ``NotFound`` for a path that cannot be one of ours.

    >>> resource_iri("gemeente/GM1900")
    'https://w3id.org/kernendemocratie/id/gemeente/GM1900'
    """
    if not _KEY.match(path):
        raise NotFound(path)
    return ID + path


def local_href(iri: str) -> str | None:
    """The path on this server for one of our IRIs (``/id/...``, ``/def#Term``), else ``None``."""
    return "/" + iri[len(BASE):] if iri.startswith((ID, DEF)) else None


def describe(store, iri: str) -> tuple[list[tuple], list[tuple]]:
    """(statements about ``iri`` as (p, o, label), links to it as (x, p, label)); ``NotFound`` if none."""
    node = ox.NamedNode(iri)
    about = [tuple(row) for row in store.query(_query("ld_about"), bindings={"s": node}).rows]
    links = [tuple(row) for row in store.query(_query("ld_links"), bindings={"s": node}, max_rows=MAX_LINKS).rows]
    if not about and not links:
        raise NotFound(iri)
    return about, links


def terms(store) -> dict[str, list[tuple]]:
    """The ontology's terms: term IRI -> its statements as (p, o, None)."""
    rows = store.query(_query("ld_terms"), bindings={"ontology": ox.NamedNode(str(G_ONTOLOGY)),
                                                      "ns": ox.Literal(DEF)}).rows
    out: dict[str, list[tuple]] = {}
    for s, p, o in rows:
        out.setdefault(s.value, []).append((p, o, None))
    return out


def _ox(term) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    from graph.store.results import to_ox

    return to_ox(term)


def triples(iri: str, about: list[tuple], links: list[tuple]) -> list[ox.Triple]:
    node = ox.NamedNode(iri)
    out = [ox.Triple(node, ox.NamedNode(p.value), _ox(o)) for p, o, _ in about]
    out += [ox.Triple(_ox(x), ox.NamedNode(p.value), node) for x, p, _ in links if x.kind != "literal"]
    return out


def negotiate(accept: str, format_param: str | None) -> str | None:
    """``html`` or an RDF format name (:data:`graph.endpoint.formats.GRAPH_TYPES`); ``None``: 406."""
    return choose_format(accept or "text/html", [format_param] if format_param else [], "graph")


def rdf_body(items: list[ox.Triple], fmt: str) -> bytes:
    return ox.serialize(items, format=OX_FORMATS[fmt], prefixes=PREFIXES) or b""


# --- HTML ------------------------------------------------------------------------------------------

def _value(term, label) -> str:
    if term is None:
        return ""
    if term.kind != "uri":
        suffix = f" <small>@{escape(term.lang)}</small>" if term.lang else ""
        return escape(term.value) + suffix
    text = f"{label.value} ({pages.short(term.value)})" if label is not None else pages.short(term.value)
    href = local_href(term.value) or term.value
    return f'<a href="{escape(href, quote=True)}">{escape(text)}</a>'


def _formats(path: str) -> str:
    return " · ".join(f'<a href="{escape(path, quote=True)}?format={f}">{name}</a>'
                      for f, name in (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples")))


def resource_page(iri: str, about: list[tuple], links: list[tuple]) -> str:
    """The HTML page of one resource: its statements and what links to it, every IRI a link."""
    label = next((o.value for p, o, _ in about if p.value in (PREFIXES["rdfs"] + "label",
                                                                PREFIXES["skos"] + "prefLabel")), iri)
    rows = [[_value(p, None), _value(o, lab)] for p, o, lab in about]
    back = [[_value(x, lab), _value(p, None)] for x, p, lab in links]
    path = local_href(iri) or "/"
    body = (f'<nav><a href="/">kernen</a></nav><h1>{escape(label)}</h1><p><code>{escape(iri)}</code></p>'
            f"<p>{_formats(path)}</p>" + pages.table(["eigenschap (property)", "waarde (value)"], rows)
            + (f"<h2>Verwijzingen hiernaar (links here)</h2>"
               + pages.table(["bron (from)", "eigenschap (property)"], back) if back else ""))
    return pages.page(label, body)


def terms_page(described: dict[str, list[tuple]]) -> str:
    """The ontology page: one section per term (``id`` = its local name, the IRI's fragment)."""
    sections = []
    for iri in sorted(described):
        name = iri[len(DEF):]
        rows = [[_value(p, None), _value(o, None)] for p, o, _ in described[iri]]
        sections.append(f'<section id="{escape(name, quote=True)}"><h2>kd:{escape(name)}</h2>'
                        f"<p><code>{escape(iri)}</code></p>" + pages.table(["eigenschap", "waarde"], rows)
                        + "</section>")
    body = (f'<nav><a href="/">kernen</a></nav><h1>Ontologie kernendemocratie (kd:)</h1>'
            f"<p>{_formats('/def')}</p>" + "".join(sections))
    return pages.page("Ontologie kernendemocratie", body)
