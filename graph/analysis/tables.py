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

from graph.analysis.evidence import dutch_number
from graph.analysis.groups import (
    BASELINE_RUNS, DEFAULT_SEED, GroupProposal, LearningGroup, _greedy, _group, _improve, _random_mean,
    group_sizes, split_quality,
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
    """Tables for the gemeenten ``codes`` of one meeting (those in the projection's population).

    The comparison is with tables of the same sizes drawn at random from everyone who comes, so it
    also says what following the learning groups costs or gains.
    """
    population = set(p.population)
    present = sorted(c for c in codes if c in population)
    rng = np.random.default_rng(seed)
    groups: list[LearningGroup] = []
    for name, members in pools(present, leergroep or {}, size[0]):
        sizes = table_sizes(len(members), size)
        m = shared_matrix(p, tuple(members))
        labels = _improve(m, _greedy(m, sizes, rng))
        for g in range(len(sizes)):
            mask = labels == g
            table = [c for c, inside in zip(members, mask) if inside]
            groups.append(_group(p, len(groups) + 1, name, table, float(m[np.ix_(mask, mask)].sum() / 2)))
    everyone = shared_matrix(p, tuple(present))
    index = {c: i for i, c in enumerate(present)}
    labels = np.zeros(len(present), dtype=int)
    for n, g in enumerate(groups):
        labels[[index[x.code] for x in g.gemeenten]] = n
    quality = split_quality(everyone, labels) if present else 0.0
    random_mean = _random_mean(everyone, [len(g.gemeenten) for g in groups], rng, baseline_runs)
    ratio = quality / random_mean if random_mean > 0 and len(groups) > 1 else None  # one table: nothing to compare
    return GroupProposal(tuple(groups), quality, random_mean, baseline_runs, ratio, seed, size, None,
                         zin(ratio, baseline_runs), sentence(ratio, baseline_runs))


def zin(ratio: float | None, runs: int) -> str:
    """The comparison in plain Dutch.

    >>> zin(1.3, 100)
    "Aan deze tafels delen de gemeenten 1,3 keer zoveel thema's en instrumenten als aan tafels die door loting zijn samengesteld (gemiddelde van 100 lotingen)."
    """
    if ratio is None:
        return ""
    return (f"Aan deze tafels delen de gemeenten {dutch_number(ratio)} keer zoveel thema's en instrumenten "
            f"als aan tafels die door loting zijn samengesteld (gemiddelde van {runs} lotingen).")


def sentence(ratio: float | None, runs: int) -> str:
    if ratio is None:
        return ""
    return (f"At these tables the municipalities share {ratio:.1f} times as many themes and instruments as at "
            f"tables drawn by lot (mean of {runs} draws).")
