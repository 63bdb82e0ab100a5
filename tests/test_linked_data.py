"""Our IRIs dereference on ``kernen serve``: ``/id/...`` and ``/def`` give a page with links for people
and Turtle, JSON-LD or N-Triples by content negotiation; the private graph stays out."""

from __future__ import annotations

import json
import re

import httpx
import pyoxigraph as ox
import pytest
import rdflib

from graph.endpoint import EndpointConfig
from graph.namespace import G_ONTOLOGY, KD, PREFIXES, iri
from sample_store import SECRET_NAME, sample_quads
from test_endpoint import running

GEMEENTE = str(iri("gemeente", "GM9901"))
TERM = ox.Quad(ox.NamedNode(str(KD.Gemeente)), ox.NamedNode(PREFIXES["rdfs"] + "label"),
               ox.Literal("Gemeente", language="nl"), ox.NamedNode(str(G_ONTOLOGY)))


@pytest.fixture(scope="module")
def client(disk_store):
    store = disk_store([*sample_quads(), TERM], "linked")
    with running(EndpointConfig(str(store), 5.0, 100, 4000)) as url, httpx.Client(base_url=url, timeout=30) as c:
        yield c


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                         ("application/ld+json", "json-ld")])
def test_rdf_by_content_negotiation(client, accept, fmt):
    response = client.get("/id/gemeente/GM9901", headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    assert response.headers["vary"] == "Accept"
    graph = rdflib.Graph().parse(data=response.text, format=fmt)
    subject = rdflib.URIRef(GEMEENTE)
    assert str(graph.value(subject, rdflib.RDFS.label)) == "Noorderdorpen"
    assert (subject, rdflib.URIRef(str(KD.code)), rdflib.Literal("GM9901")) in graph
    assert (rdflib.URIRef(str(iri("kern", "9901"))), rdflib.URIRef(str(KD.gemeente)), subject) in graph  # links in


def test_a_browser_gets_a_page_with_links_between_pages(client):
    page = client.get("/id/gemeente/GM9901", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html") and "<h1>Noorderdorpen</h1>" in page.text
    assert 'href="/id/provincie/PV99"' in page.text and 'href="/id/kern/9901"' in page.text
    assert 'href="/def#Gemeente"' in page.text
    kern = client.get("/id/kern/9901", headers={"Accept": "text/html"})
    assert 'href="/id/gemeente/GM9901"' in kern.text


def test_format_parameter_for_browsers(client):
    response = client.get("/id/gemeente/GM9901", params={"format": "jsonld"}, headers={"Accept": "text/html"})
    assert response.headers["content-type"].startswith("application/ld+json")
    assert json.loads(response.text)


def test_ontology_terms_dereference_to_their_section(client):
    page = client.get("/def", headers={"Accept": "text/html"})
    assert re.search(r'<section id="Gemeente">', page.text)
    turtle = rdflib.Graph().parse(data=client.get("/def", headers={"Accept": "text/turtle"}).text, format="turtle")
    assert str(turtle.value(rdflib.URIRef(str(KD.Gemeente)), rdflib.RDFS.label)) == "Gemeente"


@pytest.mark.parametrize("path", ["/id/gemeente/GM0000", "/id/persoon/0123456789ab", "/id/gemeente/..%2F..%2Fx"])
def test_unknown_and_private_resources_are_404(client, path):
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 404 and SECRET_NAME not in response.text
