"""Shared pieces of the facilitator documents: dates, money, lists of names, notice and colophon.

Numbers, amounts and dates are formatted by Babel in the reader's locale (``nl_NL`` or ``en_GB``).

>>> day(date(2025, 10, 9), "nl"), day(date(2025, 10, 9), "en")
('9 oktober 2025', '9 October 2025')
>>> money(Budget(waarde=7500, eenheid="EUR", peiljaar="2022"), "nl")
'€ 7.500 (2022)'
>>> money(Budget(waarde=0.35, eenheid="EUR"), "en")
'€0.35'
"""

from __future__ import annotations

from datetime import date

from graph.export.document import BulletList, Document, Heading, Link, Paragraph, Table
from graph.export.labels import words
from graph.summaries.models import Budget, Colophon, GemeenteRef, Les, Bijeenkomst, Source, TrajectRef

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
MAX_BARS = 20  # bars in the support chart; the document says how many of how many it shows


def locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["nl"])


def day(d: date | None, lang: str) -> str:
    """A date for readers in ``lang`` ('' when unknown): ``9 oktober 2025``."""
    if d is None:
        return ""
    from babel.dates import format_date

    return format_date(d, "d MMMM y", locale=locale(lang))


def number(value: float, lang: str, *, digits: int | None = None) -> str:
    """A number with thousands separators (Dutch: dot, decimal comma); ``digits`` fixes the decimals.

    >>> number(92000, "nl"), number(1234.5, "nl"), number(1234.5, "en"), number(2, "nl", digits=1)
    ('92.000', '1.234,50', '1,234.50', '2,0')
    """
    from babel.numbers import format_decimal

    if digits is None:
        digits = 0 if float(value).is_integer() else 2
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=locale(lang))


def money(b: Budget, lang: str) -> str:
    """An amount: ``€ 7.500`` (whole euros without cents), ``€ 0,35``."""
    from babel.numbers import format_currency

    whole = float(b.waarde).is_integer()
    if b.eenheid == "EUR":
        pattern = ("¤ " if lang != "en" else "¤") + ("#,##0" if whole else "#,##0.00")
        text = format_currency(b.waarde, "EUR", format=pattern, currency_digits=False, locale=locale(lang))
    else:
        text = f"{number(b.waarde, lang)} {b.eenheid}"
    text += f" ({b.peiljaar})" if b.peiljaar else ""
    return text + (f", {b.toelichting}" if b.toelichting else "")


def names(gemeenten: list[GemeenteRef]) -> str:
    return ", ".join(g.naam for g in gemeenten)


def meeting_title(m: Bijeenkomst | None, lang: str) -> str:
    """'Regionale uitwisseling, 1 mei 2025', or the meeting's own title and date ('' without a meeting)."""
    if m is None:
        return ""
    return ", ".join(p for p in (m.naam or m.soort_label, day(m.datum, lang)) if p)


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


GLOSSARY = ("gloss_thread", "gloss_evidence", "gloss_lift", "gloss_context", "gloss_bridge", "gloss_tables",
            "gloss_ladder")


def glossary(doc: Document, lang: str) -> None:
    """The short glossary of the measures the handouts use, in plain words."""
    w = words(lang)
    doc.add(Heading(1, w("glossary")), BulletList([w(key) for key in GLOSSARY]))


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


def lesson_table(lessons: list[Les], lang: str) -> Table | Paragraph:
    """Lessons with the gemeenten and the meeting behind each ('Geen.' when there are none)."""
    w = words(lang)
    return table_or_none([w("lesson"), w("evidence"), w("meeting")], lesson_rows(lessons, lang), lang,
                         widths=LESSON_WIDTHS)


def lesson_rows(lessons: list[Les], lang: str) -> list[list[str]]:
    """One row per lesson: title, evidence gemeenten, meeting."""
    return [[les.title, names(les.gemeenten), meeting_title(les.meeting, lang)] for les in lessons]
