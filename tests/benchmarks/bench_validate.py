"""Benchmark of input validation: a workbook of N record rows (default 5,000), written through the template.

Run: ``python tests/benchmarks/bench_validate.py [--rows 5000] [--repeat 3]``.
Prints the time to validate the workbook (read, resolve, check references) and to build its quads.
Target: validation of a 5,000-row workbook < 5 s.

The rows are synthetic (seeded), spread like a large trajectory: 300 deelnames, a project, vraagstuk and
action per gemeente, 200 meetings with attendance, and lessons for the rest; gemeenten are given by name
(so every cell goes through resolution), themes and instruments by slug or variant name.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from graph.ingest import load_trajectory  # noqa: E402
from graph.ingest.resolve import load_resolver  # noqa: E402
from graph.settings import DEFAULT_DATA  # noqa: E402
from graph.ingest.template import workbook  # noqa: E402
from graph.sources.trajectory import build_trajectory_quads  # noqa: E402

TARGET_S = 5.0
THEMES = ["draagvlak", "aanspreekpunt", "dorpsplannen", "budgetverdeling", "vertrouwen", "erkenning"]
INSTRUMENTS = ["dorpsbudget", "Dorpsraad", "kernwethouder", "dorpsvisie", "Doarpsbelang", "kernenfonds"]


def _gemeenten(n: int) -> list[str]:
    with (DEFAULT_DATA / "reference" / "gemeenten.csv").open(encoding="utf-8") as fh:
        return [row["gemeentenaam"] for row in csv.DictReader(fh)][:n]


def records(rows: int, *, seed: int = 1) -> dict[str, list[dict]]:
    """Synthetic records, about ``rows`` rows in all."""
    rnd = random.Random(seed)
    names = _gemeenten(300)
    out: dict[str, list[dict]] = {"traject": [{"id": "bench", "naam": "Benchmark (fictief)", "fictief": True}]}
    out["deelname"] = [{"gemeente": n, "contact_rol": "beleidsmedewerker", "aantal_kernen": rnd.randint(1, 60)}
                       for n in names]
    out["project"] = [{"id": f"p{i}", "gemeente": n, "titel": f"Project {i}", "themas": rnd.sample(THEMES, 2)}
                      for i, n in enumerate(names)]
    out["vraagstuk"] = [{"id": f"v{i}", "gemeente": n, "titel": f"Vraag {i}", "project": f"p{i}",
                         "instrumenten": rnd.sample(INSTRUMENTS, 2)} for i, n in enumerate(names)]
    out["actie"] = [{"id": f"a{i}", "vraagstuk": f"v{i}", "titel": "Actie", "deadline": dt.date(2025, 1 + i % 12, 1),
                     "status": "bezig"} for i in range(len(names))]
    out["bijeenkomst"] = [{"id": f"b{i}", "soort": "regionale-uitwisseling", "datum": dt.date(2025, 1 + i % 12, 2),
                           "volgnummer": i + 1} for i in range(200)]
    out["aanwezigheid"] = [{"bijeenkomst": f"b{i}", "gemeente": names[(i * 7 + j) % len(names)]}
                           for i in range(200) for j in range(3)]
    used = sum(len(v) for v in out.values())
    out["les"] = [{"id": f"l{i}", "titel": f"Les {i}", "tekst": "Tekst " * 20, "themas": rnd.sample(THEMES, 2),
                   "instrumenten": rnd.sample(INSTRUMENTS, 1), "gemeenten": rnd.sample(names, 3),
                   "bijeenkomst": f"b{rnd.randrange(200)}"} for i in range(max(0, rows - used))]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = records(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.xlsx"
        workbook(data_dir=DEFAULT_DATA, records=data).save(path)
        n_rows = sum(len(v) for v in data.values())
        load_resolver.cache_clear()
        start = time.perf_counter()
        load_resolver(DEFAULT_DATA.resolve())
        print(f"lookup tables (read once per process): {time.perf_counter() - start:.2f} s")
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            trajectory, _ = load_trajectory(path, data_dir=DEFAULT_DATA)
            times.append(time.perf_counter() - start)
        best = min(times)
        print(f"validate {n_rows:,} rows ({path.stat().st_size / 1e6:.1f} MB): best {best:.2f} s of {args.repeat} "
              f"(target < {TARGET_S:.0f} s: {'ok' if best < TARGET_S else 'TOO SLOW'})")
        start = time.perf_counter()
        public, private, _ = build_trajectory_quads(path, data_dir=DEFAULT_DATA)
        print(f"validate + build quads: {time.perf_counter() - start:.2f} s, {len(public):,} public quads, "
              f"{len(private):,} private")


if __name__ == "__main__":
    main()
