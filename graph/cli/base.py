"""Shared parts of the ``kernen`` command: the group, the ``export`` group, shared options and error handling."""

from __future__ import annotations

import functools
import sys

import click

from graph.cli.localized import LocalizedGroup, option
from graph.messages import t


def store_option(fn):
    """``--store DIR|URL``: the store to use (default: settings)."""
    return option("--store", "store", default=None, metavar="DIR|URL", help="opt.store")(fn)


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
            click.echo(t("cli.interrupted"), err=True)
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


@click.group(cls=LocalizedGroup, help="cmd.cli", context_settings={"help_option_names": ["-h", "--help"]})
@option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
        help="cli.version")
def cli() -> None:
    """The ``kernen`` command (help text: the catalogue's ``cmd.cli``)."""


@cli.group(help="cmd.export")
def export() -> None:
    """Exports: facilitator documents (meeting, intake, bundle) and data dumps."""
