"""Fair use of the endpoint: how many queries one client (remote address) may have running at once.

A client over its limit is told to come back (429 with ``Retry-After``) instead of taking the
workers that other clients need; the worker pool's lanes (:mod:`graph.sparql.pool`) do the rest.

>>> limit = ClientLimit(1)
>>> with limit.slot("10.0.0.1"):
...     limit.slot("10.0.0.1").__enter__()
Traceback (most recent call last):
...
graph.endpoint.fair.ClientBusy: u hebt al 1 query lopen; wacht op het antwoord (1 query running per client)
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

RETRY_AFTER_S = 1


class ClientBusy(RuntimeError):
    """The client already has as many queries running as it may."""

    retry_after = RETRY_AFTER_S


class ClientLimit:
    """At most ``limit`` queries at once per client; thread-safe."""

    def __init__(self, limit: int):
        self.limit = limit
        self._running: Counter[str] = Counter()
        self._lock = threading.Lock()

    @contextmanager
    def slot(self, client: str) -> Iterator[None]:
        """Hold one of ``client``'s slots while the block runs; :class:`ClientBusy` when none is free."""
        with self._lock:
            if self._running[client] >= self.limit:
                raise ClientBusy(f"u hebt al {self.limit} query lopen; wacht op het antwoord "
                                 f"({self.limit} query running per client)")
            self._running[client] += 1
        try:
            yield
        finally:
            with self._lock:
                self._running[client] -= 1
                if not self._running[client]:
                    del self._running[client]
