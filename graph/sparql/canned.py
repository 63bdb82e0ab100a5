"""Canned queries: ``graph/sparql/queries/<name>.rq`` files with a comment header.

The header names the query, describes it in Dutch and English, lists its parameters and columns::

    # name: gemeenten-met-veel-kernen
    # nl: Gemeenten met meer dan N kernen (BAG-woonplaatsen).
    # en: Municipalities with more than N kernen (BAG woonplaatsen).
    # param: min integer = 50 | ondergrens: meer dan dit aantal kernen
    # columns: gemeente, code, kernen

Parameter types: ``integer``, ``decimal``, ``string``, ``boolean``, ``date``, ``iri``, and the
resolving types ``gemeente``, ``provincie``, ``instrument`` (a code, slug or name; names are looked up
in the store). Parameters are bound as terms (VALUES), never pasted into the text.

>>> q = parse_canned("# name: x\\n# nl: Iets.\\n# param: n integer = 5 | aantal\\nSELECT ?n WHERE {}")
>>> q.params[0]
Param(name='n', type='integer', default='5', description='aantal')
>>> convert_param(q.params[0], "7")
7
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from rdflib import URIRef

from graph.namespace import iri

QUERY_DIR = Path(__file__).resolve().parent / "queries"
SIMPLE_TYPES = {"integer": int, "decimal": Decimal, "string": str, "date": dt.date.fromisoformat}
RESOLVED_TYPES = {  # type -> (IRI kind, code pattern, class, label property)
    "gemeente": ("gemeente", r"GM\d{4}", "kd:Gemeente", "rdfs:label"),
    "provincie": ("provincie", r"PV\d{2}", "kd:Provincie", "rdfs:label"),
    "instrument": ("instrument", r"[a-z0-9-]+", "kd:Instrument", "skos:prefLabel|skos:altLabel"),
    "traject": ("traject", r"[a-z0-9-]+", "kd:Traject", "rdfs:label"),
}
PARAM_TYPES = sorted([*SIMPLE_TYPES, "boolean", "iri", *RESOLVED_TYPES])
_HEADER = re.compile(r"^#\s*(name|nl|en|param|columns)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(\w+)(?:\s*=\s*(.*?))?\s*(?:\|\s*(.*))?$")


class ParamError(ValueError):
    """A canned-query parameter is unknown, missing or of the wrong type."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None = None
    description: str = ""


@dataclass(frozen=True)
class CannedQuery:
    """One canned query from its ``.rq`` file."""

    name: str
    description_nl: str
    description_en: str = ""
    params: list[Param] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    text: str = ""


def parse_canned(text: str, *, name: str = "") -> CannedQuery:
    """A :class:`CannedQuery` from the text of an ``.rq`` file (header comments first)."""
    fields: dict[str, list[str]] = {"name": [name], "nl": [""], "en": [""], "param": [], "columns": []}
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if match and match.group(1) in ("param", "columns"):
            fields[match.group(1)].append(match.group(2).strip())
        elif match:
            fields[match.group(1)] = [match.group(2).strip()]
    params = [_param(spec) for spec in fields["param"]]
    columns = [c.strip() for spec in fields["columns"] for c in spec.split(",") if c.strip()]
    return CannedQuery(fields["name"][0], fields["nl"][0], fields["en"][0], params, columns, text)


def _param(spec: str) -> Param:
    match = _PARAM.match(spec)
    if not match or match.group(2) not in PARAM_TYPES:
        raise ValueError(f"bad param line {spec!r}: expected 'name type [= default] | description' "
                         f"with type one of {', '.join(PARAM_TYPES)}")
    name, typ, default, description = match.groups()
    default = default.strip().strip('"') if default is not None else None
    return Param(name, typ, default, (description or "").strip())


@lru_cache(maxsize=1)
def _load(directory: Path) -> tuple[CannedQuery, ...]:
    return tuple(parse_canned(p.read_text(encoding="utf-8"), name=p.stem)
                 for p in sorted(directory.glob("*.rq")))


def canned_queries(directory: Path = QUERY_DIR) -> list[CannedQuery]:
    """All canned queries, sorted by name."""
    return list(_load(directory))


def get_canned(name: str, directory: Path = QUERY_DIR) -> CannedQuery:
    """The canned query ``name``; an unknown name raises ``LookupError`` listing the valid ones."""
    queries = {q.name: q for q in canned_queries(directory)}
    if name not in queries:
        close = difflib.get_close_matches(name, queries, n=1)
        hint = f"bedoelde u {close[0]}? " if close else ""
        raise LookupError(f"onbekende query {name!r}; {hint}kies uit: {', '.join(queries)}")
    return queries[name]


def convert_param(param: Param, value: object, *, store=None) -> object:
    """``value`` (often a string from the command line) as the parameter's type."""
    if not isinstance(value, str):
        return value
    try:
        if param.type in SIMPLE_TYPES:
            return SIMPLE_TYPES[param.type](value.strip())
        if param.type == "boolean":
            return _boolean(value)
        if param.type == "iri":
            return URIRef(value.strip())
    except (ValueError, InvalidOperation):
        raise ParamError(f"parameter {param.name}: {value!r} is geen {param.type}") from None
    return resolve(param.type, value, store=store)


def guess_value(text: str) -> object:
    """A command-line value typed by its look: integer, decimal, boolean, ``<IRI>`` or string.

    >>> guess_value("50"), guess_value("2.5"), guess_value("<https://example.org/x>"), guess_value("Sneek")
    (50, Decimal('2.5'), rdflib.term.URIRef('https://example.org/x'), 'Sneek')
    """
    value = text.strip()
    if re.fullmatch(r"[+-]?\d+", value):
        return int(value)
    if re.fullmatch(r"[+-]?\d+\.\d+", value):
        return Decimal(value)
    if value in ("true", "false"):
        return value == "true"
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    return text


def _boolean(value: str) -> bool:
    text = value.strip().lower()
    if text not in {"true", "false", "ja", "nee", "1", "0"}:
        raise ValueError(value)
    return text in {"true", "ja", "1"}


def resolve(kind: str, value: str, *, store=None) -> URIRef:
    """A gemeente/provincie/instrument by code, slug or name (case-insensitive) -> its IRI."""
    iri_kind, code_pattern, cls, label = RESOLVED_TYPES[kind]
    text = value.strip()
    if re.fullmatch(code_pattern, text) and (store is None or _exists(store, iri(iri_kind, text), cls)):
        return iri(iri_kind, text)
    if store is None:
        raise ParamError(f"parameter {kind}: geef een code ({code_pattern}), geen naam")
    labels = _labels(store, cls, label)
    found = labels.get(text.casefold())
    if found is None:
        close = difflib.get_close_matches(text.casefold(), labels, n=3)
        hint = "; bedoelde u " + " of ".join(repr(c) for c in close) + "?" if close else ""
        raise ParamError(f"{text!r} is geen {kind} in de graaf{hint}")
    return found


def _exists(store, node: URIRef, cls: str) -> bool:
    return bool(store.query(f"ASK {{ ?x a {cls} }}", bindings={"x": node}).boolean)


def _labels(store, cls: str, label: str) -> dict[str, URIRef]:
    query = f"SELECT ?x ?label WHERE {{ ?x a {cls} ; {label} ?label }}"
    return {str(r["label"]).casefold(): URIRef(r["x"]) for r in store.query(query).records()}


def bind_params(query: CannedQuery, params: dict[str, object] | None, *, store=None) -> dict:
    """Validated, typed bindings for ``query``: unknown, missing or ill-typed values raise ParamError."""
    given = dict(params or {})
    valid = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(valid))
    if unknown:
        choices = ", ".join(f"{p.name} ({p.type})" for p in query.params) or "geen"
        raise ParamError(f"{query.name}: onbekende parameter(s) {', '.join(unknown)}; geldig: {choices}")
    bindings = {}
    for p in query.params:
        value = given.get(p.name, p.default)
        if value is None:
            raise ParamError(f"{query.name}: parameter {p.name} ({p.type}) ontbreekt: {p.description}")
        bindings[p.name] = convert_param(p, value, store=store)
    return bindings
