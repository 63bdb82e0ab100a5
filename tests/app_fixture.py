"""The quads of the app tests' small store (written to disk by conftest's ``app_store`` fixture): the mini
trajectory (tests/fixtures_trajectory.py) plus provinces, centroids, instrument groups, definitions and wijken,
so that every page has something to show. All values are test data about fictional gemeenten
(GM9001..GM9004), not facts.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from fixtures_trajectory import GEMEENTEN, HOSTILE, INSTRUMENTS, trajectory_quads
from graph.namespace import GEO, G_PRAKTIJK, G_REFERENCE, KD, TOOI, WD, iri

PROVINCIES = {"PV90": "Testland-Noord", "PV91": "Testland-Zuid"}
PLACES = {"GM9001": ("PV90", 53.10, 5.80), "GM9002": ("PV90", 52.95, 6.40),
          "GM9003": ("PV91", 51.60, 5.30), "GM9004": ("PV91", 51.85, 4.60)}
GROUPS = {"budget": ("Budget", "Budget"), "vertegenwoordiging": ("Vertegenwoordiging", "Representation")}
INSTRUMENT_GROUP = {"dorpsbudget": ("budget", "zeggenschap"), "dorpsraad": ("vertegenwoordiging", "invloed")}


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


class _Quads(list):
    """Quads in named graphs; plain strings become literals."""

    def add(self, s, p, o, g) -> None:
        obj = o if isinstance(o, (ox.NamedNode, ox.Literal)) else ox.Literal(str(o))
        self.append(ox.Quad(_n(s), _n(p), obj, _n(g)))

    def labels(self, s, p, nl: str, en: str, g) -> None:
        self.add(s, p, ox.Literal(nl, language="nl"), g)
        self.add(s, p, ox.Literal(en, language="en"), g)


def _extra() -> list[ox.Quad]:
    q = _Quads()
    for code, name in PROVINCIES.items():
        p = iri("provincie", code)
        q.add(p, RDF.type, _n(KD.Provincie), G_REFERENCE)
        q.add(p, RDFS.label, name, G_REFERENCE)
    for code, (prov, lat, lon) in PLACES.items():
        g, geom = iri("gemeente", code), iri("geometrie", code)
        q.add(g, KD.provincie, _n(iri("provincie", prov)), G_REFERENCE)
        q.add(g, GEO.hasGeometry, _n(geom), G_REFERENCE)
        q.add(geom, GEO.asWKT, ox.Literal(f"POINT({lon} {lat})", datatype=_n(GEO.wktLiteral)), G_REFERENCE)
        q.add(g, OWL.sameAs, _n(TOOI["gemeente/" + code.lower()]), G_REFERENCE)
        q.add(g, OWL.sameAs, _n(WD["Q" + code[2:]]), G_REFERENCE)
    w = iri("wijk", "WK900100")
    q.add(w, RDF.type, _n(KD.Wijk), G_REFERENCE)
    q.add(w, RDFS.label, "Wijk 00", G_REFERENCE)
    q.add(w, KD.gemeente, _n(iri("gemeente", "GM9001")), G_REFERENCE)
    for slug, (nl, en) in GROUPS.items():
        q.add(iri("instrumentgroep", slug), RDF.type, _n(KD.InstrumentGroep), G_PRAKTIJK)
        q.labels(iri("instrumentgroep", slug), SKOS.prefLabel, nl, en, G_PRAKTIJK)
    for slug, (group, say) in INSTRUMENT_GROUP.items():
        i = iri("instrument", slug)
        q.add(i, KD.groep, _n(iri("instrumentgroep", group)), G_PRAKTIJK)
        q.add(i, KD.invloedZeggenschap, say, G_PRAKTIJK)
        q.labels(i, SKOS.definition, f"Definitie van {INSTRUMENTS[slug][0]} {HOSTILE}",
                 f"Definition of {INSTRUMENTS[slug][1]}", G_PRAKTIJK)
    return list(q)


def app_quads() -> list[ox.Quad]:
    """Every quad of the app test store."""
    return trajectory_quads() + _extra()


__all__ = ["GEMEENTEN", "HOSTILE", "PROVINCIES", "app_quads"]
