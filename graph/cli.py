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
        except (ValueError, LookupError, OSError) as exc:  # library errors carry their own message
            click.echo(f"fout: {exc}", err=True)
            sys.exit(1)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kernendemocratie")
def cli() -> None:
    """Kennisgraaf kernendemocratie: build, query, analyse and export."""


# Commands are added below, one block per capability.


def main() -> None:
    cli(prog_name="kernen")
