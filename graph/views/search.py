"""Finding entries by words: accent- and case-blind, every word must occur, names rank above text.

>>> from graph.views.catalog import Entry
>>> index = prepare([Entry("gemeente", "GM1900", "Súdwest-Fryslân"), Entry("kern", "GM1900", "Sneek"),
...                  Entry("les", "les/1", "Dorpsbudget werkt", text="vertrouwen tussen dorp en gemeente")])
>>> [e.label for e in find(index, "sudwest")], [e.key for e in find(index, "Vertrouwen dorp")]
(['Súdwest-Fryslân'], ['les/1'])
>>> find(index, "  "), find(index, "x" * 500)
([], [])
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

from graph.views.catalog import Entry

MAX_QUERY_CHARS = 200
MAX_RESULTS = 200


def fold(text: str) -> str:
    """Lower case without accents or punctuation, for matching.

    >>> fold("Súdwest-Fryslân!")
    'sudwest fryslan'
    """
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split())


@dataclass(frozen=True)
class Prepared:
    entry: Entry
    name: str  # folded label
    body: str  # folded label, context and text


def prepare(entries: Iterable[Entry]) -> list[Prepared]:
    """Fold every entry once (the index is cached; a query then costs one pass of substring tests)."""
    return [Prepared(e, fold(e.label), fold(" ".join((e.label, e.context, e.text)))) for e in entries]


def _rank(item: Prepared, words: Sequence[str], phrase: str) -> int:
    if item.name == phrase:
        return 0
    if item.name.startswith(phrase):
        return 1
    if all(w in item.name for w in words):
        return 2
    return 3


def find(index: Sequence[Prepared], query: str, *, limit: int = MAX_RESULTS) -> list[Entry]:
    """Entries whose name, context or text hold every word of ``query``; best first (exact name, name
    starting with the query, all words in the name, then the rest), then by name."""
    phrase = fold(str(query)[:MAX_QUERY_CHARS])
    words = phrase.split()
    if not words:
        return []
    hits = [item for item in index if all(w in item.body for w in words)]
    hits.sort(key=lambda item: (_rank(item, words, phrase), item.name))
    return [item.entry for item in hits[:limit]]
