"""``reconcile check``: editorial review of a draft against its sources, or of an article against itself."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app, user_errors
from ._common import check_format, confidence, emit, open_cache, progress_printer, warn_about

__all__ = ["check"]

FAIL_ON = {"contradiction": ("contradicted", "contradiction"), "unsupported": ("unsupported",)}

EXAMPLES = """
Examples:

  reconcile check draft.txt --against seeds/guanajuato-zerohedge.txt

  reconcile check draft.md --against a.txt --against b.html --format html -o review.html

  reconcile check seeds/el-salto-breitbart.txt        (no sources: do its own voices agree?)

  reconcile check draft.txt --against a.txt --fail-on contradiction   (in a publishing pipeline)

Exit codes: 0 report written; 1 report written and --fail-on found such findings;
2 bad input (one line on stderr names the file). The draft never leaves this machine.
"""


@app.command(epilog=EXAMPLES)
def check(
    draft: Annotated[str, typer.Argument(metavar="DRAFT", help="The draft: .txt, .md, .html or -.")],
    more: Annotated[
        list[str] | None, typer.Argument(metavar="SOURCE", help="More sources, after --against A.")
    ] = None,
    against: Annotated[
        list[str] | None,
        typer.Option("--against", "-a", metavar="SOURCE", help="A source to check against (repeatable)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report here (only when the run succeeds)."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="md (people), json (programs) or html (side by side).")
    ] = "md",
    model: Annotated[
        str | None,
        typer.Option("--model", help="A sentence-transformers model folder (default: bundled)."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", metavar="KIND", help="Exit 1 on these findings: contradiction or unsupported."
        ),
    ] = None,
    rules: Annotated[
        Path | None, typer.Option("--rules", help="A folder of rules YAML to use instead of the shipped one.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the cache of claims and embeddings.")
    ] = False,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence", callback=confidence,
            help="Contradictions below this confidence are listed apart, under 'Worth checking' (JSON keeps all).",
        ),
    ] = 0.6,
) -> None:
    """Label each claim of DRAFT supported, contradicted or unsupported by the sources.

    With no --against, the article's own voices (the reporter, a quoted tweet, an official) are
    checked against each other. Unsupported is not wrong: no source states it, so it is unchecked.
    """
    from ..errors import ReconcileError
    from ..report import RENDERERS, render

    with user_errors():
        check_format(fmt, tuple(RENDERERS))
        if fail_on is not None and fail_on not in FAIL_ON:
            choices = ", ".join(FAIL_ON)
            raise ReconcileError(f"--fail-on: {fail_on!r} is not a finding kind; choose one of {choices}")
        if more and not against:
            raise ReconcileError(
                f"{more[0]}: name the sources with --against: reconcile check DRAFT --against A B"
            )
        sources = [*(against or []), *(more or [])]
        from ..model import Settings
        from ..review import check as run_check

        store = open_cache(no_cache)
        result = run_check(
            draft, sources, model=model, rules_dir=str(rules) if rules else None, cache=store,
            settings=Settings(min_confidence=min_confidence),
            progress=progress_printer(quiet),
        )
        warn_about(result, store)
        link_base = str(output.parent) if output else "."
        emit(render(result, fmt, link_base=link_base), output, inputs=(draft, *sources))
    if fail_on is not None and any(f.kind in FAIL_ON[fail_on] for f in result.findings):
        raise typer.Exit(1)
