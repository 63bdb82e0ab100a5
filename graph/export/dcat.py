"""The dataset description as VoID and DCAT (DCAT-AP-NL where it fits) in Turtle.

One ``void:Dataset`` that is also a ``dcat:Dataset``: title and description in Dutch and English,
version (the build time), issued/modified, the licences and sources of its graphs, the SPARQL endpoint
as a ``dcat:DataService``, each dump as a ``dcat:Distribution`` (download URL, media type, size,
SHA-256), and one ``void:subset`` per named graph with its own licence or rights statement and the
sources it names and cites.

>>> from graph.export.void import DatasetDescription, GraphInfo
>>> d = DatasetDescription(graphs=(GraphInfo("https://w3id.org/kernendemocratie/graph/ontology", 3,
...     licences=("http://publications.europa.eu/resource/authority/licence/EUPL_1_2",),
...     generated="2026-01-02T03:04:05+00:00"),), merged=3)
>>> text = dataset_turtle(d, base_url="http://127.0.0.1:7878")
>>> "dcat:version \\"20260102T030405Z\\"" in text and "licence/EUPL_1_2>" in text
True
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

TITLE = ("Kennisgraaf kernendemocratie", "Kernendemocratie knowledge graph")
DESCRIPTION = (
    "Open kennisgraaf over invloed en zeggenschap van kernen, wijken en buurten in Nederlandse gemeenten: "
    "referentiegegevens (CBS, TOOI), praktijkfeiten met hun bronnen en de ontologie.",
    "Open knowledge graph about the influence and say of villages and neighbourhoods in Dutch municipalities: "
    "reference data (CBS, TOOI), practice facts with their sources, and the ontology.",
)
THEME = "http://publications.europa.eu/resource/authority/data-theme/GOVE"  # government and public sector
LANGUAGE = "http://publications.europa.eu/resource/authority/language/NLD"
PREFIXES = """@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix spdx: <http://spdx.org/rdf/terms#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def compact_version(timestamp: str) -> str:
    """A build time as a version name for URLs and file names ('' when unknown).

    >>> compact_version("2026-12-06T20:26:49+00:00")
    '20261206T202649Z'
    """
    return "".join(ch for ch in timestamp[:19] if ch.isalnum()) + "Z" if timestamp else ""


def _iri(text: str) -> str:
    return str(ox.NamedNode(text))


def _lit(text: str, lang: str = "") -> str:
    return str(ox.Literal(text, language=lang) if lang else ox.Literal(text))


def _ref(text: str) -> str:
    """An IRI for a URL, a literal for anything else."""
    return _iri(text) if text.startswith(("http://", "https://")) else _lit(text)


def _when(generated: str) -> str:
    return str(ox.Literal(generated, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")))


def _subset(graph) -> str:
    parts = [f"a void:Dataset, dcat:Dataset", f"sd:name {_iri(graph.iri)}", f"void:triples {graph.triples}"]
    parts += [f"dcterms:title {_lit(graph.title)}"] if graph.title else []
    parts += [f"dcterms:license {_iri(x)}" for x in graph.licences]
    parts += [f"dcterms:rights {_lit(graph.rights, 'nl')}"] if graph.rights else []
    parts += [f"dcterms:source {_ref(x)}" for x in (*graph.sources, *graph.cited)]
    return "  void:subset [ " + " ;\n      ".join(parts) + " ] ;"


def _distribution(dump: dict) -> str:
    parts = ["a dcat:Distribution", f"dcat:downloadURL {_iri(dump['url'])}", f"dcat:accessURL {_iri(dump['url'])}"]
    parts += [f"dcat:mediaType {_iri('https://www.iana.org/assignments/media-types/' + dump['media_type'])}"] \
        if dump.get("media_type") else []
    parts += [f"dcat:byteSize {int(dump['bytes'])}"] if dump.get("bytes") is not None else []
    parts += [f"spdx:checksum [ a spdx:Checksum ; spdx:algorithm spdx:checksumAlgorithm_sha256 ; "
              f"spdx:checksumValue {_lit(dump['sha256'])} ]"] if dump.get("sha256") else []
    return "  dcat:distribution [ " + " ;\n      ".join(parts) + " ] ;"


def dataset_turtle(desc, *, base_url: str, dumps: Iterable[dict] = ()) -> str:
    """VoID + DCAT in Turtle. ``dumps``: ``{"url", "media_type", "bytes", "sha256"}`` per file."""
    base = base_url.rstrip("/")
    ds, endpoint = _iri(base + "/void#dataset"), _iri(base + "/sparql")
    dumps = list(dumps)
    lines = [PREFIXES, f"{ds} a void:Dataset, dcat:Dataset ;",
             f"  dcterms:title {_lit(TITLE[0], 'nl')}, {_lit(TITLE[1], 'en')} ;",
             f"  dcterms:description {_lit(DESCRIPTION[0], 'nl')}, {_lit(DESCRIPTION[1], 'en')} ;",
             f"  dcat:theme {_iri(THEME)} ;", f"  dcterms:language {_iri(LANGUAGE)} ;",
             f"  void:sparqlEndpoint {endpoint} ;", f"  void:triples {desc.triples} ;",
             f"  void:classes {len(desc.classes)} ;", f"  void:properties {len(desc.properties)} ;"]
    if desc.generated:
        lines += [f"  dcat:version {_lit(desc.version)} ;", f"  dcterms:issued {_when(desc.generated)} ;",
                  f"  dcterms:modified {_when(desc.generated)} ;"]
    lines += [f"  dcterms:license {_iri(x)} ;" for x in desc.licences]
    lines += [f"  dcterms:source {_ref(x)} ;" for x in desc.sources]
    lines += [f"  void:dataDump {_iri(d['url'])} ;" for d in dumps]
    lines += [_distribution(d) for d in dumps]
    lines += [f"  dcat:distribution [ a dcat:Distribution ; dcat:accessService [ a dcat:DataService ; "
              f"dcat:endpointURL {endpoint} ; dcterms:conformsTo <https://www.w3.org/TR/sparql11-protocol/> ] ; "
              f"dcat:accessURL {endpoint} ] ;"]
    lines += [_subset(g) for g in desc.graphs]
    lines += [f"  void:classPartition [ void:class {_iri(c)} ; void:entities {n} ] ;" for c, n in desc.classes]
    lines += [f"  void:propertyPartition [ void:property {_iri(p)} ; void:triples {n} ] ;"
              for p, n in desc.properties]
    lines[-1] = lines[-1][:-2] + " ."
    return "\n".join(lines) + "\n"
