"""Everything a user can reach is documented: every command has help, and docs/cli.md says what
the commands say (regenerate with ``python -m graph.cli.reference --write``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.cli import cli
from graph.cli.reference import DOC, commands, reference

ROOT = Path(__file__).resolve().parent.parent
NAMES = [name for name, _ in commands(cli)]


def test_cli_reference_is_up_to_date():
    assert DOC.read_text() == reference(), "run: python -m graph.cli.reference --write"


@pytest.mark.parametrize("name", NAMES)
def test_every_command_has_help(name):
    command = dict(commands(cli))[name]
    assert (command.help or command.short_help or "").strip(), f"{name} has no help text"


def test_readme_links_resolve():
    readme = (ROOT / "README.md").read_text()
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    assert links
    assert [link for link in links if not (ROOT / link).exists()] == []


def test_readme_is_a_front_page():
    lines = (ROOT / "README.md").read_text().splitlines()
    assert len(lines) <= 150
    assert lines[2:6] == ["```bash", lines[3], lines[4], "```"] and lines[3].startswith("make run") and lines[4].startswith("make test")


def test_no_work_history_in_docs_or_code():
    paths = [ROOT / "README.md", ROOT / "Makefile", *(ROOT / "docs").glob("*.md"),
             *(p for d in ("graph", "app", "tests") for p in (ROOT / d).rglob("*.py"))]
    history = re.compile("|".join([r"\bissue \d+", r"\bsession \d+"]), re.IGNORECASE)
    assert sorted(str(p.relative_to(ROOT)) for p in paths if history.search(p.read_text())) == []
