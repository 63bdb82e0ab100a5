"""A small hand-built trajectory graph for the summary and export tests.

Four fictional gemeenten (GM9001..GM9004, codes CBS never used), two instruments, two themes,
four meetings (intake, regionaal 1, werkbezoek, regionaal 2), five lessons (one hostile, at the werkbezoek), three
actions and one contact person in the private graph. Every value below is test data, not a fact.
"""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from graph.namespace import G_PRAKTIJK, G_PRIVATE, G_REFERENCE, KD, SCHEMA, graph_iri, iri

T = "mini"
G_T = graph_iri("traject", T)
HOSTILE = '=HYPERLINK("http://x") <img src=x onerror=alert(1)> | x |'
PERSON_NAME = "Jan Testpersoon"
PERSON_EMAIL = "jan@example.org"

GEMEENTEN = {  # code: (name, inwoners)
    "GM9001": ("Aadorp-Oost", 21000),
    "GM9002": ("Beekwoude", 34000),
    "GM9003": ("Crunsdal", 15000),
    "GM9004": ("Dijkerveen", 48000),
}
MEETINGS = {  # id: (soort, datum, volgnummer, attending gemeenten)
    "intake": ("intake", date(2025, 1, 10), 1, ["GM9001", "GM9002", "GM9003", "GM9004"]),
    "regio1": ("regionaal", date(2025, 3, 1), 2, ["GM9001", "GM9002", "GM9003"]),
    "wb1": ("werkbezoek", date(2025, 4, 1), 3, ["GM9001", "GM9004"]),
    "regio2": ("regionaal", date(2025, 5, 1), 4, ["GM9001", "GM9002", "GM9003", "GM9004"]),
}
LESSONS = {  # id: (title, meeting, themes, instruments, evidence)
    "l1": ("Draagvlak groeit met zichtbaar resultaat", "regio1", ["draagvlak"], ["dorpsbudget"],
           ["GM9001", "GM9002"]),
    "l2": ("Dorpsraad vraagt erkenning", "regio1", ["draagvlak"], ["dorpsraad"], ["GM9003"]),
    "l3": ("Basisbedrag plus bedrag per inwoner", "wb1", ["budgetverdeling"], ["dorpsbudget"],
           ["GM9002", "GM9004"]),
    "l4": ("Draagvlak vraagt een vast aanspreekpunt", "regio2", ["draagvlak"], [], ["GM9004"]),
    "l5": (HOSTILE, "wb1", ["budgetverdeling"], ["dorpsbudget"], ["GM9001"]),
}
ACTIONS = {  # id: (gemeente, deadline, status)
    "a1": ("GM9001", date(2025, 4, 15), "gereed"),
    "a2": ("GM9002", date(2025, 4, 20), "bezig"),
    "a3": ("GM9003", date(2025, 6, 1), "gepland"),
}
LADDER = [(1, "informeren", "Informeren", "Informing"), (2, "raadplegen", "Raadplegen", "Consulting"),
          (3, "adviseren", "Adviseren", "Advising"), (4, "coproduceren", "Coproduceren", "Co-producing"),
          (5, "meebeslissen", "Meebeslissen", "Co-deciding"),
          (6, "zelfbeheer", "Zelf beheren", "Self-managing")]
INSTRUMENTS = {  # id: (nl, en, ladder min, ladder max)
    "dorpsbudget": ("Dorpsbudget", "Village budget", "adviseren", "meebeslissen"),
    "dorpsraad": ("Dorpsraad / dorpsbelang", "Village council", "adviseren", "coproduceren"),
}
THEMES = {"draagvlak": ("Draagvlak", "Public support"),
          "budgetverdeling": ("Budgetverdeling", "Budget allocation")}
SOORTEN = {"intake": ("Intake", "Intake"), "regionaal": ("Regionale uitwisseling", "Regional exchange"),
           "werkbezoek": ("Werkbezoek", "Site visit")}
SOURCE_URL = "https://example.org/verslag-regio1"


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def _lit(value, *, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_n(XSD.boolean))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_n(XSD.integer))
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=_n(XSD.date))
    return ox.Literal(str(value))


class _Quads(list):
    def add(self, s, p, o, g) -> None:
        obj = o if isinstance(o, (ox.NamedNode, ox.Literal)) else _lit(o)
        self.append(ox.Quad(_n(s), _n(p), obj, _n(g)))

    def labels(self, s, p, nl: str, en: str, g) -> None:
        self.add(s, p, _lit(nl, lang="nl"), g)
        self.add(s, p, _lit(en, lang="en"), g)


def _reference(q: _Quads) -> None:
    for code, (name, inwoners) in GEMEENTEN.items():
        g = iri("gemeente", code)
        q.add(g, RDF.type, _n(KD.Gemeente), G_REFERENCE)
        q.add(g, RDFS.label, name, G_REFERENCE)
        q.add(g, KD.code, code, G_REFERENCE)
        q.add(g, KD.inwoners, inwoners, G_REFERENCE)
    for n, code in enumerate(["1001", "1002", "1003"]):
        k = iri("kern", code)
        q.add(k, RDF.type, _n(KD.Kern), G_REFERENCE)
        q.add(k, RDFS.label, f"Testkern {n + 1}", G_REFERENCE)
        q.add(k, KD.gemeente, _n(iri("gemeente", "GM9001")), G_REFERENCE)
    old, h = iri("gemeente", "GM8001"), iri("herindeling", "test-2019")
    q.add(old, RDF.type, _n(KD.VoormaligeGemeente), G_REFERENCE)
    q.add(old, RDFS.label, "Oudedorp", G_REFERENCE)
    q.add(old, KD.code, "GM8001", G_REFERENCE)
    q.add(h, RDF.type, _n(KD.Herindeling), G_REFERENCE)
    q.add(h, KD.datum, date(2019, 1, 1), G_REFERENCE)
    q.add(h, KD.opgeheven, _n(old), G_REFERENCE)
    q.add(h, KD.ingesteld, _n(iri("gemeente", "GM9001")), G_REFERENCE)


def _praktijk(q: _Quads) -> None:
    for n, slug, nl, en in LADDER:
        lv = iri("ladder", slug)
        q.add(lv, RDF.type, _n(KD.LadderNiveau), G_PRAKTIJK)
        q.add(lv, KD.niveau, n, G_PRAKTIJK)
        q.labels(lv, SKOS.prefLabel, nl, en, G_PRAKTIJK)
    for slug, (nl, en, lo, hi) in INSTRUMENTS.items():
        i = iri("instrument", slug)
        q.add(i, RDF.type, _n(KD.Instrument), G_PRAKTIJK)
        q.labels(i, SKOS.prefLabel, nl, en, G_PRAKTIJK)
        q.add(i, KD.ladderMin, _n(iri("ladder", lo)), G_PRAKTIJK)
        q.add(i, KD.ladderMax, _n(iri("ladder", hi)), G_PRAKTIJK)
    for slug, (nl, en) in THEMES.items():
        q.add(iri("thema", slug), RDF.type, _n(KD.Thema), G_PRAKTIJK)
        q.labels(iri("thema", slug), SKOS.prefLabel, nl, en, G_PRAKTIJK)
    for slug, (nl, en) in SOORTEN.items():
        q.labels(iri("bijeenkomstsoort", slug), SKOS.prefLabel, nl, en, G_PRAKTIJK)
    bron = iri("bron", "0123456789ab")
    q.add(bron, RDF.type, _n(KD.Bron), G_PRAKTIJK)
    q.add(bron, KD.url, ox.Literal(SOURCE_URL, datatype=_n(XSD.anyURI)), G_PRAKTIJK)
    q.add(bron, RDFS.label, "example.org", G_PRAKTIJK)
    t, b = iri("toepassing", "GM9001-dorpsbudget-abcdef12"), iri("bedrag", "GM9001-dorpsbudget")
    q.add(t, RDF.type, _n(KD.Toepassing), G_PRAKTIJK)
    q.add(t, KD.gemeente, _n(iri("gemeente", "GM9001")), G_PRAKTIJK)
    q.add(t, KD.instrument, _n(iri("instrument", "dorpsbudget")), G_PRAKTIJK)
    q.add(t, KD.lokaleNaam, "Kernenfonds", G_PRAKTIJK)
    q.add(t, KD.sinds, ox.Literal("2020", datatype=_n(XSD.gYear)), G_PRAKTIJK)
    q.add(t, KD.bedrag, _n(b), G_PRAKTIJK)
    q.add(t, DCTERMS.source, _n(bron), G_PRAKTIJK)
    q.add(b, RDF.type, _n(KD.Bedrag), G_PRAKTIJK)
    q.add(b, KD.waarde, ox.Literal("250000", datatype=_n(XSD.decimal)), G_PRAKTIJK)
    q.add(b, KD.eenheid, "EUR", G_PRAKTIJK)
    q.add(b, KD.peiljaar, ox.Literal("2022", datatype=_n(XSD.gYear)), G_PRAKTIJK)
    kt = iri("kerntelling", "GM9001-abcdef12")
    q.add(kt, RDF.type, _n(KD.Kerntelling), G_PRAKTIJK)
    q.add(kt, KD.gemeente, _n(iri("gemeente", "GM9001")), G_PRAKTIJK)
    q.add(kt, KD.aantal, 5, G_PRAKTIJK)
    q.add(kt, KD.watGeteld, "dorpen (gemeente)", G_PRAKTIJK)
    q.add(kt, DCTERMS.source, _n(bron), G_PRAKTIJK)


def _trajectory(q: _Quads) -> None:
    t = iri("traject", T)
    q.add(t, RDF.type, _n(KD.Traject), G_T)
    q.add(t, RDFS.label, "Mini-traject", G_T)
    q.add(t, KD.fictief, True, G_T)
    for code in GEMEENTEN:
        d = iri("deelname", T, code)
        q.add(d, RDF.type, _n(KD.Deelname), G_T)
        q.add(d, KD.traject, _n(t), G_T)
        q.add(d, KD.gemeente, _n(iri("gemeente", code)), G_T)
        q.add(d, KD.contactRol, "beleidsmedewerker", G_T)
        v = iri("vraagstuk", T, code)
        q.add(v, RDF.type, _n(KD.Vraagstuk), G_T)
        q.add(v, KD.deelname, _n(d), G_T)
        q.add(v, KD.gemeente, _n(iri("gemeente", code)), G_T)
        q.add(v, DCTERMS.title, f"Hoe verdelen we het dorpsbudget in {GEMEENTEN[code][0]}?", G_T)
        q.add(v, KD.thema, _n(iri("thema", "budgetverdeling")), G_T)
        q.add(v, KD.instrument, _n(iri("instrument", "dorpsbudget")), G_T)
        p = iri("project", T, code)
        q.add(p, RDF.type, _n(KD.Project), G_T)
        q.add(p, KD.deelname, _n(d), G_T)
        q.add(p, KD.gemeente, _n(iri("gemeente", code)), G_T)
        q.add(p, DCTERMS.title, f"Kernenaanpak {GEMEENTEN[code][0]}", G_T)
    person = iri("persoon", "aaaaaaaaaaaa")
    q.add(iri("deelname", T, "GM9001"), KD.contactpersoon, _n(person), G_PRIVATE)
    q.add(person, RDF.type, _n(KD.Persoon), G_PRIVATE)
    q.add(person, SCHEMA.name, PERSON_NAME, G_PRIVATE)
    q.add(person, SCHEMA.email, PERSON_EMAIL, G_PRIVATE)
    for mid, (soort, day, nr, present) in MEETINGS.items():
        m = iri("bijeenkomst", T, mid)
        q.add(m, RDF.type, _n(KD.Bijeenkomst), G_T)
        q.add(m, KD.traject, _n(t), G_T)
        q.add(m, KD.soort, _n(iri("bijeenkomstsoort", soort)), G_T)
        q.add(m, KD.datum, day, G_T)
        q.add(m, KD.volgnummer, nr, G_T)
        q.add(m, KD.plaats, "Dorpshuis De Test", G_T)
        if soort == "werkbezoek":
            q.add(m, KD.gastgemeente, _n(iri("gemeente", "GM9002")), G_T)
        for code in present:
            a = iri("aanwezigheid", T, mid, code)
            q.add(a, RDF.type, _n(KD.Aanwezigheid), G_T)
            q.add(a, KD.bijeenkomst, _n(m), G_T)
            q.add(a, KD.gemeente, _n(iri("gemeente", code)), G_T)
            q.add(a, KD.rol, "wethouder" if code == "GM9004" else "beleidsmedewerker", G_T)
    for lid, (title, mid, themes, instruments, evidence) in LESSONS.items():
        les = iri("les", T, lid)
        q.add(les, RDF.type, _n(KD.Les), G_T)
        q.add(les, KD.traject, _n(t), G_T)
        q.add(les, DCTERMS.title, title, G_T)
        q.add(les, KD.tekst, f"Toelichting bij {title}", G_T)
        q.add(les, KD.bijeenkomst, _n(iri("bijeenkomst", T, mid)), G_T)
        q.add(les, DCTERMS.source, _n(iri("bron", "0123456789ab")), G_T)
        for th in themes:
            q.add(les, KD.thema, _n(iri("thema", th)), G_T)
        for ins in instruments:
            q.add(les, KD.instrument, _n(iri("instrument", ins)), G_T)
        for code in evidence:
            q.add(les, KD.bewijs, _n(iri("gemeente", code)), G_T)
    for aid, (code, deadline, status) in ACTIONS.items():
        a = iri("actie", T, aid)
        q.add(a, RDF.type, _n(KD.Actie), G_T)
        q.add(a, KD.vraagstuk, _n(iri("vraagstuk", T, code)), G_T)
        q.add(a, DCTERMS.title, f"Actie {aid} van {GEMEENTEN[code][0]}", G_T)
        q.add(a, KD.eigenaarRol, "beleidsmedewerker", G_T)
        q.add(a, KD.deadline, deadline, G_T)
        q.add(a, KD.status, status, G_T)


def trajectory_quads() -> list[ox.Quad]:
    """All quads of the mini trajectory with its reference and practice context."""
    q = _Quads()
    _reference(q)
    _praktijk(q)
    _trajectory(q)
    return list(q)


EXAMPLE_PERSON = "Anna Voorbeeld"  # the fake contact persons of data/trajecten/voorbeeld

