"""The app in a real browser: Debian's Chromium driven by Playwright against ``kernen app`` on 127.0.0.1.

Each page loads without console errors, the network canvas draws its nodes, no request leaves
127.0.0.1, the hostile lesson never runs as script, and a screenshot of each page is kept under
``data/build/screenshots/`` (a CI artefact, git-ignored).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

from app_fixture import write_store
from conftest import ROOT, require_tool

pytestmark = pytest.mark.chromium

PAGES = ("overzicht", "netwerk", "gemeente", "instrumenten", "rode_draden", "sparql", "invoer")
SCREENSHOTS = ROOT / "data" / "build" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
START_TIMEOUT_S = 60
PAGE_TIMEOUT_MS = 60_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = START_TIMEOUT_S) -> float:
    """Seconds until Streamlit answers its health check (fails if the process dies first)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"kernen app stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"kernen app did not answer within {timeout} s")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    require_tool("chromium")
    store = write_store(tmp_path_factory.mktemp("browser") / "store")
    port = free_port()
    env = {**os.environ, "KERNEN_STORE": str(store)}
    env.pop("KERNEN_ALLOW_UPLOAD", None)
    process = subprocess.Popen([sys.executable, "-m", "graph", "app", "--store", str(store), "--port", str(port)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser():
    require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# Streamlit probes "<page>/_stcore/health" and "host-config" before the real base path when a page is
# opened by its own URL (streamlit/streamlit#7074, open): two 404s that Chromium logs as console errors.
# Exactly those are allowed; any other failed response or console error fails the test.
PROBE_404 = re.compile(r"^/[a-z_]+/_stcore/(health|host-config)$")
FAILED_LOAD = "Failed to load resource: the server responded with a status of 404 (Not Found)"


class Recorder:
    """What a page did: every request URL, console errors, failed responses, dialogs (a script from data
    would open one)."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.console: list[str] = []
        self.failed: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("response", lambda r: self.failed.append(r.url) if r.status >= 400 else None)
        page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def outside(self, base: str) -> list[str]:
        local = (base + "/", "data:", "blob:", "about:")
        return [u for u in self.requests if not u.startswith(local) and u != base]

    @property
    def probes(self) -> int:
        return sum(1 for u in self.failed if PROBE_404.match(urlsplit(u).path))

    @property
    def errors(self) -> list[str]:
        """Console errors and failed responses, without Streamlit's known base-path probes."""
        console = list(self.console)
        for _ in range(self.probes):
            if FAILED_LOAD in console:
                console.remove(FAILED_LOAD)
        return console + [u for u in self.failed if not PROBE_404.match(urlsplit(u).path)]


def open_page(browser, url: str, name: str, *, lang: str = "nl"):
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    recorder = Recorder(page)
    path = "" if name == PAGES[0] else name  # the default page lives at the root URL
    page.goto(f"{url}/{path}?lang={lang}", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector(READY, timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("h1", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector(READY, timeout=PAGE_TIMEOUT_MS)
    page.wait_for_timeout(500)  # let charts and frames finish drawing
    return page, recorder


# Every page in Dutch, the busiest ones in English too (AppTest covers every page in both languages).
CASES = [(name, "nl") for name in PAGES] + [(name, "en") for name in ("overzicht", "netwerk", "gemeente")]


@pytest.mark.parametrize(("name", "lang"), CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_page_loads_clean_and_local(browser, app_url, name, lang):
    page, recorder = open_page(browser, app_url, name, lang=lang)
    try:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{lang}.png"), full_page=True)
        assert recorder.outside(app_url) == []
        assert recorder.errors == []
        assert recorder.dialogs == []
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_text("encountered an error").count() == 0  # the redacted form of an exception
    finally:
        page.close()


def test_network_canvas_draws_nodes(browser, app_url):
    page, recorder = open_page(browser, app_url, "netwerk", lang="nl")
    try:
        page.locator("iframe").first.wait_for(timeout=PAGE_TIMEOUT_MS)
        frame = next(f for f in page.frames if f != page.main_frame)
        frame.wait_for_selector("body[data-drawn-nodes]", timeout=PAGE_TIMEOUT_MS)
        drawn = int(frame.evaluate("document.body.getAttribute('data-drawn-nodes')"))
        canvas = frame.evaluate("(() => { const c = document.querySelector('#net canvas');"
                                " return c ? [c.width, c.height] : null })()")
        positions = frame.evaluate("Object.keys(window.kernenNetwork.getPositions()).length")
        assert drawn > 0 and positions == drawn
        assert canvas is not None and canvas[0] > 0 and canvas[1] > 0
        assert recorder.outside(app_url) == [] and recorder.errors == [] and recorder.dialogs == []
    finally:
        page.close()


def test_copied_link_restores_the_view(browser, app_url):
    page, _ = open_page(browser, app_url, "gemeente", lang="en")
    try:
        page.goto(f"{app_url}/gemeente?lang=en&gemeente=GM9003", timeout=PAGE_TIMEOUT_MS)
        page.wait_for_selector(READY, timeout=PAGE_TIMEOUT_MS)
        page.get_by_role("heading", name="Crunsdal").wait_for(timeout=PAGE_TIMEOUT_MS)
        assert "gemeente=GM9003" in page.url and "lang=en" in page.url
    finally:
        page.close()


def test_hostile_lesson_in_a_tooltip_is_text(browser, app_url):
    """Hover the lesson whose title is markup: the tooltip shows the characters, no element is made."""
    page, recorder = open_page(browser, app_url, "netwerk", lang="nl")
    try:
        page.goto(f"{app_url}/netwerk?preset=alles&focus=les/mini-l5&hops=1", timeout=PAGE_TIMEOUT_MS)
        page.wait_for_selector(READY, timeout=PAGE_TIMEOUT_MS)
        page.locator("iframe").first.wait_for(timeout=PAGE_TIMEOUT_MS)
        frame = next(f for f in page.frames if f != page.main_frame)
        frame.wait_for_selector("body[data-drawn-nodes]", timeout=PAGE_TIMEOUT_MS)
        point = frame.evaluate("(() => { const n = window.kernenNetwork;"
                               " return n.canvasToDOM(n.getPositions(['les/mini-l5'])['les/mini-l5']); })()")
        net = frame.locator("#net").bounding_box()  # in page coordinates already
        x, y = net["x"] + point["x"], net["y"] + point["y"]
        page.mouse.move(x - 20, y - 20)
        page.mouse.move(x, y, steps=5)
        frame.wait_for_function("document.querySelector('div.vis-tooltip') &&"
                                " document.querySelector('div.vis-tooltip').style.visibility === 'visible'",
                                timeout=PAGE_TIMEOUT_MS)
        tooltip = frame.locator("div.vis-tooltip")
        assert "<img src=x onerror=alert(1)>" in tooltip.inner_text()
        assert tooltip.locator("img").count() == 0 and frame.locator("img").count() == 0
        assert recorder.dialogs == []
    finally:
        page.close()
