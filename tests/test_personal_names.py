"""Names of people found by their form (graph/ingest/names.py): in free text, practice quotes and reports.

Every name here is invented except the place names, which come from the bundled reference data.
"""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.ingest.names import FIRST_NAMES, find_names, reference_places
from graph.ingest.personal import Detector, redact
from graph.ingest.privacy import PRAKTIJK_TEXT
from graph.settings import DEFAULT_DATA

NAMES = [  # (text, the name found)
    ("Jan de Vries van Dorpsbelang Oost vertelde", "Jan de Vries"),
    ("volgens Anne-Marie Jansen-Bakker", "Anne-Marie Jansen-Bakker"),
    ("wethouder Tjitske van der Meer opende", "Tjitske van der Meer"),
    ("met dhr. Voorbeeldman", "dhr. Voorbeeldman"),
    ("De heer Van den Berg zei", "De heer Van den Berg"),
    ("mevrouw De Boer", "mevrouw De Boer"),
    ("mevr. R. van Voorbeeldhoven, dorpsmanager", "mevr. R. van Voorbeeldhoven"),
    ("Dorpswethouder: Mevr. C. Voorbeeldstra", "Mevr. C. Voorbeeldstra"),
    ("ondertekend door J. Jansen", "J. Jansen"),
    ("J.P. ter Horst en anderen", "J.P. ter Horst"),
    ("dr. H. Bakker onderzocht het", "dr. H. Bakker"),
    ("Sjoerd Hoekstra (dorpsbelang)", "Sjoerd Hoekstra"),
    ("in Anna Paulowna sprak Anna Bakker", "Anna Bakker"),
    ("Het werkt best Jan de Vries te vragen", "Jan de Vries"),  # "best" ends in "st", no "St." before it
    ("vraag het dokter J. de Vries", "J. de Vries"),
]
NOT_NAMES = [
    "Anna Paulowna kreeg een dorpshuis",
    "Sint Anna ter Muiden",
    "de Frans Halsbuurt en de Jan van Scorelbuurt",
    "de steiger bij de M.H. Tromplaan",
    "Prins Hendrik Stichting",
    "plan B. Daarna kwam de dorpsraad",
    "Stap 2. De gemeente betaalt",
    "o.a. Dorpsbelang en de wijkraad",
    "Wil Dorpsbelang meedoen?",
    "jan de vries",  # no capitals: not the form of a name
    "Dorpsbelang Makkum en de Gemeente Súdwest-Fryslân",
    "Ben Je lid van de dorpsraad?",
]


@pytest.mark.parametrize("text,name", NAMES, ids=[n for _, n in NAMES])
def test_finds_a_name_by_its_form(text, name):
    assert [(h.kind, h.text) for h in Detector().find(text)] == [("naam", name)]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_leaves_places_streets_and_sentences_alone(text):
    assert Detector().find(text) == []


def test_redact_leaves_the_rest_of_the_sentence():
    assert redact("Jan de Vries (06-12345678) en mevr. De Boer waren er") == \
        "[verwijderd: naam] ([verwijderd: telefoonnummer]) en [verwijderd: naam] waren er"


def test_no_place_of_the_reference_data_is_taken_for_a_name():
    """Every woonplaats, gemeente (also former), wijk and buurt name, alone and in a sentence."""
    names = list(reference_places())
    assert len(names) > 20_000
    found = [(f, n) for f, n in names if find_names(n) or find_names(f"Het dorp {n} kreeg een budget.")]
    assert found == []


def test_the_bundled_practice_data_names_nobody():
    found = []
    for file, columns in PRAKTIJK_TEXT.items():
        with (DEFAULT_DATA / "praktijk" / file).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                found += [(file, row.get("id"), n.text) for c in columns for n in find_names(row.get(c) or "")]
    assert found == []


def test_the_first_names_are_names_not_words():
    assert len(FIRST_NAMES) > 300
    assert all(n[0].isupper() for n in FIRST_NAMES)
    assert not {"Ben", "Wil", "Roos", "Lot", "Hoop", "Peer"} & FIRST_NAMES  # also ordinary words


def test_a_report_names_nobody_in_its_drafted_lessons(tmp_path):
    report = tmp_path / "verslag.md"
    report.write_text("# Verslag\n\n- Les: Jan de Vries vertelde dat het dorpsbudget in Súdwest-Fryslân goed werkt "
                      "als de dorpsraad zelf beslist.\n- Tip: vraag mevr. De Boer naar het dorpsplan.\n",
                      encoding="utf-8")
    out = tmp_path / "v.xlsx"
    result = CliRunner().invoke(cli, ["verslag", str(report), "--bijeenkomst", "b1", "--out", str(out),
                                      "--datum", "2025-11-25", "--store", str(tmp_path / "geen-store")])
    assert result.exit_code == 0, result.output
    assert "Jan de Vries" not in result.output and "De Boer" not in result.output
    import openpyxl

    cells = [c for row in openpyxl.load_workbook(out)["les"].iter_rows(values_only=True) for c in row if c]
    text = " ".join(map(str, cells))
    assert "[verwijderd: naam]" in text and "Vries" not in text and "Boer" not in text
    assert "GM1900" in text  # the gemeente is still named
