"""Performance helpers shared by the build and the input readers."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a block that makes millions of objects and few
    cycles (converting sources, reading a trajectory): each collection walks every live object, so
    the pauses grow with the data (build of 1,000 gemeenten: 7.9 s -> 6.7 s; reference counting
    still frees everything that is not in a cycle). No collection is forced afterwards: in a long-lived
    process with a large heap (the test suite, the app) a full collection per build cost seconds.

    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
