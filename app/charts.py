"""Vega-Lite specs for the pages (drawn by Streamlit's bundled Vega; no tiles, no CDN).

Each function returns a spec ``dict`` with inline data; the page passes it to ``st.vega_lite_chart``.

>>> spec = map_spec([{"lon": 5.1, "lat": 52.1, "naam": "A", "kleur": "x", "achtergrond": False}], colour_title="rol")
>>> spec["layer"][1]["encoding"]["color"]["field"]
'kleur'
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

NL_LON = (3.2, 7.3)
NL_LAT = (50.7, 53.6)
BACKDROP = "#d9d9d9"
# Width/height of the lon/lat box that keeps the Netherlands' shape (1 degree of longitude at 52 N
# is cos(52 deg) = 0.62 degree of latitude).
MAP_ASPECT = (NL_LON[1] - NL_LON[0]) * 0.616 / (NL_LAT[1] - NL_LAT[0])
LABEL_LIMIT = 320  # pixels of an axis label before it is cut


def map_spec(points: Sequence[Mapping[str, Any]], *, colour_title: str, tooltip: Sequence[str] = ("naam",),
             titles: Mapping[str, str] | None = None, height: int = 560) -> dict:
    """Centroids as a scatter in an equirectangular view of the Netherlands: grey backdrop points for
    every gemeente (``achtergrond``), coloured points for the ones that matter."""
    x = {"field": "lon", "type": "quantitative", "scale": {"domain": list(NL_LON)}, "axis": None}
    y = {"field": "lat", "type": "quantitative", "scale": {"domain": list(NL_LAT)}, "axis": None}
    return {
        "height": height, "width": round(height * MAP_ASPECT),
        "data": {"values": list(points)},
        "layer": [
            {"transform": [{"filter": "datum.achtergrond"}], "mark": {"type": "circle", "size": 18,
             "color": BACKDROP, "opacity": 0.9}, "encoding": {"x": x, "y": y,
             "tooltip": [{"field": "naam", "type": "nominal"}]}},
            {"transform": [{"filter": "!datum.achtergrond"}], "mark": {"type": "circle", "size": 90,
             "opacity": 0.95, "stroke": "#222", "strokeWidth": 0.6},
             "encoding": {"x": x, "y": y, "color": {"field": "kleur", "type": "nominal", "title": colour_title,
                                                     "scale": {"scheme": "tableau10"}},
                          "tooltip": [{"field": f, "type": "nominal", "title": (titles or {}).get(f, f)}
                                      for f in tooltip]}},
        ],
        "config": {"view": {"stroke": None}},
    }


def timeline_spec(meetings: Sequence[Mapping[str, Any]], *, height: int = 160) -> dict:
    """Meetings on a time axis, coloured by kind.

    >>> timeline_spec([{"datum": "2025-01-10", "soort": "intake", "naam": "Intake"}])["mark"]["type"]
    'point'
    """
    return {
        "height": height, "width": "container", "data": {"values": list(meetings)},
        "mark": {"type": "point", "filled": True, "size": 160},
        "encoding": {"x": {"field": "datum", "type": "temporal", "title": None},
                     "y": {"field": "soort", "type": "nominal", "title": None},
                     "color": {"field": "soort", "type": "nominal", "legend": None},
                     "tooltip": [{"field": "naam", "type": "nominal"}, {"field": "datum", "type": "temporal"}]},
    }


def ladder_spec(instruments: Sequence[Mapping[str, Any]], *, ladder_labels: Mapping[int, str], x_title: str,
                row_px: int = 24) -> dict:
    """Each instrument as a bar from its lowest to its highest ladder level, coloured by invloed/zeggenschap.

    >>> ladder_spec([{"naam": "A", "min": 3, "max": 5, "soort": "invloed", "groep": "g"}],
    ...             ladder_labels={1: "Informeren"}, x_title="ladder")["layer"][0]["mark"]["type"]
    'bar'
    """
    label_expr = " : ".join(f"datum.value == {k} ? '{_js(v)}'" for k, v in sorted(ladder_labels.items()))
    axis = {"values": sorted(ladder_labels), "labelExpr": (label_expr + " : ''") if label_expr else "datum.label"}
    x = {"field": "min", "type": "quantitative", "scale": {"domain": [0.5, 6.5]}, "axis": axis, "title": x_title}
    return {
        "height": {"step": row_px}, "width": "container", "data": {"values": list(instruments)},
        "encoding": {"y": {"field": "naam", "type": "nominal", "title": None,
                           "axis": {"labelLimit": LABEL_LIMIT, "labelOverlap": False},
                           "sort": {"field": "min", "order": "ascending"}}},
        "layer": [
            {"mark": {"type": "bar", "height": 12, "cornerRadius": 3},
             "encoding": {"x": x, "x2": {"field": "max"},
                          "color": {"field": "soort", "type": "nominal", "title": "invloed / zeggenschap"},
                          "tooltip": [{"field": f, "type": "nominal"} for f in ("naam", "groep", "soort", "van", "tot")]}},
        ],
    }


def _js(text: str) -> str:
    """Text inside a single-quoted Vega expression string."""
    return str(text).replace("\\", "\\\\").replace("'", "\\'")


def bar_spec(rows: Sequence[Mapping[str, Any]], *, x: str, y: str, colour: str | None = None,
             row_px: int = 22) -> dict:
    """A horizontal bar chart of ``x`` (quantity) per ``y`` (label).

    >>> bar_spec([{"n": 2, "naam": "a"}], x="n", y="naam")["encoding"]["y"]["sort"]
    '-x'
    """
    encoding: dict[str, Any] = {"x": {"field": x, "type": "quantitative"},
                                "y": {"field": y, "type": "nominal", "sort": "-x", "title": None,
                                      "axis": {"labelLimit": LABEL_LIMIT, "labelOverlap": False}},
                                "tooltip": [{"field": y, "type": "nominal"}, {"field": x, "type": "quantitative"}]}
    if colour:
        encoding["color"] = {"field": colour, "type": "nominal"}
    return {"height": {"step": row_px}, "width": "container", "data": {"values": list(rows)}, "mark": "bar",
            "encoding": encoding}
