"""What the app's pages show, as plain data: trusted, parameterised reads over a store.

Each function takes a store (anything with ``query(text, *, bindings=...)`` returning records) and
keyword-only options, and returns dataclasses of Python values; no Streamlit here. SPARQL text is
module constants; user choices are bound (``bindings``), never pasted in. Concept labels come in the
reader's language from the ontology's language tags, falling back to Dutch.

>>> from graph.store import LocalStore
>>> overview(LocalStore.in_memory()).gemeenten
0
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import URIRef

from graph.namespace import ID, iri

_POINT = re.compile(r"POINT\s*\(\s*([-0-9.eE]+)\s+([-0-9.eE]+)\s*\)")

# Label of ?x in ?lang, else Dutch, else untagged, else rdfs:label; as ?<x>Label.
_LABEL = """
  OPTIONAL {{ {x} skos:prefLabel ?{n}L1 FILTER(LANGMATCHES(LANG(?{n}L1), ?lang)) }}
  OPTIONAL {{ {x} skos:prefLabel ?{n}L2 FILTER(LANGMATCHES(LANG(?{n}L2), "nl")) }}
  OPTIONAL {{ {x} rdfs:label ?{n}L3 }}
  BIND(COALESCE(?{n}L1, ?{n}L2, ?{n}L3) AS ?{n}Label)"""


def _label(var: str, subject: str | None = None) -> str:
    """OPTIONAL patterns binding ``?<var>Label`` for the node ``?<subject or var>``."""
    return _LABEL.format(x="?" + (subject or var), n=var)


def key_of(value: object) -> str:
    """The key of one of our IRIs (the part after ``id/``); other values unchanged.

    >>> key_of(iri("gemeente", "GM1900"))
    'gemeente/GM1900'
    """
    text = str(value)
    return text[len(ID):] if text.startswith(ID) else text


LANGS = ("nl", "en")


def with_lang(text: str, lang: str | None) -> str:
    """``text`` with ``?lang`` replaced by the language tag, one of :data:`LANGS` (Dutch otherwise).

    The tag is written into the text (not bound) because a VALUES binding is not visible inside
    nested OPTIONAL groups, where the label patterns need it; it is never free user text.

    >>> with_lang('FILTER(LANGMATCHES(LANG(?l), ?lang))', "en"), with_lang("?lang", '"x'), with_lang("?x", None)
    ('FILTER(LANGMATCHES(LANG(?l), "en"))', '"nl"', '?x')
    """
    if lang is None:
        return text
    return text.replace("?lang", '"%s"' % (lang if lang in LANGS else LANGS[0]))


def _rows(store: Any, text: str, *, lang: str | None = None, **bindings: object) -> list[dict[str, Any]]:
    bound = {k: v for k, v in bindings.items() if v is not None}
    return list(store.query(with_lang(text, lang), bindings=bound or None).records())


def point_of(wkt: object) -> tuple[float, float] | None:
    """``(lat, lon)`` of a WKT point ``POINT(lon lat)``."""
    match = _POINT.search(str(wkt or ""))
    return (float(match.group(2)), float(match.group(1))) if match else None


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


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
    from graph.namespace import KD

    counts = {name: int(_rows(store, Q_COUNT, cls=URIRef(KD[cls]))[0]["n"] or 0)
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
    for r in _rows(store, Q_TRAJECTEN):
        key = key_of(r["t"])
        out.append(Traject(key, key.split("/", 1)[-1], str(r["label"] or key), bool(r["fictief"])))
    return out


@dataclass(frozen=True)
class Meeting:
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
  OPTIONAL { ?m kd:soort ?soort """ + _label("soort") + """ }
  OPTIONAL { ?m kd:datum ?datum } OPTIONAL { ?m kd:volgnummer ?nr } OPTIONAL { ?m kd:plaats ?plaats }
  OPTIONAL { ?m kd:gastgemeente ?gast . ?gast rdfs:label ?gastLabel }
} ORDER BY ?nr ?datum ?m"""


def meetings(store: Any, *, traject: str, lang: str = "nl") -> list[Meeting]:
    """The meetings of trajectory ``traject`` (a slug), in order."""
    rows = _rows(store, Q_MEETINGS, t=iri("traject", traject), lang=lang)
    seen: dict[str, Meeting] = {}
    for r in rows:
        key = key_of(r["m"])
        soort = str(r["soortLabel"] or "")
        label = str(r["title"] or f"{soort} {r['datum'] or ''}".strip() or key)
        seen.setdefault(key, Meeting(key, label, soort, str(r["datum"] or ""), r["nr"],
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
""" + _label("ins", "instrument") + " }"


def map_points(store: Any, *, lang: str = "nl", all_gemeenten: bool = False) -> list[MapPoint]:
    """Centroids of participating and practice gemeenten (or of all, with ``all_gemeenten``)."""
    deelnemers = {r["g"] for r in _rows(store, Q_DEELNEMERS)}
    uses: dict[str, set[str]] = {}
    for r in _rows(store, Q_USES, lang=lang):
        uses.setdefault(r["g"], set()).add(str(r["insLabel"] or key_of(r["instrument"])))
    out = []
    for r in _rows(store, Q_POINTS):
        point = point_of(r["wkt"])
        if point is None or not (all_gemeenten or r["g"] in deelnemers or r["g"] in uses):
            continue
        out.append(MapPoint(str(r["code"]), str(r["label"]), point[0], point[1], str(r["provLabel"] or ""),
                            r["g"] in deelnemers, r["g"] in uses, tuple(sorted(uses.get(r["g"], ())))))
    return sorted(out, key=lambda p: p.code)


# --------------------------------------------------------------------------- choices

Q_GEMEENTEN = "SELECT ?code ?label WHERE { ?g a kd:Gemeente ; kd:code ?code ; rdfs:label ?label } ORDER BY ?label"
Q_CONCEPTS = """
SELECT ?x ?xLabel WHERE { ?x a ?cls . """ + _label("x") + " } ORDER BY ?xLabel"


def gemeenten(store: Any) -> list[tuple[str, str]]:
    """``(code, name)`` of every current gemeente, by name."""
    return [(str(r["code"]), str(r["label"])) for r in _rows(store, Q_GEMEENTEN)]


def concepts(store: Any, *, kind: str, lang: str = "nl") -> dict[str, str]:
    """Key -> label of the instances of ``kd:<kind>`` (Thema, Instrument, InstrumentGroep, Provincie ...)."""
    from graph.namespace import KD

    rows = _rows(store, Q_CONCEPTS, cls=URIRef(KD[kind]), lang=lang)
    return {key_of(r["x"]): str(r["xLabel"] or key_of(r["x"])) for r in rows}


# --------------------------------------------------------------------------- instruments

@dataclass(frozen=True)
class Instrument:
    key: str
    label: str
    groep: str
    groep_label: str
    ladder_min: int | None
    ladder_max: int | None
    ladder_min_label: str
    ladder_max_label: str
    invloed_zeggenschap: str
    definitie: str
    gemeenten: int  # gemeenten with this instrument in use


Q_INSTRUMENTS = """
SELECT ?i ?iLabel ?groep ?gLabel ?lo ?hi ?loLabel ?hiLabel ?iz ?def (COUNT(DISTINCT ?gm) AS ?n) WHERE {
  ?i a kd:Instrument . """ + _label("i") + """
  OPTIONAL { ?i kd:groep ?groep . ?groep skos:prefLabel|rdfs:label ?gLabel
             FILTER(LANG(?gLabel) = "" || LANGMATCHES(LANG(?gLabel), ?lang)) }
  OPTIONAL { ?i kd:ladderMin ?lmin . ?lmin kd:niveau ?lo . ?lmin skos:prefLabel ?loLabel
             FILTER(LANGMATCHES(LANG(?loLabel), ?lang)) }
  OPTIONAL { ?i kd:ladderMax ?lmax . ?lmax kd:niveau ?hi . ?lmax skos:prefLabel ?hiLabel
             FILTER(LANGMATCHES(LANG(?hiLabel), ?lang)) }
  OPTIONAL { ?i kd:invloedZeggenschap ?iz }
  OPTIONAL { ?i skos:definition ?def FILTER(LANGMATCHES(LANG(?def), ?lang)) }
  OPTIONAL { ?a kd:instrument ?i ; a kd:Toepassing ; kd:gemeente ?gm }
} GROUP BY ?i ?iLabel ?groep ?gLabel ?lo ?hi ?loLabel ?hiLabel ?iz ?def ORDER BY ?lo ?hi ?iLabel"""


def instruments(store: Any, *, lang: str = "nl") -> list[Instrument]:
    """The instrument scheme with group, ladder range, invloed/zeggenschap and use count."""
    seen: dict[str, Instrument] = {}
    for r in _rows(store, Q_INSTRUMENTS, lang=lang):
        key = key_of(r["i"])
        seen.setdefault(key, Instrument(
            key, str(r["iLabel"] or key), key_of(r["groep"] or ""), str(r["gLabel"] or ""),
            _int(r["lo"]), _int(r["hi"]), str(r["loLabel"] or ""), str(r["hiLabel"] or ""),
            str(r["iz"] or ""), str(r["def"] or ""), int(r["n"] or 0)))
    return list(seen.values())


def _int(value: object) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Use:
    """An instrument in use (a kd:Toepassing) with its figures and sources."""

    gemeente_code: str
    gemeente: str
    instrument: str
    instrument_label: str
    lokale_naam: str
    sinds: str
    tot: str
    omschrijving: str
    bedrag: float | None
    eenheid: str
    peiljaar: str
    beslisrecht: str
    bronnen: tuple[str, ...] = ()


Q_USES_FULL = """
SELECT ?a ?code ?gLabel ?i ?iLabel ?naam ?sinds ?tot ?desc ?waarde ?eenheid ?peil ?brLabel ?url WHERE {
  ?a a kd:Toepassing ; kd:gemeente ?g ; kd:instrument ?i .
  ?g kd:code ?code ; rdfs:label ?gLabel . """ + _label("i") + """
  OPTIONAL { ?a kd:lokaleNaam ?naam } OPTIONAL { ?a kd:sinds ?sinds } OPTIONAL { ?a kd:tot ?tot }
  OPTIONAL { ?a dcterms:description ?desc }
  OPTIONAL { ?a kd:bedrag ?b . ?b kd:waarde ?waarde OPTIONAL { ?b kd:eenheid ?eenheid }
             OPTIONAL { ?b kd:peiljaar ?peil } }
  OPTIONAL { ?a kd:beslisrecht ?br . """ + _label("br") + """ }
  OPTIONAL { ?a dcterms:source/kd:url ?url }
  FILTER(!BOUND(?filterG) || ?g = ?filterG) FILTER(!BOUND(?filterI) || ?i = ?filterI)
} ORDER BY ?gLabel ?iLabel ?a"""


def uses(store: Any, *, gemeente: str | None = None, instrument: str | None = None,
         lang: str = "nl") -> list[Use]:
    """Instruments in use, for one gemeente (code) and/or one instrument (key ``instrument/<slug>``)."""
    g = iri("gemeente", gemeente) if gemeente else None
    i = URIRef(ID + instrument) if instrument else None
    grouped: dict[str, tuple[dict, list[str]]] = {}
    for r in _rows(store, Q_USES_FULL, filterG=g, filterI=i, lang=lang):
        entry = grouped.setdefault(r["a"], (r, []))
        if r["url"] and str(r["url"]) not in entry[1]:
            entry[1].append(str(r["url"]))
    return [_use(r, urls) for r, urls in grouped.values()]


def _use(r: dict, urls: list[str]) -> Use:
    waarde = r["waarde"]
    return Use(str(r["code"]), str(r["gLabel"]), key_of(r["i"]), str(r["iLabel"] or key_of(r["i"])),
               str(r["naam"] or ""), str(r["sinds"] or ""), str(r["tot"] or ""), str(r["desc"] or ""),
               None if waarde is None else float(waarde), str(r["eenheid"] or ""), str(r["peil"] or ""),
               str(r["brLabel"] or ""), tuple(urls))


# --------------------------------------------------------------------------- lessons

@dataclass(frozen=True)
class Lesson:
    key: str
    title: str
    tekst: str
    traject: str  # slug, or "" for the practice data
    gemeenten: tuple[str, ...] = ()  # names of the gemeenten that are its evidence
    themas: tuple[str, ...] = ()
    instrumenten: tuple[str, ...] = ()
    bronnen: tuple[str, ...] = ()


Q_LESSONS = """
SELECT ?l ?title ?tekst ?t ?gLabel ?thLabel ?insLabel ?url WHERE {
  ?l a kd:Les . OPTIONAL { ?l dcterms:title ?title } OPTIONAL { ?l kd:tekst ?tekst }
  OPTIONAL { ?l kd:traject ?t }
  OPTIONAL { ?l kd:bewijs ?g . ?g rdfs:label ?gLabel }
  OPTIONAL { ?l kd:thema ?th . """ + _label("th") + """ }
  OPTIONAL { ?l kd:instrument ?ins . """ + _label("ins") + """ }
  OPTIONAL { ?l dcterms:source/kd:url ?url }
  FILTER(!BOUND(?filterG) || EXISTS { ?l kd:bewijs ?filterG })
  FILTER(!BOUND(?filterI) || EXISTS { ?l kd:instrument ?filterI })
}"""


def lessons(store: Any, *, gemeente: str | None = None, instrument: str | None = None,
            lang: str = "nl") -> list[Lesson]:
    """Lessons with their evidence, for one gemeente (code) and/or one instrument key."""
    g = iri("gemeente", gemeente) if gemeente else None
    i = URIRef(ID + instrument) if instrument else None
    acc: dict[str, dict[str, Any]] = {}
    for r in _rows(store, Q_LESSONS, filterG=g, filterI=i, lang=lang):
        a = acc.setdefault(r["l"], {"title": r["title"], "tekst": r["tekst"], "t": r["t"],
                                    "g": {}, "th": {}, "ins": {}, "url": {}})
        for name, col in (("g", "gLabel"), ("th", "thLabel"), ("ins", "insLabel"), ("url", "url")):
            if r[col] is not None:
                a[name][str(r[col])] = None
    out = [Lesson(key_of(k), str(a["title"] or key_of(k)), str(a["tekst"] or ""),
                  key_of(a["t"]).split("/", 1)[-1] if a["t"] else "", tuple(a["g"]), tuple(a["th"]),
                  tuple(a["ins"]), tuple(a["url"])) for k, a in acc.items()]
    return sorted(out, key=lambda les: (les.traject, les.title))


Q_LADDER = """
SELECT ?l ?n ?lLabel WHERE { ?l a kd:LadderNiveau ; kd:niveau ?n . """ + _label("l") + " } ORDER BY ?n"


def ladder(store: Any, *, lang: str = "nl") -> list[tuple[int, str]]:
    """The participation ladder: ``(level, label)`` from low (informeren) to high."""
    seen: dict[int, str] = {}
    for r in _rows(store, Q_LADDER, lang=lang):
        seen.setdefault(int(r["n"]), str(r["lLabel"] or key_of(r["l"])))
    return sorted(seen.items())


# --------------------------------------------------------------------------- gemeente profile

@dataclass(frozen=True)
class Herindeling:
    datum: str
    soort: str
    opgeheven: tuple[str, ...]  # names of the gemeenten it abolished


@dataclass(frozen=True)
class Telling:
    """A gemeente's own count of its kernen, with what was counted and the source."""

    aantal: int | None
    wat_geteld: str
    peiljaar: str
    bronnen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    code: str
    label: str
    provincie: str = ""
    inwoners: int | None = None
    huishoudens: int | None = None
    stedelijkheid: int | None = None
    kernen: int = 0  # BAG woonplaatsen
    kern_namen: tuple[str, ...] = ()
    wijken: int = 0
    links: tuple[str, ...] = ()  # TOOI and Wikidata IRIs (owl:sameAs)
    herindelingen: tuple[Herindeling, ...] = ()
    tellingen: tuple[Telling, ...] = ()


Q_PROFILE = """
SELECT ?label ?provLabel ?inwoners ?huishoudens ?sted WHERE { ?g rdfs:label ?label .
  OPTIONAL { ?g kd:provincie/rdfs:label ?provLabel } OPTIONAL { ?g kd:inwoners ?inwoners }
  OPTIONAL { ?g kd:huishoudens ?huishoudens } OPTIONAL { ?g kd:stedelijkheid ?sted } }"""
Q_KERNEN = "SELECT ?name WHERE { ?k a kd:Kern ; kd:gemeente ?g ; rdfs:label ?name } ORDER BY ?name"
Q_WIJKEN = "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a kd:Wijk ; kd:gemeente ?g }"
Q_SAMEAS = "SELECT DISTINCT ?x WHERE { ?g owl:sameAs ?x } ORDER BY ?x"
Q_HERINDELINGEN = """
SELECT ?h ?datum ?soort ?oldLabel WHERE { ?h a kd:Herindeling .
  { ?h kd:ingesteld ?g } UNION { ?h kd:uitgebreid ?g } UNION { ?h org:resultingOrganization ?g }
  OPTIONAL { ?h kd:datum ?datum } OPTIONAL { ?h kd:wijzigingstype ?soort }
  OPTIONAL { ?h kd:opgeheven ?old . ?old rdfs:label ?oldLabel } } ORDER BY DESC(?datum) ?oldLabel"""
Q_TELLINGEN = """
SELECT ?k ?aantal ?wat ?peil ?url WHERE { ?k a kd:Kerntelling ; kd:gemeente ?g .
  OPTIONAL { ?k kd:aantal ?aantal } OPTIONAL { ?k kd:watGeteld ?wat } OPTIONAL { ?k kd:peiljaar ?peil }
  OPTIONAL { ?k dcterms:source/kd:url ?url } } ORDER BY ?peil ?k"""


def profile(store: Any, *, code: str) -> Profile | None:
    """Reference facts of gemeente ``code``: size, kernen (BAG woonplaatsen), wijken, herindelingen, links."""
    g = iri("gemeente", code)
    head = _rows(store, Q_PROFILE, g=g)
    if not head:
        return None
    h = head[0]
    kernen = tuple(str(r["name"]) for r in _rows(store, Q_KERNEN, g=g))
    return Profile(code, str(h["label"]), str(h["provLabel"] or ""), _int(h["inwoners"]), _int(h["huishoudens"]),
                   _int(h["sted"]), len(kernen), kernen, int(_rows(store, Q_WIJKEN, g=g)[0]["n"] or 0),
                   tuple(str(r["x"]) for r in _rows(store, Q_SAMEAS, g=g)),
                   _herindelingen(_rows(store, Q_HERINDELINGEN, g=g)), _tellingen(_rows(store, Q_TELLINGEN, g=g)))


def _herindelingen(rows: list[dict]) -> tuple[Herindeling, ...]:
    acc: dict[str, tuple[dict, list[str]]] = {}
    for r in rows:
        entry = acc.setdefault(r["h"], (r, []))
        if r["oldLabel"] and str(r["oldLabel"]) not in entry[1]:
            entry[1].append(str(r["oldLabel"]))
    return tuple(Herindeling(str(r["datum"] or ""), str(r["soort"] or ""), tuple(olds)) for r, olds in acc.values())


def _tellingen(rows: list[dict]) -> tuple[Telling, ...]:
    acc: dict[str, tuple[dict, list[str]]] = {}
    for r in rows:
        entry = acc.setdefault(r["k"], (r, []))
        if r["url"] and str(r["url"]) not in entry[1]:
            entry[1].append(str(r["url"]))
    return tuple(Telling(_int(r["aantal"]), str(r["wat"] or ""), str(r["peil"] or ""), tuple(urls))
                 for r, urls in acc.values())


@dataclass(frozen=True)
class WorkItem:
    """A gemeente's project, question or action in a trajectory."""

    soort: str  # project | vraagstuk | actie
    title: str
    traject: str
    status: str = ""
    deadline: str = ""
    eigenaar: str = ""


Q_WORK = """
SELECT ?x ?cls ?title ?t ?status ?deadline ?owner WHERE {
  { ?x a kd:Project ; kd:gemeente ?g . BIND("project" AS ?cls) }
  UNION { ?x a kd:Vraagstuk ; kd:gemeente ?g . BIND("vraagstuk" AS ?cls) }
  UNION { ?x a kd:Actie ; kd:vraagstuk/kd:gemeente ?g . BIND("actie" AS ?cls) }
  OPTIONAL { ?x dcterms:title ?title } OPTIONAL { ?x kd:status ?status } OPTIONAL { ?x kd:deadline ?deadline }
  OPTIONAL { ?x kd:eigenaarRol ?owner }
  OPTIONAL { ?x (kd:deelname|kd:vraagstuk/kd:deelname)/kd:traject ?t }
} ORDER BY ?cls ?deadline ?title"""


def work(store: Any, *, code: str) -> list[WorkItem]:
    """The projects, questions and actions of gemeente ``code`` in every trajectory."""
    seen: dict[str, WorkItem] = {}
    for r in _rows(store, Q_WORK, g=iri("gemeente", code)):
        slug = key_of(r["t"]).split("/", 1)[-1] if r["t"] else ""
        seen.setdefault(r["x"], WorkItem(str(r["cls"]), str(r["title"] or key_of(r["x"])), slug,
                                         str(r["status"] or ""), str(r["deadline"] or ""), str(r["owner"] or "")))
    return list(seen.values())
