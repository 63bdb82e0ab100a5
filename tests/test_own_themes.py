"""A trajectory's own themes (sheet thema) in validate, build, analyse, the app and the bundle.

The trajectory is FICTIONAL (real gemeente names, invented records, each marked fictief).
"""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from graph.cli import cli
from graph.settings import DEFAULT_DATA

pytestmark = pytest.mark.slow  # builds a store of the bundled practice data (reference details of a few gemeenten)

OWN = "Ambtelijke ondersteuning"
RECORDS = {
    "traject": [{"id": "eigen", "naam": "Eigen thema's (fictief)", "fictief": "ja"}],
    "deelname": [{"gemeente": "GM1900"}, {"gemeente": "GM1966"}, {"gemeente": "GM1969"}],
    "thema": [{"slug": "ambtelijke-ondersteuning", "label": OWN, "definitie": "Tijd van ambtenaren voor dorpen (fictief).",
               "breder": "Aanspreekpunt"},
              {"slug": "jongeren", "label": "Jongeren", "breder": "draagvlak"}],
    "les": [{"id": "l1", "titel": "Een vaste ambtenaar per dorp helpt (fictief)",
             "themas": "ambtelijke ONDERSTEUNING ; draagvlak", "gemeenten": "GM1900; GM1966; GM1969"},
            {"id": "l2", "titel": "Jongeren komen op andere tijden (fictief)", "themas": "Jongeren",
             "gemeenten": "GM1966"}],
}


def _write(path, records):
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    return _write(tmp_path_factory.mktemp("eigen") / "eigen.yaml", RECORDS)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, small_reference):
    """The bundled practice data beside the reference cut to a few gemeenten (every gemeente stays, so
    the trajectory's gemeenten are there): the own themes do not depend on kernen, wijken or buurten."""
    data = tmp_path_factory.mktemp("data")
    (data / "reference").symlink_to(small_reference / "reference")
    (data / "praktijk").symlink_to(DEFAULT_DATA / "praktijk")
    return data


@pytest.fixture(scope="module")
def store(workbook, data_dir, tmp_path_factory):
    from graph.build import build
    from graph.store import LocalStore

    path = tmp_path_factory.mktemp("store") / "store"
    build([workbook], store_dir=path, data_dir=data_dir)
    with LocalStore(path) as s:
        yield s


def test_validate_counts_the_own_themes(workbook, tmp_path):
    result = CliRunner().invoke(cli, ["validate", str(workbook), "--store", str(tmp_path / "geen")])
    assert result.exit_code == 0, result.output
    assert ", 2 thema\n" in result.output


@pytest.mark.parametrize("value, expected", [
    ("jongere", "'jongere' is geen thema; bedoelt u jongeren (Jongeren)?"),
    ("mantelzorg", "'mantelzorg' is geen thema; zet het op het blad thema om een eigen thema te maken"),
])
def test_unknown_themes_point_to_own_or_national_terms(tmp_path, value, expected):
    records = {**RECORDS, "les": [{**RECORDS["les"][1], "themas": value}]}
    result = CliRunner().invoke(cli, ["validate", str(_write(tmp_path / "x.yaml", records))])
    assert result.exit_code == 1 and expected in result.output


def test_an_own_slug_may_not_hide_a_national_theme(tmp_path):
    records = {**RECORDS, "thema": [{"slug": "draagvlak", "label": "Ons draagvlak"}]}
    result = CliRunner().invoke(cli, ["validate", str(_write(tmp_path / "x.yaml", records))])
    assert "x.yaml:thema:1:slug: 'draagvlak' is al een landelijk thema" in result.output


def test_the_build_makes_skos_concepts_under_national_themes(store):
    rows = store.query("""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?label ?broader ?scheme WHERE { ?t skos:prefLabel ?label ; skos:broader ?broader ;
        skos:inScheme ?scheme }""").records()
    found = sorted((str(r["label"]), str(r["broader"]).rsplit("/", 1)[-1], str(r["scheme"]).rsplit("/", 1)[-1])
                   for r in rows)
    assert found == [(OWN, "aanspreekpunt", "themas-eigen"), ("Jongeren", "draagvlak", "themas-eigen")]


def test_analyse_shows_the_own_theme_and_counts_it_under_the_national_one(store):
    result = CliRunner().invoke(cli, ["analyse", "--store", str(store.location), "--format", "json",
                                      "--traject", "eigen"])
    assert result.exit_code == 0, result.output
    threads = {t["label"]: t["support"] for t in json.loads(result.output)["threads"]}
    assert threads[OWN] == 3 and threads["Aanspreekpunt"] == 3


def test_national_analysis_counts_the_own_theme_under_its_broader_theme(store):
    from graph.analysis import project

    p = project(store)
    (les,) = [les for les in p.records.lessen if les.key.endswith("eigen-l1")]
    assert {"thema/eigen-ambtelijke-ondersteuning", "thema/aanspreekpunt", "thema/draagvlak"} <= set(les.themas)


def test_the_app_and_the_bundle_show_the_own_theme(store):
    from graph.export.reports import render
    from graph.summaries import lessons_bundle
    from graph.views.instruments import lessons
    from graph.views.overview import concepts

    assert OWN in concepts(store, kind="Thema").values()
    (les,) = [les for les in lessons(store, gemeente="GM1900") if les.traject == "eigen"]
    assert les.themas == (OWN, "Draagvlak")
    assert OWN in render(lessons_bundle(store, "eigen"), format="md").decode()
