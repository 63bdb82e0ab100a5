"""``kernen build``, ``validate`` and ``template``: trajectory input into the store."""

from __future__ import annotations

import contextlib
import sys

import click

from graph.cli.base import cli, friendly_errors
from graph.cli.localized import lang_option, option
from graph.messages import language, t
from graph.settings import load_settings



@cli.command("build", help="cmd.build")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True))
@option("--store", "store", default=None, metavar="DIR", help="opt.store_dir")
@option("--data", "data_dir", default=None, metavar="DIR", help="opt.data")
@option("--remove", "remove", multiple=True, metavar="TRAJECT",
        help="cli.remove")
@option("--redact", is_flag=True,
        help="opt.redact")
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
        click.echo(t("cli.redacted", summary=_redacted_summary(report.redacted)))
    if Path(str(report.store) + ".app-cache").is_dir():  # the app has served this store: ready its new build
        from graph.cli.serve import warm_app

        warm_app(str(report.store))


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


SEVERITY_PREFIX = {"error": "", "warning": "waarschuwing: ", "info": "info: ", "hint": "hint: "}


@cli.command("validate", help="cmd.validate")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(), metavar="INPUT...")
@option("--data", "data_dir", default=None, metavar="DIR", help="opt.data")
@option("--quiet", "-q", is_flag=True,
        help="opt.quiet")
@option("--store", "store", default=None, metavar="DIR", help="cli.validate_store")
@lang_option("cli.validate_lang")
def validate_command(inputs: tuple[str, ...], data_dir: str | None, quiet: bool, store: str | None,
                     lang: str | None) -> None:
    """Controleer trajectinvoer (werkboek .xlsx, CSV-map of .yaml) zonder iets te schrijven.

    Prints every problem as file:sheet:row:column: message (plus a suggestion); exit 1 on any error.
    Ends with the records per kind and what is new, changed or removed against the store.
    """
    settings = load_settings(data=data_dir, store=store, lang=lang)
    with language(settings.lang):
        _validate(inputs, settings, quiet=quiet)


def _validate(inputs: tuple[str, ...], settings, *, quiet: bool) -> None:
    from pathlib import Path

    from graph.ingest import errors_in, validate_inputs
    from graph.text.inputs import hints

    problems, valid = validate_inputs([Path(p) for p in inputs], data_dir=settings.data_dir, lang=settings.lang)
    problems += hints([Path(p) for p in inputs if Path(p).exists()], data_dir=settings.data_dir, lang=settings.lang)
    for problem in problems:
        if not (quiet and problem.severity in ("info", "hint")):
            click.echo(SEVERITY_PREFIX.get(problem.severity, "") + str(problem))
    errors, warnings = len(errors_in(problems)), sum(p.severity == "warning" for p in problems)
    if errors:
        click.echo(t("cli.invalid", errors=errors, warnings=warnings, n=len(inputs)), err=True)
        sys.exit(1)
    _compare_with_store(valid, settings.store)
    click.echo(t("cli.valid", n=len(inputs), warnings=warnings))


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


@cli.command("template", help="cmd.template")
@option("--out", required=True, type=click.Path(dir_okay=False), metavar="FILE.xlsx",
        help="opt.template_out")
@option("--data", "data_dir", default=None, metavar="DIR", help="opt.data")
@option("--force", is_flag=True, help="opt.force")
@friendly_errors
def template_command(out: str, data_dir: str | None, force: bool) -> None:
    """Schrijf het lege invulwerkboek: uitleg per kolom, keuzelijsten, instructieblad."""
    from pathlib import Path

    from graph.ingest.template import workbook_bytes

    path = Path(out)
    if path.suffix.lower() != ".xlsx":
        raise click.BadParameter(t("cli.xlsx_only"), param_hint="--out")
    if path.exists() and not force:
        raise click.UsageError(t("cli.exists", path=path))
    path.write_bytes(workbook_bytes(data_dir=load_settings(data=data_dir).data_dir))
    click.echo(t("cli.workbook_written", path=path))
