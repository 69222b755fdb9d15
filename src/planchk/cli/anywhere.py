"""Global options on either side of the command: `planchk validate --lang zh data/` and
`planchk --config planchk.toml validate` both work, as users of ruff and git expect."""

from __future__ import annotations

import click
from typer.core import TyperGroup

GLOBAL = ("--lang", "--color")  # the app's own options that take a value
GLOBAL_FLAGS = ("--no-color",)  # and one that takes none
PER_COMMAND = ("--config",)  # a command's option, also accepted before the command's name


class GlobalOptionsAnywhere(TyperGroup):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, rearranged(args, set(self.commands)))


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
