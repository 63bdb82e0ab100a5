"""``kernen serve``: a SPARQL 1.1 Protocol endpoint at ``/sparql`` and a landing page at ``/``.

A thin shell: every query goes through :func:`graph.sparql.run_safe` (read-only, no SERVICE/LOAD,
FROM only selects store graphs, private graph hidden, worker processes killed past the time limit,
row cap), awaited in a thread so that other clients keep being served. This module only reads the
request, negotiates the format and writes the answer; errors are JSON with a message, never a
traceback.

Routes: ``/sparql`` (GET/POST; without a query: the service description), ``/service-description``,
``/void`` (VoID, Turtle), ``/`` (landing page, ``?lang=en``), ``/dumps/`` and ``/dumps/<file>``
(only the files listed in the dumps manifest), ``/static/<file>`` (a fixed list).
Formats and negotiation: :mod:`graph.endpoint.formats`; pages: :mod:`graph.endpoint.html`.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
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

from graph.endpoint import html as pages
from graph.endpoint.fair import ClientBusy, ClientLimit
from graph.endpoint.formats import (FORMAT_NAMES, GRAPH_TYPES, RESULT_TYPES, choose_format, render,
                                    unknown_format_names)
from graph.endpoint.protocol import ApiError, read_query
from graph.export.dcat import compact_version
from graph.settings import CLIENT_QUERIES, QUEUE_WAIT_S, Settings, load_settings
from graph.sparql.canned import canned_queries
from graph.sparql.lanes import LaneHistory

log = logging.getLogger("kernen.endpoint")
STATIC = Path(__file__).resolve().parent.parent / "static"
VOID_TTL_S = 300  # how long the dataset description of a remote store is kept
STATIC_FILES = {  # the only files /static/ serves
    "kernen.css": "text/css; charset=utf-8", "kernen-editor.js": "text/javascript; charset=utf-8",
    "yasgui-4.6.2.min.js": "text/javascript; charset=utf-8", "yasgui-4.6.2.min.css": "text/css; charset=utf-8",
    "LICENSE-yasgui.txt": "text/plain; charset=utf-8",
}
# The landing page runs the vendored editor: scripts and styles from this server only, requests to it only.
EDITOR_CSP = ("default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' data:; font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
              "base-uri 'none'")
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")

@dataclass
class EndpointConfig:
    """What ``kernen serve`` was told: the store, the limits, CORS and where the dumps are."""

    store: str
    timeout: float
    max_rows: int
    max_query_bytes: int
    cors_origins: tuple[str, ...] = ()
    dumps: Path | None = None
    client_queries: int = CLIENT_QUERIES
    queue_wait: float = QUEUE_WAIT_S
    cache: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    clients: ClientLimit = field(default_factory=lambda: ClientLimit(CLIENT_QUERIES))
    history: LaneHistory = field(default_factory=lambda: LaneHistory(q.text for q in canned_queries()))

    def __post_init__(self):
        self.clients = ClientLimit(self.client_queries)

    @classmethod
    def from_settings(cls, settings: Settings, *, dumps: Path | None = None) -> "EndpointConfig":
        origins = tuple(o.strip() for o in settings.cors_origins.split(",") if o.strip())
        return cls(settings.store, settings.query_timeout, settings.max_rows, settings.max_query_bytes,
                   origins, dumps if dumps is not None else Path(settings.data) / "build" / "dumps",
                   client_queries=settings.client_queries, queue_wait=settings.queue_wait)


# --- running and answering ------------------------------------------------------------------------

def _run(config: EndpointConfig, text: str):
    """Run ``text`` in its lane (:mod:`graph.sparql.lanes`) and remember how long it took."""
    from graph.sparql import PoolBusy, QueryFailed, QueryRefused, QuerySyntaxError, QueryTimeout, run_safe
    from graph.sparql.pool import WorkerDied

    try:
        result = run_safe(text, store=_store(config), timeout=config.timeout, max_rows=config.max_rows,
                          lane=config.history.lane(text), queue_wait=config.queue_wait)
    except (QueryRefused, QuerySyntaxError) as exc:
        raise ApiError(400, str(exc)) from None
    except PoolBusy as exc:
        raise ApiError(429, str(exc), {"Retry-After": str(exc.retry_after)}) from None
    except QueryTimeout as exc:
        config.history.record(text, seconds=config.timeout, stopped=True)
        raise ApiError(503, f"{exc}; limiet {config.timeout:g} s") from None
    except TimeoutError as exc:
        raise ApiError(503, str(exc)) from None
    except WorkerDied as exc:
        config.history.record(text, seconds=config.timeout, stopped=True)
        raise ApiError(503, str(exc)) from None
    except QueryFailed as exc:
        raise ApiError(400, f"de query kon niet worden uitgevoerd: {exc}") from None
    except OSError as exc:  # the remote store refused the query or could not be reached: say what it said
        status = 400 if re.search(r"HTTP 4\d\d|SPARQL Request Failed|syntax", str(exc), re.I) else 502
        raise ApiError(status, f"de store gaf een fout (the store answered with an error): {exc}") from None
    config.history.record(text, seconds=result.elapsed_ms / 1000)
    return result


def _store(config: EndpointConfig):
    """The store, opened once per app (a local store reopens itself after a new build)."""
    from graph.store import StoreMissing, open_store

    with config.lock:
        if "store" not in config.cache:
            try:
                config.cache["store"] = open_store(config.store)
            except StoreMissing as exc:
                raise ApiError(503, str(exc)) from None
        return config.cache["store"]


def _note(result, config: EndpointConfig) -> str:
    return (f"afgekapt na {config.max_rows} rijen (truncated after {config.max_rows} rows)"
            if result.truncated else "")


async def sparql(request: Request) -> Response:
    """``/sparql``: the SPARQL 1.1 Protocol (GET, POST urlencoded, POST application/sparql-query)."""
    config: EndpointConfig = request.app.state.config
    text, params = await read_query(request, config.max_query_bytes)
    if text is None:
        return await service_description(request)
    requested = params.get("format", []) + params.get("output", [])
    unknown = unknown_format_names(requested)
    if unknown:
        raise ApiError(400, f"onbekend formaat {unknown[0]!r} (unknown format); kies uit (choose from): "
                            f"{', '.join(FORMAT_NAMES)}")
    try:
        with config.clients.slot(request.client.host if request.client else ""):
            result = await run_in_threadpool(_run, config, text)
    except ClientBusy as exc:
        raise ApiError(429, str(exc), {"Retry-After": str(exc.retry_after)}) from None
    kind = "graph" if result.kind == "graph" else "select"
    fmt = choose_format(request.headers.get("accept", ""), requested, kind)
    if fmt is None:
        offered = ", ".join(t.split(";")[0] for t in (GRAPH_TYPES if kind == "graph" else RESULT_TYPES).values())
        asked = f"format={requested[0]}" if requested else "Accept"
        raise ApiError(406, f"geen passend formaat voor {asked}; beschikbaar (available): {offered}")
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
    manifest = _manifest(config)
    version = compact_version(manifest.get("built", "")) or "latest"
    dumps = tuple(f | {"url": f"{_base(request)}/dumps/{version}/{f['name']}"} for f in manifest.get("files", []))
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
                              timeout=config.timeout, max_rows=config.max_rows, base_url=_base(request),
                              max_query_bytes=config.max_query_bytes)
    return HTMLResponse(html, headers={"Content-Security-Policy": EDITOR_CSP})


async def dumps(request: Request) -> Response:
    """``/dumps/`` (the manifest as JSON) and ``/dumps/<name>``: only files the manifest lists; also as
    ``/dumps/<version>/<name>`` (the version of the data, its build time: a stable URL to cite) and
    ``/dumps/latest/<name>``. An older version answers 404 with the current one."""
    config = request.app.state.config
    manifest = _manifest(config)
    name = request.path_params.get("name", "")
    if not name:
        return JSONResponse(manifest or {"files": [], "message": "nog geen dumps: `kernen export data`"})
    version = compact_version(manifest.get("built", ""))
    asked = request.path_params.get("version")
    if asked not in (None, "latest", version):
        raise ApiError(404, f"versie {asked!r} is hier niet (meer) beschikbaar; de huidige is {version or 'onbekend'} "
                            f"(version not available; current: {version}, or use /dumps/latest/)")
    listed = {f["name"]: f for f in manifest.get("files", [])} | {"manifest.json": {"media_type": "application/json"}}
    if not _FILE_NAME.match(name) or name not in listed:
        raise ApiError(404, f"geen dump met de naam {name!r} (no such dump)")
    path = (config.dumps / name).resolve()
    if path.parent != config.dumps.resolve() or not path.is_file():
        raise ApiError(404, f"geen dump met de naam {name!r} (no such dump)")
    stem, dot, suffix = name.partition(".")
    filename = f"{stem}-{version}{dot}{suffix}" if version and name != "manifest.json" else name
    return FileResponse(path, media_type=listed[name].get("media_type"), filename=filename)


async def linked_data(request: Request) -> Response:
    """``/id/<type>/<key>`` and ``/def``: a page for people, RDF by content negotiation
    (:mod:`graph.endpoint.linked`)."""
    from graph.endpoint import linked

    config = request.app.state.config
    fmt = linked.negotiate(request.headers.get("accept", ""), request.query_params.get("format"))
    if fmt is None:
        offered = ", ".join(t.split(";")[0] for t in GRAPH_TYPES.values())
        raise ApiError(406, f"geen passend formaat; beschikbaar (available): {offered}")
    path = request.path_params.get("path")
    try:
        if path is None:
            described = await run_in_threadpool(linked.terms, _store(config))
            html = linked.terms_page(described) if fmt == "html" else ""
            items = [ox.Triple(ox.NamedNode(iri), ox.NamedNode(p.value), linked._ox(o))
                     for iri, stated in described.items() for p, o, _ in stated]
        else:
            iri = linked.resource_iri(path)
            about, links = await run_in_threadpool(linked.describe, _store(config), iri)
            html = linked.resource_page(iri, about, links) if fmt == "html" else ""
            items = linked.triples(iri, about, links)
    except linked.NotFound:
        raise ApiError(404, "geen beschrijving van deze IRI in de publieke graven (not found)") from None
    headers = {"Vary": "Accept"}
    if fmt == "html":
        return HTMLResponse(html, headers=headers)
    return Response(linked.rdf_body(items, fmt), media_type=GRAPH_TYPES[fmt], headers=headers)


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
    headers = exc.headers if isinstance(exc, ApiError) else None
    return JSONResponse({"error": status, "message": message}, status_code=status, headers=headers)


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
        Route("/dumps/", dumps), Route("/dumps/{name}", dumps), Route("/dumps/{version}/{name}", dumps),
        Route("/static/{name}", static),
        Route("/favicon.ico", favicon), Route("/id/{path:path}", linked_data), Route("/def", linked_data),
    ]
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={ApiError: api_error, HTTPException: api_error, Exception: api_error})
    app.state.config = config
    return app


def serve(config: EndpointConfig, *, host: str = "127.0.0.1", port: int = 7878) -> None:
    """Run the endpoint with uvicorn until interrupted (127.0.0.1 unless told otherwise)."""
    import uvicorn

    from graph.sparql.pool import default_pool
    from graph.store import LocalStore

    try:
        store = _store(config)
    except ApiError:  # no store yet: queries answer 503 with what to do
        store = None
    if isinstance(store, LocalStore) and store.version is not None:
        default_pool().warm(str(store.version), wait=True)  # every worker up, its copy loaded
    uvicorn.run(create_app(config), host=host, port=port, log_level="info", server_header=False,
                proxy_headers=False)
