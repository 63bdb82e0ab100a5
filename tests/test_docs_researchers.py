"""docs/onderzoekers.md's pandas example runs as written against a real ``kernen serve`` on the example."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import httpx
import pytest

from conftest import ROOT
from virtuoso import free_port

pytestmark = pytest.mark.slow  # the whole bundled store behind a real server

DOC = ROOT / "docs" / "onderzoekers.md"


@pytest.fixture(scope="module")
def endpoint(real_store):
    store = real_store
    port = free_port()
    env = os.environ | {"PYTHONPATH": str(ROOT), "KERNEN_QUERY_WORKERS": "2"}
    server = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield url + "/sparql"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_the_pandas_example_runs(endpoint, capsys):
    code = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S).group(1)
    assert 'ENDPOINT = "http://127.0.0.1:7878/sparql"' in code
    namespace: dict = {}
    exec(code.replace("http://127.0.0.1:7878/sparql", endpoint), namespace)  # noqa: S102 - our own doc
    df = namespace["df"]
    assert list(df.columns) == ["provincie", "gemeenten", "inwoners"]
    assert len(df) == 12 and df["gemeenten"].sum() == 342
    assert df["inwoners"].is_monotonic_decreasing
    assert "provincie" in capsys.readouterr().out
