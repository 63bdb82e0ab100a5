"""Benchmark of the analysis: the example trajectory and synthetic trajectories of N gemeenten x L lessons.

Run: ``python tests/benchmarks/bench_analysis.py [--sizes 10,342,1000] [--lessons 50] [--seed 1]``.
Prints, per size, the time to read the store and project it, and the time of each part of the analysis.
Targets: example trajectory < 1 s, 342 gemeenten x 50 lessons < 10 s.

The synthetic data are generated directly as quads (seeded), in the shape of docs/architecture.md:
gemeenten with province, inhabitants, centroid, kernen and herindelingen; a theme and instrument
vocabulary with skewed popularity; one trajectory with a Deelname, two vraagstukken and L lessons per
gemeente (evidence: the gemeente and up to two others), five meetings; praktijk toepassingen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

from pyoxigraph import Quad

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from graph.namespace import KD, GEO, G_PRAKTIJK, G_REFERENCE, graph_iri, iri  # noqa: E402
from graph.sources.terms import Quads, node, wkt_point, year  # noqa: E402

RDFS_LABEL = node("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_PREF = node("http://www.w3.org/2004/02/skos/core#prefLabel")
DCT_TITLE = node("http://purl.org/dc/terms/title")
N_THEMES, N_INSTRUMENTS, N_MEETINGS, N_SOURCES = 30, 29, 5, 200
PROVINCES = [f"PV{20 + i}" for i in range(12)]


def _zipf(rng: random.Random, n: int) -> int:
    """An index in 0..n-1, popular ones first (weights 1/(i+1))."""
    return rng.choices(range(n), weights=[1 / (i + 1) for i in range(n)])[0]


def synthetic_quads(n: int, lessons: int, *, seed: int = 1, traject: str = "synthetisch") -> list[Quad]:
    """A seeded synthetic trajectory of ``n`` gemeenten with ``lessons`` lessons each, as quads."""
    rng = random.Random(seed)
    ref, prak, traj = Quads(G_REFERENCE), Quads(G_PRAKTIJK), Quads(graph_iri("traject", traject))
    codes = [f"GM{9000 + i:04d}" if n <= 1000 else f"GM{i:05d}" for i in range(n)]
    for pv in PROVINCES:
        ref.typed(node(iri("provincie", pv)), KD.Provincie)
        ref.add(node(iri("provincie", pv)), RDFS_LABEL, f"Provincie {pv}")
    for i in range(N_THEMES):
        ref.add(node(iri("thema", f"t{i}")), SKOS_PREF, f"thema {i}", lang="nl")
    for i in range(N_INSTRUMENTS):
        ref.add(node(iri("instrument", f"i{i}")), SKOS_PREF, f"instrument {i}", lang="nl")
    for code in codes:
        _gemeente(ref, prak, rng, code)
    _trajectory(traj, rng, codes, lessons, traject)
    return ref.items + prak.items + traj.items


def _gemeente(ref: Quads, prak: Quads, rng: random.Random, code: str) -> None:
    g = node(iri("gemeente", code))
    ref.typed(g, KD.Gemeente)
    ref.add(g, RDFS_LABEL, f"Gemeente {code}")
    ref.add(g, KD.provincie, node(iri("provincie", rng.choice(PROVINCES))))
    ref.add(g, KD.inwoners, rng.randint(5_000, 200_000))
    geometry = node(iri("geometrie", code))
    ref.add(g, GEO.hasGeometry, geometry)
    ref.add(geometry, GEO.asWKT, wkt_point(round(rng.uniform(3.5, 7.0), 4), round(rng.uniform(50.8, 53.5), 4)))
    for k in range(rng.randint(1, 30)):
        kern = node(iri("kern", f"{code}{k:02d}"))
        ref.typed(kern, KD.Kern)
        ref.add(kern, KD.gemeente, g)
    if rng.random() < 0.3:
        h = node(iri("herindeling", f"wzg-{code}"))
        ref.typed(h, KD.Herindeling)
        ref.add(h, KD.ingesteld, g)
    for t in range(3):
        s = node(iri("toepassing", f"{code}-{t}"))
        prak.typed(s, KD.Toepassing)
        prak.add(s, KD.gemeente, g)
        prak.add(s, KD.instrument, node(iri("instrument", f"i{_zipf(rng, N_INSTRUMENTS)}")))
        prak.add(s, KD.sinds, year(rng.randint(1995, 2024)))


def _trajectory(q: Quads, rng: random.Random, codes: list[str], lessons: int, traject: str) -> None:
    t = node(iri("traject", traject))
    q.typed(t, KD.Traject)
    for m in range(N_MEETINGS):
        b = node(iri("bijeenkomst", f"{traject}-b{m}"))
        q.typed(b, KD.Bijeenkomst)
        q.add(b, RDFS_LABEL, f"Bijeenkomst {m + 1}")
        q.add(b, KD.volgnummer, m + 1)
        q.add(b, KD.datum, dt.date(2025, 1 + 2 * m, 1))
    for code in codes:
        g = node(iri("gemeente", code))
        d = node(iri("deelname", f"{traject}-{code}"))
        q.typed(d, KD.Deelname)
        q.add(d, KD.traject, t)
        q.add(d, KD.gemeente, g)
        for v in range(2):
            s = node(iri("vraagstuk", f"{traject}-{code}-{v}"))
            q.typed(s, KD.Vraagstuk)
            q.add(s, DCT_TITLE, f"Vraag {v} van {code}")
            q.add(s, KD.gemeente, g)
            q.add(s, KD.thema, node(iri("thema", f"t{_zipf(rng, N_THEMES)}")))
            q.add(s, KD.instrument, node(iri("instrument", f"i{_zipf(rng, N_INSTRUMENTS)}")))
        for i in range(lessons):
            _les(q, rng, codes, code, i, t, traject)


def _les(q: Quads, rng: random.Random, codes: list[str], code: str, i: int, t, traject: str) -> None:
    s = node(iri("les", f"{traject}-{code}-{i}"))
    q.typed(s, KD.Les)
    q.add(s, DCT_TITLE, f"Les {i} van {code}")
    q.add(s, KD.traject, t)
    q.add(s, KD.bijeenkomst, node(iri("bijeenkomst", f"{traject}-b{rng.randrange(N_MEETINGS)}")))
    for _ in range(rng.randint(1, 2)):
        q.add(s, KD.thema, node(iri("thema", f"t{_zipf(rng, N_THEMES)}")))
    if rng.random() < 0.6:
        q.add(s, KD.instrument, node(iri("instrument", f"i{_zipf(rng, N_INSTRUMENTS)}")))
    for other in {code, *rng.sample(codes, min(len(codes), rng.randint(0, 2)))}:
        q.add(s, KD.bewijs, node(iri("gemeente", other)))
    q.bronnen(s, [f"https://bron{rng.randrange(N_SOURCES)}.example.org/les"])


def _timed(label: str, fn, times: dict[str, float]):
    start = time.perf_counter()
    result = fn()
    times[label] = time.perf_counter() - start
    return result


def measure(store, *, traject: str | None = None, seed: int = 42) -> dict[str, float]:
    """Seconds per step of the whole analysis on ``store`` (what ``analyse`` does, step by step)."""
    from graph.analysis import (bridges, changes, communities, hosts, learning_groups, projection_from_records,
                                read_records, threads)

    t: dict[str, float] = {}
    records = _timed("read (SPARQL)", lambda: read_records(store, traject=traject), t)
    p = _timed("project", lambda: projection_from_records(records), t)
    _timed("threads", lambda: threads(p, k=3), t)
    found = _timed("communities", lambda: communities(p, seed=seed), t)
    _timed("groups", lambda: learning_groups(p, seed=seed), t)
    _timed("hosts", lambda: hosts(p), t)
    _timed("bridges", lambda: bridges(p, seed=seed, communities=found), t)
    _timed("changes", lambda: changes(p), t)
    t["total"] = sum(t.values())
    return t


def _print(name: str, t: dict[str, float]) -> None:
    steps = "  ".join(f"{k} {v:.2f}" for k, v in t.items() if k != "total")
    print(f"{name:<28} total {t['total']:6.2f} s   ({steps})", flush=True)


def example_store():
    """The bundled example trajectory built in memory, or None when the builder is not there yet."""
    from graph.build import default_inputs, standard_sources
    from graph.settings import DEFAULT_DATA
    from graph.store import LocalStore

    inputs = default_inputs(DEFAULT_DATA)
    if not inputs:
        return None
    return LocalStore.in_memory([q for source in standard_sources(DEFAULT_DATA, inputs) for q in source.load()])


def main() -> None:
    from graph.store import LocalStore

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,342,1000")
    parser.add_argument("--lessons", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    store = example_store()
    if store is not None:
        _print("example trajectory", measure(store))
    for n in (int(s) for s in args.sizes.split(",")):
        quads = synthetic_quads(n, args.lessons, seed=args.seed)
        _print(f"synthetic {n} x {args.lessons} ({len(quads):,} quads)", measure(LocalStore.in_memory(quads)))


if __name__ == "__main__":
    main()
