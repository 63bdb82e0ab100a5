"""Interrupted builds: SIGKILL a build at random moments; the store is then the previous
one or the new one, never a mix, and opens and answers queries.

``KERNEN_KILL_ROUNDS`` sets the number of kills (default 5).
"""

from __future__ import annotations

import gc
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from graph.sparql import run_safe
from graph.sparql.pool import close_default_pool
from graph.store import open_store
from graph.store.versions import remove_leftovers

pytestmark = pytest.mark.slow  # kills builds at random moments, for seconds

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("KERNEN_KILL_ROUNDS", "5"))
N = 30_000  # quads per build: long enough (about a second) to be killed in the middle

BUILD = textwrap.dedent(f"""
    import sys
    import pyoxigraph as ox
    from graph.build import Source, build
    from graph.namespace import G_REFERENCE, iri
    label, store = sys.argv[1], sys.argv[2]
    p = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    quads = [ox.Quad(ox.NamedNode(iri("gemeente", f"GM{{i:05d}}")), p, ox.Literal(label), ox.NamedNode(str(G_REFERENCE)))
             for i in range({N})]
    build(store_dir=store, sources=[Source("referentie", G_REFERENCE, lambda: quads, "test")], validate=False)
""")


def _build(store: Path, label: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", BUILD, label, str(store)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(("store.", ".store.v")))


def _state(store: Path) -> dict[str, int]:
    """Label -> count of every rdfs:label in the store (one label with N quads when whole)."""
    st = open_store(str(store), memory_copy=False)  # no background copy holding the version after we return
    try:
        rows = st.query("SELECT ?l (COUNT(*) AS ?n) WHERE { ?s rdfs:label ?l } GROUP BY ?l").rows
    finally:
        st.close()
    return {str(getattr(l, "value", l)): int(getattr(n, "value", n)) for l, n in rows}


@pytest.mark.timeout(120)
def test_sigkill_at_random_moments(tmp_path):
    store = tmp_path / "store"
    assert _build(store, "v0").wait(timeout=60) == 0
    start = time.monotonic()
    assert _build(store, "timing").wait(timeout=60) == 0
    duration = time.monotonic() - start
    rng = random.Random(9)
    outcomes = []
    for round_ in range(ROUNDS):
        before = _state(store)
        label = f"v{round_ + 1}"
        child = _build(store, label)
        time.sleep(rng.uniform(0.05, duration))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        after = _state(store)
        assert after in (before, {label: N}), (round_, after)  # the previous one or the new one, never a mix
        assert run_safe("ASK { ?s rdfs:label ?l }", store=str(store)).boolean is True
        outcomes.append("new" if after == {label: N} else "previous")
    close_default_pool()  # its workers read the versions of the rounds: readers keep a version until they stop
    gc.collect()
    assert _build(store, "final").wait(timeout=60) == 0  # a build after the kills cleans up and succeeds
    current = store.resolve().name
    killed = [n for n in _leftovers(tmp_path) if ".partial-" in n or n.endswith(".trash")]
    assert killed == [], killed  # what the killed builds and removals left, the final build removed
    deadline = time.monotonic() + 15  # the pool's workers may take a moment to let their versions go
    while (left := _leftovers(tmp_path)) != [current] and time.monotonic() < deadline:
        time.sleep(0.2)
        remove_leftovers(store)  # what the next build does first
    held = [n for n in left if n != current]
    assert len(held) <= 2, held  # old versions go once no reader holds them
    assert _state(store) == {"final": N}
    print("kill outcomes:", outcomes)
