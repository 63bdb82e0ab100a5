"""Rode draden: exact values on the tiny world, the removal property, determinism."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings, strategies as st
from test_analysis_fixtures import tiny_records

from graph.analysis import Gemeente, Les, Records, projection_from_records, threads
from graph.analysis.threads import lift


@pytest.fixture(scope="module")
def found():
    return threads(projection_from_records(tiny_records()), k=3)


def test_threads_ranked_by_support_spread_lift(found):
    # draagvlak: GM0001-3 (lesson t-l1) + GM0004 (vraagstuk t-v2); budget and dorpsbudget: GM0001-3.
    # budget x dorpsbudget co-occur in all 3 of their gemeenten: lift 4*3/(3*3); the other pairs have lift 1.
    assert [(t.key, t.support, t.spread) for t in found] == [
        ("thema/draagvlak", 4, 3),
        ("instrument/dorpsbudget+thema/budget", 3, 2),
        ("thema/budget", 3, 2),
        ("instrument/dorpsbudget", 3, 2),
    ]
    assert found[1].lift == pytest.approx(4 / 3) and found[0].lift is None


def test_thread_evidence_and_spread(found):
    draagvlak = found[0]
    assert [g.code for g in draagvlak.gemeenten] == ["GM0001", "GM0002", "GM0003", "GM0004"]
    assert draagvlak.provincies == ("Drenthe", "Fryslân", "Groningen")
    assert draagvlak.grootteklassen == ("100.000 en meer", "20.000-50.000", "50.000-100.000", "tot 20.000")
    assert (draagvlak.heringedeeld, draagvlak.niet_heringedeeld) == (1, 3)
    assert [les.iri.rsplit("/", 1)[1] for les in draagvlak.lessen] == ["t-l1"]  # the praktijk lesson is out of scope
    assert draagvlak.bronnen == ("https://example.org/a",)


def test_sentences(found):
    assert found[0].zin == "4 van 4 deelnemers noemen draagvlak; in 3 provincies; bronnen: example.org"
    assert found[1].zin == ("3 van 4 deelnemers noemen budget bij dorpsbudget; in 2 provincies; "
                            "1,3 keer zo vaak samen als bij toeval; bronnen: example.org")
    assert found[1].sentence == ("3 of 4 participants mention budget with dorpsbudget; in 2 provinces; "
                                 "together 1.3 times as often as chance predicts; sources: example.org")
    assert found[2].zin.endswith("bronnen: geen")


@pytest.mark.parametrize(("k", "expected"), [(1, 7), (3, 4), (4, 1), (5, 0)], ids=["k1", "k3", "k4", "k5"])
def test_k_threshold(k, expected):
    # k=1: draagvlak, budget, dorpsbudget, jeugd, vraagstukken t-v1 and t-v2, and budget x dorpsbudget
    # (draagvlak pairs with budget, dorpsbudget and jeugd all have lift exactly 1: not beyond chance)
    p = projection_from_records(tiny_records())
    assert len(threads(p, k=k)) == expected


def test_k_must_be_positive():
    with pytest.raises(ValueError, match="k moet minstens 1 zijn"):
        threads(projection_from_records(tiny_records()), k=0)


@pytest.mark.parametrize(("n_ab", "n_a", "n_b", "n", "expected"), [
    (3, 3, 4, 12, 3.0), (2, 4, 4, 8, 1.0), (1, 2, 2, 2, 0.5)], ids=["above", "chance", "below"])
def test_lift(n_ab, n_a, n_b, n, expected):
    assert lift(n_ab, n_a, n_b, n) == expected


def test_deterministic(found):
    again = threads(projection_from_records(tiny_records()), k=3)
    assert again == found


def _without(records: Records, code: str) -> Records:
    """``code``'s lessons removed: it is dropped from every lesson's evidence (empty lessons go)."""
    lessen = tuple(dataclasses.replace(les, gemeenten=tuple(c for c in les.gemeenten if c != code))
                   for les in records.lessen)
    return dataclasses.replace(records, lessen=tuple(les for les in lessen if les.gemeenten))


def _by_key(found):
    return {t.key: (t.codes, t.lift) for t in found}


def _check_removal(records: Records, code: str, k: int) -> None:
    before = _by_key(threads(projection_from_records(records), k=k))
    after = _by_key(threads(projection_from_records(_without(records, code)), k=k))
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    supported = {key for key, (codes, _) in before.items() if code in codes}
    assert supported <= changed  # every thread it supported changed
    linked = projection_from_records(records).elements_of(code, scope="traject")
    touched = {key for key in changed if any(part in linked for part in key.split("+"))}
    # nothing else changed: a combination's lift depends on its parts' support, so a combination
    # on an element ``code`` was linked to may change too; no thread on other elements does.
    assert changed == touched
    singles = {key for key in changed if "+" not in key}
    assert singles == {key for key in supported if "+" not in key}


@pytest.mark.parametrize("code", ["GM0001", "GM0002", "GM0003"])
def test_removing_a_gemeentes_lessons_changes_exactly_its_threads(code):
    records = tiny_records(vraagstukken=())  # lessons only, so removing lessons removes all its evidence
    _check_removal(records, code, 2)


THEMES = [f"thema/t{i}" for i in range(5)]
CODES = [f"GM000{i}" for i in range(1, 8)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sets(st.sampled_from(THEMES), min_size=1, max_size=3),
                          st.sets(st.sampled_from(CODES), min_size=1, max_size=4)), min_size=1, max_size=8),
       st.sampled_from(CODES), st.integers(min_value=1, max_value=4))
def test_removal_property(lessons, code, k):
    records = Records(gemeenten=tuple(Gemeente(c, c) for c in CODES), deelnemers=tuple(CODES),
                      lessen=tuple(Les(f"les/t-{i}", f"L{i}", themas=tuple(sorted(ts)), gemeenten=tuple(sorted(cs)),
                                       traject="t") for i, (ts, cs) in enumerate(lessons)))
    _check_removal(records, code, k)

