"""Options and helpers shared by the commands."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import typer

from ..errors import ReconcileError
from ._output import say

__all__ = ["check_format", "confidence", "emit", "open_cache", "progress_printer", "warn_about", "write_stdout"]


def confidence(value: float) -> float:
    """``--min-confidence``: a number from 0 to 1 (NaN is none, and says so)."""
    if not 0.0 <= value <= 1.0:  # false for NaN too
        raise typer.BadParameter(f"{value} is not a number from 0 to 1")
    return value


def check_format(fmt: str, choices: tuple[str, ...]) -> str:
    """Validate ``--format`` against the renderers that exist."""
    if fmt not in choices:
        raise ReconcileError(f"--format: {fmt!r} is not a report format; choose one of {', '.join(choices)}")
    return fmt


def emit(text: str, output: Path | None, *, inputs: tuple[str, ...]) -> None:
    """Write the report to ``output`` (atomically) or to standard output, every write checked.

    A full disk or the file size limit is a ReportError (one line, exit 2); a reader that went away
    (``| head``) ends the run quietly with exit 1, as other tools do.
    """
    from ..report import write

    if output is None:
        write_stdout(text)
    else:
        write(str(output), text, inputs=inputs)
        say(f"wrote {output}")


def write_stdout(text: str) -> None:
    """The report on standard output, checked (``report.files.write_stream``)."""
    from ..report.files import write_stream

    try:
        sys.stdout.flush()
        try:
            fd = sys.stdout.fileno()
        except (OSError, ValueError):  # not a real file (a test runner's buffer): write as it asks
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        write_stream(fd, text, name="standard output")
    except BrokenPipeError:
        with contextlib.suppress(OSError):  # nothing more reaches the pipe, and exiting does not fail on it
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None


def open_cache(no_cache: bool):  # type: ignore[no-untyped-def]
    """The per-user cache, or none with ``--no-cache``."""
    from ..cache import Cache, NullCache

    return NullCache() if no_cache else Cache()


def warn_about(result, store) -> None:  # type: ignore[no-untyped-def]
    """One warning line per problem with the cache or an input's encoding."""
    from ._output import warn

    problems = [m for m in (store.problem, getattr(store, "repaired", None)) if m]
    for message in problems + [m for d in result.documents for m in d.warnings]:
        warn(message)


def progress_printer(quiet: bool):  # type: ignore[no-untyped-def]
    """A callback that tells the user what is happening, on stderr, when it is a terminal."""
    show = not quiet and (sys.stderr.isatty() or os.environ.get("RECONCILE_PROGRESS") == "1")
    messages = {
        "ingest": "reading the articles",
        "claims": "finding claims",
        "embed": "embedding claims",
        "align": "aligning claims across sources",
        "judge": "judging agreements and contradictions",
    }

    def tell(stage: str) -> None:
        if (show or stage.startswith("preparing")) and not quiet:
            say(f"{messages.get(stage, stage)}…")

    return tell
