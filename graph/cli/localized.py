"""Click commands and options whose help texts are message-catalogue keys, shown in the chosen language.

Click reads ``help=`` when a command is defined, at import time; the language (``KERNEN_LANG``, or
:func:`graph.messages.language`) may be chosen later. So commands and options keep the *key* and look
the text up each time help is shown: ``kernen --help`` is Dutch, ``KERNEN_LANG=en kernen --help``
English, and ``docs/cli.md`` is generated in Dutch. The ``--lang`` options are eager, so
``--lang en --help`` is English too. Click's own texts (``Usage:``, ``Options``, the errors of a mistyped
command) follow the same choice (:func:`click_in_dutch`), and a ``--lang`` anywhere on the command line
counts from the start of the run.

>>> import click
>>> from graph.messages import language
>>> @click.command(cls=LocalizedCommand, help="cmd.template")
... @option("--force", is_flag=True, help="opt.force")
... def demo(force): pass
>>> with language("en"):
...     demo.params[0].help
'Overwrite FILE.xlsx if it exists.'
>>> demo.params[0].help
'Overschrijf FILE.xlsx als het al bestaat.'
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Sequence

import click

from graph.messages import LANGS, MESSAGES, current_lang, language, t
from graph.messages.click_texts import CLICK_NL


def localize(text: str | None) -> str | None:
    """The catalogue text for ``text`` when it is a key, else ``text`` itself (a plain help text)."""
    return t(text) if text in MESSAGES["nl"] else text


class LocalizedOption(click.Option):
    """An option whose ``help`` is a catalogue key, looked up when read."""

    @property
    def help(self) -> str | None:
        return localize(self._help_key)

    @help.setter
    def help(self, value: str | None) -> None:
        self._help_key = value


class LocalizedCommand(click.Command):
    """A command whose ``help`` is a catalogue key; its ``--help`` option speaks the same language.

    A command with an eager ``--lang`` shows its help in that language when ``--lang`` comes first
    (``kernen export intake --lang en --help``).
    """

    def get_help(self, ctx: click.Context) -> str:
        with language(ctx.params.get("lang")):
            return super().get_help(ctx)

    @property
    def help(self) -> str | None:
        return localize(self._help_key)

    @help.setter
    def help(self, value: str | None) -> None:
        self._help_key = value

    @property
    def options_metavar(self) -> str | None:
        return self._options_metavar and _click_text(self._options_metavar)

    @options_metavar.setter
    def options_metavar(self, value: str | None) -> None:
        self._options_metavar = value

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        help_option = super().get_help_option(ctx)
        if help_option is not None:
            help_option.help = t("cli.help")
        return help_option


class LocalizedGroup(LocalizedCommand, click.Group):
    """A group of localized commands; its subcommands and subgroups are localized too.

    A run speaks the language of a ``--lang`` anywhere on its command line from the start, so that click's
    own texts (a mistyped option, a missing argument) are in that language too, not only the command's.
    """

    command_class = LocalizedCommand
    group_class = type  # subgroups: this class

    @property
    def subcommand_metavar(self) -> str:
        return _click_text(self._subcommand_metavar)

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str) -> None:
        self._subcommand_metavar = value

    def main(self, args: Sequence[str] | None = None, *pos, **kwargs):
        with language(lang_in(sys.argv[1:] if args is None else list(args))):
            return super().main(args, *pos, **kwargs)


def lang_in(args: Sequence[str]) -> str | None:
    """The language a command line asks for with ``--lang X`` or ``--lang=X`` (None: none asked).

    >>> lang_in(["verslag", "x.md", "--lang", "en"]), lang_in(["--lang=nl"]), lang_in(["--lang"])
    ('en', 'nl', None)
    """
    for n, arg in enumerate(args):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else \
            (args[n + 1] if arg == "--lang" and n + 1 < len(args) else None)
        if value in LANGS:
            return value
    return None


# the modules of click that write texts through gettext
_CLICK_MODULES = ("core", "parser", "exceptions", "types", "formatting", "decorators", "termui", "utils")


def _click_text(message: str) -> str:
    return CLICK_NL.get(message, message) if current_lang() == "nl" else message


def _click_plural(singular: str, plural: str, n: int) -> str:
    return _click_text(singular if n == 1 else plural)


def click_in_dutch() -> None:
    """Click's own texts from :data:`graph.messages.click_texts.CLICK_NL` when the language is Dutch.

    Click looks each text up through ``gettext`` when it writes it; this gives its modules a lookup in
    the chosen language instead (English: click's own text).
    """
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _click_text
        if hasattr(module, "ngettext"):
            module.ngettext = _click_plural


click_in_dutch()


option = functools.partial(click.option, cls=LocalizedOption)
"""``click.option`` for a :class:`LocalizedOption` (``help=`` names a catalogue key)."""


def lang_option(help: str, *, default: str | None = None, **attrs):
    """``--lang nl|en`` with the catalogue key ``help``; eager, so ``--lang en --help`` is English."""
    return option("--lang", is_eager=True, type=click.Choice(LANGS), default=default, help=help, **attrs)
