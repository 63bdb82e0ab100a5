"""Query workers never outlive the process that started them: not after ``kill -9`` of ``kernen serve``
or ``kernen query``, and SIGTERM ends ``kernen query`` cleanly (exit 143, workers stopped)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from virtuoso import free_port

pytestmark = pytest.mark.slow  # starts and kills servers

ROOT = Path(__file__).resolve().parents[1]
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { " + " . ".join(f"?s{i} ?p{i} ?o{i}" for i in range(7)) + " }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    """A built store (with its in-memory copy: a server's workers are forked by the fork server)."""
    import pyoxigraph as ox

    from graph.build import Source, build
    from graph.namespace import G_REFERENCE

    quads = [ox.Quad(ox.NamedNode(f"urn:x:s{i}"), ox.NamedNode("urn:x:p"), ox.Literal(i), ox.NamedNode(str(G_REFERENCE)))
             for i in range(30)]
    path = tmp_path_factory.mktemp("lifetime") / "store"
    build(store_dir=path, sources=[Source("a", G_REFERENCE, lambda: quads)], validate=False)
    return str(path)


def _kernen(*args: str) -> subprocess.Popen:
    env = os.environ | {"PYTHONPATH": str(ROOT), "KERNEN_QUERY_WORKERS": "2"}
    return subprocess.Popen([sys.executable, "-m", "graph", *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (forked workers are the fork server's children)."""
    found = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    for task in tasks:
        try:
            direct = [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in direct:
            found += [child, *_children(child)]
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped by whoever inherited it counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _busy_workers(pid: int) -> list[int]:
    """The worker children of ``pid`` once one of them has run the query for a while (start-up and
    loading the small store take about 0.2 s of CPU)."""
    assert _wait_for(lambda: any(_cpu_seconds(c) > 0.75 for c in _children(pid)), 60), \
        "no worker started running the query"
    return _children(pid)


def test_kill_9_of_serve_leaves_no_worker(store_dir):
    port = free_port()
    server = _kernen("serve", "--store", store_dir, "--port", str(port), "--timeout", "60")
    try:
        assert _wait_for(lambda: _up(port), 60), "kernen serve did not start"
        threading.Thread(target=_post_heavy, args=(port,), daemon=True).start()
        workers = _busy_workers(server.pid)
        assert workers
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
        assert _wait_for(lambda: not any(_alive(w) for w in workers), 5), "a worker outlived the server"
    finally:
        server.kill()
        server.wait()


def _up(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _post_heavy(port: int) -> None:
    try:
        httpx.post(f"http://127.0.0.1:{port}/sparql", data={"query": HEAVY}, timeout=90)
    except httpx.HTTPError:
        pass  # the server was killed under it


@pytest.mark.parametrize("sig, code", [(signal.SIGKILL, -9), (signal.SIGTERM, 143)], ids=["kill-9", "sigterm"])
def test_query_workers_end_with_the_command(store_dir, sig, code):
    command = _kernen("query", HEAVY, "--store", store_dir, "--timeout", "60")
    try:
        workers = _busy_workers(command.pid)
        command.send_signal(sig)
        assert command.wait(timeout=10) == code
        assert _wait_for(lambda: not any(_alive(w) for w in workers), 5), "a worker outlived kernen query"
        if sig == signal.SIGTERM:
            assert b"Traceback" not in command.stderr.read()
    finally:
        command.kill()
        command.wait()
