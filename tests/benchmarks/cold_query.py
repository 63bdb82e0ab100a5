"""A slow question in a fresh ``kernen query``: wall time of the whole command, against the question's
time on the in-memory copy and on the database on disk (the explicit list of public graphs).

The question joins every buurt to its gemeente, label and wijk label (14,574 buurten): about 0.25 s on
the in-memory copy, 25x that on disk. A fresh ``kernen query`` starts a worker that loads the copy (0.4 s
for the example store) while the command checks the query text, so the answer comes from memory.

    python tests/benchmarks/cold_query.py --repeat 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KERNEN = [sys.executable, "-m", "graph"]
ENV = os.environ | {"PYTHONPATH": str(ROOT)}
SLOW_QUESTION = ("SELECT ?g (COUNT(*) AS ?n) WHERE { ?b a kd:Buurt ; kd:gemeente ?g ; rdfs:label ?l . "
                 "OPTIONAL { ?b kd:wijk/rdfs:label ?w } } GROUP BY ?g")


def _engine_times(store: str) -> tuple[float, float]:
    """Seconds for the question on the in-memory copy and on disk, in this process."""
    sys.path.insert(0, str(ROOT))
    import pyoxigraph as ox

    from graph.namespace import PREFIXES
    from graph.store import PUBLIC_COPY, open_store

    opened = open_store(store)
    copy = ox.Store()
    copy.bulk_load(path=str(opened.version / PUBLIC_COPY), format=ox.RdfFormat.N_QUADS)
    start = time.perf_counter()
    list(copy.query(SLOW_QUESTION, prefixes=PREFIXES, use_default_graph_as_union=True))
    memory = time.perf_counter() - start
    graphs = opened.named_graphs()
    start = time.perf_counter()
    list(opened.oxigraph.query(SLOW_QUESTION, prefixes=PREFIXES, default_graph=graphs, named_graphs=graphs))
    return memory, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--store", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or str(Path(tmp) / "store")
        if args.store is None:
            subprocess.run(KERNEN + ["build", "--store", store], check=True, stdout=subprocess.DEVNULL, env=ENV)
        walls = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(KERNEN + ["query", SLOW_QUESTION, "--store", store, "--format", "csv"], check=True,
                           stdout=subprocess.DEVNULL, env=ENV)
            walls.append(time.perf_counter() - start)
        memory, disk = _engine_times(store)
    print(f"fresh `kernen query` on the slow question: median {statistics.median(walls):.2f} s, "
          f"min {min(walls):.2f} s, max {max(walls):.2f} s ({args.repeat} runs)")
    print(f"the question alone: in memory {memory:.2f} s, on disk {disk:.2f} s; load average "
          f"{os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
