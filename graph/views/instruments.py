"""The instrument scheme, instruments in use (with amounts and sources), and lessons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rdflib import URIRef

from graph.namespace import ID, iri
from graph.views.common import as_int, key_of, label_patterns, select_rows

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
SELECT ?i ?iLabel ?groep ?gLabel ?lo ?hi ?loLabel ?hiLabel ?iz ?def ?n WHERE {
  ?i a kd:Instrument . """ + label_patterns("i") + """
  OPTIONAL { ?i kd:groep ?groep . ?groep skos:prefLabel|rdfs:label ?gLabel
             FILTER(LANG(?gLabel) = "" || LANGMATCHES(LANG(?gLabel), ?lang)) }
  OPTIONAL { ?i kd:ladderMin ?lmin . ?lmin kd:niveau ?lo . ?lmin skos:prefLabel ?loLabel
             FILTER(LANGMATCHES(LANG(?loLabel), ?lang)) }
  OPTIONAL { ?i kd:ladderMax ?lmax . ?lmax kd:niveau ?hi . ?lmax skos:prefLabel ?hiLabel
             FILTER(LANGMATCHES(LANG(?hiLabel), ?lang)) }
  OPTIONAL { ?i kd:invloedZeggenschap ?iz }
  OPTIONAL { ?i skos:definition ?def FILTER(LANGMATCHES(LANG(?def), ?lang)) }
  # counted apart: joined with the label patterns above, the uses multiply the rows before grouping
  OPTIONAL { SELECT ?i (COUNT(DISTINCT ?gm) AS ?n) WHERE { ?a kd:instrument ?i ; a kd:Toepassing ; kd:gemeente ?gm }
             GROUP BY ?i }
} ORDER BY ?lo ?hi ?iLabel"""


def instruments(store: Any, *, lang: str = "nl") -> list[Instrument]:
    """The instrument scheme with group, ladder range, invloed/zeggenschap and use count."""
    seen: dict[str, Instrument] = {}
    for r in select_rows(store, Q_INSTRUMENTS, lang=lang):
        key = key_of(r["i"])
        seen.setdefault(key, Instrument(
            key, str(r["iLabel"] or key), key_of(r["groep"] or ""), str(r["gLabel"] or ""),
            as_int(r["lo"]), as_int(r["hi"]), str(r["loLabel"] or ""), str(r["hiLabel"] or ""),
            str(r["iz"] or ""), str(r["def"] or ""), int(r["n"] or 0)))
    return list(seen.values())



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
    toelichting: str = ""  # what the amount is (how it is counted, what year it was spent)


Q_USES_FULL = """
SELECT ?a ?code ?gLabel ?i ?iLabel ?naam ?sinds ?tot ?desc ?waarde ?eenheid ?peil ?uitleg ?brLabel ?url WHERE {
  ?a a kd:Toepassing ; kd:gemeente ?g ; kd:instrument ?i .
  ?g kd:code ?code ; rdfs:label ?gLabel . """ + label_patterns("i") + """
  OPTIONAL { ?a kd:lokaleNaam ?naam } OPTIONAL { ?a kd:sinds ?sinds } OPTIONAL { ?a kd:tot ?tot }
  OPTIONAL { ?a dcterms:description ?desc }
  OPTIONAL { ?a kd:bedrag ?b . ?b kd:waarde ?waarde OPTIONAL { ?b kd:eenheid ?eenheid }
             OPTIONAL { ?b kd:peiljaar ?peil } OPTIONAL { ?b kd:toelichting ?uitleg } }
  OPTIONAL { ?a kd:beslisrecht ?br . """ + label_patterns("br") + """ }
  OPTIONAL { ?a dcterms:source/kd:url ?url }
  FILTER(!BOUND(?filterG) || ?g = ?filterG) FILTER(!BOUND(?filterI) || ?i = ?filterI)
} ORDER BY ?gLabel ?iLabel ?a"""


def uses(store: Any, *, gemeente: str | None = None, instrument: str | None = None,
         lang: str = "nl") -> list[Use]:
    """Instruments in use, for one gemeente (code) and/or one instrument (key ``instrument/<slug>``)."""
    g = iri("gemeente", gemeente) if gemeente else None
    i = URIRef(ID + instrument) if instrument else None
    grouped: dict[str, tuple[dict, list[str]]] = {}
    for r in select_rows(store, Q_USES_FULL, filterG=g, filterI=i, lang=lang):
        entry = grouped.setdefault(r["a"], (r, []))
        if r["url"] and str(r["url"]) not in entry[1]:
            entry[1].append(str(r["url"]))
    return [_use(r, urls) for r, urls in grouped.values()]


def _use(r: dict, urls: list[str]) -> Use:
    waarde = r["waarde"]
    return Use(str(r["code"]), str(r["gLabel"]), key_of(r["i"]), str(r["iLabel"] or key_of(r["i"])),
               str(r["naam"] or ""), str(r["sinds"] or ""), str(r["tot"] or ""), str(r["desc"] or ""),
               None if waarde is None else float(waarde), str(r["eenheid"] or ""), str(r["peil"] or ""),
               str(r["brLabel"] or ""), tuple(urls), str(r["uitleg"] or ""))


# --------------------------------------------------------------------------- lessons

@dataclass(frozen=True)
class Les:
    key: str
    title: str
    tekst: str
    traject: str  # slug, or "" for the practice data
    gemeenten: tuple[str, ...] = ()  # names of the gemeenten that are its evidence
    themas: tuple[str, ...] = ()
    instrumenten: tuple[str, ...] = ()
    bronnen: tuple[str, ...] = ()
    evidence: tuple[tuple[str, str], ...] = ()  # (code, name) of the evidence gemeenten, by name
    instrument_keys: tuple[str, ...] = ()  # keys (instrument/<slug>) of its instruments


# The lessons to read: all, or those with a given gemeente as evidence and/or a given instrument (bound
# values; a required pattern instead of a FILTER so the store starts from the few matching lessons).
_LESSON = "?l a kd:Les ."
_BY_GEMEENTE = " ?l kd:bewijs ?filterG ."
_BY_INSTRUMENT = " ?l kd:instrument ?filterI ."
Q_LESSONS = """
SELECT ?l ?title ?tekst ?t WHERE { %s
  OPTIONAL { ?l dcterms:title ?title } OPTIONAL { ?l kd:tekst ?tekst } OPTIONAL { ?l kd:traject ?t } }"""
# One row per link: the cross product of evidence x themes x instruments x sources in one pattern
# made 6 rows per lesson and took 6 s for 5,000 lessons; as a union it takes a fraction.
Q_LESSON_LINKS = """
SELECT ?l ?facet ?value WHERE { %s
  { ?l kd:bewijs ?g . ?g rdfs:label ?value BIND("g" AS ?facet) }
  UNION { ?l kd:thema ?value BIND("th" AS ?facet) }
  UNION { ?l kd:instrument ?value BIND("ins" AS ?facet) }
  UNION { ?l dcterms:source/kd:url ?value BIND("url" AS ?facet) }
  UNION { ?l kd:bewijs ?gc . ?gc kd:code ?c ; rdfs:label ?n BIND(CONCAT(?c, "|", ?n) AS ?value) BIND("gc" AS ?facet) }
  UNION { ?l kd:instrument ?value BIND("ik" AS ?facet) } }"""
Q_LESSON_CONCEPTS = """
SELECT ?x ?xLabel WHERE { { SELECT DISTINCT ?x WHERE { ?l a kd:Les ; kd:thema|kd:instrument ?x } } """ \
    + label_patterns("x") + " }"


def _codes(pairs: set[str]) -> tuple[tuple[str, str], ...]:
    """``code|name`` texts as ``(code, name)`` pairs sorted by name."""
    return tuple(sorted((tuple(p.split("|", 1)) for p in pairs), key=lambda cn: (cn[1], cn[0])))


def lessons(store: Any, *, gemeente: str | None = None, instrument: str | None = None,
            lang: str = "nl") -> list[Les]:
    """Lessons with their evidence, for one gemeente (code) and/or one instrument key.

    Themes and instruments without a label are left out; linked names are sorted."""
    filters = {"filterG": iri("gemeente", gemeente) if gemeente else None,
               "filterI": URIRef(ID + instrument) if instrument else None}
    chosen = _LESSON + (_BY_GEMEENTE if gemeente else "") + (_BY_INSTRUMENT if instrument else "")
    acc = {r["l"]: (r, {"g": set(), "th": set(), "ins": set(), "url": set(), "gc": set(), "ik": set()})
           for r in select_rows(store, Q_LESSONS % chosen, **filters)}
    labels = {r["x"]: r["xLabel"] for r in select_rows(store, Q_LESSON_CONCEPTS, lang=lang)}
    for r in select_rows(store, Q_LESSON_LINKS % chosen, **filters):
        value = labels.get(r["value"]) if r["facet"] in ("th", "ins") else (
            key_of(r["value"]) if r["facet"] == "ik" else r["value"])
        if r["l"] in acc and value is not None:
            acc[r["l"]][1][str(r["facet"])].add(str(value))
    out = [Les(key_of(k), str(r["title"] or key_of(k)), str(r["tekst"] or ""),
                  key_of(r["t"]).split("/", 1)[-1] if r["t"] else "", *(tuple(sorted(links[f])) for f in
                                                                          ("g", "th", "ins", "url")),
                  _codes(links["gc"]), tuple(sorted(links["ik"])))
           for k, (r, links) in acc.items()]
    return sorted(out, key=lambda les: (les.traject, les.title))
