"""Every canned query (graph/sparql/queries/*.rq): its header, its parse, and its exact rows on a small graph.

The graph below is fictional (GM9xxx codes, made-up names), hand-built to give each query a few
rows whose values can be checked by hand.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.namespace import (G_ONTOLOGY, G_PRAKTIJK, G_PRIVATE, G_REFERENCE, KD, ORG, graph_iri, iri)
from graph.sparql import ParamError, check_query, get_canned, run_canned
from graph.sparql.canned import QUERY_DIR, canned_queries
from graph.store import LocalStore
from graph.vragen import VRAGEN

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
G_TRAJECT = graph_iri("traject", "test")


class _Graph:
    """A tiny quad writer: ``add(graph, subject, predicate, object)`` with plain Python objects."""

    def __init__(self):
        self.quads: list[ox.Quad] = []

    def add(self, graph, s, p, o) -> None:
        self.quads.append(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), _term(o), ox.NamedNode(str(graph))))

    def typed(self, graph, s, cls, label=None) -> None:
        self.add(graph, s, RDF + "type", iri_node(cls))
        if label is not None:
            self.add(graph, s, RDFS + "label", label)

    def concept(self, s, cls, nl: str, **props) -> None:
        self.add(G_ONTOLOGY, s, RDF + "type", iri_node(cls))
        self.add(G_ONTOLOGY, s, SKOS + "prefLabel", ox.Literal(nl, language="nl"))
        self.add(G_ONTOLOGY, s, SKOS + "prefLabel", ox.Literal(nl + " (en)", language="en"))
        for p, o in props.items():
            self.add(G_ONTOLOGY, s, getattr(KD, p), o)


def iri_node(value) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def _term(o):
    if isinstance(o, (ox.NamedNode, ox.Literal)):
        return o
    if isinstance(o, str) and str(o).startswith(("https://", "http://")):  # URIRef.startswith differs
        return ox.NamedNode(o)
    if isinstance(o, bool):
        return ox.Literal("true" if o else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(o, dt.date):
        return ox.Literal(o.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    if isinstance(o, Decimal):
        return ox.Literal(str(o), datatype=ox.NamedNode(XSD + "decimal"))
    return ox.Literal(o)


def gyear(year: int) -> ox.Literal:
    return ox.Literal(str(year), datatype=ox.NamedNode(XSD + "gYear"))


def gm(code: str):
    return iri("gemeente", code)


def _reference(g: _Graph) -> None:
    for code, name in (("PV91", "Testprovincie A"), ("PV92", "Testprovincie B")):
        g.typed(G_REFERENCE, iri("provincie", code), KD.Provincie, name)
        g.add(G_REFERENCE, iri("provincie", code), KD.code, code)
    for code, name, pv, inwoners in (("GM9001", "Aadorp-Noord", "PV91", 3000),
                                     ("GM9002", "Beekwoude", "PV91", 2000),
                                     ("GM9003", "Cedam", "PV92", 1000)):
        g.typed(G_REFERENCE, gm(code), KD.Gemeente, name)
        g.add(G_REFERENCE, gm(code), KD.code, code)
        g.add(G_REFERENCE, gm(code), KD.provincie, iri("provincie", pv))
        g.add(G_REFERENCE, gm(code), KD.inwoners, inwoners)
    for code, name, gemeente in (("9101", "Aa", "GM9001"), ("9102", "Ab", "GM9001"), ("9103", "Ac", "GM9001"),
                                 ("9201", "Ba", "GM9002"), ("9202", "Bb", "GM9002"), ("9301", "Ca", "GM9003")):
        g.typed(G_REFERENCE, iri("kern", code), KD.Kern, name)
        g.add(G_REFERENCE, iri("kern", code), KD.code, code)
        g.add(G_REFERENCE, iri("kern", code), KD.gemeente, gm(gemeente))
    for code, name, inwoners in (("WK900101", "Wijk Noord", 1800), ("WK900102", "Wijk Zuid", 1200)):
        g.typed(G_REFERENCE, iri("wijk", code), KD.Wijk, name)
        g.add(G_REFERENCE, iri("wijk", code), KD.code, code)
        g.add(G_REFERENCE, iri("wijk", code), KD.gemeente, gm("GM9001"))
        g.add(G_REFERENCE, iri("wijk", code), KD.inwoners, inwoners)
    for code, name, wijk, inwoners in (("BU90010101", "Buurt 1", "WK900101", 1000),
                                       ("BU90010102", "Buurt 2", "WK900101", 800),
                                       ("BU90010201", "Buurt 3", "WK900102", 1200)):
        g.typed(G_REFERENCE, iri("buurt", code), KD.Buurt, name)
        g.add(G_REFERENCE, iri("buurt", code), KD.code, code)
        g.add(G_REFERENCE, iri("buurt", code), KD.gemeente, gm("GM9001"))
        g.add(G_REFERENCE, iri("buurt", code), KD.wijk, iri("wijk", wijk))
        g.add(G_REFERENCE, iri("buurt", code), KD.inwoners, inwoners)
    _herindelingen(g)


def _herindelingen(g: _Graph) -> None:
    for code, name in (("GM8001", "Oud-Aa"), ("GM8002", "Oud-Ab"), ("GM8003", "Oud-Ac")):
        g.typed(G_REFERENCE, gm(code), KD.VoormaligeGemeente, name)
        g.add(G_REFERENCE, gm(code), KD.code, code)
    for key, date, kind, old in (("wzg-t1", dt.date(2019, 1, 1), "Samenvoeging", ["GM8001", "GM8002"]),
                                 ("wzg-t2", dt.date(2021, 1, 1), "Uitbreiding", ["GM8003", "GM9001"])):
        h = iri("herindeling", key)
        g.typed(G_REFERENCE, h, KD.Herindeling)
        g.add(G_REFERENCE, h, KD.datum, date)
        g.add(G_REFERENCE, h, KD.wijzigingstype, kind)
        g.add(G_REFERENCE, h, ORG.resultingOrganization, gm("GM9001"))
        for code in old:
            g.add(G_REFERENCE, h, ORG.originalOrganization, gm(code))


def _schemes(g: _Graph) -> None:
    g.concept(iri("ladder", "adviseren"), KD.LadderNiveau, "Adviseren", niveau=3)
    g.concept(iri("ladder", "meebeslissen"), KD.LadderNiveau, "Meebeslissen", niveau=5)
    g.concept(iri("ladder", "zelfbeheer"), KD.LadderNiveau, "Zelfbeheer", niveau=6)
    g.concept(iri("instrumentgroep", "budget"), KD.InstrumentGroep, "Budget")
    g.concept(iri("instrumentgroep", "overleg"), KD.InstrumentGroep, "Overleg")
    g.concept(iri("instrument", "dorpsbudget"), KD.Instrument, "Dorpsbudget",
              groep=iri("instrumentgroep", "budget"), ladderMin=iri("ladder", "meebeslissen"),
              ladderMax=iri("ladder", "zelfbeheer"), invloedZeggenschap="zeggenschap", rol="instrument")
    g.concept(iri("instrument", "dorpsraad"), KD.Instrument, "Dorpsraad",
              groep=iri("instrumentgroep", "overleg"), ladderMin=iri("ladder", "adviseren"),
              ladderMax=iri("ladder", "adviseren"), invloedZeggenschap="invloed", rol="instrument",
              wettelijkeBasis="testbasis")
    g.add(G_ONTOLOGY, iri("instrument", "dorpsraad"), SKOS + "altLabel", ox.Literal("Dorpsbelang", language="nl"))
    g.concept(iri("beslisrecht", "bindend"), KD.Beslisrecht, "Bindend")
    g.concept(iri("thema", "budgetverdeling"), KD.Thema, "Budgetverdeling")
    g.concept(iri("thema", "aanspreekpunt"), KD.Thema, "Aanspreekpunt")
    g.concept(iri("bijeenkomstsoort", "start"), KD.BijeenkomstSoort, "Startbijeenkomst")
    g.concept(iri("bijeenkomstsoort", "werkbezoek"), KD.BijeenkomstSoort, "Werkbezoek")


BRON_A, BRON_B = "https://example.org/a", "https://example.org/b"


def _praktijk(g: _Graph) -> None:
    for key, url in (("aaaaaaaaaaaa", BRON_A), ("bbbbbbbbbbbb", BRON_B)):
        g.typed(G_PRAKTIJK, iri("bron", key), KD.Bron, "example.org")
        g.add(G_PRAKTIJK, iri("bron", key), KD.url, ox.Literal(url, datatype=ox.NamedNode(XSD + "anyURI")))
    t1, t2, b1 = iri("toepassing", "GM9001-dorpsbudget-1"), iri("toepassing", "GM9002-dorpsraad-1"), iri("bedrag", "t1")
    g.typed(G_PRAKTIJK, t1, KD.Toepassing)
    for p, o in ((KD.gemeente, gm("GM9001")), (KD.instrument, iri("instrument", "dorpsbudget")),
                 (KD.lokaleNaam, "Kernbudget"), (KD.sinds, gyear(2020)), (KD.beslisrecht, iri("beslisrecht", "bindend")),
                 (KD.bedrag, b1), (DCT + "source", iri("bron", "aaaaaaaaaaaa"))):
        g.add(G_PRAKTIJK, t1, p, o)
    g.typed(G_PRAKTIJK, b1, KD.Bedrag)
    for p, o in ((KD.waarde, Decimal("10000")), (KD.eenheid, "EUR"), (KD.peiljaar, gyear(2022)), (KD.toelichting, "per jaar")):
        g.add(G_PRAKTIJK, b1, p, o)
    g.typed(G_PRAKTIJK, t2, KD.Toepassing)
    for p, o in ((KD.gemeente, gm("GM9002")), (KD.instrument, iri("instrument", "dorpsraad")),
                 (KD.lokaleNaam, "Dorpsraad Beekwoude")):
        g.add(G_PRAKTIJK, t2, p, o)
    for key, aantal, wat, bron in (("GM9001-1", 4, "dorpen", "aaaaaaaaaaaa"), ("GM9001-2", 3, "kernen (gemeente)", None)):
        k = iri("kerntelling", key)
        g.typed(G_PRAKTIJK, k, KD.Kerntelling)
        g.add(G_PRAKTIJK, k, KD.gemeente, gm("GM9001"))
        g.add(G_PRAKTIJK, k, KD.aantal, aantal)
        g.add(G_PRAKTIJK, k, KD.watGeteld, wat)
        if bron:
            g.add(G_PRAKTIJK, k, DCT + "source", iri("bron", bron))
    les = iri("les", "praktijk-vrij-geld")
    g.typed(G_PRAKTIJK, les, KD.Les)
    for p, o in ((DCT + "title", "Vrij te besteden geld werkt"), (KD.tekst, "Kernen besteden vrij geld beter."),
                 (KD.thema, iri("thema", "budgetverdeling")), (KD.instrument, iri("instrument", "dorpsbudget")),
                 (KD.bewijs, gm("GM9001")), (KD.bewijs, gm("GM9002")),
                 (DCT + "source", iri("bron", "aaaaaaaaaaaa")), (DCT + "source", iri("bron", "bbbbbbbbbbbb"))):
        g.add(G_PRAKTIJK, les, p, o)


def _traject(g: _Graph) -> None:
    t = iri("traject", "test")
    g.typed(G_TRAJECT, t, KD.Traject, "Testtraject")
    for code, groep, rol, heringedeeld, telling in (("GM9001", "A", "beleidsmedewerker", True, 4),
                                                    ("GM9003", "B", "raadslid", False, None)):
        d = iri("deelname", "test", code)
        g.typed(G_TRAJECT, d, KD.Deelname)
        for p, o in ((KD.traject, t), (KD.gemeente, gm(code)), (KD.leergroep, groep), (KD.contactRol, rol),
                     (KD.heringedeeld, heringedeeld), (KD.aantalKernenEigenTelling, telling)):
            if o is not None:
                g.add(G_TRAJECT, d, p, o)
        g.add(G_PRIVATE, iri("persoon", "0123456789ab"), RDFS + "label", "Geheime Naam")
    for key, n, soort, datum, plaats, gast in (("m1", 1, "start", dt.date(2025, 3, 1), "Aa", "GM9001"),
                                               ("m2", 2, "werkbezoek", dt.date(2025, 5, 1), None, None)):
        m = iri("bijeenkomst", "test", key)
        g.typed(G_TRAJECT, m, KD.Bijeenkomst)
        for p, o in ((KD.traject, t), (KD.volgnummer, n), (KD.soort, iri("bijeenkomstsoort", soort)),
                     (KD.datum, datum), (KD.plaats, plaats), (KD.gastgemeente, gast and gm(gast))):
            if o is not None:
                g.add(G_TRAJECT, m, p, o)
    for code in ("GM9001", "GM9003"):
        a = iri("aanwezigheid", "test", "m1", code)
        g.typed(G_TRAJECT, a, KD.Aanwezigheid)
        g.add(G_TRAJECT, a, KD.bijeenkomst, iri("bijeenkomst", "test", "m1"))
        g.add(G_TRAJECT, a, KD.gemeente, gm(code))


@pytest.fixture(scope="module")
def store() -> LocalStore:
    g = _Graph()
    for part in (_reference, _schemes, _praktijk, _traject):
        part(g)
    return LocalStore.in_memory(g.quads)


# name -> (params, expected records). Multi-valued cells (GROUP_CONCAT) are compared as sets.
EXPECTED: dict[str, tuple[dict, list[dict]]] = {
    "gemeenten-per-provincie": ({}, [
        {"provincie": "Testprovincie A", "gemeente": "Aadorp-Noord", "code": "GM9001", "inwoners": 3000},
        {"provincie": "Testprovincie A", "gemeente": "Beekwoude", "code": "GM9002", "inwoners": 2000},
        {"provincie": "Testprovincie B", "gemeente": "Cedam", "code": "GM9003", "inwoners": 1000}]),
    "gemeenten-met-veel-kernen": ({"min": "1"}, [
        {"gemeente": "Aadorp-Noord", "code": "GM9001", "provincie": "Testprovincie A", "kernen": 3},
        {"gemeente": "Beekwoude", "code": "GM9002", "provincie": "Testprovincie A", "kernen": 2}]),
    "kernen-van-gemeente": ({"gemeente": "Beekwoude"}, [
        {"kern": "Ba", "code": "9201"}, {"kern": "Bb", "code": "9202"}]),
    "wijken-van-gemeente": ({"gemeente": "GM9001"}, [
        {"wijk": "Wijk Noord", "code": "WK900101", "inwoners": 1800, "buurten": 2},
        {"wijk": "Wijk Zuid", "code": "WK900102", "inwoners": 1200, "buurten": 1}]),
    "buurten-van-gemeente": ({"gemeente": "GM9001"}, [
        {"wijk": "Wijk Noord", "buurt": "Buurt 1", "code": "BU90010101", "inwoners": 1000},
        {"wijk": "Wijk Noord", "buurt": "Buurt 2", "code": "BU90010102", "inwoners": 800},
        {"wijk": "Wijk Zuid", "buurt": "Buurt 3", "code": "BU90010201", "inwoners": 1200}]),
    "herindelingen-van-gemeente": ({"gemeente": "aadorp-noord"}, [
        {"datum": dt.date(2019, 1, 1), "wijzigingstype": "Samenvoeging", "voormalige_gemeente": "Oud-Aa", "code": "GM8001"},
        {"datum": dt.date(2019, 1, 1), "wijzigingstype": "Samenvoeging", "voormalige_gemeente": "Oud-Ab", "code": "GM8002"},
        {"datum": dt.date(2021, 1, 1), "wijzigingstype": "Uitbreiding", "voormalige_gemeente": "Oud-Ac", "code": "GM8003"}]),
    "instrumenten-per-gemeente": ({}, [
        {"gemeente": "Aadorp-Noord", "code": "GM9001", "instrument": "Dorpsbudget", "lokale_naam": "Kernbudget",
         "ladder_min": "Meebeslissen", "ladder_max": "Zelfbeheer", "sinds": 2020, "bedrag": Decimal("10000"),
         "eenheid": "EUR", "peiljaar": 2022, "toelichting": "per jaar"},
        {"gemeente": "Beekwoude", "code": "GM9002", "instrument": "Dorpsraad", "lokale_naam": "Dorpsraad Beekwoude",
         "ladder_min": "Adviseren", "ladder_max": "Adviseren", "sinds": None, "bedrag": None, "eenheid": None,
         "peiljaar": None, "toelichting": None}]),
    "gemeenten-met-instrument": ({"instrument": "Dorpsbudget"}, [
        {"gemeente": "Aadorp-Noord", "code": "GM9001", "lokale_naam": "Kernbudget", "sinds": 2020,
         "beslisrecht": "Bindend", "bron": {BRON_A}}]),
    "lessen-over-instrument": ({"instrument": "dorpsbudget"}, [
        {"les": "Vrij te besteden geld werkt", "tekst": "Kernen besteden vrij geld beter.",
         "bewijs": {"Aadorp-Noord", "Beekwoude"}, "bronnen": {BRON_A, BRON_B}}]),
    "instrumentenschema": ({}, [
        {"groep": "Budget", "instrument": "Dorpsbudget", "ladder_min": "Meebeslissen", "ladder_max": "Zelfbeheer",
         "niveau_min": 5, "niveau_max": 6, "invloed_zeggenschap": "zeggenschap", "rol": "instrument",
         "wettelijke_basis": None},
        {"groep": "Overleg", "instrument": "Dorpsraad", "ladder_min": "Adviseren", "ladder_max": "Adviseren",
         "niveau_min": 3, "niveau_max": 3, "invloed_zeggenschap": "invloed", "rol": "instrument",
         "wettelijke_basis": "testbasis"}]),
    "kerntellingen-van-gemeente": ({"gemeente": "GM9001"}, [
        {"aantal": 3, "wat_geteld": "kernen (gemeente)", "bag_woonplaatsen": 3, "bron": set()},
        {"aantal": 4, "wat_geteld": "dorpen", "bag_woonplaatsen": 3, "bron": {BRON_A}}]),
    "provincies": ({}, [
        {"provincie": "Testprovincie A", "code": "PV91", "gemeenten": 2, "kernen": 5, "inwoners": 5000},
        {"provincie": "Testprovincie B", "code": "PV92", "gemeenten": 1, "kernen": 1, "inwoners": 1000}]),
    "themas": ({}, [{"thema": "Budgetverdeling", "lessen": 1}, {"thema": "Aanspreekpunt", "lessen": 0}]),
    "traject-deelnemers": ({"traject": "test"}, [
        {"gemeente": "Aadorp-Noord", "code": "GM9001", "leergroep": "A", "contact_rol": "beleidsmedewerker",
         "heringedeeld": True, "kernen_eigen_telling": 4},
        {"gemeente": "Cedam", "code": "GM9003", "leergroep": "B", "contact_rol": "raadslid",
         "heringedeeld": False, "kernen_eigen_telling": None}]),
    "traject-bijeenkomsten": ({"traject": "test"}, [
        {"volgnummer": 1, "soort": "Startbijeenkomst", "datum": dt.date(2025, 3, 1), "plaats": "Aa",
         "gastgemeente": "Aadorp-Noord", "aanwezig": 2},
        {"volgnummer": 2, "soort": "Werkbezoek", "datum": dt.date(2025, 5, 1), "plaats": None,
         "gastgemeente": None, "aanwezig": 0}]),
}
FILES = sorted(QUERY_DIR.glob("*.rq"))
# Queries whose exact rows tests/test_vragen.py checks on the bundled data (the 25 user questions).
ON_BUNDLED_DATA = {v.query for v in VRAGEN if v.query} | {"lessen-alle-grafen", "organisaties-en-gemeenten"}


def _normalise(records: list[dict], expected: list[dict]) -> list[dict]:
    """Split GROUP_CONCAT cells into sets where the expectation is a set."""
    sets = {k for row in expected for k, v in row.items() if isinstance(v, set)}
    return [{k: (set(filter(None, (x.strip() for x in str(v or "").replace("|", ";").split(";"))))
                 if k in sets else v) for k, v in row.items()} for row in records]


def test_at_least_twelve_canned_queries():
    assert len(FILES) >= 12
    assert [q.name for q in canned_queries()] == [p.stem for p in FILES]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_header_is_complete_and_query_parses(path: Path):
    query = get_canned(path.stem)
    assert query.description_nl and query.description_en and query.columns
    assert f"# name: {path.stem}\n" in path.read_text(encoding="utf-8")
    for param in query.params:
        assert param.description and param.default is not None, param
    check_query(query.text)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_canned_query_rows(path: Path, store: LocalStore):
    if path.stem in ON_BUNDLED_DATA and path.stem not in EXPECTED:
        return  # checked row by row in tests/test_vragen.py
    assert path.stem in EXPECTED, f"add the expected rows of {path.name} to EXPECTED"
    params, expected = EXPECTED[path.stem]
    result = run_canned(path.stem, params=params, store=store)
    assert result.columns == get_canned(path.stem).columns
    assert _normalise(result.records(), expected) == expected


def test_private_graph_never_in_canned_results(store: LocalStore):
    for path in FILES:
        if path.stem not in EXPECTED:
            continue
        params, _ = EXPECTED[path.stem]
        text = run_canned(path.stem, params=params, store=store).to_csv()
        assert "Geheime Naam" not in text


BAD_PARAMS = {
    "unknown-name": ("kernen-van-gemeente", {"gemeent": "GM9001"}, "onbekende parameter.*gemeente \\(gemeente\\)"),
    "not-an-integer": ("gemeenten-met-veel-kernen", {"min": "veel"}, "'veel' is geen integer"),
    "unknown-gemeente": ("kernen-van-gemeente", {"gemeente": "Beekwoud"}, "bedoelde u 'beekwoude'"),
    "unknown-query": ("kernen-van-gemeent", {}, "bedoelde u kernen-van-gemeente"),
}


@pytest.mark.parametrize("name, params, message", BAD_PARAMS.values(), ids=BAD_PARAMS.keys())
def test_bad_params_name_the_valid_choices(name, params, message, store):
    with pytest.raises((ParamError, LookupError), match=message):
        run_canned(name, params=params, store=store)


def test_alt_label_finds_an_instrument(store):
    result = run_canned("gemeenten-met-instrument", params={"instrument": "dorpsbelang"}, store=store)
    assert result.column("gemeente") == ["Beekwoude"]
