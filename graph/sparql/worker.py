"""A query worker process: ``python -m graph.sparql.worker FD MEMORY PARENT_PID`` (started by :mod:`graph.sparql.pool`).

It opens the store read-only (again when a new build was swapped in), runs one job at a time and
answers ``("ok", QueryResult)``, ``("syntax", message)`` or ``("error", message)`` over the socket.
"""

from __future__ import annotations

import resource
import signal
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


def _serve(conn) -> None:
    """Worker loop: receive a job, send back ``("ok", result)`` or ``("error"|"syntax", message)``."""
    stores: dict = {}
    while True:
        try:
            job = conn.recv()
        except EOFError:
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


if __name__ == "__main__":
    if len(sys.argv) > 3:
        die_with_parent(int(sys.argv[3]))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the parent, which stops the workers
    if len(sys.argv) > 2:
        _limit_memory(int(sys.argv[2]))
    _serve(Connection(int(sys.argv[1])))
