"""Tie a worker process's life to its parent: when the parent dies (even by SIGKILL), so does the worker.

On Linux the kernel does it: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` (a ctypes call). The kernel sends the
signal when the parent *thread* that started the worker ends, so :mod:`graph.sparql.pool` starts every
worker from one long-lived thread. A watchdog thread that checks the parent's PID every
:data:`WATCH_INTERVAL_S` covers systems without ``prctl`` (it runs whenever the engine releases the GIL).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_INTERVAL_S = 0.5


def set_parent_death_signal(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent ends; ``False`` where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:
            os._exit(0)  # the parent is gone (we were re-parented): stop at once
        time.sleep(WATCH_INTERVAL_S)


def die_with_parent(parent_pid: int) -> None:
    """Make this process end when ``parent_pid`` ends (also when it already has)."""
    set_parent_death_signal()
    if os.getppid() != parent_pid:  # the parent died before the kernel was told
        os._exit(0)
    threading.Thread(target=_watch, args=(parent_pid,), name="kernen-lifeline", daemon=True).start()
