"""One entry for the facilitator exports: ``render(summary, format=...) -> bytes``.

The CLI (``kernen export meeting|intake|bundle``) and the app's download buttons both call this.

>>> FORMATS["docx"].suffix, FORMATS["html"].media_type
('.docx', 'text/html; charset=utf-8')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from graph.export.document import Document
from graph.export.documents import document
from graph.export.render_html import render_html
from graph.export.render_md import render_md
from graph.summaries.models import Summary


def _docx(doc: Document) -> bytes:
    from graph.export.render_docx import render_docx  # python-docx is imported only when needed

    return render_docx(doc)


@dataclass(frozen=True)
class Format:
    suffix: str
    media_type: str
    render: Callable[[Document], bytes]


FORMATS: dict[str, Format] = {  # keys: graph.export.formats.DOCUMENT_FORMATS
    "md": Format(".md", "text/markdown; charset=utf-8", render_md),
    "html": Format(".html", "text/html; charset=utf-8", render_html),
    "docx": Format(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _docx),
}


def render(summary: Summary, *, format: str = "md") -> bytes:
    """``summary`` (a MeetingPack, IntakeSummary or LessonsBundle) as a Markdown, HTML or DOCX file."""
    if format not in FORMATS:
        raise ValueError(f"onbekend formaat '{format}'; kies uit: {', '.join(FORMATS)}")
    return FORMATS[format].render(document(summary))


def filename(summary: Summary, *, format: str) -> str:
    """A download name such as ``lessenbundel-voorbeeld.docx``."""
    stem = {"meeting": lambda s: f"bijeenkomstmap-{s.meeting.key}",
            "intake": lambda s: f"intake-{s.gemeente.code}",
            "bundle": lambda s: f"lessenbundel-{s.traject.slug}"}[summary.kind](summary)
    return stem + FORMATS[format].suffix
