"""A remote SPARQL 1.1 store (Virtuoso, Fuseki, GraphDB, Oxigraph server) behind the ``Store`` interface.

Queries go over the SPARQL 1.1 Protocol (POST, urlencoded); :func:`graph.store.publish.publish` loads
graphs with the Graph Store Protocol (PUT per named graph, N-Triples). As on the embedded store, the default graph
of a query is the union of *our* public named graphs: every query is sent with ``default-graph-uri`` and
``named-graph-uri`` (:mod:`graph.remote_dataset`), also when its text names FROM graphs, so the
server's own graphs (Virtuoso's ``virtrdf:`` ...) and the private graph stay out.

Virtuoso caps every result at ``ResultSetMaxRows`` (10,000 as shipped) without an error; SELECT
answers then carry ``X-SPARQL-MaxRows``, CONSTRUCT answers carry nothing. A result that reaches
the cap is marked ``truncated`` (and warned about) rather than silently taken as complete.

>>> query_form("PREFIX a: <http://x/> # SELECT\\nCONSTRUCT { ?s a ?o } WHERE { ?s ?p ?o }")
'construct'
>>> term_from_json({"type": "typed-literal", "datatype": XSD + "integer", "value": "5"}).py
5
>>> term_from_json({"type": "bnode", "value": "nodeID://b1001"}).value
'b1001'
"""

from __future__ import annotations

import json
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Mapping

from graph.namespace import GEO, G_PRIVATE, GRAPH, sparql_prefixes
from graph.store.base import DUMP_FORMATS, Store
from graph.store.binding import bind_values
from graph.store.results import QueryResult, Term
from graph.store.remote_dataset import NO_GRAPH, dataset_form
from graph.store.binding import _SKIP
from graph.store.results import XSD, to_ox

DEFAULT_TIMEOUT_S = 120.0  # trusted queries (analysis); untrusted ones get the safe runner's limit
SERVER_MAX_ROWS = 10_000  # Virtuoso's shipped ResultSetMaxRows; a result this long may be cut off
GRACE_S = 0.5  # client gives up just after the limit; Virtuoso checks its own every ~2 s and stops
PAGE_ROWS = 5_000  # page size when reading whole graphs back (below any server cap)
JSON_RESULTS = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
# Virtuoso turns geo:wktLiteral into its own geometry type (coordinates as 32-bit floats); map it back.
VIRTUOSO_DATATYPES = {"http://www.openlinksw.com/schemas/virtrdf#Geometry": str(GEO.wktLiteral)}
_FORM = re.compile(r"\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_PROLOGUE = re.compile(r"\s*(PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.I)


class RemoteError(OSError):
    """The remote store answered with an error, or could not be reached."""


class RemoteTimeout(TimeoutError):
    """The remote store did not answer within the time limit."""


def query_form(text: str) -> str:
    """``select``, ``ask``, ``construct`` or ``describe``: the first keyword after the prologue."""
    rest = _SKIP.sub(lambda m: " " if m.group().startswith("#") else m.group(), text)
    while (m := _PROLOGUE.match(rest)) is not None:
        rest = rest[m.end():]
    m = _FORM.match(rest)
    return m.group(1).lower() if m else "select"


def pageable(text: str) -> bool:
    """Whether a SELECT can be read in LIMIT/OFFSET pages: it orders, limits and offsets nothing itself.

    Virtuoso refuses to sort more rows than its cap (error SR353), so ordered queries cannot be paged.

    >>> pageable("SELECT ?s WHERE { ?s ?p ?o }"), pageable("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s")
    (True, False)
    """
    return re.search(r"\b(ORDER\s+BY|LIMIT|OFFSET)\b", _SKIP.sub(" ", text), re.I) is None


def term_from_json(cell: Mapping[str, str]) -> Term:
    """One SPARQL JSON result cell as a :class:`Term` (Virtuoso's ``typed-literal`` and bnode ids too)."""
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return Term("uri", value)
    if kind == "bnode":
        return Term("bnode", re.sub(r"[^A-Za-z0-9_]", "", value.removeprefix("nodeID://")) or "b")
    lang = cell.get("xml:lang")
    datatype = VIRTUOSO_DATATYPES.get(cell.get("datatype", ""), cell.get("datatype", XSD + "string"))
    return Term("literal", value, None if lang else datatype, lang)


def _opener(url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    """An opener that answers Digest (Virtuoso) or Basic (Fuseki, GraphDB) challenges."""
    handlers: list = []
    if user:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(manager), urllib.request.HTTPBasicAuthHandler(manager)]
    return urllib.request.build_opener(*handlers)


def _server_message(exc: urllib.error.HTTPError) -> str:
    body = exc.read(2000).decode("utf-8", "replace").strip()
    return f"HTTP {exc.code} {exc.reason}: {body[:500]}"


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint as a store. Read-only except through :func:`publish`."""

    def __init__(self, location: str, *, read_only: bool = True, user: str | None = None,
                 password: str | None = None, timeout: float = DEFAULT_TIMEOUT_S,
                 server_max_rows: int = SERVER_MAX_ROWS):
        self.location = location
        self.read_only = read_only
        self.timeout = timeout
        self.server_max_rows = server_max_rows
        self._opener = _opener(location, user, password)
        self._graphs: tuple[float, list[str]] | None = None
        self.virtuoso = False  # learnt from the Server header: Virtuoso takes a time limit per query

    def _post(self, form: list[tuple[str, str]], accept: str, timeout: float) -> tuple[bytes, dict]:
        if self.virtuoso:  # Virtuoso stops the work itself and says so (X-SQL-State: S1TAT)
            form = [*form, ("timeout", str(int(timeout * 1000)))]
        stopped = f"{self.location}: query gestopt na {timeout:g} s (time limit reached)"
        try:
            body, headers = self._request(form, accept, timeout + GRACE_S)
        except RemoteTimeout:
            raise RemoteTimeout(stopped) from None
        if headers.get("X-SQL-State") == "S1TAT":  # "incomplete results": never take them as an answer
            raise RemoteTimeout(stopped)
        self.virtuoso = self.virtuoso or headers.get("Server", "").startswith("Virtuoso")
        return body, headers

    def _request(self, form: list[tuple[str, str]], accept: str, timeout: float) -> tuple[bytes, dict]:
        data = urllib.parse.urlencode(form).encode()
        request = urllib.request.Request(self.location, data=data, method="POST", headers={
            "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with self._opener.open(request, timeout=timeout) as response:
                return response.read(), dict(response.headers)
        except urllib.error.HTTPError as exc:
            raise RemoteError(f"{self.location}: {_server_message(exc)}") from None
        except (TimeoutError, socket.timeout):
            raise RemoteTimeout(f"{self.location}: geen antwoord binnen {timeout:g} s (time limit)") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise RemoteTimeout(f"{self.location}: geen antwoord binnen {timeout:g} s") from None
            raise RemoteError(f"{self.location} is niet bereikbaar: {exc.reason}") from None

    def query(self, text: str, *, bindings: Mapping[str, object] | None = None,
              include_private: bool = False, max_rows: int | None = None,
              timeout: float | None = None) -> QueryResult:
        """Run SPARQL on the endpoint; the default graph is the union of our public graphs."""
        started = time.perf_counter()
        full = sparql_prefixes() + bind_values(text, bindings or {})
        # always the Protocol's dataset too: the public graphs, or exactly those the text names
        form = [("query", full), *dataset_form(text, self.graphs(include_private=include_private))]
        kind = query_form(text)
        accept = N_TRIPLES if kind in {"construct", "describe"} else JSON_RESULTS
        body, headers = self._post(form, accept, timeout or self.timeout)
        if accept == N_TRIPLES:
            result = self._graph_result(body, max_rows)
        else:
            result = self._select_result(body, headers)
            if result.truncated and (max_rows is None or max_rows > len(result.rows)) and pageable(text):
                result = self._pages(form, len(result.rows), max_rows, timeout or self.timeout)
            self._warn_if(result.truncated and (max_rows is None or len(result.rows) < max_rows), len(result.rows))
            result = _cap(result, max_rows)
        result.elapsed_ms = (time.perf_counter() - started) * 1000
        return result

    def _select_result(self, body: bytes, headers: Mapping[str, str]) -> QueryResult:
        data = json.loads(body)
        if "boolean" in data:
            return QueryResult("ask", boolean=bool(data["boolean"]))
        columns = list(data["head"].get("vars", []))
        rows = [[term_from_json(b[c]) if c in b else None for c in columns] for b in data["results"]["bindings"]]
        capped = any(k.lower() == "x-sparql-maxrows" for k in headers) or len(rows) >= self.server_max_rows
        return QueryResult("select", columns=columns, rows=rows, truncated=capped)

    def _pages(self, form: list[tuple[str, str]], page: int, max_rows: int | None, timeout: float) -> QueryResult:
        """An unordered SELECT the server cut off, read again in pages of ``page`` rows (LIMIT/OFFSET)."""
        result, offset = None, 0
        while True:
            paged = [("query", form[0][1] + f"\nLIMIT {page} OFFSET {offset}"), *form[1:]]
            part = self._select_result(*self._post(paged, JSON_RESULTS, timeout))
            result = part if result is None else result
            if part is not result:
                result.rows.extend(part.rows)
            offset += page
            if len(part.rows) < page or max_rows is not None and len(result.rows) > max_rows:
                result.truncated = max_rows is not None and len(result.rows) > max_rows
                return result

    def _graph_result(self, body: bytes, max_rows: int | None) -> QueryResult:
        import pyoxigraph as ox

        triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        capped = len(triples) >= self.server_max_rows
        self._warn_if(capped, len(triples))
        if max_rows is not None and len(triples) > max_rows:
            triples, capped = triples[:max_rows], True
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""
        return QueryResult("graph", triples=data, truncated=capped)

    def _warn_if(self, capped: bool, n: int) -> None:
        if capped:
            warnings.warn(f"{self.location}: resultaat afgekapt op {n} rijen door de server "
                          "(Virtuoso: verhoog ResultSetMaxRows in [SPARQL])", stacklevel=3)

    def graphs(self, *, include_private: bool = False) -> list[str]:
        """Our named graphs on the server (cached for a minute), private graph only when asked for."""
        if self._graphs is None or time.monotonic() - self._graphs[0] > 60:
            text = ("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                    f"FILTER(STRSTARTS(STR(?g), {json.dumps(GRAPH)})) }}")
            body, _ = self._post([("query", text)], JSON_RESULTS, self.timeout)
            found = sorted(b["g"]["value"] for b in json.loads(body)["results"]["bindings"])
            self._graphs = (time.monotonic(), found)
        return [g for g in self._graphs[1] if include_private or g != str(G_PRIVATE)]

    def forget_graphs(self) -> None:
        """Read the list of graphs again on next use (after :func:`publish`)."""
        self._graphs = None

    def count(self, graph: str | None = None) -> int:
        graphs = [graph] if graph else self.graphs()
        text = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        form = [("query", text)] + [("named-graph-uri", g) for g in graphs or [NO_GRAPH]]
        body, _ = self._post(form, JSON_RESULTS, self.timeout)
        bindings = json.loads(body)["results"]["bindings"]
        return int(bindings[0]["n"]["value"]) if bindings else 0

    def quads(self, graph: str):
        """Every quad of one named graph, read in pages below the server's row cap."""
        import pyoxigraph as ox

        node, offset = ox.NamedNode(graph), 0
        while True:
            text = f"SELECT ?s ?p ?o WHERE {{ GRAPH {node} {{ ?s ?p ?o }} }} LIMIT {PAGE_ROWS} OFFSET {offset}"
            body, _ = self._post([("query", text)], JSON_RESULTS, self.timeout)
            rows = json.loads(body)["results"]["bindings"]
            for b in rows:
                yield ox.Quad(*(to_ox(term_from_json(b[c])) for c in "spo"), node)
            if len(rows) < PAGE_ROWS:
                return
            offset += PAGE_ROWS

    def dump(self, format: str, *, include_private: bool = False) -> bytes:
        """The graphs serialised; read in pages (unordered paging: the server must not change meanwhile)."""
        import pyoxigraph as ox

        from graph.namespace import PREFIXES

        if format not in DUMP_FORMATS:
            raise ValueError(f"onbekend formaat {format!r}; kies uit {', '.join(DUMP_FORMATS)}")
        quads = [q for g in self.graphs(include_private=include_private) for q in self.quads(g)]
        rdf_format = DUMP_FORMATS[format]
        if rdf_format.supports_datasets:
            return ox.serialize(quads, format=rdf_format, prefixes=PREFIXES)
        return ox.serialize((q.triple for q in quads), format=rdf_format, prefixes=PREFIXES)

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r})"


def _cap(result: QueryResult, max_rows: int | None) -> QueryResult:
    """Keep at most ``max_rows`` rows (SELECT); mark the result truncated when rows were dropped."""
    if max_rows is not None and result.kind == "select" and len(result.rows) > max_rows:
        result.rows, result.truncated = result.rows[:max_rows], True
    return result
