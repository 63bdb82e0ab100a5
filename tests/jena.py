"""Apache Jena ARQ as a second SPARQL engine (Debian ``libapache-jena-java``), run from its jars.

Debian's jena-core moves its bundled Xerces to the package ``xerces`` but leaves the message files
under ``org/apache/jena/ext/xerces``, so Jena fails to start ("internal error" in
``XSSimpleTypeDecl``); :func:`classpath` copies those files where the moved classes look for them.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path
from typing import Callable

JAVA_DIR = Path("/usr/share/java")
JARS = ["jena-arq", "jena-base", "jena-core", "jena-iri", "slf4j-api", "slf4j-nop", "commons-lang3", "commons-io",
        "commons-codec", "commons-compress", "commons-csv", "commons-cli", "jsonld-java", "thrift", "gson",
        "protobuf", "dexx.collection", "jackson-core", "jackson-databind", "jackson-annotations", "httpclient",
        "httpcore", "titanium-json-ld", "jakarta.json-api", "guava", "failureaccess", "caffeine"]
RUNNER = Path(__file__).parent / "data" / "jena" / "RunQueries.java"
_MOVED = "org/apache/jena/ext/xerces/"
# One short run: the quick JIT tier and one compiler and GC thread take about half the CPU time of the defaults.
JVM_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-Xshare:auto"]


def classpath(workdir: Path) -> str:
    """The class path for Jena ARQ, with the message files of its moved Xerces put in ``workdir``."""
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith(_MOVED) and name.endswith(".properties"):
                target = workdir / "xerces" / name[len(_MOVED):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    jars = [str(JAVA_DIR / f"{name}.jar") for name in JARS if (JAVA_DIR / f"{name}.jar").is_file()]
    return ":".join([str(workdir), *jars])


def run_queries(data: Path, queries: dict[str, str], workdir: Path, *, timeout: float = 600) -> dict[str, dict]:
    """SPARQL JSON results from Jena for each named query text, on the RDF file ``data``."""
    return start_queries(data, queries, workdir)(timeout)


def start_queries(data: Path, queries: dict[str, str], workdir: Path) -> Callable[[float], dict[str, dict]]:
    """Start Jena on the named query texts over the RDF file ``data`` and return at once, so that the caller
    can work while the JVM runs; calling the result (with a timeout in seconds) waits for Jena's SPARQL JSON
    results per query name and fails when Jena failed."""
    files = []
    for name, text in queries.items():
        path = workdir / f"{name}.rq"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    command = ["java", *JVM_FLAGS, "-cp", classpath(workdir), str(RUNNER), str(data), *map(str, files)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def results(timeout: float = 600) -> dict[str, dict]:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise
        if process.returncode != 0:
            raise subprocess.CalledProcessError(process.returncode, command, out, err)
        return {path.stem: json.loads(Path(str(path) + ".json").read_text(encoding="utf-8")) for path in files}

    return results
