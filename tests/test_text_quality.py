"""Suggestion quality on the held-out part of the evaluation set (tests/data/text/evaluatie.csv).

The floors are the measured held-out figures rounded down: theme precision@1 0.726 (floor 0.72, target
0.70) and recall@3 0.794 (floor 0.79: below the target of 0.80, which is missed); instrument precision@1
0.756 (floor 0.75) and recall@3 0.825 (floor 0.82, target 0.80). See docs/performance.md.
"""

from __future__ import annotations

import csv
import importlib.util
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).parent / "benchmarks" / "bench_text_quality.py"
FLOORS = {("thema", "precision@1"): 0.72, ("thema", "recall@3"): 0.79,
          ("instrument", "precision@1"): 0.75, ("instrument", "recall@3"): 0.82}


@pytest.fixture(scope="module")
def figures() -> dict:
    spec = importlib.util.spec_from_file_location("bench_text_quality", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.heldout()


@pytest.mark.parametrize("kind, name", list(FLOORS), ids=[f"{k}-{n}" for k, n in FLOORS])
def test_heldout_figures_stay_above_their_floor(figures, kind, name):
    assert figures["model"][kind][name] >= FLOORS[kind, name]


@pytest.mark.parametrize("kind", ["thema", "instrument"])
def test_the_model_beats_label_matching(figures, kind):
    for name in ("precision@1", "recall@3"):
        assert figures["model"][kind][name] >= figures["baseline"][kind][name] + 0.2


def test_the_set_is_large_enough_and_split_once():
    with (BENCH.parents[1] / "data" / "text" / "evaluatie.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 150
    assert Counter(r["deel"] for r in rows) == {"dev": 169, "heldout": 70}
    assert all(r["fictief"] == ("nee" if r["bron"] == "praktijk" else "ja") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)
