"""The 25 questions users bring, each answered by a canned query or an analysis function.

Researchers (R), participants (P) and facilitators (F) asked these questions of the graph. Each
:class:`Vraag` names how it is answered (a canned query in ``graph/queries/`` with its parameters,
or a function here where SPARQL is not the tool), how complete the answer is (``status``) and, where
the data cannot answer it fully, what is missing. :func:`answer` runs one question on a store;
:func:`vragen_markdown` writes ``docs/vragen.md`` from the answers on the bundled data
(``python -m graph.vragen --store DIR``), and a test checks that the file matches.

>>> [v.id for v in VRAGEN][:3], len(VRAGEN)
(['R1', 'R2', 'R3'], 25)
>>> sum(v.status != NIET for v in VRAGEN) >= 20
True
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from graph.vragen.lijst import BEANTWOORD, DEELS, NIET, VRAGEN, Vraag

__all__ = ["Antwoord", "BEANTWOORD", "DEELS", "NIET", "VRAGEN", "Vraag", "answer", "vragen_markdown"]
SHOWN_ROWS = 12  # rows of an answer shown in docs/vragen.md
CELL_CHARS = 90  # characters of a cell shown in docs/vragen.md
_GROUP_CONCAT = re.compile(r'GROUP_CONCAT\(.*?separator="([^"]+)"\)\s+AS\s+\?(\w+)', re.S)


@dataclass(frozen=True)
class Antwoord:
    """The rows of one answer: column names and plain values."""

    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def column(self, name: str) -> list[Any]:
        return [r.get(name) for r in self.rows]


def answer(vraag: Vraag, store: Any) -> Antwoord:
    """Run ``vraag`` on ``store``: its canned query (with its parameters) or its analysis function."""
    if vraag.query:
        from graph.sparql import get_canned, run_canned

        result = run_canned(vraag.query, params=vraag.params, store=store, max_rows=100_000)
        lists = _concatenated(get_canned(vraag.query).text)
        return Antwoord(list(result.columns), [_sorted_lists(dict(r), lists) for r in result.records()])
    return FUNCTIONS[vraag.functie](store, **vraag.params)


def _concatenated(text: str) -> dict[str, str]:
    """Column -> separator of every ``GROUP_CONCAT(...; separator="x") AS ?column`` in a query."""
    return {m.group(2): m.group(1) for m in _GROUP_CONCAT.finditer(text)}


def _sorted_lists(row: dict[str, Any], lists: dict[str, str]) -> dict[str, Any]:
    """GROUP_CONCAT gives its parts in no fixed order: sort them, so an answer reads the same every run."""
    for column, separator in lists.items():
        if isinstance(row.get(column), str):
            row[column] = separator.join(sorted(row[column].split(separator)))
    return row


def tafels(store: Any, *, traject: str = "voorbeeld", size: tuple[int, int] = (3, 4)) -> Antwoord:
    """F1: the participants of a trajectory in tables of 3 to 4 that share most vraagstukken and themes."""
    from graph.analysis.groups import learning_groups
    from graph.analysis.load import project

    proposal = learning_groups(project(store, traject=traject), size=size)
    rows = [{"tafel": g.number, "gemeenten": "; ".join(r.label for r in g.gemeenten),
             "gedeeld": "; ".join(s.label for s in g.shared[:4])} for g in proposal.groups]
    return Antwoord(["tafel", "gemeenten", "gedeeld"], rows)


def intake(store: Any, *, gemeente: str = "GM1966") -> Antwoord:
    """F3: the intake summary of a gemeente in one row per part (reference, practice, trajectory)."""
    from graph.summaries import intake_summary

    s = intake_summary(store, gemeente)
    instrumenten = sorted({t.instrument for t in s.toepassingen})
    rows = [
        {"onderdeel": "gemeente", "waarde": f"{s.gemeente.naam} ({s.gemeente.code}), {s.provincie}"},
        {"onderdeel": "inwoners", "waarde": s.inwoners},
        {"onderdeel": "kernen (BAG-woonplaatsen)", "waarde": s.kernen_bag},
        {"onderdeel": "kerntellingen uit bronnen", "waarde": "; ".join(f"{k.aantal} {k.wat}" for k in s.kerntellingen)},
        {"onderdeel": "herindelingen", "waarde": len(s.herindelingen)},
        {"onderdeel": "toepassingen", "waarde": f"{len(s.toepassingen)}: " + "; ".join(instrumenten)},
        {"onderdeel": "traject", "waarde": s.traject.label if s.traject else ""},
        {"onderdeel": "vraagstukken en projecten in het traject", "waarde": len(s.work)},
    ]
    return Antwoord(["onderdeel", "waarde"], rows)


FUNCTIONS: dict[str, Callable[..., Antwoord]] = {"tafels": tafels, "intake": intake}


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    text = text if len(text) <= CELL_CHARS else text[:CELL_CHARS - 1] + "…"
    return text.replace("|", "\\|").replace("\n", " ")


def _table(a: Antwoord) -> list[str]:
    lines = ["| " + " | ".join(a.columns) + " |", "|" + "---|" * len(a.columns)]
    lines += ["| " + " | ".join(_cell(r.get(c)) for c in a.columns) + " |" for r in a.rows[:SHOWN_ROWS]]
    if len(a.rows) > SHOWN_ROWS:
        lines.append(f"\n… en nog {len(a.rows) - SHOWN_ROWS} rijen ({len(a.rows)} in totaal).")
    return lines


def _how(v: Vraag) -> str:
    params = ", ".join(f"`{k}={val}`" for k, val in v.params.items())
    if v.query:
        return f"vaste query `{v.query}`" + (f" met {params}" if params else "") + \
            f" (`kernen query --name {v.query}`, bestand `graph/sparql/queries/{v.query}.rq`)"
    return f"analysefunctie `graph.vragen.{v.functie}`" + (f" met {params}" if params else "")


def _section(v: Vraag, a: Antwoord) -> list[str]:
    lines = [f"## {v.id}. {v.vraag_nl}", "", f"*{v.vraag_en}*", "",
             f"- Status: **{v.status}**", f"- Antwoord via: {_how(v)}"]
    if v.toelichting:
        lines.append(f"- Toelichting: {v.toelichting}")
    if v.ontbreekt:
        lines.append(f"- Wat ontbreekt: {v.ontbreekt}")
    lines += ["", f"Antwoord op de meegeleverde data ({len(a.rows)} rijen):", ""]
    return lines + (_table(a) if a.rows else ["(geen rijen)"]) + [""]


def vragen_markdown(store: Any, *, answers: dict[str, Antwoord] | None = None) -> str:
    """``docs/vragen.md``: every question with status, how it is answered and its answer on ``store``.

    ``answers`` (question id -> answer) saves running the questions again.
    """
    counts = {s: sum(v.status == s for v in VRAGEN) for s in (BEANTWOORD, DEELS, NIET)}
    lines = [
        "# De 25 vragen van gebruikers, beantwoord uit de graaf", "",
        "Gegenereerd met `python -m graph.vragen --store DIR` op de meegeleverde data (referentie, praktijk en het "
        "fictieve voorbeeldtraject); `tests/test_vragen.py` controleert dat dit bestand gelijk is aan wat de code "
        "geeft. Rijen uit het voorbeeldtraject zijn fictief en staan zo gemarkeerd (kolom `fictief` of "
        "\"(fictief)\").", "",
        f"Status: {counts[BEANTWOORD]} beantwoord, {counts[DEELS]} deels beantwoord, {counts[NIET]} niet te "
        "beantwoorden met de huidige data (wat ontbreekt staat erbij).", "",
    ]
    for v in VRAGEN:
        lines += _section(v, answers[v.id] if answers else answer(v, store))
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Schrijf docs/vragen.md uit een store.")
    parser.add_argument("--store", required=True)
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent.parent / "docs" / "vragen.md"))
    args = parser.parse_args(argv)
    from graph.store import open_store

    with open_store(args.store) as store:
        Path(args.out).write_text(vragen_markdown(store), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
