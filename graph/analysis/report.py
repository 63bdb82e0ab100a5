"""Render an :class:`~graph.analysis.overview.AnalysisReport` as Markdown or JSON (``kernen analyse``).

Pure functions: a report in, a ``str`` out. Markdown is Dutch by default (``lang="en"`` for English);
JSON holds every field of every result, in both languages.

>>> from graph.store import LocalStore
>>> from graph.analysis import analyse
>>> text = to_markdown(analyse(LocalStore.in_memory()))
>>> text.splitlines()[0], "Geen rode draden" in text
('# Analyse: rode draden, leergroepen, werkbezoeken', True)
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from graph.analysis.changes import STATUS_EN
from graph.analysis.overview import AnalysisReport

MAX_EVIDENCE = 10  # lessons and sources listed per thread in Markdown
KIND_EN = {"thema": "theme", "instrument": "instrument", "vraagstuk": "question", "combinatie": "combination"}
TEXT = {
    "nl": {
        "title": "# Analyse: rode draden, leergroepen, werkbezoeken",
        "scope": "Traject: {t}; {n} deelnemers; k = {k}; groepsgrootte {lo}-{hi}; seed {seed}; regio: {r}.",
        "scope_all": "Geen traject in de store: de analyse gaat over alle {n} gemeenten met gegevens; k = {k}.",
        "threads": "## Rode draden", "none_threads": "Geen rode draden met minstens {k} gemeenten.",
        "head": "| # | draad | soort | steun | provincies | lift | |\n|---|---|---|---|---|---|---|",
        "lessons": "lessen", "sources": "bronnen", "groups": "## Leergroepen", "clusters": "## Clusters (Louvain)",
        "hosts": "## Werkbezoek: wie kan wat leren", "no_hosts": "geen gemeente met ervaring gevonden",
        "bridges": "## Bruggenbouwers", "isolated": "## Deelnemers zonder gedeelde onderwerpen",
        "once": "## Eenmalig genoemde thema's", "changes": "## Verandering tussen bijeenkomsten",
        "none": "Geen.", "sampled": "(betweenness geschat met een steekproef)",
    },
    "en": {
        "title": "# Analysis: threads, learning groups, working visits",
        "scope": "Trajectory: {t}; {n} participants; k = {k}; group size {lo}-{hi}; seed {seed}; region: {r}.",
        "scope_all": "No trajectory in the store: the analysis covers all {n} municipalities with data; k = {k}.",
        "threads": "## Threads (rode draden)", "none_threads": "No threads shared by at least {k} municipalities.",
        "head": "| # | thread | kind | support | provinces | lift | |\n|---|---|---|---|---|---|---|",
        "lessons": "lessons", "sources": "sources", "groups": "## Learning groups", "clusters": "## Clusters (Louvain)",
        "hosts": "## Working visits: who can teach what", "no_hosts": "no municipality with experience found",
        "bridges": "## Bridge builders", "isolated": "## Participants sharing nothing",
        "once": "## Themes raised once", "changes": "## Change between meetings",
        "none": "None.", "sampled": "(betweenness estimated from a sample)",
    },
}


def to_json(report: AnalysisReport) -> str:
    """Every field of the report as JSON (UTF-8 text, stable key order)."""
    return json.dumps(dataclasses.asdict(report), ensure_ascii=False, indent=2)


def _cell(text: Any) -> str:
    """Text safe inside a table cell or link text: no pipes, brackets, HTML or line breaks."""
    text = str(text).replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


def _say(item: Any, lang: str, nl: str = "zin", en: str = "sentence") -> str:
    return getattr(item, nl if lang == "nl" else en)


def to_markdown(report: AnalysisReport, *, lang: str = "nl") -> str:
    """The report as Markdown, one section per part."""
    t = TEXT[lang]
    parts = [t["title"], "", _scope(report, t), ""]
    for section in (_threads, _groups, _clusters, _hosts, _bridges, _gaps, _changes):
        parts += section(report, t, lang) + [""]
    return "\n".join(parts).rstrip() + "\n"


def _scope(r: AnalysisReport, t: dict) -> str:
    if not r.has_deelnemers:
        return t["scope_all"].format(n=len(r.deelnemers), k=r.k)
    return t["scope"].format(t=r.traject or ", ".join(r.trajecten), n=len(r.deelnemers), k=r.k, lo=r.group_size[0],
                             hi=r.group_size[1], seed=r.seed, r=r.region or "-")


def _threads(r: AnalysisReport, t: dict, lang: str) -> list[str]:
    if not r.threads:
        return [t["threads"], "", t["none_threads"].format(k=r.k)]
    out = [t["threads"], "", t["head"]]
    for i, th in enumerate(r.threads, 1):
        lift = "" if th.lift is None else f"{th.lift:.2f}"
        label, kind = (th.label, th.kind) if lang == "nl" else (th.label_en, KIND_EN.get(th.kind, th.kind))
        out.append(f"| {i} | {_cell(label)} | {kind} | {th.support}/{th.population} | {th.spread} | {lift} "
                   f"| {_cell(_say(th, lang))} |")
    out.append("")
    for i, th in enumerate(r.threads, 1):
        names = ", ".join(f"{g.label} ({g.code})" for g in th.gemeenten)
        out.append(f"{i}. **{_cell(th.label if lang == 'nl' else th.label_en)}**: {names}")
        if th.lessen:
            links = ", ".join(f"[{_cell(les.title)}]({les.iri})" for les in th.lessen[:MAX_EVIDENCE])
            out.append(f"   - {t['lessons']}: {links}")
        if th.bronnen:
            out.append(f"   - {t['sources']}: " + ", ".join(f"<{url}>" for url in th.bronnen[:MAX_EVIDENCE]))
    return out


def _groups(r: AnalysisReport, t: dict, lang: str) -> list[str]:
    g = r.groups
    return [t["groups"], "", _say(g, lang) + ".", ""] + [f"- {_say(x, lang, 'uitleg', 'explanation')}" for x in g.groups]


def _clusters(r: AnalysisReport, t: dict, lang: str) -> list[str]:
    return [t["clusters"], ""] + ([f"- {_say(c, lang, 'uitleg', 'explanation')}" for c in r.communities] or [t["none"]])


def _hosts(r: AnalysisReport, t: dict, lang: str) -> list[str]:
    out = [t["hosts"], ""]
    for h in r.hosts:
        who = ", ".join(g.label for g in h.gemeenten)
        out.append(f"- **{_cell(h.title)}** ({who})")
        out += [f"  {i}. {_say(m, lang, 'uitleg', 'explanation')} [{m.score:.2f}]" for i, m in enumerate(h.matches, 1)]
        if not h.matches:
            out.append(f"  - {t['no_hosts']}")
    return out if r.hosts else out + [t["none"]]


def _bridges(r: AnalysisReport, t: dict, lang: str) -> list[str]:
    items = r.bridges.gemeenten + r.bridges.elements
    out = [t["bridges"], ""] + [f"- {_say(b, lang, 'uitleg', 'explanation')}" for b in items]
    out += [] if items else [t["none"]]
    return out + ([] if r.bridges.exact else ["", t["sampled"]])


def _gaps(r: AnalysisReport, t: dict, lang: str) -> list[str]:
    isolated = [f"- {_say(i, lang, 'uitleg', 'explanation')}" for i in r.bridges.isolated] or [t["none"]]
    once = [f"- {_say(o, lang, 'uitleg', 'explanation')}" for o in r.bridges.once] or [t["none"]]
    return [t["isolated"], ""] + isolated + ["", t["once"], ""] + once


def _changes(r: AnalysisReport, t: dict, lang: str) -> list[str]:
    out = [t["changes"], ""]
    for c in r.changes:
        out.append(f"- {_say(c, lang)}")
        out += [f"  - {_cell(x.label)}: {x.before} → {x.after} ({x.status if lang == 'nl' else STATUS_EN[x.status]})"
                for x in c.threads[:MAX_EVIDENCE]]
    return out if r.changes else out + [t["none"]]
