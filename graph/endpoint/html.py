"""The endpoint's pages and non-JSON result formats, as text. Every value is escaped.

Pure functions: the landing page (Dutch, ``lang="en"`` for English), the HTML result table, the
SPARQL XML results, and the SPARQL 1.1 Service Description in Turtle.

>>> from graph.store.results import QueryResult, Term
>>> r = QueryResult("select", columns=["x"], rows=[[Term("literal", "<b>&")]])
>>> "&lt;b&gt;&amp;" in results_page(r)
True
>>> print(results_xml(QueryResult("ask", boolean=True)))
<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>true</boolean></sparql>
"""

from __future__ import annotations

import json
import urllib.parse
from html import escape
from xml.sax.saxutils import quoteattr
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox

from graph.namespace import PREFIXES

TEXT = {  # key -> (nl, en)
    "title": ("Kennisgraaf kernendemocratie: SPARQL-endpoint", "Kernendemocratie knowledge graph: SPARQL endpoint"),
    "intro": ("Een open kennisgraaf over de invloed en zeggenschap van kernen, wijken en buurten in Nederlandse "
              "gemeenten. Stel vragen met SPARQL 1.1 op", "An open knowledge graph about the influence and say of "
              "kernen (villages), wijken and buurten in Dutch municipalities. Ask questions with SPARQL 1.1 at"),
    "limits": ("Alleen lezen; elke query stopt na {t} s en geeft hoogstens {n} rijen (afkappen staat in de "
               "header X-Kernen-Truncated).", "Read-only; every query stops after {t} s and returns at most "
               "{n} rows (truncation is flagged by the X-Kernen-Truncated header)."),
    "dataset": ("Dataset (VoID)", "Dataset (VoID)"),
    "triples": ("triples", "triples"),
    "graphs": ("Graven", "Named graphs"),
    "graph": ("Graaf", "Graph"),
    "licence": ("Licentie", "Licence"),
    "sources": ("Bronnen", "Sources"),
    "cited": ("geciteerde bronnen (zie VoID)", "cited sources (see VoID)"),
    "nolicence": ("geen licentie vermeld", "no licence stated"),
    "classes": ("Klassen", "Classes"),
    "properties": ("Eigenschappen", "Properties"),
    "instances": ("exemplaren", "instances"),
    "examples": ("Voorbeeldqueries", "Example queries"),
    "editor": ("Query-editor", "Query editor"),
    "start": ("Begin met een voorbeeld:", "Start from an example:"),
    "run": ("uitvoeren", "run"),
    "toolong": ("te lang voor een link (meer dan {n} bytes): kies deze query in de query-editor, die hem met "
                "POST verstuurt", "too long for a link (over {n} bytes): pick this query in the query editor, "
                "which sends it by POST"),
    "params": ("parameters (standaardwaarde ingevuld)", "parameters (default filled in)"),
    "needs": ("vraagt om een waarde voor", "needs a value for"),
    "dumps": ("Downloads", "Downloads"),
    "nodumps": ("Nog geen downloads; maak ze met", "No downloads yet; make them with"),
    "file": ("Bestand", "File"),
    "size": ("Grootte", "Size"),
    "count": ("Aantal", "Count"),
    "more": ("Beschrijvingen", "Descriptions"),
    "other": ("English", "Nederlands"),
    "truncated": ("Afgekapt", "Truncated"),
    "result": ("Resultaat", "Result"),
}
LICENCE_NAMES = {"https://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
                 "http://publications.europa.eu/resource/authority/licence/EUPL_1_2": "EUPL-1.2"}
MAX_LISTED = 40  # classes/properties shown on the landing page (all of them are in /void)


def t(key: str, lang: str) -> str:
    """A text in ``lang`` (``nl`` or ``en``)."""
    return TEXT[key][1 if lang == "en" else 0]


def short(iri: str) -> str:
    """An IRI with a known prefix: ``kd:Gemeente``.

    >>> short("https://w3id.org/kernendemocratie/def#Gemeente"), short("http://x/y")
    ('kd:Gemeente', 'http://x/y')
    """
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def page(title: str, body: str, *, lang: str = "nl") -> str:
    """A whole HTML page around ``body`` (already escaped)."""
    return _page(title, body, lang=lang)


def table(head: list[str], rows: list[list[str]], *, caption: str = "") -> str:
    """A table of already escaped cells."""
    return _table(head, rows, caption=caption)


def _page(title: str, body: str, *, lang: str = "nl") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title>"
            f'<link rel="stylesheet" href="/static/kernen.css"></head><body><main>{body}</main></body></html>\n')


def _link(href: str, text: str) -> str:
    return f'<a href="{escape(href, quote=True)}">{escape(text)}</a>'


def _table(head: list[str], rows: list[list[str]], *, caption: str = "") -> str:
    """A table of already escaped cells."""
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    th = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{cap}<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _iri_cell(iri: str) -> str:
    return _link(iri, short(iri)) if iri.startswith(("http://", "https://")) else escape(iri)


def _number(n: int | float, lang: str = "nl") -> str:
    """``165.131`` in Dutch, ``165,131`` in English."""
    return f"{n:,}" if lang == "en" else f"{n:,}".replace(",", ".")


def _licence_cell(graph, lang: str) -> str:
    if graph.licences:
        return ", ".join(_link(x, LICENCE_NAMES.get(x, short(x))) for x in graph.licences)
    return escape(graph.rights) if graph.rights else escape(t("nolicence", lang))


def _sources_cell(graph, lang: str) -> str:
    named = ", ".join(_iri_cell(x) for x in graph.sources[:5]) + (" …" if len(graph.sources) > 5 else "")
    if not graph.cited:
        return named
    cited = f"{_number(len(graph.cited), lang)} {escape(t('cited', lang))}"
    return f"{named}; {cited}" if named else cited


def _dataset_section(desc, lang: str) -> str:
    graphs = [[_iri_cell(g.iri), _number(g.triples, lang), _licence_cell(g, lang), _sources_cell(g, lang)]
              for g in desc.graphs]
    classes = [[_iri_cell(c), _number(n, lang)] for c, n in desc.classes[:MAX_LISTED]]
    props = [[_iri_cell(p), _number(n, lang)] for p, n in desc.properties[:MAX_LISTED]]
    return (f'<section><h2>{escape(t("dataset", lang))}</h2>'
            f"<p>{_number(desc.triples, lang)} {escape(t('triples', lang))} · {len(desc.graphs)} "
            f"{escape(t('graphs', lang).lower())} · {len(desc.classes)} {escape(t('classes', lang).lower())} · "
            f"{len(desc.properties)} {escape(t('properties', lang).lower())} · {_link('/void', 'VoID (Turtle)')}</p>"
            + _table([t("graph", lang), t("triples", lang), t("licence", lang), t("sources", lang)], graphs)
            + '<div class="cols">'
            + _table([t("classes", lang), t("instances", lang)], classes)
            + _table([t("properties", lang), t("triples", lang)], props) + "</div></section>")


def query_links(text: str, max_bytes: int | None = None, lang: str = "nl") -> str:
    """Links that run ``text``: as an HTML table, JSON and CSV; a note instead when a link's query string
    would be longer than ``max_bytes``, the endpoint's request limit (it would answer 413)."""
    links = []
    for fmt in ("html", "json", "csv"):
        query_string = urllib.parse.urlencode({"query": text, "format": fmt})
        if max_bytes is not None and len(query_string.encode("ascii")) > max_bytes:
            return f"<em>{escape(t('toolong', lang).format(n=_number(max_bytes, lang)))}</em>"
        links.append(_link("/sparql?" + query_string, fmt.upper()))
    return " · ".join(links)


def _example(query, lang: str, max_bytes: int | None) -> str:
    from graph.sparql.canned import bind_params
    from graph.store.binding import bind_values

    description = (query.description_en if lang == "en" else "") or query.description_nl
    missing = [p.name for p in query.params if p.default is None]
    if missing:
        run = f"<em>{escape(t('needs', lang))} {escape(', '.join(missing))}</em>"
        text = query.text
    else:
        try:
            text = bind_values(query.text, bind_params(query, {}))
        except (ValueError, LookupError):  # a default that needs the store to resolve it
            text = query.text
        run = f"{escape(t('run', lang))}: {query_links(text, max_bytes, lang)}"
    params = "".join(f"<li><code>{escape(p.name)}</code> ({escape(p.type)}) = {escape(p.default or '')}"
                     f" {escape(p.description)}</li>" for p in query.params)
    params = f"<p>{escape(t('params', lang))}</p><ul>{params}</ul>" if params else ""
    return (f'<article id="q-{escape(query.name, quote=True)}"><h3>{escape(query.name)}</h3>'
            f"<p>{escape(description)}</p>{params}<p>{run}</p>"
            f"<details><summary>SPARQL</summary><pre>{escape(text)}</pre></details></article>")


def _dumps_section(manifest: dict, lang: str) -> str:
    files = manifest.get("files", [])
    if not files:
        return (f'<section><h2>{escape(t("dumps", lang))}</h2><p>{escape(t("nodumps", lang))} '
                f"<code>kernen export data</code>.</p></section>")
    rows = [[_link(f"/dumps/{f['name']}", f["name"]), escape(str(f.get("format", ""))),
             escape(_number(int(f.get("bytes", 0)), lang)),
             escape(_number(f.get("triples", f.get("rows", f.get("nodes", 0))), lang)),
             f"<code>{escape(str(f.get('sha256', ''))[:16])}…</code>"] for f in files]
    head = [t("file", lang), "format", t("size", lang) + " (bytes)", t("count", lang), "SHA-256"]
    return (f'<section><h2>{escape(t("dumps", lang))}</h2><p>{_link("/dumps/manifest.json", "manifest.json")} · '
            f"{escape(str(manifest.get('built', '')))}</p>" + _table(head, rows) + "</section>")


def _example_text(query) -> str:
    from graph.sparql.canned import bind_params
    from graph.store.binding import bind_values

    try:
        return bind_values(query.text, bind_params(query, {}))
    except (ValueError, LookupError):  # a parameter without a default, or one the store must resolve
        return query.text


def editor_section(queries, lang: str) -> str:
    """The query editor (YASGUI, served from /static) with the canned queries to start from."""
    examples = {q.name: _example_text(q) for q in queries}
    data = json.dumps(examples, ensure_ascii=False).replace("<", "\\u003c")
    options = "".join(f'<option value="{escape(name, quote=True)}">{escape(name)}</option>' for name in examples)
    return (f'<section><h2>{escape(t("editor", lang))}</h2>'
            f'<p><label for="kernen-example">{escape(t("start", lang))}</label> '
            f'<select id="kernen-example">{options}</select> · {_link("/static/LICENSE-yasgui.txt", "YASGUI (MIT)")}</p>'
            f'<div id="yasgui"></div><script type="application/json" id="kernen-examples">{data}</script>'
            '<link rel="stylesheet" href="/static/yasgui-4.6.2.min.css">'
            '<script src="/static/yasgui-4.6.2.min.js"></script><script src="/static/kernen-editor.js"></script>'
            "</section>")


def landing_page(desc, *, lang: str = "nl", queries=(), manifest: dict | None = None,
                 timeout: float = 10.0, max_rows: int = 10_000, base_url: str = "",
                 max_query_bytes: int | None = None) -> str:
    """The landing page: what this is, the dataset description, runnable examples and the dumps.
    Example links longer than ``max_query_bytes`` (the endpoint's request limit) are left out."""
    other = "nl" if lang == "en" else "en"
    head = (f'<nav>{_link("/?lang=" + other, t("other", lang))}</nav><h1>{escape(t("title", lang))}</h1>'
            f"<p>{escape(t('intro', lang))} <code>/sparql</code>.</p>"
            f"<p>{escape(t('limits', lang).format(t=f'{timeout:g}', n=_number(max_rows, lang)))}</p>"
            f"<pre>curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 5' "
            f"{escape(base_url or '<host>')}/sparql</pre>"
            f'<p>{escape(t("more", lang))}: {_link("/service-description", "SPARQL Service Description")} · '
            f'{_link("/void", "VoID")}</p>')
    examples = "".join(_example(q, lang, max_query_bytes) for q in queries)
    body = (head + editor_section(queries, lang) + _dataset_section(desc, lang)
            + f'<section><h2>{escape(t("examples", lang))}</h2>{examples}</section>'
            + _dumps_section(manifest or {}, lang))
    return _page(t("title", lang), body, lang=lang)


def _cell(term) -> str:
    if term is None:
        return ""
    if term.kind == "uri":
        return _iri_cell(term.value)
    suffix = f"@{term.lang}" if term.lang else ""
    return escape(term.value) + (f"<small>{escape(suffix)}</small>" if suffix else "")


def results_page(result, *, note: str = "") -> str:
    """A SELECT/ASK result as an HTML table."""
    warning = f'<p class="note">{escape(note)}</p>' if note else ""
    if result.kind == "ask":
        body = f"<p>ASK: <strong>{str(bool(result.boolean)).lower()}</strong></p>"
    else:
        body = _table(result.columns, [[_cell(x) for x in row] for row in result.rows],
                      caption=f"{len(result.rows)} rows")
    return _page(t("result", "nl"), f'<nav>{_link("/", "kernen")}</nav>{warning}{body}')


def graph_page(turtle: str, *, note: str = "") -> str:
    """A CONSTRUCT/DESCRIBE result as Turtle in an HTML page."""
    warning = f'<p class="note">{escape(note)}</p>' if note else ""
    return _page(t("result", "nl"), f'<nav>{_link("/", "kernen")}</nav>{warning}<pre>{escape(turtle)}</pre>')


def _xml_term(term) -> str:
    if term.kind == "uri":
        return f"<uri>{xml_escape(term.value)}</uri>"
    if term.kind == "bnode":
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if term.lang:
        return f"<literal xml:lang={quoteattr(term.lang)}>{xml_escape(term.value)}</literal>"
    dt = term.datatype
    attr = f" datatype={quoteattr(dt)}" if dt and dt != "http://www.w3.org/2001/XMLSchema#string" else ""
    return f"<literal{attr}>{xml_escape(term.value)}</literal>"


def results_xml(result, *, note: str = "") -> str:
    """SPARQL 1.1 Query Results XML Format."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        out[-1] += f"<head/><boolean>{str(bool(result.boolean)).lower()}</boolean></sparql>"
        return "\n".join(out)
    out.append("<head>" + "".join(f"<variable name={quoteattr(c)}/>" for c in result.columns) + "</head>")
    out.append("<results>")
    for row in result.rows:
        cells = "".join(f"<binding name={quoteattr(c)}>{_xml_term(x)}</binding>"
                        for c, x in zip(result.columns, row) if x is not None)
        out.append(f"<result>{cells}</result>")
    out.append("</results></sparql>")
    if note:
        out.append(f"<!-- {xml_escape(note).replace('--', '- -')} -->")
    return "\n".join(out) + "\n"


RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "JSON-LD", "RDF_XML")


def service_turtle(desc, *, base_url: str) -> str:
    """The SPARQL 1.1 Service Description of this endpoint, with its default dataset, in Turtle."""
    endpoint = str(ox.NamedNode(base_url + "/sparql"))
    formats = ", ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in RESULT_FORMATS)
    named = "".join(f"    sd:namedGraph [ sd:name {ox.NamedNode(g.iri)} ; sd:graph [ a sd:Graph ; "
                    f"void:triples {g.triples} ] ] ;\n" for g in desc.graphs)
    return (
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
        "@prefix void: <http://rdfs.org/ns/void#> .\n\n"
        f"{endpoint} a sd:Service ;\n  sd:endpoint {endpoint} ;\n"
        "  sd:supportedLanguage sd:SPARQL11Query ;\n  sd:feature sd:UnionDefaultGraph ;\n"
        f"  sd:resultFormat {formats} ;\n"
        "  sd:defaultDataset [ a sd:Dataset ;\n"
        f"    sd:defaultGraph [ a sd:Graph ; void:triples {desc.triples} ] ;\n{named}"
        f"    void:sparqlEndpoint {endpoint} ] .\n"
    )
