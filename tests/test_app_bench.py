"""The app benchmark's page renders (tests/benchmarks/bench_app.py), on the small app test store: every
page is timed, a user's gemeente is chosen, and a page that raises is reported, not hidden."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.pages import PAGES
from conftest import ROOT

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))

import bench_app  # noqa: E402


@pytest.fixture(scope="module")
def store_dir(app_store) -> Path:
    return app_store


@pytest.fixture(autouse=True)
def _cwd(monkeypatch, streamlit_components_scanned_once):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("KERNEN_ALLOW_UPLOAD", raising=False)


def test_page_params_pick_the_participant_with_most_kernen(store_dir):
    params = bench_app.page_params(store_dir)
    assert params["netwerk"] == params["rode_draden"] == {"traject": "mini"}
    assert params["gemeente"]["gemeente"].startswith("GM900")


@pytest.mark.slow  # every page, cold and warm
def test_every_page_is_timed_and_a_failing_page_is_reported(store_dir, monkeypatch):
    import graph.views

    def broken(store):
        raise RuntimeError("kapotte overzichtsquery")

    broken.__module__, broken.__qualname__ = "graph.views.overview", "overview"  # the app caches graph readers only
    monkeypatch.setattr(graph.views, "overview", broken)
    monkeypatch.setenv("KERNEN_APP_DISK_CACHE", "0")  # the real overview's result may be on disk already
    renders = bench_app.page_renders(store_dir, warm_runs=1)
    assert list(renders) == list(PAGES)
    assert all(r["cold_s"] > 0 and r["warm_s"] > 0 for r in renders.values())
    assert "kapotte overzichtsquery" in renders["overzicht"]["error"]
    assert not any("error" in r for page, r in renders.items() if page != "overzicht")
