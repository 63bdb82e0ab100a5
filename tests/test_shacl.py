"""SHACL: the built graph conforms, a broken record is named, and graph.build.shacl agrees with pyshacl."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib

from graph.errors import InputError
from graph.namespace import G_PRAKTIJK, G_REFERENCE, KD, iri
from graph.sources.ontology import ONTOLOGY_DIR, build_ontology
from graph.sources.praktijk import build_praktijk
from graph.sources.reference import build_reference
from graph.settings import DEFAULT_DATA
from graph.build.shacl import SHAPES_FILE, assert_valid, compile_shapes, validate

PREFIXES = """
@prefix kd: <https://w3id.org/kernendemocratie/def#> .
@prefix id: <https://w3id.org/kernendemocratie/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
"""
VALID = """
<https://w3id.org/kernendemocratie/id/provincie/PV21> a kd:Provincie ; kd:code "PV21" ; rdfs:label "Fryslân" .
<https://w3id.org/kernendemocratie/id/gemeente/GM1900> a kd:Gemeente ; kd:code "GM1900" ; rdfs:label "Súdwest-Fryslân" ;
    kd:provincie <https://w3id.org/kernendemocratie/id/provincie/PV21> ; kd:inwoners 90421 ; kd:stedelijkheid 4 .
<https://w3id.org/kernendemocratie/id/kern/2001> a kd:Kern ; kd:code "2001" ; rdfs:label "Abbega" ;
    kd:gemeente <https://w3id.org/kernendemocratie/id/gemeente/GM1900> ; kd:corop "CR04" .
<https://w3id.org/kernendemocratie/id/bron/0123456789ab> a kd:Bron ; kd:url "https://example.org/a"^^xsd:anyURI ;
    rdfs:label "example.org" .
<https://w3id.org/kernendemocratie/id/bedrag/b1> a kd:Bedrag ; kd:waarde 1000.5 ; kd:eenheid "EUR" ;
    kd:peiljaar "2021"^^xsd:gYear ; dcterms:source <https://w3id.org/kernendemocratie/id/bron/0123456789ab> .
"""
# id: (extra or replacement Turtle, expected (focus key, path local name or None, component))
CASES = {
    "conforms": ("", set()),
    "min-count": ("<https://w3id.org/kernendemocratie/id/kern/2002> a kd:Kern ; kd:code '2002' ; rdfs:label 'X' .",
                  {("kern/2002", "gemeente", "MinCount")}),
    "max-count": ("<https://w3id.org/kernendemocratie/id/kern/2001> rdfs:label 'Abbegea' .",
                  {("kern/2001", "label", "MaxCount")}),
    "datatype": ("<https://w3id.org/kernendemocratie/id/gemeente/GM1900> kd:huishoudens '12' .",
                 {("gemeente/GM1900", "huishoudens", "Datatype"), ("gemeente/GM1900", "huishoudens", "MinInclusive")}),
    "class": ("<https://w3id.org/kernendemocratie/id/kern/2001> kd:gemeente <https://w3id.org/kernendemocratie/id/provincie/PV21> .",
              {("kern/2001", "gemeente", "Class"), ("kern/2001", "gemeente", "MaxCount")}),
    "in": ("<https://w3id.org/kernendemocratie/id/bedrag/b2> a kd:Bedrag ; kd:waarde 5.0 ; kd:eenheid 'euro' ;"
           " dcterms:source <https://w3id.org/kernendemocratie/id/bron/0123456789ab> .",
           {("bedrag/b2", "eenheid", "In")}),
    "pattern": ("<https://w3id.org/kernendemocratie/id/kern/2003> a kd:Kern ; kd:code '20034' ; rdfs:label 'Y' ;"
                " kd:gemeente <https://w3id.org/kernendemocratie/id/gemeente/GM1900> .",
                {("kern/2003", "code", "Pattern")}),
    "node-kind-of-value": ("<https://w3id.org/kernendemocratie/id/provincie/PV21> <http://www.w3.org/2002/07/owl#sameAs> 'PV21' .",
                           {("provincie/PV21", "sameAs", "NodeKind")}),
    "node-kind-of-record": ("[] a kd:Bron ; kd:url 'https://example.org/b'^^xsd:anyURI ; rdfs:label 'b' .",
                            {("_", None, "NodeKind")}),
    "range": ("<https://w3id.org/kernendemocratie/id/gemeente/GM1900> kd:stedelijkheid 7 .",
              {("gemeente/GM1900", "stedelijkheid", "MaxInclusive"), ("gemeente/GM1900", "stedelijkheid", "MaxCount")}),
    "min-count-of-two": ("<https://w3id.org/kernendemocratie/id/instrument/x> a kd:Instrument ; skos:prefLabel 'X'@nl ;"
                         " skos:inScheme <https://w3id.org/kernendemocratie/id/scheme/themas> .",
                         {("instrument/x", name, "MinCount") for name in
                          ("prefLabel", "definition", "groep", "invloedZeggenschap", "rol", "source")}
                         | {("instrument/x", "inScheme", "In")}),
    "incomparable": ("<https://w3id.org/kernendemocratie/id/bedrag/b1> kd:waarde 'veel' .",
                     {("bedrag/b1", "waarde", "MaxCount"), ("bedrag/b1", "waarde", "Datatype"),
                      ("bedrag/b1", "waarde", "MinInclusive")}),
}


def key(focus: str, path: str | None, component: str) -> tuple:
    local = None if path is None else path.replace("#", "/").rsplit("/", 1)[-1]
    name = "_" if not focus.startswith("http") else focus.split("/id/", 1)[-1]
    return (name, local, component)


def ours(turtle: str) -> set[tuple]:
    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(str(G_REFERENCE)))
             for t in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)]
    return {key(v.focus, v.path, v.component) for v in validate(quads)}


def theirs(turtle: str) -> set[tuple]:
    import pyshacl

    data = rdflib.Graph().parse(data=turtle, format="turtle")
    shapes = rdflib.Graph().parse(ONTOLOGY_DIR / SHAPES_FILE)
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    found = set()
    for result in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = report.value(result, sh.focusNode)
        path = report.value(result, sh.resultPath)
        component = str(report.value(result, sh.sourceConstraintComponent)).rsplit("#", 1)[1]
        found.add(key(str(focus) if isinstance(focus, rdflib.URIRef) else "_", path and str(path),
                      component.removesuffix("ConstraintComponent")))
    return found


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_same_violations_as_pyshacl(case):
    extra, expected = CASES[case]
    turtle = PREFIXES + VALID + extra
    assert ours(turtle) == expected
    assert theirs(turtle) == expected


@pytest.fixture(scope="module")
def full_store() -> ox.Store:
    store = ox.Store()
    store.bulk_extend(build_ontology() + build_reference(DEFAULT_DATA) + build_praktijk(DEFAULT_DATA))
    return store


@pytest.mark.slow  # SHACL over the whole reference and practice data
def test_full_graph_conforms(full_store):
    assert validate(full_store) == []


@pytest.mark.slow  # SHACL over the whole reference and practice data
def test_example_trajectory_conforms(full_store):
    """The trajectory builder and the shapes agree (the bundled fictional example, with its private graph)."""
    from graph.sources.trajectory import build_trajectory_quads

    public, private, _ = build_trajectory_quads(DEFAULT_DATA / "trajecten" / "voorbeeld", data_dir=DEFAULT_DATA)
    full_store.extend(public + private)
    try:
        assert validate(full_store) == []
    finally:
        for quad in public + private:
            full_store.remove(quad)


@pytest.mark.slow  # SHACL over the whole reference and practice data
def test_broken_record_is_named(full_store):
    gemeente = ox.NamedNode(str(iri("gemeente", "GM1900")))
    inwoners = ox.NamedNode(str(KD.inwoners))
    removed = list(full_store.quads_for_pattern(gemeente, inwoners, None))
    for quad in removed:
        full_store.remove(quad)
    try:
        violations = validate(full_store)
        assert [str(v) for v in violations] == [
            "kdid:gemeente/GM1900 kd:inwoners: minstens 1 waarde verwacht, 0 gevonden (kds:Gemeente)"]
        with pytest.raises(InputError, match="kdid:gemeente/GM1900.*kd:inwoners"):
            assert_valid(full_store)
    finally:
        full_store.extend(removed)


def test_only_the_given_graphs(full_store):
    """The practice graph alone: its links to gemeenten, instruments and the sources that the ontology
    graph describes (each source is described once) do not resolve."""
    violations = validate(full_store, graphs=[G_PRAKTIJK])
    assert {v.component for v in violations} == {"Class"}
    assert {v.path for v in violations} == {str(KD.gemeente), str(KD.instrument), str(KD.bewijs), str(KD.thema),
                                           str(KD.provincie), "http://purl.org/dc/terms/source", str(KD.beslisrecht),
                                           str(KD.bedragSoort), "http://www.w3.org/ns/prov#entity"}


def test_every_kd_class_has_a_shape():
    shapes = ox.parse(path=str(ONTOLOGY_DIR / SHAPES_FILE), format=ox.RdfFormat.TURTLE)
    targets = {t.object.value for t in shapes if t.predicate.value == "http://www.w3.org/ns/shacl#targetClass"}
    classes = {str(getattr(KD, name)) for name in KD.__annotations__ if name[0].isupper()}
    assert classes - targets == set()


def test_unsupported_shape_feature_is_refused():
    shapes = PREFIXES + """@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass kd:Kern ; sh:property [ sh:path kd:code ; sh:uniqueLang true ] ."""
    with pytest.raises(ValueError, match="uniqueLang"):
        compile_shapes(ox.parse(shapes.encode(), format=ox.RdfFormat.TURTLE))
