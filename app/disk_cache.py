"""The app's reader results kept on disk per store build, so a new server process (or a memory
cache that was emptied) reads them back instead of computing them again.

Files live beside the store path, in ``<store>.app-cache/<version>/``, one pickle per reader and
options; ``<version>`` is the versioned directory the store path points at (with its change time when
the path is no symlink to a version) and the package code's digest, so a new build or a code change starts an empty folder (older folders are removed when a
new one is made). Only local stores get a disk cache (none with ``KERNEN_APP_DISK_CACHE=0``); a folder that cannot be written just means
no disk cache. The files are written by this app for this store's owner: a reader never unpickles
anything that is not under the store's own parent directory.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable

SUFFIX = ".app-cache"
SWITCH = "KERNEN_APP_DISK_CACHE"  # "0": no disk cache (every cold render computes)


def folder(where: str) -> Path | None:
    """The cache folder of the build the store path ``where`` points at now; None for remote or
    missing stores."""
    from graph.build.cache import code_digest

    if os.environ.get(SWITCH, "1") == "0" or where.startswith(("http://", "https://")):
        return None
    path = Path(where)
    if not path.exists():
        return None
    resolved = path.resolve()
    version = resolved.name if path.is_symlink() else f"{resolved.name}@{resolved.stat().st_mtime_ns}"
    return path.parent / (path.name + SUFFIX) / f"{version}-{code_digest()[:12]}"


def freeze(options: dict[str, Any]) -> tuple:
    """Keyword options as a sorted tuple of ``(name, value)``, lists and sets as tuples (hashable, and the
    same text in a key whatever their order).

    >>> freeze({"lang": "nl", "size": [4, 6], "codes": {"b", "a"}})
    (('codes', ('a', 'b')), ('lang', 'nl'), ('size', (4, 6)))
    """
    def one(value: Any) -> Any:
        if isinstance(value, (set, frozenset)):
            return tuple(sorted(value, key=str))
        return tuple(value) if isinstance(value, list) else value
    return tuple(sorted((k, one(v)) for k, v in options.items()))


def call_key(name: str, options: tuple) -> str:
    """The key of ``reader(store, **options)``; ``name`` is the reader's ``module:qualname``."""
    return f"call:{name}:{options!r}"


def shared_key(name: str, options: tuple) -> str:
    """The key of a shared result (the analysis projection)."""
    return f"shared:{name}:{options!r}"


def projection_key(traject: str | None, name: str, options: tuple) -> str:
    """The key of ``reader(projection, **options)`` on the projection of ``traject`` (None: all)."""
    return f"projection:{traject!r}:{name}:{options!r}"


def search_key(lang: str, k: int) -> str:
    """The key of the prepared search index (entries and the threads of at least ``k`` gemeenten)."""
    return f"search:{lang}:k={k}"


def layout_key(digest: str) -> str:
    """The key of a network layout (``graph.views.netviz.layout_key`` of its nodes and edges)."""
    return f"layout:{digest}"


def has(where: str, key: str) -> bool:
    """Whether the current build's folder holds a result for ``key``."""
    base = folder(where)
    return base is not None and _file(base, key).exists()


def _file(base: Path, key: str) -> Path:
    return base / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".pickle")


def cached(where: str, key: str, compute: Callable[[], Any]) -> Any:
    """The result stored for ``key`` in the current build's folder, else ``compute()`` (then stored)."""
    base = folder(where)
    if base is None:
        return compute()
    path = _file(base, key)
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    value = compute()
    _store(base, path, value)
    return value


def _store(base: Path, path: Path, value: Any) -> None:
    try:
        if not base.exists():
            base.mkdir(parents=True, exist_ok=True)
            _remove_others(base)
        fd, temp = tempfile.mkstemp(dir=base, suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)  # atomic: a reader sees the whole file or none
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return


def _remove_others(base: Path) -> None:
    """Folders of earlier builds or code versions."""
    for other in base.parent.iterdir():
        if other != base and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)
