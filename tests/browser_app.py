"""The app in a real browser, shared by the browser tests: one ``kernen app`` on 127.0.0.1 over a copy of the
bundled data's build plus the app test store's fictional gemeenten with the hostile lesson
(tests/app_fixture.py), Playwright pages on Debian's Chromium, and the checks every page gets.

conftest's ``app_url`` starts the app once per test process (:func:`running_app`); its ``browser`` is the one
Chromium of the process.
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
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from app.pages import OPERATOR_PAGES, PAGES
from app_fixture import app_quads
from conftest import ROOT

BROWSER_PAGES = tuple(p for p in PAGES if p not in OPERATOR_PAGES)  # Invoer is not served unless turned on
# Each checked per device, one language after the other (see :class:`Tab`'s ``moves``).
PAGE_CASES = [(name, lang) for lang in ("nl", "en") for name in BROWSER_PAGES]
PAGE_CASE_IDS = ["-".join(c) for c in PAGE_CASES]
VIEWPORTS = {"desktop": (1440, 1000), "phone": (390, 844)}
# The view each page is opened with: a real gemeente where a page shows one.
QUERIES = {"gemeente": "gemeente=GM1966", "vergelijk": "a=GM1966&b=GM1900", "zoeken": "zoekterm=dorpsbudget"}
SCREENSHOTS = ROOT / "data" / "build" / "screenshots"
AXE = Path(__file__).resolve().parent / "axe" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe-core checks each page once per device and once per language: on the desktop in Dutch, on the phone in
# English. The devices give the same page another layout, the languages another text; a fault of one layout
# or of one language's text is found either way (axe is about a third of a page check's browser time).
AXE_ON = {("desktop", "nl"), ("phone", "en")}
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
    gemeenten and hostile lesson, with the app's first views computed (as ``kernen app`` does before it takes
    visitors: the apps of both test workers then find them on disk)."""
    import pyoxigraph as ox

    from app.warm import warm
    from graph.store import PUBLIC_COPY

    version = folder / real_store.resolve().name
    shutil.copytree(real_store.resolve(), version)
    (folder / "store").symlink_to(version.name)
    store = ox.Store(str(version))
    store.bulk_extend(app_quads())
    store.flush()
    del store
    (version / PUBLIC_COPY).unlink(missing_ok=True)  # the build's in-memory copy would not hold the added quads
    warm(str(folder / "store"))
    return folder / "store"


@contextmanager
def running_app(store: Path):
    """``kernen app`` on ``store`` at a free port of 127.0.0.1 (uploads off): yields its URL, stops it after."""
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
        self.page = page
        self.handlers = {
            "request": lambda r: self.requests.append(r.url),
            "response": lambda r: self.failed.append(r.url) if r.status >= 400 else None,
            "console": lambda m: self.console.append(m.text) if m.type == "error" else None,
            "pageerror": lambda e: self.console.append(str(e)),
            "dialog": lambda d: (self.dialogs.append(d.message), d.dismiss()),
        }
        for event, handler in self.handlers.items():
            page.on(event, handler)

    def stop(self) -> None:
        for event, handler in self.handlers.items():
            self.page.remove_listener(event, handler)

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


# Added to every browser context of the tests (:func:`watch_changes`): the time of the page's last DOM change,
# and how many runs of the app's script the page has seen end (its script state going from running to not).
CHANGES = """window.kernenLastChange = performance.now();
window.kernenRuns = 0;
new MutationObserver(() => { window.kernenLastChange = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
new MutationObserver(changes => { for (const c of changes)
    if (c.oldValue === 'running' && c.target.getAttribute(c.attributeName) === 'notRunning') window.kernenRuns++; })
  .observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});"""
# What the browser's Back and Forward do, to a new address: a history entry, then the event Streamlit's frontend
# answers by running the address's page with its query in the same session.
MOVE = "url => { history.pushState(null, '', url); dispatchEvent(new PopStateEvent('popstate')); }"
# The menu's link to the page shown (its path), or null.
SHOWN = """(() => { const a = document.querySelector('[data-testid="stSidebarNavLink"][aria-current="page"]');
  return a && new URL(a.href).pathname; })()"""
# The page has answered a move to another page, path ``to`` (``runs``: the runs ended, read before): a run has
# ended since, or the menu shows that page (the frontend marks it when it clears the old page's elements, before
# the run starts: :func:`settle` then waits for the run). A run so quick that its "running" state is never drawn
# is not counted, hence the second test.
MOVED = f"""([to, runs]) => window.kernenRuns > runs || {SHOWN} === to"""
QUIET_MS = 300  # a page whose DOM has not changed for this long (and whose charts are drawn) has settled
# Every chart shown has its drawing, every table shown its canvas, every frame its document; neither the page nor a
# frame changed for QUIET_MS (a chart or table in a closed expander or tab is not drawn until it is opened).
DRAWN = f"""() => {{
  const all = s => Array.from(document.querySelectorAll(s)).filter(e => e.checkVisibility());
  const quiet = w => typeof w.kernenLastChange !== 'number' || w.performance.now() - w.kernenLastChange >= {QUIET_MS};
  return all('[data-testid="stVegaLiteChart"]').every(c => c.querySelector('canvas, svg.marks'))
    && all('[data-testid="stDataFrame"]').every(d => d.querySelector('canvas'))
    && all('iframe').every(f => f.contentDocument && f.contentDocument.readyState === 'complete'
      && quiet(f.contentWindow))
    && quiet(window);
}}"""


def watch_changes(context):
    """``context`` with :data:`CHANGES` in each of its pages, so that :func:`settle` knows when a page is done."""
    context.add_init_script(CHANGES)
    return context


def settle(page) -> None:
    """Until the app's script has run, a heading is shown, and the page has drawn and stopped changing (the page
    must be in a :func:`watch_changes` context)."""
    page.wait_for_selector(READY, timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("h1", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector(READY, timeout=PAGE_TIMEOUT_MS)
    assert page.evaluate("typeof window.kernenLastChange === 'number'"), "a page outside watch_changes()"
    page.wait_for_function(DRAWN, timeout=PAGE_TIMEOUT_MS, polling=50)


def arrive(page, url: str) -> None:
    """After an action that moves to another view (a click, Enter, Back): wait for that view's URL (``url``, a
    regular expression searched in it), then :func:`settle`. The old view can look settled before the action
    is answered, so settling alone could check the old view."""
    page.wait_for_url(re.compile(url), timeout=PAGE_TIMEOUT_MS)
    settle(page)


def address(url: str, name: str, lang: str = "nl", query: str = "") -> str:
    path = "" if name == PAGES[0] else name  # the default page lives at the root URL
    params = "&".join(p for p in (query, "" if lang == "nl" else f"lang={lang}") if p)
    return f"{url}/{path}" + (f"?{params}" if params else "")


class Tab:
    """One browser tab of one device, reused by a test module: each :meth:`open` shows a page in it with a new
    :class:`Recorder`, loaded afresh (a new document, so a new Streamlit session) unless the tab ``moves``. The
    tab's renderer keeps the app's compiled scripts, which makes a load about a third cheaper than in a new tab.
    A tab that was closed or crashed is replaced.

    A tab that ``moves`` goes to another page as the browser's Back and Forward do (:data:`MOVE`: the same
    session, its state kept, no new document) when it shows a session in the page's language (the language is
    kept in the session, so a new language needs a new one); about a third less browser CPU than a new document.
    The page shown, with other parameters, is loaded afresh (a run too quick to be drawn would not be noticed)."""

    def __init__(self, browser, url: str, device: str = "desktop", *, moves: bool = False):
        self.url, self.size, self.moves = url, dict(zip(("width", "height"), VIEWPORTS[device])), moves
        self.context = watch_changes(browser.new_context(viewport=self.size))
        self.page = self._new_page()
        self.recorder: Recorder | None = None
        self.lang: str | None = None  # the language of the Streamlit session shown, if any

    def _new_page(self):
        page = self.context.new_page()
        page.on("crash", lambda crashed: crashed.close())
        return page

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.context.close()

    def open(self, name: str, *, lang: str = "nl", query: str | None = None):
        """Page ``name`` shown (see :func:`settle`) and the recorder of what it did since."""
        target = address(self.url, name, lang, QUERIES.get(name, "") if query is None else query)
        return self.load(target, lang=lang)

    def load(self, url: str, *, lang: str | None = None):
        """The app's address ``url`` shown, as :meth:`open` does (without ``lang``: loaded afresh)."""
        if self.recorder:
            self.recorder.stop()
        if self.page.is_closed():
            self.page, self.lang = self._new_page(), None
        self.page.set_viewport_size(self.size)  # a screenshot may have made it taller
        self.recorder = Recorder(self.page)
        shown = self.page.evaluate(SHOWN) if self.moves and lang and self.lang == lang else None
        if shown and shown != urlsplit(url).path:  # another page of a session in ``lang``: moved to
            before = [urlsplit(url).path, self.page.evaluate("window.kernenRuns")]
            self.page.evaluate(MOVE, url)
            self.page.wait_for_function(MOVED, arg=before, timeout=PAGE_TIMEOUT_MS, polling=50)
        else:
            self.page.goto(url, timeout=PAGE_TIMEOUT_MS)
        settle(self.page)
        self.lang = lang
        return self.page, self.recorder


def axe_violations(page) -> list[tuple[str, str, int, str]]:
    """Critical and serious WCAG 2.1 A/AA violations found by axe-core, in every frame of the page."""
    for frame in page.frames:
        if not frame.evaluate("typeof axe === 'object'"):  # a page reached by a move has it from before
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


NEXT_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))"


def screenshot(page, name: str) -> None:
    """The whole page: the viewport grows to the height of Streamlit's scrolling main area first."""
    width = page.viewport_size["width"]
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": width, "height": max(page.viewport_size["height"], min(height, MAX_SCREENSHOT_PX))})
    page.evaluate(NEXT_FRAMES)  # the page laid out and painted at the new size
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def check_page(tab: Tab, name: str, lang: str, device: str) -> None:
    """Page ``name`` in ``lang`` on ``device`` (``tab`` is of that device and moves): the language, no
    exception, no critical or serious axe-core violation (see :data:`AXE_ON`), readable charts on a phone,
    nothing fetched from elsewhere, no console error, no dialog; then its screenshot. The page is reached as a
    visitor moving through the app reaches it: the first page of each language is a new document, the others
    are run in its session. (Every page as a new session of its own is checked by tests/test_app_pages.py.)"""
    app_url = tab.url
    page, recorder = tab.open(name, lang=lang)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("encountered an error").count() == 0  # the redacted form of an exception
    if (device, lang) in AXE_ON:
        assert axe_violations(page) == []
    if device == "phone":
        assert all(w >= MIN_PLOT_PX[0] and h >= MIN_PLOT_PX[1] for w, h in chart_sizes(page)), chart_sizes(page)
    assert recorder.outside(app_url) == []
    assert recorder.errors == []
    assert recorder.dialogs == []
    screenshot(page, f"{name}-{lang}-{device}")
