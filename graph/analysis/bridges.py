"""Bridges and gaps: bruggenbouwers, isolated participants, themes raised once.

Bruggenbouwers are the gemeenten and elements with the highest betweenness centrality on the
bipartite gemeente x element graph of the population (scope ``"alle"``): they sit on the shortest
paths between otherwise separate groups. Exact up to ``max_exact`` nodes; above that, sampled with
``samples`` pivots and a seed (exact betweenness is far too slow on large graphs, DESIGN.md).

>>> import networkx as nx
>>> centrality(nx.path_graph(3), seed=1)
{0: 0.0, 1: 1.0, 2: 0.0}
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.analysis.evidence import GemeenteRef, dutch_number, gemeente_refs, les_refs, LesRef
from graph.analysis.groups import Community, communities as find_communities
from graph.analysis.projection import Projection

DEFAULT_TOP = 5
MAX_EXACT_NODES = 2_000
EXACT_WORK = 1_000_000  # nodes x edges: above this, sample (exact betweenness costs one BFS per node)
MIN_SAMPLES = 50
DEFAULT_SEED = 42
MAX_NAMED_TIES = 4


@dataclass(frozen=True)
class Bridge:
    key: str
    type: str  # gemeente | thema | instrument | vraagstuk
    label: str
    betweenness: float
    degree: int
    clusters: int  # distinct communities among the gemeenten it is tied to
    ties: tuple[str, ...]  # labels of what it is tied to: a gemeente's elements, an element's gemeenten
    uitleg: str
    explanation: str


@dataclass(frozen=True)
class Isolated:
    gemeente: GemeenteRef
    elements: tuple[str, ...]  # labels of what it has (shared with no other participant)
    uitleg: str
    explanation: str


@dataclass(frozen=True)
class OnceOnly:
    key: str
    label: str
    gemeenten: tuple[GemeenteRef, ...]
    lessen: tuple[LesRef, ...]
    vraagstukken: tuple[str, ...]  # titles
    uitleg: str
    explanation: str


@dataclass(frozen=True)
class BridgeReport:
    gemeenten: tuple[Bridge, ...]
    elements: tuple[Bridge, ...]
    isolated: tuple[Isolated, ...]
    once: tuple[OnceOnly, ...]
    exact: bool


def samples_needed(g: nx.Graph, *, max_exact: int = MAX_EXACT_NODES) -> int | None:
    """None for exact betweenness; else the number of sampled pivots (about ``EXACT_WORK`` edge visits).

    >>> samples_needed(nx.path_graph(10)), samples_needed(nx.path_graph(10), max_exact=5)
    (None, 10)
    """
    n, m = len(g), g.number_of_edges()
    if n <= max_exact and n * m <= EXACT_WORK:
        return None
    return min(n, max(MIN_SAMPLES, EXACT_WORK // max(m, 1)))


def centrality(g: nx.Graph, *, seed: int = DEFAULT_SEED, max_exact: int = MAX_EXACT_NODES) -> dict:
    """Normalised betweenness: exact on small graphs, else sampled with a seed."""
    k = samples_needed(g, max_exact=max_exact)
    if k is None:
        return nx.betweenness_centrality(g, normalized=True)
    return nx.betweenness_centrality(g, k=k, normalized=True, seed=seed)


def population_graph(p: Projection) -> nx.Graph:
    """The bipartite gemeente x element graph restricted to the population."""
    population = set(p.population)
    g = nx.Graph()
    g.add_nodes_from(sorted(p.gemeente(c).key for c in population))
    g.add_edges_from(sorted((p.gemeente(c).key, e) for c, e in p.links["alle"] if c in population))
    return g


def bridges(p: Projection, *, top: int = DEFAULT_TOP, seed: int = DEFAULT_SEED,
            communities: list[Community] | None = None, max_exact: int = MAX_EXACT_NODES) -> BridgeReport:
    """The top bruggenbouwers (gemeenten and elements), isolated participants and once-only themes."""
    g = population_graph(p)
    scores = centrality(g, seed=seed, max_exact=max_exact)
    cluster_of = {r.code: c.number for c in (communities if communities is not None else find_communities(p, seed=seed))
                  for r in c.gemeenten}
    ranked = sorted((k for k, v in scores.items() if v > 0), key=lambda k: (-scores[k], p.label(_code(p, k)), k))
    gemeenten = [k for k in ranked if k.startswith("gemeente/")][:top]
    elements = [k for k in ranked if not k.startswith("gemeente/")][:top]
    return BridgeReport(
        gemeenten=tuple(_bridge(p, g, k, scores[k], cluster_of) for k in gemeenten),
        elements=tuple(_bridge(p, g, k, scores[k], cluster_of) for k in elements),
        isolated=tuple(isolated(p)), once=tuple(once_only(p)), exact=samples_needed(g, max_exact=max_exact) is None)


def _code(p: Projection, key: str) -> str:
    return key.split("/", 1)[1] if key.startswith("gemeente/") else key


def _gemeenten_near(g: nx.Graph, key: str) -> set[str]:
    """The gemeenten an element is tied to; for a gemeente, those it shares an element with."""
    if not key.startswith("gemeente/"):
        return {n.split("/", 1)[1] for n in g[key]}
    return {n.split("/", 1)[1] for e in g[key] for n in g[e] if n != key}


def _bridge(p: Projection, g: nx.Graph, key: str, score: float, cluster_of: dict[str, int]) -> Bridge:
    kind = key.split("/", 1)[0]
    clusters = len({cluster_of[c] for c in _gemeenten_near(g, key) if c in cluster_of})
    label = p.label(_code(p, key))
    ties = tuple(sorted(p.label(_code(p, n)) for n in g[key]))
    named = ", ".join(ties[:MAX_NAMED_TIES]) + (", ..." if len(ties) > MAX_NAMED_TIES else "")
    word = "cluster" if clusters == 1 else "clusters"
    return Bridge(key, kind, label, score, g.degree(key), clusters, ties,
                  f"{label} is een bruggenbouwer: verbindt {clusters} {word} (maat {dutch_number(score, 3)}; "
                  f"{g.degree(key)} verbindingen: {named})",
                  f"{label} connects {clusters} {word} (betweenness {score:.3f}; {g.degree(key)} ties: {named})")


def isolated(p: Projection) -> list[Isolated]:
    """Participants that share no element with any other member of the population."""
    counts: dict[str, int] = {}
    for code in p.population:
        for e in p.elements_of(code):
            counts[e] = counts.get(e, 0) + 1
    found = []
    for code in p.population:
        mine = p.elements_of(code)
        if not any(counts[e] > 1 for e in mine):
            labels = tuple(sorted(p.label(e) for e in mine))
            g = p.gemeente(code)
            found.append(Isolated(gemeente_refs(p, [code])[0], labels,
                                  f"{g.label} deelt niets met de andere deelnemers",
                                  f"{g.label} shares nothing with the other participants"))
    return found


def once_only(p: Projection) -> list[OnceOnly]:
    """Themes raised once (one lesson or one vraagstuk in the trajectory scope) and never again."""
    evidence: dict[str, set[tuple[str, str]]] = {}
    for (code, e), evs in p.links["traject"].items():
        if e.startswith("thema/"):
            evidence.setdefault(e, set()).update(evs)
    found = []
    for e, evs in sorted(evidence.items()):
        if len(evs) == 1:
            kind, key = next(iter(evs))
            codes = sorted(p.members(e))
            label = p.label(e)
            found.append(OnceOnly(e, label, gemeente_refs(p, codes), les_refs(p, [key] if kind == "les" else []),
                                  (p.label(key),) if kind == "vraagstuk" else (),
                                  f"{label} kwam één keer ter sprake ({p.label(key)}) en daarna niet meer",
                                  f"{label} came up once ({p.label(key)}) and never again"))
    return found
