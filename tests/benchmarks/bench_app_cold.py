"""The app's first visits at scale, for tests/benchmarks/bench_app.py: every page with nothing computed in
advance, the warm-up (``app.warm``) on its own, the views after a page's first one, and pages in Chromium
under ``kernen app``. Run through ``python tests/benchmarks/bench_app.py [--store DIR]``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench_app import (PAGES, READY, ROOT, SEARCHES, _render_cpu, _warm_up_runtime, free_port, launch_browser,
                       page_params)


def first_visits(store_dir: Path, *, lang: str = "nl") -> dict[str, dict[str, float | str]]:
    """Per page, the first visit after a build when nothing was computed in advance: Streamlit's caches
    emptied and no disk cache (``KERNEN_APP_DISK_CACHE=0``), so the page computes all it shows; wall and
    CPU seconds (``first_s``, ``first_cpu_s``). Pages are measured one after another in this process."""
    import streamlit as st

    params = page_params(Path(store_dir))
    _warm_up_runtime()
    saved = {name: os.environ.get(name) for name in ("KERNEN_STORE", "KERNEN_APP_DISK_CACHE")}
    os.environ.update({"KERNEN_STORE": str(store_dir), "KERNEN_APP_DISK_CACHE": "0"})
    out: dict[str, dict[str, float | str]] = {}
    try:
        for page in PAGES:
            st.cache_data.clear()
            st.cache_resource.clear()
            seconds, cpu, error = _render_cpu(page, params.get(page, {}), lang)
            out[page] = {"first_s": round(seconds, 3), "first_cpu_s": round(cpu, 3), **({"error": error} if error else {})}
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return out


def warm_up(store_dir: Path) -> dict[str, float]:
    """``python -m app.warm`` (what ``kernen app`` runs before it serves) in a new process on an empty
    disk cache: wall and CPU seconds (its own and its children's)."""
    import resource
    import shutil

    from app import disk_cache

    shutil.rmtree(Path(store_dir).parent / (Path(store_dir).name + disk_cache.SUFFIX), ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app.warm", str(store_dir)], cwd=ROOT, check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall_s": time.perf_counter() - start,
            "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)}


def print_cold(label: str, first: dict, warmed: dict[str, float], renders: dict) -> None:
    """One table per store: first visit without and with the warm-up, and warm."""
    print(f"\n### {label}\n\nwarm-up (`python -m app.warm`, new process, empty disk cache): "
          f"{warmed['wall_s']:.1f} s wall, {warmed['cpu_s']:.1f} s CPU\n")
    print("| page | first visit, nothing computed: wall s | CPU s | new process after the warm-up: wall s | CPU s "
          "| warm s | exception |\n|---|---:|---:|---:|---:|---:|---|")
    for name, f in renders.items():
        before = first.get(name, {})
        error = "; ".join(x for x in (before.get("error", ""), f.get("error", "")) if x)
        print(f"| {name} | {before.get('first_s', 0):.2f} | {before.get('first_cpu_s', 0):.2f} | {f['cold_s']:.2f} "
              f"| {f['cold_cpu_s']:.2f} | {f['warm_s']:.2f} | {error} |")


def other_views(store_dir: Path, *, lang: str = "nl") -> dict[str, dict[str, float | str]]:
    """Views a visitor reaches after a page's first view (another gemeente, another minimum, a lesson's or an
    instrument's page, the largest network, a search), each rendered once in this process after the caches
    were emptied, reading what the disk cache holds: wall and CPU seconds."""
    import streamlit as st

    from graph import views
    from graph.store import open_store

    store = open_store(store_dir)
    params = page_params(Path(store_dir))
    codes = [code for code, _ in views.gemeenten(store)]
    lessons = views.lessons(store)
    busiest = max(views.instruments(store), key=lambda i: i.gemeenten, default=None)
    slug = params.get("rode_draden", {}).get("traject", "")
    cases = {
        "gemeente (another)": ("gemeente", {"gemeente": codes[len(codes) // 2]} if codes else {}),
        "vergelijk (another pair)": ("vergelijk", {"a": codes[1], "b": codes[-1]} if len(codes) > 1 else {}),
        "rode_draden k=5": ("rode_draden", {"traject": slug, "k": "5"}),
        "rode_draden groups 3-8": ("rode_draden", {"traject": slug, "lo": "3", "hi": "8"}),
        "lessen ?les=": ("lessen", {"les": lessons[len(lessons) // 2].key} if lessons else {}),
        "instrumenten ?instrument= (most used)": ("instrumenten",
                                                  {"instrument": busiest.key.split("/", 1)[-1]} if busiest else {}),
        "netwerk preset alles": ("netwerk", {"traject": slug, "preset": "alles"}),
        "zoeken (another term)": ("zoeken", {"zoekterm": SEARCHES[2]}),
    }
    _warm_up_runtime()
    saved = os.environ.get("KERNEN_STORE")
    os.environ["KERNEN_STORE"] = str(store_dir)
    st.cache_data.clear()
    st.cache_resource.clear()
    out: dict[str, dict[str, float | str]] = {}
    try:
        for label, (page, view) in cases.items():
            seconds, cpu, error = _render_cpu(page, view, lang)
            out[label] = {"s": round(seconds, 3), "cpu_s": round(cpu, 3), **({"error": error} if error else {})}
    finally:
        if saved is None:
            os.environ.pop("KERNEN_STORE", None)
        else:
            os.environ["KERNEN_STORE"] = saved
    return out


def browser_pages(store: str, paths: list[str]) -> dict[str, tuple[float, float]]:
    """``kernen app`` on ``store`` (its warm-up included), then per path in Chromium: seconds until
    Streamlit has finished the page opened by URL after the start page, first and second visit."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "graph", "app", "--store", store, "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    url = f"http://127.0.0.1:{port}"
    out: dict[str, tuple[float, float]] = {}
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as pw:
            browser = launch_browser(pw)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.goto(url + "/")
            page.wait_for_selector(READY, timeout=120_000)
            for path in paths:
                times = []
                for _ in range(2):
                    start = time.perf_counter()
                    page.goto(f"{url}/{path}")
                    page.wait_for_timeout(300)  # the run starts after the page has loaded
                    page.wait_for_selector(READY, timeout=180_000)
                    times.append(time.perf_counter() - start)
                out[path] = (times[0], times[1])
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
    return out


BROWSER_PATHS = ["overzicht", "zoeken?zoekterm=dorp", "gemeente", "lessen", "rode_draden", "netwerk"]
