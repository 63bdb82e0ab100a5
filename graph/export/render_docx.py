"""DOCX rendering of a :class:`~graph.export.document.Document` with python-docx.

Made for Word's navigation pane and accessibility checker: real ``Title``/``Heading N`` styles,
real tables with a repeated header row, pictures with alt text, the document language on the
default style and in the core properties, A4 pages. Text goes in as runs (never markup), so
nothing in the data can be interpreted.
"""

from __future__ import annotations

import copy
import io

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from graph.export.document import (
    BulletList, Document, Heading, Image, Link, Paragraph, Table, is_web_url,
)

AUTHOR = "Kennisgraaf kernendemocratie"
NOTICE_COLOUR = RGBColor(0x8A, 0x45, 0x00)
LINK_COLOUR = "14407A"
TABLE_PT = 9
TEXT_WIDTH_CM = 17.0  # A4 minus 2 cm margins
MIN_CHARS, MAX_CHARS = 8, 60  # column weights by text length: short ones get some room, long ones are capped
CM_PER_CHAR, CELL_PADDING_CM = 0.23, 0.45  # 9 pt text (bold headers, DejaVu-wide fonts): what the longest word needs
_XML_INVALID = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))  # a str.translate table: delete


def clean(text: str) -> str:
    """``text`` without the control characters XML cannot hold (python-docx would raise).

    >>> clean("a\\x00b\\x1fc")
    'abc'
    """
    return str(text).translate(_XML_INVALID)


def _setup(doc, src: Document) -> None:
    props = doc.core_properties
    props.title, props.subject, props.author = clean(src.title), clean(src.subject), AUTHOR
    props.language, props.keywords = src.language_tag, ", ".join(clean(k) for k in src.keywords)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(10.5)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    for rpr in [run_defaults] + [s.element.get_or_add_rPr() for s in (normal, doc.styles["Title"])]:
        if rpr is None:
            continue
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), src.language_tag)
        rpr.append(lang)


def _add_paragraph(doc, text: str = "") -> DocxParagraph:
    """``doc.add_paragraph(text)`` in constant time: python-docx finds the body's closing ``w:sectPr``
    by scanning every block on each call, quadratic in the paragraphs (half of the 4.2 s of a
    1,000-gemeenten bundle). The new paragraph goes just before that last child, as python-docx puts it."""
    body = doc.element.body
    p = OxmlElement("w:p")
    last = next(body.iterchildren(reversed=True), None)
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(p)
    else:
        body.append(p)
    paragraph = DocxParagraph(p, doc)
    if text:
        paragraph.add_run(text)
    return paragraph


_STYLE_IDS: dict[str, str] = {}


def _style_id(doc, style: str) -> str:
    """The id of a named style, looked up once: python-docx's own lookup scans every style on each
    call (3 ms; seconds for a bundle with a thousand headings)."""
    if style not in _STYLE_IDS:
        _STYLE_IDS[style] = doc.styles[style].style_id
    return _STYLE_IDS[style]


def _styled(doc, text: str, style: str):
    """A paragraph in a named style, setting the style id directly (see :func:`_style_id`)."""
    paragraph = _add_paragraph(doc, text)
    paragraph._p.get_or_add_pPr().style = _style_id(doc, style)
    return paragraph


def _header_row(row) -> None:
    """Mark a table row as header: repeated on each page, announced by screen readers."""
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)
    for cell in row.cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def column_widths(t: Table, *, total_cm: float = TEXT_WIDTH_CM) -> list[float]:
    """Column widths in cm: by the length of their text (capped), but never narrower than their
    longest word, so that no word breaks in the middle; together ``total_cm``.

    >>> column_widths(Table(["a", "b"], [["x" * 10, "y " * 30]]), total_cm=17)
    [2.75, 14.25]
    >>> column_widths(Table(["Van", "Toelichting"], [["Coproduceren", "z " * 200]]), total_cm=17)
    [3.21, 13.79]
    """
    if t.widths:
        return [round(total_cm * w / sum(t.widths), 2) for w in t.widths]
    columns = [[r[i] for r in t.rows if i < len(r)] for i in range(len(t.header))]
    longest = [max([len(c) for c in col] + [len(w) for w in h.split()] + [1]) for col, h in zip(columns, t.header)]
    word = [max(len(w) for c in [h, *col] for w in (c.split() or [""])) for col, h in zip(columns, t.header)]
    need = [n * CM_PER_CHAR + CELL_PADDING_CM for n in word]
    if sum(need) >= total_cm:  # too many long words: shrink them all alike, nothing overflows the page
        return [round(total_cm * n / sum(need), 2) for n in need]
    weights = [min(max(n, MIN_CHARS), MAX_CHARS) for n in longest]
    fixed: dict[int, float] = {}
    while True:  # fix columns narrower than their longest word at that width; share the rest by weight
        free = [i for i in range(len(weights)) if i not in fixed]
        rest = total_cm - sum(fixed.values())
        widths = {i: rest * weights[i] / sum(weights[j] for j in free) for i in free}
        short = {i: need[i] for i in free if widths[i] < need[i]}
        if not short:
            break
        fixed.update(short)
    widths = [fixed.get(i, widths.get(i, 0.0)) for i in range(len(weights))]
    return [round(w, 2) for w in widths]


def _table(doc, t: Table) -> None:
    """A table: header row and one styled template row built with python-docx, body rows copied.

    Copying the template row's XML is ~50x faster than python-docx's cell API on big tables.
    """
    if t.caption:
        _styled(doc, clean(t.caption), "Caption")
    table = doc.add_table(rows=2, cols=len(t.header))
    table._tbl.tblStyle_val = _style_id(doc, "Table Grid")  # what ``table.style = "Table Grid"`` sets
    table.alignment, table.autofit = WD_TABLE_ALIGNMENT.LEFT, False
    for column, width in zip(table.columns, column_widths(t)):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    for i, (head, cell) in enumerate(zip(table.rows[0].cells, table.rows[1].cells)):
        head.paragraphs[0].add_run(clean(t.header[i])).font.size = Pt(TABLE_PT)
        cell.paragraphs[0].add_run("-").font.size = Pt(TABLE_PT)
        if i in t.numeric:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _header_row(table.rows[0])
    template = table.rows[1]._tr
    template.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
    for row in t.rows:
        tr = copy.deepcopy(template)
        for text_el, text in zip(tr.iter(qn("w:t")), row):
            text_el.text = clean(text)
            text_el.set(qn("xml:space"), "preserve")
        template.addprevious(tr)
    template.getparent().remove(template)
    _add_paragraph(doc)


def _hyperlink(paragraph, url: str, text: str) -> None:
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    for tag, val in (("w:color", LINK_COLOUR), ("w:u", "single")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        r_pr.append(el)
    run.append(r_pr)
    t = OxmlElement("w:t")
    t.text = clean(text)
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _bullets(doc, block: BulletList) -> None:
    for item in block.items:
        p = _styled(doc, "", "List Bullet")
        if isinstance(item, Link) and item.note:
            p.add_run(clean(item.note) + " ")
        if isinstance(item, Link) and is_web_url(item.url):
            _hyperlink(p, item.url, item.text)
        else:
            p.add_run(clean(item.text if isinstance(item, Link) else item))


MAX_IMAGE_HEIGHT_CM = 22.0  # a tall picture (many topics) is scaled down to fit one A4 page, never cut off


def image_width_cm(png: bytes, width_cm: float, *, max_height_cm: float = MAX_IMAGE_HEIGHT_CM) -> float:
    """The width that keeps the picture within ``max_height_cm`` at its aspect ratio (PNG header sizes).

    >>> header = bytes(16) + (100).to_bytes(4, "big") + (400).to_bytes(4, "big")
    >>> image_width_cm(header, 16.0)
    5.5
    """
    w, h = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    return min(width_cm, max_height_cm * w / h) if w and h else width_cm


def _image(doc, img: Image) -> None:
    width = image_width_cm(img.png, img.width_cm)
    shape = _add_paragraph(doc).add_run().add_picture(io.BytesIO(img.png), width=Cm(width))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", clean(img.alt))
    doc_pr.set("title", clean(img.caption or img.alt)[:250])
    if img.caption:
        _styled(doc, clean(img.caption), "Caption")


def _paragraph(doc, block: Paragraph) -> None:
    p = _add_paragraph(doc)
    run = p.add_run(clean(block.text))
    if block.style == "notice":
        run.bold, run.font.color.rgb = True, NOTICE_COLOUR
    elif block.style == "small":
        run.font.size = Pt(9)
    elif block.style == "sentence":
        run.italic = True


def render_docx(src: Document) -> bytes:
    """The document as DOCX bytes."""
    doc = new_docx()
    _setup(doc, src)
    _styled(doc, clean(src.title), "Title")
    if src.subtitle:
        _styled(doc, clean(src.subtitle), "Subtitle")
    for block in src.blocks:
        if isinstance(block, Heading):
            _styled(doc, clean(block.text), f"Heading {min(block.level, 9)}")
        elif isinstance(block, Paragraph):
            _paragraph(doc, block)
        elif isinstance(block, BulletList):
            _bullets(doc, block)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Image):
            _image(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
