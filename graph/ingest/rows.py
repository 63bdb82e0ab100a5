"""Rows -> models: every cell validated, every problem located at file:sheet:row:column.

>>> from graph.ingest.readers import Sheet
>>> sheet = Sheet("t.csv", "actie", ["id", "vraagstuk", "titel", "deadline", "kleur"],
...               [(2, ["a1", "v1", "Bellen", "31-02-2019", "rood"])])
>>> records, problems = validate_sheet(sheet, resolver=None)
>>> for p in problems: print(p)
t.csv:actie:1:kleur: onbekende kolom 'kleur'; bekend: id, vraagstuk, titel, eigenaar_rol, deadline, status, afgerond
t.csv:actie:2:deadline: '31-02-2019' is geen geldige datum: februari 2019 heeft 28 dagen
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from pydantic import ValidationError

from graph.errors import Problem
from graph.ingest.readers import SCALARS, Sheet
from graph.ingest.fields import Resolver
from graph.ingest.models import KINDS, Record, columns, required_columns
from graph.messages import t

Located = tuple[int, Record]  # (row number, validated record)


def check_header(sheet: Sheet) -> list[Problem]:
    """Unknown, duplicate and missing columns: one problem each, at the header row."""
    known, problems, seen = columns(sheet.kind), [], set()
    for name in sheet.header:
        row = sheet.column_rows.get(name, 1)
        if not name:
            continue
        if name in seen:
            problems.append(Problem(sheet.file, sheet.kind, row, name, t("v.column_twice", name=name)))
        elif name not in known:
            near = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = t("v.did_you_mean", options=near[0]) if near else t("v.known", names=", ".join(known))
            problems.append(Problem(sheet.file, sheet.kind, row, name, t("v.column_unknown", name=name), hint))
        seen.add(name)
    header_row = min(sheet.column_rows.values(), default=1)
    for name in required_columns(sheet.kind):
        if name not in seen and sheet.rows:
            problems.append(Problem(sheet.file, sheet.kind, header_row, name, t("v.column_missing", name=name)))
    return problems


def validate_sheet(sheet: Sheet, *, resolver: Resolver | None) -> tuple[list[Located], list[Problem]]:
    """The valid records of a sheet with their row numbers, and the problems of the others."""
    problems = check_header(sheet)
    known = set(columns(sheet.kind)) & set(sheet.header)
    model = KINDS[sheet.kind]
    records: list[Located] = []
    for row, cells in sheet.rows:
        values, found = _cells(sheet, row, cells, known)
        problems += found
        context: dict[str, Any] = {"resolver": resolver, "warnings": []}
        try:
            records.append((row, model.model_validate(values, context=context)))
        except ValidationError as exc:
            problems += [_problem(sheet, row, err) for err in exc.errors() if _reported(err, sheet)]
        problems += [Problem(sheet.file, sheet.kind, row, col, msg, hint, severity="warning")
                     for col, msg, hint in context["warnings"]]
    return records, problems


def _cells(sheet: Sheet, row: int, cells: list[Any], known: set[str]) -> tuple[dict[str, Any], list[Problem]]:
    """The filled cells of known columns; cells that are not single values are problems."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for index, cell in enumerate(cells):
        name = sheet.header[index] if index < len(sheet.header) else ""
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        if not name:
            problems.append(Problem(sheet.file, sheet.kind, row, f"#{index + 1}", t("v.no_header")))
        elif name in known and not _plain(cell):
            problems.append(Problem(sheet.file, sheet.kind, row, name, t("v.not_plain")))
        elif name in known:
            values[name] = cell
    return values, problems


def _plain(cell: Any) -> bool:
    if isinstance(cell, list):
        return all(isinstance(c, SCALARS) and not isinstance(c, (list, dict)) for c in cell)
    if isinstance(cell, float):
        return cell == cell and abs(cell) != float("inf")
    return isinstance(cell, SCALARS) and not isinstance(cell, dt.time)


def _reported(err: dict[str, Any], sheet: Sheet) -> bool:
    """Skip 'missing' for a column that is missing from the header (reported once there)."""
    return not (err["type"] == "missing" and err["loc"] and err["loc"][0] not in sheet.header)


def _problem(sheet: Sheet, row: int, err: dict[str, Any]) -> Problem:
    ctx = err.get("ctx") or {}
    column = str(err["loc"][0]) if err["loc"] else ctx.get("column", "")
    message, hint = _message(err), ctx.get("suggestion", "")
    if err["type"] == "literal_error":
        options = [o.strip(" '") for o in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
        near = difflib.get_close_matches(str(err["input"]).strip().lower(), options, n=3, cutoff=0.5)
        hint = t("v.did_you_mean", options=t("v.or").join(near)) if near else ""
    return Problem(sheet.file, sheet.kind, row, column, message, hint)


def _message(err: dict[str, Any]) -> str:
    kind, value = err["type"], err.get("input")
    if kind == "missing":
        return t("v.required")
    if kind == "literal_error":
        return t("v.not_one_of", text=value, options=err["ctx"]["expected"].replace(chr(39), "").replace(" or ", t("v.or")))
    if kind in ("greater_than_equal", "less_than_equal"):
        return t("v.out_of_range", text=value, detail=err["msg"].lower())
    if kind.startswith(("string_", "list_", "int_", "bool_", "date_", "decimal_", "model_")):
        return f"{err['msg']} (got '{value}')"
    return err["msg"]
