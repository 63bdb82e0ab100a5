"""Resolve what people type to our keys: gemeenten (code, name, former name), instruments, themes.

Names match ignoring case, diacritics, hyphens and the ``(NH.)``-style suffixes. A former gemeente
(herindelingen 2000-2023) resolves to its successor with a warning; a near miss is an error with a
suggestion. The lookup tables are read once per data directory (:func:`load_resolver` is cached).

>>> r = load_resolver(DEFAULT_DATA)
>>> r.resolve("gemeente", "sudwest fryslan").value, r.resolve("gemeente", "1900").value
('GM1900', 'GM1900')
>>> r.resolve("gemeente", "Sudwest Frislan").suggestion
'bedoelt u Súdwest-Fryslân (GM1900)?'
>>> r.resolve("gemeente", "Zuidhorn")
Resolution(value='GM1969', message="'Zuidhorn' is een voormalige gemeente; gelezen als opvolger Westerkwartier (GM1969)", suggestion='')
>>> r.resolve("instrument", "Doarpsbelang").value
'dorpsraad'
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.ingest.fields import Resolution
from graph.messages import t
from graph.settings import DEFAULT_DATA, ROOT

GEMEENTEN_FILE = Path("reference") / "gemeenten.csv"
HERINDELINGEN_FILE = Path("reference") / "herindelingen_tooi_2000_2023_lang.csv"
INSTRUMENTEN_FILE = Path("praktijk") / "instrumenten.csv"
THEMAS_SOURCES = Path("praktijk") / "SOURCES.md"
THEMAS_TTL = Path("ontology") / "themas.ttl"  # next to data_dir, else in the repository root
_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")
_THEME = re.compile(r"`([a-z0-9-]+)`")
CUTOFF = 0.75  # difflib ratio for a "did you mean" suggestion


def normalise(text: str) -> str:
    """Lowercase ASCII, hyphens and punctuation as spaces, single spaces.

    >>> normalise("  Súdwest-Fryslân "), normalise("Bergen (NH.)")
    ('sudwest fryslan', 'bergen nh')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text).split())


@dataclass
class Table:
    """One kind of thing: canonical key -> display name, and normalised names -> keys."""

    kind: str
    names: dict[str, str] = field(default_factory=dict)
    index: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, key: str, display: str, *aliases: str) -> None:
        self.names.setdefault(key, display)
        for alias in (key, display, *aliases):
            if alias and alias.strip():
                self.index[normalise(alias)].add(key)
                self.index[normalise(_SUFFIX.sub("", alias))].add(key)

    def label(self, key: str) -> str:
        """``Súdwest-Fryslân (GM1900)`` for gemeenten; ``dorpsbudget (Dorpsbudget / wijkbudget)`` else."""
        name = self.names[key]
        if name == key:
            return key
        return f"{name} ({key})" if self.kind == "gemeente" else f"{key} ({name})"

    def near(self, text: str) -> list[str]:
        """The keys whose names are closest to ``text`` (difflib)."""
        hits = difflib.get_close_matches(normalise(text), list(self.index), n=3, cutoff=CUTOFF)
        keys: list[str] = []
        for hit in hits:
            keys.extend(k for k in sorted(self.index[hit]) if k not in keys)
        return keys


@dataclass
class LookupTables:
    """The resolver: current gemeenten, former gemeenten (-> successors), instruments, themes."""

    gemeenten: Table
    voormalig: dict[str, tuple[str, frozenset[str]]]  # normalised former name or code -> (name, successors)
    instrumenten: Table
    themas: Table

    def resolve(self, kind: str, text: str) -> Resolution:
        if kind == "gemeente":
            return self._gemeente(text)
        table = self.instrumenten if kind == "instrument" else self.themas
        return _lookup(table, text)

    def _gemeente(self, text: str) -> Resolution:
        code = _as_code(text)
        if code in self.gemeenten.names:
            return Resolution(code)
        found = _lookup(self.gemeenten, text, exact_only=True)
        if found.value or found.message:
            return found
        former = self.voormalig.get(code or "") or self.voormalig.get(normalise(text))
        if former:
            return self.former(text, *former)
        found = _lookup(self.gemeenten, text)
        former_hint, former_score = self._near_former(text)
        current = difflib.get_close_matches(normalise(text), list(self.gemeenten.index), n=1, cutoff=CUTOFF)
        if former_hint and (not current or former_score > _ratio(text, current[0])):
            return found._replace(suggestion=former_hint)
        return found

    def _near_former(self, text: str) -> tuple[str, float]:
        """The closest former gemeente as a suggestion ('did you mean Zuidhorn (now Westerkwartier (GM1969))?')."""
        names = [k for k in self.voormalig if not k.startswith("GM")]
        near = difflib.get_close_matches(normalise(text), names, n=1, cutoff=CUTOFF)
        if not near:
            return "", 0.0
        name, successors = self.voormalig[near[0]]
        now = t("v.or").join(self.gemeenten.label(c) for c in sorted(successors))
        return t("v.former_near", name=name, now=now), _ratio(text, near[0])

    def former(self, text: str, name: str, successors: frozenset[str]) -> Resolution:
        """A former gemeente ``name`` written as ``text``: its successor with a note, or (split over several)
        none, with the note and the successors to choose from."""
        labels = t("v.or").join(self.gemeenten.label(c) for c in sorted(successors))
        if len(successors) == 1:
            return Resolution(next(iter(successors)), t("v.former", text=text, labels=labels))
        return Resolution(None, t("v.former_split", text=text, name=name), t("v.former_name", labels=labels))


class OwnThemes:
    """A resolver that knows a trajectory's own themes (sheet ``thema``) besides the national ones.

    >>> from graph.ingest.models import EigenThema
    >>> r = OwnThemes(load_resolver(DEFAULT_DATA), [EigenThema(slug="jongeren", label="Jongeren")])
    >>> r.resolve("thema", "Jongeren ").value, r.resolve("thema", "draagvlak").value
    ('jongeren', 'draagvlak')
    >>> r.resolve("thema", "jongere").suggestion
    'bedoelt u jongeren (Jongeren)?'
    """

    def __init__(self, base, themes) -> None:
        self.base = base
        self.table = Table("thema")
        for theme in themes:
            self.table.add(theme.slug, theme.label)

    def resolve(self, kind: str, text: str) -> Resolution:
        if kind != "thema":
            return self.base.resolve(kind, text)
        own = self.table.index.get(normalise(text), set())
        if len(own) == 1:
            return Resolution(next(iter(own)))
        found = self.base.resolve(kind, text)
        near = self.table.near(text)
        if found.value is None and near and not found.suggestion:
            return found._replace(suggestion=suggest(self.table, near))
        if found.value is None and not found.suggestion:
            return found._replace(suggestion=t("v.own_theme_hint"))
        return found


def _ratio(text: str, candidate: str) -> float:
    return difflib.SequenceMatcher(None, normalise(text), candidate).ratio()


def _as_code(text: str) -> str | None:
    """``GM1900``, ``gm1900``, ``1900`` or ``190`` as ``GM1900``/``GM0190``; None if not a code."""
    match = re.fullmatch(r"(?:GM)?(\d{1,4})", text.strip(), flags=re.IGNORECASE)
    return f"GM{int(match.group(1)):04d}" if match else None


def _lookup(table: Table, text: str, *, exact_only: bool = False) -> Resolution:
    keys = table.index.get(normalise(text), set())
    if len(keys) == 1:
        return Resolution(next(iter(keys)))
    if len(keys) > 1:
        options = t("v.or").join(table.label(k) for k in sorted(keys))
        return Resolution(None, t("v.ambiguous", text=text), t("v.did_you_mean", options=options))
    if exact_only:
        return Resolution(None)
    near = table.near(text)
    return Resolution(None, t(f"v.unknown_{table.kind}", text=text), suggest(table, near))


def suggest(table: Table, keys: list[str]) -> str:
    """'bedoelt u a of b?' for up to three keys ('' for none)."""
    return t("v.did_you_mean", options=t("v.or").join(table.label(k) for k in keys[:3])) if keys else ""


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _gemeenten(data_dir: Path) -> Table:
    table = Table("gemeente")
    for row in _rows(data_dir / GEMEENTEN_FILE):
        table.add(row["gemeentecode"], row["gemeentenaam"], row.get("tooi_officiele_naam", ""))
    return table


def _voormalig(data_dir: Path, current: set[str]) -> dict[str, tuple[str, frozenset[str]]]:
    """Former gemeenten (by normalised name and by code) -> (name, current successors)."""
    events: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _rows(data_dir / HERINDELINGEN_FILE):
        events[row["wijziging_uri"]].append(row)
    successors: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for rows in events.values():
        after = {"GM" + r["gemeentecode"] for r in rows if r["rol"] != "opgeheven"}
        for r in rows:
            if r["rol"] == "opgeheven":
                successors["GM" + r["gemeentecode"]] |= after
                names["GM" + r["gemeentecode"]] = r["gemeentenaam"]
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for code, name in names.items():
        if code in current:
            continue
        entry = (name, frozenset(_current(code, successors, current)))
        out[code] = entry
        out.setdefault(normalise(name), entry)
    return out


def _current(code: str, successors: dict[str, set[str]], current: set[str], seen: frozenset = frozenset()) -> set[str]:
    if code in current:
        return {code}
    found: set[str] = set()
    for nxt in successors.get(code, ()):
        if nxt not in seen:
            found |= _current(nxt, successors, current, seen | {code})
    return found


def _instrumenten(data_dir: Path) -> Table:
    table = Table("instrument")
    for row in _rows(data_dir / INSTRUMENTEN_FILE):
        labels = [part.strip() for part in row["label_nl"].split("/")]
        synonyms = [s.strip() for s in row["synoniemen_nl"].split(";")]
        table.add(row["id"], row["label_nl"], *labels, row.get("label_en", ""), *synonyms)
    return table


def _themas(data_dir: Path) -> Table:
    """Theme slugs and labels from ontology/themas.ttl when it exists, else from praktijk/SOURCES.md."""
    table = Table("thema")
    ttl = next((p for p in (data_dir.parent / THEMAS_TTL, ROOT / THEMAS_TTL) if p.is_file()), None)
    pairs = _themas_ttl(ttl) if ttl else _themas_sources(data_dir / THEMAS_SOURCES)
    for slug, labels in pairs:
        table.add(slug, slug, *labels)
    return table


def _themas_sources(path: Path) -> list[tuple[str, list[str]]]:
    text = path.read_text(encoding="utf-8")
    start = text.index("Theme slugs:")
    paragraph = text[start:text.index("\n\n", start)]
    return [(slug, []) for slug in _THEME.findall(paragraph)]


def _themas_ttl(path: Path) -> list[tuple[str, list[str]]]:
    from rdflib import Graph
    from rdflib.namespace import RDF, SKOS

    from graph.namespace import KD, SCHEME_THEMAS

    graph = Graph().parse(path)
    subjects = set(graph.subjects(RDF.type, KD.Thema)) | set(graph.subjects(SKOS.inScheme, SCHEME_THEMAS))
    return sorted((str(s).rsplit("/", 1)[-1], [str(o) for p in (SKOS.prefLabel, SKOS.altLabel)
                   for o in graph.objects(s, p)]) for s in subjects)


@lru_cache(maxsize=8)
def load_resolver(data_dir: Path) -> LookupTables:
    """The lookup tables of ``data_dir`` (``data/``), read once."""
    gemeenten = _gemeenten(data_dir)
    return LookupTables(gemeenten, _voormalig(data_dir, set(gemeenten.names)),
                        _instrumenten(data_dir), _themas(data_dir))
