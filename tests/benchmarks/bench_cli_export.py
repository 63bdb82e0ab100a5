"""Benchmark of what a facilitator types: each export of a year as a fresh ``kernen`` process.

Run: ``python tests/benchmarks/bench_cli_export.py [--store DIR] [--repeat 3]``. The store defaults
to the settings' store (``kernen build`` puts the bundled example there: 12 gemeenten, a year of
meetings). Measures ``kernen --version`` (start-up) and ``kernen export meeting|intake|bundle`` to
DOCX, each in a new process, and prints the median wall time and the median CPU time (user + system
of the child): on a shared machine the wall time also holds the wait for a core, the CPU time not.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``python -m graph ARGS`` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "graph", *args], check=True, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _median(args: list[str], repeat: int) -> tuple[float, float]:
    runs = [_run(args) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from graph.settings import load_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=None, help="a built store (default: settings)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--meeting", default="voorbeeld-slot")
    parser.add_argument("--gemeente", default="GM1900")
    parser.add_argument("--traject", default="voorbeeld")
    args = parser.parse_args()
    store = args.store or load_settings().store
    out = Path(tempfile.mkdtemp()) / "export.docx"
    cases = {
        "kernen --version": ["--version"],
        f"export meeting {args.meeting}": ["export", "meeting", args.meeting],
        f"export intake {args.gemeente}": ["export", "intake", args.gemeente],
        f"export bundle {args.traject}": ["export", "bundle", args.traject],
    }
    print(f"{'command':<34}{'wall s':>10}{'cpu s':>10}   (median of {args.repeat}; PYTHONDONTWRITEBYTECODE="
          f"{os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})")
    for name, cmd in cases.items():
        extra = [] if cmd == ["--version"] else ["--store", str(store), "--format", "docx", "--out", str(out)]
        wall, cpu = _median(cmd + extra, args.repeat)
        print(f"{name:<34}{wall:>10.2f}{cpu:>10.2f}")


if __name__ == "__main__":
    main()
