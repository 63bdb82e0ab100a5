"""Every page of the app in Dutch and English on a desktop (1440x1000) in a real browser (tests/browser_app.py):
``<html lang>`` the chosen language, no exception, axe-core (vendored in tests/axe) finds no critical or serious
WCAG 2.1 A/AA violation (here in Dutch, on the phone in English: browser_app.AXE_ON), no request leaving 127.0.0.1,
no console error; a screenshot of each is kept under ``data/build/screenshots/`` (a CI artefact, git-ignored).
The phone is checked in tests/test_browser_pages_phone.py.
"""

from __future__ import annotations

import pytest

from browser_app import PAGE_CASE_IDS, PAGE_CASES, Tab, check_page

pytestmark = pytest.mark.chromium


@pytest.fixture(scope="module")
def tab(browser, app_url):
    with Tab(browser, app_url, "desktop", moves=True) as reused:
        yield reused


@pytest.mark.parametrize(("name", "lang"), PAGE_CASES, ids=PAGE_CASE_IDS)
def test_page_clean_local_accessible(tab, name, lang):
    check_page(tab, name, lang, "desktop")
