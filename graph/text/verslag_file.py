"""``kernen verslag``: a report file in, a workbook with drafted lessons out (never the store).

>>> import tempfile
>>> from datetime import date
>>> from pathlib import Path
>>> from graph.settings import DEFAULT_DATA, ROOT
>>> out = Path(tempfile.mkdtemp()) / "concept.xlsx"
>>> lines = draft_workbook(ROOT / "tests" / "data" / "verslagen" / "regio-noord.md", out, bijeenkomst="regio-1",
...                        soort="regionale-uitwisseling", datum=date(2025, 3, 12), data_dir=DEFAULT_DATA)
>>> lines[0]
'8 conceptlessen uit regio-noord.md geschreven naar concept.xlsx (blad les); controleer elke regel.'
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from graph.messages import t
from graph.text.inputs import model_for
from graph.text.report_reader import read_blocks
from graph.text.verslag import candidates, draft_records, explanations

def draft_workbook(report: Path, out: Path, *, bijeenkomst: str, soort: str, datum: date, data_dir: Path,
                   traject: str = "verslag", gastgemeente: str | None = None, store: Any = None,
                   lang: str = "nl") -> list[str]:
    """Write the drafted lessons of ``report`` as a workbook at ``out``; the lines to show the user."""
    from graph.ingest.template import workbook

    blocks = read_blocks(report)
    found = candidates(blocks, data_dir=data_dir, model=model_for(store))
    heading = next((b.text for b in blocks if b.kind == "heading"), report.stem)
    records = draft_records(found, bijeenkomst=bijeenkomst, traject=traject, naam=heading, soort=soort,
                            datum=datum, source=report.name, gastgemeente=gastgemeente)
    wb = workbook(data_dir=data_dir, records=records)
    lines = explanations(found, bijeenkomst=bijeenkomst, lang=lang)
    intro = wb["instructies"]
    intro.append([])
    intro.append([t("text.verslag_head", lang, src=report.name)])
    for line in lines:
        intro.append([line])
    wb.save(out)
    return [t("text.verslag_done", lang, n=len(found), src=report.name, out=out.name), *lines]
