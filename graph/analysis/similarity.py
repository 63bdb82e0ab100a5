"""How alike two gemeenten are: what they share (rare elements count more) and their context.

``shared`` is a weighted Jaccard over the elements linked to each gemeente (scope ``"alle"``), with
the IDF-style weight ``w(e) = ln(1 + N / n_e)`` (N gemeenten in the population, ``n_e`` of them linked
to ``e``): an element everyone shares weighs little, a rare one much. ``context`` is the mean of the
available parts: kernen and inhabitants (ratio small/large), merged or not (1 or 0) and centroid
distance (``1 - km / 350``, floored at 0). ``score = 0.7 * shared + 0.3 * context``.

>>> round(idf(4, 1), 4), round(idf(4, 4), 4)
(1.6094, 0.6931)
>>> ratio(10, 40), ratio(None, 3)
(0.25, None)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
import numpy as np

from graph.analysis.evidence import GemeenteRef, gemeente_refs
from graph.analysis.projection import Projection
from graph.analysis.records import Gemeente
from graph.geo import haversine_km, haversine_km_array

SHARED_WEIGHT = 0.7  # the rest is context
DISTANCE_SCALE_KM = 350.0  # about the largest distance within the Netherlands
DEFAULT_TOP = 5
MAX_NAMED_ELEMENTS = 4
NEIGHBOURS = 15  # ties kept per gemeente in the similarity graph for Louvain


def idf(n: int, n_e: int) -> float:
    """The weight of an element linked to ``n_e`` of ``n`` gemeenten."""
    return math.log(1 + n / n_e)


def ratio(a: float | None, b: float | None) -> float | None:
    """Small over large; None when either is unknown, 1.0 when both are 0."""
    if a is None or b is None:
        return None
    return 1.0 if max(a, b) == 0 else min(a, b) / max(a, b)


def distance_km(a: Gemeente, b: Gemeente) -> float | None:
    """Centroid distance, or None when a centroid is missing."""
    return None if a.point is None or b.point is None else haversine_km(a.point, b.point)


def context_similarity(a: Gemeente, b: Gemeente) -> float:
    """The mean of the known context parts, 0.0 when none is known.

    >>> a = Gemeente("GM0001", "A", inwoners=10_000, n_kernen=10, merged=True)
    >>> b = Gemeente("GM0002", "B", inwoners=20_000, n_kernen=40, merged=True)
    >>> context_similarity(a, b)  # (0.25 + 0.5 + 1) / 3
    0.5833333333333334
    """
    km = distance_km(a, b)
    parts = [ratio(a.n_kernen, b.n_kernen), ratio(a.inwoners, b.inwoners),
             None if a.merged is None or b.merged is None else float(a.merged == b.merged),
             None if km is None else max(0.0, 1.0 - km / DISTANCE_SCALE_KM)]
    known = [x for x in parts if x is not None]
    return sum(known) / len(known) if known else 0.0


@dataclass(frozen=True)
class Similarity:
    """Gemeente ``b`` compared with ``a``, with what they share and why."""

    a: GemeenteRef
    b: GemeenteRef
    score: float
    shared_score: float
    context_score: float
    shared: tuple[str, ...]  # labels of shared elements, heaviest first
    distance_km: float | None
    uitleg: str
    explanation: str


class Weights:
    """Element weights over a population, computed once per projection and population."""

    def __init__(self, p: Projection, population: tuple[str, ...]):
        self.p = p
        self.population = population
        members = set(population)
        counts: dict[str, int] = {}
        for code in population:
            for e in p.elements_of(code):
                counts[e] = counts.get(e, 0) + 1
        self.weight = {e: idf(len(members), n) for e, n in counts.items()}
        self._elements = {c: p.elements_of(c) for c in population}

    def elements(self, code: str) -> frozenset[str]:
        return self._elements.get(code) or self.p.elements_of(code)

    def shared_weight(self, a: str, b: str) -> float:
        """Sum of the weights of the elements ``a`` and ``b`` share."""
        return sum(self.weight.get(e, 0.0) for e in self.elements(a) & self.elements(b))

    def shared_score(self, a: str, b: str) -> float:
        """Weighted Jaccard: shared weight over the weight of the union (0 when both are empty)."""
        union = sum(self.weight.get(e, 0.0) for e in self.elements(a) | self.elements(b))
        return self.shared_weight(a, b) / union if union else 0.0


def weights(p: Projection) -> Weights:
    """The element weights over the projection's population (cached on the projection)."""
    cached = p.__dict__.get("_weights")
    if cached is None:
        cached = p.__dict__["_weights"] = Weights(p, p.population)
    return cached


def similarity(p: Projection, a: str, b: str) -> Similarity:
    """How alike gemeenten ``a`` and ``b`` are (codes), with the shared elements named."""
    w = weights(p)
    ga, gb = p.gemeente(a), p.gemeente(b)
    shared = sorted(w.elements(a) & w.elements(b), key=lambda e: (-w.weight.get(e, 0.0), p.label(e), e))
    s, c = w.shared_score(a, b), context_similarity(ga, gb)
    labels = tuple(p.label(e) for e in shared)
    km = distance_km(ga, gb)
    return Similarity(
        a=gemeente_refs(p, [a])[0], b=gemeente_refs(p, [b])[0],
        score=SHARED_WEIGHT * s + (1 - SHARED_WEIGHT) * c, shared_score=s, context_score=c,
        shared=labels, distance_km=km, uitleg=_uitleg(gb, labels, c, km), explanation=_explanation(gb, labels, c, km))


def _named(labels: tuple[str, ...], none: str) -> str:
    more = len(labels) - MAX_NAMED_ELEMENTS
    text = ", ".join(labels[:MAX_NAMED_ELEMENTS]) or none
    return text + (f" (+{more})" if more > 0 else "")


def _uitleg(b: Gemeente, labels: tuple[str, ...], context: float, km: float | None) -> str:
    where = "" if km is None else f"; {round(km)} km"
    return (f"{b.label} deelt {_named(labels, 'niets')}; context lijkt {round(100 * context)}%"
            f" (kernen, inwoners, herindeling, afstand){where}")


def _explanation(b: Gemeente, labels: tuple[str, ...], context: float, km: float | None) -> str:
    where = "" if km is None else f"; {round(km)} km away"
    return (f"{b.label} shares {_named(labels, 'nothing')}; context {round(100 * context)}% alike"
            f" (kernen, inhabitants, merger, distance){where}")


def similar(p: Projection, code: str, *, top: int = DEFAULT_TOP, among: tuple[str, ...] | None = None) -> list[Similarity]:
    """The ``top`` gemeenten most like ``code`` among ``among`` (default: the population), best first."""
    if code not in p.gemeenten and code not in p.population:
        raise LookupError(f"gemeente '{code}' is niet bekend")
    candidates = [c for c in (among or p.population) if c != code]
    found = [similarity(p, code, c) for c in candidates]
    return sorted(found, key=lambda s: (-s.score, s.b.label, s.b.code))[:top]


def shared_matrix(p: Projection, codes: tuple[str, ...]) -> np.ndarray:
    """``M[i, j]``: the shared weight of ``codes[i]`` and ``codes[j]`` (diagonal: 0).

    One matrix product over the gemeente x element incidence matrix, so it stays fast at 1,000 gemeenten.
    """
    w = weights(p)
    elements = sorted({e for c in codes for e in w.elements(c)})
    column = {e: j for j, e in enumerate(elements)}
    x = np.zeros((len(codes), len(elements)))
    for i, code in enumerate(codes):
        x[i, [column[e] for e in w.elements(code)]] = 1.0
    m = (x * np.array([w.weight.get(e, 0.0) for e in elements])) @ x.T
    np.fill_diagonal(m, 0.0)
    return m


def similarity_graph(p: Projection, *, population: tuple[str, ...] | None = None,
                     neighbours: int = NEIGHBOURS) -> nx.Graph:
    """Gemeenten joined by their shared weight, each to its ``neighbours`` strongest ties (kNN graph).

    Keeping only the strongest ties keeps Louvain fast on a large trajectory, where popular themes
    would tie everyone to everyone; with fewer participants than ``neighbours`` nothing is dropped.
    """
    codes = tuple(population or p.population)
    m = shared_matrix(p, codes)
    if len(codes) > neighbours + 1:
        strongest = np.argsort(-m, axis=1, kind="stable")[:, :neighbours]
        keep = np.zeros_like(m, dtype=bool)
        keep[np.arange(len(codes))[:, None], strongest] = True
        m = np.where(keep | keep.T, m, 0.0)
    g = nx.Graph()
    g.add_nodes_from(codes)
    rows, cols = np.nonzero(np.triu(m, 1))
    g.add_weighted_edges_from((codes[i], codes[j], float(m[i, j])) for i, j in zip(rows, cols))
    return g


class ContextArrays:
    """The context of every gemeente as arrays, for comparing one gemeente with many at once."""

    def __init__(self, p: Projection):
        self.codes = tuple(sorted(p.gemeenten))
        self.index = {c: i for i, c in enumerate(self.codes)}
        gs = [p.gemeenten[c] for c in self.codes]

        def array(values) -> np.ndarray:
            return np.array([np.nan if v is None else float(v) for v in values])

        self.kernen, self.inwoners = array(g.n_kernen for g in gs), array(g.inwoners for g in gs)
        self.merged = array(g.merged for g in gs)
        self.lat, self.lon = np.radians(array(g.lat for g in gs)), np.radians(array(g.lon for g in gs))

    def compare(self, code: str, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Context similarity and distance (km, NaN when unknown) of ``code`` with gemeenten ``idx``.

        Same values as :func:`context_similarity` and :func:`distance_km`, vectorised.
        """
        i = self.index[code]
        lat, lon = self.lat[idx], self.lon[idx]
        km = haversine_km_array(self.lat[i], self.lon[i], lat, lon)
        parts = np.vstack([_ratio(self.kernen[i], self.kernen[idx]), _ratio(self.inwoners[i], self.inwoners[idx]),
                           np.where(np.isnan(self.merged[idx]) | np.isnan(self.merged[i]), np.nan,
                                    (self.merged[idx] == self.merged[i]).astype(float)),
                           np.maximum(0.0, 1.0 - km / DISTANCE_SCALE_KM)])
        known = (~np.isnan(parts)).sum(axis=0)
        ctx = np.where(known > 0, np.nansum(parts, axis=0) / np.maximum(known, 1), 0.0)
        return ctx, km


def _ratio(a: float, b: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        big, small = np.maximum(a, b), np.minimum(a, b)
        return np.where(big == 0, 1.0, small / big)


def context_arrays(p: Projection) -> ContextArrays:
    """The context arrays of a projection (made once)."""
    cached = p.__dict__.get("_context_arrays")
    if cached is None:
        cached = p.__dict__["_context_arrays"] = ContextArrays(p)
    return cached
