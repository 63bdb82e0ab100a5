"""Query results as text for the terminal: ``table``, ``csv``, ``tsv`` or ``json``.

>>> from graph.store.results import QueryResult, Term, XSD
>>> r = QueryResult("select", columns=["gemeente", "kernen"],
...                 rows=[[Term("literal", "Súdwest-Fryslân"), Term("literal", "89", XSD + "integer")]])
>>> print(format_result(r, "table"))
gemeente        | kernen
--------------- | ------
Súdwest-Fryslân |     89
(1 rij)
"""

from __future__ import annotations

import json
import re

from graph.store.results import QueryResult, Term
from graph.store.stats import compact

FORMATS = ("table", "csv", "tsv", "json")
_NUMERIC = ("integer", "decimal", "double", "float", "int", "long", "gYear")
MAX_CELL = 80  # table cells are cut here; the other formats are never cut


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """``result`` as text in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise ValueError(f"onbekend formaat {fmt!r}; kies uit {', '.join(FORMATS)}")
    if result.kind == "graph":
        return result.triples.decode()
    if result.kind == "ask":
        return json.dumps(result.to_sparql_json()) if fmt == "json" else ("ja" if result.boolean else "nee")
    if fmt == "json":
        return json.dumps(result.to_sparql_json(), ensure_ascii=False, indent=1)
    if fmt == "csv":
        return result.to_csv()
    if fmt == "tsv":
        return result.to_tsv()
    return table(result)


def cell(term: Term | None) -> str:
    """A term as a short table cell: IRIs compacted with our prefixes, literals as their text."""
    if term is None:
        return ""
    text = pasteable(term.value) if term.kind == "uri" else term.value
    text = text.replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


_SIMPLE_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


def pasteable(iri: str) -> str:
    """An IRI as it can be pasted back into a query: a prefixed name when the local part needs no
    escapes, otherwise the full ``<IRI>``.

    >>> pasteable("https://w3id.org/kernendemocratie/def#Gemeente")
    'kd:Gemeente'
    >>> pasteable("https://w3id.org/kernendemocratie/id/gemeente/GM1900")
    '<https://w3id.org/kernendemocratie/id/gemeente/GM1900>'
    """
    short = compact(iri)
    if short == iri or not _SIMPLE_LOCAL.fullmatch(short.partition(":")[2]):
        return f"<{iri}>"
    return short


def _numeric(term: Term | None) -> bool:
    return term is not None and (term.datatype or "").endswith(_NUMERIC)


def table(result: QueryResult) -> str:
    """An aligned text table; numbers right-aligned; a line with the row count (and truncation)."""
    cells = [[cell(t) for t in row] for row in result.rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(result.columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(result.columns, widths)).rstrip(),
             " | ".join("-" * w for w in widths)]
    for row, texts in zip(result.rows, cells):
        parts = [t.rjust(w) if _numeric(term) else t.ljust(w)
                 for term, t, w in zip(row, texts, widths)]
        lines.append(" | ".join(parts).rstrip())
    n = len(result.rows)
    footer = f"({n} {'rij' if n == 1 else 'rijen'}"
    footer += ", afgekapt: er zijn meer rijen (truncated; use --max-rows))" if result.truncated else ")"
    return "\n".join([*lines, footer])


def format_counts(counts: dict[str, int], *, header: tuple[str, str]) -> str:
    """Two aligned columns (name, count with thousands separators) under ``header``.

    >>> print(format_counts({"kd:Gemeente": 342, "kd:Buurt": 14574}, header=("klasse", "aantal")))
    klasse      | aantal
    kd:Gemeente |    342
    kd:Buurt    | 14,574
    """
    rows = [(compact(name), f"{n:,}") for name, n in counts.items()]
    left = max([len(header[0]), *(len(r[0]) for r in rows)])
    right = max([len(header[1]), *(len(r[1]) for r in rows)])
    lines = [f"{header[0].ljust(left)} | {header[1].rjust(right)}"]
    return "\n".join(lines + [f"{a.ljust(left)} | {b.rjust(right)}" for a, b in rows])


def format_build_report(report) -> str:
    """What ``kernen build`` prints: triples per named graph, instances per class, time per step."""
    parts = [format_counts(report.graphs, header=("graaf (named graph)", "triples")),
             format_counts(_our_classes(report.classes), header=("klasse", "instanties")),
             _seconds(report.seconds)]
    cached = getattr(report, "cached", [])
    if cached:
        parts.append(f"ongewijzigd, uit de cache gelezen (unchanged, read from the cache): {', '.join(cached)}")
    parts += [f"waarschuwing: {w}" for w in report.warnings]
    parts.append(f"klaar: {report.triples:,} triples in {report.total_seconds:.1f} s -> {report.store}")
    return "\n\n".join(parts)


def _our_classes(classes: dict[str, int]) -> dict[str, int]:
    """Instance counts of our own classes (``kd:``) first, then skos/org ones that matter."""
    return {k: v for k, v in classes.items() if k.startswith(("kd:", "skos:Concept", "org:"))}


def _seconds(seconds: dict[str, float]) -> str:
    width = max(len(s) for s in [*seconds, "stap"])
    return "\n".join([f"{'stap'.ljust(width)} |     s"]
                     + [f"{name.ljust(width)} | {s:5.2f}" for name, s in seconds.items()])


def format_canned(queries, *, lang: str = "nl") -> str:
    """The canned queries for ``kernen queries``: name, description, parameters, columns."""
    blocks = []
    for q in queries:
        description = q.description_en if lang == "en" and q.description_en else q.description_nl
        lines = [q.name, f"  {description}"]
        for p in q.params:
            default = f" = {p.default}" if p.default is not None else " (verplicht)"
            lines.append(f"  --param {p.name}=<{p.type}>{default}  {p.description}".rstrip())
        if q.columns:
            lines.append(f"  kolommen: {', '.join(q.columns)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
