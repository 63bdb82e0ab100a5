"""Distances between points on the earth: one definition for the graph's neighbours and the analysis.

>>> round(haversine_km((53.2, 5.8), (52.0, 5.1)), 1)
141.6
"""

from __future__ import annotations

import math

import numpy as np

EARTH_RADIUS_KM = 6371.0088


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two ``(lat, lon)`` points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def haversine_km_array(lat0, lon0, lat, lon) -> np.ndarray:
    """:func:`haversine_km` on numpy arrays of **radians**, broadcast: one point against many, or a column of
    points against a row (a distance matrix). The same formula in the same order, so the values equal
    :func:`haversine_km`'s up to the last bits.

    >>> round(float(haversine_km_array(*np.radians([53.2, 5.8, 52.0, 5.1]))), 1)
    141.6
    """
    h = np.sin((lat - lat0) / 2) ** 2 + np.cos(lat0) * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
