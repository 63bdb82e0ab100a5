"""Which lane a query goes in (:mod:`graph.sparql.pool`), learned from how long the same text took before.

The canned queries start in the fast lane; a text that finished within :data:`SLOW_S` goes there
next time, one that ran longer (or hit the time limit) goes in the slow lane, and new texts are
``unknown``. Texts are compared with their whitespace collapsed.

>>> history = LaneHistory(["ASK { ?s ?p ?o }"])
>>> history.lane("ASK  {  ?s ?p ?o }"), history.lane("SELECT * { ?s ?p ?o }")
('fast', 'unknown')
>>> history.record("SELECT * { ?s ?p ?o }", seconds=9.9, stopped=True)
>>> history.lane("SELECT * { ?s ?p ?o }")
'slow'
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable

SLOW_S = 1.0  # a query that took this long or more is long
REMEMBERED = 10_000  # query texts kept (least recently used ones are forgotten)


def _key(text: str) -> bytes:
    return hashlib.blake2b(" ".join(text.split()).encode("utf-8", "replace"), digest_size=16).digest()


class LaneHistory:
    """A thread-safe, bounded memory of query texts and their lanes."""

    def __init__(self, fast_texts: Iterable[str] = ()):
        self._lanes: OrderedDict[bytes, str] = OrderedDict()
        self._lock = threading.Lock()
        for text in fast_texts:
            self._lanes[_key(text)] = "fast"

    def lane(self, text: str) -> str:
        """``fast``, ``unknown`` or ``slow``."""
        key = _key(text)
        with self._lock:
            lane = self._lanes.get(key, "unknown")
            if key in self._lanes:
                self._lanes.move_to_end(key)
            return lane

    def record(self, text: str, *, seconds: float, stopped: bool = False) -> None:
        """Remember how the text ran: ``stopped`` means it hit the time limit."""
        lane = "slow" if stopped or seconds >= SLOW_S else "fast"
        key = _key(text)
        with self._lock:
            self._lanes[key] = lane
            self._lanes.move_to_end(key)
            while len(self._lanes) > REMEMBERED:
                self._lanes.popitem(last=False)
