"""Summaries over the hand-built mini trajectory (tests/fixtures_trajectory.py): exact values."""

from __future__ import annotations

from datetime import date

import pytest
from fixtures_trajectory import PERSON_NAME, trajectory_quads

from graph.analysis import analyse
from graph.summaries import intake_summary, lessons_bundle, meeting_pack


@pytest.fixture(scope="module")
def store(trajectory_store):
    return trajectory_store


@pytest.fixture(scope="module")
def pack(store):
    return meeting_pack(store, "mini-regio2")


def test_previous_meeting_is_the_last_earlier_one_of_any_kind(pack):
    assert pack.previous.key == "mini-wb1"


def test_new_lessons_are_those_of_the_previous_meeting(pack):
    assert [les.key for les in pack.new_lessons] == ["mini-l3", "mini-l5"]
    assert pack.known_lessons == 4  # l1, l2 (regio1), l3, l5 (wb1); regio2's own lesson comes after it


def test_actions_done_and_overdue_at_the_meeting_date(pack):
    assert [(a.title, a.deadline) for a in pack.actions_done] == [("Actie a1 van Aadorp-Oost", date(2025, 4, 15))]
    assert [(a.gemeente.code, a.status) for a in pack.actions_overdue] == [("GM9002", "bezig")]


def test_thread_changes_count_everything_known_then_and_now(pack):
    # then (before wb1): l1, l2; now (before regio2): l1, l2, l3, l5 -- l3 and l5 add GM9001/2/4 evidence
    assert [(c.label, c.before, c.after, c.status) for c in pack.thread_changes] == [
        ("Budgetverdeling", 0, 3, "nieuw"), ("Dorpsbudget", 2, 3, "gegroeid")]


def test_first_meeting_after_the_intake_has_nothing_new(store):
    first = meeting_pack(store, "regio1")
    assert first.previous.key == "mini-intake"
    assert first.new_lessons == [] and first.thread_changes == []


def test_attendees_are_roles_without_names(pack):
    assert [(a.gemeente.code, a.rol, a.naam) for a in pack.attendees] == [
        ("GM9001", "beleidsmedewerker", None), ("GM9002", "beleidsmedewerker", None),
        ("GM9003", "beleidsmedewerker", None), ("GM9004", "wethouder", None)]
    assert PERSON_NAME not in pack.model_dump_json()


def test_names_only_when_asked(store):
    named = meeting_pack(store, "mini-regio2", with_names=True)
    assert [a.naam for a in named.attendees] == [PERSON_NAME, None, None, None]


def test_threads_equal_the_analysis(store, pack, memory_store):
    before = memory_store([q for q in trajectory_quads() if "/les/mini-l4" not in q.subject.value])
    expected = [(t.label, t.support, t.zin) for t in analyse(before, traject="mini").threads]
    assert [(t.label, t.support, t.sentence) for t in pack.threads] == expected[:5]  # l4 is regio2's own
    report = analyse(store, traject="mini")
    bundle = lessons_bundle(store, "mini")
    assert [(t.label, t.support) for t in bundle.threads] == [(t.label, t.support) for t in report.threads]
    assert bundle.population == len(report.deelnemers) == 4


def test_table_groups_and_hosts_come_from_the_analysis(store, pack):
    report = analyse(store, traject="mini")
    assert [[g.code for g in grp.gemeenten] for grp in pack.table_groups] == [
        [g.code for g in grp.gemeenten] for grp in report.groups.groups]
    hosts = {(h.gemeente.code, h.host.code) for h in pack.hosts}
    expected = {(g.code, m.host.code) for v in report.hosts for g in v.gemeenten for m in v.matches[:2]}
    assert hosts == expected


def test_network_links_attendees_to_their_topics(store):
    net = meeting_pack(store, "mini-regio1").network
    assert net.gemeenten == ["Aadorp-Oost", "Beekwoude", "Crunsdal"]
    assert [(e.source, e.target, e.weight) for e in net.edges if e.source == "Crunsdal"] == [
        ("Crunsdal", "Dorpsraad / dorpsbelang", 1), ("Crunsdal", "Draagvlak", 1)]


def test_intake_reference_facts(store):
    s = intake_summary(store, "aadorp oost")
    assert (s.gemeente.code, s.inwoners, s.kernen_bag, s.kern_definition) == (
        "GM9001", 21000, 3, "BAG-woonplaatsen (CBS 2024)")
    assert [(k.aantal, k.wat) for k in s.kerntellingen] == [(5, "dorpen (gemeente)")]
    assert [(h.datum, h.opgeheven) for h in s.herindelingen] == [(date(2019, 1, 1), ["Oudedorp"])]
    (t,) = s.toepassingen
    assert (t.instrument, t.lokale_naam, t.sinds, t.ladder, t.ladder_min, t.ladder_max) == (
        "Dorpsbudget", "Kernenfonds", "2020", "Adviseren – Meebeslissen", 3, 5)
    assert [(b.waarde, b.eenheid, b.peiljaar) for b in t.budgets] == [(250000.0, "EUR", "2022")]
    assert [w.kind for w in s.work] == ["project", "vraagstuk"] and s.traject.slug == "mini"


def test_intake_by_code_equals_by_name(store):
    assert intake_summary(store, "GM9001") == intake_summary(store, "Aadorp-Oost")


def test_intake_similar_from_the_analysis(store):
    s = intake_summary(store, "GM9001")
    assert s.similar and {x.gemeente.code for x in s.similar} <= {"GM9002", "GM9003", "GM9004"}


def test_bundle_groups_lessons_by_instrument_in_english(store):
    b = lessons_bundle(store, "Mini-traject", lang="en")
    assert [(g.label, g.lessons) for g in b.by_instrument] == [
        ("Village budget", ["mini-l1", "mini-l3", "mini-l5"]), ("Village council", ["mini-l2"])]
    assert [(i.instrument, i.ladder_min, i.ladder_max, i.lessons) for i in b.instruments] == [
        ("Village council", 3, 4, 1), ("Village budget", 3, 5, 3)]
    assert b.traject.fictief and b.colophon.fictief
    assert [s.url for s in b.sources] == ["https://example.org/verslag-regio1"]


@pytest.mark.parametrize("call, expected", [
    pytest.param(lambda s: meeting_pack(s, "regio9"), "mini-regio1 (Regionale uitwisseling 2025-03-01)",
                 id="meeting"),
    pytest.param(lambda s: intake_summary(s, "Beekwoud"), "Bedoelt u Beekwoude (GM9002)?", id="gemeente"),
    pytest.param(lambda s: lessons_bundle(s, "maxi"), "Kies uit: mini", id="traject"),
])
def test_unknown_ids_name_the_valid_choices(store, call, expected):
    with pytest.raises(LookupError) as info:
        call(store)
    assert expected in str(info.value)


# --- the bundled example trajectory (data/trajecten/voorbeeld) ---

@pytest.fixture(scope="module")
def example(example_store):
    return example_store


def test_example_second_regional_meeting_shows_change_since_the_site_visit(example):
    pack = meeting_pack(example, "voorbeeld-regio-2")
    assert pack.previous.key == "voorbeeld-werkbezoek-1" and pack.traject.fictief
    assert pack.new_lessons and {les.meeting.key for les in pack.new_lessons} == {"voorbeeld-werkbezoek-1"}
    assert pack.thread_changes and {c.status for c in pack.thread_changes} <= {"nieuw", "gegroeid"}
    assert all(c.after > c.before for c in pack.thread_changes)


def test_example_numbers_equal_kernen_analyse(example):
    report = analyse(example, traject="voorbeeld")
    bundle = lessons_bundle(example, "voorbeeld")
    assert [(t.label, t.support) for t in bundle.threads] == [(t.label, t.support) for t in report.threads]
    assert bundle.population == 12 and len(bundle.participants) == 12
    pack = meeting_pack(example, "voorbeeld-regio-2")  # counts only what was known before regio-2
    full = {t.label: t.support for t in report.threads}
    assert pack.threads and all(t.support <= full.get(t.label, t.support) for t in pack.threads)
    assert any(t.support < full[t.label] for t in pack.threads if t.label in full)


def test_example_intake_of_a_participant(example):
    s = intake_summary(example, "Súdwest-Fryslân")
    assert s.gemeente.code == "GM1900" and s.traject.slug == "voorbeeld"
    assert s.kernen_bag > 0 and s.herindelingen and s.toepassingen
    assert {w.kind for w in s.work} == {"project", "vraagstuk"} and s.actions
    assert s.similar and s.hosts


def test_the_analysis_is_kept_per_built_version_and_trajectory(tmp_path, store):
    from graph.summaries import analysis as sa
    from graph.build import Source, build
    from graph.store import open_store

    build(store_dir=tmp_path / "store", sources=[Source("t", None, trajectory_quads)], validate=False)
    built = open_store(tmp_path / "store")
    first, again = sa.report(built, "mini"), sa.report(built, "mini", lang="en")
    assert again.projection is first.projection and again.lang == "en"  # computed once
    assert sa.report(store, "mini").projection is not sa.report(store, "mini").projection  # in memory: never kept
    build(store_dir=tmp_path / "store", sources=[Source("t", None, trajectory_quads)], validate=False)
    assert sa.report(open_store(tmp_path / "store"), "mini").projection is not first.projection  # a new build
