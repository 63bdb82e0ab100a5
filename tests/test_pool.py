"""The query worker pool: lanes keep a worker for short queries, a busy pool answers PoolBusy, start-up
is not query time, killed workers are replaced warm."""

from __future__ import annotations

import threading
import time

import pytest
from conftest import wait_until_held

from graph.sparql.pool import Job, PoolBusy, QueryPool, QueryTimeout
from graph.store import open_store

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { " + " . ".join(f"?s{i} ?p{i} ?o{i}" for i in range(7)) + " }"


@pytest.fixture(scope="module")
def version(tmp_path_factory) -> str:
    """A store version of the sample quads written by the build (with its in-memory copy, so a warmed pool
    forks its workers from one process that loaded it)."""
    from sample_store import sample_quads

    from graph.build import Source, build
    from graph.namespace import G_REFERENCE

    path = tmp_path_factory.mktemp("pool") / "store"
    quads = list(sample_quads())
    build(store_dir=path, sources=[Source("sample", G_REFERENCE, lambda: quads)], validate=False)
    return str(open_store(str(path)).version)


@pytest.fixture
def pool(version):
    pool = QueryPool(size=3)
    pool.warm(version, wait=True)
    yield pool
    pool.close()


def _ask(version: str) -> Job:
    return Job(version, "ASK { ?s ?p ?o }", True, 10)


class _Heavy(threading.Thread):
    """A query that runs to its time limit in ``lane``; ``outcome`` is the exception's name."""

    def __init__(self, pool: QueryPool, version: str, lane: str, timeout: float):
        super().__init__()
        self.outcome = ""
        self.args_ = (pool, Job(version, HEAVY, True, 10), lane, timeout)
        self.start()

    def run(self):
        pool, job, lane, timeout = self.args_
        try:
            pool.run(job, timeout=timeout, lane=lane)
        except Exception as exc:
            self.outcome = type(exc).__name__

    def stopped(self) -> bool:
        self.join()
        return self.outcome == "QueryTimeout"


@pytest.mark.slow  # slow queries on purpose
def test_slow_queries_leave_workers_for_the_others(pool, version):
    first = _Heavy(pool, version, "slow", 2)
    assert wait_until_held(pool, "slow", 1) == 1
    with pytest.raises(PoolBusy) as busy:  # size 3: slow queries hold at most one worker
        pool.run(Job(version, HEAVY, True, 10), timeout=3, lane="slow", queue_wait=0.2)
    assert busy.value.retry_after >= 1
    start = time.monotonic()
    assert pool.run(_ask(version), timeout=3, lane="unknown", queue_wait=0.2).boolean is True
    assert pool.run(_ask(version), timeout=3, lane="fast", queue_wait=0.2).boolean is True
    assert time.monotonic() - start < 2
    assert first.stopped()


@pytest.mark.slow  # slow queries on purpose
def test_unknown_queries_leave_one_worker_for_fast_ones(pool, version):
    threads = [_Heavy(pool, version, "unknown", 2) for _ in range(2)]
    assert wait_until_held(pool, "unknown", 2) == 2
    with pytest.raises(PoolBusy):
        pool.run(_ask(version), timeout=3, lane="unknown", queue_wait=0.2)
    assert pool.run(_ask(version), timeout=3, lane="fast", queue_wait=0.2).boolean is True
    assert all(thread.stopped() for thread in threads)


def test_a_killed_worker_is_replaced_warm_and_in_the_background(pool, version):
    with pytest.raises(QueryTimeout):
        pool.run(Job(version, HEAVY, True, 10), timeout=0.5, lane="slow")
    deadline = time.monotonic() + 30
    while len(pool._workers) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(pool._workers) == 3 and len(pool._idle) == 3
    assert sum(pool._held.values()) == 0


def test_start_up_does_not_count_against_the_time_limit(version):
    pool = QueryPool(size=1)  # cold: the worker starts and loads its copy on the first query
    try:
        result = pool.run(_ask(version), timeout=0.05, queue_wait=60)
        assert result.boolean is True
    finally:
        pool.close()


def _built(path, label: str) -> str:
    """A store version written by the build (with its in-memory copy, so the fork server forks)."""
    import pyoxigraph as ox

    from graph.build import Source, build
    from graph.namespace import G_REFERENCE

    quad = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal(label), ox.NamedNode(str(G_REFERENCE)))
    build(store_dir=path, sources=[Source("a", G_REFERENCE, lambda: [quad])], validate=False)
    return str(open_store(str(path)).version)


def test_workers_are_forked_and_a_new_build_reaches_them(tmp_path):
    from graph.sparql.zygote import ForkedProcess

    older, newer = _built(tmp_path / "a", "oud"), _built(tmp_path / "b", "nieuw")
    pool = QueryPool(size=2)
    try:
        pool.warm(older, wait=True)
        assert all(isinstance(w.process, ForkedProcess) for w in pool._workers)
        assert pool.run(Job(older, "ASK { ?s ?p 'oud' }", True, 10), timeout=10).boolean is True
        for _ in range(3):  # each forked worker of the older version is replaced by one of the newer
            assert pool.run(Job(newer, "ASK { ?s ?p 'nieuw' }", True, 10), timeout=10).boolean is True
        assert all(isinstance(w.process, ForkedProcess) for w in pool._workers)
    finally:
        pool.close()


def test_idle_workers_let_an_older_version_go(tmp_path):
    """A query on a newer version stops the idle workers still holding an older one, so a build can
    remove the older one (a reader lock would keep it on disk)."""
    from pathlib import Path

    from graph.store.versions import remove_if_unread

    older, newer = _built(tmp_path / "a", "oud"), _built(tmp_path / "b", "nieuw")
    pool = QueryPool(size=2)
    try:
        pool.warm(wait=True)  # plain workers (not forked for one version) that then open the older one
        for worker in pool._workers:
            pool._send_warm(worker, older)
            pool._await_warm(worker, older)
        assert len(pool._idle) == 2
        assert not remove_if_unread(Path(older))  # held by the idle workers
        assert pool.run(Job(newer, "ASK { ?s ?p 'nieuw' }", True, 10), timeout=10).boolean is True
        assert remove_if_unread(Path(older)) and not Path(older).exists()
    finally:
        pool.close()


def test_after_the_shared_pool_is_closed_a_query_starts_a_new_one(sample_store):
    from graph.sparql import run_safe
    from graph.sparql.pool import close_default_pool, default_pool

    assert run_safe("ASK { ?s ?p ?o }", store=str(sample_store)).boolean is True
    first = default_pool()
    close_default_pool()
    assert run_safe("ASK { ?s ?p ?o }", store=str(sample_store)).boolean is True
    assert default_pool() is not first
