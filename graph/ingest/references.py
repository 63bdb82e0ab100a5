"""Checks across records: one traject, unique ids, and references that point at something.

A lesson pointing at a missing meeting, an action pointing at a missing vraagstuk or a project of
a gemeente that does not take part is an error at the referring cell, with a suggestion.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from graph.errors import Problem
from graph.ingest.rows import Located
from graph.messages import t

# (kind, column) -> the kind whose ids it must name; "deelname" means a taking-part gemeente.
REFERENCES: dict[tuple[str, str], str] = {
    ("project", "gemeente"): "deelname",
    ("vraagstuk", "gemeente"): "deelname",
    ("vraagstuk", "project"): "project",
    ("actie", "vraagstuk"): "vraagstuk",
    ("aanwezigheid", "bijeenkomst"): "bijeenkomst",
    ("les", "bijeenkomst"): "bijeenkomst",
    ("uitkomst", "gemeente"): "deelname",
    ("uitkomst", "project"): "project",
    ("uitkomst", "les"): "les",
}
UNIQUE: dict[str, Callable[[object], object]] = {
    "traject": lambda r: r.id,
    "deelname": lambda r: r.gemeente,
    "project": lambda r: r.id,
    "vraagstuk": lambda r: r.id,
    "actie": lambda r: r.id,
    "bijeenkomst": lambda r: r.id,
    "aanwezigheid": lambda r: (r.bijeenkomst, r.gemeente),
    "les": lambda r: r.id,
    "uitkomst": lambda r: r.id,
    "thema": lambda r: r.slug,
}


def check_references(records: dict[str, list[Located]], *, files: dict[str, str],
                     failed: dict[str, set[str]] | None = None) -> list[Problem]:
    """All cross-record problems; ``files`` names the file each kind was read from.

    ``failed`` holds, per kind, the raw keys of rows that already failed validation: references to
    them are not reported again (and with any failed deelname row, gemeente references are not checked).
    """
    failed = failed or {}
    problems = [] if failed.get("traject") else _one_traject(records.get("traject", []), files["traject"])
    for kind, key in UNIQUE.items():
        problems += _duplicates(kind, records.get(kind, []), key, files.get(kind, ""))
    for (kind, column), target in REFERENCES.items():
        if target == "deelname" and failed.get("deelname"):
            continue
        known = _keys(target, records.get(target, [])) | failed.get(target, set())
        for row, record in records.get(kind, []):
            value = getattr(record, column)
            if value is not None and value not in known:
                problems.append(_broken(files.get(kind, ""), kind, row, column, value, target, known))
    return problems


def _keys(kind: str, located: Iterable[Located]) -> set[str]:
    return {r.gemeente if kind == "deelname" else r.id for _, r in located}


def _one_traject(located: list[Located], file: str) -> list[Problem]:
    if not located:
        return [Problem(file, "traject", None, "", t("v.no_traject"))]
    return [Problem(file, "traject", row, "", t("v.one_traject")) for row, _ in located[1:]]


def _duplicates(kind: str, located: list[Located], key: Callable, file: str) -> list[Problem]:
    first: dict[object, int] = {}
    problems = []
    for row, record in located:
        value = key(record)
        if value in first:
            shown = "/".join(value) if isinstance(value, tuple) else value
            problems.append(Problem(file, kind, row, "", t("v.twice", shown=shown, row=first[value])))
        first.setdefault(value, row)
    return problems


def _broken(file: str, kind: str, row: int, column: str, value: str, target: str, known: set[str]) -> Problem:
    if target == "deelname":
        return Problem(file, kind, row, column, t("v.not_participant", value=value), t("v.add_deelname"))
    near = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.5)
    hint = t("v.did_you_mean", options=near[0]) if near else ""
    return Problem(file, kind, row, column, t("v.missing_target", target=target, value=value), hint)
