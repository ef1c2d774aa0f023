"""``reconcile corpus``: a day's feed grouped into stories, each reconciled, and an index of them all."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import typer

from . import app, say, user_errors, warn

EXAMPLES = """
Examples:

  reconcile corpus feed.jsonl -o out/          # JSON Lines: id, outlet, date, title, content

  reconcile corpus articles/ -o out/ --store corpus.sqlite3

  reconcile corpus feed.jsonl -o out/ --engine ray --address ray://head:10001

Writes out/index.md, out/index.html, out/index.json and out/stories/s1.{md,json,html}, ...
A rerun reads and judges only what changed. Exit codes: 0 done, 2 bad input.
"""


@contextlib.contextmanager
def _progress(quiet: bool) -> Iterator[object]:
    """A rich progress bar on stderr (articles/s, ETA); nothing with --quiet or when stderr is no terminal."""
    show = not quiet and (sys.stderr.isatty() or os.environ.get("RECONCILE_PROGRESS") == "1")
    if not show:
        yield lambda stage, done, total: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
    )
    labels = {"analyse": "reading articles", "judge": "judging stories"}
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(labels.get(stage, stage), total=total, rate="")
            task = tasks[stage]
            speed = next(t.speed for t in bar.tasks if t.id == task)
            unit = "articles" if stage == "analyse" else "stories"
            bar.update(task, completed=done, total=total, rate=f"{speed:.1f} {unit}/s" if speed else "")

        yield update


@app.command(epilog=EXAMPLES)
def corpus(
    source: str = typer.Argument(..., metavar="INPUT", help="A folder of .txt/.md/.html articles, or a .jsonl feed."),
    output: Path = typer.Option(Path("corpus-out"), "--output", "-o", help="Folder for the index and the stories."),
    store: Path | None = typer.Option(
        None, "--store", help="SQLite file of articles, claims and embeddings (default: the cache file)."
    ),
    engine: str = typer.Option("local", "--engine", help="local (this process) or ray."),
    address: str | None = typer.Option(
        None, "--address", help="With --engine ray: a running cluster (ray://host:10001, auto); default: a local one."
    ),
    model: str | None = typer.Option(None, "--model", help="A sentence-transformers model folder."),
    rules: Path | None = typer.Option(None, "--rules", help="A folder of rules YAML to use instead of the shipped."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Group articles into stories, mark reprints, reconcile each story, and rank them by disagreement."""
    from ..corpus.engines import make_engine
    from ..corpus.inputs import read_articles
    from ..corpus.job import ENGINES, run_corpus
    from ..corpus.places import check_output, check_store
    from ..corpus.store import Store
    from ..errors import ReconcileError
    from ..model import Settings
    from ..rules import load_rules

    with user_errors():
        if engine not in ENGINES:
            raise ReconcileError(f"--engine: {engine!r} is not an engine; choose one of {', '.join(ENGINES)}")
        if address and engine != "ray":
            raise ReconcileError("--address: only with --engine ray")
        # before the store is opened: nothing is written for a refused run
        check_output(output, source)
        if store is not None:
            check_store(store, source)
        next(iter(read_articles(source)), None)  # an empty feed or folder is refused here (BadInput)
        rules_dir = str(rules) if rules else None
        settings = Settings()
        rules_version = load_rules(rules_dir).version
        try:
            with Store(store) as opened, _progress(quiet) as progress:
                runner = make_engine(
                    engine, opened, address=address, model=model, rules_dir=rules_dir, settings=settings,
                    sources=output / "articles",
                )
                try:
                    run = run_corpus(
                        source, output, store=opened, engine=runner, rules_version=rules_version,
                        settings=settings, model=model, progress=progress,  # type: ignore[arg-type]
                    )
                finally:
                    runner.close()
        except KeyboardInterrupt:
            say("interrupted; the store is consistent and no index was written")
            raise typer.Exit(130) from None
        for message in run.warnings:
            warn(message)
        if not quiet:
            say(
                f"{run.articles} articles in {len(run.stories)} stories "
                f"({len(run.analysed)} articles analysed and {run.judged} stories judged in this run, "
                f"the rest from the store {opened.path}); wrote {output / 'index.md'}"
            )
