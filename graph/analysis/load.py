"""Read the analysis records from a store in one pass of a few trusted SPARQL SELECTs.

Every query names its graphs with ``GRAPH ?g { ... }`` so it works whether or not the store treats
its default graph as the union; none takes user input (the trajectory is chosen in Python).
Trajectory records are those in a graph ``graph/traject/<slug>``; the private graph is never read.

>>> from pyoxigraph import Store as OxStore
>>> records = read_records(OxStore())
>>> records.gemeenten, records.lessen
((), ())
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Protocol

import pyoxigraph as ox

from graph.analysis.projection import Projection, projection_from_records
from graph.analysis.records import (
    Bijeenkomst, Element, Gemeente, Kern, Les, Records, Toepassing, Uitkomst, Vraagstuk,
)
from graph.namespace import G_PRIVATE, GRAPH, ID, PREFIXES, code_of, key_of, sparql_prefixes

TRAJECT_GRAPH = GRAPH + "traject/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_TEXT_TYPES = {_XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
_POINT = re.compile(r"POINT\s*\(\s*([-0-9.eE]+)\s+([-0-9.eE]+)\s*\)")
_YEAR = re.compile(r"(\d{4})")
ELEMENT_PREFIXES = ("thema/", "instrument/", "bijeenkomstsoort/")
COORDINATE_DECIMALS = 5

Q_GEMEENTEN = """
SELECT ?g ?label ?provincie ?inwoners ?wkt WHERE {
  GRAPH ?rg { ?g a kd:Gemeente ; rdfs:label ?label .
    OPTIONAL { ?g kd:inwoners ?inwoners }
    OPTIONAL { ?g geo:hasGeometry ?geom . ?geom geo:asWKT ?wkt } }
  OPTIONAL { GRAPH ?pg { ?g kd:provincie ?p . ?p rdfs:label ?provincie } }
  FILTER(?rg != %PRIVATE%)
}"""
Q_KERNEN = """
SELECT ?g (COUNT(DISTINCT ?k) AS ?n) WHERE { GRAPH ?kg { ?k a kd:Kern ; kd:gemeente ?g } FILTER(?kg != %PRIVATE%) }
GROUP BY ?g"""
Q_KERN_LIST = """
SELECT ?k ?label ?g WHERE { GRAPH ?kg { ?k a kd:Kern ; kd:gemeente ?g . OPTIONAL { ?k rdfs:label ?label } }
  FILTER(?kg != %PRIVATE%) }"""
Q_MERGED = """
SELECT DISTINCT ?g WHERE { GRAPH ?hg { ?h a kd:Herindeling . { ?h kd:ingesteld ?g } UNION { ?h kd:uitgebreid ?g } }
  FILTER(?hg != %PRIVATE%) }"""
# The labelled elements: typed themes, instruments and meeting kinds, and whatever a lesson, question or
# meeting points at. Starting from these few subjects takes 0.02 s; filtering every label in the store
# by its IRI (wijken, buurten and woonplaatsen have labels too) took over a second.
Q_LABELS = """
SELECT DISTINCT ?s ?label WHERE {
  { SELECT DISTINCT ?s WHERE {
      { VALUES ?c { kd:Thema kd:Instrument kd:BijeenkomstSoort } GRAPH ?tg { ?s a ?c } }
      UNION { GRAPH ?mg { ?m a kd:Bijeenkomst ; kd:soort ?s } }
      UNION { GRAPH ?eg { ?l a kd:Les ; kd:thema|kd:instrument ?s } }
      UNION { GRAPH ?vg { ?v a kd:Vraagstuk ; kd:thema|kd:instrument ?s } } } }
  GRAPH ?lg { ?s skos:prefLabel|rdfs:label ?label }
  FILTER(?lg != %PRIVATE% && isIRI(?s) && (LANG(?label) = "" || LANGMATCHES(LANG(?label), "nl")))
  FILTER(STRSTARTS(STR(?s), "%ID%thema/") || STRSTARTS(STR(?s), "%ID%instrument/")
         || STRSTARTS(STR(?s), "%ID%bijeenkomstsoort/")) }"""
Q_BROADER = """
SELECT ?s ?b WHERE { GRAPH ?tg { ?s a kd:Thema ; skos:broader ?b } FILTER(?tg != %PRIVATE%) }"""
Q_BRONNEN = "SELECT ?s ?url WHERE { GRAPH ?bg { ?s a kd:Bron ; kd:url ?url } FILTER(?bg != %PRIVATE%) }"
# Every property of the instances, filtered in Python: with ``VALUES ?p { ... }`` in the pattern the
# store starts from each listed property over the whole graph (0.2 s per class instead of 1 ms).
Q_PROPERTIES = """
SELECT ?graph ?s ?p ?o WHERE { GRAPH ?graph { ?s a %s ; ?p ?o } FILTER(?graph != %%PRIVATE%%) }"""

PROPS = {
    "kd:Les": "dcterms:title kd:thema kd:instrument kd:bewijs kd:bijeenkomst dcterms:source",
    "kd:Vraagstuk": "dcterms:title kd:thema kd:instrument kd:gemeente",
    "kd:Toepassing": "kd:gemeente kd:instrument kd:sinds dcterms:source",
    "kd:Bijeenkomst": "rdfs:label dcterms:title kd:soort kd:datum kd:volgnummer kd:gastgemeente",
    "kd:Deelname": "kd:gemeente kd:aantalKernenEigenTelling kd:heringedeeld",
    "kd:Uitkomst": "kd:gemeente kd:les dcterms:description",
}


class QueryStore(Protocol):
    """What the analysis needs of a store: ``graph.store``'s ``Store`` (or a bare ``pyoxigraph.Store``)."""

    def query(self, text: str, *, bindings: Any = None) -> Any: ...


def _plain(value: Any) -> Any:
    """A Python value from a records() value or a pyoxigraph term."""
    kind = type(value)
    if kind is ox.NamedNode:
        return value.value
    if kind is ox.Literal:
        return _literal(value)
    if kind is ox.BlankNode:
        return "_:" + value.value
    return value


def _literal(lit: Any) -> Any:
    dtype = lit.datatype.value
    if dtype in _TEXT_TYPES:
        return lit.value
    if dtype.endswith(("#integer", "#int", "#long", "#nonNegativeInteger", "#positiveInteger")):
        return int(lit.value)
    if dtype.endswith(("#decimal", "#double", "#float")):
        return float(lit.value)
    if dtype.endswith("#boolean"):
        return lit.value == "true"
    return lit.value


def rows(store: Any, query: str) -> list[dict[str, Any]]:
    """Run a trusted query on a ``graph.store`` Store or a bare ``pyoxigraph.Store``; plain values.

    A local store is asked through its pyoxigraph store directly (its in-memory copy of the public
    graphs once loaded): converting half a million terms through ``QueryResult`` costs seconds on a
    large trajectory. The queries skip the private graph.
    """
    result = _run(store, query)
    if hasattr(result, "records"):  # a remote store's QueryResult
        return [{k: _plain(v) for k, v in r.items() if v is not None} for r in result.records()]
    names = [v.value for v in result.variables]
    out = []
    for solution in result:
        values = [_plain(v) if v is not None else None for v in solution]
        out.append({n: v for n, v in zip(names, values) if v is not None})
    return out


def _run(store: Any, query: str) -> Any:
    text = sparql_prefixes() + query.replace("%PRIVATE%", f"<{G_PRIVATE}>").replace("%ID%", ID)
    copy = store.public_copy() if hasattr(store, "public_copy") else None
    return (copy if copy is not None else getattr(store, "oxigraph", store)).query(text)


def _quads(store: Any, query: str) -> Any:
    """``(graph, s, p, o)`` of a four-column query, ``p`` as text and the others as they come (pyoxigraph
    terms, or plain values from a remote store): a caller converts only the rows it keeps."""
    result = _run(store, query)
    if hasattr(result, "records"):
        for r in result.records():
            yield r["graph"], r["s"], str(r["p"]), r["o"]
        return
    for graph, s, p, o in result:
        yield graph, s, p.value, o


def _year(value: Any) -> int | None:
    match = _YEAR.search(str(value)) if value is not None else None
    return int(match.group(1)) if match else None


def _traject_of(graph: str) -> str | None:
    return graph.removeprefix(TRAJECT_GRAPH) if graph.startswith(TRAJECT_GRAPH) else None


def _instances(store: Any, cls: str) -> dict[str, dict[str, Any]]:
    """``{subject key: {"graph": slug|None, prop: [values]}}`` for every instance of ``cls``."""
    out: dict[str, dict[str, Any]] = defaultdict(lambda: defaultdict(list))
    wanted = {iri: iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for iri in map(_expand, PROPS[cls].split())}
    for graph, s, p, o in _quads(store, Q_PROPERTIES % cls):
        name = wanted.get(p)
        if name is None or o is None:  # other properties (long texts among them) are not converted
            continue
        item = out[key_of(_plain(s))]
        item["graph"] = _traject_of(str(_plain(graph)))
        item[name].append(_plain(o))
    return {k: out[k] for k in sorted(out)}


def _expand(name: str) -> str:
    """A prefixed name as a full IRI.

    >>> _expand("dcterms:title")
    'http://purl.org/dc/terms/title'
    """
    prefix, local = name.split(":", 1)
    return PREFIXES[prefix] + local


def _keys(values: list[Any]) -> tuple[str, ...]:
    return tuple(sorted({key_of(v) for v in values}))


def _codes(values: list[Any]) -> tuple[str, ...]:
    return tuple(sorted({code_of(v) for v in values}))


def _first(values: list[Any], default: Any = None) -> Any:
    return sorted(values, key=str)[0] if values else default


def _selected(items: dict[str, dict], traject: str | None, *, trajectory_only: bool) -> dict[str, dict]:
    """Items of the chosen trajectory (all trajectories when None); praktijk items unless ``trajectory_only``."""
    def keep(graph: str | None) -> bool:
        if graph is None:
            return not trajectory_only
        return traject is None or graph == traject
    return {k: v for k, v in items.items() if keep(v["graph"])}


def read_records(store: QueryStore, *, traject: str | None = None) -> Records:
    """Every record the analysis needs, for one trajectory (``traject`` slug) or all of them."""
    deelnames = _instances(store, "kd:Deelname")
    trajecten = tuple(sorted({v["graph"] for v in deelnames.values() if v["graph"]}))
    if traject is not None and traject not in trajecten:
        known = ", ".join(trajecten) or "geen"
        raise LookupError(f"traject '{traject}' staat niet in de store (wel: {known})")
    deelnames = _selected(deelnames, traject, trajectory_only=True)
    bronnen = {key_of(r["s"]): str(r["url"]) for r in rows(store, Q_BRONNEN)}
    broader = {key_of(r["s"]): key_of(r["b"]) for r in rows(store, Q_BROADER)}
    return Records(
        gemeenten=_gemeenten(store, deelnames),
        deelnemers=tuple(sorted({c for d in deelnames.values() for c in _codes(d["gemeente"])})),
        elements=_elements(store),
        lessen=_lessen(_selected(_instances(store, "kd:Les"), traject, trajectory_only=False), bronnen, broader),
        vraagstukken=_vraagstukken(_selected(_instances(store, "kd:Vraagstuk"), traject, trajectory_only=True),
                                   broader),
        toepassingen=_toepassingen(_selected(_instances(store, "kd:Toepassing"), traject, trajectory_only=False),
                                   bronnen),
        bijeenkomsten=_bijeenkomsten(_selected(_instances(store, "kd:Bijeenkomst"), traject, trajectory_only=True)),
        uitkomsten=_uitkomsten(_selected(_instances(store, "kd:Uitkomst"), traject, trajectory_only=True)),
        kernen=_kernen(store, {c for d in deelnames.values() for c in _codes(d["gemeente"])}),
        traject=traject,
        trajecten=trajecten,
    )


def _gemeenten(store: Any, deelnames: dict[str, dict]) -> tuple[Gemeente, ...]:
    kernen = {code_of(r["g"]): int(r["n"]) for r in rows(store, Q_KERNEN)}
    merged = {code_of(r["g"]) for r in rows(store, Q_MERGED)}
    own = {c: d for d in deelnames.values() for c in _codes(d["gemeente"])}
    out: dict[str, Gemeente] = {}
    for r in sorted(rows(store, Q_GEMEENTEN), key=lambda r: tuple(str(v) for v in r.values())):
        code = code_of(r["g"])
        if code in out:
            continue
        point = _POINT.search(str(r.get("wkt", "")))
        d = own.get(code, {})
        out[code] = Gemeente(
            code, str(r["label"]), provincie=str(r.get("provincie", "onbekend")),
            inwoners=int(r["inwoners"]) if "inwoners" in r else None,
            lat=_degrees(point.group(2)) if point else None, lon=_degrees(point.group(1)) if point else None,
            n_kernen=int(_first(d.get("aantalKernenEigenTelling", []), kernen.get(code, 0))) or None,
            merged=bool(_first(d.get("heringedeeld", []), code in merged)),
        )
    return tuple(out[c] for c in sorted(out))


def _degrees(text: str) -> float:
    """A coordinate to 5 decimals (about 1 m), as CBS publishes centroids; Virtuoso hands back float32 noise.

    >>> _degrees("53.200000762939")
    53.2
    """
    return round(float(text), COORDINATE_DECIMALS)


def _elements(store: Any) -> tuple[Element, ...]:
    labels: dict[str, str] = {}
    for r in sorted(rows(store, Q_LABELS), key=lambda r: (str(r["s"]), str(r["label"]))):
        key = key_of(r["s"])
        if key.startswith(ELEMENT_PREFIXES):
            labels.setdefault(key, str(r["label"]))
    return tuple(Element(k, v) for k, v in sorted(labels.items()))


def _with_broader(themes: tuple[str, ...], broader: dict[str, str]) -> tuple[str, ...]:
    """A trajectory's own themes also count under the national theme they fall under.

    >>> _with_broader(("thema/jaar-jongeren", "thema/draagvlak"), {"thema/jaar-jongeren": "thema/leefbaarheid"})
    ('thema/draagvlak', 'thema/jaar-jongeren', 'thema/leefbaarheid')
    """
    return tuple(sorted(set(themes) | {broader[t] for t in themes if t in broader}))


def _lessen(items: dict[str, dict], bronnen: dict[str, str], broader: dict[str, str]) -> tuple[Les, ...]:
    return tuple(
        Les(key, str(_first(v["title"], key)), themas=_with_broader(_keys(v["thema"]), broader),
            instrumenten=_keys(v["instrument"]),
            gemeenten=_codes(v["bewijs"]), bijeenkomst=_first(list(_keys(v["bijeenkomst"]))),
            traject=v["graph"], bronnen=_urls(v["source"], bronnen))
        for key, v in items.items()
    )


def _urls(values: list[Any], bronnen: dict[str, str]) -> tuple[str, ...]:
    return tuple(sorted({bronnen.get(key_of(v), str(_plain(v))) for v in values}))


def _vraagstukken(items: dict[str, dict], broader: dict[str, str]) -> tuple[Vraagstuk, ...]:
    return tuple(
        Vraagstuk(key, str(_first(v["title"], key)), gemeenten=_codes(v["gemeente"]),
                  themas=_with_broader(_keys(v["thema"]), broader),
                  instrumenten=_keys(v["instrument"]), traject=v["graph"])
        for key, v in items.items()
    )


def _toepassingen(items: dict[str, dict], bronnen: dict[str, str]) -> tuple[Toepassing, ...]:
    return tuple(
        Toepassing(key, code, instrument, sinds=_year(_first(v["sinds"])), bronnen=_urls(v["source"], bronnen))
        for key, v in items.items() for code in _codes(v["gemeente"]) for instrument in _keys(v["instrument"])
    )


def _bijeenkomsten(items: dict[str, dict]) -> tuple[Bijeenkomst, ...]:
    def number(v: dict) -> int | None:
        return int(_first(v["volgnummer"])) if v["volgnummer"] else None
    return tuple(
        Bijeenkomst(key, str(_first(v["label"] or v["title"], key)), soort=key_of(_first(v["soort"], "")),
                    datum=str(_first(v["datum"], "")), volgnummer=number(v),
                    gastgemeente=code_of(_first(v["gastgemeente"])) if v["gastgemeente"] else None,
                    traject=v["graph"])
        for key, v in items.items()
    )


def project(store: QueryStore, *, traject: str | None = None) -> Projection:
    """The projection of a store (all trajectories, or the one with slug ``traject``).

    >>> from graph.store import LocalStore
    >>> project(LocalStore.in_memory()).population
    ()
    """
    return projection_from_records(read_records(store, traject=traject))


def _uitkomsten(items: dict[str, dict]) -> tuple[Uitkomst, ...]:
    return tuple(
        Uitkomst(key, code, les=_first(list(_keys(v["les"]))), omschrijving=str(_first(v["description"], "")))
        for key, v in items.items() for code in _codes(v["gemeente"])
    )


def _kernen(store: Any, codes: set[str]) -> tuple[Kern, ...]:
    """The kernen of the participating gemeenten (none without participants: the typed graph stays small)."""
    if not codes:
        return ()
    found = {key_of(r["k"]): Kern(key_of(r["k"]), str(r.get("label", key_of(r["k"]))), code_of(r["g"]))
             for r in rows(store, Q_KERN_LIST) if code_of(r["g"]) in codes}
    return tuple(found[k] for k in sorted(found))
