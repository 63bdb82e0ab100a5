"""Hostile text: HTML/JS/formula payloads in free-text fields come out inert.

The app's tables and the network are covered by tests/test_views.py and tests/test_netviz.py; this file adds
the CSV dumps (formula cells neutralised) and the endpoint's HTML result page and landing page.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from app_fixture import HOSTILE  # noqa: E402

from graph.endpoint import EndpointConfig, create_app  # noqa: E402
from graph.export.data import csv_dumps  # noqa: E402

pytestmark = pytest.mark.timeout(60)
FORMULA_START = ("=", "+", "@", "\t", "\r")


def test_csv_dumps_have_no_live_formula(trajectory_store):
    dumps = csv_dumps(trajectory_store)
    cells = [cell for d in dumps for row in csv.reader(io.StringIO(d.data.decode())) for cell in row]
    assert any("HYPERLINK" in c for c in cells), "the hostile lesson should be in a dump"
    assert [c for c in cells if c.startswith(FORMULA_START)] == []


@pytest.fixture(scope="module")
def client(app_store):
    with TestClient(create_app(EndpointConfig(str(app_store), 5.0, 100, 10_000)), raise_server_exceptions=False) as c:
        yield c


def test_endpoint_html_results_escape_the_payload(client):
    query = "SELECT ?d WHERE { ?s <http://www.w3.org/2004/02/skos/core#definition> ?d }"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "onerror=alert" in response.text  # the text is shown ...
    assert "<img" not in response.text  # ... but never as markup


def test_endpoint_json_results_keep_the_exact_value(client):
    query = "SELECT ?d WHERE { ?s <http://www.w3.org/2004/02/skos/core#definition> ?d }"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    values = [b["d"]["value"] for b in response.json()["results"]["bindings"]]
    assert any(HOSTILE in v for v in values)


def test_landing_page_has_no_markup_from_data(client):
    response = client.get("/", headers={"Accept": "text/html"})
    assert response.status_code == 200 and "<img" not in response.text and "alert(" not in response.text
