"""The landing page's query editor in a real browser (Debian Chromium via Playwright): YASGUI is served
from this server, runs a canned query against /sparql and shows its rows, with no request leaving
127.0.0.1 and no console error."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import require_tool
from graph.endpoint import EndpointConfig
from test_endpoint import running

pytestmark = pytest.mark.chromium


@pytest.fixture(scope="module")
def base_url(real_store):
    require_tool("chromium")
    with running(EndpointConfig(str(real_store), 10.0, 1000, 100_000)) as url:
        yield url


def test_the_editor_runs_a_canned_query_offline(base_url, browser):
    requests, errors = [], []
    context = browser.new_context()  # the session's browser (conftest): one Playwright per process
    try:
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base_url + "/", wait_until="networkidle")
        page.select_option("#kernen-example", "provincies")
        page.wait_for_selector(".yasqe .CodeMirror", timeout=30_000)
        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr table td:has-text('Fryslân')", timeout=60_000)
    finally:
        context.close()
    hosts = {urlsplit(u).hostname for u in requests if u.startswith("http")}
    assert hosts == {"127.0.0.1"}, hosts
    assert any(urlsplit(u).path == "/sparql" for u in requests)
    assert errors == []
