"""The facilitator documents opened and checked structurally: DOCX read back, HTML parsed, Markdown.

The mini trajectory (tests/fixtures_trajectory.py) holds a hostile lesson title
(``=HYPERLINK(...) <img src=x onerror=alert(1)> | x |``) that must come out inert in every format.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from html.parser import HTMLParser

import docx
import pytest
from fixtures_trajectory import EXAMPLE_PERSON, PERSON_EMAIL, PERSON_NAME, trajectory_quads

from graph.export.document import BulletList, Document, Heading, Link, Paragraph, Table
from graph.export.render_docx import render_docx
from graph.export.render_html import render_html
from graph.export.reports import FORMATS, filename, render
from graph.summaries import intake_summary, lessons_bundle, meeting_pack

ASSET_TAGS = {"img", "script", "link", "iframe", "source", "video", "audio", "object", "embed", "track"}
BUILDERS = {
    "meeting": lambda s, lang: meeting_pack(s, "mini-regio2", lang=lang),
    "intake": lambda s, lang: intake_summary(s, "GM9001", lang=lang),
    "bundle": lambda s, lang: lessons_bundle(s, "mini", lang=lang),
}
CASES = [pytest.param(kind, lang, id=f"{kind}-{lang}") for kind in BUILDERS for lang in ("nl", "en")]


@pytest.fixture(scope="module")
def store(trajectory_store):
    return trajectory_store


@pytest.fixture(scope="module")
def summaries(store):
    return {(kind, lang): build(store, lang) for kind, build in BUILDERS.items() for lang in ("nl", "en")}


@pytest.fixture(scope="module")
def rendered(summaries):
    """``rendered(kind, lang, fmt)``: ``render(summaries[kind, lang], format=fmt)``, once per summary and format
    (the tests only read the bytes; the pictures are drawn anew on every render)."""
    return cache(lambda kind, lang, fmt: render(summaries[kind, lang], format=fmt))


class Page(HTMLParser):
    """Collects tags with their attributes and the text outside tags."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _html(data: bytes) -> Page:
    page = Page()
    page.feed(data.decode("utf-8"))
    return page


@pytest.mark.parametrize("kind, lang", CASES)
def test_html_is_self_contained(rendered, kind, lang):
    page = _html(rendered(kind, lang, "html"))
    tags = [t for t, _ in page.tags]
    assert tags.count("h1") == 1 and "h2" in tags and "table" in tags and "th" in tags
    assert "script" not in tags
    for tag, attrs in page.tags:
        if tag in ASSET_TAGS:
            assert attrs.get("src", "").startswith("data:image/png;base64,"), (tag, attrs)
        if tag == "a":
            assert re.match(r"^https?://", attrs["href"])
    assert ("html", {"lang": lang}) in page.tags


def test_html_network_picture_is_embedded_with_alt_text(rendered):
    page = _html(rendered("meeting", "nl", "html"))
    (img,) = [a for t, a in page.tags if t == "img"]
    assert img["alt"].startswith("Netwerk: 4 aanwezige gemeenten")


@pytest.mark.parametrize("kind", ["meeting", "bundle"])
def test_html_hostile_text_is_escaped(rendered, kind):
    data = rendered(kind, "nl", "html")
    page = _html(data)
    assert b"<img src=x" not in data
    assert not [a for t, a in page.tags if a.get("onerror") is not None or a.get("src") == "x"]
    assert any("<img src=x onerror=alert(1)>" in chunk for chunk in page.text)


def _md_tables(text: str) -> list[list[str]]:
    tables, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def _cells(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row)) - 1


@pytest.mark.parametrize("kind, lang", CASES)
def test_markdown_headings_and_tables_parse(rendered, kind, lang):
    text = rendered(kind, lang, "md").decode("utf-8")
    assert text.startswith("# ") and "\n## " in text
    tables = _md_tables(text)
    assert tables
    for table in tables:
        assert re.match(r"^\|( -{3}:? \|)+$", table[1]), table[1]
        assert {_cells(row) for row in table} == {_cells(table[0])}, table


@pytest.mark.parametrize("kind", ["meeting", "bundle"])
def test_markdown_hostile_text_is_inert(rendered, kind):
    text = rendered(kind, "nl", "md").decode("utf-8")
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "\\| x \\|" in text
    assert "| '=HYPERLINK(\"http://x\")" in text  # a table cell never starts with '='


def _docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("kind, lang", CASES)
def test_docx_has_headings_tables_and_properties(rendered, kind, lang):
    d = _docx(rendered(kind, lang, "docx"))
    styles = [p.style.name for p in d.paragraphs]
    assert styles[0] == "Title" and "Heading 1" in styles
    assert d.tables and all(t.rows[0]._tr.trPr is not None for t in d.tables)  # header rows marked
    props = d.core_properties
    assert props.title == d.paragraphs[0].text and props.language == {"nl": "nl-NL", "en": "en-GB"}[lang]
    assert abs(d.sections[0].page_width.cm - 21.0) < 0.01


@pytest.mark.parametrize("kind", ["meeting", "bundle"])
def test_docx_has_pictures_with_alt_text(rendered, kind):
    d = _docx(rendered(kind, "nl", "docx"))
    assert d.inline_shapes
    assert all(s._inline.docPr.get("descr") for s in d.inline_shapes)


def test_docx_blocks_stay_in_order_before_the_page_setup():
    """The renderer appends paragraphs itself (python-docx's own append is quadratic): every block
    must still land in order, and the section properties (A4, margins) must stay the body's last child."""
    blocks = [Heading(1, "Een"), Paragraph("tekst\x00 een"), BulletList(["punt", Link("bron", "https://x.nl")]),
              Table(["a", "b"], [["1", "2"]]), Heading(2, "Twee"), Paragraph("klein", style="small")]
    d = _docx(render_docx(Document(title="Titel", lang="nl", blocks=blocks)))
    assert [p.text for p in d.paragraphs] == ["Titel", "Een", "tekst een", "punt", "bron", "", "Twee", "klein"]
    body = d.element.body
    assert [c.tag.rsplit("}", 1)[1] for c in body][-4:] == ["p", "p", "p", "sectPr"]
    assert [c.text for c in d.tables[0].rows[1].cells] == ["1", "2"]
    assert abs(d.sections[0].page_width.cm - 21.0) < 0.01


def test_docx_hostile_text_is_inert(rendered):
    data = rendered("meeting", "nl", "docx")
    cells = [c.text for t in _docx(data).tables for row in t.rows for c in row.cells]
    hostile = [c for c in cells if "HYPERLINK" in c]
    assert hostile == ["'=HYPERLINK(\"http://x\") <img src=x onerror=alert(1)> | x |"]
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode()
    assert "http://x" not in rels


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_personal_data_unless_asked(store, fmt):
    def raw(pack) -> str:
        data = render(pack, format=fmt)
        if fmt == "docx":
            return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
        return data.decode("utf-8")

    plain = raw(meeting_pack(store, "mini-regio2"))
    assert PERSON_NAME not in plain and PERSON_EMAIL not in plain
    assert PERSON_NAME in raw(meeting_pack(store, "mini-regio2", with_names=True))


def test_fictional_notice_in_every_format(rendered):
    for fmt, word in (("md", "Voorbeelddata (fictief)"), ("html", "Voorbeelddata (fictief)")):
        assert word in rendered("bundle", "nl", fmt).decode("utf-8")
    assert any("Voorbeelddata (fictief)" in p.text
               for p in _docx(rendered("bundle", "nl", "docx")).paragraphs)


def test_colophon_names_the_cbs_licence(rendered):
    text = rendered("bundle", "en", "md").decode("utf-8")
    assert "Bron: CBS" in text and "CC BY 4.0" in text and "## Colophon" in text


@pytest.mark.parametrize("kind, expected", [("meeting", "bijeenkomstmap-mini-regio2.docx"),
                                            ("intake", "intake-GM9001.docx"),
                                            ("bundle", "lessenbundel-mini.docx")])
def test_download_names(summaries, kind, expected):
    assert filename(summaries[kind, "nl"], format="docx") == expected


def test_unknown_format_names_the_choices(summaries):
    with pytest.raises(ValueError, match="md, html, docx"):
        render(summaries["bundle", "nl"], format="pdf")


@pytest.fixture(scope="module")
def store_dir(disk_store):
    return disk_store(trajectory_quads())


@pytest.mark.parametrize("args, out_name", [
    pytest.param(["meeting", "mini-regio2", "--format", "html"], "m.html", id="meeting-html"),
    pytest.param(["intake", "GM9001", "--format", "md", "--lang", "en"], "i.md", id="intake-md-en"),
    pytest.param(["bundle", "mini", "--format", "docx"], "b.docx", id="bundle-docx"),
])
def test_cli_writes_the_document(store_dir, tmp_path, args, out_name):
    from click.testing import CliRunner

    from graph.cli import cli

    out = tmp_path / out_name
    result = CliRunner().invoke(cli, ["export", *args, "--store", str(store_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


def test_cli_unknown_meeting_exits_1_with_choices(store_dir):
    from click.testing import CliRunner

    from graph.cli import cli

    result = CliRunner().invoke(cli, ["export", "meeting", "nope", "--store", str(store_dir)])
    assert result.exit_code == 1
    assert "onbekende bijeenkomst 'nope'" in result.output and "mini-regio1" in result.output


# --- the bundled example trajectory, every export opened ---

EXAMPLE = {
    "meeting": lambda s: meeting_pack(s, "voorbeeld-regio-2"),
    "intake": lambda s: intake_summary(s, "GM1966"),
    "bundle": lambda s: lessons_bundle(s, "voorbeeld"),
}


@pytest.fixture(scope="module")
def example(example_store):
    return {kind: build(example_store) for kind, build in EXAMPLE.items()}


@pytest.mark.parametrize("kind", list(EXAMPLE))
def test_example_exports_open(example, kind):
    d = _docx(render(example[kind], format="docx"))
    assert "Heading 1" in [p.style.name for p in d.paragraphs] and d.tables
    assert d.inline_shapes or kind == "intake"
    page = _html(render(example[kind], format="html"))
    assert not [a for t, a in page.tags if t in ASSET_TAGS and not a.get("src", "").startswith("data:")]
    text = render(example[kind], format="md").decode("utf-8")
    for table in _md_tables(text):
        assert {_cells(row) for row in table} == {_cells(table[0])}
    assert "fictief" in text.lower() and EXAMPLE_PERSON not in text


@pytest.mark.slow
def test_libreoffice_converts_the_bundle_to_pdf(rendered, tmp_path):
    import subprocess

    from conftest import require_tool

    soffice = require_tool("soffice")
    path = tmp_path / "bundel.docx"
    path.write_bytes(rendered("bundle", "nl", "docx"))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    pdf = (tmp_path / "bundel.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) >= 2


HOSTILE_LINKS = [Link("<img src=x onerror=alert(1)>", "https://x.nl/?a=1&b=2", note="<i>[1]</i>"),
                 Link("<script>alert(1)</script>", "javascript:alert(1)")]


def test_html_link_texts_notes_and_urls_are_escaped():
    """A source's text, note and URL are text in HTML, whether the URL is linked (http(s)) or shown as text."""
    page = Page()
    page.feed(render_html(Document(title="T", lang="nl", blocks=[BulletList(HOSTILE_LINKS)])).decode())
    assert not [t for t, _ in page.tags if t in ("img", "script", "i", "b")]
    assert [a.get("href") for t, a in page.tags if t == "a"] == ["https://x.nl/?a=1&b=2"]
    assert any("<img src=x onerror=alert(1)>" in c for c in page.text)
    assert any("<script>alert(1)</script>" in c for c in page.text)
