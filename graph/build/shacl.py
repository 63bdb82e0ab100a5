"""SHACL validation of built graphs: a SHACL-Core subset compiled to SPARQL and run on Oxigraph.

pyshacl needs about 16 s for the ~165k triples of the ontology, reference and practice graphs
(10 s to load them into rdflib, 6 s to validate; measured with ``python -m graph.build.shacl --pyshacl``),
too slow for a build that must stay under 10 s. The shapes in ``ontology/shapes.ttl`` use only the
constraints compiled here, one SPARQL query each, which check the same graph in under a second: ``sh:targetClass``, ``sh:nodeKind`` (node and
property), ``sh:property`` with an IRI ``sh:path``, ``sh:minCount``, ``sh:maxCount``,
``sh:datatype``, ``sh:class``, ``sh:in``, ``sh:pattern`` (with ``sh:flags``), ``sh:minInclusive``,
``sh:maxInclusive``. Anything else in a shapes file is an error, never silently ignored.
``tests/test_shacl.py`` checks that pyshacl reports the same violations on small graphs.

>>> import pyoxigraph as ox
>>> from graph.namespace import KD, G_REFERENCE, iri
>>> kern = ox.NamedNode(iri("kern", "9999"))
>>> quads = [ox.Quad(kern, ox.NamedNode(RDF_TYPE), ox.NamedNode(KD.Kern), ox.NamedNode(G_REFERENCE))]
>>> for violation in validate(quads):
...     print(violation)
kdid:kern/9999 rdfs:label: minstens 1 waarde verwacht, 0 gevonden (kds:Kern)
kdid:kern/9999 kd:code: minstens 1 waarde verwacht, 0 gevonden (kds:Kern)
kdid:kern/9999 kd:gemeente: minstens 1 waarde verwacht, 0 gevonden (kds:Kern)
"""

from __future__ import annotations

import argparse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from graph.errors import InputError, Problem
from graph.namespace import ID, PREFIXES, SH

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SHAPES_FILE = "shapes.ttl"
COMPACT = {**PREFIXES, "kdid": ID, "kds": "https://w3id.org/kernendemocratie/def/shapes#"}
NODE_KINDS = {  # sh:nodeKind -> (SPARQL test of ?v, Dutch name)
    "IRI": ("isIRI(?v)", "IRI"),
    "Literal": ("isLiteral(?v)", "literal"),
    "BlankNode": ("isBlank(?v)", "blanco knoop"),
    "BlankNodeOrIRI": ("(isBlank(?v) || isIRI(?v))", "IRI of blanco knoop"),
    "BlankNodeOrLiteral": ("(isBlank(?v) || isLiteral(?v))", "literal of blanco knoop"),
    "IRIOrLiteral": ("(isIRI(?v) || isLiteral(?v))", "IRI of literal"),
}
PROPERTY_KEYS = {"path", "minCount", "maxCount", "datatype", "class", "in", "pattern", "flags", "nodeKind",
                 "minInclusive", "maxInclusive", "name", "description", "message"}
NODE_KEYS = {"targetClass", "property", "nodeKind", "name", "description", "message"}


@dataclass(frozen=True)
class ShaclViolation:
    """One result: the record (focus node), the property (path), what is wrong and the shape."""

    focus: str
    path: str | None
    message: str
    shape: str
    component: str  # e.g. "MinCount", "Datatype", as in sh:MinCountConstraintComponent
    value: str | None = None

    def __str__(self) -> str:
        where = compact(self.focus) + (f" {compact(self.path)}" if self.path else "")
        return f"{where}: {self.message} ({compact(self.shape)})"

    def problem(self) -> Problem:
        """As a located :class:`Problem` (file = the record, column = the property)."""
        return Problem(compact(self.focus), "", None, compact(self.path or ""), f"{self.message} ({compact(self.shape)})")


def compact(term: str) -> str:
    """An IRI with a known prefix, e.g. ``kd:inwoners``, ``kdid:gemeente/GM1900``."""
    for prefix, namespace in sorted(COMPACT.items(), key=lambda kv: -len(kv[1])):
        if term.startswith(namespace):
            return f"{prefix}:{term[len(namespace):]}"
    return term


@dataclass(frozen=True)
class Check:
    """One compiled query for one shape and path: the constraints it tests and how to word a result.

    A count check (``bounds`` = (min, max)) returns ``?focus ?n``; a value check returns ``?focus ?v``
    and one boolean ``?c0``, ``?c1``, ... per entry of ``parts`` that is true where that constraint fails.
    """

    shape: str
    path: str | None
    query: str
    parts: tuple[tuple[str, str], ...] = ()  # (component, Dutch text of what is expected)
    bounds: tuple[int, int | None] | None = None


@dataclass(frozen=True)
class _Condition:
    component: str
    expected: str
    violation: str  # SPARQL expression over ?v, true where the value breaks the constraint


def _sparql_term(term: ox.NamedNode | ox.Literal) -> str:
    return str(term)


def _target(cls: str) -> str:
    return f"?type <http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{cls}> . ?focus <{RDF_TYPE}> ?type ."


def _literal_string(value: str) -> str:
    return str(ox.Literal(value))


class _Shapes:
    """Reads node shapes from a store holding a shapes graph (default graph)."""

    def __init__(self, store: ox.Store):
        self.store = store

    def objects(self, subject, predicate: str) -> list:
        return [q.object for q in self.store.quads_for_pattern(subject, ox.NamedNode(predicate), None)]

    def one(self, subject, name: str):
        values = self.objects(subject, str(SH[name]))
        if len(values) > 1:
            raise ValueError(f"{compact(str(subject))}: sh:{name} meer dan eens")
        return values[0] if values else None

    def keys(self, subject) -> set[str]:
        return {q.predicate.value.removeprefix(str(SH)) for q in self.store.quads_for_pattern(subject, None, None)
                if q.predicate.value.startswith(str(SH))}

    def rdf_list(self, head) -> list:
        items, rest = [], "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
        while head != ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"):
            items.append(self.objects(head, "http://www.w3.org/1999/02/22-rdf-syntax-ns#first")[0])
            head = self.objects(head, rest)[0]
        return items


def compile_shapes(shapes: Iterable[ox.Triple | ox.Quad]) -> list[Check]:
    """The checks of every ``sh:NodeShape`` with a ``sh:targetClass``; unsupported features raise."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in shapes)
    reader = _Shapes(store)
    checks: list[Check] = []
    node_shapes = {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(str(SH.NodeShape)))}
    for shape in sorted(node_shapes, key=str):
        checks.extend(_compile_node_shape(reader, shape))
    return checks


def _compile_node_shape(reader: _Shapes, shape) -> list[Check]:
    unknown = reader.keys(shape) - NODE_KEYS
    if unknown:
        raise ValueError(f"{compact(shape.value)}: niet ondersteund: {sorted(unknown)}")
    checks = []
    for target in reader.objects(shape, str(SH.targetClass)):
        kind = reader.one(shape, "nodeKind")
        if kind is not None:
            checks.append(_value_check(shape.value, target.value, None, [_node_kind(kind)]))
        for prop in reader.objects(shape, str(SH.property)):
            checks.extend(_compile_property(reader, shape.value, target.value, prop))
    return checks


def _compile_property(reader: _Shapes, shape: str, target: str, prop) -> list[Check]:
    unknown = reader.keys(prop) - PROPERTY_KEYS
    path = reader.one(prop, "path")
    if unknown or not isinstance(path, ox.NamedNode):
        raise ValueError(f"{shape}: eigenschap met {sorted(unknown) or 'een pad dat geen IRI is'} niet ondersteund")
    low, high = reader.one(prop, "minCount"), reader.one(prop, "maxCount")
    checks = []
    bounds = (0 if low is None else int(low.value), None if high is None else int(high.value))
    if bounds != (0, None):
        checks.append(_count_check(shape, target, path.value, bounds))
    conditions = [build(value, reader, prop) for name, build in _VALUE_CHECKS.items()
                  if (value := reader.one(prop, name)) is not None]
    if conditions:
        checks.append(_value_check(shape, target, path.value, conditions))
    return checks


def _count_check(shape: str, target: str, path: str, bounds: tuple[int, int | None]) -> Check:
    low, high = bounds
    if bounds == (1, None):  # the common case, without a GROUP BY
        query = f"SELECT DISTINCT ?focus (0 AS ?n) WHERE {{ {_target(target)} FILTER NOT EXISTS {{ ?focus <{path}> ?v }} }}"
        return Check(shape, path, query, bounds=bounds)
    tests = [f"COUNT(DISTINCT ?v) < {low}"] if low else []
    tests += [f"COUNT(DISTINCT ?v) > {high}"] if high is not None else []
    value = f"OPTIONAL {{ ?focus <{path}> ?v }}" if low else f"?focus <{path}> ?v"
    query = (f"SELECT ?focus (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {_target(target)} {value} }} "
             f"GROUP BY ?focus HAVING ({' || '.join(tests)})")
    return Check(shape, path, query, bounds=bounds)


def _value_check(shape: str, target: str, path: str | None, conditions: list[_Condition]) -> Check:
    """One query for all value constraints of a path: a flag per constraint, rows where any flag is set."""
    flags = [f"?c{n}" for n in range(len(conditions))]
    binds = " ".join(f"BIND(COALESCE({c.violation}, true) AS {flag})" for c, flag in zip(conditions, flags))
    values = "BIND(?focus AS ?v)" if path is None else f"?focus <{path}> ?v ."  # node level: the focus itself
    query = (f"SELECT DISTINCT ?focus ?v {' '.join(flags)} WHERE {{ {_target(target)} {values} {binds} "
             f"FILTER({' || '.join(flags)}) }}")
    return Check(shape, path, query, parts=tuple((c.component, c.expected) for c in conditions))


def _node_kind(kind, reader=None, prop=None) -> _Condition:
    test, name = NODE_KINDS[kind.value.removeprefix(str(SH))]
    return _Condition("NodeKind", f"een {name}", f"!{test}")


def _datatype(value, reader, prop) -> _Condition:
    return _Condition("Datatype", f"datatype {compact(value.value)}", f"!isLiteral(?v) || datatype(?v) != <{value.value}>")


def _class(value, reader, prop) -> _Condition:
    violation = f"NOT EXISTS {{ ?v <{RDF_TYPE}>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{value.value}> }}"
    return _Condition("Class", f"een {compact(value.value)}", violation)


def _in(value, reader, prop) -> _Condition:
    allowed = reader.rdf_list(value)
    violation = "!(" + " || ".join(f"sameTerm(?v, {_sparql_term(a)})" for a in allowed) + ")" if allowed else "true"
    shown = ", ".join(compact(a.value) if isinstance(a, ox.NamedNode) else a.value for a in allowed)
    return _Condition("In", f"een van: {shown}", violation)


def _pattern(value, reader, prop) -> _Condition:
    flags = reader.one(prop, "flags")
    args = _literal_string(value.value) + (f", {_literal_string(flags.value)}" if flags is not None else "")
    return _Condition("Pattern", f"het patroon {value.value}", f"isBlank(?v) || !REGEX(STR(?v), {args})")


def _bound(op: str, component: str, word: str):
    def build(value, reader, prop) -> _Condition:
        # not comparable (an error) is a violation too, as in SHACL
        return _Condition(component, f"{word} {value.value}", f"!COALESCE(?v {op} {_sparql_term(value)}, false)")
    return build


_VALUE_CHECKS = {
    "nodeKind": _node_kind,
    "datatype": _datatype,
    "class": _class,
    "in": _in,
    "pattern": _pattern,
    "minInclusive": _bound(">=", "MinInclusive", "minstens"),
    "maxInclusive": _bound("<=", "MaxInclusive", "hoogstens"),
}


CHECK_THREADS = 2


@lru_cache(maxsize=4)
def default_checks(ontology_dir: str | None = None) -> tuple[Check, ...]:
    """The compiled checks of ``ontology/shapes.ttl``."""
    from graph.sources.ontology import ONTOLOGY_DIR

    path = Path(ontology_dir or ONTOLOGY_DIR) / SHAPES_FILE
    return tuple(compile_shapes(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))


def _as_store(data) -> ox.Store:
    if isinstance(data, ox.Store):
        return data
    if hasattr(data, "oxigraph"):  # graph.store.LocalStore
        return data.oxigraph
    store = ox.Store()
    store.bulk_extend(list(data))
    return store


def _results(check: Check, row) -> list[tuple[str, str, str | None]]:
    """(component, message, value) of each constraint a result row breaks."""
    if check.bounds is not None:
        found, (low, high) = int(row["n"].value), check.bounds
        if found < low:
            return [("MinCount", f"minstens {low} waarde{'n' if low != 1 else ''} verwacht, {found} gevonden", None)]
        return [("MaxCount", f"hoogstens {high} waarde{'n' if high != 1 else ''} verwacht, {found} gevonden", None)]
    value = row["v"]
    shown = compact(value.value) if isinstance(value, ox.NamedNode) else str(value)
    return [(component, f"waarde {shown} is niet {expected}", str(value))
            for n, (component, expected) in enumerate(check.parts) if row[f"c{n}"].value == "true"]


def validate(data, *, graphs: Iterable[str] | None = None, checks: Iterable[Check] | None = None) -> list[ShaclViolation]:
    """Every violation of the shapes in the union of the named graphs (or only ``graphs``).

    ``data`` is a list of quads, a ``pyoxigraph.Store`` or a :class:`graph.store.LocalStore`.
    Returns an empty list when the data conforms; sorted by record, property and component.
    """
    store = _as_store(data)
    options = ({"default_graph": [ox.NamedNode(str(g)) for g in graphs]} if graphs is not None
               else {"use_default_graph_as_union": True})

    def run(check: Check) -> list[ShaclViolation]:
        return [ShaclViolation(row["focus"].value, check.path, message, check.shape, component, value)
                for row in store.query(check.query, **options)
                for component, message, value in _results(check, row)]

    # Oxigraph evaluates without the GIL: two threads use both cores of a small machine
    with ThreadPoolExecutor(max_workers=CHECK_THREADS) as pool:
        found = {v for violations in pool.map(run, checks if checks is not None else default_checks())
                 for v in violations}
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.component, v.value or ""))


def assert_valid(data, *, graphs: Iterable[str] | None = None, limit: int = 50) -> None:
    """Raise :class:`InputError` naming each record that breaks a shape (at most ``limit`` of them)."""
    violations = validate(data, graphs=graphs)
    if violations:
        problems = [v.problem() for v in violations[:limit]]
        if len(violations) > limit:
            problems.append(Problem("SHACL", message=f"en nog {len(violations) - limit} overtredingen"))
        raise InputError(problems)


def main(argv: list[str] | None = None) -> int:
    """``python -m graph.build.shacl [--pyshacl]``: validate the bundled data; time pyshacl for comparison."""
    import time

    from graph.sources.ontology import ONTOLOGY_DIR, build_ontology
    from graph.sources.praktijk import build_praktijk
    from graph.sources.reference import build_reference
    from graph.settings import DEFAULT_DATA

    parser = argparse.ArgumentParser(prog="python -m graph.build.shacl", description=main.__doc__)
    parser.add_argument("--pyshacl", action="store_true", help="also validate with pyshacl and compare")
    args = parser.parse_args(argv)
    quads = build_ontology() + build_reference(DEFAULT_DATA) + build_praktijk(DEFAULT_DATA)
    start = time.perf_counter()
    violations = validate(quads)
    print(f"{len(quads)} quads, {len(violations)} overtredingen, {time.perf_counter() - start:.2f} s (graph.build.shacl)")
    for violation in violations[:50]:
        print(violation)
    if args.pyshacl:
        _time_pyshacl(quads, ONTOLOGY_DIR / SHAPES_FILE)
    return 1 if violations else 0


def _time_pyshacl(quads: list[ox.Quad], shapes: Path) -> None:
    import time

    import pyshacl
    import rdflib

    start = time.perf_counter()
    data = rdflib.Graph().parse(data=ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES), format="nt")
    loaded = time.perf_counter()
    conforms, _, _ = pyshacl.validate(data, shacl_graph=rdflib.Graph().parse(shapes))
    done = time.perf_counter()
    print(f"pyshacl: conforms={conforms}, laden {loaded - start:.1f} s, valideren {done - loaded:.1f} s")


if __name__ == "__main__":
    raise SystemExit(main())
