"""Benchmark of the lesson-text functions: suggestions, a meeting report, the model from a large store.

Run: ``python tests/benchmarks/bench_text.py [--lessons 5000] [--gemeenten 342] [--per 50]``.
Targets: suggestions for 5,000 lessons < 10 s; a 3-page report < 2 s; the model built from the store
< 5 s at 342 gemeenten x 50 lessons. Loading simplemma's Dutch data (once per process) is timed apart;
so are the new-theme proposals of that store (no target of their own; ``kernen analyse`` pays them).

Lesson texts are made (seeded) from sentences of the evaluation set, so the vocabulary is realistic; the
large store is an in-memory Oxigraph store holding the ontology and one trajectory graph of lessons.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rdflib.namespace import DCTERMS, RDF  # noqa: E402

from graph.namespace import GRAPH, KD, graph_iri, iri  # noqa: E402
from graph.settings import DEFAULT_DATA, ROOT  # noqa: E402
from graph.store import LocalStore  # noqa: E402
from graph.text.corpus import ontology_concepts  # noqa: E402
from graph.text.evaluate import read_gold  # noqa: E402
from graph.text.inputs import model_for  # noqa: E402
from graph.text.lemmas import lemma  # noqa: E402
from graph.text.proposals_report import store_proposals  # noqa: E402
from graph.text.suggest import build_model, suggest  # noqa: E402
from graph.text.verslag_file import draft_workbook  # noqa: E402

GOLD = ROOT / "tests" / "data" / "text" / "evaluatie.csv"
REPORTS = ROOT / "tests" / "data" / "verslagen"
CODES = [f"GM{n:04d}" for n in range(1, 2000)]


def _texts(n: int, seed: int = 1) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """``n`` lesson texts of two to four sentences from the evaluation set, with the first one's tags."""
    gold = [x for part in read_gold(GOLD).values() for x in part]
    sentences = [s for x in gold for s in re.split(r"(?<=[.!?])\s+", x.text) if s]
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        first = rnd.choice(gold)
        text = " ".join([first.text, *rnd.sample(sentences, rnd.randint(1, 3))])
        out.append((text, first.themas, first.instrumenten))
    return out


def _timed(label: str, fn, target: float | None = None):
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    verdict = "" if target is None else (" (target < %.0f s: %s)" % (target, "met" if seconds < target else "MISSED"))
    print(f"{label}: {seconds:.2f} s{verdict}")
    return result


def bench_suggestions(n: int) -> None:
    dev = read_gold(GOLD)["dev"]
    model = _timed("model from the ontology and 85 dev lessons", lambda: build_model(ontology_concepts(), dev))
    texts = [t for t, _, _ in _texts(n)]
    _timed(f"suggestions for {n:,} lessons", lambda: [suggest(model, t) for t in texts], 10.0)


def bench_report() -> None:
    body = "\n\n".join((REPORTS / name).read_text(encoding="utf-8")
                       for name in ("regio-noord.md", "werkbezoek-peel-en-maas.txt", "regio-noord.md"))
    words = len(body.split())
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "drie-paginas.md"
        report.write_text(body, encoding="utf-8")
        _timed(f"a report of {words} words (about 3 pages) to a workbook", lambda: draft_workbook(
            report, Path(tmp) / "out.xlsx", bijeenkomst="b1", soort="regionale-uitwisseling",
            datum=date(2025, 1, 1), data_dir=DEFAULT_DATA), 2.0)


def bench_report_command() -> None:
    """``kernen verslag`` as a user runs it: a fresh process (imports, simplemma's data, the model)."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "graph", "verslag", str(REPORTS / "slotbijeenkomst.docx"), "--bijeenkomst",
                   "slot", "--soort", "slotbijeenkomst", "--datum", "2025-11-25", "--out", str(Path(tmp) / "v.xlsx"),
                   "--store", str(Path(tmp) / "geen-store")]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        print(f"kernen verslag on a report in a fresh process: {time.perf_counter() - start:.2f} s wall, {cpu:.2f} s CPU")


def _store(gemeenten: int, per: int) -> LocalStore:
    onto = ox.Store()
    graph = ox.NamedNode(str(GRAPH) + "ontologie")
    for name in ("themas.ttl", "instrumenten.ttl"):
        onto.load(path=str(ROOT / "ontology" / name), format=ox.RdfFormat.TURTLE, to_graph=graph)
    g = ox.NamedNode(str(graph_iri("traject", "bench")))
    n = lambda v: ox.NamedNode(str(v))  # noqa: E731
    quads = list(onto)
    for i, (text, themes, instruments) in enumerate(_texts(gemeenten * per, seed=2)):
        s = n(iri("les", f"bench-{i}"))
        quads += [ox.Quad(s, n(RDF.type), n(KD.Les), g), ox.Quad(s, n(DCTERMS.title), ox.Literal(text[:60]), g),
                  ox.Quad(s, n(KD.tekst), ox.Literal(text, language="nl"), g),
                  ox.Quad(s, n(KD.bewijs), n(iri("gemeente", CODES[i // per])), g)]
        quads += [ox.Quad(s, n(KD.thema), n(iri("thema", t)), g) for t in themes]
        quads += [ox.Quad(s, n(KD.instrument), n(iri("instrument", t)), g) for t in instruments]
    return LocalStore.in_memory(quads)


def bench_store(gemeenten: int, per: int) -> None:
    store = _store(gemeenten, per)
    _timed(f"model from a store of {gemeenten} gemeenten x {per} lessons", lambda: model_for(store), 5.0)
    _timed("new-theme proposals of the same store (part of kernen analyse)", lambda: store_proposals(store, k=3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, default=5000)
    parser.add_argument("--gemeenten", type=int, default=342)
    parser.add_argument("--per", type=int, default=50)
    args = parser.parse_args()
    _timed("loading simplemma's Dutch data (once per process)", lambda: lemma("huizen"))
    bench_suggestions(args.lessons)
    bench_report()
    bench_report_command()
    bench_store(args.gemeenten, args.per)


if __name__ == "__main__":
    main()
