"""A small hand-built store for the endpoint, remote-store and dump tests: exact, known contents.

Fictional gemeenten (codes GM99xx, never real facts), a praktijk graph, a private graph that must never
show, and provenance in the meta graph. conftest's ``sample_store`` fixture writes it to disk, where the safe
runner's worker processes can open it (the time limit is only enforced for on-disk stores).
"""

from __future__ import annotations

import pyoxigraph as ox

from graph.namespace import G_META, G_PRAKTIJK, G_PRIVATE, G_REFERENCE, GEO, KD, PREFIXES, iri

RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")
PREF = ox.NamedNode(PREFIXES["skos"] + "prefLabel")
DCT = PREFIXES["dcterms"]
XSD = PREFIXES["xsd"]
SECRET_NAME = "Jan Geheim-Persoon"  # lives only in the private graph
SECRET_MAIL = "jan.geheim@example.org"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def _n(value: str) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def _q(s, p, o, g) -> ox.Quad:
    return ox.Quad(_n(s) if not isinstance(s, (ox.NamedNode, ox.BlankNode)) else s,
                   _n(p) if not isinstance(p, ox.NamedNode) else p,
                   o if isinstance(o, (ox.NamedNode, ox.BlankNode, ox.Literal)) else _n(o), _n(g))


def _gemeente(code: str, naam: str, inwoners: int, wkt: str) -> list[ox.Quad]:
    g, geom, ref = iri("gemeente", code), ox.BlankNode(f"geom{code}"), G_REFERENCE
    return [
        _q(g, RDF_TYPE, KD.Gemeente, ref), _q(g, LABEL, ox.Literal(naam), ref),
        _q(g, KD.code, ox.Literal(code), ref), _q(g, KD.inwoners, ox.Literal(inwoners), ref),
        _q(g, KD.provincie, iri("provincie", "PV99"), ref),
        _q(g, GEO.hasGeometry, geom, ref), _q(geom, GEO.asWKT, ox.Literal(wkt, datatype=_n(GEO.wktLiteral)), ref),
    ]


def _kern(code: str, naam: str, gemeente: str) -> list[ox.Quad]:
    k = iri("kern", code)
    return [_q(k, RDF_TYPE, KD.Kern, G_REFERENCE), _q(k, LABEL, ox.Literal(naam), G_REFERENCE),
            _q(k, KD.code, ox.Literal(code), G_REFERENCE), _q(k, KD.gemeente, iri("gemeente", gemeente), G_REFERENCE)]


def _praktijk() -> list[ox.Quad]:
    ins, t, les, p = iri("instrument", "dorpsbudget"), iri("toepassing", "GM9901-dorpsbudget-0000aaaa"), \
        iri("les", "voorbeeld-l01"), G_PRAKTIJK
    bedrag = iri("bedrag", "GM9901-dorpsbudget-0000aaaa")
    return [
        _q(ins, RDF_TYPE, KD.Instrument, p), _q(ins, PREF, ox.Literal("Dorpsbudget", language="nl"), p),
        _q(ins, PREF, ox.Literal("Village budget", language="en"), p),
        _q(t, RDF_TYPE, KD.Toepassing, p), _q(t, KD.gemeente, iri("gemeente", "GM9901"), p),
        _q(t, KD.instrument, ins, p), _q(t, KD.lokaleNaam, ox.Literal("Dorpenfonds"), p),
        _q(t, KD.bedrag, bedrag, p), _q(bedrag, RDF_TYPE, KD.Bedrag, p),
        _q(bedrag, KD.waarde, ox.Literal("12500.5", datatype=_n(XSD + "decimal")), p),
        _q(bedrag, KD.eenheid, ox.Literal("EUR"), p),
        _q(les, RDF_TYPE, KD.Les, p), _q(les, DCT + "title", ox.Literal("Een vast gezicht per kern werkt"), p),
        _q(les, KD.instrument, ins, p), _q(les, KD.bewijs, iri("gemeente", "GM9901"), p),
        _q(les, KD.bewijs, iri("gemeente", "GM9902"), p),
    ]


def _private() -> list[ox.Quad]:
    person = iri("persoon", "0123456789ab")
    return [_q(person, RDF_TYPE, KD.Persoon, G_PRIVATE), _q(person, LABEL, ox.Literal(SECRET_NAME), G_PRIVATE),
            _q(person, PREFIXES["schema"] + "email", ox.Literal(SECRET_MAIL), G_PRIVATE)]


def _meta() -> list[ox.Quad]:
    out = []
    for graph, source in ((G_REFERENCE, "https://www.cbs.nl/"), (G_PRAKTIJK, "https://www.lokale-democratie.nl/")):
        out += [_q(graph, DCT + "license", _n(LICENCE), G_META), _q(graph, DCT + "source", _n(source), G_META),
                _q(graph, PREFIXES["prov"] + "generatedAtTime",
                   ox.Literal("2026-01-02T03:04:05Z", datatype=_n(XSD + "dateTime")), G_META)]
    return out


def sample_quads() -> list[ox.Quad]:
    """Every quad of the sample store (reference 22, praktijk 16, private 3, meta 6)."""
    return (
        _gemeente("GM9901", "Noorderdorpen", 30_000, "POINT(5.5 53.0)")
        + _gemeente("GM9902", "Zuiderhoek", 12_000, "POINT(5.75 52.25)")
        + _kern("9901", "Oosterwierum", "GM9901") + _kern("9902", "Westerwierum", "GM9901")
        + _praktijk() + _private() + _meta()
    )

