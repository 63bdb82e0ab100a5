"""Werkbezoek hosts: for each participant's vraagstuk, the gemeenten that can teach it most.

A candidate has *experience* with one of the vraagstuk's instruments or themes: a toepassing of the
instrument (praktijk data) or a lesson whose evidence names it. Score (0..1)::

    0.40 relevance   (matched instruments count 2, themes 1, over the vraagstuk's total)
  + 0.15 years       (years of use of a matched instrument, capped at 10)
  + 0.20 lessons     (documented lessons on the matched elements, capped at 3)
  + 0.15 context     (kernen, inhabitants, merged, distance; see similarity)
  + 0.10 proximity   (1 - km / 350)

>>> relevance(("instrument/a",), ("thema/x",), matched={"instrument/a"})
0.6666666666666666
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.analysis.evidence import GemeenteRef, LesRef, gemeente_refs, les_refs, sources
from graph.analysis.projection import Projection
from graph.analysis.records import Vraagstuk
from graph.analysis.similarity import DISTANCE_SCALE_KM, context_similarity, distance_km

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
    return [VraagstukHosts(v.key, v.title, gemeente_refs(p, v.gemeenten), tuple(rank_hosts(p, v, year=now)[:top]))
            for v in sorted(p.records.vraagstukken, key=lambda v: v.key)]


def _experience(p: Projection, code: str, elements: tuple[str, ...]) -> dict[str, list[tuple[str, str]]]:
    """Per matched element, the experience evidence (lessons, toepassingen) of ``code``."""
    found = {e: [ev for ev in p.evidence(code, e) if ev[0] in EXPERIENCE] for e in elements}
    return {e: evs for e, evs in found.items() if evs}


def rank_hosts(p: Projection, v: Vraagstuk, *, year: int | None) -> list[HostMatch]:
    """Every gemeente with experience in ``v``'s instruments or themes, best first."""
    elements = (*v.instrumenten, *v.themas)
    candidates = {c for e in elements for c in p.members(e, scope="alle")} - set(v.gemeenten)
    found = []
    for code in sorted(candidates):
        experience = _experience(p, code, elements)
        if experience:
            found.append(_match(p, v, code, experience, year))
    return sorted(found, key=lambda m: (-m.score, m.host.label, m.host.code))


def _match(p: Projection, v: Vraagstuk, code: str, experience: dict, year: int | None) -> HostMatch:
    evidence = [ev for evs in experience.values() for ev in evs]
    toepassingen = p.toepassingen
    since = [toepassingen[k].sinds for kind, k in evidence if kind == "toepassing" and toepassingen[k].sinds]
    sinds = min(since) if since else None
    years = max(0, year - sinds) if sinds is not None and year is not None else None
    lessons = sorted({k for kind, k in evidence if kind == "les"})
    host, own = p.gemeente(code), [p.gemeente(c) for c in v.gemeenten]
    ctx = max((context_similarity(g, host) for g in own), default=0.0)
    km = min((d for g in own if (d := distance_km(g, host)) is not None), default=None)
    rel = relevance(v.instrumenten, v.themas, matched=set(experience))
    parts = {"relevance": rel, "years": min((years or 0) / YEARS_CAP, 1.0),
             "lessons": min(len(lessons) / LESSONS_CAP, 1.0), "context": ctx,
             "proximity": 0.0 if km is None else max(0.0, 1 - km / DISTANCE_SCALE_KM)}
    matched = tuple(p.label(e) for e in (*v.instrumenten, *v.themas) if e in experience)
    facts = dict(host=host.label, matched=matched, sinds=sinds, years=years, n=len(lessons), ctx=ctx, km=km)
    return HostMatch(gemeente_refs(p, [code])[0], sum(WEIGHTS[k] * x for k, x in parts.items()), rel, matched,
                     sinds, years, les_refs(p, lessons), sources(p, evidence), ctx, km, code in p.deelnemers,
                     _uitleg(**facts), _explanation(**facts))


def _uitleg(*, host, matched, sinds, years, n, ctx, km) -> str:
    text = f"{host} heeft ervaring met {', '.join(matched)}"
    if sinds is not None:
        text += f" (sinds {sinds}" + (f", {years} jaar)" if years is not None else ")")
    text += f"; {n} {'les' if n == 1 else 'lessen'} vastgelegd; context {round(100 * ctx)}% gelijk"
    return text + ("" if km is None else f"; {round(km)} km")


def _explanation(*, host, matched, sinds, years, n, ctx, km) -> str:
    text = f"{host} has experience with {', '.join(matched)}"
    if sinds is not None:
        text += f" (since {sinds}" + (f", {years} years)" if years is not None else ")")
    text += f"; {n} {'lesson' if n == 1 else 'lessons'} recorded; context {round(100 * ctx)}% alike"
    return text + ("" if km is None else f"; {round(km)} km")
