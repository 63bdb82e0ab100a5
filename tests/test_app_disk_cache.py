"""app.disk_cache: results kept per store build beside the store, recomputed for a new build."""

from __future__ import annotations

import os

from app import disk_cache


def _store(tmp_path, version: str):
    (tmp_path / version).mkdir(exist_ok=True)
    link = tmp_path / "store"
    if link.is_symlink():
        link.unlink()
    os.symlink(version, link)
    return str(link)


def test_a_result_is_computed_once_per_build_and_read_back(tmp_path):
    where = _store(tmp_path, "store.v1")
    calls = []
    compute = lambda: calls.append(1) or {"rows": [1, 2]}  # noqa: E731
    assert disk_cache.cached(where, "k", compute) == {"rows": [1, 2]}
    assert disk_cache.cached(where, "k", compute) == {"rows": [1, 2]}
    assert len(calls) == 1
    assert disk_cache.cached(where, "other", lambda: 3) == 3
    first = disk_cache.folder(where)
    assert first.parent == tmp_path / "store.app-cache" and len(list(first.glob("*.pickle"))) == 2


def test_a_new_build_starts_empty_and_removes_the_old_folder(tmp_path):
    where = _store(tmp_path, "store.v1")
    disk_cache.cached(where, "k", lambda: "old")
    old = disk_cache.folder(where)
    where = _store(tmp_path, "store.v2")
    assert disk_cache.cached(where, "k", lambda: "new") == "new"
    assert not old.exists() and disk_cache.folder(where).exists()


def test_a_broken_file_is_recomputed(tmp_path):
    where = _store(tmp_path, "store.v1")
    disk_cache.cached(where, "k", lambda: "first")
    next(disk_cache.folder(where).glob("*.pickle")).write_bytes(b"not a pickle")
    assert disk_cache.cached(where, "k", lambda: "again") == "again"


def test_remote_and_missing_stores_get_no_disk_cache(tmp_path):
    assert disk_cache.folder("http://example.org/sparql") is None
    assert disk_cache.folder(str(tmp_path / "nothing")) is None
    assert disk_cache.cached(str(tmp_path / "nothing"), "k", lambda: 5) == 5
    assert not any(tmp_path.iterdir())


def test_switched_off_there_is_no_disk_cache(tmp_path, monkeypatch):
    where = _store(tmp_path, "store.v1")
    monkeypatch.setenv("KERNEN_APP_DISK_CACHE", "0")
    assert disk_cache.folder(where) is None
    assert disk_cache.cached(where, "k", lambda: 1) == 1 and disk_cache.cached(where, "k", lambda: 2) == 2
