"""'What each gemeente achieved' as document blocks: a table per gemeente that reads as a chain.

Rows go project -> vraagstuk -> actie (final status and date) -> uitkomst (with the lesson it led to),
then the gemeente's lessons; used by the lessons bundle and the closing meeting's pack.
"""

from __future__ import annotations

from graph.export.document import Document, Heading, Paragraph, Table
from graph.export.labels import words
from graph.export.layout import day
from graph.summaries.models import Achievement, ActionStep, Uitkomst, QuestionChain

STEP_WIDTHS = (18.0, 57.0, 25.0)


def _action(a: ActionStep, lang: str, *, indent: str) -> list[str]:
    w = words(lang)
    if a.completed:
        when = f"{a.status}, {w('completed').lower()} {day(a.completed, lang)}"
    elif a.status == "gereed":
        when = f"{a.status}, {w('no_completion_date')}" + (
            f" ({w('deadline').lower()} {day(a.deadline, lang)})" if a.deadline else "")
    else:
        when = a.status + (f" ({w('deadline').lower()} {day(a.deadline, lang)})" if a.deadline else "")
    return [indent + w("action"), a.title, when]


def _question(qc: QuestionChain, lang: str, *, indent: str) -> list[list[str]]:
    w = words(lang)
    return [[indent + w("vraagstuk"), qc.title, ""]] + [_action(a, lang, indent=indent + "→ ") for a in qc.actions]


def _outcome(o: Uitkomst, item: Achievement, lang: str) -> list[list[str]]:
    w = words(lang)
    rows = [["→ " + w("outcome"), o.description, day(o.datum, lang)]]
    if o.key in item.outcome_lessons:
        rows.append(["→ → " + w("lesson"), item.outcome_lessons[o.key], ""])
    return rows


def rows_of(item: Achievement, lang: str) -> list[list[str]]:
    """The chain of one gemeente as table rows (step, what, status and date)."""
    w = words(lang)
    rows: list[list[str]] = []
    for p in item.projects:
        rows.append([w("project"), p.title, ""])
        for qc in p.questions:
            rows += _question(qc, lang, indent="→ ")
        for o in p.outcomes:
            rows += _outcome(o, item, lang)
    for qc in item.questions:
        rows += _question(qc, lang, indent="")
    for o in item.outcomes:
        rows += _outcome(o, item, lang)
    rows += [[w("lesson"), title, ""] for title in item.lessons]
    return rows


def achievement_blocks(doc: Document, items: list[Achievement], lang: str) -> None:
    """A heading, a note how to read it, and a table per gemeente."""
    w = words(lang)
    doc.add(Heading(1, f"{w('achieved')} ({len(items)})"), Paragraph(w("achieved_note"), style="small"),
            None if items else Paragraph(w("none")))
    for item in items:
        doc.add(Heading(2, item.gemeente.naam),
                Table([w("step"), w("what"), w("status_date")], rows_of(item, lang), widths=STEP_WIDTHS))
