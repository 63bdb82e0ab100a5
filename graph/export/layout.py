"""Shared pieces of the facilitator documents: dates, money, lists of names, notice and colophon.

>>> nl_date(date(2025, 5, 1)), en_date(date(2025, 5, 1))
('1 mei 2025', '1 May 2025')
>>> money(Budget(waarde=250000, eenheid="EUR", peiljaar="2022"), "nl")
'€ 250.000 (2022)'
>>> money(Budget(waarde=0.35, eenheid="EUR"), "en")
'€0.35'
"""

from __future__ import annotations

from datetime import date

from graph.export.document import BulletList, Document, Heading, Link, Paragraph, Table
from graph.export.labels import words
from graph.summary_models import Budget, Colophon, GemeenteRef, Lesson, Meeting, Source, TrajectRef

MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december"]


def nl_date(d: date) -> str:
    return f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}"


def en_date(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def day(d: date | None, lang: str) -> str:
    """A date for readers in ``lang`` ('' when unknown)."""
    if d is None:
        return ""
    return en_date(d) if lang == "en" else nl_date(d)


def number(value: float, lang: str) -> str:
    """A number with thousands separators (Dutch: dot, decimal comma).

    >>> number(92000, "nl"), number(1234.5, "nl"), number(1234.5, "en")
    ('92.000', '1.234,50', '1,234.50')
    """
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return text.translate(str.maketrans(",.", ".,")) if lang != "en" else text


def money(b: Budget, lang: str) -> str:
    amount = number(b.waarde, lang)
    text = (f"€ {amount}" if lang != "en" else f"€{amount}") if b.eenheid == "EUR" else f"{amount} {b.eenheid}"
    text += f" ({b.peiljaar})" if b.peiljaar else ""
    return text + (f", {b.toelichting}" if b.toelichting else "")


def names(gemeenten: list[GemeenteRef]) -> str:
    return ", ".join(g.naam for g in gemeenten)


def meeting_title(m: Meeting | None, lang: str) -> str:
    """'Regionale uitwisseling, 1 mei 2025' ('' when there is no meeting)."""
    if m is None:
        return ""
    return ", ".join(p for p in (m.soort_label, day(m.datum, lang)) if p)


def source_links(sources: list[Source]) -> BulletList:
    return BulletList([Link(s.url, s.url) for s in sources])


class SourceNotes:
    """Numbered sources for a table: cells say ``[1, 2]``, the list under the table gives the URLs.

    >>> notes = SourceNotes()
    >>> notes.ref([Source(url="https://a.nl"), Source(url="https://b.nl")]), notes.ref([Source(url="https://a.nl")])
    ('[1, 2]', '[1]')
    >>> [(item.note, item.url) for item in notes.block().items]
    [('[1]', 'https://a.nl'), ('[2]', 'https://b.nl')]
    """

    def __init__(self) -> None:
        self.urls: list[str] = []

    def ref(self, sources: list[Source]) -> str:
        numbers = []
        for s in sources:
            if s.url not in self.urls:
                self.urls.append(s.url)
            numbers.append(self.urls.index(s.url) + 1)
        return f"[{', '.join(map(str, sorted(set(numbers))))}]" if numbers else ""

    def block(self) -> BulletList | None:
        return BulletList([Link(u, u, note=f"[{n}]") for n, u in enumerate(self.urls, 1)]) if self.urls else None


def fictief_notice(traject: TrajectRef | None, lang: str) -> Paragraph | None:
    """The 'voorbeelddata (fictief)' notice for a fictional trajectory."""
    return Paragraph(words(lang)("fictief"), style="notice") if traject and traject.fictief else None


def colophon(doc: Document, c: Colophon, lang: str) -> None:
    """The colophon: data version, build date, document date and licences (CBS attribution)."""
    w = words(lang)
    rows = [[w("data_version"), c.data_version], [w("build_date"), c.build_date],
            [w("generated"), day(c.generated, lang)]] + ([[w("status"), w("fictief_short")]] if c.fictief else [])
    licences = [Link(x.label, x.url) if x.url else x.label for x in c.licences]
    doc.add(Heading(1, w("colophon")), Table([w("item"), w("value")], rows),
            Heading(2, w("licence")), BulletList(licences),
            Heading(2, w("data_sources")) if c.sources else None,
            source_links(c.sources) if c.sources else None)


def table_or_none(header: list[str], rows: list[list[str]], lang: str, **kw) -> Table | Paragraph:
    """A table, or the word 'Geen.' when there are no rows (an empty table helps nobody)."""
    return Table(header, rows, **kw) if rows else Paragraph(words(lang)("none"))


LESSON_WIDTHS = (45.0, 28.0, 27.0)  # lesson | gemeenten | meeting: every lesson table alike


def lesson_table(lessons: list[Lesson], lang: str) -> Table | Paragraph:
    """Lessons with the gemeenten and the meeting behind each ('Geen.' when there are none)."""
    w = words(lang)
    return table_or_none([w("lesson"), w("evidence"), w("meeting")], lesson_rows(lessons, lang), lang,
                         widths=LESSON_WIDTHS)


def lesson_rows(lessons: list[Lesson], lang: str) -> list[list[str]]:
    """One row per lesson: title, evidence gemeenten, meeting."""
    return [[les.title, names(les.gemeenten), meeting_title(les.meeting, lang)] for les in lessons]
