"""Snapshot of what users get: every canned query (CSV), ``kernen analyse --format json`` and every
facilitator document (meeting packs, intakes, the bundle; Markdown and HTML) of the bundled data.

Run it on two commits and compare the folders, e.g. before and after a refactoring that must not change
behaviour::

    python tests/outputs_snapshot.py /tmp/before          # on the old commit
    python tests/outputs_snapshot.py /tmp/after           # on the new commit
    python tests/outputs_snapshot.py --compare /tmp/before /tmp/after

It drives the ``kernen`` command line only (``python -m graph``), so it works across module moves.
Lines that carry the build's time or the store's version are blanked so two builds can be compared.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the build's time (ISO or "2026-12-06 21:16 UTC") and a store version name
VOLATILE = re.compile(r"20\d\d-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?[^\s\"<,|]*( UTC)?|\d{2}:\d{2} UTC|v\d{8}T\d{6}[^\s\"<,|/]*")


def kernen(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "graph", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"kernen {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def canned_names() -> list[str]:
    return sorted(p.stem for p in ROOT.glob("graph/sparql/queries/*.rq"))


def first_column(csv_text: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(csv_text)))
    return [row[0] for row in rows[1:] if row]


def snapshot(out: Path) -> None:
    store = str(out / "store")
    kernen("build", "--store", store)
    write = lambda name, text: (out / name).write_text(VOLATILE.sub("<volatile>", text))
    for name in canned_names():
        write(f"query-{name}.csv", kernen("query", "--name", name, "--format", "csv", "--store", store))
    write("analyse.json", kernen("analyse", "--format", "json", "--store", store))
    meetings = kernen("query", "SELECT ?id WHERE { ?m a kd:Bijeenkomst BIND(STRAFTER(STR(?m), \"/bijeenkomst/\") AS ?id) } ORDER BY ?id",
                      "--format", "csv", "--store", store)
    gemeenten = kernen("query", "SELECT DISTINCT ?code WHERE { ?d a kd:Deelname ; kd:gemeente/kd:code ?code } ORDER BY ?code",
                       "--format", "csv", "--store", store)
    for fmt in ("md", "html"):
        for meeting in first_column(meetings):
            write(f"meeting-{meeting}.{fmt}", kernen("export", "meeting", meeting, "--format", fmt, "--store", store))
        for code in first_column(gemeenten):
            write(f"intake-{code}.{fmt}", kernen("export", "intake", code, "--format", fmt, "--store", store))
        write(f"bundle-voorbeeld.{fmt}", kernen("export", "bundle", "voorbeeld", "--format", fmt, "--store", store))


def compare(before: Path, after: Path) -> int:
    """Print the files that differ; the number of them."""
    names = sorted({p.name for p in before.glob("*.*") if p.is_file()} | {p.name for p in after.glob("*.*") if p.is_file()})
    differ = [n for n in names if not ((before / n).exists() and (after / n).exists()
                                       and (before / n).read_bytes() == (after / n).read_bytes())]
    for name in differ:
        print(f"verschilt: {name}")
    print(f"{len(names) - len(differ)} van {len(names)} bestanden gelijk")
    return len(differ)


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        raise SystemExit(1 if compare(Path(sys.argv[2]), Path(sys.argv[3])) else 0)
    target = Path(sys.argv[1]).resolve()
    target.mkdir(parents=True, exist_ok=True)
    snapshot(target)
    print(f"{len(list(target.glob('*.*')))} files in {target}")
