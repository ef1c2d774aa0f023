"""The command line: parses options, calls the library, renders, writes. Nothing else prints.

One module per command (``compare.py``, ``claims.py``, ...), all registered on ``app``.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator

import typer

from ..errors import ReconcileError
from ._output import OneLineGroup, say, warn

__all__ = ["app", "main", "say", "user_errors", "warn"]

app = typer.Typer(
    name="reconcile",
    help=(
        "Where news reports of the same story agree, where they contradict each other, "
        "and what only one of them says. Runs offline: no text leaves this machine."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=OneLineGroup,
)


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn a ReconcileError into one line on stderr and exit code 2 (never a traceback)."""
    try:
        yield
    except ReconcileError as exc:
        say(str(exc))
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        say("interrupted; nothing was written")
        raise typer.Exit(130) from None


def _register() -> None:
    # Imported for their side effect: each module adds its command to ``app``.
    from . import check, claims, compare, corpus, prepare  # noqa: F401


_register()


def main() -> None:
    """Entry point of the ``reconcile`` script."""
    if hasattr(signal, "SIGXFSZ"):
        # past the file size limit (ulimit -f) a write must fail with EFBIG, to be reported, not kill us
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        app()
    except BrokenPipeError:  # `reconcile ... | head`
        sys.stderr.close()
