"""Measured quality of the suggestions: precision@1 and recall@3 against labelled lessons, and a baseline.

recall@3 of a lesson is the share of its given tags found among the three suggestions (a lesson with
four tags can reach 0.75); precision@1 is 1 when the first suggestion is one of its tags. Lessons
without a tag of a kind are left out of that kind's figures. The baseline suggests the concepts whose
label (a prefLabel part, an altLabel or the slug) occurs in the text, longest match first.

>>> from graph.text.corpus import LesText, ontology_concepts
>>> gold = [LesText("a", "Het dorpsbudget voor de dorpsraad", instrumenten=("dorpsbudget",))]
>>> evaluate(lambda text: baseline(ontology_concepts(), text), gold)["instrument"]
{'precision@1': 1.0, 'recall@3': 1.0, 'lessons': 1}
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from graph.ingest.resolve import normalise
from graph.text.corpus import KINDS, Concept, LesText

Ranker = Callable[[str], dict[str, list[str]]]  # text -> kind -> ranked keys


def evaluate(rank: Ranker, gold: Sequence[LesText], *, k: int = 3) -> dict[str, dict[str, float]]:
    """precision@1 and recall@k per kind of ``rank`` over ``gold``."""
    sums = {kind: [0.0, 0.0, 0] for kind in KINDS}
    for les in gold:
        ranked = rank(les.text)
        for kind in KINDS:
            given = set(les.tags(kind))
            if not given:
                continue
            found = ranked.get(kind, [])
            sums[kind][0] += 1.0 if found[:1] and found[0] in given else 0.0
            sums[kind][1] += len(given & set(found[:k])) / len(given)
            sums[kind][2] += 1
    return {kind: {"precision@1": round(p / n, 3) if n else 0.0, f"recall@{k}": round(r / n, 3) if n else 0.0,
                   "lessons": n} for kind, (p, r, n) in sums.items()}


def baseline(concepts: Iterable[Concept], text: str, *, top: int = 3) -> dict[str, list[str]]:
    """Label-string matching: concepts whose label occurs in ``text``, longest label first."""
    haystack = f" {normalise(text)} "
    found: dict[str, list[tuple[int, str]]] = {kind: [] for kind in KINDS}
    for c in concepts:
        hits = [len(n) for n in (normalise(x) for x in (*c.labels, c.key)) if n and f" {n}" in haystack]
        if hits:
            found[c.kind].append((-max(hits), c.key))
    return {kind: [key for _, key in sorted(hits)[:top]] for kind, hits in found.items()}


def read_gold(path: Path) -> dict[str, list[LesText]]:
    """The labelled lessons of an evaluation CSV (id, deel, tekst, themas, instrumenten) by part."""
    parts: dict[str, list[LesText]] = {}
    with Path(path).open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            split = lambda v: tuple(x.strip() for x in v.split(";") if x.strip())  # noqa: E731
            parts.setdefault(row["deel"], []).append(
                LesText(row["id"], row["tekst"], themas=split(row["themas"]), instrumenten=split(row["instrumenten"])))
    return parts
