"""Facilitator summaries over a store: the meeting pack, the intake summary and the lessons bundle.

Each function reads the store (trusted queries) and ``graph.analysis`` (rode draden, groups, hosts)
and returns a pydantic model from :mod:`graph.summaries.models`; ``graph.export`` renders it as
Markdown, HTML or DOCX. Unknown ids raise ``LookupError`` naming the valid choices. Names of people
appear only with ``with_names=True`` (they live in the private graph).

>>> from graph.summaries.models import Bijeenkomst
>>> from datetime import date
>>> ms = [Bijeenkomst(key="t-a", soort="regionaal", soort_label="R", datum=date(2025, 3, 1)),
...       Bijeenkomst(key="t-b", soort="werkbezoek", soort_label="W", datum=date(2025, 4, 1)),
...       Bijeenkomst(key="t-c", soort="regionaal", soort_label="R", datum=date(2025, 5, 1))]
>>> previous_meeting(ms, ms[2]).key
't-b'
"""

from __future__ import annotations

from datetime import date

from graph.summaries import analysis as sa
from graph.summaries import chain as chain
from graph.summaries import changes as ch
from graph.summaries import intake as intake
from graph.summaries import queries as q
from graph.summaries.data import (
    TrajectoryData, colophon, contact_names, find_gemeente, find_meeting, find_traject,
    load_trajectory, trajects,
)
from graph.summaries.models import (
    Actie, Attendee, Budget, GemeenteRef, HerindelingItem, IntakeSummary, InstrumentIndexItem,
    Kerntelling, Les, LessonGroup, LessonsBundle, Bijeenkomst, MeetingPack, Network, NetworkEdge, Source,
    SourcedFact, ToepassingItem,
)
from graph.summaries.queries import as_date, as_int, pick, rows, text
from graph.summaries.feiten import facts as sourced_facts

KERN_DEFINITION = {"nl": "BAG-woonplaatsen (CBS 2024)", "en": "BAG residential places (CBS 2024)"}
TOP_THREADS = 5
CLOSING = "slot"  # the soort slug of the closing meeting: its pack shows what each gemeente achieved
HOSTS_PER_QUESTION = 2
# The bundle lists the lessons under each theme (and question) thread; instrument threads are the
# "by instrument" section, and combinations would repeat both parts' lessons, so they stay in the table.
THREAD_KINDS_WITH_LESSONS = ("thema", "vraagstuk")

__all__ = ["meeting_pack", "intake_summary", "lessons_bundle", "previous_meeting"]


def meeting_pack(store: q.Queryable, meeting_id: str, *, lang: str = "nl", with_names: bool = False,
                 propose_groups: bool = False) -> MeetingPack:
    """The pack for meeting ``meeting_id`` (its key, e.g. ``voorbeeld-regio2``).

    Table groups seat the gemeenten of this meeting (recorded, else invited) at tables of 3-5, by the
    facilitator's ``leergroep`` unless ``propose_groups``; an intake has none.
    """
    t_iri, meeting = find_meeting(store, meeting_id, lang=lang)
    ref = dict(trajects(store))[t_iri]
    data = load_trajectory(store, t_iri, ref, lang=lang)
    prev = previous_meeting(data.meetings, meeting)
    a = sa.until(_analyse(store, ref.slug, lang=lang), ch.before(data.meetings, meeting))
    attendees = _attendees(data, meeting, contact_names(store, t_iri) if with_names else {})
    invited = meeting.key not in data.attendance
    present = {x.gemeente.code for x in attendees}
    overdue = ch.actions_overdue(data.actions, meeting)
    tables, tables_sentence = ([], "") if meeting.soort == "intake" else sa.table_groups(
        a, data, present=sorted(present), propose=propose_groups)
    return MeetingPack(
        lang=lang, traject=ref, meeting=meeting, previous=prev, attendees=attendees, invited=invited,
        with_names=with_names, new_lessons=ch.new_lessons(data.lessons, data.meetings, meeting),
        thread_changes=ch.thread_changes(a.projection, data.meetings, meeting,
                                         label=lambda key, label: sa.label(a, key, label)),
        actions_done=ch.actions_done(data.actions, data.meetings, meeting), actions_overdue=overdue,
        new_outcomes=ch.new_outcomes(data.outcomes, data.meetings, meeting),
        known_lessons=len(ch.known_lessons(data.lessons, data.meetings, meeting)),
        threads=sa.threads(a, data)[:TOP_THREADS],
        table_groups=tables, groups_sentence=tables_sentence,
        hosts=sa.hosts(a, data, present=present, per_question=HOSTS_PER_QUESTION),
        questions=_questions(data, present, overdue, sa.once_only(a, present=present), lang=lang),
        network=_network(data.lessons, present, meeting),
        achievements=chain.achievements(store, data) if meeting.soort == CLOSING else [],
        colophon=colophon(store, fictief=ref.fictief))


def _analyse(store: q.Queryable, slug: str, *, lang: str) -> sa.Analysed:
    """The analysis of one trajectory, with English element labels when they are wanted."""
    en = {q.key_of(r["x"]): q.text(r["en"]) for r in rows(store, q.ELEMENT_LABELS_EN)} if lang == "en" else {}
    return sa.report(store, slug, lang=lang, en_labels=en)


def previous_meeting(meetings: list[Bijeenkomst], meeting: Bijeenkomst) -> Bijeenkomst | None:
    """The last meeting of the round before ``meeting``'s round (any soort); None for the first."""
    prev = ch.previous_round(meetings, meeting)
    return prev[-1] if prev else None


def _order(m: Bijeenkomst) -> tuple:
    return ch.order(m)


def _attendees(data: TrajectoryData, meeting: Bijeenkomst, names: dict[str, str]) -> list[Attendee]:
    present = data.attendance.get(meeting.key)
    if present is None:  # attendance not recorded: the participants are invited
        present = [(g, data.roles.get(g.code, "")) for g in data.participants]
    seen: dict[str, Attendee] = {}
    for g, rol in present:  # the contact's name only next to the contact's own role
        own = names.get(g.code) if names and _same_role(rol, data.roles.get(g.code, "")) else None
        seen.setdefault(g.code, Attendee(gemeente=g, rol=rol, naam=own))
    return sorted(seen.values(), key=lambda a: a.gemeente.naam)


def _same_role(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split()) != ""


QUESTION_TEXT = {
    "nl": {"vraagstuk": "{g}: {t}", "late": "Wat is nodig om '{t}' ({g}) af te ronden?",
           "once": "{t} kwam één keer op ({g}): speelt dit ook elders?"},
    "en": {"vraagstuk": "{g}: {t}", "late": "What does '{t}' ({g}) need to be finished?",
           "once": "{t} came up once ({g}): does it matter elsewhere too?"},
}


def _questions(data: TrajectoryData, present: set[str], overdue: list[Actie],
               once: list[tuple[str, list[GemeenteRef]]], *, lang: str) -> list[str]:
    """Open questions: the attending gemeenten's vraagstukken, overdue actions, topics raised once."""
    words = QUESTION_TEXT.get(lang, QUESTION_TEXT["nl"])
    out = [words["vraagstuk"].format(g=w.gemeente.naam, t=w.title)
           for w in sorted(data.work, key=lambda w: (w.gemeente.naam, w.title))
           if w.kind == "vraagstuk" and w.gemeente.code in present]
    out += [words["late"].format(t=a.title, g=a.gemeente.naam) for a in overdue]
    out += [words["once"].format(t=label, g=", ".join(g.naam for g in gs)) for label, gs in once]
    return out


def _network(lessons: list[Les], present: set[str], meeting: Bijeenkomst) -> Network:
    """Attending gemeenten linked to the themes and instruments of their lessons so far."""
    weights: dict[tuple[str, str], int] = {}
    for les in lessons:
        if les.meeting and _order(les.meeting) > _order(meeting):
            continue
        for g in les.gemeenten:
            if g.code in present:
                for topic in les.themes + les.instruments:
                    weights[(g.naam, topic)] = weights.get((g.naam, topic), 0) + 1
    edges = [NetworkEdge(source=s, target=t, weight=w) for (s, t), w in sorted(weights.items())]
    return Network(gemeenten=sorted({s for s, _ in weights}), topics=sorted({t for _, t in weights}),
                   edges=edges)


def intake_summary(store: q.Queryable, gemeente: str, *, lang: str = "nl",
                   traject: str | None = None) -> IntakeSummary:
    """Reference facts, instruments in use and trajectory work of one gemeente (code or name)."""
    g_iri, ref = find_gemeente(store, gemeente)
    facts = (rows(store, q.GEMEENTE_FACTS, g=g_iri) or [{}])[0]
    data = _trajectory_of(store, ref, traject, lang=lang)
    a = _analyse(store, data.ref.slug, lang=lang) if data else None
    mine = lambda items: [x for x in items if x.gemeente.code == ref.code]  # noqa: E731
    entered = intake.deelname(store, data.iri, g_iri) if data else {}
    found = sourced_facts(store, gemeente=ref.code, lang=lang)
    return IntakeSummary(
        lang=lang, gemeente=ref, provincie=text(facts.get("provincie")),
        inwoners=as_int(facts.get("inwoners")), kernen_bag=as_int(facts.get("kernen")) or 0,
        kern_definition=KERN_DEFINITION.get(lang, KERN_DEFINITION["nl"]),
        kerntellingen=_kerntellingen(store, g_iri), herindelingen=_herindelingen(store, g_iri),
        toepassingen=_toepassingen(store, g_iri, lang=lang), traject=data.ref if data else None,
        **entered, intakes=intake.intakes(data, ref.code) if data else [],
        intake_roles=intake.intake_roles(data, ref.code) if data else {},
        work=intake.work(store, data.iri, g_iri, ref, lang=lang) if data else [],
        actions=mine(data.actions) if data else [],
        lessons=[les for les in data.lessons if any(g.code == ref.code for g in les.gemeenten)] if data else [],
        outcomes=mine(data.outcomes) if data else [],
        feiten=[SourcedFact(soort=f.soort, wat=f.wat, citaat=f.citaat, brondatum=f.brondatum, beslisrecht=f.beslisrecht,
                            sources=[Source(url=u) for u in f.bronnen]) for f in found.feiten],
        feiten_melding=found.melding,
        similar=sa.similar(a, data, ref) if data else [],
        hosts=sa.hosts(a, data, present={ref.code}, per_question=HOSTS_PER_QUESTION) if data else [],
        colophon=colophon(store, fictief=bool(data and data.ref.fictief)))


def _trajectory_of(store, ref: GemeenteRef, traject: str | None, *, lang: str) -> TrajectoryData | None:
    """The given trajectory, else the one the gemeente takes part in (None if none).

    When it takes part in several, ``LookupError`` names them: the caller must choose.
    """
    if traject is not None:
        return load_trajectory(store, *find_traject(store, traject), lang=lang)
    found = [data for data in (load_trajectory(store, t_iri, t_ref, lang=lang) for t_iri, t_ref in trajects(store))
             if any(g.code == ref.code for g in data.participants)]
    if len(found) > 1:
        names = " en ".join(f"{d.ref.slug} ({d.ref.label})" for d in found)
        raise LookupError(f"{ref.naam} doet mee aan {len(found)} trajecten: {names}. Kies er een met --traject.")
    return found[0] if found else None


def _kerntellingen(store: q.Queryable, g_iri: str) -> list[Kerntelling]:
    out: dict[str, Kerntelling] = {}
    for r in rows(store, q.KERNTELLINGEN, g=g_iri):
        item = out.setdefault(text(r["kt"]), Kerntelling(
            aantal=as_int(r["aantal"]) or 0, wat=text(r.get("wat")), peiljaar=text(r.get("peiljaar"))))
        if r.get("url") and Source(url=text(r["url"])) not in item.sources:
            item.sources.append(Source(url=text(r["url"])))
    return sorted(out.values(), key=lambda k: (k.peiljaar or "9999", k.aantal, k.wat))


def _herindelingen(store: q.Queryable, g_iri: str) -> list[HerindelingItem]:
    out: dict[str, HerindelingItem] = {}
    for r in rows(store, q.HERINDELINGEN, g=g_iri):
        h = out.setdefault(text(r["h"]), HerindelingItem(datum=as_date(r.get("datum")),
                                                         kind=text(r.get("type"))))
        if r.get("naam") and text(r["naam"]) not in h.opgeheven:
            h.opgeheven.append(text(r["naam"]))
    return list(out.values())


def _toepassingen(store: q.Queryable, g_iri: str, *, lang: str) -> list[ToepassingItem]:
    out: dict[str, ToepassingItem] = {}
    for r in rows(store, q.TOEPASSINGEN, g=g_iri):
        lo, hi = pick(r, lang, key="lo"), pick(r, lang, key="hi")
        item = out.setdefault(text(r["tp"]), ToepassingItem(
            instrument=pick(r, lang), lokale_naam=text(r.get("lokaal")), sinds=text(r.get("sinds")),
            tot=text(r.get("tot")), ladder=lo if lo == hi else f"{lo} – {hi}",
            ladder_min=as_int(r.get("lo")), ladder_max=as_int(r.get("hi"))))
        if r.get("waarde") is not None:
            budget = Budget(waarde=float(r["waarde"]), eenheid=text(r.get("eenheid")) or "EUR",
                            peiljaar=text(r.get("peiljaar")), toelichting=text(r.get("toelichting")))
            if budget not in item.budgets:
                item.budgets.append(budget)
        if r.get("url") and Source(url=text(r["url"])) not in item.sources:
            item.sources.append(Source(url=text(r["url"])))
    return list(out.values())


def lessons_bundle(store: q.Queryable, traject: str, *, lang: str = "nl") -> LessonsBundle:
    """All lessons of trajectory ``traject`` (slug or label), by thread and by instrument."""
    data = load_trajectory(store, *find_traject(store, traject), lang=lang)
    a = _analyse(store, data.ref.slug, lang=lang)
    threads = sa.threads(a, data)
    ladder = [pick(r, lang) for r in rows(store, q.LADDER)]
    return LessonsBundle(
        lang=lang, traject=data.ref, meetings=data.meetings, participants=data.participants,
        lessons=data.lessons, threads=threads, population=sa.population(a),
        by_thread=[LessonGroup(label=t.label, support=t.support, sentence=t.sentence, lessons=t.lessons)
                   for t in threads if t.kind in THREAD_KINDS_WITH_LESSONS],
        by_instrument=_by_instrument(data.lessons), ladder=ladder,
        instruments=(index := _instrument_index(store, data.lessons, lang=lang)),
        sources=_sources(data.lessons, [s for i in index if i.lessons for s in i.sources]),
        achievements=chain.achievements(store, data), colophon=colophon(store, fictief=data.ref.fictief))


def _by_instrument(lessons: list[Les]) -> list[LessonGroup]:
    groups: dict[str, list[str]] = {}
    for les in lessons:
        for ins in les.instruments:
            groups.setdefault(ins, []).append(les.key)
    return [LessonGroup(label=k, support=len(v), lessons=v) for k, v in
            sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def _instrument_index(store: q.Queryable, lessons: list[Les], *, lang: str) -> list[InstrumentIndexItem]:
    """Every instrument on the ladder, with the number of the trajectory's lessons about it."""
    count: dict[str, int] = {}
    for les in lessons:
        for ins in les.instruments:
            count[ins] = count.get(ins, 0) + 1
    out: dict[str, InstrumentIndexItem] = {}
    for r in rows(store, q.INSTRUMENTS):
        label = pick(r, lang)
        item = out.setdefault(text(r["i"]), InstrumentIndexItem(
            instrument=label, ladder_min=as_int(r.get("lo")), ladder_max=as_int(r.get("hi")),
            lessons=count.get(label, 0)))
        if r.get("url") and Source(url=text(r["url"])) not in item.sources:
            item.sources.append(Source(url=text(r["url"])))
    unranked = 99  # instruments without a place on the ladder (enablers, frameworks) go last
    return sorted(out.values(), key=lambda i: (i.ladder_min or unranked, i.ladder_max or unranked, i.instrument))


def _sources(lessons: list[Les], more: list[Source]) -> list[Source]:
    """The lessons' sources and ``more`` (the sources of the instruments they are about), by URL."""
    seen: dict[str, Source] = {}
    for s in [s for les in lessons for s in les.sources] + more:
        seen.setdefault(s.url, s)
    return sorted(seen.values(), key=lambda s: s.url)
