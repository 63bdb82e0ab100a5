"""Interrupted builds: SIGKILL a build in every phase of its run; the store is then the previous
one or the new one, never a mix, and opens and answers queries.

Each build reports each phase as it begins (start-up, the set-up under the build lock, each build step,
the exit). A first replacing build gives how long each lasts; a build is then killed in the middle of each
phase in turn, timed from the moment it began that phase (and once more at its beginning if the kill
landed in a later one). ``KERNEN_KILL_ROUNDS`` adds that many kills at random moments (default 0).
"""

from __future__ import annotations

import gc
import itertools
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
ROUNDS = int(os.environ.get("KERNEN_KILL_ROUNDS", "0"))
N = 30_000  # quads per build: each phase long enough (tens of milliseconds or more) to be killed in the middle

BUILD = textwrap.dedent(f"""
    import sys
    import time
    import pyoxigraph as ox
    from graph.build import Source, build
    from graph.namespace import G_REFERENCE, iri
    label, store = sys.argv[1], sys.argv[2]
    p = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    quads = [ox.Quad(ox.NamedNode(iri("gemeente", f"GM{{i:05d}}")), p, ox.Literal(label), ox.NamedNode(str(G_REFERENCE)))
             for i in range({N})]
    def phase(name, *_):  # when it begins, on the clock the parent reads too
        print(time.monotonic(), name, flush=True)
    phase("ready")
    sys.stdin.readline()  # started, imported and with its quads, it waits to be told to build
    phase("set-up")
    build(store_dir=store, sources=[Source("referentie", G_REFERENCE, lambda: quads, "test")], validate=False,
          progress=phase)
    phase("exit")
""")


class Build:
    """A build process that starts up, then waits to be told to build; it reports each phase as it begins."""

    def __init__(self, store: Path, label: str):
        self.label, self.spawned, self.ready, self.phase = label, time.monotonic(), None, "start-up"
        self.process = subprocess.Popen([sys.executable, "-c", BUILD, label, str(store)], cwd=ROOT,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        text=True)

    def go(self) -> float:
        """Tell it to build once it is ready; the moment it was told."""
        at, self.phase = self.process.stdout.readline().split()
        assert self.phase == "ready"
        self.ready, start = float(at), time.monotonic()
        self.process.stdin.write("go\n")
        self.process.stdin.flush()
        return start

    def reach(self, phase: str) -> None:
        """Wait until it begins ``phase`` (or ends)."""
        while self.phase != phase and (line := self.process.stdout.readline()):
            self.phase = line.rstrip("\n").split(" ", 1)[1]

    def finish(self) -> list[str]:
        lines = self.process.communicate(timeout=60)[0].splitlines()
        assert self.process.returncode == 0
        return lines

    def kill(self) -> str:
        """Kill it; the phase it was in (the last one it began)."""
        os.kill(self.process.pid, signal.SIGKILL)
        lines = self.process.communicate()[0].splitlines()
        return lines[-1].split(" ", 1)[1] if lines else self.phase


def _phases(timing: Build) -> list[tuple[str, float]]:
    """A replacing build run to the end: (phase, how long it lasted) for the start-up, the set-up before the
    first step, each step and the exit."""
    start = timing.go()
    marks = [(name, float(at) - start) for at, name in (line.split(" ", 1) for line in timing.finish())]
    bounds = [at for _, at in marks[1:]] + [time.monotonic() - start]
    return [("start-up", timing.ready - timing.spawned)] + [(name, end - at) for (name, at), end in zip(marks, bounds)]


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
def test_sigkill_in_every_phase(tmp_path):
    store = tmp_path / "store"
    labels = (f"v{n}" for n in itertools.count())
    first = Build(store, next(labels))
    builds = [Build(store, next(labels))]  # the next build starts up while one builds or is checked
    try:
        first.go()
        first.finish()
        phases = _phases(builds.pop(0))
        builds.append(Build(store, next(labels)))
        assert [p for p, _ in phases[:3]] == ["start-up", "set-up", "referentie"]
        assert [p for p, _ in phases[-3:]] == ["wisselen", "klaar", "exit"]
        rng = random.Random(9)
        aims = [(phase, length / 2) for phase, length in phases]  # the middle of each phase
        aims += [(phase, rng.uniform(0, length)) for phase, length in rng.choices(phases, k=ROUNDS)]
        outcomes = []
        before = _state(store)
        for phase, delay in aims:
            for wait in (delay, 0.0):  # a kill that lands in a later phase is aimed again, at its beginning
                if phase == "start-up":  # killed while the interpreter starts: a build of its own, from its start
                    child = Build(store, next(labels))
                else:
                    child = builds.pop(0)
                    child.go()
                    child.reach(phase)
                time.sleep(wait)
                hit = child.kill()
                if not builds:
                    builds.append(Build(store, next(labels)))  # starts up while this round is checked
                after = _state(store)
                assert after in (before, {child.label: N}), (phase, hit, after)  # the previous one or the new one, never a mix
                assert run_safe("ASK { ?s rdfs:label ?l }", store=str(store)).boolean is True
                outcomes.append((hit, "new" if after == {child.label: N} else "previous"))
                before = after
                if hit == phase:
                    break
        final = builds.pop(0)
        final.go()
        final.finish()  # a build after the kills cleans up and succeeds
    finally:
        for build in builds:
            if build.process.poll() is None:
                build.kill()
    close_default_pool()  # its workers read the versions of the rounds: readers keep a version until they stop
    gc.collect()
    current = store.resolve().name
    killed = [n for n in _leftovers(tmp_path) if ".partial-" in n or n.endswith(".trash")]
    assert killed == [], killed  # what the killed builds and removals left, the final build removed
    deadline = time.monotonic() + 15  # the pool's workers may take a moment to let their versions go
    while (left := _leftovers(tmp_path)) != [current] and time.monotonic() < deadline:
        time.sleep(0.2)
        remove_leftovers(store)  # what the next build does first
    held = [n for n in left if n != current]
    assert len(held) <= 2, held  # old versions go once no reader holds them
    assert _state(store) == {final.label: N}
    print("kill outcomes:", outcomes)
