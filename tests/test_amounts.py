"""Dutch amounts: every form read exactly, or refused as ambiguous; never a changed magnitude."""

from decimal import Decimal

import pytest

from graph.ingest.amounts import AmbiguousAmount, AmountError, read_amount
from graph.ingest.fields import parse_decimal
from graph.ingest.models import Toepassing


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """These tests check what the messages say in English (KERNEN_LANG=en); Dutch is the default."""
    monkeypatch.setenv("KERNEN_LANG", "en")

READ = [
    ("7500", "7500"),
    ("7.500", "7500"),
    ("7 500", "7500"),
    ("7\u00a0500", "7500"),
    ("7500,00", "7500"),
    ("7500,50", "7500.5"),
    ("7.500,50", "7500.5"),
    ("€ 7.500", "7500"),
    ("€7.500", "7500"),
    ("€ 7.500,-", "7500"),
    ("€ 7.500,--", "7500"),
    ("7.500,- euro", "7500"),
    ("EUR 7.500", "7500"),
    ("7500 EUR", "7500"),
    ("€ 12.500,-", "12500"),
    ("1.234.567,89", "1234567.89"),
    ("€ 1.234.567", "1234567"),
    ("1,234,567.89", "1234567.89"),
    ("12500.50", "12500.5"),
    ("0,35", "0.35"),
    ("0.35", "0.35"),
    ("EUR 1,2 mln", "1200000"),
    ("€ 1,2 miljoen", "1200000"),
    ("1.5 mln", "1500000"),
    ("2 mln", "2000000"),
    ("€ 2,5k", "2500"),
    ("25 duizend", "25000"),
    ("€ 0,5 mld", "500000000"),
    ("100", "100"),
]

AMBIGUOUS = [
    "7,500",        # Dutch 7,5 or English 7500
    "€ 12,500",
    "1.500 mln",    # 1,5 mln or 1500 mln
    "1,500 mln",
    "7.5000",       # no thousands group of 3
    "1.23.456",
    "1.234,567,89",
]


@pytest.mark.parametrize("text, expected", READ, ids=[t for t, _ in READ])
def test_read_exactly(text, expected):
    assert read_amount(text) == Decimal(expected)
    assert str(read_amount(text)) == expected


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_ambiguous_is_refused(text):
    with pytest.raises(AmbiguousAmount, match="is ambiguous"):
        read_amount(text)


@pytest.mark.parametrize("text", ["ca. 7500", "zeven", "7500 p/j", ",5", "5,", "1e5", ""])
def test_not_an_amount(text):
    with pytest.raises(AmountError):
        read_amount(text)


def test_table_is_large_enough():
    assert len(READ) + len(AMBIGUOUS) >= 25


def test_ambiguous_amount_names_both_readings():
    with pytest.raises(AmbiguousAmount, match=r"7,5 or 7500\? write 7500 or 7,5"):
        read_amount("7,500")


def test_ambiguous_is_a_located_error_in_a_record():
    record = {"gemeente": "GM1900", "instrument": "dorpsbudget", "bedrag": "€ 7,500"}
    with pytest.raises(Exception) as info:
        Toepassing.model_validate(record)
    (error,) = info.value.errors()
    assert error["loc"] == ("bedrag",)
    assert error["type"] == "ambiguous"


def test_spreadsheet_numbers_are_taken_as_they_are():
    record = {"gemeente": "GM1900", "instrument": "dorpsbudget", "bedrag": 7.5}
    assert Toepassing.model_validate(record).bedrag == Decimal("7.5")
    record["bedrag"] = 7500.0
    assert Toepassing.model_validate(record).bedrag == Decimal("7500")


@pytest.mark.parametrize("value", [1.0000000000000006e+28, 1e40, -2.5e31])
def test_spreadsheet_amounts_beyond_28_digits_are_read_as_whole_numbers(value):
    """Decimal's default context holds 28 digits: a larger number from a spreadsheet cell is still read (a whole
    number, equal to the cell's value as far as a float holds it), not an InvalidOperation out of the import."""
    found = parse_decimal(value)
    assert found.as_tuple().exponent == 0
    assert abs(found - Decimal(value)) <= abs(Decimal(value)) * Decimal("1e-15")
