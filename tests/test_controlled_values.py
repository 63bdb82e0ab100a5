"""Controlled values match ignoring case and spaces; lists written with ',' are explained."""

import pytest
from pydantic import ValidationError

from graph.ingest.resolve import load_resolver
from graph.ingest.models import Actie, Bijeenkomst, Les, Toepassing, Vraagstuk
from graph.settings import DEFAULT_DATA


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """These tests check what the messages say in English (KERNEN_LANG=en); Dutch is the default."""
    monkeypatch.setenv("KERNEN_LANG", "en")


def context():
    return {"resolver": load_resolver(DEFAULT_DATA), "warnings": []}


@pytest.mark.parametrize("model, field, text, value", [
    (Vraagstuk, "ambitie", "Meebeslissen ", "meebeslissen"),
    (Vraagstuk, "ambitie", " ZELFBEHEER", "zelfbeheer"),
    (Actie, "status", "Gereed", "gereed"),
    (Bijeenkomst, "soort", "Regionale uitwisseling", "regionale-uitwisseling"),
    (Bijeenkomst, "soort", "regionale_uitwisseling", "regionale-uitwisseling"),
    (Toepassing, "beslisrecht", "Zwaarwegend  advies", "zwaarwegend-advies"),
])
def test_controlled_values_ignore_case_and_spaces(model, field, text, value):
    base = {
        Vraagstuk: {"id": "v1", "gemeente": "GM1900", "titel": "T"},
        Actie: {"id": "a1", "vraagstuk": "v1", "titel": "T"},
        Bijeenkomst: {"id": "b1", "datum": "2025-10-09", "gastgemeente": "GM1900"},
        Toepassing: {"gemeente": "GM1900", "instrument": "dorpsraad"},
    }[model]
    record = model.model_validate({**base, field: text}, context=context())
    assert getattr(record, field) == value


def test_unknown_controlled_value_is_still_an_error():
    with pytest.raises(ValidationError):
        Actie.model_validate({"id": "a1", "vraagstuk": "v1", "titel": "T", "status": "klaar"})


def test_comma_list_is_explained():
    with pytest.raises(ValidationError) as info:
        Les.model_validate({"id": "l1", "titel": "T", "themas": "draagvlak, aanspreekpunt"}, context=context())
    (error,) = info.value.errors()
    assert error["type"] == "comma_list"
    assert "separate values with ';'" in error["msg"]
    assert error["ctx"]["suggestion"] == "write 'draagvlak; aanspreekpunt'"


def test_gemeente_with_a_comma_in_its_name_is_not_a_list():
    les = Les.model_validate({"id": "l1", "titel": "T", "gemeenten": "Nuenen, Gerwen en Nederwetten"},
                             context=context())
    assert les.gemeenten == ["GM0820"]


def test_unknown_theme_gets_up_to_three_nearest_terms():
    found = load_resolver(DEFAULT_DATA).resolve("thema", "vertrouwe")
    assert found.value is None
    assert found.suggestion.startswith("did you mean vertrouwen")
