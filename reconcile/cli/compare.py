"""``reconcile compare``: the main job."""

from __future__ import annotations

from pathlib import Path

import typer

from . import app, user_errors, warn
from ._common import check_format, confidence, emit, open_cache, progress_printer, warn_about

EXAMPLES = """
Examples:

  reconcile compare seeds/guanajuato-zerohedge.txt seeds/guanajuato-ward.txt

  reconcile compare a.txt b.html c.md --format json -o report.json

  curl -s https://example.org/story | reconcile compare - saved-copy.txt

  reconcile compare a.txt b.txt --min-confidence 0.8   (only the surest in the main list)

Contradictions carry a confidence: the same count or figure in two matching statements is strong;
a clash in a loose paraphrase is weak and is shown under "Worth checking".

Exit codes: 0 report written, 2 bad input (one line on stderr names the file), or with
--strict a source that does not look like the same story.
"""


@app.command(epilog=EXAMPLES)
def compare(
    articles: list[str] = typer.Argument(
        ..., metavar="ARTICLE", help="Two or more articles on one story: .txt, .md or .html files, or - for stdin."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to this file (replaced only when the run succeeds)."
    ),
    fmt: str = typer.Option("md", "--format", "-f", help="md (for people), json (for programs), html (side by side)."),
    model: str | None = typer.Option(
        None, "--model", help="A sentence-transformers model folder (default: the bundled all-MiniLM-L6-v2)."
    ),
    rules: Path | None = typer.Option(None, "--rules", help="A folder of rules YAML to use instead of the shipped."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress messages."),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Neither read nor write the cache of claims and embeddings."
    ),
    min_confidence: float = typer.Option(
        0.6, "--min-confidence", callback=confidence,
        help="Contradictions below this confidence are listed apart, under 'Worth checking' (JSON keeps all).",
    ),
    strict: bool = typer.Option(
        False, "--strict", help="Exit 2 when a source does not look like the same story (default: a warning)."
    ),
) -> None:
    """Report where articles agree, where they contradict each other, and what only one says.

    Every finding quotes the exact text it comes from, with a link to the file and line.
    """
    from ..report import RENDERERS, render

    with user_errors():
        check_format(fmt, tuple(RENDERERS))
        from ..api import compare as run_compare
        from ..model import Settings

        store = open_cache(no_cache)
        result = run_compare(
            articles,
            model=model,
            settings=Settings(min_confidence=min_confidence),
            rules_dir=str(rules) if rules else None,
            cache=store,
            progress=progress_printer(quiet),
            strict=strict,
        )
        warn_about(result, store)
        for note in result.notes:
            warn(note)
        link_base = str(output.parent) if output else "."
        emit(render(result, fmt, link_base=link_base), output, inputs=tuple(articles))
