"""Provenance of the named graphs (G_META): title, licence, attribution, reference date, build time."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest

from graph.namespace import G_META, G_ONTOLOGY, G_PRAKTIJK, G_REFERENCE
from graph.sources.provenance import CC_BY_4, GRAPHS, graph_provenance

BUILT = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)


def described(graph) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for quad in graph_provenance(graph, generated=BUILT, triples=42):
        assert quad.subject == ox.NamedNode(str(graph)) and quad.graph_name == ox.NamedNode(str(G_META))
        out.setdefault(quad.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1], set()).add(quad.object.value)
    return out


def test_reference_graph_names_licence_attribution_and_peildatum():
    facts = described(G_REFERENCE)
    assert facts["license"] == {CC_BY_4}
    assert facts["bibliographicCitation"] == {"Bron: CBS"}
    assert facts["temporal"] == {"2024-01-01"}
    assert facts["generatedAtTime"] == {"2026-01-02T03:04:05+00:00"}
    assert facts["triples"] == {"42"}
    assert "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85984NED" in facts["source"]


@pytest.mark.parametrize("graph", [G_ONTOLOGY, G_REFERENCE, G_PRAKTIJK], ids=["ontology", "reference", "praktijk"])
def test_every_graph_has_a_dutch_and_english_title(graph):
    titles = [q.object for q in graph_provenance(graph) if q.predicate.value.endswith("/title")]
    assert sorted(t.language for t in titles) == ["en", "nl"]
    assert set(GRAPHS) == {G_ONTOLOGY, G_REFERENCE, G_PRAKTIJK}
