"""Personal data: the example's contact names, e-mails and phones never reach a public
output: endpoint answers and landing page, data dumps, facilitator exports (MD, HTML, DOCX), the analysis.

The store is built from the bundled data (ontology, reference, practice data, the example trajectory) with
the reference details (kernen, wijken, buurten) cut down to the example's gemeenten: every graph the
example's data passes through, in a third of the triples.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from conftest import cut_reference
from graph.build import build
from graph.cli import cli
from graph.endpoint import EndpointConfig, create_app
from graph.ingest import load_trajectory
from graph.settings import DEFAULT_DATA

pytestmark = [pytest.mark.timeout(150), pytest.mark.slow]  # slow: builds a store and writes every public output
EXAMPLE = DEFAULT_DATA / "trajecten" / "voorbeeld" / "voorbeeld.xlsx"


def _secrets() -> list[str]:
    trajectory, _ = load_trajectory(EXAMPLE, data_dir=DEFAULT_DATA)
    found = set()
    for d in trajectory.deelname:
        for value in (d.contact_naam, d.contact_email, d.contact_telefoon):
            if value:
                found.add(str(value))
                found.add(re.sub(r"\s*\(fictief\)$", "", str(value)))  # the name without the marker too
    return sorted(found)


SECRETS = _secrets()


@pytest.fixture(scope="module")
def trajectory():
    return load_trajectory(EXAMPLE, data_dir=DEFAULT_DATA)[0]


@pytest.fixture(scope="module")
def store(trajectory, tmp_path_factory) -> str:
    data = tmp_path_factory.mktemp("data")
    for folder in ("reference", "praktijk", "trajecten"):
        shutil.copytree(DEFAULT_DATA / folder, data / folder)
    cut_reference(data, {str(d.gemeente) for d in trajectory.deelname})
    report = build(store_dir=data / "store", data_dir=data)
    assert any(g.endswith("/traject/voorbeeld") for g in report.graphs), report.graphs
    return report.store


def _leaks(text: str) -> list[str]:
    text = text.lower()  # once: the dumps are megabytes
    return [s for s in SECRETS if s.lower() in text]


def test_the_example_has_contact_data():
    assert len(SECRETS) >= 10 and any("@" in x for x in SECRETS)  # else this file proves nothing


def test_endpoint_answers_and_pages(store):
    app = create_app(EndpointConfig(store, 20.0, 100_000, 100_000))
    texts = []
    with TestClient(app) as client:
        def found(needles: list[str], pattern: str) -> bool:
            tests = " || ".join(f'CONTAINS(LCASE(STR(?o)), "{x.lower()}")' for x in needles)
            query = f"ASK {{ {pattern} FILTER(isLiteral(?o) && ({tests})) }}"
            return client.get("/sparql", params={"query": query}).json()["boolean"]

        for pattern in ("GRAPH ?g { ?s ?p ?o }",):  # every public named graph (the default graph is their union)
            assert found(["voorbeeld"], pattern)  # the query works: the public trajectory text is seen
            assert not found(SECRETS, pattern), pattern
        texts.append(client.get("/sparql", params={"query": "DESCRIBE ?d WHERE { ?d a kd:Deelname }"},
                                headers={"Accept": "text/turtle"}).text)
        for path in ("/", "/?lang=en", "/void", "/sparql"):
            texts.append(client.get(path).text)
    assert _leaks("\n".join(texts)) == []


def test_data_dumps(store, tmp_path):
    result = CliRunner().invoke(cli, ["export", "data", "--store", store, "--out", str(tmp_path), "--format", "ttl",
                                  "--format", "csv"])
    assert result.exit_code == 0, result.output
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) >= 5
    leaks = {p.name: _leaks(p.read_text(errors="replace")) for p in files}
    assert {name: found for name, found in leaks.items() if found} == {}


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode(errors="replace") for n in archive.namelist() if n.endswith(".xml"))


def test_facilitator_exports_and_analysis(store, trajectory, tmp_path):
    commands = [["export", "bundle", trajectory.slug]]
    commands += [["export", "meeting", b.id] for b in trajectory.bijeenkomst[:4]]
    commands += [["export", "intake", str(d.gemeente)] for d in trajectory.deelname[:3]]
    outputs = {}
    for n, command in enumerate(commands):
        for fmt in (("md", "html", "docx") if n < 2 else ("md",)):
            out = tmp_path / f"{n}.{fmt}"
            result = CliRunner().invoke(cli, command + ["--store", store, "--format", fmt, "--out", str(out)])
            assert result.exit_code == 0, (command, result.output)
            outputs[f"{' '.join(command)} {fmt}"] = _docx_text(out) if fmt == "docx" else out.read_text()
    for fmt in ("md", "json"):
        result = CliRunner().invoke(cli, ["analyse", "--store", store, "--format", fmt])
        assert result.exit_code == 0, result.output
        outputs[f"analyse {fmt}"] = result.output
    assert {k: _leaks(v) for k, v in outputs.items() if _leaks(v)} == {}
