"""Data dumps of the public graphs: RDF (Turtle, N-Triples, TriG, JSON-LD), networks (GraphML, GEXF), CSV.

:func:`export_data` writes every dump into one directory with ``manifest.json``: per file its format,
media type, size, SHA-256 and triple/row/node counts, plus the build date, licences and sources read
from the meta graph. The private graph is never read. The renderers are pure functions of quads or
rows; only :func:`export_data` touches files.

>>> import pyoxigraph as ox
>>> from graph.namespace import G_REFERENCE, KD, iri
>>> g = ox.NamedNode(iri("gemeente", "GM9901"))
>>> quads = [ox.Quad(g, ox.NamedNode(KD.code), ox.Literal("GM9901"), ox.NamedNode(G_REFERENCE))]
>>> doc = jsonld_document(quads)
>>> doc["@graph"][0]["@id"], doc["@graph"][0]["@graph"][0]["kd:code"]
('graph:reference', [{'@value': 'GM9901'}])
>>> typed_network(quads).number_of_nodes()  # GM9901 has no rdf:type here
0
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from graph.export.formats import DATA_FORMATS, RDF_DUMP_FORMATS
from graph.export.document import inert
from graph.export.swap import MANIFEST, check_target, write_set
from graph.export.void import describe, load_query, term_text
from graph.namespace import DEF, GRAPH, PREFIXES

BASENAME = "kernendemocratie"
CONTEXT_FILE = f"{BASENAME}.context.jsonld"
RDF_TYPE = PREFIXES["rdf"] + "type"
LABELS = (PREFIXES["rdfs"] + "label", PREFIXES["skos"] + "prefLabel", PREFIXES["dcterms"] + "title")
CSV_TABLES = ("gemeenten", "kernen", "instrumenten", "toepassingen", "lessen", "herindelingen")
# Space-separated list columns (GROUP_CONCAT): sorted here, as engines concatenate in any order.
LIST_COLUMNS = {"bronnen", "themas", "instrumenten", "gemeenten", "opgeheven", "ingesteld", "uitgebreid"}
RDF_DUMPS = {  # format -> (file suffix, pyoxigraph format or None for our JSON-LD, media type)
    "ttl": (".ttl", ox.RdfFormat.TURTLE, "text/turtle"),
    "nt": (".nt", ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "trig": (".trig", ox.RdfFormat.TRIG, "application/trig"),
    "jsonld": (".jsonld", None, "application/ld+json"),
}
FORMATS = DATA_FORMATS
assert tuple(RDF_DUMPS) == RDF_DUMP_FORMATS
CONTEXT_PREFIXES = {**PREFIXES, "graph": GRAPH}


@dataclass(frozen=True)
class Dump:
    """One file to write: name, format, media type, bytes and what it counts."""

    name: str
    format: str
    media_type: str
    data: bytes
    counts: dict


# --- reading the public graphs ---------------------------------------------------------------------

def public_quads(store) -> list[ox.Quad]:
    """Every quad of the public named graphs of ``store`` (local, remote, or any ``Store``)."""
    if hasattr(store, "oxigraph") and hasattr(store, "named_graphs"):
        ox_store = store.oxigraph
        return [q for g in store.named_graphs() for q in ox_store.quads_for_pattern(None, None, None, g)]
    if hasattr(store, "quads"):
        return [q for g in store.graphs() for q in store.quads(g)]
    from graph.namespace import G_PRIVATE

    result = store.query(load_query("public_quads"), bindings={"private": ox.NamedNode(str(G_PRIVATE))})
    from graph.store.results import to_ox

    return [ox.Quad(*(to_ox(t) for t in row[:3]), to_ox(row[3])) for row in result.rows]


# --- RDF dumps ----------------------------------------------------------------------------------

def jsonld_context() -> dict:
    """The JSON-LD context of the dumps: our prefixes (also written as its own file)."""
    return {"@context": dict(CONTEXT_PREFIXES)}


def compact_iri(iri: str) -> str:
    """``kd:code`` for an IRI under a known prefix (longest namespace wins), else the IRI.

    >>> compact_iri("https://w3id.org/kernendemocratie/id/gemeente/GM9901")
    'kdid:gemeente/GM9901'
    """
    best = max((ns for ns in CONTEXT_PREFIXES.values() if iri.startswith(ns) and len(iri) > len(ns)),
               key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in CONTEXT_PREFIXES.items() if ns == best)
    rest = iri[len(best):]
    return iri if rest.startswith("//") else f"{prefix}:{rest}"


def _compact(node: object, *, key: str = "") -> object:
    if isinstance(node, list):
        return [_compact(x, key=key) for x in node]
    if isinstance(node, dict):
        return {(compact_iri(k) if not k.startswith("@") else k): _compact(v, key=k) for k, v in node.items()}
    if isinstance(node, str) and key in {"@id", "@type"}:
        return compact_iri(node)
    return node


def jsonld_document(quads: Iterable[ox.Quad]) -> dict:
    """Named graphs kept, IRIs compacted with :func:`jsonld_context` (embedded: the file stands alone)."""
    expanded = json.loads(ox.serialize(list(quads), format=ox.RdfFormat.JSON_LD) or b"[]")
    return {**jsonld_context(), "@graph": _compact(expanded)}


def rdf_dump(quads: list[ox.Quad], fmt: str) -> bytes:
    """The quads in ``fmt`` (``ttl``/``nt`` merge the graphs; ``trig``/``jsonld`` keep them)."""
    _, rdf_format, _ = RDF_DUMPS[fmt]
    if rdf_format is None:
        return json.dumps(jsonld_document(quads), ensure_ascii=False, indent=1).encode()
    if rdf_format.supports_datasets:
        return ox.serialize(quads, format=rdf_format, prefixes=PREFIXES)
    triples = list(dict.fromkeys(q.triple for q in quads))  # the same triple in two graphs: once
    return ox.serialize(triples, format=rdf_format, prefixes=PREFIXES)


# --- the typed network (GraphML, GEXF) -----------------------------------------------------------

def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def typed_network(quads: Iterable[ox.Quad]) -> nx.DiGraph:
    """Nodes: resources typed with one of our classes (``kd:``); edges: the properties between them.

    Node attributes ``type``, ``label``, ``code``; edge attribute ``predicate`` (local names, several
    joined by a space when two nodes are linked more than once).
    """
    quads = list(quads)
    types = {q.subject.value: _local(q.object.value) for q in quads
             if q.predicate.value == RDF_TYPE and isinstance(q.subject, ox.NamedNode)
             and q.object.value.startswith(DEF)}
    graph = nx.DiGraph()
    for node, kind in sorted(types.items()):
        graph.add_node(node, type=kind, label=_local(node), code="")
    for q in quads:
        s, p, o = q.subject.value, q.predicate.value, q.object
        if s not in types:
            continue
        if p in LABELS and isinstance(o, ox.Literal) and (o.language in (None, "", "nl") or p == LABELS[0]):
            graph.nodes[s]["label"] = o.value
        elif p == DEF + "code" and isinstance(o, ox.Literal):
            graph.nodes[s]["code"] = o.value
        elif isinstance(o, ox.NamedNode) and o.value in types and p != RDF_TYPE:
            old = graph.edges[s, o.value]["predicate"] if graph.has_edge(s, o.value) else ""
            graph.add_edge(s, o.value, predicate=" ".join(sorted({*old.split(), _local(p)})))
    return graph


def network_dump(graph: nx.DiGraph, fmt: str) -> bytes:
    """GraphML or GEXF (Gephi) of the typed network."""
    lines = nx.generate_graphml(graph) if fmt == "graphml" else nx.generate_gexf(graph)
    return ("\n".join(lines) + "\n").encode()


# --- CSV tables ------------------------------------------------------------------------------------

def csv_table(columns: list[str], rows: Iterable[Iterable[object]]) -> bytes:
    """A CSV file (UTF-8, header row, lexical values, empty for unbound).

    >>> csv_table(["code", "naam"], [["GM9901", "Noorderdorpen"], ["GM9902", None]])
    b'code,naam\\r\\nGM9901,Noorderdorpen\\r\\nGM9902,\\r\\n'
    >>> csv_table(["x"], [["=1+1"], ["-12"]])
    b"x\\r\\n'=1+1\\r\\n-12\\r\\n"
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    # cells a spreadsheet would read as a formula (=, +, -, @ ...) get a leading apostrophe: inert
    writer.writerows([inert(term_text(x) if not isinstance(x, str) else x) for x in row] for row in rows)
    return out.getvalue().encode("utf-8")


def csv_dumps(store) -> list[Dump]:
    """The CSV tables (``export/queries/<table>.rq``), one file each."""
    dumps = []
    for table in CSV_TABLES:
        result = store.query(load_query(table))
        lists = [c in LIST_COLUMNS for c in result.columns]
        rows = [[" ".join(sorted(term_text(t).split())) if is_list else t for t, is_list in zip(row, lists)]
                for row in result.rows]
        dumps.append(Dump(f"{table}.csv", "csv", "text/csv", csv_table(result.columns, rows),
                          {"rows": len(rows)}))
    return dumps


# --- all of it -------------------------------------------------------------------------------------

def build_dumps(store, *, formats: Iterable[str] = FORMATS) -> list[Dump]:
    """Every dump of ``store`` in ``formats`` (a subset of :data:`FORMATS`), in memory."""
    formats = list(formats)
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ValueError(f"onbekend formaat {', '.join(unknown)}; kies uit {', '.join(FORMATS)}")
    quads = public_quads(store) if set(formats) - {"csv"} else []
    dumps = []
    for fmt in (f for f in RDF_DUMPS if f in formats):
        suffix, _, media = RDF_DUMPS[fmt]
        dumps.append(Dump(BASENAME + suffix, fmt, media, rdf_dump(quads, fmt), {"triples": _triples(quads, fmt)}))
    if "jsonld" in formats:
        dumps.append(Dump(CONTEXT_FILE, "jsonld-context", "application/ld+json",
                          json.dumps(jsonld_context(), indent=1).encode(), {}))
    if {"graphml", "gexf"} & set(formats):
        network = typed_network(quads)
        counts = {"nodes": network.number_of_nodes(), "edges": network.number_of_edges()}
        dumps += [Dump(f"{BASENAME}.{f}", f, "application/xml" if f == "graphml" else "application/gexf+xml",
                       network_dump(network, f), counts) for f in ("graphml", "gexf") if f in formats]
    if "csv" in formats:
        dumps += csv_dumps(store)
    return dumps


def _triples(quads: list[ox.Quad], fmt: str) -> int:
    return len(quads) if RDF_DUMPS[fmt][1] is None or RDF_DUMPS[fmt][1].supports_datasets \
        else len({q.triple for q in quads})


def manifest(dumps: list[Dump], desc, *, now: dt.datetime | None = None) -> dict:
    """The manifest: files with size, SHA-256 and counts; graphs, licences, sources, build date."""
    now = now or dt.datetime.now(dt.timezone.utc)
    return {
        "title": "Kennisgraaf kernendemocratie: data dumps",
        "generated": now.replace(microsecond=0).isoformat(),
        "built": desc.generated,
        "licences": list(desc.licences),
        "sources": list(desc.sources),
        "graphs": [{"iri": g.iri, "triples": g.triples, "licences": list(g.licences), "sources": list(g.sources)}
                   for g in desc.graphs],
        "note": "Public graphs only; personal data (the private graph) is never exported.",
        "files": [{"name": d.name, "format": d.format, "media_type": d.media_type, "bytes": len(d.data),
                   "sha256": hashlib.sha256(d.data).hexdigest(), **d.counts} for d in dumps],
    }


def export_data(store, out: Path, *, formats: Iterable[str] = FORMATS, now: dt.datetime | None = None) -> dict:
    """Write the dumps of ``store`` and ``manifest.json`` as the whole content of ``out``, swapped in
    as one set (:mod:`graph.export.swap`); returns the manifest. ``out`` must be new, empty or an
    earlier export: a directory with other files is refused and left alone."""
    check_target(Path(out).absolute())  # before the work: a refusal costs nothing
    if callable(getattr(store, "pinned", None)):
        store = store.pinned()  # every file from one version, even when a build swaps meanwhile
    dumps = build_dumps(store, formats=formats)
    data = manifest(dumps, describe(store), now=now)
    files = {dump.name: dump.data for dump in dumps}
    files[MANIFEST] = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    write_set(out, files)
    return data
