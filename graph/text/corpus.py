"""What the text functions read: concepts (themes, instruments) and lessons, from the store or the ontology.

>>> concepts = ontology_concepts()
>>> sorted({c.kind for c in concepts}), next(c for c in concepts if c.key == "dorpsbudget").labels[:2]
(['instrument', 'thema'], ('Dorpsbudget', 'wijkbudget'))
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.analysis.load import key_of, rows
from graph.namespace import GRAPH
from graph.settings import ROOT

QUERIES = Path(__file__).parent / "queries"
ONTOLOGY_FILES = ("themas.ttl", "instrumenten.ttl")
KINDS = ("thema", "instrument")  # the kinds of concept a lesson is tagged with
TRAJECT_GRAPH = str(GRAPH) + "traject/"


@dataclass(frozen=True)
class Concept:
    """A theme or instrument: its key, Dutch and English label, other labels and definition (Dutch)."""

    kind: str  # "thema" | "instrument"
    key: str  # slug, e.g. "dorpsbudget"
    label: str
    label_en: str
    labels: tuple[str, ...] = ()  # every Dutch label: parts of the prefLabel, altLabels
    definition: str = ""
    note: str = ""  # skos:scopeNote (Dutch): the words and situations the concept covers


@dataclass(frozen=True)
class LesText:
    """A lesson as text with its tags and evidence."""

    key: str
    text: str
    themas: tuple[str, ...] = ()
    instrumenten: tuple[str, ...] = ()
    gemeenten: tuple[str, ...] = ()  # CBS codes
    traject: str | None = None

    def tags(self, kind: str) -> tuple[str, ...]:
        return self.themas if kind == "thema" else self.instrumenten


def joined(title: str, text: str) -> str:
    """Title and text as one text; a text that starts with its title is taken as it is.

    >>> joined("Tip", "Tip: bel op."), joined("Kort", "Lang verhaal."), joined("Kort", "")
    ('Tip: bel op.', 'Kort. Lang verhaal.', 'Kort')
    """
    title, text = title.strip(), text.strip()
    if not text or text.startswith(title.rstrip(".")):
        return text or title
    return f"{title.rstrip('.')}. {text}" if title else text


def _query(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def concepts(store: Any) -> tuple[Concept, ...]:
    """The themes and instruments in ``store`` (ontology graph and a trajectory's own themes)."""
    found: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    kinds: dict[str, str] = {}
    for r in rows(store, _query("begrippen")):
        key = key_of(r["c"])
        kinds[key] = "thema" if str(r["type"]).endswith("Thema") else "instrument"
        found[key][str(r["p"]).rsplit("#", 1)[-1]].append((str(r["o"]), r.get("lang", "")))
    return tuple(_concept(kinds[k], k, found[k]) for k in sorted(found))


def _concept(kind: str, key: str, props: dict[str, list[tuple[str, str]]]) -> Concept:
    slug = key.rsplit("/", 1)[-1]
    pref = sorted(o for o, lang in props["prefLabel"] if lang in ("nl", ""))
    pref_en = sorted(o for o, lang in props["prefLabel"] if lang == "en")
    label = pref[0] if pref else slug
    parts = [p.strip() for p in label.split("/") if p.strip()]
    alts = sorted(o for o, lang in props["altLabel"] if lang in ("nl", ""))
    definition = " ".join(sorted(o for o, lang in props["definition"] if lang in ("nl", "")))
    note = " ".join(sorted(o for o, lang in props["scopeNote"] if lang in ("nl", "")))
    return Concept(kind, slug, label, pref_en[0] if pref_en else label, tuple(dict.fromkeys(parts + alts)),
                   definition, note)


@lru_cache(maxsize=1)
def ontology_concepts() -> tuple[Concept, ...]:
    """The themes and instruments of ``ontology/`` (no store needed; read once)."""
    store = ox.Store()
    graph = ox.NamedNode(str(GRAPH) + "ontologie")
    for name in ONTOLOGY_FILES:
        store.load(path=str(ROOT / "ontology" / name), format=ox.RdfFormat.TURTLE, to_graph=graph)
    return concepts(store)


def lessons(store: Any, *, traject: str | None = None) -> tuple[LesText, ...]:
    """Every lesson in ``store`` (or one trajectory's), its title and text joined, sorted by key."""
    out = []
    for r in rows(store, _query("lessen")):
        graph = str(r["g"])
        slug = graph.removeprefix(TRAJECT_GRAPH) if graph.startswith(TRAJECT_GRAPH) else None
        if traject is None or slug == traject:
            out.append(_les(r, slug))
    return tuple(sorted(out, key=lambda x: x.key))


def _les(r: dict[str, Any], slug: str | None) -> LesText:
    def slugs(name: str) -> tuple[str, ...]:
        return tuple(sorted({v.rsplit("/", 1)[-1] for v in str(r.get(name, "")).split()}))

    return LesText(key_of(r["les"]), joined(str(r.get("title", "")), str(r.get("tekst", ""))),
                   themas=slugs("themas"), instrumenten=slugs("instrumenten"), gemeenten=slugs("bewijs"),
                   traject=slug)
