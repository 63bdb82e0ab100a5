"""The shipped province outlines (data/kaart/provincies.geojson): complete, small, documented, and
consistent with the reference data (gemeente centroids fall inside their own province); the app's map
draws them under the points.

Point-in-polygon is tested here in plain Python (even-odd rule), so the check needs no geometry library.
"""

from __future__ import annotations

import csv
import json

from app import charts, outlines
from conftest import ROOT

KAART = ROOT / "data" / "kaart"
REFERENCE = ROOT / "data" / "reference"
MAX_BYTES = 300 * 1024


def _rings(geometry: dict) -> list[list[list[float]]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def _inside(lon: float, lat: float, rings: list) -> bool:
    """Even-odd rule over all rings (holes included), as a renderer fills them."""
    crossings = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def test_inside_follows_the_even_odd_rule():
    square = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]
    hole = [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]
    assert _inside(0.5, 0.5, [square, hole]) and not _inside(2, 2, [square, hole]) and not _inside(5, 2, [square])


def test_twelve_provinces_with_the_reference_codes_and_names():
    reference = {r["provinciecode"]: r["provincienaam_cbs"] for r in csv.DictReader((REFERENCE / "provincies.csv").open())}
    features = outlines.provinces()
    assert {f["properties"]["code"]: f["properties"]["naam"] for f in features} == reference
    assert len(features) == 12
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in features)


def test_small_enough_to_ship_and_send_with_every_map():
    size = (KAART / "provincies.geojson").stat().st_size
    assert 0 < size < MAX_BYTES, size


def test_gemeente_centroids_fall_inside_their_own_province():
    rings = {f["properties"]["code"]: _rings(f["geometry"]) for f in outlines.provinces()}
    rows = list(csv.DictReader((REFERENCE / "gemeenten.csv").open()))
    misses = [r for r in rows if not _inside(float(r["centroid_lon"]), float(r["centroid_lat"]), rings[r["provinciecode"]])]
    assert len(rows) == 342
    assert len(misses) <= len(rows) // 100, [r["gemeentenaam"] for r in misses]  # at least 99 % inside
    sources = (KAART / "SOURCES.md").read_text(encoding="utf-8")
    assert all(r["gemeentecode"] in sources and r["gemeentenaam"] in sources for r in misses)  # each one explained


def test_every_file_in_the_folder_is_documented():
    sources = (KAART / "SOURCES.md").read_text(encoding="utf-8")
    assert all(f"`{p.name}`" in sources for p in KAART.iterdir() if p.name != "SOURCES.md")


def test_the_map_draws_the_outlines_first_and_keeps_the_points_clickable():
    point = {"lon": 5.1, "lat": 52.1, "naam": "A", "kleur": "x", "achtergrond": False, "code": "GM0001"}
    spec = charts.map_spec([point], colour_title="rol", outlines=outlines.provinces())
    first, *points = spec["layer"]
    assert first["mark"]["type"] == "geoshape" and len(first["data"]["values"]) == 12
    assert "params" not in first  # a click on a province selects nothing
    assert [p["name"] for p in points[-1]["params"]] == [charts.MAP_PICK]
    assert spec["projection"]["type"] == "mercator"
    assert all({"longitude", "latitude"} <= set(p["encoding"]) for p in points)


def test_no_outline_layer_without_outlines():
    spec = charts.map_spec([], colour_title="rol")
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["circle", "point"]
    assert "legend" not in spec["layer"][-1]["encoding"]["color"]


def test_no_legend_without_a_colour_title():
    encoding = charts.map_spec([], colour_title="")["layer"][-1]["encoding"]
    assert encoding["color"]["legend"] is None and encoding["shape"]["legend"] is None


def test_a_missing_file_gives_no_outlines(tmp_path):
    assert outlines.provinces(tmp_path / "absent.geojson") == ()


def test_twelve_distinct_filled_shapes_for_twelve_provinces():
    assert len(set(charts.SHAPES)) == 12
    assert not {"wedge", "arrow", "stroke"} & set(charts.SHAPES)  # lines, near invisible as filled points
