"""``kernen query``, ``queries`` and ``stats``: asking the graph."""

from __future__ import annotations

import sys

import click

from graph.cli.base import cli, friendly_errors, stop_on_signals, store_option
from graph.cli.localized import lang_option, option
from graph.messages import t
from graph.settings import load_settings


@cli.command("query", help="cmd.query")
@click.argument("query", required=False, metavar="SPARQL|FILE.rq|-")
@option("--name", "-n", "name", default=None, metavar="NAME", help="opt.query_name")
@option("--param", "-p", "params", multiple=True, metavar="K=V", help="opt.query_param")
@option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
        show_default=True, help="opt.query_format")
@option("--timeout", type=float, default=None, metavar="S", help="opt.query_timeout")
@option("--max-rows", type=int, default=None, metavar="N", help="opt.query_max_rows")
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
        click.echo(t("cli.truncated", n=len(result.rows)), err=True)


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


@cli.command("queries", help="cmd.queries")
@lang_option("opt.queries_lang", default="nl", show_default=True)
def queries_command(lang: str) -> None:
    """Toon de vaste queries (canned queries) met beschrijving, parameters en kolommen."""
    from graph.cli.formatting import format_canned
    from graph.sparql import canned_queries

    click.echo(format_canned(canned_queries(), lang=lang))


@cli.command("stats", help="cmd.stats")
@store_option
@friendly_errors
def stats_command(store: str | None) -> None:
    """Toon wat de store bevat: triples per graaf, instanties per klasse en de praktijk in cijfers."""
    from graph.cli.formatting import format_counts
    from graph.store import open_store
    from graph.store.stats import instances_per_class, practice_figures, triples_per_graph

    with open_store(store) as opened:
        click.echo(format_counts(triples_per_graph(opened), header=("graaf (named graph)", "triples")))
        click.echo()
        click.echo(format_counts(instances_per_class(opened), header=("klasse", "instanties")))
        click.echo()
        click.echo(format_counts(practice_figures(opened), header=("praktijk", "aantal")))
