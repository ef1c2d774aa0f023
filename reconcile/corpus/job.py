"""``corpus``: read a feed, group it into stories, mark reprints, reconcile each story, write the index.

    articles -> (store | engine.analyse) -> profiles -> engine.group -> stories
             -> (store | engine.judge) -> reports under OUTDIR/stories/ -> OUTDIR/index.{json,md,html}

Engines (``local``, ``ray``) only run the steps; what is read, stored and written is decided here,
so both give the same output. Memory stays flat: only profiles and one story at a time are held.

The output is published at once (``report.folder.Publication``): stories, feed articles and the
index are built aside and swapped in at the end, so an interrupted run leaves the previous complete
output or none. A feed article is planned, judged and stored under its file name alone
(``Article.path``); its reports link to it under this run's ``OUTDIR/articles/``, whichever run
or output folder first analysed it.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..api import analyse_all
from ..cache import analysis_version
from ..embed import DEFAULT_MODEL
from ..grouping import PROFILE_VERSION, Profile
from ..model import Claim, Document, FactRow, Result, Settings
from ..report import render, write
from ..report.folder import Publication
from .analysis import Analysed
from .index import StoryEntry, rank, render_index_html, render_index_json, render_index_md
from .inputs import MARKER, Article, read_articles
from .places import check_output, check_store
from .store import Store
from .story import StoryPlan, plan_story

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


INDEX = ("index.md", "index.html", "index.json")  # in the order they are published: index.json last
#: what the output folder says about itself (a folder of articles given to ``corpus`` skips it)
_MARKER_TEXT = "Reports of `reconcile corpus`; a folder of articles given to it skips this one.\n"


def _neutral(item: Analysed) -> Analysed:
    """A feed article's document under its file name alone, whatever output folder it was read for."""
    if item.article.text is None or item.document.path == item.article.path:
        return item
    return dataclasses.replace(item, document=dataclasses.replace(item.document, path=item.article.path))


def _rebased(result: Result, names: set[str], sources: Path) -> Result:
    """The stored result with its feed articles under this run's ``articles/`` folder."""
    documents = tuple(
        dataclasses.replace(d, path=str(sources / d.path)) if d.path in names else d for d in result.documents
    )
    return dataclasses.replace(result, documents=documents)


def _analyse_all(
    source: str, store: Store, engine: Engine, publication: Publication, progress: Progress, total: int, *,
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
        if article.text is not None:  # its text as a file, so that reports can link to its lines
            publication.write(f"articles/{article.path}", article.text)
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
    total = _count(source)  # the whole feed is checked before anything is written
    publication = Publication(out, folders=("stories", "articles"), index=INDEX)
    try:
        run = _run(source, out, publication, store=store, engine=engine, rules_version=rules_version,
                   settings=settings, model=model, say=say, total=total)
        start = time.perf_counter()
        if not (out / MARKER).is_file():
            write(str(out / MARKER), _MARKER_TEXT)
        publication.commit()
        run.seconds["write"] += time.perf_counter() - start
    except BaseException:
        publication.abandon()
        raise
    return run


def _run(
    source: str, out: Path, publication: Publication, *, store: Store, engine: Engine, rules_version: str,
    settings: Settings, model: str | None, say: Progress, total: int,
) -> CorpusRun:
    """Analyse, group, judge, and write every report into ``publication``."""
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    digests, profiles, fresh, warnings = _analyse_all(
        source, store, engine, publication, say, total, version=analysis_version(rules_version, settings),
        model=model,
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
    names: set[str] = set()  # the file names of feed articles, as their documents are planned
    for ids in groups:
        items = [_neutral(i) for i in (store.article(i, digests[i]) for i in ids) if i is not None]
        names.update(i.article.path for i in items if i.article.text is not None)
        plans.append(plan_story(items, version=version))
    judged = _judge(plans, store, engine, settings, model, say)
    seconds["judge"] = time.perf_counter() - start

    start = time.perf_counter()
    entries = _write_reports(plans, store, publication, out, names)
    index = {
        "index.md": render_index_md(entries, articles=len(digests)),
        "index.html": render_index_html(entries, articles=len(digests)),
        "index.json": render_index_json(entries, articles=len(digests)),
    }
    for name in INDEX:
        publication.write(name, index[name])
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


def _by_article(result: Result, plan: StoryPlan) -> tuple[FactRow, ...]:
    """The story's key facts with each value keyed by its article's id, disagreements first."""
    copies = {a for a, _ in plan.reprints}
    originals = [i for i in plan.articles if i not in copies]
    article_of = dict(zip((d.id for d in plan.documents), originals, strict=False))
    rows = [FactRow(r.field, r.label, r.status, {article_of.get(d, d): v for d, v in r.values.items()})
            for r in result.facts]
    order = {"contradiction": 0, "update": 1}
    return tuple(sorted(rows, key=lambda r: order.get(r.status, 2)))


def _write_reports(
    plans: list, store: Store, publication: Publication, out: Path, names: set[str],  # type: ignore[type-arg]
) -> list[StoryEntry]:
    """Rank the stories and write each one's reports into the publication; the entries."""
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
                                    counts["update"], counts["agreement"], _by_article(result, plan)), plan))
    ordered = rank([e for e, _ in unranked])
    by_key = {e.id: p for e, p in unranked}
    entries = []
    link_base = str(out / "stories")  # where the reports will be once published
    for n, entry in enumerate(ordered, start=1):
        plan = by_key[entry.id]
        entry = StoryEntry(f"s{n}", entry.title, entry.articles, entry.reprints, entry.contradictions,
                           entry.updates, entry.agreements, entry.facts)
        result = store.story(plan.signature)
        assert result is not None
        result = _rebased(result, names, out / "articles")
        for fmt in ("md", "json", "html"):
            publication.write(f"stories/{entry.id}.{fmt}", render(result, fmt, link_base=link_base))
        entries.append(entry)
    return entries
