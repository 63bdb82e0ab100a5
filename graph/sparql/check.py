"""Checking untrusted SPARQL before it runs: parse with rdflib's parser, then refuse what may not run.

Refused (DESIGN.md, SPARQL safety): updates (including ``LOAD``), ``SERVICE`` anywhere (also nested
in subqueries, OPTIONAL, MINUS, EXISTS), ``FROM``/``FROM NAMED`` and ``GRAPH <iri>`` naming anything
but a public named graph of the store (they select graphs, they never fetch), any mention of the
private graph, and a remote server's own functions (Virtuoso's ``bif:`` and ``sql:``).

>>> check_query("SELECT * WHERE { ?s ?p ?o }").form
'select'
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
graph.sparql.check.QueryRefused: SERVICE is niet toegestaan (SERVICE calls to other endpoints are refused)
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib import URIRef, Variable
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from graph.namespace import G_PRIVATE, PREFIXES
from graph.settings import MAX_QUERY_BYTES
from graph.store.binding import _SKIP

_NO_SERVICE = "SERVICE is niet toegestaan (SERVICE calls to other endpoints are refused)"
# The keyword SERVICE outside strings, comments and IRIs; not a variable (?service) or a prefixed name.
_SERVICE_WORD = re.compile(r"(?<![\w?$:])SERVICE(?![\w:])", re.I)
# Virtuoso's built-in and SQL functions (``bif:``, ``sql:``) reach past SPARQL into the server.
_SERVER_FUNCTIONS = ("bif:", "sql:", "http://www.openlinksw.com/")
_FORMS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct",
          "DescribeQuery": "describe"}


class QueryRefused(ValueError):
    """The query parses but may not run here (update, SERVICE, LOAD, FROM elsewhere, private graph)."""


class QuerySyntaxError(ValueError):
    """The query does not parse; ``line`` and ``column`` are 1-based, ``hint`` says what was expected."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 hint: str = "", source_line: str = ""):
        self.message, self.line, self.column, self.hint = message, line, column, hint
        self.source_line = source_line  # the query line, for a caret under the column
        where = f"regel {line}, kolom {column}: " if line is not None else ""
        super().__init__(f"SPARQL-syntaxfout, {where}{message}" + (f" ({hint})" if hint else ""))

    def pointer(self) -> str:
        """The offending line with a caret under the column ('' when unknown)."""
        if not self.source_line or self.column is None:
            return ""
        return f"  {self.source_line}\n  {' ' * (self.column - 1)}^"


@dataclass(frozen=True)
class QueryInfo:
    """What the check learned: the query form and the graphs its FROM/FROM NAMED clauses name."""

    form: str
    from_graphs: tuple[str, ...] = ()
    from_named: tuple[str, ...] = ()
    graph_names: tuple[str, ...] = ()  # the constant IRIs of GRAPH <iri> { ... } patterns

    @property
    def has_dataset(self) -> bool:
        """Whether the query names its own dataset (then the store does not impose one)."""
        return bool(self.from_graphs or self.from_named)


def prologue(text: str) -> str:
    """PREFIX lines for our prefixes that ``text`` uses without declaring (they are predeclared).

    >>> prologue("SELECT ?g WHERE { ?g a kd:Gemeente }")
    'PREFIX kd: <https://w3id.org/kernendemocratie/def#>\\n'
    """
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", text, re.I)}
    used = set(re.findall(r"(?<![\w<?$])([A-Za-z][\w-]*):", text))
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p in used and p not in declared)


def blank_comments(text: str) -> str:
    """``text`` without its comments (pyparsing is slow on comments: a canned query's header doubled
    its parse time). A ``#`` inside a string or an IRI is no comment; line numbers are kept.

    >>> blank_comments("ASK { ?s ?p '#x' } # end")
    "ASK { ?s ?p '#x' } "
    """
    return _SKIP.sub(lambda m: "" if m.group().startswith("#") else m.group(), text)


def _for_parser(text: str) -> tuple[str, int]:
    """``text`` with its missing prefixes declared and comments blanked, and the added line count."""
    head = prologue(text)
    return head + blank_comments(text), head.count("\n")


def _not_an_escaped_local_name(record: logging.LogRecord) -> bool:
    """rdflib keeps a prefixed name's escapes (``kdid:gemeente\\/GM1900``) and then warns that the IRI
    is not valid; :func:`unescape_local` undoes them, so that warning only confuses the user."""
    return not ("does not look like a valid URI" in record.getMessage() and "\\" in record.getMessage())


logging.getLogger("rdflib.term").addFilter(_not_an_escaped_local_name)
_LOCAL_ESCAPE = re.compile(r"\\([_~.\-!$&'()*+,;=/?#@%])")


def unescape_local(iri: str) -> str:
    r"""An IRI from a prefixed name with its local-name escapes undone (rdflib keeps them).

    >>> unescape_local("https://w3id.org/kernendemocratie/graph\\/reference")
    'https://w3id.org/kernendemocratie/graph/reference'
    """
    return _LOCAL_ESCAPE.sub(r"\1", iri)


def check_query(text: str, *, graphs: Iterable[str] | None = None) -> QueryInfo:
    """Parse ``text`` and refuse what may not run; ``graphs``: the store's public named graphs.

    When ``graphs`` is given, FROM/FROM NAMED must name one of them.
    """
    if len(text.encode()) > MAX_QUERY_BYTES:
        raise QueryRefused(f"query is te lang (meer dan {MAX_QUERY_BYTES} bytes)")
    with _PARSE_LOCK:  # rdflib's pyparsing grammar is not thread-safe: concurrent parses corrupt it for good
        info = _checked(text)
    _check_graphs(info, graphs)
    return info


_PARSE_LOCK = threading.Lock()


@lru_cache(maxsize=512)
def _checked(text: str) -> QueryInfo:
    """The check of one query text, remembered: canned and app queries repeat, and rdflib's parser
    takes 10-25 ms a query. Refusals and syntax errors are raised again each time (not cached)."""
    if not blank_comments(text).strip():
        raise QuerySyntaxError("lege query (empty query)", hint="geef een SELECT, ASK, CONSTRUCT of DESCRIBE")
    parsed = _parse(text)
    _refuse_nodes(parsed)  # before translation too: the translator may fail on valid queries
    if _SERVICE_WORD.search(_SKIP.sub(" ", text)):  # belt and braces, should the parsers ever differ
        raise QueryRefused(_NO_SERVICE)
    form, dataset = _FORMS.get(parsed[1].name, "select"), _clauses(parsed[1])
    try:
        dataset = _clauses(translateQuery(parsed).algebra)  # resolves prefixed names in place
    except Exception as exc:  # rdflib's translator has gaps; the raw parse tree then has to do
        if "prefix" in str(exc).lower():
            raise QuerySyntaxError(str(exc), hint="declareer het voorvoegsel met PREFIX") from None
    _refuse_nodes(parsed)  # translation resolved prefixed names and relative IRIs in place
    _engine_check(text)
    return dataclasses.replace(_dataset(dataset, form), graph_names=_graph_names(parsed))


def _graph_names(parsed: CompValue) -> tuple[str, ...]:
    """The graphs named by ``GRAPH <iri>``: a remote store (Virtuoso) does not limit them to the
    dataset, so they are checked like FROM. A name the translation left unresolved stays as text
    that matches no graph."""
    return tuple(str(n["term"]) for n in _walk(parsed) if isinstance(n, CompValue)
                 and n.name == "GraphGraphPattern" and not isinstance(n["term"], Variable))


def _engine_check(text: str) -> None:
    """What rdflib's parser accepts but Oxigraph, which runs the query, does not: its syntax errors
    (with their position) and what it cannot run (an unknown function), refused before running."""
    verdict, detail = _oxigraph_verdict(text)
    if verdict == "syntax":
        raise _syntax_error(None, text, 0)
    if verdict == "refused":
        function = re.search(r"custom function (<[^>]*>)", detail)
        if function:
            raise QueryRefused(f"onbekende functie {function.group(1)} (unknown function)")
        raise QueryRefused(f"de query kan hier niet worden uitgevoerd (not supported): {detail}")


def _parse(text: str) -> CompValue:
    full, added = _for_parser(text)
    try:
        return parseQuery(full)
    except ParseException as exc:
        if _is_update(text):
            raise QueryRefused("wijzigen is niet toegestaan: alleen SELECT, ASK, CONSTRUCT en "
                               "DESCRIBE (updates and LOAD are refused)") from None
        raise _syntax_error(exc, text, added) from None
    except RecursionError:
        raise QueryRefused("de query is te diep genest (nested too deeply)") from None
    except Exception as exc:  # e.g. an undeclared prefix
        raise QuerySyntaxError(str(exc), hint="controleer de PREFIX-regels") from None


def _is_update(text: str) -> bool:
    try:
        parseUpdate(_for_parser(text)[0])
    except Exception:
        return False
    return True


def _syntax_error(exc: ParseException | None, text: str, added: int) -> QuerySyntaxError:
    """Oxigraph's parser pinpoints errors better than pyparsing; fall back to rdflib's position."""
    fallback = (exc.lineno - added, exc.col, _GENERIC_HINT) if exc is not None else (1, 1, _GENERIC_HINT)
    line, column, hint = _oxigraph_position(text) or fallback
    lines = text.splitlines() or [""]
    line = min(max(line, 1), len(lines))
    source = lines[line - 1]
    found = source[column - 1: column + 19].strip()
    message = f"onverwacht {found!r}" if found else "onverwacht einde van de regel of query"
    hint = f"verwacht: {hint}" if hint and hint != _GENERIC_HINT else _GENERIC_HINT
    return QuerySyntaxError(message, line, column, hint, source_line=source)


_GENERIC_HINT = "controleer haakjes, accolades, punten en de PREFIX-regels"
_OX_ERROR = re.compile(r"error at (\d+):(\d+): expected (?:one of )?(.*)", re.S)


def _oxigraph_position(text: str) -> tuple[int, int, str] | None:
    """(line, column, expected) from Oxigraph's parser, without ever running ``text``.

    A substitution for a random variable that no query projects makes Oxigraph stop after
    parsing: a syntax error raises ``SyntaxError`` (with its position), a valid query a
    ``RuntimeError`` before evaluation.
    """
    verdict, detail = _oxigraph_verdict(text)
    match = _OX_ERROR.match(detail) if verdict == "syntax" else None
    if not match:
        return None
    line, column = int(match.group(1)), int(match.group(2))
    lines = text.splitlines() or [""]
    width = len(lines[min(line, len(lines)) - 1])
    return line, max(min(column - 1, width + 1), 1), _short_hint(match.group(3))


def _oxigraph_verdict(text: str) -> tuple[str, str]:
    """``("ok", "")``, ``("syntax", message)`` or ``("refused", message)`` from Oxigraph, which parses
    ``text`` (with the predeclared prefixes, as the worker does) and stops before evaluating it."""
    never = "never" + uuid.uuid4().hex
    try:
        ox.Store().query(text, substitutions={ox.Variable(never): ox.Literal("")}, prefixes=PREFIXES)
    except SyntaxError as exc:
        return "syntax", str(exc)
    except Exception as exc:  # the guard's refusal means: valid, and Oxigraph can run it
        return ("ok", "") if never in str(exc) else ("refused", str(exc))
    return "ok", ""  # pragma: no cover - the guard always raises


def _short_hint(expected: str) -> str:
    """Keep the keywords of Oxigraph's "expected one of ..." list, at most eight, after any sentence
    it gives ("The query limit should be a non negative integer")."""
    parts = [part.strip() for part in expected.split(",")]
    sentences = [p for p in parts if " " in p and not p.startswith("[")]
    words = sentences + [w for w in parts if re.fullmatch(r"[A-Za-z_]+|'.'", w)]
    return ", ".join(words[:8]) + (", ..." if len(words) > 8 else "")


def _walk(node: object):
    """Every value in rdflib's parse tree."""
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        for value in node:
            yield from _walk(value)


def _refuse_nodes(parsed: CompValue) -> None:
    for node in _walk(parsed):
        if isinstance(node, CompValue) and node.name == "ServiceGraphPattern":
            raise QueryRefused(_NO_SERVICE)
        if isinstance(node, URIRef) and unescape_local(str(node)) == str(G_PRIVATE):
            raise QueryRefused("de privégraaf is niet beschikbaar (the private graph is not public)")
        if isinstance(node, URIRef) and str(node).startswith(_SERVER_FUNCTIONS):  # rdflib: no tuple
            raise QueryRefused(f"<{node}>: functies van de server zelf zijn niet toegestaan "
                               "(server-specific functions are refused)")


def _clauses(node: CompValue) -> list:
    """The FROM/FROM NAMED clauses of a query node (CompValue.get returns the key when absent)."""
    return list(node["datasetClause"]) if "datasetClause" in node and node["datasetClause"] else []


def _dataset(clauses: list, form: str) -> QueryInfo:
    defaults = [unescape_local(str(c["default"])) for c in clauses if "default" in c]
    named = [unescape_local(str(c["named"])) for c in clauses if "named" in c]
    for iri in defaults + named:
        if not iri.startswith(("http://", "https://", "urn:")):
            raise QueryRefused(f"FROM <{iri}>: alleen graven in de store (FROM selects graphs, never files)")
    return QueryInfo(form, tuple(defaults), tuple(named))


def _check_graphs(info: QueryInfo, graphs: Iterable[str] | None) -> None:
    if graphs is None:
        return
    known = set(graphs)
    for keyword, names in (("FROM", (*info.from_graphs, *info.from_named)), ("GRAPH", info.graph_names)):
        for iri in names:
            if iri not in known:
                choices = ", ".join(sorted(known)) or "(geen)"
                raise QueryRefused(f"{keyword} <{iri}> is geen openbare graaf in de store; kies uit: {choices}")
