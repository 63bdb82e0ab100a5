"""The ontology graph: every Turtle file in ``ontology/`` (terms, SKOS schemes, SHACL shapes).

``instrumenten.ttl`` and ``participatieladder.ttl`` are generated from the practice CSV files
(:mod:`graph.sources.schemes`); regenerate them after editing the CSV files with::

    python -m graph.sources.ontology --regenerate

>>> quads = build_ontology()
>>> sorted(concept_slugs("beslisrecht"))
['advies', 'bindend', 'gedelegeerd', 'geen', 'medebeslissen', 'zwaarwegend-advies']
"""

from __future__ import annotations

import argparse
from functools import lru_cache
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, parse
from rdflib.namespace import RDF, SKOS

from graph.errors import InputError, Problem
from graph.namespace import G_ONTOLOGY, ID, KD
from graph.settings import DEFAULT_DATA, ROOT
from graph.sources.terms import node

ONTOLOGY_DIR = ROOT / "ontology"
GENERATED = {"instrumenten.ttl", "participatieladder.ttl"}


def build_ontology(ontology_dir: Path | None = None) -> list[Quad]:
    """The quads of every ``*.ttl`` in ``ontology_dir`` (default ``ontology/``) in graph ``G_ONTOLOGY``.

    A file that does not parse is an :class:`InputError` naming the file and line.
    """
    folder = Path(ontology_dir or ONTOLOGY_DIR)
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise InputError([Problem(str(folder), message="geen ontologiebestanden (*.ttl) gevonden")])
    graph = node(G_ONTOLOGY)
    quads: list[Quad] = []
    for path in files:
        quads.extend(Quad(t.subject, t.predicate, t.object, graph) for t in _parse(path))
    return quads


def _parse(path: Path) -> list:
    try:
        return list(parse(path=str(path), format=RdfFormat.TURTLE, rename_blank_nodes=True))
    except SyntaxError as err:
        line = getattr(err, "lineno", None)
        raise InputError([Problem(str(path), row=line, message=f"ongeldige Turtle: {err.msg}")]) from err


@lru_cache(maxsize=8)
def _concepts(folder: str) -> frozenset[str]:
    concept = node(SKOS.Concept)
    a = node(RDF.type)
    return frozenset(
        q.subject.value for q in build_ontology(Path(folder))
        if q.predicate == a and q.object == concept and isinstance(q.subject, NamedNode)
    )


@lru_cache(maxsize=8)
def _described_bronnen(folder: str) -> frozenset[str]:
    bron, a = node(KD.Bron), node(RDF.type)
    return frozenset(q.subject.value for q in build_ontology(Path(folder)) if q.predicate == a and q.object == bron)


def described_bronnen(*, ontology_dir: Path | None = None) -> frozenset[str]:
    """The ``kd:Bron`` IRIs the ontology graph describes (the sources of the instruments and the ladder):
    other graphs link to them without describing them again, so each triple is stated once."""
    return _described_bronnen(str(ontology_dir or ONTOLOGY_DIR))


def concept_slugs(kind: str, *, ontology_dir: Path | None = None) -> set[str]:
    """The slugs of the SKOS concepts ``id/<kind>/<slug>`` in the ontology (themes, groups, ...)."""
    prefix = f"{ID}{kind}/"
    concepts = _concepts(str(ontology_dir or ONTOLOGY_DIR))
    return {iri[len(prefix):] for iri in concepts if iri.startswith(prefix)}


def generated_files(*, data_dir: Path | None = None, ontology_dir: Path | None = None) -> dict[str, str]:
    """File name -> Turtle text of the generated schemes, from the CSV files in ``data_dir``."""
    from graph.sources.schemes import instrument_turtle, ladder_turtle

    data = Path(data_dir or DEFAULT_DATA)
    groepen = concept_slugs("instrumentgroep", ontology_dir=ontology_dir)
    return {
        "instrumenten.ttl": instrument_turtle(data, groepen=groepen),
        "participatieladder.ttl": ladder_turtle(data),
    }


def regenerate(*, data_dir: Path | None = None, ontology_dir: Path | None = None) -> list[Path]:
    """Write the generated scheme files; returns the paths written."""
    folder = Path(ontology_dir or ONTOLOGY_DIR)
    written = []
    for name, text in generated_files(data_dir=data_dir, ontology_dir=folder).items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    _concepts.cache_clear()
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m graph.sources.ontology --regenerate``: rewrite the generated Turtle files."""
    parser = argparse.ArgumentParser(prog="python -m graph.sources.ontology", description=__doc__.split("\n")[0])
    parser.add_argument("--regenerate", action="store_true", help="rewrite instrumenten.ttl and participatieladder.ttl")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data folder (default: data/)")
    args = parser.parse_args(argv)
    if not args.regenerate:
        parser.print_help()
        return 0
    try:
        for path in regenerate(data_dir=args.data):
            print(f"geschreven: {path}")
    except InputError as err:
        print(err)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
