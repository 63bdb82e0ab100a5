"""Click commands and options whose help texts are message-catalogue keys, shown in the chosen language.

Click reads ``help=`` when a command is defined, at import time; the language (``KERNEN_LANG``, or
:func:`graph.messages.language`) may be chosen later. So commands and options keep the *key* and look
the text up each time help is shown: ``kernen --help`` is Dutch, ``KERNEN_LANG=en kernen --help``
English, and ``docs/cli.md`` is generated in Dutch. The ``--lang`` options are eager, so
``--lang en --help`` is English too.

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

import click

from graph.messages import LANGS, MESSAGES, language, t


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

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        help_option = super().get_help_option(ctx)
        if help_option is not None:
            help_option.help = t("cli.help")
        return help_option


class LocalizedGroup(LocalizedCommand, click.Group):
    """A group of localized commands; its subcommands and subgroups are localized too."""

    command_class = LocalizedCommand
    group_class = type  # subgroups: this class


option = functools.partial(click.option, cls=LocalizedOption)
"""``click.option`` for a :class:`LocalizedOption` (``help=`` names a catalogue key)."""


def lang_option(help: str, *, default: str | None = None, **attrs):
    """``--lang nl|en`` with the catalogue key ``help``; eager, so ``--lang en --help`` is English."""
    return option("--lang", is_eager=True, type=click.Choice(LANGS), default=default, help=help, **attrs)
