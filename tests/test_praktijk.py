"""The practice graph: counts, sources on every fact, stable keys, and located errors."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import InputError
from graph.namespace import G_PRAKTIJK
from graph.sources.praktijk import build_praktijk
from graph.settings import DEFAULT_DATA
from conftest import union_rows


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return build_praktijk(DEFAULT_DATA)


@pytest.fixture(scope="module")
def store(praktijk_store) -> ox.Store:
    return praktijk_store


select = union_rows


@pytest.mark.parametrize(
    ("cls", "expected"),
    [("Toepassing", 645), ("Bedrag", 121), ("Kerntelling", 126), ("Les", 78), ("Organisatie", 10),
     ("Ondersteuning", 28)],
    ids=lambda v: str(v),
)
def test_instances_per_class(store, cls, expected):
    assert select(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a kd:{cls} }}") == [(str(expected),)]


def test_every_quad_is_in_the_praktijk_graph(quads):
    assert {q.graph_name.value for q in quads} == {str(G_PRAKTIJK)}


@pytest.mark.parametrize("cls", ["Toepassing", "Bedrag", "Kerntelling", "Les", "Organisatie", "Ondersteuning"])
def test_every_fact_has_a_source_with_a_url(store, cls):
    # MINUS, not FILTER NOT EXISTS: the same rows, without re-evaluating the pattern per fact (seconds per class)
    rows = select(store, f"""SELECT ?s WHERE {{ ?s a kd:{cls}
        MINUS {{ ?s dcterms:source ?b . ?b a kd:Bron ; kd:url ?u ; rdfs:label ?host }} }}""")
    assert rows == []


def test_source_iri_is_the_hash_of_its_url(store):
    url = "https://kernenwijk.nl/dossier/kernenbeleid-in-sudwest-fryslan/"
    key = hashlib.sha1(url.encode()).hexdigest()[:12]
    rows = select(store, f"SELECT DISTINCT ?u ?h WHERE {{ <https://w3id.org/kernendemocratie/id/bron/{key}> kd:url ?u ; rdfs:label ?h }}")
    assert rows == [(url, "kernenwijk.nl")]


def test_url_lists_are_split(store):
    rows = select(store, """SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE {
        ?t a kd:Toepassing ; kd:gemeente/kd:code "GM1900" ; kd:lokaleNaam "Kernwethouder"@nl ; dcterms:source ?b }""")
    assert rows == [("2",)]


def test_kern_counts_say_what_was_counted(store):
    rows = select(store, """SELECT ?aantal WHERE { ?k a kd:Kerntelling ; kd:gemeente/kd:code "GM1900" ; kd:aantal ?aantal ;
        kd:watGeteld ?wat } ORDER BY ?aantal""")
    assert rows == [("52",), ("68",), ("69",), ("74",), ("89",)]  # disagreeing sources side by side


def test_amount_has_value_unit_year_and_explanation(store):
    rows = select(store, """SELECT ?waarde ?eenheid ?jaar ?toelichting WHERE {
        ?t kd:gemeente/kd:code "GM1900" ; kd:instrument/skos:notation "kernenfonds" ; kd:bedrag ?b .
        ?b kd:waarde ?waarde ; kd:eenheid ?eenheid ; kd:peiljaar ?jaar ; kd:toelichting ?toelichting
        FILTER(?jaar = "2018"^^xsd:gYear) }""")
    assert rows == [("420000", "EUR", "2018", "budget 2018")]


def test_lesson_links_themes_instruments_and_evidence(store):
    rows = select(store, """SELECT ?what (COUNT(DISTINCT ?o) AS ?n) WHERE {
        <https://w3id.org/kernendemocratie/id/les/praktijk-vast-aanspreekpunt> ?what ?o
        FILTER(?what IN (kd:thema, kd:instrument, kd:bewijs, dcterms:source)) } GROUP BY ?what ORDER BY ?what""")
    assert rows == [("http://purl.org/dc/terms/source", "7"), ("https://w3id.org/kernendemocratie/def#bewijs", "5"),
                    ("https://w3id.org/kernendemocratie/def#instrument", "2"),
                    ("https://w3id.org/kernendemocratie/def#thema", "1")]


def test_provincial_organisation_has_its_province(store):
    rows = select(store, """SELECT ?code WHERE { <https://w3id.org/kernendemocratie/id/organisatie/bokd> kd:provincie/kd:code ?code }""")
    assert rows == [("PV22",)]  # Drenthe, joined by its CBS name; the code itself is in the reference graph


def test_support_names_organisation_gemeente_instrument_and_quote(store):
    """VKKNB ran the project for the future gemeente Altena (hetkontakt.nl, February 2018)."""
    rows = select(store, """SELECT ?code ?i ?naam ?sinds ?datum WHERE {
        ?s a kd:Ondersteuning ; kd:organisatie <https://w3id.org/kernendemocratie/id/organisatie/vkknb> ;
           kd:gemeente/kd:code ?code ; kd:instrument/skos:notation ?i ; kd:naamInBron ?naam ; kd:sinds ?sinds ;
           prov:qualifiedDerivation ?v . ?v kd:brondatum ?datum ; kd:citaat ?c FILTER(CONTAINS(?c, "Altena")) }""")
    assert rows == [("GM1959", "overheidsparticipatie", "Vereniging Kleine Kernen Noord-Brabant (VKKNB)", "2018", "2018-02")]


def test_field_of_work_has_no_gemeente_but_themes(store):
    rows = select(store, """SELECT ?th WHERE { ?s a kd:Ondersteuning ;
        kd:organisatie <https://w3id.org/kernendemocratie/id/organisatie/doarpswurk> ; kd:thema/skos:notation ?th
        FILTER NOT EXISTS { ?s kd:gemeente ?g } } ORDER BY ?th""")
    assert rows == [("dorpsplannen",), ("draagvlak",)]



# ---------------------------------------------------------------- keys and bad input


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    shutil.copytree(DEFAULT_DATA / "praktijk", tmp_path / "praktijk")
    (tmp_path / "reference").mkdir()
    for name in ("gemeenten.csv", "provincies.csv"):
        shutil.copy(DEFAULT_DATA / "reference" / name, tmp_path / "reference" / name)
    return tmp_path


def test_keys_do_not_depend_on_row_order(data_copy, quads):
    path = data_copy / "praktijk" / "toepassingen.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(header + "".join(reversed(rows)), encoding="utf-8")
    assert set(build_praktijk(data_copy)) == set(quads)


BROKEN = {  # id: (file, old text, new text, row, column, words)
    "unknown-gemeente": ("kerntellingen.csv", "GM1900,Súdwest-Fryslân,69", "GM9999,Súdwest-Fryslân,69", 2, "gemeentecode",
                         "geen huidige gemeente"),
    "name-does-not-match": ("toepassingen.csv", "GM1900,Súdwest-Fryslân,dorpsraad", "GM1900,Sneek,dorpsraad", 2,
                            "gemeentenaam", "niet de naam van GM1900"),
    "unknown-instrument": ("toepassingen.csv", "GM1900,Súdwest-Fryslân,dorpsraad", "GM1900,Súdwest-Fryslân,dorpsbestuur", 2,
                           "instrument_id", "geen bekende instrument"),
    "unknown-theme": ("lessen.csv", ",aanspreekpunt,kernwethouder", ",aanspreekpunten,kernwethouder", 2, "themas",
                      "geen bekende thema"),
    "bad-amount": ("toepassingen.csv", ",380000,", ",380.000,00,", 0, "", ""),
    "bad-year": ("kerntellingen.csv", "(wetsvoorstel herindeling 2010),2010,", "(wetsvoorstel herindeling 2010),tien,", 2,
                 "peiljaar", "geen jaartal"),
    "bad-url": ("organisaties.csv", "http://www.vkkl.nl/organisatie/over-vkkl", "www.vkkl.nl/organisatie", 0, "bron_urls",
                "geen http(s)-URL"),
    "duplicate-id": ("lessen.csv", "basis-plus-per-inwoner,", "vast-aanspreekpunt,", 3, "id", "dubbel"),
    "bad-province": ("organisaties.csv", ",provinciaal,Drenthe,", ",provinciaal,Drente,", 3, "provincie", "geen provincie"),
    "unknown-organisation": ("ondersteuning.csv", "\nvkknb,GM1959", "\nvkk-nb,GM1959", 3, "organisatie_id",
                             "geen bekende organisatie"),
    "support-without-quote": ("ondersteuning.csv", ",Op 14 november organiseerde BOKD voor het eerst in jaren een Dorpenoverleg "
                              "in de gemeente Noordenveld.,", ",,", 11, "bewijs_citaat", "ontbreekt"),
}


@pytest.mark.parametrize(
    ("name", "old", "new", "suggestion"),
    [("kerntellingen.csv", "GM1900,Súdwest-Fryslân,69", "GM1990,Sudwest Fryslan,69", "bedoeld: GM1900 (Súdwest-Fryslân)?"),
     ("toepassingen.csv", "GM1900,Súdwest-Fryslân,dorpsraad", "GM1900,Súdwest-Fryslân,dorpsraaad", "bedoeld: dorpsraad?")],
    ids=["gemeente", "instrument"],
)
def test_unknown_value_suggests_the_closest(data_copy, name, old, new, suggestion):
    path = data_copy / "praktijk" / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build_praktijk(data_copy)
    assert [p.suggestion for p in caught.value.problems if p.row == 2] == [suggestion]


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_broken_practice_file_names_file_row_and_field(data_copy, case):
    name, old, new, row, column, words = BROKEN[case]
    path = data_copy / "praktijk" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build_praktijk(data_copy)
    problems = [p for p in caught.value.problems if p.file.endswith(name)]
    assert problems, caught.value
    if row:
        assert any(p.row == row and p.column == column and words in p.message for p in problems), caught.value
    else:
        assert any(p.column == column and words in p.message for p in problems) or not column, caught.value


def test_duplicate_row(data_copy):
    path = data_copy / "praktijk" / "kerntellingen.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build_praktijk(data_copy)
    assert [(p.row, p.message) for p in caught.value.problems] == [(len(lines) + 1, "dubbele rij (gelijk aan rij 2)")]


def test_truncated_practice_file(data_copy):
    path = data_copy / "praktijk" / "toepassingen.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")  # cut in the middle of a row (or a quoted cell)
    with pytest.raises(InputError) as caught:
        build_praktijk(data_copy)
    assert any(p.file.endswith("toepassingen.csv") and p.row and p.column and "afgekapt" in p.message
               for p in caught.value.problems), caught.value
