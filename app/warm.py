"""Compute what the app's pages show on their first view, once per store build, into the disk cache
(:mod:`app.disk_cache`), so no visitor waits for it: ``kernen app`` runs this before the server starts
(``python -m app.warm [STORE]`` runs it alone).

The first view of a page is what it shows before the visitor changes anything: every trajectory (and
all of them together) on Rode draden and Netwerk, the first participant on Gemeente and Vergelijk, every
lesson on Lessen, the search index, in Dutch and English. The keys are the ones :mod:`app.cache` uses,
so a page finds these results as if it had computed them itself; tests/test_app_warm.py renders every
page after a warm-up and checks that none of them computes anything. What a visitor chooses after that
(another gemeente, another minimum number of gemeenten) is computed on demand and then kept.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app import disk_cache
from app.defaults import COMPARE_TOP, GROUP_SIZE, NETWORK_PRESETS, SEARCH_K, SIMILAR_TOP, THREADS_K
from app.i18n import LANGS


@dataclass
class Warmed:
    """What a warm-up did: results computed, results already on disk, seconds."""

    computed: int = 0
    present: int = 0
    seconds: float = 0.0


def _name(reader: Callable) -> str:
    return f"{reader.__module__}:{reader.__qualname__}"


class _Warmer:
    def __init__(self, where: str, store: Any) -> None:
        self.where, self.store, self.done = where, store, Warmed()
        self._projections: dict[str | None, Any] = {}
        self._seen: set[str] = set()

    def _keep(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self._seen:
            self._seen.add(key)
            if disk_cache.has(self.where, key):
                self.done.present += 1
            else:
                self.done.computed += 1
        return disk_cache.cached(self.where, key, compute)

    def call(self, reader: Callable, **options: Any) -> Any:
        frozen = disk_cache.freeze(options)
        return self._keep(disk_cache.call_key(_name(reader), frozen), lambda: reader(self.store, **options))

    def projection(self, traject: str | None) -> Any:
        from graph.analysis import project

        if traject not in self._projections:
            frozen = disk_cache.freeze({"traject": traject})
            self._projections[traject] = self._keep(disk_cache.shared_key(_name(project), frozen),
                                                    lambda: project(self.store, traject=traject))
        return self._projections[traject]

    def on_projection(self, reader: Callable, *, traject: str | None = None, **options: Any) -> Any:
        frozen = disk_cache.freeze(options)
        return self._keep(disk_cache.projection_key(traject, _name(reader), frozen),
                          lambda: reader(self.projection(traject), **options))


def _store_wide(w: _Warmer, slugs: list[str], lang: str) -> None:
    from graph import analysis, views
    from graph.views import search

    w.call(views.trajecten)
    w.call(views.overview)
    w.call(views.gemeenten)
    w.call(views.gemeente_rows)
    for reader in (views.instruments, views.ladder, views.lessons):
        w.call(reader, lang=lang)
    w.call(views.map_points, lang=lang, all_gemeenten=True)
    for kind in ("Thema", "Instrument"):
        w.call(views.concepts, kind=kind, lang=lang)
    for slug in slugs:
        w.call(views.meetings, traject=slug, lang=lang)
    entries = w.call(views.search_index, lang=lang)
    w._keep(disk_cache.search_key(lang, SEARCH_K), lambda: search.prepare(search.with_threads(
        entries, w.on_projection(analysis.threads, k=SEARCH_K), lang=lang)))


def _per_scope(w: _Warmer, scope: str | None) -> None:
    from graph import analysis
    from graph.analysis.similarity import similarity_graph
    from graph.text import proposals_report

    w.on_projection(analysis.threads, traject=scope, k=THREADS_K)
    w.on_projection(analysis.learning_groups, traject=scope, size=GROUP_SIZE)
    w.on_projection(analysis.learning_groups, traject=scope)
    w.on_projection(similarity_graph, traject=scope)
    w.on_projection(analysis.bridges, traject=scope)
    w.on_projection(analysis.changes, traject=scope)
    w.call(proposals_report.store_counted, traject=scope)


def _network_layouts(w: _Warmer, scope: str | None) -> None:
    """The layout of each Netwerk preset's first view (the nodes and edges do not depend on the language)."""
    from graph.analysis.similarity import similarity_graph
    from graph.views import netselect, netviz

    graph = w.projection(scope).graph
    for preset, (kinds, _) in NETWORK_PRESETS.items():
        base = graph
        if preset == "leergroepen":
            base = netselect.gemeente_graph(w.on_projection(similarity_graph, traject=scope), graph)
        drawn = netselect.most_connected(netselect.select(base, kinds=kinds), netselect.MAX_DRAWN_NODES)
        styled = netselect.to_network(drawn)
        if len(styled.nodes) > netviz.PHYSICS_MAX_NODES:
            w._keep(disk_cache.layout_key(netviz.layout_key(styled.nodes, styled.edges)),
                    lambda: netviz.compute_layout(styled.nodes, styled.edges))


def _first_gemeenten(w: _Warmer, langs: tuple[str, ...]) -> None:
    """The Gemeente page of the first participant and the Vergelijk page of the first two."""
    from graph import analysis, views

    codes = [code for code, _ in w.call(views.gemeenten)]
    if not codes:
        return
    deelnemers = list(w.projection(None).deelnemers)
    first = deelnemers[0] if deelnemers else codes[0]
    second = next((c for c in [*deelnemers[1:], *codes] if c != first), None)
    w.on_projection(analysis.hosts)
    w.on_projection(analysis.similar, code=first, top=SIMILAR_TOP)
    w.on_projection(analysis.similar, code=first, top=COMPARE_TOP)
    for code in filter(None, (first, second)):
        w.call(views.profile, code=code)
        for lang in langs:
            w.call(views.uses, gemeente=code, lang=lang)
    w.call(views.work, code=first)
    for lang in langs:
        w.call(views.facts, gemeente=first, lang=lang)
        w.call(views.achieved, code=first, lang=lang)
        w.call(views.lessons, gemeente=first, lang=lang)


def warm(where: str, *, langs: tuple[str, ...] = LANGS) -> Warmed:
    """Compute every first-view result of the store at ``where`` that its disk cache lacks."""
    from graph import views
    from graph.store import open_store

    start = time.perf_counter()
    if disk_cache.folder(where) is None:  # remote store, or the disk cache is switched off
        return Warmed()
    done_key = f"warm:complete:{','.join(langs)}"
    if disk_cache.has(where, done_key):  # this build was readied before: nothing to open or check
        return Warmed(present=disk_cache.cached(where, done_key, lambda: 0), seconds=time.perf_counter() - start)
    w = _Warmer(where, open_store(where))
    slugs = [tr.slug for tr in w.call(views.trajecten)]
    for scope in [None, *slugs]:
        _per_scope(w, scope)
        _network_layouts(w, scope)
    for lang in langs:
        _store_wide(w, slugs, lang)
    _first_gemeenten(w, langs)
    total = w.done.computed + w.done.present
    disk_cache.cached(where, done_key, lambda: total)
    w.done.seconds = time.perf_counter() - start
    return w.done


def main(argv: list[str] | None = None) -> int:
    from graph.settings import load_settings

    args = sys.argv[1:] if argv is None else argv
    where = args[0] if args else load_settings().store
    done = warm(where)
    print(f"app-cache: {done.computed} results computed, {done.present} already there, "
          f"{done.seconds:.1f} s ({where})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
