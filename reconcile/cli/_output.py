"""What the command line says on stderr: one line per message, and one line for every usage error.

Click prints a usage error as a usage block, a hint and the error (three lines and more);
``OneLineGroup`` prints it as one line naming the option and the command's help, exit code 2.
Every line goes through ``report.escape.terminal``: control characters in a file name or a title
are shown escaped, never sent to the terminal raw.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

try:  # a recent typer carries its own copy of click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
except ImportError:  # pragma: no cover - an older typer runs on click itself
    from click.exceptions import ClickException, NoArgsIsHelpError, UsageError  # type: ignore[assignment]

from ..report.escape import terminal

__all__ = ["OneLineGroup", "say", "warn"]


def say(message: str) -> None:
    """One line on stderr: control characters in file names and titles are shown escaped, never sent raw."""
    typer.echo(f"reconcile: {terminal(message)}", err=True)


def warn(message: str) -> None:
    """A one-line warning on stderr."""
    say(f"warning: {message}")


def _usage_line(exc: UsageError) -> str:
    """ "No such option: --bogus (see `reconcile compare --help`)": the error, and where to read more."""
    message = " ".join(exc.format_message().split())
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "reconcile"
    return f"{message} (see `{command} --help`)"


class OneLineGroup(TyperGroup):
    """The ``reconcile`` group: usage errors, and any other error Click raises, as one line on stderr."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except NoArgsIsHelpError as exc:  # `reconcile` alone: the help, as no_args_is_help asks
            exc.show()
            self._exit(exc.exit_code)
        except UsageError as exc:
            say(_usage_line(exc))
            self._exit(2)
        except ClickException as exc:
            say(" ".join(exc.format_message().split()))
            self._exit(exc.exit_code)
        except typer.Abort:
            say("aborted")
            self._exit(1)
        self._exit(code if isinstance(code, int) else 0)

    @staticmethod
    def _exit(code: int) -> NoReturn:
        sys.exit(code)
