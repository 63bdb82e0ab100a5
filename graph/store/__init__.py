"""The store: an embedded Oxigraph directory on disk, or (``graph.store.remote``) a SPARQL 1.1 endpoint.

:func:`open_store` is the one way in. A local store directory is a symlink to the current
versioned directory that :mod:`graph.build` swapped in; readers open it read-only and reopen
transparently when a new build has been swapped in.

``Store.query`` runs *trusted* query text (our own analysis and summaries) in-process and fast.
Untrusted text (CLI, endpoint, app) goes through :func:`graph.sparql.run_safe` instead.

The default dataset of a query is the union of the public named graphs; the private graph
(personal data) is only visible when asked for explicitly.

Public queries on a built store run on an in-memory copy of the public graphs when it is small
enough (``query_memory_mb``, 300 MB of N-Quads by default): loaded once per process and version, on
a background thread, from the N-Quads file the build writes beside the database (:data:`PUBLIC_COPY`),
with Oxigraph's union default graph; until it is ready, queries go to the disk. That is about 4x
faster than the database on disk and 3x faster than an explicit list of public graphs
(``tests/benchmarks/run.py``); larger stores are queried on disk.

>>> import pyoxigraph as ox
>>> from graph.namespace import G_REFERENCE, KD, iri
>>> store = LocalStore.in_memory([ox.Quad(ox.NamedNode(iri("gemeente", "GM1900")),
...     ox.NamedNode(KD.inwoners), ox.Literal(92_000), ox.NamedNode(G_REFERENCE))])
>>> store.query("SELECT ?n WHERE { ?g kd:inwoners ?n }").records()
[{'n': 92000}]
>>> store.count()
1
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from graph.messages import current_lang, t
from graph.namespace import G_PRIVATE, PREFIXES
from graph.store.base import DUMP_FORMATS, Store, StoreMissing
from graph.store.binding import bind_values, to_term
from graph.store.results import QueryResult, Term, records_of
from graph.store.versions import hold, read_marker

__all__ = ["Store", "LocalStore", "StoreMissing", "QueryResult", "Term", "open_store", "DUMP_FORMATS",
           "bind_values", "to_term", "current_version", "memory_copy", "PUBLIC_COPY"]

_PRIVATE = ox.NamedNode(str(G_PRIVATE))
PUBLIC_COPY = "kernen-public.nq"  # written by graph.build into each store version
_COPIES_KEPT = 2
_COPIES_LOCK = threading.Lock()
_LOG = logging.getLogger("graph.store")


class _Copy:
    """An in-memory copy of one version's public graphs, loaded on a background thread (pyoxigraph's
    bulk loader releases the GIL), so no query waits for it: until it is ready, queries use the disk.

    The file is checked against the size and SHA-256 the build wrote into the version's marker
    before it is loaded: a truncated or altered copy is never used (the disk answers, and the log
    says why)."""

    def __init__(self, path: Path, limit_mb: float):
        self.store: ox.Store | None = None
        self.ready = threading.Event()
        self.lang = current_lang()  # the thread starts without the caller's context: its language taken along
        if limit_mb > 0 and path.is_file() and path.stat().st_size <= limit_mb * 1_000_000:
            threading.Thread(target=self._load, args=(path,), name="kernen-public-copy", daemon=True).start()
        else:
            self.ready.set()  # nothing to load: always the disk

    def _load(self, path: Path) -> None:
        try:
            data = path.read_bytes()
            problem = copy_problem(data, read_marker(path.parent).get("public_copy"), self.lang)
            if problem:
                _LOG.warning(t("store.copy_unused", self.lang, path=path, why=problem))
                return
            store = ox.Store()
            store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            self.store = store
        except (OSError, SyntaxError, ValueError) as exc:  # an unreadable copy: the disk still answers
            _LOG.warning(t("store.copy_unused", self.lang, path=path, why=exc))
        finally:
            self.ready.set()


def copy_problem(data: bytes, expected: object, lang: str | None = None) -> str:
    """Why ``data`` is not the public copy the build wrote ('' when it is), in ``lang`` (default: the chosen
    language); ``expected``: the marker's ``{"bytes": ..., "sha256": ...}``.

    >>> copy_problem(b"x", {"bytes": 1, "sha256": hashlib.sha256(b"x").hexdigest()})
    ''
    >>> copy_problem(b"", {"bytes": 1, "sha256": "0"})
    'het bestand is 0 bytes, de build schreef er 1'
    """
    if not isinstance(expected, dict) or "sha256" not in expected:
        return t("store.copy_no_sum", lang)
    if len(data) != expected.get("bytes"):
        return t("store.copy_size", lang, found=len(data), written=expected.get("bytes"))
    if hashlib.sha256(data).hexdigest() != expected["sha256"]:
        return t("store.copy_sha", lang)
    return ""


_COPIES: "OrderedDict[tuple[Path, float], _Copy]" = OrderedDict()  # (version, limit) -> copy


def memory_copy(version: Path, limit_mb: float, *, wait: bool = False) -> ox.Store | None:
    """The in-memory copy of the public graphs of a store version (loading starts on the first call,
    once per process), or ``None``: still loading (unless ``wait``), no copy file, or the file is
    larger than ``limit_mb``."""
    key = (version, limit_mb)
    with _COPIES_LOCK:
        copy = _COPIES.get(key)
        if copy is None:
            copy = _COPIES[key] = _Copy(version / PUBLIC_COPY, limit_mb)
            while len(_COPIES) > _COPIES_KEPT:
                _COPIES.popitem(last=False)
        _COPIES.move_to_end(key)
    if wait:
        copy.ready.wait()
    return copy.store if copy.ready.is_set() else None


def current_version(path: str | Path) -> Path:
    """The versioned directory a store path points at (the path itself when it is no symlink)."""
    path = Path(path)
    if not path.exists():
        raise StoreMissing(f"geen store in {path}: voer eerst `kernen build` uit (no store yet)")
    return path.resolve()


class LocalStore(Store):
    """An embedded pyoxigraph store; read-only by default.

    A read-only store notices a newly swapped-in build (the symlink points elsewhere) and reopens.
    """

    def __init__(self, location: str | Path | None, *, read_only: bool = True,
                 _store: ox.Store | None = None, memory_mb: int | None = None):
        self.location = str(location) if location is not None else ":memory:"
        self.read_only = read_only
        self._version: Path | None = None
        self._hold = None  # the shared lock on the version read (graph.store.versions)
        self._ox = _store if _store is not None else self._open()
        self._public: list[ox.NamedNode] | None = None
        if memory_mb is None and self.read_only and self._version is not None:
            from graph.settings import load_settings

            memory_mb = load_settings().query_memory_mb
        self._memory_mb = memory_mb or 0

    @classmethod
    def in_memory(cls, quads: Iterable[ox.Quad] = ()) -> "LocalStore":
        """A writable in-memory store holding ``quads`` (tests, small graphs)."""
        store = ox.Store()
        store.extend(list(quads))
        return cls(None, read_only=False, _store=store)

    def pinned(self) -> "LocalStore":
        """This store fixed to the version it reads now: a reader that needs one consistent version
        (an export) is not moved to a build swapped in meanwhile, and holds its version until closed."""
        self._refresh()
        if self._version is None:
            return self
        return LocalStore(self._version, read_only=self.read_only, memory_mb=self._memory_mb)

    @property
    def version(self) -> Path | None:
        """The versioned directory in use (``None`` in memory)."""
        return self._version

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store`` (reopened first if a new build was swapped in)."""
        self._refresh()
        return self._ox

    def _open(self) -> ox.Store:
        self._hold_version()
        if self.read_only:
            return ox.Store.read_only(str(self._version))
        return ox.Store(str(self._version))

    def _hold_version(self) -> None:
        """Resolve the store path and hold the version, so no build removes it while it is read.
        A version a build is removing is no longer current: resolve again."""
        previous = self._hold
        for _ in range(5):
            version = current_version(self.location)
            self._hold = hold(version)
            if self._hold is not None or current_version(self.location) == version:
                break  # held, or current and without a marker (built before markers existed)
        self._version = version
        if previous is not None:
            previous.release()

    def _refresh(self) -> None:
        if self._version is None or not self.read_only:
            return
        if Path(self.location).resolve() != self._version:
            self._ox = self._open()
            self._public = None

    def named_graphs(self, *, include_private: bool = False) -> list[ox.NamedNode]:
        """The named graphs as pyoxigraph nodes, private graph only when asked for."""
        store = self.oxigraph
        public = self._public
        if public is None:
            public = sorted((g for g in store.named_graphs()
                             if isinstance(g, ox.NamedNode) and g != _PRIVATE), key=str)
            if self.read_only:  # a read-only version never changes: remember its graphs
                self._public = public
        if include_private and store.contains_named_graph(_PRIVATE):
            return [*public, _PRIVATE]
        return list(public)

    def public_copy(self, *, wait: bool = False) -> ox.Store | None:
        """The in-memory copy of the public graphs (see the module docs), or ``None`` (also while it
        loads, unless ``wait``)."""
        self._refresh()
        if self._version is None or not self.read_only or not self._memory_mb:
            return None
        return memory_copy(self._version, self._memory_mb, wait=wait)

    def query(self, text: str, *, bindings: Mapping[str, object] | None = None,
              include_private: bool = False, max_rows: int | None = None,
              timeout: float | None = None) -> QueryResult:
        """Run trusted SPARQL in-process. ``timeout`` cannot be enforced here (see ``run_safe``)."""
        text = bind_values(text, bindings or {})
        copy = None if include_private else self.public_copy()
        start = time.perf_counter()
        if copy is not None:  # holds only the public graphs: its union is the public dataset
            raw = copy.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
        else:
            graphs = self.named_graphs(include_private=include_private)
            raw = self.oxigraph.query(text, prefixes=PREFIXES, default_graph=graphs or None,
                                      named_graphs=graphs)
        return QueryResult.from_oxigraph(raw, max_rows=max_rows, started=start)

    def records(self, text: str, *, bindings: Mapping[str, object] | None = None) -> list[dict[str, object]]:
        """A trusted SELECT's rows as dicts of Python values: ``query(...).records()`` without the
        intermediate terms (the app's and the views' reads)."""
        text = bind_values(text, bindings or {})
        copy = self.public_copy()
        if copy is not None:
            raw = copy.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
        else:
            graphs = self.named_graphs()
            raw = self.oxigraph.query(text, prefixes=PREFIXES, default_graph=graphs or None, named_graphs=graphs)
        if not isinstance(raw, ox.QuerySolutions):
            raise ValueError("records() needs a SELECT query")
        return records_of(raw)

    def query_own_dataset(self, text: str, *, max_rows: int | None = None) -> QueryResult:
        """Run a query whose FROM/FROM NAMED clauses (already checked: public graphs only) choose the
        dataset."""
        copy = self.public_copy()
        store = copy if copy is not None else self.oxigraph
        start = time.perf_counter()
        raw = store.query(text, prefixes=PREFIXES)
        return QueryResult.from_oxigraph(raw, max_rows=max_rows, started=start)

    def graphs(self, *, include_private: bool = False) -> list[str]:
        return [g.value for g in self.named_graphs(include_private=include_private)]

    def count(self, graph: str | None = None) -> int:
        node = ox.NamedNode(graph) if graph else None
        if node is None:
            return len(self.oxigraph)
        query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        raw = self.oxigraph.query(query, named_graphs=[node])
        return int(next(iter(raw))["n"].value)

    def dump(self, format: str, *, include_private: bool = False) -> bytes:
        if format not in DUMP_FORMATS:
            raise ValueError(f"onbekend formaat {format!r}; kies uit {', '.join(DUMP_FORMATS)}")
        rdf_format = DUMP_FORMATS[format]
        quads = self._dump_quads(include_private=include_private)
        if rdf_format.supports_datasets:
            return ox.serialize(quads, format=rdf_format, prefixes=PREFIXES)
        triples = (q.triple for q in quads)
        return ox.serialize(triples, format=rdf_format, prefixes=PREFIXES)

    def _dump_quads(self, *, include_private: bool) -> Iterable[ox.Quad]:
        store = self.oxigraph
        for graph in self.named_graphs(include_private=include_private):
            yield from store.quads_for_pattern(None, None, None, graph)

    def close(self) -> None:
        self._ox = None  # pyoxigraph closes the database when the object is released
        if self._hold is not None:
            self._hold.release()
            self._hold = None

    def __repr__(self) -> str:
        return f"LocalStore({self.location!r}, read_only={self.read_only})"


def open_store(location: str | Path | None = None, *, read_only: bool = True, memory_copy: bool = True) -> Store:
    """Open the store at ``location`` (a directory, or an http(s) SPARQL endpoint URL).

    ``None`` takes the location from settings (flag, ``KERNEN_STORE``, ``kernen.toml``).
    A missing local store raises :class:`StoreMissing` with what to do. ``memory_copy=False``: a
    local store answers from the database on disk only, for a command that asks a few queries and
    exits (loading the in-memory copy would cost it more CPU than the copy saves).
    """
    if location is None:
        from graph.settings import load_settings

        location = load_settings().store
    text = str(location)
    if text.startswith(("http://", "https://")):
        from graph.store.remote import RemoteStore  # written against this interface; imported on use

        return RemoteStore(text, read_only=read_only)
    return LocalStore(Path(text), read_only=read_only, memory_mb=None if memory_copy else 0)
