"""``corpus``: read a feed, group it into stories, mark reprints, reconcile each story, write the index.

    articles -> (store | engine.analyse) -> profiles -> engine.group -> stories
             -> (store | engine.judge) -> reports under OUTDIR/stories/ -> OUTDIR/index.{json,md,html}

Engines (``local``, ``ray``) only run the steps; what is read, stored and written is decided here,
so both give the same output. Memory stays flat: only profiles and one story at a time are held.
The index is written last: an interrupted run leaves the previous index (or none), never half of one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..api import analyse_all
from ..cache import analysis_version
from ..embed import DEFAULT_MODEL
from ..model import Claim, Document, Result, Settings
from ..report import render, write
from .index import StoryEntry, rank, render_index_html, render_index_json, render_index_md
from .inputs import MARKER, Article, read_articles
from .places import check_output, check_store
from .profile import PROFILE_VERSION, Analysed, Profile
from .store import Store
from .story import plan_story

__all__ = ["ENGINES", "CorpusRun", "Engine", "Progress", "run_corpus"]

#: progress(stage, done, total): stage is "analyse" (articles) or "judge" (stories)
Progress = Callable[[str, int, int], None]
ENGINES = ("local", "ray")
BATCH = 128  # articles per local analysis batch: one encoder call, texts bucketed by length


class Engine(Protocol):
    """What an engine runs: the heavy steps, on batches."""

    name: str

    @property
    def identity(self) -> str:
        """The key its embeddings are stored under."""

    def analyse(self, articles: Sequence[Article]) -> list[Analysed]: ...

    def group(self, profiles: Sequence[Profile]) -> list[list[str]]: ...

    def judge(self, stories: Sequence[tuple[Sequence[Document], Sequence[Claim]]]) -> list[Result]: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class CorpusRun:
    """What a run did: the index entries, and how much it did afresh (the rest came from the store)."""

    articles: int
    stories: tuple[StoryEntry, ...]
    analysed: tuple[str, ...]  # ids of the articles read and analysed in this run
    judged: int  # stories judged in this run
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def _key(article: Article, version: str) -> str:
    """What an article's stored analysis is keyed by: its feed entry, the analysing code and rules."""
    import hashlib

    return hashlib.sha256(f"{article.digest}\0{version}\0{PROFILE_VERSION}".encode()).hexdigest()


def _count(source: str) -> int:
    return sum(1 for _ in read_articles(source))


def _write_source(article: Article, sources: Path) -> None:
    """A feed article's text as a file, so reports can link to its lines (kept when unchanged)."""
    assert article.text is not None
    target = sources / article.path
    with contextlib.suppress(OSError):
        if target.read_text(encoding="utf-8", errors="surrogatepass") == article.text:
            return
    write(str(target), article.text)


def _analyse_all(
    source: str, store: Store, engine: Engine, sources: Path, progress: Progress, total: int, *,
    version: str, model: str | None,
) -> tuple[dict[str, str], list[Profile], list[str], list[str]]:
    """Every article's profile, from the store or the engine; ids by digest; what was analysed."""
    digests: dict[str, str] = {}
    profiles: list[Profile] = []
    fresh: list[str] = []
    warnings: list[str] = []
    pending: list[Article] = []

    def flush() -> None:
        for item in engine.analyse(pending):
            # claims and vectors made elsewhere (a Ray actor) are stored here; the local engine's already are
            store.cache.put_claims(item.document, item.claims, rules_version=version, model=model or DEFAULT_MODEL)
            store.cache.put_vectors(engine.identity, item.vectors)
            store.put_article(item, _key(item.article, version))
            profiles.append(item.profile)
            fresh.append(item.article.id)
            warnings.extend(item.document.warnings)
        pending.clear()

    for article in read_articles(source):
        digests[article.id] = _key(article, version)
        if article.text is not None:
            _write_source(article, sources)
        stored = store.article(article.id, digests[article.id])
        if stored is not None:
            profiles.append(stored.profile)
        else:
            pending.append(article)
            if len(pending) >= getattr(engine, "chunk", BATCH):
                flush()
        progress("analyse", len(profiles), total)
    if pending:
        flush()
        progress("analyse", len(profiles), total)
    return digests, profiles, fresh, warnings


def run_corpus(
    source: str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    store: Store,
    engine: Engine,
    rules_version: str,
    settings: Settings = Settings(),
    model: str | None = None,
    progress: Progress | None = None,
) -> CorpusRun:
    """The whole job; see the module's docstring. Raises BadInput for an unreadable feed."""
    say = progress or (lambda stage, done, total: None)
    source = str(source)
    out = Path(outdir)
    check_output(out, source)
    check_store(store.path, source)
    out.mkdir(parents=True, exist_ok=True)
    if not (out / MARKER).is_file():  # no later run reads this folder as articles
        write(str(out / MARKER), "Reports of `reconcile corpus`; a folder of articles given to it skips this one.\n")
    sources = out / "articles"
    sources.mkdir(exist_ok=True)
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    total = _count(source)
    digests, profiles, fresh, warnings = _analyse_all(
        source, store, engine, sources, say, total, version=analysis_version(rules_version, settings), model=model
    )
    seconds["analyse"] = time.perf_counter() - start

    start = time.perf_counter()
    groups = engine.group(profiles)
    del profiles
    seconds["group"] = time.perf_counter() - start

    start = time.perf_counter()
    identity = engine.identity
    # the analysis version stamps all of the package's code, the judge's included
    version = f"{identity}\0{analysis_version(rules_version, settings)}"
    plans = []
    for ids in groups:
        items = [store.article(i, digests[i]) for i in ids]
        plan = plan_story([i for i in items if i is not None], version=version)
        plans.append(plan)
    judged = _judge(plans, store, engine, settings, model, say)
    seconds["judge"] = time.perf_counter() - start

    start = time.perf_counter()
    entries = _write_reports(plans, store, out)
    index = {
        "index.json": render_index_json(entries, articles=len(digests)),
        "index.md": render_index_md(entries, articles=len(digests)),
        "index.html": render_index_html(entries, articles=len(digests)),
    }
    for name, text in index.items():
        write(str(out / name), text)
    seconds["write"] = time.perf_counter() - start
    return CorpusRun(
        len(digests), tuple(entries), tuple(sorted(fresh)), judged, seconds, tuple(dict.fromkeys(warnings))
    )


def _judge(plans: list, store: Store, engine: Engine, settings: Settings, model: str | None, say: Progress) -> int:  # type: ignore[type-arg]
    """Judge the stories the store has no result for; the number judged."""
    from ..rules import load_rules

    rules = getattr(engine, "rules", None) or load_rules()
    todo = [p for p in plans if store.story(p.signature) is None]
    done = len(plans) - len(todo)
    say("judge", done, len(plans))
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        work = [(p.documents, analyse_all(p.documents, rules, settings=settings, cache=store.cache, model=model))
                for p in chunk]
        for plan, result in zip(chunk, engine.judge(work), strict=True):
            store.put_story(plan.signature, result)
        done += len(chunk)
        say("judge", done, len(plans))
    return len(todo)


def _write_reports(plans: list, store: Store, out: Path) -> list[StoryEntry]:  # type: ignore[type-arg]
    """Rank the stories, write each one's reports into a fresh folder, swap it in; the entries."""
    unranked = []
    for k, plan in enumerate(plans):
        result = store.story(plan.signature)
        assert result is not None
        # contradictions as the report's main list counts them: weak ones are under "Worth checking"
        counts = {kind: sum(1 for f in result.findings if f.kind == kind and not result.is_weak(f))
                  for kind in ("contradiction", "update", "agreement")}
        first = plan.documents[0]
        title = first.title or first.name
        unranked.append((StoryEntry(str(k), title, plan.articles, plan.reprints, counts["contradiction"],
                                    counts["update"], counts["agreement"]), plan))
    ordered = rank([e for e, _ in unranked])
    by_key = {e.id: p for e, p in unranked}
    entries = []
    fresh = out / ".stories.new"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    link_base = str(out / "stories")
    for n, entry in enumerate(ordered, start=1):
        plan = by_key[entry.id]
        entry = StoryEntry(f"s{n}", entry.title, entry.articles, entry.reprints, entry.contradictions,
                           entry.updates, entry.agreements)
        result = store.story(plan.signature)
        assert result is not None
        for fmt in ("md", "json", "html"):
            write(str(fresh / f"{entry.id}.{fmt}"), render(result, fmt, link_base=link_base))
        entries.append(entry)
    old = out / ".stories.old"
    shutil.rmtree(old, ignore_errors=True)
    stories = out / "stories"
    if stories.exists():
        stories.rename(old)
    fresh.rename(stories)
    shutil.rmtree(old, ignore_errors=True)
    return entries
