"""Settings are checked when read: each bad value is refused with the setting's name and source."""

from __future__ import annotations

import pytest

from graph.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def no_settings_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KERNEN_SETTINGS", raising=False)
    for name in ("QUERY_TIMEOUT", "MAX_ROWS", "QUERY_WORKERS", "QUEUE_WAIT"):
        monkeypatch.delenv("KERNEN_" + name, raising=False)


@pytest.mark.parametrize("flags, words", [
    ({"query_timeout": float("inf")}, ["query_timeout", "inf", "eindig"]),
    ({"query_timeout": float("nan")}, ["query_timeout", "nan"]),
    ({"query_timeout": 0.0}, ["query_timeout", "groter dan 0"]),
    ({"query_timeout": -1.0}, ["query_timeout", "-1"]),
    ({"max_rows": -5}, ["max_rows", "minstens 1"]),
    ({"max_rows": 0}, ["max_rows", "minstens 1"]),
], ids=["inf", "nan", "zero", "negative", "rows-negative", "rows-zero"])
def test_bad_flags_are_refused_by_name(flags, words):
    with pytest.raises(SettingsError) as error:
        load_settings(**flags)
    assert all(word in str(error.value) for word in words), str(error.value)
    assert "vlag/flag" in str(error.value)


@pytest.mark.parametrize("name, value, words", [
    ("KERNEN_QUERY_WORKERS", "0", ["query_workers", "KERNEN_QUERY_WORKERS", "minstens 1"]),
    ("KERNEN_QUERY_TIMEOUT", "abc", ["query_timeout", "KERNEN_QUERY_TIMEOUT", "'abc'", "geen getal"]),
    ("KERNEN_MAX_ROWS", "1.5", ["max_rows", "geheel getal"]),
    ("KERNEN_QUEUE_WAIT", "inf", ["queue_wait", "eindig"]),
])
def test_bad_environment_values_are_refused_by_name(monkeypatch, name, value, words):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert all(word in str(error.value) for word in words), str(error.value)


def test_a_malformed_settings_file_is_one_located_line(tmp_path):
    (tmp_path / "kernen.toml").write_text('store = "x"\nmax_rows = \n', encoding="utf-8")
    with pytest.raises(SettingsError) as error:
        load_settings()
    message = str(error.value)
    assert "kernen.toml" in message and "line 2" in message and "\n" not in message


def test_a_wrong_type_in_the_settings_file_names_the_file(tmp_path):
    (tmp_path / "kernen.toml").write_text('max_rows = "veel"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"max_rows \(kernen.toml\): 'veel'"):
        load_settings()


def test_good_values_pass(monkeypatch):
    monkeypatch.setenv("KERNEN_QUERY_WORKERS", "2")
    settings = load_settings(query_timeout=2.5, max_rows=1)
    assert (settings.query_timeout, settings.max_rows, settings.query_workers) == (2.5, 1, 2)
