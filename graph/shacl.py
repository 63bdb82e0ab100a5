"""SHACL validation of built graphs: a SHACL-Core subset compiled to SPARQL and run on Oxigraph.

pyshacl needs about 16 s for the ~165k triples of the ontology, reference and practice graphs
(10 s to load them into rdflib, 6 s to validate; measured with ``python -m graph.shacl --pyshacl``),
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
    """One compiled constraint: its SPARQL and how to word a result row."""

    shape: str
    path: str | None
    component: str
    query: str
    expected: str  # Dutch text of what is expected, used in the message


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
            checks.append(_node_kind_check(shape.value, target.value, None, kind))
        for prop in reader.objects(shape, str(SH.property)):
            checks.extend(_compile_property(reader, shape.value, target.value, prop))
    return checks


def _compile_property(reader: _Shapes, shape: str, target: str, prop) -> list[Check]:
    unknown = reader.keys(prop) - PROPERTY_KEYS
    path = reader.one(prop, "path")
    if unknown or not isinstance(path, ox.NamedNode):
        raise ValueError(f"{shape}: eigenschap met {sorted(unknown) or 'een pad dat geen IRI is'} niet ondersteund")
    p = path.value
    checks = []
    for name in ("minCount", "maxCount"):
        value = reader.one(prop, name)
        if value is not None:
            checks.append(_count_check(shape, target, p, name, int(value.value)))
    kind = reader.one(prop, "nodeKind")
    if kind is not None:
        checks.append(_node_kind_check(shape, target, p, kind))
    for name, build in _VALUE_CHECKS.items():
        value = reader.one(prop, name)
        if value is not None:
            checks.append(build(shape, target, p, value, reader, prop))
    return checks


def _count_check(shape: str, target: str, path: str, name: str, n: int) -> Check:
    if name == "minCount" and n == 1:  # the common case, without a GROUP BY
        query = f"SELECT DISTINCT ?focus (0 AS ?n) WHERE {{ {_target(target)} FILTER NOT EXISTS {{ ?focus <{path}> ?v }} }}"
    elif name == "minCount":
        query = (f"SELECT ?focus (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {_target(target)} OPTIONAL {{ ?focus <{path}> ?v }} }} "
                 f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) < {n})")
    else:
        query = (f"SELECT ?focus (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {_target(target)} ?focus <{path}> ?v }} "
                 f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) > {n})")
    expected = f"minstens {n}" if name == "minCount" else f"hoogstens {n}"
    return Check(shape, path, name[0].upper() + name[1:], query, expected)


def _value_query(target: str, path: str | None, violation: str) -> str:
    if path is None:  # node-level constraint: the value is the focus node itself
        return f"SELECT DISTINCT ?focus ?v WHERE {{ {_target(target)} BIND(?focus AS ?v) FILTER({violation}) }}"
    return f"SELECT DISTINCT ?focus ?v WHERE {{ {_target(target)} ?focus <{path}> ?v FILTER({violation}) }}"


def _node_kind_check(shape: str, target: str, path: str | None, kind) -> Check:
    test, name = NODE_KINDS[kind.value.removeprefix(str(SH))]
    return Check(shape, path, "NodeKind", _value_query(target, path, f"!{test}"), f"een {name}")


def _datatype(shape, target, path, value, reader, prop) -> Check:
    violation = f"!isLiteral(?v) || datatype(?v) != <{value.value}>"
    return Check(shape, path, "Datatype", _value_query(target, path, violation), f"datatype {compact(value.value)}")


def _class(shape, target, path, value, reader, prop) -> Check:
    violation = (f"NOT EXISTS {{ ?v <{RDF_TYPE}>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{value.value}> }}")
    return Check(shape, path, "Class", _value_query(target, path, violation), f"een {compact(value.value)}")


def _in(shape, target, path, value, reader, prop) -> Check:
    allowed = reader.rdf_list(value)
    violation = "!(" + " || ".join(f"sameTerm(?v, {_sparql_term(a)})" for a in allowed) + ")" if allowed else "true"
    shown = ", ".join(compact(a.value) if isinstance(a, ox.NamedNode) else a.value for a in allowed)
    return Check(shape, path, "In", _value_query(target, path, violation), f"een van: {shown}")


def _pattern(shape, target, path, value, reader, prop) -> Check:
    flags = reader.one(prop, "flags")
    args = _literal_string(value.value) + (f", {_literal_string(flags.value)}" if flags is not None else "")
    violation = f"isBlank(?v) || !REGEX(STR(?v), {args})"
    return Check(shape, path, "Pattern", _value_query(target, path, violation), f"het patroon {value.value}")


def _bound(op: str, component: str, word: str):
    def build(shape, target, path, value, reader, prop) -> Check:
        violation = f"!COALESCE(?v {op} {_sparql_term(value)}, false)"
        return Check(shape, path, component, _value_query(target, path, violation), f"{word} {value.value}")
    return build


_VALUE_CHECKS = {
    "datatype": _datatype,
    "class": _class,
    "in": _in,
    "pattern": _pattern,
    "minInclusive": _bound(">=", "MinInclusive", "minstens"),
    "maxInclusive": _bound("<=", "MaxInclusive", "hoogstens"),
}


@lru_cache(maxsize=4)
def default_checks(ontology_dir: str | None = None) -> tuple[Check, ...]:
    """The compiled checks of ``ontology/shapes.ttl``."""
    from graph.ontology import ONTOLOGY_DIR

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


def _message(check: Check, row) -> tuple[str, str | None]:
    if check.component in ("MinCount", "MaxCount"):
        found = row["n"].value
        return f"{check.expected} waarde{'n' if check.expected[-1] != '1' else ''} verwacht, {found} gevonden", None
    value = row["v"]
    shown = compact(value.value) if isinstance(value, ox.NamedNode) else str(value)
    return f"waarde {shown} is niet {check.expected}", str(value)


def validate(data, *, graphs: Iterable[str] | None = None, checks: Iterable[Check] | None = None) -> list[ShaclViolation]:
    """Every violation of the shapes in the union of the named graphs (or only ``graphs``).

    ``data`` is a list of quads, a ``pyoxigraph.Store`` or a :class:`graph.store.LocalStore`.
    Returns an empty list when the data conforms; sorted by record, property and component.
    """
    store = _as_store(data)
    options = ({"default_graph": [ox.NamedNode(str(g)) for g in graphs]} if graphs is not None
               else {"use_default_graph_as_union": True})
    found: set[ShaclViolation] = set()
    for check in checks if checks is not None else default_checks():
        for row in store.query(check.query, **options):
            message, value = _message(check, row)
            found.add(ShaclViolation(row["focus"].value if hasattr(row["focus"], "value") else str(row["focus"]),
                                     check.path, message, check.shape, check.component, value))
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
    """``python -m graph.shacl [--pyshacl]``: validate the bundled data; time pyshacl for comparison."""
    import time

    from graph.ontology import ONTOLOGY_DIR, build_ontology
    from graph.praktijk import build_praktijk
    from graph.reference import build_reference
    from graph.settings import DEFAULT_DATA

    parser = argparse.ArgumentParser(prog="python -m graph.shacl", description=main.__doc__)
    parser.add_argument("--pyshacl", action="store_true", help="also validate with pyshacl and compare")
    args = parser.parse_args(argv)
    quads = build_ontology() + build_reference(DEFAULT_DATA) + build_praktijk(DEFAULT_DATA)
    start = time.perf_counter()
    violations = validate(quads)
    print(f"{len(quads)} quads, {len(violations)} overtredingen, {time.perf_counter() - start:.2f} s (graph.shacl)")
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
