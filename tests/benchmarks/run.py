"""Scale benchmark: validate, build, canned queries, analysis, meeting pack and app pages for N synthetic
gemeenten, side by side with raw pyoxigraph, the plain rdflib pipeline and Virtuoso, in one run.

Run: ``python tests/benchmarks/run.py --sizes 10,100,342,1000,5000 --lessons 5 --out data/build/bench.json``
(``make bench BENCH_ARGS=...``; not part of the test run). Prints Markdown tables and writes JSON.

For each N a seeded synthetic trajectory (``synthetic.py``: YAML in the real input format; above 342
gemeenten fictional ones with kernen, wijken and buurten shaped like real gemeenten) goes through every
step of the product. Each step runs in its own child process, so its wall time and peak resident memory
(``wait4``) are its own:

- ``validate``: ingest and validation of the YAML (``graph.ingest.load_trajectory``);
- ``build``: ``graph.build.build`` (every source, SHACL check, the store on disk, the swap), into a new
  directory (nothing cached); ``rebuild``: the same build again, as after an edit of the trajectory
  (the unchanged reference and practice data come from the build cache, ``graph.build.cache``);
- ``queries``: the 15 canned queries with their default parameters, each one warm-up then ``--repeat``
  runs; ours = ``Store.query`` on the built store (CPU ms of the process, after the in-memory copy of the
  public graphs has loaded) and ``run_safe`` (wall ms: check, worker process, transfer);
  raw = the same text on raw pyoxigraph (the same public triples bulk-loaded into an in-memory store,
  default graph = union; CPU ms); rdflib = the same text on those triples parsed into rdflib's
  in-memory ``Dataset`` (CPU ms). Median and p95 over the queries of each query's median;
- ``analysis``: the whole analysis (``bench_analysis.measure``); ``pack``: the meeting pack of the last
  meeting in md/html/docx plus the lessons bundle (``bench_export.measure``); ``app``: every page under
  Streamlit's AppTest, cold and warm (``bench_app.page_renders``);
- peers for the build: raw pyoxigraph's bulk load of the same triples (the N-Quads our build wrote)
  into a new store on disk (what our build makes) and in memory (the engine's floor); the plain rdflib
  pipeline (``peers.rdflib_pipeline``: the same sources, ``Dataset.add``, pyshacl, N-Quads out);
  Virtuoso (``peers.virtuoso_peer``: its bulk loader, then the same queries over HTTP, wall ms);
  skipped with the reason where ``virtuoso-t`` is missing.

Growth exponent k between sizes: t ~ N^k, k = log(t2/t1) / log(N2/N1).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import synthetic  # noqa: E402


# --- steps, each run in a child process (``run.py --step NAME ARGS``), printing one JSON line -----------

def step_validate(yaml_path: str, data_dir: str) -> dict:
    from graph.ingest import load_trajectory

    _, problems = load_trajectory(Path(yaml_path), data_dir=Path(data_dir))
    return {"problems": len(problems)}


def step_build(yaml_path: str, data_dir: str, store: str) -> dict:
    from graph.build import build

    report = build([Path(yaml_path)], store_dir=store, data_dir=data_dir)
    return {"triples": report.triples, "steps_s": report.seconds}


def step_queries(store_dir: str, repeat: str) -> dict:
    """Ours (in-process and run_safe) and raw pyoxigraph on the same public triples."""
    import pyoxigraph as ox
    from bench_build import median_ms

    from graph.namespace import PREFIXES
    from graph.sparql import run_safe
    from graph.sparql.pool import default_pool
    from graph.store import PUBLIC_COPY, open_store
    from peers import canned_query_texts

    n = int(repeat)
    store = open_store(store_dir)
    start = time.perf_counter()
    copy = store.public_copy(wait=True)
    out: dict = {"copy_load_s": time.perf_counter() - start, "in_memory_copy": copy is not None}
    default_pool().warm(str(store.version), wait=True)  # as in a running server: workers up, copies loaded
    raw = ox.Store()
    raw.bulk_load(path=str(store.version / PUBLIC_COPY), format=ox.RdfFormat.N_QUADS)
    per_query = {}
    for name, text in canned_query_texts(Path(store_dir)):
        per_query[name] = {
            "ours": median_ms(lambda: store.query(text), n, clock=time.process_time),
            "safe": median_ms(lambda: run_safe(text, store=store), n),
            "raw": median_ms(lambda: list(raw.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)),
                              n, clock=time.process_time),
            "rows": len(store.query(text).rows),
        }
    out["per_query"] = per_query
    return out


def step_rdflib_queries(store_dir: str, repeat: str) -> dict:
    """The same public triples parsed into rdflib's in-memory Dataset, the same query texts."""
    from bench_build import median_ms
    from rdflib import Dataset

    from graph.namespace import PREFIXES
    from graph.store import PUBLIC_COPY, open_store
    from peers import canned_query_texts

    store = open_store(store_dir)
    start = time.process_time()
    dataset = Dataset(default_union=True)
    dataset.parse(str(store.version / PUBLIC_COPY), format="nquads")
    out: dict = {"load_s": time.process_time() - start}
    out["per_query"] = {name: median_ms(lambda: list(dataset.query(text, initNs=PREFIXES)), int(repeat),
                                        clock=time.process_time)
                        for name, text in canned_query_texts(Path(store_dir))}
    return out


def step_raw_load(nq_path: str, target: str) -> dict:
    """pyoxigraph's bulk load of the N-Quads into a new store on disk (``target``) or in memory (``-``)."""
    import pyoxigraph as ox

    store = ox.Store() if target == "-" else ox.Store(target)
    store.bulk_load(path=nq_path, format=ox.RdfFormat.N_QUADS)
    if target != "-":
        store.flush()
    return {"quads": len(store)}


def step_analysis(store_dir: str) -> dict:
    import bench_analysis

    from graph.store import open_store

    store = open_store(store_dir)
    store.public_copy(wait=True)  # as in a running app or server: the copy is there
    return bench_analysis.measure(store)


def step_pack(store_dir: str) -> dict:
    import bench_export

    from graph.store import open_store

    store = open_store(store_dir)
    store.public_copy(wait=True)
    found = bench_export._last_meeting(store)
    if not found:
        return {"skipped": "no meeting in the trajectory"}
    start = time.perf_counter()
    parts = bench_export.measure(store, found[0], found[1], repeat=1)
    return {"total_s": time.perf_counter() - start, **parts}


def step_app(store_dir: str) -> dict:
    import bench_app

    return bench_app.page_renders(Path(store_dir))


def step_rdflib_pipeline(yaml_path: str, data_dir: str, out: str, shacl_max: str) -> dict:
    import peers

    return peers.rdflib_pipeline([Path(yaml_path)], Path(data_dir), Path(out),
                                 shacl_max_triples=int(shacl_max) or None)


def step_virtuoso(store_dir: str, workdir: str, repeat: str) -> dict:
    import peers

    from graph.store import PUBLIC_COPY, open_store

    version = open_store(store_dir).version
    return peers.virtuoso_peer(version / PUBLIC_COPY, peers.canned_query_texts(Path(store_dir)),
                               workdir=Path(workdir), repeat=int(repeat))


STEPS = {name.removeprefix("step_"): fn for name, fn in globals().items() if name.startswith("step_")}


def child(step: str, *args: object) -> dict:
    """Run one step in a child process: its JSON answer plus ``wall_s`` and ``peak_mb`` (max RSS)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--step", step, *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        return {"error": f"step {step} failed with status {proc.returncode}", "wall_s": wall}
    answer = json.loads(out.strip().splitlines()[-1])
    return {**answer, "wall_s": wall, "peak_mb": usage.ru_maxrss / 1024}


# --- one size --------------------------------------------------------------------------------------------

RDFLIB_QUERIES_SKIPPED = ("not run above {max:,} gemeenten: at 5,000 (2.8M triples) the 15 queries x 3 runs "
                          "had not finished after 8 minutes in a trial run (at 1,000 they take about 30 s)")


def measure_size(n: int, lessons: int, workdir: Path, *, repeat: int, peers: set[str], shacl_max: int,
                 app: bool, rdflib_max_n: int) -> dict:
    """Every figure for one size (``peers``: which of raw, rdflib, virtuoso to run)."""
    data_dir = synthetic.data_dir(n, workdir / "data")
    path = synthetic.write_trajectory(workdir / "traject.yaml", n, lessons=lessons, traject="voorbeeld")
    store = workdir / "store"
    out: dict = {"n": n, "lessons": lessons, "yaml_mb": path.stat().st_size / 1e6}
    out["validate"] = child("validate", path, data_dir)
    out["build"] = child("build", path, data_dir, store)
    if "error" in out["build"]:
        return out
    out["triples"] = out["build"]["triples"]
    out["rebuild"] = child("build", path, data_dir, store)  # unchanged reference data: from the cache
    nq = store.resolve() / "kernen-public.nq"
    out["public_quads"] = sum(1 for _ in nq.open("rb"))
    out["queries"] = child("queries", store, repeat)
    out["analysis"] = child("analysis", store)
    out["pack"] = child("pack", store)
    if app:
        out["app"] = child("app", store)
    if "raw" in peers:
        out["raw_disk"] = child("raw_load", nq, workdir / "raw-store")
        shutil.rmtree(workdir / "raw-store", ignore_errors=True)
        out["raw_memory"] = child("raw_load", nq, "-")
    if "rdflib" in peers:
        out["rdflib_pipeline"] = child("rdflib_pipeline", path, data_dir, workdir / "rdflib.nq", shacl_max)
        (workdir / "rdflib.nq").unlink(missing_ok=True)
        out["rdflib_queries"] = (child("rdflib_queries", store, max(1, repeat // 2)) if n <= rdflib_max_n
                                 else {"skipped": RDFLIB_QUERIES_SKIPPED.format(max=rdflib_max_n)})
    if "virtuoso" in peers:
        out["virtuoso"] = child("virtuoso", store, workdir, repeat)
    out["summary"] = summary(out)
    return out


def summary(r: dict) -> dict:
    """The headline figures and ratios of one size (None where a part is missing)."""
    q = r.get("queries", {}).get("per_query", {})
    names = sorted(q)

    ours = [q[name]["ours"] for name in names]
    s: dict = {
        "validate_s": r["validate"].get("wall_s"), "validate_mb": r["validate"].get("peak_mb"),
        "build_s": r["build"].get("wall_s"), "build_mb": r["build"].get("peak_mb"),
        "rebuild_s": r.get("rebuild", {}).get("wall_s"),
        "query_ms": _med(ours), "query_p95_ms": _p95(ours),
        "safe_ms": _med([q[name]["safe"] for name in names]),
        "copy": r.get("queries", {}).get("in_memory_copy"),
        "raw_query_ms": _med([q[name]["raw"] for name in names]),
        "analysis_s": r.get("analysis", {}).get("total"), "analysis_mb": r.get("analysis", {}).get("peak_mb"),
        "pack_s": r.get("pack", {}).get("total_s"), "pack_mb": r.get("pack", {}).get("peak_mb"),
    }
    pages = {k: v for k, v in r.get("app", {}).items() if isinstance(v, dict)}
    if pages:
        slowest = max(pages, key=lambda k: pages[k]["warm_s"])
        s["app_warm_max_s"], s["app_warm_max_page"] = pages[slowest]["warm_s"], slowest
        s["app_cold_max_s"] = max(v["cold_s"] for v in pages.values())
        s["app_errors"] = sorted(k for k, v in pages.items() if "error" in v)
    s["raw_disk_s"] = r.get("raw_disk", {}).get("wall_s")
    s["raw_memory_s"] = r.get("raw_memory", {}).get("wall_s")
    pipeline = r.get("rdflib_pipeline", {})
    s["rdflib_build_s"] = pipeline.get("wall_s") if "error" not in pipeline else None
    s["rdflib_build_mb"] = pipeline.get("peak_mb")
    s["rdflib_pyshacl_s"] = pipeline.get("pyshacl_s")
    rq = r.get("rdflib_queries", {}).get("per_query")
    s["rdflib_query_ms"] = _med(list(rq.values())) if rq else None
    virt = r.get("virtuoso", {})
    s["virtuoso"] = virt.get("skipped")
    s["virtuoso_load_s"] = virt.get("load_s")
    s["virtuoso_query_ms"] = virt.get("query_median_ms")
    s["build_vs_raw_disk"] = _ratio(s["build_s"], s["raw_disk_s"])
    s["build_vs_raw_memory"] = _ratio(s["build_s"], s["raw_memory_s"])
    s["rebuild_vs_raw_disk"] = _ratio(s["rebuild_s"], s["raw_disk_s"])
    s["rdflib_vs_build"] = _ratio(s["rdflib_build_s"], s["build_s"])
    s["rdflib_vs_rebuild"] = _ratio(s["rdflib_build_s"], s["rebuild_s"])
    s["query_vs_raw"] = _ratio(s["query_ms"], s["raw_query_ms"])
    s["rdflib_vs_query"] = _ratio(s["rdflib_query_ms"], s["query_ms"])
    s["virtuoso_vs_safe"] = _ratio(s["virtuoso_query_ms"], s["safe_ms"])
    return s


def _med(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _p95(values: list[float]) -> float | None:
    values = sorted(values)
    return values[min(len(values) - 1, math.ceil(0.95 * len(values)) - 1)] if values else None


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


# --- tables ----------------------------------------------------------------------------------------------

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


PIPELINE = [("validate_s", "validate s"), ("validate_mb", "MB"), ("build_s", "build s"), ("build_mb", "MB"),
            ("rebuild_s", "rebuild s"), ("query_ms", "query med ms"), ("query_p95_ms", "p95 ms"), ("safe_ms", "run_safe med ms"),
            ("analysis_s", "analysis s"), ("analysis_mb", "MB"), ("pack_s", "pack s"), ("pack_mb", "MB"),
            ("app_warm_max_s", "app page warm max s"), ("app_cold_max_s", "cold max s")]
PEERS = [("raw_disk_s", "raw oxi disk s"), ("raw_memory_s", "raw oxi mem s"), ("build_vs_raw_disk", "build / disk"),
         ("build_vs_raw_memory", "build / mem"), ("rebuild_vs_raw_disk", "rebuild / disk"),
         ("rdflib_build_s", "rdflib pipeline s"), ("rdflib_vs_build", "rdflib / build"),
         ("rdflib_vs_rebuild", "rdflib / rebuild"), ("raw_query_ms", "raw oxi query ms"), ("query_vs_raw", "ours / raw"),
         ("rdflib_query_ms", "rdflib query ms"), ("rdflib_vs_query", "rdflib / ours"),
         ("virtuoso_load_s", "Virtuoso load s"), ("virtuoso_query_ms", "Virtuoso query ms"),
         ("virtuoso_vs_safe", "Virtuoso / run_safe")]


def table(results: list[dict], columns: list[tuple[str, str]], *, ks: bool = True) -> str:
    """A Markdown table: one row per size, then the growth exponents of the time columns."""
    rows = [{"n": r["n"], "triples": r.get("triples"), **r.get("summary", {})} for r in results]
    lines = ["| N | triples | " + " | ".join(label for _, label in columns) + " |",
             "|" + "---:|" * (len(columns) + 2)]
    for row in rows:
        lines.append(f"| {row['n']:,} | {_fmt(row['triples'])} | "
                     + " | ".join(_fmt(row.get(key)) for key, _ in columns) + " |")
    if ks:
        timed = [key for key, _ in columns if key.endswith(("_s", "_ms"))]
        exps = {key: growth(rows, key) for key in timed}
        for i in range(1, len(rows)):
            lines.append(f"| k {rows[i - 1]['n']:,}→{rows[i]['n']:,} | | "
                         + " | ".join(_fmt(exps[key][i]) if key in exps else "" for key, _ in columns) + " |")
    return "\n".join(lines)


def pages_table(results: list[dict]) -> str:
    """App pages: warm / cold seconds per size."""
    sized = [r for r in results if r.get("app")]
    pages = sorted({p for r in sized for p, v in r["app"].items() if isinstance(v, dict)})
    lines = ["| page | " + " | ".join(f"N={r['n']:,} warm / cold s" for r in sized) + " |",
             "|---|" + "---:|" * len(sized)]
    for page in pages:
        cells = []
        for r in sized:
            v = r["app"].get(page, {})
            cells.append(f"{v.get('warm_s', 0):.2f} / {v.get('cold_s', 0):.2f}" + (" (fout)" if "error" in v else ""))
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def report(results: list[dict], command: str) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    skipped = {r["summary"].get("virtuoso") for r in results if r.get("summary", {}).get("virtuoso")}
    rdflib_skipped = {f"N={r['n']:,}: {r['rdflib_queries']['skipped']}" for r in results
                      if "skipped" in r.get("rdflib_queries", {})}
    parts = [f"`{command}`: {os.cpu_count()} cores, load average at the end {load}.", "",
             "Our pipeline (wall s and peak MB of each step in its own process; queries: CPU ms in-process):", "",
             table(results, PIPELINE), "",
             "Side by side (ratios > 1: ours is slower for build / raw and ours / raw; faster for rdflib / ours,"
             " rdflib / build and Virtuoso / run_safe):", "",
             table(results, PEERS), ""]
    if skipped:
        parts += [f"Virtuoso skipped: {'; '.join(sorted(skipped))}", ""]
    if rdflib_skipped:
        parts += [f"rdflib queries skipped: {'; '.join(sorted(rdflib_skipped))}", ""]
    if any(r.get("summary", {}).get("copy") is False for r in results):
        parts += ["Queries on the disk (the public graphs exceed `query_memory_mb`, so no in-memory copy): "
                  + ", ".join(f"N={r['n']:,}" for r in results if r.get("summary", {}).get("copy") is False), ""]
    if any(r.get("app") for r in results):
        parts += ["App pages under AppTest (warm = median of 3 after a warm-up; cold = empty caches):", "",
                  pages_table(results), ""]
    return "\n".join(parts)


def report_from(path: Path) -> str:
    """The tables of a JSON file this script wrote (``--report FILE``)."""
    saved = json.loads(Path(path).read_text())
    return report(saved["results"], saved["command"])


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--step":
        print(json.dumps(STEPS[argv[1]](*argv[2:]), default=str))
        return
    if argv and argv[0] == "--report":
        print(report_from(Path(argv[1])))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,342", help="comma-separated gemeente counts")
    parser.add_argument("--lessons", type=int, default=5, help="lessons per gemeente")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query after a warm-up")
    parser.add_argument("--peers", default="raw,rdflib,virtuoso", help="which peers to run (comma-separated)")
    parser.add_argument("--shacl-max-triples", type=int, default=0,
                        help="skip pyshacl in the rdflib pipeline above this many triples (0: never skip)")
    parser.add_argument("--rdflib-max-n", type=int, default=1000,
                        help="run the queries on rdflib's Dataset only up to this many gemeenten")
    parser.add_argument("--no-app", action="store_true", help="leave out the app pages")
    parser.add_argument("--out", default="data/build/bench.json")
    args = parser.parse_args(argv)
    peers = {p for p in args.peers.split(",") if p}
    command = "python tests/benchmarks/run.py " + " ".join(argv)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    results = []
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
            results.append(measure_size(n, args.lessons, Path(tmp), repeat=args.repeat, peers=peers,
                                        shacl_max=args.shacl_max_triples, app=not args.no_app,
                                        rdflib_max_n=args.rdflib_max_n))
        print(f"N={n}: {json.dumps(results[-1].get('summary', results[-1]), default=str)}", flush=True)
        out.write_text(json.dumps({"command": command, "cores": os.cpu_count(), "results": results},
                                  indent=2, default=str))  # after each size: a long run keeps what it measured
    print()
    print(report(results, command))


if __name__ == "__main__":
    main()
