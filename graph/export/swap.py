"""Writing a directory of files as one set: into a new directory beside it, then swapped in whole.

A reader of the directory (``kernen serve`` offering the dumps, a user copying them) sees the old
set or the new set, never new files next to an old ``manifest.json``. The swap is one
``renameat2(RENAME_EXCHANGE)`` where Linux offers it, else two renames. A kill at any moment
leaves the old set or the new one in place, plus a hidden ``.<name>.new-<pid>`` directory that the
next write removes. Only a directory this module wrote (it holds ``manifest.json`` and nothing the
manifest does not list) or an empty one is ever replaced: a user's folder with other files is refused.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     out = Path(tmp) / "dumps"
...     write_set(out, {"a.txt": b"1", MANIFEST: b'{"files": [{"name": "a.txt"}]}'})
...     write_set(out, {"b.txt": b"2", MANIFEST: b'{"files": [{"name": "b.txt"}]}'})
...     sorted(p.name for p in out.iterdir()), sorted(p.name for p in Path(tmp).iterdir())
(['b.txt', 'manifest.json'], ['dumps'])
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import re
import shutil
from pathlib import Path

MANIFEST = "manifest.json"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class NotAnExport(ValueError):
    """The target directory holds files that no earlier export wrote: it is left alone."""


def write_set(out: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (name -> bytes, ``manifest.json`` among them) as the whole content of ``out``."""
    out = Path(out).absolute()
    check_target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    new = out.parent / f".{out.name}.new-{os.getpid()}"
    new.mkdir()
    try:
        for name, data in files.items():
            _write(new / name, data)
        _fsync(new)
        _swap_in(new, out)
    finally:
        shutil.rmtree(new, ignore_errors=True)  # after the swap: the old set
    _fsync(out.parent)


def check_target(out: Path) -> None:
    """Raise :class:`NotAnExport` unless ``out`` is absent, empty, or an earlier export."""
    if not out.exists() and not out.is_symlink():
        return
    if not out.is_dir() or out.is_symlink():
        raise NotAnExport(f"{out} is geen map van een export; er is niets gewijzigd (not an export directory)")
    names = {p.name for p in out.iterdir()}
    if not names:
        return
    listed = _listed(out / MANIFEST)
    foreign = sorted(names - listed - {MANIFEST}) if listed is not None else sorted(names)
    if foreign:
        raise NotAnExport(f"{out} bevat bestanden die geen export schreef ({', '.join(foreign[:5])}); "
                          "er is niets gewijzigd: kies een lege of nieuwe map (directory holds other files)")


def _listed(manifest: Path) -> set[str] | None:
    try:
        return {f["name"] for f in json.loads(manifest.read_text(encoding="utf-8"))["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remove_leftovers(out: Path) -> None:
    """Remove the ``.<name>.new-<pid>`` directories of killed writes (matched exactly)."""
    pattern = re.compile(rf"\.{re.escape(out.name)}\.new-\d+(-old)?")
    if out.parent.is_dir():
        for path in out.parent.iterdir():
            if pattern.fullmatch(path.name) and path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _swap_in(new: Path, out: Path) -> None:
    """Put ``new`` at ``out``; the old content (if any) ends up at ``new``."""
    if not out.exists():
        new.rename(out)
        new.mkdir()  # the caller removes it
        return
    if _exchange(new, out):
        return
    old = out.parent / f".{out.name}.new-{os.getpid()}-old"
    out.rename(old)  # a kill here leaves no ``out`` until the next export (never a mixed set)
    new.rename(out)
    old.rename(new)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); ``False`` where that is not available."""
    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name, use_errno=True) if name else None
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return done == 0
