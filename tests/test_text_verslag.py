"""``kernen verslag``: the known lessons of three fictional reports are found, the workbook validates,
personal data stays out."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.ingest import errors_in, validate_paths
from graph.settings import DEFAULT_DATA
from graph.text.report_reader import read_blocks
from graph.text.verslag import candidates, redact
from graph.text.verslag_file import draft_workbook

REPORTS = Path(__file__).parent / "data" / "verslagen"
KEYS = sorted(REPORTS.glob("*.json"))
MEETING = {"werkbezoek-peel-en-maas": {"soort": "werkbezoek", "gastgemeente": "Peel en Maas"}}


def _report(key: Path) -> Path:
    return next(p for p in REPORTS.glob(key.stem + ".*") if p.suffix in (".md", ".txt", ".docx"))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _matches(key: Path):
    """(known lessons, found candidates, known -> found match) for one report."""
    known = json.loads(key.read_text(encoding="utf-8"))["lessen"]
    found = candidates(read_blocks(_report(key)), data_dir=DEFAULT_DATA)
    match = {n: next((c for c in found if _flat(k["fragment"]) in _flat(c.text)), None) for n, k in enumerate(known)}
    return known, found, match


@pytest.mark.parametrize("key", KEYS, ids=[k.stem for k in KEYS])
def test_at_least_80_percent_of_the_known_lessons_are_found(key):
    known, _, match = _matches(key)
    assert sum(m is not None for m in match.values()) >= 0.8 * len(known)


@pytest.mark.parametrize("key", KEYS, ids=[k.stem for k in KEYS])
def test_at_most_one_false_lesson_in_four(key):
    _, found, match = _matches(key)
    true = {id(m) for m in match.values() if m is not None}
    false = [c.text for c in found if id(c) not in true]
    assert len(false) <= 0.25 * len(found), false


@pytest.mark.parametrize("key", KEYS, ids=[k.stem for k in KEYS])
def test_the_gemeenten_of_found_lessons_are_the_known_ones(key):
    known, _, match = _matches(key)
    for n, found in match.items():
        if found is not None:
            assert list(found.gemeenten) == known[n]["gemeenten"], known[n]["fragment"]


@pytest.mark.parametrize("key", KEYS, ids=[k.stem for k in KEYS])
def test_the_workbook_passes_validate_and_holds_no_personal_data(key, tmp_path):
    out = tmp_path / "concept.xlsx"
    meeting = MEETING.get(key.stem, {"soort": "regionale-uitwisseling"})
    draft_workbook(_report(key), out, bijeenkomst="b-1", datum=date(2025, 6, 3), data_dir=DEFAULT_DATA, **meeting)
    assert errors_in(validate_paths([out], data_dir=DEFAULT_DATA)) == []
    cells = [str(c) for row in openpyxl.load_workbook(out)["les"].iter_rows(values_only=True) for c in row if c]
    assert not [c for c in cells if re.search(r"@|\d{3}-\d{7}|\d{2}-\d{8}", c)]
    assert len([row for row in openpyxl.load_workbook(out)["les"].iter_rows(min_row=2) if row[0].value]) >= 6


def test_redact_removes_e_mail_and_phone_numbers():
    assert redact("Piet (piet.voorbeeld@example.org, 020-1234567) en +31 6 12345678") == \
        ("Piet ([verwijderd: e-mailadres], [verwijderd: telefoonnummer]) en [verwijderd: telefoonnummer]", 3)


def test_a_former_gemeente_is_read_as_its_successor_with_a_note():
    found = candidates(read_blocks(REPORTS / "regio-noord.md"), data_dir=DEFAULT_DATA)
    zuidhorn = next(c for c in found if "Zuidhorn werkte" in c.text)
    assert zuidhorn.gemeenten == ("GM1969",)
    assert zuidhorn.notes == ("'Zuidhorn' is een voormalige gemeente; gelezen als opvolger Westerkwartier (GM1969)",)
    from graph.messages import language

    with language("en"):
        english = candidates(read_blocks(REPORTS / "regio-noord.md"), data_dir=DEFAULT_DATA)
    assert next(c for c in english if "Zuidhorn werkte" in c.text).notes == (
        "'Zuidhorn' is a former gemeente; read as its successor Westerkwartier (GM1969)",)


def test_cli_writes_the_workbook_and_explains_in_dutch_or_english(tmp_path):
    out = tmp_path / "v.xlsx"
    args = ["verslag", str(REPORTS / "slotbijeenkomst.docx"), "--bijeenkomst", "slot", "--out", str(out),
            "--soort", "slotbijeenkomst", "--datum", "2025-11-25", "--store", str(tmp_path / "geen-store")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("7 conceptlessen uit slotbijeenkomst.docx geschreven naar v.xlsx")
    assert "slot-les-01: " in result.output and " -> " in result.output
    again = CliRunner().invoke(cli, args + ["--lang", "en"])
    assert again.exit_code != 0 and "--force" in again.output
    english = CliRunner().invoke(cli, args + ["--lang", "en", "--force"])
    assert english.output.startswith("7 draft lessons from slotbijeenkomst.docx written to v.xlsx")


def test_a_word_table_of_lessons_is_read_row_by_row(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_heading("Geleerde lessen (fictief)", level=1)
    table = doc.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, [("Gemeente", "Les"), ("Altena", "Dorpen kiezen zelf hun vorm van overleg"),
                                       ("Molenlanden", "Betrek dorpen vroeg bij keuzes over hun budget")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    doc.add_paragraph("De lunch was om 12.30 uur.")
    path = tmp_path / "tabel.docx"
    doc.save(path)
    found = candidates(read_blocks(path), data_dir=DEFAULT_DATA)
    assert [(c.title, c.gemeenten) for c in found] == [
        ("Dorpen kiezen zelf hun vorm van overleg", ("GM1959",)),
        ("Betrek dorpen vroeg bij keuzes over hun budget", ("GM1978",))]


def test_a_split_former_gemeente_is_only_noted_and_lowercase_words_are_no_names():
    from graph.text.verslag import gemeenten_in

    codes, notes = gemeenten_in("In Littenseradiel en Sneek werkte het dorpsbudget.", data_dir=DEFAULT_DATA)
    assert codes == ("GM1900",)
    assert notes[0].startswith("'Littenseradiel' is een voormalige gemeente (Littenseradiel), verdeeld over meer "
                               "gemeenten; noem de huidige gemeente: Leeuwarden (GM0080) of ")
    assert gemeenten_in("Dat werkt het best als de buren meedoen.", data_dir=DEFAULT_DATA) == ((), ())
