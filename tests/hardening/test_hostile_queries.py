"""Hostile SPARQL: refused, or stopped at its limit; no file read, no connection made.

The workers are subprocesses, so file access is checked by content: FROM <file:...> names a file whose
marker must appear in no answer; network access by a loopback listener that must accept nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from graph.endpoint import EndpointConfig, create_app
from graph.sparql import QueryRefused, QuerySyntaxError, QueryTimeout, run_safe

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from conftest import accepted

pytestmark = pytest.mark.timeout(60)
MARKER = "GEHEIME-INHOUD-9f3a"
LIMIT_S = 2.0


@pytest.fixture(scope="module")
def store(sample_store) -> str:
    return str(sample_store)


@pytest.fixture(scope="module")
def secret(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "kernen-geheim.ttl"
    path.write_text(f'<urn:x> <urn:y> "{MARKER}" .\n')
    return path




S = "{ ?s ?p ?o }"
UPDATES = ["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
           "DELETE WHERE { ?s ?p ?o }", "INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
           "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
           "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "LOAD <{url}/x.ttl>",
           "LOAD SILENT <{file}> INTO GRAPH <urn:g>", "CLEAR ALL", "CLEAR DEFAULT", "DROP ALL",
           "DROP GRAPH <urn:g>", "CREATE GRAPH <urn:g>", "ADD DEFAULT TO <urn:g>", "MOVE DEFAULT TO <urn:g>",
           "COPY DEFAULT TO <urn:g>", "ASK {} ; CLEAR ALL", "SELECT * WHERE {} \n;\n DROP ALL"]
REMOTE = ["SELECT * WHERE { SERVICE <{url}/sparql> " + S + " }",
          "SELECT * WHERE { SERVICE SILENT <{url}/sparql> " + S + " }",
          "SELECT * WHERE { { SELECT * WHERE { SERVICE <{url}/q> " + S + " } } }",
          "SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE <{url}/q> " + S + " } }",
          "SELECT * WHERE { ?a ?b ?c MINUS { SERVICE <{url}/q> " + S + " } }",
          "SELECT * WHERE { ?a ?b ?c FILTER EXISTS { SERVICE <{url}/q> " + S + " } }",
          "SELECT * WHERE { ?a ?b ?c FILTER NOT EXISTS { SERVICE <{url}/q> " + S + " } }",
          "SELECT * WHERE { { ?a ?b ?c } UNION { SERVICE <{url}/q> " + S + " } }",
          "ASK { GRAPH ?g { SERVICE <{url}/q> " + S + " } }",
          "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}/q> " + S + " }",
          "SELECT * FROM <file://{file}> WHERE " + S, "SELECT * FROM NAMED <file://{file}> WHERE { GRAPH ?g " + S + " }",
          "SELECT * FROM <{url}/g.ttl> WHERE " + S, "SELECT * FROM NAMED <{url}/g> WHERE { GRAPH ?g " + S + " }",
          "SELECT * FROM <geheim.ttl> WHERE " + S, "BASE <file:///etc/> SELECT * FROM <passwd> WHERE " + S,
          "DESCRIBE <urn:x> FROM <file://{file}>", "CONSTRUCT " + S + " FROM <{url}/c> WHERE " + S,
          "SELECT * WHERE { GRAPH <https://w3id.org/kernendemocratie/graph/private> " + S + " }"]


def _fill(text: str, listener, secret: Path) -> str:
    return text.replace("{url}", "http://127.0.0.1:%d" % listener.getsockname()[1]).replace("{file}", str(secret))


@pytest.mark.parametrize("text", UPDATES + REMOTE, ids=[f"q{n}" for n in range(len(UPDATES + REMOTE))])
def test_refused_and_no_file_or_connection(store, listener, secret, text):
    with pytest.raises((QueryRefused, QuerySyntaxError)) as exc:
        run_safe(_fill(text, listener, secret), store=store)
    assert MARKER not in str(exc.value)
    assert not accepted(listener, wait=0.05)


EXPLODING = {
    "cartesian": "SELECT (COUNT(*) AS ?n) WHERE { " + " . ".join(f"?s{i} ?p{i} ?o{i}" for i in range(8)) + " }",
    "deep-path": "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x>|!<urn:y>)*/(!<urn:z>)*/(!<urn:q>)* ?b . ?c ?d ?e . ?f ?g ?h }",
    "regex": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
             "FILTER regex(CONCAT(STR(?c), STR(?f), STR(?i), 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!'), '^(a+)+$') }",
    "huge-values": "SELECT ?x WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?k . BIND(CONCAT(STR(?c), STR(?f), STR(?k)) AS ?x) } ORDER BY ?x",
}


@pytest.mark.parametrize("name", EXPLODING, ids=list(EXPLODING))
def test_exploding_query_stopped_at_its_limit(store, name):
    start = time.monotonic()
    try:
        result = run_safe(EXPLODING[name], store=store, timeout=LIMIT_S, max_rows=100)
    except QueryTimeout:
        pass
    else:
        assert len(result.rows) <= 100
    assert time.monotonic() - start < LIMIT_S + 15
    assert run_safe("ASK { ?s ?p ?o }", store=store).boolean is True  # the next query is served


def test_huge_result_is_capped(store):
    result = run_safe("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", store=store, timeout=10, max_rows=50)
    assert len(result.rows) == 50


@pytest.mark.parametrize("text", ["SELECT * WHERE { " + "?s ?p ?o . " * 200_000 + "}",
                                  "SELECT * WHERE " + "{" * 100_000 + "}" * 100_000,
                                  "ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
                                  "SELECT * WHERE { ?s ?p '" + "x" * 2_000_000 + "' }"],
                         ids=["many-patterns", "deep-groups", "deep-parens", "huge-literal"])
def test_huge_query_refused(store, text):
    with pytest.raises((QueryRefused, QuerySyntaxError)):
        run_safe(text, store=store)


# --- malformed protocol requests -----------------------------------------------------------------

@pytest.fixture(scope="module")
def client(store):
    app = create_app(EndpointConfig(store, LIMIT_S, 5, 4000))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


BAD_REQUESTS = {
    "no-query": ("GET", "/sparql", {}, None),
    "two-queries": ("GET", "/sparql?query=ASK{}&query=ASK{}", {}, None),
    "bad-utf8": ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"ASK { \xff\xfe }"),
    "nul": ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"ASK { \x00 }"),
    "wrong-type": ("POST", "/sparql", {"Content-Type": "application/x-www-form-urlencoded"}, b"%%%==&&"),
    "json-body": ("POST", "/sparql", {"Content-Type": "application/json"}, b'{"query": "ASK {}"}'),
    "huge-body": ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"#" * 5_000_000),
    "bad-accept": ("GET", "/sparql?query=ASK%7B%7D", {"Accept": "text/html;q=x, */*;q=-1, \x7f"}, None),
    "named-graph-uri": ("GET", "/sparql?query=ASK%7B%7D&named-graph-uri=file:///etc/passwd", {}, None),
    "traversal": ("GET", "/dumps/..%2F..%2Fetc%2Fpasswd", {}, None),
    "put": ("PUT", "/sparql", {}, b"CLEAR ALL"),
    "delete": ("DELETE", "/sparql", {}, None),
}


@pytest.mark.parametrize("name", BAD_REQUESTS, ids=list(BAD_REQUESTS))
def test_malformed_protocol_request_is_a_clean_4xx(client, name):
    method, url, headers, body = BAD_REQUESTS[name]
    response = client.request(method, url, headers=headers, content=body)
    assert 200 <= response.status_code < 500, (response.status_code, response.text[:300])
    assert "Traceback" not in response.text and "root:" not in response.text


def test_concurrent_checks_do_not_corrupt_the_parser():
    """Found by the load script: rdflib's parser shared by the endpoint's threads broke for good."""
    from concurrent.futures import ThreadPoolExecutor

    from graph.sparql import check_query

    texts = [f"SELECT ?s{n} WHERE {{ ?s{n} a kd:Kern ; rdfs:label ?l }} LIMIT {n + 1}" for n in range(200)]
    with ThreadPoolExecutor(16) as pool:
        forms = list(pool.map(lambda t: check_query(t).form, texts))
    assert forms == ["select"] * 200
    assert check_query("ASK { ?s a kd:Provincie }").form == "ask"
