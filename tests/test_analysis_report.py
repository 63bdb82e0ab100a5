"""`kernen analyse` and the Markdown/JSON renderings of the report."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT
from test_analysis_fixtures import tiny_quads

from graph.analysis import analyse
from graph.analysis.report import to_json, to_markdown
from graph.cli import cli
from graph.store import LocalStore


@pytest.fixture(scope="module")
def store():
    return LocalStore.in_memory(tiny_quads())


@pytest.fixture
def cli_store(store, monkeypatch):
    monkeypatch.setattr("graph.store.open_store", lambda location=None, **kw: store)
    return store


def test_analyse_is_deterministic(store):
    assert analyse(store, seed=3) == analyse(store, seed=3)


def test_same_output_whatever_the_hash_seed():
    """Set and dict order must never leak into results: two interpreters, two hash seeds, one answer."""
    code = ("import sys; sys.path.insert(0, 'tests'); from test_analysis_fixtures import tiny_quads; "
            "from graph.store import LocalStore; from graph.analysis import analyse; "
            "from graph.analysis.report import to_json; print(to_json(analyse(LocalStore.in_memory(tiny_quads()))))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1


def test_markdown_sections_and_evidence(store):
    text = to_markdown(analyse(store, group_size=(2, 2)))
    for heading in ("## Rode draden", "## Leergroepen", "## Clusters (Louvain)", "## Werkbezoek: wie kan wat leren",
                    "## Bruggenbouwers", "## Eenmalig genoemde thema's", "## Verandering tussen bijeenkomsten"):
        assert heading in text
    assert "| 1 | draagvlak | thema | 4/4 | 3 |  | 4 van 4 deelnemers noemen draagvlak;" in text
    assert "[Draagvlak voor budgetten](https://w3id.org/kernendemocratie/id/les/t-l1)" in text
    assert "keer zoveel als een willekeurige indeling" in text


def test_markdown_in_english(store):
    text = to_markdown(analyse(store), lang="en")
    assert "## Threads (rode draden)" in text and "4 of 4 participants mention draagvlak" in text


def test_markdown_escapes_table_and_link_text():
    from graph.analysis.report import _cell

    assert _cell("a|b [c] <script>") == "a\\|b \\[c\\] &lt;script&gt;"


def test_json_holds_every_part(store):
    data = json.loads(to_json(analyse(store)))
    assert set(data) >= {"threads", "communities", "groups", "hosts", "bridges", "changes", "deelnemers"}
    assert data["threads"][0]["key"] == "thema/draagvlak"
    assert data["threads"][0]["lessen"][0]["iri"].endswith("/les/t-l1")


def test_cli_markdown(cli_store):
    result = CliRunner().invoke(cli, ["analyse", "--k", "4", "--group-size", "2-3", "--seed", "1"])
    assert result.exit_code == 0, result.output
    assert "4 van 4 deelnemers noemen draagvlak" in result.output and "budget bij dorpsbudget" not in result.output


def test_cli_json_one_trajectory(cli_store):
    result = CliRunner().invoke(cli, ["analyse", "--format", "json", "--traject", "t", "--regio", "provincie"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["traject"] == "t" and data["region"] == "provincie"


@pytest.mark.parametrize(("args", "message"), [
    (["--traject", "x"], "fout: traject 'x' staat niet in de store (wel: t)"),
    (["--group-size", "vier"], "'vier' is geen groepsgrootte"),
    (["--k", "0"], "--k"),
], ids=["unknown-trajectory", "bad-group-size", "bad-k"])
def test_cli_errors(cli_store, args, message):
    result = CliRunner().invoke(cli, ["analyse", *args])
    assert result.exit_code != 0 and message in result.output


def test_cli_help_lists_the_options():
    result = CliRunner().invoke(cli, ["analyse", "--help"])
    for option in ("--format", "--k", "--group-size", "--seed", "--traject", "--regio", "--store"):
        assert option in result.output
