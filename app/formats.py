"""Numbers, amounts and dates as a reader of the chosen language writes them (Babel, no own rules).

>>> number(260000, "nl"), number(260000, "en"), number(None, "nl")
('260.000', '260,000', '–')
>>> amount(260000, "EUR", "nl"), amount(0.35, "EUR per inwoner", "nl"), amount(0.35, "EUR per inwoner", "en")
('€\\xa0260.000', '€\\xa00,35 per inwoner', '€0.35 per inhabitant')
>>> amount(None, "EUR", "nl")
'–'
>>> month_year("2025-03-14", "nl"), month_year("2025-03-14", "en"), month_year("x", "nl")
('14 maart 2025', '14 March 2025', 'x')
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
NONE = "–"
# Units as the data writes them, and how to say "per ..." in each language.
_PER = {"inwoner": ("per inwoner", "per inhabitant"), "kern": ("per kern", "per village"),
        "jaar": ("per jaar", "per year"), "huishouden": ("per huishouden", "per household")}
_CURRENCY = re.compile(r"^\s*(EUR|€|euro)\s*", re.IGNORECASE)


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["nl"])


def number(value: float | int | None, lang: str = "nl") -> str:
    """A count or measure with the language's digit grouping; ``–`` when unknown."""
    if value is None:
        return NONE
    return format_decimal(value, locale=_locale(lang))


def amount(value: float | None, unit: str = "EUR", lang: str = "nl") -> str:
    """A money amount with its currency sign; a unit like ``EUR per inwoner`` keeps its "per ..." part
    (translated). Whole euros show no cents."""
    if value is None:
        return NONE
    unit = str(unit or "EUR")
    if not _CURRENCY.match(unit):
        return f"{number(value, lang)} {unit}".strip()
    rest = _CURRENCY.sub("", unit).strip()
    whole = float(value).is_integer()
    text = format_currency(value, "EUR", locale=_locale(lang), format_type="standard",
                           currency_digits=not whole, **({"format": "¤\xa0#,##0" if lang != "en" else "¤#,##0"}
                                                         if whole else {}))
    return f"{text} {_per(rest, lang)}".strip()


def _per(rest: str, lang: str) -> str:
    word = rest.lower().removeprefix("per").strip()
    if word in _PER:
        return _PER[word][1 if lang == "en" else 0]
    return rest


def month_year(value: str, lang: str = "nl") -> str:
    """An ISO date as a reader writes it (``14 maart 2025``); other text unchanged."""
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return format_date(day, format="long", locale=_locale(lang))


def thread_label(key: str, fallback: str, names: dict[str, str], lang: str = "nl") -> str:
    """A rode draad's label from the vocabulary's labels in ``lang`` (``names``: element key -> label);
    ``fallback`` (the analysis' label) when a part has no label there.

    >>> names = {"thema/zeggenschap": "Say", "instrument/dorpsbudget": "Village budget"}
    >>> thread_label("instrument/dorpsbudget+thema/zeggenschap", "x", names, "en")
    'Say with Village budget'
    >>> thread_label("thema/zeggenschap+thema/onbekend", "zeggenschap en onbekend", names, "en")
    'zeggenschap en onbekend'
    """
    parts = key.split("+")
    if not parts or any(part not in names for part in parts):
        return fallback
    if len(parts) == 1:
        return names[parts[0]]
    if [part.split("/")[0] for part in parts] == ["instrument", "thema"]:
        return f"{names[parts[1]]} {'bij' if lang == 'nl' else 'with'} {names[parts[0]]}"
    return f"{names[parts[0]]} {'en' if lang == 'nl' else 'and'} {names[parts[1]]}"
