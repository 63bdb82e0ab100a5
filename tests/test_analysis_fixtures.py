"""A tiny hand-built world for the analysis tests, as records and as quads in an in-memory store.

Four participants of trajectory ``t`` (GM0001-GM0004) and one practice gemeente (GM0005)::

    les t-l1 (meeting b1): draagvlak + dorpsbudget; bewijs GM0001, GM0002, GM0003; source example.org/a
    les t-l2 (meeting b1): jeugd; bewijs GM0004; source voorbeeld.nl/b
    les t-l3 (meeting b2): budget + dorpsbudget; bewijs GM0002, GM0003
    vraagstuk t-v1: GM0001, budget + dorpsbudget;  vraagstuk t-v2: GM0004, draagvlak
    uitkomst t-u1: GM0003, following from les t-l3
    praktijk: toepassingen GM0005 dorpsbudget 2015, GM0003 dorpsbudget 2020, GM0002 dorpsraad 2010;
              les p1: draagvlak + dorpsraad; bewijs GM0002, GM0005

The expected values in the tests were worked out by hand from this description.
"""

from __future__ import annotations

from graph.analysis.records import (
    Bijeenkomst, Element, Gemeente, Kern, Les, Records, Toepassing, Uitkomst, Vraagstuk,
)
from graph.namespace import G_PRAKTIJK, G_REFERENCE, GEO, KD, graph_iri, iri
from graph.sources.terms import Quads, node, wkt_point, year

GEMEENTEN = (
    Gemeente("GM0001", "Aadorp", provincie="Fryslân", inwoners=10_000, lat=53.0, lon=5.0, n_kernen=3, merged=True),
    Gemeente("GM0002", "Beedorp", provincie="Fryslân", inwoners=30_000, lat=53.0, lon=5.5, n_kernen=2, merged=False),
    Gemeente("GM0003", "Ceedorp", provincie="Groningen", inwoners=60_000, lat=53.2, lon=6.5, n_kernen=1, merged=False),
    Gemeente("GM0004", "Deedorp", provincie="Drenthe", inwoners=120_000, lat=52.8, lon=6.5, n_kernen=None, merged=False),
    Gemeente("GM0005", "Eedorp", provincie="Groningen", inwoners=15_000, lat=53.3, lon=6.8, n_kernen=None, merged=False),
)
PROVINCIES = {"Fryslân": "PV21", "Groningen": "PV20", "Drenthe": "PV22"}
ELEMENTS = (
    Element("thema/draagvlak", "draagvlak"), Element("thema/budget", "budget"), Element("thema/jeugd", "jeugd"),
    Element("instrument/dorpsbudget", "dorpsbudget"), Element("instrument/dorpsraad", "dorpsraad"),
)
A_URL, B_URL, P_URL = "https://example.org/a", "https://www.voorbeeld.nl/b", "https://example.org/p"
LESSEN = (
    Les("les/t-l1", "Draagvlak voor budgetten", themas=("thema/draagvlak",), instrumenten=("instrument/dorpsbudget",),
        gemeenten=("GM0001", "GM0002", "GM0003"), bijeenkomst="bijeenkomst/t-b1", traject="t", bronnen=(A_URL,)),
    Les("les/t-l2", "Jeugd doet mee", themas=("thema/jeugd",), gemeenten=("GM0004",),
        bijeenkomst="bijeenkomst/t-b1", traject="t", bronnen=(B_URL,)),
    Les("les/t-l3", "Budget per inwoner", themas=("thema/budget",), instrumenten=("instrument/dorpsbudget",),
        gemeenten=("GM0002", "GM0003"), bijeenkomst="bijeenkomst/t-b2", traject="t"),
    Les("les/praktijk-p1", "Raden werken", themas=("thema/draagvlak",), instrumenten=("instrument/dorpsraad",),
        gemeenten=("GM0002", "GM0005"), bronnen=(P_URL,)),
)
VRAAGSTUKKEN = (
    Vraagstuk("vraagstuk/t-v1", "Hoe verdelen we het dorpsbudget?", gemeenten=("GM0001",), themas=("thema/budget",),
              instrumenten=("instrument/dorpsbudget",), traject="t"),
    Vraagstuk("vraagstuk/t-v2", "Meer draagvlak", gemeenten=("GM0004",), themas=("thema/draagvlak",), traject="t"),
)
TOEPASSINGEN = (
    Toepassing("toepassing/GM0005-dorpsbudget-1", "GM0005", "instrument/dorpsbudget", sinds=2015, bronnen=(P_URL,)),
    Toepassing("toepassing/GM0003-dorpsbudget-2", "GM0003", "instrument/dorpsbudget", sinds=2020),
    Toepassing("toepassing/GM0002-dorpsraad-3", "GM0002", "instrument/dorpsraad", sinds=2010),
)
BIJEENKOMSTEN = (
    Bijeenkomst("bijeenkomst/t-b1", "Start", soort="bijeenkomstsoort/start", datum="2025-03-01", volgnummer=1,
                gastgemeente="GM0001", traject="t"),
    Bijeenkomst("bijeenkomst/t-b2", "Regio", soort="bijeenkomstsoort/regionaal", datum="2025-06-01", volgnummer=2,
                gastgemeente="GM0003", traject="t"),
)
DEELNEMERS = ("GM0001", "GM0002", "GM0003", "GM0004")
KERNEN = tuple(Kern(f"kern/{1000 + 10 * i + k}", f"Kern {1000 + 10 * i + k}", code)
               for i, (code, n) in enumerate((("GM0001", 3), ("GM0002", 2), ("GM0003", 1))) for k in range(n))
UITKOMSTEN = (Uitkomst("uitkomst/t-u1", "GM0003", les="les/t-l3", omschrijving="Verdeelsleutel vastgesteld"),)


def tiny_records(**changes) -> Records:
    """The tiny world as records; keyword arguments replace fields."""
    def by_key(items):
        return tuple(sorted(items, key=lambda x: x.key))

    fields = dict(gemeenten=GEMEENTEN, deelnemers=DEELNEMERS, elements=by_key(ELEMENTS), lessen=by_key(LESSEN),
                  vraagstukken=VRAAGSTUKKEN, toepassingen=by_key(TOEPASSINGEN), bijeenkomsten=BIJEENKOMSTEN,
                  uitkomsten=UITKOMSTEN, kernen=KERNEN, traject=None, trajecten=("t",))
    fields.update(changes)
    return Records(**fields)


def _n(key: str):
    kind, rest = key.split("/", 1)
    return node(iri(kind, rest))


def tiny_quads() -> list:
    """The same world as quads: reference, praktijk and trajectory graph ``t``."""
    ref, prak, traj = Quads(G_REFERENCE), Quads(G_PRAKTIJK), Quads(graph_iri("traject", "t"))
    for name, code in PROVINCIES.items():
        ref.typed(_n(f"provincie/{code}"), KD.Provincie)
        ref.add(_n(f"provincie/{code}"), KD.code, code)
        ref.add(_n(f"provincie/{code}"), node("http://www.w3.org/2000/01/rdf-schema#label"), name)
    for g in GEMEENTEN:
        _gemeente(ref, g)
    for k in KERNEN:
        ref.typed(_n(k.key), KD.Kern)
        ref.add(_n(k.key), KD.gemeente, _n(f"gemeente/{k.gemeente}"))
        ref.add(_n(k.key), node("http://www.w3.org/2000/01/rdf-schema#label"), k.label)
    ref.typed(_n("herindeling/wzg-1"), KD.Herindeling)
    ref.add(_n("herindeling/wzg-1"), KD.ingesteld, _n("gemeente/GM0001"))
    for e in ELEMENTS:
        ref.add(_n(e.key), node("http://www.w3.org/2004/02/skos/core#prefLabel"), e.label, lang="nl")
    for les in LESSEN:
        _les(prak if les.traject is None else traj, les)
    for t in TOEPASSINGEN:
        _toepassing(prak, t)
    _trajectory(traj)
    return ref.items + prak.items + traj.items


def _gemeente(q: Quads, g: Gemeente) -> None:
    s = _n(g.key)
    q.typed(s, KD.Gemeente)
    q.add(s, KD.code, g.code)
    q.add(s, node("http://www.w3.org/2000/01/rdf-schema#label"), g.label)
    q.add(s, KD.provincie, _n(f"provincie/{PROVINCIES[g.provincie]}"))
    q.add(s, KD.inwoners, g.inwoners)
    geometry = _n(f"geometrie/{g.code}")
    q.add(s, GEO.hasGeometry, geometry)
    q.add(geometry, GEO.asWKT, wkt_point(g.lon, g.lat))


def _les(q: Quads, les: Les) -> None:
    s = _n(les.key)
    q.typed(s, KD.Les)
    q.add(s, node("http://purl.org/dc/terms/title"), les.title, lang="nl")
    for e in les.themas:
        q.add(s, KD.thema, _n(e))
    for e in les.instrumenten:
        q.add(s, KD.instrument, _n(e))
    for code in les.gemeenten:
        q.add(s, KD.bewijs, _n(f"gemeente/{code}"))
    if les.bijeenkomst:
        q.add(s, KD.bijeenkomst, _n(les.bijeenkomst))
    if les.traject:
        q.add(s, KD.traject, _n(f"traject/{les.traject}"))
    q.bronnen(s, list(les.bronnen))


def _toepassing(q: Quads, t: Toepassing) -> None:
    s = _n(t.key)
    q.typed(s, KD.Toepassing)
    q.add(s, KD.gemeente, _n(f"gemeente/{t.gemeente}"))
    q.add(s, KD.instrument, _n(t.instrument))
    q.add(s, KD.sinds, None if t.sinds is None else year(t.sinds))
    q.bronnen(s, list(t.bronnen))


def _trajectory(q: Quads) -> None:
    traject = _n("traject/t")
    q.typed(traject, KD.Traject)
    for code in DEELNEMERS:
        d = _n(f"deelname/t-{code}")
        q.typed(d, KD.Deelname)
        q.add(d, KD.traject, traject)
        q.add(d, KD.gemeente, _n(f"gemeente/{code}"))
    for v in VRAAGSTUKKEN:
        s = _n(v.key)
        q.typed(s, KD.Vraagstuk)
        q.add(s, node("http://purl.org/dc/terms/title"), v.title, lang="nl")
        for code in v.gemeenten:
            q.add(s, KD.gemeente, _n(f"gemeente/{code}"))
        for e in (*v.themas, *v.instrumenten):
            q.add(s, KD.thema if e.startswith("thema/") else KD.instrument, _n(e))
    for b in BIJEENKOMSTEN:
        s = _n(b.key)
        q.typed(s, KD.Bijeenkomst)
        q.add(s, node("http://www.w3.org/2000/01/rdf-schema#label"), b.label, lang="nl")
        q.add(s, KD.soort, _n(b.soort))
        q.add(s, KD.datum, __import__("datetime").date.fromisoformat(b.datum))
        q.add(s, KD.volgnummer, b.volgnummer)
        q.add(s, KD.gastgemeente, _n(f"gemeente/{b.gastgemeente}"))
    for u in UITKOMSTEN:
        s = _n(u.key)
        q.typed(s, KD.Uitkomst)
        q.add(s, KD.gemeente, _n(f"gemeente/{u.gemeente}"))
        q.add(s, KD.les, _n(u.les))
        q.add(s, node("http://purl.org/dc/terms/description"), u.omschrijving, lang="nl")
