"""The app in a real browser (tests/browser_app.py: Debian's Chromium driven by Playwright against one
``kernen app`` on 127.0.0.1, over the bundled data plus the app test store's fictional gemeenten).

The tasks a new user has (each in at most three clicks or one search), links that restore a view for another
visitor, the message for an unknown gemeente, Back stepping through views, the network and the map, the
hostile lesson staying text, and the language switch in the sidebar (desktop and phone). The tests follow each
other in one tab as one visitor's visit: each starts by moving to its page as the browser's Back and Forward do
(browser_app.Tab's ``moves``; the first loads the app), and a copied link is opened by another visitor in a
browser context of its own (``visitor``), as a new document. Every page's own
checks (nl/en, desktop/phone, axe-core) are in tests/test_browser_pages_desktop.py and
tests/test_browser_pages_phone.py.
"""

from __future__ import annotations

import re

import pytest

from browser_app import PAGE_TIMEOUT_MS, Tab, arrive

pytestmark = pytest.mark.chromium


@pytest.fixture(scope="module")
def tab(browser, app_url):
    with Tab(browser, app_url, moves=True) as reused:
        yield reused


@pytest.fixture(scope="module")
def visitor(browser, app_url):
    """Another visitor: a tab in a browser context of its own (no session, cookies or storage of ``tab``)."""
    with Tab(browser, app_url) as other:
        yield other


def test_network_canvas_draws_nodes_with_readable_labels(tab):
    page, recorder = tab.open("netwerk", lang="nl")
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
    assert recorder.outside(tab.url) == [] and recorder.errors == [] and recorder.dialogs == []


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


def test_network_node_click_opens_panel_with_link(tab):
    page, _ = tab.open("netwerk", query="preset=instrumenten&focus=gemeente/GM1966")
    frame = network_frame(page)
    panel = frame.locator("#panel")
    panel.get_by_role("heading", name="Het Hogeland").wait_for(timeout=PAGE_TIMEOUT_MS)
    link = panel.get_by_role("link", name="Open de pagina")
    assert link.get_attribute("href") == "gemeente?gemeente=GM1966"
    link.click()
    arrive(page, r"/gemeente\?gemeente=GM1966")
    assert page.get_by_role("heading", name="Het Hogeland").count() >= 1


def test_network_preset_survives_navigation(tab):
    page, _ = tab.open("netwerk")
    page.get_by_text("Alles", exact=True).click()
    arrive(page, r"/netwerk\?(.*&)?preset=alles")
    page.locator('[data-testid="stSidebarNav"] a', has_text="Gemeenten").click()
    arrive(page, r"/gemeenten(\?|$)")
    page.locator('[data-testid="stSidebarNav"] a', has_text="Netwerk").click()
    arrive(page, r"/netwerk\?(.*&)?preset=alles")  # fails if it is lost
    assert page.get_by_role("radio", name="Alles").is_checked()


def search(page, term: str) -> None:
    box = page.get_by_label("Zoeken")
    box.fill(term)
    box.press("Enter")
    arrive(page, r"/zoeken\?")


def test_task_instruments_of_het_hogeland(tab, visitor):
    """One search and one click from the start page: Het Hogeland's instruments."""
    page, _ = tab.open("overzicht")
    search(page, "Het Hogeland")
    page.get_by_role("link", name="Het Hogeland", exact=True).first.click()
    arrive(page, r"/gemeente\?gemeente=GM1966")
    page.get_by_role("heading", name="Instrumenten in gebruik").wait_for()
    tables = page.evaluate("Array.from(document.querySelectorAll('[data-testid=stDataFrame]')).map(d => d.innerHTML)")
    assert any("Dorpsbudget" in table for table in tables)  # the grid is a canvas; its cells are in the DOM too
    assert_restores(visitor, page.url, "Het Hogeland")


def test_task_gemeenten_with_a_dorpsbudget_and_their_lessons(tab, visitor):
    page, _ = tab.open("overzicht")
    search(page, "dorpsbudget")
    page.get_by_role("link", name="Dorpsbudget / wijkbudget").first.click()
    arrive(page, r"/instrumenten\?instrument=dorpsbudget")
    where = page.get_by_role("heading", name=re.compile(r"^Waar in gebruik \(\d+\)$"))
    assert int(re.search(r"\d+", where.inner_text()).group()) >= 3
    assert page.get_by_role("heading", name="Lessen").count() == 1
    titles = page.get_by_role("link", name=re.compile("dorpsbudget", re.I))  # lesson titles
    titles.nth(2).wait_for(timeout=PAGE_TIMEOUT_MS)  # the lessons may come after the heading on a busy machine
    assert titles.count() >= 3
    assert_restores(visitor, page.url, re.compile(r"^Dorpsbudget"))  # the test store adds a second label


def test_task_a_host_for_trust_between_village_and_gemeente(tab, visitor):
    page, _ = tab.open("overzicht")
    search(page, "vertrouwen tussen dorp en gemeente")
    page.get_by_role("link", name="Vertrouwen", exact=True).first.click()
    arrive(page, r"/rode_draden\?draad=")
    page.get_by_role("heading", name=re.compile("gastgemeente voor een werkbezoek")).wait_for()
    hosts = page.locator("li a[href^='gemeente?gemeente=']")
    assert hosts.count() >= 2
    assert_restores(visitor, page.url, "Vertrouwen")


def test_task_evidence_of_the_top_thread(tab):
    """Two clicks: the menu, then the first thread."""
    page, _ = tab.open("overzicht")
    page.locator('[data-testid="stSidebarNav"] a', has_text="Rode draden").click()
    arrive(page, r"/rode_draden(\?|$)")
    page.get_by_text(re.compile(r"^1\. ")).first.click()
    lessons = page.locator('[data-testid="stExpander"] details[open] a[href^="lessen?les="]')
    lessons.first.wait_for(timeout=PAGE_TIMEOUT_MS)
    assert lessons.count() >= 1


def assert_restores(visitor, url: str, heading) -> None:
    """The copied URL opens the same view for another visitor (a new document in another browser context: no
    session, no cookies of the tab that made the URL)."""
    page, _ = visitor.load(url)
    exact = None if isinstance(heading, re.Pattern) else True
    page.get_by_role("heading", name=heading, exact=exact).first.wait_for(timeout=PAGE_TIMEOUT_MS)


@pytest.mark.parametrize("value", ["GM9999", "Onbestaand"])
def test_unknown_gemeente_says_so_and_offers_choices(tab, value):
    page, _ = tab.open("gemeente", query=f"gemeente={value}")
    assert page.get_by_text(f"Er is geen gemeente “{value}”").count() == 1
    assert page.locator('[data-testid="stMetric"]').count() == 0  # no profile of another gemeente
    assert page.get_by_label("Kies een gemeente").count() == 1


def test_gemeente_by_name_in_the_url(tab):
    page, _ = tab.open("gemeente", query="gemeente=Het%20Hogeland")
    page.wait_for_url(re.compile(r"gemeente=GM1966"), timeout=PAGE_TIMEOUT_MS)
    assert page.get_by_role("heading", name="Het Hogeland").count() == 1


def test_back_steps_through_views(tab):
    """Choosing another gemeente adds a history entry; Back shows the previous one again."""
    page, _ = tab.open("gemeente", query="gemeente=GM1966")
    page.get_by_role("combobox", name="Kies een gemeente").click()
    page.keyboard.type("Altena")
    page.keyboard.press("Enter")
    arrive(page, r"gemeente=GM1959")
    page.get_by_role("heading", name="Altena").wait_for()
    page.go_back()
    arrive(page, r"gemeente=GM1966")
    page.get_by_role("heading", name="Het Hogeland").wait_for(timeout=PAGE_TIMEOUT_MS)


def test_hostile_lesson_in_a_tooltip_is_text(tab):
    """Hover the lesson whose title is markup: the tooltip shows the characters, no element is made."""
    page, recorder = tab.open("netwerk", query="preset=alles&traject=mini&focus=les/mini-l5&hops=1")
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


def test_overzicht_map_has_province_outlines_and_a_point_opens_its_gemeente(tab):
    """The 12 province outlines are drawn under the points; a click on a coloured point opens that
    gemeente's page (the outlines do not catch the click)."""
    page, _ = tab.open("overzicht")
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.scroll_into_view_if_needed()
    assert chart.locator(".mark-shape path").count() == 12
    point = chart.locator(".mark-symbol.role-mark").last.locator("path").first  # the coloured points' layer
    name = re.search(r"naam: ([^;]+)", point.get_attribute("aria-label") or "").group(1)
    point.click(force=True)  # the svg, not the path, takes pointer events; the click lands on the point
    arrive(page, r"/gemeente\?gemeente=GM\d{4}")
    page.get_by_role("heading", name=name.strip(), exact=True).wait_for(timeout=PAGE_TIMEOUT_MS)


def open_sidebar(page) -> None:
    """The sidebar opened where it is collapsed (on a phone), as a visitor opens it: its button, then until it
    has slid in."""
    button = page.get_by_test_id("stExpandSidebarButton")
    if button.count() and button.is_visible():
        button.click()
        page.wait_for_function("() => { const r = document.querySelector('[data-testid=stSidebar]')"
                               ".getBoundingClientRect(); return r.x >= 0 && r.width > 0; }", timeout=PAGE_TIMEOUT_MS)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_language_switch_in_the_sidebar_holds_across_pages(browser, app_url, device):
    """A visitor switches to English in the sidebar (on a phone: opened first): the page, ``<html lang>`` and the
    address change, and the next page from the menu is English too; back to Dutch the same way."""
    with Tab(browser, app_url, device) as own:
        page, recorder = own.load(app_url + "/gemeenten")
        assert page.evaluate("document.documentElement.lang") == "nl"
        sidebar = page.locator('[data-testid="stSidebar"]')
        for lang, choice, heading, other, other_heading in (
                ("en", "English", "Municipalities", "Instruments", "Instruments"),
                ("nl", "Nederlands", "Instrumenten", "Gemeenten", "Gemeenten")):
            open_sidebar(page)
            sidebar.get_by_text(choice, exact=True).click()
            arrive(page, r"lang=en" if lang == "en" else r"^(?!.*lang=)")
            page.get_by_role("heading", name=heading, exact=True).wait_for(timeout=PAGE_TIMEOUT_MS)
            assert page.evaluate("document.documentElement.lang") == lang
            open_sidebar(page)
            sidebar.locator('[data-testid="stSidebarNav"] a', has_text=other).click()
            arrive(page, r"/(instrumenten|gemeenten)" + (r"\?(.*&)?lang=en" if lang == "en" else r"(?!.*lang=)"))
            page.get_by_role("heading", name=other_heading, exact=True).wait_for(timeout=PAGE_TIMEOUT_MS)
            assert page.evaluate("document.documentElement.lang") == lang
        assert recorder.errors == [] and recorder.dialogs == []
