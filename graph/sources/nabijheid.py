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

from graph.geo import haversine_km
from graph.namespace import KD, iri
from graph.sources.terms import Quads, node

NEIGHBOURS = 25
KM_STEP = Decimal("0.1")


def nearest(points: dict[str, tuple[float, float]], *, k: int = NEIGHBOURS) -> dict[str, list[tuple[str, float]]]:
    """Code -> its ``k`` nearest other codes with their distance in km, nearest first (ties by code)."""
    out = {}
    for code, point in points.items():
        distances = sorted((haversine_km(point, other), o) for o, other in points.items() if o != code)
        out[code] = [(o, km) for km, o in distances[:k]]
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
