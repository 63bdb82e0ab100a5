"""A query worker process (started by :mod:`graph.sparql.pool`):

- ``python -m graph.sparql.worker FD MEMORY PARENT_PID``: one worker on the socket ``FD``;
- ``python -m graph.sparql.worker --fork-server FD MEMORY PARENT_PID``: the fork server
  (:mod:`graph.sparql.zygote`), which forks ready workers on request.

A worker opens the store read-only (again when a new build was swapped in), runs one job at a time and
answers ``("ok", QueryResult)``, ``("syntax", message)``, ``("error", message)`` or, when it was forked
for another store version, ``("stale", "")``.
"""

from __future__ import annotations

import resource
import signal
import socket
import sys
from multiprocessing.connection import Connection

from graph.sparql.lifeline import die_with_parent
from graph.sparql.pool import Job
from graph.store import LocalStore
from graph.store.results import QueryResult


def _execute(job: Job, stores: dict) -> QueryResult:
    store = stores.get(job.store_dir)
    if store is None:
        stores.clear()  # a new build was swapped in: drop the old version
        store = stores[job.store_dir] = LocalStore(job.store_dir)
    store.public_copy(wait=True)  # loads in well under a second; the disk is up to 30x slower
    if job.public_dataset:
        return store.query(job.text, max_rows=job.max_rows)
    return store.query_own_dataset(job.text, max_rows=job.max_rows)


def serve(conn, stores: dict | None = None, *, pinned: bool = False) -> None:
    """Worker loop: receive a job, send back ``("ok", result)`` or ``("error"|"syntax", message)``.
    ``pinned`` (a forked worker): only the store versions in ``stores``, otherwise ``("stale", "")``."""
    stores = {} if stores is None else stores
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if pinned and job.store_dir not in stores:
            conn.send(("stale", ""))
            return
        try:
            conn.send(("ok", _execute(job, stores)))
        except SyntaxError as exc:
            conn.send(("syntax", str(exc)))
        except Exception as exc:  # report, keep serving
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _limit_memory(limit_bytes: int) -> None:
    """Cap this worker's heap (RLIMIT_DATA): a query that would eat the machine's memory makes the
    worker fail or die instead, and the pool reports it and starts another."""
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard == resource.RLIM_INFINITY or limit_bytes < hard:
        resource.setrlimit(resource.RLIMIT_DATA, (limit_bytes, hard))


def main(argv: list[str]) -> None:
    fork_server = argv[:1] == ["--fork-server"]
    fd, memory, parent = (int(a) for a in argv[fork_server:fork_server + 3])
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the parent, which stops the workers
    _limit_memory(memory)
    if fork_server:
        from graph.sparql.zygote import serve_forks

        serve_forks(socket.socket(fileno=fd), serve)
    else:
        serve(Connection(fd))


if __name__ == "__main__":
    main(sys.argv[1:])
