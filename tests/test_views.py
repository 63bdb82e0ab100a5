"""graph.views on the small hand-built app store: exact values, both languages."""

from __future__ import annotations

import pytest

from app_fixture import HOSTILE, app_quads
from graph import views


@pytest.fixture(scope="module")
def store(memory_store):
    return memory_store(app_quads())


def test_overview(store):
    assert views.overview(store) == views.Overview(gemeenten=4, kernen=3, toepassingen=1, instrumenten=2,
                                                   lessen=5, bijeenkomsten=4, deelnemers=4)


def test_trajecten(store):
    assert views.trajecten(store) == [views.Traject("traject/mini", "mini", "Mini-traject", True)]


@pytest.mark.parametrize(("lang", "soort"), [("nl", "Werkbezoek"), ("en", "Site visit")])
def test_meetings_in_order_with_labels_in_language(store, lang, soort):
    meetings = views.meetings(store, traject="mini", lang=lang)
    assert [m.key for m in meetings] == ["bijeenkomst/mini-intake", "bijeenkomst/mini-regio1",
                                         "bijeenkomst/mini-wb1", "bijeenkomst/mini-regio2"]
    assert (meetings[2].soort, meetings[2].gastgemeente, meetings[2].datum) == (soort, "Beekwoude", "2025-04-01")


def test_map_points(store):
    points = views.map_points(store)
    assert [(p.code, p.lat, p.lon, p.provincie, p.deelnemer, p.praktijk) for p in points][:2] == [
        ("GM9001", 53.1, 5.8, "Testland-Noord", True, True), ("GM9002", 52.95, 6.4, "Testland-Noord", True, False)]
    assert points[0].instrumenten == ("Dorpsbudget",)


@pytest.mark.parametrize(("lang", "expected"), [
    ("nl", {"thema/budgetverdeling": "Budgetverdeling", "thema/draagvlak": "Draagvlak"}),
    ("en", {"thema/budgetverdeling": "Budget allocation", "thema/draagvlak": "Public support"}),
    ("fy", {"thema/budgetverdeling": "Budgetverdeling", "thema/draagvlak": "Draagvlak"}),  # falls back to Dutch
])
def test_concept_labels_from_language_tags(store, lang, expected):
    assert views.concepts(store, kind="Thema", lang=lang) == expected


def test_instruments(store):
    by_key = {i.key: i for i in views.instruments(store, lang="en")}
    budget = by_key["instrument/dorpsbudget"]
    assert (budget.label, budget.groep, budget.groep_label, budget.ladder_min, budget.ladder_max) == (
        "Village budget", "instrumentgroep/budget", "Budget", 3, 5)
    assert (budget.ladder_min_label, budget.ladder_max_label, budget.invloed_zeggenschap, budget.gemeenten) == (
        "Advising", "Co-deciding", "zeggenschap", 1)
    assert budget.definitie == "Definition of Village budget"


def test_ladder(store):
    assert views.ladder(store, lang="nl")[:2] == [(1, "Informeren"), (2, "Raadplegen")]


def test_uses_with_amount_and_source(store):
    (use,) = views.uses(store, gemeente="GM9001")
    assert (use.instrument, use.lokale_naam, use.sinds, use.bedrag, use.eenheid, use.peiljaar) == (
        "instrument/dorpsbudget", "Kernenfonds", "2020", 250000.0, "EUR", "2022")
    assert use.bronnen == ("https://example.org/verslag-regio1",)
    assert views.uses(store, gemeente="GM9002") == []
    assert [u.gemeente_code for u in views.uses(store, instrument="instrument/dorpsbudget")] == ["GM9001"]


def test_lessons_by_gemeente_and_instrument(store):
    keys = {les.key for les in views.lessons(store, gemeente="GM9001")}
    assert keys == {"les/mini-l1", "les/mini-l5"}
    hostile = next(les for les in views.lessons(store, gemeente="GM9001") if les.key == "les/mini-l5")
    assert hostile.title == HOSTILE  # returned as plain text; the app escapes where it shows it
    assert {les.key for les in views.lessons(store, instrument="instrument/dorpsraad")} == {"les/mini-l2"}


def test_profile(store):
    p = views.profile(store, code="GM9001")
    assert (p.label, p.provincie, p.inwoners, p.kernen, p.wijken) == ("Aadorp-Oost", "Testland-Noord", 21000, 3, 1)
    assert p.herindelingen == (views.Herindeling("2019-01-01", "", ("Oudedorp",)),)
    assert p.tellingen[0].aantal == 5 and p.tellingen[0].wat_geteld == "dorpen (gemeente)"
    assert len(p.links) == 2
    assert views.profile(store, code="GM0000") is None


def test_work(store):
    items = views.work(store, code="GM9002")
    assert [(w.soort, w.traject, w.status) for w in items] == [
        ("actie", "mini", "bezig"), ("project", "mini", ""), ("vraagstuk", "mini", "")]


def test_a_code_that_is_no_key_is_refused(store):
    with pytest.raises(ValueError, match="not a valid IRI key"):
        views.profile(store, code='GM9001"};DROP')


def test_lessons_carry_evidence_codes_and_instrument_keys(store):
    hostile = next(les for les in views.lessons(store, gemeente="GM9001") if les.key == "les/mini-l5")
    assert ("GM9001", "Aadorp-Oost") in hostile.evidence
    assert [name for _, name in hostile.evidence] == sorted(name for _, name in hostile.evidence)
    assert {les.key: les.instrument_keys for les in views.lessons(store, instrument="instrument/dorpsraad")} == {
        "les/mini-l2": ("instrument/dorpsraad",)}


def test_gemeente_rows_for_the_list_page(store):
    rows = {r.code: r for r in views.gemeente_rows(store)}
    assert sorted(rows) == ["GM9001", "GM9002", "GM9003", "GM9004"]
    first = rows["GM9001"]
    assert (first.label, first.provincie, first.inwoners, first.kernen, first.herindeling, first.deelnemer) == (
        "Aadorp-Oost", "Testland-Noord", 21000, 3, 2019, True)
    assert first.instrumenten == ("instrument/dorpsbudget",) and rows["GM9002"].instrumenten == ()


def test_search_index_and_find(store):
    from graph.views import search

    index = search.prepare(views.search_index(store))
    kinds = {e.kind for e in views.search_index(store)}
    assert kinds == {"gemeente", "kern", "instrument", "les"}
    found = [(e.kind, e.key) for e in search.find(index, "aadorp oost")]
    assert found[0] == ("gemeente", "GM9001") and {k for k, _ in found[1:]} == {"kern"}  # its kernen after it
    assert [e.key for e in search.find(index, "TESTKERN 1")][:1] == ["GM9001"]  # a kern leads to its gemeente
    assert "les/mini-l5" in [e.key for e in search.find(index, "<img src=x onerror")]
