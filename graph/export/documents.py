"""The three facilitator documents as format-neutral :class:`~graph.export.document.Document` s.

``document(summary)`` picks the layout by the summary's kind; the renderers do the rest.
"""

from __future__ import annotations

from graph.export.achieved import achievement_blocks
from graph.export.document import BulletList, Document, Heading, Image, Paragraph, Table
from graph.export.document_intake import intake_document
from graph.export.labels import words
from graph.export.layout import (
    MAX_BARS, SourceNotes, colophon, day, fictief_notice, glossary, lesson_table, meeting_title, money, names,
    number, table_or_none,
)
from graph.summaries.models import LessonsBundle, MeetingPack, Summary, Thread

MAX_SHARED = 8  # shared elements named per table group (the strongest first)


def _charts():
    """The chart module, imported when a picture is drawn: matplotlib takes 0.3 s to import."""
    from graph.export import charts

    return charts


def shared(labels: list[str]) -> str:
    """The first :data:`MAX_SHARED` labels, then how many more.

    >>> shared(["a", "b"]), shared([str(i) for i in range(10)])
    ('a, b', '0, 1, 2, 3, 4, 5, 6, 7 (+2)')
    """
    more = len(labels) - MAX_SHARED
    return ", ".join(labels[:MAX_SHARED]) + (f" (+{more})" if more > 0 else "")


def document(summary: Summary) -> Document:
    """The document for a meeting pack, intake summary or lessons bundle."""
    build = {"meeting": meeting_document, "intake": intake_document, "bundle": bundle_document}
    return build[summary.kind](summary)


def _thread_blocks(doc: Document, threads: list[Thread], lang: str, *, level: int) -> None:
    """Each thread: its sentence, its evidence gemeenten and its lessons by title; the sources once,
    numbered, after the last thread."""
    w = words(lang)
    notes = SourceNotes()
    for t in threads:
        lessons = [" ".join(p for p in (les.title, notes.ref(les.sources)) if p) for les in t.lesson_items]
        doc.add(Heading(level, f"{t.label} ({t.support} {w('gemeenten_short')})"),
                Paragraph(t.sentence, style="sentence") if t.sentence else None,
                Paragraph(f"{w('evidence')}: {names(t.gemeenten)}"),
                Paragraph(f"{w('lessons')} ({len(lessons)}):") if lessons else None,
                BulletList(lessons) if lessons else None)
    if notes.urls:
        doc.add(Heading(level, w("sources_numbered")), notes.block())


def meeting_document(p: MeetingPack) -> Document:
    w, lang = words(p.lang), p.lang
    m = p.meeting
    sub = [f"{w('traject')}: {p.traject.label}"] + ([f"{w('place')}: {m.plaats}"] if m.plaats else [])
    sub += [f"{w('host')}: {m.host.naam}"] if m.host else []
    doc = Document(f"{w('meeting_title')}: {meeting_title(m, lang)}", lang, subtitle=" · ".join(sub),
                   subject=f"{w('meeting_title')} {p.traject.label}", keywords=["kernendemocratie", m.key])
    doc.add(fictief_notice(p.traject, lang))
    header = [w("gemeente"), w("role")] + ([w("name")] if p.with_names else [])
    rows = [[a.gemeente.display, a.rol] + ([a.naam or ""] if p.with_names else []) for a in p.attendees]
    doc.add(Heading(1, f"{w('attendees')} ({len(p.attendees)} {w('gemeenten_short')})"),
            Paragraph(w("no_registrations"), style="notice") if p.invited else None,
            table_or_none(header, rows, lang),
            Paragraph(w("names_own_role") if p.with_names else w("roles_only"), style="small"))
    _changes(doc, p)
    doc.add(Heading(1, f"{w('threads')} ({w('most_shared').format(n=len(p.threads))})"))
    if not p.threads:
        doc.add(Paragraph(w("none_found")))
    _thread_blocks(doc, p.threads, lang, level=2)
    if m.soort != "intake":
        _tables(doc, p)
    _hosts(doc, p)
    if p.achievements:
        achievement_blocks(doc, p.achievements, lang)
    doc.add(Heading(1, w("questions")), BulletList(p.questions) if p.questions else Paragraph(w("none")))
    alt = w("network_alt").format(g=len(p.network.gemeenten), t=len(p.network.topics))
    doc.add(Heading(1, w("network")), Image(lambda: _charts().network_png(p.network, empty_text=w("none")), alt=alt,
                                            caption=w("network_caption")))
    glossary(doc, lang)
    colophon(doc, p.colophon, lang)
    return doc


def _tables(doc: Document, p: MeetingPack) -> None:
    """Tables of 3-5 for who comes to this meeting, with what each table shares."""
    w = words(p.lang)
    by_group = any(g.leergroep for g in p.table_groups)
    header = [w("group")] + ([w("leergroep")] if by_group else []) + [w("gemeente"), w("shared")]
    rows = [[str(g.number)] + ([g.leergroep] if by_group else []) + [names(g.gemeenten), shared(g.shared)]
            for g in p.table_groups]
    doc.add(Heading(1, f"{w('table_groups')} ({len(p.table_groups)})"), table_or_none(header, rows, p.lang),
            Paragraph(w("tables_note"), style="small") if p.table_groups else None,
            Paragraph(p.groups_sentence, style="small") if p.groups_sentence and p.table_groups else None)


def _hosts(doc: Document, p: MeetingPack) -> None:
    """Werkbezoek suggestions, a subsection per participant's question."""
    w = words(p.lang)
    doc.add(Heading(1, w("hosts")), None if p.hosts else Paragraph(w("none")))
    questions: dict[tuple[str, str], list] = {}
    for h in p.hosts:
        questions.setdefault((h.gemeente.naam, h.question), []).append(h)
    for (naam, question), found in questions.items():
        doc.add(Heading(2, f"{naam}: {question}"),
                Table([w("visit"), w("reason")], [[h.host.display, h.reason] for h in found], widths=(30.0, 70.0)))


def _changes(doc: Document, p: MeetingPack) -> None:
    w, lang = words(p.lang), p.lang
    since = f"{w('since')}: {meeting_title(p.previous, lang)}. " if p.previous else w("no_previous") + " "
    since += w("counted_over").format(n=p.known_lessons)
    actions = lambda items: [[a.gemeente.naam, a.title, a.owner_role, day(a.deadline, lang)]  # noqa: E731
                             for a in items]
    action_header = [w("gemeente"), w("action"), w("owner"), w("deadline")]
    doc.add(Heading(1, w("changes")), Paragraph(since),
            Heading(2, f"{w('new_lessons')} ({len(p.new_lessons)})"),
            lesson_table(p.new_lessons, lang),
            Heading(2, f"{w('thread_changes')} ({len(p.thread_changes)})"),
            table_or_none([w("thread"), w("before"), w("after"), w("status")],
                          [[c.label, str(c.before), str(c.after), c.status] for c in p.thread_changes],
                          lang, numeric=(1, 2)),
            Heading(2, f"{w('actions_done')} ({len(p.actions_done)})"),
            table_or_none(action_header, actions(p.actions_done), lang),
            Heading(2, f"{w('actions_overdue')} ({len(p.actions_overdue)})"),
            table_or_none(action_header, actions(p.actions_overdue), lang),
            Heading(2, f"{w('new_outcomes')} ({len(p.new_outcomes)})"),
            table_or_none([w("gemeente"), w("outcome"), w("date")],
                          [[o.gemeente.naam, o.description, day(o.datum, lang)] for o in p.new_outcomes], lang))


def bundle_document(b: LessonsBundle) -> Document:
    w, lang = words(b.lang), b.lang
    counts = (f"{len(b.participants)} {w('participants').lower()} · {len(b.meetings)} "
              f"{w('meetings').lower()} · {len(b.lessons)} {w('lessons').lower()}")
    doc = Document(f"{w('bundle_title')}: {b.traject.label}", lang, subtitle=counts,
                   subject=f"{w('bundle_title')} {b.traject.label}", keywords=["kernendemocratie", b.traject.slug])
    doc.add(fictief_notice(b.traject, lang), Heading(1, f"{w('threads')} ({len(b.threads)})"))
    if b.threads:
        shown = min(len(b.threads), MAX_BARS)
        doc.add(Image(lambda: _charts().support_png(b.threads, population=b.population, axis_label=w("gemeenten_axis")),
                      alt=w("support_alt").format(n=shown, total=len(b.threads)),
                      caption=w("support_caption").format(n=shown, total=len(b.threads))),
                Table([w("thread"), w("support"), w("evidence")],
                      [[t.label, str(t.support), names(t.gemeenten)] for t in b.threads], numeric=(1,)))
    else:
        doc.add(Paragraph(w("none_found")))
    by_key = {les.key: les for les in b.lessons}
    doc.add(Heading(1, w("by_thread")))
    for g in b.by_thread:
        doc.add(Heading(2, f"{g.label} ({g.support} {w('gemeenten_short')})"), Paragraph(g.sentence, style="sentence") if g.sentence else None,
                lesson_table([by_key[k] for k in g.lessons if k in by_key], lang))
    doc.add(Heading(1, w("by_instrument")))
    for g in b.by_instrument:
        doc.add(Heading(2, f"{g.label} ({len(g.lessons)} {w('lessons_short')})"),
                lesson_table([by_key[k] for k in g.lessons if k in by_key], lang))
    notes = SourceNotes()
    _ladder(doc, b, notes)
    doc.add(Heading(1, w("all_lessons")))
    for les in b.lessons:
        facts = [f"{w('evidence')}: {names(les.gemeenten)}", f"{w('meeting')}: {meeting_title(les.meeting, lang)}"]
        facts += [f"{w('theme')}: {', '.join(les.themes)}"] if les.themes else []
        facts += [f"{w('instrument')}: {', '.join(les.instruments)}"] if les.instruments else []
        facts += [f"{w('sources')}: {notes.ref(les.sources)}"] if les.sources else []
        doc.add(Heading(2, les.title), Paragraph(les.text) if les.text else None,
                Paragraph(" · ".join(facts), style="small"))
    achievement_blocks(doc, b.achievements, lang)
    doc.add(Heading(1, w("participants")), BulletList([g.display for g in b.participants]),
            Heading(1, w("meetings")), table_or_none(
                [w("date"), w("meeting"), w("place")],
                [[day(m.datum, lang), m.soort_label + (f" ({m.host.naam})" if m.host else ""), m.plaats]
                 for m in b.meetings], lang),
            Heading(1, w("sources")), notes.block() or Paragraph(w("none")))
    glossary(doc, lang)
    colophon(doc, b.colophon, lang)
    return doc


def _ladder(doc: Document, b: LessonsBundle, notes: SourceNotes) -> None:
    w, lang = words(b.lang), b.lang
    rung = lambda n: f"{n}. {b.ladder[n - 1]}" if n and 0 < n <= len(b.ladder) else w("not_on_ladder")  # noqa: E731
    used = [i for i in b.instruments if i.lessons]
    doc.add(Heading(1, w("ladder_index")),
            Image(lambda: _charts().ladder_png(list(b.instruments), b.ladder,
                                    lessons_label=(w("lesson").lower(), w("lessons_short"))),
                  alt=w("ladder_alt").format(n=len(b.instruments), m=len(used)), caption=w("ladder_caption")),
            Table([w("instrument"), w("min"), w("max"), w("lesson_count"), w("sources")],
                  [[i.instrument, rung(i.ladder_min), rung(i.ladder_max), str(i.lessons),
                    notes.ref(i.sources) if i.lessons else ""] for i in b.instruments], numeric=(3,)))
