"""The atomic build: every source into a new store directory, checked, then swapped in.

The store path (``data/build/store`` by default) is a symlink to the current versioned directory
(``store.v<time>-<pid>``). A build reads and converts each source in turn, loads the quads into
memory, adds provenance per named graph to ``G_META`` and runs the SHACL check there; meanwhile a
background thread writes every source already read into a fresh sibling staging directory (the
2x-faster path: the disk write overlaps the reading and the check). Bad input or a broken shape
removes the staging directory; only a complete, checked version gets its final name, and only
then is the symlink replaced with ``os.replace`` (atomic). A failure, an interrupt or even SIGKILL at
any point leaves the previous store intact and usable; the next build removes what a killed build
left behind.

A build only ever touches its own directories (``graph.store.versions``): ``--store`` on an existing
directory that is not a store made by this tool is refused with nothing changed; each version carries
a marker file, and clean-up matches version names exactly. The previous version is removed after
the swap only when no reader holds it (a reader in another process keeps a shared lock on it);
otherwise a later build removes it. The marker also records the size and SHA-256 of the public copy,
which a reader checks before loading it.

Sources are :class:`Source` steps (name, graph, a function returning quads), so a test can build
from a few hand-made quads:

>>> import tempfile, pyoxigraph as ox
>>> from graph.namespace import G_REFERENCE, KD, iri
>>> q = ox.Quad(ox.NamedNode(iri("provincie", "PV21")), ox.NamedNode(KD.code), ox.Literal("PV21"),
...             ox.NamedNode(G_REFERENCE))
>>> with tempfile.TemporaryDirectory() as tmp:
...     report = build(store_dir=f"{tmp}/store", sources=[Source("referentie", G_REFERENCE, lambda: [q])],
...                    validate=False)
...     report.graphs[str(G_REFERENCE)]
1
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import queue
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from rdflib import URIRef

from graph.build.cache import Loaded, load_source, remove_temp_files
from graph.build.inputs import default_inputs, standard_sources, trajectory_sources
from graph.sources import Source
from graph.namespace import G_META, G_PRIVATE
from graph.perf import paused_gc
from graph.settings import load_settings
from graph.store import PUBLIC_COPY
from graph.store.versions import (check_store_path, empty, is_ours, remove_if_unread, remove_leftovers,
                                  write_marker)

if TYPE_CHECKING:
    from graph.ingest.privacy import PersonalCheck

_PRIVATE = ox.NamedNode(str(G_PRIVATE))

Progress = Callable[[str, int, int], None]  # (step label, step number, number of steps)


@dataclass
class BuildReport:
    """What a build made: triples per named graph, instances per class, seconds per step."""

    store: str
    version: str = ""
    graphs: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)  # sources read back from the cache (graph.build.cache)
    redacted: dict[str, int] = field(default_factory=dict)  # personal data replaced, per kind (redact=True)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def build(inputs: Iterable[Path] = (), *, store_dir: str | Path | None = None,
          data_dir: str | Path | None = None, progress: Progress | None = None,
          sources: list[Source] | None = None, validate: bool = True, cache: bool = True,
          remove: Iterable[str] = (), keep: bool = True,
          redact: bool = False) -> BuildReport:
    """Build the store from every source, atomically; returns what was built.

    ``inputs``: trajectory inputs (default: ``data/trajecten/voorbeeld`` when it exists).
    ``keep``: trajectories in the current store that the inputs do not provide are carried over
    (with a warning), except those named in ``remove`` (:mod:`graph.build.cohorts`).
    ``cache``: read unchanged reference and practice data back from the cache beside the store.
    ``redact``: replace personal data in free text by ``[verwijderd: <soort>]`` (counted in
    ``report.redacted``) instead of refusing it.
    Bad input raises :class:`graph.errors.InputError` and leaves the previous store as it was.
    """
    settings = load_settings()
    store_path = Path(store_dir or settings.store).absolute()
    data = Path(data_dir or settings.data)
    report = BuildReport(store=str(store_path))
    check_store_path(store_path)  # first: a path that is not a store of ours is neither read nor written
    from graph.ingest.privacy import PersonalCheck

    personal = PersonalCheck(redact=redact, lang=settings.lang)
    if sources is None:
        inputs = list(inputs) or default_inputs(data)
        sources = standard_sources(data, inputs, warnings=report.warnings, personal=personal)
    if keep:
        sources = _with_kept_trajectories(sources, store_path, remove, report.warnings, personal)
    steps = [s.name for s in sources] + ["laden", "controle (SHACL)", "schrijven", "wisselen"]
    tick = _ticker(steps, progress, report)
    with _build_lock(store_path), paused_gc():
        check_store_path(store_path)  # again under the lock
        cache_dir = store_path.with_name(f".{store_path.name}.cache")
        _remove_leftovers(store_path, cache_dir)
        writer = _Writer(_staging_path(store_path))
        cache_dir = cache_dir if cache else None
        try:
            loaded: dict[str, Loaded] = {}
            for source in sources:  # the writer stores each source while the next one is read
                loaded[source.name] = tick(source.name, lambda: load_source(source, cache_dir))
                writer.add(loaded[source.name])
                if loaded[source.name].cached:
                    report.cached.append(source.name)
            memory = tick("laden", lambda: _load(sources, loaded, report, writer))
            if validate:
                tick("controle (SHACL)", lambda: _validate(memory, report))
            staging = tick("schrijven", writer.finish)
        except BaseException:  # also KeyboardInterrupt: never leave a half-written version around
            writer.abort()
            raise
        version = _final_path(store_path, staging)
        tick("wisselen", lambda: _swap(store_path, version))
    report.version = str(version)
    report.redacted = dict(personal.redacted)
    return report


def _with_kept_trajectories(sources: list[Source], store_path: Path, remove: Iterable[str],
                            warnings: list[str], personal: PersonalCheck) -> list[Source]:
    """``sources`` plus one that carries over the stored trajectories the others do not provide
    (their text checked for personal data like any input: :mod:`graph.build.privacy`)."""
    from graph.build.cohorts import KEPT_SOURCE, Cohorts
    from graph.build.privacy import screen_quads
    from graph.store import StoreMissing, current_version

    try:
        version = current_version(store_path)
    except StoreMissing:
        version = None
    if version is None or not version.is_dir():
        return sources
    cohorts = Cohorts(version, remove=remove, warnings=warnings)
    wrapped = [replace(s, load=cohorts.recording(s.load)) if s.graph is None else s for s in sources]

    def load_kept() -> list[ox.Quad]:
        return screen_quads(cohorts.load_kept(), personal, where=f"{store_path} ({version.name})")

    return wrapped + [Source(KEPT_SOURCE, None, load_kept, f"{KEPT_SOURCE} ({version.name})")]


def _ticker(steps: list[str], progress: Progress | None, report: BuildReport):
    def tick(name: str, fn: Callable[[], object]) -> object:
        if progress:
            progress(name, steps.index(name), len(steps))
        start = time.perf_counter()
        result = fn()
        report.seconds[name] = round(time.perf_counter() - start, 3)
        if progress and name == steps[-1]:
            progress("klaar", len(steps), len(steps))
        return result

    return tick


def _load(sources: list[Source], loaded: dict[str, Loaded], report: BuildReport,
          writer: "_Writer") -> ox.Store:
    """Every quad plus the provenance in an in-memory store, counted (the SHACL check runs on it:
    about three times faster in memory than on disk); the provenance also goes to the writer."""
    from graph.store import LocalStore
    from graph.store.stats import instances_per_class, triples_per_graph

    memory = ox.Store()
    # Python quads where the source was converted now (faster than parsing), else the cached N-Quads
    memory.bulk_extend(q for source in sources for q in loaded[source.name].quads or ())
    for source in sources:
        if loaded[source.name].quads is None:
            memory.bulk_load(loaded[source.name].nquads, format=ox.RdfFormat.N_QUADS)
    local = LocalStore(None, read_only=False, _store=memory)
    counts = triples_per_graph(local)
    report.classes = instances_per_class(local)
    built_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    meta = provenance_quads(counts, _graph_sources(sources, {k: v.graphs for k, v in loaded.items()}), built_at)
    memory.extend(meta)
    writer.add(Loaded.of(meta))
    report.graphs = {**counts, str(G_META): len({q for q in meta if q.graph_name != _PRIVATE})}
    return memory


class _Writer:
    """Writes the store directory on a background thread while the build goes on.

    Each chunk of quads is serialised to N-Quads (fast, in Rust) and bulk-loaded by pyoxigraph, which
    releases the GIL while it loads: the SHACL check and the reading of later sources run meanwhile on
    the other core. The public quads also go to :data:`PUBLIC_COPY` in the same directory, from which
    a query process loads its in-memory copy (``graph.store``) without reading the database.
    """

    def __init__(self, staging: Path):
        self.staging = staging
        staging.mkdir()
        write_marker(staging)  # first: only marked directories are ever removed
        self._store: ox.Store | None = ox.Store(str(staging))
        self._public = (staging / PUBLIC_COPY).open("wb")
        self._digest, self._bytes = hashlib.sha256(), 0  # of the public copy, checked before it is used
        self._queue: queue.SimpleQueue[tuple[bytes, bool] | None] = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kernen-store-writer", daemon=True)
        self._thread.start()

    def add(self, loaded: Loaded) -> None:
        """Queue a source's quads for the store (and the public ones for the public copy)."""
        if loaded.nquads is not None:
            if str(G_PRIVATE) in loaded.graphs:
                raise ValueError("een bron met persoonsgegevens wordt niet als N-Quads gebufferd")
            self._queue.put((loaded.nquads, True))
            return
        quads = loaded.quads
        private = [q for q in quads if q.graph_name == _PRIVATE]
        public = [q for q in quads if q.graph_name != _PRIVATE] if private else quads
        if public:
            self._queue.put((ox.serialize(public, format=ox.RdfFormat.N_QUADS), True))
        if private:
            self._queue.put((ox.serialize(private, format=ox.RdfFormat.N_QUADS), False))

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is not None:
                continue  # drain: the build will fail
            data, public = item
            try:
                self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
                if public:
                    self._public.write(data)
                    self._digest.update(data)
                    self._bytes += len(data)
            except BaseException as exc:  # noqa: BLE001 - handed to the building thread in finish()
                self._error = exc

    def _stop(self) -> None:
        self._queue.put(None)
        self._thread.join()
        self._public.close()

    def finish(self) -> Path:
        """Wait until everything is written; the closed staging directory."""
        self._stop()
        if self._error is not None:
            raise self._error
        self._store.flush()
        self._store = None  # closes the database before the rename
        write_marker(self.staging, public_copy={"bytes": self._bytes, "sha256": self._digest.hexdigest()})
        return self.staging

    def abort(self) -> None:
        """Stop (after the chunk being loaded) and remove the staging directory."""
        self._error = self._error or RuntimeError("build afgebroken")
        if self._thread.is_alive():
            self._stop()
        self._store = None
        empty(self.staging)


def _staging_path(store_path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
    return store_path.parent / f"{store_path.name}.partial-{os.getpid()}-{stamp}"


def _final_path(store_path: Path, staging: Path) -> Path:
    """Give the written staging directory its final, versioned name."""
    stamp = staging.name.rsplit("-", 1)[-1]
    final = store_path.parent / f"{store_path.name}.v{stamp}-{os.getpid()}"
    try:
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def _graph_sources(sources: list[Source], graphs: dict[str, Iterable[str]]) -> dict[str, str]:
    """Named graph IRI -> where its data came from (``graphs``: source name -> the graphs it fills)."""
    found: dict[str, str] = {}
    for source in sources:
        for graph in sorted(graphs[source.name]):
            found.setdefault(graph, source.source)
    return found


def provenance_quads(counts: dict[str, int], sources: dict[str, str],
                     built_at: dt.datetime) -> list[ox.Quad]:
    """For each named graph, in ``G_META``: title, source, licence, build time, triple count (the
    private graph's own description stays in the private graph)."""
    from graph.sources.provenance import GRAPHS, GraphInfo, provenance

    known = {str(g): info for g, info in GRAPHS.items()}
    out: list[ox.Quad] = []
    for graph, n in counts.items():
        info = known.get(graph) or GraphInfo(
            f"Gegevens uit {_relative(sources.get(graph, '?'))}", f"Data from {_relative(sources.get(graph, '?'))}",
            description_nl="Invoer van een leertraject; persoonsgegevens alleen in de privégraaf.")
        quads = provenance(URIRef(graph), info, generated=built_at, triples=n)
        if graph == _PRIVATE.value:  # the public meta graph says nothing of the private graph
            quads = [ox.Quad(q.subject, q.predicate, q.object, _PRIVATE) for q in quads]
        out += quads
    return out


def _relative(path: str) -> str:
    """A source path relative to the project, so the graph does not name the builder's home."""
    from graph.settings import ROOT

    with contextlib.suppress(ValueError):
        return str(Path(path).resolve().relative_to(ROOT))
    return Path(path).name


def _validate(memory: ox.Store, report: BuildReport) -> None:
    """The SHACL check of ``graph.build.shacl`` (skipped, with a warning, while it does not exist).

    Raises :class:`graph.errors.InputError` naming each record that breaks a shape.
    """
    try:
        from graph.build.shacl import assert_valid
    except ImportError:
        report.warnings.append("SHACL-controle overgeslagen: graph.build.shacl ontbreekt nog")
        return
    assert_valid(memory)


@contextlib.contextmanager
def _build_lock(store_path: Path) -> Iterator[None]:
    """One build at a time per store (an flock, released by the kernel even on SIGKILL)."""
    store_path.parent.mkdir(parents=True, exist_ok=True)
    with open(store_path.parent / f".{store_path.name}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RuntimeError(f"er loopt al een build voor {store_path} (another build is running)") from None
        yield


def _remove_leftovers(store_path: Path, cache_dir: Path) -> None:
    """Remove what earlier builds left: versions no reader holds any more, killed builds' staging
    directories and swap links, the cache's temp files. Only this tool's own names, matched exactly."""
    remove_leftovers(store_path)
    remove_temp_files(cache_dir)


def _swap(store_path: Path, version: Path) -> None:
    """Point ``store_path`` at ``version`` atomically, then remove the previous version unless a
    reader in some process still holds it (then the next build removes it)."""
    previous = store_path.resolve() if store_path.is_symlink() else None
    link = store_path.with_name(f".{store_path.name}.swap-{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(version.name)
    os.replace(link, store_path)
    _fsync_dir(store_path.parent)
    if previous is not None and previous != version and is_ours(previous):
        remove_if_unread(previous)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


__all__ = ["build", "BuildReport", "Source", "standard_sources", "default_inputs", "trajectory_sources", "provenance_quads"]
