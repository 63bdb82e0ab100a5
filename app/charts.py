"""Vega-Lite specs for the pages (drawn by Streamlit's bundled Vega; no tiles, no CDN).

Each function returns a spec ``dict`` with inline data; the page passes it to ``st.vega_lite_chart``
through :func:`show`, which adds the shared configuration: a colour-blind-safe palette whose colours all
have at least 3:1 contrast on white, point shapes as a second code, labels that leave room for the plot
on a phone, and month names and number formats in the chosen language.

>>> spec = map_spec([{"lon": 5.1, "lat": 52.1, "naam": "A", "kleur": "x", "achtergrond": False}], colour_title="rol")
>>> spec["layer"][-1]["encoding"]["color"]["field"], spec["layer"][-1]["encoding"]["shape"]["field"]
('kleur', 'kleur')
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from app.outlines import layer as outline_layer

NL_LON = (3.2, 7.3)
NL_LAT = (50.7, 53.6)
BACKDROP = "#c4c4c4"
# Width/height of the lon/lat box that keeps the Netherlands' shape (1 degree of longitude at 52 N
# is cos(52 deg) = 0.62 degree of latitude).
MAP_ASPECT = (NL_LON[1] - NL_LON[0]) * 0.616 / (NL_LAT[1] - NL_LAT[0])
# Pixels of an axis label before it is cut: wide screens get long names, a phone keeps room for the plot.
LABEL_LIMIT = {"expr": "containerSize()[0] < 560 ? 120 : 300"}
# Okabe-Ito and Tol colours darkened where needed: every one at least 3:1 against white (WCAG 1.4.11),
# told apart by colour-blind readers; charts add a shape per value as well.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#882255", "#332288", "#999933", "#CC79A7", "#5E5E5E",
           "#117733", "#AA4499", "#CC6677", "#000000")
# Twelve filled shapes that stay visible at point size (Vega's wedge, arrow and stroke are thin lines): the
# last four are SVG paths in Vega's unit square (hexagon, star, pentagon, diagonal cross).
SHAPES = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-right",
          "triangle-left", "M1,0L0.5,0.87L-0.5,0.87L-1,0L-0.5,-0.87L0.5,-0.87Z",
          "M0,-1L0.26,-0.36L0.95,-0.31L0.43,0.14L0.59,0.81L0,0.45L-0.59,0.81L-0.43,0.14L-0.95,-0.31L-0.26,-0.36Z",
          "M0,-1L0.95,-0.31L0.59,0.81L-0.59,0.81L-0.95,-0.31Z",
          "M0.49,-0.92L0.92,-0.49L0.42,0L0.92,0.49L0.49,0.92L0,0.42L-0.49,0.92L-0.92,0.49L-0.42,0L-0.92,-0.49L-0.49,-0.92"
          "L0,-0.42Z")
TEXT_COLOUR = "#1b1b1b"
LOCALES = {
    "nl": {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]},
           "time": {"dateTime": "%a %e %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S",
                    "periods": ["AM", "PM"],
                    "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
                    "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
                    "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                               "september", "oktober", "november", "december"],
                    "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                                    "nov", "dec"]}},
    "en": {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
           "time": {"dateTime": "%a %e %B %Y %X", "date": "%d/%m/%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
                    "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
                    "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
                    "months": ["January", "February", "March", "April", "May", "June", "July", "August",
                               "September", "October", "November", "December"],
                    "shortMonths": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                    "Nov", "Dec"]}},
}


def config(spec: dict, lang: str = "nl") -> dict:
    """``spec`` with the shared configuration (palette, shapes, text colour, locale).

    >>> config({"mark": "bar"}, "nl")["config"]["locale"]["time"]["months"][2]
    'maart'
    """
    extra = {"locale": LOCALES.get(lang, LOCALES["nl"]),
             "range": {"category": list(PALETTE), "symbol": list(SHAPES)},
             "axis": {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR, "labelFontSize": 12, "titleFontSize": 12},
             "legend": {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR, "labelLimit": 260, "labelFontSize": 12,
                        "orient": "bottom", "direction": "vertical", "columns": 2}}
    return {**spec, "config": {**extra, **spec.get("config", {})}}


def show(spec: dict, *, lang: str, alt: str, width: str = "stretch", key: str | None = None) -> Any:
    """Draw a spec with the shared configuration and a text alternative (``width="content"`` keeps the
    spec's own width, as the map needs). With ``key``, a click on a mark reruns the page and the
    return value holds the selection (a spec declares it as a ``params`` point selection)."""
    import streamlit as st

    if key is None:
        return st.vega_lite_chart(config(spec, lang), width=width, theme=None, alt=alt)
    return st.vega_lite_chart(config(spec, lang), width=width, theme=None, alt=alt, key=key, on_select="rerun")


MAP_PICK = "kies"  # the map's point selection: the clicked gemeente's code


def map_spec(points: Sequence[Mapping[str, Any]], *, colour_title: str, tooltip: Sequence[str] = ("naam",),
             titles: Mapping[str, str] | None = None, height: int = 400,
             outlines: Sequence[Mapping[str, Any]] = ()) -> dict:
    """Centroids on a Mercator map of the Netherlands: the province ``outlines`` (GeoJSON features, see
    :mod:`app.outlines`) underneath, grey backdrop points for every gemeente (``achtergrond``), coloured
    and shaped points for the ones that matter; a click on one of those selects its ``code``. The view
    keeps the country's shape; 400 px high it is 350 px wide, which a phone shows whole."""
    lon = {"field": "lon", "type": "quantitative"}
    lat = {"field": "lat", "type": "quantitative"}
    layers = [outline_layer(outlines)] if outlines else []
    legend = {} if colour_title else {"legend": None}  # no colour title: one kind of point, nothing to explain
    return {
        "height": height, "width": round(height * MAP_ASPECT),
        "projection": {"type": "mercator"},
        "data": {"values": list(points)},
        "layer": [
            *layers,
            {"transform": [{"filter": "datum.achtergrond"}], "mark": {"type": "circle", "size": 14,
             "color": BACKDROP, "opacity": 0.9}, "encoding": {"longitude": lon, "latitude": lat,
             "tooltip": [{"field": "naam", "type": "nominal"}]}},
            {"transform": [{"filter": "!datum.achtergrond"}], "mark": {"type": "point", "size": 90, "filled": True,
             "opacity": 0.95, "stroke": "#ffffff", "strokeWidth": 0.8, "cursor": "pointer"},
             "params": [{"name": MAP_PICK, "select": {"type": "point", "fields": ["code"], "on": "click"}}],
             "encoding": {"longitude": lon, "latitude": lat,
                          "color": {"field": "kleur", "type": "nominal", "title": colour_title, **legend},
                          "shape": {"field": "kleur", "type": "nominal", "title": colour_title, **legend},
                          "tooltip": [{"field": f, "type": "nominal", "title": (titles or {}).get(f, f)}
                                      for f in tooltip]}},
        ],
        "config": {"view": {"stroke": None}},
    }


def timeline_spec(meetings: Sequence[Mapping[str, Any]], *, height: int = 180) -> dict:
    """Meetings on a time axis, one row per kind, coloured and shaped by kind.

    >>> timeline_spec([{"datum": "2025-01-10", "soort": "intake", "naam": "Intake"}])["mark"]["type"]
    'point'
    """
    return {
        "height": height, "width": "container", "data": {"values": list(meetings)},
        "mark": {"type": "point", "filled": True, "size": 160, "opacity": 1, "stroke": "#ffffff", "strokeWidth": 1},
        "encoding": {"x": {"field": "datum", "type": "temporal", "title": None, "scale": {"padding": 14},
                           "axis": {"format": "%b %Y", "tickCount": 6, "labelOverlap": True}},
                     "y": {"field": "soort", "type": "nominal", "title": None,
                           "axis": {"labelLimit": LABEL_LIMIT}},
                     "color": {"field": "soort", "type": "nominal", "legend": None},
                     "shape": {"field": "soort", "type": "nominal", "legend": None},
                     "tooltip": [{"field": "naam", "type": "nominal"},
                                 {"field": "datum", "type": "temporal", "format": "%e %B %Y"}]},
    }


LADDER_PAD = 0.4  # a bar reaches this far on both sides of its levels, so one level is a bar too


def ladder_spec(instruments: Sequence[Mapping[str, Any]], *, ladder_labels: Mapping[int, str], x_title: str,
                colour_title: str = "", row_px: int = 26) -> dict:
    """Each instrument as a bar from its lowest to its highest ladder level (an instrument on one
    level gets a bar around that level), coloured and marked by invloed/zeggenschap.

    >>> spec = ladder_spec([{"naam": "A", "min": 3, "max": 3, "soort": "invloed", "groep": "g"}],
    ...                    ladder_labels={1: "Informeren"}, x_title="ladder")
    >>> spec["layer"][0]["mark"]["type"], spec["data"]["values"][0]["van_x"], spec["data"]["values"][0]["tot_x"]
    ('bar', 2.6, 3.4)
    """
    rows = [{**row, "van_x": row["min"] - LADDER_PAD, "tot_x": (row.get("max") or row["min"]) + LADDER_PAD}
            for row in instruments]
    label_expr = " : ".join(f"datum.value == {k} ? '{_js(v)}'" for k, v in sorted(ladder_labels.items()))
    axis = {"values": sorted(ladder_labels), "labelExpr": (label_expr + " : ''") if label_expr else "datum.label",
            "labelAngle": -30, "labelLimit": 110, "grid": True}
    x = {"field": "van_x", "type": "quantitative", "scale": {"domain": [0.5, 6.5]}, "axis": axis, "title": x_title}
    colour = {"field": "soort", "type": "nominal", "title": colour_title or None}
    tooltip = [{"field": f, "type": "nominal"} for f in ("naam", "groep", "soort", "van", "tot")]
    return {
        "height": {"step": row_px}, "width": "container", "data": {"values": rows},
        "encoding": {"y": {"field": "naam", "type": "nominal", "title": None,
                           "axis": {"labelLimit": LABEL_LIMIT, "labelOverlap": False},
                           "sort": {"field": "min", "order": "ascending"}}},
        "layer": [
            {"mark": {"type": "bar", "height": 14, "cornerRadius": 3},
             "encoding": {"x": x, "x2": {"field": "tot_x"}, "color": colour, "tooltip": tooltip}},
            {"mark": {"type": "point", "filled": True, "size": 60, "stroke": "#ffffff", "strokeWidth": 1},
             "encoding": {"x": {"field": "van_x", "type": "quantitative"}, "color": colour,
                          "shape": colour, "tooltip": tooltip}},
        ],
    }


def _js(text: str) -> str:
    """Text inside a single-quoted Vega expression string."""
    return str(text).replace("\\", "\\\\").replace("'", "\\'")


def bar_spec(rows: Sequence[Mapping[str, Any]], *, x: str, y: str, colour: str | None = None,
             row_px: int = 24, x_title: str | None = None, colour_title: str | None = None,
             y_title: str | None = None) -> dict:
    """A horizontal bar chart of ``x`` (a count: whole-number ticks) per ``y`` (label); the titles name the
    axis, legend and tooltip lines in the reader's language (the field names by default).

    >>> bar_spec([{"n": 2, "naam": "a"}], x="n", y="naam")["encoding"]["y"]["sort"]
    '-x'
    >>> [layer["mark"] if isinstance(layer["mark"], str) else layer["mark"]["type"]
    ...  for layer in bar_spec([{"n": 2, "naam": "a", "k": "x"}], x="n", y="naam", colour="k")["layer"]]
    ['bar', 'point']
    """
    encoding: dict[str, Any] = {"x": {"field": x, "type": "quantitative", "title": x_title or x,
                                      "axis": {"tickMinStep": 1, "format": "d"}},
                                "y": {"field": y, "type": "nominal", "sort": "-x", "title": None,
                                      "axis": {"labelLimit": LABEL_LIMIT, "labelOverlap": False}},
                                "tooltip": [{"field": y, "type": "nominal", "title": y_title or y},
                                            {"field": x, "type": "quantitative", "title": x_title or x}]}
    spec = {"height": {"step": row_px}, "width": "container", "data": {"values": list(rows)}, "mark": "bar",
            "encoding": encoding}
    if colour:  # colour and, at the end of each bar, a shape: the kind is not told by colour alone
        encoding["color"] = {"field": colour, "type": "nominal", "title": colour_title or colour}
        marker = {"mark": {"type": "point", "filled": True, "size": 70, "stroke": "#ffffff", "strokeWidth": 1},
                  "encoding": {"shape": {"field": colour, "type": "nominal", "title": colour_title or colour},
                               "color": encoding["color"]}}
        spec = {**spec, "mark": None, "layer": [{"mark": "bar"}, marker]}
        spec.pop("mark")
    return spec


def change_spec(rows: Sequence[Mapping[str, Any]], *, before: str, after: str, x_title: str,
                row_px: int = 26, y_title: str = "draad", moment_title: str = "moment") -> dict:
    """Before and after per thread: a grey line between the two counts, a hollow circle for before and
    a filled one for after; a thread that vanished shows its before point only. ``before``, ``after`` and
    the titles are shown (the reader's language); the rows' field names are not.

    >>> spec = change_spec([{"draad": "a", "voor": 2, "na": 0}], before="voor", after="na", x_title="gemeenten")
    >>> [v["moment"] for v in spec["layer"][1]["data"]["values"]]
    ['voor', 'na']
    """
    long = [{"draad": r["draad"], "moment": m, "aantal": r[key]} for r in rows
            for m, key in ((before, "voor"), (after, "na"))]
    y = {"field": "draad", "type": "nominal", "title": None, "sort": None,
         "axis": {"labelLimit": LABEL_LIMIT, "labelOverlap": False}}
    x = {"field": "aantal", "type": "quantitative", "title": x_title, "axis": {"tickMinStep": 1, "format": "d"}}
    return {
        "height": {"step": row_px}, "width": "container",
        "layer": [
            {"data": {"values": list(rows)}, "mark": {"type": "rule", "color": "#5E5E5E", "strokeWidth": 2},
             "encoding": {"y": y, "x": {"field": "voor", "type": "quantitative"}, "x2": {"field": "na"}}},
            {"data": {"values": long}, "mark": {"type": "point", "size": 110, "strokeWidth": 2},
             "encoding": {"y": y, "x": x,
                          "color": {"field": "moment", "type": "nominal", "title": None, "sort": [before, after]},
                          "shape": {"field": "moment", "type": "nominal", "title": None, "sort": [before, after]},
                          "fill": {"condition": {"test": f"datum.moment == '{_js(after)}'", "value": "#D55E00"},
                                   "value": "#ffffff"},
                          "tooltip": [{"field": "draad", "type": "nominal", "title": y_title},
                                      {"field": "moment", "type": "nominal", "title": moment_title},
                                      {"field": "aantal", "type": "quantitative", "title": x_title}]}},
        ],
    }
