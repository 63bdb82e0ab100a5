"""Shared parts of the views: label patterns, language, binding and value helpers."""

from __future__ import annotations

import re
from typing import Any

from graph.namespace import key_of

_POINT = re.compile(r"POINT\s*\(\s*([-0-9.eE]+)\s+([-0-9.eE]+)\s*\)")

# Label of ?x in ?lang, else Dutch, else untagged, else rdfs:label; as ?<x>Label.
_LABEL = """
  OPTIONAL {{ {x} skos:prefLabel ?{n}L1 FILTER(LANGMATCHES(LANG(?{n}L1), ?lang)) }}
  OPTIONAL {{ {x} skos:prefLabel ?{n}L2 FILTER(LANGMATCHES(LANG(?{n}L2), "nl")) }}
  OPTIONAL {{ {x} rdfs:label ?{n}L3 }}
  BIND(COALESCE(?{n}L1, ?{n}L2, ?{n}L3) AS ?{n}Label)"""


def label_patterns(var: str, subject: str | None = None) -> str:
    """OPTIONAL patterns binding ``?<var>Label`` for the node ``?<subject or var>``."""
    return _LABEL.format(x="?" + (subject or var), n=var)


LANGS = ("nl", "en")


def with_lang(text: str, lang: str | None) -> str:
    """``text`` with ``?lang`` replaced by the language tag, one of :data:`LANGS` (Dutch otherwise).

    The tag is written into the text (not bound) because a VALUES binding is not visible inside
    nested OPTIONAL groups, where the label patterns need it; it is never free user text.

    >>> with_lang('FILTER(LANGMATCHES(LANG(?l), ?lang))', "en"), with_lang("?lang", '"x'), with_lang("?x", None)
    ('FILTER(LANGMATCHES(LANG(?l), "en"))', '"nl"', '?x')
    """
    if lang is None:
        return text
    return text.replace("?lang", '"%s"' % (lang if lang in LANGS else LANGS[0]))


def select_rows(store: Any, text: str, *, lang: str | None = None, **bindings: object) -> list[dict[str, Any]]:
    bound = {k: v for k, v in bindings.items() if v is not None}
    fast = getattr(store, "records", None)  # a local store converts its rows without intermediate terms
    if callable(fast):
        return fast(with_lang(text, lang), bindings=bound or None)
    return list(store.query(with_lang(text, lang), bindings=bound or None).records())


def point_of(wkt: object) -> tuple[float, float] | None:
    """``(lat, lon)`` of a WKT point ``POINT(lon lat)``."""
    match = _POINT.search(str(wkt or ""))
    return (float(match.group(2)), float(match.group(1))) if match else None


def as_int(value: object) -> int | None:
    """An int, or None for a missing or non-numeric value.

    >>> as_int("5"), as_int(None), as_int("x")
    (5, None, None)
    """
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None
