"""The ``kernen`` command: a thin shell over ``graph``'s public functions.

Each command parses its options, calls one library function and prints the result.
Shared options live in decorators below. Errors from the library are shown as one
clear message (exit 1), never a traceback.
"""

from __future__ import annotations

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


def friendly_errors(fn):
    """Turn the library's user-facing errors into one message and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (ValueError, LookupError, OSError, RuntimeError) as exc:  # they carry their own message
            problems = getattr(exc, "problems", None)  # InputError: one line per located problem
            for line in [str(p) for p in problems] if problems else [f"fout: {exc}"]:
                click.echo(line, err=True)
            sys.exit(1)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kernendemocratie")
def cli() -> None:
    """Kennisgraaf kernendemocratie: build, query, analyse and export."""


# Commands are added below, one block per capability.


@cli.group()
def export() -> None:
    """Exports: facilitator documents (meeting, intake, bundle) and data dumps."""


# --- facilitator documents (issue 7): kernen export meeting|intake|bundle ---

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
@friendly_errors
def export_meeting(meeting_id: str, fmt: str, out: str | None, lang: str | None, store: str | None,
                   with_names: bool) -> None:
    """Meeting pack for bijeenkomst MEETING_ID (e.g. voorbeeld-regio2)."""
    from graph.summaries import meeting_pack

    st, language = _store_and_lang(store, lang)
    _write_document(lambda: meeting_pack(st, meeting_id, lang=language, with_names=with_names), fmt, out)


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


# --- analyse (issue 4): rode draden, groups, hosts, bridges, change ---


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

    settings = load_settings(store=store, lang=lang)
    report = analyse(open_store(settings.store), k=k, group_size=group_size, seed=seed, traject=traject,
                     region=regio)
    click.echo(to_json(report) if fmt == "json" else to_markdown(report, lang=settings.lang), nl=False)


def main() -> None:
    cli(prog_name="kernen")
