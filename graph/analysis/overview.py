"""The whole analysis in one call: :func:`analyse` returns an :class:`AnalysisReport`.

The app, the exports and ``kernen analyse`` use this one entry; each part is also a public function
of its own module over a :class:`~graph.analysis.projection.Projection`.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.analysis.bridges import BridgeReport, bridges
from graph.analysis.changes import MeetingChange, changes
from graph.analysis.evidence import GemeenteRef, gemeente_refs
from graph.analysis.groups import DEFAULT_SEED, DEFAULT_SIZE, Community, GroupProposal, communities, learning_groups
from graph.analysis.hosts import VraagstukHosts, hosts
from graph.analysis.load import QueryStore, project
from graph.analysis.projection import Projection
from graph.analysis.threads import DEFAULT_K, Thread, threads


@dataclass(frozen=True)
class AnalysisReport:
    """Every result of the analysis, each with its evidence and sentences."""

    traject: str | None
    trajecten: tuple[str, ...]
    deelnemers: tuple[GemeenteRef, ...]  # the population the threads and groups are about
    has_deelnemers: bool  # False: no trajectory, the population is every gemeente with evidence
    k: int
    group_size: tuple[int, int]
    seed: int
    region: str | None
    threads: tuple[Thread, ...]
    communities: tuple[Community, ...]
    groups: GroupProposal
    hosts: tuple[VraagstukHosts, ...]
    bridges: BridgeReport
    changes: tuple[MeetingChange, ...]


def analyse_projection(p: Projection, *, k: int = DEFAULT_K, group_size: tuple[int, int] = DEFAULT_SIZE,
                       seed: int = DEFAULT_SEED, region: str | None = None) -> AnalysisReport:
    """The whole analysis of a projection (see :func:`analyse`)."""
    found = communities(p, seed=seed)
    return AnalysisReport(
        traject=p.records.traject, trajecten=p.records.trajecten,
        deelnemers=gemeente_refs(p, p.population), has_deelnemers=bool(p.deelnemers),
        k=k, group_size=group_size, seed=seed, region=region,
        threads=tuple(threads(p, k=k)), communities=tuple(found),
        groups=learning_groups(p, size=group_size, seed=seed, region=region),
        hosts=tuple(hosts(p)), bridges=bridges(p, seed=seed, communities=found), changes=tuple(changes(p)))


def analyse(store: QueryStore, *, k: int = DEFAULT_K, group_size: tuple[int, int] = DEFAULT_SIZE,
            seed: int = DEFAULT_SEED, traject: str | None = None, region: str | None = None) -> AnalysisReport:
    """Project the store (one trajectory, or all) and run every part of the analysis.

    >>> from graph.store import LocalStore
    >>> report = analyse(LocalStore.in_memory())
    >>> report.threads, report.groups.groups
    ((), ())
    """
    return analyse_projection(project(store, traject=traject), k=k, group_size=group_size, seed=seed, region=region)
