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
SELECT ?i ?iLabel ?groep ?gLabel ?lo ?hi ?loLabel ?hiLabel ?iz ?def (COUNT(DISTINCT ?gm) AS ?n) WHERE {
  ?i a kd:Instrument . """ + label_patterns("i") + """
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


Q_USES_FULL = """
SELECT ?a ?code ?gLabel ?i ?iLabel ?naam ?sinds ?tot ?desc ?waarde ?eenheid ?peil ?brLabel ?url WHERE {
  ?a a kd:Toepassing ; kd:gemeente ?g ; kd:instrument ?i .
  ?g kd:code ?code ; rdfs:label ?gLabel . """ + label_patterns("i") + """
  OPTIONAL { ?a kd:lokaleNaam ?naam } OPTIONAL { ?a kd:sinds ?sinds } OPTIONAL { ?a kd:tot ?tot }
  OPTIONAL { ?a dcterms:description ?desc }
  OPTIONAL { ?a kd:bedrag ?b . ?b kd:waarde ?waarde OPTIONAL { ?b kd:eenheid ?eenheid }
             OPTIONAL { ?b kd:peiljaar ?peil } }
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
  OPTIONAL { ?l kd:thema ?th . """ + label_patterns("th") + """ }
  OPTIONAL { ?l kd:instrument ?ins . """ + label_patterns("ins") + """ }
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
    for r in select_rows(store, Q_LESSONS, filterG=g, filterI=i, lang=lang):
        a = acc.setdefault(r["l"], {"title": r["title"], "tekst": r["tekst"], "t": r["t"],
                                    "g": {}, "th": {}, "ins": {}, "url": {}})
        for name, col in (("g", "gLabel"), ("th", "thLabel"), ("ins", "insLabel"), ("url", "url")):
            if r[col] is not None:
                a[name][str(r[col])] = None
    out = [Lesson(key_of(k), str(a["title"] or key_of(k)), str(a["tekst"] or ""),
                  key_of(a["t"]).split("/", 1)[-1] if a["t"] else "", tuple(a["g"]), tuple(a["th"]),
                  tuple(a["ins"]), tuple(a["url"])) for k, a in acc.items()]
    return sorted(out, key=lambda les: (les.traject, les.title))
