"""Overview, trajectories and their meetings, map points, choices (gemeenten, concepts, ladder)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rdflib import URIRef

from graph.namespace import KD, iri
from graph.views.common import key_of, label_patterns, point_of, select_rows

# --------------------------------------------------------------------------- overview

@dataclass(frozen=True)
class Overview:
    """Counts of what the graph holds."""

    gemeenten: int = 0
    kernen: int = 0
    toepassingen: int = 0
    instrumenten: int = 0
    lessen: int = 0
    bijeenkomsten: int = 0
    deelnemers: int = 0


Q_COUNT = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?cls }"
_COUNTED = {"gemeenten": "Gemeente", "kernen": "Kern", "toepassingen": "Toepassing",
            "instrumenten": "Instrument", "lessen": "Les", "bijeenkomsten": "Bijeenkomst",
            "deelnemers": "Deelname"}


def overview(store: Any) -> Overview:
    """How many gemeenten, kernen, instruments in use, lessons, meetings and participations."""
    counts = {name: int(select_rows(store, Q_COUNT, cls=URIRef(KD[cls]))[0]["n"] or 0)
              for name, cls in _COUNTED.items()}
    return Overview(**counts)


# --------------------------------------------------------------------------- trajectories

@dataclass(frozen=True)
class Traject:
    key: str  # traject/<slug>
    slug: str
    label: str
    fictief: bool


Q_TRAJECTEN = """
SELECT ?t ?label ?fictief WHERE { ?t a kd:Traject . OPTIONAL { ?t rdfs:label ?label }
  OPTIONAL { ?t kd:fictief ?fictief } } ORDER BY ?label ?t"""


def trajecten(store: Any) -> list[Traject]:
    """The learning trajectories in the store (``fictief`` for demonstration data)."""
    out = []
    for r in select_rows(store, Q_TRAJECTEN):
        key = key_of(r["t"])
        out.append(Traject(key, key.split("/", 1)[-1], str(r["label"] or key), bool(r["fictief"])))
    return out


@dataclass(frozen=True)
class Bijeenkomst:
    key: str
    label: str
    soort: str
    datum: str
    volgnummer: int | None
    plaats: str
    gastgemeente: str


Q_MEETINGS = """
SELECT ?m ?title ?soortLabel ?datum ?nr ?plaats ?gastLabel WHERE {
  ?m a kd:Bijeenkomst ; kd:traject ?t .
  OPTIONAL { ?m dcterms:title|rdfs:label ?title }
  OPTIONAL { ?m kd:soort ?soort """ + label_patterns("soort") + """ }
  OPTIONAL { ?m kd:datum ?datum } OPTIONAL { ?m kd:volgnummer ?nr } OPTIONAL { ?m kd:plaats ?plaats }
  OPTIONAL { ?m kd:gastgemeente ?gast . ?gast rdfs:label ?gastLabel }
} ORDER BY ?nr ?datum ?m"""


def meetings(store: Any, *, traject: str, lang: str = "nl") -> list[Bijeenkomst]:
    """The meetings of trajectory ``traject`` (a slug), in order."""
    rows = select_rows(store, Q_MEETINGS, t=iri("traject", traject), lang=lang)
    seen: dict[str, Bijeenkomst] = {}
    for r in rows:
        key = key_of(r["m"])
        soort = str(r["soortLabel"] or "")
        label = str(r["title"] or f"{soort} {r['datum'] or ''}".strip() or key)
        seen.setdefault(key, Bijeenkomst(key, label, soort, str(r["datum"] or ""), r["nr"],
                                     str(r["plaats"] or ""), str(r["gastLabel"] or "")))
    return list(seen.values())


# --------------------------------------------------------------------------- map

@dataclass(frozen=True)
class MapPoint:
    code: str
    label: str
    lat: float
    lon: float
    provincie: str
    deelnemer: bool
    praktijk: bool  # has an instrument in use or is evidence of a lesson in the practice data
    instrumenten: tuple[str, ...] = ()


Q_POINTS = """
SELECT ?g ?code ?label ?wkt ?provLabel WHERE {
  ?g a kd:Gemeente ; kd:code ?code ; rdfs:label ?label ; geo:hasGeometry/geo:asWKT ?wkt .
  OPTIONAL { ?g kd:provincie/rdfs:label ?provLabel } }"""
Q_DEELNEMERS = "SELECT DISTINCT ?g WHERE { ?d a kd:Deelname ; kd:gemeente ?g . OPTIONAL { ?d kd:traject ?t } }"
Q_USES = """
SELECT ?g ?instrument ?insLabel WHERE { ?a a kd:Toepassing ; kd:gemeente ?g ; kd:instrument ?instrument .
""" + label_patterns("ins", "instrument") + " }"


def map_points(store: Any, *, lang: str = "nl", all_gemeenten: bool = False) -> list[MapPoint]:
    """Centroids of participating and practice gemeenten (or of all, with ``all_gemeenten``)."""
    deelnemers = {r["g"] for r in select_rows(store, Q_DEELNEMERS)}
    uses: dict[str, set[str]] = {}
    for r in select_rows(store, Q_USES, lang=lang):
        uses.setdefault(r["g"], set()).add(str(r["insLabel"] or key_of(r["instrument"])))
    out = []
    for r in select_rows(store, Q_POINTS):
        point = point_of(r["wkt"])
        if point is None or not (all_gemeenten or r["g"] in deelnemers or r["g"] in uses):
            continue
        out.append(MapPoint(str(r["code"]), str(r["label"]), point[0], point[1], str(r["provLabel"] or ""),
                            r["g"] in deelnemers, r["g"] in uses, tuple(sorted(uses.get(r["g"], ())))))
    return sorted(out, key=lambda p: p.code)


# --------------------------------------------------------------------------- choices

Q_GEMEENTEN = "SELECT ?code ?label WHERE { ?g a kd:Gemeente ; kd:code ?code ; rdfs:label ?label } ORDER BY ?label"
Q_CONCEPTS = """
SELECT ?x ?xLabel WHERE { ?x a ?cls . """ + label_patterns("x") + " } ORDER BY ?xLabel"


def gemeenten(store: Any) -> list[tuple[str, str]]:
    """``(code, name)`` of every current gemeente, by name."""
    return [(str(r["code"]), str(r["label"])) for r in select_rows(store, Q_GEMEENTEN)]


def concepts(store: Any, *, kind: str, lang: str = "nl") -> dict[str, str]:
    """Key -> label of the instances of ``kd:<kind>`` (Thema, Instrument, InstrumentGroep, Provincie ...)."""
    rows = select_rows(store, Q_CONCEPTS, cls=URIRef(KD[kind]), lang=lang)
    return {key_of(r["x"]): str(r["xLabel"] or key_of(r["x"])) for r in rows}


Q_LADDER = """
SELECT ?l ?n ?lLabel WHERE { ?l a kd:LadderNiveau ; kd:niveau ?n . """ + label_patterns("l") + " } ORDER BY ?n"


def ladder(store: Any, *, lang: str = "nl") -> list[tuple[int, str]]:
    """The participation ladder: ``(level, label)`` from low (informeren) to high."""
    seen: dict[int, str] = {}
    for r in select_rows(store, Q_LADDER, lang=lang):
        seen.setdefault(int(r["n"]), str(r["lLabel"] or key_of(r["l"])))
    return sorted(seen.items())
