"""Sourcing of practice facts: quotes and source dates, precise dates, decision rights, budget parts,
the SHACL shape that requires URL and quote, the facts view, and fiction marked on every record."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import InputError
from graph.namespace import G_PRAKTIJK, KD, iri
from graph.sources.ontology import build_ontology
from graph.sources.praktijk import build_praktijk
from graph.settings import DEFAULT_DATA
from graph.build.shacl import validate
from graph.store import LocalStore
from graph.views import facts
from conftest import union_rows

select = union_rows
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return build_praktijk(DEFAULT_DATA)


@pytest.fixture(scope="module")
def store(praktijk_store) -> ox.Store:
    return praktijk_store


def test_checked_facts_and_note_facts(store):
    rows = select(store, """SELECT ?c (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a ?c FILTER(?c IN (kd:Praktijkfeit, kd:Notitiefeit)) }
        GROUP BY ?c ORDER BY ?c""")
    assert rows == [("https://w3id.org/kernendemocratie/def#Notitiefeit", "2"),  # 1 use (T74) + 1 count (K3)
                    ("https://w3id.org/kernendemocratie/def#Praktijkfeit", "885")]  # 644 uses + 125 counts + 78 lessons
    # + 28 organisation supports + 10 organisations


def test_every_checked_fact_has_url_and_quote(store):
    rows = select(store, """SELECT ?f WHERE { ?f a kd:Praktijkfeit
        MINUS { ?f dcterms:source/kd:url ?u ; prov:qualifiedDerivation ?v . ?v kd:citaat ?c ; prov:entity ?b } }""")
    assert rows == []


def test_quote_and_source_date_of_a_fact(store):
    rows = select(store, """SELECT ?citaat ?datum (DATATYPE(?datum) AS ?type) WHERE {
        ?k a kd:Kerntelling ; kd:gemeente/kd:code "GM0072" ; kd:aantal 14 ; prov:qualifiedDerivation ?v .
        ?v kd:citaat ?citaat ; kd:brondatum ?datum }""")
    assert rows == [("Haar werkgebied bestaat uit 2 dorpen en 14 wijken.", "2019-12-23", XSD + "date")]


def test_dates_are_as_precise_as_the_source(store):
    rows = select(store, """SELECT ?type (COUNT(*) AS ?n) WHERE { ?t a kd:Toepassing ; kd:sinds ?s
        BIND(DATATYPE(?s) AS ?type) } GROUP BY ?type ORDER BY ?type""")
    assert rows == [(XSD + "date", "27"), (XSD + "gYear", "180"), (XSD + "gYearMonth", "7")]
    wijk = select(store, """SELECT ?s WHERE { ?t kd:gemeente/kd:code "GM0352" ; kd:sinds ?s FILTER(YEAR(?s) = 2026) }""")
    assert wijk == [("2026-02-07",)]  # Wijk bij Duurstede: "geldend vanaf 7-2-2026"


def test_decision_rights_keep_the_source_word(store):
    rows = select(store, """SELECT ?woord ?concept (COUNT(?t) AS ?n) WHERE { ?t kd:beslisrechtBron ?woord ;
        kd:beslisrecht/skos:notation ?concept } GROUP BY ?woord ?concept ORDER BY ?woord""")
    assert rows == [("advies", "advies", "45"), ("beslissen", "gedelegeerd", "31"), ("geen", "geen", "20"),
                    ("medebeslissen", "medebeslissen", "3"), ("zwaarwegend-advies", "zwaarwegend-advies", "14")]


def test_budget_parts_carry_kind_unit_and_period(store):
    rows = select(store, """SELECT ?waarde ?eenheid ?periode ?min ?max WHERE { ?t kd:gemeente/kd:code "GM1969" ;
        kd:bedrag ?b . ?b kd:waarde ?waarde ; kd:eenheid ?eenheid ; kd:bedragSoort ?s .
        OPTIONAL { ?b kd:periode ?periode } OPTIONAL { ?b kd:inwonersMin ?min } OPTIONAL { ?b kd:inwonersMax ?max }
        } ORDER BY ?waarde""")
    assert rows == [("1", "EUR/inwoner", None, None, None), ("1000", "EUR", None, "5000", None),
                    ("2000", "EUR", None, None, "499"), ("2500", "EUR", None, "500", "4999")]


def test_disagreeing_sources_stay_side_by_side(store):
    rows = select(store, """SELECT ?s WHERE { ?t kd:gemeente/kd:code "GM1581" ; kd:lokaleNaam "Dorpsgericht werken"@nl ;
        kd:sinds ?s } ORDER BY ?s""")
    assert rows == [("2012",), ("2014",)]


# ---------------------------------------------------------------- bad input and the shape


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    shutil.copytree(DEFAULT_DATA / "praktijk", tmp_path / "praktijk")
    (tmp_path / "reference").mkdir()
    for name in ("gemeenten.csv", "provincies.csv"):
        shutil.copy(DEFAULT_DATA / "reference" / name, tmp_path / "reference" / name)
    return tmp_path


@pytest.mark.parametrize(("old", "new", "column", "words"), [
    (",Haar werkgebied bestaat uit 2 dorpen en 14 wijken.,gecontroleerd", ",,gecontroleerd", "bewijs_citaat",
     "waarde ontbreekt"),
    (",2019-12-23,Haar werkgebied bestaat uit 2 dorpen en 14 wijken.", ",2019-13-23,Haar werkgebied bestaat uit 2 dorpen en 14 wijken.",
     "geraadpleegd", "geen datum"),
], ids=["checked-row-without-quote", "bad-source-date"])
def test_bad_sourcing_is_located(data_copy, old, new, column, words):
    path = data_copy / "praktijk" / "kerntellingen.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        build_praktijk(data_copy)
    assert any(p.column == column and words in p.message for p in err.value.problems), err.value.problems


def test_shape_requires_a_quote_on_a_checked_fact():
    fact, vermelding = ox.NamedNode(iri("toepassing", "x")), ox.NamedNode(iri("bronvermelding", "x"))
    bron, g = ox.NamedNode(iri("bron", "abcdefabcdef")), ox.NamedNode(G_PRAKTIJK)
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    quads = [ox.Quad(fact, rdf_type, ox.NamedNode(KD.Praktijkfeit), g),
             ox.Quad(fact, ox.NamedNode("http://www.w3.org/ns/prov#qualifiedDerivation"), vermelding, g),
             ox.Quad(vermelding, rdf_type, ox.NamedNode(KD.Bronvermelding), g),
             ox.Quad(vermelding, ox.NamedNode("http://www.w3.org/ns/prov#entity"), bron, g)]
    found = {(v.path, v.component) for v in validate(quads + build_ontology())}
    assert (str(KD.citaat), "MinCount") in found  # the quote
    assert ("http://purl.org/dc/terms/source", "MinCount") in found  # the URL


# ---------------------------------------------------------------- the facts view


def test_facts_view_shows_support_by_an_organisation(quads):
    store = LocalStore.in_memory(quads + build_ontology())
    support = [f for f in facts(store, gemeente="GM1959").feiten if f.soort == "ondersteuning"]
    assert [(f.wat, f.brondatum) for f in support] == [("Vereniging Kleine Kernen Noord-Brabant (VKKNB) (Altena)", "2018-02")]
    assert "VKKNB" in support[0].citaat and support[0].bronnen[0].startswith("https://www.hetkontakt.nl/")


def test_facts_view_shows_quotes_and_says_when_nothing_was_found(quads):
    store = LocalStore.in_memory(quads + build_ontology())
    westerkwartier = facts(store, gemeente="GM1969")
    assert westerkwartier.melding == ""
    assert any(f.citaat == "Tot 500 inwoners  €2.000" and f.beslisrecht == "beslissen" for f in westerkwartier.feiten)
    codes_with_facts = {q.object.value.rsplit("/", 1)[-1] for q in quads
                        if q.predicate.value in (str(KD.gemeente), str(KD.bewijs))}
    reference = (DEFAULT_DATA / "reference" / "gemeenten.csv").read_text(encoding="utf-8").splitlines()[1:]
    none = sorted({line.split(",", 1)[0] for line in reference} - codes_with_facts)[0]
    assert facts(store, gemeente=none).feiten == ()
    assert facts(store, gemeente=none, lang="nl").melding == "niet gevonden in de doorzochte bronnen"
    assert facts(store, gemeente=none, lang="en").melding == "not found in the sources searched"


# ---------------------------------------------------------------- fiction on every record


def test_every_record_of_a_fictional_trajectory_is_marked():
    from graph.ingest.models import Deelname, Les, Traject, Trajectory
    from graph.sources.trajectory import trajectory_quads

    t = Trajectory(traject=Traject(id="demo", naam="Demo", fictief=True),
                   deelname=(Deelname(gemeente="GM1900"),),
                   les=(Les(id="l1", titel="Iets geleerd", tekst="Tekst", gemeenten=["GM1900"]),))
    public, _ = trajectory_quads(t)
    typed = {q.subject for q in public if q.predicate.value.endswith("#type")}
    marked = {q.subject for q in public if q.predicate == ox.NamedNode(KD.fictief) and q.object.value == "true"}
    assert typed and typed == marked
