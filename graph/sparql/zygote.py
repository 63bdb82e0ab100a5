"""A fork server for query workers: one process loads the store's in-memory copy once, then forks a
ready worker in milliseconds whenever the pool asks (after a kill at the time limit, say).

Starting a worker from scratch costs a Python start-up and loading the copy (1-4 s of CPU on a busy
machine); when queries keep hitting the limit, those restarts ate the cores the other queries needed.
A forked worker shares the loaded copy with the fork server (copy-on-write) and starts at once.

The fork server forks only when the version has an in-memory copy and its graph list is known, so a
forked worker never touches the on-disk database (whose background threads do not survive a fork).
A forked worker that gets a job for another store version answers ``("stale", "")``: the pool then
asks for a fresh one. Workers die with the fork server, which dies with its parent
(:mod:`graph.sparql.lifeline`). The pool signals a forked worker through a pidfd, so a reused PID is
never hit.
"""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
from multiprocessing.connection import Connection

FORK_REQUEST = 4096  # bytes: a store version path


class ForkedProcess:
    """The pool's handle on a forked worker (not our child: the fork server reaps it)."""

    def __init__(self, pid: int):
        self.pid = pid
        self._fd = os.pidfd_open(pid)

    def poll(self) -> int | None:
        """``None`` while running (the same contract as ``Popen.poll``)."""
        if self._fd < 0:
            return 0
        ready, _, _ = select.select([self._fd], [], [], 0)
        return 0 if ready else None

    def kill(self) -> None:
        if self._fd >= 0:
            try:
                signal.pidfd_send_signal(self._fd, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def wait(self, timeout: float | None = None) -> int:
        if self._fd >= 0:
            select.select([self._fd], [], [], timeout)
            os.close(self._fd)
            self._fd = -1
        return 0


class ForkServer:
    """The pool's side: start the fork server, ask it for workers (``None`` when it cannot fork)."""

    def __init__(self, memory: int):
        self._control, child = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "graph.sparql.worker", "--fork-server", str(child.fileno()), str(memory),
             str(os.getpid())],
            pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True,
        )
        child.close()
        self._reader = self._control.makefile("rb")

    def fork(self, store_dir: str) -> tuple[ForkedProcess, Connection] | None:
        """A new worker that has ``store_dir`` loaded and its connection, or ``None``."""
        ours, theirs = socket.socketpair()
        try:
            socket.send_fds(self._control, [store_dir.encode()], [theirs.fileno()])
            pid = int(self._reader.readline() or b"0")
        except (OSError, ValueError):
            pid = 0
        finally:
            theirs.close()
        if not pid:
            ours.close()
            return None
        return ForkedProcess(pid), Connection(ours.detach())

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=5)
        self._reader.close()
        self._control.close()


# --- the fork server process (``python -m graph.sparql.worker --fork-server FD MEMORY PARENT``) ---

def _loaded(store_dir: str, stores: dict) -> bool:
    """Open ``store_dir`` and load its copy (once); whether a forked worker can use it safely."""
    from graph.store import LocalStore

    if store_dir not in stores:
        stores.clear()
        stores[store_dir] = LocalStore(store_dir)
    store = stores[store_dir]
    store.graphs()  # cached by the store: a forked worker needs no database read for it
    return store.public_copy(wait=True) is not None


def serve_forks(control: socket.socket, serve_worker) -> None:
    """The fork server's loop; ``serve_worker(conn, stores)`` is what each forked worker runs."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the forked workers
    me, stores = os.getpid(), {}
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(control, FORK_REQUEST, 1)
        except OSError:
            return
        if not message:
            return  # the pool closed the control socket
        if not fds:
            continue
        try:
            pid = os.fork() if _loaded(message.decode(), stores) else 0
        except Exception:  # noqa: BLE001 - a store that does not open: the pool starts a plain worker
            pid = 0
        if pid == 0 and os.getpid() != me:  # the forked worker
            control.close()
            _worker_after_fork(me, fds[0], serve_worker, stores)
        os.close(fds[0])
        control.sendall(f"{pid}\n".encode())


def _worker_after_fork(parent: int, fd: int, serve_worker, stores: dict) -> None:
    from graph.sparql.lifeline import die_with_parent

    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    die_with_parent(parent)
    try:
        serve_worker(Connection(fd), stores, pinned=True)
    finally:
        os._exit(0)
