"""The words of the facilitator documents, in Dutch and English (``label(lang, key)``).

>>> label("en", "attendees"), label("nl", "attendees")
('Who is coming', 'Wie komen er')
>>> label("fr", "attendees")
'Wie komen er'
"""

from __future__ import annotations

from graph.messages.handouts import HANDOUTS as LABELS


def label(lang: str, key: str) -> str:
    """The word for ``key`` in ``lang`` (Dutch when the language is unknown)."""
    return LABELS.get(lang, LABELS["nl"])[key]


def words(lang: str):
    """A one-argument lookup for ``lang``: ``w = words("en"); w("attendees")``."""
    return lambda key: label(lang, key)
