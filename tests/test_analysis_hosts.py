"""Werkbezoek hosts, bridges and gaps, change between meetings: exact values on the tiny world."""

from __future__ import annotations

import dataclasses

import pytest
from test_analysis_fixtures import tiny_records

from graph.analysis import bridges, changes, hosts, once_only, isolated, projection_from_records
from graph.analysis.hosts import reference_year, relevance
from graph.analysis.records import Les
from graph.geo import haversine_km


@pytest.fixture(scope="module")
def tiny():
    return projection_from_records(tiny_records())


def test_reference_year_is_the_latest_meeting(tiny):
    assert reference_year(tiny) == 2025


@pytest.mark.parametrize(("matched", "expected"), [
    ({"instrument/a", "thema/x"}, 1.0), ({"instrument/a"}, 2 / 3), ({"thema/x"}, 1 / 3), (set(), 0.0)],
    ids=["both", "instrument", "theme", "none"])
def test_relevance(matched, expected):
    assert relevance(("instrument/a",), ("thema/x",), matched=matched) == pytest.approx(expected)


def test_hosts_for_the_budget_question(tiny):
    # vraagstuk t-v1 (Aadorp): budget + dorpsbudget. Ceedorp: both, in use since 2020, lessons t-l1 and
    # t-l3 and an outcome of t-l3; Beedorp: both, lessons t-l1 and t-l3, no toepassing; Eedorp:
    # dorpsbudget in use since 2015.
    found = {h.vraagstuk: h for h in hosts(tiny)}["vraagstuk/t-v1"]
    assert [(m.host.code, m.relevance, m.sinds, m.years, len(m.lessen)) for m in found.matches] == [
        ("GM0003", 1.0, 2020, 5, 2), ("GM0002", 1.0, None, None, 2), ("GM0005", pytest.approx(2 / 3), 2015, 10, 0)]
    ceedorp = found.matches[0]
    km = haversine_km((53.0, 5.0), (53.2, 6.5))
    context = (1 / 3 + 1 / 6 + 0 + (1 - km / 350)) / 4
    assert ceedorp.context == pytest.approx(context)
    assert ceedorp.score == pytest.approx(0.4 + 0.15 * 0.5 + 0.2 * 3 / 3 + 0.15 * context + 0.1 * (1 - km / 350))
    assert ceedorp.uitkomsten == ("Verdeelsleutel vastgesteld",)
    assert ceedorp.uitleg == ("Ceedorp heeft ervaring met dorpsbudget, budget (sinds 2020, 5 jaar); "
                              "2 lessen en 1 uitkomst vastgelegd; lijkt 30% op de gemeente (inwoners, kernen, herindeling, afstand); "
                              "103 km")
    assert ceedorp.explanation.startswith("Ceedorp has experience with dorpsbudget, budget (since 2020, 5 years)")
    assert not found.matches[2].deelnemer  # a practice municipality can host too


def test_the_asker_is_never_its_own_host(tiny):
    for h in hosts(tiny, top=10):
        assert not {g.code for g in h.gemeenten} & {m.host.code for m in h.matches}


def test_bridges_exact_betweenness(tiny):
    # worked out by hand on the 11-node population graph (normalised by 45 pairs):
    # GM0004 carries all 17 paths from jeugd and t-v2; draagvlak 21 + 8/3 paths.
    report = bridges(tiny)
    assert [(b.key, round(b.betweenness, 6)) for b in report.gemeenten] == [
        ("gemeente/GM0004", round(17 / 45, 6)), ("gemeente/GM0001", round(12 / 45, 6)),
        ("gemeente/GM0002", round(12 / 45, 6)), ("gemeente/GM0003", round(3 / 45, 6))]
    assert [(b.key, round(b.betweenness, 6)) for b in report.elements] == [
        ("thema/draagvlak", round(71 / 3 / 45, 6)), ("thema/budget", round(8 / 3 / 45, 6)),
        ("instrument/dorpsbudget", round(8 / 3 / 45, 6))]
    assert report.exact
    assert report.gemeenten[0].uitleg == ("Deedorp is een bruggenbouwer: verbindt 1 cluster (maat 0,378; "
                                          "3 verbindingen: Meer draagvlak, draagvlak, jeugd)")


def test_sampled_betweenness_is_seeded(tiny):
    a = bridges(tiny, max_exact=3, seed=5)
    assert not a.exact and a == bridges(tiny, max_exact=3, seed=5)


def test_once_only_and_isolated(tiny):
    assert [(o.key, o.uitleg) for o in once_only(tiny)] == [
        ("thema/jeugd", "jeugd kwam één keer ter sprake (Jeugd doet mee) en daarna niet meer")]
    assert isolated(tiny) == []
    lonely = dataclasses.replace(tiny_records(), vraagstukken=())  # GM0004 now has only jeugd
    found = isolated(projection_from_records(lonely))
    assert [(i.gemeente.code, i.elements, i.uitleg) for i in found] == [
        ("GM0004", ("jeugd",), "Deedorp deelt niets met de andere deelnemers")]


def test_changes_between_meetings(tiny):
    # Start (t-l1, t-l2) -> Regio (t-l3)
    [change] = changes(tiny)
    assert (change.before, change.after) == ("bijeenkomst/t-b1", "bijeenkomst/t-b2")
    assert [(t.label, t.before, t.after, t.status) for t in change.threads] == [
        ("draagvlak", 3, 0, "verdwenen"), ("budget", 0, 2, "nieuw"),
        ("dorpsbudget", 3, 2, "gekrompen"), ("jeugd", 1, 0, "verdwenen")]
    assert (change.n_new_connections, change.n_removed_connections) == (0, 2)
    assert [(c.a.code, c.b.code) for c in change.removed_connections] == [("GM0001", "GM0002"), ("GM0001", "GM0003")]
    assert change.zin == ("Van Start naar Regio: draden 1 nieuw, 0 gegroeid, 1 gekrompen, 2 verdwenen; "
                          "0 nieuwe en 2 verdwenen verbindingen")


def test_growth_and_new_connections():
    extra = Les("les/t-l4", "Nog meer budget", themas=("thema/budget",), gemeenten=("GM0001", "GM0004"),
                bijeenkomst="bijeenkomst/t-b2", traject="t")
    records = tiny_records()
    p = projection_from_records(dataclasses.replace(records, lessen=records.lessen + (extra,)))
    [change] = changes(p)
    assert {t.label: (t.before, t.after, t.status) for t in change.threads}["budget"] == (0, 4, "nieuw")
    assert [(c.a.code, c.b.code) for c in change.new_connections] == [
        ("GM0001", "GM0004"), ("GM0002", "GM0004"), ("GM0003", "GM0004")]
