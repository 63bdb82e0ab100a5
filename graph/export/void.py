"""The dataset description (VoID): triples, classes, properties, named graphs, licences, sources.

:func:`describe` reads it from a store with trusted queries (``export/queries/void_*.rq``); the
private graph is left out of every count. :func:`void_turtle` renders it as VoID in Turtle for the
endpoint (``/void``), the landing page and the dump manifest.

>>> d = DatasetDescription(graphs=(GraphInfo("https://w3id.org/kernendemocratie/graph/reference", 3,
...     licences=("https://creativecommons.org/licenses/by/4.0/",)),), classes=(("http://x/C", 1),),
...     properties=(("http://x/p", 3),))
>>> d.triples, d.licences
(3, ('https://creativecommons.org/licenses/by/4.0/',))
>>> "void:triples 3" in void_turtle(d, base_url="http://127.0.0.1:7878")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from graph.namespace import G_META, G_PRIVATE, PREFIXES, sparql_prefixes

QUERIES = Path(__file__).with_name("queries")
DCT = PREFIXES["dcterms"]
PROV = PREFIXES["prov"]
RDFS = PREFIXES["rdfs"]
TITLE = "Kennisgraaf kernendemocratie"


class Queryable(Protocol):
    """What this module needs of a store (``graph.store.Store``)."""

    def query(self, text: str, *, bindings: dict | None = None) -> Any: ...


@dataclass(frozen=True)
class GraphInfo:
    """One public named graph: its size and provenance (from the meta graph)."""

    iri: str
    triples: int
    licences: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    title: str = ""
    generated: str = ""


@dataclass(frozen=True)
class DatasetDescription:
    """What the public part of a store holds."""

    graphs: tuple[GraphInfo, ...] = ()
    classes: tuple[tuple[str, int], ...] = ()
    properties: tuple[tuple[str, int], ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)

    @property
    def licences(self) -> tuple[str, ...]:
        return tuple(sorted({lic for g in self.graphs for lic in g.licences}))

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({src for g in self.graphs for src in g.sources}))

    @property
    def generated(self) -> str:
        return max((g.generated for g in self.graphs), default="")


def load_query(name: str) -> str:
    """The text of ``export/queries/<name>.rq`` with our PREFIX lines in front."""
    return sparql_prefixes() + (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def term_text(term: Any) -> str:
    """The lexical value of a term from either engine (pyoxigraph or rdflib), '' for ``None``.

    >>> term_text(ox.NamedNode("http://x/a")), term_text(ox.Literal("5")), term_text(None)
    ('http://x/a', '5', '')
    """
    if term is None:
        return ""
    return term.value if hasattr(term, "value") and not callable(term.value) else str(term)


def _rows(store: Queryable, name: str, **iris: str) -> list[list[str]]:
    bindings = {k: ox.NamedNode(v) for k, v in iris.items()}
    try:
        result = store.query(load_query(name), bindings=bindings)
    except TypeError:  # a store that binds rdflib terms only
        from rdflib import URIRef

        result = store.query(load_query(name), bindings={k: URIRef(v) for k, v in iris.items()})
    return [[term_text(t) for t in row] for row in result.rows]


def _provenance(store: Queryable) -> dict[str, dict[str, list[str]]]:
    prov: dict[str, dict[str, list[str]]] = {}
    for graph, prop, value in _rows(store, "void_provenance", meta=str(G_META), private=str(G_PRIVATE)):
        prov.setdefault(graph, {}).setdefault(prop, []).append(value)
    return prov


def describe(store: Queryable) -> DatasetDescription:
    """The dataset description of the public graphs of ``store`` (four aggregate queries)."""
    prov = _provenance(store)
    private = {"private": str(G_PRIVATE)}
    graphs = tuple(
        GraphInfo(
            iri, int(n),
            licences=tuple(prov.get(iri, {}).get(DCT + "license", ())),
            sources=tuple(prov.get(iri, {}).get(DCT + "source", ())),
            title=(prov.get(iri, {}).get(DCT + "title") or prov.get(iri, {}).get(RDFS + "label") or [""])[0],
            generated=max(prov.get(iri, {}).get(PROV + "generatedAtTime", [""])),
        )
        for iri, n in _rows(store, "void_graphs", **private)
    )
    classes = tuple((c, int(n)) for c, n in _rows(store, "void_classes", **private))
    properties = tuple((p, int(n)) for p, n in _rows(store, "void_properties", **private))
    return DatasetDescription(graphs, classes, properties)


def _iri(text: str) -> str:
    return str(ox.NamedNode(text))


def _lit(text: str) -> str:
    return str(ox.Literal(text))


def _ref(text: str) -> str:
    """An IRI for a URL, a literal for anything else."""
    return _iri(text) if text.startswith(("http://", "https://")) else _lit(text)


def void_turtle(desc: DatasetDescription, *, base_url: str, dumps: tuple[str, ...] = ()) -> str:
    """VoID in Turtle: the dataset, its SPARQL endpoint, dumps, and one partition per graph/class/property."""
    ds = _iri(base_url.rstrip("/") + "/void#dataset")
    lines = [
        "@prefix void: <http://rdfs.org/ns/void#> .", f"@prefix dcterms: <{DCT}> .",
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .", "",
        f"{ds} a void:Dataset ;", f"  dcterms:title {_lit(TITLE)} ;",
        f"  void:sparqlEndpoint {_iri(base_url.rstrip('/') + '/sparql')} ;",
        f"  void:triples {desc.triples} ;",
        f"  void:classes {len(desc.classes)} ;", f"  void:properties {len(desc.properties)} ;",
    ]
    lines += [f"  dcterms:license {_iri(x)} ;" for x in desc.licences]
    lines += [f"  dcterms:source {_ref(x)} ;" for x in desc.sources]
    lines += [f"  void:dataDump {_iri(x)} ;" for x in dumps]
    lines += [f"  void:subset [ a void:Dataset ; sd:name {_iri(g.iri)} ; void:triples {g.triples} ] ;"
              for g in desc.graphs]
    lines += [f"  void:classPartition [ void:class {_iri(c)} ; void:entities {n} ] ;" for c, n in desc.classes]
    lines += [f"  void:propertyPartition [ void:property {_iri(p)} ; void:triples {n} ] ;"
              for p, n in desc.properties]
    lines[-1] = lines[-1][:-2] + " ."
    return "\n".join(lines) + "\n"
