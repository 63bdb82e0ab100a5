"""Change between meetings: threads that appeared, grew, shrank or faded; new and removed connections.

Meetings are ordered by volgnummer, then date, then key; meetings that share a volgnummer (the intakes,
one per gemeente) form one round. Only rounds with lessons are compared, each with the next.
A thread's support in a round is the number of gemeenten (population) named as evidence by that
round's lessons on the element. Two gemeenten are *connected* at a meeting when that meeting's lessons
name both for a common element. Statuses: ``nieuw`` (0 -> n), ``gegroeid``, ``gekrompen``, ``verdwenen`` (n -> 0).

>>> status(0, 2), status(2, 3), status(3, 1), status(1, 0), status(2, 2)
('nieuw', 'gegroeid', 'gekrompen', 'verdwenen', None)
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from graph.analysis.evidence import GemeenteRef, gemeente_refs
from graph.analysis.projection import Projection
from graph.analysis.records import Bijeenkomst

MAX_LISTED_CONNECTIONS = 25
STATUS_EN = {"nieuw": "new", "gegroeid": "grew", "gekrompen": "shrank", "verdwenen": "faded"}


def status(before: int, after: int) -> str | None:
    """The change of a thread's support between two meetings, or None when unchanged."""
    if before == after:
        return None
    if before == 0:
        return "nieuw"
    if after == 0:
        return "verdwenen"
    return "gegroeid" if after > before else "gekrompen"


@dataclass(frozen=True)
class ThreadChange:
    key: str
    label: str
    before: int
    after: int
    status: str
    gemeenten: tuple[GemeenteRef, ...]  # at the later meeting


@dataclass(frozen=True)
class Connection:
    a: GemeenteRef
    b: GemeenteRef


@dataclass(frozen=True)
class MeetingChange:
    before: str  # key of the (first) meeting of the earlier round
    before_label: str
    after: str
    after_label: str
    before_meetings: tuple[str, ...]  # every meeting key of the earlier round
    after_meetings: tuple[str, ...]
    threads: tuple[ThreadChange, ...]
    n_new_connections: int
    n_removed_connections: int
    new_connections: tuple[Connection, ...]  # the first MAX_LISTED_CONNECTIONS, sorted
    removed_connections: tuple[Connection, ...]
    zin: str
    sentence: str
    before_label_en: str = ""  # the labels in English where the analysis words them (a round of meetings)
    after_label_en: str = ""


def meetings_with_lessons(p: Projection) -> list[Bijeenkomst]:
    """The meetings that have lessons, in order (meetings named only by lessons included)."""
    known = {b.key: b for b in p.records.bijeenkomsten}
    used = {les.bijeenkomst for les in p.records.lessen if les.bijeenkomst and les.traject is not None}
    return sorted((known.get(k) or Bijeenkomst(k, p.label(k)) for k in used), key=lambda b: b.order)


def rounds(p: Projection) -> list[tuple[Bijeenkomst, ...]]:
    """The meetings with lessons grouped by volgnummer (a meeting without one is a round of its own)."""
    out: list[tuple[Bijeenkomst, ...]] = []
    for b in meetings_with_lessons(p):
        if out and b.volgnummer is not None and out[-1][0].volgnummer == b.volgnummer:
            out[-1] = (*out[-1], b)
        else:
            out.append((b,))
    return out


def _round_label(p: Projection, meetings: tuple[Bijeenkomst, ...], lang: str = "nl") -> str:
    """A meeting's label, or for a round of several "<kind> (<n> bijeenkomsten)" (``lang`` "en": meetings)."""
    if len(meetings) == 1:
        return meetings[0].label
    soort = {b.soort for b in meetings}
    some = "Bijeenkomsten" if lang == "nl" else "Meetings"
    name = p.label(soort.pop()) if len(soort) == 1 and "" not in soort else some
    return f"{name} ({len(meetings)} {some.lower()})"


def support_at(p: Projection, meetings: str | tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Per element, the gemeenten named by the lessons of these meetings (within the population)."""
    keys = {meetings} if isinstance(meetings, str) else set(meetings)
    return support_of(p, [les for les in p.records.lessen if les.bijeenkomst in keys])


def support_of(p: Projection, lessen) -> dict[str, frozenset[str]]:
    population = set(p.population)
    out: dict[str, set[str]] = {}
    for les in lessen:
        if les.traject is not None:
            for e in (*les.themas, *les.instrumenten):
                out.setdefault(e, set()).update(c for c in les.gemeenten if c in population)
    return {e: frozenset(v) for e, v in out.items() if v}


SPARSE_COST = 20  # a pair in a Python set costs about as much as this many cells of a numpy matrix


def _pairs(support: dict[str, frozenset[str]], index: dict[str, int]) -> set[tuple[int, int]]:
    """The pairs (i < j) of gemeenten that share an element in ``support``, as a set: cheap when the
    cliques are small next to N x N (5,000 gemeenten, 5 lessons each: 2 s instead of 109 s dense)."""
    out: set[tuple[int, int]] = set()
    for codes in support.values():
        out.update(combinations(sorted(index[c] for c in codes), 2))
    return out


def _matrix(support: dict[str, frozenset[str]], index: dict[str, int]) -> np.ndarray:
    """The same pairs as an upper-triangular boolean N x N matrix: cheap when the cliques are large."""
    x = np.zeros((len(index), max(1, len(support))), dtype=np.float32)
    for j, codes in enumerate(support.values()):
        x[[index[c] for c in codes], j] = 1.0
    return np.triu((x @ x.T) > 0, 1)


def _sparse(supports: list[dict[str, frozenset[str]]], n: int) -> bool:
    """Sets or matrices: whichever is cheaper for the largest round."""
    biggest = max((sum(len(c) * (len(c) - 1) // 2 for c in s.values()) for s in supports), default=0)
    return biggest * SPARSE_COST < n * n


def _difference(after, before) -> tuple[int, list[tuple[int, int]]]:
    """How many pairs ``after`` has that ``before`` lacks, and the first MAX_LISTED_CONNECTIONS of them."""
    if isinstance(after, set):
        new = after - before
        return len(new), heapq.nsmallest(MAX_LISTED_CONNECTIONS, new)
    new = after & ~before
    rows, cols = np.nonzero(new)  # row-major: sorted pairs
    return len(rows), [(int(i), int(j)) for i, j in zip(rows[:MAX_LISTED_CONNECTIONS], cols[:MAX_LISTED_CONNECTIONS])]


def _connections(p: Projection, pairs: list[tuple[int, int]], codes: list[str]) -> tuple[Connection, ...]:
    return tuple(Connection(gemeente_refs(p, [codes[i]])[0], gemeente_refs(p, [codes[j]])[0]) for i, j in pairs)


def changes(p: Projection) -> list[MeetingChange]:
    """The change from each round of meetings (with lessons) to the next."""
    found = rounds(p)
    codes = sorted(p.population)
    index = {c: i for i, c in enumerate(codes)}
    by_meeting: dict[str, list] = {}
    for les in p.records.lessen:  # once, not once per round
        by_meeting.setdefault(les.bijeenkomst, []).append(les)
    supports = [support_of(p, [les for b in r for les in by_meeting.get(b.key, ())]) for r in found]
    pairs = _pairs if _sparse(supports, len(codes)) else _matrix
    out: list[MeetingChange] = []
    before = None  # two rounds at a time: N x N matrices for every round took 12 GB at 5,000 gemeenten
    for i, support in enumerate(supports):
        after = pairs(support, index)
        if before is not None:
            out.append(_change(p, found[i - 1], found[i], supports[i - 1], support,
                               _difference(after, before), _difference(before, after), codes))
        before = after
    return out


def _change(p, r0, r1, s0, s1, new, removed, codes) -> MeetingChange:
    threads = []
    for e in sorted(set(s0) | set(s1)):
        before, after = len(s0.get(e, ())), len(s1.get(e, ()))
        if (st := status(before, after)) is not None:
            threads.append(ThreadChange(e, p.label(e), before, after, st, gemeente_refs(p, s1.get(e, ()))))
    threads.sort(key=lambda t: (-abs(t.after - t.before), t.label, t.key))
    counts = {s: sum(1 for t in threads if t.status == s) for s in STATUS_EN}
    nl = ", ".join(f"{n} {s}" for s, n in counts.items())
    en = ", ".join(f"{n} {STATUS_EN[s]}" for s, n in counts.items())
    (n_new, new), (n_removed, removed) = new, removed
    l0, l1 = _round_label(p, r0), _round_label(p, r1)
    e0, e1 = _round_label(p, r0, "en"), _round_label(p, r1, "en")
    return MeetingChange(
        r0[0].key, l0, r1[0].key, l1, tuple(b.key for b in r0), tuple(b.key for b in r1), tuple(threads),
        n_new, n_removed, _connections(p, new, codes), _connections(p, removed, codes),
        f"Van {l0} naar {l1}: draden {nl}; {n_new} nieuwe en {n_removed} verdwenen verbindingen",
        f"From {e0} to {e1}: threads {en}; {n_new} new and {n_removed} removed connections", e0, e1)
