"""The ``kernen`` command: a thin shell over ``graph``'s public functions.

Each command parses its options, calls one library function and prints the result.
Shared options live in decorators below. Errors from the library are shown as one
clear message (exit 1), never a traceback.
"""

from __future__ import annotations

import contextlib
import functools
import sys

import click

from graph.settings import load_settings


def store_option(fn):
    """``--store DIR|URL``: the store to use (default: settings)."""
    return click.option(
        "--store", "store", default=None, metavar="DIR|URL",
        help="Store directory or SPARQL endpoint URL (env KERNEN_STORE).",
    )(fn)


def stop_on_signals() -> None:
    """SIGTERM ends the command like Ctrl+C does: cleanly, stopping its query workers on the way out."""
    import signal

    def _terminate(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _terminate)


def friendly_errors(fn):
    """Turn the library's user-facing errors into one message and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KeyboardInterrupt:
            click.echo("onderbroken (interrupted)", err=True)
            sys.exit(130)
        except (ValueError, LookupError, OSError, RuntimeError) as exc:  # they carry their own message
            problems = getattr(exc, "problems", None)  # InputError: one line per located problem
            for line in [str(p) for p in problems] if problems else [f"fout: {exc}"]:
                click.echo(line, err=True)
            if callable(getattr(exc, "pointer", None)) and exc.pointer():  # SPARQL syntax: show where
                click.echo(exc.pointer(), err=True)
            if getattr(exc, "hint", None):  # what the user can do about all of the above
                click.echo(exc.hint, err=True)
            sys.exit(1)

    return wrapper


def version() -> str:
    """The version of the package (``graph.__version__``, kept equal to pyproject.toml by a test).

    Read from the module, not from the installed metadata: looking that up scans site-packages
    (0.25 s of a 0.3 s ``kernen --version``) and fails in a checkout that is not installed.
    """
    from graph import __version__

    return __version__


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"kernen {version()}")
        ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and exit.")
def cli() -> None:
    """Kennisgraaf kernendemocratie: build, query, analyse and export."""


# Commands are added below, one block per capability.


@cli.group()
def export() -> None:
    """Exports: facilitator documents (meeting, intake, bundle) and data dumps."""


# --- facilitator documents: kernen export meeting|intake|bundle ---

def document_options(fn):
    """``--format md|html|docx``, ``--out FILE``, ``--lang nl|en`` and ``--store``."""
    fn = click.option("--format", "fmt", type=click.Choice(["md", "html", "docx"]), default="md",
                      show_default=True, help="Markdown, self-contained HTML or Word.")(fn)
    fn = click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), default=None,
                      help="File to write (default: md/html to stdout, docx to a named file here).")(fn)
    fn = click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
                      help="Language of the document (default: settings, nl).")(fn)
    return store_option(fn)


def _write_document(build, fmt: str, out: str | None) -> None:
    """Build the summary with ``build()``, render it and write it."""
    import time
    from pathlib import Path

    from graph.export.reports import filename, render

    start = time.perf_counter()
    summary = build()
    data = render(summary, format=fmt)
    if out is None and fmt != "docx":
        click.echo(data.decode("utf-8"), nl=False)
        return
    path = Path(out or filename(summary, format=fmt))
    path.write_bytes(data)
    click.echo(f"{path} geschreven ({len(data):,} bytes, {time.perf_counter() - start:.2f} s)", err=True)


def _store_and_lang(store: str | None, lang: str | None):
    from graph.store import open_store

    settings = load_settings(store=store, lang=lang)
    return open_store(settings.store), settings.lang


@export.command("meeting")
@click.argument("meeting_id")
@document_options
@click.option("--with-names", is_flag=True, help="Include contact persons' names (personal data!).")
@click.option("--propose-groups", is_flag=True,
              help="Propose tables by what gemeenten share, ignoring the leergroep column.")
@friendly_errors
def export_meeting(meeting_id: str, fmt: str, out: str | None, lang: str | None, store: str | None,
                   with_names: bool, propose_groups: bool) -> None:
    """Meeting pack for bijeenkomst MEETING_ID (e.g. voorbeeld-regio2)."""
    from graph.summaries import meeting_pack

    st, language = _store_and_lang(store, lang)
    _write_document(lambda: meeting_pack(st, meeting_id, lang=language, with_names=with_names,
                                         propose_groups=propose_groups), fmt, out)


@export.command("intake")
@click.argument("gemeente")
@document_options
@click.option("--traject", default=None, help="Trajectory slug (default: the one the gemeente takes part in).")
@friendly_errors
def export_intake(gemeente: str, fmt: str, out: str | None, lang: str | None, store: str | None,
                  traject: str | None) -> None:
    """Intake summary for GEMEENTE (CBS code such as GM1900, or name)."""
    from graph.summaries import intake_summary

    st, language = _store_and_lang(store, lang)
    _write_document(lambda: intake_summary(st, gemeente, lang=language, traject=traject), fmt, out)


@export.command("bundle")
@click.argument("traject")
@document_options
@friendly_errors
def export_bundle(traject: str, fmt: str, out: str | None, lang: str | None, store: str | None) -> None:
    """Lessons bundle (lessenbundel) for trajectory TRAJECT (e.g. voorbeeld)."""
    from graph.summaries import lessons_bundle

    st, language = _store_and_lang(store, lang)
    _write_document(lambda: lessons_bundle(st, traject, lang=language), fmt, out)


# --- analyse: rode draden, groups, hosts, bridges, change ---


def _group_size(ctx, param, value: str) -> tuple[int, int]:
    """``4-6`` -> (4, 6); ``5`` -> (5, 5)."""
    try:
        lo, _, hi = value.partition("-")
        return int(lo), int(hi or lo)
    except ValueError:
        raise click.BadParameter(f"'{value}' is geen groepsgrootte; schrijf bijvoorbeeld 4-6") from None


@cli.command("analyse")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True,
              help="Markdown report or JSON with every field.")
@click.option("--k", "k", type=click.IntRange(min=1), default=3, show_default=True,
              help="A rode draad is shared by at least K gemeenten.")
@click.option("--group-size", default="4-6", show_default=True, callback=_group_size, metavar="MIN-MAX",
              help="Size of the learning groups.")
@click.option("--seed", type=int, default=42, show_default=True, help="Seed for Louvain, groups and sampling.")
@click.option("--traject", default=None, metavar="SLUG", help="One trajectory (default: all in the store).")
@click.option("--regio", type=click.Choice(["provincie"]), default=None,
              help="Form learning groups within each province.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None, help="Language of the Markdown report.")
@store_option
@friendly_errors
def analyse_command(fmt: str, k: int, group_size: tuple[int, int], seed: int, traject: str | None,
                    regio: str | None, lang: str | None, store: str | None) -> None:
    """Rode draden, clusters, learning groups, werkbezoek hosts, bridges and change between meetings."""
    from graph.analysis import analyse
    from graph.analysis.report import to_json, to_markdown
    from graph.store import open_store
    from graph.text.proposals_report import store_proposals, with_proposals
    from graph.text.proposals_report import to_markdown as proposals_markdown

    settings = load_settings(store=store, lang=lang)
    st = open_store(settings.store)
    if traject is None:
        _note_pooled_trajectories(st)
    report = analyse(st, k=k, group_size=group_size, seed=seed, traject=traject, region=regio)
    found = store_proposals(st, traject=traject, k=k)
    if fmt == "json":
        click.echo(with_proposals(to_json(report), found))
    else:
        click.echo(to_markdown(report, lang=settings.lang) + "\n" + proposals_markdown(found, lang=settings.lang, k=k),
                   nl=False)


# --- build, query, queries, stats ---


def _note_pooled_trajectories(store) -> None:
    """Say on stderr when the analysis takes several trajectories (cohorts) together."""
    from graph.summaries.data import trajects

    slugs = [ref.slug for _, ref in trajects(store)]
    if len(slugs) > 1:
        click.echo(f"let op: {len(slugs)} trajecten samen geanalyseerd ({', '.join(slugs)}); "
                   "kies er een met --traject", err=True)


@cli.command("build")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True))
@click.option("--store", "store", default=None, metavar="DIR", help="Store directory (env KERNEN_STORE).")
@click.option("--data", "data_dir", default=None, metavar="DIR", help="Data directory (default: data/).")
@click.option("--remove", "remove", multiple=True, metavar="TRAJECT",
              help="Drop this trajectory from the store (repeatable); others not in INPUT are kept.")
@click.option("--redact", is_flag=True,
              help="Replace personal data in free text by [verwijderd: <soort>] instead of refusing the input.")
@friendly_errors
def build_command(inputs: tuple[str, ...], store: str | None, data_dir: str | None,
                  remove: tuple[str, ...], redact: bool) -> None:
    """Bouw de graaf: referentie + praktijk + trajecten (INPUT; standaard het voorbeeld).

    Atomic: builds a new store next to the old one and swaps it in only when all went well.
    A trajectory already in the store that INPUT does not provide is kept (with a warning).
    Personal data typed into free text (e-mail, phone, IBAN, BSN, address, a contact's name)
    refuses the build, unless --redact.
    """
    from pathlib import Path

    from graph.build import build
    from graph.cli.formatting import format_build_report

    with _ProgressBar() as progress, _redact_hint():
        report = build([Path(p) for p in inputs], store_dir=store, data_dir=data_dir, progress=progress,
                       remove=remove, redact=redact)
    click.echo(format_build_report(report))
    if redact:
        click.echo(f"persoonsgegevens vervangen: {_redacted_summary(report.redacted)}")


def _redacted_summary(redacted: dict[str, int]) -> str:
    from collections import Counter

    from graph.ingest.privacy import PersonalCheck

    return PersonalCheck(redacted=Counter(redacted), lang=load_settings().lang).summary()


@contextlib.contextmanager
def _redact_hint():
    """After located personal-data errors, one line saying what ``--redact`` would do with them."""
    from graph.errors import InputError
    from graph.ingest.privacy import is_personal

    try:
        yield
    except InputError as exc:
        if any(is_personal(p) for p in exc.problems):
            exc.hint = "tip: --redact vervangt persoonsgegevens in vrije tekst door [verwijderd: <soort>]"
        raise


class _ProgressBar:
    """A click progress bar over the build steps (shown on a terminal only)."""

    def __enter__(self):
        self.bar = None
        return self

    def __call__(self, step: str, number: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="bouwen", file=sys.stderr,
                                         item_show_func=lambda item: item)
            self.bar.__enter__()
        self.bar.update(number - self.bar.pos, step)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


@cli.command("query")
@click.argument("query", required=False, metavar="SPARQL|FILE.rq|-")
@click.option("--name", "-n", "name", default=None, metavar="NAME", help="A canned query (see `kernen queries`).")
@click.option("--param", "-p", "params", multiple=True, metavar="K=V", help="A parameter value (repeatable).")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--timeout", type=float, default=None, metavar="S", help="Time limit in seconds (default 10).")
@click.option("--max-rows", type=int, default=None, metavar="N", help="Row cap (default 10000).")
@store_option
@friendly_errors
def query_command(query: str | None, name: str | None, params: tuple[str, ...], fmt: str,
                  timeout: float | None, max_rows: int | None, store: str | None) -> None:
    """Vraag de graaf: inline SPARQL, een .rq-bestand (of - voor stdin), of --name NAME.

    Read-only and safe: no updates, SERVICE or LOAD; FROM only names graphs in the store.
    """
    values = _parse_params(params)
    if (query is None) == (name is None):
        raise click.UsageError("geef precies een van: SPARQL-tekst, een .rq-bestand, of --name NAME")
    settings = load_settings(store=store, query_timeout=timeout, max_rows=max_rows)  # checked here
    timeout, max_rows = settings.query_timeout, settings.max_rows
    stop_on_signals()
    from graph.sparql import run_canned, run_text, start_worker

    start_worker(settings.store)  # it loads the store while this process reads and checks the query
    from graph.cli.formatting import format_result

    if name is not None:
        result = run_canned(name, params=values, store=store, timeout=timeout, max_rows=max_rows)
    else:
        result = run_text(_query_text(query), params=values, store=store, timeout=timeout, max_rows=max_rows)
    click.echo(format_result(result, fmt).rstrip("\n"))
    if result.truncated and fmt != "table":
        click.echo(f"let op: afgekapt na {len(result.rows)} rijen (truncated; use --max-rows)", err=True)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r}: verwacht naam=waarde", param_hint="--param")
        values[key.strip()] = value
    return values


def _query_text(query: str) -> str:
    """The query itself, or the contents of the .rq file (or stdin for ``-``) it names."""
    from pathlib import Path

    if query == "-":
        return sys.stdin.read()
    path = Path(query)
    if query.endswith((".rq", ".sparql")) or ("\n" not in query and _is_file(path)):
        return path.read_text(encoding="utf-8")
    return query


def _is_file(path) -> bool:
    """``path.is_file()``, False for a text too long to be a file name (a long one-line query)."""
    try:
        return path.is_file()
    except OSError:
        return False


@cli.command("queries")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of the descriptions.")
def queries_command(lang: str) -> None:
    """Toon de vaste queries (canned queries) met beschrijving, parameters en kolommen."""
    from graph.cli.formatting import format_canned
    from graph.sparql import canned_queries

    click.echo(format_canned(canned_queries(), lang=lang))


@cli.command("stats")
@store_option
@friendly_errors
def stats_command(store: str | None) -> None:
    """Toon wat de store bevat: triples per graaf en instanties per klasse."""
    from graph.cli.formatting import format_counts
    from graph.store import open_store
    from graph.store.stats import instances_per_class, triples_per_graph

    with open_store(store) as opened:
        click.echo(format_counts(triples_per_graph(opened), header=("graaf (named graph)", "triples")))
        click.echo()
        click.echo(format_counts(instances_per_class(opened), header=("klasse", "instanties")))


# --- SPARQL endpoint, data dumps, publishing: kernen serve | export data | publish ---

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
DATA_FORMATS = ["ttl", "nt", "trig", "jsonld", "graphml", "gexf", "csv"]  # graph.export.data.FORMATS


@cli.command("serve")
@store_option
@click.option("--host", default=None, help="Interface to listen on (default 127.0.0.1: this machine only).")
@click.option("--port", type=int, default=None, help="Port (default 7878).")
@click.option("--timeout", type=float, default=None, help="Seconds a query may run (default 10).")
@click.option("--max-rows", type=int, default=None, help="Rows per answer before it is truncated (default 10000).")
@click.option("--cors", default=None, metavar="ORIGINS", help="Comma-separated origins allowed by CORS (default: off).")
@click.option("--dumps", type=click.Path(file_okay=False), default=None,
              help="Directory with the dumps to serve (default: data/build/dumps).")
@friendly_errors
def serve_command(store, host, port, timeout, max_rows, cors, dumps) -> None:
    """SPARQL 1.1 endpoint at /sparql and a landing page at / (read-only, time limit, row cap)."""
    from pathlib import Path

    from graph.endpoint import EndpointConfig, serve
    from graph.store import open_store

    settings = load_settings(store=store, endpoint_host=host, endpoint_port=port, query_timeout=timeout,
                             max_rows=max_rows, cors_origins=cors)
    config = EndpointConfig.from_settings(settings, dumps=Path(dumps) if dumps else None)
    open_store(settings.store).graphs()  # fail now, with the reason, rather than on the first request
    if settings.endpoint_host not in LOOPBACK:
        click.echo(f"let op: het endpoint is bereikbaar vanaf andere machines ({settings.endpoint_host})", err=True)
    click.echo(f"SPARQL: http://{settings.endpoint_host}:{settings.endpoint_port}/sparql "
               f"(store {settings.store}; Ctrl+C stopt)", err=True)
    serve(config, host=settings.endpoint_host, port=settings.endpoint_port)


@export.command("data")
@store_option
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Directory to write (default: data/build/dumps, which `kernen serve` offers).")
@click.option("--format", "formats", multiple=True, type=click.Choice(DATA_FORMATS),
              help="Only these formats (repeatable; default: all).")
@friendly_errors
def export_data_command(store, out, formats) -> None:
    """Data dumps of the public graphs (Turtle, N-Triples, TriG, JSON-LD, GraphML, GEXF, CSV) + manifest."""
    import time
    from pathlib import Path

    from graph.export.data import FORMATS, export_data
    from graph.store import open_store

    settings = load_settings(store=store)
    target = Path(out) if out else Path(settings.data) / "build" / "dumps"
    start = time.perf_counter()
    manifest = export_data(open_store(settings.store), target, formats=formats or FORMATS)
    for f in manifest["files"]:
        counts = ", ".join(f"{f[k]:,} {k}" for k in ("triples", "rows", "nodes", "edges") if k in f)
        click.echo(f"{target / f['name']}  {f['bytes']:,} bytes  {counts}")
    click.echo(f"{len(manifest['files'])} bestanden + manifest.json in {time.perf_counter() - start:.1f} s", err=True)


@cli.command("publish")
@store_option
@click.option("--endpoint", required=True, metavar="URL", help="SPARQL endpoint of the target store.")
@click.option("--graph-store", default=None, metavar="URL",
              help="Graph Store Protocol URL (default: derived: Virtuoso /sparql-graph-crud-auth, Fuseki /data).")
@click.option("--user", envvar="KERNEN_PUBLISH_USER", default=None, help="User (env KERNEN_PUBLISH_USER).")
@click.option("--password", envvar="KERNEN_PUBLISH_PASSWORD", default=None,
              help="Password (env KERNEN_PUBLISH_PASSWORD; asked for when a user is given without one).")
@click.option("--include-private", is_flag=True, help="Also publish the private graph (personal data!).")
@friendly_errors
def publish_command(store, endpoint, graph_store, user, password, include_private) -> None:
    """Load the graph (every named graph) into a SPARQL 1.1 store with the Graph Store Protocol."""
    import time

    from graph.store.publish import publish
    from graph.store import open_store

    if user and password is None:
        password = click.prompt(f"wachtwoord voor {user}", hide_input=True)
    start = time.perf_counter()
    counts = publish(open_store(load_settings(store=store).store), endpoint, graph_store=graph_store,
                     user=user, password=password, include_private=include_private)
    for graph, n in counts.items():
        click.echo(f"{graph}  {n:,} triples")
    click.echo(f"{sum(counts.values()):,} triples naar {endpoint} in {time.perf_counter() - start:.1f} s", err=True)


# --- end of block ---


@cli.command("app")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8501, show_default=True, type=int, help="Port to listen on.")
def app_command(store, host, port) -> None:
    """Open the Streamlit app for participants on the current store (read-only unless the operator allows upload)."""
    import os
    from pathlib import Path

    from graph.settings import ROOT

    settings = load_settings(store=store)
    location = settings.store if settings.is_remote else str(Path(settings.store).absolute())
    env = {**os.environ, "KERNEN_STORE": location}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app" / "main.py"),
               "--server.address", host, "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--client.toolbarMode", "viewer"]
    click.echo(f"app op http://{host}:{port}  (store: {env['KERNEN_STORE']})", err=True)
    os.chdir(ROOT)  # .streamlit/config.toml is read from the working directory
    os.execve(sys.executable, command, env)  # become Streamlit: signals reach the server itself


# --- trajectory input: kernen validate | template ---

SEVERITY_PREFIX = {"error": "", "warning": "waarschuwing: ", "info": "info: ", "hint": "hint: "}


@cli.command("validate")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(), metavar="INPUT...")
@click.option("--data", "data_dir", default=None, metavar="DIR", help="Data directory (default: data/).")
@click.option("--quiet", "-q", is_flag=True,
              help="Leave out the information lines (encoding, delimiter) and the tag hints.")
@click.option("--store", "store", default=None, metavar="DIR", help="Store to compare with (env KERNEN_STORE).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the personal-data messages and the tag hints (default: settings, nl).")
def validate_command(inputs: tuple[str, ...], data_dir: str | None, quiet: bool, store: str | None,
                     lang: str | None) -> None:
    """Controleer trajectinvoer (werkboek .xlsx, CSV-map of .yaml) zonder iets te schrijven.

    Prints every problem as file:sheet:row:column: message (plus a suggestion); exit 1 on any error.
    Ends with the records per kind and what is new, changed or removed against the store.
    """
    from pathlib import Path

    from graph.ingest import errors_in, validate_inputs
    from graph.text.inputs import hints

    settings = load_settings(data=data_dir, store=store, lang=lang)
    problems, valid = validate_inputs([Path(p) for p in inputs], data_dir=settings.data_dir, lang=settings.lang)
    problems += hints([Path(p) for p in inputs if Path(p).exists()], data_dir=settings.data_dir, lang=settings.lang)
    for problem in problems:
        if not (quiet and problem.severity in ("info", "hint")):
            click.echo(SEVERITY_PREFIX.get(problem.severity, "") + str(problem))
    errors, warnings = len(errors_in(problems)), sum(p.severity == "warning" for p in problems)
    if errors:
        click.echo(f"ongeldig: {errors} fout(en), {warnings} waarschuwing(en) in {len(inputs)} invoer", err=True)
        sys.exit(1)
    _compare_with_store(valid, settings.store)
    click.echo(f"geldig: {len(inputs)} invoer, 0 fouten, {warnings} waarschuwing(en)")


def _compare_with_store(trajectories: list, store_path) -> None:
    """Records per kind and the difference with the local store, one or two lines per trajectory."""
    import pyoxigraph as ox

    from graph.build.compare import compare, summary_lines
    from graph.store import StoreMissing, current_version

    try:
        version = current_version(store_path) if store_path and "://" not in str(store_path) else None
        store = ox.Store.read_only(str(version)) if version is not None and version.is_dir() else None
    except (StoreMissing, OSError):
        store = None
    for trajectory in trajectories:
        for line in summary_lines(compare(trajectory, store)):
            click.echo(line)


@cli.command("template")
@click.option("--out", required=True, type=click.Path(dir_okay=False), metavar="FILE.xlsx",
              help="Where to write the empty workbook.")
@click.option("--data", "data_dir", default=None, metavar="DIR", help="Data directory (default: data/).")
@click.option("--force", is_flag=True, help="Overwrite FILE.xlsx if it exists.")
@friendly_errors
def template_command(out: str, data_dir: str | None, force: bool) -> None:
    """Schrijf het lege invulwerkboek: uitleg per kolom, keuzelijsten, instructieblad."""
    from pathlib import Path

    from graph.ingest.template import workbook_bytes

    path = Path(out)
    if path.suffix.lower() != ".xlsx":
        raise click.BadParameter("the file name must end in .xlsx", param_hint="--out")
    if path.exists() and not force:
        raise click.UsageError(f"{path} bestaat al; gebruik --force om te overschrijven")
    path.write_bytes(workbook_bytes(data_dir=load_settings(data=data_dir).data_dir))
    click.echo(f"werkboek geschreven: {path}")


# --- end of block ---


# --- lesson texts: kernen suggest | verslag ---


def _built_store(location: str | None):
    """The store at ``location`` (settings when None), or None when none has been built."""
    from graph.store import StoreMissing, open_store

    try:
        return open_store(location)
    except StoreMissing:
        return None


@cli.command("suggest")
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A table with explanations, or JSON: each lesson with its tags and ranked suggestions.")
@click.option("--data", "data_dir", default=None, metavar="DIR", help="Data directory (default: data/).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None, help="Language of the explanations.")
@store_option
@friendly_errors
def suggest_command(input_path: str, fmt: str, data_dir: str | None, lang: str | None, store: str | None) -> None:
    """Stel thema's en instrumenten voor bij elke les van INPUT (werkboek, CSV-map of .yaml).

    Learns from the store's themes, instruments and tagged lessons (the ontology alone when no store
    is built) and from the tagged lessons of INPUT; writes nothing.
    """
    import json
    from pathlib import Path

    from graph.text.inputs import suggestions, table

    settings = load_settings(store=store, lang=lang, data=data_dir)
    found = suggestions(Path(input_path), data_dir=settings.data_dir, store=_built_store(store))
    click.echo(json.dumps(found, ensure_ascii=False, indent=2) if fmt == "json" else table(found, lang=settings.lang))


@cli.command("verslag")
@click.argument("report", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--bijeenkomst", required=True, metavar="ID", help="id of the meeting the report is of.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), metavar="FILE.xlsx",
              help="Where to write the workbook with the drafted lessons.")
@click.option("--soort", type=click.Choice(["intake", "startbijeenkomst", "regionale-uitwisseling", "werkbezoek",
                                            "slotbijeenkomst"]), default="regionale-uitwisseling", show_default=True,
              help="Kind of meeting (for the bijeenkomst row).")
@click.option("--datum", type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]), default=None,
              help="Date of the meeting (default: today).")
@click.option("--traject", default="verslag", show_default=True, metavar="ID", help="id for the traject row.")
@click.option("--gastgemeente", default=None, metavar="GEMEENTE", help="Host (needed for a werkbezoek).")
@click.option("--data", "data_dir", default=None, metavar="DIR", help="Data directory (default: data/).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None, help="Language of the explanations.")
@click.option("--force", is_flag=True, help="Overwrite FILE.xlsx if it exists.")
@store_option
@friendly_errors
def verslag_command(report: str, bijeenkomst: str, out: str, soort: str, datum, traject: str,
                    gastgemeente: str | None, data_dir: str | None, lang: str | None, force: bool,
                    store: str | None) -> None:
    """Zet een verslag (.docx, .md, .txt) om in conceptlessen in een werkboek; schrijft niets in de store.

    Candidate lessons are sentences and bullets with facilitators' cues; gemeenten (also former names)
    and suggested tags are filled in; personal data is left out (the check the inputs get). Check every row.
    """
    from datetime import date
    from pathlib import Path

    from graph.text.verslag_file import draft_workbook

    path = Path(out)
    if path.suffix.lower() != ".xlsx":
        raise click.BadParameter("the file name must end in .xlsx", param_hint="--out")
    if path.exists() and not force:
        raise click.UsageError(f"{path} bestaat al; gebruik --force om te overschrijven")
    settings = load_settings(store=store, lang=lang, data=data_dir)
    lines = draft_workbook(Path(report), path, bijeenkomst=bijeenkomst, soort=soort,
                           datum=datum.date() if datum else date.today(), traject=traject,
                           gastgemeente=gastgemeente, data_dir=settings.data_dir, store=_built_store(store),
                           lang=settings.lang)
    for line in lines:
        click.echo(line)


def main() -> None:
    cli(prog_name="kernen")
