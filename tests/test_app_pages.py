"""Every app page under Streamlit's AppTest, in Dutch and English, on a small hand-built store.

Checks: the page renders without an exception; filters change what is shown; the network HTML holds
the expected nodes and no markup from data; text from data (a hostile lesson) is shown as text.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from app_fixture import HOSTILE, write_store
from conftest import ROOT

PAGES = ("overzicht", "netwerk", "gemeente", "instrumenten", "rode_draden", "sparql", "invoer")
TIMEOUT_S = 60


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    return str(write_store(tmp_path_factory.mktemp("app") / "store"))


@pytest.fixture(autouse=True)
def _env(store_dir, monkeypatch):
    monkeypatch.setenv("KERNEN_STORE", store_dir)
    monkeypatch.delenv("KERNEN_ALLOW_UPLOAD", raising=False)
    monkeypatch.delenv("KERNEN_ADMIN_SECRET", raising=False)
    monkeypatch.chdir(ROOT)


def run_page(name: str, *, lang: str = "nl", **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app" / "pages" / f"{name}.py"), default_timeout=TIMEOUT_S)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def texts(at: AppTest) -> str:
    """Every text the page shows (markdown, captions, alerts, titles, metrics), one string."""
    parts = [e.value for kind in ("markdown", "caption", "title", "header", "subheader", "warning", "info",
                                  "error", "success", "text") for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


def iframes_html(at: AppTest) -> list[str]:
    """The HTML of every ``st.iframe`` on the page."""
    out = []
    for element in at.get("iframe"):
        proto = element.proto
        out.append(getattr(proto, "srcdoc", "") or getattr(proto, "src", ""))
    return out


def frames(at: AppTest) -> list:
    return list(at.dataframe)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders(page, lang):
    at = run_page(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]


def test_router_renders_default_page():
    at = AppTest.from_file(str(ROOT / "app" / "main.py"), default_timeout=TIMEOUT_S).run()
    assert not at.exception
    assert "Overzicht" in texts(at)


@pytest.mark.parametrize(("lang", "word"), [("nl", "Gemeenten"), ("en", "Municipalities")])
def test_overzicht_counts_in_language(lang, word):
    at = run_page("overzicht", lang=lang)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[word] == "4"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_overzicht_shows_fictief_banner(lang):
    at = run_page("overzicht", lang=lang)
    assert any(("fictief" in w.value) or ("fictitious" in w.value) for w in at.warning)


def test_hostile_text_never_becomes_markup():
    at = run_page("gemeente", gemeente="GM9001")
    for element in at.markdown:
        assert "<img" not in element.value.replace("\\<img", ""), element.value
    assert any("onerror" in str(frame.value.to_dict()) for frame in frames(at)) or "onerror" in texts(at)
