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
    rights: str = ""  # where no licence is stated: what the graph's provenance says instead
    cited: tuple[str, ...] = ()  # the source documents its facts cite (kd:Bron URLs)


@dataclass(frozen=True)
class DatasetDescription:
    """What the public part of a store holds."""

    graphs: tuple[GraphInfo, ...] = ()
    classes: tuple[tuple[str, int], ...] = ()
    properties: tuple[tuple[str, int], ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    merged: int | None = None  # distinct triples over the graphs (their RDF merge), when counted

    @property
    def triples(self) -> int:
        """Triples in the default graph, the RDF merge of the public graphs (a triple stated in two
        graphs counts once)."""
        return self.merged if self.merged is not None else sum(g.triples for g in self.graphs)

    @property
    def version(self) -> str:
        """The version of the data: its build time, compact (``20261206T202649Z``), '' when unknown."""
        from graph.export.dcat import compact_version

        return compact_version(self.generated)

    @property
    def licences(self) -> tuple[str, ...]:
        return tuple(sorted({lic for g in self.graphs for lic in g.licences}))

    @property
    def sources(self) -> tuple[str, ...]:
        """The sources the graphs' provenance names (not the documents their facts cite)."""
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
    """The dataset description of the public graphs of ``store`` (six aggregate queries)."""
    prov = _provenance(store)
    private = {"private": str(G_PRIVATE)}
    cited: dict[str, list[str]] = {}
    for graph, url in _rows(store, "void_cited", **private):
        cited.setdefault(graph, []).append(url)
    graphs = tuple(
        GraphInfo(
            iri, int(n),
            licences=tuple(prov.get(iri, {}).get(DCT + "license", ())),
            sources=tuple(prov.get(iri, {}).get(DCT + "source", ())),
            title=(prov.get(iri, {}).get(DCT + "title") or prov.get(iri, {}).get(RDFS + "label") or [""])[0],
            generated=max(prov.get(iri, {}).get(PROV + "generatedAtTime", [""])),
            rights=(prov.get(iri, {}).get(DCT + "rights") or [""])[0],
            cited=tuple(cited.get(iri, ())),
        )
        for iri, n in _rows(store, "void_graphs", **private)
    )
    classes = tuple((c, int(n)) for c, n in _rows(store, "void_classes", **private))
    properties = tuple((p, int(n)) for p, n in _rows(store, "void_properties", **private))
    merged = int(_rows(store, "void_total")[0][0])
    return DatasetDescription(graphs, classes, properties, merged=merged)


def void_turtle(desc: DatasetDescription, *, base_url: str, dumps: tuple = ()) -> str:
    """VoID (and DCAT) in Turtle: see :func:`graph.export.dcat.dataset_turtle`; ``dumps`` are URLs or
    ``{"url", "media_type", "bytes", "sha256"}`` dicts."""
    from graph.export.dcat import dataset_turtle

    files = [d if isinstance(d, dict) else {"url": d} for d in dumps]
    return dataset_turtle(desc, base_url=base_url, dumps=files)
