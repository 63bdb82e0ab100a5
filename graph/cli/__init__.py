"""The ``kernen`` command: a thin shell over ``graph``'s public functions.

Each command parses its options, calls one library function and prints the result.
Shared options live in decorators below. Errors from the library are shown as one
clear message (exit 1), never a traceback.
"""

from __future__ import annotations

from graph.cli import analyse, build, documents, query, serve  # noqa: F401  (each adds its commands)
from graph.cli.base import cli, export, friendly_errors, store_option, version

__all__ = ["cli", "export", "main", "friendly_errors", "store_option", "version"]


def main() -> None:
    cli(prog_name="kernen")
