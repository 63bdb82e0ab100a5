"""The intake summary shows every value entered for the gemeente (FICTIONAL trajectory, fictional gemeente)."""

from __future__ import annotations

from datetime import date

import pytest
from fixtures_trajectory import _praktijk, _Quads, _reference

from graph.export.reports import render
from graph.export.layout import day
from graph.ingest.models import KINDS, Trajectory
from graph.summaries import intake_summary
from graph.sources.trajectory import trajectory_quads

PERSONAL = {"contact_naam", "contact_email", "contact_telefoon"}
G = "GM9001"
RECORDS = {
    "traject": {"id": "intaketest", "naam": "Intaketest (fictief)", "fictief": True},
    "deelname": [{"gemeente": G, "heringedeeld": True, "aantal_kernen": 17, "contact_rol": "dorpencoördinator",
                  "contact_naam": "Piet Fictief", "contact_email": "piet@example.org",
                  "contact_telefoon": "+31 6 12345678", "leergroep": "Leergroep Kust (fictief)"},
                 {"gemeente": "GM9002"}],
    "project": [{"id": "p1", "gemeente": G, "titel": "Dorpen aan zet (fictief)",
                 "omschrijving": "Dorpen krijgen een eigen budget (fictief).", "themas": "draagvlak",
                 "instrumenten": "dorpsbudget"}],
    "vraagstuk": [{"id": "v1", "gemeente": G, "titel": "Hoe verdelen we het budget? (fictief)",
                   "omschrijving": "Verdeling over zeventien kernen (fictief).", "themas": "budgetverdeling",
                   "instrumenten": "dorpsraad", "project": "p1", "ambitie": "meebeslissen"}],
    "actie": [{"id": "a1", "vraagstuk": "v1", "titel": "Verdeelsleutel voorleggen (fictief)",
               "eigenaar_rol": "beleidsmedewerker", "deadline": date(2025, 3, 1), "status": "gereed",
               "afgerond": date(2025, 2, 20)}],
    "bijeenkomst": [{"id": "intake-1", "soort": "intake", "datum": date(2025, 1, 14),
                     "titel": "Intake Aadorp-Oost (fictief)", "plaats": "Gemeentehuis (fictief)",
                     "gastgemeente": G, "volgnummer": 1}],
    "aanwezigheid": [{"bijeenkomst": "intake-1", "gemeente": G, "rol": "wethouder"}],
    "les": [{"id": "les-1", "titel": "Een verdeelsleutel vraagt uitleg (fictief)", "themas": "budgetverdeling",
             "gemeenten": G, "bijeenkomst": "intake-1"}],
    "uitkomst": [{"id": "u1", "gemeente": G, "omschrijving": "Verdeelsleutel vastgesteld (fictief)",
                  "project": "p1", "les": "les-1", "datum": date(2025, 4, 2)}],
    "toepassing": [],
}
SHOWN_AS = {  # how a value is shown where it is not shown as entered
    "heringedeeld": "ja", "themas": {"draagvlak": "Draagvlak", "budgetverdeling": "Budgetverdeling"},
    "instrumenten": {"dorpsbudget": "Dorpsbudget", "dorpsraad": "Dorpsraad / dorpsbelang"},
    "ambitie": "Meebeslissen", "project": "Dorpen aan zet (fictief)", "vraagstuk": None, "bijeenkomst": None,
    "gemeente": None, "id": None, "soort": None, "volgnummer": None, "gastgemeente": None, "les": None,
}


@pytest.fixture(scope="module")
def markdown():
    tr = Trajectory.model_validate({k: v for k, v in RECORDS.items()})
    public, _private = trajectory_quads(tr)
    q = _Quads()
    _reference(q)
    _praktijk(q)
    from graph.store import LocalStore

    store = LocalStore.in_memory(list(q) + public)
    return render(intake_summary(store, G), format="md").decode()


def _expected() -> list[tuple[str, str, str]]:
    """(kind, field, text) for every value entered about the gemeente, personal data excepted."""
    out = []
    for kind in KINDS:
        rows = RECORDS.get(kind, []) if isinstance(RECORDS.get(kind, []), list) else [RECORDS[kind]]
        for row in rows:
            if kind in ("deelname", "project", "vraagstuk", "uitkomst") and row["gemeente"] != G:
                continue
            for field, value in row.items():
                if field in PERSONAL or kind == "traject" or SHOWN_AS.get(field, "") is None:
                    continue
                shown = SHOWN_AS.get(field, value)
                if isinstance(shown, dict):
                    out += [(kind, field, shown[v.strip()]) for v in value.split(";")]
                elif isinstance(value, date):
                    out.append((kind, field, day(value, "nl")))
                else:
                    out.append((kind, field, str(shown)))
    return out


def test_every_entered_value_is_shown(markdown):
    expected = _expected()
    assert len(expected) >= 25
    missing = [(kind, field, text) for kind, field, text in expected if text not in markdown]
    assert missing == []


def test_personal_data_is_not_shown(markdown):
    assert "Piet Fictief" not in markdown and "piet@example.org" not in markdown


def test_the_own_kern_count_is_among_the_counts(markdown):
    counts = markdown.split("Eerder genoemde aantallen kernen", 1)[1].split("\n#", 1)[0]
    assert "17" in counts and "Eigen telling" in counts
