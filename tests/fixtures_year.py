"""A FICTIONAL year-long trajectory in six snapshots: the store as the facilitator rebuilds it.

Twelve invented gemeenten (GM9101..GM9112, codes CBS never used, names marked fictief), two intakes
(one round, volgnummer 1), a start, two regional meetings, a werkbezoek and a closing meeting. After
each round the facilitator adds that round's lessons, action statuses and outcomes and rebuilds:
snapshot k holds everything recorded after rounds 1..k and is used to print the pack of round k+1.
Every value is test data, not a fact about any municipality.

Cumulative supports (gemeenten per element) after each round, worked out by hand:

====== ========================= ========================= ==================== ====================
round  draagvlak                 dorpsbudget               budgetverdeling      dorpsraad
====== ========================= ========================= ==================== ====================
1      A B                       A B                       C                    -
2      A B D E F                 A B                       C                    D E F
3      A B D E F I               A B G H                   A C G H              D E F
4      (same)                    (same)                    (same)               D E F J K
5      (same, L8 adds A again)   A B C G H L               A C G H L            D E F J K
6      (same)                    (same)                    (same)               A D E F J K
====== ========================= ========================= ==================== ====================
"""

from __future__ import annotations

from datetime import date

from fixtures_trajectory import _n, _praktijk, _Quads
from rdflib.namespace import DCTERMS, RDF, RDFS

from graph.namespace import G_REFERENCE, KD, graph_iri, iri

T = "jaar"
G_T = graph_iri("traject", T)
LETTERS = "ABCDEFGHIJKL"
CODES = {letter: f"GM91{n + 1:02d}" for n, letter in enumerate(LETTERS)}
NAMES = {CODES[x]: f"{name} (fictief)" for x, name in zip(LETTERS, [
    "Aakerveen", "Bosloo", "Cromdijk", "Dalwerd", "Eemsloot", "Fennehoek", "Gaasterdorp", "Heukelum-Oost",
    "Ilpenwoude", "Jonkersveld", "Kollumerhorn", "Lindewaard"])}
# id: (soort, datum, volgnummer, host letter, round)
MEETINGS = {
    "intake-a": ("intake", date(2025, 1, 10), 1, None, 1),
    "intake-b": ("intake", date(2025, 1, 17), 1, None, 1),
    "start": ("start", date(2025, 2, 7), 2, None, 2),
    "regio1": ("regionaal", date(2025, 3, 14), 3, None, 3),
    "wb1": ("werkbezoek", date(2025, 4, 11), 4, "J", 4),
    "regio2": ("regionaal", date(2025, 6, 13), 5, None, 5),
    "slot": ("slot", date(2025, 11, 28), 6, None, 6),
}
LEERGROEP = {letter: "Noord" if letter in "ABCDEF" else "Zuid" for letter in LETTERS}
ATTENDANCE = {"wb1": "ABJK", "regio2": "ABCDGHL"}  # planned or recorded; the others: everyone invited
PACK_OF_SNAPSHOT = {1: "start", 2: "regio1", 3: "wb1", 4: "regio2", 5: "slot"}
# id: (meeting, themes, instruments, evidence letters)
LESSONS = {
    "l1": ("intake-a", ["draagvlak"], ["dorpsbudget"], "AB"),
    "l2": ("intake-b", ["budgetverdeling"], [], "C"),
    "l3": ("start", ["draagvlak"], ["dorpsraad"], "DEF"),
    "l4": ("regio1", ["budgetverdeling"], ["dorpsbudget"], "AGH"),
    "l5": ("regio1", ["draagvlak"], [], "BI"),
    "l6": ("wb1", [], ["dorpsraad"], "JK"),
    "l7": ("regio2", ["budgetverdeling"], ["dorpsbudget"], "LC"),
    "l8": ("regio2", ["draagvlak"], [], "A"),
    "l9": ("slot", [], ["dorpsraad"], "A"),
}
# id: (gemeente letter, deadline, {snapshot from which it holds: (status, completion date)})
ACTIONS = {
    "act1": ("A", date(2025, 3, 1), {1: ("bezig", None), 3: ("gereed", date(2025, 3, 20))}),
    "act2": ("B", date(2025, 5, 1), {1: ("bezig", None)}),
    "act3": ("C", date(2025, 9, 1), {1: ("gepland", None), 5: ("gereed", date(2025, 8, 15))}),
}
# id: (gemeente letter, datum, first snapshot that holds it)
OUTCOMES = {
    "u1": ("G", date(2025, 4, 20), 4),
    "u2": ("A", date(2025, 7, 1), 5),
}


def _round(meeting: str) -> int:
    return MEETINGS[meeting][4]


def _state(history: dict[int, tuple], snapshot: int) -> tuple:
    return history[max(k for k in history if k <= snapshot)]


def _reference(q: _Quads) -> None:
    for n, (code, name) in enumerate(NAMES.items()):
        g = iri("gemeente", code)
        q.add(g, RDF.type, _n(KD.Gemeente), G_REFERENCE)
        q.add(g, RDFS.label, name, G_REFERENCE)
        q.add(g, KD.code, code, G_REFERENCE)
        q.add(g, KD.inwoners, 10000 + 1000 * n, G_REFERENCE)


def _participants(q: _Quads, t) -> None:
    for code, name in NAMES.items():
        d = iri("deelname", T, code)
        q.add(d, RDF.type, _n(KD.Deelname), G_T)
        q.add(d, KD.traject, _n(t), G_T)
        q.add(d, KD.gemeente, _n(iri("gemeente", code)), G_T)
        q.add(d, KD.contactRol, "beleidsmedewerker", G_T)
        q.add(d, KD.leergroep, LEERGROEP[LETTERS[list(CODES.values()).index(code)]], G_T)
        v = iri("vraagstuk", T, code)
        q.add(v, RDF.type, _n(KD.Vraagstuk), G_T)
        q.add(v, KD.deelname, _n(d), G_T)
        q.add(v, KD.gemeente, _n(iri("gemeente", code)), G_T)
        q.add(v, DCTERMS.title, f"Vraagstuk van {name}", G_T)


def _meetings(q: _Quads, t) -> None:
    for mid, (soort, day, nr, host, _) in MEETINGS.items():
        m = iri("bijeenkomst", T, mid)
        q.add(m, RDF.type, _n(KD.Bijeenkomst), G_T)
        q.add(m, KD.traject, _n(t), G_T)
        q.add(m, KD.soort, _n(iri("bijeenkomstsoort", soort)), G_T)
        q.add(m, KD.datum, day, G_T)
        q.add(m, KD.volgnummer, nr, G_T)
        if host:
            q.add(m, KD.gastgemeente, _n(iri("gemeente", CODES[host])), G_T)
        for letter in ATTENDANCE.get(mid, ""):
            a = iri("aanwezigheid", T, mid, CODES[letter])
            q.add(a, RDF.type, _n(KD.Aanwezigheid), G_T)
            q.add(a, KD.bijeenkomst, _n(m), G_T)
            q.add(a, KD.gemeente, _n(iri("gemeente", CODES[letter])), G_T)
            q.add(a, KD.rol, "beleidsmedewerker", G_T)


def _lessons(q: _Quads, t, snapshot: int) -> None:
    for lid, (mid, themes, instruments, evidence) in LESSONS.items():
        if _round(mid) > snapshot:
            continue
        les = iri("les", T, lid)
        q.add(les, RDF.type, _n(KD.Les), G_T)
        q.add(les, KD.traject, _n(t), G_T)
        q.add(les, DCTERMS.title, f"Les {lid}", G_T)
        q.add(les, KD.bijeenkomst, _n(iri("bijeenkomst", T, mid)), G_T)
        for th in themes:
            q.add(les, KD.thema, _n(iri("thema", th)), G_T)
        for ins in instruments:
            q.add(les, KD.instrument, _n(iri("instrument", ins)), G_T)
        for letter in evidence:
            q.add(les, KD.bewijs, _n(iri("gemeente", CODES[letter])), G_T)


def _actions(q: _Quads, t, snapshot: int) -> None:
    for aid, (letter, deadline, history) in ACTIONS.items():
        status, completed = _state(history, snapshot)
        a = iri("actie", T, aid)
        q.add(a, RDF.type, _n(KD.Actie), G_T)
        q.add(a, KD.traject, _n(t), G_T)
        q.add(a, KD.vraagstuk, _n(iri("vraagstuk", T, CODES[letter])), G_T)
        q.add(a, DCTERMS.title, f"Actie {aid}", G_T)
        q.add(a, KD.deadline, deadline, G_T)
        q.add(a, KD.status, status, G_T)
        if completed:
            q.add(a, KD.afgerond, completed, G_T)


def _outcomes(q: _Quads, t, snapshot: int) -> None:
    for uid, (letter, day, first) in OUTCOMES.items():
        if first > snapshot:
            continue
        u = iri("uitkomst", T, uid)
        q.add(u, RDF.type, _n(KD.Uitkomst), G_T)
        q.add(u, KD.traject, _n(t), G_T)
        q.add(u, KD.gemeente, _n(iri("gemeente", CODES[letter])), G_T)
        q.add(u, DCTERMS.description, f"Uitkomst {uid}", G_T)
        q.add(u, KD.datum, day, G_T)


def year_quads(snapshot: int) -> list:
    """The quads of snapshot 1..6: everything recorded after rounds 1..``snapshot``."""
    q = _Quads()
    _reference(q)
    _praktijk(q)
    t = iri("traject", T)
    q.add(t, RDF.type, _n(KD.Traject), G_T)
    q.add(t, RDFS.label, "Jaartraject (fictief)", G_T)
    q.add(t, KD.fictief, True, G_T)
    _participants(q, t)
    _meetings(q, t)
    _lessons(q, t, snapshot)
    _actions(q, t, snapshot)
    _outcomes(q, t, snapshot)
    return list(q)

