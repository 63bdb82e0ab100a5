"""Settings: flags, then environment variables (``KERNEN_*``), then one settings file, then defaults.

The settings file is ``kernen.toml`` in the working directory, or the file named by
``KERNEN_SETTINGS``. Keys are the field names below (``store = "data/build/store"``). Every value is
checked when the settings are read, and a bad one is refused with the setting's name and where it
came from (:class:`SettingsError`), before any work starts.

>>> s = Settings(store="http://localhost:8890/sparql")
>>> s.is_remote
True
>>> load_settings(query_timeout=float("inf"))
Traceback (most recent call last):
...
graph.settings.SettingsError: ongeldige instelling query_timeout (vlag/flag): inf; moet een eindig getal groter dan 0 zijn (must be a finite number > 0)
"""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "data"

QUERY_TIMEOUT_S = 10.0  # per SPARQL query; the work is really stopped after this
MAX_ROWS = 10_000  # rows returned before the result is marked truncated
MAX_QUERY_BYTES = 100_000  # request size limit for a query text
QUERY_MEMORY_MB = 300  # public graphs up to this many MB of N-Quads are queried from an in-memory copy
QUERY_WORKERS = 6  # worker processes; more than cores lets short queries run beside long ones
CLIENT_QUERIES = 2  # queries one client (remote address) may have running at once on the endpoint
QUEUE_WAIT_S = 5.0  # how long an endpoint query waits for a free worker before 429 Too Many Requests


class SettingsError(ValueError):
    """A setting has a value that cannot work; the message names the setting and its source."""


@dataclass(frozen=True)
class Settings:
    """Where the store is and how queries are limited."""

    store: str = str(DEFAULT_DATA / "build" / "store")  # a directory, or an http(s) SPARQL endpoint URL
    data: str = str(DEFAULT_DATA)
    query_timeout: float = QUERY_TIMEOUT_S
    max_rows: int = MAX_ROWS
    max_query_bytes: int = MAX_QUERY_BYTES
    query_memory_mb: int = QUERY_MEMORY_MB  # 0: always query the database on disk
    query_workers: int = QUERY_WORKERS
    client_queries: int = CLIENT_QUERIES
    queue_wait: float = QUEUE_WAIT_S
    lang: str = "nl"
    endpoint_host: str = "127.0.0.1"
    endpoint_port: int = 7878
    cors_origins: str = ""  # comma-separated; empty means CORS off
    allow_upload: bool = False  # the app may build uploaded trajectories (needs the secret too)
    admin_secret: str = ""

    @property
    def is_remote(self) -> bool:
        return self.store.startswith(("http://", "https://"))

    @property
    def data_dir(self) -> Path:
        return Path(self.data)


_POSITIVE_SECONDS = {"query_timeout", "queue_wait"}
_AT_LEAST_ONE = {"max_rows", "max_query_bytes", "query_workers", "client_queries"}
_TYPES = {f.name: (f.type if isinstance(f.type, str) else f.type.__name__) for f in fields(Settings)}
_MESSAGES = {
    "float": "getal (not a number)", "int": "geheel getal (not a whole number)",
    "bool": "ja/nee-waarde (not true or false)", "str": "tekst (not text)",
}


def _coerce(value: object, typ: str) -> object:
    """``value`` (text from the environment, or a TOML value) as ``typ``; ``ValueError`` if it is not one."""
    if typ == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in {"1", "true", "yes", "ja", "on", "0", "false",
                                                                   "no", "nee", "off", ""}:
            return value.strip().lower() in {"1", "true", "yes", "ja", "on"}
        raise ValueError(value)
    if typ == "int":
        if isinstance(value, bool) or isinstance(value, float):
            raise ValueError(value)
        return int(str(value).strip()) if isinstance(value, str) else int(value)
    if typ == "float":
        if isinstance(value, bool):
            raise ValueError(value)
        return float(value)
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def _problem(name: str, value: object) -> str:
    """What is wrong with ``value`` for setting ``name`` ('' when it is fine)."""
    if name in _POSITIVE_SECONDS and not (math.isfinite(value) and value > 0):
        return "moet een eindig getal groter dan 0 zijn (must be a finite number > 0)"
    if name in _AT_LEAST_ONE and value < 1:
        return "moet minstens 1 zijn (must be at least 1)"
    if name == "query_memory_mb" and value < 0:
        return "moet 0 of meer zijn (must be 0 or more)"
    if name == "endpoint_port" and not 0 <= value <= 65535:
        return "moet een poort tussen 0 en 65535 zijn (must be a port number)"
    if name == "lang" and value not in {"nl", "en"}:
        return "kies nl of en (choose nl or en)"
    return ""


def _read_file(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: geen geldige TOML (invalid TOML): {exc}") from None
    except OSError as exc:
        raise SettingsError(f"{path}: niet leesbaar (unreadable): {exc.strerror}") from None


def _gather(overrides: dict[str, object], path: Path) -> dict[str, tuple[object, str]]:
    """Raw values with where each came from: file, then environment, then flags."""
    values: dict[str, tuple[object, str]] = {}
    if path.is_file():
        values.update({k: (v, str(path)) for k, v in _read_file(path).items()})
    for name in _TYPES:
        env = os.environ.get("KERNEN_" + name.upper())
        if env is not None:
            values[name] = (env, "KERNEN_" + name.upper())
    values.update({k: (v, "vlag/flag") for k, v in overrides.items() if v is not None})
    return values


def load_settings(**overrides: object) -> Settings:
    """Settings from file, environment and ``overrides`` (flags; ``None`` values are ignored), checked."""
    path = Path(os.environ.get("KERNEN_SETTINGS", "kernen.toml"))
    raw = _gather(overrides, path)
    unknown = sorted(set(raw) - set(_TYPES))
    if unknown:
        where = sorted({raw[name][1] for name in unknown})
        raise SettingsError(f"{', '.join(where)}: onbekende instelling(en) (unknown setting) {unknown}; "
                            f"bekend (known): {sorted(_TYPES)}")
    values = {}
    for name, (value, source) in raw.items():
        try:
            values[name] = _coerce(value, _TYPES[name])
        except (TypeError, ValueError):
            raise SettingsError(f"ongeldige instelling {name} ({source}): {value!r} is geen "
                                f"{_MESSAGES[_TYPES[name]]}") from None
        problem = _problem(name, values[name])
        if problem:
            raise SettingsError(f"ongeldige instelling {name} ({source}): {value}; {problem}")
    return replace(Settings(), **values)
