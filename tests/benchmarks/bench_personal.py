"""Benchmark of the personal-data check on free text (``graph.ingest.privacy``).

Run: ``python tests/benchmarks/bench_personal.py [--repeat 5] [--data DIR]``.
Prints, as the median of ``--repeat`` runs:

- the bundled example: the check of every free-text field (with its contact names), next to the whole
  validation of the workbook (``load_trajectory``, which includes the check);
- the practice data (``DIR/praktijk``, default ``data/``): the check of every free-text column;
- the 5,000-row synthetic workbook of ``bench_validate.py``: the check of every free-text field;
- every cell of every CSV under ``DIR`` (reference data too: codes, names, numbers), as a throughput
  figure in microseconds per cell (the reference data is not checked by the build; this is the worst case).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from graph.ingest import PersonalCheck, load_trajectory  # noqa: E402
from graph.ingest.personal import Detector  # noqa: E402
from graph.ingest.privacy import FREE_TEXT, PRAKTIJK_TEXT  # noqa: E402
from graph.settings import DEFAULT_DATA  # noqa: E402

EXAMPLE = DEFAULT_DATA / "trajecten" / "voorbeeld" / "voorbeeld.xlsx"


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _record_texts(trajectory) -> tuple[list[str], list[str]]:
    names = [d.contact_naam for d in trajectory.deelname if d.contact_naam]
    texts = [getattr(r, f) or "" for kind, fields in FREE_TEXT.items()
             for r in (getattr(trajectory, kind) if kind != "traject" else [trajectory.traject]) for f in fields]
    return names, texts


def _check(names: list[str], texts: list[str]) -> int:
    detector = Detector(names)
    return sum(len(detector.find(t)) for t in texts)


def _csv_cells(paths: list[Path], columns: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    cells = []
    for path in paths:
        with path.open(encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                wanted = columns.get(path.name, ()) if columns is not None else row.keys()
                cells += [row[c] for c in wanted if row.get(c)]
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()

    example, _ = load_trajectory(EXAMPLE, data_dir=DEFAULT_DATA)
    names, texts = _record_texts(example)
    check_ms = _median_ms(lambda: _check(names, texts), args.repeat)
    validate_ms = _median_ms(lambda: load_trajectory(EXAMPLE, data_dir=DEFAULT_DATA, personal=PersonalCheck()),
                             args.repeat)
    print(f"example: {len(texts)} free-text fields, check {check_ms:.1f} ms; "
          f"whole validation {validate_ms:.0f} ms ({check_ms / validate_ms:.1%} of it)")

    praktijk = sorted((args.data / "praktijk").glob("*.csv"))
    cells = _csv_cells(praktijk, PRAKTIJK_TEXT)
    ms = _median_ms(lambda: _check([], cells), args.repeat)
    print(f"practice data ({args.data / 'praktijk'}): {len(cells)} free-text cells, check {ms:.1f} ms")

    import bench_validate

    records = bench_validate.records(5000)
    texts = [str(row.get(f) or "") for kind, fields in FREE_TEXT.items() for row in records.get(kind, [])
             for f in fields]
    ms = _median_ms(lambda: _check([], texts), args.repeat)
    print(f"synthetic 5,000-row workbook: {len(texts)} free-text fields, check {ms:.1f} ms")

    everything = _csv_cells(sorted(args.data.rglob("*.csv")))
    ms = _median_ms(lambda: _check([], everything), max(1, args.repeat // 2))
    print(f"every CSV cell under {args.data}: {len(everything):,} cells, {ms:.0f} ms "
          f"({ms * 1000 / max(1, len(everything)):.1f} us per cell)")


if __name__ == "__main__":
    main()
