"""The projection read from a store equals the hand-built records; the typed graph has the right shape."""

from __future__ import annotations

import pytest
from test_analysis_fixtures import tiny_quads, tiny_records

from graph.analysis import project, projection_from_records, read_records
from graph.store import LocalStore


@pytest.fixture(scope="module")
def store():
    return LocalStore.in_memory(tiny_quads())


def test_records_from_store_equal_hand_built(store):
    assert read_records(store) == tiny_records()


def test_one_trajectory_selected(store):
    assert read_records(store, traject="t") == tiny_records(traject="t")


def test_unknown_trajectory_names_the_known_ones(store):
    with pytest.raises(LookupError, match="traject 'x' staat niet in de store \\(wel: t\\)"):
        read_records(store, traject="x")


def test_bare_pyoxigraph_store_works_too():
    import pyoxigraph

    ox = pyoxigraph.Store()
    ox.extend(tiny_quads())
    assert read_records(ox) == tiny_records()


def test_typed_graph_nodes_and_edges(store):
    p = project(store)
    types = {}
    for _, data in p.graph.nodes(data=True):
        types[data["type"]] = types.get(data["type"], 0) + 1
    assert types == {"gemeente": 5, "kern": 6, "bijeenkomst": 2, "les": 4, "thema": 3, "instrument": 2, "bron": 3,
                     "vraagstuk": 2}
    assert p.graph.edges["kern/1000", "gemeente/GM0001"]["type"] == "ligt_in"
    assert p.graph.edges["gemeente/GM0005", "instrument/dorpsbudget"] == {"type": "gebruikt", "sinds": 2015}
    assert p.graph.edges["les/t-l1", "gemeente/GM0002"]["type"] == "bewijs"
    assert p.graph.edges["bijeenkomst/t-b1", "gemeente/GM0001"]["type"] == "gastgemeente"
    assert p.graph.nodes["gemeente/GM0001"]["n_kernen"] == 3 and p.graph.nodes["gemeente/GM0001"]["merged"]


def test_bipartite_view_holds_the_evidence():
    p = projection_from_records(tiny_records())
    edge = p.bipartite.edges["gemeente/GM0003", "instrument/dorpsbudget"]
    assert edge["evidence"] == (("les", "les/t-l1"), ("les", "les/t-l3"),
                                ("toepassing", "toepassing/GM0003-dorpsbudget-2"))
    assert edge["weight"] == 3


@pytest.mark.parametrize(("code", "scope", "expected"), [
    ("GM0002", "traject", {"thema/draagvlak", "instrument/dorpsbudget", "thema/budget"}),
    ("GM0002", "alle", {"thema/draagvlak", "instrument/dorpsbudget", "thema/budget", "instrument/dorpsraad"}),
    ("GM0005", "traject", set()),  # not a participant
    ("GM0004", "traject", {"thema/jeugd", "thema/draagvlak", "vraagstuk/t-v2"}),
], ids=["participant-trajectory", "participant-all", "practice-only", "vraagstuk-counts"])
def test_scopes(code, scope, expected):
    assert projection_from_records(tiny_records()).elements_of(code, scope=scope) == expected


def test_without_participants_everyone_with_evidence_is_the_population():
    p = projection_from_records(tiny_records(deelnemers=()))
    assert p.population == ("GM0001", "GM0002", "GM0003", "GM0004", "GM0005")
    assert p.members("instrument/dorpsraad") == {"GM0002", "GM0005"}


class RecordsOnly:
    """A store seen only through ``query(...).records()``, as a remote SPARQL store is."""

    def __init__(self, store):
        self._store = store

    def query(self, text, *, bindings=None):
        return self._store.query(text, bindings=bindings)


def test_the_records_path_of_a_remote_store_gives_the_same_records(store):
    assert read_records(RecordsOnly(store)) == tiny_records()
