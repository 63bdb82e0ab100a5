"""The 25 user questions as the acceptance suite, run on the bundled data (reference, praktijk, example).

Each question's answer is checked against facts that can be looked up in ``data/praktijk`` (a gemeente,
an amount, a quote) or in the fictional example trajectory (marked fictional). ``docs/vragen.md`` must
be what :func:`graph.vragen.vragen_markdown` writes.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from graph.store import open_store
from graph.vragen import BEANTWOORD, NIET, VRAGEN, answer, vragen_markdown

pytestmark = pytest.mark.slow  # builds the whole bundled store once (about 15 s) and runs 25 questions

DOC = Path(__file__).resolve().parent.parent / "docs" / "vragen.md"
BY_ID = {v.id: v for v in VRAGEN}


@pytest.fixture(scope="module")
def store(real_store):
    with open_store(str(real_store)) as opened:
        yield opened


@pytest.fixture(scope="module")
def answers(store) -> dict:
    return {v.id: answer(v, store) for v in VRAGEN}


def rows_where(a, **match) -> list[dict]:
    return [r for r in a.rows if all(r.get(k) == v for k, v in match.items())]


def test_all_25_questions_with_at_least_20_answered():
    assert [v.id for v in VRAGEN] == [f"{k}{i}" for k, n in (("R", 9), ("P", 8), ("F", 8)) for i in range(1, n + 1)]
    assert sum(v.status == BEANTWOORD for v in VRAGEN) >= 18
    assert sum(v.status != NIET for v in VRAGEN) >= 20
    assert all(v.ontbreekt for v in VRAGEN if v.status != BEANTWOORD)
    assert all(bool(v.query) != bool(v.functie) for v in VRAGEN)


def test_r1_large_gemeenten_with_a_dorpsbudget(answers):
    a = answers["R1"]
    assert a.column("code") == ["GM1966", "GM1969", "GM0080", "GM1979", "GM1708"]
    assert rows_where(a, code="GM1966")[0]["kernen"] == 45
    hogeland = rows_where(a, code="GM1966")[0]["lessen"]
    assert "Onduidelijke spelregels worden na start aangescherpt" in hogeland  # real, unmarked
    assert "(fictief)" in hogeland  # the example's lessons are marked


def test_r2_share_of_binding_or_delegated_say(answers):
    a = answers["R2"]
    assert rows_where(a, code="GM1969")[0] == {
        "gemeente": "Westerkwartier", "code": "GM1969", "met_beslisrecht": 5, "zeggenschap": 5, "advies": 0,
        "geen": 0, "aandeel_zeggenschap": Decimal("1")}
    assert rows_where(a, code="GM0606")[0]["advies"] == 12  # Schiedam: twelve wijkbudgetten, advice only
    assert sum(a.column("met_beslisrecht")) == 113


def test_r3_years_from_merger_to_first_instrument(answers):
    a = answers["R3"]
    assert {r["code"]: r["jaren"] for r in a.rows if r["jaren"] is not None} == {
        "GM1900": 1, "GM1949": 0, "GM0394": 4, "GM1966": 1, "GM1978": 0, "GM1970": 3, "GM1969": 3, "GM0865": 4}


def test_r4_budget_per_inhabitant_for_500_and_2000(answers):
    a = answers["R4"]
    westerkwartier = rows_where(a, code="GM1969")[0]
    assert (westerkwartier["basis_500"], westerkwartier["per_inwoner"]) == (Decimal("2500"), Decimal("1"))
    assert (westerkwartier["eur_per_inwoner_500"], westerkwartier["eur_per_inwoner_2000"]) == (Decimal("6"), Decimal("2.25"))
    reimerswaal = rows_where(a, code="GM0703")[0]
    assert (reimerswaal["eur_per_inwoner_500"], reimerswaal["eur_per_inwoner_2000"]) == (Decimal("2.7"), Decimal("0.83"))
    hogeland = rows_where(a, code="GM1966")[0]
    assert hogeland["basis_500"] == Decimal("13500") and hogeland["eur_per_inwoner_500"] is None  # part not stated
    assert all(r["bron"].startswith("http") for r in a.rows)


def test_r5_threads_real_and_fictional_apart(answers):
    a = answers["R5"]
    assert rows_where(a, thema="Vertrouwen", fictief=False)[0]["gemeenten"] == 28
    assert rows_where(a, thema="Draagvlak", fictief=True)[0]["gemeenten"] == 9
    assert min(a.column("gemeenten")) >= 3


def test_r6_recognition_and_legitimacy(answers):
    assert answers["R6"].rows == [
        {"erkenning": True, "gemeenten": 16, "met_legitimiteitsles": 2, "aandeel": Decimal("0.13")},
        {"erkenning": False, "gemeenten": 121, "met_legitimiteitsles": 12, "aandeel": Decimal("0.1")}]


def test_r7_ladder_and_iap2(answers):
    row = rows_where(answers["R7"], instrument="Dorpsraad / dorpsbelang")[0]
    assert (row["iap2_min"], row["iap2_max"]) == ("involve", "collaborate")
    assert row["toepassingen"] == 100


def test_r8_support_of_gemeenten_by_organisations(answers):
    a = answers["R8"]
    assert len(a.rows) == 14 and len({r["code"] for r in a.rows}) == 10
    row = rows_where(a, organisatie="Groninger Dorpen", code="GM1969")[0]
    assert (row["instrumenten"], row["sinds"], row["naam_in_bron"]) == ("dorpsvisie", 2018, "vereniging Groninger Dorpen")
    assert "ondersteund door de vereniging Groninger Dorpen" in row["citaat"] and row["bron"].startswith("https://")
    assert {r["organisatie"] for r in a.rows}.isdisjoint({"Doarpswurk", "ZHVKK", "VKK Limburg (VKKL)"})


def test_organisations_by_province(store):
    """The area of each organisation (its province), the context of R8; Gelderland has two organisations."""
    from graph.sparql import run_canned

    rows = run_canned("organisaties-en-gemeenten", store=store).records()
    assert [(r["organisatie"], r["gemeenten"]) for r in rows if r["provincie"] in ("Fryslân", "Gelderland")] == [
        ("Doarpswurk", 16), ("VKK Gelderland", 41), ("Vereniging Dorpshuizen en Kleine Kernen Gelderland (DKK)", 41)]


def test_r9_ended_and_replaced(answers):
    row = rows_where(answers["R9"], gemeente="Rotterdam")[0]
    assert (row["instrument"], row["sinds"], row["tot"], row["opvolger"], row["opvolger_sinds"]) == (
        "gebiedscommissie", 2014, 2022, "Wijkraad", 2022)
    waddinxveen = rows_where(answers["R9"], gemeente="Waddinxveen")[0]
    assert str(waddinxveen["tot"]) == "2022-01-01"  # a date, as precise as the source


def test_p1_vision_and_budget(answers):
    assert "Coevorden" in answers["P1"].column("gemeente")
    assert len(answers["P1"].rows) == 10


def test_p2_maintenance_taken_over_with_quote(answers):
    row = rows_where(answers["P2"], gemeente="Olst-Wijhe")[0]
    assert str(row["sinds"]) == "2015-01-01"
    assert row["citaat"] and row["bron"].startswith("https://")


def test_p3_fixed_contact(answers):
    row = rows_where(answers["P3"], gemeente="Barendrecht")[0]
    assert (row["rol"], row["sinds"]) == ("kernwethouder", 2018)
    assert len(answers["P3"].rows) == 85


def test_p4_topics_by_decision_right(answers):
    a = answers["P4"]
    assert len(a.rows) == 113
    assert a.rows[0]["beslisrecht"] == "gedelegeerd" and a.rows[0]["woord_bron"] == "beslissen"
    assert {r["gemeente"] for r in a.rows if r["beslisrecht"] == "medebeslissen"} >= {"Raalte"}


def test_p5_spending_and_refusals(answers):
    texts = " ".join(str(r["tekst"]) + " " + str(r["citaat"]) for r in answers["P5"].rows)
    assert "twaalf toegekend en drie afgewezen" in texts  # Smallingerland buurtbudget 2023


def test_p6_council_and_sortition(answers):
    a = answers["P6"]
    assert a.column("gemeente") == ["Amstelveen", "Eemnes", "Laren (NH.)"]  # the three quotes that say "loting"/"ingeloot"
    amstelveen = rows_where(a, gemeente="Amstelveen")[0]
    assert amstelveen["orgaan"] == "wijkraad (Wijkplatforms (opgeheven)), tot 2020"
    assert "Wijkplatforms opgeheven omdat ze niet representatief zijn" in amstelveen["lessen"]
    assert rows_where(a, gemeente="Eemnes")[0]["orgaan"] is None


def test_p7_draagvlak_lessons_marked(answers):
    a = answers["P7"]
    assert {r["fictief"] for r in a.rows} == {False, True}
    assert "Dorpsbelangen vertegenwoordigen maar een deel van de inwoners" in a.column("les")


def test_p8_projects_on_the_same_question_are_fictional(answers):
    a = answers["P8"]
    assert a.column("project")[:2] == ["Dorpen na de herindeling", "Kernenfonds dichter bij de dorpen"]
    assert set(a.column("fictief")) == {True}


def test_f1_tables(answers):
    groups = [set(r["gemeenten"].split("; ")) for r in answers["F1"].rows]
    assert len(groups) == 3 and sum(map(len, groups)) == 12
    assert {"Eemsdelta", "Het Hogeland", "Molenlanden", "Súdwest-Fryslân"} in groups


def test_f2_hosts_within_60_km(answers):
    a = answers["F2"]
    assert a.column("code")[:3] == ["GM0080", "GM0074", "GM0090"]
    assert a.rows[0]["afstand_km"] == Decimal("23.2")
    assert max(a.column("afstand_km")) <= 60


def test_f3_intake(answers):
    values = {r["onderdeel"]: r["waarde"] for r in answers["F3"].rows}
    assert values["kernen (BAG-woonplaatsen)"] == 45 and values["kerntellingen uit bronnen"] == "50 dorpen; 52 dorpen"


def test_f4_single_gemeente_lessons(answers):
    a = answers["F4"]
    assert rows_where(a, les="Wijkplatforms opgeheven omdat ze niet representatief zijn")[0]["gemeente"] == "Amstelveen"


def test_f5_overdue_actions(answers):
    assert answers["F5"].column("gemeente") == ["Noardeast-Fryslân", "Land van Cuijk", "Het Hogeland"]
    assert set(answers["F5"].column("fictief")) == {True}


def test_f6_threads_in_projects_with_quotes(answers):
    row = answers["F6"].rows[0]
    assert (row["thema"], row["projecten"], row["fictief"]) == ("Draagvlak", 4, True)
    assert row["citaat"] and row["bronnen"].startswith("http")


def test_f7_organisations_for_participants(answers):
    a = answers["F7"]
    own = rows_where(a, gemeente="Súdwest-Fryslân", zelfde_provincie=True)[0]
    assert (own["organisatie"], own["gedeeld"], own["uitspraken"]) == ("Doarpswurk", "draagvlak", 1)
    assert "doarpswurk" in own["bronnen"]
    assert rows_where(a, gemeente="Westerkwartier") == [{
        "gemeente": "Westerkwartier", "provincie": "Groningen", "organisatie": "Groninger Dorpen",
        "zelfde_provincie": True, "gedeeld": None, "uitspraken": 0, "bronnen": None}]
    altena = rows_where(a, gemeente="Altena")
    assert altena[0]["organisatie"] == "VKKNB" and "dorpsvisie" in altena[0]["gedeeld"]


def test_f8_roles(answers):
    rows = [r for r in answers["F8"].rows if r["bijeenkomst"].startswith("Intake")]
    assert {r["rol"] for r in rows} == {"beleidsmedewerker"}


def test_lessons_from_all_graphs_show_fiction_as_fiction(store):
    from graph.sparql import run_canned

    rows = run_canned("lessen-alle-grafen", store=store).records()
    assert [(r["herkomst"], r["fictief"], r["lessen"]) for r in rows] == [
        ("Voorbeeldtraject kernendemocratie (fictief)", True, 59), ("praktijk", False, 78)]


def test_neighbour_distances_are_the_host_rankings(store):
    """kd:afstandKm is the analysis' centroid distance (graph.analysis.similarity.distance_km), to 0.1 km."""
    from graph.analysis.load import project
    from graph.analysis.similarity import distance_km
    from graph.sparql import run_text

    p = project(store)
    rows = run_text("""SELECT ?b ?km WHERE { <https://w3id.org/kernendemocratie/id/gemeente/GM1900> kd:nabij ?n .
        ?n kd:gemeente ?b ; kd:afstandKm ?km }""", store=store).records()
    assert len(rows) == 25
    for r in rows:
        code = r["b"].rsplit("/", 1)[-1]
        if code in p.gemeenten:
            assert r["km"] == Decimal(str(round(distance_km(p.gemeenten["GM1900"], p.gemeenten[code]), 1)))


def test_docs_vragen_is_generated_from_the_data(store, answers):
    assert DOC.read_text(encoding="utf-8") == vragen_markdown(store, answers=answers), \
        "run: python -m graph.vragen --store DIR"


@pytest.mark.parametrize(("lang", "notice"), [("nl", "niet gevonden in de doorzochte bronnen"),
                                              ("en", "not found in the sources searched")])
def test_intake_export_shows_quotes_or_says_nothing_was_found(store, lang, notice):
    from graph.export.reports import render
    from graph.summaries import intake_summary
    from graph.views import facts

    westerkwartier = render(intake_summary(store, "GM1969", lang=lang), format="md").decode()
    assert "Tot 500 inwoners €2.000" in westerkwartier and notice not in westerkwartier
    assert facts(store, gemeente="GM0093").feiten == ()  # Terschelling: no checked fact
    assert notice in render(intake_summary(store, "GM0093", lang=lang), format="md").decode()
