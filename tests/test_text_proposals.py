"""New-theme proposals: a planted, untagged thread among the example trajectory's lessons comes out on top."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from graph.text.corpus import LesText, ontology_concepts
from graph.text.proposals import family, proposals

sys.path.insert(0, str(Path(__file__).parent / "data"))
from voorbeeld_data import LESSONS  # noqa: E402

# Six gemeenten write about ambtelijke ondersteuning, each in their own words (fictional lessons).
PLANTED = [
    ("GM1900", "Dorpsraden krijgen te weinig ambtelijke ondersteuning bij het schrijven van subsidieaanvragen."),
    ("GM1966", "Sinds de reorganisatie is er geen ambtenaar meer die de dorpen ondersteunt met vergunningen."),
    ("GM1969", "Vrijwilligers vragen om steun van een ambtenaar die de regels kent."),
    ("GM1952", "Ambtelijke capaciteit om initiatieven te begeleiden en te ondersteunen ontbreekt."),
    ("GM1970", "Goede ondersteuning door ambtenaren maakt het verschil voor kleine dorpsbelangen."),
    ("GM1959", "Zonder ambtelijke steun lopen bewonersinitiatieven vast in procedures."),
]


def _example() -> list[LesText]:
    return [LesText(f"les/voorbeeld-les-{n:02d}", title, themas=tuple(themes), instrumenten=tuple(instruments),
                    gemeenten=tuple(codes)) for n, (_, title, themes, instruments, codes) in enumerate(LESSONS, 1)]


def _planted() -> list[LesText]:
    return [LesText(f"les/geplant-{n}", text, gemeenten=(code,)) for n, (code, text) in enumerate(PLANTED)]


def test_planted_thread_is_in_the_top_three():
    found = proposals(_example() + _planted(), ontology_concepts(), k=3)
    top = [p for p in found[:3] if {family(w) for w in p.words} >= {"ambte", "steun"}]
    assert len(top) == 1
    assert len(top[0].gemeenten) == 6
    assert set(top[0].lessen) <= {x.key for x in _planted()}


def test_without_the_planted_lessons_the_thread_is_absent():
    found = proposals(_example(), ontology_concepts(), k=3)
    assert not [p for p in found if {family(w) for w in p.words} >= {"ambte", "steun"}]


@pytest.mark.parametrize("k, expected", [(6, True), (7, False)])
def test_k_is_the_least_number_of_gemeenten(k, expected):
    found = proposals(_example() + _planted(), ontology_concepts(), k=k)
    assert any({family(w) for w in p.words} >= {"ambte", "steun"} for p in found) is expected
    assert all(len(p.gemeenten) >= k for p in found)


def test_a_pair_inside_one_label_is_not_proposed():
    lessons = [LesText(f"les/{n}", "Vaste ambtenaar", gemeenten=(f"GM000{n}",)) for n in range(4)]
    assert proposals(lessons, ontology_concepts(), k=3) == []


def test_a_gemeente_name_is_no_thread():
    texts = ["Het werkbezoek aan Peel en Maas was leerzaam", "In Peel en Maas kozen de dorpen zelf",
             "Peel en Maas laat dorpen kiezen"]
    lessons = [LesText(f"les/{n}", t, gemeenten=(f"GM000{n}",)) for n, t in enumerate(texts)]
    named = {p.term for p in proposals(lessons, ontology_concepts(), k=3)}
    assert any("peel" in term for term in named)  # without the names the place looks like a thread
    unnamed = {p.term for p in proposals(lessons, ontology_concepts(), k=3, names=["Peel en Maas", "Bladel"])}
    assert not any("peel" in term or "maas" in term for term in unnamed), unnamed
