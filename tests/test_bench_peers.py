"""The benchmark peers (tests/benchmarks/peers.py): term conversion, the rdflib pipeline, Virtuoso's skip."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))

import peers  # noqa: E402
from graph.build import Source, build, standard_sources  # noqa: E402
from graph.namespace import KD, G_REFERENCE, iri  # noqa: E402
from graph.settings import DEFAULT_DATA  # noqa: E402

# rdflib's serializers and pyshacl call rdflib APIs that rdflib 7 deprecates (not our code)
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

G = ox.NamedNode("https://example.org/graph/peers")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def sample_quads() -> list[ox.Quad]:
    """An IRI, a blank node, a typed, a language-tagged and a plain literal, in two graphs."""
    thing, blank = ox.NamedNode("https://example.org/thing"), ox.BlankNode("b1")
    return [
        ox.Quad(thing, LABEL, ox.Literal("Dorp", language="nl"), G),
        ox.Quad(thing, ox.NamedNode("https://example.org/count"),
                ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), G),
        ox.Quad(thing, ox.NamedNode("https://example.org/part"), blank, G),
        ox.Quad(blank, LABEL, ox.Literal("plain"), ox.NamedNode("https://example.org/graph/other")),
    ]


def test_term_converter_round_trips_through_nquads(tmp_path):
    from rdflib import Dataset

    quads = sample_quads()
    dataset = Dataset()
    peers.add_quads(dataset, quads)
    dataset.serialize(destination=str(tmp_path / "out.nq"), format="nquads")
    back = set(ox.parse(path=str(tmp_path / "out.nq"), format=ox.RdfFormat.N_QUADS))
    assert back == set(quads)
    assert peers.quad_count(dataset) == len(quads)


def tiny_sources(extra: list[ox.Quad]) -> list[Source]:
    """Our real ontology source (schema and shapes) plus a handful of quads."""
    ontology = standard_sources(DEFAULT_DATA)[0]
    return [ontology, Source("klein", G, lambda: list(extra), "test")]


def test_pipeline_makes_as_many_triples_as_our_build(tmp_path):
    sources = tiny_sources(sample_quads())
    ours = build(sources=sources, store_dir=tmp_path / "store")
    theirs = peers.pipeline_for(sources, tmp_path / "rdflib.nq")
    assert theirs["conforms"] is True
    assert theirs["triples"] == ours.triples
    assert len(list(ox.parse(path=str(tmp_path / "rdflib.nq"), format=ox.RdfFormat.N_QUADS))) == ours.triples
    assert {"sources_s", "rdflib_add_s", "pyshacl_s", "serialize_s", "total_s"} <= theirs.keys()


def test_pyshacl_rejects_what_our_shapes_reject(tmp_path):
    kern = ox.NamedNode(iri("kern", "9999"))  # a kern without label, code or gemeente
    sources = tiny_sources([ox.Quad(kern, RDF_TYPE, ox.NamedNode(KD.Kern), ox.NamedNode(G_REFERENCE))])
    assert peers.pipeline_for(sources, tmp_path / "rdflib.nq")["conforms"] is False


def test_pyshacl_skipped_above_the_limit_with_a_reason(tmp_path):
    found = peers.pipeline_for(tiny_sources([]), tmp_path / "rdflib.nq", shacl_max_triples=10)
    assert found["conforms"] is None and "shacl_max_triples=10" in found["pyshacl_skipped"]


def test_virtuoso_peer_skips_without_the_binary(monkeypatch, tmp_path):
    monkeypatch.setattr(peers.shutil, "which", lambda name, **kw: None)
    found = peers.virtuoso_peer(tmp_path / "none.nq", [("q", "ASK {}")], workdir=tmp_path)
    assert set(found) == {"skipped"} and "virtuoso-t is not installed" in found["skipped"]
    assert not (tmp_path / "virtuoso").exists()
