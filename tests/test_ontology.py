"""The ontology graph: generated schemes equal the CSV files, the ladder is ordered, schemes are complete."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import InputError
from graph.namespace import (
    G_ONTOLOGY, SCHEME_BESLISRECHT, SCHEME_BIJEENKOMSTSOORT, SCHEME_GROEPEN, SCHEME_INSTRUMENTEN, SCHEME_LADDER,
    SCHEME_THEMAS, sparql_prefixes,
)
from graph.sources.ontology import ONTOLOGY_DIR, build_ontology, concept_slugs, generated_files, main
from graph.settings import DEFAULT_DATA


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.bulk_extend(build_ontology())
    return store


def select(store: ox.Store, body: str) -> list[tuple]:
    rows = store.query(sparql_prefixes() + body, use_default_graph_as_union=True)
    return [tuple(None if term is None else term.value for term in row) for row in rows]


@pytest.mark.parametrize("name", sorted(generated_files()), ids=str)
def test_committed_scheme_equals_what_the_csv_gives(name):
    committed = (ONTOLOGY_DIR / name).read_text(encoding="utf-8")
    assert committed == generated_files()[name], f"run: python -m graph.sources.ontology --regenerate ({name})"


def test_all_quads_are_in_the_ontology_graph():
    assert {q.graph_name.value for q in build_ontology()} == {str(G_ONTOLOGY)}


def test_ladder_is_ordered_lowest_first(store):
    rows = select(store, """
        SELECT ?notation ?niveau WHERE {
          <https://w3id.org/kernendemocratie/id/scheme/participatieladder-volgorde> skos:memberList/rdf:rest*/rdf:first ?level .
          ?level skos:notation ?notation ; kd:niveau ?niveau } ORDER BY ?niveau""")
    assert rows == [("informeren", "1"), ("raadplegen", "2"), ("adviseren", "3"), ("coproduceren", "4"),
                    ("meebeslissen", "5"), ("zelfbeheer", "6")]
    first = select(store, """SELECT ?n WHERE {
        <https://w3id.org/kernendemocratie/id/scheme/participatieladder-volgorde> skos:memberList/rdf:first/kd:niveau ?n }""")
    assert first == [("1",)]


def test_every_instrument_is_complete(store):
    rows = select(store, """
        SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a kd:Instrument ; skos:inScheme ?s ; kd:groep ?g ;
          skos:prefLabel ?nl, ?en ; skos:definition ?dnl, ?den ; kd:invloedZeggenschap ?z ; kd:rol ?r ; dcterms:source ?b .
          FILTER(lang(?nl) = 'nl' && lang(?en) = 'en' && lang(?dnl) = 'nl' && lang(?den) = 'en') }""")
    assert rows == [("29",)]


def test_ladder_ranges_are_ordered(store):
    rows = select(store, """SELECT ?i WHERE { ?i kd:ladderMin/kd:niveau ?lo ; kd:ladderMax/kd:niveau ?hi FILTER(?lo > ?hi) }""")
    assert rows == []


def test_instrument_variant_names_and_legal_basis(store):
    rows = select(store, """SELECT ?alt WHERE { <https://w3id.org/kernendemocratie/id/instrument/dorpsraad> skos:altLabel ?alt }
                            ORDER BY ?alt""")
    assert ("pleatslik belang",) in rows and len(rows) == 6
    basis = select(store, """SELECT ?b WHERE { ?i kd:wettelijkeBasis ?b } GROUP BY ?b ORDER BY ?b""")
    assert ("art. 83 Gemeentewet",) in basis


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("thema", {"aanspreekpunt", "budgetverdeling", "vertrouwen", "onderbesteding", "bezuiniging", "legitimiteit",
                "draagvlak", "erkenning", "verkiezing", "adviesrecht", "zeggenschap", "maatwerk", "dorpsplannen",
                "uitvoering", "definitie-kern", "vrijwilligerslast", "juridische-kaders"}),
     ("beslisrecht", {"geen", "advies", "zwaarwegend-advies", "medebeslissen", "bindend", "gedelegeerd"}),
     ("bedragsoort", {"vast-per-kern", "basis-per-kern", "per-inwoner", "maximum-per-initiatief", "totaal-per-jaar",
                      "totaal-fonds"}),
     ("bijeenkomstsoort", {"intake", "start", "regionaal", "werkbezoek", "slot"}),
     ("instrumentgroep", {"vertegenwoordiging", "budget", "zelfbeheer", "deliberatie", "plan", "organisatie"}),
     ("ladder", {"informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen", "zelfbeheer"})],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_schemes_hold_their_concepts(kind, expected):
    assert concept_slugs(kind) == expected


def test_meeting_types_carry_the_workbook_value_as_notation(store):
    rows = select(store, "SELECT ?n WHERE { ?s a kd:BijeenkomstSoort ; skos:notation ?n } ORDER BY ?n")
    assert rows == [("intake",), ("regionale-uitwisseling",), ("slotbijeenkomst",), ("startbijeenkomst",), ("werkbezoek",)]


@pytest.mark.parametrize(
    "scheme", [SCHEME_BESLISRECHT, SCHEME_BIJEENKOMSTSOORT, SCHEME_GROEPEN, SCHEME_INSTRUMENTEN, SCHEME_LADDER, SCHEME_THEMAS],
    ids=lambda s: str(s).rsplit("/", 1)[-1],
)
def test_namespace_schemes_exist_and_hold_concepts(store, scheme):
    rows = select(store, f"""SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ <{scheme}> a skos:ConceptScheme ; skos:prefLabel ?l .
        ?c skos:inScheme <{scheme}> ; skos:topConceptOf <{scheme}> }}""")
    assert int(rows[0][0]) >= 5


def test_every_concept_has_dutch_and_english_label(store):
    rows = select(store, """SELECT ?c WHERE { ?c a skos:Concept
        FILTER NOT EXISTS { ?c skos:prefLabel ?nl FILTER(lang(?nl) = 'nl') }
        FILTER NOT EXISTS { ?c skos:prefLabel ?en FILTER(lang(?en) = 'en') } }""")
    assert rows == []


def test_broken_turtle_names_file_and_line(tmp_path: Path):
    shutil.copytree(ONTOLOGY_DIR, tmp_path / "ontology")
    (tmp_path / "ontology" / "themas.ttl").write_text("@prefix kd: <https://w3id.org/kernendemocratie/def#> .\nkd:a kd:b \"open .\n")
    with pytest.raises(InputError) as caught:
        build_ontology(tmp_path / "ontology")
    [problem] = caught.value.problems
    assert problem.file.endswith("themas.ttl") and problem.row == 2


def test_bad_instrument_csv_names_row_and_field(tmp_path: Path):
    shutil.copytree(DEFAULT_DATA / "praktijk", tmp_path / "praktijk")
    path = tmp_path / "praktijk" / "instrumenten.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",adviseren,coproduceren,", ",coproduceren,adviseren,", 1),
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        generated_files(data_dir=tmp_path)
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "ladder_max")]


def test_regenerate_writes_the_files(tmp_path: Path, capsys):
    shutil.copytree(ONTOLOGY_DIR, tmp_path / "ontology")
    (tmp_path / "ontology" / "instrumenten.ttl").unlink()
    from graph.sources.ontology import regenerate

    written = regenerate(ontology_dir=tmp_path / "ontology")
    assert sorted(p.name for p in written) == ["instrumenten.ttl", "participatieladder.ttl"]
    assert main([]) == 0 and "--regenerate" in capsys.readouterr().out
