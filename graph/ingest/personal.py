"""Personal data typed into free text: found, named and redacted.

People type contact details into fields meant for public text: a lesson's text, a role, a title.
:class:`Detector` finds e-mail addresses, Dutch telephone numbers (every written form), IBANs
(checksum), BSN-like numbers (9 digits passing the 11-test), postcode + house number, the
names of a trajectory's own contact persons, and other names of people by their form
(:mod:`graph.ingest.names`: a first name, a title or initials before a surname). Years, amounts,
dates, CBS codes (``GM1900``, ``WK190001``, ``BU19000101``), BAG identifiers and a postcode on its
own are not personal data and are left alone; so is everything inside a URL except an e-mail address.

>>> [(h.kind, h.text) for h in find_personal("Bel 06-12345678 of mail anna@example.org")]
[('telefoon', '06-12345678'), ('email', 'anna@example.org')]
>>> find_personal("GM1900 telde in 2019 89 kernen; € 250.000 op 01-03-2024; 8601 AB Sneek")
[]
>>> Detector(["Anna Voorbeeld (fictief)"]).redact("Vraag het A. Voorbeeld, tel. (010) 123 45 67.")[0]
'Vraag het [verwijderd: naam], tel. [verwijderd: telefoonnummer].'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from graph.ingest.names import TITLE, find_names
from graph.messages import LANGS, t

KINDS = ("email", "telefoon", "iban", "bsn", "adres", "naam")
REDACTED = "[verwijderd: {label}]"  # the public graph is Dutch first: always the Dutch label

# --- the patterns, compiled once --------------------------------------------------------------
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+"
    r"(?:@|\s*[\[(]\s*(?:at|apenstaartje)\s*[\])]\s*)"  # jan@x.nl, jan(at)x.nl, jan [at] x.nl
    r"[\w-]+(?:(?:\.|\s*[\[(]\s*(?:dot|punt)\s*[\])]\s*)[\w-]+)*"
    r"(?:\.|\s*[\[(]\s*(?:dot|punt)\s*[\])]\s*)[A-Za-z]{2,}(?!\w)", re.IGNORECASE)
_SEP = r"(?: ?[.-] ?| )?"  # between digits: nothing, a space, or a dot or hyphen (spaces around it allowed)
_PHONE = re.compile(
    r"(?<![\w+])(?<!\d[-./,])(?:"
    rf"(?:\+|00)31{_SEP}(?:\(0\){_SEP})?[1-9](?:{_SEP}\d){{8}}"  # +31 6 12345678, 0031 10 1234567
    rf"|\(0[1-9]\d{{1,2}}\)\s?\d(?:{_SEP}\d){{5,6}}"  # (010) 123 45 67, (0513) 123456
    rf"|0[1-9](?:{_SEP}\d){{8}}"  # 06-12345678, 06 1234 5678, 010-1234567, 0513 12 34 56
    r")(?!\d|[.,:-]\d)")
_DATE = re.compile(r"(?<!\d)\d{1,2} ?[-./] ?\d{1,2} ?[-./] ?\d{2,4}(?!\d)")  # in a phone candidate: a date
_TIME = re.compile(r"^\s?[:.]\d")
_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?!\w)")
_BSN = re.compile(r"(?<![\w.,-])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?![\w]|[.,-]\d)")
_POSTCODE = r"[1-9]\d{3} ?(?!S[ADS])[A-Z]{2}"  # SA, SD and SS are not used in Dutch postcodes
_HOUSE = r"[1-9]\d{0,3}(?: ?[a-zA-Z](?![\w]))?(?:-\d{1,3})?"
_STREET = (r"(?:straat|weg|laan|plein|dijk|kade|gracht|pad|singel|steeg|hof|dreef|markt|park|ring|erf|"
           r"wal|zijde|veld|baan|haven|dam|hoek|brink|es|horst|oord|stede|vaart|wijk|buurt|dyk|wei|"
           r"leane|loane|strjitte|paad|reed|wech|dijkje|straatje|weg-oost|weg-west)")
_ADDRESS = re.compile(
    rf"(?<!\w)(?:{_POSTCODE},?\s+(?i:(?:nr|no|huisnummer)\.?\s*)?{_HOUSE}"  # 1234 AB 12, 1234AB, nr. 12
    rf"|(?i:[A-Za-zÀ-ÿ'-]*{_STREET})\.?\s+{_HOUSE},?\s+{_POSTCODE})"  # Dorpsstraat 12, 1234 AB
    r"(?![\w]|[.,]\d)")  # postcode letters are capitals: "2019 en 2020" is no address
_DIGIT_OR_AT = re.compile(r"[\d@]|[\[(]\s*(?:at|apenstaartje)\s*[\])]", re.IGNORECASE)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_MARKER = re.compile(r"\([^)]*\)")  # "Anna Voorbeeld (fictief)" -> "Anna Voorbeeld"
_NAME_SEPARATORS = re.compile(r"[;,/&]| en | and ")  # "Anna Voorbeeld, wethouder" or two names in one cell


@dataclass(frozen=True)
class Hit:
    """One piece of personal data in a text: its kind (see :data:`KINDS`), place and the text itself."""

    kind: str
    start: int
    end: int
    text: str


def label(kind: str, lang: str = "nl") -> str:
    """The kind as the user reads it.

    >>> label("telefoon"), label("telefoon", "en")
    ('telefoonnummer', 'telephone number')
    """
    return t(f"personal.kind.{kind}", lang if lang in LANGS else "nl")


def is_phone(candidate: str) -> bool:
    """True when ``candidate`` (a match of the phone pattern) is a Dutch number, not a date or time.

    >>> is_phone("06-12345678"), is_phone("+31 (0)6 1234 5678"), is_phone("01-03-2024 10")
    (True, True, False)
    """
    digits = re.sub(r"\D", "", candidate)
    if candidate.lstrip().startswith(("+", "00")):
        digits = digits[2:] if candidate.lstrip().startswith("+") else digits[4:]
        digits = digits if digits.startswith("0") else "0" + digits
    return len(digits) == 10 and digits[1] != "0" and not _DATE.search(candidate)


def is_iban(candidate: str) -> bool:
    """True when ``candidate`` passes the IBAN check (ISO 13616: mod 97 == 1).

    >>> is_iban("NL91 ABNA 0417 1643 00"), is_iban("NL91ABNA0417164301")
    (True, False)
    """
    text = candidate.replace(" ", "").upper()
    if not 15 <= len(text) <= 34:
        return False
    number = "".join(str(int(c, 36)) for c in text[4:] + text[:4])
    return int(number) % 97 == 1


def is_bsn(candidate: str) -> bool:
    """True for 9 digits passing the 11-test (9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11).

    >>> is_bsn("111222333"), is_bsn("123456789"), is_bsn("1112.22.333")
    (True, False, True)
    """
    digits = [int(c) for c in candidate if c.isdigit()]
    if len(digits) != 9 or not any(digits):
        return False
    total = sum(weight * d for weight, d in zip(range(9, 1, -1), digits[:8])) - digits[8]
    return total % 11 == 0


def contact_names(values: Iterable[str | None]) -> list[str]:
    """The names to look for: each part of a contact cell, without remarks such as ``(fictief)``.

    >>> contact_names(["Anna Voorbeeld (fictief)", None, "  ", "Piet", "Bram de Vries, wethouder; Carla Jansen"])
    ['Anna Voorbeeld', 'Bram de Vries', 'Carla Jansen', 'Piet', 'wethouder']
    """
    parts = (p for v in values if v for p in _NAME_SEPARATORS.split(_MARKER.sub(" ", v)))
    return sorted({" ".join(p.split()) for p in parts if p.strip()})


@functools.lru_cache(maxsize=32)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """Full names, ``A. Voorbeeld`` and ``mevr. Voorbeeld`` forms of names of two or more words.

    A name of one word is not looked for: alone, it is too often an ordinary word or a place.
    """
    forms: list[str] = []
    for name in names:
        words = name.split()
        if len(words) < 2:
            continue
        surname = r"\s+".join(re.escape(w) for w in words[1:])
        forms.append(r"\s+".join(re.escape(w) for w in words))
        forms.append(rf"{re.escape(words[0][0])}\.\s*{surname}")
        forms.append(rf"{TITLE}{surname}")
    if not forms:
        return None
    forms.sort(key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)", re.IGNORECASE)


class Detector:
    """The patterns plus the names of one trajectory's contact persons.

    >>> d = Detector(["Bram de Vries"])
    >>> [(h.kind, h.text) for h in d.find("Bram de Vries (dhr. De Vries) en B. de Vries")]
    [('naam', 'Bram de Vries'), ('naam', 'dhr. De Vries'), ('naam', 'B. de Vries')]
    """

    def __init__(self, names: Iterable[str] = ()):
        names = tuple(contact_names(names))
        self.names = _name_pattern(names)
        # every form of a name ends in its last word: a cheap test before the name pattern runs
        self._last_words = tuple({n.split()[-1].lower() for n in names if len(n.split()) > 1})

    def find(self, text: str) -> list[Hit]:
        """Every hit in ``text``, in order; where two overlap, the one that starts first (then the longer)."""
        if not text:
            return []
        found = list(self._patterns(text)) if _DIGIT_OR_AT.search(text) else []  # other kinds need one
        lowered = text.lower()
        if self.names is not None and any(word in lowered for word in self._last_words):
            found += [Hit("naam", m.start(), m.end(), m.group()) for m in self.names.finditer(text)]
        found += [Hit("naam", n.start, n.end, n.text) for n in find_names(text)]
        return _without_overlaps(found, text) if found else []

    def _patterns(self, text: str) -> Iterable[Hit]:
        for m in _EMAIL.finditer(text):
            yield Hit("email", m.start(), m.end(), m.group())
        for m in _PHONE.finditer(text):
            if is_phone(m.group()) and not _TIME.match(text, m.end()):
                yield Hit("telefoon", m.start(), m.end(), m.group())
        yield from _ibans(text)
        for m in _BSN.finditer(text):
            if is_bsn(m.group()):
                yield Hit("bsn", m.start(), m.end(), m.group())
        for m in _ADDRESS.finditer(text):
            yield Hit("adres", m.start(), m.end(), m.group())

    def redact(self, text: str) -> tuple[str, list[Hit]]:
        """``text`` with each hit replaced by ``[verwijderd: <label>]``, and the hits."""
        hits = self.find(text)
        parts, at = [], 0
        for hit in hits:
            parts += [text[at:hit.start], REDACTED.format(label=label(hit.kind))]
            at = hit.end
        return "".join(parts) + text[at:], hits


def _without_overlaps(found: list[Hit], text: str) -> list[Hit]:
    """The hits in order, leaving out those inside a URL (except e-mail addresses) and those that
    overlap an earlier (or, at the same start, longer) one."""
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)] if "/" in text or "www" in text.lower() else []
    found = [h for h in found if h.kind == "email" or not any(s < h.end and h.start < e for s, e in urls)]
    found.sort(key=lambda h: (h.start, -h.end))
    kept: list[Hit] = []
    for hit in found:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _ibans(text: str) -> Iterable[Hit]:
    """IBANs; a match that also took a following group (``NL91 ABNA 0417 1643 00 2024``) loses it."""
    for m in _IBAN.finditer(text):
        groups = m.group().split(" ")
        while len(groups) > 1 and not is_iban(" ".join(groups)):
            groups.pop()
        if is_iban(" ".join(groups)):
            yield Hit("iban", m.start(), m.start() + len(" ".join(groups)), " ".join(groups))


def find_personal(text: str, *, names: Iterable[str] = ()) -> list[Hit]:
    """The personal data in ``text`` (see :class:`Detector`)."""
    return Detector(names).find(text)


def redact(text: str, *, names: Iterable[str] = ()) -> str:
    """``text`` with its personal data replaced.

    >>> redact("Mail jan [at] example [dot] nl of bel +31 6 1234 5678")
    'Mail [verwijderd: e-mailadres] of bel [verwijderd: telefoonnummer]'
    """
    return Detector(names).redact(text)[0]


__all__ = ["Detector", "Hit", "KINDS", "contact_names", "find_personal", "label", "redact",
           "is_bsn", "is_iban", "is_phone"]
