"""``kernen export meeting|intake|bundle``: the facilitator's documents."""

from __future__ import annotations

import click

from graph.cli.base import export, friendly_errors, store_option
from graph.cli.localized import lang_option, option
from graph.export.formats import DOCUMENT_FORMATS
from graph.settings import load_settings


def document_options(fn):
    """``--format md|html|docx``, ``--out FILE``, ``--lang nl|en`` and ``--store``."""
    fn = option("--format", "fmt", type=click.Choice(DOCUMENT_FORMATS), default="md",
                show_default=True, help="opt.doc_format")(fn)
    fn = option("--out", "out", type=click.Path(dir_okay=False, writable=True), default=None,
                help="opt.doc_out")(fn)
    fn = lang_option("opt.doc_lang")(fn)
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
    return open_store(settings.store, memory_copy=False), settings.lang  # one document: a few queries


@export.command("meeting", help="cmd.export_meeting")
@click.argument("meeting_id")
@document_options
@option("--with-names", is_flag=True, help="cli.with_names")
@option("--propose-groups", is_flag=True,
        help="cli.propose_groups")
@friendly_errors
def export_meeting(meeting_id: str, fmt: str, out: str | None, lang: str | None, store: str | None,
                   with_names: bool, propose_groups: bool) -> None:
    """Meeting pack for bijeenkomst MEETING_ID (e.g. voorbeeld-regio2)."""
    from graph.summaries import meeting_pack

    st, language = _store_and_lang(store, lang)
    _write_document(lambda: meeting_pack(st, meeting_id, lang=language, with_names=with_names,
                                         propose_groups=propose_groups), fmt, out)


@export.command("intake", help="cmd.export_intake")
@click.argument("gemeente")
@document_options
@option("--traject", default=None, help="opt.intake_traject")
@friendly_errors
def export_intake(gemeente: str, fmt: str, out: str | None, lang: str | None, store: str | None,
                  traject: str | None) -> None:
    """Intake summary for GEMEENTE (CBS code such as GM1900, or name)."""
    from graph.summaries import intake_summary

    st, language = _store_and_lang(store, lang)
    _write_document(lambda: intake_summary(st, gemeente, lang=language, traject=traject), fmt, out)


@export.command("bundle", help="cmd.export_bundle")
@click.argument("traject")
@document_options
@friendly_errors
def export_bundle(traject: str, fmt: str, out: str | None, lang: str | None, store: str | None) -> None:
    """Lessons bundle (lessenbundel) for trajectory TRAJECT (e.g. voorbeeld)."""
    from graph.summaries import lessons_bundle

    st, language = _store_and_lang(store, lang)
    _write_document(lambda: lessons_bundle(st, traject, lang=language), fmt, out)
