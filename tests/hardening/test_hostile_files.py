"""Hostile input files: each ends in a located InputError or a valid import, in bounded time.

Fuzz sizes: ``KERNEN_FUZZ_EXAMPLES`` (default 100 per reader) for the mutation tests. The big-cell test
uses a 5 MB cell by default (``KERNEN_BIG_CELL_MB=50`` for the full 50 MB).
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import InputError
from graph.ingest import load_trajectory
from graph.settings import DEFAULT_DATA

EXAMPLES = int(os.environ.get("KERNEN_FUZZ_EXAMPLES", "100"))
BIG_CELL_MB = int(os.environ.get("KERNEN_BIG_CELL_MB", "5"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
EXAMPLE = DEFAULT_DATA / "trajecten" / "voorbeeld" / "voorbeeld.xlsx"
pytestmark = pytest.mark.timeout(120)


def outcome(path: Path) -> str:
    """'ok' for a valid import, 'error' for an InputError whose problems all name the file; anything else raises."""
    try:
        load_trajectory(path, data_dir=DEFAULT_DATA)
    except InputError as exc:
        assert exc.problems, "an InputError without problems"
        assert all(p.file and p.message for p in exc.problems), exc.problems
        return "error"
    return "ok"


def _workbook(tmp_path: Path, sheets: dict[str, list[list[object]]], name: str = "t.xlsx") -> Path:
    wb = openpyxl.Workbook(write_only=True)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- xlsx ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("keep", [0, 10, 100, 1000, 0.5, 0.9, 0.99], ids=lambda k: f"keep-{k}")
def test_truncated_example_workbook(tmp_path, keep):
    data = EXAMPLE.read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep
    assert outcome(_write(tmp_path, "cut.xlsx", data[:cut])) == "error"


@FUZZ
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_example_workbook(tmp_path_factory, flips):
    data = bytearray(EXAMPLE.read_bytes())
    for at, value in flips:
        data[at % len(data)] = value
    outcome(_write(tmp_path_factory.mktemp("mut"), "m.xlsx", bytes(data)))


def test_zip_bomb_workbook_is_refused_before_unpacking(tmp_path):
    path = tmp_path / "bomb.xlsx"
    shutil.copy(EXAMPLE, path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/padding.xml", b"<a/>" + b" " * (300 * 1024 * 1024))
    assert path.stat().st_size < 2 * 1024 * 1024  # small on disk, 300 MB unpacked
    with pytest.raises(InputError, match="unpacks to"):
        load_trajectory(path, data_dir=DEFAULT_DATA)


def test_big_cell_is_an_error_or_import_not_a_hang(tmp_path):
    path = _workbook(tmp_path, {"traject": [["id", "titel"], ["x", "A" * (BIG_CELL_MB * 1024 * 1024)]]})
    assert outcome(path) == "error"


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x","klik")', "=1+1", "@SUM(A1)", "\x00nul\x00", "caf\u00e9",
                                  "\u202eomgekeerd"], ids=["hyperlink", "sum", "at", "nul", "utf8", "bidi"])
def test_hostile_cells_in_a_workbook(tmp_path, cell):
    placeholder = "PLACEHOLDERCELL"
    path = _workbook(tmp_path, {"traject": [["id", "titel"], [placeholder, placeholder]]})
    _replace_in_zip(path, placeholder.encode(), cell.encode("utf-8"))  # raw bytes: openpyxl won't write NULs
    assert outcome(path) == "error"


def _replace_in_zip(path: Path, old: bytes, new: bytes) -> None:
    """Rewrite every member of the xlsx with ``old`` replaced by ``new`` (may make the XML invalid)."""
    with zipfile.ZipFile(path) as zin:
        members = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in members:
            zout.writestr(info, data.replace(old, new))


def test_duplicate_sheets_and_headers(tmp_path):
    header = ["id", "id", "titel", "titel"]
    path = _workbook(tmp_path, {"traject": [header, ["a", "b", "c", "d"]], "Traject ": [header], "traject1": [header]})
    assert outcome(path) == "error"


def test_far_max_row_workbook(tmp_path):
    """A sheet that claims a dimension of a million rows but holds one: read in bounded time."""
    far = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t></t></is></c></row>'
    assert outcome(_write(tmp_path, "far.xlsx", _with_rows(tmp_path, far))) == "error"


@pytest.mark.slow  # a workbook of a million rows
def test_million_empty_rows_workbook(tmp_path):
    xml = b"".join(b'<row r="%d"/>' % n for n in range(3, 1_000_003))
    assert outcome(_write(tmp_path, "empty.xlsx", _with_rows(tmp_path, xml))) == "error"


def _with_rows(tmp_path, rows_xml: bytes) -> bytes:
    """A small valid workbook with ``rows_xml`` appended to its sheet data, as raw XML."""
    path = _workbook(tmp_path, {"traject": [["id", "titel"], ["a", "b"]]})
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b"</sheetData>", rows_xml + b"</sheetData>")
            dst.writestr(item, data)
    return buffer.getvalue()


# --- CSV -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b"id,titel\r\n" + b"\r\n" * 1_000_000,
    b"id,titel\r\na,\x00b\x00\r\n",
    b"id;titel\r\n" + "caf\u00e9".encode("cp1252") + b";" + "caf\u00e9".encode() + b"\r\n",
    b"\xff\xfe" + "id,titel\n".encode("utf-16-le"),
    b'id,titel\r\n"=HYPERLINK(""http://x"")",@SUM(1)\r\n',
    b"id,id,titel\r\na,b,c\r\n",
    b'"' * 100_000,
    b"id," + b"x" * (BIG_CELL_MB * 1024 * 1024) + b"\r\n",
], ids=["million-empty-lines", "nul", "mixed-encoding", "utf16", "formula", "duplicate-header", "quotes", "big-cell"])
def test_hostile_csv(tmp_path, data):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "traject.csv").write_bytes(data)
    assert outcome(folder) == "error"


@FUZZ
@given(st.binary(max_size=2000))
def test_random_csv_bytes(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("csv")
    (folder / "traject.csv").write_bytes(b"id,titel,startdatum\r\n" + data)
    outcome(folder)


# --- YAML ------------------------------------------------------------------------------------------

def _billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [{','.join(['*a' + str(n - 1)] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines) + f"\ntraject: *a{levels - 1}\n"


@pytest.mark.parametrize("text", [
    _billion_laughs(),
    "traject: " + "[" * 50_000 + "]" * 50_000 + "\n",
    "traject:\n" + "".join("  " * n + "- \n" for n in range(2000)),
    "traject: !!python/object/apply:os.system ['echo pwned']\n",
    "traject:\n  - id: a\n    id: b\n",
    "\x00traject: []\n",
    "traject: &x\n  - *x\n",
], ids=["billion-laughs", "deep-flow", "deep-block", "python-tag", "duplicate-key", "nul", "recursive-alias"])
def test_hostile_yaml(tmp_path, text):
    assert outcome(_write(tmp_path, "t.yaml", text.encode("utf-8", "surrogatepass"))) == "error"


@FUZZ
@given(st.text(max_size=500))
def test_random_yaml_text(tmp_path_factory, text):
    outcome(_write(tmp_path_factory.mktemp("yaml"), "t.yaml", ("traject:\n" + text).encode("utf-8", "surrogatepass")))
