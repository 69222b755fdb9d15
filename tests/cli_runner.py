"""The runner the CLI tests invoke planchk with (the `runner` fixture in conftest makes one)."""

from __future__ import annotations

import contextlib
import inspect
import sys
from collections.abc import Iterator
from typing import Any

import click.testing
import typer.testing


class CliRunner(typer.testing.CliRunner):
    """typer's runner with stdout and stderr apart under every click the floors allow.

    Click 8.2 separates them always and dropped `mix_stderr`; before it they are mixed unless
    `mix_stderr=False` is given.
    """

    def __init__(self, **kwargs: Any) -> None:
        if "mix_stderr" in inspect.signature(click.testing.CliRunner.__init__).parameters:
            kwargs.setdefault("mix_stderr", False)
        super().__init__(**kwargs)

    @contextlib.contextmanager
    def isolation(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        # Before 8.2 click reads the captured stderr without flushing it first.
        with super().isolation(*args, **kwargs) as streams:
            if sys.stderr is not sys.stdout:
                sys.stderr.reconfigure(write_through=True)  # type: ignore[union-attr]
            yield streams

    def invoke_command(self, command: click.Command, args: list[str]) -> click.testing.Result:
        """Invoke a click command built once (typer.main.get_command) rather than the typer app,
        which typer turns into a new command on every invoke: for tests that run hundreds."""
        return click.testing.CliRunner.invoke(self, command, args)
