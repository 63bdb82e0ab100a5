"""The lesson-text panel on the Rode draden page (possible new rode draden), in Dutch and English."""

from __future__ import annotations

import pytest
from test_app_pages import run_page, texts


@pytest.fixture(autouse=True)
def _env(app_store, monkeypatch):
    from conftest import ROOT

    monkeypatch.setenv("KERNEN_STORE", str(app_store))
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("lang, title", [("nl", "Mogelijke nieuwe rode draden"), ("en", "Possible new common threads")])
def test_rode_draden_shows_the_new_threads_panel(lang, title):
    at = run_page("rode_draden", lang=lang)
    assert not at.exception
    assert title in [s.value for s in at.subheader]
    assert "{k}" not in texts(at)


@pytest.mark.slow  # the store of the whole bundled data (built once per run)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_new_thread_lists_its_lessons_by_title_as_links(real_store, monkeypatch, lang):
    monkeypatch.setenv("KERNEN_STORE", str(real_store))
    at = run_page("rode_draden", lang=lang)
    assert not at.exception
    lists = [m.value for m in at.markdown if m.value.startswith("- [")]
    lines = [line for value in lists for line in value.splitlines()]
    assert lines, "the bundled data has proposals, each with its lessons"
    assert all("](lessen?" in line for line in lines), lines[:3]
    assert not any(line.startswith("- [les/") for line in lines), "lessons by title, not by key"
