"""The closed namespace KD and the ontology Turtle stay in step, in both directions."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.namespace import DEF, KD
from graph.sources.ontology import ONTOLOGY_DIR, build_ontology

CORE = ONTOLOGY_DIR / "kernendemocratie.ttl"
OWL = "http://www.w3.org/2002/07/owl#"
DECLARATIONS = {OWL + "Class", OWL + "ObjectProperty", OWL + "DatatypeProperty"}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KD_TERMS = sorted(KD.__annotations__)


def core_triples() -> list[ox.Triple]:
    return list(ox.parse(path=str(CORE), format=ox.RdfFormat.TURTLE))


def declared() -> dict[str, str]:
    """kd: term -> its declaration type, from kernendemocratie.ttl."""
    return {t.subject.value[len(DEF):]: t.object.value for t in core_triples()
            if t.predicate.value == RDF_TYPE and t.object.value in DECLARATIONS and t.subject.value.startswith(DEF)}


def texts(term: str, predicate: str) -> set[str]:
    return {t.object.language for t in core_triples()
            if t.subject.value == DEF + term and t.predicate.value == predicate and isinstance(t.object, ox.Literal)}


@pytest.mark.parametrize("term", KD_TERMS)
def test_every_kd_term_is_declared_in_the_ontology(term):
    assert term in declared()


@pytest.mark.parametrize("term", KD_TERMS)
def test_every_kd_term_has_dutch_and_english_label_and_definition(term):
    assert texts(term, "http://www.w3.org/2000/01/rdf-schema#label") >= {"nl", "en"}
    assert texts(term, "http://www.w3.org/2004/02/skos/core#definition") >= {"nl", "en"}


def test_classes_are_capitalised_and_properties_are_not():
    for term, kind in declared().items():
        assert term[0].isupper() == (kind == OWL + "Class"), term


def test_every_kd_iri_in_any_ontology_file_is_in_kd():
    used = set()
    for quad in build_ontology():
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(DEF):
                used.add(term.value[len(DEF):])
    assert used - set(KD_TERMS) == set()


def test_the_namespace_is_closed():
    with pytest.raises(AttributeError):
        KD.Gemeenten  # noqa: B018 - a typo must fail
