"""The SPARQL behind the summaries: trusted queries over a store, each returning plain rows.

Every query is a named constant with a header comment (purpose, parameters, columns), run through
:func:`rows` with bound parameters (IRIs minted by :func:`graph.namespace.iri`), never pasted in.
Labels come back in two columns (``nl``, ``en``); :func:`pick` chooses one for the reader's language.

>>> pick({"nl": "Dorpsbudget", "en": "Village budget"}, "en")
'Village budget'
>>> pick({"nl": "Dorpsbudget", "en": None}, "en")
'Dorpsbudget'
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol

from rdflib import URIRef

from graph.namespace import G_META, key_of, sparql_prefixes


class Queryable(Protocol):
    """What the summaries need of a store (``graph.store.Store``)."""

    def query(self, text: str, *, bindings: dict | None = None, include_private: bool = False) -> Any: ...


def rows(store: Queryable, text: str, *, private: bool = False, **bindings: str) -> list[dict[str, Any]]:
    """Run a trusted query with IRI ``bindings`` (variable name -> IRI) and return its records.

    ``private=True`` lets the query see the private graph (contact names, only for ``with_names``).
    """
    bound = {name: URIRef(str(value)) for name, value in bindings.items()}
    result = store.query(sparql_prefixes() + text, bindings=bound or None, include_private=private)
    return list(result.records())


def pick(row: dict[str, Any], lang: str, *, key: str = "") -> str:
    """The label in ``lang`` (``<key>nl``/``<key>en`` columns), falling back to Dutch."""
    first, other = (f"{key}en", f"{key}nl") if lang == "en" else (f"{key}nl", f"{key}en")
    return text(row.get(first)) or text(row.get(other))


def text(value: Any) -> str:
    """A record value as text ('' for a missing value).

    >>> text(None), text(12), text("a")
    ('', '12', 'a')
    """
    return "" if value is None else str(value)


def as_date(value: Any) -> date | None:
    """A record value as a date (``xsd:date`` values may arrive as ``date`` or as text).

    >>> as_date("2025-03-01"), as_date(None)
    (datetime.date(2025, 3, 1), None)
    """
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def as_int(value: Any) -> int | None:
    """A record value as an integer, ``None`` when absent or not a number."""
    try:
        return None if value is None else int(str(value).split(".")[0])
    except ValueError:
        return None


def local(iri_text: Any) -> str:
    """The key of an instance IRI: the part after ``id/<kind>/``.

    >>> local("https://w3id.org/kernendemocratie/id/bijeenkomst/voorbeeld-r2")
    'voorbeeld-r2'
    """
    return text(iri_text).rstrip("/").rsplit("/", 1)[-1]


# Purpose: every trajectory. Columns: t, label, fictief.
TRAJECTS = """
SELECT ?t ?label ?fictief WHERE {
  ?t a kd:Traject .
  OPTIONAL { ?t rdfs:label ?label }
  OPTIONAL { ?t kd:fictief ?fictief }
} ORDER BY ?t
"""

# Purpose: every meeting of every trajectory (by kd:traject, or by the trajectory's graph), in order.
# Columns: m, t, soort, soortnl, soorten, datum, nr, plaats, gast, gastnaam, naam (the meeting's own title).
MEETINGS = """
SELECT DISTINCT ?m ?t ?soort ?soortnl ?soorten ?datum ?nr ?plaats ?gast ?gastnaam ?naam WHERE {
  { ?m a kd:Bijeenkomst ; kd:traject ?t } UNION { GRAPH ?gt { ?m a kd:Bijeenkomst . ?t a kd:Traject } }
  OPTIONAL { ?m kd:soort ?soort
    OPTIONAL { ?soort skos:prefLabel ?soortnl FILTER(langMatches(lang(?soortnl), "nl")) }
    OPTIONAL { ?soort skos:prefLabel ?soorten FILTER(langMatches(lang(?soorten), "en")) } }
  OPTIONAL { ?m kd:datum ?datum }
  OPTIONAL { ?m kd:volgnummer ?nr }
  OPTIONAL { ?m kd:plaats ?plaats } OPTIONAL { ?m dcterms:title ?naam }
  OPTIONAL { ?m kd:gastgemeente ?gast . OPTIONAL { ?gast rdfs:label ?gastnaam } }
} ORDER BY ?t ?datum ?nr ?m
"""

# Purpose: who attended the meetings of trajectory ?t. Parameters: t. Columns: m, g, code, naam, rol.
ATTENDANCE = """
SELECT ?m ?g ?code ?naam ?rol WHERE {
  ?m kd:traject ?t . ?a a kd:Aanwezigheid ; kd:bijeenkomst ?m ; kd:gemeente ?g .
  OPTIONAL { ?a kd:rol ?rol }
  OPTIONAL { ?g kd:code ?code } OPTIONAL { ?g rdfs:label ?naam }
} ORDER BY ?m ?naam
"""

# Purpose: the participants of trajectory ?t with their contact role. Parameters: t.
# Columns: g, code, naam, rol, leergroep.
PARTICIPANTS = """
SELECT ?g ?code ?naam ?rol ?leergroep WHERE {
  ?d a kd:Deelname ; kd:traject ?t ; kd:gemeente ?g .
  OPTIONAL { ?d kd:contactRol ?rol } OPTIONAL { ?d kd:leergroep ?leergroep }
  OPTIONAL { ?g kd:code ?code } OPTIONAL { ?g rdfs:label ?naam }
} ORDER BY ?naam
"""

# Purpose: contact persons' names (private graph: only for --with-names). Parameters: t. Columns: g, naam.
CONTACT_NAMES = """
SELECT ?g ?naam WHERE {
  ?d kd:traject ?t ; kd:gemeente ?g ; kd:contactpersoon ?p .
  ?p schema:name|rdfs:label ?naam .
}
"""

# Purpose: the lessons of trajectory ?t. Parameters: t. Columns: les, title, tekst, m.
LESSONS = """
SELECT ?les ?title ?tekst ?m WHERE {
  ?les a kd:Les ; kd:traject ?t .
  OPTIONAL { ?les dcterms:title ?title } OPTIONAL { ?les kd:tekst ?tekst }
  OPTIONAL { ?les kd:bijeenkomst ?m }
} ORDER BY ?les
"""

# Purpose: what the facilitator entered for gemeente ?g in trajectory ?t (sheet deelname).
# Parameters: t, g. Columns: heringedeeld, kernen, rol, leergroep.
INTAKE_DEELNAME = """
SELECT ?heringedeeld ?kernen ?rol ?leergroep WHERE {
  ?d a kd:Deelname ; kd:traject ?t ; kd:gemeente ?g .
  OPTIONAL { ?d kd:heringedeeld ?heringedeeld } OPTIONAL { ?d kd:aantalKernenEigenTelling ?kernen }
  OPTIONAL { ?d kd:contactRol ?rol } OPTIONAL { ?d kd:leergroep ?leergroep }
}
"""

# Purpose: the projects and questions of gemeente ?g in trajectory ?t with their themes, instruments,
# ambition and project. Parameters: t, g. Columns: x, kind, title, description, ptitle, ambnl, amben,
# link, nl, en (a row per theme or instrument).
WORK_DETAILS = """
SELECT ?x ?kind ?title ?description ?ptitle ?ambnl ?amben ?link ?nl ?en WHERE {
  ?d a kd:Deelname ; kd:traject ?t ; kd:gemeente ?g . ?x kd:deelname ?d .
  { ?x a kd:Project BIND("project" AS ?kind) } UNION { ?x a kd:Vraagstuk BIND("vraagstuk" AS ?kind) }
  OPTIONAL { ?x dcterms:title ?title } OPTIONAL { ?x dcterms:description ?description }
  OPTIONAL { ?x kd:project/dcterms:title ?ptitle }
  OPTIONAL { ?x kd:ambitie ?amb
    OPTIONAL { ?amb skos:prefLabel ?ambnl FILTER(langMatches(lang(?ambnl), "nl")) }
    OPTIONAL { ?amb skos:prefLabel ?amben FILTER(langMatches(lang(?amben), "en")) } }
  OPTIONAL { { ?x kd:thema ?c BIND("thema" AS ?link) } UNION { ?x kd:instrument ?c BIND("instrument" AS ?link) }
    OPTIONAL { ?c skos:prefLabel ?nl FILTER(langMatches(lang(?nl), "nl")) }
    OPTIONAL { ?c skos:prefLabel ?en FILTER(langMatches(lang(?en), "en")) } }
} ORDER BY ?kind ?x ?link ?nl
"""

# Purpose: the outcomes of trajectory ?t. Parameters: t. Columns: u, g, description, datum, project, les.
OUTCOMES = """
SELECT ?u ?g ?description ?datum ?project ?les WHERE {
  ?u a kd:Uitkomst ; kd:traject ?t ; kd:gemeente ?g .
  OPTIONAL { ?u dcterms:description ?description } OPTIONAL { ?u kd:datum ?datum }
  OPTIONAL { ?u kd:project ?project } OPTIONAL { ?u kd:les ?les }
} ORDER BY ?u
"""

# Purpose: the lessons of trajectory ?t with gemeente ?g as evidence. Parameters: t, g. Columns: les, title, m.
GEMEENTE_LESSONS = """
SELECT ?les ?title ?m WHERE {
  ?les kd:bewijs ?g ; kd:traject ?t ; a kd:Les .
  OPTIONAL { ?les dcterms:title ?title } OPTIONAL { ?les kd:bijeenkomst ?m }
} ORDER BY ?les
"""

# Purpose: whether gemeente ?g takes part in trajectory ?t, and its name. Parameters: t, g. Columns: naam.
# (The patterns start at ?g: pyoxigraph follows the written order, and ?g narrows most.)
GEMEENTE_DEELNAME = """
SELECT ?naam WHERE {
  ?d kd:gemeente ?g ; kd:traject ?t ; a kd:Deelname . OPTIONAL { ?g rdfs:label ?naam }
} ORDER BY ?naam
"""

# Purpose: the outcomes of gemeente ?g in trajectory ?t (columns as OUTCOMES). Parameters: t, g.
GEMEENTE_OUTCOMES = """
SELECT ?u ?g ?description ?datum ?project ?les WHERE {
  ?u kd:gemeente ?g ; kd:traject ?t ; a kd:Uitkomst .
  OPTIONAL { ?u dcterms:description ?description } OPTIONAL { ?u kd:datum ?datum }
  OPTIONAL { ?u kd:project ?project } OPTIONAL { ?u kd:les ?les }
} ORDER BY ?u
"""

# Purpose: the lessons of ?t that outcomes of gemeente ?g led to. Parameters: t, g. Columns: les, title.
OUTCOME_LESSONS = """
SELECT DISTINCT ?les ?title WHERE {
  ?u kd:gemeente ?g ; kd:traject ?t ; a kd:Uitkomst ; kd:les ?les .
  ?les kd:traject ?t ; a kd:Les .
  OPTIONAL { ?les dcterms:title ?title }
} ORDER BY ?les
"""

# Purpose: what each lesson of ?t points at: themes, instruments, evidence gemeenten, sources.
# Parameters: t. Columns: les, kind, x, nl, en, rl (rdfs:label), code, url.
LESSON_LINKS = """
SELECT ?les ?kind ?x ?nl ?en ?rl ?code ?url WHERE {
  ?les a kd:Les ; kd:traject ?t .
  { ?les kd:thema ?x BIND("thema" AS ?kind) } UNION { ?les kd:instrument ?x BIND("instrument" AS ?kind) }
  UNION { ?les kd:bewijs ?x BIND("gemeente" AS ?kind) } UNION { ?les dcterms:source ?x BIND("bron" AS ?kind) }
  OPTIONAL { ?x skos:prefLabel ?nl FILTER(langMatches(lang(?nl), "nl")) }
  OPTIONAL { ?x skos:prefLabel ?en FILTER(langMatches(lang(?en), "en")) }
  OPTIONAL { ?x kd:code ?code } OPTIONAL { ?x kd:url ?url }
  OPTIONAL { ?x rdfs:label ?rl }
} ORDER BY ?les ?kind ?x
"""

# Purpose: projects, questions and actions of the participants of ?t. Parameters: t.
# The Deelname pattern sits in each UNION branch: joined outside it, pyoxigraph re-evaluates the
# union per participant: quadratic, 51 s instead of 0.5 s at 1,000 gemeenten.
# Columns: kind, x, g, title, description, deadline, status, eigenaar, afgerond (completion date).
WORK = """
SELECT ?kind ?x ?g ?title ?description ?deadline ?status ?eigenaar ?afgerond WHERE {
  { ?d a kd:Deelname ; kd:traject ?t ; kd:gemeente ?g . ?x a kd:Project ; kd:deelname ?d BIND("project" AS ?kind) }
  UNION { ?d a kd:Deelname ; kd:traject ?t ; kd:gemeente ?g . ?x a kd:Vraagstuk ; kd:deelname ?d
          BIND("vraagstuk" AS ?kind) }
  UNION { ?d a kd:Deelname ; kd:traject ?t ; kd:gemeente ?g . ?x a kd:Actie ; kd:vraagstuk/kd:deelname ?d
          BIND("actie" AS ?kind) }
  OPTIONAL { ?x dcterms:title ?title } OPTIONAL { ?x dcterms:description ?description }
  OPTIONAL { ?x kd:deadline ?deadline } OPTIONAL { ?x kd:status ?status }
  OPTIONAL { ?x kd:eigenaarRol ?eigenaar } OPTIONAL { ?x kd:afgerond ?afgerond }
} ORDER BY ?g ?kind ?x
"""

# Purpose: every gemeente (current and former) for lookup by code or name. Columns: g, code, naam, current.
GEMEENTEN = """
SELECT ?g ?code ?naam ?current WHERE {
  { ?g a kd:Gemeente BIND(true AS ?current) } UNION { ?g a kd:VoormaligeGemeente BIND(false AS ?current) }
  OPTIONAL { ?g kd:code ?code } OPTIONAL { ?g rdfs:label ?naam }
}
"""

# Purpose: the gemeenten taking part in any trajectory. Columns: g.
PARTICIPANT_GEMEENTEN = """
SELECT DISTINCT ?g WHERE { ?d a kd:Deelname ; kd:gemeente ?g }
"""

# Purpose: reference facts of gemeente ?g. Parameters: g. Columns: naam, code, inwoners, provincie, kernen.
GEMEENTE_FACTS = """
SELECT ?naam ?code ?inwoners ?provincie (COUNT(DISTINCT ?k) AS ?kernen) WHERE {
  ?g rdfs:label ?naam .
  OPTIONAL { ?g kd:code ?code } OPTIONAL { ?g kd:inwoners ?inwoners }
  OPTIONAL { ?g kd:provincie/rdfs:label ?provincie }
  OPTIONAL { ?k a kd:Kern ; kd:gemeente ?g }
} GROUP BY ?naam ?code ?inwoners ?provincie
"""

# Purpose: stated counts of kernen of ?g (a row per source). Parameters: g.
# Columns: kt, aantal, wat, peiljaar, url.
KERNTELLINGEN = """
SELECT ?kt ?aantal ?wat ?peiljaar ?url WHERE {
  ?kt a kd:Kerntelling ; kd:gemeente ?g ; kd:aantal ?aantal .
  OPTIONAL { ?kt kd:watGeteld ?wat } OPTIONAL { ?kt kd:peiljaar ?peiljaar }
  OPTIONAL { ?kt dcterms:source/kd:url ?url }
} ORDER BY ?peiljaar ?aantal
"""

# Purpose: herindelingen that formed or enlarged ?g. Parameters: g. Columns: h, datum, type, naam.
HERINDELINGEN = """
SELECT ?h ?datum ?type ?naam WHERE {
  ?h a kd:Herindeling .
  { ?h kd:ingesteld ?g } UNION { ?h kd:uitgebreid ?g } UNION { ?h org:resultingOrganization ?g }
  OPTIONAL { ?h kd:datum ?datum } OPTIONAL { ?h kd:wijzigingstype ?type }
  OPTIONAL { ?h kd:opgeheven/rdfs:label ?naam }
} ORDER BY ?datum ?naam
"""

# Purpose: instruments in use in ?g, with ladder range, budget and source. Parameters: g.
# Columns: tp, nl, en, lokaal, sinds, tot, lo, hi, lonl, loen, hinl, hien, waarde, eenheid, peiljaar,
# toelichting, url.
TOEPASSINGEN = """
SELECT ?tp ?nl ?en ?lokaal ?sinds ?tot ?lo ?hi ?lonl ?loen ?hinl ?hien ?waarde ?eenheid ?peiljaar
       ?toelichting ?url WHERE {
  ?tp a kd:Toepassing ; kd:gemeente ?g ; kd:instrument ?i .
  OPTIONAL { ?i skos:prefLabel ?nl FILTER(langMatches(lang(?nl), "nl")) }
  OPTIONAL { ?i skos:prefLabel ?en FILTER(langMatches(lang(?en), "en")) }
  OPTIONAL { ?tp kd:lokaleNaam ?lokaal } OPTIONAL { ?tp kd:sinds ?sinds } OPTIONAL { ?tp kd:tot ?tot }
  OPTIONAL { ?i kd:ladderMin ?l1 . ?l1 kd:niveau ?lo
    OPTIONAL { ?l1 skos:prefLabel ?lonl FILTER(langMatches(lang(?lonl), "nl")) }
    OPTIONAL { ?l1 skos:prefLabel ?loen FILTER(langMatches(lang(?loen), "en")) } }
  OPTIONAL { ?i kd:ladderMax ?l2 . ?l2 kd:niveau ?hi
    OPTIONAL { ?l2 skos:prefLabel ?hinl FILTER(langMatches(lang(?hinl), "nl")) }
    OPTIONAL { ?l2 skos:prefLabel ?hien FILTER(langMatches(lang(?hien), "en")) } }
  OPTIONAL { ?tp kd:bedrag ?b . ?b kd:waarde ?waarde
    OPTIONAL { ?b kd:eenheid ?eenheid } OPTIONAL { ?b kd:peiljaar ?peiljaar }
    OPTIONAL { ?b kd:toelichting ?toelichting } }
  OPTIONAL { ?tp dcterms:source/kd:url ?url }
} ORDER BY ?nl ?tp ?waarde
"""

# Purpose: every instrument with its ladder range and sources (a row per source).
# Columns: i, nl, en, lo, hi, url.
INSTRUMENTS = """
SELECT ?i ?nl ?en ?lo ?hi ?url WHERE {
  ?i a kd:Instrument .
  OPTIONAL { ?i skos:prefLabel ?nl FILTER(langMatches(lang(?nl), "nl")) }
  OPTIONAL { ?i skos:prefLabel ?en FILTER(langMatches(lang(?en), "en")) }
  OPTIONAL { ?i kd:ladderMin/kd:niveau ?lo } OPTIONAL { ?i kd:ladderMax/kd:niveau ?hi }
  OPTIONAL { ?i dcterms:source/kd:url ?url }
} ORDER BY ?i ?url
"""

# Purpose: English labels of themes and instruments (the analysis labels are Dutch). Columns: x, en.
ELEMENT_LABELS_EN = """
SELECT ?x ?en WHERE {
  ?x a ?type ; skos:prefLabel ?en . VALUES ?type { kd:Thema kd:Instrument }
  FILTER(langMatches(lang(?en), "en"))
}
"""

# Purpose: the rungs of the participatieladder. Columns: niveau, nl, en.
LADDER = """
SELECT ?niveau ?nl ?en WHERE {
  ?l a kd:LadderNiveau ; kd:niveau ?niveau .
  OPTIONAL { ?l skos:prefLabel ?nl FILTER(langMatches(lang(?nl), "nl")) }
  OPTIONAL { ?l skos:prefLabel ?en FILTER(langMatches(lang(?en), "en")) }
} ORDER BY ?niveau
"""

# Purpose: provenance of the named graphs (data version, build date, licence). Columns: graph, p, o.
META = f"""
SELECT ?graph ?p ?o WHERE {{
  GRAPH <{G_META}> {{ ?graph ?p ?o
    FILTER(?p IN (prov:generatedAtTime, dcterms:license, dcterms:source)) }}
}} ORDER BY ?graph ?p
"""

# Purpose: the chain behind what each gemeente of ?t achieved: projects, questions (with their project)
# and actions (with their question). Parameters: t. Columns: kind, x, g, title, parent, status, deadline,
# afgerond.
CHAIN = """
SELECT ?kind ?x ?g ?title ?parent ?status ?deadline ?afgerond WHERE {
  { ?d a kd:Deelname ; kd:traject ?t ; kd:gemeente ?g . ?x a kd:Project ; kd:deelname ?d
    BIND("project" AS ?kind) }
  UNION { ?d a kd:Deelname ; kd:traject ?t ; kd:gemeente ?g . ?x a kd:Vraagstuk ; kd:deelname ?d
          OPTIONAL { ?x kd:project ?parent } BIND("vraagstuk" AS ?kind) }
  UNION { ?d a kd:Deelname ; kd:traject ?t ; kd:gemeente ?g . ?x a kd:Actie ; kd:vraagstuk ?parent .
          ?parent kd:deelname ?d BIND("actie" AS ?kind) }
  OPTIONAL { ?x dcterms:title ?title } OPTIONAL { ?x kd:status ?status }
  OPTIONAL { ?x kd:deadline ?deadline } OPTIONAL { ?x kd:afgerond ?afgerond }
} ORDER BY ?g ?kind ?x
"""
