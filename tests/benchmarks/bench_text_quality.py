"""Quality of the theme and instrument suggestions on the held-out part of the evaluation set.

The model learns from the ontology's labels and definitions and the *development* lessons only; the
held-out lessons are never seen. The label-string-matching baseline runs in the same pass. The held-out
part is the 70 real practice lessons; the first round's held-out part (``heldout-1``, fictional and
written lessons for the most part) is development data now. ``--first-round`` gives the first round's
figures (a model of the first round's development lessons on ``heldout-1``), kept as a regression check.

    PYTHONPATH=. python tests/benchmarks/bench_text_quality.py           # held-out figures
    PYTHONPATH=. python tests/benchmarks/bench_text_quality.py --first-round
    PYTHONPATH=. python tests/benchmarks/bench_text_quality.py --quotes  # instruments of real quotes
    PYTHONPATH=. python tests/benchmarks/bench_text_quality.py --dev     # 5-fold cross-validation on dev
    PYTHONPATH=. python tests/benchmarks/bench_text_quality.py --dev --repeats 20  # ... over 20 fold splits
    PYTHONPATH=. python tests/benchmarks/bench_text_quality.py --dev --real --repeats 10

``--quotes``: a second real text for the instruments, never used to build or tune the model: the quote that is
the evidence of each sourced use of an instrument (data/praktijk/toepassingen.csv, ``bewijs_citaat``), with
that use's instrument as its one tag.

``--real``: the folds are of the 37 real development lessons only (the held-out part's style: ``dev-2`` and the
eight practice lessons of the first round), each predicted by a model of all other development lessons.

With ``--repeats N`` the folds are drawn N times (the file's order, then N - 1 seeded shuffles) and the
figures averaged, so a change is judged on many splits of the development part rather than one.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections.abc import Callable
from pathlib import Path

from graph.text.corpus import KINDS, LesText, ontology_concepts
from graph.text.evaluate import Ranker, baseline, evaluate, read_gold
from graph.text.suggest import Weights, build_model, suggest

GOLD = Path(__file__).resolve().parents[1] / "data" / "text" / "evaluatie.csv"
USES = Path(__file__).resolve().parents[2] / "data" / "praktijk" / "toepassingen.csv"
FOLDS = 5
DEVELOPMENT = ("dev", "heldout-1", "dev-2")  # the parts the model may learn from
REAL = ("praktijk-", "niet-geverifieerd-")  # ids of the real lessons (make_evaluatie.py names them by source)


def _ranker(model):
    return lambda text: {kind: [s.key for s in found] for kind, found in suggest(model, text).items()}


def _development(parts: dict[str, list]) -> list:
    return [les for part in DEVELOPMENT for les in parts[part]]


def heldout(weights: Weights = Weights(), *, first_round: bool = False) -> dict[str, dict]:
    """Model on the development lessons, figures on the held-out ones, for the model and the baseline (with
    ``first_round``: a model of the ``dev`` part on ``heldout-1``)."""
    parts = read_gold(GOLD)
    train = parts["dev"] if first_round else _development(parts)
    test = parts["heldout-1" if first_round else "heldout"]
    concepts = ontology_concepts()
    model = build_model(concepts, train, weights=weights)
    return {"model": evaluate(_ranker(model), test),
            "baseline": evaluate(lambda text: baseline(concepts, text), test),
            "dev": len(train), "heldout": len(test)}


def quotes(weights: Weights = Weights()) -> dict[str, dict]:
    """Instrument figures on the quotes of the sourced uses (model of all development lessons), and the baseline."""
    with USES.open(encoding="utf-8") as fh:
        test = [LesText(f"toepassing-{n}", r["bewijs_citaat"], instrumenten=(r["instrument_id"],))
                for n, r in enumerate(csv.DictReader(fh)) if r["bewijs_citaat"].strip()]
    concepts = ontology_concepts()
    model = build_model(concepts, _development(read_gold(GOLD)), weights=weights)
    return {"model": evaluate(_ranker(model), test)["instrument"],
            "baseline": evaluate(lambda text: baseline(concepts, text), test)["instrument"], "quotes": len(test)}


def cross_validated(weights: Weights = Weights(), repeats: int = 1, *, real: bool = False,
                    make: Callable[[list], Ranker] | None = None) -> dict[str, dict]:
    """Mean figures over folds of the development lessons (each fold predicted by a model of all the others),
    over ``repeats`` splits into folds: the file's order first, then seeded shuffles. With ``real`` only the
    real development lessons are cut into folds (the others are always learned from). ``make`` turns the
    training lessons into a ranker (default: the suggestions' model with ``weights``)."""
    concepts = ontology_concepts()
    make = make or (lambda train: _ranker(build_model(concepts, train, weights=weights)))
    development = _development(read_gold(GOLD))
    folded = [x for x in development if x.key.startswith(REAL)] if real else development
    always = [x for x in development if not x.key.startswith(REAL)] if real else []
    tagged = {kind: sum(1 for x in folded if x.tags(kind)) for kind in KINDS}  # the lessons each kind is scored on
    totals: dict[str, dict[str, float]] = {}
    for seed in range(repeats):
        dev = list(folded)
        if seed:
            random.Random(seed).shuffle(dev)
        for fold in range(FOLDS):
            test = dev[fold::FOLDS]
            train = always + [x for n, x in enumerate(dev) if n % FOLDS != fold]
            for kind, figures in evaluate(make(train), test).items():
                share = figures["lessons"] / tagged[kind]  # weighted by the fold's lessons: folds differ in size
                for name, value in figures.items():
                    totals.setdefault(kind, {}).setdefault(name, 0.0)
                    totals[kind][name] += (value * share if name != "lessons" else value) / repeats
    return {kind: {n: round(v, 3) for n, v in f.items()} for kind, f in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="cross-validate on the development part only")
    parser.add_argument("--repeats", type=int, default=1, help="with --dev: splits into folds to average over")
    parser.add_argument("--real", action="store_true", help="with --dev: folds of the real development lessons")
    parser.add_argument("--first-round", action="store_true", help="the first round's split (see above)")
    parser.add_argument("--quotes", action="store_true", help="instruments of the sourced uses' quotes (see above)")
    args = parser.parse_args()
    if args.quotes:
        figures = quotes()
    elif args.dev:
        figures = cross_validated(repeats=args.repeats, real=args.real)
    else:
        figures = heldout(first_round=args.first_round)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
