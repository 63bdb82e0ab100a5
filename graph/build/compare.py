"""What a validated trajectory would change in the store: records per kind, new, changed, removed.

A record is a subject of the trajectory's public graph (``id/<kind>/<slug>-<key>``); it is *changed*
when its triples differ. Only a local store is compared (a remote one is left alone).

>>> kind_of_iri("https://w3id.org/kernendemocratie/id/les/jaar-l1")
'les'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.ingest.models import KINDS, Trajectory
from graph.namespace import graph_iri


@dataclass
class Comparison:
    slug: str
    counts: dict[str, int]  # record kind -> records in the input
    in_store: bool = False
    new: Counter = field(default_factory=Counter)  # kind -> records not in the store
    changed: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)


def kind_of_iri(value: str) -> str:
    """The record kind of an instance IRI (``.../id/<kind>/<key>``)."""
    return value.split("/id/", 1)[-1].split("/", 1)[0]


def _by_subject(quads) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for q in quads:
        out.setdefault(q.subject.value if isinstance(q.subject, ox.NamedNode) else str(q.subject), set()).add(
            f"{q.predicate} {q.object}")
    return out


def compare(trajectory: Trajectory, store: ox.Store | None) -> Comparison:
    """Counts per record kind, and the difference with the trajectory's graph in ``store`` (if any)."""
    from graph.sources.trajectory import trajectory_quads

    counts = {kind: len(getattr(trajectory, kind)) if kind != "traject" else 1 for kind in KINDS}
    result = Comparison(trajectory.slug, counts)
    graph = ox.NamedNode(str(graph_iri("traject", trajectory.slug)))
    old = _by_subject(store.quads_for_pattern(None, None, None, graph)) if store is not None else {}
    if not old:
        return result
    result.in_store = True
    new = _by_subject(trajectory_quads(trajectory)[0])
    for subject in new.keys() | old.keys():
        kind = kind_of_iri(subject)
        if subject not in old:
            result.new[kind] += 1
        elif subject not in new:
            result.removed[kind] += 1
        elif new[subject] != old[subject]:
            result.changed[kind] += 1
    return result


def summary_lines(c: Comparison) -> list[str]:
    """Dutch lines for ``kernen validate``."""
    counts = ", ".join(f"{n} {kind}" for kind, n in c.counts.items() if kind != "traject")
    lines = [f"traject {c.slug}: {counts}"]
    if not c.in_store:
        return lines + [f"traject {c.slug}: nog niet in de store (alles nieuw)"]
    kinds = sorted(c.new.keys() | c.changed.keys() | c.removed.keys())
    if not kinds:
        return lines + [f"traject {c.slug}: gelijk aan de store"]
    parts = [f"{k} {c.new[k]} nieuw, {c.changed[k]} gewijzigd, {c.removed[k]} verwijderd" for k in kinds]
    return lines + [f"traject {c.slug} t.o.v. de store: " + "; ".join(parts)]
