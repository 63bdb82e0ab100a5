"""Properties that hold for any input: partitions, bounds, symmetry (hypothesis, small random worlds)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from graph.analysis import Gemeente, Les, Records, learning_groups, projection_from_records, similarity
from graph.analysis.groups import group_sizes

THEMES = [f"thema/t{i}" for i in range(6)]
PROVINCES = ["P1", "P2", "P3"]


@st.composite
def worlds(draw):
    n = draw(st.integers(min_value=1, max_value=14))
    codes = [f"GM{i:04d}" for i in range(1, n + 1)]
    gemeenten = tuple(Gemeente(c, f"G{c}", provincie=draw(st.sampled_from(PROVINCES)),
                               inwoners=draw(st.integers(1_000, 200_000)), n_kernen=draw(st.integers(0, 60)),
                               merged=draw(st.booleans()), lat=draw(st.floats(50.8, 53.5)),
                               lon=draw(st.floats(3.4, 7.2))) for c in codes)
    lessons = draw(st.lists(st.tuples(st.sets(st.sampled_from(THEMES), min_size=1, max_size=3),
                                      st.sets(st.sampled_from(codes), min_size=1, max_size=4)), max_size=10))
    lessen = tuple(Les(f"les/t-{i}", f"L{i}", themas=tuple(sorted(ts)), gemeenten=tuple(sorted(cs)), traject="t")
                   for i, (ts, cs) in enumerate(lessons))
    return Records(gemeenten=gemeenten, deelnemers=tuple(codes), lessen=lessen)


@settings(max_examples=40, deadline=None)
@given(worlds(), st.sampled_from([(2, 3), (3, 4), (4, 6)]), st.sampled_from([None, "provincie"]),
       st.integers(0, 5))
def test_learning_groups_partition_the_participants(records, size, region, seed):
    p = projection_from_records(records)
    proposal = learning_groups(p, size=size, region=region, seed=seed, baseline_runs=5)
    members = [g.code for group in proposal.groups for g in group.gemeenten]
    assert sorted(members) == sorted(p.population)  # everyone exactly once
    assert proposal.quality == pytest.approx(sum(group.weight for group in proposal.groups))
    if region is None:
        assert sorted(len(g.gemeenten) for g in proposal.groups) == sorted(group_sizes(len(members), size))


@settings(max_examples=40, deadline=None)
@given(worlds(), st.data())
def test_similarity_is_symmetric_and_bounded(records, data):
    p = projection_from_records(records)
    a = data.draw(st.sampled_from(p.population))
    b = data.draw(st.sampled_from(p.population))
    ab, ba = similarity(p, a, b), similarity(p, b, a)
    assert ab.score == pytest.approx(ba.score) and set(ab.shared) == set(ba.shared)
    for value in (ab.score, ab.shared_score, ab.context_score):
        assert -1e-12 <= value <= 1 + 1e-12
