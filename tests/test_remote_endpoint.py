"""``kernen serve`` over Virtuoso: its answers made standard (booleans as ``true``/``false``, the same as
the embedded store gives) and its error messages passed through as a 400, not a bare 500."""

from __future__ import annotations

import httpx
import pytest

from graph.endpoint import EndpointConfig
from graph.store import open_store
from graph.store.publish import publish
from test_endpoint import running

pytestmark = pytest.mark.virtuoso
BOOLEANS = "SELECT ?g (?i > 20000 AS ?groot) ?c WHERE { ?g kd:inwoners ?i BIND(CONTAINS(STR(?g), '01') AS ?c) }"


@pytest.fixture(scope="module")
def stores(sample_store, virtuoso):
    local = sample_store
    publish(open_store(str(local)), virtuoso.sparql_url, user=virtuoso.user, password=virtuoso.password)
    return str(local), virtuoso.sparql_url


def _bindings(url: str, query: str) -> list[dict]:
    response = httpx.get(url + "/sparql", params={"query": query}, timeout=60)
    assert response.status_code == 200, response.text
    return sorted(response.json()["results"]["bindings"], key=lambda b: b["g"]["value"])


def test_booleans_are_standard_and_equal_to_the_embedded_answer(stores):
    local, remote = stores
    with running(EndpointConfig(local, 10.0, 100, 4000)) as embedded:
        expected = _bindings(embedded, BOOLEANS)
    with running(EndpointConfig(remote, 10.0, 100, 4000)) as over_virtuoso:
        got = _bindings(over_virtuoso, BOOLEANS)
    assert got == expected
    assert {b["groot"]["value"] for b in got} == {"true", "false"}
    assert {b["groot"]["datatype"] for b in got} == {"http://www.w3.org/2001/XMLSchema#boolean"}


def test_virtuoso_errors_are_passed_through(stores):
    _, remote = stores
    with running(EndpointConfig(remote, 10.0, 100, 4000)) as url:
        response = httpx.get(url + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o "
                                                               "FILTER(REGEX(STR(?o), '(')) }"}, timeout=60)
    assert response.status_code == 400
    assert "SR098" in response.json()["message"] and "regexp" in response.json()["message"]
