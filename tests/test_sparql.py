"""The safe SPARQL runner: refused forms, syntax errors, row cap, time limit, binding, private graph."""

from __future__ import annotations

import threading
import time

import pyoxigraph as ox
import pytest
from conftest import wait_until_held

from graph.build import Source, build
from graph.namespace import G_PRAKTIJK, G_PRIVATE, G_REFERENCE, KD, iri
from graph.sparql import (QueryRefused, QuerySyntaxError, QueryTimeout, check_query, run_safe,
                          run_text)
from graph.store import open_store

RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
N_GEMEENTEN = 300


def _quads() -> list[ox.Quad]:
    ref, private = ox.NamedNode(str(G_REFERENCE)), ox.NamedNode(str(G_PRIVATE))
    quads = []
    for i in range(1, N_GEMEENTEN + 1):
        g = ox.NamedNode(iri("gemeente", f"GM{i:04d}"))
        quads += [ox.Quad(g, RDF_TYPE, ox.NamedNode(KD.Gemeente), ref),
                  ox.Quad(g, ox.NamedNode(KD.inwoners), ox.Literal(i * 100), ref),
                  ox.Quad(g, RDFS_LABEL, ox.Literal(f"Gemeente {i}"), ref)]
    odd = ox.NamedNode(iri("gemeente", "GM9999"))
    quads.append(ox.Quad(odd, RDFS_LABEL, ox.Literal('Quote " } ; brace'), ref))
    person = ox.NamedNode(iri("persoon", "abcdef012345"))
    quads.append(ox.Quad(person, ox.NamedNode("https://schema.org/email"), ox.Literal("a@b.nl"), private))
    quads.append(ox.Quad(odd, ox.NamedNode(KD.tekst), ox.Literal("praktijk"), ox.NamedNode(str(G_PRAKTIJK))))
    return quads


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("sparql") / "store"
    build(store_dir=path, sources=[Source("test", G_REFERENCE, _quads)], validate=False)
    return str(path)


REFUSED = {
    "insert": "INSERT DATA { <http://a> <http://b> <http://c> }",
    "delete-where": "DELETE WHERE { ?s ?p ?o }",
    "load": "LOAD <file:///etc/passwd>",
    "load-into": "LOAD <http://example.org/data.ttl> INTO GRAPH <http://example.org/g>",
    "clear": "CLEAR ALL",
    "drop": "DROP GRAPH <https://w3id.org/kernendemocratie/graph/reference>",
    "create": "CREATE GRAPH <http://example.org/g>",
    "service": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "service-silent-var": "SELECT * WHERE { SERVICE SILENT ?x { ?s ?p ?o } }",
    "service-in-optional": "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://x/> { ?s ?q ?r } } }",
    "service-in-minus": "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <http://x/> { ?s ?q ?r } } }",
    "service-in-exists": "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://x/> { ?s ?q ?r } } }",
    "service-in-not-exists": "ASK { ?s ?p ?o FILTER NOT EXISTS { SERVICE <http://x/> { ?s ?q ?r } } }",
    "service-in-subquery": "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://x/> { ?s ?q ?r } } } }",
    "service-in-union": "SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <http://x/> { ?s ?q ?r } } }",
    "service-in-construct": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
    "from-file": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "from-url": "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }",
    "from-named-url": "SELECT * FROM NAMED <https://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "from-private": "SELECT * FROM <https://w3id.org/kernendemocratie/graph/private> WHERE { ?s ?p ?o }",
    "graph-private": "SELECT * WHERE { GRAPH <https://w3id.org/kernendemocratie/graph/private> { ?s ?p ?o } }",
    "private-prefixed": "PREFIX g: <https://w3id.org/kernendemocratie/graph/> "
                        "SELECT * WHERE { GRAPH g:private { ?s ?p ?o } }",
    "nested-too-deeply": "SELECT * WHERE " + "{" * 3000 + "}" * 3000,
    "private-relative": "BASE <https://w3id.org/kernendemocratie/graph/> "
                        "SELECT * WHERE { GRAPH <private> { ?s ?p ?o } }",
}


@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
def test_refused_before_running(text, store_dir):
    with pytest.raises(QueryRefused):
        run_safe(text, store=store_dir)


ALLOWED = {
    "select": ("SELECT * WHERE { ?s ?p ?o }", "select"),
    "ask": ("ASK { ?s ?p ?o }", "ask"),
    "construct": ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "construct"),
    "describe": ("DESCRIBE <http://example.org/x>", "describe"),
    "our-prefixes-predeclared": ("SELECT ?g WHERE { ?g a kd:Gemeente }", "select"),
    "word-service-in-string": ('SELECT * WHERE { ?s ?p "SERVICE <http://x/>" }', "select"),
    "service-as-variable-and-name": ("PREFIX service: <http://x/> SELECT ?service WHERE { ?service service:SERVICE ?o }"
                                     " # SERVICE", "select"),
}


@pytest.mark.parametrize("text, form", ALLOWED.values(), ids=ALLOWED.keys())
def test_allowed_forms(text, form):
    assert check_query(text).form == form


SYNTAX = {
    "missing-object": ("SELECT ?s WHERE {\n  ?s ?p\n}", 3, 1),
    "unclosed-group": ("SELECT * WHERE { ?s ?p ?o ", 1, 26),
    "typo-keyword": ("SELEC ?s WHERE { ?s ?p ?o }", 1, None),
}


@pytest.mark.parametrize("text, line, column", SYNTAX.values(), ids=SYNTAX.keys())
def test_syntax_error_has_position_and_hint(text, line, column):
    with pytest.raises(QuerySyntaxError) as info:
        check_query(text)
    assert info.value.line == line
    if column is not None:
        assert info.value.column == column
    assert info.value.hint
    assert "^" in info.value.pointer()


def test_unknown_prefix_is_a_syntax_error():
    with pytest.raises(QuerySyntaxError, match="foo"):
        check_query("SELECT * WHERE { ?s foo:bar ?o }")


def test_row_cap_marks_truncated(store_dir):
    result = run_safe("SELECT ?g WHERE { ?g a kd:Gemeente }", store=store_dir, max_rows=10)
    assert len(result.rows) == 10 and result.truncated
    full = run_safe("SELECT ?g WHERE { ?g a kd:Gemeente }", store=store_dir, max_rows=N_GEMEENTEN)
    assert len(full.rows) == N_GEMEENTEN and not full.truncated


def test_construct_is_capped_too(store_dir):
    result = run_safe("CONSTRUCT { ?g a kd:Gemeente } WHERE { ?g a kd:Gemeente }", store=store_dir, max_rows=5)
    assert result.kind == "graph" and result.truncated
    assert result.triples.count(b"\n") == 5


HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?q ?o2 . ?c ?r ?o3 }"  # ~10^9 rows


def test_timeout_really_stops_the_query_and_the_pool_recovers(store_dir):
    start = time.monotonic()
    with pytest.raises(QueryTimeout):
        run_safe(HEAVY, store=store_dir, timeout=1)
    assert time.monotonic() - start < 3
    assert run_safe("ASK { ?s ?p ?o }", store=store_dir).boolean is True


def _two_workers_ready(store_dir) -> None:
    other = threading.Thread(target=run_safe, args=("ASK { ?s ?p ?o }",), kwargs={"store": store_dir})
    other.start()
    run_safe("ASK { ?s ?p ?o }", store=store_dir)
    other.join()


@pytest.mark.slow  # a heavy query on purpose
def test_a_heavy_query_does_not_block_others(store_dir):
    from graph.sparql.pool import default_pool

    _two_workers_ready(store_dir)
    pool = default_pool()
    heavy = threading.Thread(target=lambda: pytest.raises(QueryTimeout, run_safe, HEAVY,
                                                          store=store_dir, timeout=2.5))
    heavy.start()
    wait_until_held(pool, "fast", 1)  # the heavy query has its worker
    result = run_safe("SELECT (COUNT(*) AS ?n) WHERE { ?g a kd:Gemeente }", store=store_dir)
    assert heavy.is_alive()  # answered while the heavy query still runs, not after its time limit
    assert result.records() == [{"n": N_GEMEENTEN}]
    heavy.join()


def test_private_graph_is_invisible(store_dir):
    everywhere = "SELECT ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } FILTER(isLiteral(?o)) }"
    values = {r["o"] for r in run_safe(everywhere, store=store_dir).records()}
    assert "a@b.nl" not in values and "praktijk" in values
    graphs = run_safe("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", store=store_dir).column("g")
    assert str(G_PRIVATE) not in graphs and str(G_REFERENCE) in graphs


def test_from_names_a_public_graph(store_dir):
    text = f"SELECT ?o FROM <{G_PRAKTIJK}> WHERE {{ ?s kd:tekst ?o }}"
    assert run_safe(text, store=store_dir).records() == [{"o": "praktijk"}]


def test_values_are_bound_not_pasted(store_dir):
    text = "SELECT ?g WHERE { ?g rdfs:label ?naam }"
    hostile = 'Quote " } ; brace'
    result = run_safe(text, store=store_dir, params={"naam": hostile})
    assert result.records() == [{"g": str(iri("gemeente", "GM9999")), "naam": hostile}] or \
        result.column("g") == [str(iri("gemeente", "GM9999"))]
    injection = '"} } ; DROP ALL ; SELECT * { ?s ?p ?o'
    assert run_safe(text, store=store_dir, params={"naam": injection}).rows == []


def test_bound_integer_in_filter_of_an_aggregate(store_dir):
    text = "SELECT (COUNT(?g) AS ?n) WHERE { ?g kd:inwoners ?i FILTER(?i > ?min) }"
    assert run_safe(text, store=store_dir, params={"min": 29_000}).records() == [{"n": 10}]


def test_run_text_types_command_line_values(store_dir):
    text = "ASK { ?g kd:inwoners ?i FILTER(?i = ?n) }"
    assert run_text(text, params={"n": "100"}, store=store_dir).boolean is True


def test_run_text_uses_a_param_header(store_dir):
    text = "# param: n integer = 200 | aantal\nASK { ?g kd:inwoners ?i FILTER(?i = ?n) }"
    assert run_text(text, store=store_dir).boolean is True
    with pytest.raises(ValueError, match="onbekende parameter"):
        run_text(text, params={"m": "1"}, store=store_dir)


def test_engine_syntax_error_in_worker_is_a_syntax_error(store_dir):
    # rdflib accepts a projection of an ungrouped variable; Oxigraph refuses it
    with pytest.raises((QuerySyntaxError, RuntimeError)):
        run_safe("SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", store=store_dir)


def test_new_build_is_seen_by_open_store(tmp_path):
    path = tmp_path / "store"
    one = ox.Quad(ox.NamedNode(iri("gemeente", "GM0001")), RDFS_LABEL, ox.Literal("een"),
                  ox.NamedNode(str(G_REFERENCE)))
    two = ox.Quad(one.subject, RDFS_LABEL, ox.Literal("twee"), one.graph_name)
    build(store_dir=path, sources=[Source("a", G_REFERENCE, lambda: [one])], validate=False)
    store = open_store(path)
    assert store.query("SELECT ?l WHERE { ?s rdfs:label ?l }").column("l") == ["een"]
    build(store_dir=path, sources=[Source("a", G_REFERENCE, lambda: [two])], validate=False)
    assert store.query("SELECT ?l WHERE { ?s rdfs:label ?l }").column("l") == ["twee"]
    assert run_safe("SELECT ?l WHERE { ?s rdfs:label ?l }", store=store).column("l") == ["twee"]


def test_a_killed_idle_worker_is_replaced(store_dir):
    from graph.sparql.pool import default_pool

    _two_workers_ready(store_dir)
    pool = default_pool()
    for worker in list(pool._workers):
        worker.process.kill()
        worker.process.wait()
    assert run_safe("ASK { ?s ?p ?o }", store=store_dir).boolean is True


def test_warm_pool_starts_its_workers(store_dir):
    from graph.sparql.pool import Job, QueryPool
    from graph.store import open_store

    pool = QueryPool(size=2)
    version = str(open_store(store_dir).version)
    try:
        pool.warm(version, wait=True)  # also opens the store in each worker and loads its copy
        assert len(pool._workers) == 2 and all(w.process.poll() is None for w in pool._workers)
        assert len(pool._idle) == 2
        job = Job(version, "ASK { ?s ?p ?o }", True, 10)
        assert pool.run(job, timeout=10).boolean is True
    finally:
        pool.close()
    assert pool._workers == []


def test_a_memory_hungry_query_stops_its_worker_not_the_machine(store_dir):
    from graph.sparql import QueryFailed

    hungry = "SELECT * WHERE { ?a ?p ?o . ?b ?q ?o2 . ?c ?r ?o3 } ORDER BY ?o ?o2 ?o3"  # sorts ~10^9 rows
    with pytest.raises((QueryFailed, QueryTimeout)):
        run_safe(hungry, store=store_dir, timeout=20)
    assert run_safe("ASK { ?s ?p ?o }", store=store_dir).boolean is True
