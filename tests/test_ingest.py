"""Ingest: one test per file in tests/data/invalid and tests/data/valid; readers; resolution; the CLI."""

from __future__ import annotations

import sys

from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.errors import InputError
from graph.ingest import errors_in, load_trajectory, read_trajectory, validate_paths
from graph.ingest.readers import decode, delimiter, read_any
from graph.ingest.resolve import THEMAS_SOURCES, THEMAS_TTL, _themas_sources, _themas_ttl, load_resolver, normalise
from graph.settings import ROOT
from graph.settings import DEFAULT_DATA

DATA = Path(__file__).resolve().parent / "data"
INVALID = DATA / "invalid"
VALID = DATA / "valid"
VOORBEELD = DEFAULT_DATA / "trajecten" / "voorbeeld"
INVALID_CASES = sorted(INVALID.glob("*.expected"))
VALID_CASES = sorted(p for group in VALID.iterdir() if group.is_dir() for p in group.iterdir())


def _input_of(expected: Path) -> Path:
    """The case next to its ``.expected`` file: a folder or a file with the same stem."""
    found = [p for p in INVALID.iterdir() if p.stem == expected.stem and p.suffix != ".expected"]
    assert len(found) == 1, f"no single input for {expected.name}: {found}"
    return found[0]


@pytest.mark.parametrize("expected", INVALID_CASES, ids=[p.stem for p in INVALID_CASES])
def test_invalid_case(expected, monkeypatch):
    monkeypatch.chdir(INVALID)
    case = Path(_input_of(expected).name)
    with pytest.raises(InputError) as info:
        load_trajectory(case, data_dir=DEFAULT_DATA)
    got = sorted(str(p) for p in info.value.problems)
    assert got == sorted(expected.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("case", VALID_CASES, ids=[f"{p.parent.name}/{p.name}" for p in VALID_CASES])
def test_valid_case(case):
    trajectory, warnings = load_trajectory(case, data_dir=DEFAULT_DATA)
    assert trajectory.slug == case.parent.name
    assert not errors_in(warnings)


def test_invalid_cases_exist():
    assert len(INVALID_CASES) >= 20 and len(VALID_CASES) >= 6


def test_demo_workbook_gets_one_line_per_mistake():
    """The acceptance case: misspelled gemeente, 31-02-2019, missing meeting, unknown column; exit 1."""
    result = CliRunner().invoke(cli, ["validate", str(INVALID / "demo-vier-fouten.xlsx")])
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1
    assert [line.split(":", 4)[1:4] for line in lines[:4]] == [
        ["deelname", "2", "gemeente"], ["bijeenkomst", "2", "datum"], ["les", "1", "kleur"], ["les", "3", "bijeenkomst"]]
    assert "bedoelt u Súdwest-Fryslân (GM1900)?" in lines[0]
    assert lines[-1] == "ongeldig: 4 fout(en), 0 waarschuwing(en) in 1 invoer"


def test_validate_valid_input_exits_0_with_summary(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))
    from voorbeeld_data import records

    result = CliRunner().invoke(cli, ["validate", str(VOORBEELD), "--store", str(tmp_path / "geen-store")])
    assert result.exit_code == 0, result.output
    from graph.ingest.models import KINDS

    counts = ", ".join(f"{len(records().get(kind, []))} {kind}" for kind in KINDS if kind != "traject")
    assert result.output == (f"traject voorbeeld: {counts}\n"
                             "traject voorbeeld: nog niet in de store (alles nieuw)\n"
                             "geldig: 1 invoer, 0 fouten, 0 waarschuwing(en)\n")


def test_validate_reports_the_csv_encoding():
    result = CliRunner().invoke(cli, ["validate", str(VALID / "voorbeeld" / "csv-cp1252")])
    assert result.exit_code == 0
    assert f"waarschuwing: {VALID / 'voorbeeld' / 'csv-cp1252' / 'les.csv'}:les::: read as Windows-1252, delimiter ';'" \
        in result.output.splitlines()


def test_all_problems_not_just_the_first(tmp_path):
    (tmp_path / "t.yaml").write_text(
        "traject: [{id: t, naam: T}]\n"
        "deelname: [{gemeente: Nergenshuizen}, {gemeente: Altena, aantal_kernen: -1}, {gemeente: GM1900, x: 1}]\n",
        encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_trajectory(tmp_path / "t.yaml", data_dir=DEFAULT_DATA)
    assert [(p.row, p.column) for p in info.value.problems] == [
        (3, "x"), (1, "gemeente"), (2, "aantal_kernen")]


def test_former_gemeente_is_a_warning(tmp_path):
    (tmp_path / "t.yaml").write_text("traject: [{id: t, naam: T}]\ndeelname: [{gemeente: Zuidhorn}]\n",
                                     encoding="utf-8")
    trajectory, warnings = load_trajectory(tmp_path / "t.yaml", data_dir=DEFAULT_DATA)
    assert trajectory.deelname[0].gemeente == "GM1969"
    assert [str(w) for w in warnings] == [
        f"{tmp_path / 't.yaml'}:deelname:1:gemeente: 'Zuidhorn' is een voormalige gemeente; gelezen als opvolger "
        "Westerkwartier (GM1969)"]
    assert warnings[0].severity == "warning"


def test_two_inputs_may_not_share_a_slug():
    yaml_case, csv_case = VALID / "compleet" / "compleet.yaml", VALID / "compleet" / "csv-utf8"
    problems = validate_paths([yaml_case, csv_case], data_dir=DEFAULT_DATA)
    assert [p.message for p in errors_in(problems)] == [f"traject-id 'compleet' wordt ook gebruikt door {yaml_case}"]


@pytest.mark.parametrize("text, code", [
    ("GM1900", "GM1900"), ("gm1900", "GM1900"), ("1900", "GM1900"), ("14", "GM0014"), ("Súdwest-Fryslân", "GM1900"),
    ("SUDWEST FRYSLAN", "GM1900"), ("sudwest-fryslan", "GM1900"), ("Bergen (NH.)", "GM0373"), ("bergen nh", "GM0373"),
    ("Hengelo", "GM0164"), ("'s-Hertogenbosch", "GM0796"), ("Noardeast-Fryslân", "GM1970"),
], ids=lambda v: str(v))
def test_gemeente_resolution(text, code):
    found = load_resolver(DEFAULT_DATA).resolve("gemeente", text)
    assert (found.value, found.message) == (code, "")


def test_former_code_resolves_to_successor():
    found = load_resolver(DEFAULT_DATA).resolve("gemeente", "GM0017")  # Haren -> Groningen (2019)
    assert found.value == "GM0014" and "voormalige gemeente" in found.message


@pytest.mark.parametrize("kind, text, key", [
    ("instrument", "dorpsbudget", "dorpsbudget"), ("instrument", "Pleatslik belang", "dorpsraad"),
    ("instrument", "Dorpswethouder", "kernwethouder"), ("instrument", "G1000", "burgerberaad"),
    ("thema", "Definitie kern", "definitie-kern"), ("thema", "DRAAGVLAK", "draagvlak"),
])
def test_instrument_and_theme_resolution(kind, text, key):
    assert load_resolver(DEFAULT_DATA).resolve(kind, text).value == key


def test_resolver_is_cached():
    assert load_resolver(DEFAULT_DATA) is load_resolver(DEFAULT_DATA)


def test_normalise():
    assert normalise("Súdwest-Fryslân") == normalise("sudwest fryslan") == "sudwest fryslan"


@pytest.mark.parametrize("data, text, name", [
    (b"\xef\xbb\xbfa;b", "a;b", "UTF-8 met BOM"), ("é".encode(), "é", "UTF-8"),
    ("é€".encode("cp1252"), "é€", "Windows-1252"),
], ids=["bom", "utf8", "cp1252"])
def test_decode(data, text, name):
    assert decode(data) == (text, name)


def test_delimiter():
    assert delimiter("a;b,c;d\n1,2") == ";" and delimiter("a,b\n") == ","


def test_folder_with_one_workbook_reads_the_workbook():
    sheets, problems = read_any(VOORBEELD)
    assert {s.file for s in sheets} == {str(VOORBEELD / "voorbeeld.xlsx")} and not problems


def test_missing_path_and_unknown_suffix(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    assert [p.message for p in read_any(tmp_path / "nope.xlsx")[1]] == ["bestand of map bestaat niet"]
    assert [p.message for p in read_any(tmp_path / "x.txt")[1]] == ["kan invoer '.txt' niet lezen"]
    assert [p.message for p in read_any(tmp_path)[1]] == ["geen CSV-bestanden in deze map"]


def test_quoted_multiline_csv_cells_keep_row_numbers(tmp_path):
    (tmp_path / "traject.csv").write_text('id,naam\nt,"Twee\nregels"\n', encoding="utf-8")
    (tmp_path / "les.csv").write_text('id,titel,tekst\nl1,A,"x\ny"\nl2,B,31-02-2019\nl2,C,z\n', encoding="utf-8")
    trajectory, problems = read_trajectory(tmp_path, data_dir=DEFAULT_DATA)
    assert trajectory is None
    assert [(p.row, p.message) for p in errors_in(problems)] == [(5, "'l2' staat er twee keer (ook op rij 4)")]


def test_theme_slugs_agree_between_sources_md_and_ontology():
    """The theme list is read from ontology/themas.ttl; SOURCES.md (the fallback) lists the same slugs."""
    from_sources = [slug for slug, _ in _themas_sources(DEFAULT_DATA / THEMAS_SOURCES)]
    from_ttl = [slug for slug, _ in _themas_ttl(ROOT / THEMAS_TTL)]
    assert sorted(from_sources) == sorted(from_ttl) and len(from_ttl) == 17
    assert sorted(load_resolver(DEFAULT_DATA).themas.names) == sorted(from_ttl)


def test_names_without_accents_or_hyphens_match():
    """'Sudwest Fryslan' differs from Súdwest-Fryslân only in accents and a hyphen, which are ignored."""
    assert load_resolver(DEFAULT_DATA).resolve("gemeente", "Sudwest Fryslan").value == "GM1900"


def test_values_without_a_header_are_errors(tmp_path):
    (tmp_path / "traject.csv").write_text("id,naam\nt,T,extra\n", encoding="utf-8")
    trajectory, problems = read_trajectory(tmp_path, data_dir=DEFAULT_DATA)
    assert trajectory is None
    assert [str(p) for p in errors_in(problems)] == [
        f"{tmp_path / 'traject.csv'}:traject:2:#3: een waarde in een kolom zonder kop"]


def test_excel_sep_line(tmp_path):
    (tmp_path / "traject.csv").write_text("sep=;\nid;naam\nt;T\n", encoding="utf-8")
    (tmp_path / "les.csv").write_text("sep=,\nid,titel\nl1,A\nl1,B\n", encoding="utf-8")
    trajectory, problems = read_trajectory(tmp_path, data_dir=DEFAULT_DATA)
    assert [(p.row, p.message) for p in errors_in(problems)] == [(4, "'l1' staat er twee keer (ook op rij 3)")]


def test_near_miss_of_a_former_gemeente_suggests_it_with_its_successor():
    found = load_resolver(DEFAULT_DATA).resolve("gemeente", "Zuidhoorn")
    assert (found.value, found.suggestion) == (None, "bedoelt u Zuidhorn (nu Westerkwartier (GM1969))?")


def test_zip_bomb_workbook_is_refused(tmp_path, monkeypatch):
    import graph.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_UNPACKED_MB", 0)
    sheets, problems = read_any(VALID / "compleet" / "compleet.xlsx")
    assert sheets == [] and problems[0].message.startswith("the workbook unpacks to")
