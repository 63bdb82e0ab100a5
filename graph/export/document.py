"""A small format-neutral document: headings, paragraphs, lists, tables and images.

The summaries are turned into a :class:`Document` once (``graph.export.layout``); the Markdown, HTML
and DOCX renderers each walk the same blocks, so the three formats say the same thing.
Text in tables and lists is made inert for spreadsheets here, in one place: a cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe, so pasting it into
Excel or LibreOffice Calc never runs a formula (OWASP "CSV injection").

>>> inert('=HYPERLINK("http://x")')
'\\'=HYPERLINK("http://x")'
>>> inert("-12"), inert("draagvlak")
('-12', 'draagvlak')
>>> Table(["a"], [["@SUM(A1)"]]).rows
[["'@SUM(A1)"]]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d[\d.,]*%?$")


def inert(text: str) -> str:
    """``text`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    if text.startswith(FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = section, 2 = subsection, 3 = item
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "normal"  # normal | notice | small | sentence


@dataclass(frozen=True)
class Link:
    """A link to a source; renderers link only http(s) URLs and show the rest as text."""

    text: str
    url: str
    note: str = ""  # plain text before the link, such as a footnote number "[1]"


@dataclass
class BulletList:
    items: list[str | Link]

    def __post_init__(self) -> None:
        self.items = [i if isinstance(i, Link) else inert(i) for i in self.items]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    caption: str = ""
    numeric: tuple[int, ...] = ()  # column indexes aligned right
    widths: tuple[float, ...] = ()  # relative column widths, where tables of one kind should line up

    def __post_init__(self) -> None:
        self.rows = [[inert(str(c)) for c in row] for row in self.rows]


@dataclass(frozen=True)
class Image:
    """A PNG picture, drawn only when a renderer asks for it (Markdown never does).

    >>> Image(lambda: b"png", alt="a chart").png
    b'png'
    """

    draw: Callable[[], bytes]
    alt: str  # what the picture shows, for screen readers and the Markdown text
    caption: str = ""
    width_cm: float = 16.0

    @cached_property
    def png(self) -> bytes:
        return self.draw()


Block = Heading | Paragraph | BulletList | Table | Image


@dataclass
class Document:
    title: str
    lang: str
    subtitle: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block | None) -> "Document":
        """Append blocks, skipping ``None``; returns the document for chaining."""
        self.blocks.extend(b for b in blocks if b is not None)
        return self

    @property
    def language_tag(self) -> str:
        """A BCP 47 tag for the document (``nl-NL``, ``en-GB``)."""
        return {"nl": "nl-NL", "en": "en-GB"}.get(self.lang, self.lang)


def is_web_url(url: str) -> bool:
    """Whether ``url`` may become a hyperlink (only http and https; never javascript: or data:).

    >>> is_web_url("https://example.org/a"), is_web_url("javascript:alert(1)")
    (True, False)
    """
    return re.match(r"^https?://[^\s<>\"']+$", url, flags=re.IGNORECASE) is not None
