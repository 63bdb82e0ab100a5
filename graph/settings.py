"""Settings: flags, then environment variables (``KERNEN_*``), then one settings file, then defaults.

The settings file is ``kernen.toml`` in the working directory, or the file named by
``KERNEN_SETTINGS``. Keys are the field names below (``store = "data/build/store"``).

>>> s = Settings(store="http://localhost:8890/sparql")
>>> s.is_remote
True
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Settings:
    """Where the store is and how queries are limited."""

    store: str = str(DEFAULT_DATA / "build" / "store")  # a directory, or an http(s) SPARQL endpoint URL
    data: str = str(DEFAULT_DATA)
    query_timeout: float = QUERY_TIMEOUT_S
    max_rows: int = MAX_ROWS
    max_query_bytes: int = MAX_QUERY_BYTES
    query_memory_mb: int = QUERY_MEMORY_MB  # 0: always query the database on disk
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


def _coerce(value: str, typ: type) -> object:
    if typ is bool or typ == "bool":
        return value.strip().lower() in {"1", "true", "yes", "ja", "on"}
    if typ is int or typ == "int":
        return int(value)
    if typ is float or typ == "float":
        return float(value)
    return value


def load_settings(**overrides: object) -> Settings:
    """Settings from file, environment and ``overrides`` (flags; ``None`` values are ignored)."""
    values: dict[str, object] = {}
    path = Path(os.environ.get("KERNEN_SETTINGS", "kernen.toml"))
    if path.is_file():
        with path.open("rb") as fh:
            values.update(tomllib.load(fh))
    for f in fields(Settings):
        env = os.environ.get("KERNEN_" + f.name.upper())
        if env is not None:
            values[f.name] = _coerce(env, f.type)
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Settings)}
    unknown = set(values) - known
    if unknown:
        raise ValueError(f"{path}: unknown setting(s) {sorted(unknown)}; known: {sorted(known)}")
    return replace(Settings(), **values)
