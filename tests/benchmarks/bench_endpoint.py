"""Benchmark: the canned queries over HTTP, ``kernen serve`` (embedded Oxigraph) vs Virtuoso, side by side.

Run: ``python tests/benchmarks/bench_endpoint.py [--store DIR] [--repeat 20] [--seconds 30] [--clients 8]
[--no-virtuoso]`` (not collected by pytest). Prints Markdown tables for the README's performance section.

1. The store: ``--store DIR``, or a fresh ``kernen build`` into a temp directory.
2. ``kernen serve`` in its own process on a free loopback port (safe runner: check, worker processes,
   time limit, row cap). Virtuoso (Debian's package) started in a temp directory, the same graphs loaded
   with ``kernen publish``; skipped with the reason when ``virtuoso-t`` is missing. A third target is
   ``kernen serve`` over that Virtuoso (``--store http://.../sparql``): what our safety layer adds.
3. Latency: each canned query (default parameters, bound as VALUES) as a SPARQL 1.1 Protocol POST
   asking for JSON, one warm-up, then ``--repeat`` sequential runs: median and p95 in ms.
4. Throughput: ``--clients`` threads, each with its own keep-alive connection, cycling through the
   canned queries for ``--seconds`` seconds (a bounded loop): completed requests per second.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from graph.namespace import sparql_prefixes  # noqa: E402
from graph.sparql import bind_params, canned_queries  # noqa: E402
from graph.store import bind_values, open_store  # noqa: E402
from virtuoso import free_port, start_virtuoso  # noqa: E402

JSON = "application/sparql-results+json"
FORM = "application/x-www-form-urlencoded"


def build_store(directory: Path) -> Path:
    """``kernen build`` into ``directory`` (reference, praktijk and the bundled example)."""
    store = directory / "store"
    subprocess.run([sys.executable, "-m", "graph", "build", "--store", str(store)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return store


def start_serve(store: str, *, timeout: float = 30.0) -> tuple[subprocess.Popen, str]:
    """``kernen serve`` in a child process on a free port; returns it and its /sparql URL once it answers."""
    port = free_port()
    child = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", store, "--port", str(port),
                              "--timeout", str(timeout)], cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.post(url, data={"query": "ASK {}"}, timeout=5).status_code == 200:
                return child, url
        except httpx.HTTPError:
            time.sleep(0.2)
    child.kill()
    raise SystemExit("kernen serve did not start")


def query_texts(store_dir: Path) -> dict[str, str]:
    """Every canned query with its default parameters bound, with our PREFIX lines (Virtuoso needs them)."""
    store = open_store(str(store_dir))
    texts = {}
    for q in canned_queries():
        try:
            texts[q.name] = sparql_prefixes() + bind_values(q.text, bind_params(q, {}, store=store))
        except (ValueError, LookupError) as exc:  # e.g. no example trajectory in this build
            print(f"(skipped {q.name}: {exc})", file=sys.stderr)
    return texts


class Target:
    """One SPARQL endpoint to measure; ``form`` adds protocol parameters (Virtuoso: our graphs)."""

    def __init__(self, name: str, url: str, extra: list[tuple[str, str]] | None = None):
        self.name, self.url, self.extra = name, url, extra or []

    def ask(self, client: httpx.Client, text: str) -> httpx.Response:
        body = urllib.parse.urlencode([("query", text), *self.extra])
        return client.post(self.url, content=body, headers={"Accept": JSON, "Content-Type": FORM})


def latency(target: Target, texts: dict[str, str], repeat: int) -> dict[str, tuple[float, float, int]]:
    """Per query: median ms, p95 ms, rows."""
    out = {}
    with httpx.Client(timeout=120) as client:
        for name, text in texts.items():
            warm = target.ask(client, text)
            rows = len(warm.json()["results"]["bindings"]) if warm.status_code == 200 else -warm.status_code
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                target.ask(client, text).read()
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            out[name] = (statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], rows)
    return out


def throughput(target: Target, texts: dict[str, str], clients: int, seconds: float) -> tuple[int, int, float]:
    """Completed requests, errors and requests per second with ``clients`` concurrent clients."""
    queries = list(texts.values())
    done, errors, lock = [0], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def run(offset: int) -> None:
        with httpx.Client(timeout=120) as client:
            i = offset
            while time.monotonic() < deadline:  # bounded: stops at the deadline
                ok = target.ask(client, queries[i % len(queries)]).status_code == 200
                with lock:
                    done[0] += ok
                    errors[0] += not ok
                i += 1

    start = time.perf_counter()
    threads = [threading.Thread(target=run, args=(k * 3,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0], errors[0], done[0] / (time.perf_counter() - start)


def virtuoso_targets(store_dir: Path, workdir: Path, stack: list) -> list[Target]:
    """Virtuoso with the store published into it, and ``kernen serve`` over it (empty when missing)."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        print("Virtuoso skipped: virtuoso-t is not installed (apt-get install virtuoso-opensource)")
        return []
    from graph.store.publish import publish

    server = start_virtuoso(workdir / "virtuoso", binary=binary)
    stack.append(server.stop)
    start = time.perf_counter()
    counts = publish(open_store(str(store_dir)), server.sparql_url, user=server.user, password=server.password)
    print(f"publish: {sum(counts.values()):,} triples into Virtuoso in {time.perf_counter() - start:.1f} s")
    graphs = [("default-graph-uri", g) for g in counts] + [("named-graph-uri", g) for g in counts]
    child, url = start_serve(server.sparql_url)
    stack.append(child.kill)
    return [Target("Virtuoso 7.2 (direct)", server.sparql_url, graphs), Target("kernen serve -> Virtuoso", url)]


def table(results: dict[str, dict[str, tuple[float, float, int]]]) -> str:
    names = list(results)
    head = "| query | rows | " + " | ".join(f"{n} median / p95 (ms)" for n in names) + " |"
    lines = [head, "|" + "---|" * (2 + len(names))]
    for q in next(iter(results.values())):
        rows = {r[q][2] for r in results.values()}
        cells = " | ".join(f"{r[q][0]:.1f} / {r[q][1]:.1f}" for r in results.values())
        lines.append(f"| {q} | {'/'.join(map(str, sorted(rows)))} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None, help="built store (default: build one)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0, help="throughput run length per target")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--no-virtuoso", action="store_true")
    args = parser.parse_args()
    stack: list = []
    with tempfile.TemporaryDirectory(prefix="bench-endpoint-") as tmp:
        try:
            store = args.store or build_store(Path(tmp))
            texts = query_texts(store)
            child, url = start_serve(str(store))
            stack.append(child.kill)
            targets = [Target("kernen serve (Oxigraph)", url)]
            if not args.no_virtuoso:
                targets += virtuoso_targets(store, Path(tmp), stack)
            print(f"\n{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
                  f"{len(texts)} canned queries, {args.repeat} runs each\n")
            print(table({t.name: latency(t, texts, args.repeat) for t in targets}))
            print(f"\n| target | clients | seconds | requests | errors | requests/s |\n|---|---|---|---|---|---|")
            for t in targets:
                n, errors, rate = throughput(t, texts, args.clients, args.seconds)
                print(f"| {t.name} | {args.clients} | {args.seconds:g} | {n} | {errors} | {rate:.1f} |")
        finally:
            for stop in reversed(stack):
                stop()


if __name__ == "__main__":
    main()
