"""The version directories of a local store: which are ours, which readers hold, which may go.

A store path (``data/build/store``) is a symlink to a version directory beside it,
``store.v<stamp>-<pid>``; a build writes into ``store.partial-<pid>-<stamp>`` first. Every directory
this tool makes carries a marker file, :data:`MARKER`, with a format version, and only such
directories (names matched exactly, never a prefix) are ever removed: a neighbour ``store.voorbeeld``
or ``store.v2`` is not ours and stays.

Readers hold a shared ``flock`` on the marker of the version they read (:func:`hold`); a version
is removed only when an exclusive lock on it succeeds, so a reader in another process (a
``kernen export data`` during a rebuild) finishes on the version it started with. The kernel
releases the locks of a killed process.

Removal survives being killed at any moment: a version is first renamed to a trash name
(``.store.v<stamp>-<pid>.trash``, so no reader starts on it), then emptied with its marker last; a
later build finishes what a killed one left. A marker is recognised by its first bytes, so one torn
by a kill during a rewrite still says whose directory it is.

>>> import re
>>> bool(version_pattern("store").fullmatch("store.v20260101T120000000001-42"))
True
>>> [bool(version_pattern("store").fullmatch(n)) for n in ("store.v2", "store.voorbeeld", "store.v1-2-3")]
[False, False, False]
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import shutil
from pathlib import Path

MARKER = "kernen-store.json"  # in every version directory this tool makes
FORMAT = 1  # the layout of a version directory; raise it when the layout changes
_LEGACY_FILES = ("kernen-public.nq", "CURRENT")  # versions built before the marker existed
_STAMP = r"\d{8}T\d{12}"
_SIGNATURE = b'{\n "kernendemocratie-store": '  # how every marker begins (json.dumps, indent=1, key first)


class NotAStore(ValueError):
    """A path given as a store is something else (a user's directory or file): it is left alone."""


def version_pattern(name: str) -> re.Pattern[str]:
    """The exact name of a version directory of store ``name``."""
    return re.compile(rf"{re.escape(name)}\.v{_STAMP}-\d+")


def staging_pattern(name: str) -> re.Pattern[str]:
    """The exact name of a build's staging directory of store ``name``."""
    return re.compile(rf"{re.escape(name)}\.partial-\d+-{_STAMP}")


def swap_pattern(name: str) -> re.Pattern[str]:
    """The exact name of the temporary symlink of a swap (left behind by a killed build)."""
    return re.compile(rf"\.{re.escape(name)}\.swap-\d+")


def trash_pattern(name: str) -> re.Pattern[str]:
    """The exact name of a version or staging directory of store ``name`` being removed."""
    return re.compile(rf"\.{re.escape(name)}\.(v{_STAMP}-\d+|partial-\d+-{_STAMP})\.trash")


def write_marker(directory: Path, **fields: object) -> None:
    """Mark ``directory`` as a store version made by this tool (``fields``: what a reader may check,
    such as the checksum of the public copy)."""
    text = json.dumps({"kernendemocratie-store": FORMAT, **fields}, indent=1) + "\n"
    with open(directory / MARKER, "r+" if (directory / MARKER).exists() else "w", encoding="utf-8") as handle:
        handle.write(text)  # in place: the marker's inode is what readers lock
        handle.truncate()


def read_marker(directory: Path) -> dict:
    """The marker's fields (empty for a directory without a readable marker)."""
    with contextlib.suppress(OSError, ValueError):
        data = json.loads((directory / MARKER).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    return {}


def is_ours(directory: Path) -> bool:
    """Whether ``directory`` is a version (or staging) directory made by this tool."""
    if not directory.is_dir() or directory.is_symlink():
        return False
    if (directory / MARKER).is_file():
        return _signed(directory / MARKER)
    return all((directory / name).is_file() for name in _LEGACY_FILES)


def _signed(marker: Path) -> bool:
    """Whether ``marker`` begins as this tool writes it (also when a kill tore its later bytes)."""
    try:
        with open(marker, "rb") as handle:
            return handle.read(len(_SIGNATURE)) == _SIGNATURE
    except OSError:
        return False


def check_store_path(store_path: Path) -> None:
    """Raise :class:`NotAStore` unless ``store_path`` is absent or a store made by this tool: a
    symlink to one of its own version directories beside it."""
    if not store_path.exists() and not store_path.is_symlink():
        return
    why = "het is een bestand" if store_path.is_file() and not store_path.is_symlink() else \
        "het is een gewone map" if not store_path.is_symlink() else "de link wijst niet naar een versie van deze store"
    if store_path.is_symlink():
        target = Path(os.readlink(store_path))
        version = store_path.parent / target.name
        if target.name == str(target) and version_pattern(store_path.name).fullmatch(target.name) \
                and is_ours(version):
            return
    raise NotAStore(f"{store_path} is geen store van kernen ({why}); er is niets gewijzigd. "
                    "Kies een andere --store of verwijder het zelf (not a store made by this tool)")


def removable(store_path: Path) -> list[Path]:
    """Our version and staging directories beside ``store_path`` other than the current one."""
    current = store_path.resolve() if store_path.is_symlink() else None
    patterns = (version_pattern(store_path.name), staging_pattern(store_path.name))
    found = []
    for path in store_path.parent.iterdir():
        if any(p.fullmatch(path.name) for p in patterns) and path != current and is_ours(path):
            found.append(path)
    return found


def remove_if_unread(version: Path) -> bool:
    """Remove a version directory unless a reader holds it; whether it was removed."""
    marker = version / MARKER
    try:
        handle = open(marker, "r+b")
    except FileNotFoundError:  # an older version without a marker
        shutil.rmtree(version, ignore_errors=True)
        return True
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                return False  # a reader holds it: the next build tries again
            raise
        trash = version.with_name(f".{version.name}.trash")
        version.rename(trash)  # first, under the lock: a reader that locks after us finds it gone
        empty(trash)
    return True


def empty(directory: Path) -> None:
    """Remove a directory of ours so that a kill at any moment leaves it recognisable: everything
    but the marker first, then the marker, then the empty directory."""
    for entry in directory.iterdir():
        if entry.name == MARKER:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    (directory / MARKER).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        directory.rmdir()


def remove_leftovers(store_path: Path) -> list[Path]:
    """Remove old versions no reader holds, killed builds' staging directories and swap links;
    returns the versions kept because a reader holds them."""
    kept = [v for v in removable(store_path) if not remove_if_unread(v)]
    swap, trash, staging = (swap_pattern(store_path.name), trash_pattern(store_path.name),
                            staging_pattern(store_path.name))
    for path in store_path.parent.iterdir():
        if swap.fullmatch(path.name) and path.is_symlink():
            path.unlink(missing_ok=True)
        elif trash.fullmatch(path.name) and path.is_dir() and not path.is_symlink():
            if is_ours(path):
                empty(path)
            else:  # a removal killed after its marker went: only an empty directory is removed
                with contextlib.suppress(OSError):
                    path.rmdir()
        elif staging.fullmatch(path.name) and path.is_dir() and not is_ours(path):
            _remove_unmarked_staging(path)
    return kept


def _remove_unmarked_staging(path: Path) -> None:
    """A build killed between making its staging directory and writing the marker leaves it empty
    (or with an empty marker file); only such a directory is removed."""
    names = [entry.name for entry in path.iterdir()]
    if names == [MARKER] and (path / MARKER).stat().st_size == 0:
        (path / MARKER).unlink()
        names = []
    if not names:
        with contextlib.suppress(OSError):
            path.rmdir()


class Hold:
    """A reader's shared lock on a version directory (released by :meth:`release` or at exit)."""

    def __init__(self, version: Path, handle):
        self.version, self._handle = version, handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the flock
            self._handle = None


def hold(version: Path) -> Hold | None:
    """A shared lock on ``version`` while it is read, or ``None`` when it has no marker (an
    in-memory or older store) or is being removed (the caller resolves the store path again)."""
    marker = version / MARKER
    try:
        handle = open(marker, "rb")
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        if os.stat(marker).st_ino != os.fstat(handle.fileno()).st_ino:
            raise FileNotFoundError(marker)
    except OSError:  # a build is removing it right now
        handle.close()
        return None
    return Hold(version, handle)
