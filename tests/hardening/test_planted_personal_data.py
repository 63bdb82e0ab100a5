"""Personal data typed into free text: located errors, a refused build, and ``build --redact`` after
which no public output holds any of it.

A fictional trajectory with contact details planted in titles, texts, roles, descriptions and a
place is validated (one located error per field and kind), refused by ``kernen build`` (the store
stays as it was) and built with ``--redact``. Then every public output is searched for every planted
value: all data dumps, the store's public copy, the meeting pack, intake summary and lessons bundle
in md, html and docx, ``kernen analyse`` (json and md), ``kernen query`` and the endpoint.
Every value here is invented (example.org, the IBAN test number, a number made to pass the 11-test).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from starlette.testclient import TestClient

from graph.cli import cli
from graph.endpoint import EndpointConfig, create_app
from graph.namespace import graph_iri, iri
from graph.settings import DEFAULT_DATA
from graph.store import PUBLIC_COPY
from conftest import cut_reference

pytestmark = [pytest.mark.timeout(300), pytest.mark.slow]  # slow: builds a store and writes every public output

NAME, INITIAL = "Geertje Plantinga", "G. Plantinga"
EMAIL, PHONE, PHONE2, PHONE3 = "g.plantinga@example.org", "06-47110815", "(010) 271 82 81", "+31 6 4711 0816"
IBAN, BSN, ADRES = "NL91 ABNA 0417 1643 00", "271828183", "Zaailaan 17, 9999 ZZ"
PLANTED = [NAME, "Plantinga", EMAIL, PHONE, "0647110815", PHONE2, "0102718281", PHONE3, "4711 0816", IBAN,
           "NL91ABNA0417164300", BSN, ADRES, "9999 ZZ"]
SLUG = "geplant"

TRAJECTORY = {
    "traject": [{"id": SLUG, "naam": "Testtraject met geplante gegevens (fictief)", "fictief": "ja",
                 "omschrijving": f"Testdata (fictief); secretariaat {EMAIL}"}],
    "deelname": [
        {"gemeente": "GM1900", "contact_rol": f"beleidsmedewerker, {PHONE3}", "leergroep": "Groep Noord",
         "contact_naam": f"{NAME} (fictief)", "contact_email": "geertje@example.org"},
        {"gemeente": "GM1966", "leergroep": "Groep Noord"},
    ],
    "project": [{"id": "p1", "gemeente": "GM1900", "titel": "Project (fictief)", "themas": "draagvlak",
                 "omschrijving": f"Project van {NAME}, IBAN {IBAN}", "instrumenten": "dorpsbudget"}],
    "vraagstuk": [{"id": "v1", "gemeente": "GM1900", "titel": f"Vraag (fictief), BSN {BSN}", "project": "p1",
                   "themas": "draagvlak"}],
    "actie": [{"id": "a1", "vraagstuk": "v1", "titel": "Actie (fictief)", "eigenaar_rol": f"{INITIAL} ({PHONE})",
               "status": "bezig", "deadline": "2024-05-31"}],
    "bijeenkomst": [
        {"id": "b1", "soort": "startbijeenkomst", "datum": "2024-02-01", "volgnummer": 1,
         "titel": f"Start met {NAME} ({EMAIL})", "plaats": f"{ADRES} Sneek"},
        {"id": "b2", "soort": "werkbezoek", "datum": "2024-03-01", "volgnummer": 2, "gastgemeente": "GM1966",
         "titel": "Werkbezoek (fictief)", "plaats": "Winsum"},
    ],
    "aanwezigheid": [
        {"bijeenkomst": "b1", "gemeente": "GM1900", "rol": f"wethouder {NAME}, {PHONE}, {EMAIL}"},
        {"bijeenkomst": "b1", "gemeente": "GM1966", "rol": "wethouder"},
        {"bijeenkomst": "b2", "gemeente": "GM1900", "rol": "beleidsmedewerker"},
        {"bijeenkomst": "b2", "gemeente": "GM1966", "rol": "dorpsraad"},
    ],
    "les": [
        {"id": "l1", "titel": f"Les (fictief) van {INITIAL}, {PHONE}, {EMAIL}", "bijeenkomst": "b1",
         "tekst": f"Bel {PHONE2} of mail {EMAIL}; vraag naar {NAME}.", "themas": "draagvlak",
         "instrumenten": "dorpsbudget", "gemeenten": "GM1900; GM1966"},
        {"id": "l2", "titel": "Een schone les (fictief)", "bijeenkomst": "b2", "tekst": "Niets persoonlijks.",
         "themas": "draagvlak", "gemeenten": "GM1966"},
    ],
    "uitkomst": [{"id": "u1", "gemeente": "GM1900", "omschrijving": f"Uitkomst (fictief), rekening {IBAN}",
                  "project": "p1", "les": "l1"}],
    "toepassing": [{"gemeente": "GM1900", "instrument": "dorpsbudget", "lokale_naam": "Testfonds (fictief)",
                    "omschrijving": f"Contact {PHONE}", "sinds": 2020}],
}
EXPECTED_ERRORS = [  # (sheet, row, column, kind): every planted value, where it was typed
    ("traject", 1, "omschrijving", "e-mailadres"),
    ("deelname", 1, "contact_rol", "telefoonnummer"),
    ("project", 1, "omschrijving", "naam"), ("project", 1, "omschrijving", "IBAN"),
    ("vraagstuk", 1, "titel", "BSN"),
    ("actie", 1, "eigenaar_rol", "naam"), ("actie", 1, "eigenaar_rol", "telefoonnummer"),
    ("bijeenkomst", 1, "titel", "naam"), ("bijeenkomst", 1, "titel", "e-mailadres"),
    ("bijeenkomst", 1, "plaats", "postcode met huisnummer"),
    ("aanwezigheid", 1, "rol", "naam"), ("aanwezigheid", 1, "rol", "telefoonnummer"),
    ("aanwezigheid", 1, "rol", "e-mailadres"),
    ("les", 1, "titel", "naam"), ("les", 1, "titel", "telefoonnummer"), ("les", 1, "titel", "e-mailadres"),
    ("les", 1, "tekst", "telefoonnummer"), ("les", 1, "tekst", "e-mailadres"), ("les", 1, "tekst", "naam"),
    ("uitkomst", 1, "omschrijving", "IBAN"),
    ("toepassing", 1, "omschrijving", "telefoonnummer"),
]
REDACTED = ("persoonsgegevens vervangen: 21 (naam 6, telefoonnummer 6, e-mailadres 5, IBAN 2, BSN 1, "
            "postcode met huisnummer 1)")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("planted") / f"{SLUG}.yaml"
    path.write_text(yaml.safe_dump(TRAJECTORY, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# The reference data cut down to the kernen, wijken and buurten of the two gemeenten (with the totals in
# gemeenten.csv to match): a tenth of the triples, so every dump format is written in seconds.
KEEP = {"GM1900", "GM1966"}
@pytest.fixture(scope="module")
def small_data(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("data")
    for folder in ("reference", "praktijk"):
        shutil.copytree(DEFAULT_DATA / folder, data / folder)
    return cut_reference(data, KEEP)


@pytest.fixture(scope="module")
def built(planted, small_data, tmp_path_factory) -> tuple[str, str]:
    """The store built once with --redact, and what the build printed."""
    store = tmp_path_factory.mktemp("store") / "store"
    result = run("build", "--redact", "--data", str(small_data), "--store", str(store), str(planted))
    assert result.exit_code == 0, result.output
    return str(store), result.output


def _found(text: str) -> list[str]:
    text = text.lower()  # once: the dumps are megabytes
    return [value for value in PLANTED if value.lower() in text]


def test_validate_locates_every_planted_value(planted):
    result = run("validate", str(planted))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "persoonsgegeven" in line]
    got = []
    for line in lines:
        sheet, row, column, rest = line.removeprefix(f"{planted}:").split(":", 3)
        got.append((sheet, int(row), column, rest.split(": ", 1)[1].split(";")[0]))
    assert sorted(got) == sorted(EXPECTED_ERRORS)
    assert f"{planted}:les:1:tekst: persoonsgegeven in les.tekst: telefoonnummer; " \
           "verwijder het of zet het in contact_telefoon" in result.output


def test_validate_in_english(planted):
    result = run("validate", "--lang", "en", str(planted))
    assert f"{planted}:aanwezigheid:1:rol: personal data in aanwezigheid.rol: name; " \
           "remove it or put it in contact_naam" in result.output


def test_build_says_how_many_were_redacted(built):
    assert REDACTED in built[1]


def test_build_without_redact_refuses_and_leaves_the_store(built, planted, small_data):
    store = Path(built[0])
    before = (store.resolve(), sorted(p.name for p in store.parent.iterdir()))
    result = CliRunner().invoke(cli, ["build", "--data", str(small_data), "--store", str(store), str(planted)])
    assert result.exit_code == 1
    assert f"{planted}:les:1:tekst: persoonsgegeven in les.tekst: e-mailadres" in result.output
    assert "--redact" in result.output
    assert (store.resolve(), sorted(p.name for p in store.parent.iterdir())) == before


def test_data_dumps_and_public_copy(built, tmp_path):
    result = run("export", "data", "--store", built[0], "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    files = [p for p in tmp_path.rglob("*") if p.is_file()] + [Path(built[0]) / PUBLIC_COPY]
    texts = {p.name: p.read_text(encoding="utf-8", errors="replace") for p in files}
    assert {".ttl", ".nt", ".trig", ".jsonld", ".graphml", ".gexf", ".csv"} <= {p.suffix for p in files}
    assert any("[verwijderd: telefoonnummer]" in t for t in texts.values())  # the redacted text is there
    found = {name: _found(text) for name, text in texts.items()}
    assert {name: values for name, values in found.items() if values} == {}


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = "".join(archive.read(n).decode(errors="replace") for n in archive.namelist() if n.endswith(".xml"))
    return re.sub(r"<[^>]+>", "", xml)  # text split over runs reads as one


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_documents(built, tmp_path, fmt):
    commands = [["export", "bundle", SLUG], ["export", "meeting", f"{SLUG}-b1"],
                ["export", "meeting", f"{SLUG}-b2"], ["export", "intake", "GM1900", "--traject", SLUG],
                ["export", "intake", "GM1966", "--traject", SLUG]]
    texts = {}
    for n, command in enumerate(commands):
        out = tmp_path / f"{n}.{fmt}"
        result = run(*command, "--store", built[0], "--format", fmt, "--out", str(out))
        assert result.exit_code == 0, (command, result.output)
        texts[" ".join(command)] = _docx_text(out) if fmt == "docx" else out.read_text(encoding="utf-8")
    assert "verwijderd: telefoonnummer" in texts["export bundle geplant"]  # lesson l1 is in the bundle
    assert {name: _found(text) for name, text in texts.items() if _found(text)} == {}


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_analysis(built, fmt):
    result = run("analyse", "--store", built[0], "--format", fmt, "--traject", SLUG)
    assert result.exit_code == 0, result.output
    assert "Les (fictief) van [verwijderd: naam]" in result.output or "verwijderd" in result.output
    assert _found(result.output) == []


def _contains(values: list[str]) -> str:
    tests = " || ".join(f'CONTAINS(LCASE(CONCAT(STR(?s), " ", STR(?o))), "{v.lower()}")' for v in values)
    return f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({tests}) }}"


def test_query_command(built):
    found = run("query", _contains(PLANTED), "--store", built[0], "--format", "json", "--timeout", "60")
    control = run("query", _contains(["[verwijderd: e-mailadres]"]), "--store", built[0], "--format", "json")
    assert "true" in control.output, control.output  # the query works: the redacted public text is seen
    assert "false" in found.output and "true" not in found.output, found.output
    dump = run("query", f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph_iri('traject', SLUG)}> {{ ?s ?p ?o }} }}",
               "--store", built[0], "--format", "csv")
    assert "verwijderd" in dump.output and _found(dump.output) == []


def test_endpoint_answers(built):
    app = create_app(EndpointConfig(built[0], 60.0, 100_000, 100_000))
    with TestClient(app) as client:
        def ask(values: list[str]) -> bool:
            return client.get("/sparql", params={"query": _contains(values)}).json()["boolean"]

        assert ask(["[verwijderd: naam]"])  # the query works: the redacted public text is seen
        assert not ask(PLANTED)
        describe = f"DESCRIBE <{iri('les', SLUG, 'l1')}>"
        texts = [client.get("/sparql", params={"query": describe}, headers={"Accept": "text/turtle"}).text]
        texts += [client.get(path).text for path in ("/", "/void")]
    assert "verwijderd" in texts[0] and _found("\n".join(texts)) == []
