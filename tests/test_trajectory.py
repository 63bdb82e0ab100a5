"""Trajectory quads: the same trajectory in every format gives the same graph; privacy; the example."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from graph.ingest.models import Aanwezigheid, Actie, Bijeenkomst, Deelname, Les, Traject, Trajectory
from graph.namespace import G_PRIVATE, KD, SCHEMA, graph_iri, iri
from graph.settings import DEFAULT_DATA
from graph.sources.trajectory import build_trajectory_quads, trajectory_quads

VALID = Path(__file__).resolve().parent / "data" / "valid"
VOORBEELD = DEFAULT_DATA / "trajecten" / "voorbeeld"
GROUPS = {
    "voorbeeld": [VOORBEELD / "voorbeeld.xlsx", *sorted((VALID / "voorbeeld").iterdir())],
    "compleet": sorted((VALID / "compleet").iterdir()),
}
VARIANTS = [(group, path) for group, paths in GROUPS.items() for path in paths[1:]]


def to_rdflib(quads: list[ox.Quad]) -> Graph:
    """The triples of pyoxigraph quads as an rdflib graph (through N-Triples)."""
    text = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=text.decode("utf-8"), format="nt")


def assert_isomorphic(got: Graph, expected: Graph) -> None:
    """Isomorphism, with the triples only in one or the other shown on failure."""
    if isomorphic(got, expected):
        return
    _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    show = lambda g: "\n".join(sorted(g.serialize(format="nt").splitlines())[:20])  # noqa: E731
    pytest.fail(f"graphs differ\n--- only in got:\n{show(only_got)}\n--- only in expected:\n{show(only_expected)}")


@pytest.fixture(scope="module")
def built() -> dict[Path, tuple[list, list, str]]:
    return {p: build_trajectory_quads(p, data_dir=DEFAULT_DATA) for paths in GROUPS.values() for p in paths}


@pytest.mark.parametrize("group, path", VARIANTS, ids=[f"{g}/{p.name}" for g, p in VARIANTS])
def test_every_format_builds_the_same_graph(group, path, built):
    reference = GROUPS[group][0]
    public, private, slug = built[path]
    assert slug == built[reference][2]
    assert_isomorphic(to_rdflib(public), to_rdflib(built[reference][0]))
    assert_isomorphic(to_rdflib(private), to_rdflib(built[reference][1]))


def test_windows_1252_semicolon_csv_equals_the_workbook(built):
    """The issue's acceptance case, spelled out."""
    cp1252, workbook = VALID / "voorbeeld" / "csv-cp1252", VOORBEELD / "voorbeeld.xlsx"
    assert (cp1252 / "les.csv").read_bytes().decode("cp1252").count(";") > 60
    assert_isomorphic(to_rdflib(built[cp1252][0] + built[cp1252][1]),
                      to_rdflib(built[workbook][0] + built[workbook][1]))


def _tiny() -> Trajectory:
    return Trajectory(
        traject=Traject(id="mini", naam="Mini (fictief)", fictief=True),
        deelname=(Deelname(gemeente="GM1900", contact_rol="beleidsmedewerker", contact_naam="Jan Voorbeeld",
                           contact_email="jan@example.org", contact_telefoon="+31 6 00000000"),),
        actie=(Actie(id="a1", vraagstuk="v1", titel="Bellen", deadline="01-03-2025", status="bezig"),),
        bijeenkomst=(Bijeenkomst(id="w1", soort="werkbezoek", datum="2025-04-10", gastgemeente="GM1681"),),
        aanwezigheid=(Aanwezigheid(bijeenkomst="w1", gemeente="GM1900", rol="wethouder"),),
        les=(Les(id="l1", titel="Les", themas=["draagvlak"], gemeenten=["GM1900"], bijeenkomst="w1",
                 bron_url="https://example.org/verslag"),),
    )


def test_tiny_trajectory_exact_graph():
    public, private = trajectory_quads(_tiny())
    g = to_rdflib(public)
    t, d, w, les = iri("traject", "mini"), iri("deelname", "mini", "GM1900"), iri("bijeenkomst", "mini", "w1"), \
        iri("les", "mini", "l1")
    assert {q.graph_name.value for q in public} == {str(graph_iri("traject", "mini"))}
    assert {q.graph_name.value for q in private} == {str(G_PRIVATE)}
    assert (t, KD.fictief, Literal(True)) in g
    assert set(g.objects(d, None)) == {KD.Deelname, t, iri("gemeente", "GM1900"), Literal("beleidsmedewerker"),
                                       Literal(True)}  # kd:fictief on every record of a fictional trajectory
    assert set(g.predicate_objects(w)) == {
        (RDF.type, KD.Bijeenkomst), (KD.traject, t), (KD.soort, iri("bijeenkomstsoort", "werkbezoek")),
        (KD.fictief, Literal(True)),
        (RDFS.label, Literal("Werkbezoek 10-04-2025")), (KD.datum, Literal(dt.date(2025, 4, 10))),
        (KD.gastgemeente, iri("gemeente", "GM1681"))}
    assert set(g.objects(les, KD.bewijs)) == {iri("gemeente", "GM1900")}
    assert set(g.objects(les, KD.thema)) == {iri("thema", "draagvlak")}
    assert (iri("actie", "mini", "a1"), KD.deadline, Literal("2025-03-01", datatype=XSD.date)) in g
    bron = next(g.objects(les, DCTERMS.source))
    assert (bron, KD.url, Literal("https://example.org/verslag", datatype=XSD.anyURI)) in g
    assert len(g) == len(public)


def test_personal_data_only_in_the_private_graph():
    public, private = trajectory_quads(_tiny())
    text = "\n".join(str(q) for q in public)
    for secret in ("Jan Voorbeeld", "jan@example.org", "+31 6 00000000"):
        assert secret not in text
    p = to_rdflib(private)
    person = next(p.objects(iri("deelname", "mini", "GM1900"), KD.contactpersoon))
    assert set(p.predicate_objects(person)) == {
        (RDF.type, KD.Persoon), (SCHEMA.name, Literal("Jan Voorbeeld")), (SCHEMA.email, Literal("jan@example.org")),
        (SCHEMA.telephone, Literal("+31 6 00000000"))}
    assert "Jan" not in str(person)


def test_example_contacts_are_private_and_fake(built):
    public, private, _ = built[VOORBEELD / "voorbeeld.xlsx"]
    emails = [q.object.value for q in private if q.predicate.value == str(SCHEMA.email)]
    names = [q.object.value for q in private if q.predicate.value == str(SCHEMA.name)]
    assert len(emails) == len(names) == 12 and all(e.endswith("@example.org") for e in emails)
    public_text = "\n".join(str(q) for q in public)
    assert not [v for v in emails + names if v in public_text]


@pytest.fixture(scope="module")
def example(built) -> Graph:
    return to_rdflib(built[VOORBEELD / "voorbeeld.xlsx"][0])


def test_example_is_marked_fictional(example):
    t = iri("traject", "voorbeeld")
    assert (t, KD.fictief, Literal(True)) in example
    assert "fictief" in str(example.value(t, RDFS.label))
    assert "FICTIONAL" in (VOORBEELD / "README.md").read_text(encoding="utf-8")


def test_example_shape(example):
    count = Counter(example.objects(None, RDF.type))
    assert (count[KD.Deelname], count[KD.Project], count[KD.Vraagstuk], count[KD.Actie]) == (12, 12, 12, 12)
    assert 55 <= count[KD.Les] <= 65 and count[KD.Toepassing] == 0
    soorten = Counter(example.objects(None, KD.soort))
    assert {s.rsplit("/", 1)[-1]: n for s, n in soorten.items()} == {
        "intake": 12, "regionaal": 3, "werkbezoek": 2, "slot": 1}
    assert len(set(example.objects(None, KD.leergroep))) >= 1


def test_example_gemeenten_are_real_and_merged():
    import csv

    lang = DEFAULT_DATA / "reference" / "herindelingen_tooi_2000_2023_lang.csv"
    with lang.open(encoding="utf-8") as fh:
        created = {"GM" + r["gemeentecode"] for r in csv.DictReader(fh) if r["rol"] != "opgeheven"}
    public, _, _ = build_trajectory_quads(VOORBEELD, data_dir=DEFAULT_DATA)
    g = to_rdflib(public)
    codes = {str(o).rsplit("/", 1)[-1] for s in g.subjects(RDF.type, KD.Deelname) for o in g.objects(s, KD.gemeente)}
    assert len(codes) == 12 and codes <= created


def test_example_werkbezoek_hosts_are_in_the_practice_data(example):
    import csv

    with (DEFAULT_DATA / "praktijk" / "toepassingen.csv").open(encoding="utf-8") as fh:
        practice = {r["gemeentecode"] for r in csv.DictReader(fh)}
    hosts = {str(example.value(m, KD.gastgemeente)).rsplit("/", 1)[-1]
             for m in example.subjects(KD.soort, iri("bijeenkomstsoort", "werkbezoek"))}
    assert len(hosts) == 2 and hosts <= practice


def _evidence_by_theme(g: Graph, meetings: set[str] | None = None) -> dict[str, set[URIRef]]:
    """Theme slug -> the gemeenten named as evidence, over lessons of the given meetings (ids)."""
    prefix = str(iri("bijeenkomst", "voorbeeld", "x"))[:-1]
    out: dict[str, set[URIRef]] = {}
    for les in g.subjects(RDF.type, KD.Les):
        if meetings is not None and str(g.value(les, KD.bijeenkomst)).removeprefix(prefix) not in meetings:
            continue
        for thema in g.objects(les, KD.thema):
            out.setdefault(str(thema).rsplit("/", 1)[-1], set()).update(g.objects(les, KD.bewijs))
    return out


def test_example_has_threads_that_grow(example):
    """Threads exist (dorpsbudget/draagvlak over 5-7+ gemeenten) and grow between regional meeting 1 and 2."""
    everything = _evidence_by_theme(example)
    assert len(everything["draagvlak"]) >= 5 and len(everything["aanspreekpunt"]) >= 5
    assert len(everything["dorpsplannen"]) >= 5
    early = _evidence_by_theme(example, {"regio-1"})
    later = _evidence_by_theme(example, {"regio-1", "werkbezoek-1", "regio-2"})
    assert len(later["draagvlak"]) > len(early["draagvlak"])
    assert "dorpsplannen" in later and len(later["dorpsplannen"]) > len(early.get("dorpsplannen", ()))
    single = [les for les in example.subjects(RDF.type, KD.Les) if len(set(example.objects(les, KD.bewijs))) == 1]
    assert len(single) >= 10  # some lessons stand alone
