"""Precomputed neighbours of every gemeente: the nearest 25 with the distance between CBS centroids.

``gemeente kd:nabij [ a kd:Nabijheid ; kd:gemeente <other> ; kd:afstandKm 12.3 ]``, so "within 60 km"
is one triple pattern and a filter. The distance is :func:`graph.geo.haversine_km` on the same
centroids the werkbezoek ranking (:mod:`graph.analysis.hosts`) uses, rounded to 0.1 km.

>>> from graph.namespace import G_REFERENCE
>>> quads = Quads(G_REFERENCE)
>>> add_nabijheid({"GM0001": (53.0, 6.0), "GM0002": (53.1, 6.0), "GM0003": (52.0, 5.0)}, quads, k=1)
>>> sorted(str(q.object) for q in quads if q.predicate.value.endswith("afstandKm"))
['"11.1"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"11.1"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"130.2"^^<http://www.w3.org/2001/XMLSchema#decimal>']
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from graph.geo import haversine_km, haversine_km_array
from graph.namespace import KD, iri
from graph.sources.terms import Quads, node

NEIGHBOURS = 25
KM_STEP = Decimal("0.1")
BLOCK = 512  # rows of the distance matrix computed at once (memory: BLOCK x points)
MARGIN_KM = 1e-6  # the matrix's distances and haversine_km's differ in the last bits at most


def nearest(points: dict[str, tuple[float, float]], *, k: int = NEIGHBOURS) -> dict[str, list[tuple[str, float]]]:
    """Code -> its ``k`` nearest other codes with their distance in km, nearest first (ties by code).

    The candidates come from a distance matrix computed with numpy (a few milliseconds for 342 gemeenten
    instead of half a second); the distances given and their order are :func:`graph.geo.haversine_km`'s on
    every candidate within :data:`MARGIN_KM` of the k-th, so the result is the one of comparing every pair."""
    codes = list(points)
    if len(codes) < 2 or k < 1:
        return {code: [] for code in codes}
    lat, lon = np.radians(np.array([points[c] for c in codes], dtype=float)).T
    out = {}
    for start in range(0, len(codes), BLOCK):
        rows = slice(start, start + BLOCK)
        block = haversine_km_array(lat[rows, None], lon[rows, None], lat[None, :], lon[None, :])
        block[np.arange(block.shape[0]), np.arange(start, start + block.shape[0])] = np.inf  # not itself
        for row, distances in enumerate(block):
            code = codes[start + row]
            kth = np.partition(distances, k - 1)[k - 1] if k < len(codes) - 1 else np.inf
            candidates = np.flatnonzero(distances <= kth + MARGIN_KM)
            exact = sorted((haversine_km(points[code], points[codes[j]]), codes[j]) for j in candidates
                           if j != start + row)
            out[code] = [(o, km) for km, o in exact[:k]]
    return out


def add_nabijheid(points: dict[str, tuple[float, float]], quads: Quads, *, k: int = NEIGHBOURS) -> None:
    """The ``kd:Nabijheid`` nodes of every gemeente in ``points`` (CBS code -> (lat, lon))."""
    for code, neighbours in nearest(points, k=k).items():
        subject = node(iri("gemeente", code))
        for other, km in neighbours:
            link = node(iri("nabijheid", code, other))
            quads.add(subject, KD.nabij, link)
            quads.typed(link, KD.Nabijheid)
            quads.add(link, KD.gemeente, node(iri("gemeente", other)))
            quads.add(link, KD.afstandKm, Decimal(repr(km)).quantize(KM_STEP))
