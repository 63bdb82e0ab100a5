"""The reference graph: the done-when figures, herindelingen, and located errors for bad files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import InputError
from graph.namespace import G_REFERENCE, KD, iri
from graph.sources.reference import build_reference
from graph.settings import DEFAULT_DATA
from conftest import union_rows

GEMEENTEN = "data/reference/gemeenten.csv"


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return build_reference(DEFAULT_DATA)


@pytest.fixture(scope="module")
def store(quads) -> ox.Store:
    store = ox.Store()
    store.bulk_extend(quads)
    return store


select = union_rows


@pytest.mark.parametrize(
    ("cls", "expected"),
    [("Provincie", 12), ("Gemeente", 342), ("Kern", 2501), ("Wijk", 3393), ("Buurt", 14574),
     ("Herindeling", 128), ("VoormaligeGemeente", 263)],
    ids=lambda v: str(v),
)
def test_instances_per_class(store, cls, expected):
    assert select(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a kd:{cls} }}") == [(str(expected),)]


def test_every_quad_is_in_the_reference_graph(quads):
    assert {q.graph_name.value for q in quads} == {str(G_REFERENCE)}


def test_gemeenten_with_more_than_50_kernen(store):
    rows = select(store, """
        SELECT ?code ?name (COUNT(?kern) AS ?n) WHERE {
          ?g a kd:Gemeente ; kd:code ?code ; rdfs:label ?name . ?kern a kd:Kern ; kd:gemeente ?g }
        GROUP BY ?code ?name HAVING (COUNT(?kern) > 50) ORDER BY DESC(?n)""")
    assert rows == [("GM1900", "Súdwest-Fryslân", "89"), ("GM1970", "Noardeast-Fryslân", "52"),
                    ("GM1940", "De Fryske Marren", "51")]


def test_sudwest_fryslan_was_formed_from_five_gemeenten(store):
    rows = select(store, """
        SELECT ?datum ?type ?name WHERE {
          ?h kd:ingesteld <https://w3id.org/kernendemocratie/id/gemeente/GM1900> ; kd:datum ?datum ;
             kd:wijzigingstype ?type ; kd:opgeheven ?old . ?old rdfs:label ?name } ORDER BY ?name""")
    assert {(d, t) for d, t, _ in rows} == {("2011-01-01", "Samenvoeging")}
    assert [name for _, _, name in rows] == ["Bolsward", "Nijefurd", "Sneek", "Wymbritseradiel", "Wûnseradiel"]


def test_abolished_gemeente_has_end_date_and_successor(store):
    rows = select(store, """
        SELECT ?type ?end ?successor WHERE {
          <https://w3id.org/kernendemocratie/id/gemeente/GM0064> a ?type ; kd:einddatum ?end ; kd:opvolger ?successor }""")
    assert rows == [(str(KD.VoormaligeGemeente), "2010-12-31", str(iri("gemeente", "GM1900")))]


def test_gemeente_split_over_two_events_gets_both_successors(store):
    rows = select(store, """
        SELECT ?code WHERE { <https://w3id.org/kernendemocratie/id/gemeente/GM0140> kd:opvolger/kd:code ?code }
        ORDER BY ?code""")
    assert rows == [("GM0080",), ("GM1900",)]  # Littenseradiel 2018 -> Leeuwarden, Súdwest-Fryslân


def test_org_view_of_an_extension(store):
    """Uitbreiding: the extended gemeente is both an original and a resulting organisation."""
    rows = select(store, """
        SELECT ?role ?code WHERE {
          ?h owl:sameAs <https://identifier.overheid.nl/tooi/id/gemeente/wzg_02196481> ; ?role ?g . ?g kd:code ?code
          FILTER(?role IN (org:originalOrganization, org:resultingOrganization)) } ORDER BY ?role ?code""")
    assert rows == [("http://www.w3.org/ns/org#originalOrganization", "GM0253"),
                    ("http://www.w3.org/ns/org#originalOrganization", "GM0267"),
                    ("http://www.w3.org/ns/org#resultingOrganization", "GM0267")]


def test_amsterdam_figures_links_and_centroid(store):
    rows = select(store, """
        SELECT ?inwoners ?provincie ?wkt WHERE {
          <https://w3id.org/kernendemocratie/id/gemeente/GM0363> kd:inwoners ?inwoners ; kd:provincie/kd:code ?provincie ;
             geo:hasGeometry/geo:asWKT ?wkt }""")
    assert rows == [("931298", "PV27", "POINT(4.90879 52.3649)")]
    same = select(store, "SELECT ?o WHERE { <https://w3id.org/kernendemocratie/id/gemeente/GM0363> owl:sameAs ?o } ORDER BY ?o")
    assert same == [("http://www.wikidata.org/entity/Q9899",), ("https://identifier.overheid.nl/tooi/id/gemeente/gm0363",)]


def test_inhabitants_add_up_to_the_netherlands(store):
    assert select(store, "SELECT (SUM(?n) AS ?total) WHERE { ?g a kd:Gemeente ; kd:inwoners ?n }") == [("17942942",)]


def test_buurt_has_wijk_gemeente_and_inhabitants(store):
    rows = select(store, """
        SELECT ?name ?wijk ?gemeente ?n WHERE { <https://w3id.org/kernendemocratie/id/buurt/BU19000903> rdfs:label ?name ;
          kd:wijk/kd:code ?wijk ; kd:gemeente/kd:code ?gemeente ; kd:inwoners ?n }""")
    assert rows == [("Abbega", "WK190009", "GM1900", "115")]


def test_kern_names_repeat_but_codes_do_not(store):
    rows = select(store, "SELECT (COUNT(DISTINCT ?k) AS ?n) WHERE { ?k a kd:Kern ; rdfs:label 'Nes' }")
    assert rows == [("3",)]


# ---------------------------------------------------------------- bad input


@pytest.fixture
def data_copy(tmp_path: Path, small_reference: Path) -> Path:
    """A fresh copy of the small reference data (conftest) to break."""
    shutil.copytree(small_reference / "reference", tmp_path / "reference")
    return tmp_path


def rewrite(path: Path, change) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def truncate_last_row(text: str) -> str:
    return text[: text.rstrip("\n").rfind(",")]  # the last row loses its last cell


def replace_cell(old: str, new: str):
    return lambda text: text.replace(old, new, 1)


BROKEN = {  # id: (file, change, expected row, expected column, words in the message)
    "truncated": ("gemeenten.csv", truncate_last_row, 343, "aantal_buurten_2024", "afgekapt"),
    "malformed-quote": ("gemeenten.csv", replace_cell("GM0034,0034,Almere", 'GM0034,0034,"Almere'), 3, "", "onleesbare CSV"),
    "missing-column": ("gemeenten.csv", replace_cell("inwoners_2024,", "inwoners,"), 1, "inwoners_2024", "kolom ontbreekt"),
    "bad-number": ("gemeenten.csv", replace_cell(",243768,", ",veel,"), 2, "inwoners_2024", "geen geheel getal"),
    "bad-code": ("gemeenten.csv", replace_cell("GM0014,0014", "G14,0014"), 2, "gemeentecode", "geen gemeentecode"),
    "unknown-province": ("gemeenten.csv", replace_cell("GM0014,0014,Groningen,PV20", "GM0014,0014,Groningen,PV99"), 2,
                         "provinciecode", "geen bekende provincie"),
    "wijk-unknown-gemeente": ("wijken_2024.csv", replace_cell("WK001400,Centrum,GM0014", "WK001400,Centrum,GM9999"), 2,
                              "gemeentecode", "'GM9999' is geen bekende gemeente"),
    "buurt-unknown-wijk": ("buurten_2024.csv", replace_cell("BU00140000,Binnenstad-Noord,WK001400",
                                                            "BU00140000,Binnenstad-Noord,WK001499"), 2, "wijkcode", "geen bekende wijk"),
    "duplicate-kern": ("woonplaatsen_2024.csv", replace_cell("1001,Huijbergen", "1000,Huijbergen"), 3, "woonplaatscode",
                       "dubbel"),
    "herindeling-bad-date": ("herindelingen_tooi_2000_2023_lang.csv", replace_cell("2000-01-01,opgeheven", "1-1-2000,opgeheven"),
                             2, "datum", "geen datum"),
    "herindeling-unknown": ("herindelingen_tooi_2000_2023_lang.csv", replace_cell(",0253,Hoevelaken", ",0001,Hoevelaken"), 2,
                            "gemeentecode", "staat niet als opgeheven gemeente"),
}


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_broken_file_names_file_row_and_field(data_copy, case):
    name, change, row, column, words = BROKEN[case]
    rewrite(data_copy / "reference" / name, change)
    with pytest.raises(InputError) as caught:
        build_reference(data_copy)
    problems = [p for p in caught.value.problems if p.file.endswith(name)]
    assert any(p.row == row and p.column == column and words in p.message for p in problems), caught.value


def drop_last_rows(n: int):
    return lambda text: "".join(text.splitlines(keepends=True)[:-n])


@pytest.mark.parametrize(
    ("name", "total_row", "column"),
    [("buurten_2024.csv", 343, "aantal_buurten_2024"), ("woonplaatsen_2024.csv", 2, "aantal_woonplaatsen_2024")],
    ids=["buurten", "woonplaatsen"],
)
def test_file_cut_at_a_line_break_is_caught_by_the_totals(data_copy, name, total_row, column):
    """Rows missing at the end of a file that nothing else refers to (gemeenten, wijken: joins catch those)."""
    rewrite(data_copy / "reference" / name, drop_last_rows(3))
    with pytest.raises(InputError) as caught:
        build_reference(data_copy)
    assert any(p.row == total_row and p.column == column and "afgekapt" in p.suggestion
               for p in caught.value.problems), caught.value


def test_herindeling_rows_missing_from_the_long_file(data_copy):
    rewrite(data_copy / "reference" / "herindelingen_tooi_2000_2023_lang.csv", drop_last_rows(2))
    with pytest.raises(InputError) as caught:
        build_reference(data_copy)
    [problem] = [p for p in caught.value.problems if p.file.endswith("herindelingen_tooi_2000_2023.csv")]
    assert (problem.row, problem.column) == (129, "wijziging_uri") and "afgekapt" in problem.suggestion


def test_missing_gemeenten_file_is_the_only_problem(data_copy):
    """Everything joins on gemeenten.csv: its absence is reported, not the 20,000 rows that refer to it."""
    (data_copy / "reference" / "gemeenten.csv").unlink()
    with pytest.raises(InputError) as caught:
        build_reference(data_copy)
    [problem] = caught.value.problems
    assert problem.file.endswith("gemeenten.csv") and "ontbreekt" in problem.message


def test_at_most_50_problems_per_file(tmp_path):
    """On the full data: the wijken of every gemeente GM0... broken at once (hundreds of problems)."""
    data_copy = tmp_path
    shutil.copytree(DEFAULT_DATA / "reference", data_copy / "reference")
    rewrite(data_copy / "reference" / "wijken_2024.csv", lambda text: text.replace(",GM0", ",GX0"))
    with pytest.raises(InputError) as caught:
        build_reference(data_copy)
    assert len(caught.value.problems) == 51 and caught.value.problems[-1].message.startswith("en nog ")


def test_missing_file(data_copy):
    (data_copy / "reference" / "provincies.csv").unlink()
    with pytest.raises(InputError) as caught:
        build_reference(data_copy)
    assert any(p.file.endswith("provincies.csv") and "ontbreekt" in p.message for p in caught.value.problems)
