"""A store only deletes its own versions; readers in other processes keep theirs; a damaged in-memory
copy is never used; an export is swapped in as one set.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph import build as build_module
from graph.build import Source, build
from graph.cli import cli
from graph.export import swap
from graph.export.data import export_data
from graph.namespace import G_REFERENCE, iri
from graph.sparql import run_safe
from graph.store import PUBLIC_COPY, LocalStore, open_store
from graph.store.versions import MARKER

ROOT = Path(__file__).resolve().parents[2]
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
pytestmark = [pytest.mark.timeout(120), pytest.mark.slow]  # slow: builds and rebuilds while others read, for seconds


def _source(label: str, n: int = 3) -> Source:
    quads = [ox.Quad(ox.NamedNode(iri("gemeente", f"GM{i:04d}")), LABEL, ox.Literal(label), ox.NamedNode(str(G_REFERENCE)))
             for i in range(n)]
    return Source("referentie", G_REFERENCE, lambda: quads, "test")


def _tree(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


# --- --store on what is not a store -----------------------------------------------------------------

@pytest.mark.parametrize("kind", ["directory", "file", "foreign-link"])
def test_build_refuses_what_is_not_a_store_and_touches_nothing(tmp_path, kind):
    target = tmp_path / "data" / "build"
    target.parent.mkdir()
    if kind == "directory":
        target.mkdir()
        (target / "notities.txt").write_text("van de gebruiker")
    elif kind == "file":
        target.write_text("van de gebruiker")
    else:
        (tmp_path / "elders").mkdir()
        (tmp_path / "elders" / "notities.txt").write_text("van de gebruiker")
        target.symlink_to(tmp_path / "elders")
    before = _tree(tmp_path), sorted(p.name for p in target.parent.iterdir())
    done = CliRunner().invoke(cli, ["build", "--store", str(target)])
    assert done.exit_code == 1
    assert f"{target} is geen store van kernen" in done.output and "niets gewijzigd" in done.output
    assert (_tree(tmp_path), sorted(p.name for p in target.parent.iterdir())) == before


def test_a_store_built_here_is_accepted_again(tmp_path):
    build(store_dir=tmp_path / "store", sources=[_source("eerste")], validate=False)
    build(store_dir=tmp_path / "store", sources=[_source("tweede")], validate=False)
    assert open_store(tmp_path / "store").query("SELECT ?l WHERE { ?s rdfs:label ?l } LIMIT 1").column("l") == ["tweede"]
    assert json.loads(((tmp_path / "store").resolve() / MARKER).read_text())["kernendemocratie-store"] == 1


# --- clean-up: only its own names, exactly ----------------------------------------------------------

def test_neighbours_with_a_similar_name_survive(tmp_path):
    neighbours = {}
    for name in ("store.voorbeeld", "store.v2", "store.v20260101T120000000000", "store.partial-oud", "store-kopie"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "eigen.txt").write_text(name)
        neighbours[name] = _tree(tmp_path / name)
    for label in ("eerste", "tweede", "derde"):
        build(store_dir=tmp_path / "store", sources=[_source(label)], validate=False)
    assert {name: _tree(tmp_path / name) for name in neighbours} == neighbours


def test_leftover_swap_links_and_cache_temp_files_are_removed(tmp_path):
    build(store_dir=tmp_path / "store", sources=[_source("eerste")], validate=False)
    swap_link = tmp_path / ".store.swap-99999"
    swap_link.symlink_to((tmp_path / "store").resolve().name)
    cache = tmp_path / ".store.cache"
    cache.mkdir(exist_ok=True)
    temp = cache / ".referentie-0123abcd.nq.99999.tmp"
    temp.write_bytes(b"x" * 1000)
    entry = cache / "referentie-0123abcd.nq"
    entry.write_bytes(b"")
    user_link = tmp_path / ".store.swap-mijn"  # not a name a build makes
    user_link.symlink_to("store")
    build(store_dir=tmp_path / "store", sources=[_source("tweede")], validate=False)
    assert not swap_link.is_symlink() and not temp.exists()
    assert entry.exists() and user_link.is_symlink()



def test_what_a_killed_removal_or_build_left_is_finished_by_the_next_build(tmp_path):
    build(store_dir=tmp_path / "store", sources=[_source("eerste")], validate=False)
    version = (tmp_path / "store").resolve()
    build(store_dir=tmp_path / "store", sources=[_source("tweede")], validate=False)
    assert not version.exists()  # removed as usual
    half = tmp_path / ".store.v20260101T120000000000-7.trash"  # a removal killed mid-way: marker kept last
    (half / "sub").mkdir(parents=True)
    (half / "000009.sst").write_bytes(b"x")
    (half / MARKER).write_text(json.dumps({"kernendemocratie-store": 1}, indent=1))
    torn = tmp_path / "store.partial-7-20260101T120000000001"  # a kill tore the marker's rewrite
    torn.mkdir()
    (torn / MARKER).write_text('{\n "kernendemocratie-store": 1,\n "public_co')
    bare = tmp_path / "store.partial-8-20260101T120000000002"  # killed before the marker was written
    bare.mkdir()
    (bare / MARKER).write_text("")
    kept = {".store.v20260101T120000000000-9.trash": "eigen.txt",  # trash-like names with a user's files
            "store.partial-9-20260101T120000000003": "eigen.txt"}
    for name, file in kept.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / file).write_text(name)
    build(store_dir=tmp_path / "store", sources=[_source("derde")], validate=False)
    assert not half.exists() and not torn.exists() and not bare.exists()
    assert all((tmp_path / name / file).read_text() == name for name, file in kept.items())

# --- verify before serving ------------------------------------------------------------------------

@pytest.fixture
def truncated(tmp_path) -> tuple[Path, int]:
    """A built store whose in-memory copy file lost its second half, cut at a line boundary."""
    path = tmp_path / "store"
    build(store_dir=path, sources=[_source("eerste", 2000)], validate=False)
    total = open_store(path, read_only=True).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").column("n")[0]
    copy = path.resolve() / PUBLIC_COPY
    lines = copy.read_bytes().splitlines(keepends=True)
    copy.write_bytes(b"".join(lines[: len(lines) // 2]))
    return path, total


def test_a_truncated_copy_is_not_used_and_the_count_stays_right(truncated, caplog):
    path, total = truncated
    store = LocalStore(path, memory_mb=50)
    with caplog.at_level(logging.WARNING, logger="graph.store"):
        assert store.public_copy(wait=True) is None
    assert any("de store op schijf antwoordt" in r.getMessage() for r in caplog.records)
    assert store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").column("n") == [total]
    assert run_safe("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", store=str(path)).column("n") == [total]


def test_kernen_serve_answers_the_right_count_over_a_truncated_copy(truncated):
    from starlette.testclient import TestClient

    from graph.endpoint import EndpointConfig, create_app

    path, total = truncated
    with TestClient(create_app(EndpointConfig(str(path), 10.0, 100, 10_000))) as client:
        response = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                              headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"][0]["n"]["value"] == str(total)


def test_an_intact_copy_is_used(tmp_path):
    build(store_dir=tmp_path / "store", sources=[_source("eerste", 50)], validate=False)
    assert LocalStore(tmp_path / "store", memory_mb=50).public_copy(wait=True) is not None


# --- readers in other processes during a rebuild ----------------------------------------------------

READER = textwrap.dedent("""
    import sys, time, pathlib
    import graph.export.data as data
    from graph.cli import cli
    store_dir, out, opened, go = sys.argv[1:5]
    real = data.build_dumps

    def waiting(store, **options):  # the export has opened its version: let the test rebuild now
        pathlib.Path(opened).write_text("open")
        while not pathlib.Path(go).exists():
            time.sleep(0.02)
        return real(store, **options)

    data.build_dumps = waiting
    cli(["export", "data", "--store", store_dir, "--out", out, "--format", "nt", "--format", "csv"])
""")


def test_an_export_running_during_a_rebuild_completes(tmp_path):
    store, out = tmp_path / "store", tmp_path / "dumps"
    build(store_dir=store, sources=[_source("eerste", 20_000)], validate=False)
    first = store.resolve()
    opened, go = tmp_path / "opened", tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KERNEN_QUERY_MEMORY_MB": "0"}  # read from the disk
    reader = subprocess.Popen([sys.executable, "-c", READER, str(store), str(out), str(opened), str(go)],
                              cwd=ROOT, env=env, stderr=subprocess.PIPE)
    try:
        for _ in range(600):
            if opened.exists() or reader.poll() is not None:
                break
            time.sleep(0.05)
        assert opened.exists(), reader.stderr.read().decode()[-2000:]
        build(store_dir=store, sources=[_source("tweede", 20_000)], validate=False)  # swaps while it reads
        assert store.resolve() != first and first.exists()  # held by the reader: kept
        go.write_text("go")
        assert reader.wait(timeout=90) == 0, reader.stderr.read().decode()[-2000:]
    finally:
        if reader.poll() is None:
            reader.kill()
    _assert_manifest_matches(out)
    assert b"eerste" in (out / "kernendemocratie.nt").read_bytes()  # the version it started with
    build(store_dir=store, sources=[_source("derde")], validate=False)
    assert not first.exists()  # no reader any more: the next build removes it


def _assert_manifest_matches(out: Path) -> None:
    manifest = json.loads((out / "manifest.json").read_text())
    files = {f["name"]: f for f in manifest["files"]}
    assert sorted(p.name for p in out.iterdir()) == sorted([*files, "manifest.json"])
    for name, entry in files.items():
        data = (out / name).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["bytes"], entry["sha256"]), name


# --- kernen export data: one set ------------------------------------------------------------------

@pytest.fixture
def small_store(tmp_path) -> LocalStore:
    build(store_dir=tmp_path / "store", sources=[_source("eerste", 10)], validate=False)
    return open_store(tmp_path / "store")


def test_an_export_killed_mid_way_leaves_the_previous_set(small_store, tmp_path, monkeypatch):
    out = tmp_path / "dumps"
    export_data(small_store, out, formats=["nt", "ttl", "csv"])
    before = _tree(out)
    written = []

    def dies_after_two(path, data):
        if len(written) == 2:
            raise KeyboardInterrupt  # as good as a kill: the new set is incomplete
        written.append(path)
        path.write_bytes(data)

    monkeypatch.setattr(swap, "_write", dies_after_two)
    with pytest.raises(KeyboardInterrupt):
        export_data(small_store, out, formats=["nt", "ttl", "trig", "csv"])
    monkeypatch.undo()
    assert _tree(out) == before
    _assert_manifest_matches(out)
    leftover = tmp_path / f".dumps.new-{os.getpid()}"
    leftover.mkdir(exist_ok=True)  # what a real kill leaves; the next export removes it
    export_data(small_store, out, formats=["nt", "trig"])
    _assert_manifest_matches(out)
    assert not leftover.exists() and not (out / "kernendemocratie.ttl").exists()


def test_export_refuses_a_directory_with_other_files(small_store, tmp_path):
    out = tmp_path / "mijn-map"
    out.mkdir()
    (out / "brief.docx").write_bytes(b"van de gebruiker")
    with pytest.raises(swap.NotAnExport, match="brief.docx"):
        export_data(small_store, out, formats=["nt"])
    assert _tree(out) == {"brief.docx": b"van de gebruiker"}
