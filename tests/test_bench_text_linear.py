"""The linear model of tests/benchmarks/bench_text_linear.py learns: the comparison it prints is not of a broken model."""

from __future__ import annotations

import numpy as np
import pytest

@pytest.fixture(scope="module")
def linear():
    from conftest import bench_module

    return bench_module("bench_text_linear")


def test_fit_separates_what_can_be_separated(linear):
    x = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]])
    y = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    w, b = linear.fit(x, y, lam=0.01)
    chance = 1 / (1 + np.exp(-(x @ w + b)))
    assert (chance[y == 1] > 0.8).all() and (chance[y == 0] < 0.2).all()
    w_strong, _ = linear.fit(x, y, lam=10.0)
    assert np.abs(w_strong).sum() < np.abs(w).sum()  # the penalty shrinks the weights


def test_the_linear_model_alone_finds_a_concept_from_its_own_text(linear):
    from graph.text.corpus import LesText, ontology_concepts

    concepts = ontology_concepts()
    train = [LesText("a", "Het geld van het dorpsbudget bleef liggen", themas=("onderbesteding",),
                     instrumenten=("dorpsbudget",))]
    rank = linear.ranker(concepts, train, lam=0.01, gamma=None)
    found = rank("Een dorpsbudget voor elke kern")
    assert found["instrument"][0] == "dorpsbudget" and len(found["thema"]) == 3
