"""CSV tables of the reference and practice data, read strictly, with every problem located.

A :class:`Table` is read once; typed accessors on :class:`Row` check each cell and collect a
:class:`~graph.errors.Problem` (file, row, column, message) instead of raising, so one run reports
every bad cell. Row numbers are as a spreadsheet shows them: the header is row 1.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> _ = path.write_text("code,inwoners\\nGM0001,12\\nGM0002,veel\\n", encoding="utf-8")
>>> table = read_table(path, columns=["code", "inwoners"], name="t.csv")
>>> [row.integer("inwoners") for row in table.rows]
[12, None]
>>> [str(p) for p in table.problems]
["t.csv::3:inwoners: 'veel' is geen geheel getal"]
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable, Sequence

from graph.errors import InputError, Problem

URL_SEPARATOR = " | "  # URL lists in the practice data
LIST_SEPARATOR = ";"  # other lists inside a cell
_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_YEAR = re.compile(r"^[12][0-9]{3}$")
MAX_PROBLEMS_PER_FILE = 50  # a broken file should not bury the message in thousands of lines


@dataclass
class Row:
    """One data row: ``number`` is the spreadsheet row (header = 1)."""

    file: str
    number: int
    values: dict[str, str]
    problems: list[Problem] = field(repr=False)

    def problem(self, column: str, message: str, *, suggestion: str = "") -> None:
        """Record a problem in ``column`` of this row."""
        self.problems.append(Problem(self.file, "", self.number, column, message, suggestion))

    def text(self, column: str, *, required: bool = True) -> str | None:
        """The stripped cell, or ``None`` when empty (a problem when ``required``)."""
        value = (self.values.get(column) or "").strip()
        if not value:
            if required:
                self.problem(column, "waarde ontbreekt")
            return None
        return value

    def _parse(self, column: str, parse, what: str, required: bool):
        value = self.text(column, required=required)
        if value is None:
            return None
        try:
            return parse(value)
        except (ValueError, InvalidOperation):
            self.problem(column, f"{value!r} is geen {what}")
            return None

    def integer(self, column: str, *, required: bool = True, between: tuple[int, int] | None = None) -> int | None:
        """A whole number (an empty cell is ``None``), optionally within ``between`` (inclusive)."""
        value = self._parse(column, _int, "geheel getal", required)
        if value is not None and between and not between[0] <= value <= between[1]:
            self.problem(column, f"{value} ligt niet tussen {between[0]} en {between[1]}")
            return None
        return value

    def decimal(self, column: str, *, required: bool = True) -> Decimal | None:
        """A decimal number with a dot as decimal sign."""
        return self._parse(column, _decimal, "getal (met punt als decimaalteken)", required)

    def year(self, column: str, *, required: bool = True) -> int | None:
        """A four-digit year."""
        return self._parse(column, _year, "jaartal (vier cijfers)", required)

    def date(self, column: str, *, required: bool = True) -> dt.date | None:
        """An ISO date ``YYYY-MM-DD``."""
        return self._parse(column, dt.date.fromisoformat, "datum (JJJJ-MM-DD)", required)

    def matching(self, column: str, pattern: str, what: str, *, required: bool = True) -> str | None:
        """A value that fully matches ``pattern`` (``what`` names the expected form)."""
        value = self.text(column, required=required)
        if value is not None and not _compiled(pattern).fullmatch(value):
            self.problem(column, f"{value!r} is geen {what}")
            return None
        return value

    def choice(self, column: str, allowed: Iterable[str], *, required: bool = True) -> str | None:
        """One of ``allowed``."""
        value = self.text(column, required=required)
        options = sorted(allowed)
        if value is not None and value not in options:
            self.problem(column, f"{value!r} is geen toegestane waarde", suggestion="kies uit " + ", ".join(options))
            return None
        return value

    def items(self, column: str, *, separator: str = LIST_SEPARATOR, required: bool = True) -> list[str]:
        """A list inside a cell (``a;b;c``), stripped, empty parts dropped."""
        value = self.text(column, required=required)
        return [] if value is None else [part.strip() for part in value.split(separator) if part.strip()]

    def urls(self, column: str, *, required: bool = True) -> list[str]:
        """The http(s) URLs of a ``" | "``-separated list; a malformed URL is a problem."""
        urls = self.items(column, separator=URL_SEPARATOR.strip(), required=required)
        for url in urls:
            if not _URL.match(url):
                self.problem(column, f"{url!r} is geen http(s)-URL")
        return [url for url in urls if _URL.match(url)]


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    """``re``'s own cache costs an isinstance check and a lookup per call; this is one dict hit."""
    return re.compile(pattern)


_INTEGER = re.compile(r"-?[0-9]+")


def _int(value: str) -> int:
    if not _INTEGER.fullmatch(value):
        raise ValueError(value)
    return int(value)


def _decimal(value: str) -> Decimal:
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value):
        raise ValueError(value)
    return Decimal(value)


def _year(value: str) -> int:
    if not _YEAR.match(value):
        raise ValueError(value)
    return int(value)


@dataclass
class Table:
    """The rows of one CSV file and the problems found while reading them."""

    file: str
    rows: list[Row]
    problems: list[Problem]

    def raise_problems(self) -> None:
        """Raise :class:`InputError` if any problem was recorded."""
        if self.problems:
            raise InputError(self.problems)

    def reported(self, *, limit: int = MAX_PROBLEMS_PER_FILE) -> list[Problem]:
        """The first ``limit`` problems, and one line saying how many more there are."""
        if len(self.problems) <= limit:
            return list(self.problems)
        rest = Problem(self.file, message=f"en nog {len(self.problems) - limit} problemen in dit bestand")
        return self.problems[:limit] + [rest]


def raise_problems(tables: Iterable[Table], *, first: Sequence[Table] = ()) -> None:
    """Raise :class:`InputError` with the problems of ``tables`` (at most 50 per file).

    When a table in ``first`` (one the others join on) has problems, only those are reported:
    every row that joins on a missing or broken file would otherwise be reported as well.
    """
    broken = [t for t in first if t.problems] or list(tables)
    problems = [p for table in broken for p in table.reported()]
    if problems:
        raise InputError(problems)


def read_table(path: Path, *, columns: Sequence[str], name: str | None = None) -> Table:
    """Read a UTF-8 CSV with a header that holds at least ``columns``.

    A missing or empty file, a missing column, a malformed quote, a truncated row (fewer cells
    than the header) or an overlong row is a problem; the table then holds the rows read so far.
    """
    file = name or path.name
    problems: list[Problem] = []
    table = Table(file, [], problems)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(file, message=f"bestand ontbreekt ({path})"))
        return table
    except UnicodeDecodeError as err:
        problems.append(Problem(file, message=f"bestand is geen UTF-8 (byte {err.start})"))
        return table
    _read_rows(text, columns, table)
    return table


def _read_rows(text: str, columns: Sequence[str], table: Table) -> None:
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    number = 0
    try:
        header = next(reader, None)
        number = 1
        if not header:
            table.problems.append(Problem(table.file, "", 1, "", "bestand is leeg (geen kopregel)"))
            return
        header = [h.strip().lstrip("\ufeff") for h in header]
        missing = [c for c in columns if c not in header]
        for column in missing:
            table.problems.append(Problem(table.file, "", 1, column, "kolom ontbreekt in de kopregel"))
        if missing:
            return
        cells: list[str] = header
        for cells in reader:
            number += 1
            _add_row(cells, header, number, table)
        if not text.endswith(("\n", "\r")) and number > 1:
            # our data files end with a line break; without it the last row may have been cut off
            column = header[min(len(cells), len(header)) - 1]
            message = "rij is mogelijk afgekapt: het bestand eindigt zonder regeleinde"
            table.problems.append(Problem(table.file, "", number, column, message))
    except csv.Error as err:
        table.problems.append(Problem(table.file, "", number + 1, "", f"onleesbare CSV: {err}"))


def _add_row(cells: list[str], header: list[str], number: int, table: Table) -> None:
    if not cells:
        return  # a blank line
    if len(cells) < len(header):
        column = header[len(cells)]
        message = f"rij is afgekapt: {len(cells)} van {len(header)} velden"
        table.problems.append(Problem(table.file, "", number, column, message))
        return
    if len(cells) > len(header):
        message = f"rij heeft {len(cells)} velden, de kopregel {len(header)}"
        table.problems.append(Problem(table.file, "", number, "", message))
        return
    table.rows.append(Row(table.file, number, dict(zip(header, cells)), table.problems))
