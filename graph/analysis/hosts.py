"""Werkbezoek hosts: for each participant's vraagstuk, the gemeenten that can teach it most.

A candidate has *experience* with one of the vraagstuk's instruments or themes: a toepassing of the
instrument (praktijk data) or a lesson whose evidence names it. Score (0..1)::

    0.40 relevance   (matched instruments count 2, themes 1, over the vraagstuk's total)
  + 0.15 years       (years of use of a matched instrument, capped at 10)
  + 0.20 lessons     (documented lessons on the matched elements and the outcomes that follow
                     from them, capped at 3)
  + 0.15 context     (kernen, inhabitants, merged, distance; see similarity)
  + 0.10 proximity   (1 - km / 350)

>>> relevance(("instrument/a",), ("thema/x",), matched={"instrument/a"})
0.6666666666666666
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from graph.analysis.evidence import GemeenteRef, LesRef, gemeente_refs, les_refs, sources
from graph.analysis.projection import Projection
from graph.analysis.records import Vraagstuk
from graph.analysis.similarity import DISTANCE_SCALE_KM, context_arrays

DEFAULT_TOP = 3
WEIGHTS = {"relevance": 0.40, "years": 0.15, "lessons": 0.20, "context": 0.15, "proximity": 0.10}
YEARS_CAP = 10
LESSONS_CAP = 3
EXPERIENCE = ("les", "toepassing")


def relevance(instrumenten: tuple[str, ...], themas: tuple[str, ...], *, matched: set[str]) -> float:
    """Matched instruments count 2, matched themes 1, over the total possible."""
    total = 2 * len(instrumenten) + len(themas)
    got = 2 * len(matched & set(instrumenten)) + len(matched & set(themas))
    return got / total if total else 0.0


@dataclass(frozen=True)
class HostMatch:
    host: GemeenteRef
    score: float
    relevance: float
    matched: tuple[str, ...]  # labels of the matched instruments and themes
    sinds: int | None
    years: int | None
    lessen: tuple[LesRef, ...]
    uitkomsten: tuple[str, ...]  # descriptions of its outcomes that follow from those lessons
    bronnen: tuple[str, ...]
    context: float
    distance_km: float | None
    deelnemer: bool
    uitleg: str
    explanation: str


@dataclass(frozen=True)
class VraagstukHosts:
    vraagstuk: str  # key
    title: str
    gemeenten: tuple[GemeenteRef, ...]
    matches: tuple[HostMatch, ...]


def reference_year(p: Projection) -> int | None:
    """The year "now" for years of use: the latest meeting's year, else the latest ``sinds``."""
    years = [int(b.datum[:4]) for b in p.records.bijeenkomsten if b.datum[:4].isdigit()]
    years = years or [t.sinds for t in p.records.toepassingen if t.sinds is not None]
    return max(years) if years else None


def hosts(p: Projection, *, top: int = DEFAULT_TOP, year: int | None = None) -> list[VraagstukHosts]:
    """The best ``top`` hosts per vraagstuk of the trajectory, vraagstukken in key order."""
    now = year if year is not None else reference_year(p)
    return [VraagstukHosts(v.key, v.title, gemeente_refs(p, v.gemeenten), tuple(rank_hosts(p, v, year=now, top=top)))
            for v in sorted(p.records.vraagstukken, key=lambda v: v.key)]


@dataclass(frozen=True)
class _Experience:
    lessons: frozenset[str]
    evidence: tuple[tuple[str, str], ...]
    sinds: int | None


def experience_index(p: Projection) -> dict[str, dict[str, _Experience]]:
    """Per element, per gemeente: the lessons and toepassingen (with the earliest year) behind it. Made once."""
    cached = p.__dict__.get("_experience")
    if cached is not None:
        return cached
    index: dict[str, dict[str, _Experience]] = {}
    for (code, e), evidence in p.links["alle"].items():
        evs = tuple(ev for ev in evidence if ev[0] in EXPERIENCE)
        if evs:
            years = [p.toepassingen[k].sinds for kind, k in evs if kind == "toepassing" and p.toepassingen[k].sinds]
            lessons = frozenset(k for kind, k in evs if kind == "les")
            index.setdefault(e, {})[code] = _Experience(lessons, evs, min(years) if years else None)
    p.__dict__["_experience"] = index
    return index


class HostIndex:
    """Experience of every gemeente as arrays (made once per projection), so ranking is vectorised.

    ``codes`` are the gemeenten with any experience, in label order (the tie-break of the ranking).
    Lessons and outcomes are (record, gemeente) index pairs with a record x element tag matrix, so
    "distinct lessons on any of these elements, per gemeente" is a weighted count per gemeente of the
    records tagged with any of them (numpy only: scipy's import alone took longer than the ranking).
    """

    def __init__(self, p: Projection):
        exp = experience_index(p)
        self.codes = sorted({c for by in exp.values() for c in by}, key=lambda c: (p.gemeente(c).label, c))
        self.pos = {c: i for i, c in enumerate(self.codes)}
        self.has: dict[str, np.ndarray] = {}
        self.sinds: dict[str, np.ndarray] = {}
        for e, by in exp.items():
            idx = np.array([self.pos[c] for c in by])
            self.has[e] = np.zeros(len(self.codes), dtype=bool)
            self.has[e][idx] = True
            self.sinds[e] = np.full(len(self.codes), np.nan)
            self.sinds[e][idx] = [np.nan if x.sinds is None else x.sinds for x in by.values()]
        self.column = {e: j for j, e in enumerate(sorted(exp))}
        lessen = p.records.lessen
        tags = {les.key: (*les.themas, *les.instrumenten) for les in lessen}
        self.lessons = self._records([(les.gemeenten, tags[les.key]) for les in lessen])
        self.outcomes = self._records([((u.gemeente,), tags[u.les]) for u in p.records.uitkomsten if u.les in tags])
        self._counts: dict[tuple[str, ...], np.ndarray] = {}
        arrays = context_arrays(p)
        self.context_index = np.array([arrays.index.get(c, 0) for c in self.codes])
        self.context_known = np.array([c in arrays.index for c in self.codes])

    def _records(self, items: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> tuple:
        """(record indices, gemeente indices) of each distinct (record, gemeente) pair, and the
        record x element tag matrix."""
        who = sorted({(i, self.pos[c]) for i, (codes, _) in enumerate(items) for c in codes if c in self.pos})
        tagged = np.zeros((len(items), len(self.column)), dtype=bool)
        for i, (_, es) in enumerate(items):
            tagged[i, [self.column[e] for e in es if e in self.column]] = True
        rows, cols = (np.array(x, dtype=np.intp) for x in zip(*who)) if who else (np.zeros(0, np.intp),) * 2
        return rows, cols, tagged

    def counts(self, elements: tuple[str, ...]) -> np.ndarray:
        """Per gemeente: distinct lessons naming it on any of ``elements``, plus its outcomes of such lessons."""
        key = tuple(sorted(set(elements)))
        if key not in self._counts:  # vraagstukken often share their elements
            self._counts[key] = self._count(key)
        return self._counts[key]

    def _count(self, elements: tuple[str, ...]) -> np.ndarray:
        cols = [self.column[e] for e in elements]
        total = np.zeros(len(self.codes))
        for rows, gemeenten, what in (self.lessons, self.outcomes):
            if what.shape[0]:
                tagged = what[:, cols].any(axis=1).astype(float)
                total += np.bincount(gemeenten, weights=tagged[rows], minlength=len(self.codes))
        return total


def host_index(p: Projection) -> HostIndex:
    cached = p.__dict__.get("_host_index")
    if cached is None:
        cached = p.__dict__["_host_index"] = HostIndex(p)
    return cached


def rank_hosts(p: Projection, v: Vraagstuk, *, year: int | None, top: int | None = None) -> list[HostMatch]:
    """Gemeenten with experience in ``v``'s instruments or themes, best first (all, or the ``top``)."""
    h = host_index(p)
    elements = tuple(e for e in (*v.instrumenten, *v.themas) if e in h.has)
    if not elements:
        return []
    total = 2 * len(v.instrumenten) + len(v.themas)
    rel = sum((2.0 if e in v.instrumenten else 1.0) * h.has[e] for e in elements) / total
    sinds = np.fmin.reduce([h.sinds[e] for e in elements])
    candidate = np.logical_or.reduce([h.has[e] for e in elements])
    candidate[[h.pos[c] for c in v.gemeenten if c in h.pos]] = False
    idx = np.nonzero(candidate)[0]
    if not len(idx):
        return []
    years = np.zeros(len(idx)) if year is None else np.nan_to_num(np.maximum(0, year - sinds[idx]), nan=0.0)
    ctx, km = _context(p, h, [c for c in v.gemeenten if c in p.gemeenten], idx)
    parts = {"relevance": rel[idx], "years": np.minimum(years / YEARS_CAP, 1.0),
             "lessons": np.minimum(h.counts(elements)[idx] / LESSONS_CAP, 1.0), "context": ctx,
             "proximity": np.where(np.isnan(km), 0.0, np.maximum(0.0, 1 - km / DISTANCE_SCALE_KM))}
    score = sum(WEIGHTS[k] * x for k, x in parts.items())
    order = np.argsort(-np.round(score, 12), kind="stable")[:top]
    return [_match(p, v, h.codes[idx[i]], elements, dict(
        score=float(score[i]), relevance=float(rel[idx[i]]), year=year, ctx=float(ctx[i]),
        km=None if np.isnan(km[i]) else float(km[i]))) for i in order]


def _context(p: Projection, h: HostIndex, askers: list[str], idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Best context similarity and smallest distance to any of the askers (NaN km when unknown)."""
    arrays = context_arrays(p)
    known = h.context_known[idx]
    ctx, km = np.zeros(len(idx)), np.full(len(idx), np.nan)
    for code in askers:
        c, d = arrays.compare(code, h.context_index[idx])
        ctx = np.maximum(ctx, np.where(known, c, 0.0))
        km = np.fmin(km, np.where(known, d, np.nan))
    return ctx, km


def _match(p: Projection, v: Vraagstuk, code: str, elements: tuple[str, ...], f: dict) -> HostMatch:
    exp = experience_index(p)
    matched = {e for e in elements if code in exp[e]}
    found = [exp[e][code] for e in elements if e in matched]
    evidence = [ev for x in found for ev in x.evidence]
    lessons = sorted(frozenset().union(*(x.lessons for x in found)))
    f["sinds"] = min((x.sinds for x in found if x.sinds is not None), default=None)
    outcomes = tuple(sorted(u.omschrijving for u in p.records.uitkomsten if u.gemeente == code and u.les in lessons))
    labels = tuple(p.label(e) for e in (*v.instrumenten, *v.themas) if e in matched)
    years = None if f["sinds"] is None or f["year"] is None else max(0, f["year"] - f["sinds"])
    facts = dict(host=p.gemeente(code).label, matched=labels, sinds=f["sinds"], years=years, n=len(lessons),
                 u=len(outcomes), ctx=f["ctx"], km=f["km"])
    return HostMatch(gemeente_refs(p, [code])[0], f["score"], f["relevance"], labels, f["sinds"], years,
                     les_refs(p, lessons), outcomes, sources(p, evidence), f["ctx"], f["km"], code in p.deelnemers,
                     _uitleg(**facts), _explanation(**facts))


def _uitleg(*, host, matched, sinds, years, n, u, ctx, km) -> str:
    text = f"{host} heeft ervaring met {', '.join(matched)}"
    if sinds is not None:
        text += f" (sinds {sinds}" + (f", {years} jaar)" if years else ", dit jaar)" if years == 0 else ")")
    text += f"; {n} {'les' if n == 1 else 'lessen'}"
    text += f" en {u} {'uitkomst' if u == 1 else 'uitkomsten'}" if u else ""
    text += f" vastgelegd; lijkt {round(100 * ctx)}% op de gemeente (inwoners, kernen, herindeling, afstand)"
    return text + ("" if km is None else f"; {round(km)} km")


def _explanation(*, host, matched, sinds, years, n, u, ctx, km) -> str:
    text = f"{host} has experience with {', '.join(matched)}"
    if sinds is not None:
        text += f" (since {sinds}" + (f", {years} years)" if years else ", this year)" if years == 0 else ")")
    text += f"; {n} {'lesson' if n == 1 else 'lessons'}"
    text += f" and {u} {'outcome' if u == 1 else 'outcomes'}" if u else ""
    text += f" recorded; context {round(100 * ctx)}% alike"
    return text + ("" if km is None else f"; {round(km)} km")
