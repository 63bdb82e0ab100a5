"""The reusable checks of the input models, as ``Annotated`` types: dates, numbers and amounts in Dutch
forms, yes/no, e-mail, phone, URL, controlled values (case and spaces ignored) and references to
gemeenten, instruments and themes that a resolver turns into their canonical key.

>>> parse_date("28-02-2025"), parse_bool("Ja"), split_list("draagvlak; aanspreekpunt")
(datetime.date(2025, 2, 28), True, ['draagvlak', 'aanspreekpunt'])
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal, NamedTuple, Protocol

from pydantic import BeforeValidator, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from graph.ingest.amounts import AmbiguousAmount, AmountError, read_amount, tidy
from graph.messages import t

LIST_SEPARATOR = ";"
SOORTEN = ("intake", "startbijeenkomst", "regionale-uitwisseling", "werkbezoek", "slotbijeenkomst")
STATUSSEN = ("gepland", "bezig", "gereed", "vervallen")
BESLISRECHTEN = ("geen", "advies", "zwaarwegend-advies", "bindend", "gedelegeerd")
LADDER = ("informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen", "zelfbeheer")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_CANONICAL = {
    "gemeente": re.compile(r"^GM\d{4}$"),
    "instrument": re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$"),
    "thema": re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$"),
}
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")
_EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+?[0-9 ()-]{6,20}$")
_URL = re.compile(r"^https?://[^\s<>\"]+$")
_TRUE = {"ja", "j", "true", "waar", "yes", "y", "1"}
_FALSE = {"nee", "n", "false", "onwaar", "no", "0"}


class Resolution(NamedTuple):
    """What a resolver made of a reference: a canonical ``value`` (None: not found), plus a message.

    With a value, ``message`` is a warning (e.g. a former gemeente name); without, it is the error.
    """

    value: str | None
    message: str = ""
    suggestion: str = ""


class Resolver(Protocol):
    def resolve(self, kind: str, text: str) -> Resolution: ...


def _error(kind: str, message: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message.replace("{", "{{").replace("}", "}}"), ctx or None)


def _text(value: Any) -> str:
    """A cell as text; whole floats (spreadsheets store 1900 as 1900.0) lose their ``.0``."""
    if isinstance(value, (list, tuple, dict, set)):
        raise _error("single", t("v.single"))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def split_list(value: Any) -> list[Any]:
    """A ``;``-separated cell as a list (YAML may give a list already).

    >>> split_list("a; b;;c ")
    ['a', 'b', 'c']
    """
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [v for v in value if v is not None and _text(v) != ""]
    return [part.strip() for part in _text(value).split(LIST_SEPARATOR) if part.strip()]


def parse_date(value: Any) -> dt.date:
    """A date from a spreadsheet date, ISO ``2019-02-28`` or Dutch ``28-02-2019``.

    >>> parse_date("1-3-2025"), parse_date("2025-03-01")
    (datetime.date(2025, 3, 1), datetime.date(2025, 3, 1))
    >>> parse_date("31-02-2019")
    Traceback (most recent call last):
    pydantic_core._pydantic_core.PydanticCustomError: '31-02-2019' is geen geldige datum: februari 2019 heeft 28 dagen
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    iso, dutch = _ISO_DATE.match(text), _DUTCH_DATE.match(text)
    if not (iso or dutch):
        raise _error("date", t("v.date", text=text))
    y, m, d = iso.groups() if iso else reversed(dutch.groups())
    year, month, day = int(y), int(m), int(d)
    if not 1 <= month <= 12:
        raise _error("date", t("v.date_month", text=text, month=month))
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise _error("date", t("v.date_day", text=text, month=_month_name(month), year=year, last=last))
    return dt.date(year, month, day)


def _month_name(month: int) -> str:
    """The month's name in the message language (Babel): 'februari' or 'February'."""
    from babel.dates import get_month_names

    from graph.messages import current_lang

    return get_month_names("wide", locale="nl_NL" if current_lang() == "nl" else "en_GB")[month]


def parse_bool(value: Any) -> bool:
    """``ja``/``nee`` (also true/false, 1/0).

    >>> parse_bool("Ja"), parse_bool(0)
    (True, False)
    """
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise _error("bool", t("v.bool", text=_text(value)))


def parse_int(value: Any) -> int:
    """A whole number (``12``, ``12.0`` from a spreadsheet)."""
    if isinstance(value, bool):
        raise _error("int", t("v.int", text=value))
    text = _text(value)
    if not re.fullmatch(r"-?\d+", text):
        raise _error("int", t("v.int", text=text))
    return int(text)


def parse_decimal(value: Any) -> Decimal:
    """An amount in any Dutch or plain form (:func:`graph.ingest.amounts.read_amount`); never a guessed magnitude.

    >>> parse_decimal("12500,50"), parse_decimal(12500.5), parse_decimal("€ 7.500,-")
    (Decimal('12500.5'), Decimal('12500.5'), Decimal('7500'))
    """
    if isinstance(value, bool):
        raise _error("decimal", t("v.amount", text=value))
    if isinstance(value, (int, float, Decimal)):
        text = _text(value)
        if not _NUMBER.match(text):
            raise _error("decimal", t("v.amount", text=text))
        return tidy(Decimal(text))
    try:
        return read_amount(_text(value))
    except AmbiguousAmount as exc:
        raise _error("ambiguous", str(exc)) from None
    except AmountError as exc:
        raise _error("decimal", str(exc)) from None


def _matching(pattern: re.Pattern, what: str, example: str):
    def check(value: Any) -> str:
        text = _text(value)
        if not pattern.match(text):
            raise _error(what, t("v.pattern", text=text, what=t(f"v.what.{what}"), example=example))
        return text
    return check


def _resolved(kind: str):
    """A validator that resolves a gemeente/instrument/thema through the context's resolver."""

    def check(value: Any, info: ValidationInfo) -> str:
        text = _text(value)
        context = info.context or {}
        resolver: Resolver | None = context.get("resolver")
        if resolver is None:
            if not _CANONICAL[kind].match(text):
                raise _error(kind, t("v.code", text=text, kind=kind))
            return text
        found = resolver.resolve(kind, text)
        if found.value is None and "," in text:
            _comma_list(kind, text, resolver)
        if found.value is None:
            raise _error(kind, found.message, suggestion=found.suggestion)
        if found.message:
            context.setdefault("warnings", []).append((info.field_name, found.message, found.suggestion))
        return found.value

    return check


def _comma_list(kind: str, text: str, resolver: Resolver) -> None:
    """Raise a clear error when ``text`` is a list written with ``,`` instead of ``;``."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) > 1 and all(resolver.resolve(kind, p).value for p in parts):
        raise _error("comma_list", t("v.comma_list", text=text, sep=LIST_SEPARATOR),
                     suggestion=t("v.comma_hint", fixed="; ".join(parts)))


def controlled(values: tuple[str, ...]):
    """A validator that matches a controlled value ignoring case, spaces and ``_``/``-``.

    >>> controlled(LADDER)("Meebeslissen "), controlled(BESLISRECHTEN)("Zwaarwegend advies")
    ('meebeslissen', 'zwaarwegend-advies')
    """
    index = {_controlled_key(v): v for v in values}

    def check(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        return index.get(_controlled_key(value), value.strip())

    return check


def _controlled_key(text: str) -> str:
    return re.sub(r"[\s_-]+", "-", text.strip().lower())


Text = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
Key = Annotated[str, BeforeValidator(_matching(_SLUG, "id", "les-01 (a-z, 0-9, - . _)"))]
Datum = Annotated[dt.date, BeforeValidator(parse_date)]
Jaar = Annotated[int, BeforeValidator(parse_int), Field(ge=1800, le=2200)]
Aantal = Annotated[int, BeforeValidator(parse_int), Field(ge=0)]
Volgnummer = Annotated[int, BeforeValidator(parse_int), Field(ge=1)]
JaNee = Annotated[bool, BeforeValidator(parse_bool)]
Bedrag = Annotated[Decimal, BeforeValidator(parse_decimal), Field(ge=0)]
Email = Annotated[str, BeforeValidator(_matching(_EMAIL, "email", "naam@example.org"))]
Telefoon = Annotated[str, BeforeValidator(_matching(_PHONE, "phone", "+31 6 12345678"))]
Url = Annotated[str, BeforeValidator(_matching(_URL, "url", "https://example.org/verslag"))]
Gemeente = Annotated[str, BeforeValidator(_resolved("gemeente"))]
Instrument = Annotated[str, BeforeValidator(_resolved("instrument"))]
Thema = Annotated[str, BeforeValidator(_resolved("thema"))]
Gemeenten = Annotated[list[Gemeente], BeforeValidator(split_list)]
Instrumenten = Annotated[list[Instrument], BeforeValidator(split_list)]
Themas = Annotated[list[Thema], BeforeValidator(split_list)]
Soort = Annotated[Literal[SOORTEN], BeforeValidator(controlled(SOORTEN))]
Status = Annotated[Literal[STATUSSEN], BeforeValidator(controlled(STATUSSEN))]
Beslisrecht = Annotated[Literal[BESLISRECHTEN], BeforeValidator(controlled(BESLISRECHTEN))]
Ladder = Annotated[Literal[LADDER], BeforeValidator(controlled(LADDER))]
