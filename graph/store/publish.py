"""``kernen publish``: load the graph into a SPARQL 1.1 store with the Graph Store Protocol.

Each named graph is replaced by a PUT of N-Triples (not Turtle: Virtuoso keeps the backslash of
escaped local names such as ``ex:les\\/1``); graphs larger than a chunk continue with POSTs, every
triple with a blank node in the first request (each request has its own blank-node scope).
Uploads carry their credentials from the first byte (:class:`Authorizer`).

>>> graph_store_url("http://127.0.0.1:8890/sparql", authenticated=True)
'http://127.0.0.1:8890/sparql-graph-crud-auth'
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import urllib.error
import urllib.parse
import urllib.request

from graph.store.remote import N_TRIPLES, RemoteError, RemoteStore, _server_message
from graph.store.base import Store

PUBLISH_CHUNK_BYTES = 16 * 1024 * 1024  # per upload request


def graph_store_url(endpoint: str, *, authenticated: bool = False) -> str:
    """The Graph Store Protocol URL next to a SPARQL endpoint, by the servers' conventions.

    >>> graph_store_url("http://127.0.0.1:8890/sparql", authenticated=True)
    'http://127.0.0.1:8890/sparql-graph-crud-auth'
    >>> graph_store_url("http://localhost:3030/ds/query")
    'http://localhost:3030/ds/data'
    >>> graph_store_url("http://localhost:7878/query")
    'http://localhost:7878/store'
    """
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path == "/query":  # Oxigraph server
        path = "/store"
    elif path.endswith("/query") or path.count("/") >= 2 and path.endswith("/sparql"):  # Fuseki /ds/...
        path = path.rsplit("/", 1)[0] + "/data"
    elif path.endswith("/sparql"):  # Virtuoso
        path += "-graph-crud-auth" if authenticated else "-graph-crud"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _chunks(ntriples: bytes, size: int) -> list[bytes]:
    r"""N-Triples split in chunks of about ``size`` bytes; every triple with a blank node stays in the
    first chunk, because each request gets its own blank-node scope on the server.

    >>> _chunks(b'<a> <p> "1" .\n_:b <p> <c> .\n<d> <p> "2" .\n', 10)
    [b'_:b <p> <c> .\n', b'<a> <p> "1" .\n', b'<d> <p> "2" .\n']
    """
    lines = ntriples.splitlines(keepends=True)
    chunks, current, length = [b"".join(line for line in lines if b"_:" in line)], [], 0
    for line in (line for line in lines if b"_:" not in line):
        current.append(line)
        length += len(line)
        if length >= size:
            chunks.append(b"".join(current))
            current, length = [], 0
    chunks.append(b"".join(current))
    return [c for c in chunks if c] or [b""]


class Authorizer:
    """Pre-emptive HTTP authentication (Digest as Virtuoso asks, or Basic) for uploads.

    urllib answers a challenge by sending the whole request again; Virtuoso answers the first,
    unauthenticated attempt of a large PUT with 401 and closes the connection while the body is
    still being sent ("connection reset"). So: learn the challenge with one empty request, then
    send every upload with its ``Authorization`` header from the start.
    """

    def __init__(self, url: str, user: str | None, password: str | None, *, timeout: float = 30.0):
        self.url, self.user, self.password, self.timeout = url, user, password or "", timeout
        self.challenge: dict[str, str] | None = None
        self.count = 0

    def refresh(self) -> None:
        """Ask once, without a body, for the server's challenge."""
        request = urllib.request.Request(self.url + "?" + urllib.parse.urlencode({"graph": "urn:kernen:probe"}))
        try:
            urllib.request.urlopen(request, timeout=self.timeout).close()
            self.challenge = {}
        except urllib.error.HTTPError as exc:
            header = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
            scheme, _, rest = header.partition(" ")
            self.challenge = {"scheme": scheme.lower(), **urllib.request.parse_keqv_list(
                urllib.request.parse_http_list(rest))} if header else {}
        except urllib.error.URLError as exc:
            raise RemoteError(f"{self.url} is niet bereikbaar: {exc.reason}") from None

    def headers(self, method: str, url: str) -> dict[str, str]:
        """The ``Authorization`` header for one request (none without a user or a challenge)."""
        if not self.user:
            return {}
        if self.challenge is None:
            self.refresh()
        if self.challenge.get("scheme") == "digest":
            return {"Authorization": self._digest(method, url)}
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        return {"Authorization": f"Basic {token}"}

    def _digest(self, method: str, url: str) -> str:
        c, md5 = self.challenge, lambda text: hashlib.md5(text.encode()).hexdigest()
        parts = urllib.parse.urlsplit(url)
        uri = parts.path + ("?" + parts.query if parts.query else "")
        self.count += 1
        nc, cnonce = f"{self.count:08x}", secrets.token_hex(8)
        ha1, ha2 = md5(f"{self.user}:{c.get('realm', '')}:{self.password}"), md5(f"{method}:{uri}")
        qop = "auth" if "auth" in c.get("qop", "").split(",") else ""
        answer = md5(f"{ha1}:{c['nonce']}:{nc}:{cnonce}:{qop}:{ha2}" if qop else f"{ha1}:{c['nonce']}:{ha2}")
        fields = {"username": self.user, "realm": c.get("realm", ""), "nonce": c["nonce"], "uri": uri,
                  "response": answer, **({"opaque": c["opaque"]} if "opaque" in c else {})}
        text = "Digest " + ", ".join(f'{k}="{v}"' for k, v in fields.items())
        return text + (f', qop={qop}, nc={nc}, cnonce="{cnonce}"' if qop else "")


def _graph_ntriples(source: Store, graph: str) -> bytes:
    import pyoxigraph as ox

    node = ox.NamedNode(graph)
    if hasattr(source, "oxigraph"):  # LocalStore: straight from the store
        quads = source.oxigraph.quads_for_pattern(None, None, None, node)
    else:
        quads = source.quads(graph)
    return ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)


def _send(auth: Authorizer, method: str, url: str, graph: str, data: bytes | None, timeout: float) -> None:
    target = url + ("&" if "?" in url else "?") + urllib.parse.urlencode({"graph": graph})
    for attempt in (1, 2):  # a second time with a fresh challenge when the nonce went stale
        headers = {"Content-Type": N_TRIPLES} if data is not None else {}
        request = urllib.request.Request(target, data=data, method=method, headers=headers | auth.headers(method, target))
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
            return
        except urllib.error.HTTPError as exc:
            if method == "DELETE" and exc.code == 404:
                return
            if exc.code == 401 and attempt == 1 and auth.user:
                auth.refresh()
                continue
            hint = " (controleer --user/--password)" if exc.code in {401, 403} else ""
            raise RemoteError(f"{method} {graph} naar {url}: {_server_message(exc)}{hint}") from None
        except urllib.error.URLError as exc:
            raise RemoteError(f"{url} is niet bereikbaar: {exc.reason}") from None


def publish(source: Store, endpoint: str, *, graph_store: str | None = None, user: str | None = None,
            password: str | None = None, include_private: bool = False,
            timeout: float = 600.0) -> dict[str, int]:
    """Make the remote store hold exactly the (public) named graphs of ``source``; triples per graph.

    Each graph is replaced with a Graph Store Protocol PUT of N-Triples (large graphs: PUT, then
    POSTs). Graphs of ours that ``source`` no longer has (and the private graph, unless
    ``include_private``) are deleted from the remote store.
    """
    target = graph_store or graph_store_url(endpoint, authenticated=bool(user))
    auth = Authorizer(target, user, password)
    counts: dict[str, int] = {}
    for graph in source.graphs(include_private=include_private):
        data = _graph_ntriples(source, graph)
        for i, chunk in enumerate(_chunks(data, PUBLISH_CHUNK_BYTES)):
            _send(auth, "PUT" if i == 0 else "POST", target, graph, chunk, timeout)
        counts[graph] = data.count(b"\n")
    remote = RemoteStore(endpoint, user=user, password=password)
    for graph in set(remote.graphs(include_private=True)) - set(counts):
        _send(auth, "DELETE", target, graph, None, timeout)
    return counts
