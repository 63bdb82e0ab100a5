"""Benchmark of the app: cold start, page render times, and the 2,000-node network.

Run: ``python tests/benchmarks/bench_app.py [--skip-browser] [--nodes 2000] [--store DIR ...]``; with
``--store`` only the search and page figures of those built stores. ``page_renders(store_dir)`` is what
tests/benchmarks/run.py calls per size.

Prints (Markdown tables):
- cold start: ``kernen app`` until Streamlit answers, and until the first page has rendered in Chromium;
- search: building the index, and each query;
- every page under AppTest, on the example data (a real ``build`` of reference + praktijk + the example
  trajectory) and on a build of a synthetic trajectory with all 342 gemeenten x 50 lessons
  (tests/benchmarks/synthetic.py), three ways: the first visit after a build with nothing computed in
  advance (no disk cache), the first visit in a new server process after ``app.warm`` has filled the disk
  cache (what ``kernen app`` does before it serves), and warm (median of 3); the warm-up's own time;
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

from app.pages import PAGES  # noqa: E402
from graph.views.netviz import NetEdge, NetNode, network_html  # noqa: E402

RENDER_TIMEOUT_S = 300
WARM_RUNS = 3
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def example_store(tmp: Path) -> str:
    from graph.build import build

    return build(store_dir=tmp / "example").store


def synthetic_store(tmp: Path, n: int = 342, lessons: int = 50) -> str:
    """A real ``build`` of a synthetic trajectory of ``n`` gemeenten (tests/benchmarks/synthetic.py)."""
    import synthetic
    from graph.build import build

    data = synthetic.data_dir(n, tmp / f"data-{n}")
    yaml_path = synthetic.write_trajectory(tmp / f"traject-{n}x{lessons}.yaml", n, lessons=lessons, traject="voorbeeld")
    return build([yaml_path], store_dir=tmp / f"synthetic-{n}x{lessons}", data_dir=data).store


Q_BUSIEST = """
SELECT ?code (COUNT(DISTINCT ?k) AS ?n) WHERE {
  ?d a kd:Deelname ; kd:gemeente ?g ; kd:traject ?t . ?g kd:code ?code .
  OPTIONAL { ?k a kd:Kern ; kd:gemeente ?g } } GROUP BY ?code ORDER BY DESC(?n) ?code LIMIT 1"""


def page_params(store_dir: Path) -> dict[str, dict[str, str]]:
    """Per page, the URL parameters a user would set: the first trajectory, and on the gemeente page the
    participant of that trajectory with the most kernen (the largest profile), as the worst usual case."""
    from graph import views
    from graph.namespace import iri
    from graph.store import open_store

    store = open_store(store_dir)
    trajecten = views.trajecten(store)
    if not trajecten:
        return {}
    slug = trajecten[0].slug
    rows = list(store.query(Q_BUSIEST, bindings={"t": iri("traject", slug)}).records())
    gemeente = {"gemeente": str(rows[0]["code"])} if rows else {}
    pair = {"a": gemeente["gemeente"]} if gemeente else {}
    return {"netwerk": {"traject": slug}, "rode_draden": {"traject": slug}, "gemeente": gemeente,
            "vergelijk": pair, "zoeken": {"zoekterm": SEARCHES[0]}}


SEARCHES = ("dorp", "Het Hogeland", "vertrouwen tussen dorp en gemeente", "dorpsbudget", "xyz")


def search_times(store_dir: Path, *, runs: int = 5) -> dict[str, float]:
    """Milliseconds to build the search index once, and per query (median of ``runs``) on the built store."""
    import statistics

    from graph import views
    from graph.store import open_store
    from graph.views import search

    store = open_store(store_dir)
    start = time.perf_counter()
    index = search.prepare(views.search_index(store))
    out = {"index (once per build)": (time.perf_counter() - start) * 1000, "entries": len(index)}
    for query in SEARCHES:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            search.find(index, query)
            times.append((time.perf_counter() - start) * 1000)
        out[query] = statistics.median(times)
    return out


def print_search(label: str, figures: dict[str, float]) -> None:
    print(f"\n### search, {label}\n\n| query | ms |\n|---|---:|")
    for query, ms in figures.items():
        print(f"| {query} | {ms:.1f} |" if query != "entries" else f"| {query} (count) | {int(ms)} |")


def _render(page: str, params: dict[str, str], lang: str) -> tuple[float, str]:
    """Seconds for one render of ``page`` in a new session, and the page's exceptions ("" for none)."""
    seconds, _, problem = _render_cpu(page, params, lang)
    return seconds, problem


def _render_cpu(page: str, params: dict[str, str], lang: str) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of this process (every thread) and exceptions of one render."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app" / "screens" / f"{page}.py"), default_timeout=RENDER_TIMEOUT_S)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    start, cpu = time.perf_counter(), time.process_time()
    try:
        at.run()
    except Exception as exc:  # AppTest raises on a timeout; the figure is then the time until then
        return time.perf_counter() - start, time.process_time() - cpu, f"{type(exc).__name__}: {exc}"
    return (time.perf_counter() - start, time.process_time() - cpu,
            "; ".join(str(e.value) for e in at.exception))


def _warm_up_runtime() -> None:
    """Import what the pages import and start AppTest once, so no page's cold figure holds one-off
    process start-up (imports, Streamlit's runtime)."""
    import importlib

    from streamlit.testing.v1 import AppTest

    for module in ("app.cache", "app.charts", "app.ui", "graph.analysis", "graph.views", "graph.views.netselect",
                   "graph.views.netviz", "graph.sparql", "graph.summaries", "graph.ingest"):
        importlib.import_module(module)
    AppTest.from_string("import streamlit as st\nst.write(1)").run()


def page_renders(store_dir: Path, *, lang: str = "nl", warm_runs: int = WARM_RUNS) -> dict[str, dict[str, float | str]]:
    """Render time of every app page under AppTest on the built store at ``store_dir``, keyed by page id.

    Per page: ``cold_s``, the first render after Streamlit's caches are emptied (data and resources,
    the store included; Python modules already imported; what is in the store's disk cache is read
    back: a new server process, which starts a query worker after the first page as ``app/main.py``
    does), ``cold_cpu_s`` its CPU time, and ``warm_s``, the median of ``warm_runs``
    renders after one warm-up render; each render is a new session (a new visitor). A page that raises
    gets ``"error"`` with the messages (its times are still given; the app's redaction of error details
    is lifted while measuring).
    """
    import statistics

    import streamlit as st
    from streamlit import config

    params = page_params(Path(store_dir))
    _warm_up_runtime()
    before = os.environ.get("KERNEN_STORE"), config.get_option("client.showErrorDetails")
    os.environ["KERNEN_STORE"] = str(store_dir)
    config.set_option("client.showErrorDetails", "full")
    out: dict[str, dict[str, float | str]] = {}
    try:
        for page in PAGES:
            st.cache_data.clear()
            st.cache_resource.clear()
            cold, cold_cpu, error = _render_cpu(page, params.get(page, {}), lang)
            if page == PAGES[0]:  # as app/main.py does after a visitor's first page
                from graph.sparql import start_worker

                start_worker(str(store_dir))
            _render(page, params.get(page, {}), lang)
            warm = []
            for _ in range(warm_runs):
                seconds, problem = _render(page, params.get(page, {}), lang)
                warm.append(seconds)
                error = error or problem
            out[page] = {"cold_s": round(cold, 3), "cold_cpu_s": round(cold_cpu, 3),
                         "warm_s": round(statistics.median(warm), 3)}
            if error:
                out[page]["error"] = error
    finally:
        if before[0] is None:
            os.environ.pop("KERNEN_STORE", None)
        else:
            os.environ["KERNEN_STORE"] = before[0]
        config.set_option("client.showErrorDetails", before[1])
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
    parser.add_argument("--store", action="append", type=Path, default=[],
                        help="only the search and page figures of this built store (repeatable)")
    args = parser.parse_args()
    from bench_app_cold import BROWSER_PATHS, browser_pages, first_visits, other_views, print_cold, warm_up

    if args.store:
        for store in args.store:
            print_search(str(store), search_times(store))
            first = first_visits(store)
            print_cold(str(store), first, warm_up(store), page_renders(store))
            print("\n| after the first view (new process, after the warm-up) | wall s | CPU s | exception |\n|---|---:|---:|---|")
            for label, f in other_views(store).items():
                print(f"| {label} | {f['s']:.2f} | {f['cpu_s']:.2f} | {f.get('error', '')} |")
            if not args.skip_browser:
                print("\n| in Chromium (`kernen app`) | first visit s | second visit s |\n|---|---:|---:|")
                for path, (first_s, second_s) in browser_pages(str(store), BROWSER_PATHS).items():
                    print(f"| {path} | {first_s:.2f} | {second_s:.2f} |")
        return
    with tempfile.TemporaryDirectory() as tmp:
        stores = {"voorbeeld (build)": example_store(Path(tmp)), "342 gemeenten x 50 lessen": synthetic_store(Path(tmp))}
        if not args.skip_browser:
            healthy, rendered = cold_start(stores["voorbeeld (build)"])
            print(f"\n| cold start | s |\n|---|---:|\n| server healthy | {healthy:.2f} |\n| first page rendered | {rendered:.2f} |")
        for label, store in stores.items():
            print_search(label, search_times(Path(store)))
            first = first_visits(Path(store))
            print_cold(label, first, warm_up(Path(store)), page_renders(Path(store)))
    f = network_figures(args.nodes, browser=not args.skip_browser)
    print(f"\n| network | value |\n|---|---:|\n| nodes / edges | {f['nodes']} / {f['edges']} |"
          f"\n| HTML | {f['html_bytes'] / 1e6:.2f} MB |\n| HTML made in | {f['html_s']:.2f} s |"
          + (f"\n| drawn in Chromium | {f['draw_s']:.2f} s |" if "draw_s" in f else ""))


if __name__ == "__main__":
    main()
