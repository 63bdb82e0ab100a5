"""The personal-data detector on a table of strings: what it must find, and what it must leave alone.

Every value is invented test data (example.org addresses, the IBAN and BSN test numbers).
"""

from __future__ import annotations

import pytest

from graph.ingest.personal import Detector, contact_names, find_personal, redact

NAMES = ["Anna Voorbeeld (fictief)", "Bram de Vries, dorpscoördinator", "Piet"]
DETECTOR = Detector(NAMES)

POSITIVE = [  # (text, kind, the exact text found)
    ("mail anna@example.org even", "email", "anna@example.org"),
    ("ANNA.DE.VRIES@Gemeente-Voorbeeld.NL", "email", "ANNA.DE.VRIES@Gemeente-Voorbeeld.NL"),
    ("via j.jansen+dorpen@sub.example.co.uk.", "email", "j.jansen+dorpen@sub.example.co.uk"),
    ("contact: jan(at)example.nl", "email", "jan(at)example.nl"),
    ("jan [at] example [dot] nl", "email", "jan [at] example [dot] nl"),
    ("(info@dorpsbelang-oost.nl)", "email", "info@dorpsbelang-oost.nl"),
    ("bel 06-12345678", "telefoon", "06-12345678"),
    ("bel 0612345678 na vijven", "telefoon", "0612345678"),
    ("06 1234 5678", "telefoon", "06 1234 5678"),
    ("06 12 34 56 78", "telefoon", "06 12 34 56 78"),
    ("06-1234 5678", "telefoon", "06-1234 5678"),
    ("06 123 456 78", "telefoon", "06 123 456 78"),
    ("+31 6 12345678", "telefoon", "+31 6 12345678"),
    ("+31612345678", "telefoon", "+31612345678"),
    ("+31 (0)6 1234 5678", "telefoon", "+31 (0)6 1234 5678"),
    ("+31-6-12345678", "telefoon", "+31-6-12345678"),
    ("0031 6 12345678", "telefoon", "0031 6 12345678"),
    ("0031612345678", "telefoon", "0031612345678"),
    ("+31 10 123 4567", "telefoon", "+31 10 123 4567"),
    ("tel. 010-1234567", "telefoon", "010-1234567"),
    ("010 123 45 67", "telefoon", "010 123 45 67"),
    ("(010) 123 45 67", "telefoon", "(010) 123 45 67"),
    ("(0513) 123456", "telefoon", "(0513) 123456"),
    ("0513-123456", "telefoon", "0513-123456"),
    ("0513 12 34 56", "telefoon", "0513 12 34 56"),
    ("020.123.4567", "telefoon", "020.123.4567"),
    ("088-1234567 (werk)", "telefoon", "088-1234567"),
    ("tel:0612345678", "telefoon", "0612345678"),
    ("06 - 12345678", "telefoon", "06 - 12345678"),
    ("+31(0)6-12345678", "telefoon", "+31(0)6-12345678"),
    ("NL91ABNA0417164300", "iban", "NL91ABNA0417164300"),
    ("rekening NL91 ABNA 0417 1643 00 t.n.v.", "iban", "NL91 ABNA 0417 1643 00"),
    ("NL91 ABNA 0417 1643 00 2024", "iban", "NL91 ABNA 0417 1643 00"),
    ("DE89370400440532013000", "iban", "DE89370400440532013000"),
    ("BE68 5390 0754 7034", "iban", "BE68 5390 0754 7034"),
    ("BSN 111222333", "bsn", "111222333"),
    ("bsn: 1112.22.333.", "bsn", "1112.22.333"),
    ("nummer 123456782", "bsn", "123456782"),
    ("1234 AB 12", "adres", "1234 AB 12"),
    ("postcode 1234AB, nr. 5", "adres", "1234AB, nr. 5"),
    ("8601 AB 3a", "adres", "8601 AB 3a"),
    ("Dorpsstraat 12, 1234 AB Dorp", "adres", "Dorpsstraat 12, 1234 AB"),
    ("Hoofdweg 3-2 9231 CD", "adres", "Hoofdweg 3-2 9231 CD"),
    ("Mernaweg 7a, 8601 AB Sneek", "adres", "Mernaweg 7a, 8601 AB"),
    ("vraag Anna Voorbeeld", "naam", "Anna Voorbeeld"),
    ("anna  voorbeeld belt terug", "naam", "anna  voorbeeld"),
    ("A. Voorbeeld (wethouder)", "naam", "A. Voorbeeld"),
    ("mevr. Voorbeeld", "naam", "mevr. Voorbeeld"),
    ("Bram de Vries, dorpscoördinator", "naam", "Bram de Vries"),
    ("B.de Vries", "naam", "B.de Vries"),
    ("dhr. De Vries", "naam", "dhr. De Vries"),
]

NEGATIVE = [
    "In 2019 telde de gemeente 89 kernen",
    "2019-2024",
    "budget € 250.000 per jaar",
    "€ 12.500,50",
    "1.234.567 inwoners",
    "123.456.782 euro",  # an amount, not a BSN
    "01-03-2024",
    "01-03-2024 10:00",
    "06-12-2024 10:30 uur",
    "06.12.2024 10.30",
    "2024-03-01",
    "13 januari 2025",
    "09.00-10.30 uur",
    "01 - 03 - 2024 10 uur",
    "Postbus 123, 1234 AB Dorp",
    "GM1900",
    "WK190001",
    "BU19000101",
    "woonplaatscode 2589",
    "BAG-id 0363010000659144",
    "0363 0100 0065 9144",
    "8601 AB",
    "8601 AB Sneek",
    "postcodegebied 9231",
    "tussen 2019 en 2020",
    "gemeenten 1900 en 1966",
    "123456789",  # fails the 11-test
    "NL91ABNA0417164301",  # a bad IBAN checksum
    "NL91 ABNA",
    "https://openkamer.org/kamerstuk/32242/6",
    "https://www.rtvnoord.nl/nieuws/0612345678/dorpen",
    "https://example.org/verslag?id=111222333",
    "KvK 12345678",
    "0800-1234",
    "0900-1234567",
    "14 0515",
    "1,5 miljoen",
    "0,5 fte per kern",
    "artikel 150 Gemeentewet",
    "v1.2.3",
    "3 x 4 = 12",
    "Anna Paulowna",  # a place, and not a contact's full name
    "vraag het Piet",  # a one-word contact name is not looked for
    "de voorbeelden uit Voorbeeld",
    "Voorbeeldstraat",
    "anna@",
    "@gemeente",
    "Eén gezicht per dorp wordt gemist sinds de herindeling",
    "les-01; v01; a12",
    "regio-1 en intake-GM1900",
    "Leergroep Noord",
    "beleidsmedewerker kernenbeleid",
]


@pytest.mark.parametrize("text,kind,found", POSITIVE, ids=[f"{k}:{t}" for t, k, _ in POSITIVE])
def test_finds(text, kind, found):
    assert [(h.kind, h.text) for h in DETECTOR.find(text)] == [(kind, found)]


@pytest.mark.parametrize("text", NEGATIVE)
def test_leaves_alone(text):
    assert DETECTOR.find(text) == []


def test_the_table_is_large_enough():
    assert len(POSITIVE) >= 40 and len(NEGATIVE) >= 40
    assert {kind for _, kind, _ in POSITIVE} == {"email", "telefoon", "iban", "bsn", "adres", "naam"}


def test_redact_replaces_each_hit_by_its_dutch_kind():
    text = "Anna Voorbeeld (anna@example.org, 06-12345678) en NL91ABNA0417164300."
    assert DETECTOR.redact(text)[0] == ("[verwijderd: naam] ([verwijderd: e-mailadres], "
                                        "[verwijderd: telefoonnummer]) en [verwijderd: IBAN].")


def test_redacted_text_has_nothing_left_to_find():
    for text, _, _ in POSITIVE:
        assert DETECTOR.find(DETECTOR.redact(text)[0]) == [], text


def test_several_hits_in_one_text_in_order():
    text = "Bel 010-1234567 of 06 1234 5678, mail a@example.org"
    assert [h.kind for h in find_personal(text)] == ["telefoon", "telefoon", "email"]


def test_an_email_inside_a_url_is_still_found():
    assert [h.kind for h in find_personal("https://example.org/?mail=jan@example.org")] == ["email"]


def test_contact_names_drop_the_marker_and_blanks():
    assert contact_names(["Anna Voorbeeld (fictief)", "", None]) == ["Anna Voorbeeld"]


def test_redact_without_hits_returns_the_text():
    assert redact("Een vast gezicht per kern werkt.") == "Een vast gezicht per kern werkt."
