"""Options and helpers shared by the commands."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import ReconcileError
from . import say

__all__ = ["check_format", "emit", "open_cache", "progress_printer", "warn_about"]


def check_format(fmt: str, choices: tuple[str, ...]) -> str:
    """Validate ``--format`` against the renderers that exist."""
    if fmt not in choices:
        raise ReconcileError(f"--format: {fmt!r} is not a report format; choose one of {', '.join(choices)}")
    return fmt


def emit(text: str, output: Path | None, *, inputs: tuple[str, ...]) -> None:
    """Write the report to ``output`` (atomically) or to standard output."""
    from ..report import write

    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write(str(output), text, inputs=inputs)
        say(f"wrote {output}")


def open_cache(no_cache: bool):  # type: ignore[no-untyped-def]
    """The per-user cache, or none with ``--no-cache``."""
    from ..cache import Cache, NullCache

    return NullCache() if no_cache else Cache()


def warn_about(result, store) -> None:  # type: ignore[no-untyped-def]
    """One warning line per problem with the cache or an input's encoding."""
    from . import warn

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
