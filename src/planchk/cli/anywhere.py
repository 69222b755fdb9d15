"""Global options on either side of the command: `planchk validate --lang zh data/` and
`planchk --config planchk.toml validate` both work, as users of ruff and git expect.

The language is read from the arguments before click parses them, so that click's own
messages about them (`No such option`) and the help are in that language (planchk.cli.click_texts).
"""

from __future__ import annotations

import click
from typer.core import TyperGroup

from planchk import i18n
from planchk.cli import click_texts, help_texts

GLOBAL = ("--lang", "--color")  # the app's own options that take a value
GLOBAL_FLAGS = ("--no-color",)  # and one that takes none
PER_COMMAND = ("--config",)  # a command's option, also accepted before the command's name


class GlobalOptionsAnywhere(TyperGroup):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        args = rearranged(args, set(self.commands))
        # A language planchk lacks is refused by click (--lang) or by the app (PLANCHK_LANG).
        for chosen in (i18n.choose(_lang_argument(args)), i18n.choose(), "en"):
            if chosen in i18n.LANGUAGES:
                i18n.set_language(chosen)
                break
        translated = i18n.language() != "en"
        click_texts.install(with_rich_help=translated and _shows_help(args))
        if translated:
            help_texts.translate(self)  # typer built this tree for this run: nothing outlives it
        with click_texts.translated_errors():
            return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        with click_texts.translated_errors():  # a command's arguments are parsed in here
            return super().invoke(ctx)


def _shows_help(args: list[str]) -> bool:
    shown = args[: args.index("--")] if "--" in args else args
    return not shown or "-h" in shown or "--help" in shown


def _lang_argument(args: list[str]) -> str | None:
    """The value of --lang among the arguments; a wrong one is click's to refuse."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
    return None


def rearranged(args: list[str], commands: set[str]) -> list[str]:
    """`--lang X` moved before the command, `--config X` after its name; `--` ends the search."""
    before: list[str] = []
    command: list[str] = []
    after: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            after += args[index:]
            break
        name = arg.split("=", 1)[0]
        taken = args[index : index + (1 if "=" in arg else 2)]
        if arg in GLOBAL_FLAGS:
            before.append(arg)
            index += 1
            continue
        if name in GLOBAL:
            before += taken
            index += len(taken)
            continue
        if name in PER_COMMAND and not command:
            after += taken
            index += len(taken)
            continue
        if not command and arg in commands:
            command = [arg]
        elif not command:
            before.append(arg)
        else:
            after.append(arg)
        index += 1
    return [*before, *command, *after]
