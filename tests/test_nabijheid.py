"""The nearest gemeenten: the fast search gives what comparing every pair gives, ties and small sets included."""

from __future__ import annotations

import random

import pytest

from graph.geo import haversine_km
from graph.sources.nabijheid import nearest


def every_pair(points: dict[str, tuple[float, float]], k: int) -> dict[str, list[tuple[str, float]]]:
    return {code: [(o, km) for km, o in sorted((haversine_km(p, q), o) for o, q in points.items() if o != code)[:k]]
            for code, p in points.items()}


@pytest.mark.parametrize(("n", "k"), [(0, 25), (1, 25), (2, 1), (3, 25), (26, 25), (27, 25), (342, 25), (700, 3)])
def test_nearest_equals_comparing_every_pair(n, k):
    rng = random.Random(n * 100 + k)
    points = {f"GM{i:04d}": (rng.uniform(50.7, 53.6), rng.uniform(3.3, 7.2)) for i in range(n)}
    for twin, original in list(zip(list(points)[1::7], list(points)[::7]))[: n // 10]:
        points[twin] = points[original]  # equal distances: ties go by code
    assert nearest(points, k=k) == every_pair(points, k)


def test_the_bundled_centroids():
    from graph.settings import DEFAULT_DATA
    from graph.sources.reference import _centroids, read_reference

    points = _centroids(read_reference(DEFAULT_DATA, "gemeenten.csv"))
    assert len(points) == 342
    assert nearest(points) == every_pair(points, 25)
