"""What a store holds: triples per named graph and instances per class (``kernen stats``).

>>> import pyoxigraph as ox
>>> from graph.namespace import G_REFERENCE, KD, iri
>>> from graph.store import LocalStore
>>> RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
>>> store = LocalStore.in_memory([ox.Quad(ox.NamedNode(iri("gemeente", "GM1900")), RDF_TYPE,
...     ox.NamedNode(KD.Gemeente), ox.NamedNode(G_REFERENCE))])
>>> instances_per_class(store)
{'kd:Gemeente': 1}
>>> triples_per_graph(store)
{'https://w3id.org/kernendemocratie/graph/reference': 1}
"""

from __future__ import annotations

from graph.namespace import PREFIXES
from graph.store import Store

_TRIPLES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
_CLASSES = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) ?c"


def compact(iri: str) -> str:
    """``kd:Gemeente`` for our IRIs and those of the known prefixes; other IRIs unchanged.

    >>> compact("http://www.w3.org/2004/02/skos/core#Concept")
    'skos:Concept'
    """
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and iri != namespace:
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def triples_per_graph(store: Store, *, include_private: bool = True) -> dict[str, int]:
    """Named graph IRI -> number of triples (the private graph's count reveals no personal data)."""
    result = store.query(_TRIPLES, include_private=include_private)
    return {r["g"]: r["n"] for r in result.records()}


def instances_per_class(store: Store) -> dict[str, int]:
    """Compact class name -> number of distinct instances, over the public graphs, most first."""
    return {compact(r["c"]): r["n"] for r in store.query(_CLASSES).records()}


# Figures of the practice layer: (Dutch label, English label, query giving ?n). Real = not kd:fictief true.
PRACTICE_FIGURES: tuple[tuple[str, str, str], ...] = (
    ("gemeenten met toepassingen", "municipalities with instrument uses",
     "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { ?t a kd:Toepassing ; kd:gemeente ?g FILTER NOT EXISTS { ?t kd:fictief true } }"),
    ("toepassingen (echt)", "instrument uses (real)",
     "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a kd:Toepassing FILTER NOT EXISTS { ?t kd:fictief true } }"),
    ("toepassingen met beslisrecht", "uses with a decision right",
     "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a kd:Toepassing ; kd:beslisrecht ?b FILTER NOT EXISTS { ?t kd:fictief true } }"),
    ("toepassingen met startdatum", "uses with a start date",
     "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a kd:Toepassing ; kd:sinds ?s FILTER NOT EXISTS { ?t kd:fictief true } }"),
    ("lessen (echt)", "lessons (real)",
     "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { ?l a kd:Les FILTER NOT EXISTS { ?l kd:fictief true } }"),
    ("lessen (fictief)", "lessons (fictional)",
     "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { ?l a kd:Les ; kd:fictief true }"),
    ("kerntellingen", "counts of kernen",
     "SELECT (COUNT(DISTINCT ?k) AS ?n) WHERE { ?k a kd:Kerntelling }"),
    ("feiten met URL en citaat", "facts with URL and quote",
     "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a kd:Praktijkfeit ; prov:qualifiedDerivation/kd:citaat ?c }"),
    ("feiten met URL, zonder citaat (notitie)", "facts with URL, no quote (note)",
     "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a kd:Notitiefeit }"),
    ("bedragen met soort", "amounts with a kind",
     "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?b a kd:Bedrag ; kd:bedragSoort ?s }"),
)


def practice_figures(store: Store, *, lang: str = "nl") -> dict[str, int]:
    """The practice layer in figures (label in ``lang`` -> number), real and fictional apart."""
    from graph.namespace import sparql_prefixes

    prefixes = sparql_prefixes()
    out = {}
    for label_nl, label_en, query in PRACTICE_FIGURES:
        rows = list(store.query(prefixes + query).records())
        out[label_en if lang == "en" else label_nl] = int(rows[0]["n"]) if rows else 0
    return out
