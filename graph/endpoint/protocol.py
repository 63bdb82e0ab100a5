"""Reading a SPARQL 1.1 Protocol request: the query text and the other parameters, checked (size,
UTF-8, no update, no ``default-graph-uri``); errors are :class:`ApiError` (answered as JSON)."""

from __future__ import annotations

import urllib.parse

from starlette.requests import Request


class ApiError(Exception):
    """An error answered as JSON: ``{"error": status, "message": ...}`` (with ``headers``)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


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


_BAD_UTF8 = "de query is geen geldige UTF-8 (invalid UTF-8)"


def _form(text: str) -> dict[str, list[str]]:
    """Form fields (``a=1&b=2``); percent-escapes that are not valid UTF-8 are refused."""
    try:
        return urllib.parse.parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise ApiError(400, _BAD_UTF8) from None


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, _BAD_UTF8) from None


async def read_query(request: Request, limit: int) -> tuple[str | None, dict[str, list[str]]]:
    """The query text (``None``: no query) and the other parameters of a Protocol request."""
    raw_query = request.scope.get("query_string", b"")
    if len(raw_query) > limit:
        raise ApiError(413, f"query te lang (meer dan {limit} bytes; request too large)")
    params = _form(_utf8(raw_query))
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _body(request, limit)
        if ctype == "application/x-www-form-urlencoded":
            for key, values in _form(_utf8(body)).items():
                params.setdefault(key, []).extend(values)
        elif ctype == "application/sparql-query":
            params["query"] = [_utf8(body)]
        elif ctype == "application/sparql-update":
            params["update"] = [_utf8(body)]
        else:
            raise ApiError(415, "gebruik application/x-www-form-urlencoded of application/sparql-query "
                                f"(unsupported content type {ctype or '(none)'})")
    _refuse_protocol_extras(params)
    queries = params.get("query", [])
    if len(queries) > 1:
        raise ApiError(400, "geef precies één query (exactly one query parameter)")
    return (queries[0] if queries else None), params
