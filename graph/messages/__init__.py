"""One message catalogue: what users read (validation messages, CLI help, handouts), in Dutch and English.

Dutch by default; English with ``KERNEN_LANG=en`` or a command's ``--lang en`` (which calls
:func:`language`). Every key exists in both languages with the same placeholders (a test checks it).

>>> t("v.int", "en", text="veel")
"'veel' is not a whole number"
>>> with language("nl"):
...     t("v.int", text="veel")
"'veel' is geen geheel getal"
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextvars import ContextVar

from graph.messages.cli import CLI
from graph.messages.cli_help import COMMANDS, OPTIONS
from graph.messages.handouts import HANDOUTS
from graph.messages.personal import PERSONAL
from graph.messages.text import TEXT
from graph.messages.validation import VALIDATION

LANGS = ("nl", "en")
_CHOSEN: ContextVar[str | None] = ContextVar("kernen_lang", default=None)

_PAIRS: dict[str, tuple[str, str]] = {**VALIDATION, **CLI, **COMMANDS, **OPTIONS, **PERSONAL, **TEXT}
MESSAGES: dict[str, dict[str, str]] = {
    lang: {**{key: pair[i] for key, pair in _PAIRS.items()}, **HANDOUTS[lang]} for i, lang in enumerate(LANGS)
}


def current_lang() -> str:
    """The chosen language: :func:`language`, else ``KERNEN_LANG``, else Dutch."""
    chosen = _CHOSEN.get() or os.environ.get("KERNEN_LANG", "").strip().lower()
    return chosen if chosen in LANGS else "nl"


@contextlib.contextmanager
def language(lang: str | None) -> Iterator[None]:
    """Messages in ``lang`` inside the block (``None``: leave the choice as it is)."""
    token = _CHOSEN.set(lang) if lang else None
    try:
        yield
    finally:
        if token is not None:
            _CHOSEN.reset(token)


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The message ``key`` in ``lang`` (default :func:`current_lang`), with ``values`` filled in."""
    text = MESSAGES[lang if lang in LANGS else current_lang()][key]
    return text.format(**values) if values else text
