"""One gemeente's profile (reference facts, kernen, herindelingen, own counts) and trajectory work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.namespace import iri
from graph.views.common import as_int, key_of, select_rows

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
    head = select_rows(store, Q_PROFILE, g=g)
    if not head:
        return None
    h = head[0]
    kernen = tuple(str(r["name"]) for r in select_rows(store, Q_KERNEN, g=g))
    return Profile(code, str(h["label"]), str(h["provLabel"] or ""), as_int(h["inwoners"]), as_int(h["huishoudens"]),
                   as_int(h["sted"]), len(kernen), kernen, int(select_rows(store, Q_WIJKEN, g=g)[0]["n"] or 0),
                   tuple(str(r["x"]) for r in select_rows(store, Q_SAMEAS, g=g)),
                   _herindelingen(select_rows(store, Q_HERINDELINGEN, g=g)), _tellingen(select_rows(store, Q_TELLINGEN, g=g)))


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
    return tuple(Telling(as_int(r["aantal"]), str(r["wat"] or ""), str(r["peil"] or ""), tuple(urls))
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
    for r in select_rows(store, Q_WORK, g=iri("gemeente", code)):
        slug = key_of(r["t"]).split("/", 1)[-1] if r["t"] else ""
        seen.setdefault(r["x"], WorkItem(str(r["cls"]), str(r["title"] or key_of(r["x"])), slug,
                                         str(r["status"] or ""), str(r["deadline"] or ""), str(r["owner"] or "")))
    return list(seen.values())
