"""The build's cache of converted sources: a source whose inputs and code did not change is read back
as N-Quads instead of being converted again.

Rebuilding after an edit of a trajectory is the common case, and the reference data (342 gemeenten,
2,501 kernen, 17,967 wijken and buurten) do not change then: their conversion from CSV is most of a
build's Python work. The cache key is a SHA-256 over the source's name, every file of its inputs
(path and bytes), the code of the ``graph`` package and the pyoxigraph version, so any change of data
or code converts again. The cache lives beside the store (``.store.cache/``), one entry per source.

>>> import tempfile
>>> from graph.sources import Source
>>> from graph.namespace import G_REFERENCE, KD, iri
>>> q = ox.Quad(ox.NamedNode(iri("provincie", "PV21")), ox.NamedNode(KD.code), ox.Literal("PV21"),
...             ox.NamedNode(G_REFERENCE))
>>> with tempfile.TemporaryDirectory() as tmp:
...     (Path(tmp) / "reference").mkdir()
...     source = Source("referentie", G_REFERENCE, lambda: [q], inputs=(Path(tmp) / "reference",))
...     first, again = load_source(source, Path(tmp) / "cache"), load_source(source, Path(tmp) / "cache")
>>> first.cached, again.cached, again.graphs == first.graphs, again.nquads == first.nquads
(False, True, True, True)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from graph.sources import Source

PACKAGE = Path(__file__).resolve().parent.parent  # the whole graph package: its code is part of the key


@dataclass(frozen=True)
class Loaded:
    """A source's quads: pyoxigraph quads (when converted now), N-Quads (cacheable sources), or both."""

    quads: list[ox.Quad] | None
    nquads: bytes | None
    graphs: frozenset[str]  # the named graphs it fills
    cached: bool = False  # read back from the cache

    @classmethod
    def of(cls, quads: list[ox.Quad]) -> "Loaded":
        return cls(quads, None, graphs_of(quads))


def graphs_of(quads) -> frozenset[str]:
    """The IRIs of the named graphs of ``quads``."""
    return frozenset(q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode))


def load_source(source: Source, cache_dir: Path | None) -> Loaded:
    """The source's quads: from the cache when its key matches, else converted (and cached)."""
    if not source.inputs or cache_dir is None:
        return Loaded.of(list(source.load()))
    key = cache_key(source.name, source.inputs)
    data_path, meta_path = cache_dir / f"{source.name}-{key}.nq", cache_dir / f"{source.name}-{key}.json"
    if data_path.is_file() and meta_path.is_file():
        try:
            graphs = frozenset(json.loads(meta_path.read_text(encoding="utf-8"))["graphs"])
            return Loaded(None, data_path.read_bytes(), graphs, cached=True)
        except (OSError, ValueError, KeyError):
            pass  # a damaged entry: convert again
    quads = list(source.load())
    loaded = Loaded(quads, ox.serialize(quads, format=ox.RdfFormat.N_QUADS), graphs_of(quads))
    _store(cache_dir, source.name, data_path, meta_path, loaded)
    return loaded


def _store(cache_dir: Path, name: str, data_path: Path, meta_path: Path, loaded: Loaded) -> None:
    """Write the entry (each file atomically) and remove the source's older entries."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob(f"{name}-*"):
            old.unlink(missing_ok=True)
        _write(data_path, loaded.nquads)
        _write(meta_path, json.dumps({"graphs": sorted(loaded.graphs)}).encode("utf-8"))
    except OSError:
        pass  # a cache that cannot be written only costs time


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:  # a full disk: never leave a half-written temp file behind
        tmp.unlink(missing_ok=True)
        raise


_TEMP = re.compile(r"\..+\.\d+\.tmp")


def remove_temp_files(cache_dir: Path) -> None:
    """Remove temp files a killed build left in the cache (one build at a time holds the cache)."""
    if cache_dir.is_dir():
        for path in cache_dir.iterdir():
            if _TEMP.fullmatch(path.name) and path.is_file():
                path.unlink(missing_ok=True)


def cache_key(name: str, inputs: tuple[Path, ...]) -> str:
    """SHA-256 over the name, the inputs' files, the package's code and the pyoxigraph version."""
    digest = hashlib.sha256(f"{name}\0{ox.__version__}\0{code_digest()}".encode())
    for root in inputs:
        root = Path(root)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            digest.update(f"\0{path.relative_to(root) if root.is_dir() else path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-256 of every Python file of the ``graph`` package (a code change converts again)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
