"""Choosing and styling a part of the analysis graph for the network page: pure functions over networkx.

:func:`select` filters the typed graph of a projection (node attribute ``type``) by node types,
provinces, instrument groups, ladder levels, a meeting, a search text and an N-hop focus.
:func:`to_network` turns the selection into :class:`~graph.views.netviz.NetNode`/``NetEdge`` records with
colours, sizes, plain-text tooltips (the evidence) and a legend; :func:`summary` says the same in words.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("gemeente/GM1", type="gemeente", label="Aadorp", provincie="Fryslân")
>>> g.add_node("gemeente/GM2", type="gemeente", label="Beedorp", provincie="Drenthe")
>>> g.add_node("instrument/dorpsbudget", type="instrument", label="Dorpsbudget")
>>> g.add_edges_from([("gemeente/GM1", "instrument/dorpsbudget"), ("gemeente/GM2", "instrument/dorpsbudget")],
...                  type="gebruikt")
>>> sorted(select(g, provincies=["Fryslân"]).nodes)
['gemeente/GM1', 'instrument/dorpsbudget']
>>> sorted(select(g, focus="gemeente/GM2", hops=1).nodes)
['gemeente/GM2', 'instrument/dorpsbudget']
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

import networkx as nx

from graph.views.netviz import NetEdge, NetNode, palette

NODE_KINDS = ("gemeente", "instrument", "thema", "vraagstuk", "les")
COLOUR_BY = ("kind", "community", "provincie", "leergroep")
SIZE_BY = ("degree", "inwoners", "gelijk")
MIN_SIZE, MAX_SIZE = 8.0, 40.0
LONG_KINDS = ("les", "vraagstuk")  # their labels are sentences: shortened on the canvas, whole in the tooltip
SHORT_LABEL = 40
MAX_DRAWN_NODES = 2000  # the largest network benchmarked as usable (tests/benchmarks/bench_app.py); its
# layout takes seconds, and 7,000 nodes ("alles" at 1,000 gemeenten) took 48 s and are no readable picture
EDGE_WORDS = {
    "gebruikt": ("gebruikt", "uses"), "bewijs": ("bewijs voor", "evidence for"), "over": ("gaat over", "is about"),
    "vraagt": ("vraagt", "asks"), "lijkt": ("lijkt op", "is similar to"), "gastgemeente": ("gastgemeente", "host"), "bijeenkomst": ("bijeenkomst", "meeting"),
}


@dataclass(frozen=True)
class InstrumentInfo:
    """What the instrument filters need: group key and ladder range (levels 1..6)."""

    groep: str = ""
    ladder_min: int | None = None
    ladder_max: int | None = None

    def on_levels(self, levels: Iterable[int]) -> bool:
        """Whether the ladder range touches any of ``levels`` (an unknown range never matches)."""
        if self.ladder_min is None:
            return False
        top = self.ladder_max if self.ladder_max is not None else self.ladder_min
        return any(self.ladder_min <= level <= top for level in levels)


def select(g: nx.Graph, *, kinds: Iterable[str] | None = None, provincies: Iterable[str] = (),
           groepen: Iterable[str] = (), ladder: Iterable[int] = (), bijeenkomst: str | None = None,
           instruments: Mapping[str, InstrumentInfo] | None = None, search: str = "",
           focus: str | None = None, hops: int = 1) -> nx.Graph:
    """The induced subgraph that passes every filter (empty filters pass everything).

    Provinces filter gemeenten; groups and ladder levels filter instruments (by ``instruments``);
    a meeting keeps its lessons and the gemeenten present in them; ``search`` keeps nodes whose label
    contains the text (case-insensitive) with their neighbours; ``focus`` keeps its ``hops``-neighbourhood.
    """
    keep = {n for n, d in g.nodes(data=True) if _passes(n, d, kinds, set(provincies), set(groepen),
                                                        set(ladder), instruments or {})}
    sub = g.subgraph(keep)
    if bijeenkomst:
        sub = sub.subgraph(_meeting_part(g, bijeenkomst) & keep)
    if search.strip():
        sub = sub.subgraph(_matching(sub, search))
    if focus and focus in sub:
        sub = sub.subgraph(nx.ego_graph(sub, focus, radius=max(0, int(hops))).nodes)
    return sub.copy()


def _passes(node: str, data: dict, kinds, provincies: set, groepen: set, ladder: set,
            instruments: Mapping[str, InstrumentInfo]) -> bool:
    kind = data.get("type", "")
    if kinds is not None and kind not in set(kinds):
        return False
    if kind == "gemeente" and provincies and data.get("provincie") not in provincies:
        return False
    if kind == "instrument" and (groepen or ladder):
        info = instruments.get(node, InstrumentInfo())
        if groepen and info.groep not in groepen:
            return False
        if ladder and not info.on_levels(ladder):
            return False
    return True


def _meeting_part(g: nx.Graph, meeting: str) -> set[str]:
    """The lessons of a meeting, the meeting's host, and everything those lessons touch."""
    if meeting not in g:
        return set()
    lessons = {n for n in g.neighbors(meeting) if g.nodes[n].get("type") == "les"}
    near = {m for les in lessons for m in g.neighbors(les)}
    return lessons | near | set(g.neighbors(meeting))


def _matching(g: nx.Graph, text: str) -> set[str]:
    needle = text.strip().casefold()
    hits = {n for n, d in g.nodes(data=True) if needle in str(d.get("label", n)).casefold()}
    return hits | {m for n in hits for m in g.neighbors(n)}


def most_connected(g: nx.Graph, limit: int = MAX_DRAWN_NODES, *, keep: Iterable[str] = ()) -> nx.Graph:
    """At most ``limit`` nodes of ``g`` to draw: ``keep`` (say, the focus) first, then the most connected
    (ties by node id), as an induced subgraph; ``g`` itself when it is small enough.

    >>> g = nx.star_graph(4)  # hub 0, leaves 1..4
    >>> sorted(most_connected(g, 2).nodes), sorted(most_connected(g, 2, keep=[4]).nodes)
    ([0, 1], [0, 4])
    """
    if g.number_of_nodes() <= limit:
        return g
    chosen = dict.fromkeys(n for n in keep if n in g)
    for node, _ in sorted(g.degree, key=lambda item: (-item[1], str(item[0]))):
        if len(chosen) >= limit:
            break
        chosen.setdefault(node)
    return g.subgraph(list(chosen)[:limit]).copy()


def gemeente_graph(similar: nx.Graph, typed: nx.Graph) -> nx.Graph:
    """The gemeente similarity graph (nodes: CBS codes) with gemeente keys and the typed graph's attributes.

    >>> typed = nx.Graph(); typed.add_node("gemeente/GM1", type="gemeente", label="Aadorp")
    >>> g = gemeente_graph(nx.Graph([("GM1", "GM2")]), typed)
    >>> sorted(g.nodes(data="label")), g.edges["gemeente/GM1", "gemeente/GM2"]["type"]
    ([('gemeente/GM1', 'Aadorp'), ('gemeente/GM2', 'GM2')], 'lijkt')
    """
    g = nx.relabel_nodes(similar, lambda c: c if str(c).startswith("gemeente/") else f"gemeente/{c}")
    for node in g.nodes:
        attrs = typed.nodes[node] if node in typed else {"type": "gemeente", "label": node.split("/", 1)[-1]}
        g.nodes[node].update(attrs)
    for _, _, data in g.edges(data=True):
        data["type"] = "lijkt"
    return g


def find(g: nx.Graph, text: str, *, limit: int = 50) -> list[tuple[str, str]]:
    """``(node, label)`` whose label contains ``text``, shortest first (for a focus picker).

    >>> g = nx.Graph(); g.add_node("a", label="Dorpsbudget"); g.add_node("b", label="Budget")
    >>> find(g, "budget")
    [('b', 'Budget'), ('a', 'Dorpsbudget')]
    """
    needle = text.strip().casefold()
    hits = [(n, str(d.get("label", n))) for n, d in g.nodes(data=True) if needle in str(d.get("label", n)).casefold()]
    return sorted(hits, key=lambda h: (len(h[1]), h[1]))[:limit]


def communities(g: nx.Graph, *, seed: int = 42) -> dict[str, int]:
    """Node -> community number (Louvain, seeded), largest community first.

    >>> communities(nx.Graph([("a", "b"), ("c", "d")]))
    {'a': 1, 'b': 1, 'c': 2, 'd': 2}
    """
    if g.number_of_edges() == 0:
        return {n: i + 1 for i, n in enumerate(sorted(g.nodes))}
    found = nx.community.louvain_communities(g, seed=seed)
    ordered = sorted(found, key=lambda c: (-len(c), sorted(c)[0]))
    return dict(sorted((n, i + 1) for i, c in enumerate(ordered) for n in c))


def _group_of(node: str, data: dict, colour_by: str, kind_names: Mapping[str, str],
              community: Mapping[str, int], leergroep: Mapping[str, str], lang: str) -> str:
    kind = data.get("type", "")
    if colour_by == "community":
        return (f"group {community.get(node, 0)} with shared themes" if lang == "en"
                else f"groep {community.get(node, 0)} met gedeelde thema's")
    if colour_by == "provincie" and kind == "gemeente":
        return str(data.get("provincie") or "?")
    if colour_by == "leergroep" and kind == "gemeente":
        return leergroep.get(node, "—")
    return kind_names.get(kind, kind)


def _size(g: nx.Graph, node: str, size_by: str, top: float) -> float:
    if size_by == "gelijk":
        return 14.0
    value = g.degree(node) if size_by == "degree" else (g.nodes[node].get("inwoners") or 0)
    if not top or not value:
        return MIN_SIZE
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(value / top)


def _title(g: nx.Graph, node: str, kind_name: str, lang: str, detail: str = "") -> str:
    d = g.nodes[node]
    lines = [str(d.get("label", node)), f"({kind_name})"] + ([detail] if detail else [])
    if d.get("provincie") and d.get("type") == "gemeente":
        lines.append(str(d["provincie"]))
    if d.get("inwoners"):
        lines.append(f"{d['inwoners']:,} {'inhabitants' if lang == 'en' else 'inwoners'}".replace(",", "."))
    neighbours = sorted(str(g.nodes[m].get("label", m)) for m in g.neighbors(node))
    if neighbours:
        head = "Connected to" if lang == "en" else "Verbonden met"
        more = f" … (+{len(neighbours) - 12})" if len(neighbours) > 12 else ""
        lines.append(f"{head}: " + "; ".join(neighbours[:12]) + more)
    return "\n".join(lines)


def _edge_title(g: nx.Graph, a: str, b: str, lang: str) -> str:
    d = g.edges[a, b]
    word = EDGE_WORDS.get(d.get("type", ""), (d.get("type", ""), d.get("type", "")))[lang == "en"]
    text = f"{g.nodes[a].get('label', a)} — {word} — {g.nodes[b].get('label', b)}"
    if d.get("sinds"):
        text += f" ({'since' if lang == 'en' else 'sinds'} {d['sinds']})"
    evidence = d.get("evidence") or ()
    if evidence:
        text += "\n" + "\n".join(f"{kind}: {key}" for kind, key in list(evidence)[:8])
    return text


@dataclass(frozen=True)
class Styled:
    """A network ready to draw: nodes, edges and the legend (group -> colour)."""

    nodes: tuple[NetNode, ...]
    edges: tuple[NetEdge, ...]
    legend: dict[str, str]


def to_network(g: nx.Graph, *, colour_by: str = "kind", size_by: str = "degree", lang: str = "nl",
               kind_names: Mapping[str, str] | None = None, labels: Mapping[str, str] | None = None,
               leergroep: Mapping[str, str] | None = None, details: Mapping[str, str] | None = None,
               seed: int = 42) -> Styled:
    """Nodes and edges with colour groups, sizes and plain-text tooltips.

    ``labels`` overrides node labels (e.g. concept labels in the reader's language); ``details`` adds
    text to a node's tooltip (a lesson's explanation and sources: its evidence).

    >>> g = nx.Graph([("a", "b")]); g.nodes["a"].update(type="gemeente", label="A")
    >>> g.nodes["b"].update(type="thema", label="B")
    >>> s = to_network(g, size_by="gelijk")
    >>> [n.group for n in s.nodes], s.legend
    (['gemeente', 'thema'], {'gemeente': '#0072B2', 'thema': '#D55E00'})
    """
    g = g.copy()
    for node, label in (labels or {}).items():
        if node in g:
            g.nodes[node]["label"] = label
    names = dict(kind_names or {})
    community = communities(g, seed=seed) if colour_by == "community" else {}
    groups = {n: _group_of(n, d, colour_by, names, community, leergroep or {}, lang) for n, d in g.nodes(data=True)}
    colours = palette(_legend_order(g, groups, colour_by, names))
    top = max((g.degree(n) if size_by == "degree" else (d.get("inwoners") or 0)) for n, d in g.nodes(data=True)) \
        if g.number_of_nodes() else 0
    nodes = tuple(NetNode(str(n), _short(str(d.get("label", n)), d.get("type", "")), kind=str(d.get("type", "")), group=groups[n],
                          title=_title(g, n, names.get(d.get("type", ""), d.get("type", "")), lang,
                                       (details or {}).get(n, "")),
                          size=_size(g, n, size_by, top), color=colours[groups[n]])
                  for n, d in sorted(g.nodes(data=True), key=lambda item: str(item[0])))
    edges = tuple(NetEdge(str(a), str(b), title=_edge_title(g, a, b, lang), weight=float(d.get("weight", 1.0)))
                  for a, b, d in g.edges(data=True))
    return Styled(nodes, edges, colours)


def _legend_order(g: nx.Graph, groups: Mapping[str, str], colour_by: str, names: Mapping[str, str]) -> list[str]:
    """Groups in legend order: node kinds in :data:`NODE_KINDS` order (same colour in every language),
    other groupings naturally sorted ("cluster 2" before "cluster 10")."""
    if colour_by != "kind":
        return sorted(set(groups.values()), key=_natural)
    order = {names.get(kind, kind): i for i, kind in enumerate((*NODE_KINDS, "bijeenkomst", "bron"))}
    return sorted(set(groups.values()), key=lambda name: (order.get(name, len(order)), name))


def _short(label: str, kind: str) -> str:
    """Sentence-like labels cut at a word boundary.

    >>> _short("Een vast gezicht per kern werkt goed in alle dorpen van de gemeente", "les")
    'Een vast gezicht per kern werkt goed in…'
    """
    if kind not in LONG_KINDS or len(label) <= SHORT_LABEL:
        return label
    return label[:SHORT_LABEL].rsplit(" ", 1)[0] + "…"


def _natural(text: str) -> tuple:
    """Sort key that puts "groep 2 ..." before "groep 10 ..."."""
    parts = text.split(" ")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def summary(g: nx.Graph, *, lang: str = "nl", kind_names: Mapping[str, str] | None = None, top: int = 5,
            labels: Mapping[str, str] | None = None) -> dict:
    """Counts per node type and the most connected nodes (the text alternative of the picture).

    >>> summary(nx.Graph([("a", "b"), ("a", "c")]), top=1, labels={"a": "A"})["top"]
    [('A', 2)]
    """
    names = dict(kind_names or {})
    if labels:
        g = nx.relabel_nodes(g, lambda n: n)  # a copy, so the caller's labels stay
        for node, label in labels.items():
            if node in g:
                g.nodes[node]["label"] = label
    per_kind = Counter(names.get(d.get("type", ""), d.get("type", "")) for _, d in g.nodes(data=True))
    ranked = sorted(g.degree, key=lambda item: (-item[1], str(g.nodes[item[0]].get("label", item[0]))))
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "per_kind": dict(per_kind),
            "top": [(str(g.nodes[n].get("label", n)), deg) for n, deg in ranked[:top]]}
