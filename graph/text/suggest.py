"""Theme and instrument suggestions for a lesson text: a transparent weighting of Dutch lemmas.

Each theme and instrument gets a profile of weighted words from four sources: its labels (prefLabel
parts, altLabels, slug), its definition, its scope note (the words and situations it covers) and the
lessons already tagged with it. Words are lemmas,
the parts of compound lemmas and 6-letter stems (:func:`graph.text.lemmas.expand`). Each source is
weighted by rarity (idf over every description and lesson read, so "gemeente" and "dorp" count
little) and scaled to unit length, so that no source drowns the others; words in nearly every lesson
(boilerplate) are left out, and so are sentences or bracketed remarks repeated word for word in many
lessons (a template's "(Fictieve les uit het voorbeeldtraject; ...)"). A text's score for a concept is
the sum of the weights of the words they share; a theme also gains a share of the score of the
instruments it is tagged with in the lessons ("dorpsbudget" points to Budgetverdeling). Last, a concept
the text points to gains the share of the tagged lessons that carry it, times the text's best score of
its kind (``prior``): between near equals, the tag a trajectory gives more often goes first. The words
with the largest share explain the suggestion.
No training run, no randomness, no network.

>>> from graph.text.corpus import LesText, ontology_concepts
>>> model = build_model(ontology_concepts(), [])
>>> best = suggest(model, "De verdeling van het dorpsbudget over de dorpen")["instrument"][0]
>>> best.key, best.words
('dorpsbudget', ('dorpsbudget',))
>>> best.uitleg
'dorpsbudget -> Dorpsbudget / wijkbudget'
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from graph.text.corpus import KINDS, Concept, LesText
from graph.text.lemmas import expand, lemmas

TOP = 3  # suggestions per kind
WORDS = 3  # words shown per suggestion
LINKED = 5  # instruments whose themes gain from them
COMMON_SHARE = 0.8  # a word in more than this share of the tagged lessons says nothing about their topic
COMMON_FROM = 20  # ... counted once there are this many
GENERIC_SHARE = 0.2  # a word in more than this share of them ("dorp") counts, but does not make a suggestion telling


@dataclass(frozen=True)
class Weights:
    """How much each source counts in a profile (tuned on the development part of the evaluation set)."""

    label: float = 3.0
    definition: float = 1.0
    lessons: float = 2.0
    note: float = 2.0
    part: float = 0.5  # a compound's part (dorp, budget of dorpsbudget) against the whole word
    link: float = 0.25  # a theme's share of the score of instruments it is tagged with together
    prior: float = 0.5  # how much a concept gains from being given often in the tagged lessons


@dataclass(frozen=True)
class Suggestion:
    """A suggested theme or instrument: score and the words of the text that led to it."""

    kind: str
    key: str
    label: str
    label_en: str
    score: float
    words: tuple[str, ...]
    specific: int = 0  # words of the text behind it that are not in many of the tagged lessons (model.generic)

    @property
    def uitleg(self) -> str:
        return f"{', '.join(self.words)} -> {self.label}"

    @property
    def explanation(self) -> str:
        return f"{', '.join(self.words)} -> {self.label_en}"

    def as_dict(self) -> dict:
        return {"soort": self.kind, "id": self.key, "label": self.label, "score": round(self.score, 4),
                "woorden": list(self.words), "uitleg": self.uitleg, "explanation": self.explanation}


@dataclass
class Model:
    """Per kind: word -> [(concept key, weight)]; the concepts; the vocabulary compounds are split on."""

    concepts: dict[str, Concept]
    index: dict[str, dict[str, list[tuple[str, float]]]] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()
    lessons: int = 0  # tagged lessons the model learned from
    links: dict[str, dict[str, float]] = field(default_factory=dict)  # instrument -> theme -> P(theme | instrument)
    link: float = 0.0
    given: dict[str, dict[str, float]] = field(default_factory=dict)  # kind -> key -> share of the tagged lessons
    prior: float = 0.0
    common: frozenset[str] = frozenset()  # words left out (see _frequent)
    generic: frozenset[str] = frozenset()  # words in many of the tagged lessons (see Suggestion.specific)
    boilerplate: tuple[str, ...] = ()  # sentences repeated over many lessons, left out (see _boilerplate)
    part: float = Weights.part
    expanded: dict[str, dict[str, float]] = field(default_factory=dict)  # lemma -> features (a cache)

    def bag(self, words: Iterable[str]) -> dict[str, float]:
        """Features of a text's lemmas: 1 for a lemma, ``part`` for a compound's part or a stem."""
        out: dict[str, float] = {}
        for word in words:
            found = self.expanded.get(word)
            if found is None:
                found = self.expanded[word] = expand(word, self.vocabulary, part=self.part)
            for feature, value in found.items():
                if out.get(feature, 0.0) < value:
                    out[feature] = value
        return out


def build_model(concepts: Iterable[Concept], lessons: Iterable[LesText], *,
                weights: Weights = Weights()) -> Model:
    """The model from concepts (labels, definitions) and tagged lessons (see the module docstring)."""
    concepts = list(concepts)
    lessons = list(lessons)
    said = {c: (lemmas(_label_text(c)), lemmas(c.definition), lemmas(c.note)) for c in concepts}
    boilerplate = _boilerplate([x.text for x in lessons])
    written = [lemmas(_without(x.text, boilerplate)) for x in lessons]
    vocab = frozenset(w for words in (*written, *(ws for trio in said.values() for ws in trio)) for w in words)
    model = Model({_id(c.kind, c.key): c for c in concepts}, vocabulary=vocab, lessons=len(lessons),
                  links=_links(lessons), link=weights.link, part=weights.part,
                  given=_given(lessons), prior=weights.prior, boilerplate=boilerplate)
    described = {c: tuple(model.bag(words) for words in trio) for c, trio in said.items()}
    read = [model.bag(words) for words in written]
    model.common, model.generic = _frequent(read, COMMON_SHARE, GENERIC_SHARE)
    read = [{w: v for w, v in bag.items() if w not in model.common} for bag in read]
    rarity = _idf([*(bag for trio in described.values() for bag in trio), *read])
    tagged: dict[tuple[str, str], list[dict[str, float]]] = defaultdict(list)
    for les, words in zip(lessons, read):
        for kind in KINDS:
            for key in les.tags(kind):
                tagged[kind, key].append(words)
    for kind in KINDS:
        profiles = {c.key: _profile((*described[c], _sum(tagged[kind, c.key])), rarity, weights)
                    for c in concepts if c.kind == kind}
        model.index[kind] = _inverted(profiles, rarity)
    return model


_SEGMENT = re.compile(r"\([^()]*\)|[^.!?;()]+[.!?;]?")  # a remark in brackets, or a sentence (part)
BOILERPLATE_FROM = 5  # a segment repeated word for word in this many lessons ...
BOILERPLATE_SHARE = 0.1  # ... and this share of them is a template, not what a lesson says
BOILERPLATE_CHARS = 20  # shorter segments ("Tip:", "Les 3.") are left in


def _boilerplate(texts: list[str]) -> tuple[str, ...]:
    """Sentences or bracketed remarks that recur word for word in many lessons ("(Fictieve les uit het
    voorbeeldtraject; ...)"): they say nothing about a lesson's topic, so they neither count nor explain.

    >>> _boilerplate([f"Les {n} over het dorpsbudget. (Fictieve les; geen uitspraak.)" for n in range(6)])
    ('(Fictieve les; geen uitspraak.)',)
    """
    seen = Counter(seg for text in texts for seg in {m.group().strip() for m in _SEGMENT.finditer(text)})
    floor = max(BOILERPLATE_FROM, BOILERPLATE_SHARE * len(texts))
    return tuple(sorted((seg for seg, n in seen.items() if n >= floor and len(seg) >= BOILERPLATE_CHARS),
                        key=lambda seg: (-len(seg), seg)))


def _without(text: str, boilerplate: tuple[str, ...]) -> str:
    for seg in boilerplate:
        if seg in text:
            text = text.replace(seg, " ")
    return text


def _frequent(bags: list[dict[str, float]], *shares: float) -> tuple[frozenset[str], ...]:
    """Per share: the words in more than that share of many lessons (``COMMON_SHARE``: in nearly every one,
    boilerplate and not a topic; ``GENERIC_SHARE``: in many). The lessons' words are counted once."""
    if len(bags) < COMMON_FROM:
        return tuple(frozenset() for _ in shares)
    df = Counter(word for bag in bags for word in bag)
    return tuple(frozenset(word for word, n in df.items() if n > share * len(bags)) for share in shares)


def _id(kind: str, key: str) -> str:
    return f"{kind}/{key}"


def _label_text(concept: Concept) -> str:
    return " ".join((*concept.labels, concept.key.replace("-", " ")))


def _sum(bags: list[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for bag in bags:
        for word, value in bag.items():
            total[word] += value
    return total


def _profile(bags: tuple[dict[str, float], ...], rarity: dict[str, float], weights: Weights) -> dict[str, float]:
    """Labels, definition, scope note and tagged lessons, each weighted by rarity and scaled to unit length,
    then mixed (an empty source adds nothing)."""
    profile: dict[str, float] = defaultdict(float)
    for weight, bag in zip((weights.label, weights.definition, weights.note, weights.lessons), bags):
        scaled = {word: value * rarity.get(word, 1.0) for word, value in bag.items()}
        norm = math.sqrt(sum(v * v for v in scaled.values())) or 1.0
        for word, value in scaled.items():
            profile[word] += weight * value / norm
    return dict(profile)


def _links(lessons: Sequence[LesText]) -> dict[str, dict[str, float]]:
    """Instrument -> theme -> share of the lessons tagged with the instrument that carry the theme."""
    together: dict[str, Counter] = defaultdict(Counter)
    for les in lessons:
        for instrument in les.instrumenten:
            together[instrument].update(les.themas)
            together[instrument]["__lessons__"] += 1
    return {i: {t: n / c["__lessons__"] for t, n in c.items() if t != "__lessons__"} for i, c in together.items()}


def _given(lessons: Sequence[LesText]) -> dict[str, dict[str, float]]:
    """Kind -> concept -> the share of the lessons tagged with it."""
    if not lessons:
        return {}
    counts = {kind: Counter(key for les in lessons for key in set(les.tags(kind))) for kind in KINDS}
    return {kind: {key: n / len(lessons) for key, n in found.items()} for kind, found in counts.items()}


def _idf(bags: list[dict[str, float]]) -> dict[str, float]:
    """Word -> log((N + 1) / (df + 1)) + 1 over the texts read (concept descriptions and lessons)."""
    df = Counter(word for bag in bags for word in bag)
    return {word: math.log((len(bags) + 1) / (n + 1)) + 1 for word, n in df.items()}


def _inverted(profiles: dict[str, dict[str, float]], rarity: dict[str, float]) -> dict[str, list[tuple[str, float]]]:
    index: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for key in sorted(profiles):
        for word, value in profiles[key].items():
            index[word].append((key, value * rarity.get(word, 1.0)))
    return dict(index)


def suggest(model: Model, text: str, *, top: int = TOP, exclude: dict[str, Iterable[str]] | None = None
            ) -> dict[str, list[Suggestion]]:
    """The ``top`` themes and instruments for ``text``, best first (ties by key); ``exclude`` per kind."""
    written = lemmas(_without(text, model.boilerplate))
    words = sorted(set(model.bag(written)) - model.common)  # sorted: sums in the same order every run
    skip = {kind: set((exclude or {}).get(kind, ())) for kind in KINDS}
    instruments = _scores(model, "instrument", words)
    themes = _scores(model, "thema", words)
    _add_links(model, themes, instruments)
    for kind, found in (("thema", themes), ("instrument", instruments)):
        _add_prior(model, kind, found[0])
    origin = _origins(model, written)
    return {"thema": _ranked(model, "thema", themes, top, skip["thema"], origin),
            "instrument": _ranked(model, "instrument", instruments, top, skip["instrument"], origin)}


def _origins(model: Model, written: list[str]) -> dict[str, str]:
    """Feature -> the word of the text it comes from (``dorpsb~`` and ``budget`` -> ``dorpsbudget``)."""
    origin: dict[str, str] = {}
    for word in written:
        for feature in model.bag([word]):
            origin.setdefault(feature, word)
    return origin


Scores = tuple[dict[str, float], dict[str, dict[str, float]]]  # key -> score; key -> word -> share


def _scores(model: Model, kind: str, words: list[str]) -> Scores:
    scores: dict[str, float] = defaultdict(float)
    shares: dict[str, dict[str, float]] = defaultdict(dict)
    index = model.index.get(kind, {})
    for word in words:
        for key, weight in index.get(word, ()):
            scores[key] += weight
            shares[key][word] = weight
    return scores, shares


def _add_links(model: Model, themes: Scores, instruments: Scores) -> None:
    """Themes gain from the ``LINKED`` instruments the text points to most, as often as lessons tag them together."""
    instruments, instrument_shares = instruments
    link = model.link
    if not instruments or not link:
        return
    scores, shares = themes
    best = sorted(instruments, key=lambda k: (-instruments[k], k))[:LINKED]
    for instrument in best:
        score = instruments[instrument]
        for theme, share in model.links.get(instrument, {}).items():
            scores[theme] += link * score * share
            for word, value in instrument_shares[instrument].items():
                shares[theme][word] = shares[theme].get(word, 0.0) + link * value * share


def _add_prior(model: Model, kind: str, scores: dict[str, float]) -> None:
    """A concept the text points to gains ``prior`` x the text's best score x its share of the tagged lessons."""
    given = model.given.get(kind, {})
    if not scores or not model.prior or not given:
        return
    best = max(scores.values())
    for key in scores:
        scores[key] += model.prior * best * given.get(key, 0.0)


def _ranked(model: Model, kind: str, found: Scores, top: int, skip: set[str],
            origin: dict[str, str]) -> list[Suggestion]:
    scores, shares = found
    best = sorted((k for k in scores if k not in skip and _id(kind, k) in model.concepts),
                  key=lambda k: (-scores[k], k))[:top]
    return [_suggestion(model.concepts[_id(kind, k)], scores[k], shares.get(k, {}), origin, model.generic)
            for k in best]


def _suggestion(concept: Concept, score: float, shares: dict[str, float], origin: dict[str, str],
                generic: frozenset[str] = frozenset()) -> Suggestion:
    """The words of the text with the largest shares (a stem or a compound's part shown as its word), and
    how many of the text's words count for it through a feature that is not generic."""
    weight: dict[str, float] = defaultdict(float)
    for feature, share in shares.items():
        weight[origin.get(feature, feature)] += share
    words = tuple(w for w, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:WORDS])
    specific = len({origin.get(f, f) for f in shares if f not in generic})
    return Suggestion(concept.kind, concept.key, concept.label, concept.label_en, score, words, specific)
