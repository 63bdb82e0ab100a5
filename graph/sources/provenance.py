"""Provenance of the named graphs, for ``G_META``: title, sources, licence, reference date, build time.

The build (:mod:`graph.build`) calls :func:`provenance` once per named graph, after it knows the
number of triples; :data:`GRAPHS` holds what is known about the graphs this package builds.

>>> from graph.namespace import G_REFERENCE
>>> quads = graph_provenance(G_REFERENCE, triples=10)
>>> any(q.object.value == CC_BY_4 for q in quads)
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pyoxigraph import Literal, Quad
from rdflib import URIRef
from rdflib.namespace import DCTERMS, PROV, XSD

from graph.namespace import G_META, G_ONTOLOGY, G_PRAKTIJK, G_REFERENCE, VOID
from graph.sources.terms import Quads, node

CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"
EUPL_1_2 = "http://publications.europa.eu/resource/authority/licence/EUPL_1_2"  # the EU licence authority table
ATTRIBUTION_CBS = "Bron: CBS"
PEILDATUM_2024 = dt.date(2024, 1, 1)


@dataclass(frozen=True)
class GraphInfo:
    """What a named graph holds and where it comes from."""

    title_nl: str
    title_en: str
    sources: tuple[str, ...] = ()
    licence: str | None = None
    attribution: str | None = None
    peildatum: dt.date | None = None
    description_nl: str = ""
    rights_nl: str = ""  # what may be done with it, where no licence is stated


GRAPHS: dict[URIRef, GraphInfo] = {
    G_REFERENCE: GraphInfo(
        "Referentiegegevens: provincies, gemeenten, kernen, wijken, buurten, herindelingen",
        "Reference data: provinces, municipalities, kernen, districts, neighbourhoods, mergers",
        sources=(
            "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85984NED",
            "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85755NED",
            "https://standaarden.overheid.nl/tooi",
            "https://www.wikidata.org/",
        ),
        licence=CC_BY_4,
        attribution=ATTRIBUTION_CBS,
        peildatum=PEILDATUM_2024,
        description_nl=(
            "342 gemeenten (indeling 2023-2026) met cijfers per 1 januari 2024 (CBS Kerncijfers wijken en "
            "buurten 2024, 85984NED: inwoners in personen, oppervlakte in hectare, huishoudens), 2.501 "
            "BAG-woonplaatsen als kernen (CBS Woonplaatsen in Nederland 2024), 3.393 wijken en 14.574 "
            "buurten, en 128 herindelingen 2000-2023 uit het TOOI-register. Herkomst per bestand: "
            "data/reference/SOURCES.md."
        ),
    ),
    G_PRAKTIJK: GraphInfo(
        "Praktijkgegevens: toepassingen van instrumenten, kerntellingen, lessen, organisaties",
        "Practice data: instruments in use, counts of kernen, lessons, organisations",
        description_nl=(
            "Feiten over kernendemocratie in 267 gemeenten, elk met de URL van zijn bron (dcterms:source -> "
            "kd:Bron); de bij een tweede controle teruggevonden feiten (kd:Praktijkfeit) ook met een letterlijk "
            "citaat en de datum van de bron (kd:Bronvermelding), de feiten uit de domeinnotitie (kd:Notitiefeit) "
            "zonder citaat. Herkomst en keuzes: data/praktijk/SOURCES.md."
        ),
        rights_nl=(
            "Geen eigen licentie vastgesteld: feiten uit openbare bronnen (gearchiveerde webpagina's), elk met "
            "de bron die het noemt, en citaten van hooguit 30 woorden; citeer die bron. Zie data/praktijk/SOURCES.md."
        ),
    ),
    G_ONTOLOGY: GraphInfo(
        "Ontologie kernendemocratie, begrippenschema's en SHACL-vormen",
        "Kernendemocratie ontology, concept schemes and SHACL shapes",
        description_nl="De Turtle-bestanden in ontology/; instrumenten en ladder gegenereerd uit data/praktijk.",
        licence=EUPL_1_2,
    ),
}


def provenance(graph: URIRef, info: GraphInfo, *, generated: dt.datetime | None = None, triples: int | None = None) -> list[Quad]:
    """Quads in ``G_META`` that describe ``graph``: a ``void:Dataset`` and ``prov:Entity``."""
    quads = Quads(G_META)
    subject = node(graph)
    quads.typed(subject, VOID.Dataset, PROV.Entity)
    quads.add(subject, DCTERMS.title, info.title_nl, lang="nl")
    quads.add(subject, DCTERMS.title, info.title_en, lang="en")
    quads.add(subject, DCTERMS.description, info.description_nl or None, lang="nl")
    for source in info.sources:
        quads.add(subject, DCTERMS.source, node(source))
    quads.add(subject, DCTERMS.license, info.licence and node(info.licence))
    quads.add(subject, DCTERMS.rights, info.rights_nl or None, lang="nl")
    quads.add(subject, DCTERMS.bibliographicCitation, info.attribution)
    quads.add(subject, DCTERMS.temporal, info.peildatum)
    when = generated or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    quads.add(subject, PROV.generatedAtTime, Literal(when.isoformat(), datatype=node(XSD.dateTime)))
    quads.add(subject, VOID.triples, triples)
    return quads.items


def graph_provenance(graph: URIRef, *, generated: dt.datetime | None = None, triples: int | None = None) -> list[Quad]:
    """:func:`provenance` for one of the graphs in :data:`GRAPHS` (``KeyError`` for others)."""
    return provenance(graph, GRAPHS[graph], generated=generated, triples=triples)
