"""The atomic build: swap on success; on failure, interrupt or SIGKILL the previous store stays as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import build as build_module
from graph.build import Source, build
from graph.errors import InputError, Problem
from graph.namespace import G_META, G_PRIVATE, G_REFERENCE, KD, iri
from graph.sparql import run_canned, run_safe
from graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
VOID = "http://rdfs.org/ns/void#"


def _source(label: str) -> Source:
    quad = ox.Quad(ox.NamedNode(iri("gemeente", "GM9001")), LABEL, ox.Literal(label), ox.NamedNode(str(G_REFERENCE)))
    return Source("referentie", G_REFERENCE, lambda: [quad], "test")


def _quad(label: str, graph) -> ox.Quad:
    return ox.Quad(ox.NamedNode(iri("gemeente", "GM9001")), LABEL, ox.Literal(label), ox.NamedNode(str(graph)))


def _labels(path: Path) -> list[str]:
    return open_store(path).query("SELECT ?l WHERE { ?s rdfs:label ?l }").column("l")


def _snapshot(path: Path) -> bytes:
    """Everything in the store except the build time (the provenance of G_META differs per build)."""
    return open_store(path).dump("nq", include_private=True)


@pytest.fixture
def built(tmp_path) -> Path:
    path = tmp_path / "store"
    build(store_dir=path, sources=[_source("eerste")], validate=False)
    return path


def _versions(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(f"{path.name}."))


def test_build_points_the_store_at_a_version(built):
    assert built.is_symlink() and built.resolve().name.startswith("store.v")
    assert _labels(built) == ["eerste"]
    assert _versions(built) == [built.resolve().name]


def test_report_counts_graphs_and_classes(tmp_path):
    typed = ox.Quad(ox.NamedNode(iri("gemeente", "GM9001")), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    ox.NamedNode(KD.Gemeente), ox.NamedNode(str(G_REFERENCE)))
    report = build(store_dir=tmp_path / "s", sources=[Source("r", G_REFERENCE, lambda: [typed])], validate=False)
    assert report.graphs[str(G_REFERENCE)] == 1 and report.graphs[str(G_META)] > 0
    assert report.classes["kd:Gemeente"] == 1
    assert set(report.seconds) == {"r", "laden", "schrijven", "wisselen"}  # validate=False: no SHACL step


def test_second_build_swaps_and_removes_the_old_version(built):
    first = built.resolve()
    build(store_dir=built, sources=[_source("tweede")], validate=False)
    assert _labels(built) == ["tweede"]
    assert not first.exists() and _versions(built) == [built.resolve().name]


def test_bad_input_leaves_the_previous_store(built):
    before = _snapshot(built)

    def broken() -> list:
        raise InputError([Problem("gemeenten.csv", row=4, column="gemeentecode", message="geen GM-code")])

    with pytest.raises(InputError, match="gemeenten.csv::4:gemeentecode"):
        build(store_dir=built, sources=[Source("referentie", G_REFERENCE, broken)], validate=False)
    assert _snapshot(built) == before
    assert _versions(built) == [built.resolve().name]


def test_interrupt_while_writing_leaves_the_previous_store(built, monkeypatch):
    before = _snapshot(built)

    def interrupted(sources, loaded, report, writer):  # Ctrl-C while the writer thread stores the source
        assert writer.staging.exists()
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "_load", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(store_dir=built, sources=[_source("tweede")], validate=False)
    assert _snapshot(built) == before and _versions(built) == [built.resolve().name]


def test_a_failing_write_fails_the_build_and_leaves_the_previous_store(built, monkeypatch):
    before = _snapshot(built)
    monkeypatch.setattr(build_module.ox, "serialize", lambda *a, **k: b"<kapot> .\n")  # not N-Quads
    with pytest.raises(SyntaxError):
        build(store_dir=built, sources=[_source("tweede")], validate=False)
    monkeypatch.undo()
    assert _snapshot(built) == before and _versions(built) == [built.resolve().name]


def test_the_public_copy_holds_every_public_quad_and_no_private_one(tmp_path):
    public = _quad("openbaar", G_REFERENCE)
    private = _quad("geheim", G_PRIVATE)
    build(store_dir=tmp_path / "store", sources=[Source("s", G_REFERENCE, lambda: [public, private])], validate=False)
    copy = ox.Store()
    copy.bulk_load(path=str((tmp_path / "store").resolve() / build_module.PUBLIC_COPY), format=ox.RdfFormat.N_QUADS)
    assert public in copy and private not in copy
    disk = ox.Store.read_only(str((tmp_path / "store").resolve()))
    assert len(copy) == sum(1 for q in disk if q.graph_name.value != str(G_PRIVATE))


def test_the_meta_graph_says_nothing_of_the_private_graph(tmp_path):
    quads = [_quad("openbaar", G_REFERENCE), _quad("geheim", G_PRIVATE)]
    report = build(store_dir=tmp_path / "store", sources=[Source("s", G_REFERENCE, lambda: quads)], validate=False)
    disk = ox.Store.read_only(str((tmp_path / "store").resolve()))
    meta = list(disk.quads_for_pattern(None, None, None, ox.NamedNode(str(G_META))))
    assert meta and not [q for q in meta if str(G_PRIVATE) in (q.subject.value, q.object.value)]
    private = ox.NamedNode(str(G_PRIVATE))
    assert [q.object.value for q in disk.quads_for_pattern(private, ox.NamedNode(VOID + "triples"), None, private)] == ["1"]
    assert report.graphs[str(G_META)] == len(meta)


def test_shacl_violation_stops_the_build(built):
    pytest.importorskip("graph.build.shacl")
    before = _snapshot(built)
    kern = ox.Quad(ox.NamedNode(iri("kern", "9999")), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                   ox.NamedNode(KD.Kern), ox.NamedNode(str(G_REFERENCE)))
    with pytest.raises(InputError, match="kern/9999"):
        build(store_dir=built, sources=[Source("referentie", G_REFERENCE, lambda: [kern])])
    assert _snapshot(built) == before and _versions(built) == [built.resolve().name]


def test_one_build_at_a_time(built):
    with build_module._build_lock(built):
        with pytest.raises(RuntimeError, match="al een build"):
            build(store_dir=built, sources=[_source("tweede")], validate=False)
    assert _labels(built) == ["eerste"]


KILLED_BUILD = textwrap.dedent("""
    import sys, time, pathlib
    import pyoxigraph as ox
    from graph.build import Source, build
    from graph.namespace import G_REFERENCE, iri
    store, marker = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    quads = [ox.Quad(ox.NamedNode(iri("gemeente", f"GM{i:04d}")), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                     ox.Literal("nieuw"), ox.NamedNode(str(G_REFERENCE))) for i in range(5000)]
    def progress(step, number, total):
        if step == "wisselen":  # the new version is on disk, not yet swapped in
            marker.write_text("loaded")
            time.sleep(60)
    build(store_dir=store, sources=[Source("referentie", G_REFERENCE, lambda: quads)], progress=progress, validate=False)
""")


@pytest.mark.slow  # kills a build of 20,000 quads
def test_sigkill_mid_build_leaves_the_previous_store(built, tmp_path):
    before = _snapshot(built)
    marker = tmp_path / "marker"
    child = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(built), str(marker)], cwd=ROOT)
    try:
        for _ in range(300):
            if marker.exists() or child.poll() is not None:
                break
            time.sleep(0.05)
        assert marker.exists(), "the build never reached the swap"
        assert len(_versions(built)) == 2  # the current version and the new one, not yet swapped in
        killed = next(v for v in _versions(built) if v != built.resolve().name)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert _snapshot(built) == before
    assert _labels(built) == ["eerste"]
    assert run_safe("ASK { ?s rdfs:label 'eerste' }", store=str(built)).boolean is True
    build(store_dir=built, sources=[_source("derde")], validate=False)  # cleans up what was left behind
    assert _labels(built) == ["derde"] and killed not in _versions(built)
    assert built.resolve().name in _versions(built)  # (the query worker may still hold the previous one)


def test_truncated_reference_file_names_the_file_and_keeps_the_store(built, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "reference", data / "reference")
    shutil.copytree(ROOT / "data" / "praktijk", data / "praktijk")
    path = data / "reference" / "gemeenten.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2].rsplit(",", 3)[0] + "\n", encoding="utf-8")  # cut mid-row
    before = _snapshot(built)
    with pytest.raises(InputError) as info:
        build(store_dir=built, data_dir=data)
    assert any("gemeenten.csv" in str(p) for p in info.value.problems)
    assert _snapshot(built) == before


COUNTS = {"kd:Gemeente": 342, "kd:Provincie": 12, "kd:Kern": 2501, "kd:Wijk": 3393, "kd:Buurt": 14574,
          "kd:Herindeling": 128}


@pytest.mark.slow  # the whole bundled store
@pytest.mark.parametrize("cls, n", COUNTS.items(), ids=COUNTS.keys())
def test_real_build_counts(cls, n, real_store):
    result = run_safe(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} }}", store=str(real_store))
    assert result.records() == [{"n": n}]


@pytest.mark.slow  # the whole bundled store
def test_real_build_gemeenten_with_more_than_50_kernen(real_store):
    result = run_canned("gemeenten-met-veel-kernen", params={"min": "50"}, store=str(real_store))
    assert [(r["gemeente"], r["kernen"]) for r in result.records()] == [
        ("Súdwest-Fryslân", 89), ("Noardeast-Fryslân", 52), ("De Fryske Marren", 51)]


@pytest.mark.slow  # the whole bundled store
def test_real_build_provinces_add_up(real_store):
    rows = run_canned("provincies", store=str(real_store)).records()
    assert len(rows) == 12
    assert sum(r["gemeenten"] for r in rows) == 342
    assert sum(r["kernen"] for r in rows) == 2501
    assert sum(r["inwoners"] for r in rows) == 17_942_942  # CBS, population on 1 January 2024
