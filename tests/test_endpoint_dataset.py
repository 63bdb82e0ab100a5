"""The dataset description on ``kernen serve``: counts equal to the RDF merge, per-graph licences and
sources, DCAT with version and dates, dumps under their version and ``latest``."""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest
import rdflib

from graph.endpoint import EndpointConfig
from graph.export.data import export_data
from graph.namespace import G_ONTOLOGY, G_PRAKTIJK, G_REFERENCE
from graph.sources.provenance import CC_BY_4, EUPL_1_2, graph_provenance
from graph.store import open_store
from sample_store import sample_quads
from test_endpoint import running

DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")


@pytest.fixture(scope="module")
def client(tmp_path_factory, disk_store):
    """The sample store with one triple stated in two graphs (the merge has it once)."""
    quads = sample_quads()
    first = next(q for q in quads if q.graph_name.value == str(G_REFERENCE))
    twice = ox.Quad(first.subject, first.predicate, first.object, ox.NamedNode(str(G_PRAKTIJK)))
    store = disk_store([*quads, twice], "dataset")
    dumps = tmp_path_factory.mktemp("dumps")
    export_data(open_store(str(store)), dumps, formats=["nt"])
    with running(EndpointConfig(str(store), 5.0, 100, 4000, dumps=dumps)) as url, \
            httpx.Client(base_url=url, timeout=30) as c:
        yield c


def _graph(client, path: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=client.get(path).text, format="turtle")


def test_counts_are_those_of_the_merge(client):
    merged = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                                                    "WHERE { ?s ?p ?o } }"}).json()
    n = int(merged["results"]["bindings"][0]["n"]["value"])
    void = _graph(client, "/void")
    dataset = next(void.subjects(rdflib.RDF.type, DCAT.Dataset))
    assert int(void.value(dataset, VOID.triples)) == n
    sd = _graph(client, "/service-description")
    default = next(sd.objects(None, SD.defaultGraph))
    assert int(sd.value(default, VOID.triples)) == n
    subsets = sum(int(void.value(s, VOID.triples)) for s in void.objects(dataset, VOID.subset))
    assert subsets == n + 1  # the triple stated in two graphs counts in both subsets, once in the merge


def test_dcat_has_version_dates_and_distributions(client):
    void = _graph(client, "/void")
    dataset = next(void.subjects(rdflib.RDF.type, DCAT.Dataset))
    version = str(void.value(dataset, DCAT.version))
    assert len(version) == 16 and version.endswith("Z")
    assert void.value(dataset, DCT.issued) is not None and void.value(dataset, DCT.modified) is not None
    urls = [str(void.value(d, DCAT.downloadURL)) for d in void.objects(dataset, DCAT.distribution)
            if void.value(d, DCAT.downloadURL)]
    assert any(u.endswith(f"/dumps/{version}/kernendemocratie.nt") for u in urls)
    assert any(void.value(d, DCAT.accessService) for d in void.objects(dataset, DCAT.distribution))


def test_dumps_by_version_and_latest(client):
    version = client.get("/dumps/").json()["built"][:19].replace("-", "").replace(":", "") + "Z"
    by_version = client.get(f"/dumps/{version}/kernendemocratie.nt")
    latest = client.get("/dumps/latest/kernendemocratie.nt")
    assert by_version.status_code == latest.status_code == 200 and by_version.content == latest.content
    assert f"kernendemocratie-{version}.nt" in by_version.headers["content-disposition"]
    old = client.get("/dumps/20000101T000000Z/kernendemocratie.nt")
    assert old.status_code == 404 and version in old.json()["message"]


@pytest.mark.parametrize("graph, licence", [(G_REFERENCE, CC_BY_4), (G_ONTOLOGY, EUPL_1_2)])
def test_each_graph_has_its_own_licence(graph, licence):
    licences = {q.object.value for q in graph_provenance(graph) if q.predicate.value == str(DCT.license)}
    assert licences == {licence}


def test_practice_graph_claims_no_licence_but_says_what_holds():
    quads = graph_provenance(G_PRAKTIJK)
    assert not [q for q in quads if q.predicate.value == str(DCT.license)]
    rights = [q.object.value for q in quads if q.predicate.value == str(DCT.rights)]
    assert rights and "SOURCES.md" in rights[0]
