"""Readers: an ``.xlsx`` workbook, a folder of CSV files, or a YAML file -> :class:`Sheet` tables.

Every reader returns the same neutral shape (sheets of raw cells with their row numbers) plus
problems; nothing here knows the models. Unreadable input becomes a located :class:`Problem`,
never an exception.

>>> sheets, problems = read_csv_text("gemeente;rol\\nSúdwest-Fryslân;wethouder\\n", file="x.csv", kind="aanwezigheid")
>>> sheets.header, sheets.rows
(['gemeente', 'rol'], [(2, ['Súdwest-Fryslân', 'wethouder'])])
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import Problem
from graph.ingest.models import KINDS
from graph.messages import t

HELPER_SHEETS = {"instructies", "lijsten", "instructions"}  # template sheets that hold no records
YAML_SUFFIXES = {".yaml", ".yml"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
SCALARS = (str, int, float, bool, dt.date, dt.time, type(None))
MAX_UNPACKED_MB = 200  # far above any real trajectory; guards against zip bombs
MAX_YAML_DEPTH = 50  # a trajectory needs 3 levels; deeper nesting crashes the (recursive) YAML loader
_SEP_LINE = re.compile(r"^sep=[;,\t|]$")


@dataclass
class Sheet:
    """The raw rows of one record kind: ``rows`` are (row number as the user sees it, cells).

    Row numbers: the spreadsheet row (header = 1) for a workbook, the line where the record starts for
    CSV, the record's position in its list (1 = first) for YAML.
    """

    file: str
    kind: str
    header: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    column_rows: dict[str, int] = field(default_factory=dict)  # where each column is first named


def header_name(cell: Any) -> str:
    """A header cell as a column name: stripped, lowercase, spaces as ``_``.

    >>> header_name(" Contact naam ")
    'contact_naam'
    """
    return re.sub(r"\s+", "_", str(cell).strip().lower()) if cell is not None else ""


def kind_of(name: str, *, file: str, row: int | None = None) -> tuple[str | None, list[Problem]]:
    """The record kind a sheet or CSV file name stands for, or a problem with a suggestion."""
    kind = header_name(name)
    if kind in KINDS:
        return kind, []
    if kind in HELPER_SHEETS:
        return None, []
    near = difflib.get_close_matches(kind, list(KINDS), n=1, cutoff=0.6)
    hint = t("v.did_you_mean", options=near[0]) if near else t("v.known", names=", ".join(KINDS))
    return None, [Problem(file, name, row, "", t("v.not_a_kind", name=name), hint)]


def _table(file: str, kind: str, raw_rows: list[tuple[int, list[Any]]]) -> Sheet:
    """A sheet from raw rows (the first is the header); empty rows are dropped."""
    if not raw_rows:
        return Sheet(file, kind, [])
    header_row, header_cells = raw_rows[0]
    header = [header_name(c) for c in header_cells]
    rows = [(n, list(cells)) for n, cells in raw_rows[1:] if any(_filled(c) for c in cells)]
    return Sheet(file, kind, header, rows, {h: header_row for h in header if h})


def _filled(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


# --- xlsx ---------------------------------------------------------------------------------------

def read_xlsx(path: Path) -> tuple[list[Sheet], list[Problem]]:
    """The sheets of a workbook (openpyxl, read-only, cached values of formulas)."""
    import openpyxl

    file = str(path)
    too_big = _unpacked_too_big(path)
    if too_big:
        return [], [Problem(file, "", None, "", too_big)]
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # any corrupt file: zip, xml, missing parts
        return [], [Problem(file, "", None, "", t("v.bad_xlsx", error=type(exc).__name__))]
    try:
        return _sheets(workbook, file)
    except Exception as exc:  # corrupt sheet XML shows up only while iterating
        return [], [Problem(file, "", None, "", t("v.bad_xlsx", error=type(exc).__name__))]
    finally:
        workbook.close()


def _unpacked_too_big(path: Path) -> str:
    """A message when the workbook would unpack to more than MAX_UNPACKED_MB (a zip bomb), else ''."""
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return ""  # openpyxl reports the unreadable file
    if size > MAX_UNPACKED_MB * 1024 * 1024:
        return f"the workbook unpacks to {size / 1024 / 1024:.0f} MB (limit {MAX_UNPACKED_MB} MB)"
    return ""


def _sheets(workbook: Any, file: str) -> tuple[list[Sheet], list[Problem]]:
    sheets, problems = [], []
    for ws in workbook.worksheets:
        kind, found = kind_of(ws.title, file=file)
        problems += found
        if kind is not None:
            raw = [(n, list(cells)) for n, cells in enumerate(ws.iter_rows(values_only=True), start=1)]
            sheets.append(_table(file, kind, raw))
    return sheets, problems


# --- csv ----------------------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str]:
    """Text and the name of its encoding: UTF-8 with BOM, UTF-8, or Windows-1252.

    >>> decode("café".encode("cp1252"))
    ('café', 'Windows-1252')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "UTF-8 met BOM"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252"), "Windows-1252"


def delimiter(text: str) -> str:
    """Excel's ``sep=X`` first line if present; else ``;`` when the header has more semicolons than commas.

    >>> delimiter("sep=;\\nid,naam"), delimiter("id;naam"), delimiter("id,naam")
    (';', ';', ',')
    """
    first = text.split("\n", 1)[0].strip()
    if _SEP_LINE.match(first):
        return first[4]
    return ";" if first.count(";") > first.count(",") else ","


def read_csv_text(text: str, *, file: str, kind: str) -> tuple[Sheet, list[Problem]]:
    """One CSV text as a sheet of ``kind``; a malformed line is a located problem."""
    sep, line = delimiter(text), 1
    if _SEP_LINE.match(text.split("\n", 1)[0].strip()):
        text, line = text.split("\n", 1)[1] if "\n" in text else "", 2
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    raw: list[tuple[int, list[Any]]] = []
    offset = line - 1
    try:
        for cells in reader:
            raw.append((line, cells))
            line = offset + reader.line_num + 1
    except csv.Error as exc:
        return Sheet(file, kind, []), [Problem(file, kind, offset + reader.line_num, "", f"not valid CSV ({exc})")]
    return _table(file, kind, raw), []


def read_csv_folder(path: Path) -> tuple[list[Sheet], list[Problem]]:
    """The CSV files of a folder, one per record kind (``deelname.csv``, ...)."""
    sheets, problems = [], []
    for csv_path in sorted(path.glob("*.csv")):
        file = str(csv_path)
        kind, found = kind_of(csv_path.stem, file=file)
        problems += found
        if kind is None:
            continue
        try:
            text, encoding = decode(csv_path.read_bytes())
        except UnicodeDecodeError:
            problems.append(Problem(file, kind, None, "", t("v.encoding")))
            continue
        sheet, found = read_csv_text(text, file=file, kind=kind)
        problems += found + [_encoding_note(file, kind, encoding, delimiter(text))]
        sheets.append(sheet)
    if not sheets and not problems:
        problems.append(Problem(str(path), "", None, "", t("v.no_csv"),
                                t("v.csv_names", names=", ".join(f"{k}.csv" for k in KINDS))))
    return sheets, problems


def _encoding_note(file: str, kind: str, encoding: str, sep: str) -> Problem:
    """Say how a CSV file was read: a warning for Windows-1252, otherwise information."""
    severity = "warning" if encoding == "Windows-1252" else "info"
    return Problem(file, kind, None, "", f"read as {encoding}, delimiter '{sep}'", severity=severity)


# --- yaml ---------------------------------------------------------------------------------------

def read_yaml(path: Path) -> tuple[list[Sheet], list[Problem]]:
    """A YAML mapping of record kind -> list of records (safe loader only; libyaml's when installed,
    about 4x faster than the pure-Python one: half of a 1,000-gemeente build went to YAML parsing)."""
    import yaml

    file = str(path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if _yaml_depth(path.read_bytes(), loader=loader) > MAX_YAML_DEPTH:  # the loader recurses: it would crash
            return [], [Problem(file, "", None, "", t("v.yaml_deep", levels=MAX_YAML_DEPTH))]
        data = yaml.load(path.read_bytes(), Loader=loader)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return [], [Problem(file, "", mark.line + 1 if mark else None, "", t("v.bad_yaml", error=type(exc).__name__))]
    if not isinstance(data, dict):
        return [], [Problem(file, "", None, "", t("v.yaml_mapping"))]
    sheets, problems = [], []
    for name, records in data.items():
        kind, found = kind_of(str(name), file=file)
        problems += found
        if kind is not None:
            sheet, found = _yaml_sheet(file, kind, records)
            sheets.append(sheet)
            problems += found
    return sheets, problems


def _yaml_depth(data: bytes, *, loader: type) -> int:
    """The deepest nesting of collections in a YAML text, from the parser's events (no recursion).

    >>> import yaml
    >>> _yaml_depth(b"a: [1, [2]]", loader=yaml.SafeLoader)
    3
    """
    import yaml

    depth = deepest = 0
    for event in yaml.parse(data, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return deepest


def _yaml_sheet(file: str, kind: str, records: Any) -> tuple[Sheet, list[Problem]]:
    if records is None:
        return Sheet(file, kind, []), []
    if not isinstance(records, list):
        return Sheet(file, kind, []), [Problem(file, kind, None, "", t("v.yaml_list"))]
    sheet, problems = Sheet(file, kind, []), []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            problems.append(Problem(file, kind, number, "", t("v.yaml_record")))
            continue
        for key in record:
            name = header_name(key)
            if name not in sheet.column_rows:
                sheet.column_rows[name] = number
                sheet.header.append(name)
        sheet.rows.append((number, {header_name(k): v for k, v in record.items()}))
    sheet.rows = [(n, [cells.get(h) for h in sheet.header]) for n, cells in sheet.rows]
    return sheet, problems


def _single_file(folder: Path) -> Path | None:
    """The one workbook or YAML file of a folder without CSV files (``data/trajecten/voorbeeld/``)."""
    if any(folder.glob("*.csv")):
        return None
    files = [p for p in folder.iterdir() if p.suffix.lower() in XLSX_SUFFIXES | YAML_SUFFIXES
             and not p.name.startswith(("~$", "."))]
    return files[0] if len(files) == 1 else None


def read_any(path: Path) -> tuple[list[Sheet], list[Problem]]:
    """Read a workbook, a CSV folder or a YAML file, chosen by what ``path`` is."""
    if path.is_dir():
        single = _single_file(path)
        return read_any(single) if single else read_csv_folder(path)
    if not path.is_file():
        return [], [Problem(str(path), "", None, "", t("v.no_path"))]
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(path)
    if suffix in YAML_SUFFIXES:
        return read_yaml(path)
    hint = t("v.csv_folder") if suffix == ".csv" else t("v.formats")
    return [], [Problem(str(path), "", None, "", t("v.cannot_read", what=suffix or path.name), hint)]
