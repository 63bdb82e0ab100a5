"""The intake summary as a format-neutral document: reference facts, then everything entered.

Every value the facilitator entered for the gemeente appears (personal data excepted): the deelname
row, the intake meeting, each project and question with its description, themes, instruments,
ambition and project, the actions with status and completion date, outcomes and lessons.
"""

from __future__ import annotations

from graph.export.document import Document, Heading, Paragraph, Table
from graph.export.labels import words
from graph.export.layout import (
    SourceNotes, colophon, day, fictief_notice, lesson_table, meeting_title, money, number, table_or_none,
)
from graph.summaries.models import IntakeSummary, Kerntelling, WorkItem


def intake_document(s: IntakeSummary) -> Document:
    w, lang = words(s.lang), s.lang
    sub = f"{w('traject')}: {s.traject.label}" if s.traject else w("not_participant")
    doc = Document(f"{w('intake_title')}: {s.gemeente.display}", lang, subtitle=sub,
                   subject=f"{w('intake_title')} {s.gemeente.naam}", keywords=["kernendemocratie", s.gemeente.code])
    doc.add(fictief_notice(s.traject, lang))
    _facts(doc, s)
    if s.traject:
        _entered(doc, s)
        _work(doc, s)
    doc.add(Heading(1, w("similar")), table_or_none(
        [w("gemeente"), w("score"), w("reason")],
        [[x.gemeente.display, number(x.score, lang, digits=2), x.reason] for x in s.similar], lang,
        numeric=(1,)))
    doc.add(Heading(1, w("hosts")), table_or_none(
        [w("question"), w("visit"), w("reason")],
        [[h.question, h.host.display, h.reason] for h in s.hosts], lang))
    colophon(doc, s.colophon, lang)
    return doc


def _facts(doc: Document, s: IntakeSummary) -> None:
    w, lang = words(s.lang), s.lang
    inhabitants = number(s.inwoners, lang) if s.inwoners is not None else w("unknown")
    facts = [[w("province"), s.provincie or w("unknown")], [w("inhabitants"), inhabitants],
             [f"{w('kernen')}: {s.kern_definition}", number(s.kernen_bag, lang)]]
    counts, used = SourceNotes(), SourceNotes()
    tellingen = list(s.kerntellingen)
    if s.aantal_kernen is not None:
        tellingen.append(Kerntelling(aantal=s.aantal_kernen, wat=w("own_count")))
    doc.add(Heading(1, w("facts")), Table([w("item"), w("value")], facts),
            Heading(2, w("kerntellingen")), table_or_none(
                [w("count"), w("counted"), w("year"), w("source")],
                [[number(k.aantal, lang), k.wat, k.peiljaar, counts.ref(k.sources)] for k in tellingen],
                lang, numeric=(0,)), counts.block(),
            Heading(2, w("herindelingen")), table_or_none(
                [w("date"), w("kind"), w("abolished")],
                [[day(h.datum, lang), h.kind, ", ".join(h.opgeheven)] for h in s.herindelingen], lang))
    doc.add(Heading(1, w("instruments_in_use")), table_or_none(
        [w("instrument"), w("local_name"), w("since_year"), w("ladder_short"), w("budget"), w("source")],
        [[t.instrument, t.lokale_naam, t.sinds + (f"–{t.tot}" if t.tot else ""), t.ladder,
          "; ".join(money(b, lang) for b in t.budgets), used.ref(t.sources)]
         for t in s.toepassingen], lang), used.block())
    _sourced(doc, s)


def _sourced(doc: Document, s: IntakeSummary) -> None:
    """The gemeente's practice facts with their quotes, or 'niet gevonden in de doorzochte bronnen'."""
    w = words(s.lang)
    quoted = SourceNotes()
    doc.add(Heading(2, w("sourced_facts")), Paragraph(s.feiten_melding) if s.feiten_melding else Table(
        [w("kind"), w("fact"), w("quote"), w("source_date"), w("source")],
        [[f.soort, f.wat, f.citaat, f.brondatum, quoted.ref(f.sources)] for f in s.feiten]),
        quoted.block())


def _yes_no(value: bool | None, lang: str) -> str:
    w = words(lang)
    return "" if value is None else w("yes") if value else w("no")


def _entered(doc: Document, s: IntakeSummary) -> None:
    """The deelname row and the intake meeting(s), as entered."""
    w, lang = words(s.lang), s.lang
    rows = [[w("heringedeeld"), _yes_no(s.heringedeeld, lang)],
            [w("own_count"), number(s.aantal_kernen, lang) if s.aantal_kernen is not None else ""],
            [w("contact_role"), s.contact_rol], [w("leergroep"), s.leergroep],
            [w("intake"), "; ".join(_intake(m, s.intake_roles.get(m.key, ""), lang) for m in s.intakes)]]
    doc.add(Heading(1, w("entered")), Table([w("item"), w("value")], [[k, v or "–"] for k, v in rows]))


def _intake(m, rol: str, lang: str) -> str:
    w = words(lang)
    return ", ".join(p for p in (meeting_title(m, lang), m.plaats, f"{w('present_as')} {rol}" if rol else "") if p)


def _work_rows(item: WorkItem, lang: str) -> list[list[str]]:
    w = words(lang)
    rows = [[w("description"), item.description], [w("themes"), ", ".join(item.themes)],
            [w("instruments"), ", ".join(item.instruments)]]
    if item.kind == "vraagstuk":
        rows += [[w("ambitie"), item.ambitie], [w("project"), item.project]]
    return [[k, v or "–"] for k, v in rows]


def _work(doc: Document, s: IntakeSummary) -> None:
    """Projects and questions, actions, outcomes and lessons of the gemeente in this trajectory."""
    w, lang = words(s.lang), s.lang
    doc.add(Heading(1, w("work")), None if s.work else Paragraph(w("none")))
    for item in s.work:
        doc.add(Heading(2, f"{w(item.kind)}: {item.title}"), Table([w("item"), w("value")], _work_rows(item, lang)))
    doc.add(Heading(2, f"{w('actions')} ({len(s.actions)})"), table_or_none(
        [w("action"), w("owner"), w("deadline"), w("status"), w("completed")],
        [[a.title, a.owner_role, day(a.deadline, lang), a.status, day(a.completed, lang) if a.completed else ""]
         for a in s.actions], lang))
    doc.add(Heading(2, f"{w('outcomes')} ({len(s.outcomes)})"), table_or_none(
        [w("outcome"), w("date")], [[o.description, day(o.datum, lang)] for o in s.outcomes], lang))
    doc.add(Heading(2, f"{w('lessons_of')} ({len(s.lessons)})"), lesson_table(s.lessons, lang))
