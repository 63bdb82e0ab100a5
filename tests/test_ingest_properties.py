"""Property tests: garbage in any reader ends in InputError with located problems, never another exception."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import InputError
from graph.ingest import load_trajectory
from graph.ingest.models import KINDS, columns
from graph.settings import DEFAULT_DATA

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ALL_COLUMNS = sorted({c for kind in KINDS for c in columns(kind)})
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
CELL = st.one_of(
    st.none(), TEXT, st.sampled_from(["GM1900", "Altena", "dorpsbudget", "draagvlak", "31-02-2019", "ja", "l1", ";"]),
    st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
NAME = st.one_of(st.sampled_from(list(KINDS)), TEXT.filter(lambda t: t.strip()))
HEADER = st.one_of(st.sampled_from(ALL_COLUMNS), TEXT)


def _outcome(path: Path, root: Path) -> None:
    """Loading either succeeds or raises InputError whose problems all name a file under ``root``."""
    try:
        load_trajectory(path, data_dir=DEFAULT_DATA)
    except InputError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.message
            assert Path(problem.file).resolve().is_relative_to(root.resolve()), problem


@SETTINGS
@given(data=st.binary(max_size=400), kind=st.sampled_from(list(KINDS)), with_traject=st.booleans())
def test_csv_bytes(data, kind, with_traject):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if with_traject:
            (root / "traject.csv").write_text("id;naam\nt;T\n", encoding="utf-8")
        (root / f"{kind}.csv").write_bytes(data)
        _outcome(root, root)


@SETTINGS
@given(text=st.text(max_size=300))
def test_csv_text_cp1252_or_utf8(text):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "traject.csv").write_bytes(("id,naam\n" + text).encode("utf-8"))
        (root / "les.csv").write_bytes(text.encode("cp1252", errors="replace"))
        _outcome(root, root)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets=st.dictionaries(NAME, st.tuples(st.lists(HEADER, max_size=6),
                                              st.lists(st.lists(CELL, max_size=7), max_size=4)), min_size=1, max_size=4))
def test_xlsx_random_cells(sheets):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for n, (name, (header, rows)) in enumerate(sheets.items()):
            ws = wb.create_sheet(_sheet_title(name, n))
            for row in [header, *rows]:
                ws.append(row)
        wb.save(root / "t.xlsx")
        _outcome(root / "t.xlsx", root)


def _sheet_title(name: str, n: int) -> str:
    """Excel refuses some titles; keep the name where it can."""
    clean = "".join(c for c in name if c not in "[]:*?/\\'")[:28].strip()
    return clean or f"blad{n}"


@SETTINGS
@given(data=st.binary(max_size=300))
def test_xlsx_bytes(data):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "t.xlsx").write_bytes(b"PK\x03\x04" + data if data[:1] == b"\x00" else data)
        _outcome(root / "t.xlsx", root)


YAML_VALUE = st.recursive(
    st.one_of(st.none(), TEXT, st.integers(), st.floats(allow_nan=True), st.booleans(), st.dates()),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.one_of(NAME, HEADER), inner, max_size=4)),
    max_leaves=20)


@SETTINGS
@given(value=st.dictionaries(NAME, YAML_VALUE, max_size=5))
def test_yaml_structures(value):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "t.yaml").write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
        _outcome(root / "t.yaml", root)


@SETTINGS
@given(text=st.text(max_size=300))
def test_yaml_text(text):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "t.yaml").write_text(text, encoding="utf-8")
        _outcome(root / "t.yaml", root)


def test_yaml_never_constructs_python_objects(tmp_path):
    (tmp_path / "t.yaml").write_text("traject: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_trajectory(tmp_path / "t.yaml", data_dir=DEFAULT_DATA)
    assert [p.message for p in info.value.problems] == ["geen geldige YAML (ConstructorError)"]
