"""The meeting pack's change section over a FICTIONAL year (tests/fixtures_year.py), at every snapshot.

Expected values are worked out by hand from the table in the fixture's docstring.
"""

from __future__ import annotations

from datetime import date

import pytest
from fixtures_year import CODES, PACK_OF_SNAPSHOT

from graph.summaries import lessons_bundle, meeting_pack

EXPECTED = {  # snapshot: (previous meeting, new lessons, known, thread changes, done, overdue, outcomes)
    1: ("jaar-intake-b", ["jaar-l1", "jaar-l2"], 2,
        [("Dorpsbudget", 0, 2, "nieuw"), ("Draagvlak", 0, 2, "nieuw"), ("Budgetverdeling", 0, 1, "nieuw")],
        [], [], []),
    2: ("jaar-start", ["jaar-l3"], 3,
        [("Dorpsraad / dorpsbelang", 0, 3, "nieuw"), ("Draagvlak", 2, 5, "gegroeid")],
        [], ["Actie act1"], []),
    3: ("jaar-regio1", ["jaar-l4", "jaar-l5"], 5,
        [("Budgetverdeling", 1, 4, "gegroeid"), ("Dorpsbudget", 2, 4, "gegroeid"), ("Draagvlak", 5, 6, "gegroeid")],
        ["Actie act1"], [], []),
    4: ("jaar-wb1", ["jaar-l6"], 6,
        [("Dorpsraad / dorpsbelang", 3, 5, "gegroeid")],
        [], ["Actie act2"], ["Uitkomst u1"]),
    5: ("jaar-regio2", ["jaar-l7", "jaar-l8"], 8,
        [("Dorpsbudget", 4, 6, "gegroeid"), ("Budgetverdeling", 4, 5, "gegroeid")],
        ["Actie act3"], ["Actie act2"], ["Uitkomst u2"]),
}


@pytest.fixture(scope="module", params=[1, 2, 3, 4, 5, 6], ids=lambda k: f"snapshot{k}")
def snapshot(request, year_store):
    return request.param, year_store(request.param)


def _pack(k, store):
    return meeting_pack(store, f"jaar-{PACK_OF_SNAPSHOT[min(k, 5)]}")


def test_change_section_matches_the_hand_computed_values(snapshot):
    k, store = snapshot
    pack = _pack(k, store)
    prev, new, known, threads, done, overdue, outcomes = EXPECTED[min(k, 5)]
    assert pack.previous.key == prev
    assert [les.key for les in pack.new_lessons] == new
    assert pack.known_lessons == known
    assert [(c.label, c.before, c.after, c.status) for c in pack.thread_changes] == threads
    assert [a.title for a in pack.actions_done] == done
    assert [a.title for a in pack.actions_overdue] == overdue
    assert [o.description for o in pack.new_outcomes] == outcomes


def test_no_thread_that_grew_is_reported_as_faded(snapshot):
    k, store = snapshot
    assert all(c.after > c.before and c.status in {"nieuw", "gegroeid"} for c in _pack(k, store).thread_changes)


def test_now_counts_equal_the_threads_in_the_same_store(snapshot):
    k, store = snapshot
    if k == 6:
        pytest.skip("snapshot 6 holds the closing meeting's own lessons, recorded after its pack")
    support = {t.label: t.support for t in lessons_bundle(store, "jaar").threads}
    changes = _pack(k, store).thread_changes
    checked = [c for c in changes if c.label in support]  # a thread needs 3 gemeenten: none at snapshot 1
    assert all(support[c.label] == c.after for c in checked)
    assert len(checked) == {1: 0, 2: 2, 3: 3, 4: 1, 5: 2}[k]


def test_the_intake_round_has_no_previous_meeting(year_store):
    pack = meeting_pack(year_store(1), "jaar-intake-b")
    assert pack.previous is None and pack.thread_changes == [] and pack.new_lessons == []


def _codes(letters):
    return [CODES[x] for x in letters]


TABLES = {  # snapshot: the tables of its pack (members as fixture letters), worked out by hand
    # everyone invited: Noord (A-F) and Zuid (G-L) each split into two tables of 3
    1: [3, 3, 3, 3], 2: [3, 3, 3, 3], 5: [3, 3, 3, 3],
    3: [4],  # wb1: A, B (Noord) and J, K (Zuid): both too small, one mixed table of 4
    4: [4, 3],  # regio2: A B C D (Noord) and G H L (Zuid)
}


def test_tables_follow_the_meetings_attendance_and_leergroep(snapshot):
    k, store = snapshot
    pack = _pack(k, store)
    present = {a.gemeente.code for a in pack.attendees}
    sizes = [len(t.gemeenten) for t in pack.table_groups]
    assert sizes == TABLES[min(k, 5)]
    assert sorted(g.code for t in pack.table_groups for g in t.gemeenten) == sorted(present)
    if k == 4:
        assert [sorted(g.code for g in t.gemeenten) for t in pack.table_groups] == [_codes("ABCD"), _codes("GHL")]
        assert [t.leergroep for t in pack.table_groups] == ["Noord", "Zuid"]


def test_what_a_table_shares_is_shared_by_its_members(snapshot):
    k, store = snapshot
    pack = _pack(k, store)
    lessons = lessons_bundle(store, "jaar").lessons
    for table in pack.table_groups:
        members = {g.code for g in table.gemeenten}
        for item in table.shared:
            label, count = item.rsplit(" (", 1)
            n, _, of = count.rstrip(")").split(" ")
            holders = {g.code for les in lessons if label in les.themes + les.instruments
                       for g in les.gemeenten} & members
            assert len(holders) == int(n) >= 2 and int(of) == len(members)


def test_the_groups_sentence_is_per_meeting(year_store):
    store = year_store(5)
    sentences = {meeting_pack(store, f"jaar-{m}").groups_sentence for m in ("start", "regio1", "slot")}
    assert len(sentences) == 3 and all("keer zoveel" in s for s in sentences)
    assert meeting_pack(store, "jaar-wb1").groups_sentence == ""  # one table: nothing to compare with


def test_an_intake_pack_has_no_tables(year_store):
    assert meeting_pack(year_store(1), "jaar-intake-b").table_groups == []


def test_propose_instead_of_the_leergroep(year_store):
    pack = meeting_pack(year_store(5), "jaar-regio2", propose_groups=True)
    assert [len(t.gemeenten) for t in pack.table_groups] == [4, 3]
    assert all(t.leergroep == "" for t in pack.table_groups)


def test_the_closing_pack_and_the_bundle_show_what_each_gemeente_achieved(year_store):
    store = year_store(6)
    slot = meeting_pack(store, "jaar-slot")
    bundle = lessons_bundle(store, "jaar")
    assert slot.achievements == bundle.achievements
    by_code = {a.gemeente.code: a for a in bundle.achievements}
    a = by_code[CODES["A"]]  # act1 done on 20 March, outcome u2, lessons l1 l4 l8 l9
    assert [(x.title, x.status, x.completed) for q in a.questions for x in q.actions] == [
        ("Actie act1", "gereed", date(2025, 3, 20))]
    assert [o.description for o in a.outcomes] == ["Uitkomst u2"]
    assert a.lessons == ["Les l1", "Les l4", "Les l8", "Les l9"]
    c = by_code[CODES["C"]]
    assert [(x.title, x.status, x.completed) for q in c.questions for x in q.actions] == [
        ("Actie act3", "gereed", date(2025, 8, 15))]
    assert meeting_pack(store, "jaar-regio2").achievements == []


def test_the_chain_reads_project_question_action_outcome_lesson():
    from graph.export.achieved import rows_of
    from graph.summaries.models import (
        Achievement, ActionStep, GemeenteRef, Uitkomst, ProjectChain, QuestionChain,
    )

    g = GemeenteRef(code="GM9101", naam="Aakerveen (fictief)")
    item = Achievement(gemeente=g, projects=[ProjectChain(
        title="P", questions=[QuestionChain(title="V", actions=[
            ActionStep(title="A", status="gereed", completed=date(2025, 10, 9))])],
        outcomes=[Uitkomst(key="u", gemeente=g, description="U", datum=date(2025, 11, 1), project="p")])],
        lessons=["L"], outcome_lessons={"u": "L"})
    assert rows_of(item, "nl") == [
        ["Project", "P", ""], ["→ Vraagstuk", "V", ""], ["→ → Actie", "A", "gereed, afgerond op 9 oktober 2025"],
        ["→ Uitkomst", "U", "1 november 2025"], ["→ → Les", "L", ""], ["Les", "L", ""]]


def test_the_app_view_gives_the_same_chain(year_store):
    from graph.views import achieved

    (done,) = achieved(year_store(6), code=CODES["C"])
    assert done.traject == "Jaartraject (fictief)"
    assert done.rows[:2] == (("Vraagstuk", "Vraagstuk van Cromdijk (fictief)", ""),
                             ("→ Actie", "Actie act3", "gereed, afgerond op 15 augustus 2025"))


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5])
def test_a_pack_printed_later_counts_what_was_known_at_its_meeting(year_store, k):
    """The pack of meeting k+1 is the same from snapshot k (printed then) and snapshot 6 (printed later)."""
    then, later = _pack(k, year_store(k)), _pack(k, year_store(6))
    assert [(t.label, t.support) for t in later.threads] == [(t.label, t.support) for t in then.threads]
    assert later.thread_changes == then.thread_changes and later.new_lessons == then.new_lessons


def test_at_the_closing_meeting_the_threads_agree_with_the_change_section(year_store):
    pack = meeting_pack(year_store(6), "jaar-slot")  # the store already holds the closing meeting's lesson
    support = {t.label: t.support for t in pack.threads}
    assert [(c.label, c.after, support[c.label]) for c in pack.thread_changes] == [
        ("Dorpsbudget", 6, 6), ("Budgetverdeling", 5, 5)]


def test_a_meeting_without_registrations_says_so(year_store):
    from graph.export.reports import render

    store = year_store(1)
    start, regio2 = meeting_pack(store, "jaar-start"), meeting_pack(store, "jaar-regio2")
    assert start.invited and len(start.attendees) == 12 and not regio2.invited and len(regio2.attendees) == 7
    assert "Nog geen aanmeldingen" in render(start, format="md").decode()
    assert "Nog geen aanmeldingen" not in render(regio2, format="md").decode()


def test_a_contact_name_only_next_to_the_contacts_own_role():
    from graph.summaries import _attendees
    from graph.summaries.data import TrajectoryData
    from graph.summaries.models import GemeenteRef, Bijeenkomst, TrajectRef

    a, b = GemeenteRef(code="GM9101", naam="A (fictief)"), GemeenteRef(code="GM9102", naam="B (fictief)")
    data = TrajectoryData(ref=TrajectRef(slug="t", label="T"), iri="t", participants=[a, b],
                          roles={"GM9101": "beleidsmedewerker", "GM9102": "beleidsmedewerker"},
                          attendance={"m": [(a, "Beleidsmedewerker"), (b, "wethouder")]})
    meeting = Bijeenkomst(key="m", soort="regionaal", soort_label="R")
    found = _attendees(data, meeting, {"GM9101": "Piet (fictief)", "GM9102": "Kees (fictief)"})
    assert [(x.gemeente.code, x.rol, x.naam) for x in found] == [
        ("GM9101", "Beleidsmedewerker", "Piet (fictief)"), ("GM9102", "wethouder", None)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_app_reads_each_gemeente_chain_as_the_bundle_does(year_store, lang):
    from graph import views
    from graph.export.achieved import rows_of

    store = year_store(6)
    bundle = {a.gemeente.code: a for a in lessons_bundle(store, "jaar", lang=lang).achievements}
    assert bundle  # the fixture has chains to compare
    for code in [*CODES.values(), "GM9999"]:
        expected = [tuple(tuple(r) for r in rows_of(bundle[code], lang))] if code in bundle else []
        assert [done.rows for done in views.achieved(store, code=code, lang=lang)] == expected
