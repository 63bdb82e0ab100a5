"""Interactive network HTML: the one function behind which the network drawing library sits.

:func:`network_html` turns plain node and edge records into one self-contained HTML page that
draws them with vis-network. Nothing is fetched at run time: the vis-network script (9.1.2, the
copy that pyvis 0.3.2 bundles, vendored in ``graph/static`` with its licence) is embedded inline,
and the page has no ``<link>``, no ``src=`` and no ``href=``.

Why not pyvis's own HTML: its ``cdn_resources='local'`` and ``'in_line'`` modes still reference
CDNs and bootstrap and write a ``lib/`` folder, and one title containing ``href`` switches every
tooltip to raw HTML. Here the data goes in as JSON inside a script, with ``<``, ``>`` and ``&``
written as ``\\u003c`` escapes, so text from data can never close the script or become markup;
vis-network draws labels on a canvas and shows string tooltips with ``innerText`` (as text).

Large graphs get a precomputed, seeded layout with physics off so 2,000 nodes stay usable.

>>> page = network_html([NetNode("a", "<img src=x>", kind="gemeente"), NetNode("b", "B", kind="thema")],
...                     [NetEdge("a", "b")])
>>> "<img" in page, "\\\\u003cimg src=x\\\\u003e" in page, "http" in page.split("<script>")[0]
(False, True, False)
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import networkx as nx

STATIC = Path(__file__).resolve().parent.parent / "static"
VIS_JS = STATIC / "vis-network-9.1.2.min.js"
PHYSICS_MAX_NODES = 150  # above this the layout is precomputed and physics is off
KAMADA_MAX_NODES = 60  # Kamada-Kawai is O(n^2); spring beyond this
LAYOUT_SEED = 42
LAYOUT_SCALE = 1000.0  # vis-network canvas units
DEFAULT_HEIGHT_PX = 620
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # and bidi controls

# A colour-blind-safe palette (Okabe-Ito and Tol, darkened where needed), in assignment order: every
# colour has at least 3:1 contrast on white (WCAG 1.4.11); node shapes are the second code.
PALETTE: tuple[str, ...] = (
    "#0072B2", "#D55E00", "#009E73", "#882255", "#332288", "#999933", "#CC79A7", "#5E5E5E",
    "#117733", "#AA4499", "#CC6677", "#000000",
)
SHAPES: dict[str, str] = {
    "gemeente": "dot", "instrument": "diamond", "thema": "triangle", "vraagstuk": "square",
    "les": "star", "bijeenkomst": "triangleDown",
}
TEXT: dict[str, dict[str, str]] = {
    "nl": {"aria": "Netwerkdiagram; dezelfde gegevens staan in de tabel onder het diagram.",
           "empty": "Niets te tonen in deze selectie.", "frame": "Netwerkdiagram",
           "panel": "Gekozen onderdeel", "hint": "Klik op een onderdeel voor details en links.",
           "open": "Open de pagina", "near": "Verbonden met"},
    "en": {"aria": "Network diagram; the same data is in the table below the diagram.",
           "empty": "Nothing to show in this selection.", "frame": "Network diagram",
           "panel": "Chosen item", "hint": "Click an item for details and links.",
           "open": "Open its page", "near": "Connected to"},
}


@dataclass(frozen=True)
class NetNode:
    """A node: ``id`` is stable (a key like ``gemeente/GM1900``); ``title`` is the plain-text tooltip."""

    id: str
    label: str
    kind: str = ""
    group: str = ""  # what the colour stands for (kind, community, attribute value)
    title: str = ""
    size: float = 12.0
    color: str = ""  # empty: from the palette by group


@dataclass(frozen=True)
class NetEdge:
    """An undirected edge; ``title`` is the plain-text tooltip (the evidence)."""

    source: str
    target: str
    title: str = ""
    weight: float = 1.0


def palette(groups: Iterable[str]) -> dict[str, str]:
    """A stable colour per group, in order of first appearance.

    >>> palette(["b", "a", "b"])
    {'b': '#0072B2', 'a': '#D55E00'}
    """
    order = list(dict.fromkeys(groups))
    return {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(order)}


def clean_text(text: object, *, limit: int = 2000) -> str:
    """Text for a label or tooltip: control characters removed, length capped.

    >>> clean_text("a\\x00b" + "c" * 5, limit=4)
    'abc…'
    """
    value = _CONTROL.sub("", str(text))
    return value if len(value) <= limit else value[: limit - 1] + "…"


def safe_json(value: object) -> str:
    """JSON that is safe inside an HTML ``<script>``: no ``<``, ``>``, ``&`` or line separators.

    >>> safe_json({"t": "</script><img src=x onerror=alert(1)>"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def compute_layout(nodes: Sequence[NetNode], edges: Sequence[NetEdge], *,
                   layout: str = "auto", seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Positions per node id (empty when vis-network's physics should lay out the graph).

    ``layout``: ``"auto"`` (physics up to :data:`PHYSICS_MAX_NODES` nodes, else spring),
    ``"physics"``, ``"spring"``, ``"kamada"`` or ``"circular"``. Seeded, so the same graph
    gets the same picture.

    >>> pos = compute_layout([NetNode("a", "A"), NetNode("b", "B")], [NetEdge("a", "b")], layout="spring")
    >>> sorted(pos), all(abs(x) <= LAYOUT_SCALE and abs(y) <= LAYOUT_SCALE for x, y in pos.values())
    (['a', 'b'], True)
    """
    if layout == "auto":
        layout = "physics" if len(nodes) <= PHYSICS_MAX_NODES else "spring"
    if layout == "physics" or not nodes:
        return {}
    g = nx.Graph()
    g.add_nodes_from(n.id for n in nodes)
    g.add_weighted_edges_from((e.source, e.target, e.weight) for e in edges if e.source in g and e.target in g)
    pos = _positions(g, layout, seed)
    return {str(k): (float(x) * LAYOUT_SCALE, float(y) * LAYOUT_SCALE) for k, (x, y) in pos.items()}


def layout_key(nodes: Sequence[NetNode], edges: Sequence[NetEdge], *, layout: str = "auto",
               seed: int = LAYOUT_SEED) -> str:
    """A digest of what :func:`compute_layout` depends on (node ids, edges with weights, layout, seed), to
    keep a layout and find it again for the same network. The order of the nodes and edges and the direction
    of an edge do not count: a selection's subgraph lists them in another order in another process.

    >>> a = layout_key([NetNode("a", "A"), NetNode("b", "B")], [NetEdge("a", "b")])
    >>> a == layout_key([NetNode("a", "other label"), NetNode("b", "B")], [NetEdge("a", "b", title="x")])
    True
    >>> a == layout_key([NetNode("b", "B"), NetNode("a", "A")], [NetEdge("b", "a")])
    True
    >>> a == layout_key([NetNode("a", "A"), NetNode("b", "B")], [NetEdge("a", "b", weight=2.0)])
    False
    """
    import hashlib

    ends = sorted((*sorted((e.source, e.target)), repr(e.weight)) for e in edges)
    parts = [layout, str(seed), str(PHYSICS_MAX_NODES), *sorted(n.id for n in nodes), "", *map("\t".join, ends)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def _positions(g: nx.Graph, layout: str, seed: int) -> dict:
    if layout == "circular":
        return nx.circular_layout(g)
    if layout == "kamada" and g.number_of_nodes() <= KAMADA_MAX_NODES:
        return nx.kamada_kawai_layout(g)
    if layout not in {"kamada", "spring"}:
        raise ValueError(f"unknown layout {layout!r}; use auto, physics, spring, kamada or circular")
    n = g.number_of_nodes()
    iterations = 50 if n <= 500 else 20  # spring costs ~0.1 s per iteration at 2,000 nodes
    start = nx.spectral_layout(g) if n > 500 and g.number_of_edges() else None
    return nx.spring_layout(g, seed=seed, iterations=iterations, pos=start, k=1.5 / max(n, 1) ** 0.5)


IMPORTANT_LABELS = 25  # nodes whose label shows at overview zoom (largest first); the rest on zooming in
LABEL_FONT_PX = 14  # on screen, at every zoom
LABEL_DRAW_THRESHOLD_PX = 5
_LINK = re.compile(r"^[a-z_]+(\?[A-Za-z0-9_=&%.+\-]*)?$")  # an app view: page?key=value, nothing else


def _vis_nodes(nodes: Sequence[NetNode], pos: dict[str, tuple[float, float]],
               links: Mapping[str, str]) -> list[dict]:
    colours = palette(n.group or n.kind for n in nodes)
    important = {n.id for n in sorted(nodes, key=lambda n: -n.size)[:IMPORTANT_LABELS]}
    out = []
    for n in nodes:
        item = {"id": n.id, "label": clean_text(n.label, limit=80), "title": clean_text(n.title),
                "shape": SHAPES.get(n.kind, "dot"), "size": float(n.size),
                "color": _colour(n.color) if n.color else colours[n.group or n.kind],
                "important": n.id in important,
                "kind": clean_text(n.kind, limit=40), "group_name": clean_text(n.group, limit=80)}
        link = links.get(n.id, "")
        if _LINK.match(link):
            item["link"] = link
        if n.id in pos:
            item["x"], item["y"] = pos[n.id]
        out.append(item)
    return out


def _vis_edges(edges: Sequence[NetEdge], ids: set[str]) -> list[dict]:
    return [{"from": e.source, "to": e.target, "title": clean_text(e.title),
             "width": max(0.5, min(float(e.weight), 8.0))}
            for e in edges if e.source in ids and e.target in ids]


def _options(precomputed: bool, n_nodes: int) -> dict:
    return {
        "physics": {"enabled": not precomputed, "stabilization": {"iterations": 150},
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 160, "avoidOverlap": 0.3}},
        "layout": {"improvedLayout": not precomputed and n_nodes <= 100, "randomSeed": LAYOUT_SEED},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": {"enabled": True, "bindToWindow": False}, "hideEdgesOnDrag": n_nodes > 500},
        "nodes": {"font": {"size": LABEL_FONT_PX, "face": "sans-serif", "color": "#1b1b1b",
                           "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "scaling": {"label": {"drawThreshold": LABEL_DRAW_THRESHOLD_PX}}},
        "edges": {"color": {"color": "#8a8a8a", "highlight": "#1b1b1b"}, "smooth": False},
    }


def _pyvis_data(vis_nodes: list[dict], vis_edges: list[dict], options: dict) -> tuple[list, list, dict]:
    """The network built with pyvis (nodes, edges, options), returned as plain data for our own page.

    pyvis is only the model here: its HTML template loads CDNs and can turn titles into raw HTML, so
    the page is ours. The lists are set directly (adding 10,000 edges one by one takes ~20 s)."""
    from pyvis.network import Network

    net = Network(height=f"{DEFAULT_HEIGHT_PX}px", width="100%", directed=False, cdn_resources="remote")
    net.nodes, net.edges = vis_nodes, vis_edges
    net.set_options(json.dumps(options))
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    return nodes, edges, json.loads(options_json)


@lru_cache(maxsize=1)
def vis_script() -> str:
    """The vendored vis-network script without its URL-bearing licence header (see the licence file)."""
    text = VIS_JS.read_text(encoding="utf-8")
    body = text[text.index("*/") + 2:] if text.startswith("/**") else text
    return "/* vis-network 9.1.2, (c) Almende B.V. and visjs contributors; Apache-2.0 OR MIT; " \
           "see graph/static/LICENSE-vis-network.txt */" + body.replace("</script", "<\\/script")


@lru_cache(maxsize=1)
def _css() -> str:
    """The network page's stylesheet (``graph/static/network.css``)."""
    return (STATIC / "network.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _boot() -> str:
    """The network page's script template (``graph/static/network-boot.js``), without its comment line."""
    return (STATIC / "network-boot.js").read_text(encoding="utf-8").split("\n", 1)[1]



_SVG_SHAPES = {
    "dot": '<circle cx="8" cy="8" r="6.5"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
    "triangle": '<polygon points="8,1.5 15,14.5 1,14.5"/>',
    "triangleDown": '<polygon points="1,1.5 15,1.5 8,14.5"/>',
    "square": '<rect x="2" y="2" width="12" height="12"/>',
    "star": '<polygon points="8,0.8 10.1,5.6 15.3,6 11.3,9.4 12.6,14.5 8,11.8 3.4,14.5 4.7,9.4 0.7,6 5.9,5.6"/>',
}


def legend_html(legend: Mapping[str, str], shapes: Mapping[str, str] | None = None) -> str:
    """The legend as escaped HTML: each group with the shape its nodes have (a circle when they have
    several) in its colour. Group names come from data.

    >>> legend_html({"<b>": "#0072B2"}, {"<b>": "star"}).count("<polygon"), "&lt;b&gt;" in legend_html({"<b>": "#0072B2"})
    (1, True)
    """
    items = []
    for group, colour in legend.items():
        shape = _SVG_SHAPES.get((shapes or {}).get(group, "dot"), _SVG_SHAPES["dot"])
        svg = (f'<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" '
               f'fill="{_colour(colour)}" stroke="#1b1b1b" stroke-width="0.8">{shape}</svg>')
        items.append(f"<li>{svg}{html.escape(str(group))}</li>")
    return f'<ul id="legend">{"".join(items)}</ul>' if items else ""


def _colour(value: str) -> str:
    """A CSS colour from our palette or a plain ``#rrggbb``; anything else becomes grey."""
    return value if re.fullmatch(r"#[0-9A-Fa-f]{6}", str(value)) else "#999999"


def _group_shapes(nodes: Sequence[NetNode]) -> dict[str, str]:
    """Per colour group the one shape its nodes share (groups mixing kinds get none)."""
    kinds: dict[str, set[str]] = {}
    for n in nodes:
        kinds.setdefault(n.group or n.kind, set()).add(SHAPES.get(n.kind, "dot"))
    return {g: next(iter(k)) for g, k in kinds.items() if len(k) == 1}


def network_html(nodes: Sequence[NetNode], edges: Sequence[NetEdge], *, layout: str = "auto",
                 lang: str = "nl", focus: str | None = None, height: int = DEFAULT_HEIGHT_PX,
                 legend: Mapping[str, str] | None = None, links: Mapping[str, str] | None = None,
                 positions: Mapping[str, tuple[float, float]] | None = None) -> str:
    """A self-contained HTML page drawing the network; no external URL, no markup from data.

    ``positions``: the layout when it was computed (and kept) before, as :func:`compute_layout` gives it.

    ``focus`` selects and centres one node id. Edges whose ends are not among ``nodes`` are dropped.
    ``links`` maps node ids to app views (``page?key=value``) that the side panel opens on a click.

    >>> page = network_html([NetNode("gemeente/GM1", "Noorddorp", kind="gemeente")], [], lang="en")
    >>> '"id": "gemeente/GM1"' in page and 'lang="en"' in page
    True
    """
    text = TEXT.get(lang, TEXT["nl"])
    pos = dict(positions) if positions is not None else compute_layout(nodes, edges, layout=layout)
    vis_nodes, vis_edges, options = _pyvis_data(_vis_nodes(nodes, pos, links or {}),
                                                _vis_edges(edges, {n.id for n in nodes}),
                                                _options(bool(pos), len(nodes)))
    script = _boot() % {"nodes": safe_json(vis_nodes), "edges": safe_json(vis_edges), "text": safe_json(text),
                      "font": LABEL_FONT_PX,
                      "options": safe_json(options), "focus": safe_json(focus)}
    return (
        f'<!DOCTYPE html><html lang="{"en" if lang == "en" else "nl"}"><head><meta charset="utf-8">'
        f"<title>{html.escape(text['frame'])}</title>"
        f"<style>{_css()}#net{{height:{int(height)}px}}</style></head><body>"
        f"{legend_html(legend or {}, _group_shapes(nodes))}"
        f'<div id="wrap"><div id="net" role="img" aria-label="{html.escape(text["aria"])}"></div>'
        f'<aside id="panel" aria-live="polite" aria-label="{html.escape(text["panel"])}">'
        f'<p>{html.escape(text["hint"])}</p></aside></div>'
        f'<p id="empty" hidden>{html.escape(text["empty"])}</p>'
        f"<script>{vis_script()}</script><script>{script}</script></body></html>"
    )


def node_table(nodes: Sequence[NetNode], edges: Sequence[NetEdge]) -> list[dict]:
    """The table equivalent of a network: one row per node with its degree (WCAG: a text alternative).

    >>> node_table([NetNode("a", "A", kind="gemeente"), NetNode("b", "B", kind="thema")], [NetEdge("a", "b")])[0]
    {'id': 'a', 'label': 'A', 'kind': 'gemeente', 'group': '', 'degree': 1, 'neighbours': 'B'}
    """
    labels = {n.id: n.label for n in nodes}
    neighbours: dict[str, list[str]] = {n.id: [] for n in nodes}
    for e in edges:
        if e.source in labels and e.target in labels:
            neighbours[e.source].append(labels[e.target])
            neighbours[e.target].append(labels[e.source])
    return [{"id": n.id, "label": n.label, "kind": n.kind, "group": n.group,
             "degree": len(neighbours[n.id]), "neighbours": "; ".join(sorted(neighbours[n.id]))}
            for n in nodes]

