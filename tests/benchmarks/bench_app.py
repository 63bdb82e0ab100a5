"""Benchmark of the app: cold start, page render times, and the 2,000-node network.

Run: ``python tests/benchmarks/bench_app.py [--skip-browser] [--nodes 2000]``.

Prints (Markdown tables):
- cold start: ``kernen app`` until Streamlit answers, and until the first page has rendered in Chromium;
- render time of every page under AppTest, cold (empty caches) and warm, on the example data (a real
  ``build`` of reference + praktijk + the example trajectory) and on a synthetic trajectory with all
  342 gemeenten x 50 lessons (tests/benchmarks/bench_analysis.py);
- the network page's HTML for N nodes: size, time to make it, and time until Chromium has drawn it.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

import networkx as nx  # noqa: E402
import pyoxigraph as ox  # noqa: E402

from graph.netviz import NetEdge, NetNode, network_html  # noqa: E402

PAGES = ("overzicht", "netwerk", "gemeente", "instrumenten", "rode_draden", "sparql", "invoer")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def example_store(tmp: Path) -> str:
    from graph.build import build

    return build(store_dir=tmp / "example").store


def synthetic_store(tmp: Path, n: int = 342, lessons: int = 50) -> str:
    from bench_analysis import synthetic_quads

    path = tmp / f"synthetic-{n}"
    store = ox.Store(str(path))
    store.bulk_extend(synthetic_quads(n, lessons))
    store.flush()
    del store
    return str(path)


def render_times(store: str, *, lang: str = "nl") -> dict[str, tuple[float, float, bool]]:
    """Per page: (cold s, warm s, exception?) under AppTest."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["KERNEN_STORE"] = store
    st.cache_data.clear()
    st.cache_resource.clear()
    out = {}
    for name in PAGES:
        times = []
        failed = False
        for _ in range(2):
            at = AppTest.from_file(str(ROOT / "app" / "screens" / f"{name}.py"), default_timeout=300)
            at.query_params["lang"] = lang
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
            failed = failed or bool(at.exception)
        out[name] = (times[0], times[1], failed)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_browser(pw):
    return pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)


def cold_start(store: str) -> tuple[float, float]:
    """Seconds from ``kernen app`` to a healthy server, and to the first rendered page in Chromium."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "graph", "app", "--store", store, "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        healthy = time.perf_counter() - start
        with sync_playwright() as pw:
            browser = launch_browser(pw)
            page = browser.new_page()
            page.goto(url + "/")
            page.wait_for_selector("h1", timeout=120_000)
            page.wait_for_selector(READY, timeout=120_000)
            rendered = time.perf_counter() - start
            browser.close()
        return healthy, rendered
    finally:
        process.terminate()
        process.wait(timeout=10)


def big_network(n: int) -> tuple[list[NetNode], list[NetEdge]]:
    g = nx.barabasi_albert_graph(n, 2, seed=1)
    kinds = ("gemeente", "instrument", "thema", "vraagstuk", "les")
    nodes = [NetNode(f"n{i}", f"knoop {i}", kind=kinds[i % 5], title=f"knoop {i}\nmet bewijs") for i in g]
    edges = [NetEdge(f"n{a}", f"n{b}", title="bewijs") for a, b in g.edges]
    return nodes, edges


def network_figures(n: int, *, browser: bool) -> dict[str, float]:
    nodes, edges = big_network(n)
    start = time.perf_counter()
    html = network_html(nodes, edges)
    figures = {"nodes": n, "edges": len(edges), "html_bytes": len(html.encode()), "html_s": time.perf_counter() - start}
    if browser:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            b = launch_browser(pw)
            page = b.new_page(viewport={"width": 1200, "height": 800})
            start = time.perf_counter()
            page.set_content(html)
            page.wait_for_selector("body[data-drawn-nodes]", timeout=120_000)
            figures["draw_s"] = time.perf_counter() - start
            b.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-browser", action="store_true", help="no Chromium measurements")
    parser.add_argument("--nodes", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stores = {"voorbeeld (build)": example_store(Path(tmp)), "342 gemeenten x 50 lessen": synthetic_store(Path(tmp))}
        if not args.skip_browser:
            healthy, rendered = cold_start(stores["voorbeeld (build)"])
            print(f"\n| cold start | s |\n|---|---:|\n| server healthy | {healthy:.2f} |\n| first page rendered | {rendered:.2f} |")
        for label, store in stores.items():
            print(f"\n### {label}\n\n| page | cold s | warm s | exception |\n|---|---:|---:|---|")
            for name, (cold, warm, failed) in render_times(store).items():
                print(f"| {name} | {cold:.2f} | {warm:.2f} | {'JA' if failed else ''} |")
    f = network_figures(args.nodes, browser=not args.skip_browser)
    print(f"\n| network | value |\n|---|---:|\n| nodes / edges | {f['nodes']} / {f['edges']} |"
          f"\n| HTML | {f['html_bytes'] / 1e6:.2f} MB |\n| HTML made in | {f['html_s']:.2f} s |"
          + (f"\n| drawn in Chromium | {f['draw_s']:.2f} s |" if "draw_s" in f else ""))


if __name__ == "__main__":
    main()
