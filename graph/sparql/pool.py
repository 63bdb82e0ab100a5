"""A pool of query worker processes that can really be stopped, shared fairly.

Neither pyoxigraph nor rdflib can interrupt a running query from a Python thread, so untrusted
queries run in worker processes that open the store read-only. A worker past the time limit is
killed (SIGKILL) and replaced; the other workers keep serving.

- **Start-up is not query time.** Workers are started (and their in-memory copy of the store loaded)
  by one long-lived spawner thread; a query's time limit starts when a ready worker takes it. A killed
  worker's replacement is warmed before it takes work, so a kill never leaves a cold worker.
- **Lanes.** Each query comes in a lane: ``fast`` (canned, or finished quickly before), ``unknown``
  or ``slow`` (ran long or hit the limit before). Slow queries hold at most a third of the workers and
  unknown plus slow ones all but one (:func:`lane_limit`), so queries known to be short find a worker.
- **Queueing.** A query waits at most ``queue_wait`` seconds for a worker, then :class:`PoolBusy`
  (the endpoint answers 429 with ``Retry-After``).
- **Old store versions are let go.** A worker holds the version it last read (a reader lock, so no
  build removes it). When a query or :meth:`prestart` names a newer version, idle workers still on an
  older one are stopped (and replaced on demand), so a rebuilt store's old versions can be removed.
- **Workers die with their parent** (:mod:`graph.sparql.lifeline`): ``kill -9`` of a server or of
  ``kernen query`` leaves no worker behind.
"""

from __future__ import annotations

import atexit
import math
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from multiprocessing.connection import Connection

from graph.sparql.zygote import ForkServer
from graph.store.results import QueryResult

WORKER_MEMORY = 1 << 30  # bytes of heap per worker (RLIMIT_DATA); the built store needs < 200 MB
QUEUE_WAIT_S = 30.0  # how long a query waits for a worker unless the caller says otherwise
LANES = ("fast", "unknown", "slow")
_STOP = object()
_COLD_START_S = 5.0  # extra wait, again and again, while the first workers of a pool start


class QueryTimeout(TimeoutError):
    """The query ran past its time limit and was stopped."""


class PoolBusy(TimeoutError):
    """No worker became free in time; ``retry_after`` (seconds) is when trying again makes sense."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class QueryFailed(RuntimeError):
    """The engine refused or failed the query (message from the engine)."""

    def __init__(self, message: str, *, syntax: bool = False):
        super().__init__(message)
        self.syntax = syntax


class WorkerDied(QueryFailed):
    """The worker process ended during the query (out of memory, or killed from outside)."""


@dataclass(frozen=True)
class Job:
    """One query for a worker: the versioned store directory, the text, the dataset and the cap."""

    store_dir: str
    text: str
    public_dataset: bool  # False when the query names its own (checked) FROM graphs
    max_rows: int


def lane_limit(lane: str, size: int) -> int:
    """How many workers the queries of ``lane`` and the slower lanes may hold together: all for fast
    queries, all but one for unknown ones, a third for slow ones (each of those costs a worker's
    restart when it hits the limit, and the machine's cores are shared with everything else).

    >>> [lane_limit(lane, 6) for lane in LANES], [lane_limit(lane, 1) for lane in LANES]
    ([6, 5, 2], [1, 1, 1])
    """
    if lane == "slow":
        return max(1, size // 3)
    return max(1, size - (lane == "unknown"))


class _Worker:
    """A worker process (``python -m graph.sparql.worker FD MEMORY PARENT``) on a socket pair, or one
    forked by the fork server (``forked``: its process handle and connection).

    A plain subprocess, not ``multiprocessing``: spawn and forkserver re-import the host's
    ``__main__`` (a Streamlit page, a script), and fork copies a threaded server's locks.
    """

    def __init__(self, forked: tuple | None = None):
        self.version: str | None = None  # the store version it has opened (and holds)
        if forked is not None:
            self.process, self.conn = forked
            return
        parent, child = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "graph.sparql.worker", str(child.fileno()), str(WORKER_MEMORY),
             str(os.getpid())],
            pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True,
        )
        child.close()
        self.conn = Connection(parent.detach())

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=5)
        self.conn.close()


def _default_size() -> int:
    from graph.settings import load_settings

    return load_settings().query_workers


class QueryPool:
    """Up to ``size`` worker processes, started ahead (:meth:`warm`) or on demand."""

    def __init__(self, size: int | None = None):
        self.size = size or _default_size()
        self._cond = threading.Condition()
        self._workers: list[_Worker] = []  # live workers, idle or busy
        self._idle: list[_Worker] = []
        self._starting = 0
        self._held: Counter[str] = Counter()  # lane -> workers held (busy, or being replaced)
        self._store_dir: str | None = None
        self._spawns: queue.Queue = queue.Queue()
        self._spawner: threading.Thread | None = None
        self._forks: ForkServer | None = None  # used and replaced by the spawner thread only
        self._serving = False  # warmed up as a server: replacements come from the fork server
        self._closed = False

    # --- starting workers (one thread: the kernel's parent-death signal follows the starting thread)

    def _request_spawn(self, tag: str | None = None) -> None:
        """Start one worker in the background (caller holds the lock); ``tag``: the lane it replaces."""
        if self._spawner is None:
            self._spawner = threading.Thread(target=self._spawn_loop, name="kernen-spawner", daemon=True)
            self._spawner.start()
        self._starting += 1
        self._spawns.put((self._store_dir, tag))

    def _spawn_loop(self) -> None:
        while True:
            batch = [self._spawns.get()]
            while not self._spawns.empty():
                batch.append(self._spawns.get_nowait())
            if any(item is _STOP for item in batch):
                return
            started = [(self._start_one(store_dir), store_dir, tag) for store_dir, tag in batch]
            for worker, store_dir, _ in started:  # all load their copies at once
                self._send_warm(worker, store_dir)
            for worker, store_dir, tag in started:
                self._add_ready(self._await_warm(worker, store_dir), tag)

    def _start_one(self, store_dir: str | None) -> _Worker | None:
        """A worker forked with ``store_dir`` loaded, or (no fork server, no copy) a fresh process."""
        try:
            if store_dir is not None and self._serving:  # a one-off query (the CLI) has nothing to share
                if self._forks is None or not self._forks.alive():
                    self._forks = ForkServer(WORKER_MEMORY)
                forked = self._forks.fork(store_dir)
                if forked is not None:
                    return _Worker(forked)
            return _Worker()
        except OSError:
            return None

    @staticmethod
    def _send_warm(worker: _Worker | None, store_dir: str | None) -> None:
        if worker is not None and store_dir is not None:
            worker.version = store_dir
            try:
                worker.conn.send(Job(store_dir, "ASK {}", True, 1))
            except OSError:
                pass

    @staticmethod
    def _await_warm(worker: _Worker | None, store_dir: str | None) -> _Worker | None:
        if worker is None or store_dir is None:
            return worker
        try:
            worker.conn.recv()
            return worker
        except (EOFError, OSError):
            worker.kill()
            return None

    def _add_ready(self, worker: _Worker | None, tag: str | None) -> None:
        with self._cond:
            self._starting -= 1
            if tag is not None:
                self._held[tag] -= 1
            if worker is not None and (self._closed or not self._current(worker)):
                worker.kill()  # closed, or warmed for a version that is no longer the newest
            elif worker is not None:
                self._workers.append(worker)
                self._idle.append(worker)
            self._cond.notify_all()

    def warm(self, store_dir: str | None = None, *, wait: bool = False, limit: float = 120.0) -> None:
        """Start every worker now; with ``store_dir`` (a store version) each opens it and loads its
        in-memory copy before taking work (``wait``: return once all are ready, at most ``limit`` s)."""
        with self._cond:
            self._serving = True
            if store_dir is not None:
                self._set_version(store_dir)
            while len(self._workers) + self._starting < self.size:
                self._request_spawn()
            if wait:
                self._cond.wait_for(lambda: self._starting == 0, timeout=limit)

    def prestart(self, store_dir: str) -> None:
        """Start one worker (loading ``store_dir``) unless one is there: a caller that will query soon
        lets the start-up overlap its own work."""
        with self._cond:
            self._set_version(store_dir)
            if not self._workers and not self._starting:
                self._request_spawn()

    # --- running a query

    def _admissible(self, lane: str) -> bool:
        slower = LANES[LANES.index(lane):]
        return bool(self._idle) and sum(self._held[name] for name in slower) < lane_limit(lane, self.size)

    def _take(self, lane: str, wait: float, store_dir: str) -> _Worker:
        deadline = time.monotonic() + wait
        with self._cond:
            self._set_version(store_dir)
            while True:
                self._idle = [w for w in self._idle if w.alive() or self._forget(w)]
                if self._admissible(lane):
                    self._held[lane] += 1
                    return self._idle.pop()
                if not self._idle and len(self._workers) + self._starting < self.size:
                    self._request_spawn()
                remaining = deadline - time.monotonic()
                if remaining <= 0 and not self._workers and self._starting:  # a cold pool: wait for it
                    remaining = deadline - time.monotonic() + _COLD_START_S
                    deadline += _COLD_START_S
                if remaining <= 0:
                    raise PoolBusy(f"alle query-werkers zijn bezet; probeer het over enkele seconden opnieuw "
                                   f"(all query workers busy)", retry_after=max(1, math.ceil(wait)))
                self._cond.wait(remaining)

    def _current(self, worker: _Worker) -> bool:
        return worker.version is None or self._store_dir is None or worker.version == self._store_dir

    def _set_version(self, store_dir: str) -> None:
        """Make ``store_dir`` the version new workers load; idle workers holding another version are
        stopped, so that version's reader lock goes and a build can remove it (caller holds the lock)."""
        if store_dir == self._store_dir:
            return
        self._store_dir = store_dir
        stale = [w for w in self._idle if not self._current(w)]
        for worker in stale:
            self._idle.remove(worker)
            self._workers.remove(worker)
            worker.kill()

    def _forget(self, worker: _Worker) -> bool:
        """Drop a worker that died while idle (caller holds the lock); always ``False``."""
        self._workers.remove(worker)
        worker.conn.close()
        return False

    def run(self, job: Job, *, timeout: float, lane: str = "fast", queue_wait: float | None = None) -> QueryResult:
        """The worker's result; :class:`QueryTimeout` past ``timeout`` (counted from when a ready
        worker takes the job), :class:`PoolBusy` when no worker is free after ``queue_wait``."""
        wait = QUEUE_WAIT_S if queue_wait is None else queue_wait
        status, payload = "stale", ""
        while status == "stale":  # a worker forked for an older build: it ends, another is asked for
            status, payload = self._attempt(self._take(lane, wait, job.store_dir), job, lane, timeout)
        if status == "timeout":
            raise QueryTimeout(f"query gestopt na {timeout:g} s (time limit reached)")
        if status == "died":
            raise WorkerDied("de query-werker is gestopt, waarschijnlijk door te veel geheugen "
                              "(worker died, probably out of memory)")
        if status != "ok":
            raise QueryFailed(payload, syntax=status == "syntax")
        return payload

    def _attempt(self, worker: _Worker, job: Job, lane: str, timeout: float) -> tuple[str, object]:
        status, payload = "died", ""
        worker.version = job.store_dir
        try:
            worker.conn.send(job)
            if worker.conn.poll(timeout):
                status, payload = worker.conn.recv()
            else:
                status = "timeout"
        except (EOFError, OSError):  # the worker died (e.g. out of memory, or killed)
            pass
        finally:
            self._release(worker, lane, replace=status in ("timeout", "died", "stale"))
        return status, payload

    def _release(self, worker: _Worker, lane: str, *, replace: bool) -> None:
        if replace:
            worker.kill()
        with self._cond:
            if not replace:
                self._held[lane] -= 1
                self._idle.append(worker)
            elif worker in self._workers:
                self._workers.remove(worker)
                if self._closed or lane != "slow":
                    self._held[lane] -= 1
                if not self._closed:  # slow queries hold their slot until the replacement is warm
                    self._request_spawn(tag="slow" if lane == "slow" else None)
            self._cond.notify_all()

    def close(self) -> None:
        """Stop every worker, the fork server and the spawner."""
        with self._cond:
            self._closed = True
            workers, self._workers, self._idle = self._workers, [], []
            self._spawns.put(_STOP)
            self._cond.notify_all()
        for worker in workers:
            try:
                worker.kill()
            except (OSError, subprocess.TimeoutExpired):
                pass
        forks, self._forks = self._forks, None
        if forks is not None:
            try:
                forks.close()
            except (OSError, subprocess.TimeoutExpired):
                pass


_POOL: QueryPool | None = None
_POOL_PID = 0
_LOCK = threading.Lock()


def default_pool() -> QueryPool:
    """The process's shared pool, started on first use (and again in a forked child)."""
    global _POOL, _POOL_PID
    with _LOCK:
        if _POOL is None or _POOL_PID != os.getpid():
            _POOL, _POOL_PID = QueryPool(), os.getpid()
        return _POOL


@atexit.register
def close_default_pool() -> None:
    """Stop the shared pool's workers (at exit, and on SIGTERM in the CLI); a later query starts a new pool."""
    global _POOL
    with _LOCK:
        pool, _POOL = (_POOL, None) if _POOL is not None and _POOL_PID == os.getpid() else (None, _POOL)
    if pool is not None:
        pool.close()
