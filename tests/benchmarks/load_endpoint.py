"""Sustained load on ``kernen serve``: 32 concurrent clients for N seconds on loopback.

Starts ``kernen serve`` on 127.0.0.1 with a short time limit (2 s) on a store (``--store``, default: the
example built into a temporary directory), sends a mix of simple queries (24 clients) and queries that
run to the limit (8 clients), each client from its own loopback address (127.0.0.2, 127.0.0.3, ...: the
endpoint limits concurrency per address), then prints throughput, p50/p99 of the simple ones, failed
simple queries, what the long ones got (503 at the limit, 429 when their share of workers was taken),
and the server's peak RSS (with its query workers). ``--busy N`` keeps N build loops running meanwhile,
so the machine is busy with other work too. Clients honour ``Retry-After``.

    python tests/benchmarks/load_endpoint.py --seconds 60 --busy 1
"""

from __future__ import annotations

import argparse
from collections import Counter
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from virtuoso import free_port  # noqa: E402

SIMPLE = ["SELECT ?g ?naam WHERE { ?g a kd:Gemeente ; rdfs:label ?naam } LIMIT 20",
          "SELECT (COUNT(*) AS ?n) WHERE { ?k a kd:Kern }",
          "ASK { ?s a kd:Provincie }",
          "SELECT ?p ?naam WHERE { ?p a kd:Provincie ; rdfs:label ?naam } ORDER BY ?naam"]
LONG = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT_S = 2.0
KERNEN = [sys.executable, "-m", "graph"]
ENV = os.environ | {"PYTHONPATH": str(ROOT)}


def _rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and its children (kB)."""
    total = 0
    for proc in [str(pid)] + Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        try:
            status = Path(f"/proc/{proc}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")), 0)
    return total


def _client(base: str, stop: float, queries: list[str], out: list, address: str) -> None:
    transport = httpx.HTTPTransport(local_address=address)
    with httpx.Client(base_url=base, timeout=30, transport=transport) as client:
        n = 0
        while time.monotonic() < stop:
            query = queries[n % len(queries)]
            n += 1
            start = time.monotonic()
            retry = 0.0
            try:
                response = client.post("/sparql", data={"query": query},
                                       headers={"Accept": "application/sparql-results+json"})
                status, retry = response.status_code, float(response.headers.get("retry-after", 0))
            except httpx.HTTPError:
                status = 0
            out.append((status, time.monotonic() - start))
            time.sleep(min(retry, max(stop - time.monotonic(), 0)))


def _busy(store: str, stop: float) -> None:
    """Rebuild ``store`` over and over until ``stop`` (other work on the same machine)."""
    while time.monotonic() < stop:
        subprocess.run(KERNEN + ["build", "--store", store], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=ENV)


def _wait(base: str, server: subprocess.Popen) -> None:
    for _ in range(300):
        if server.poll() is not None:
            sys.exit("kernen serve stopped")
        try:
            httpx.get(base + "/", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    sys.exit("kernen serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--long-clients", type=int, default=8)
    parser.add_argument("--busy", type=int, default=0, help="build loops running beside the load")
    parser.add_argument("--store", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or str(Path(tmp) / "store")
        if args.store is None:
            subprocess.run(KERNEN + ["build", "--store", store], check=True, stdout=subprocess.DEVNULL, env=ENV)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(KERNEN + ["serve", "--store", store, "--host", "127.0.0.1", "--port", str(port),
                                  "--timeout", str(TIMEOUT_S)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  env=ENV)
        try:
            _wait(base, server)
            busy = [threading.Thread(target=_busy, args=(str(Path(tmp) / f"busy{i}" / "store"),
                                                         time.monotonic() + args.seconds)) for i in range(args.busy)]
            for thread in busy:
                thread.start()
            _run(base, server.pid, args)
            for thread in busy:
                thread.join()
        finally:
            server.terminate()
            server.wait(timeout=20)


def _run(base: str, pid: int, args) -> None:
    simple, long_ = [], []
    stop = time.monotonic() + args.seconds
    kinds = [([LONG], long_)] * args.long_clients + [(SIMPLE, simple)] * (args.clients - args.long_clients)
    threads = [threading.Thread(target=_client, args=(base, stop, queries, out, f"127.0.0.{i + 2}"))
               for i, (queries, out) in enumerate(kinds)]
    for t in threads:
        t.start()
    peak = 0
    while any(t.is_alive() for t in threads):
        peak = max(peak, _rss_kb(pid))
        time.sleep(0.5)
    times = sorted(t for _, t in simple)
    failed = sum(1 for status, _ in simple if status != 200)
    stopped = sum(1 for status, t in long_ if status == 503 and t < TIMEOUT_S + 5)
    q = statistics.quantiles(times, n=100) if len(times) > 1 else [0.0] * 99
    print(f"clients {args.clients} ({args.long_clients} long-running), {args.seconds:.0f} s, limit {TIMEOUT_S} s, "
          f"{args.busy} build loop(s) beside")
    print(f"simple queries: {len(simple)} ({len(simple) / args.seconds:.1f}/s), p50 {q[49] * 1000:.0f} ms, "
          f"p99 {q[98] * 1000:.0f} ms, failed {failed} {dict(Counter(s for s, _ in simple if s != 200))}")
    print(f"long queries: {len(long_)}, stopped at their limit (503) {stopped}, "
          f"statuses {dict(Counter(s for s, _ in long_))}")
    print(f"server peak RSS (with workers): {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
