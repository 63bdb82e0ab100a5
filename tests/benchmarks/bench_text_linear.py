"""A linear model against the suggestions' transparent weighting, cross-validated on the development part.

The issue behind the suggestions asked for "a linear model or a transparent weighting, whichever measures
better". This script is the measurement: a one-vs-rest logistic regression per kind (L2-regularised, fitted
with L-BFGS) on the same features as the weighting (lemmas, compound parts and stems, without boilerplate
words, idf-weighted and scaled to unit length), learning from the tagged lessons and from one text per
concept (its labels, definition and scope note, tagged with that concept), alone and blended with the
weighting (the weighting's score over the text's best score, plus ``gamma`` x the model's probability).
The held-out part is never read.

    PYTHONPATH=. python tests/benchmarks/bench_text_linear.py               # folds of the 37 real lessons
    PYTHONPATH=. python tests/benchmarks/bench_text_linear.py --all         # folds of all 198
    PYTHONPATH=. python tests/benchmarks/bench_text_linear.py --repeats 2 --lams 0.1 --gammas 1
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from graph.text.corpus import KINDS, Concept, LesText, ontology_concepts
from graph.text.evaluate import Ranker
from graph.text.lemmas import lemmas
from graph.text.suggest import Model, build_model, suggest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_text_quality as quality  # noqa: E402  (a script beside this one)


def fit(x: np.ndarray, y: np.ndarray, lam: float) -> tuple[np.ndarray, np.ndarray]:
    """Weights and intercepts of one logistic regression per column of ``y`` (0/1), penalty ``lam`` x |W|^2."""
    d, k = x.shape[1], y.shape[1]

    def loss(wb: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = wb[:d * k].reshape(d, k), wb[d * k:]
        z = x @ w + b
        g = 1 / (1 + np.exp(-z)) - y
        value = float(np.sum(np.logaddexp(0, z) - y * z) + lam * np.sum(w * w))
        return value, np.concatenate([(x.T @ g + 2 * lam * w).ravel(), g.sum(0)])

    found = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": 300})
    return found.x[:d * k].reshape(d, k), found.x[d * k:]


class Linear:
    """The logistic regressions of both kinds, learned from ``lessons`` and the concepts' own texts."""

    def __init__(self, model: Model, concepts: Sequence[Concept], lessons: Sequence[LesText], lam: float):
        self.model = model
        texts = [(self.bag(x.text), {kind: set(x.tags(kind)) for kind in KINDS}) for x in lessons]
        texts += [(self.bag(" ".join((*c.labels, c.key.replace("-", " "), c.definition, c.note))),
                   {kind: {c.key} if c.kind == kind else set() for kind in KINDS}) for c in concepts]
        df = Counter(word for bag, _ in texts for word in bag)
        self.columns = {word: n for n, word in enumerate(sorted(df))}
        self.idf = np.array([math.log((len(texts) + 1) / (df[w] + 1)) + 1 for w in sorted(df)])
        x = np.array([self.vector(bag) for bag, _ in texts])
        self.kinds = {}
        for kind in KINDS:
            keys = sorted(c.key for c in concepts if c.kind == kind)
            y = np.array([[1.0 if key in tags[kind] else 0.0 for key in keys] for _, tags in texts])
            self.kinds[kind] = (keys, *fit(x, y, lam))

    def bag(self, text: str) -> dict[str, float]:
        return {w: v for w, v in self.model.bag(lemmas(text)).items() if w not in self.model.common}

    def vector(self, bag: dict[str, float]) -> np.ndarray:
        row = np.zeros(len(self.columns))
        for word, value in bag.items():
            if word in self.columns:
                row[self.columns[word]] = value * self.idf[self.columns[word]]
        return row / (np.linalg.norm(row) or 1.0)

    def probabilities(self, text: str) -> dict[str, dict[str, float]]:
        v = self.vector(self.bag(text))
        return {kind: dict(zip(keys, 1 / (1 + np.exp(-(v @ w + b))))) for kind, (keys, w, b) in self.kinds.items()}


def ranker(concepts: Sequence[Concept], train: list[LesText], *, lam: float, gamma: float | None) -> Ranker:
    """The linear model alone (``gamma`` None) or blended with the weighting."""
    model = build_model(concepts, train)
    linear = Linear(model, concepts, train, lam)

    def rank(text: str) -> dict[str, list[str]]:
        chances = linear.probabilities(text)
        weighted = suggest(model, text, top=len(concepts))
        out = {}
        for kind in KINDS:
            scores = {s.key: s.score for s in weighted[kind]}
            best = max(scores.values(), default=0.0) or 1.0
            mixed = chances[kind] if gamma is None else \
                {key: scores.get(key, 0.0) / best + gamma * p for key, p in chances[kind].items()}
            out[kind] = sorted(mixed, key=lambda key: (-mixed[key], key))[:3]
        return out

    return rank


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="folds of all development lessons, not only the real ones")
    parser.add_argument("--repeats", type=int, default=5, help="splits into folds to average over")
    parser.add_argument("--lams", type=float, nargs="+", default=[0.01, 0.1], help="L2 penalties")
    parser.add_argument("--gammas", type=float, nargs="+", default=[0.3, 1.0], help="blend weights")
    args = parser.parse_args()
    concepts = ontology_concepts()
    runs = [("weighting (the product)", None)]
    for lam in args.lams:
        runs.append((f"linear, lambda {lam}", lambda train, lam=lam: ranker(concepts, train, lam=lam, gamma=None)))
        runs += [(f"weighting + {gamma} x linear (lambda {lam})",
                  lambda train, lam=lam, gamma=gamma: ranker(concepts, train, lam=lam, gamma=gamma))
                 for gamma in args.gammas]
    print("| cross-validated | theme p@1 | theme r@3 | instrument p@1 | instrument r@3 |\n|---|---:|---:|---:|---:|")
    for name, make in runs:
        f = quality.cross_validated(repeats=args.repeats, real=not args.all, make=make)
        print(f"| {name} | {f['thema']['precision@1']:.3f} | {f['thema']['recall@3']:.3f} | "
              f"{f['instrument']['precision@1']:.3f} | {f['instrument']['recall@3']:.3f} |", flush=True)


if __name__ == "__main__":
    main()
