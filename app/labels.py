"""Theme and instrument names in English where the analysis wrote the Dutch ones into an English text
(its explanations name the elements by their Dutch labels; the vocabulary has English ones)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from app import cache
from graph import views

KINDS = ("Thema", "Instrument")


def english() -> dict[str, str]:
    """Dutch label -> English label of every theme and instrument that has a different English one."""
    nl = {k: v for kind in KINDS for k, v in cache.call(views.concepts, kind=kind, lang="nl").items()}
    en = {k: v for kind in KINDS for k, v in cache.call(views.concepts, kind=kind, lang="en").items()}
    return {nl[k]: en[k] for k in nl if k in en and en[k] != nl[k]}


def in_english(text: str, names: Mapping[str, str]) -> str:
    """``text`` with each Dutch label of ``names`` replaced by its English label (whole words only,
    longest label first).

    >>> names = {"Draagvlak": "Public support", "Dorpsbudget": "Village budget"}
    >>> in_english("Aadorp shares Draagvlak, Dorpsbudget; not Dorpsbudgetten", names)
    'Aadorp shares Public support, Village budget; not Dorpsbudgetten'
    >>> in_english("nothing to change", {})
    'nothing to change'
    """
    if not names or not text:
        return text
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True))
                         + r")(?!\w)")
    return pattern.sub(lambda m: names[m.group(1)], text)
