"""Benchmark: ``kernen build`` (time, peak memory) and every canned query, Oxigraph vs rdflib.

Run: ``python tests/benchmarks/bench_build.py [--repeat 7] [--rdflib-repeat 3] [--no-rdflib]``
(not collected by pytest). Prints a Markdown table for the README's performance section.

1. ``kernen build`` (ontology, reference, praktijk and the bundled example trajectory when it exists),
   as a subprocess, ``--build-repeat`` times:
   median wall time and peak resident memory of the build process.
2. Each canned query with its default parameters, median of ``--repeat`` runs after one warm-up:
   through ``run_safe`` (check + worker process + IPC: what the CLI, endpoint and app pay) and
   in-process (``Store.query``: what analysis and summaries pay; on the in-memory copy of the public
   graphs, after it has loaded).
3. The same triples (every public named graph) loaded into rdflib's in-memory ``Dataset``, the same
   query text with the same bound values, median of ``--rdflib-repeat`` runs; the ratio to Oxigraph.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.namespace import PREFIXES  # noqa: E402
from graph.sparql import bind_params, canned_queries, run_canned  # noqa: E402
from graph.store import bind_values, open_store  # noqa: E402


def bench_build(store: Path, repeat: int) -> tuple[float, float, float]:
    """Median wall seconds, median CPU seconds and max peak RSS (MB) of ``kernen build --store STORE``."""
    seconds, cpu, peaks = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "graph", "build", "--store", str(store)],
                                 cwd=ROOT, stdout=subprocess.DEVNULL)
        _, status, usage = _wait(child)
        seconds.append(time.perf_counter() - start)
        if status != 0:
            raise SystemExit(f"kernen build failed with status {status}")
        peaks.append(usage.ru_maxrss / 1024)
        cpu.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(seconds), statistics.median(cpu), max(peaks)


def _wait(child: subprocess.Popen):
    import os

    pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return pid, child.returncode, usage


def median_ms(fn, repeat: int, *, clock=time.perf_counter) -> float:
    """Median milliseconds of ``fn()`` after one warm-up run; ``clock=time.process_time`` measures the
    CPU time of this process, which other work on a shared machine does not inflate."""
    fn()  # warm-up (worker start, caches)
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def bench_queries(store_dir: Path, repeat: int, rdflib_repeat: int, with_rdflib: bool) -> list[dict]:
    store = open_store(store_dir)
    store.public_copy(wait=True)  # as in a running server or app: the in-memory copy has loaded
    texts = {q.name: bind_values(q.text, bind_params(q, {}, store=store)) for q in canned_queries()}
    rows = []
    for q in canned_queries():
        safe = median_ms(lambda: run_canned(q.name, store=store), repeat)
        inproc = median_ms(lambda: store.query(texts[q.name]), repeat, clock=time.process_time)
        n = len(store.query(texts[q.name]).rows)
        rows.append({"name": q.name, "rows": n, "safe": safe, "inproc": inproc})
    if with_rdflib:
        dataset, load_s = load_rdflib(store)
        for row in rows:
            text = texts[row["name"]]
            row["rdflib"] = median_ms(lambda: list(dataset.query(text, initNs=PREFIXES)), rdflib_repeat,
                                      clock=time.process_time)
        rows.append({"name": "(load the same triples)", "rdflib_load": load_s})
    return rows


def load_rdflib(store):
    """The public graphs in rdflib's in-memory Dataset (default graph = union), and the seconds it took."""
    from rdflib import Dataset

    data = store.dump("nq")
    start = time.process_time()
    dataset = Dataset(default_union=True)
    dataset.parse(data=data, format="nquads")
    return dataset, time.process_time() - start


def report(build_s: float, cpu_s: float, peak_mb: float, rows: list[dict], triples: int, graphs: list[str]) -> str:
    lines = [f"Machine: {platform.machine()}, {_cpus()} cores, Python {platform.python_version()}; "
             f"{triples:,} triples in {len(graphs)} named graphs ({', '.join(graphs)}).", "",
             f"`kernen build` (all steps incl. SHACL check): **{build_s:.1f} s** wall, {cpu_s:.1f} s CPU "
             f"(medians), peak memory **{peak_mb:.0f} MB**; load average during the run: {_load()}.", "",
             "run_safe: wall time of check + worker + transfer; in-process and rdflib: CPU time of the query.", "",
             "| canned query | rows | run_safe, wall (ms) | in-process, CPU (ms) | rdflib, CPU (ms) | rdflib / Oxigraph |",
             "|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        if "rdflib_load" in row:
            lines.append(f"| {row['name']} | | | | {row['rdflib_load'] * 1000:,.0f} | |")
            continue
        rd = row.get("rdflib")
        ratio = f"{rd / row['inproc']:.0f}x" if rd else ""
        lines.append(f"| {row['name']} | {row['rows']} | {row['safe']:.1f} | {row['inproc']:.1f} | "
                     f"{'' if rd is None else f'{rd:,.0f}'} | {ratio} |")
    return "\n".join(lines)


def _load() -> str:
    import os

    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def _cpus() -> int:
    import os

    return os.cpu_count() or 0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--build-repeat", type=int, default=3)
    parser.add_argument("--rdflib-repeat", type=int, default=3)
    parser.add_argument("--no-rdflib", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        build_s, cpu_s, peak_mb = bench_build(store, args.build_repeat)
        rows = bench_queries(store, args.repeat, args.rdflib_repeat, not args.no_rdflib)
        opened = open_store(store)
        graphs = [g.rsplit("/graph/", 1)[-1] for g in opened.graphs(include_private=True)]
        print(report(build_s, cpu_s, peak_mb, rows, opened.count(), graphs))
    print(f"\n(peak memory of this benchmark process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
