"""The projection: from records (read once from the store) to networkx graphs reused by every measure.

``Projection.graph`` is the typed graph (node attribute ``type``: gemeente, kern (of the participants),
instrument, thema, vraagstuk, les, bijeenkomst, bron; edge attribute ``type``). ``Projection.bipartite`` is the
gemeente x element view (elements: thema, instrument, vraagstuk), each edge holding its evidence
as ``(kind, key)`` pairs: ``("les", "les/t-l1")``, ``("vraagstuk", ...)``, ``("toepassing", ...)``.

Two scopes of evidence: ``"traject"`` (the trajectory's vraagstukken and lessons, among the
participants: what they *raise*) and ``"alle"`` (also praktijk lessons and toepassingen: what they
*know*). Without participants both scopes cover every gemeente and every piece of evidence.

>>> from graph.analysis.records import Gemeente, Les, Records
>>> p = projection_from_records(Records(
...     gemeenten=(Gemeente("GM0001", "Aadorp"), Gemeente("GM0002", "Beedorp")),
...     deelnemers=("GM0001", "GM0002"),
...     lessen=(Les("les/t-l1", "Budget", themas=("thema/budget",),
...                 gemeenten=("GM0001", "GM0002"), traject="t"),)))
>>> sorted(p.members("thema/budget"))
['GM0001', 'GM0002']
>>> p.graph.nodes["les/t-l1"]["type"], p.graph.edges["les/t-l1", "thema/budget"]["type"]
('les', 'over')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from graph.analysis.records import Gemeente, Les, Records, Toepassing

SCOPES = ("traject", "alle")
ELEMENT_KINDS = ("thema", "instrument", "vraagstuk")


def _element_label(key: str) -> str:
    """A readable fallback label from a key: ``thema/draagvlak-dorpen`` -> ``draagvlak dorpen``."""
    return key.split("/", 1)[-1].replace("-", " ")


@dataclass
class Projection:
    """The analysis view of one store (or one trajectory in it). Build with :func:`projection_from_records`."""

    records: Records
    labels: dict[str, str] = field(default_factory=dict)
    # (code, element key) -> evidence [(kind, key)], per scope
    links: dict[str, dict[tuple[str, str], list[tuple[str, str]]]] = field(default_factory=dict)

    @cached_property
    def graph(self) -> nx.Graph:
        """The typed graph (built on first use: the measures need only the evidence links)."""
        g = nx.Graph()
        _add_typed_nodes_and_edges(self, g)
        return g

    @cached_property
    def bipartite(self) -> nx.Graph:
        """The gemeente x element view of every link (scope ``"alle"``), with its evidence."""
        g = nx.Graph()
        for (code, element), evidence in self.links["alle"].items():
            gm = self.gemeente(code)
            g.add_node(gm.key, bipartite=0, type="gemeente", label=gm.label, code=code)
            g.add_node(element, bipartite=1, type=element.split("/", 1)[0], label=self.label(element))
            g.add_edge(gm.key, element, weight=len(evidence), evidence=tuple(evidence))
        return g

    @cached_property
    def gemeenten(self) -> dict[str, Gemeente]:
        """Every gemeente the records know, by CBS code."""
        return {g.code: g for g in self.records.gemeenten}

    @cached_property
    def deelnemers(self) -> tuple[str, ...]:
        """The participants' codes, sorted (empty when the store holds no trajectory)."""
        return tuple(sorted(set(self.records.deelnemers)))

    @cached_property
    def population(self) -> tuple[str, ...]:
        """Whom threads and groups are about: the participants, else every gemeente with evidence."""
        if self.deelnemers:
            return self.deelnemers
        return tuple(sorted({code for code, _ in self.links["alle"]}))

    @cached_property
    def lessen(self) -> dict[str, Les]:
        return {les.key: les for les in self.records.lessen}

    @cached_property
    def toepassingen(self) -> dict[str, Toepassing]:
        return {t.key: t for t in self.records.toepassingen}

    def label(self, key: str) -> str:
        """The label of a node key (gemeente code or key, element, lesson, meeting)."""
        if key in self.gemeenten:
            return self.gemeenten[key].label
        return self.labels.get(key) or _element_label(key)

    def gemeente(self, code: str) -> Gemeente:
        """The gemeente with this code (a bare record when the reference data lacks it)."""
        return self.gemeenten.get(code) or Gemeente(code, code)

    def elements_of(self, code: str, *, scope: str = "alle") -> frozenset[str]:
        """The element keys linked to gemeente ``code`` in ``scope``."""
        return self._by_gemeente[scope].get(code, frozenset())

    def members(self, element: str, *, scope: str = "traject") -> frozenset[str]:
        """The codes of the gemeenten linked to ``element`` in ``scope``."""
        return self._by_element[scope].get(element, frozenset())

    def evidence(self, code: str, element: str, *, scope: str = "alle") -> list[tuple[str, str]]:
        """The ``(kind, key)`` evidence that links ``code`` to ``element``."""
        return self.links[scope].get((code, element), [])

    @cached_property
    def _by_gemeente(self) -> dict[str, dict[str, frozenset[str]]]:
        return {s: _group(((c, e) for c, e in self.links[s]), 0) for s in SCOPES}

    @cached_property
    def _by_element(self) -> dict[str, dict[str, frozenset[str]]]:
        return {s: _group(((c, e) for c, e in self.links[s]), 1) for s in SCOPES}


def _group(pairs, by: int) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for pair in pairs:
        out[pair[by]].add(pair[1 - by])
    return {k: frozenset(v) for k, v in out.items()}


def projection_from_records(records: Records) -> Projection:
    """Build the typed graph, the bipartite view and the evidence links from plain records."""
    p = Projection(records, labels={e.key: e.label for e in records.elements})
    p.labels.update({b.key: b.label for b in records.bijeenkomsten})
    p.labels.update({les.key: les.title for les in records.lessen})
    p.labels.update({v.key: v.title for v in records.vraagstukken})
    p.links = _links(records)
    return p


def _links(records: Records) -> dict[str, dict[tuple[str, str], list[tuple[str, str]]]]:
    """Evidence per (gemeente, element), in the two scopes."""
    participants = set(records.deelnemers)
    links: dict[str, dict] = {s: defaultdict(list) for s in SCOPES}

    def add(code: str, element: str, evidence: tuple[str, str], trajectory: bool) -> None:
        links["alle"][(code, element)].append(evidence)
        if not participants or (trajectory and code in participants):
            links["traject"][(code, element)].append(evidence)

    for les in records.lessen:
        for code in les.gemeenten:
            for element in (*les.themas, *les.instrumenten):
                add(code, element, ("les", les.key), les.traject is not None)
    for v in records.vraagstukken:
        for code in v.gemeenten:
            for element in (v.key, *v.themas, *v.instrumenten):
                add(code, element, ("vraagstuk", v.key), True)
    for t in records.toepassingen:
        add(t.gemeente, t.instrument, ("toepassing", t.key), False)
    return {s: {k: sorted(set(v)) for k, v in sorted(links[s].items())} for s in SCOPES}


def _node(p: Projection, g: nx.Graph, key: str, kind: str, **attrs) -> None:
    if key not in g:
        g.add_node(key, type=kind, label=p.label(key), **attrs)


def _add_gemeente(p: Projection, g: nx.Graph, code: str) -> str:
    gm = p.gemeente(code)
    if gm.key not in g:
        g.add_node(gm.key, type="gemeente", label=gm.label, code=code, provincie=gm.provincie,
                   inwoners=gm.inwoners, lat=gm.lat, lon=gm.lon, n_kernen=gm.n_kernen, merged=gm.merged,
                   deelnemer=code in p.deelnemers)
    return gm.key


def _add_typed_nodes_and_edges(p: Projection, g: nx.Graph) -> None:
    r = p.records
    for code in r.deelnemers:
        _add_gemeente(p, g, code)
    for k in r.kernen:
        g.add_node(k.key, type="kern", label=k.label)
        g.add_edge(k.key, _add_gemeente(p, g, k.gemeente), type="ligt_in")
    for b in r.bijeenkomsten:
        _node(p, g, b.key, "bijeenkomst", soort=b.soort, datum=b.datum, volgnummer=b.volgnummer)
        if b.gastgemeente:
            g.add_edge(b.key, _add_gemeente(p, g, b.gastgemeente), type="gastgemeente")
    for les in r.lessen:
        _add_les(p, g, les)
    for v in r.vraagstukken:
        _node(p, g, v.key, "vraagstuk", traject=v.traject)
        _tag(p, g, v.key, v.themas, v.instrumenten)
        for code in v.gemeenten:
            g.add_edge(_add_gemeente(p, g, code), v.key, type="vraagt")
    for t in r.toepassingen:
        _node(p, g, t.instrument, "instrument")
        g.add_edge(_add_gemeente(p, g, t.gemeente), t.instrument, type="gebruikt", sinds=t.sinds)


def _add_les(p: Projection, g: nx.Graph, les: Les) -> None:
    _node(p, g, les.key, "les", traject=les.traject)
    _tag(p, g, les.key, les.themas, les.instrumenten)
    for code in les.gemeenten:
        g.add_edge(les.key, _add_gemeente(p, g, code), type="bewijs")
    if les.bijeenkomst:
        _node(p, g, les.bijeenkomst, "bijeenkomst")
        g.add_edge(les.key, les.bijeenkomst, type="bijeenkomst")
    for url in les.bronnen:
        _node(p, g, f"bron/{url}", "bron", url=url)
        g.add_edge(les.key, f"bron/{url}", type="bron")


def _tag(p: Projection, g: nx.Graph, key: str, themas: tuple[str, ...], instrumenten: tuple[str, ...]) -> None:
    for kind, elements in (("thema", themas), ("instrument", instrumenten)):
        for element in elements:
            _node(p, g, element, kind)
            g.add_edge(key, element, type="over")
