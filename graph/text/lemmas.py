"""Dutch words to lemmas: tokens, stopwords, simplemma's Dutch lemmas, and compounds split on a vocabulary.

Everything here is offline and deterministic: simplemma ships its Dutch data; results are cached per word.

>>> lemmas("De dorpsbudgetten werden niet besteed door de dorpsraden")
['dorpsbudget', 'besteden', 'dorpsraad']
>>> split_compound("dorpsbudget", {"dorp", "budget"})
('dorp', 'budget')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import simplemma

LANG = "nl"
MIN_LENGTH = 3  # shorter tokens are noise (articles, abbreviations)
MIN_PART = 3  # shortest part of a compound word
STEM = 6  # letters of a stem feature
MAX_CACHED = 500_000  # tokens whose lemma is kept in memory
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_LINKS = ("s", "en", "e", "")  # Dutch linking morphemes: dorp-s-budget, kern-en-fonds
STOPWORDS = frozenset("""
aan al alle alleen als altijd ander andere anders ben bij binnen bijv bv dan dat de deze die dit doch doen
door dus een eens eigen en er ergens ge geen gehad geweest haar had heb hebben heeft hem het hier hij hoe hun
ik in is ja je kan kon kunnen kun maar me meer men met mij mijn moet moeten na naar niet niets nog nu of om
omdat ons onze ook op over reeds te tegen toch toen tot u uit uw van veel voor vooral waar wanneer want waren
was wat we wel werd wezen wie wij wil willen worden wordt zal ze zelf zich zij zijn zo zonder zou zouden
daar daarom daarna dezelfde elk elke iemand iets ieder iedere jaar jaren keer komen krijgen laten maken
gaan geven zien staan liggen houden blijven zeggen weten vinden vragen lijken zullen mogen kunnen hebben
via per wel zo'n één elkaar vooraf achteraf soms vaak nooit echt heel erg steeds eerst later snel goed beter best minder weinig
""".split())
# Words facilitators use to mark a lesson in a report: they say that something is a lesson, not what about.
REPORT_WORDS = frozenset("""
les lessen leren tip tips valkuil valkuilen lastig succesfactor succesfactoren aanbeveling aanbevelen
aandachtspunt werken blijken conclusie inzicht ervaring
""".split())
_SKIP = STOPWORDS | REPORT_WORDS


def tokens(text: str) -> list[str]:
    """Lowercase word tokens (letters, inner hyphens and apostrophes).

    >>> tokens("Dorps- en wijkplannen: 3 x beter!")
    ['dorps', 'en', 'wijkplannen', 'x', 'beter']
    """
    return [t.strip("-'") for t in _WORD.findall(text.lower())]


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """simplemma's lemma; for an unknown compound, the lemma of its longest known tail.

    >>> lemma("dorpsbudgetten"), lemma("ambtenaren"), lemma("geleerd")
    ('dorpsbudget', 'ambtenaar', 'leren')
    """
    found = simplemma.lemmatize(word, lang=LANG).lower().replace("_", "")  # uit_geven: separable verbs
    if found != word or len(word) < 2 * MIN_PART + 2 or simplemma.is_known(word, lang=LANG):
        return found
    for cut in range(MIN_PART, len(word) - MIN_PART - 1):
        tail = word[cut:]
        tail_lemma = simplemma.lemmatize(tail, lang=LANG).lower()
        if tail_lemma != tail:
            return word[:cut] + tail_lemma
    return found


_CONTENT: dict[str, str] = {}  # token -> its content lemma, "" when it is not a content word


def _content(token: str) -> str:
    if len(token) < MIN_LENGTH or token in _SKIP:
        found = ""
    else:
        found = lemma(token)
        found = found if found not in _SKIP and len(found) >= MIN_LENGTH else ""
    if len(_CONTENT) < MAX_CACHED:
        _CONTENT[token] = found
    return found


def lemmas(text: str) -> list[str]:
    """The content lemmas of ``text``, in order (stopwords and short words left out)."""
    known = _CONTENT.get
    out = []
    for token in tokens(text):
        found = known(token)
        if found is None:
            found = _content(token)
        if found:
            out.append(found)
    return out


def split_compound(word: str, vocabulary: set[str] | frozenset[str]) -> tuple[str, ...]:
    """``word`` as (head, tail) when both are in ``vocabulary`` (linking s/e/en removed); else ``()``.

    The longest known tail wins: ``kernenfonds`` -> ``('kern', 'fonds')``.

    >>> split_compound("kernenfonds", {"kern", "fonds"}), split_compound("draagvlak", {"vlak"})
    (('kern', 'fonds'), ())
    """
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        tail = word[cut:]
        if tail not in vocabulary:
            continue
        head = word[:cut]
        for link in _LINKS:
            if head.endswith(link) and head[:len(head) - len(link)] in vocabulary \
                    and len(head) - len(link) >= MIN_PART:
                return head[:len(head) - len(link)], tail
    return ()


def expand(word: str, vocabulary: set[str] | frozenset[str] = frozenset(), *, part: float = 1.0,
           stems: bool = True) -> dict[str, float]:
    """A lemma as features: itself (1), the parts of a compound in ``vocabulary`` and a stem (``part``).

    A stem is a word's first letters (``verdel~`` for verdeling and verdelen, ``beslis~`` for
    beslissen and beslissing): a crude but language-neutral way to let related words meet.

    >>> expand("dorpsbudget", {"dorp", "budget"}, part=0.5)
    {'dorpsbudget': 1.0, 'dorp': 0.5, 'budget': 0.5, 'dorpsb~': 0.5}
    """
    out = {word: 1.0}
    for piece in split_compound(word, vocabulary):
        out.setdefault(piece, part)
    if stems and len(word) > STEM:
        out.setdefault(word[:STEM] + "~", part)
    return out


def features(text: str, vocabulary: set[str] | frozenset[str] = frozenset(), *, stems: bool = True) -> list[str]:
    """Lemmas of ``text`` with, after each, the parts of a compound found in ``vocabulary`` and its stem.

    >>> features("dorpsbudgetten", {"dorp", "budget"})
    ['dorpsbudget', 'dorp', 'budget', 'dorpsb~']
    """
    return [f for word in lemmas(text) for f in expand(word, vocabulary, stems=stems)]


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every lemma of ``texts``: the words compound parts are matched against."""
    return frozenset(word for text in texts for word in lemmas(text))
