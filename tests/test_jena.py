"""A second engine agrees: the canned queries and ten more give the same rows in Apache Jena ARQ (on the
N-Triples dump, the RDF merge of the public graphs) as through ``run_safe`` on the store.

Rows are compared as multisets (ties in ORDER BY may come in any order), numbers by value, and the
values of GROUP_CONCAT columns as sets of their parts (the order of an aggregate is not defined).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation

import pytest

from conftest import require_tool
from graph.namespace import sparql_prefixes
from graph.sparql import canned_queries, run_safe, start_worker
from graph.sparql.canned import bind_params
from graph.store import bind_values, open_store

pytestmark = pytest.mark.slow  # the whole bundled store, dumped and loaded into Jena (a JVM)

MORE = {
    "optional-unbound": "SELECT ?g ?w WHERE { ?g a kd:Gemeente ; kd:code ?c . OPTIONAL { ?g kd:website ?w } "
                        "FILTER(STRSTARTS(?c, 'GM19')) }",
    "not-exists": "SELECT ?p WHERE { ?p a kd:Provincie FILTER NOT EXISTS { ?g kd:provincie ?p ; kd:inwoners ?n "
                  "FILTER(?n > 500000) } }",
    "minus": "SELECT ?k WHERE { ?k a kd:Kern ; kd:gemeente ?g . ?g kd:code 'GM1900' MINUS "
             "{ ?k rdfs:label ?l FILTER(STRSTARTS(?l, 'A')) } }",
    "path": "SELECT ?b ?gl WHERE { ?b a kd:Buurt ; kd:code ?c ; kd:wijk/kd:gemeente/rdfs:label ?gl "
            "FILTER(STRSTARTS(?c, 'BU0014')) }",
    "group-having": "SELECT ?p (COUNT(?g) AS ?n) (SUM(?i) AS ?inw) (MAX(?i) AS ?max) WHERE { ?g kd:provincie ?p ; "
                    "kd:inwoners ?i } GROUP BY ?p HAVING (COUNT(?g) > 20)",
    "distinct-count": "SELECT (COUNT(DISTINCT ?p) AS ?preds) (COUNT(*) AS ?all) WHERE { ?s ?p ?o }",
    "lang-tags": "SELECT ?c ?l WHERE { ?c a skos:Concept ; skos:prefLabel ?l FILTER(LANG(?l) = 'en') }",
    "bind-values": "SELECT ?code ?naam ?groot WHERE { VALUES ?code { 'GM1900' 'GM0014' 'GM0363' } "
                   "?g kd:code ?code ; rdfs:label ?naam ; kd:inwoners ?i BIND(?i > 100000 AS ?groot) }",
    "union-subquery": "SELECT ?x ?n WHERE { { SELECT ?x (COUNT(*) AS ?n) WHERE { ?s a ?x } GROUP BY ?x } "
                      "UNION { BIND('totaal' AS ?x) { SELECT (COUNT(*) AS ?n) WHERE { ?s a kd:Bron } } } }",
    "ask-and-regex": "SELECT ?g ?l WHERE { ?g a kd:Gemeente ; rdfs:label ?l FILTER(REGEX(?l, '^[ÁA-Z]+$', 'i')) "
                     "} ORDER BY ?l LIMIT 30",
}
LIST_SEPARATORS = (" | ", "; ")


@pytest.fixture(scope="module")
def engines(tmp_path_factory, real_store):
    """(our results, Jena's results) per query name, on the store of the bundled data."""
    require_tool("arq")
    from jena import JenaRun

    tmp = tmp_path_factory.mktemp("jena")
    start_worker(str(real_store))  # our query worker loads the store while the dump is written
    store = open_store(real_store)
    (tmp / "public.nt").write_bytes(store.dump("nt"))
    texts = {q.name: bind_values(q.text, bind_params(q, {}, store=store)) for q in canned_queries()
             if all(p.default is not None for p in q.params)}
    texts |= MORE
    with JenaRun(tmp / "public.nt", {n: sparql_prefixes() + t for n, t in texts.items()}, tmp) as jena:
        ours = {name: run_safe(text, store=store, max_rows=100_000, timeout=60) for name, text in texts.items()}
        theirs = jena.results(600)
    return ours, theirs


def _number(value: str) -> object:
    try:
        return Decimal(value).normalize()
    except InvalidOperation:
        return value


def _term(binding: dict | None, column: str, aggregated: set[str]) -> tuple:
    if binding is None:
        return ("unbound",)
    kind, value = binding["type"], binding["value"]
    datatype = binding.get("datatype", "")
    if kind == "bnode":
        return ("bnode",)
    if datatype.endswith(("#integer", "#decimal", "#double", "#float", "#int", "#long")):
        return ("number", _number(value))
    if column in aggregated:
        parts = value
        for sep in LIST_SEPARATORS:
            parts = parts.replace(sep, "\x00")
        value = tuple(sorted(parts.split("\x00")))
    return (kind.replace("typed-literal", "literal"), value, binding.get("xml:lang", ""))


def _rows(data: dict, aggregated: set[str]) -> Counter:
    if "boolean" in data:
        return Counter([("ask", data["boolean"])])
    columns = data["head"]["vars"]
    return Counter(tuple(_term(row.get(c), c, aggregated) for c in columns) for row in data["results"]["bindings"])


def _aggregated(name: str) -> set[str]:
    """The columns of a query that GROUP_CONCAT fills."""
    text = {q.name: q.text for q in canned_queries()}.get(name, MORE.get(name, ""))
    return {part.split("AS ?")[1].split(")")[0] for part in text.split("GROUP_CONCAT")[1:]}


@pytest.mark.parametrize("name", [q.name for q in canned_queries()] + list(MORE))
def test_jena_gives_the_same_rows(engines, name):
    ours, theirs = engines
    if name not in theirs:
        pytest.skip(f"{name} needs a parameter value without default")
    aggregated = _aggregated(name)
    mine = _rows(ours[name].to_sparql_json(), aggregated)
    other = _rows(theirs[name], aggregated)
    assert sum(mine.values()) == sum(other.values()), f"{name}: {sum(mine.values())} rows here, {sum(other.values())} in Jena"
    assert mine == other, f"{name}: only here {list((mine - other).items())[:3]}, only in Jena {list((other - mine).items())[:3]}"


def test_every_canned_query_runs_in_jena(engines):
    ours, theirs = engines
    assert len(theirs) >= 15 + len(MORE) - sum(1 for q in canned_queries() if any(p.default is None for p in q.params))
