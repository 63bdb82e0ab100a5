"""The command reference, ``docs/cli.md``, generated from the click help of every command.

``python -m graph.cli.reference --write`` rewrites the file; ``tests/test_docs.py`` checks that the
committed file equals what the commands say, so the reference cannot drift from the code.

>>> "## kernen build" in reference()
True
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
HEADER = """# Command reference

Generated from `kernen --help` by `python -m graph.cli.reference --write`; a test keeps it in step with
the code. Settings come from flags, `KERNEN_*` environment variables or `kernen.toml`, in that order.
"""


def commands(group: click.Group, prefix: str = "kernen") -> Iterator[tuple[str, click.Command]]:
    """Every command under ``group`` with its full name, depth first, in alphabetical order."""
    yield prefix, group
    ctx = click.Context(group, info_name=prefix)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def help_text(name: str, command: click.Command) -> str:
    """What ``NAME --help`` prints, at a fixed width so the file does not depend on the terminal."""
    from graph.cli import cli

    parent = None
    settings = dict(cli.context_settings)  # -h as well as --help, as a real invocation shows (and caches)
    for part in name.split()[:-1]:
        parent = click.Context(click.Command(part), info_name=part, parent=parent, **settings)
    ctx = click.Context(command, info_name=name.split()[-1], parent=parent, max_content_width=100,
                        terminal_width=100, **settings)
    return command.get_help(ctx)


def reference() -> str:
    """The whole of ``docs/cli.md``."""
    from graph.cli import cli

    parts = [HEADER]
    for name, command in commands(cli):
        parts.append(f"\n## {name}\n\n```text\n{help_text(name, command)}\n```\n")
    return "".join(parts)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--write"]:
        DOC.write_text(reference())
        print(f"geschreven: {DOC}")
    else:
        sys.stdout.write(reference())


if __name__ == "__main__":
    main()
