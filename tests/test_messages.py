"""The message catalogue: every message in Dutch and English, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from graph.messages import LANGS, MESSAGES, language, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_exists_in_every_language():
    assert set(MESSAGES["nl"]) == set(MESSAGES["en"]) and len(MESSAGES["nl"]) >= 200


@pytest.mark.parametrize("key", sorted(MESSAGES["nl"]))
def test_placeholders_agree(key):
    assert _fields(MESSAGES["nl"][key]) == _fields(MESSAGES["en"][key])
    assert all(MESSAGES[lang][key].strip() for lang in LANGS)


def test_dutch_by_default_english_on_request(monkeypatch):
    monkeypatch.delenv("KERNEN_LANG", raising=False)
    assert t("v.required") == "een waarde is verplicht"
    monkeypatch.setenv("KERNEN_LANG", "en")
    assert t("v.required") == "a value is required"
    with language("nl"):
        assert t("v.required") == "een waarde is verplicht"


def test_validate_speaks_dutch_by_default_and_english_on_request(monkeypatch):
    from click.testing import CliRunner

    from graph.cli import cli
    from graph.settings import ROOT

    monkeypatch.delenv("KERNEN_LANG", raising=False)
    case = str(ROOT / "tests" / "data" / "invalid" / "gemeente-bijna.yaml")
    nl, en = (CliRunner().invoke(cli, ["validate", case, *extra]) for extra in ([], ["--lang", "en"]))
    assert "'Het Hoogeland' is geen gemeente; bedoelt u Het Hogeland (GM1966)?" in nl.output
    assert "'Het Hoogeland' is not a gemeente; did you mean Het Hogeland (GM1966)?" in en.output
    assert "ongeldig: 1 fout(en)" in nl.stderr and "invalid: 1 error(s)" in en.stderr


def _help_keys():
    from graph.cli import cli
    from graph.cli.reference import commands

    for name, command in commands(cli):
        yield name, command._help_key
        for param in command.params:
            if getattr(param, "help", None) is not None:
                yield f"{name} {param.opts[0]}", param._help_key


@pytest.mark.parametrize(("where", "key"), list(_help_keys()), ids=[w for w, _ in _help_keys()])
def test_every_help_text_comes_from_the_catalogue(where, key):
    assert key in MESSAGES["nl"], f"{where}: help={key!r} is not a catalogue key"


def test_help_is_dutch_by_default_and_english_on_request(monkeypatch):
    from click.testing import CliRunner

    from graph.cli import cli

    monkeypatch.delenv("KERNEN_LANG", raising=False)
    nl = CliRunner().invoke(cli, ["export", "intake", "--help"]).output
    monkeypatch.setenv("KERNEN_LANG", "en")
    en = CliRunner().invoke(cli, ["export", "intake", "--help"]).output
    assert "Intakesamenvatting voor GEMEENTE" in nl and "Toon deze hulp en stop." in nl
    assert "Intake summary for GEMEENTE" in en and "Show this message and exit." in en


def test_lang_before_help_chooses_the_language_of_the_help(monkeypatch):
    from click.testing import CliRunner

    from graph.cli import cli

    monkeypatch.delenv("KERNEN_LANG", raising=False)
    en = CliRunner().invoke(cli, ["export", "intake", "--lang", "en", "--help"]).output
    assert "Intake summary for GEMEENTE" in en and "Show this message and exit." in en
    assert "Intakesamenvatting voor GEMEENTE" in CliRunner().invoke(cli, ["export", "intake", "--help"]).output
