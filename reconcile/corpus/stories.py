"""Many stories at once: the same pipeline as ``compare``, with one embedding pass for all of them.

Comparing stories one by one encodes a few dozen claims at a time, in small batches of mixed
length. Here every story's claims are found first, then encoded in one call (batched by length,
each text once), and each story is aligned and judged with those vectors.

The Python stages on either side of the encoder (claims and facts; aligning and judging) run one
story per task over ``workers`` processes when there are many stories: they use one core each,
while the encoder already uses them all. Workers are forked, so they start with the rules, the
claims and the vectors in memory; the results come back in story order, identical to one process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .. import ingest
from ..align import embedding_text
from ..api import analyse, analyse_all, analysis_key, by_document, find, pick_encoder, with_facts
from ..cache import Cache, CachingEncoder, MemoryCache, NullCache
from ..embed import Encoder, spec_of
from ..errors import BadInput
from ..model import Claim, Document, FactRow, Finding, Result, Settings
from ..rules import Rules, load_rules

__all__ = ["compare_stories"]

#: fewer stories than this are compared in one process: starting workers would cost more
PARALLEL_FROM = 16

# what forked workers read (set just before the pool starts; copy-on-write in each worker)
_SHARED: dict[str, Any] = {}


def _workers(requested: int | None, stories: int) -> int:
    if requested is not None:
        return max(1, requested)
    if stories < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _in_workers(task: Callable[[int], Any], n: int, workers: int) -> list[Any]:
    """``task(i)`` for i in range(n), in order: here, or over forked worker processes."""
    if workers <= 1 or n < 2:
        return [task(i) for i in range(n)]
    context = multiprocessing.get_context("fork")
    gc.freeze()  # what the workers inherit stays shared: no collection in them touches (and copies) it
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_one_blas_thread) as pool:
            return list(pool.map(task, range(n), chunksize=max(1, n // (workers * 8))))
    finally:
        gc.unfreeze()


def _one_blas_thread() -> None:
    """Each worker's numpy uses one thread: the workers together already fill the cores (with
    BLAS's own threads on top, the judge ran slower over two workers than in one process)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _read_story(i: int) -> list[Document]:
    paths, rules = _SHARED["read"]
    return ingest.read_all(paths[i], rules=rules)


def _analyse_pending(i: int) -> list[Claim]:
    document, rules, settings = _SHARED["pending"][i]
    return analyse(document, rules, settings)


def _judge_story(i: int) -> tuple[tuple[FactRow, ...], list[Finding]]:
    docs, found, chosen, settings, rules, store = _SHARED["judge"][i]
    findings = find(docs, found, group_of=by_document, rules=rules, encoder=chosen, settings=settings, cache=store)
    return with_facts(docs, found, rules, findings)


def _analyse_stories(
    documents: list[list[Document]], rules: Rules, settings: Settings, store: Cache, model: str | None, workers: int
) -> list[list[Claim]]:
    """``analyse_all`` for each story; the documents the cache lacks are analysed over ``workers``."""
    if workers <= 1:
        return [analyse_all(docs, rules, settings=settings, cache=store, model=model) for docs in documents]
    version, name = analysis_key(rules, settings, model)
    found: dict[tuple[int, int], list[Claim]] = {}
    pending: list[tuple[int, int]] = []
    for s, docs in enumerate(documents):
        for d, document in enumerate(docs):
            hit = store.get_claims(document, rules_version=version, model=name)
            if hit is None:
                pending.append((s, d))
            else:
                found[(s, d)] = list(hit)
    _SHARED["pending"] = [(documents[s][d], rules, settings) for s, d in pending]
    try:
        analysed = _in_workers(_analyse_pending, len(pending), workers)
    finally:
        _SHARED.pop("pending", None)
    for (s, d), claims in zip(pending, analysed, strict=True):
        store.put_claims(documents[s][d], claims, rules_version=version, model=name)
        found[(s, d)] = claims
    return [[c for d in range(len(docs)) for c in found[(s, d)]] for s, docs in enumerate(documents)]


def compare_stories(
    stories: Sequence[Sequence[str | Path]],
    *,
    model: str | None = None,
    settings: Settings = Settings(),  # noqa: B008 - frozen, as in api.compare
    rules_dir: str | None = None,
    encoder: Encoder | None = None,
    cache: Cache | bool = True,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> list[Result]:
    """``compare`` for each story (a list of two or more paths), in order, embedding all claims once.

    ``workers``: processes for the stages around the encoder (default: the CPUs, up to 4, from
    ``PARALLEL_FROM`` stories on, where the platform can fork; 1 keeps everything in this process).
    """
    say = progress or (lambda stage: None)
    for paths in stories:
        if len(paths) < 2:
            raise BadInput(f"{paths[0] if paths else 'story'}: a story needs at least two articles")
    rules = load_rules(rules_dir)
    store = MemoryCache(cache if isinstance(cache, Cache) else Cache() if cache else NullCache())
    say("ingest")
    jobs = _workers(workers, len(stories))
    _SHARED["read"] = ([[str(p) for p in paths] for paths in stories], rules)
    try:
        documents: list[list[Document]] = _in_workers(_read_story, len(stories), jobs)
    finally:
        _SHARED.pop("read", None)
    claims = _analyse_stories(documents, rules, settings, store, model, jobs)
    # each story gets the model its languages need; each model encodes all its stories' claims at once
    encoders: dict[str, Encoder] = {}
    picks = []
    for docs, found in zip(documents, claims, strict=True):
        chosen, choice = pick_encoder(docs, found, model=model, encoder=encoder, settings=settings, progress=say)
        picks.append((encoders.setdefault(chosen.name, chosen), choice))
    say("embed")
    for name, chosen in encoders.items():
        texts = dict.fromkeys(
            embedding_text(c) for story, (e, _) in zip(claims, picks, strict=True) if e.name == name for c in story
        )
        CachingEncoder(chosen, store).encode(list(texts))
    _SHARED["judge"] = [
        (docs, found, chosen, spec_of(chosen).tune(settings), rules, store)
        for docs, found, (chosen, _) in zip(documents, claims, picks, strict=True)
    ]
    try:
        judged = _in_workers(_judge_story, len(documents), jobs)
    finally:
        _SHARED.pop("judge", None)
    return [
        Result(tuple(docs), tuple(found), tuple(findings), mode="compare", model=e.name, model_reason=why.reason,
               facts=facts)
        for docs, found, (facts, findings), (e, why) in zip(documents, claims, judged, picks, strict=True)
    ]
