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
    with JenaRun(data, queries, workdir) as run:
        return run.results(timeout)


class JenaRun:
    """Jena started on the named query texts over the RDF file ``data``, running while the caller works;
    :meth:`results` waits for its SPARQL JSON results per query name. Leaving the ``with`` block stops
    a run that is still going (the caller failed first)."""

    def __init__(self, data: Path, queries: dict[str, str], workdir: Path):
        self.files = []
        for name, text in queries.items():
            path = workdir / f"{name}.rq"
            path.write_text(text, encoding="utf-8")
            self.files.append(path)
        self.command = ["java", *JVM_FLAGS, "-cp", classpath(workdir), str(RUNNER), str(data), *map(str, self.files)]
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def results(self, timeout: float = 600) -> dict[str, dict]:
        out, err = self.process.communicate(timeout=timeout)
        if self.process.returncode != 0:
            raise subprocess.CalledProcessError(self.process.returncode, self.command, out, err)
        return {path.stem: json.loads(Path(str(path) + ".json").read_text(encoding="utf-8")) for path in self.files}

    def __enter__(self) -> "JenaRun":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
