"""Peers for the scale benchmark: Virtuoso over HTTP and the plain rdflib pipeline.

``run.py`` calls both next to our own pipeline, in the same run:

- :func:`virtuoso_peer`: a fresh Virtuoso (Debian's ``virtuoso-opensource``) bulk-loads an N-Quads file
  with its own loader (``ld_dir`` + ``rdf_loader_run()`` + ``checkpoint`` through ``isql``), then answers
  each query as a SPARQL 1.1 Protocol POST (JSON): what a project that runs a triple-store server pays.
- :func:`rdflib_pipeline`: what a typical Python project would write with plain rdflib for the job of
  ``graph.build.build``: the same source readers, each quad added to an rdflib ``Dataset`` one by one,
  pyshacl with our shapes, the dataset written as N-Quads.

Run one by hand (prints one JSON line)::

    python tests/benchmarks/peers.py rdflib-pipeline [--input X.yaml ...] --data-dir D --out F.nq
    python tests/benchmarks/peers.py virtuoso --nq F.nq --store data/build/store --workdir /tmp/v
"""

from __future__ import annotations

import argparse
import configparser
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: virtuoso.py
sys.path.insert(0, str(HERE.parents[1]))  # the project root

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
JSON_RESULTS = "application/sparql-results+json"
LOAD_TIMEOUT_S = 3600  # the bulk load of ~3M quads takes well under this; a hang must still end
QUERY_TIMEOUT_S = 120  # above the server's own MaxQueryExecutionTime (60 s)


# --- Virtuoso ---------------------------------------------------------------------------------------

def virtuoso_peer(nq_path: Path, queries: list[tuple[str, str]], *, workdir: Path, repeat: int = 3) -> dict:
    """Bulk-load ``nq_path`` into a fresh Virtuoso in ``workdir`` and time each query over HTTP.

    ``queries`` are (name, text) without PREFIX lines (our prefixes are prepended: Virtuoso knows
    none of them). Returns ``{"skipped": reason}`` when ``virtuoso-t`` is missing or does not start;
    otherwise load seconds (wall, load + checkpoint), the quads in the file and the triples Virtuoso
    added, and per-query median wall ms after one warm-up. The server is always stopped and its
    database (``workdir/virtuoso``) removed.
    """
    from virtuoso import start_virtuoso

    binary = shutil.which("virtuoso-t")
    if binary is None:
        return {"skipped": "virtuoso-t is not installed (apt-get install virtuoso-opensource)"}
    try:
        server = start_virtuoso(Path(workdir) / "virtuoso", binary=binary)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        return {"skipped": f"virtuoso-t did not start: {exc}"}
    try:
        isql = _Isql(binary, server)
        out: dict = {"file_quads": _line_count(nq_path)}
        out["load_s"], out["triples"] = _bulk_load(isql, nq_path, server.directory / "load")
        out.update(_time_queries(server.sparql_url, queries, repeat))
        return out
    finally:
        server.stop()
        shutil.rmtree(server.directory, ignore_errors=True)  # ~230 bytes per quad on disk


class _Isql:
    """SQL statements for one running Virtuoso through ``isql-vt`` (statements over stdin)."""

    def __init__(self, binary: str, server) -> None:
        ini = configparser.ConfigParser()
        ini.read(server.directory / "virtuoso.ini")  # written by tests/virtuoso.py: the SQL port is there
        self.address = ini["Parameters"]["ServerPort"]
        self.program = shutil.which("isql-vt", path=str(Path(binary).parent)) or shutil.which("isql-vt") or "isql-vt"
        self.user, self.password = server.user, server.password

    def run(self, sql: str, timeout: float = 60) -> str:
        """Run ``sql`` (statements ending in ``;``); raise with Virtuoso's message on an error."""
        done = subprocess.run([self.program, self.address, self.user, self.password], input=sql + "\nexit;\n",
                              capture_output=True, text=True, timeout=timeout)
        output = done.stdout + done.stderr
        if done.returncode != 0 or "*** Error" in output:
            raise RuntimeError(f"isql: {output[-2000:]}")
        return output

    def scalar(self, expression: str, table: str) -> str:
        """The value of ``select expression from table``, found between markers in isql's output (the
        marker is built by ``concat``, so the statement text itself never matches)."""
        output = self.run(f"select concat('=', '>', cast({expression} as varchar), '<', '=') from {table};")
        found = re.search(r"=>(.*?)<=", output, re.S)
        if found is None:
            raise RuntimeError(f"isql: no value in {output[-2000:]}")
        return found.group(1)


def _bulk_load(isql: _Isql, nq_path: Path, allowed: Path) -> tuple[float, int]:
    """Seconds to load and checkpoint the file with Virtuoso's bulk loader, and the triples it added.

    The loader only reads from directories in ``DirsAllowed`` (the server's own directory): the file is
    hard-linked there (copied across file systems). N-Quads keep their graph names; the ``ld_dir`` graph
    is only for triples without one.
    """
    allowed.mkdir(parents=True, exist_ok=True)
    target = allowed / "data.nq"
    try:
        os.link(nq_path, target)
    except OSError:
        shutil.copyfile(nq_path, target)
    before = int(isql.scalar("count(*)", "DB.DBA.RDF_QUAD"))
    start = time.perf_counter()
    isql.run(f"ld_dir({_sql_string(str(allowed))}, 'data.nq', 'urn:x-peers:no-graph');\n"
             "rdf_loader_run();\ncheckpoint;", timeout=LOAD_TIMEOUT_S)
    load_s = time.perf_counter() - start
    error = isql.scalar("coalesce(max(ll_error), 'none')", "DB.DBA.LOAD_LIST")
    if error != "none":
        raise RuntimeError(f"Virtuoso's bulk loader: {error}")
    return load_s, int(isql.scalar("count(*)", "DB.DBA.RDF_QUAD")) - before


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _line_count(path: Path) -> int:
    """Lines of an N-Quads file (one quad each), read in 16 MB chunks."""
    count = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 24):
            count += chunk.count(b"\n")
    return count


def _time_queries(url: str, queries: list[tuple[str, str]], repeat: int) -> dict:
    """Per query, one warm-up then ``repeat`` POSTs: the median wall ms and the rows of the warm-up
    (an empty answer where ours has rows points at a Virtuoso quirk); failures by name."""
    from graph.namespace import sparql_prefixes

    per_query, rows, errors = {}, {}, {}
    with httpx.Client(timeout=QUERY_TIMEOUT_S) as client:
        for name, text in queries:
            body = {"query": sparql_prefixes() + text}
            try:
                warm = client.post(url, data=body, headers={"Accept": JSON_RESULTS})
                problem = _problem(warm)
                if problem:
                    errors[name] = problem
                    continue
                rows[name] = len(warm.json().get("results", {}).get("bindings", []))
                times = []
                for _ in range(repeat):
                    start = time.perf_counter()
                    client.post(url, data=body, headers={"Accept": JSON_RESULTS}).read()
                    times.append((time.perf_counter() - start) * 1000)
            except httpx.HTTPError as exc:  # e.g. a read timeout: the server's own limit did not stop it
                errors[name] = f"{type(exc).__name__}: {exc}"
                continue
            per_query[name] = statistics.median(times)
    medians = sorted(per_query.values())
    return {"query_median_ms": statistics.median(medians) if medians else None,
            "query_p95_ms": medians[math.ceil(0.95 * len(medians)) - 1] if medians else None,
            "per_query": per_query, "rows": rows, "errors": errors}


def _problem(response: httpx.Response) -> str | None:
    """Why a response is no complete answer: an HTTP error, or Virtuoso's partial 'anytime' result."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:300]}"
    if response.headers.get("X-SQL-State"):  # set when MaxQueryExecutionTime cut the answer short
        return f"partial result: {response.headers.get('X-SQL-Message', response.headers['X-SQL-State'])}"
    try:
        response.json()["results" if "results" in response.json() else "boolean"]
    except (ValueError, KeyError) as exc:
        return f"no SPARQL JSON result: {exc}"
    return None


def canned_query_texts(store_dir: Path) -> list[tuple[str, str]]:
    """Every canned query with its default parameters bound, without PREFIX lines (as ``run.py`` has them)."""
    from graph.sparql import bind_params, canned_queries
    from graph.store import bind_values, open_store

    store = open_store(str(store_dir))
    return [(q.name, bind_values(q.text, bind_params(q, {}, store=store))) for q in canned_queries()]


# --- the plain rdflib pipeline ---------------------------------------------------------------------

def to_rdflib(term):
    """A pyoxigraph term as the rdflib term a typical project would make (plain literals untyped)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))
    if isinstance(term, ox.DefaultGraph):
        return DATASET_DEFAULT_GRAPH_ID
    raise TypeError(f"no rdflib term for {term!r}")


def add_quads(dataset: Dataset, quads) -> None:
    """Each quad converted and added with ``Dataset.add``, one by one (the rdflib way)."""
    for q in quads:
        dataset.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), to_rdflib(q.graph_name)))


def quad_count(dataset: Dataset) -> int:
    """Triples summed over every graph of the dataset (as our build counts them)."""
    return sum(len(graph) for graph in dataset.graphs())


def rdflib_pipeline(inputs: list[Path], data_dir: Path, out: Path, *, shacl_max_triples: int | None = None) -> dict:
    """Our build's job done the plain rdflib way, for the sources ``graph.build.build`` would read
    (``inputs``, or the bundled example trajectory when there are none); see :func:`pipeline_for`."""
    from graph.build import default_inputs, standard_sources

    data_dir = Path(data_dir)
    sources = standard_sources(data_dir, list(inputs) or default_inputs(data_dir))
    return pipeline_for(sources, out, shacl_max_triples=shacl_max_triples)


def pipeline_for(sources: list, out: Path, *, shacl_max_triples: int | None = None) -> dict:
    """Seconds per step, triples and pyshacl's verdict for ``sources`` (``graph.build.Source``).

    The sources are ours, so only the RDF part differs: the quads go one by one into an rdflib
    ``Dataset`` (default graph = union), with the same provenance graph our build adds; pyshacl checks
    the union against ``ontology/shapes.ttl`` (core SHACL: no inference, no advanced features;
    ``sh:targetClass`` follows the ontology's ``rdfs:subClassOf`` in the data); the dataset is written to
    ``out`` as N-Quads. Above ``shacl_max_triples`` pyshacl is skipped with the reason recorded
    (``conforms`` is then None).
    """
    import datetime as dt

    from graph.build import _graph_sources, provenance_quads
    from graph.build.cache import graphs_of

    started = time.perf_counter()
    loaded = {s.name: list(s.load()) for s in sources}
    result: dict = {"sources_s": time.perf_counter() - started}

    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    for source in sources:
        add_quads(dataset, loaded[source.name])
    counts = {str(g.identifier): len(g) for g in dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID}
    built_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    add_quads(dataset, provenance_quads(counts, _graph_sources(sources, {name: graphs_of(quads) for name, quads in loaded.items()}), built_at))
    result["rdflib_add_s"] = time.perf_counter() - start
    result["triples"] = quad_count(dataset)

    result.update(_pyshacl(dataset, result["triples"], shacl_max_triples))

    start = time.perf_counter()
    dataset.serialize(destination=str(out), format="nquads")
    result["serialize_s"] = time.perf_counter() - start
    result["total_s"] = time.perf_counter() - started
    return result


def _pyshacl(dataset: Dataset, triples: int, max_triples: int | None) -> dict:
    """pyshacl over the dataset's union with our shapes, or why it was skipped."""
    if max_triples is not None and triples > max_triples:
        return {"pyshacl_s": None, "conforms": None,
                "pyshacl_skipped": f"{triples:,} triples > shacl_max_triples={max_triples:,}"}
    import pyshacl
    from rdflib import Graph

    from graph.sources.ontology import ONTOLOGY_DIR
    from graph.build.shacl import SHAPES_FILE

    start = time.perf_counter()
    shapes = Graph().parse(ONTOLOGY_DIR / SHAPES_FILE, format="turtle")
    conforms, _, text = pyshacl.validate(data_graph=dataset, shacl_graph=shapes, inference="none",
                                         advanced=False)
    found = {"pyshacl_s": time.perf_counter() - start, "conforms": bool(conforms)}
    if not conforms:
        found["pyshacl_report"] = text[:2000]
    return found


# --- command line -----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    rd = commands.add_parser("rdflib-pipeline", help="the plain rdflib pipeline (one JSON line)")
    rd.add_argument("--input", type=Path, action="append", default=[], help="trajectory input (repeatable)")
    rd.add_argument("--data-dir", type=Path, default=HERE.parents[1] / "data")
    rd.add_argument("--out", type=Path, required=True, help="N-Quads file to write")
    rd.add_argument("--shacl-max-triples", type=int, default=None, help="skip pyshacl above this size")
    vt = commands.add_parser("virtuoso", help="Virtuoso bulk load + canned queries over HTTP (one JSON line)")
    vt.add_argument("--nq", type=Path, required=True, help="N-Quads file to load")
    vt.add_argument("--store", type=Path, required=True, help="built store (for the queries' default parameters)")
    vt.add_argument("--workdir", type=Path, required=True, help="empty directory for Virtuoso's database")
    vt.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.command == "rdflib-pipeline":
        found = rdflib_pipeline(args.input, args.data_dir, args.out, shacl_max_triples=args.shacl_max_triples)
    else:
        found = virtuoso_peer(args.nq, canned_query_texts(args.store), workdir=args.workdir, repeat=args.repeat)
    print(json.dumps(found))


if __name__ == "__main__":
    main()
