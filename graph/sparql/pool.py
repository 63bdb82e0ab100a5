"""A small pre-forked pool of query workers that can really be stopped.

Neither pyoxigraph nor rdflib can interrupt a running query from a Python thread, so untrusted
queries run in worker processes that open the store read-only. A worker past the time limit is
killed (SIGKILL) and dropped; the other workers keep serving, and a new worker is started on
demand (up to ``size``).

The pool is thread-safe: callers (endpoint threads) take an idle worker from a queue.
"""

from __future__ import annotations

import atexit
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection

from graph.store.results import QueryResult

# Workers mostly wait on the CPU, so more workers than cores let short queries run beside long ones
# (load_endpoint.py, 32 clients of which 4 long: 2 workers failed 840 of 841 simple queries, 6 failed 0).
POOL_SIZE = int(os.environ.get("KERNEN_QUERY_WORKERS", "6"))
WORKER_MEMORY = 1 << 30  # bytes of heap per worker (RLIMIT_DATA); the built store needs < 200 MB


class QueryTimeout(TimeoutError):
    """The query ran past its time limit and was stopped."""


class QueryFailed(RuntimeError):
    """The engine refused or failed the query (message from the engine)."""

    def __init__(self, message: str, *, syntax: bool = False):
        super().__init__(message)
        self.syntax = syntax


@dataclass(frozen=True)
class Job:
    """One query for a worker: the versioned store directory, the text, the dataset and the cap."""

    store_dir: str
    text: str
    public_dataset: bool  # False when the query names its own (checked) FROM graphs
    max_rows: int
    wait_copy: bool = False  # first wait until the worker's in-memory copy of the store has loaded


class _Worker:
    """A worker process (``python -m graph.sparql.worker FD``) talking over a socket pair.

    A plain subprocess, not ``multiprocessing``: spawn and forkserver re-import the host's
    ``__main__`` (a Streamlit page, a script), and fork copies a threaded server's locks.
    """

    def __init__(self):
        parent, child = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "graph.sparql.worker", str(child.fileno()), str(WORKER_MEMORY)],
            pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True,
        )
        child.close()
        self.conn = Connection(parent.detach())

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=5)
        self.conn.close()


class QueryPool:
    """Up to ``size`` worker processes, started on demand; :meth:`run` waits at most ``timeout``."""

    def __init__(self, size: int = POOL_SIZE):
        self.size = size
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()

    def warm(self, store_dir: str | None = None, *, wait: bool = False) -> None:
        """Start every worker now (a server calls this at start-up, so no query waits for one); with
        ``store_dir`` (a store version) each also opens it and starts loading its in-memory copy
        (``wait``: returns once every copy has loaded)."""
        with self._lock:
            started = []
            while len(self._workers) < self.size:
                worker = _Worker()
                self._workers.append(worker)
                started.append(worker)
            if store_dir is not None:
                for worker in started:
                    worker.conn.send(Job(store_dir, "ASK {}", True, 1, wait_copy=wait))
                for worker in started:
                    worker.conn.recv()
            for worker in started:
                self._idle.put(worker)

    def _take(self, timeout: float) -> _Worker:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            if worker.process.poll() is None:
                return worker
            self._discard(worker)  # died while idle
        with self._lock:
            if len(self._workers) < self.size:
                worker = _Worker()
                self._workers.append(worker)
                return worker
        try:
            return self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"alle query-werkers bleven {timeout:g} s bezet (server busy)") from None

    def run(self, job: Job, *, timeout: float) -> QueryResult:
        """The worker's result; :class:`QueryTimeout` (and a fresh worker) past ``timeout``."""
        deadline = time.monotonic() + timeout
        status, payload = self._attempt(job, deadline, timeout)
        if status == "timeout":
            raise QueryTimeout(f"query gestopt na {timeout:g} s (time limit reached)")
        if status == "died":
            raise QueryFailed("de query-werker is gestopt, waarschijnlijk door te veel geheugen "
                              "(worker died, probably out of memory)")
        if status != "ok":
            raise QueryFailed(payload, syntax=status == "syntax")
        return payload

    def _attempt(self, job: Job, deadline: float, timeout: float) -> tuple[str, object]:
        worker = self._take(max(deadline - time.monotonic(), 0.001))
        try:
            worker.conn.send(job)
            done = worker.conn.poll(max(deadline - time.monotonic(), 0))
            status, payload = worker.conn.recv() if done else ("timeout", "")
        except (EOFError, OSError):  # the worker died (e.g. out of memory, or killed)
            status, payload = "died", ""
        if status in ("timeout", "died"):
            self._discard(worker)
        else:
            self._idle.put(worker)
        return status, payload

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._workers.remove(worker)

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            for worker in self._workers:
                worker.kill()
            self._workers = []


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
def _close_default_pool() -> None:
    if _POOL is not None and _POOL_PID == os.getpid():
        _POOL.close()

