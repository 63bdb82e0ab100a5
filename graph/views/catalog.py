"""Every gemeente as one row with the facts a list page filters on (province, size, kernen, herindeling,
instruments, trajectory), and the search index over gemeenten, kernen, instruments and lessons.

>>> from graph.store import LocalStore
>>> gemeente_rows(LocalStore.in_memory()), search_index(LocalStore.in_memory())
([], [])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.views.common import as_int, key_of, label_patterns, select_rows


@dataclass(frozen=True)
class GemeenteRow:
    code: str
    label: str
    provincie: str
    inwoners: int | None
    kernen: int  # BAG woonplaatsen
    herindeling: int | None  # year of the latest herindeling that made or enlarged it
    instrumenten: tuple[str, ...]  # instrument keys in use
    deelnemer: bool  # takes part in a learning trajectory


Q_BASE = """
SELECT ?g ?code ?label ?provLabel ?inwoners WHERE { ?g a kd:Gemeente ; kd:code ?code ; rdfs:label ?label .
  OPTIONAL { ?g kd:provincie/rdfs:label ?provLabel } OPTIONAL { ?g kd:inwoners ?inwoners } }"""
Q_KERN_COUNTS = "SELECT ?g (COUNT(DISTINCT ?k) AS ?n) WHERE { ?k a kd:Kern ; kd:gemeente ?g } GROUP BY ?g"
Q_MERGERS = """
SELECT ?g (MAX(STR(?datum)) AS ?d) WHERE { ?h a kd:Herindeling ; kd:datum ?datum .
  { ?h kd:ingesteld ?g } UNION { ?h kd:uitgebreid ?g } UNION { ?h org:resultingOrganization ?g } } GROUP BY ?g"""
Q_IN_USE = "SELECT DISTINCT ?g ?i WHERE { ?a a kd:Toepassing ; kd:gemeente ?g ; kd:instrument ?i }"
Q_TAKING_PART = "SELECT DISTINCT ?g WHERE { ?d a kd:Deelname ; kd:gemeente ?g }"


def gemeente_rows(store: Any) -> list[GemeenteRow]:
    """One row per current gemeente, by name."""
    kernen = {r["g"]: int(r["n"]) for r in select_rows(store, Q_KERN_COUNTS)}
    merged = {r["g"]: as_int(str(r["d"] or "")[:4]) for r in select_rows(store, Q_MERGERS)}
    used: dict[Any, set[str]] = {}
    for r in select_rows(store, Q_IN_USE):
        used.setdefault(r["g"], set()).add(key_of(r["i"]))
    taking_part = {r["g"] for r in select_rows(store, Q_TAKING_PART)}
    rows = [GemeenteRow(str(r["code"]), str(r["label"]), str(r["provLabel"] or ""), as_int(r["inwoners"]),
                        kernen.get(r["g"], 0), merged.get(r["g"]), tuple(sorted(used.get(r["g"], ()))),
                        r["g"] in taking_part)
            for r in select_rows(store, Q_BASE)]
    return sorted(rows, key=lambda row: (row.label, row.code))


@dataclass(frozen=True)
class Entry:
    """One thing to find: ``kind`` (gemeente, kern, instrument, les, thema), the key its page is opened
    with, the name, and the text that is searched besides the name."""

    kind: str
    key: str
    label: str
    context: str = ""  # shown under the name (a kern's gemeente, an instrument's group)
    text: str = ""  # searched, not shown


Q_KERNEN = """
SELECT ?name ?code ?gLabel WHERE { ?k a kd:Kern ; rdfs:label ?name ; kd:gemeente ?g . ?g kd:code ?code ;
  rdfs:label ?gLabel }"""
Q_INSTRUMENTS = """
SELECT ?i ?iLabel ?def WHERE { ?i a kd:Instrument . """ + label_patterns("i") + """
  OPTIONAL { ?i skos:definition ?def FILTER(LANGMATCHES(LANG(?def), ?lang)) } }"""
Q_LESSONS = """
SELECT ?l ?title ?tekst WHERE { ?l a kd:Les . OPTIONAL { ?l dcterms:title ?title } OPTIONAL { ?l kd:tekst ?tekst } }"""


def search_index(store: Any, *, lang: str = "nl") -> list[Entry]:
    """What the search box finds: gemeenten (with province), kernen (with their gemeente; the key is
    the gemeente's code), instruments and lessons (with their text)."""
    out = [Entry("gemeente", str(r["code"]), str(r["label"]), str(r["provLabel"] or ""))
           for r in select_rows(store, Q_BASE)]
    out += [Entry("kern", str(r["code"]), str(r["name"]), str(r["gLabel"])) for r in select_rows(store, Q_KERNEN)]
    seen: set[str] = set()
    for r in select_rows(store, Q_INSTRUMENTS, lang=lang):
        key = key_of(r["i"])
        if key not in seen:
            seen.add(key)
            out.append(Entry("instrument", key, str(r["iLabel"] or key), text=str(r["def"] or "")))
    lessons: dict[str, Entry] = {}
    for r in select_rows(store, Q_LESSONS):
        key = key_of(r["l"])
        lessons.setdefault(key, Entry("les", key, str(r["title"] or key), text=str(r["tekst"] or "")))
    return out + list(lessons.values())
