"""The SPARQL 1.1 Protocol to the letter: formats, errors and statuses a client can rely on, and the
endpoint's fairness (429 with Retry-After for a client over its limit)."""

from __future__ import annotations

import csv
import io
import threading
import time

import httpx
import pytest

from graph.endpoint import EndpointConfig
from test_endpoint import running

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { " + " . ".join(f"?s{i} ?p{i} ?o{i}" for i in range(7)) + " }"


@pytest.fixture(scope="module")
def config(sample_store) -> EndpointConfig:
    return EndpointConfig(str(sample_store), 2.0, 5, 4000, client_queries=1, queue_wait=0.5)


@pytest.fixture(scope="module")
def client(config):
    with running(config) as url, httpx.Client(base_url=url, timeout=30) as c:
        yield c


@pytest.mark.parametrize("fmt, accept, body", [
    ("csv", "text/csv", "_askResult\r\ntrue\r\n"),
    ("tsv", "text/tab-separated-values", "?_askResult\ntrue\n"),
])
def test_ask_in_csv_and_tsv(client, fmt, accept, body):
    for params, headers in (({"format": fmt}, {}), ({}, {"Accept": accept})):
        response = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", **params}, headers=headers)
        assert response.status_code == 200 and response.text == body


@pytest.mark.parametrize("fmt, status", [("bogus", 400), ("turtle", 406), ("image/png", 400)])
def test_a_format_that_does_not_fit_is_refused_with_the_list(client, fmt, status):
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "format": fmt})
    assert response.status_code == status
    assert "json" in response.json()["message"] and "csv" in response.json()["message"]


def test_an_empty_query_is_a_syntax_error_not_an_update(client):
    for query in ("", "   ", "# nothing\n"):
        response = client.get("/sparql", params={"query": query})
        assert response.status_code == 400 and "lege query" in response.json()["message"]


@pytest.mark.parametrize("query, phrase", [
    ("SELECT (<http://example.org/f>(1) AS ?x) {}", "onbekende functie <http://example.org/f>"),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 100000000000000000000000", "regel 1, kolom"),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 1e21", "regel 1, kolom 38"),
], ids=["function", "huge-limit", "float-limit"])
def test_what_the_engine_refuses_is_a_400_in_our_words(client, query, phrase):
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400 and phrase in response.json()["message"]


@pytest.mark.parametrize("raw", [b"query=ASK%20%7B%7D%FF", b"query=%C3%28"])
def test_invalid_utf8_is_400(client, raw):
    form = client.post("/sparql", content=raw, headers={"Content-Type": "application/x-www-form-urlencoded"})
    direct = client.post("/sparql", content=b"ASK {} # \xff",
                         headers={"Content-Type": "application/sparql-query"})
    get = client.get("/sparql?" + raw.decode())
    assert form.status_code == direct.status_code == get.status_code == 400
    assert "UTF-8" in form.json()["message"]


def test_truncated_csv_has_only_rows(client):
    response = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o }", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.text)))
    assert response.headers["x-kernen-truncated"] == "true" and len(rows) == 1 + 5
    assert all(row[0].startswith(("http", "_:", "s")) for row in rows)


@pytest.mark.parametrize("query", [
    "PREFIX g: <https://w3id.org/kernendemocratie/> SELECT (COUNT(*) AS ?n) FROM g:graph\\/reference "
    "WHERE { ?s ?p ?o }",
    'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(?o != """een\n# geen commentaar""") }',
], ids=["escaped-local-name", "hash-line-in-long-string"])
def test_valid_queries_are_accepted(client, query):
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) > 0


def test_syntax_error_column_with_predeclared_prefixes(client):
    text = "SELECT ?g WHERE { ?g a kd:Gemeente . ?g ?p }"
    declared = "PREFIX kd: <https://w3id.org/kernendemocratie/def#>\n" + text
    predeclared = client.get("/sparql", params={"query": text}).json()["message"]
    own = client.get("/sparql", params={"query": declared}).json()["message"]
    assert "regel 1, kolom 44" in predeclared and "regel 2, kolom 44" in own


def _over_the_limit(client) -> httpx.Response | None:
    """While a slow query of this client runs (~2 s), a second query: the first 429, or None when the slow
    one ended before it held the client's one slot (a busy machine)."""
    slow = threading.Thread(target=client.get, args=("/sparql",), kwargs={"params": {"query": SLOW}})
    slow.start()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and slow.is_alive():
            response = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
            if response.status_code == 429:
                return response
            time.sleep(0.02)
        return None
    finally:
        slow.join()


def test_a_client_over_its_limit_gets_429_with_retry_after(client, config):
    for _ in range(3):  # on a busy machine the slow query may end before it held the slot: try again
        response = _over_the_limit(client)
        if response is not None:
            break
    assert response is not None, "no 429 in three tries while a slow query held the client's slot"
    assert int(response.headers["retry-after"]) >= 1
    assert "per client" in response.json()["message"]
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
