"""The app in a real browser: Debian's Chromium driven by Playwright against one ``kernen app`` on 127.0.0.1.

The store is a real build of the bundled data (reference, praktijk, the example trajectory) plus the
app test store's fictional gemeenten with the hostile lesson (tests/app_fixture.py).

Every page in Dutch and English, on a desktop (1440x1000) and a phone (390x844): no console errors, no
request leaving 127.0.0.1, ``<html lang>`` the chosen language, axe-core (vendored in tests/axe) finds no
critical or serious WCAG 2.1 A/AA violation, every chart has a visible plot area; a screenshot of each
is kept under ``data/build/screenshots/`` (a CI artefact, git-ignored). Then the tasks a new user has
(each in at most three clicks or one search), links that restore a view in a fresh browser, the
message for an unknown gemeente, Back stepping through views, and the hostile lesson staying text.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from app.pages import OPERATOR_PAGES, PAGES
from app_fixture import app_quads
from conftest import ROOT, require_tool

pytestmark = pytest.mark.chromium

BROWSER_PAGES = tuple(p for p in PAGES if p not in OPERATOR_PAGES)  # Invoer is not served unless turned on
VIEWPORTS = {"desktop": (1440, 1000), "phone": (390, 844)}
# The view each page is opened with: a real gemeente where a page shows one.
QUERIES = {"gemeente": "gemeente=GM1966", "vergelijk": "a=GM1966&b=GM1900", "zoeken": "zoekterm=dorpsbudget"}
SCREENSHOTS = ROOT / "data" / "build" / "screenshots"
AXE = Path(__file__).resolve().parent / "axe" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
START_TIMEOUT_S = 60
PAGE_TIMEOUT_MS = 60_000
MAX_SCREENSHOT_PX = 9000
MIN_PLOT_PX = (200, 80)  # a chart narrower or lower than this on a phone shows no readable plot


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


def browser_store(real_store: Path, folder: Path) -> Path:
    """A copy of the bundled data's build (conftest's ``real_store``) plus the app test store's fictional
    gemeenten and hostile lesson."""
    import pyoxigraph as ox

    from graph.store import PUBLIC_COPY

    version = folder / real_store.resolve().name
    shutil.copytree(real_store.resolve(), version)
    (folder / "store").symlink_to(version.name)
    store = ox.Store(str(version))
    store.bulk_extend(app_quads())
    store.flush()
    del store
    (version / PUBLIC_COPY).unlink(missing_ok=True)  # the build's in-memory copy would not hold the added quads
    return folder / "store"


@pytest.fixture(scope="session")
def app_url(tmp_path_factory, real_store):
    require_tool("chromium")
    store = browser_store(real_store, tmp_path_factory.mktemp("browser"))
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


# Streamlit probes "<page>/_stcore/health" and "host-config" before the real base path when a page is
# opened by its own URL (streamlit/streamlit#7074, open): two 404s that Chromium logs as console errors.
# Exactly those are allowed; any other failed response or console error fails the test. The permission
# policy of Streamlit's iframes names features Chromium does not know ("Unrecognized feature"): allowed.
PROBE_404 = re.compile(r"^/[a-z_]+/_stcore/(health|host-config)$")
FAILED_LOAD = "Failed to load resource: the server responded with a status of 404 (Not Found)"
UNKNOWN_FEATURE = re.compile(r"^Unrecognized feature: '[a-z-]+'\.$")


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
        console = [c for c in self.console if not UNKNOWN_FEATURE.match(c)]
        for _ in range(self.probes):
            if FAILED_LOAD in console:
                console.remove(FAILED_LOAD)
        return console + [u for u in self.failed if not PROBE_404.match(urlsplit(u).path)]


def settle(page) -> None:
    page.wait_for_selector(READY, timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("h1", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector(READY, timeout=PAGE_TIMEOUT_MS)
    page.wait_for_timeout(700)  # let charts and frames finish drawing


def address(url: str, name: str, lang: str = "nl", query: str = "") -> str:
    path = "" if name == PAGES[0] else name  # the default page lives at the root URL
    params = "&".join(p for p in (query, "" if lang == "nl" else f"lang={lang}") if p)
    return f"{url}/{path}" + (f"?{params}" if params else "")


def open_page(browser, url: str, name: str, *, lang: str = "nl", viewport=VIEWPORTS["desktop"], query: str = ""):
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    recorder = Recorder(page)
    page.goto(address(url, name, lang, query), timeout=PAGE_TIMEOUT_MS)
    settle(page)
    return page, recorder


def axe_violations(page) -> list[tuple[str, str, int, str]]:
    """Critical and serious WCAG 2.1 A/AA violations found by axe-core, in every frame of the page."""
    for frame in page.frames:
        frame.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", AXE_TAGS)
    return [(v["id"], v["impact"], len(v["nodes"]), str(v["nodes"][0]["target"])) for v in result["violations"]
            if v["impact"] in ("critical", "serious")]


def chart_sizes(page) -> list[tuple[float, float]]:
    """Width and height of the drawing of every chart on the page (canvas or SVG)."""
    return page.evaluate("""Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"]'))
        .map(c => c.querySelector('canvas, svg.marks')).filter(Boolean)
        .map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })""")


def screenshot(page, name: str) -> None:
    """The whole page: the viewport grows to the height of Streamlit's scrolling main area first."""
    width = page.viewport_size["width"]
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": width, "height": max(page.viewport_size["height"], min(height, MAX_SCREENSHOT_PX))})
    page.wait_for_timeout(300)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


CASES = [(name, lang, device) for name in BROWSER_PAGES for lang in ("nl", "en") for device in VIEWPORTS]


@pytest.mark.parametrize(("name", "lang", "device"), CASES, ids=["-".join(c) for c in CASES])
def test_page_clean_local_accessible(browser, app_url, name, lang, device):
    page, recorder = open_page(browser, app_url, name, lang=lang, viewport=VIEWPORTS[device],
                               query=QUERIES.get(name, ""))
    try:
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_text("encountered an error").count() == 0  # the redacted form of an exception
        assert axe_violations(page) == []
        if device == "phone":
            assert all(w >= MIN_PLOT_PX[0] and h >= MIN_PLOT_PX[1] for w, h in chart_sizes(page)), chart_sizes(page)
        assert recorder.outside(app_url) == []
        assert recorder.errors == []
        assert recorder.dialogs == []
        screenshot(page, f"{name}-{lang}-{device}")
    finally:
        page.close()


def test_network_canvas_draws_nodes_with_readable_labels(browser, app_url):
    page, recorder = open_page(browser, app_url, "netwerk", lang="nl")
    try:
        frame = network_frame(page)
        drawn = int(frame.evaluate("document.body.getAttribute('data-drawn-nodes')"))
        positions = frame.evaluate("Object.keys(window.kernenNetwork.getPositions()).length")
        assert drawn > 0 and positions == drawn
        frame.wait_for_selector("body[data-labels]", timeout=PAGE_TIMEOUT_MS)
        assert int(frame.evaluate("document.body.getAttribute('data-labels')")) >= 10
        font = frame.evaluate("(() => { const n = window.kernenNetwork;"
                              " return n.body.data.nodes.get()[0].font.size * n.getScale(); })()")
        assert 13 <= font <= 15  # on-screen label size in pixels at the first zoom
        assert page.locator("iframe").first.get_attribute("title")
        assert recorder.outside(app_url) == [] and recorder.errors == [] and recorder.dialogs == []
    finally:
        page.close()


def network_frame(page):
    page.locator("iframe").first.wait_for(timeout=PAGE_TIMEOUT_MS)
    frame = next(f for f in page.frames if f != page.main_frame)
    frame.wait_for_selector("body[data-drawn-nodes]", timeout=PAGE_TIMEOUT_MS)
    return frame


def click_node(page, frame, node: str) -> None:
    frame.locator("#net").scroll_into_view_if_needed()
    point = frame.evaluate("id => { const n = window.kernenNetwork;"
                           " return n.canvasToDOM(n.getPositions([id])[id]); }", node)
    net = frame.locator("#net").bounding_box()
    page.mouse.click(net["x"] + point["x"], net["y"] + point["y"])


def test_network_node_click_opens_panel_with_link(browser, app_url):
    page, _ = open_page(browser, app_url, "netwerk", query="preset=instrumenten&focus=gemeente/GM1966")
    try:
        frame = network_frame(page)
        panel = frame.locator("#panel")
        panel.get_by_role("heading", name="Het Hogeland").wait_for(timeout=PAGE_TIMEOUT_MS)
        link = panel.get_by_role("link", name="Open de pagina")
        assert link.get_attribute("href") == "gemeente?gemeente=GM1966"
        link.click()
        page.wait_for_url(re.compile(r"/gemeente\?gemeente=GM1966"), timeout=PAGE_TIMEOUT_MS)
        settle(page)
        assert page.get_by_role("heading", name="Het Hogeland").count() >= 1
    finally:
        page.close()


def test_network_preset_survives_navigation(browser, app_url):
    page, _ = open_page(browser, app_url, "netwerk")
    try:
        page.get_by_text("Alles", exact=True).click()
        settle(page)
        assert "preset=alles" in page.url
        page.locator('[data-testid="stSidebarNav"] a', has_text="Gemeenten").click()
        settle(page)
        page.locator('[data-testid="stSidebarNav"] a', has_text="Netwerk").click()
        settle(page)
        assert "preset=alles" in page.url
    finally:
        page.close()


def search(page, term: str) -> None:
    box = page.get_by_label("Zoeken")
    box.fill(term)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken\?"), timeout=PAGE_TIMEOUT_MS)
    settle(page)


def test_task_instruments_of_het_hogeland(browser, app_url):
    """One search and one click from the start page: Het Hogeland's instruments."""
    page, _ = open_page(browser, app_url, "overzicht")
    try:
        search(page, "Het Hogeland")
        page.get_by_role("link", name="Het Hogeland", exact=True).first.click()
        page.wait_for_url(re.compile(r"/gemeente\?gemeente=GM1966"), timeout=PAGE_TIMEOUT_MS)
        settle(page)
        page.get_by_role("heading", name="Instrumenten in gebruik").wait_for()
        tables = page.evaluate("Array.from(document.querySelectorAll('[data-testid=stDataFrame]')).map(d => d.innerHTML)")
        assert any("Dorpsbudget" in table for table in tables)  # the grid is a canvas; its cells are in the DOM too
        assert_restores(browser, page.url, "Het Hogeland")
    finally:
        page.close()


def test_task_gemeenten_with_a_dorpsbudget_and_their_lessons(browser, app_url):
    page, _ = open_page(browser, app_url, "overzicht")
    try:
        search(page, "dorpsbudget")
        page.get_by_role("link", name="Dorpsbudget / wijkbudget").first.click()
        page.wait_for_url(re.compile(r"/instrumenten\?instrument=dorpsbudget"), timeout=PAGE_TIMEOUT_MS)
        settle(page)
        where = page.get_by_role("heading", name=re.compile(r"^Waar in gebruik \(\d+\)$"))
        assert int(re.search(r"\d+", where.inner_text()).group()) >= 3
        assert page.get_by_role("heading", name="Lessen").count() == 1
        assert page.get_by_role("link", name=re.compile("dorpsbudget", re.I)).count() >= 3  # lesson titles
        assert_restores(browser, page.url, re.compile(r"^Dorpsbudget"))  # the test store adds a second label
    finally:
        page.close()


def test_task_a_host_for_trust_between_village_and_gemeente(browser, app_url):
    page, _ = open_page(browser, app_url, "overzicht")
    try:
        search(page, "vertrouwen tussen dorp en gemeente")
        page.get_by_role("link", name="Vertrouwen", exact=True).first.click()
        page.wait_for_url(re.compile(r"/rode_draden\?draad="), timeout=PAGE_TIMEOUT_MS)
        settle(page)
        page.get_by_role("heading", name=re.compile("gastgemeente voor een werkbezoek")).wait_for()
        hosts = page.locator("li a[href^='gemeente?gemeente=']")
        assert hosts.count() >= 2
        assert_restores(browser, page.url, "Vertrouwen")
    finally:
        page.close()


def test_task_evidence_of_the_top_thread(browser, app_url):
    """Two clicks: the menu, then the first thread."""
    page, _ = open_page(browser, app_url, "overzicht")
    try:
        page.locator('[data-testid="stSidebarNav"] a', has_text="Rode draden").click()
        settle(page)
        page.get_by_text(re.compile(r"^1\. ")).first.click()
        lessons = page.locator('[data-testid="stExpander"] details[open] a[href^="lessen?les="]')
        lessons.first.wait_for(timeout=PAGE_TIMEOUT_MS)
        assert lessons.count() >= 1
    finally:
        page.close()


def assert_restores(browser, url: str, heading) -> None:
    """The copied URL opens the same view in a fresh browser context (no session, no cookies)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        page = context.new_page()
        page.goto(url, timeout=PAGE_TIMEOUT_MS)
        settle(page)
        exact = None if isinstance(heading, re.Pattern) else True
        page.get_by_role("heading", name=heading, exact=exact).first.wait_for(timeout=PAGE_TIMEOUT_MS)
    finally:
        context.close()


@pytest.mark.parametrize("value", ["GM9999", "Onbestaand"])
def test_unknown_gemeente_says_so_and_offers_choices(browser, app_url, value):
    page, _ = open_page(browser, app_url, "gemeente", query=f"gemeente={value}")
    try:
        assert page.get_by_text(f"Er is geen gemeente “{value}”").count() == 1
        assert page.locator('[data-testid="stMetric"]').count() == 0  # no profile of another gemeente
        assert page.get_by_label("Kies een gemeente").count() == 1
    finally:
        page.close()


def test_gemeente_by_name_in_the_url(browser, app_url):
    page, _ = open_page(browser, app_url, "gemeente", query="gemeente=Het%20Hogeland")
    try:
        page.wait_for_url(re.compile(r"gemeente=GM1966"), timeout=PAGE_TIMEOUT_MS)
        assert page.get_by_role("heading", name="Het Hogeland").count() == 1
    finally:
        page.close()


def test_back_steps_through_views(browser, app_url):
    """Choosing another gemeente adds a history entry; Back shows the previous one again."""
    page, _ = open_page(browser, app_url, "gemeente", query="gemeente=GM1966")
    try:
        page.get_by_role("combobox", name="Kies een gemeente").click()
        page.keyboard.type("Altena")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"gemeente=GM1959"), timeout=PAGE_TIMEOUT_MS)
        settle(page)
        page.get_by_role("heading", name="Altena").wait_for()
        page.go_back()
        page.wait_for_url(re.compile(r"gemeente=GM1966"), timeout=PAGE_TIMEOUT_MS)
        settle(page)
        page.get_by_role("heading", name="Het Hogeland").wait_for(timeout=PAGE_TIMEOUT_MS)
    finally:
        page.close()


def test_hostile_lesson_in_a_tooltip_is_text(browser, app_url):
    """Hover the lesson whose title is markup: the tooltip shows the characters, no element is made."""
    page, recorder = open_page(browser, app_url, "netwerk", query="preset=alles&traject=mini&focus=les/mini-l5&hops=1")
    try:
        frame = network_frame(page)
        frame.locator("#net").scroll_into_view_if_needed()
        page.wait_for_timeout(300)
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


def test_overzicht_map_has_province_outlines_and_a_point_opens_its_gemeente(browser, app_url):
    """The 12 province outlines are drawn under the points; a click on a coloured point opens that
    gemeente's page (the outlines do not catch the click)."""
    page, _ = open_page(browser, app_url, "overzicht")
    try:
        chart = page.locator('[data-testid="stVegaLiteChart"]').first
        chart.scroll_into_view_if_needed()
        assert chart.locator(".mark-shape path").count() == 12
        point = chart.locator(".mark-symbol.role-mark").last.locator("path").first  # the coloured points' layer
        name = re.search(r"naam: ([^;]+)", point.get_attribute("aria-label") or "").group(1)
        point.click(force=True)  # the svg, not the path, takes pointer events; the click lands on the point
        page.wait_for_url(re.compile(r"/gemeente\?gemeente=GM\d{4}"), timeout=PAGE_TIMEOUT_MS)
        settle(page)
        page.get_by_role("heading", name=name.strip(), exact=True).wait_for(timeout=PAGE_TIMEOUT_MS)
    finally:
        page.close()
