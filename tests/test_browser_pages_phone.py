"""Every page of the app in Dutch and English on a phone (390x844) in a real browser (tests/browser_app.py):
``<html lang>`` the chosen language, no exception, axe-core (vendored in tests/axe) finds no critical or serious
WCAG 2.1 A/AA violation (here in English, on the desktop in Dutch: browser_app.AXE_ON), no request leaving
127.0.0.1, no console error, and every chart has a plot area large enough to read; a screenshot of each is kept
under ``data/build/screenshots/`` (a CI artefact, git-ignored). The desktop is checked in
tests/test_browser_pages_desktop.py.
"""

from __future__ import annotations

import pytest

from browser_app import PAGE_CASE_IDS, PAGE_CASES, Tab, check_page

pytestmark = pytest.mark.chromium


@pytest.fixture(scope="module")
def tab(browser, app_url):
    with Tab(browser, app_url, "phone", moves=True) as reused:
        yield reused


@pytest.mark.parametrize(("name", "lang"), PAGE_CASES, ids=PAGE_CASE_IDS)
def test_page_clean_local_accessible(tab, name, lang):
    check_page(tab, name, lang, "phone")
