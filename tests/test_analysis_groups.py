"""Similarity (weighted shared elements + context), Louvain communities and learning groups."""

from __future__ import annotations

import math

import numpy as np
import pytest
from test_analysis_fixtures import tiny_records

from graph.analysis import (
    Gemeente, Les, Records, communities, learning_groups, projection_from_records, similar, similarity,
)
from graph.analysis.groups import _improve, group_sizes, split_quality
from graph.geo import haversine_km
from graph.analysis.similarity import context_similarity, idf, shared_matrix

LN2, LN73, LN5 = math.log(2), math.log(7 / 3), math.log(5)


@pytest.fixture(scope="module")
def tiny():
    return projection_from_records(tiny_records())


def two_clusters(provinces=("P1",) * 6) -> Records:
    """A, B, C share theme x; D, E, F share theme y; nothing else."""
    codes = [f"GM001{i}" for i in range(1, 7)]
    gemeenten = tuple(Gemeente(c, "ABCDEF"[i], provincie=provinces[i]) for i, c in enumerate(codes))
    lessen = (Les("les/t-x", "X", themas=("thema/x",), gemeenten=tuple(codes[:3]), traject="t"),
              Les("les/t-y", "Y", themas=("thema/y",), gemeenten=tuple(codes[3:]), traject="t"))
    return Records(gemeenten=gemeenten, deelnemers=tuple(codes), lessen=lessen)


def test_idf_weights_rare_elements_more():
    assert idf(4, 1) == pytest.approx(LN5) and idf(4, 4) == pytest.approx(LN2)


def test_shared_score_is_weighted_jaccard(tiny):
    # GM0001 and GM0002 share draagvlak (4 of 4), budget and dorpsbudget (3 of 4); GM0001 alone has
    # vraagstuk t-v1 and GM0002 alone dorpsraad (1 of 4 each).
    s = similarity(tiny, "GM0001", "GM0002")
    shared = LN2 + 2 * LN73
    assert s.shared_score == pytest.approx(shared / (shared + 2 * LN5))
    assert s.shared == ("budget", "dorpsbudget", "draagvlak")


def test_context_similarity(tiny):
    a, b = tiny.gemeente("GM0001"), tiny.gemeente("GM0002")
    km = haversine_km((53.0, 5.0), (53.0, 5.5))
    assert context_similarity(a, b) == pytest.approx((2 / 3 + 1 / 3 + 0 + (1 - km / 350)) / 4)
    s = similarity(tiny, "GM0001", "GM0002")
    assert s.score == pytest.approx(0.7 * s.shared_score + 0.3 * s.context_score)
    assert s.uitleg == ("Beedorp deelt budget, dorpsbudget, draagvlak; context lijkt 48%"
                        " (kernen, inwoners, herindeling, afstand); 33 km")


def test_similar_ranks_best_first(tiny):
    assert [s.b.code for s in similar(tiny, "GM0002")] == ["GM0003", "GM0001", "GM0004"]
    with pytest.raises(LookupError, match="GM9999"):
        similar(tiny, "GM9999")


def test_shared_matrix(tiny):
    m = shared_matrix(tiny, ("GM0001", "GM0002", "GM0004"))
    assert m[0, 1] == pytest.approx(LN2 + 2 * LN73) and m[0, 2] == pytest.approx(LN2) and m[1, 1] == 0


@pytest.mark.parametrize(("n", "size", "expected"), [
    (10, (4, 6), [5, 5]), (12, (4, 6), [6, 6]), (13, (4, 6), [5, 4, 4]), (7, (4, 6), [4, 3]),
    (3, (4, 6), [3]), (0, (4, 6), []), (4, (2, 2), [2, 2])],
    ids=["ten", "twelve", "thirteen", "seven-no-fit", "too-few", "none", "pairs"])
def test_group_sizes(n, size, expected):
    assert group_sizes(n, size) == expected


def test_invalid_group_size():
    with pytest.raises(ValueError, match="groepsgrootte 5-4"):
        group_sizes(10, (5, 4))


def test_improvement_swaps_to_the_optimum():
    m = np.zeros((4, 4))
    m[0, 1] = m[1, 0] = m[2, 3] = m[3, 2] = 1.0
    labels = _improve(m, np.array([0, 1, 0, 1]))
    assert split_quality(m, labels) == 2.0 and labels[0] == labels[1] and labels[2] == labels[3]


def test_learning_groups_find_the_clusters():
    proposal = learning_groups(projection_from_records(two_clusters()), size=(3, 3), seed=7)
    groups = sorted([g.label for g in grp.gemeenten] for grp in proposal.groups)
    assert groups == [["A", "B", "C"], ["D", "E", "F"]]
    assert proposal.quality == pytest.approx(6 * math.log(3))
    assert proposal.ratio > 2  # a random split keeps on average 40% of the 6 tied pairs
    assert proposal.groups[0].shared[0].count == 3
    assert "keer zoveel als een willekeurige indeling" in proposal.zin


def test_learning_groups_within_province():
    records = two_clusters(provinces=("P1", "P1", "P2", "P1", "P2", "P2"))
    proposal = learning_groups(projection_from_records(records), size=(3, 3), region="provincie")
    assert [(g.region, [r.label for r in g.gemeenten]) for g in proposal.groups] == [
        ("P1", ["A", "B", "D"]), ("P2", ["C", "E", "F"])]
    assert proposal.quality == pytest.approx(2 * math.log(3))


def test_learning_groups_are_deterministic_per_seed(tiny):
    assert learning_groups(tiny, seed=3) == learning_groups(tiny, seed=3)


def test_unknown_region(tiny):
    with pytest.raises(ValueError, match="onbekende regio 'gemeente'"):
        learning_groups(tiny, region="gemeente")


def test_communities_are_the_two_clusters():
    found = communities(projection_from_records(two_clusters()), seed=1)
    assert [[g.label for g in c.gemeenten] for c in found] == [["A", "B", "C"], ["D", "E", "F"]]
    assert found[0].uitleg == "Cluster 1 (A, B, C) deelt x (3 van 3)"
