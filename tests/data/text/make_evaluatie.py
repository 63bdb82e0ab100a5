"""Write evaluatie.csv: the labelled evaluation set for theme and instrument suggestions, split once.

Sources: the real practice lessons (data/praktijk/lessen.csv: title and explanation, tags as given),
the example trajectory's lessons (fictional; titles, tags as given) and geschreven.csv (lessons written
for evaluation in the style of meeting reports: fictional, no claim about any gemeente). The split into
``dev`` and ``heldout`` is drawn once with a fixed seed and stored in the file; tune on dev only.
The practice file has since grown; only the eight practice lessons the set was drawn with are taken, so
the set and its split stay as they were.

Themes added to the vocabulary after the set was labelled are added as gold themes by a rule fixed
before any suggestion was looked at: a lesson gets ``vrijwilligerslast`` and/or ``juridische-kaders``
as an *additional* theme exactly when its text is about that theme per the theme's skos:definition in
ontology/themas.ttl, decided from the lesson text and the definition only; its other tags stay.
``vrijwilligerslast``: the lesson is about the workload or demands on volunteers of a village or
neighbourhood organisation (dorpsbelang, dorpsraad, kernraad, dorpshuis, dorpscoöperatie), such as tasks
or costs the gemeente shifts to them, demands that deter them, exhaustion, or members or board members
who are hard to find; a lesson that only names volunteers or a board is not. ``juridische-kaders``: the
lesson is about legal limits on residents taking over tasks (procurement law, quasi-inbesteding and the
like); a legal basis or right (uitdaagrecht, a verordening) without a limit is not. ``ADDED_THEMES``
lists the result (no lesson met the ``juridische-kaders`` rule).

Second round. The first held-out part (84 lessons) was scored seven times while the model was built, so
it no longer judges the model without bias; it joins the development part (``heldout-1``: 169
development lessons in all). The new
held-out part is the practice lessons the first round did not take (70 real lessons: title and
explanation, tags as given and checked by the authors of the practice data before the suggestions
existed; none was used to build or tune the model). This rule was written down, and the file written,
before the model was scored on them; they are scored once.

Third round. Development text in the held-out part's own style: ``dev-2`` holds the 29 practice lessons whose
sources could not be checked again (praktijk_niet_geverifieerd.csv, copied from the practice data's
``nieuw/niet_geverifieerd_lessen.csv`` with its source URLs and the reason in ``reden``). They are NOT facts:
never loaded into the graph or shown as a gemeente's experience; here they are only real text tagged by the
same authors, to develop on. Tuned on the development parts only (cross-validated on the 37 real ones:
``dev-2`` and the eight practice lessons of the first round); the held-out part is scored once more after.

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
PRAKTIJK = ("vast-aanspreekpunt", "basis-plus-per-inwoner", "vertrouwen-kost-tijd", "legitimiteit-en-draagvlak",
            "advies-zonder-opvolging", "geen-blauwdruk", "plannen-met-uitvoeringsgeld", "definitie-kern")
ADDED_THEMES = {  # lesson id -> themes added by the rule above
    "geschreven-g023": ("vrijwilligerslast",), "geschreven-g031": ("vrijwilligerslast",),
    "geschreven-g053": ("vrijwilligerslast",), "geschreven-g083": ("vrijwilligerslast",),
    "geschreven-g097": ("vrijwilligerslast",), "voorbeeld-les-35": ("vrijwilligerslast",),
    "voorbeeld-les-45": ("vrijwilligerslast",),
}


def _praktijk(first_round: bool) -> list[dict]:
    """The practice lessons of the first round (``PRAKTIJK``), or the others, in the file's order."""
    with (ROOT / "data" / "praktijk" / "lessen.csv").open(encoding="utf-8") as fh:
        return [{"id": f"praktijk-{r['id']}", "bron": "praktijk", "fictief": "nee",
                 "tekst": f"{r['titel_nl']}. {r['toelichting_nl']}", "themas": r["themas"],
                 "instrumenten": r["instrument_ids"]} for r in csv.DictReader(fh)
                if (r["id"] in PRAKTIJK) == first_round]


def _niet_geverifieerd() -> list[dict]:
    with (HERE / "praktijk_niet_geverifieerd.csv").open(encoding="utf-8") as fh:
        return [{"id": f"niet-geverifieerd-{r['id']}", "bron": "praktijk-niet-geverifieerd", "fictief": "nee",
                 "deel": "dev-2", "tekst": f"{r['titel_nl']}. {r['toelichting_nl']}", "themas": r["themas"],
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
    rows = _praktijk(first_round=True) + _voorbeeld() + _geschreven()
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    first_heldout = set(order[:round(len(rows) * HELDOUT_SHARE)])
    for n, row in enumerate(rows):
        row["deel"] = "heldout-1" if n in first_heldout else "dev"  # heldout-1: used up, now development data
        added = [t for t in ADDED_THEMES.get(row["id"], ()) if t not in row["themas"].split(";")]
        row["themas"] = ";".join([row["themas"], *added]) if added else row["themas"]
    heldout = [{**row, "deel": "heldout"} for row in _praktijk(first_round=False)]
    rows += heldout + _niet_geverifieerd()
    with (HERE / "evaluatie.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} lessons, {len(heldout)} held out (first round: {len(first_heldout)})")


if __name__ == "__main__":
    main()
