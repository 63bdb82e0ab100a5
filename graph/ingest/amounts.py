"""Amounts as people write them in a Dutch workbook: read exactly, or refuse as ambiguous.

A Dutch amount uses ``.`` for thousands and ``,`` for decimals (``€ 1.234.567,89``); people also
write ``7500,00``, ``€ 7.500,-``, ``EUR 1,2 mln``, ``12 500`` and, from English habits,
``12500.50``. :func:`read_amount` reads every form whose magnitude is certain and raises
:class:`AmbiguousAmount` for the forms that could mean two amounts a thousand times apart
(``7,500`` is 7,5 in Dutch and 7500 in English). A separator is never dropped silently.

>>> read_amount("€ 7.500,-"), read_amount("7500,00"), read_amount("EUR 1,2 mln")
(Decimal('7500'), Decimal('7500'), Decimal('1200000'))
>>> read_amount("1.234.567,89"), read_amount("12500.50")
(Decimal('1234567.89'), Decimal('12500.5'))
>>> read_amount("7,500")
Traceback (most recent call last):
graph.ingest.amounts.AmbiguousAmount: '7,500' is dubbelzinnig: 7,5 of 7500? schrijf 7500 of 7,5
"""

from __future__ import annotations

import re
from decimal import Context, Decimal, InvalidOperation, getcontext

from graph.messages import t

# Words for a multiplier after the number (lowercase, without a trailing dot).
MULTIPLIERS = {
    "k": 1_000, "duizend": 1_000, "dzd": 1_000,
    "mln": 1_000_000, "mio": 1_000_000, "miljoen": 1_000_000, "m": 1_000_000,
    "mld": 1_000_000_000, "mrd": 1_000_000_000, "miljard": 1_000_000_000,
}
_CURRENCY = re.compile(r"^(?:€|eur|euro)\s*|\s*(?:€|eur|euro)$", re.IGNORECASE)
_WHOLE_EUROS = re.compile(r"[,.]-{1,2}$")  # "7.500,-": whole euros
_SPACES = re.compile(r"[\s\u00a0\u202f']+")  # 12 500, 12 500 (nbsp / narrow nbsp), 12'500
_SHAPE = re.compile(r"^\d[\d.,]*$")
_GROUPS = re.compile(r"^\d{1,3}(\d{3})*$")


class AmountError(ValueError):
    """Not an amount at all."""


class AmbiguousAmount(AmountError):
    """An amount that could be read in two ways a factor 1000 apart."""


def read_amount(text: str) -> Decimal:
    """The exact amount in ``text``; :class:`AmbiguousAmount` or :class:`AmountError` otherwise.

    >>> read_amount("7.500"), read_amount("12 500"), read_amount("€2,5k"), read_amount("0.35")
    (Decimal('7500'), Decimal('12500'), Decimal('2500'), Decimal('0.35'))
    """
    original = text
    body, factor = _strip_words(text.strip())
    if not _SHAPE.match(body):
        raise AmountError(t("v.amount", text=original))
    number = _number(body, original, scaled=factor != 1)
    try:
        return tidy(Decimal(number) * factor)
    except InvalidOperation:  # pragma: no cover - the shape check excludes this
        raise AmountError(t("v.amount", text=original)) from None


def _strip_words(text: str) -> tuple[str, int]:
    """The bare number of ``text`` and its multiplier: currency, ',-' and 'mln' removed."""
    body = _CURRENCY.sub("", text).strip()
    factor = 1
    match = re.search(r"([a-z]+)\.?$", body, flags=re.IGNORECASE)
    if match and match.group(1).lower() in MULTIPLIERS:
        factor = MULTIPLIERS[match.group(1).lower()]
        body = body[:match.start()].strip()
        body = _CURRENCY.sub("", body).strip()
    body = _WHOLE_EUROS.sub("", body)
    return _SPACES.sub("", body), factor


def _number(body: str, original: str, *, scaled: bool) -> str:
    """``body`` as a plain decimal string with a dot, or an error naming the two readings."""
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal_sign = "," if body.rfind(",") > body.rfind(".") else "."
        thousands = "." if decimal_sign == "," else ","
        whole, _, fraction = body.rpartition(decimal_sign)
        if body.count(decimal_sign) > 1 or not _GROUPS.match(whole.replace(thousands, "")) \
                or not _grouped(whole, thousands):
            raise AmbiguousAmount(t("v.amount_groups", text=original))
        return f"{whole.replace(thousands, '')}.{fraction}"
    if not dots and not commas:
        return body
    sign = "." if dots else ","
    parts = body.split(sign)
    if len(parts) > 2:  # 1.234.567: thousands separators only
        if not _grouped(body, sign):
            raise AmbiguousAmount(t("v.amount_thousands", text=original, sign=sign))
        return body.replace(sign, "")
    whole, fraction = parts
    if not whole or not fraction:
        raise AmountError(t("v.amount", text=original))
    if len(fraction) != 3:
        if len(fraction) > 3 and sign == ".":
            raise AmbiguousAmount(t("v.amount_dot", text=original, plain=whole + fraction))
        return f"{whole}.{fraction}"
    if sign == "." and not scaled:  # Dutch thousands separator: 7.500 is seven thousand five hundred
        return whole + fraction
    small, large = f"{whole},{fraction.rstrip('0') or '0'}", whole + fraction
    raise AmbiguousAmount(t("v.amount_two", text=original, small=small, large=large))


def _grouped(whole: str, sign: str) -> bool:
    """``1.234.567``: a first group of 1-3 digits, then groups of exactly 3."""
    parts = whole.split(sign)
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def tidy(amount: Decimal) -> Decimal:
    """Without trailing zeros, and ``7500`` rather than ``7.5E+3`` (exact for any number of digits).

    >>> tidy(Decimal("7.5E+3")), tidy(Decimal("12.50")), tidy(Decimal("1.000000000000001057823601459E+28"))
    (Decimal('7500'), Decimal('12.5'), Decimal('10000000000000010578236014590'))
    """
    amount = amount.normalize()
    shape = amount.as_tuple()
    if not amount.is_finite() or shape.exponent <= 0:
        return amount
    digits = len(shape.digits) + shape.exponent  # the whole number's digits; the default context holds 28
    return amount.quantize(Decimal(1), context=Context(prec=max(digits, getcontext().prec)))
