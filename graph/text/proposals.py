"""Possible new rode draden: word pairs that recur in the lessons of several gemeenten and that no
theme or instrument label covers.

Words are grouped into families so that varied wording meets: the lemma's first letters after a
separable prefix (``ambtelijk`` and ``ambtenaar`` -> ``ambte``; ``ondersteuning`` and ``steun`` ->
``steun``). A candidate is a pair of families that occur in the same lesson (a compound's parts
count as two words: ``vrijwilligerslast`` is ``vrijwilliger`` + ``last``), within one sentence. A pair is left out when
either family is a whole label (``draagvlak``, ``dorpsbudget``) or a very common word of the
lessons (``dorp``, ``gemeente``), or when both belong to one label (``vaste ambtenaar``). A whole
label is a preferred label (or a part of one split on ``/``) or a slug; an altLabel of one word
(``steun`` for draagvlak) leaves its family free, as a thread may use the word in another sense. Pairs are
ranked by the number of gemeenten whose lessons carry them, then by lessons; a pair needs two lessons.
Place names (``names``: the gemeenten's, written as in the reference data) are taken out of the text
first: "Peel en Maas" in lessons of three gemeenten is no thread.

>>> from graph.text.corpus import LesText, ontology_concepts
>>> texts = ["Ambtelijke ondersteuning ontbreekt", "De ambtenaar ondersteunt de dorpsraad niet",
...          "Steun van ambtenaren is te mager", "Het dorpsbudget wordt goed besteed"]
>>> found = proposals([LesText(f"les/{n}", t, gemeenten=(f"GM000{n}",)) for n, t in enumerate(texts)],
...                   ontology_concepts(), k=3)
>>> found[0].term, found[0].gemeenten
('ambtenaar ondersteuning', ('GM0000', 'GM0001', 'GM0002'))
>>> found[0].zin
"'ambtenaar ondersteuning' komt terug in 3 lessen van 3 gemeenten; geen thema of instrument dekt het."
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from graph.messages import t
from graph.text.corpus import Concept, LesText
from graph.text.lemmas import lemmas, split_compound, vocabulary

FAMILY = 5  # letters that make a word family
PREFIXES = ("onder", "over", "door", "samen", "mee", "uit", "her", "ge")  # separable or verbal prefixes
GENERIC = frozenset("gemeente dorp kern inwoner bewoner wijk buurt mens groot klein nieuw vraag".split())
COMMON_SHARE = 0.2  # a family in more than this share of the lessons is too common to be a thread
COMMON_FROM = 20  # ... once there are at least this many lessons
MIN_LESSONS = 2  # a thread recurs: one lesson citing many gemeenten is not yet a thread
MAX_FAMILIES = 40  # per sentence (bounds the pairs of a very long one)
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+")
TOP = 10
PREPOSITIONS = frozenset("onder boven tussen binnen buiten achter naast rond voor over door".split())


@dataclass(frozen=True)
class Proposal:
    """A possible new theme: a word pair, the gemeenten and lessons that carry it."""

    term: str  # the pair as the lessons write it most often, e.g. "ambtelijk ondersteuning"
    gemeenten: tuple[str, ...]
    lessen: tuple[str, ...]  # lesson keys (les/voorbeeld-les-07)
    words: tuple[str, ...]  # every form found, most frequent first

    @property
    def zin(self) -> str:
        return t("text.proposal", "nl", term=self.term, lessons=len(self.lessen), gemeenten=len(self.gemeenten))

    @property
    def sentence(self) -> str:
        return t("text.proposal", "en", term=self.term, lessons=len(self.lessen), gemeenten=len(self.gemeenten))

    def as_dict(self) -> dict:
        return {"term": self.term, "gemeenten": list(self.gemeenten), "lessen": list(self.lessen),
                "woorden": list(self.words), "zin": self.zin, "sentence": self.sentence}


@lru_cache(maxsize=200_000)
def family(word: str) -> str:
    """The family key of a lemma.

    >>> family("ondersteuning"), family("steun"), family("ambtelijk"), family("ambtenaar")
    ('steun', 'steun', 'ambte', 'ambte')
    """
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= FAMILY:
            return word[len(prefix):len(prefix) + FAMILY]
    return word[:FAMILY]


def proposals(lessons: Sequence[LesText], concepts: Iterable[Concept], *, k: int = 3,
              top: int = TOP, names: Iterable[str] = ()) -> list[Proposal]:
    """The ``top`` word pairs carried by the lessons of at least ``k`` gemeenten (see module docstring)."""
    return ranked(counted(lessons, concepts, names=names), k=k, top=top)


@dataclass(frozen=True)
class Counted:
    """The word pairs of a set of lessons, before any minimum of gemeenten: what :func:`ranked` chooses
    from (lemmatising is most of the work; choosing for another ``k`` is quick)."""

    where: dict[tuple[str, str], list[LesText]]  # family pair -> the lessons saying it
    forms: dict[str, Counter]  # family -> its words and how often each occurs
    words: dict[str, list[str]]  # lesson key -> its words in order


def ranked(found: Counted, *, k: int = 3, top: int = TOP) -> list[Proposal]:
    """The ``top`` pairs of ``found`` carried by the lessons of at least ``k`` gemeenten."""
    return [_proposal(pair, found.where[pair], found.forms, found.words) for pair in _ranked(found.where, k, top)]


def counted(lessons: Sequence[LesText], concepts: Iterable[Concept], *, names: Iterable[str] = ()) -> Counted:
    """The family pairs within the sentences of ``lessons`` that no concept covers (``names``: place names
    left out of the text, matched as written)."""
    concepts = list(concepts)
    unnamed = without_names(names)
    said = [[lemmas(part) for part in _SENTENCE.split(unnamed(x.text))] for x in lessons]
    vocab = vocabulary(" ".join(c.labels) for c in concepts) | {w for parts in said for part in parts for w in part}
    split = _Splitter(vocab)
    sentences = [[split(part) for part in parts] for parts in said]
    words = {x.key: [w for part in parts for w in part] for x, parts in zip(lessons, sentences)}
    covered, covered_pairs = _covered(concepts, vocab)
    common = _common(words.values(), len(lessons)) | covered
    where: dict[tuple[str, str], list[LesText]] = defaultdict(list)
    forms: dict[str, Counter] = defaultdict(Counter)
    for les, parts in zip(lessons, sentences):
        for w in words[les.key]:
            forms[family(w)][w] += 1
        for pair in _pairs(parts, common) - covered_pairs:
            where[pair].append(les)
    return Counted(dict(where), {f: Counter(c) for f, c in forms.items()}, words)


def without_names(names: Iterable[str]):
    """A function that removes ``names`` (whole words, as written: "Best" but not "best") from a text.

    >>> without_names(["Peel en Maas", "Best"])("In Peel en Maas en Best werkt het best.")
    'In   en   werkt het best.'
    """
    found = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not found:
        return lambda text: text
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, found)) + r")(?!\w)")
    return lambda text: pattern.sub(" ", text)


def _pairs(parts: list[list[str]], common: set[str]) -> set[tuple[str, str]]:
    """The family pairs within each sentence of a lesson (a long lesson does not pair every word)."""
    found: set[tuple[str, str]] = set()
    for part in parts:
        fams = sorted({f for f in map(family, part) if f not in common})[:MAX_FAMILIES]
        found.update(combinations(fams, 2))
    return found


class _Splitter:
    """Lemmas with compounds replaced by their parts (``vrijwilligerslast`` -> ``vrijwilliger``, ``last``),
    remembered per word; a part that is a preposition (``onder`` of ``ondersteuning``) does not split."""

    def __init__(self, vocab: frozenset[str]) -> None:
        self.vocab = vocab
        self.known: dict[str, tuple[str, ...]] = {}

    def __call__(self, words: list[str]) -> list[str]:
        out: list[str] = []
        for word in words:
            parts = self.known.get(word)
            if parts is None:
                parts = split_compound(word, self.vocab)
                parts = self.known[word] = parts if parts and not set(parts) & PREPOSITIONS else (word,)
            out.extend(parts)
        return out


def _covered(concepts: Sequence[Concept], vocab: frozenset[str]) -> tuple[set[str], set[tuple[str, str]]]:
    """Families that are a whole preferred label or slug, and the family pairs inside one label."""
    single: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for c in concepts:
        names = {c.key.replace("-", " "), *(part.strip() for part in c.label.split("/"))}
        for label in (*c.labels, *names):
            found = lemmas(label)
            if len(found) == 1 and label in names:
                single.add(family(found[0]))
            fams = sorted({family(w) for word in found for w in (split_compound(word, vocab) or (word,))})
            pairs.update(combinations(fams, 2))
    return single, pairs


def _common(texts: Iterable[list[str]], n: int) -> set[str]:
    df = Counter(f for words in texts for f in {family(w) for w in words})
    return {family(w) for w in GENERIC} | {f for f, c in df.items() if n >= COMMON_FROM and c / n > COMMON_SHARE}


def _ranked(where: dict[tuple[str, str], list[LesText]], k: int, top: int) -> list[tuple[str, str]]:
    """The ``top`` pairs with at least ``k`` gemeenten and two lessons, best first; a pair whose lessons a
    higher pair sharing a word already holds is left out (``ambtelijk steun`` under ``ambtelijk ondersteuning``)."""
    counts = {p: (len({g for x in ls for g in x.gemeenten}), len(ls)) for p, ls in where.items()
              if len(ls) >= MIN_LESSONS}
    candidates = sorted((p for p, (g, _) in counts.items() if g >= k), key=lambda p: (-counts[p][0], -counts[p][1], p))
    chosen: list[tuple[tuple[str, str], set[str]]] = []
    for pair in candidates:
        mine = {x.key for x in where[pair]}
        if not any(set(pair) & set(c) and mine <= held for c, held in chosen):
            chosen.append((pair, mine))
            if len(chosen) == top:
                break
    return [pair for pair, _ in chosen]


def _proposal(pair: tuple[str, str], lessons: list[LesText], forms: dict[str, Counter],
              words: dict[str, list[str]]) -> Proposal:
    first = {f: min(words[x.key].index(w) for x in lessons for w in words[x.key] if family(w) == f) for f in pair}
    ordered = sorted(pair, key=lambda f: (first[f], f))
    common = {f: [w for w, _ in sorted(forms[f].items(), key=lambda wn: (-wn[1], -len(wn[0]), wn[0]))] for f in ordered}
    term = " ".join(common[f][0] for f in ordered)
    every = tuple(w for f in ordered for w in common[f])
    return Proposal(term, tuple(sorted({g for x in lessons for g in x.gemeenten})),
                    tuple(sorted(x.key for x in lessons)), every)
