"""Self-contained HTML rendering of a :class:`~graph.export.document.Document`.

One file: images are embedded as ``data:`` URIs, the CSS is inline (print-friendly, ``@page`` A4),
there is no script and no external asset; a Content-Security-Policy says so to the browser too.
Every text is passed through ``html.escape``; only http(s) source URLs become links.

>>> page = render_html(Document("Titel <x>", "nl").add(Paragraph("<img src=x onerror=alert(1)>"))).decode()
>>> "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page
True
>>> '<html lang="nl">' in page
True
"""

from __future__ import annotations

import base64
from html import escape

from graph.export.document import (
    BulletList, Document, Heading, Image, Link, Paragraph, Table, is_web_url,
)

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.4;
       color: #1a1a1a; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; color: #7a1414; margin-bottom: 0.2em; }
h2 { font-size: 14pt; color: #7a1414; border-bottom: 1px solid #ccc; margin-top: 1.6em; }
h3 { font-size: 11.5pt; margin-bottom: 0.3em; }
h4 { font-size: 10.5pt; margin-bottom: 0.2em; }
p.subtitle { color: #555; margin-top: 0; }
p.notice { border: 2px solid #b35900; background: #fff4e5; padding: 0.5em 0.8em; font-weight: bold; }
p.small { color: #555; font-size: 9pt; }
p.sentence { font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 9.5pt; }
caption { text-align: left; font-style: italic; padding-bottom: 0.3em; }
th, td { border: 1px solid #999; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; }
figure { margin: 1em 0; page-break-inside: avoid; }
figure img { max-width: 100%; height: auto; }
figcaption { font-style: italic; font-size: 9pt; }
a { color: #14407a; overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; }
  h2, h3 { page-break-after: avoid; }
  tr, li { page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
}
"""


def _link(item: Link) -> str:
    note = escape(item.note) + " " if item.note else ""
    if is_web_url(item.url):
        return f'{note}<a href="{escape(item.url)}" rel="noopener noreferrer">{escape(item.text)}</a>'
    return note + escape(item.text)


def _table(t: Table) -> str:
    right = set(t.numeric)
    cls = lambda i: ' class="num"' if i in right else ""  # noqa: E731
    head = "".join(f'<th scope="col"{cls(i)}>{escape(h)}</th>' for i, h in enumerate(t.header))
    body = "".join("<tr>" + "".join(f"<td{cls(i)}>{escape(c)}</td>" for i, c in enumerate(row)) + "</tr>"
                   for row in t.rows)
    caption = f"<caption>{escape(t.caption)}</caption>" if t.caption else ""
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _image(img: Image) -> str:
    data = base64.b64encode(img.png).decode("ascii")
    caption = f"<figcaption>{escape(img.caption)}</figcaption>" if img.caption else ""
    return f'<figure><img src="data:image/png;base64,{data}" alt="{escape(img.alt)}">{caption}</figure>'


def _block(block: object) -> str:
    if isinstance(block, Heading):
        level = min(block.level + 1, 6)
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        cls = f' class="{block.style}"' if block.style != "normal" else ""
        role = ' role="note"' if block.style == "notice" else ""
        return f"<p{cls}{role}>{escape(block.text)}</p>"
    if isinstance(block, BulletList):
        items = "".join(f"<li>{_link(i) if isinstance(i, Link) else escape(i)}</li>" for i in block.items)
        return f"<ul>{items}</ul>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Image):
        return _image(block)
    raise TypeError(f"unknown block {block!r}")


def render_html(doc: Document) -> bytes:
    """The document as one self-contained UTF-8 HTML page."""
    subtitle = f'<p class="subtitle">{escape(doc.subtitle)}</p>' if doc.subtitle else ""
    body = "\n".join(_block(b) for b in doc.blocks)
    keywords = escape(", ".join(doc.keywords))
    page = (f'<!DOCTYPE html>\n<html lang="{escape(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="description" content="{escape(doc.subject)}">\n'
            f'<meta name="keywords" content="{keywords}">\n'
            f"<title>{escape(doc.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            f"<h1>{escape(doc.title)}</h1>\n{subtitle}\n{body}\n</main>\n</body>\n</html>\n")
    return page.encode("utf-8")
