"""The input models: reusable checks, strictness, cross-field rules (no resolver: canonical codes only)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from graph.ingest.fields import Resolution, parse_bool, parse_date, parse_decimal, parse_int, split_list
from graph.ingest.models import KINDS, Actie, Bijeenkomst, Deelname, Les, Toepassing, Traject, columns, required_columns


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """These tests check what the messages say in English (KERNEN_LANG=en); Dutch is the default."""
    monkeypatch.setenv("KERNEN_LANG", "en")


@pytest.mark.parametrize("text, expected", [
    ("2019-02-28", dt.date(2019, 2, 28)),
    ("28-02-2019", dt.date(2019, 2, 28)),
    ("1-3-2025", dt.date(2025, 3, 1)),
    ("29/02/2024", dt.date(2024, 2, 29)),
    (dt.datetime(2025, 3, 1, 0, 0), dt.date(2025, 3, 1)),
    (dt.date(2025, 3, 1), dt.date(2025, 3, 1)),
], ids=["iso", "dutch", "dutch-short", "slashes-leap-day", "spreadsheet-datetime", "date"])
def test_dates_accepted(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, message", [
    ("31-02-2019", "'31-02-2019' is not a valid date: February 2019 has 28 days"),
    ("29-02-2023", "'29-02-2023' is not a valid date: February 2023 has 28 days"),
    ("01-13-2024", "'01-13-2024' is not a valid date: there is no month 13"),
    ("2024-02-30", "'2024-02-30' is not a valid date: February 2024 has 29 days"),
    ("gisteren", "'gisteren' is not a date; write dd-mm-jjjj or jjjj-mm-dd"),
], ids=["feb-31", "not-leap", "month-13", "iso-feb-30", "word"])
def test_dates_refused(text, message):
    with pytest.raises(Exception) as info:
        parse_date(text)
    assert str(info.value) == message


@pytest.mark.parametrize("value, expected", [("ja", True), ("Nee", False), ("true", True), (1, True), (0.0, False),
                                             (True, True)])
def test_booleans(value, expected):
    assert parse_bool(value) is expected


@pytest.mark.parametrize("value, expected", [("12500,50", Decimal("12500.5")), ("0.35", Decimal("0.35")),
                                             (900.0, Decimal("900")), ("1000", Decimal("1000")), (12, Decimal("12"))])
def test_amounts(value, expected):
    assert parse_decimal(value) == expected
    assert str(parse_decimal(value)) == str(expected)


@pytest.mark.parametrize("value", ["1e5", "", True, "ca. 7500", "7500 EUR p/j", "-", "7,5,0"])
def test_amounts_refused(value):
    with pytest.raises(Exception, match="is not an amount|is ambiguous"):
        parse_decimal(value)


@pytest.mark.parametrize("value, expected", [("12", 12), (12.0, 12), (" 7 ", 7)])
def test_whole_numbers(value, expected):
    assert parse_int(value) == expected


@pytest.mark.parametrize("value", ["12.5", 12.5, "twaalf", True])
def test_whole_numbers_refused(value):
    with pytest.raises(Exception, match="is not a whole number"):
        parse_int(value)


def test_split_list():
    assert split_list("a; b ;; c") == ["a", "b", "c"]
    assert split_list(["a", None, " "]) == ["a"]
    assert split_list(None) == []


def test_unknown_field_is_an_error():
    with pytest.raises(ValidationError) as info:
        Actie.model_validate({"id": "a1", "vraagstuk": "v1", "titel": "T", "kleur": "rood"})
    assert [e["type"] for e in info.value.errors()] == ["extra_forbidden"]


def test_without_resolver_only_canonical_codes():
    assert Deelname.model_validate({"gemeente": "GM1900"}).gemeente == "GM1900"
    with pytest.raises(ValidationError, match="'Sneek' is not a gemeente code"):
        Deelname.model_validate({"gemeente": "Sneek"})


class _Fake:
    def resolve(self, kind, text):
        if text == "Oud":
            return Resolution("GM0001", "'Oud' is a former gemeente")
        return Resolution(None, f"'{text}' is not a {kind}", "did you mean X?")


def test_resolver_in_context_collects_warnings_and_suggestions():
    context = {"resolver": _Fake(), "warnings": []}
    assert Deelname.model_validate({"gemeente": "Oud"}, context=context).gemeente == "GM0001"
    assert context["warnings"] == [("gemeente", "'Oud' is a former gemeente", "")]
    with pytest.raises(ValidationError) as info:
        Deelname.model_validate({"gemeente": "Nergens"}, context=context)
    assert info.value.errors()[0]["ctx"]["suggestion"] == "did you mean X?"


def test_werkbezoek_needs_a_host():
    with pytest.raises(ValidationError) as info:
        Bijeenkomst.model_validate({"id": "w", "soort": "werkbezoek", "datum": "2025-01-01"})
    assert info.value.errors()[0]["ctx"]["column"] == "gastgemeente"
    assert Bijeenkomst.model_validate({"id": "w", "soort": "werkbezoek", "datum": "2025-01-01",
                                       "gastgemeente": "GM1681"}).gastgemeente == "GM1681"


def test_toepassing_years_and_amounts():
    with pytest.raises(ValidationError, match="tot \\(2018\\) is before sinds \\(2020\\)"):
        Toepassing.model_validate({"gemeente": "GM1900", "instrument": "dorpsraad", "sinds": 2020, "tot": 2018})
    with pytest.raises(ValidationError, match="without a bedrag"):
        Toepassing.model_validate({"gemeente": "GM1900", "instrument": "dorpsraad", "bedrag_peiljaar": 2020})


def test_traject_dates_ordered():
    with pytest.raises(ValidationError, match="einddatum is before begindatum"):
        Traject.model_validate({"id": "t", "naam": "T", "begindatum": "2025-02-01", "einddatum": "2025-01-01"})


def test_les_lists_and_url():
    les = Les.model_validate({"id": "l1", "titel": "T", "gemeenten": "GM1900;GM1966", "bron_url": "https://example.org/x"})
    assert les.gemeenten == ["GM1900", "GM1966"]
    with pytest.raises(ValidationError, match="is not a valid URL"):
        Les.model_validate({"id": "l1", "titel": "T", "bron_url": "javascript:alert(1)"})


def test_every_kind_has_columns_and_required_ones():
    assert list(KINDS) == ["traject", "deelname", "project", "vraagstuk", "actie", "bijeenkomst", "aanwezigheid",
                           "les", "uitkomst", "toepassing", "thema"]
    assert required_columns("les") == ["id", "titel"]
    assert columns("vraagstuk")[-2:] == ["project", "ambitie"]


def test_a_list_where_one_value_belongs_is_an_error():
    with pytest.raises(ValidationError, match="one value expected here, not a list"):
        Les.model_validate({"id": "l1", "titel": ["a", "b"]})
