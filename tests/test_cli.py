"""The ``kernen`` command: every command has help and a README line; build/query/queries/stats work."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph import build as build_module
from graph.build import Source, build
from graph.cli import cli
from graph.namespace import G_REFERENCE, KD, iri

ROOT = Path(__file__).resolve().parent.parent
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield prefix + (name,)
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))


COMMANDS = list(_commands(cli))


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_has_help(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Gebruik: ") and "Opties:" in result.output


def _documented(path: tuple[str, ...], readme: str) -> bool:
    """``kernen build`` in the guide; a subcommand may share a line with its group
    (``kernen export meeting ID | intake GEMEENTE | ...``)."""
    if f"kernen {' '.join(path)}" in readme:
        return True
    group, *rest = path
    return bool(rest) and any(f"kernen {group}" in line and re.search(rf"\b{re.escape(rest[-1])}\b", line)
                              for line in readme.splitlines())


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_is_explained_in_the_guide(path):
    assert _documented(path, (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")), \
        f"docs/guide.md has no line about `kernen {' '.join(path)}`"


def _quads() -> list[ox.Quad]:
    ref = ox.NamedNode(str(G_REFERENCE))
    pv = ox.NamedNode(iri("provincie", "PV91"))
    quads = [ox.Quad(pv, LABEL, ox.Literal("Testprovincie"), ref)]
    for code, name, kernen in (("GM9001", "Aadorp", 3), ("GM9002", "Beekwoude", 1)):
        g = ox.NamedNode(iri("gemeente", code))
        quads += [ox.Quad(g, RDF_TYPE, ox.NamedNode(KD.Gemeente), ref), ox.Quad(g, LABEL, ox.Literal(name), ref),
                  ox.Quad(g, ox.NamedNode(KD.code), ox.Literal(code), ref), ox.Quad(g, ox.NamedNode(KD.provincie), pv, ref)]
        for i in range(kernen):
            k = ox.NamedNode(iri("kern", f"{code[2:]}{i}"))
            quads += [ox.Quad(k, RDF_TYPE, ox.NamedNode(KD.Kern), ref), ox.Quad(k, ox.NamedNode(KD.gemeente), g, ref)]
    return quads


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cli") / "store"
    build(store_dir=path, sources=[Source("referentie", G_REFERENCE, _quads)], validate=False)
    return str(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_query_table(store):
    result = run("query", "SELECT ?naam WHERE { ?g a kd:Gemeente ; rdfs:label ?naam } ORDER BY ?naam", "--store", store)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["naam", "---------", "Aadorp", "Beekwoude", "(2 rijen)"]


FORMATS = {
    "csv": "naam\r\nAadorp\r\nBeekwoude\r\n",
    "tsv": '?naam\n"Aadorp"\n"Beekwoude"\n',
}


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMATS)
def test_query_formats(fmt, store):
    result = run("query", "SELECT ?naam WHERE { ?g a kd:Gemeente ; rdfs:label ?naam } ORDER BY ?naam", "-f", fmt, "--store", store)
    assert result.output.replace("\r\n", "\n") == FORMATS[fmt].replace("\r\n", "\n")


def test_query_json(store):
    result = run("query", "SELECT ?naam WHERE { ?g a kd:Gemeente ; rdfs:label ?naam } ORDER BY ?naam", "-f", "json", "--store", store)
    bindings = json.loads(result.output)["results"]["bindings"]
    assert [b["naam"]["value"] for b in bindings] == ["Aadorp", "Beekwoude"]


def test_canned_query_with_param(store):
    result = run("query", "--name", "gemeenten-met-veel-kernen", "--param", "min=2", "-f", "csv", "--store", store)
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["gemeente,code,provincie,kernen", "Aadorp,GM9001,Testprovincie,3"]


def test_query_file(store, tmp_path):
    path = tmp_path / "vraag.rq"
    path.write_text("# param: naam string = Aadorp | naam\nSELECT ?g WHERE { ?g rdfs:label ?naam }\n")
    result = run("query", str(path), "-f", "csv", "--store", store)
    assert result.output.splitlines() == ["g", str(iri("gemeente", "GM9001"))]


def test_syntax_error_shows_position_not_traceback(store):
    result = run("query", "SELECT ?s WHERE {\n  ?s ?p\n}", "--store", store)
    assert result.exit_code == 1
    assert "regel 3" in result.output and "^" in result.output and "Traceback" not in result.output


def test_refused_query_is_one_message(store):
    result = run("query", "DELETE WHERE { ?s ?p ?o }", "--store", store)
    assert result.exit_code == 1 and result.output.startswith("fout: wijzigen is niet toegestaan")


def test_bad_param_names_the_choices(store):
    result = run("query", "--name", "kernen-van-gemeente", "--param", "gemeent=GM9001", "--store", store)
    assert result.exit_code == 1 and "geldig: gemeente (gemeente)" in result.output


@pytest.mark.parametrize("args", [[], ["SELECT * {}", "--name", "themas"], ["--name", "themas", "-p", "x"]],
                         ids=["nothing", "both", "param-without-value"])
def test_usage_errors(args, store):
    assert run("query", *args, "--store", store).exit_code == 2


def test_missing_store_is_one_message(tmp_path):
    result = run("stats", "--store", str(tmp_path / "none"))
    assert result.exit_code == 1 and "kernen build" in result.output


def test_queries_lists_every_canned_query():
    from graph.sparql import canned_queries

    output = run("queries").output
    for query in canned_queries():
        assert query.name in output and query.description_nl in output


def test_stats(store):
    output = run("stats", "--store", store).output
    assert str(G_REFERENCE) in output and "kd:Kern" in output and "kd:Gemeente" in output
    assert "triples" in output and "instanties" in output


def test_build_prints_graphs_and_time(tmp_path, monkeypatch):
    monkeypatch.setattr(build_module, "standard_sources",
                        lambda data_dir, inputs=(), **_: [Source("referentie", G_REFERENCE, _quads)])
    monkeypatch.setattr(build_module, "_validate", lambda staging, report: None)  # the data is not complete
    result = run("build", "--store", str(tmp_path / "store"))
    assert result.exit_code == 0, result.output
    assert str(G_REFERENCE) in result.output and "klaar:" in result.output and "kd:Kern" in result.output


def test_build_with_bad_input_prints_located_problems(tmp_path, monkeypatch):
    from graph.errors import InputError, Problem

    def broken():
        raise InputError([Problem("gemeenten.csv", row=4, column="gemeentecode", message="geen GM-code")])

    monkeypatch.setattr(build_module, "standard_sources",
                        lambda data_dir, inputs=(), **_: [Source("referentie", G_REFERENCE, broken)])
    result = run("build", "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert result.output.strip() == "gemeenten.csv::4:gemeentecode: geen GM-code"
