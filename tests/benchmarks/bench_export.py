"""Benchmark of the facilitator exports: the meeting pack (summary, then md/html/docx) and the bundle.

Run: ``python tests/benchmarks/bench_export.py [--sizes 10,100,342] [--lessons 10] [--store DIR]
[--json FILE]``. Measures, per input, the meeting pack of the last meeting (building the summary,
which runs the analysis, then rendering each format) and the lessons bundle as DOCX; the median of
``--repeat`` runs. Inputs: the built store (``--store``, default the settings' store, when it exists)
and synthetic trajectories of N gemeenten x L lessons from ``bench_analysis.synthetic_quads``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _median(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def measure(store, meeting: str, traject: str, *, repeat: int) -> dict[str, float]:
    """Seconds: the meeting pack summary (with the analysis), its rendering per format, and the
    whole lessons bundle (summary and DOCX)."""
    from graph.export.reports import render
    from graph.summaries import lessons_bundle, meeting_pack

    out: dict[str, float] = {}
    out["pack"], pack = _median(lambda: meeting_pack(store, meeting), repeat)
    for fmt in ("md", "html", "docx"):
        out[f"pack.{fmt}"], _ = _median(lambda: render(pack, format=fmt), repeat)
    out["bundle.docx"], _ = _median(lambda: render(lessons_bundle(store, traject), format="docx"), repeat)
    return out


def _last_meeting(store) -> tuple[str, str] | None:
    from graph.summaries.data import meetings, trajects

    found = trajects(store)
    if not found:
        return None
    t_iri, ref = found[0]
    keys = [m.key for t, m in meetings(store, lang="nl") if t == t_iri]
    return (keys[-1], ref.slug) if keys else None


def _row(name: str, t: dict[str, float]) -> str:
    return f"{name:<34}" + "".join(f"{v:>12.3f}" for v in t.values())


def main() -> None:
    from bench_analysis import synthetic_quads

    from graph.settings import load_settings
    from graph.store import LocalStore, open_store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,342")
    parser.add_argument("--lessons", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--store", default=None, help="a built store (default: settings)")
    parser.add_argument("--json", default=None, help="also write the figures to this JSON file")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    path = Path(args.store or load_settings().store)
    if path.exists():
        store = open_store(path)
        if (found := _last_meeting(store)) is not None:
            results[f"built store: {found[0]}"] = measure(store, *found, repeat=args.repeat)
    for n in (int(s) for s in args.sizes.split(",")):
        store = LocalStore.in_memory(synthetic_quads(n, args.lessons))
        meeting, slug = _last_meeting(store)
        results[f"synthetic {n} x {args.lessons}"] = measure(store, meeting, slug, repeat=args.repeat)
    steps = next(iter(results.values())).keys()
    print(f"{'input (median seconds)':<34}" + "".join(f"{s:>12}" for s in steps))
    for name, t in results.items():
        print(_row(name, t), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
