"""The analysis over a remote SPARQL 1.1 store (a real Virtuoso) gives what it gives over the local store."""

from __future__ import annotations

import pytest
from test_analysis_fixtures import tiny_quads, tiny_records

from graph.analysis import analyse, read_records
from graph.store.publish import publish
from graph.store.remote import RemoteStore
from graph.store import LocalStore, open_store

pytestmark = pytest.mark.virtuoso


@pytest.fixture(scope="module")
def remote(virtuoso) -> RemoteStore:
    publish(LocalStore.in_memory(tiny_quads()), virtuoso.sparql_url, user=virtuoso.user, password=virtuoso.password)
    store = open_store(virtuoso.sparql_url)
    assert isinstance(store, RemoteStore)
    return store


def test_same_records_over_the_protocol(remote):
    assert read_records(remote) == tiny_records()


def test_same_analysis_over_the_protocol(remote):
    assert analyse(remote, group_size=(2, 2)) == analyse(LocalStore.in_memory(tiny_quads()), group_size=(2, 2))
