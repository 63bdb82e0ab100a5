"""Rode draden: themes, instruments and vraagstukken shared by at least ``k`` gemeenten.

A thread's *support* is the number of gemeenten (participants, in the trajectory scope) linked to it;
its *spread* the provinces, size classes and merged-or-not mix of those gemeenten. Combinations of two
elements ("draagvlak bij dorpsbudget") are threads too when at least ``k`` gemeenten name both in one
lesson or vraagstuk (``n_ab``) and that happens more often than chance predicts from how many gemeenten
name each (``n_a``, ``n_b``): ``lift = N * n_ab / (n_a * n_b) > 1`` over the population of N.

>>> from graph.analysis.records import Gemeente, Les, Records
>>> from graph.analysis.projection import projection_from_records
>>> gs = tuple(Gemeente(f"GM000{i}", f"G{i}", provincie="P") for i in range(1, 5))
>>> les = Les("les/t-1", "Draagvlak", themas=("thema/draagvlak",),
...           gemeenten=("GM0001", "GM0002", "GM0003"), traject="t")
>>> p = projection_from_records(Records(gemeenten=gs, deelnemers=tuple(g.code for g in gs), lessen=(les,)))
>>> [(t.key, t.support) for t in threads(p, k=3)]
[('thema/draagvlak', 3)]
>>> threads(p, k=3)[0].zin
'3 van 4 deelnemers noemen draagvlak; in 1 provincie; bronnen: geen'
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from graph.analysis.evidence import (
    GemeenteRef, LesRef, dutch_number, gemeente_refs, les_refs, lesson_keys, source_names, sources,
)
from graph.analysis.projection import Projection
from graph.analysis.records import size_class

DEFAULT_K = 3
PAIR_KINDS = ("thema", "instrument")  # vraagstukken are tagged with these; pairing them would double count
KIND_ORDER = {"thema": 0, "instrument": 1, "vraagstuk": 2, "combinatie": 3}


@dataclass(frozen=True)
class Thread:
    """One rode draad with its evidence and a sentence in Dutch (``zin``) and English (``sentence``)."""

    key: str  # element key, or "a+b" for a combination
    kind: str  # thema | instrument | vraagstuk | combinatie
    label: str
    label_en: str  # the same with English glue ("budget with dorpsbudget"); element labels stay as they are
    support: int
    population: int
    gemeenten: tuple[GemeenteRef, ...]
    provincies: tuple[str, ...]
    grootteklassen: tuple[str, ...]
    heringedeeld: int
    niet_heringedeeld: int
    lift: float | None
    lessen: tuple[LesRef, ...]
    bronnen: tuple[str, ...]
    zin: str
    sentence: str

    @property
    def spread(self) -> int:
        """The number of provinces the thread's gemeenten lie in."""
        return len(self.provincies)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(g.code for g in self.gemeenten)


def lift(n_ab: int, n_a: int, n_b: int, n: int) -> float:
    """How much more often two elements co-occur than their frequencies predict.

    >>> lift(3, 3, 4, 12), lift(2, 4, 4, 8)
    (3.0, 1.0)
    """
    return n * n_ab / (n_a * n_b)


def threads(p: Projection, *, k: int = DEFAULT_K) -> list[Thread]:
    """The threads shared by at least ``k`` gemeenten of the population, ranked.

    Ranked by support, then spread (provinces, then size classes, then whether merged and unmerged
    gemeenten both take part), then lift, then kind and label.
    """
    if k < 1:
        raise ValueError(f"k moet minstens 1 zijn, niet {k}")
    population = set(p.population)
    members = {e: p.members(e) & population for e in _elements(p)}
    found = [_thread(p, e, codes, len(population), None) for e, codes in members.items() if len(codes) >= k]
    found += _pairs(p, members, k, len(population))
    return sorted(found, key=_rank)


def _rank(t: Thread) -> tuple:
    mixed = t.heringedeeld > 0 and t.niet_heringedeeld > 0
    return (-t.support, -t.spread, -len(t.grootteklassen), -mixed, -(t.lift or 0.0), KIND_ORDER[t.kind], t.label, t.key)


def _elements(p: Projection) -> list[str]:
    return sorted({e for _, e in p.links["traject"]})


def _tagged_records(p: Projection):
    """(elements, gemeenten) of every lesson and vraagstuk in the trajectory scope."""
    in_scope = (lambda les: les.traject is not None) if p.deelnemers else (lambda les: True)
    for les in p.records.lessen:
        if in_scope(les):
            yield (*les.themas, *les.instrumenten), les.gemeenten
    for v in p.records.vraagstukken:
        yield (*v.themas, *v.instrumenten), v.gemeenten


def _pairs(p: Projection, members: dict[str, frozenset[str]], k: int, n: int) -> list[Thread]:
    """Combinations named together (in one lesson or vraagstuk) by at least ``k`` gemeenten, beyond chance."""
    frequent = {e for e, codes in members.items() if len(codes) >= k and e.split("/")[0] in PAIR_KINDS}
    population = set(p.population)
    together: dict[tuple[str, str], set[str]] = {}
    for elements, codes in _tagged_records(p):
        named = sorted(frequent.intersection(elements))
        inside = population.intersection(codes)
        for pair in combinations(named, 2):
            together.setdefault(pair, set()).update(inside)
    found = []
    for (a, b), codes in sorted(together.items()):
        value = lift(len(codes), len(members[a]), len(members[b]), n)
        if len(codes) >= k and value > 1.0:
            found.append(_thread(p, f"{a}+{b}", frozenset(codes), n, value))
    return found


def _thread(p: Projection, key: str, codes: frozenset[str], n: int, value: float | None) -> Thread:
    parts = key.split("+")
    evidence = [ev for code in codes for part in parts for ev in p.evidence(code, part, scope="traject")]
    gs = [p.gemeente(c) for c in codes]
    merged = sum(1 for g in gs if g.merged)
    label = _pair_label(p, parts) if len(parts) == 2 else p.label(key)
    label_en = _pair_label(p, parts, lang="en") if len(parts) == 2 else label
    t = dict(key=key, kind="combinatie" if len(parts) == 2 else key.split("/")[0], label=label, label_en=label_en,
             support=len(codes), population=n, gemeenten=gemeente_refs(p, codes),
             provincies=tuple(sorted({g.provincie for g in gs})),
             grootteklassen=tuple(sorted({size_class(g.inwoners) for g in gs})),
             heringedeeld=merged, niet_heringedeeld=len(gs) - merged, lift=value,
             lessen=les_refs(p, lesson_keys(evidence)), bronnen=sources(p, evidence))
    return Thread(**t, zin=_zin(p, t), sentence=_sentence(p, t))


def _pair_label(p: Projection, parts: list[str], *, lang: str = "nl") -> str:
    kinds = [part.split("/")[0] for part in parts]
    if kinds == ["instrument", "thema"]:
        return f"{p.label(parts[1])} {'bij' if lang == 'nl' else 'with'} {p.label(parts[0])}"
    return f"{p.label(parts[0])} {'en' if lang == 'nl' else 'and'} {p.label(parts[1])}"


def _who(p: Projection) -> tuple[str, str]:
    return ("deelnemers", "participants") if p.deelnemers else ("gemeenten", "municipalities")


def _zin(p: Projection, t: dict) -> str:
    n_prov = len(t["provincies"])
    text = (f"{t['support']} van {t['population']} {_who(p)[0]} noemen {t['label']}; "
            f"in {n_prov} provincie{'s' if n_prov != 1 else ''}")
    if t["lift"] is not None:
        text += f"; {dutch_number(t['lift'])} keer zo vaak samen als bij toeval"
    return text + f"; bronnen: {source_names(t['bronnen']) or 'geen'}"


def _sentence(p: Projection, t: dict) -> str:
    n_prov = len(t["provincies"])
    text = (f"{t['support']} of {t['population']} {_who(p)[1]} mention {t['label_en']}; "
            f"in {n_prov} province{'s' if n_prov != 1 else ''}")
    if t["lift"] is not None:
        text += f"; together {t['lift']:.1f} times as often as chance predicts"
    return text + f"; sources: {source_names(t['bronnen']) or 'none'}"
