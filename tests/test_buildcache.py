"""The build's cache of converted sources: unchanged inputs are read back, any change converts again."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build import cache as buildcache
from graph.build import Source, build
from graph.namespace import G_REFERENCE, iri
from graph.store import open_store

LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


@pytest.fixture
def inputs(tmp_path) -> Path:
    folder = tmp_path / "reference"
    folder.mkdir()
    (folder / "gemeenten.csv").write_text("code,naam\nGM9001,Aadorp\n", encoding="utf-8")
    return folder


def _source(folder: Path, calls: list[int]) -> Source:
    """A source that converts the CSV's names to labels, counting its conversions."""
    def load() -> list[ox.Quad]:
        calls.append(1)
        rows = (folder / "gemeenten.csv").read_text(encoding="utf-8").splitlines()[1:]
        return [ox.Quad(ox.NamedNode(iri("gemeente", code)), LABEL, ox.Literal(name), ox.NamedNode(str(G_REFERENCE)))
                for code, name in (row.split(",") for row in rows)]
    return Source("referentie", G_REFERENCE, load, str(folder), inputs=(folder,))


def _labels(store: Path) -> list[str]:
    return sorted(open_store(store).query("SELECT ?l WHERE { ?s rdfs:label ?l }").column("l"))


def test_an_unchanged_source_is_read_back_with_the_same_triples(tmp_path, inputs):
    calls: list[int] = []
    first = build(store_dir=tmp_path / "store", sources=[_source(inputs, calls)], validate=False)
    again = build(store_dir=tmp_path / "store", sources=[_source(inputs, calls)], validate=False)
    assert (first.cached, again.cached, len(calls)) == ([], ["referentie"], 1)
    assert again.graphs == first.graphs and _labels(tmp_path / "store") == ["Aadorp"]


def test_a_changed_input_file_converts_again(tmp_path, inputs):
    calls: list[int] = []
    build(store_dir=tmp_path / "store", sources=[_source(inputs, calls)], validate=False)
    (inputs / "gemeenten.csv").write_text("code,naam\nGM9001,Aadorp\nGM9002,Beedorp\n", encoding="utf-8")
    report = build(store_dir=tmp_path / "store", sources=[_source(inputs, calls)], validate=False)
    assert report.cached == [] and len(calls) == 2
    assert _labels(tmp_path / "store") == ["Aadorp", "Beedorp"]
    assert len(list((tmp_path / ".store.cache").glob("referentie-*.nq"))) == 1  # the old entry is gone


def test_changed_code_changes_the_key(inputs, monkeypatch):
    before = buildcache.cache_key("referentie", (inputs,))
    monkeypatch.setattr(buildcache, "code_digest", lambda: "other code")
    assert buildcache.cache_key("referentie", (inputs,)) != before


def test_a_damaged_entry_converts_again_and_no_cache_writes_nothing(tmp_path, inputs):
    calls: list[int] = []
    build(store_dir=tmp_path / "store", sources=[_source(inputs, calls)], validate=False)
    for meta in (tmp_path / ".store.cache").glob("*.json"):
        meta.write_text("{kapot", encoding="utf-8")
    report = build(store_dir=tmp_path / "store", sources=[_source(inputs, calls)], validate=False)
    assert report.cached == [] and len(calls) == 2 and _labels(tmp_path / "store") == ["Aadorp"]
    build(store_dir=tmp_path / "other", sources=[_source(inputs, calls)], validate=False, cache=False)
    assert len(calls) == 3 and not (tmp_path / ".other.cache").exists()


@pytest.mark.slow  # the whole reference, written to the cache and read back
def test_the_standard_reference_source_is_cached_and_equal(tmp_path):
    from dataclasses import replace

    from graph.build import standard_sources
    from graph.settings import DEFAULT_DATA

    source = next(s for s in standard_sources(DEFAULT_DATA) if s.name == "referentie")
    converted: list = []  # what the converter itself returned
    source = replace(source, load=lambda convert=source.load: converted.extend(convert()) or list(converted))
    fresh = buildcache.load_source(source, tmp_path)
    cached = buildcache.load_source(source, tmp_path)
    assert cached.cached and cached.nquads == fresh.nquads
    store = ox.Store()
    store.bulk_load(cached.nquads, format=ox.RdfFormat.N_QUADS)
    expected = len(set(converted))
    assert expected and len(store) == expected


def test_a_full_disk_leaves_no_temp_file(tmp_path, inputs, monkeypatch):
    real = Path.write_bytes

    def full(path, data):
        real(path, data[: len(data) // 2])  # part of it made it to disk
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    loaded = buildcache.load_source(_source(inputs, []), tmp_path / "cache")
    monkeypatch.undo()
    assert loaded.quads and not loaded.cached  # the build goes on without the cache
    assert [p.name for p in (tmp_path / "cache").iterdir()] == []
