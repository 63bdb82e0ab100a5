"""``kernen serve``: a real uvicorn on 127.0.0.1, real clients (SPARQLWrapper, httpx), a small known store.

The endpoint runs with a 2 s time limit and a 5-row cap so both are cheap to exercise.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import rdflib
import uvicorn
from rdflib.query import Result
from SPARQLWrapper import CSV, JSON, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper

from graph.endpoint import EndpointConfig, create_app
from graph.export.data import export_data
from graph.store import open_store
from sample_store import SECRET_MAIL, SECRET_NAME
from virtuoso import free_port
from conftest import accepted

TIMEOUT_S = 2.0
MAX_ROWS = 5
MAX_BYTES = 4000
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { " + " . ".join(f"?s{i} ?p{i} ?o{i}" for i in range(7)) + " }"
CODES = "SELECT ?code WHERE { ?g kd:code ?code } ORDER BY ?code"
_OPENED: list[str] = []


def _audit(event: str, args: tuple) -> None:
    if event == "open" and args and "kernen-geheim" in str(args[0]):
        _OPENED.append(str(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one only records one marker name


@pytest.fixture(scope="module")
def store_dir(sample_store) -> Path:
    return sample_store


@pytest.fixture(scope="module")
def config(store_dir, tmp_path_factory) -> EndpointConfig:
    dumps = tmp_path_factory.mktemp("dumps")
    export_data(open_store(str(store_dir)), dumps, formats=["ttl", "csv"])
    (dumps / "not-listed.txt").write_text("not in the manifest")
    return EndpointConfig(str(store_dir), TIMEOUT_S, MAX_ROWS, MAX_BYTES, dumps=dumps)


@contextmanager
def running(config: EndpointConfig):
    """``kernen serve`` (uvicorn in a thread) on a free loopback port; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(config):
    with running(config) as url:
        yield url


@pytest.fixture(scope="module")
def client(base_url):
    with httpx.Client(base_url=base_url, timeout=30) as c:
        yield c


def _wrapper(base_url: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(base_url + "/sparql", returnFormat=fmt)
    sparql.setQuery("PREFIX kd: <https://w3id.org/kernendemocratie/def#>\n" + query)
    return sparql


# --- real clients ---------------------------------------------------------------------------------

def test_sparqlwrapper_json(base_url):
    result = _wrapper(base_url, CODES, JSON).queryAndConvert()
    assert [b["code"]["value"] for b in result["results"]["bindings"]] == ["9901", "9902", "GM9901", "GM9902"]


def test_sparqlwrapper_csv(base_url):
    text = _wrapper(base_url, CODES, CSV).queryAndConvert().decode()
    assert list(csv.reader(io.StringIO(text))) == [["code"], ["9901"], ["9902"], ["GM9901"], ["GM9902"]]


def test_sparqlwrapper_turtle_construct(base_url):
    query = "CONSTRUCT { ?g kd:inwoners ?n } WHERE { ?g kd:inwoners ?n }"
    data = _wrapper(base_url, query, TURTLE).queryAndConvert()
    graph = rdflib.Graph().parse(data=data, format="turtle")
    assert sorted(int(o) for o in graph.objects()) == [12_000, 30_000]


def test_sparqlwrapper_post_direct_ask_xml(base_url):
    sparql = _wrapper(base_url, "ASK { ?g kd:code 'GM9901' }", XML)
    sparql.setMethod("POST")
    sparql.setRequestMethod(POSTDIRECTLY)
    document = sparql.queryAndConvert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("accept,fmt", [
    ("application/sparql-results+json", "json"), ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"), ("text/tab-separated-values", "tsv"),
], ids=["json", "xml", "csv", "tsv"])
def test_select_formats_parse(client, accept, fmt):
    response = client.get("/sparql", params={"query": CODES}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    result = Result.parse(io.BytesIO(response.content), format=fmt)
    assert sorted(str(row[0]) for row in result) == ["9901", "9902", "GM9901", "GM9902"]


@pytest.mark.parametrize("accept,fmt", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
], ids=["turtle", "ntriples", "jsonld", "rdfxml"])
def test_construct_formats_parse(client, accept, fmt):
    query = "CONSTRUCT { ?g kd:code ?c } WHERE { ?g a kd:Gemeente ; kd:code ?c }"
    response = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    graph = rdflib.Graph().parse(data=response.content, format=fmt)
    assert sorted(str(o) for o in graph.objects()) == ["GM9901", "GM9902"]


def test_unacceptable_format_is_406_json(client):
    response = client.get("/sparql", params={"query": CODES}, headers={"Accept": "image/png"})
    assert response.status_code == 406 and "message" in response.json()


def test_html_result_is_escaped(client):
    query = "SELECT ?x WHERE { BIND('<script>alert(1)</script>' AS ?x) }"
    response = client.get("/sparql", params={"query": query, "format": "html"})
    assert "<script>" not in response.text and "&lt;script&gt;" in response.text


# --- refused forms: 400, nothing fetched, no file opened -----------------------------------------



REFUSED = {
    "insert": "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "delete": "DELETE WHERE { ?s ?p ?o }",
    "load": "LOAD <{url}/data.ttl>",
    "clear": "CLEAR ALL",
    "service": "SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "from-file": "SELECT * FROM <file://{file}> WHERE { ?s ?p ?o }",
    "from-http": "SELECT * FROM <{url}/graph.ttl> WHERE { ?s ?p ?o }",
    "from-named-http": "SELECT * FROM NAMED <{url}/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "private-graph": "SELECT * WHERE { GRAPH <https://w3id.org/kernendemocratie/graph/private> { ?s ?p ?o } }",
}


@pytest.mark.parametrize("name", REFUSED, ids=list(REFUSED))
def test_refused_form(client, listener, tmp_path, name):
    secret = tmp_path / "kernen-geheim.ttl"
    secret.write_text('<urn:x> <urn:y> "GEHEIME-INHOUD" .\n')
    url = "http://127.0.0.1:%d" % listener.getsockname()[1]
    _OPENED.clear()
    response = client.post("/sparql", data={"query": REFUSED[name].replace("{url}", url).replace("{file}", str(secret))})
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json()["message"] and "Traceback" not in response.text
    assert "GEHEIME-INHOUD" not in response.text
    assert _OPENED == []  # the file named in FROM <file:...> was never opened
    assert not accepted(listener)  # and nothing connected out


@pytest.mark.parametrize("how", ["update-param", "sparql-update-body"])
def test_update_requests_refused(client, how):
    if how == "update-param":
        response = client.post("/sparql", data={"update": "CLEAR ALL"})
    else:
        response = client.post("/sparql", content=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert response.status_code == 400 and "message" in response.json()


def test_private_graph_invisible(client):
    for query in ("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                  "DESCRIBE <https://w3id.org/kernendemocratie/id/persoon/0123456789ab>"):
        text = client.post("/sparql", data={"query": query, "format": "json"}).text
        assert SECRET_NAME not in text and SECRET_MAIL not in text and "graph/private" not in text


# --- limits ---------------------------------------------------------------------------------------

def test_time_limit_stops_query_while_others_are_served(base_url):
    def timed(query: str) -> tuple[int, float]:
        start = time.monotonic()
        with httpx.Client(base_url=base_url, timeout=30) as c:
            status = c.post("/sparql", data={"query": query}).status_code
        return status, time.monotonic() - start

    with ThreadPoolExecutor(2) as pool:
        slow = pool.submit(timed, SLOW)
        time.sleep(0.3)
        fast_status, fast_elapsed = pool.submit(timed, CODES).result()
        assert not slow.done()  # the quick one was answered while the slow one still ran
        slow_status, slow_elapsed = slow.result()
    assert fast_status == 200 and fast_elapsed < 1.5
    assert slow_status == 503 and slow_elapsed < TIMEOUT_S + 1.0


def test_row_cap_is_visible(client):
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    body = response.json()
    assert response.headers["x-kernen-truncated"] == "true"
    assert len(body["results"]["bindings"]) == MAX_ROWS and body["truncated"] is True
    for fmt in ("csv", "tsv"):  # the note is in the header only: a last line would be read as a row
        response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }", "format": fmt})
        assert response.headers["x-kernen-truncated"] == "true"
        assert len(response.text.splitlines()) == MAX_ROWS + 1 and "afgekapt" not in response.text


def test_untruncated_has_no_flag(client):
    response = client.get("/sparql", params={"query": CODES})
    assert "x-kernen-truncated" not in response.headers and "truncated" not in response.json()


@pytest.mark.parametrize("method", ["post-form", "post-direct", "get"])
def test_request_size_limit(client, method):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_BYTES
    if method == "post-form":
        response = client.post("/sparql", data={"query": query})
    elif method == "post-direct":
        response = client.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})
    else:
        response = client.get("/sparql", params={"query": query})
    assert response.status_code == 413 and "message" in response.json()


def test_syntax_error_is_json_without_traceback(client):
    response = client.get("/sparql", params={"query": "SELECT WHERE {"})
    assert response.status_code == 400
    assert "syntax" in response.json()["message"].lower() and "Traceback" not in response.text


def test_unknown_path_is_json_404(client):
    response = client.get("/nothing-here")
    assert response.status_code == 404 and response.json()["error"] == 404


# --- descriptions, landing page, dumps ------------------------------------------------------------

def test_service_description_turtle(client):
    response = client.get("/sparql")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, rdflib.RDF.type, sd.Service) in graph
    assert response.text == client.get("/service-description").text


def test_void_counts_public_triples_only(client):
    graph = rdflib.Graph().parse(data=client.get("/void").text, format="turtle")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    dataset = next(graph.subjects(rdflib.RDF.type, void.Dataset))
    assert int(graph.value(dataset, void.triples)) == 44  # 22 reference + 16 praktijk + 6 meta; private left out


@pytest.mark.parametrize("lang,phrase", [("nl", "Voorbeeldqueries"), ("en", "Example queries")])
def test_landing_page(client, lang, phrase):
    html = client.get("/", params={"lang": lang}).text
    assert phrase in html and "44" in html and "kd:Gemeente" in html
    scripts = re.findall(r"<script([^>]*)>", html)  # the vendored editor and its examples, nothing from a CDN
    assert scripts and all('src="/static/' in attrs or 'type="application/json"' in attrs for attrs in scripts)
    assert 'href="http' not in html.split("</head>")[0] and 'src="http' not in html
    assert "kernendemocratie.ttl" in html


def test_landing_examples_run(client):
    import re
    from html import unescape

    html = client.get("/").text
    links = [unescape(h) for h in re.findall(r'href="(/sparql\?[^"]+format=json)"', html)]
    assert links
    for link in links:
        assert len(link.split("?", 1)[1]) <= MAX_BYTES, link
        assert client.get(link).status_code == 200, link


def test_landing_leaves_out_links_over_the_limit(client):
    from graph.sparql import canned_queries

    query = next(q for q in canned_queries() if q.name == "dorpsbudgetten-vergeleken")
    from urllib.parse import urlencode

    assert len(urlencode({"query": query.text})) > MAX_BYTES  # this example cannot travel in a URL here
    html = client.get("/").text
    article = html.split('id="q-dorpsbudgetten-vergeleken"', 1)[1].split("</article>", 1)[0]
    assert "/sparql?" not in article and "POST" in article
    assert client.get("/sparql", params={"query": query.text}).status_code == 413


def test_dumps_listed_and_served(client):
    manifest = client.get("/dumps/").json()
    names = {f["name"] for f in manifest["files"]}
    assert {"kernendemocratie.ttl", "gemeenten.csv"} <= names
    response = client.get("/dumps/gemeenten.csv")
    assert response.status_code == 200 and "GM9901" in response.text


@pytest.mark.parametrize("path", ["/dumps/not-listed.txt", "/dumps/..%2Fmanifest.json", "/dumps/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                                  "/static/..%2Fendpoint.py", "/static/vis-network-9.1.2.min.js"])
def test_no_arbitrary_files(client, path):
    assert client.get(path).status_code == 404


def test_cors_off_by_default(client):
    response = client.get("/sparql", params={"query": CODES}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_when_configured(config):
    allowed = EndpointConfig(config.store, TIMEOUT_S, MAX_ROWS, MAX_BYTES, cors_origins=("https://yasgui.example",))
    with running(allowed) as url, httpx.Client(base_url=url) as test_client:
        ok = test_client.get("/sparql", params={"query": CODES}, headers={"Origin": "https://yasgui.example"})
        other = test_client.get("/sparql", params={"query": CODES}, headers={"Origin": "https://evil.example"})
    assert ok.headers["access-control-allow-origin"] == "https://yasgui.example"
    assert "access-control-allow-origin" not in other.headers


def test_default_graph_uri_refused(client):
    response = client.get("/sparql", params={"query": CODES, "default-graph-uri": "file:///etc/passwd"})
    assert response.status_code == 400 and "message" in response.json()


def test_construct_as_html_page_is_escaped(client):
    query = "CONSTRUCT { <urn:x> <urn:says> ?x } WHERE { BIND('<img src=x onerror=alert(1)>' AS ?x) }"
    response = client.get("/sparql", params={"query": query, "format": "html"})
    assert response.headers["content-type"].startswith("text/html")
    assert "<img" not in response.text and "&lt;img src=x" in response.text


def test_cors_preflight_only_for_configured_origin(config):
    allowed = EndpointConfig(config.store, TIMEOUT_S, MAX_ROWS, MAX_BYTES, cors_origins=("https://yasgui.example",))
    headers = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    with running(allowed) as url, httpx.Client(base_url=url) as c:
        ok = c.options("/sparql", headers={**headers, "Origin": "https://yasgui.example"})
        bad = c.options("/sparql", headers={**headers, "Origin": "https://evil.example"})
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == "https://yasgui.example"
    assert bad.status_code == 400 and "access-control-allow-origin" not in bad.headers


def test_missing_store_is_a_json_503(tmp_path):
    with running(EndpointConfig(str(tmp_path / "none"), TIMEOUT_S, MAX_ROWS, MAX_BYTES)) as url:
        response = httpx.get(url + "/sparql", params={"query": "ASK {}"})
    assert response.status_code == 503 and "kernen build" in response.json()["message"]
