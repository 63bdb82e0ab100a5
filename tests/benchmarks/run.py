"""Scale benchmark: validate, build, canned queries, analysis and meeting pack for N synthetic gemeenten.

Run: ``python tests/benchmarks/run.py --sizes 10,100,342 --lessons 5 --out data/build/bench.json``
(``make bench BENCH_ARGS=...``). For each N a seeded synthetic trajectory (``synthetic.py``, YAML) goes
through ingest, ``graph.build.build`` (in a child process: wall time and peak RSS), the canned queries
(in-process CPU ms; median and p95 over the queries of each query's median), the analysis and the
meeting pack. Side by side, in the same run: the same public triples bulk-loaded into raw pyoxigraph and
parsed into rdflib's in-memory Dataset, with the same query texts. Growth exponent k between sizes:
log(t2/t1) / log(N2/N1). Virtuoso is skipped (reason in the output): bench_endpoint.py measures it.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import synthetic  # noqa: E402
from bench_build import _wait, bench_queries, load_rdflib, median_ms  # noqa: E402

VIRTUOSO_SKIP = "not run here: Virtuoso's load takes minutes per size; see bench_endpoint.py"


def timed_build(yaml_path: Path, data_dir: Path, store: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``graph.build.build`` in a child process."""
    code = ("import sys; from pathlib import Path; from graph.build import build; "
            "build([Path(sys.argv[1])], store_dir=sys.argv[2], data_dir=sys.argv[3])")
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, str(yaml_path), str(store), str(data_dir)])
    _, status, usage = _wait(child)
    if status != 0:
        raise SystemExit(f"build failed with status {status}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def raw_oxigraph_load(data: bytes) -> float:
    """Seconds to bulk-load N-Quads into a fresh in-memory pyoxigraph store (the engine's floor)."""
    import pyoxigraph as ox

    start = time.perf_counter()
    ox.Store().bulk_load(data, format=ox.RdfFormat.N_QUADS)
    return time.perf_counter() - start


def measure_size(n: int, lessons: int, workdir: Path, *, rdflib: bool) -> dict:
    """Every figure for one size."""
    from graph.ingest import load_trajectory
    from graph.store import open_store
    import bench_analysis
    import bench_export

    data_dir = synthetic.data_dir(n, workdir / "data")
    # slug "voorbeeld": the canned queries' default parameters then hit the synthetic trajectory
    path = synthetic.write_trajectory(workdir / "traject.yaml", n, lessons=lessons, traject="voorbeeld")
    out: dict = {"n": n, "lessons": lessons}
    start = time.perf_counter()
    _, problems = load_trajectory(path, data_dir=data_dir)
    out["validate_s"], out["problems"] = time.perf_counter() - start, len(problems)
    out["build_s"], out["build_peak_mb"] = timed_build(path, data_dir, workdir / "store")
    store = open_store(workdir / "store")
    out["triples"] = store.count()
    rows = [r for r in bench_queries(workdir / "store", 3, 1, rdflib) if "inproc" in r]
    inproc = sorted(r["inproc"] for r in rows)
    out["query_median_ms"], out["query_p95_ms"] = statistics.median(inproc), _p95(inproc)
    out["query_safe_median_ms"] = statistics.median(r["safe"] for r in rows)
    data = store.dump("nq")
    out["raw_oxigraph_load_s"] = raw_oxigraph_load(data)
    out["raw_oxigraph_query_median_ms"] = _raw_queries(data, store)
    if rdflib:
        out["rdflib_load_s"] = load_rdflib(store)[1]
        out["rdflib_query_median_ms"] = statistics.median(r["rdflib"] for r in rows)
    out["analysis_s"] = bench_analysis.measure(store)["total"]
    found = bench_export._last_meeting(store)
    if found:
        start = time.perf_counter()
        bench_export.measure(store, found[0], found[1], repeat=1)
        out["export_s"] = time.perf_counter() - start
    out["virtuoso"] = VIRTUOSO_SKIP
    return out


def _raw_queries(data: bytes, store) -> float:
    """Median over the canned queries of each query's median CPU ms in raw pyoxigraph (default graph = union)."""
    import pyoxigraph as ox

    from bench_build import PREFIXES, bind_params, bind_values, canned_queries

    raw = ox.Store()
    raw.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    texts = [bind_values(q.text, bind_params(q, {}, store=store)) for q in canned_queries()]
    return statistics.median(
        median_ms(lambda: list(raw.query(t, prefixes=PREFIXES, use_default_graph_as_union=True)), 3,
                  clock=time.process_time) for t in texts)


def _p95(values: list[float]) -> float:
    return values[min(len(values) - 1, math.ceil(0.95 * len(values)) - 1)]


def growth(results: list[dict], key: str) -> list[float | None]:
    """k = log(t2/t1) / log(N2/N1) between consecutive sizes (None for the first).

    >>> growth([{"n": 10, "t": 1.0}, {"n": 100, "t": 10.0}], "t")
    [None, 1.0]
    """
    ks: list[float | None] = [None]
    for a, b in zip(results, results[1:]):
        ok = a.get(key) and b.get(key)
        ks.append(round(math.log(b[key] / a[key]) / math.log(b["n"] / a["n"]), 2) if ok else None)
    return ks


COLUMNS = [("validate_s", "validate s"), ("build_s", "build s"), ("build_peak_mb", "build MB"),
           ("query_median_ms", "query med ms"), ("query_p95_ms", "query p95 ms"),
           ("raw_oxigraph_load_s", "raw oxi load s"), ("raw_oxigraph_query_median_ms", "raw oxi query ms"),
           ("rdflib_load_s", "rdflib load s"), ("rdflib_query_median_ms", "rdflib query ms"),
           ("analysis_s", "analysis s"), ("export_s", "pack s")]


def table(results: list[dict]) -> str:
    """A Markdown table: one row per size, then the growth exponents."""
    head = "| N | triples | " + " | ".join(label for _, label in COLUMNS) + " |"
    lines = [head, "|" + "---:|" * (len(COLUMNS) + 2)]
    for r in results:
        cells = [_fmt(r.get(key)) for key, _ in COLUMNS]
        lines.append(f"| {r['n']} | {r['triples']:,} | " + " | ".join(cells) + " |")
    ks = {key: growth(results, key) for key, _ in COLUMNS}
    for i in range(1, len(results)):
        lines.append(f"| k {results[i - 1]['n']}→{results[i]['n']} | | "
                     + " | ".join(_fmt(ks[key][i]) for key, _ in COLUMNS) + " |")
    return "\n".join(lines)


def _fmt(value) -> str:
    return "" if value is None else f"{value:,.2f}" if isinstance(value, float) else str(value)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,342", help="comma-separated gemeente counts")
    parser.add_argument("--lessons", type=int, default=5, help="lessons per gemeente")
    parser.add_argument("--out", default="data/build/bench.json")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib peer (slow above 1,000)")
    args = parser.parse_args(argv)
    results = []
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            results.append(measure_size(n, args.lessons, Path(tmp), rdflib=not args.no_rdflib))
        print(f"N={n}: {json.dumps(results[-1])}", flush=True)
    print(f"\nMachine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; Virtuoso: {VIRTUOSO_SKIP}\n")
    print(table(results))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"command": " ".join(sys.argv), "results": results}, indent=2))


if __name__ == "__main__":
    main()
