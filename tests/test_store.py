"""The store: opening, read-only use, graphs and counts, dumps without the private graph, results."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pyoxigraph as ox
import pytest

from graph.build import Source, build
from graph.namespace import G_META, G_PRAKTIJK, G_PRIVATE, G_REFERENCE, KD, iri
from graph.store import PUBLIC_COPY, LocalStore, StoreMissing, bind_values, memory_copy, open_store
from graph.store.binding import where_brace
from graph.store.results import XSD, QueryResult, Term

LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
G1 = ox.NamedNode(iri("gemeente", "GM9001"))


def _quads() -> list[ox.Quad]:
    ref, prak, private = (ox.NamedNode(str(g)) for g in (G_REFERENCE, G_PRAKTIJK, G_PRIVATE))
    return [ox.Quad(G1, LABEL, ox.Literal("Aadorp"), ref),
            ox.Quad(G1, ox.NamedNode(KD.inwoners), ox.Literal(3000), ref),
            ox.Quad(G1, ox.NamedNode(KD.tekst), ox.Literal("tekst", language="nl"), prak),
            ox.Quad(ox.NamedNode(iri("persoon", "0123456789ab")), LABEL, ox.Literal("Geheime Naam"), private)]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "store"
    build(store_dir=path, sources=[Source("test", G_REFERENCE, _quads)], validate=False)
    return path


def test_missing_store_says_what_to_do(tmp_path):
    with pytest.raises(StoreMissing, match="kernen build"):
        open_store(tmp_path / "nothing")


def test_open_store_is_read_only(store_dir):
    store = open_store(store_dir)
    assert isinstance(store, LocalStore) and store.read_only
    with pytest.raises((OSError, RuntimeError)):
        store.oxigraph.add(ox.Quad(G1, LABEL, ox.Literal("x")))


def test_graphs_hide_private_unless_asked(store_dir):
    store = open_store(store_dir)
    public = store.graphs()
    assert str(G_PRIVATE) not in public and str(G_REFERENCE) in public
    assert str(G_PRIVATE) in store.graphs(include_private=True)


def test_counts(store_dir):
    store = open_store(store_dir)
    assert store.count(str(G_REFERENCE)) == 2
    private = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o FILTER(?s != ?g) } }",
                          bindings={"g": G_PRIVATE}, include_private=True).column("n")
    assert private == [1]  # the person; besides it, the private graph's own description
    assert store.count(str(G_META)) > 0  # provenance of each public graph
    assert store.count() == 3 + store.count(str(G_META)) + store.count(str(G_PRIVATE))


def test_trusted_query_binds_and_hides_private(store_dir):
    store = open_store(store_dir)
    assert store.query("SELECT ?s WHERE { ?s rdfs:label ?l }", bindings={"l": "Geheime Naam"}).rows == []
    found = store.query("SELECT ?s WHERE { ?s rdfs:label ?l }", bindings={"l": "Geheime Naam"},
                        include_private=True)
    assert found.column("s") == [str(iri("persoon", "0123456789ab"))]


@pytest.mark.parametrize("fmt", ["nt", "nq", "ttl", "trig", "jsonld", "rdfxml"])
def test_dump_leaves_out_private(fmt, store_dir):
    data = open_store(store_dir).dump(fmt)
    assert b"Aadorp" in data and b"Geheime Naam" not in data


def test_dump_with_private_on_request(store_dir):
    assert b"Geheime Naam" in open_store(store_dir).dump("nq", include_private=True)


def test_public_queries_run_on_the_in_memory_copy_with_the_same_answers(store_dir):
    on_copy, on_disk = LocalStore(store_dir, memory_mb=50), LocalStore(store_dir, memory_mb=0)
    assert on_copy.public_copy(wait=True) is not None and on_disk.public_copy(wait=True) is None
    text = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    rows = sorted(map(str, on_copy.query(text).rows))
    assert rows == sorted(map(str, on_disk.query(text).rows)) and len(rows) > 3
    assert "Geheime Naam" not in json.dumps(on_copy.query("SELECT ?o WHERE { ?s ?p ?o }").records(), default=str)
    assert on_copy.query("SELECT ?o WHERE { ?s rdfs:label ?o }", include_private=True).column("o").count("Geheime Naam") == 1


def test_the_copy_follows_a_new_build_and_respects_its_size_limit(tmp_path):
    path = tmp_path / "store"
    build(store_dir=path, sources=[Source("test", G_REFERENCE, _quads)], validate=False)
    store = LocalStore(path, memory_mb=50)
    assert store.query("SELECT ?n WHERE { ?g kd:inwoners ?n }").column("n") == [3000]
    more = ox.Quad(G1, ox.NamedNode(KD.inwoners), ox.Literal(4000), ox.NamedNode(str(G_REFERENCE)))
    build(store_dir=path, sources=[Source("test", G_REFERENCE, lambda: [*_quads(), more])], validate=False)
    assert sorted(store.query("SELECT ?n WHERE { ?g kd:inwoners ?n }").column("n")) == [3000, 4000]
    assert store.public_copy(wait=True) is not None
    assert memory_copy(path.resolve(), 0, wait=True) is None  # 0: always on disk
    small = (path.resolve() / PUBLIC_COPY).stat().st_size / 2 / 1_000_000
    assert memory_copy(path.resolve(), small, wait=True) is None  # larger than the limit: on disk


def test_dump_unknown_format(store_dir):
    with pytest.raises(ValueError, match="kies uit"):
        open_store(store_dir).dump("xlsx")


TERMS = {
    "integer": (Term("literal", "42", XSD + "integer"), 42),
    "decimal": (Term("literal", "0.35", XSD + "decimal"), Decimal("0.35")),
    "double": (Term("literal", "1.5E0", XSD + "double"), 1.5),
    "boolean": (Term("literal", "true", XSD + "boolean"), True),
    "date": (Term("literal", "2024-01-01", XSD + "date"), dt.date(2024, 1, 1)),
    "gYear": (Term("literal", "2021", XSD + "gYear"), 2021),
    "lang-string": (Term("literal", "dorp", lang="nl"), "dorp"),
    "iri": (Term("uri", "https://example.org/x"), "https://example.org/x"),
    "ill-typed-integer": (Term("literal", "veel", XSD + "integer"), "veel"),
}


@pytest.mark.parametrize("term, value", TERMS.values(), ids=TERMS.keys())
def test_term_python_values(term, value):
    assert term.py == value and type(term.py) is type(value)


def test_sparql_json_csv_tsv():
    rows = [[Term("uri", "https://example.org/x"), Term("literal", "a\tb", lang="nl")], [None, None]]
    result = QueryResult("select", columns=["s", "l"], rows=rows)
    assert result.to_sparql_json() == {"head": {"vars": ["s", "l"]}, "results": {"bindings": [
        {"s": {"type": "uri", "value": "https://example.org/x"},
         "l": {"type": "literal", "value": "a\tb", "xml:lang": "nl"}}, {}]}}
    assert result.to_csv() == "s,l\r\nhttps://example.org/x,a\tb\r\n,\r\n"
    assert result.to_tsv() == '?s\t?l\n<https://example.org/x>\t"a\\tb"@nl\n\t\n'
    assert json.dumps(QueryResult("ask", boolean=True).to_sparql_json()) == '{"head": {}, "boolean": true}'


WHERE = {
    "select": ("SELECT * WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    "no-where-keyword": ("SELECT * { ?s ?p ?o }", "{ ?s ?p ?o }"),
    "construct-template": ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?q ?o }", "{ ?s ?q ?o }"),
    "construct-no-where": ("CONSTRUCT { ?s ?p ?o } { ?s ?q ?o }", "{ ?s ?q ?o }"),
    "exists-in-projection": ("SELECT (EXISTS { ?a ?b ?c } AS ?e) WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    "brace-in-string-and-comment": ('SELECT * # { not here\nWHERE { ?s ?p "}" }', '{ ?s ?p "}" }'),
    "subquery-where": ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", "{ { SELECT ?s WHERE { ?s ?p ?o } } }"),
    "prefix-iri": ("PREFIX x: <http://x/{}> SELECT * WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
}


@pytest.mark.parametrize("text, group", WHERE.values(), ids=WHERE.keys())
def test_where_brace(text, group):
    assert text[where_brace(text):] == group


def test_bound_values_are_serialised_terms():
    text = bind_values("SELECT * WHERE { ?s ?p ?o }", {"o": 'x" } ; DROP ALL #', "n": 3})
    assert text == ('SELECT * WHERE { VALUES (?o ?n) { ("x\\" } ; DROP ALL #" '
                    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>) } ?s ?p ?o }')


def test_bad_variable_name_refused():
    with pytest.raises(ValueError, match="variable name"):
        bind_values("SELECT * WHERE { ?s ?p ?o }", {"o) } DROP ALL": 1})
