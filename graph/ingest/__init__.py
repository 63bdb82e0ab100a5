"""Trajectory input: read a workbook, CSV folder or YAML file, validate it, resolve its references.

>>> from graph.settings import DEFAULT_DATA
>>> trajectory, warnings = load_trajectory(DEFAULT_DATA / "trajecten" / "voorbeeld" / "voorbeeld.xlsx",
...                                        data_dir=DEFAULT_DATA)
>>> trajectory.slug, trajectory.traject.fictief, len(trajectory.deelname)
('voorbeeld', True, 12)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from graph.errors import InputError, Problem
from graph.ingest.privacy import PersonalCheck, check_records, redact_records
from graph.ingest.readers import Sheet, read_any
from graph.ingest.references import check_references
from graph.ingest.resolve import OwnThemes, load_resolver
from graph.ingest.rows import Located, validate_sheet
from graph.ingest.models import KINDS, Trajectory
from graph.messages import t
from graph.perf import paused_gc

__all__ = ["load_trajectory", "read_trajectory", "validate_paths", "validate_inputs", "errors_in", "PersonalCheck"]


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are errors (not warnings or information)."""
    return [p for p in problems if p.severity == "error"]


def read_trajectory(path: Path, *, data_dir: Path,
                    personal: PersonalCheck | None = None) -> tuple[Trajectory | None, list[Problem]]:
    """The trajectory in ``path`` (None if it has errors) and every problem found, in file order.

    ``personal``: what to do with personal data in free text (default: each hit is an error).
    """
    with paused_gc():  # many small objects, few cycles: collections would walk them all, again and again
        return _read_trajectory(path, data_dir=data_dir, personal=personal or PersonalCheck())


def _read_trajectory(path: Path, *, data_dir: Path,
                     personal: PersonalCheck) -> tuple[Trajectory | None, list[Problem]]:
    sheets, problems = read_any(Path(path))
    resolver = load_resolver(Path(data_dir).resolve())
    records: dict[str, list[Located]] = {}
    failed: dict[str, set[str]] = {}
    files: dict[str, str] = {kind: str(path) for kind in KINDS}
    for sheet in sorted(sheets, key=lambda s: s.kind != "thema"):  # own themes first: the others use them
        if sheet.kind in records:
            problems.append(Problem(sheet.file, sheet.kind, None, "", t("v.kind_twice", kind=sheet.kind)))
            continue
        files[sheet.kind] = sheet.file
        records[sheet.kind], found = validate_sheet(sheet, resolver=resolver)
        failed[sheet.kind] = _failed_keys(sheet, records[sheet.kind])
        problems += found
        if sheet.kind == "thema":
            problems += _national_clashes(sheet, records["thema"], resolver)
            resolver = OwnThemes(resolver, [record for _, record in records["thema"]])
    if not sheets:
        return None, problems or [Problem(str(path), "", None, "", t("v.no_records"))]
    problems += check_references(records, files=files, failed=failed)
    if personal.redact:
        records = redact_records(records, personal)
    else:
        problems += check_records(records, files=files, lang=personal.lang)
    if errors_in(problems):
        return None, problems
    return _assemble(records), problems


def _national_clashes(sheet: Sheet, themes: list[Located], resolver) -> list[Problem]:
    """Own themes whose slug is already a national theme: use that one, or choose another slug."""
    return [Problem(sheet.file, sheet.kind, row, "slug",
                    t("v.national_clash", slug=theme.slug))
            for row, theme in themes if resolver.resolve("thema", theme.slug).value == theme.slug]


def _failed_keys(sheet: Sheet, valid: list[Located]) -> set[str]:
    """The raw ids of rows that failed, so references to them are not reported a second time."""
    passed = {row for row, _ in valid}
    rows = {row for row, _ in sheet.rows} - passed
    column = "gemeente" if sheet.kind == "deelname" else "id"
    if column not in sheet.header:
        return {"?"} if rows else set()
    at = sheet.header.index(column)
    return {str(cells[at]).strip() if at < len(cells) else "?" for n, cells in sheet.rows if n in rows}


def _assemble(records: dict[str, list[Located]]) -> Trajectory:
    values = {kind: tuple(record for _, record in located) for kind, located in records.items()}
    return Trajectory(traject=values.pop("traject")[0], **values)


def load_trajectory(path: Path, *, data_dir: Path,
                    personal: PersonalCheck | None = None) -> tuple[Trajectory, list[Problem]]:
    """The validated trajectory and its warnings; :class:`InputError` with *all* errors otherwise."""
    trajectory, problems = read_trajectory(path, data_dir=data_dir, personal=personal)
    if trajectory is None:
        raise InputError(errors_in(problems) or problems)
    return trajectory, [p for p in problems if p.severity != "error"]


def validate_paths(paths: Iterable[Path], *, data_dir: Path, lang: str = "nl") -> list[Problem]:
    """Every problem (errors, warnings, information) in the given inputs; two inputs may not share a slug."""
    return validate_inputs(paths, data_dir=data_dir, lang=lang)[0]


def validate_inputs(paths: Iterable[Path], *, data_dir: Path,
                    lang: str = "nl") -> tuple[list[Problem], list[Trajectory]]:
    """Every problem in the given inputs, and the trajectories that are valid."""
    problems: list[Problem] = []
    slugs: dict[str, Path] = {}
    valid: list[Trajectory] = []
    for path in paths:
        trajectory, found = read_trajectory(Path(path), data_dir=data_dir, personal=PersonalCheck(lang=lang))
        problems += found
        if trajectory is not None and trajectory.slug in slugs:
            problems.append(Problem(str(path), "traject", None, "id",
                                    t("v.slug_used", slug=trajectory.slug, path=slugs[trajectory.slug])))
        elif trajectory is not None:
            slugs[trajectory.slug] = Path(path)
            valid.append(trajectory)
    return problems, valid
