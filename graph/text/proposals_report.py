"""New-theme proposals of a store, as a Markdown section and as a key in the analysis JSON.

>>> from graph.text.proposals import Proposal
>>> print(to_markdown([Proposal("ambtelijk ondersteuning", ("GM1900", "GM1966"), ("les/a", "les/b"), ())]))
## Mogelijke nieuwe rode draden
<BLANKLINE>
Woorden die terugkomen in de lessen van meerdere gemeenten en onder geen thema of instrument vallen. Voeg er een eigen thema voor toe als het een rode draad is.
<BLANKLINE>
| term | gemeenten | lessen |
|---|---|---|
| ambtelijk ondersteuning | Súdwest-Fryslân (GM1900), Het Hogeland (GM1966) | les/a, les/b |
<BLANKLINE>
"""

from __future__ import annotations

import json
from typing import Any

from graph.ingest.resolve import load_resolver
from graph.messages import t
from graph.settings import DEFAULT_DATA
from graph.text.corpus import concepts, lessons, ontology_concepts
from graph.text.proposals import Counted, Proposal, counted, ranked

JSON_KEY = "nieuwe_rode_draden"


def store_proposals(store: Any, *, traject: str | None = None, k: int = 3) -> list[Proposal]:
    """The proposals of the lessons in ``store`` (one trajectory's, or all)."""
    return ranked(store_counted(store, traject=traject), k=k)


def store_counted(store: Any, *, traject: str | None = None) -> Counted:
    """The word pairs of the lessons in ``store`` before a minimum of gemeenten is chosen (the app keeps
    this per trajectory, so another minimum costs only the choice)."""
    names = load_resolver(DEFAULT_DATA).gemeenten.names.values()
    return counted(lessons(store, traject=traject), concepts(store) or ontology_concepts(), names=names)


def gemeente_labels(codes: tuple[str, ...]) -> str:
    """``Súdwest-Fryslân (GM1900), ...``: names from the reference data, the code alone if unknown."""
    table = load_resolver(DEFAULT_DATA).gemeenten
    return ", ".join(table.label(c) if c in table.names else c for c in codes)


def _cell(text: str) -> str:
    text = str(text).replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


def to_markdown(found: list[Proposal], *, lang: str = "nl", k: int = 3) -> str:
    """A Markdown section with one table row per proposal."""
    if not found:
        return "\n".join([t("text.proposals_title", lang), "", t("text.proposals_none", lang, k=k), ""])
    rows = [f"| {_cell(p.term)} | {_cell(gemeente_labels(p.gemeenten))} | {_cell(', '.join(p.lessen))} |"
            for p in found]
    return "\n".join([t("text.proposals_title", lang), "", t("text.proposals_intro", lang), "",
                      t("text.proposals_head", lang), "|---|---|---|", *rows, ""])


def with_proposals(report_json: str, found: list[Proposal]) -> str:
    """The analysis JSON with the proposals under ``nieuwe_rode_draden``."""
    data = json.loads(report_json)
    data[JSON_KEY] = [p.as_dict() for p in found]
    return json.dumps(data, ensure_ascii=False, indent=2)
