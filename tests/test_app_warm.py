"""app.warm: the first view of every page is computed once per build, before any visitor comes: after a
warm-up no page computes anything on its first view, in Dutch or English, and a second warm-up finds
everything there."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app import disk_cache, warm
from app.pages import PAGES
from app_fixture import app_quads
from conftest import ROOT


@pytest.fixture(scope="module")
def store_dir(app_store) -> str:
    return str(app_store)


@pytest.fixture(autouse=True)
def _env(store_dir, monkeypatch, streamlit_components_scanned_once):
    monkeypatch.setenv("KERNEN_STORE", store_dir)
    monkeypatch.delenv("KERNEN_ALLOW_UPLOAD", raising=False)
    monkeypatch.delenv("KERNEN_APP_DISK_CACHE", raising=False)
    monkeypatch.chdir(ROOT)


def _computed_by_pages(monkeypatch, lang: str) -> list[str]:
    """The keys the pages compute on their first view (nothing found on disk)."""
    computed: list[str] = []
    real = disk_cache.cached

    def counting(where, key, compute):
        return real(where, key, lambda: computed.append(key) or compute())

    monkeypatch.setattr(disk_cache, "cached", counting)
    for page in PAGES:
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "app" / "screens" / f"{page}.py"), default_timeout=60)
        at.query_params["lang"] = lang
        at.run()
        assert not at.exception, (page, [e.value for e in at.exception])
    return computed


@pytest.mark.slow  # every page twice
def test_after_a_warm_up_no_page_computes_on_its_first_view(store_dir, monkeypatch):
    first = warm.warm(store_dir)
    assert first.computed > 20 and first.present == 0
    for lang in ("nl", "en"):
        assert _computed_by_pages(monkeypatch, lang) == []
    again = warm.warm(store_dir)
    assert again.computed == 0 and again.present > 0


def test_without_a_warm_up_the_pages_compute_their_first_view(store_dir, monkeypatch, disk_store):
    fresh = str(disk_store(app_quads(), "fresh"))
    monkeypatch.setenv("KERNEN_STORE", fresh)
    computed = _computed_by_pages(monkeypatch, "nl")
    assert any(key.startswith("shared:graph.analysis.load:project") for key in computed)
    assert not any(key.startswith("search:") for key in computed)  # no search before a search term


def test_switched_off_a_warm_up_does_nothing(store_dir, monkeypatch):
    monkeypatch.setenv("KERNEN_APP_DISK_CACHE", "0")
    assert warm.warm(store_dir) == warm.Warmed()


def test_the_cli_warms_a_store_and_says_so(disk_store, capsys):
    from graph.cli.serve import warm_app

    fresh = str(disk_store(app_quads(), "fresh"))
    warm_app(fresh)
    warm_app(fresh)
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("app: eerste weergaven klaar")]
    assert len(lines) == 2 and "(0 berekend" in lines[1] and "(0 berekend" not in lines[0]


def test_the_network_presets_find_their_layouts_made_in_advance(disk_store, monkeypatch):
    from app.defaults import NETWORK_PRESETS
    from graph.views import netviz

    monkeypatch.setattr(netviz, "PHYSICS_MAX_NODES", 0)  # lay out even the small test networks here
    fresh = str(disk_store(app_quads(), "layouts"))
    monkeypatch.setenv("KERNEN_STORE", fresh)
    warm.warm(fresh, langs=("nl",))
    computed: list[str] = []
    real = disk_cache.cached
    monkeypatch.setattr(disk_cache, "cached", lambda where, key, compute: real(
        where, key, lambda: computed.append(key) or compute()))
    for preset in NETWORK_PRESETS:
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "app" / "screens" / "netwerk.py"), default_timeout=60)
        at.query_params["preset"] = preset
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    assert not [key for key in computed if key.startswith("layout:")]
    assert len(list(disk_cache.folder(fresh).glob("*.pickle"))) > 0
