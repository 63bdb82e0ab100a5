"""Province outlines under the app's maps: the 12 provinces from ``data/kaart/provincies.geojson``
(Natural Earth 1:10m, public domain, simplified; see ``data/kaart/SOURCES.md``).

The file ships with the repository and is read once per process; nothing is fetched at run time. The
outlines become a Vega-Lite ``geoshape`` layer that :func:`app.charts.map_spec` draws under the points.

>>> [f["properties"]["naam"] for f in provinces()][:3]
['Groningen', 'Fryslân', 'Drenthe']
>>> layer(provinces())["mark"]["type"]
'geoshape'
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

from graph.settings import ROOT

PROVINCES_FILE = ROOT / "data" / "kaart" / "provincies.geojson"
LAND = "#f1f1ec"  # province fill: a light land tone on the white page; the grey backdrop points still show
BORDER = "#8a8a8a"  # 3.4:1 against white (WCAG 1.4.11)


@lru_cache(maxsize=2)
def provinces(path: Path = PROVINCES_FILE) -> tuple[dict[str, Any], ...]:
    """The province features (``properties``: ``code`` PV20..PV31 and ``naam``); none when the file is absent
    (an installed package without the repository's data folder still draws its points)."""
    if not path.is_file():
        return ()
    return tuple(json.loads(path.read_text(encoding="utf-8"))["features"])


def layer(features: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A Vega-Lite layer that draws ``features`` as filled outlines: decoration under the points, so without
    tooltip, selection or place in the accessibility tree (the chart's text alternative covers the map)."""
    return {"data": {"values": [dict(f) for f in features]},
            "mark": {"type": "geoshape", "fill": LAND, "stroke": BORDER, "strokeWidth": 0.8, "tooltip": False,
                     "aria": False}}
