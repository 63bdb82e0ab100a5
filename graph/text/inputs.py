"""Suggestions for the lessons of a trajectory input, and the hints ``kernen validate`` shows.

The model learns from the store (its themes, instruments and tagged lessons) when one is given, else
from the ontology files alone, and always from the tagged lessons of the input itself, so the
suggestions improve as a trajectory is tagged, and a trajectory's own themes (sheet ``thema``) are
suggested beside the national ones. Inputs are read raw (the ``les`` sheet's cells), so a
workbook with errors elsewhere still gets suggestions.

>>> from graph.settings import DEFAULT_DATA
>>> found = suggestions(DEFAULT_DATA / "trajecten" / "voorbeeld", data_dir=DEFAULT_DATA)
>>> found[0]["id"], found[0]["themas"], found[0]["suggesties"]["thema"][0]["id"]
('les-01', ['aanspreekpunt'], 'aanspreekpunt')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from graph.errors import Problem
from graph.ingest.readers import read_any
from graph.ingest.resolve import OwnThemes, load_resolver
from graph.ingest.fields import LIST_SEPARATOR
from graph.messages import t
from graph.text.corpus import Concept, LesText, concepts, joined, lessons, ontology_concepts
from graph.text.lemmas import lemmas
from graph.text.suggest import Model, Suggestion, build_model, suggest

HINT = "hint"  # the severity of a suggestion in ``kernen validate``: never an error
HINT_WORDS = 2  # a hint needs at least this many words of the lesson behind its best suggestion
COLUMNS = {"thema": "themas", "instrument": "instrumenten"}


@dataclass(frozen=True)
class Input:
    """The lessons of a trajectory input (file, row, lesson), its own themes and its traject id."""

    rows: tuple[tuple[str, int, LesText], ...]
    own: tuple[Concept, ...] = ()
    traject: str | None = None

    @property
    def lessons(self) -> list[LesText]:
        return [les for _, _, les in self.rows]


def model_for(store: Any = None, *, extra: Iterable[LesText] = (), own: Iterable[Concept] = (),
              traject: str | None = None) -> Model:
    """The model of ``store`` (None: the ontology files) plus the tagged lessons in ``extra`` and a
    trajectory's own themes (``own``; the store's copy of them, ``<traject>-<slug>``, is left out)."""
    own = list(own)
    stored = [c for c in (concepts(store) if store is not None else ()) or ontology_concepts()
              if not (traject and c.kind == "thema" and c.key in {f"{traject}-{o.key}" for o in own})]
    tagged = [*(lessons(store) if store is not None else ()), *extra]
    return build_model([*stored, *own], [x for x in tagged if x.themas or x.instrumenten])


def read_input(path: Path, *, data_dir: Path) -> Input:
    """The ``les`` rows of an input (tags resolved where they can be, own themes too) and its own themes."""
    sheets, _ = read_any(Path(path))
    by_kind = {s.kind: s for s in sheets}
    own = tuple(_own_theme(r) for r in _records(by_kind.get("thema")) if r.get("slug") and r.get("label"))
    resolver = OwnThemes(load_resolver(Path(data_dir).resolve()),
                         [SimpleNamespace(slug=str(c.key), label=c.label) for c in own])
    rows = []
    for row, record in _numbered(by_kind.get("les")):
        text = joined(str(record.get("titel") or ""), str(record.get("tekst") or ""))
        les = LesText(str(record.get("id") or f"rij-{row}"), text,
                      themas=_resolved(resolver, "thema", record.get("themas")),
                      instrumenten=_resolved(resolver, "instrument", record.get("instrumenten")))
        rows.append((by_kind["les"].file, row, les))
    traject = next((str(r["id"]) for r in _records(by_kind.get("traject")) if r.get("id")), None)
    return Input(tuple(rows), own, traject)


def _numbered(sheet) -> list[tuple[int, dict[str, Any]]]:
    if sheet is None:
        return []
    return [(row, {name: cells[n] if n < len(cells) else None for n, name in enumerate(sheet.header)})
            for row, cells in sheet.rows]


def _records(sheet) -> list[dict[str, Any]]:
    return [record for _, record in _numbered(sheet)]


def _own_theme(record: dict[str, Any]) -> Concept:
    label = str(record["label"]).strip()
    return Concept("thema", str(record["slug"]).strip(), label, label, (label,),
                   str(record.get("definitie") or "").strip())


def _resolved(resolver, kind: str, cell: Any) -> tuple[str, ...]:
    if cell is None:
        return ()
    values = cell if isinstance(cell, list) else str(cell).split(LIST_SEPARATOR)
    found = (resolver.resolve(kind, str(v).strip()).value for v in values if str(v).strip())
    return tuple(v for v in found if v)


def suggestions(path: Path, *, data_dir: Path, store: Any = None, top: int = 3) -> list[dict]:
    """Per lesson of the input: id, title and text, the given tags, the ranked suggestions (JSON-ready)."""
    given = read_input(path, data_dir=data_dir)
    model = model_for(store, extra=given.lessons, own=given.own, traject=given.traject)
    return [{"id": les.key, "rij": row, "tekst": les.text, "themas": list(les.themas),
             "instrumenten": list(les.instrumenten),
             "suggesties": {kind: [s.as_dict() for s in found] for kind, found in suggest(model, les.text, top=top).items()}}
            for _, row, les in given.rows]


def hints(paths: Iterable[Path], *, data_dir: Path, store: Any = None, lang: str = "nl") -> list[Problem]:
    """One hint per lesson without themes or instruments: the best suggestions and the words behind them
    (only when the best one rests on enough words, see :func:`_telling`)."""
    out: list[Problem] = []
    for path in paths:
        found = read_input(Path(path), data_dir=data_dir)
        if not found.rows:
            continue
        model = model_for(store, extra=found.lessons, own=found.own, traject=found.traject)
        for file, row, les in found.rows:
            out.extend(_hints(model, file, row, les, lang))
    return out


def _telling(model: Model, best: Suggestion) -> bool:
    """Whether a suggestion rests on enough: ``HINT_WORDS`` words that are not in many of the tagged lessons
    (``dorp`` is in half of them), or a word that is one of its labels."""
    if best.specific >= HINT_WORDS:
        return True
    concept = model.concepts[f"{best.kind}/{best.key}"]
    return any(w in lemmas(label) for label in (*concept.labels, concept.key) for w in best.words)


def _hints(model: Model, file: str, row: int, les: LesText, lang: str) -> list[Problem]:
    found = suggest(model, les.text)
    out = []
    for kind, column in COLUMNS.items():
        if les.tags(kind) or not found[kind] or not _telling(model, found[kind][0]):
            continue
        best = found[kind][:2]
        shown = "; ".join(s.uitleg if lang == "nl" else s.explanation for s in best)
        message = t("text.hint", lang, column=column, keys=", ".join(s.key for s in best))
        out.append(Problem(file, "les", row, column, message, shown, severity=HINT))
    return out


TABLE = ("text.col_lesson", "text.col_given", "text.col_themes", "text.col_instruments")


def table(found: list[dict], *, lang: str = "nl") -> str:
    """The suggestions as a plain-text table, each lesson followed by the explanation of its first suggestions."""
    head = [t(key, lang) for key in TABLE]
    lines = [" | ".join(head), " | ".join("-" * len(h) for h in head)]
    say = "uitleg" if lang == "nl" else "explanation"
    for item in found:
        ranked = item["suggesties"]
        cells = [item["id"], "; ".join(item["themas"] + item["instrumenten"]) or "-",
                 *(", ".join(f"{s['id']} {s['score']:.2f}" for s in ranked[kind]) or "-" for kind in COLUMNS)]
        lines.append(" | ".join(cells))
        lines.extend(f"    {ranked[kind][0][say]}" for kind in COLUMNS if ranked[kind])
    return "\n".join(lines)
