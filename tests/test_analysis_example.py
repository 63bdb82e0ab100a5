"""The analysis of the bundled (fictional) example trajectory, checked by hand once.

Every value asserted here was worked out by hand from ``tests/data/voorbeeld_data.py`` (the records
behind ``data/trajecten/voorbeeld``) and ``data/praktijk/toepassingen.csv``; nothing else is asserted.
"""

from __future__ import annotations

import pytest

from graph.analysis import analyse_projection, changes, hosts, isolated, project, threads


@pytest.fixture(scope="module")
def example(example_store):
    return project(example_store, traject="voorbeeld")


def test_twelve_participants(example):
    assert len(example.deelnemers) == 12


def test_vertrouwen_is_the_widest_thread(example):
    # vertrouwen: vraagstuk of GM1969 and the lessons les-12, -16, -17, -28, -32, -33, -38, -45, -52
    top = threads(example, k=3)[0]
    assert (top.key, top.support, top.spread) == ("thema/vertrouwen", 9, 5)
    assert top.codes == {"GM1966", "GM1959", "GM1960", "GM1970", "GM1969", "GM1982", "GM1963", "GM1978", "GM1979"}
    assert top.zin.startswith("9 van 12 deelnemers noemen Vertrouwen; in 5 provincies")


def test_draagvlak_with_dorpsbudget(example):
    # named together by the vraagstukken of GM1900, GM1966, GM1979 and eleven lessons; each of the two
    # alone is named by the same 9 gemeenten, so lift = 12 * 9 / (9 * 9)
    found = {t.key: t for t in threads(example, k=3)}
    pair = found["instrument/dorpsbudget+thema/draagvlak"]
    assert pair.codes == {"GM1900", "GM1966", "GM1979", "GM1978", "GM1959", "GM1970", "GM1969", "GM1952", "GM1982"}
    assert pair.lift == pytest.approx(4 / 3)
    assert pair.provincies == ("Fryslân", "Groningen", "Noord-Brabant", "Zuid-Holland")
    assert found["thema/draagvlak"].support == found["instrument/dorpsbudget"].support == 9


def test_het_hogeland_hosts_the_kernenfonds_question(example):
    # praktijk: Het Hogeland has a dorpsbudget since 2020; the last meeting is in 2025
    v01 = {h.vraagstuk: h for h in hosts(example)}["vraagstuk/voorbeeld-v01"]
    best = v01.matches[0]
    assert (best.host.label, best.sinds, best.years) == ("Het Hogeland", 2020, 5)


def test_learning_groups_share_more_than_random(example):
    proposal = analyse_projection(example).groups
    assert [len(g.gemeenten) for g in proposal.groups] == [6, 6]
    assert proposal.quality > proposal.random_mean


def test_nobody_is_isolated(example):
    assert isolated(example) == []


def test_first_change_is_from_the_intakes_to_the_first_regional_meeting(example):
    # intake lessons: aanspreekpunt GM1969, GM1963; regio-1: draagvlak + dorpsbudget les-06 (GM1966, GM1979),
    # les-07 (GM1900, GM1966); aanspreekpunt les-08 (GM1969, GM1963), les-09 (GM1982, GM1969)
    first = changes(example)[0]
    assert first.after == "bijeenkomst/voorbeeld-regio-1" and len(first.before_meetings) == 5
    moved = {t.key: (t.before, t.after, t.status) for t in first.threads}
    assert moved["thema/draagvlak"] == (0, 3, "nieuw")
    assert moved["instrument/dorpsbudget"] == (0, 3, "nieuw")
    assert moved["thema/aanspreekpunt"] == (2, 3, "gegroeid")


def test_the_proposed_split_is_the_best_of_all_462(example):
    """Two groups of six out of twelve: every split enumerated; the proposal is the optimum."""
    import itertools

    import numpy as np

    from graph.analysis import learning_groups
    from graph.analysis.groups import split_quality
    from graph.analysis.similarity import shared_matrix

    m = shared_matrix(example, tuple(sorted(example.population)))
    best = max(split_quality(m, np.array([0 if i in first else 1 for i in range(12)]))
               for first in itertools.combinations(range(12), 6))
    assert learning_groups(example).quality == pytest.approx(best)
