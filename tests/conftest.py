"""Shared fixtures and the rule for tests that need an installed tool.

A test that needs chromium or virtuoso calls :func:`require_tool`; where the tool is missing it
skips with the reason, except when ``KERNEN_REQUIRE_TOOLS=1`` (set by ``.ci/run``), where it fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = {
    "chromium": ("chromium", "apt-get install chromium"),
    "virtuoso": ("virtuoso-t", "apt-get install virtuoso-opensource"),
    "soffice": ("soffice", "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"),
    "arq": ("/usr/share/java/jena-cmds.jar", "apt-get install libapache-jena-java"),  # Jena ARQ, run from its jars
}


def require_tool(name: str) -> str:
    """The path of tool ``name``; skip (or fail under CI) where it is not installed."""
    binary, install = TOOLS[name]
    path = shutil.which(binary) or (binary if binary.startswith("/") and Path(binary).is_file() else None)
    if path is None:
        reason = f"{binary} is not installed ({install})"
        if os.environ.get("KERNEN_REQUIRE_TOOLS") == "1":
            pytest.fail(f"required tool missing under KERNEN_REQUIRE_TOOLS=1: {reason}")
        pytest.skip(reason)
    return path


def wait_until_held(pool, lane: str, n: int, timeout: float = 30) -> int:
    """Until the query pool ``pool`` holds at least ``n`` workers for queries of ``lane`` (the queries started
    have their workers) or ``timeout`` seconds passed: how many it holds."""
    deadline = time.monotonic() + timeout
    while pool._held[lane] < n and time.monotonic() < deadline:
        time.sleep(0.01)
    return pool._held[lane]


def browser_file(file: str) -> bool:
    """A test file that drives the browser: named ``*browser*`` (the scheduler below sees node ids only; a
    browser test elsewhere is refused at collection)."""
    return "browser" in Path(file).name


def _weight(item) -> int:
    """2 for a test that drives a browser, 1 for one marked slow or needing Virtuoso, else 0."""
    if item.get_closest_marker("chromium"):
        return 2
    return 1 if item.get_closest_marker("slow") or item.get_closest_marker("virtuoso") else 0


def pytest_xdist_make_scheduler(config, log):
    """With ``--dist loadfile`` (the Makefile): each file is one worker's, and the browser files
    (:func:`browser_file`) are one worker's together: one app and one Chromium instead of one per worker, and the
    other worker runs the rest meanwhile (the browser's waits for pages then overlap other tests' work instead of
    the other worker's browser)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class BrowserFilesTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = super()._split_scope(nodeid)
            return "browser" if browser_file(file) else file

    return BrowserFilesTogether(config, log)


def pytest_collection_modifyitems(config, items):
    """Whole files ordered by their heaviest test: the browser's first, then those with slow or Virtuoso tests,
    then the rest, each group in collection order; except that the second file is the first of them that does
    not use ``real_store``. With ``--dist loadfile --no-loadscope-reorder`` (the Makefile) the workers take the
    files in this order: the second worker has work while the first builds the shared store (about 10 s), the
    long files run first and the many short ones even out the end."""
    weight: dict[str, int] = {}
    builds: dict[str, bool] = {}
    for item in items:
        file = item.nodeid.split("::")[0]
        if item.get_closest_marker("chromium") and not browser_file(file):
            raise pytest.UsageError(f"{file}: a browser test belongs in a file named *browser* (conftest.browser_file)")
        weight[file] = max(weight.get(file, 0), _weight(item))
        builds[file] = builds.get(file, False) or "real_store" in getattr(item, "fixturenames", ())
    files = sorted(weight, key=lambda file: -weight[file])  # stable: files keep their collection order
    free = next((f for f in files[1:] if not builds[f]), None)
    if free and builds[files[0]]:
        files.remove(free)
        files.insert(1, free)
    rank = {file: n for n, file in enumerate(files)}
    items.sort(key=lambda item: rank[item.nodeid.split("::")[0]])  # stable: tests keep their order


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


def shared_folder(tmp_path_factory, name: str, make) -> Path:
    """A folder that ``make(folder)`` fills once per test run: the first pytest-xdist worker to ask makes it
    (holding a lock), the others wait and use it. Only for contents that tests read and never change."""
    import fcntl

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, shared by its workers
    folder, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def _build_real(folder: Path) -> None:
    from graph.build import build

    build(store_dir=folder / "store")


@pytest.fixture(scope="session")
def real_store(tmp_path_factory) -> Path:
    """The store built from the bundled data (ontology, CBS/TOOI reference, practice data, the example
    trajectory): built once per test run and shared by the xdist workers; tests only read it."""
    return shared_folder(tmp_path_factory, "real", _build_real) / "store"


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """A fresh Virtuoso on 127.0.0.1 (free ports, temp database, dba password changed); stopped at the end.

    Yields a :class:`virtuoso.Virtuoso` with ``sparql_url``, ``graph_store_url``, ``user``, ``password``.
    """
    binary = require_tool("virtuoso")
    from virtuoso import start_virtuoso

    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"), binary=binary)
    yield server
    server.stop()


@pytest.fixture()
def listener():
    """A loopback TCP listener that must receive no connection (check with :func:`accepted`)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    yield sock
    sock.close()


def accepted(sock: socket.socket, *, wait: float = 0.2) -> bool:
    """Whether anything connected to the listener (waits ``wait`` s for a late connection)."""
    time.sleep(wait)
    try:
        conn, _ = sock.accept()
    except BlockingIOError:
        return False
    conn.close()
    return True


def bench_module(name: str):
    """A benchmark script of tests/benchmarks (scripts, not a package) loaded as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def union_rows(store, body: str) -> list[tuple]:
    """Rows of a SELECT (our prefixes predeclared) over the union of a pyoxigraph store's graphs, as plain values."""
    from graph.namespace import sparql_prefixes

    rows = store.query(sparql_prefixes() + body, use_default_graph_as_union=True)
    return [tuple(None if term is None else term.value for term in row) for row in rows]


# The reference data cut down to the kernen, wijken and buurten of four gemeenten: the first and the last
# of gemeenten.csv and those of the first and last rows of woonplaatsen_2024.csv (the broken-file cases
# name those rows). All 342 gemeenten stay, with their totals adjusted, so every join and total is checked
# as on the full data, in a fraction of the time.
SMALL_REFERENCE_GEMEENTEN = {"GM0014", "GM0873", "GM1699", "GM1992"}
_DETAIL = {"woonplaatsen_2024.csv": ("gemeentecode_gm", "aantal_woonplaatsen_2024"),
           "wijken_2024.csv": ("gemeentecode", "aantal_wijken_2024"),
           "buurten_2024.csv": ("gemeentecode", "aantal_buurten_2024")}


def _rewrite_csv(path: Path, keep=lambda row: True, update=lambda row: None) -> list[dict[str, str]]:
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, [row for row in reader if keep(row)]
    for row in rows:
        update(row)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def cut_reference(data: Path, gemeenten: set[str]) -> Path:
    """Cut the ``reference/`` folder under ``data`` (a copy) down to the kernen, wijken and buurten of
    ``gemeenten``, with the totals in gemeenten.csv adjusted; every gemeente stays."""
    from collections import Counter

    totals = {}
    for name, (key, column) in _DETAIL.items():
        rows = _rewrite_csv(data / "reference" / name, keep=lambda row, key=key: row[key] in gemeenten)
        totals[column] = Counter(row[key] for row in rows)
    _rewrite_csv(data / "reference" / "gemeenten.csv",
                 update=lambda row: row.update({c: str(n[row["gemeentecode"]]) for c, n in totals.items()}))
    return data


@pytest.fixture(scope="session")
def small_reference(tmp_path_factory) -> Path:
    """A data folder whose ``reference/`` holds the details of :data:`SMALL_REFERENCE_GEMEENTEN` only."""
    from graph.settings import DEFAULT_DATA

    data = tmp_path_factory.mktemp("small-data")
    shutil.copytree(DEFAULT_DATA / "reference", data / "reference")
    return cut_reference(data, SMALL_REFERENCE_GEMEENTEN)


# --js-flags=--no-opt: V8 without its optimising compiler, which a page that lives a few seconds does not repay
# (about a tenth less Chromium CPU per page check; the code runs the same).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--js-flags=--no-opt"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per test process, shared by every browser test: Playwright's sync API
    runs its event loop for as long as it is open, so a second ``sync_playwright()`` in the same
    process would fail ("Sync API inside the asyncio loop")."""
    require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory, real_store):
    """One ``kernen app`` per test process, shared by the browser test files (tests/browser_app.py): on a copy
    of ``real_store`` plus the app test store's fictional gemeenten and hostile lesson, made once per run (the
    workers' apps share it and the results the app keeps beside it)."""
    require_tool("chromium")
    from browser_app import browser_store, running_app

    folder = shared_folder(tmp_path_factory, "browser", lambda folder: browser_store(real_store, folder))
    with running_app(folder / "store") as url:
        yield url


@pytest.fixture(scope="session")
def streamlit_components_scanned_once():
    """Streamlit's AppTest looks for installed custom components on every run, reading the metadata of every
    installed package (about 0.2 s a run); the installed packages do not change during a test run, so the
    first scan's answer is given to every later run."""
    from functools import cache

    from streamlit.components.v2 import manifest_scanner

    first = cache(manifest_scanner.scan_component_manifests)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest_scanner, "scan_component_manifests", lambda *args, **kwargs: list(first(*args, **kwargs)))
        yield


# --- The small shared test worlds, all fictional. Their quads are plain data in tests/fixtures_trajectory.py,
# tests/fixtures_year.py, tests/sample_store.py and tests/app_fixture.py; the stores are built here. In-memory
# stores and the sample store are shared by the whole session (tests only read them); the app store is written
# once per module (the app keeps its results beside it), a ``disk_store`` once per call.


def write_quads(path: Path, quads) -> Path:
    """A fresh pyoxigraph database at ``path`` holding ``quads`` (closed again, so other processes can open it)."""
    import gc

    import pyoxigraph as ox

    store = ox.Store(str(path))
    store.bulk_extend(quads)
    store.flush()
    del store
    gc.collect()
    return path


@pytest.fixture(scope="session")
def memory_store():
    """Build an in-memory ``LocalStore`` of the quads given: ``memory_store(quads)``."""
    from graph.store import LocalStore

    return LocalStore.in_memory


@pytest.fixture(scope="session")
def disk_store(tmp_path_factory):
    """Write quads to a new on-disk store: ``disk_store(quads, name="store")`` -> its path."""
    return lambda quads, name="store": write_quads(tmp_path_factory.mktemp(name) / "store", quads)


@pytest.fixture(scope="session")
def trajectory_store(memory_store):
    """The mini trajectory of tests/fixtures_trajectory.py, in memory."""
    from fixtures_trajectory import trajectory_quads

    return memory_store(trajectory_quads())


@pytest.fixture(scope="session")
def year_store(memory_store):
    """Snapshot k (1..6) of the year of tests/fixtures_year.py, in memory: ``year_store(k)``, each built once."""
    from functools import cache

    from fixtures_year import year_quads

    return cache(lambda snapshot: memory_store(year_quads(snapshot)))


@pytest.fixture(scope="session")
def sample_store(disk_store) -> Path:
    """The endpoint tests' sample store of tests/sample_store.py, on disk; tests only read it."""
    from sample_store import sample_quads

    return disk_store(sample_quads(), "sample")


@pytest.fixture(scope="module")
def app_store(disk_store) -> Path:
    """The app tests' store of tests/app_fixture.py, on disk: one per test module, as the app keeps a
    cache of results beside its store."""
    from app_fixture import app_quads

    return disk_store(app_quads(), "app")


@pytest.fixture(scope="session")
def praktijk_store():
    """The bundled practice graph with the ontology and reference graphs it links to, in a pyoxigraph store in
    memory (tests query it with :func:`union_rows`)."""
    import pyoxigraph as ox

    from graph.settings import DEFAULT_DATA
    from graph.sources.ontology import build_ontology
    from graph.sources.praktijk import build_praktijk
    from graph.sources.reference import build_reference

    store = ox.Store()
    store.bulk_extend(build_praktijk(DEFAULT_DATA) + build_ontology() + build_reference(DEFAULT_DATA))
    return store


@pytest.fixture(scope="session")
def example_store(memory_store):
    """The bundled example trajectory with the reference and practice data, in memory (skips if it is absent)."""
    from graph.build import default_inputs, standard_sources
    from graph.settings import DEFAULT_DATA

    inputs = default_inputs(DEFAULT_DATA)
    if not inputs:
        pytest.skip("data/trajecten/voorbeeld is not there")
    return memory_store([q for source in standard_sources(DEFAULT_DATA, inputs) for q in source.load()])
