"""Communities (Louvain, seeded) and a proposal of learning groups that share as much as possible.

The quality of a split is the sum, over its groups, of the shared weight of every pair of members
(see :mod:`graph.analysis.similarity`). The proposal starts greedy (the strongest-tied member first,
then whoever adds most) and improves by swapping members between groups while a swap gains; it is
compared with the mean of ``baseline_runs`` seeded random splits into the same sizes.

>>> group_sizes(10, (4, 6)), group_sizes(7, (4, 6)), group_sizes(3, (4, 6)), group_sizes(13, (4, 6))
([5, 5], [4, 3], [3], [5, 4, 4])
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
import numpy as np

from graph.analysis.evidence import GemeenteRef, dutch_number, gemeente_refs
from graph.analysis.projection import Projection
from graph.analysis.similarity import shared_matrix, similarity_graph, weights

DEFAULT_SIZE = (4, 6)
DEFAULT_SEED = 42
BASELINE_RUNS = 100
MAX_PASSES = 50
EPS = 1e-9
MAX_SHARED_LISTED = 5
REGIONS = (None, "provincie")
MIXED_REGION = "gemengd"


def group_sizes(n: int, size: tuple[int, int]) -> list[int]:
    """Group sizes for ``n`` members: as few groups as fit within ``size``, as even as possible."""
    lo, hi = size
    if not 1 <= lo <= hi:
        raise ValueError(f"groepsgrootte {lo}-{hi} is ongeldig")
    if n <= hi:
        return [n] if n else []
    fits = [g for g in range(math.ceil(n / hi), n // lo + 1)]
    g = fits[0] if fits else math.ceil(n / hi)
    return [n // g + (1 if i < n % g else 0) for i in range(g)]


@dataclass(frozen=True)
class SharedElement:
    label: str
    key: str
    count: int  # members linked to it


@dataclass(frozen=True)
class LearningGroup:
    number: int
    region: str | None
    gemeenten: tuple[GemeenteRef, ...]
    weight: float  # shared weight within the group
    shared: tuple[SharedElement, ...]
    uitleg: str
    explanation: str


@dataclass(frozen=True)
class GroupProposal:
    groups: tuple[LearningGroup, ...]
    quality: float
    random_mean: float
    baseline_runs: int
    ratio: float | None  # quality / random_mean
    seed: int
    size: tuple[int, int]
    region: str | None
    zin: str
    sentence: str


@dataclass(frozen=True)
class Community:
    number: int
    gemeenten: tuple[GemeenteRef, ...]
    shared: tuple[SharedElement, ...]
    uitleg: str
    explanation: str


def _shared(p: Projection, codes: list[str]) -> tuple[SharedElement, ...]:
    """Elements linked to at least two of ``codes``: most members first, then heaviest, then label."""
    w = weights(p)
    counts: dict[str, int] = {}
    for code in codes:
        for e in w.elements(code):
            counts[e] = counts.get(e, 0) + 1
    found = [SharedElement(p.label(e), e, n) for e, n in counts.items() if n >= 2]
    return tuple(sorted(found, key=lambda s: (-s.count, -w.weight.get(s.key, 0.0), s.label, s.key)))


def _shared_text(shared: tuple[SharedElement, ...], n: int, *, of: str) -> str:
    listed = shared[:MAX_SHARED_LISTED]
    return ", ".join(f"{s.label} ({s.count} {of} {n})" for s in listed)


def communities(p: Projection, *, seed: int = DEFAULT_SEED, resolution: float = 1.0) -> list[Community]:
    """Louvain communities of the population on the shared-weight graph, largest first."""
    g = similarity_graph(p)
    found = nx.community.louvain_communities(g, weight="weight", seed=seed, resolution=resolution) if g else []
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))
    out = []
    for i, codes in enumerate(ordered, 1):
        shared = _shared(p, codes)
        names = ", ".join(r.label for r in gemeente_refs(p, codes))
        out.append(Community(i, gemeente_refs(p, codes), shared,
                             f"Cluster {i} ({names}) deelt {_shared_text(shared, len(codes), of='van') or 'niets'}",
                             f"Cluster {i} ({names}) shares {_shared_text(shared, len(codes), of='of') or 'nothing'}"))
    return out


def split_quality(m: np.ndarray, labels: np.ndarray) -> float:
    """The shared weight within groups: sum over groups of the weights of member pairs.

    >>> m = np.array([[0, 2, 1], [2, 0, 0], [1, 0, 0]], dtype=float)
    >>> split_quality(m, np.array([0, 0, 1])), split_quality(m, np.array([0, 0, 0]))
    (2.0, 3.0)
    """
    same = labels[:, None] == labels[None, :]
    return float(np.sum(m * same) / 2)


def _greedy(m: np.ndarray, sizes: list[int], rng: np.random.Generator) -> np.ndarray:
    """Fill groups one by one: seed with the best-tied free member, then add whoever adds most."""
    n = len(m)
    order = rng.permutation(n)  # tie-break: earlier in ``order`` wins
    rank = np.empty(n)
    rank[order] = np.arange(n)
    labels = np.full(n, -1)
    for g, size in enumerate(sizes):
        free = labels < 0
        tie = m[:, free].sum(axis=1)
        pick = _best(np.where(free)[0], tie, rank)
        labels[pick] = g
        for _ in range(size - 1):
            free = labels < 0
            pick = _best(np.where(free)[0], m[:, labels == g].sum(axis=1), rank)
            labels[pick] = g
    return labels


def _best(candidates: np.ndarray, score: np.ndarray, rank: np.ndarray) -> int:
    return int(min(candidates, key=lambda i: (-round(float(score[i]), 9), rank[i])))


def _improve(m: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Swap members between groups while the best swap for someone gains (best-improvement, bounded)."""
    labels = labels.copy()
    k = labels.max() + 1 if len(labels) else 0
    t = m @ np.eye(k)[labels] if k else np.zeros((0, 0))  # t[x, g]: x's tie to group g
    idx = np.arange(len(labels))
    for _ in range(MAX_PASSES):
        swapped = False
        for i in idx:
            a = labels[i]
            gain = t[i, labels] - t[i, a] + t[idx, a] - t[idx, labels] - 2 * m[i]
            gain[labels == a] = -np.inf
            j = int(np.argmax(gain))
            if gain[j] > EPS:
                b = labels[j]
                t[:, a] += m[:, j] - m[:, i]
                t[:, b] += m[:, i] - m[:, j]
                labels[i], labels[j] = b, a
                swapped = True
        if not swapped:
            break
    return labels


def _random_mean(m: np.ndarray, sizes: list[int], rng: np.random.Generator, runs: int) -> float:
    base = np.repeat(np.arange(len(sizes)), sizes)
    return float(np.mean([split_quality(m, rng.permutation(base)) for _ in range(runs)])) if runs else 0.0


def _pools(p: Projection, region: str | None, lo: int) -> list[tuple[str | None, list[str]]]:
    """The participants per region; regions smaller than a group go together in one mixed pool."""
    if region not in REGIONS:
        raise ValueError(f"onbekende regio '{region}'; kies uit: provincie")
    if region is None:
        return [(None, list(p.population))]
    by: dict[str, list[str]] = {}
    for code in p.population:
        by.setdefault(p.gemeente(code).provincie, []).append(code)
    big = [(name, codes) for name, codes in sorted(by.items()) if len(codes) >= lo]
    small = sorted(c for codes in by.values() if len(codes) < lo for c in codes)
    return big + ([(MIXED_REGION, small)] if small else [])


def learning_groups(p: Projection, *, size: tuple[int, int] = DEFAULT_SIZE, seed: int = DEFAULT_SEED,
                    region: str | None = None, baseline_runs: int = BASELINE_RUNS) -> GroupProposal:
    """Split the population into groups of ``size`` (min, max) that share most, optionally per province."""
    rng = np.random.default_rng(seed)
    groups: list[LearningGroup] = []
    quality = random_mean = 0.0
    for name, codes in _pools(p, region, size[0]):
        codes = sorted(codes)
        sizes = group_sizes(len(codes), size)
        m = shared_matrix(p, tuple(codes))
        labels = _improve(m, _greedy(m, sizes, rng)) if codes else np.array([], dtype=int)
        quality += split_quality(m, labels)
        random_mean += _random_mean(m, sizes, rng, baseline_runs)
        for g in range(len(sizes)):
            members = [c for c, label in zip(codes, labels) if label == g]
            mask = labels == g
            groups.append(_group(p, len(groups) + 1, name, members, float(m[np.ix_(mask, mask)].sum() / 2)))
    ratio = quality / random_mean if random_mean > 0 else None
    return GroupProposal(tuple(groups), quality, random_mean, baseline_runs, ratio, seed, size, region,
                         _zin(quality, random_mean, ratio, baseline_runs), _sentence(quality, random_mean, ratio, baseline_runs))


def _group(p: Projection, number: int, region: str | None, members: list[str], weight: float) -> LearningGroup:
    shared = _shared(p, members)
    refs = gemeente_refs(p, members)
    names = ", ".join(r.label for r in refs)
    where = f" ({region})" if region else ""
    where_en = " (mixed: provinces with too few participants)" if region == MIXED_REGION else where
    where_nl = " (gemengd: provincies met te weinig deelnemers)" if region == MIXED_REGION else where
    return LearningGroup(
        number, region, refs, weight, shared,
        f"Groep {number}{where_nl}: {names}; deelt {_shared_text(shared, len(members), of='van') or 'niets'}",
        f"Group {number}{where_en}: {names}; shares {_shared_text(shared, len(members), of='of') or 'nothing'}")


def _zin(quality: float, mean: float, ratio: float | None, runs: int) -> str:
    times = f"{dutch_number(ratio)} keer zoveel als" if ratio is not None else "niet te vergelijken met"
    return (f"Deze indeling deelt {times} een willekeurige indeling: gedeeld gewicht {dutch_number(quality, 2)}"
            f" tegen gemiddeld {dutch_number(mean, 2)} over {runs} willekeurige indelingen")


def _sentence(quality: float, mean: float, ratio: float | None, runs: int) -> str:
    times = f"{ratio:.1f} times as much as" if ratio is not None else "not comparable with"
    return (f"This split shares {times} a random split: shared weight {quality:.2f}"
            f" against a mean of {mean:.2f} over {runs} random splits")
