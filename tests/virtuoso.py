"""A throw-away Virtuoso (Debian's ``virtuoso-opensource``) for the remote-store tests.

:func:`start_virtuoso` writes an ini into a temp directory, binds both ports to 127.0.0.1 on free
ports, starts ``virtuoso-t`` in the foreground, waits until ``/sparql`` answers, and changes the
``dba`` password (the shipped one is public). :meth:`Virtuoso.stop` ends the process it started.
Used by the ``virtuoso`` session fixture in ``conftest.py`` and by ``benchmarks/bench_endpoint.py``.
"""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT_S = 60.0
SERVER_MAX_ROWS = 10_000  # Virtuoso's shipped ResultSetMaxRows: keep it, the client must cope

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {dir}
CaseMode = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}/vsp
ServerThreads = 12
MaxClientConnections = 12
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 60
"""


@dataclass
class Virtuoso:
    """A running Virtuoso: its SPARQL endpoint, Graph Store endpoint and dba credentials."""

    sparql_url: str
    graph_store_url: str
    user: str
    password: str
    process: subprocess.Popen
    directory: Path

    def stop(self) -> None:
        """Stop the server this object started (SIGTERM, then SIGKILL after 15 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _wait_ready(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}: {log.read_text()[-2000:]}")
        if _answers(url):
            return
        time.sleep(0.2)
    raise RuntimeError(f"virtuoso-t did not answer within {START_TIMEOUT_S} s")


def _set_dba_password(isql: str, sql_port: int, password: str) -> None:
    """Replace the shipped ``dba``/``dba`` credentials (the SQL goes over stdin, not argv)."""
    done = subprocess.run(
        [isql, f"127.0.0.1:{sql_port}", "dba", "dba"], input=f"set password dba {password};\n",
        capture_output=True, text=True, timeout=30,
    )
    if done.returncode != 0 or "Error" in done.stdout + done.stderr:
        raise RuntimeError(f"could not change the dba password: {done.stdout} {done.stderr}")


def start_virtuoso(directory: Path, *, binary: str = "virtuoso-t", max_rows: int = SERVER_MAX_ROWS) -> Virtuoso:
    """Start a fresh Virtuoso with its database in ``directory`` (which must be empty or new)."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "vsp").mkdir(exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(INI.format(dir=directory, sql_port=sql_port, http_port=http_port, max_rows=max_rows))
    log = directory / "stdout.log"
    process = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)], cwd=directory,
        stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        _wait_ready(base + "/sparql", process, log)
        password = "kd" + secrets.token_hex(12)  # an SQL identifier: starts with a letter
        isql = shutil.which("isql-vt", path=str(Path(binary).parent)) or shutil.which("isql-vt") or "isql-vt"
        _set_dba_password(isql, sql_port, password)
    except BaseException:
        process.kill()
        process.wait()
        raise
    return Virtuoso(base + "/sparql", base + "/sparql-graph-crud-auth", "dba", password, process, directory)
