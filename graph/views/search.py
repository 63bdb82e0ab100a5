"""Finding entries by words: accent- and case-blind, every word must occur, names rank above text.

>>> from graph.views.catalog import Entry
>>> index = prepare([Entry("gemeente", "GM1900", "Súdwest-Fryslân"), Entry("kern", "GM1900", "Sneek"),
...                  Entry("les", "les/1", "Dorpsbudget werkt", text="vertrouwen tussen dorp en gemeente")])
>>> [e.label for e in find(index, "sudwest")], [e.key for e in find(index, "Vertrouwen dorp")]
(['Súdwest-Fryslân'], ['les/1'])
>>> find(index, "  "), find(index, "x" * 500)
([], [])

When nothing holds every word, entries holding most of the words (stop words aside) come back, most
matching words first:

>>> [e.key for e in find(index, "vertrouwen tussen dorp en provincie")]
['les/1']
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

from graph.views.catalog import Entry

MAX_QUERY_CHARS = 200
MAX_RESULTS = 200
# Words that say nothing about what is sought (Dutch and English); left out of a query with other words.
STOP_WORDS = frozenset("de het een en of van in op te tussen met voor bij aan door over naar als is zijn "
                       "the a an and or of in on to between with for by at about as is are".split())


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
    words = [w for w in phrase.split() if w not in STOP_WORDS] or phrase.split()
    if not words:
        return []
    hits = [item for item in index if all(w in item.body for w in words)]
    if hits:
        hits.sort(key=lambda item: (_rank(item, words, phrase), -sum(w in item.name for w in words), item.name))
        return [item.entry for item in hits[:limit]]
    return _most_words(index, words, limit)


def _most_words(index: Sequence[Prepared], words: Sequence[str], limit: int) -> list[Entry]:
    """Entries holding at least half of ``words`` (and one at least), most words first, names before text."""
    need = max(1, (len(words) + 1) // 2)
    scored = []
    for item in index:
        count = sum(1 for w in words if w in item.body)
        if count >= need:
            scored.append((-count, -sum(1 for w in words if w in item.name), item.name, item))
    scored.sort(key=lambda row: row[:3])
    return [row[3].entry for row in scored[:limit]]


def with_threads(entries: Iterable[Entry], threads: Iterable, *, lang: str = "nl") -> list[Entry]:
    """``entries`` and one entry per rode draad (``graph.analysis.threads``): found by its name, its
    gemeenten and the titles of its lessons; its context is its support."""
    extra = [Entry("draad", th.key, th.label_en if lang == "en" else th.label, str(th.support),
                   " ".join([*(g.label for g in th.gemeenten), *(les.title for les in th.lessen)])) for th in threads]
    return [*entries, *extra]
