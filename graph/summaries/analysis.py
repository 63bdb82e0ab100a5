"""The analysis' results (``graph.analysis``) as summary models: threads, groups, hosts, change.

Nothing is recomputed here: the numbers are those of :func:`graph.analysis.analyse` with its defaults
(the same as ``kernen analyse``), only selected (the attending gemeenten) and relabelled (English).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import cached_property

from graph import analysis as an
from graph.namespace import ID
from graph.summaries.data import TrajectoryData
from graph.summaries.models import (
    GemeenteRef, HostSuggestion, Similar, Source, TableGroup, Thread, ThreadLesson,
)
from graph.summaries.queries import local


MAX_SHARED = 5  # elements listed per table


class Analysis:
    """The projection of one trajectory and the full analysis report over it, analysed when first
    asked for: a pack for an earlier meeting analyses only what was known before it (:func:`until`)."""

    def __init__(self, projection: an.Projection):
        self.projection = projection

    @cached_property
    def report(self) -> an.AnalysisReport:
        return an.analyse_projection(self.projection)


@dataclass(frozen=True)
class Analysed:
    """An :class:`Analysis` as one reader sees it (language, English labels)."""

    analysis: Analysis
    lang: str
    en_labels: dict[str, str]  # element key (thema/x, instrument/y) -> English label

    @property
    def projection(self) -> an.Projection:
        return self.analysis.projection

    @property
    def report(self) -> an.AnalysisReport:
        return self.analysis.report


_ANALYSED: "OrderedDict[tuple[str, str], Analysis]" = OrderedDict()
_ANALYSED_KEPT = 2


def report(store, slug: str, *, lang: str = "nl", en_labels: dict[str, str] | None = None) -> Analysed:
    """Analyse trajectory ``slug`` with the defaults of ``kernen analyse``.

    A built store version never changes and the analysis is seeded, so its result is kept per
    (version, trajectory): the meeting pack and the lessons bundle of one session share it (at 5,000
    gemeenten the analysis takes minutes).
    """
    version = getattr(store, "version", None)
    key = (str(version), slug) if version is not None else None
    found = _ANALYSED.get(key) if key else None
    if found is None:
        found = Analysis(an.project(store, traject=slug))
        if key:
            _ANALYSED[key] = found
            while len(_ANALYSED) > _ANALYSED_KEPT:
                _ANALYSED.popitem(last=False)
    return Analysed(found, lang, en_labels or {})


def until(a: Analysed, known: set[str]) -> Analysed:
    """The analysis over what was known before a meeting: the trajectory's lessons of the meetings
    ``known`` (summary keys) and those without a meeting; ``a`` itself when nothing came later.

    A pack printed for an earlier meeting from a later store then counts what the room knew then,
    and its threads agree with its change section.
    """
    records = a.projection.records
    later = {les.key for les in records.lessen if les.traject is not None and les.bijeenkomst
             and les.bijeenkomst.rsplit("/", 1)[-1] not in known}
    if not later:
        return a
    kept = replace(records, lessen=tuple(les for les in records.lessen if les.key not in later),
                   uitkomsten=tuple(u for u in records.uitkomsten if u.les not in later))
    return Analysed(Analysis(an.projection_from_records(kept)), a.lang, a.en_labels)


def _ref(g: an.GemeenteRef) -> GemeenteRef:
    return GemeenteRef(code=g.code, naam=g.label)


def label(a: Analysed, key: str, label: str) -> str:
    """The element's label in the reader's language (the analysis labels are Dutch)."""
    if a.lang != "en":
        return label
    parts = key.split("+")
    if len(parts) == 2 and all(p in a.en_labels for p in parts):
        first, second = (a.en_labels[p] for p in parts)
        kinds = [p.split("/", 1)[0] for p in parts]
        return f"{second} with {first}" if kinds == ["instrument", "thema"] else f"{first} and {second}"
    return a.en_labels.get(key, label)


def threads(a: Analysed, data: TrajectoryData) -> list[Thread]:
    """Every thread of the report, ranked as the analysis ranks them."""
    records = {les.key: les for les in a.projection.records.lessen}

    def items(refs) -> list[ThreadLesson]:
        found = [records.get(ref.iri.removeprefix(ID)) for ref in refs]
        return sorted((ThreadLesson(title=les.title, sources=[Source(url=u) for u in les.bronnen])
                       for les in found if les is not None), key=lambda x: x.title)

    return [Thread(
        label=label(a, t.key, t.label), kind=t.kind, support=t.support, spread=", ".join(t.provincies),
        lift=t.lift, gemeenten=[_ref(g) for g in t.gemeenten], lessons=[local(les.iri) for les in t.lessen],
        lesson_items=items(t.lessen), sources=[Source(url=u) for u in t.bronnen],
        sentence=t.sentence if a.lang == "en" else t.zin)
        for t in a.report.threads]


def population(a: Analysed) -> int:
    """The number of gemeenten the threads are counted over."""
    return len(a.report.deelnemers)


def table_groups(a: Analysed, data: TrajectoryData, *, present: list[str],
                 propose: bool = False) -> tuple[list[TableGroup], str]:
    """Tables of 3-5 for the gemeenten ``present`` at one meeting, and how much more they share than
    random tables. They follow the facilitator's ``leergroep`` unless ``propose``."""
    from graph.analysis.tables import meeting_tables

    found = meeting_tables(a.projection, present, leergroep={} if propose else data.leergroep)
    of = "of" if a.lang == "en" else "van"
    tables = [TableGroup(number=g.number, gemeenten=[_ref(x) for x in g.gemeenten], leergroep=g.region or "",
                         shared=[f"{label(a, s.key, s.label)} ({s.count} {of} {len(g.gemeenten)})"
                                 for s in g.shared[:MAX_SHARED]])
              for g in found.groups]
    sentence = (found.sentence if a.lang == "en" else found.zin) if found.ratio is not None else ""
    return tables, sentence


def hosts(a: Analysed, data: TrajectoryData, *, present: set[str], per_question: int = 2) -> list[HostSuggestion]:
    """Werkbezoek hosts for the questions of the gemeenten present, best ``per_question`` each."""
    out = []
    for v in a.report.hosts:
        for g in v.gemeenten:
            if g.code not in present:
                continue
            out += [HostSuggestion(gemeente=_ref(g), question=v.title, host=_ref(m.host), score=m.score,
                                   reason=m.explanation if a.lang == "en" else m.uitleg)
                    for m in v.matches[:per_question]]
    return out


def similar(a: Analysed, data: TrajectoryData, ref: GemeenteRef, *, top: int = 5) -> list[Similar]:
    """The gemeenten most like ``ref`` among the participants, with the analysis' reasons."""
    try:
        found = an.similar(a.projection, ref.code, top=top)
    except LookupError:
        return []
    return [Similar(gemeente=_ref(s.b), score=s.score, reason=s.explanation if a.lang == "en" else s.uitleg)
            for s in found]


def once_only(a: Analysed, *, present: set[str]) -> list[tuple[str, list[GemeenteRef]]]:
    """Themes and instruments raised once and never again, by the gemeenten present."""
    return [(label(a, o.key, o.label), [_ref(g) for g in o.gemeenten]) for o in a.report.bridges.once
            if any(g.code in present for g in o.gemeenten)]
