"""Table groups for one meeting: the gemeenten that come, at tables of 3 to 5 that share most.

Unlike :func:`graph.analysis.groups.learning_groups` (the whole trajectory), this splits only the
gemeenten of one meeting. When the facilitator filled ``leergroep``, each learning group sits
together (split when it is larger than a table); learning groups with too few members at this
meeting join one mixed table. A table of one is made only when one gemeente comes at all.
What a table shares is computed over its own members, and so is the comparison with random splits.

>>> table_sizes(7), table_sizes(2), table_sizes(11)
([4, 3], [2], [4, 4, 3])
"""

from __future__ import annotations

import numpy as np

from graph.analysis.groups import (
    BASELINE_RUNS, DEFAULT_SEED, GroupProposal, LearningGroup, _greedy, _group, _improve, _random_mean,
    _sentence, _zin, group_sizes, split_quality,
)
from graph.analysis.projection import Projection
from graph.analysis.similarity import shared_matrix

TABLE_SIZE = (3, 5)
MIXED = "gemengd: leergroepen met te weinig aanwezigen"


def table_sizes(n: int, size: tuple[int, int] = TABLE_SIZE) -> list[int]:
    """Table sizes for ``n`` gemeenten: within ``size`` where possible, never a table of one for n > 1."""
    return group_sizes(n, size)


def pools(codes: list[str], leergroep: dict[str, str], lo: int = TABLE_SIZE[0]) -> list[tuple[str | None, list[str]]]:
    """The gemeenten per learning group; groups smaller than a table sit together at a mixed table.

    >>> pools(list("abcdef"), {"a": "N", "b": "N", "c": "N", "d": "Z"})
    [('N', ['a', 'b', 'c']), ('gemengd: leergroepen met te weinig aanwezigen', ['d', 'e', 'f'])]
    >>> pools(list("abcd"), {"a": "N", "b": "N", "c": "N", "d": "Z"})
    [('N', ['a', 'b', 'c', 'd'])]
    """
    if not any(leergroep.get(c) for c in codes):
        return [(None, sorted(codes))]
    by: dict[str, list[str]] = {}
    for code in sorted(codes):
        by.setdefault(leergroep.get(code) or "", []).append(code)
    big = [(name, members) for name, members in sorted(by.items()) if name and len(members) >= lo]
    small = sorted(c for name, members in by.items() if not (name and len(members) >= lo) for c in members)
    if small and (len(small) >= lo or not big):
        return big + [(MIXED, small)]
    if small:  # one or two left over: they join the smallest learning group rather than sit alone
        smallest = min(range(len(big)), key=lambda i: (len(big[i][1]), big[i][0]))
        name, members = big[smallest]
        big[smallest] = (name, sorted(members + small))
    return big


def meeting_tables(p: Projection, codes: list[str], *, leergroep: dict[str, str] | None = None,
                   size: tuple[int, int] = TABLE_SIZE, seed: int = DEFAULT_SEED,
                   baseline_runs: int = BASELINE_RUNS) -> GroupProposal:
    """Tables for the gemeenten ``codes`` of one meeting (those in the projection's population)."""
    population = set(p.population)
    present = [c for c in codes if c in population]
    rng = np.random.default_rng(seed)
    groups: list[LearningGroup] = []
    quality = random_mean = 0.0
    for name, members in pools(present, leergroep or {}, size[0]):
        sizes = table_sizes(len(members), size)
        m = shared_matrix(p, tuple(members))
        labels = _improve(m, _greedy(m, sizes, rng))
        quality += split_quality(m, labels)
        random_mean += _random_mean(m, sizes, rng, baseline_runs)
        for g in range(len(sizes)):
            mask = labels == g
            table = [c for c, inside in zip(members, mask) if inside]
            groups.append(_group(p, len(groups) + 1, name, table, float(m[np.ix_(mask, mask)].sum() / 2)))
    ratio = quality / random_mean if random_mean > 0 else None
    return GroupProposal(tuple(groups), quality, random_mean, baseline_runs, ratio, seed, size, None,
                         _zin(quality, random_mean, ratio, baseline_runs),
                         _sentence(quality, random_mean, ratio, baseline_runs))
