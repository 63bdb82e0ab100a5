"""``kernen export data``: every dump read back and compared with the public part of a known store."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from graph.cli import cli
from graph.export.data import FORMATS, build_dumps, compact_iri, export_data, jsonld_context
from graph.namespace import G_META, G_PRAKTIJK, G_PRIVATE, G_REFERENCE
from graph.store import open_store
from sample_store import SECRET_MAIL, SECRET_NAME, sample_quads

PUBLIC = {str(G_REFERENCE): 22, str(G_PRAKTIJK): 16, str(G_META): 6}
GEMEENTEN_CSV = (
    "code,naam,provincie,inwoners,huishoudens,oppervlakte_land_ha,stedelijkheid,wkt,wikidata,tooi,iri\r\n"
    "GM9901,Noorderdorpen,,30000,,,,POINT(5.5 53.0),,,https://w3id.org/kernendemocratie/id/gemeente/GM9901\r\n"
    "GM9902,Zuiderhoek,,12000,,,,POINT(5.75 52.25),,,https://w3id.org/kernendemocratie/id/gemeente/GM9902\r\n"
)
ROWS = {"gemeenten.csv": 2, "kernen.csv": 2, "instrumenten.csv": 1, "toepassingen.csv": 1, "lessen.csv": 1,
        "herindelingen.csv": 0}


@pytest.fixture(scope="module")
def store(sample_store):
    return open_store(str(sample_store))


@pytest.fixture(scope="module")
def out(store, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("dumps")
    export_data(store, directory)
    return directory


def _expected(graph: str | None = None) -> rdflib.Graph:
    """The sample's public triples (of one graph, or all), as an rdflib graph."""
    nt = "".join(f"{q.triple} .\n" for q in sample_quads()
                 if q.graph_name.value != str(G_PRIVATE) and (graph is None or q.graph_name.value == graph))
    return rdflib.Graph().parse(data=nt, format="nt")


@pytest.mark.parametrize("name,fmt", [("kernendemocratie.ttl", "turtle"), ("kernendemocratie.nt", "nt")])
def test_triple_dumps_hold_the_public_triples(out, name, fmt):
    assert isomorphic(rdflib.Graph().parse(out / name, format=fmt), _expected())


@pytest.mark.parametrize("name,fmt", [("kernendemocratie.trig", "trig"), ("kernendemocratie.jsonld", "json-ld")])
def test_dataset_dumps_keep_the_named_graphs(out, name, fmt):
    dataset = rdflib.Dataset().parse(out / name, format=fmt)
    graphs = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert {iri: len(g) for iri, g in graphs.items()} == PUBLIC
    for iri in PUBLIC:
        assert isomorphic(graphs[iri], _expected(iri)), iri


def test_no_personal_data_in_any_file(out):
    for path in out.iterdir():
        data = path.read_bytes()
        assert SECRET_NAME.encode() not in data and SECRET_MAIL.encode() not in data, path.name
        assert b"graph/private" not in data and b"persoon/" not in data, path.name


def test_manifest_matches_the_files(out):
    manifest = json.loads((out / "manifest.json").read_text())
    for entry in manifest["files"]:
        data = (out / entry["name"]).read_bytes()
        assert entry["bytes"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
    counts = {f["name"]: f.get("triples", f.get("rows")) for f in manifest["files"]}
    assert counts["kernendemocratie.ttl"] == 44 and counts["kernendemocratie.trig"] == 44
    assert {name: counts[name] for name in ROWS} == ROWS
    assert manifest["licences"] == ["https://creativecommons.org/licenses/by/4.0/"]
    assert manifest["sources"] == ["https://www.cbs.nl/", "https://www.lokale-democratie.nl/"]
    assert manifest["built"] == "2026-01-02T03:04:05Z"
    assert {g["iri"]: g["triples"] for g in manifest["graphs"]} == PUBLIC


def test_gemeenten_csv_exact(out):
    assert (out / "gemeenten.csv").read_bytes().decode() == GEMEENTEN_CSV


def test_lessen_csv_joins_evidence(out):
    lines = (out / "lessen.csv").read_text().splitlines()
    assert lines[1] == ("voorbeeld-l01,Een vast gezicht per kern werkt,,,,dorpsbudget,GM9901 GM9902,,"
                        "https://w3id.org/kernendemocratie/id/les/voorbeeld-l01")


@pytest.mark.parametrize("name,read", [("kernendemocratie.graphml", nx.read_graphml),
                                       ("kernendemocratie.gexf", nx.read_gexf)], ids=["graphml", "gexf"])
def test_networks_read_back(out, name, read):
    graph = read(out / name)
    gm = "https://w3id.org/kernendemocratie/id/gemeente/GM9901"
    kern = "https://w3id.org/kernendemocratie/id/kern/9901"
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == 8
    assert graph.nodes[gm]["type"] == "Gemeente" and graph.nodes[gm]["label"] == "Noorderdorpen"
    assert graph.nodes[gm]["code"] == "GM9901"
    assert graph.edges[kern, gm]["predicate"] == "gemeente"


def test_jsonld_context_file_is_the_embedded_one(out):
    embedded = json.loads((out / "kernendemocratie.jsonld").read_text())["@context"]
    assert json.loads((out / "kernendemocratie.context.jsonld").read_text()) == {"@context": embedded}
    assert embedded == jsonld_context()["@context"]


@pytest.mark.parametrize("iri,expected", [
    ("https://w3id.org/kernendemocratie/def#Gemeente", "kd:Gemeente"),
    ("https://w3id.org/kernendemocratie/id/kern/9901", "kdid:kern/9901"),
    ("https://w3id.org/kernendemocratie/graph/meta", "graph:meta"),
    ("https://example.org/x", "https://example.org/x"),
], ids=["term", "instance", "graph", "unknown"])
def test_compact_iri(iri, expected):
    assert compact_iri(iri) == expected


def test_only_requested_formats(store):
    assert [d.name for d in build_dumps(store, formats=["nt", "csv"])][:2] == ["kernendemocratie.nt", "gemeenten.csv"]


def test_unknown_format_is_refused(store):
    with pytest.raises(ValueError, match="onbekend formaat"):
        build_dumps(store, formats=["xlsx"])


def test_cli_export_data(store, tmp_path):
    result = CliRunner().invoke(cli, ["export", "data", "--store", store.location, "--out", str(tmp_path),
                                      "--format", "ttl", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["kernendemocratie.ttl", "manifest.json", *ROWS])
    assert set(FORMATS) == {"ttl", "nt", "trig", "jsonld", "graphml", "gexf", "csv"}
