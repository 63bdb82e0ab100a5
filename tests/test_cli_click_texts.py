"""Click's own texts (usage line, help headings, errors of a mistyped command) in Dutch, English with --lang en."""

from __future__ import annotations

import importlib
import inspect
import string
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.cli.localized import _CLICK_MODULES
from graph.messages.click_texts import CLICK_NL
from graph.settings import ROOT

SOURCE = "\n".join(inspect.getsource(importlib.import_module(f"click.{name}")) for name in _CLICK_MODULES)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("english", list(CLICK_NL))
def test_each_text_is_one_click_writes(english):
    assert f'"{english}"' in SOURCE  # a click that rewords it is noticed here
    assert _fields(CLICK_NL[english]) <= _fields(english)


def test_a_mistyped_option_is_reported_in_dutch():
    result = CliRunner().invoke(cli, ["build", "--bogus"], prog_name="kernen")
    assert result.exit_code == 2
    assert result.output.splitlines() == ["Gebruik: kernen build [OPTIES] [INPUTS]...",
                                          "Zie 'kernen build --help' voor hulp.", "", "Fout: Onbekende optie '--bogus'."]


@pytest.mark.parametrize("args", [["validate", "--bogus", "--lang", "en"], ["validate", "--lang=en", "--bogus"]])
def test_lang_en_anywhere_on_the_line_gives_click_in_english(args):
    result = CliRunner().invoke(cli, args, prog_name="kernen")
    assert "Error: No such option '--bogus'." in result.output and "Usage: kernen validate [OPTIONS]" in result.output


def test_kernen_lang_en_gives_click_in_english():
    result = CliRunner().invoke(cli, ["bouw"], env={"KERNEN_LANG": "en"})
    assert "Error: No such command 'bouw'." in result.output and "COMMAND [ARGS]..." in result.output


def test_help_headings_follow_the_language():
    dutch = CliRunner().invoke(cli, ["verslag", "--help"]).output
    english = CliRunner().invoke(cli, ["verslag", "--lang", "en", "--help"]).output
    assert "Opties:" in dutch and "[verplicht]" in dutch and "Options:" not in dutch
    assert "Options:" in english and "[required]" in english and "Opties:" not in english


def test_a_missing_file_in_a_fresh_process(tmp_path):
    """As a user runs it: the installed entry point's path, sys.argv, exit code 2."""
    args = [sys.executable, "-m", "graph", "verslag", str(tmp_path / "geen.docx"), "--bijeenkomst", "b1", "--out",
            str(tmp_path / "v.xlsx")]
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 2
    assert f"Fout: Ongeldige waarde voor 'FILE': '{tmp_path / 'geen.docx'}' bestaat niet." in done.stderr
    english = subprocess.run([*args, "--lang", "en"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert f"Error: Invalid value for 'FILE': File '{tmp_path / 'geen.docx'}' does not exist." in english.stderr
