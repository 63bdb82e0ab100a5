"""Meeting reports as blocks of text: Word (python-docx; tables row by row), Markdown and plain text.

>>> blocks = read_blocks_text("# Lessen\\n- Eerste punt\\n- Tweede punt\\n\\nGewone tekst\\nloopt door.")
>>> [(b.kind, b.text) for b in blocks]
[('heading', 'Lessen'), ('bullet', 'Eerste punt'), ('bullet', 'Tweede punt'), ('paragraph', 'Gewone tekst loopt door.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FORMATS = (".docx", ".md", ".txt")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}[.)]?\s+[A-Z][^.!?]{0,60}$")  # "2. Gesprek met het dorpsoverleg"
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")


@dataclass(frozen=True)
class Block:
    """A heading, a bullet item or a paragraph of a report."""

    kind: str  # "heading" | "bullet" | "paragraph"
    text: str


def read_blocks(path: Path) -> list[Block]:
    """The blocks of a ``.docx``, ``.md`` or ``.txt`` report; ``ValueError`` for another format."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx(path)
    if suffix in (".md", ".txt"):
        return read_blocks_text(path.read_text(encoding="utf-8-sig"))
    raise ValueError(f"{path.name}: not a report format ({', '.join(FORMATS)})")


def _docx(path: Path) -> list[Block]:
    """Paragraphs by style (headings, list items, text) and each table row as a bullet, in document order."""
    from docx import Document
    from docx.table import Table

    blocks = []
    for item in Document(str(path)).iter_inner_content():
        if isinstance(item, Table):
            blocks.extend(_rows(item))
            continue
        text = " ".join(item.text.split())
        if not text:
            continue
        style = (item.style.name or "").lower() if item.style is not None else ""
        kind = "heading" if style.startswith(("heading", "kop", "title", "titel")) else \
            "bullet" if "list" in style or "lijst" in style else "paragraph"
        blocks.append(Block(kind, text))
    return blocks


def _rows(table) -> list[Block]:
    """A table row as one bullet: its distinct cells joined (``Altena: dorpen kiezen zelf ...``)."""
    out = []
    for row in table.rows:
        cells = list(dict.fromkeys(" ".join(c.text.split()) for c in row.cells))
        text = ": ".join(c for c in cells if c)
        if text:
            out.append(Block("bullet", text))
    return out


def read_blocks_text(text: str) -> list[Block]:
    """Blocks of Markdown or plain text: headings, bullets (continued by indented lines), paragraphs."""
    blocks: list[Block] = []
    lines: list[str] = []
    kind = "paragraph"

    def flush() -> None:
        if lines:
            blocks.append(Block(kind, " ".join(" ".join(lines).split())))
            lines.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            kind = "paragraph"
        elif _MD_HEADING.match(line) or _is_plain_heading(line):
            flush()
            blocks.append(Block("heading", _MD_HEADING.sub("", line).strip("*_ ")))
            kind = "paragraph"
        elif _BULLET.match(line):
            flush()
            kind = "bullet"
            lines.append(_BULLET.sub("", line))
        else:
            if kind == "bullet" and not raw.startswith((" ", "\t")):
                flush()
                kind = "paragraph"
            lines.append(line)
    flush()
    return blocks


def _is_plain_heading(line: str) -> bool:
    """A numbered section title or a line in capitals (plain-text reports)."""
    letters = [c for c in line if c.isalpha()]
    capitals = len(letters) >= 6 and all(c.isupper() for c in letters)
    return capitals or bool(_NUMBERED_HEADING.match(line))
