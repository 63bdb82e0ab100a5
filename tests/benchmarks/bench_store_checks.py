"""Benchmark of the store's own checks: what verifying the in-memory copy, holding a version and fixing
a remote query's dataset cost.

Run: ``python tests/benchmarks/bench_store_checks.py [--repeat 5]``.
Builds the real store (reference + praktijk + the bundled example) in a temp directory, then prints,
as the median of ``--repeat`` runs:

- the size of ``kernen-public.nq`` and the time to read it, to check its SHA-256 against the marker,
  and to bulk-load it (the check is the part a reader pays on top of the load);
- opening a ``LocalStore`` (which takes the reader's shared lock) and releasing it;
- ``graph.store.remote_dataset.dataset_form`` for a query without and with its own FROM.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pyoxigraph as ox  # noqa: E402

from graph.build import build  # noqa: E402
from graph.store import PUBLIC_COPY, LocalStore, copy_problem  # noqa: E402
from graph.store.remote_dataset import dataset_form  # noqa: E402
from graph.store.versions import read_marker  # noqa: E402


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store_dir = Path(tmp) / "store"
        build(store_dir=store_dir)
        version = store_dir.resolve()
        path, expected = version / PUBLIC_COPY, read_marker(version)["public_copy"]
        data = path.read_bytes()
        read = _median(path.read_bytes, args.repeat)
        check = _median(lambda: copy_problem(data, expected), args.repeat)
        sha = _median(lambda: hashlib.sha256(data).hexdigest(), args.repeat)
        load = _median(lambda: ox.Store().bulk_load(data, format=ox.RdfFormat.N_QUADS), args.repeat)
        print(f"kernen-public.nq: {len(data) / 1e6:.1f} MB; read {read * 1000:.1f} ms, "
              f"check (size + SHA-256) {check * 1000:.1f} ms (SHA-256 alone {sha * 1000:.1f} ms), "
              f"bulk load {load * 1000:.0f} ms: the check adds {check / load:.0%} to the load")
        hold = _median(lambda: LocalStore(store_dir, memory_mb=0).close(), args.repeat)
        print(f"open + hold + release a version (LocalStore, read-only): {hold * 1000:.2f} ms")
        graphs = LocalStore(store_dir, memory_mb=0).graphs()
    plain = "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 10"
    own = f"SELECT ?s FROM <{graphs[0]}> FROM NAMED <{graphs[1]}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    n = 2000
    for name, text in (("no FROM", plain), ("own FROM / FROM NAMED", own)):
        seconds = _median(lambda: [dataset_form(text, graphs) for _ in range(n)], args.repeat)
        print(f"dataset_form, {name}: {seconds / n * 1e6:.1f} µs a query")


if __name__ == "__main__":
    main()
