"""Markdown rendering of a :class:`~graph.export.document.Document` (GitHub-flavoured tables).

Text from data is escaped so it cannot start a heading, break a table, open code, inject HTML or
make a link: ``| \\ ` * _ [ ] < > &`` are escaped and newlines become spaces. Images are not
embedded (a Markdown file stays readable as text); their description is given instead.

>>> md_text("<img src=x onerror=alert(1)> | x |")
'&lt;img src=x onerror=alert(1)&gt; \\\\| x \\\\|'
>>> md_text("# kop")
'\\\\# kop'
>>> render_md(Document("T", "nl").add(Heading(1, "A"), Table(["k", "v"], [["a|b", "1"]]))).decode()
'# T\\n\\n## A\\n\\n| k | v |\\n| --- | --- |\\n| a\\\\|b | 1 |\\n'
"""

from __future__ import annotations

import re

from graph.export.document import (
    BulletList, Document, Heading, Image, Link, Paragraph, Table, is_web_url,
)

_SPECIAL = re.compile(r"([\\`*_\[\]|])")
# Only what would start a block: a heading, quote, fence, list item or ordered list item.
_LEADING = re.compile(r"^([#>=~]|[+\-*](?=\s|$|[+\-*]))")
_ORDERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
FIGURE = {"nl": "Figuur", "en": "Figure"}


def md_text(text: str) -> str:
    """``text`` as inert Markdown inline text on one line."""
    one_line = " ".join(str(text).split())
    escaped = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _SPECIAL.sub(r"\\\1", escaped)
    return _ORDERED.sub(r"\1\\\2", _LEADING.sub(r"\\\1", escaped))


def _link(item: Link) -> str:
    note = md_text(item.note) + " " if item.note else ""
    if is_web_url(item.url):
        url = item.url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        return note + (f"[{md_text(item.text)}](<{url}>)" if item.text != item.url else f"<{url}>")
    return note + md_text(item.text)


def _table(t: Table) -> list[str]:
    right = set(t.numeric)
    lines = ["| " + " | ".join(md_text(h) for h in t.header) + " |",
             "| " + " | ".join("---:" if i in right else "---" for i in range(len(t.header))) + " |"]
    lines += ["| " + " | ".join(md_text(c) or " " for c in row) + " |" for row in t.rows]
    return ([f"*{md_text(t.caption)}*", ""] if t.caption else []) + lines


def _block(block: object, lang: str) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * (block.level + 1) + " " + md_text(block.text)]
    if isinstance(block, Paragraph):
        text = md_text(block.text)
        return [f"> **{text}**" if block.style == "notice" else f"*{text}*" if block.style == "small"
                else text]
    if isinstance(block, BulletList):
        return [f"- {_link(i) if isinstance(i, Link) else md_text(i)}" for i in block.items]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Image):
        word = FIGURE.get(lang, FIGURE["nl"])
        caption = f" {md_text(block.caption)}" if block.caption else ""
        return [f"*{word}: {md_text(block.alt)}*{caption}"]
    raise TypeError(f"unknown block {block!r}")


def render_md(doc: Document) -> bytes:
    """The document as UTF-8 Markdown."""
    parts = ["# " + md_text(doc.title)]
    if doc.subtitle:
        parts.append(md_text(doc.subtitle))
    parts += ["\n".join(_block(b, doc.lang)) for b in doc.blocks]
    return ("\n\n".join(parts) + "\n").encode("utf-8")
