"""User-facing errors with a location: file, sheet, row, column, message, suggestion.

Every reader and loader reports bad input as :class:`Problem` records inside an
:class:`InputError`; the CLI prints one line per problem and exits 1.

>>> p = Problem("deelnemers.csv", "deelname", 4, "gemeente", "'Sudwest Fryslan' is not a gemeente",
...             suggestion="did you mean Súdwest-Fryslân (GM1900)?")
>>> str(p)
"deelnemers.csv:deelname:4:gemeente: 'Sudwest Fryslan' is not a gemeente; did you mean Súdwest-Fryslân (GM1900)?"
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem in an input file. ``row`` is the 1-based row as the user sees it."""

    file: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    message: str = ""
    suggestion: str = ""
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        row = "" if self.row is None else str(self.row)
        text = f"{self.file}:{self.sheet}:{row}:{self.column}: {self.message}"
        return f"{text}; {self.suggestion}" if self.suggestion else text


class InputError(ValueError):
    """Bad input: one or more located problems. Nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = [p for p in problems if p.severity == "error"] or list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
