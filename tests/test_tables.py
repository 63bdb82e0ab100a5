"""Strict CSV reading: every problem located as file, row (header = 1) and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.ingest.tables import read_table

COLUMNS = ["code", "naam"]

# id: (file bytes, expected [(row, column, words)] of the problems, expected number of rows read)
CASES = {
    "valid": (b"code,naam\nGM1,Aa\nGM2,Bb\n", [], 2),
    "bom-and-crlf": (b"\xef\xbb\xbfcode,naam\r\nGM1,Aa\r\n", [], 1),
    "quoted-newline-counts-as-one-row": (b'code,naam\nGM1,"A\nB"\nGM2,x,y\n', [(3, "", "3 velden")], 1),
    "empty": (b"", [(1, "", "leeg")], 0),
    "missing-column": (b"code,name\nGM1,Aa\n", [(1, "naam", "kolom ontbreekt")], 0),
    "truncated-row": (b"code,naam\nGM1,Aa\nGM2\n", [(3, "naam", "afgekapt")], 1),
    "no-final-line-break": (b"code,naam\nGM1,Aa\nGM2,B", [(3, "naam", "mogelijk afgekapt")], 2),
    "unclosed-quote": (b'code,naam\nGM1,"Aa\n', [(2, "", "onleesbare CSV")], 0),
    "not-utf8": (b"code,naam\nGM1,\xe9\n", [(None, "", "geen UTF-8")], 0),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_read_table(tmp_path: Path, case):
    content, expected, rows = CASES[case]
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    table = read_table(path, columns=COLUMNS, name="t.csv")
    assert [(p.row, p.column) for p in table.problems] == [(row, column) for row, column, _ in expected]
    for problem, (_, _, words) in zip(table.problems, expected):
        assert words in problem.message and problem.file == "t.csv"
    assert len(table.rows) == rows


def test_missing_file(tmp_path: Path):
    table = read_table(tmp_path / "nope.csv", columns=COLUMNS)
    assert [p.message.split(" (")[0] for p in table.problems] == ["bestand ontbreekt"]


@pytest.mark.parametrize(
    ("method", "cell", "value", "problem"),
    [("integer", "12", 12, None), ("integer", "1.5", None, "geen geheel getal"), ("decimal", "0.35", "0.35", None),
     ("decimal", "1,5", None, "geen getal"), ("year", "2021", 2021, None), ("year", "21", None, "geen jaartal"),
     ("date", "2011-01-01", "2011-01-01", None), ("date", "1-1-2011", None, "geen datum"),
     ("urls", "https://a.nl/x | http://b.nl", ["https://a.nl/x", "http://b.nl"], None),
     ("urls", "https://a.nl/x | a.nl", ["https://a.nl/x"], "geen http(s)-URL")],
    ids=lambda v: str(v),
)
def test_typed_cells(tmp_path: Path, method, cell, value, problem):
    path = tmp_path / "t.csv"
    path.write_text(f'code,naam\nGM1,"{cell}"\n', encoding="utf-8")
    table = read_table(path, columns=COLUMNS, name="t.csv")
    result = getattr(table.rows[0], method)("naam")
    assert (str(result) if method in ("decimal", "date") and result is not None else result) == value
    messages = [p.message for p in table.problems]
    if problem is None:
        assert messages == []
    else:
        assert messages and all(problem in m for m in messages)
