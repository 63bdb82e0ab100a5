"""What a gemeente achieved in each trajectory it takes part in, as rows for the app's Gemeente page.

The same chain as the lessons bundle (:mod:`graph.summaries.chain`): project -> vraagstuk -> acties
(final status and date) -> uitkomsten -> lessen, read for the one gemeente the page shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Achieved:
    traject: str  # the trajectory's label
    rows: tuple[tuple[str, str, str], ...]  # (step, what, status and date)


def achieved(store: Any, *, code: str, lang: str = "nl") -> list[Achieved]:
    """The chain of gemeente ``code`` (CBS code) per trajectory; [] when it takes part in none."""
    from graph.export.achieved import rows_of
    from graph.summaries.chain import achievements
    from graph.summaries.data import load_gemeente_chain, trajects

    out = []
    for t_iri, ref in trajects(store):
        data = load_gemeente_chain(store, t_iri, ref, code)
        for item in achievements(store, data, only=code) if data is not None else []:
            out.append(Achieved(ref.label, tuple(tuple(r) for r in rows_of(item, lang))))
    return out
