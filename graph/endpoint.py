"""``kernen serve``: a SPARQL 1.1 Protocol endpoint at ``/sparql`` and a landing page at ``/``.

A thin shell: every query goes through :func:`graph.sparql.run_safe` (read-only, no SERVICE/LOAD,
FROM only selects store graphs, private graph hidden, worker processes killed past the time limit,
row cap), awaited in a thread so that other clients keep being served. This module only reads the
request, negotiates the format and writes the answer; errors are JSON with a message, never a
traceback.

Routes: ``/sparql`` (GET/POST; without a query: the service description), ``/service-description``,
``/void`` (VoID, Turtle), ``/`` (landing page, ``?lang=en``), ``/dumps/`` and ``/dumps/<file>``
(only the files listed in the dumps manifest), ``/static/<file>`` (a fixed list).

>>> choose_format("text/csv", [], "select")
'csv'
>>> choose_format("application/sparql-results+json;q=0.5, text/tab-separated-values", [], "ask")
'tsv'
>>> choose_format("*/*", ["turtle"], "select"), choose_format("", [], "graph")
('json', 'turtle')
>>> choose_format("image/png", [], "select") is None
True
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from graph import endpoint_html as pages
from graph.namespace import PREFIXES
from graph.settings import Settings, load_settings

log = logging.getLogger("kernen.endpoint")
STATIC = Path(__file__).with_name("static")
VOID_TTL_S = 300  # how long the dataset description of a remote store is kept
STATIC_FILES = {"kernen.css": "text/css; charset=utf-8"}  # the only files /static/ serves
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")

# format -> media type, per kind of result; the first entry of each table is the default.
RESULT_TYPES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
GRAPH_TYPES = {
    "turtle": "text/turtle; charset=utf-8", "nt": "application/n-triples", "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml", "html": "text/html; charset=utf-8",
}
ACCEPTED = {  # media types a client may ask for -> (format for SELECT/ASK, format for CONSTRUCT/DESCRIBE)
    "application/sparql-results+json": ("json", "jsonld"), "application/json": ("json", "jsonld"),
    "application/sparql-results+xml": ("xml", "rdfxml"), "application/xml": ("xml", "rdfxml"),
    "text/xml": ("xml", "rdfxml"), "text/csv": ("csv", None), "text/tab-separated-values": ("tsv", None),
    "text/html": ("html", "html"), "text/turtle": (None, "turtle"), "application/turtle": (None, "turtle"),
    "application/x-turtle": (None, "turtle"), "text/n3": (None, "turtle"), "application/n-triples": (None, "nt"),
    "text/plain": (None, "nt"), "application/ld+json": (None, "jsonld"), "application/rdf+xml": (None, "rdfxml"),
}
FORMAT_NAMES = {  # ?format= / ?output= values (SPARQLWrapper sends these) -> media type above
    "json": "application/json", "xml": "application/xml", "csv": "text/csv", "tsv": "text/tab-separated-values",
    "html": "text/html", "turtle": "text/turtle", "ttl": "text/turtle", "n3": "text/n3", "nt": "text/plain",
    "ntriples": "text/plain", "n-triples": "text/plain", "json-ld": "application/ld+json",
    "jsonld": "application/ld+json", "rdf": "application/rdf+xml", "rdf+xml": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
              "rdfxml": ox.RdfFormat.RDF_XML}


class ApiError(Exception):
    """An error answered as JSON: ``{"error": status, "message": ...}``."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


@dataclass
class EndpointConfig:
    """What ``kernen serve`` was told: the store, the limits, CORS and where the dumps are."""

    store: str
    timeout: float
    max_rows: int
    max_query_bytes: int
    cors_origins: tuple[str, ...] = ()
    dumps: Path | None = None
    cache: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def from_settings(cls, settings: Settings, *, dumps: Path | None = None) -> "EndpointConfig":
        origins = tuple(o.strip() for o in settings.cors_origins.split(",") if o.strip())
        return cls(settings.store, settings.query_timeout, settings.max_rows, settings.max_query_bytes,
                   origins, dumps if dumps is not None else Path(settings.data) / "build" / "dumps")


def _rank(accept: str) -> list[str]:
    """Media types from an Accept header, best first (q-values; ties keep their order)."""
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            ranked.append((-float(q), i, media.lower()))
        except ValueError:
            continue
    return [media for q, _, media in sorted(ranked) if q < 0]


def choose_format(accept: str, format_params: list[str], kind: str) -> str | None:
    """The response format for a result of ``kind`` (select/ask/graph), or ``None`` (406)."""
    column = 1 if kind == "graph" else 0
    defaults = list(GRAPH_TYPES if kind == "graph" else RESULT_TYPES)
    for value in format_params:  # an explicit ?format= wins over the Accept header
        media = FORMAT_NAMES.get(value.strip().lower(), value.strip().lower())
        if ACCEPTED.get(media, (None, None))[column]:
            return ACCEPTED[media][column]
    if not accept.strip():
        return defaults[0]
    for media in _rank(accept):
        if ACCEPTED.get(media, (None, None))[column]:
            return ACCEPTED[media][column]
        if media in {"*/*", "*"}:
            return defaults[0]
        if media.endswith("/*"):
            major = media[:-1]
            found = [f for f in defaults if (RESULT_TYPES | GRAPH_TYPES)[f].startswith(major)]
            if found:
                return found[0]
    return None


# --- reading the request --------------------------------------------------------------------------

async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"verzoek te groot (meer dan {limit} bytes; request too large)")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ApiError(413, f"verzoek te groot (meer dan {limit} bytes; request too large)")
    return body


def _refuse_protocol_extras(params: dict[str, list[str]]) -> None:
    if "update" in params:
        raise ApiError(400, "wijzigen is niet toegestaan: dit endpoint is alleen-lezen (updates are refused)")
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise ApiError(400, "default-graph-uri/named-graph-uri worden niet ondersteund: gebruik FROM of "
                            "GRAPH in de query met een graaf uit de store (use FROM/GRAPH in the query)")


async def read_query(request: Request, limit: int) -> tuple[str | None, dict[str, list[str]]]:
    """The query text (``None``: no query) and the other parameters of a Protocol request."""
    raw_query = request.url.query
    if len(raw_query) > limit:
        raise ApiError(413, f"query te lang (meer dan {limit} bytes; request too large)")
    params = urllib.parse.parse_qs(raw_query, keep_blank_values=True)
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _body(request, limit)
        if ctype == "application/x-www-form-urlencoded":
            for key, values in urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif ctype == "application/sparql-query":
            params["query"] = [body.decode("utf-8", "replace")]
        elif ctype == "application/sparql-update":
            params["update"] = [body.decode("utf-8", "replace")]
        else:
            raise ApiError(415, "gebruik application/x-www-form-urlencoded of application/sparql-query "
                                f"(unsupported content type {ctype or '(none)'})")
    _refuse_protocol_extras(params)
    queries = params.get("query", [])
    if len(queries) > 1:
        raise ApiError(400, "geef precies één query (exactly one query parameter)")
    return (queries[0] if queries else None), params


# --- running and answering ------------------------------------------------------------------------

def _run(config: EndpointConfig, text: str):
    from graph.sparql import QueryFailed, QueryRefused, QuerySyntaxError, QueryTimeout, run_safe

    try:
        return run_safe(text, store=_store(config), timeout=config.timeout, max_rows=config.max_rows)
    except (QueryRefused, QuerySyntaxError) as exc:
        raise ApiError(400, str(exc)) from None
    except QueryTimeout as exc:
        raise ApiError(503, f"{exc}; limiet {config.timeout:g} s") from None
    except TimeoutError as exc:
        raise ApiError(503, str(exc)) from None
    except QueryFailed as exc:
        raise ApiError(400 if exc.syntax else 500, f"de query kon niet worden uitgevoerd: {exc}") from None


def _store(config: EndpointConfig):
    """The store, opened once per app (a local store reopens itself after a new build)."""
    with config.lock:
        if "store" not in config.cache:
            from graph.store import open_store

            config.cache["store"] = open_store(config.store)
        return config.cache["store"]


def _note(result, config: EndpointConfig) -> str:
    return (f"afgekapt na {config.max_rows} rijen (truncated after {config.max_rows} rows)"
            if result.truncated else "")


def render(result, fmt: str, *, note: str = "") -> bytes:
    """The body of a query result in format ``fmt``; ``note`` (truncation) is added where the format allows."""
    if result.kind != "graph":
        return _render_table(result, fmt, note)
    triples = list(ox.parse(result.triples, format=ox.RdfFormat.N_TRIPLES)) if result.triples else []
    if fmt == "html":
        turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
        return pages.graph_page(turtle.decode(), note=note).encode()
    body = ox.serialize(triples, format=OX_FORMATS[fmt], prefixes=PREFIXES) or b""
    if note and fmt in {"turtle", "nt"}:
        body += f"# {note}\n".encode()
    elif note and fmt == "rdfxml":
        body += f"<!-- {note} -->\n".encode()
    return body


def _render_table(result, fmt: str, note: str) -> bytes:
    if fmt == "json":
        data = result.to_sparql_json()
        if note:
            data |= {"truncated": True, "note": note}
        return json.dumps(data, ensure_ascii=False).encode()
    if fmt == "xml":
        return pages.results_xml(result, note=note).encode()
    if fmt == "html":
        return pages.results_page(result, note=note).encode()
    text = result.to_csv() if fmt == "csv" else result.to_tsv() if result.kind == "select" else _ask_text(result, fmt)
    return (text + (f"# {note}\n" if note else "")).encode()


def _ask_text(result, fmt: str) -> str:
    return ("_askResult\r\n" if fmt == "csv" else "?_askResult\n") + str(bool(result.boolean)).lower() + "\n"


async def sparql(request: Request) -> Response:
    """``/sparql``: the SPARQL 1.1 Protocol (GET, POST urlencoded, POST application/sparql-query)."""
    config: EndpointConfig = request.app.state.config
    text, params = await read_query(request, config.max_query_bytes)
    if text is None:
        return await service_description(request)
    result = await run_in_threadpool(_run, config, text)
    kind = "graph" if result.kind == "graph" else "select"
    fmt = choose_format(request.headers.get("accept", ""), params.get("format", []) + params.get("output", []), kind)
    if fmt is None:
        offered = ", ".join(t.split(";")[0] for t in (GRAPH_TYPES if kind == "graph" else RESULT_TYPES).values())
        raise ApiError(406, f"geen passend formaat voor Accept; beschikbaar (available): {offered}")
    body = render(result, fmt, note=_note(result, config))
    media = (GRAPH_TYPES if kind == "graph" else RESULT_TYPES)[fmt]
    headers = {"Vary": "Accept", "X-Kernen-Elapsed-Ms": f"{result.elapsed_ms:.1f}"}
    if result.truncated:
        headers["X-Kernen-Truncated"] = "true"
    return Response(body, media_type=media, headers=headers)


# --- descriptions, landing page, dumps ------------------------------------------------------------

def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def dataset_description(config: EndpointConfig):
    """The VoID description of the store, computed once per store version (cached)."""
    from graph.export.void import describe

    store = _store(config)  # local: one description per build; remote: read again every few minutes
    version = str(getattr(store, "version", None) or f"{store.location}@{int(time.monotonic() // VOID_TTL_S)}")
    cached = config.cache.get("void")
    if cached is None or cached[0] != version:
        cached = config.cache["void"] = (version, describe(store))
    return cached[1]


async def service_description(request: Request) -> Response:
    desc = await run_in_threadpool(dataset_description, request.app.state.config)
    return Response(pages.service_turtle(desc, base_url=_base(request)), media_type="text/turtle; charset=utf-8")


async def void(request: Request) -> Response:
    from graph.export.void import void_turtle

    config = request.app.state.config
    desc = await run_in_threadpool(dataset_description, config)
    dumps = tuple(f"{_base(request)}/dumps/{f['name']}" for f in _manifest(config).get("files", []))
    return Response(void_turtle(desc, base_url=_base(request), dumps=dumps), media_type="text/turtle; charset=utf-8")


def _manifest(config: EndpointConfig) -> dict:
    path = config.dumps / "manifest.json" if config.dumps else None
    if path is None or not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("dump manifest %s is unreadable", path)
        return {}


async def landing(request: Request) -> Response:
    from graph.sparql import canned_queries

    config = request.app.state.config
    lang = "en" if request.query_params.get("lang") == "en" else "nl"
    desc = await run_in_threadpool(dataset_description, config)
    html = pages.landing_page(desc, lang=lang, queries=canned_queries(), manifest=_manifest(config),
                              timeout=config.timeout, max_rows=config.max_rows, base_url=_base(request))
    return HTMLResponse(html)


async def dumps(request: Request) -> Response:
    """``/dumps/`` (the manifest as JSON) and ``/dumps/<name>``: only files the manifest lists."""
    config = request.app.state.config
    manifest = _manifest(config)
    name = request.path_params.get("name", "")
    if not name:
        return JSONResponse(manifest or {"files": [], "message": "nog geen dumps: `kernen export data`"})
    listed = {f["name"]: f for f in manifest.get("files", [])} | {"manifest.json": {"media_type": "application/json"}}
    if not _FILE_NAME.match(name) or name not in listed:
        raise ApiError(404, f"geen dump met de naam {name!r} (no such dump)")
    path = (config.dumps / name).resolve()
    if path.parent != config.dumps.resolve() or not path.is_file():
        raise ApiError(404, f"geen dump met de naam {name!r} (no such dump)")
    return FileResponse(path, media_type=listed[name].get("media_type"), filename=name)


async def favicon(request: Request) -> Response:
    """No icon: an empty answer instead of a 404 in every browser console."""
    return Response(status_code=204)


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC_FILES:
        raise ApiError(404, "niet gevonden (not found)")
    return FileResponse(STATIC / name, media_type=STATIC_FILES[name])


# --- errors and security headers ------------------------------------------------------------------

async def api_error(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, ApiError):
        status, message = exc.status, exc.message
    elif isinstance(exc, HTTPException):
        status, message = exc.status_code, str(exc.detail)
    else:
        log.exception("unexpected error on %s", request.url.path)
        status, message = 500, "interne fout; zie het serverlog (internal error)"
    return JSONResponse({"error": status, "message": message}, status_code=status)


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
}


class SecurityHeaders:
    """ASGI middleware: the same safe headers on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                         if k.lower().encode() not in present]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


def create_app(config: EndpointConfig | None = None) -> Starlette:
    """The ASGI app. Without ``config``: from settings (``KERNEN_*``, ``kernen.toml``)."""
    config = config or EndpointConfig.from_settings(load_settings())
    middleware = [Middleware(SecurityHeaders)]
    if config.cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(config.cors_origins),
                                     allow_methods=["GET", "POST"], allow_headers=["Accept", "Content-Type"],
                                     expose_headers=["X-Kernen-Truncated"]))
    routes = [
        Route("/", landing), Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/service-description", service_description), Route("/void", void),
        Route("/dumps/", dumps), Route("/dumps/{name}", dumps), Route("/static/{name}", static),
        Route("/favicon.ico", favicon),
    ]
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={ApiError: api_error, HTTPException: api_error, Exception: api_error})
    app.state.config = config
    return app


def serve(config: EndpointConfig, *, host: str = "127.0.0.1", port: int = 7878) -> None:
    """Run the endpoint with uvicorn until interrupted (127.0.0.1 unless told otherwise)."""
    import uvicorn

    uvicorn.run(create_app(config), host=host, port=port, log_level="info", server_header=False,
                proxy_headers=False)
