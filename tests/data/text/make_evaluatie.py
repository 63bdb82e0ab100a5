"""Write evaluatie.csv: the labelled evaluation set for theme and instrument suggestions, split once.

Sources: the real practice lessons (data/praktijk/lessen.csv: title and explanation, tags as given),
the example trajectory's lessons (fictional; titles, tags as given) and geschreven.csv (lessons written
for evaluation in the style of meeting reports: fictional, no claim about any gemeente). The split into
``dev`` and ``heldout`` is drawn once with a fixed seed and stored in the file; tune on dev only.

    python tests/data/text/make_evaluatie.py
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SEED = 20261206
HELDOUT_SHARE = 0.5
COLUMNS = ["id", "bron", "fictief", "deel", "tekst", "themas", "instrumenten"]


def _praktijk() -> list[dict]:
    with (ROOT / "data" / "praktijk" / "lessen.csv").open(encoding="utf-8") as fh:
        return [{"id": f"praktijk-{r['id']}", "bron": "praktijk", "fictief": "nee",
                 "tekst": f"{r['titel_nl']}. {r['toelichting_nl']}", "themas": r["themas"],
                 "instrumenten": r["instrument_ids"]} for r in csv.DictReader(fh)]


def _voorbeeld() -> list[dict]:
    sys.path.insert(0, str(ROOT / "tests" / "data"))
    from voorbeeld_data import LESSONS

    return [{"id": f"voorbeeld-les-{n:02d}", "bron": "voorbeeld", "fictief": "ja", "tekst": title,
             "themas": ";".join(themes), "instrumenten": ";".join(instruments)}
            for n, (_, title, themes, instruments, _) in enumerate(LESSONS, start=1)]


def _geschreven() -> list[dict]:
    with (HERE / "geschreven.csv").open(encoding="utf-8") as fh:
        return [{"id": f"geschreven-{r['id']}", "bron": "geschreven", "fictief": "ja", "tekst": r["tekst"],
                 "themas": r["themas"], "instrumenten": r["instrumenten"]} for r in csv.DictReader(fh)]


def main() -> None:
    rows = _praktijk() + _voorbeeld() + _geschreven()
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    heldout = set(order[:round(len(rows) * HELDOUT_SHARE)])
    for n, row in enumerate(rows):
        row["deel"] = "heldout" if n in heldout else "dev"
    with (HERE / "evaluatie.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} lessons, {len(heldout)} held out")


if __name__ == "__main__":
    main()
