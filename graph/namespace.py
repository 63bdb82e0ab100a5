"""The one place where the project's own IRIs are spelled.

``KD`` is a closed namespace of our ontology terms (a typo is an ``AttributeError``),
kept in step with ``ontology/kernendemocratie.ttl`` by ``tests/test_namespace.py``.
Instance IRIs are minted by :func:`iri`; named graphs by :func:`graph_iri`.

>>> str(KD.Gemeente)
'https://w3id.org/kernendemocratie/def#Gemeente'
>>> str(iri("gemeente", "GM1900"))
'https://w3id.org/kernendemocratie/id/gemeente/GM1900'
>>> str(graph_iri("traject", "voorbeeld"))
'https://w3id.org/kernendemocratie/graph/traject/voorbeeld'
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

BASE = "https://w3id.org/kernendemocratie/"
DEF = BASE + "def#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"

# External vocabularies that rdflib does not ship as a closed namespace.
ORG = Namespace("http://www.w3.org/ns/org#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
SCHEMA = Namespace("https://schema.org/")
VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SH = Namespace("http://www.w3.org/ns/shacl#")
TOOI = Namespace("https://identifier.overheid.nl/tooi/id/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "kd": DEF,
    "kdid": ID,
    "org": str(ORG),
    "geo": str(GEO),
    "schema": str(SCHEMA),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "void": str(VOID),
    "sh": str(SH),
    "time": "http://www.w3.org/2006/time#",
}


class KD(DefinedNamespace):
    """Terms of the kernendemocratie ontology (``kd:``)."""

    _NS = Namespace(DEF)
    _fail = True

    # --- classes: territory (reference data) ---
    Provincie: URIRef
    Gemeente: URIRef  # a gemeente in the current indeling (2023-2026)
    VoormaligeGemeente: URIRef  # a gemeente abolished in a herindeling
    Kern: URIRef  # a BAG woonplaats; other definitions of "kern" go in Kerntelling
    Wijk: URIRef
    Buurt: URIRef
    Herindeling: URIRef  # subclass of org:ChangeEvent
    # --- classes: practice ---
    Instrument: URIRef  # skos:Concept in the instrument scheme
    InstrumentGroep: URIRef
    LadderNiveau: URIRef  # skos:Concept in the participatieladder
    Thema: URIRef
    Beslisrecht: URIRef  # none / advisory / weighty advice / binding / delegated
    BijeenkomstSoort: URIRef  # intake, start, regionaal, werkbezoek, slot
    Toepassing: URIRef  # an instrument in use in a gemeente (or kern)
    Bedrag: URIRef  # an amount with unit, year and source
    Kerntelling: URIRef  # a stated count of kernen with what was counted
    Organisatie: URIRef
    Ondersteuning: URIRef  # sourced support of an organisation (to a gemeente, or its field of work)
    Bron: URIRef  # a source document (URL)
    Praktijkfeit: URIRef  # a practice fact checked against its source (URL and quote)
    Notitiefeit: URIRef  # a practice fact from the domain note (URL, no quote recorded yet)
    Bronvermelding: URIRef  # qualified derivation: source, quote, source date
    BedragSoort: URIRef  # kind of amount (base per kern, per inhabitant, ...)
    Nabijheid: URIRef  # qualified neighbour relation with a distance
    # --- classes: learning trajectory ---
    Traject: URIRef
    Deelname: URIRef
    Project: URIRef
    Vraagstuk: URIRef
    Actie: URIRef
    Bijeenkomst: URIRef
    Aanwezigheid: URIRef
    Les: URIRef
    Uitkomst: URIRef
    Persoon: URIRef  # private graph only

    # --- properties: identity and territory ---
    code: URIRef  # CBS code (PV20, GM1900, WK190000, BU19000903) or BAG woonplaatscode
    provincie: URIRef
    gemeente: URIRef
    wijk: URIRef
    kern: URIRef
    corop: URIRef
    inwoners: URIRef  # CBS, 1 January 2024
    huishoudens: URIRef
    oppervlakteLandHa: URIRef
    oppervlakteWaterHa: URIRef
    bevolkingsdichtheid: URIRef
    stedelijkheid: URIRef  # CBS mate van stedelijkheid 1-5
    begindatum: URIRef
    einddatum: URIRef
    # --- properties: herindeling ---
    datum: URIRef
    wijzigingstype: URIRef
    opgeheven: URIRef  # gemeente abolished by the event
    ingesteld: URIRef  # gemeente created by the event
    uitgebreid: URIRef  # existing gemeente that absorbed others
    opvolger: URIRef  # VoormaligeGemeente -> its successor Gemeente
    # --- properties: instruments and ladder ---
    groep: URIRef
    ladderMin: URIRef
    ladderMax: URIRef
    niveau: URIRef  # integer rank on the ladder, 1..6
    invloedZeggenschap: URIRef  # "invloed" | "zeggenschap" | "beide" | "geen"
    rol: URIRef  # instrument role ("instrument" | "enabler" | "kader") or a person's role
    iap2: URIRef
    arnstein: URIRef
    wettelijkeBasis: URIRef
    # --- properties: toepassing, amounts, counts ---
    instrument: URIRef
    lokaleNaam: URIRef
    sinds: URIRef  # xsd:gYear
    tot: URIRef  # xsd:gYear
    bedrag: URIRef  # -> kd:Bedrag
    waarde: URIRef  # xsd:decimal
    eenheid: URIRef  # e.g. "EUR"
    peiljaar: URIRef  # xsd:gYear
    toelichting: URIRef
    beslisrecht: URIRef  # -> kd:Beslisrecht
    zeggenschapOver: URIRef  # what the say covers (text)
    geloot: URIRef  # xsd:boolean: the quote says the participants were chosen by lot
    beslisrechtBron: URIRef  # the source data's own word for the decision right
    bedragSoort: URIRef  # Bedrag -> kd:BedragSoort
    periode: URIRef  # xsd:duration, e.g. P1Y
    inwonersMin: URIRef  # xsd:integer, inclusive bound of a size bracket
    inwonersMax: URIRef  # xsd:integer, inclusive bound of a size bracket
    citaat: URIRef  # Bronvermelding: verbatim quote
    brondatum: URIRef  # Bronvermelding: date the source shows (date, gYearMonth or gYear)
    nabij: URIRef  # Gemeente -> kd:Nabijheid
    afstandKm: URIRef  # xsd:decimal
    aantal: URIRef  # xsd:integer
    watGeteld: URIRef  # what a Kerntelling counted, as stated
    url: URIRef  # xsd:anyURI of a Bron
    type: URIRef  # organisation type ("landelijk" | "provinciaal")
    opgericht: URIRef
    ledenOfBereik: URIRef
    organisatie: URIRef  # the organisation of an Ondersteuning
    naamInBron: URIRef  # the name a source uses for the organisation
    # --- properties: trajectory ---
    traject: URIRef
    fictief: URIRef  # xsd:boolean, true for demonstration data
    deelname: URIRef
    heringedeeld: URIRef  # xsd:boolean: the gemeente was formed by a herindeling
    aantalKernenEigenTelling: URIRef
    contactRol: URIRef
    contactpersoon: URIRef  # -> kd:Persoon (private graph)
    leergroep: URIRef
    project: URIRef
    vraagstuk: URIRef
    ambitie: URIRef  # Vraagstuk -> kd:LadderNiveau the gemeente aims for
    thema: URIRef
    eigenaarRol: URIRef
    deadline: URIRef
    afgerond: URIRef  # Actie -> xsd:date it was completed
    status: URIRef  # "gepland" | "bezig" | "gereed" | "vervallen"
    soort: URIRef  # -> kd:BijeenkomstSoort
    volgnummer: URIRef
    plaats: URIRef
    gastgemeente: URIRef
    bijeenkomst: URIRef
    tekst: URIRef
    bewijs: URIRef  # Les -> Gemeente whose experience is the evidence
    les: URIRef
    uitkomst: URIRef


def slug(text: str) -> str:
    """A stable, ASCII, lowercase key for an IRI.

    >>> slug("Súdwest-Fryslân: Kernenfonds 2021")
    'sudwest-fryslan-kernenfonds-2021'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def iri(kind: str, *key: str) -> URIRef:
    """The IRI of an instance: ``id/<kind>/<key>``; key parts are joined by ``-``.

    Keys are CBS codes or slugs, never row numbers.

    >>> str(iri("les", "voorbeeld", "l01"))
    'https://w3id.org/kernendemocratie/id/les/voorbeeld-l01'
    """
    joined = "-".join(key)
    if not _KEY.match(kind) or not _KEY.match(joined):
        raise ValueError(f"not a valid IRI key: {kind}/{joined}")
    return URIRef(f"{ID}{kind}/{joined}")


def key_of(value: object) -> str:
    """The key of one of our IRIs, the path under ``id/``; other values as text ('' for ``None``).

    Takes an IRI as text, an rdflib ``URIRef`` or a pyoxigraph ``NamedNode``.

    >>> key_of(iri("gemeente", "GM1900"))
    'gemeente/GM1900'
    >>> key_of("https://example.org/x"), key_of(None)
    ('https://example.org/x', '')
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(getattr(value, "value", value))
    return text.removeprefix(ID)


def code_of(value: object) -> str:
    """The last part of one of our IRIs' keys: the CBS code of a gemeente IRI.

    >>> code_of(iri("gemeente", "GM1900"))
    'GM1900'
    """
    return key_of(value).rsplit("/", 1)[-1]


def graph_iri(kind: str, name: str | None = None) -> URIRef:
    """The IRI of a named graph: ``graph/<kind>`` or ``graph/<kind>/<name>``."""
    return URIRef(GRAPH + kind + ("" if name is None else "/" + name))


# The named graphs of a build. Trajectories get graph_iri("traject", <slug>).
G_ONTOLOGY = graph_iri("ontology")
G_REFERENCE = graph_iri("reference")
G_PRAKTIJK = graph_iri("praktijk")
G_PRIVATE = graph_iri("private")  # personal data: never public
G_META = graph_iri("meta")  # provenance of the other graphs

# Concept schemes (instances, so under id/).
SCHEME_INSTRUMENTEN = iri("scheme", "instrumenten")
SCHEME_LADDER = iri("scheme", "participatieladder")
SCHEME_THEMAS = iri("scheme", "themas")
SCHEME_GROEPEN = iri("scheme", "instrumentgroepen")
SCHEME_BESLISRECHT = iri("scheme", "beslisrecht")
SCHEME_BIJEENKOMSTSOORT = iri("scheme", "bijeenkomstsoorten")
SCHEME_BEDRAGSOORT = iri("scheme", "bedragsoorten")


def sparql_prefixes() -> str:
    """PREFIX lines for every prefix in :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
