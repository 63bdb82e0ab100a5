"""``kernen analyse``, ``suggest`` and ``verslag``: rode draden and lesson texts."""

from __future__ import annotations

import click

from graph.cli.base import cli, friendly_errors, store_option
from graph.cli.localized import lang_option, option
from graph.messages import t
from graph.settings import load_settings


def _note_pooled_trajectories(store) -> None:
    """Say on stderr when the analysis takes several trajectories (cohorts) together."""
    from graph.summaries.data import trajects

    slugs = [ref.slug for _, ref in trajects(store)]
    if len(slugs) > 1:
        click.echo(t("cli.pooled", n=len(slugs), slugs=", ".join(slugs)), err=True)


def _group_size(ctx, param, value: str) -> tuple[int, int]:
    """``4-6`` -> (4, 6); ``5`` -> (5, 5)."""
    try:
        lo, _, hi = value.partition("-")
        return int(lo), int(hi or lo)
    except ValueError:
        raise click.BadParameter(f"'{value}' is geen groepsgrootte; schrijf bijvoorbeeld 4-6") from None


@cli.command("analyse", help="cmd.analyse")
@option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True,
        help="opt.analyse_format")
@option("--k", "k", type=click.IntRange(min=1), default=3, show_default=True,
        help="opt.k")
@option("--group-size", default="4-6", show_default=True, callback=_group_size, metavar="MIN-MAX",
        help="opt.group_size")
@option("--seed", type=int, default=42, show_default=True, help="opt.seed")
@option("--traject", default=None, metavar="SLUG", help="opt.analyse_traject")
@option("--regio", type=click.Choice(["provincie"]), default=None,
        help="opt.regio")
@lang_option("opt.lang_report")
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


def _built_store(location: str | None):
    """The store at ``location`` (settings when None), or None when none has been built."""
    from graph.store import StoreMissing, open_store

    try:
        return open_store(location)
    except StoreMissing:
        return None


@cli.command("suggest", help="cmd.suggest")
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True))
@option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
        help="opt.suggest_format")
@option("--data", "data_dir", default=None, metavar="DIR", help="opt.data")
@lang_option("opt.lang_explanations")
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


@cli.command("verslag", help="cmd.verslag")
@click.argument("report", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@option("--bijeenkomst", required=True, metavar="ID", help="opt.bijeenkomst")
@option("--out", required=True, type=click.Path(dir_okay=False), metavar="FILE.xlsx",
        help="opt.verslag_out")
@option("--soort", type=click.Choice(["intake", "startbijeenkomst", "regionale-uitwisseling", "werkbezoek",
                                      "slotbijeenkomst"]), default="regionale-uitwisseling", show_default=True,
        help="opt.soort")
@option("--datum", type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]), default=None,
        help="opt.datum")
@option("--traject", default="verslag", show_default=True, metavar="ID", help="opt.verslag_traject")
@option("--gastgemeente", default=None, metavar="GEMEENTE", help="opt.gastgemeente")
@option("--data", "data_dir", default=None, metavar="DIR", help="opt.data")
@lang_option("opt.lang_explanations")
@option("--force", is_flag=True, help="opt.force")
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
        raise click.UsageError(t("cli.exists", path=path))
    settings = load_settings(store=store, lang=lang, data=data_dir)
    lines = draft_workbook(Path(report), path, bijeenkomst=bijeenkomst, soort=soort,
                           datum=datum.date() if datum else date.today(), traject=traject,
                           gastgemeente=gastgemeente, data_dir=settings.data_dir, store=_built_store(store),
                           lang=settings.lang)
    for line in lines:
        click.echo(line)
