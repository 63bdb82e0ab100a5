"""Two cohorts of the FICTIONAL year (tests/fixtures_year.py) in one store: ids that name both."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from fixtures_year import year_quads

from graph.summaries import intake_summary, meeting_pack


def _renamed(term):
    if isinstance(term, ox.NamedNode) and "/jaar" in term.value:
        return ox.NamedNode(term.value.replace("/jaar", "/cohort2"))
    return term


@pytest.fixture(scope="module")
def store(memory_store):
    first = year_quads(2)
    second = [ox.Quad(_renamed(q.subject), q.predicate, _renamed(q.object), _renamed(q.graph_name))
              for q in first]
    return memory_store(first + [q for q in second if q not in set(first)])


def test_a_short_meeting_id_in_two_cohorts_names_both(store):
    with pytest.raises(LookupError, match=r"dubbelzinnige bijeenkomst 'regio1': cohort2-regio1 \(cohort2\) of "
                                          r"jaar-regio1 \(jaar\)"):
        meeting_pack(store, "regio1")
    assert meeting_pack(store, "cohort2-regio1").traject.slug == "cohort2"


def test_an_intake_in_two_cohorts_names_both_and_takes_traject(store):
    with pytest.raises(LookupError, match="doet mee aan 2 trajecten: cohort2 .* en jaar .*--traject"):
        intake_summary(store, "GM9101")
    assert intake_summary(store, "GM9101", traject="cohort2").traject.slug == "cohort2"


def test_a_former_gemeente_name_resolves_to_its_successor(example_store):
    assert intake_summary(example_store, "Dongeradeel").gemeente.code == "GM1970"  # now Noardeast-Fryslân
