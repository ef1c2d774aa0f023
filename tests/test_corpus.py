"""Many stories at once, and re-runs through the cache, give what `compare` gives, doing less work."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from reconcile import compare
from reconcile.cache import Cache
from reconcile.corpus import compare_stories
from reconcile.embed import Encoder
from reconcile.errors import BadInput
from reconcile.model import Result

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
STORIES = [
    [str(SEEDS / "guanajuato-zerohedge.txt"), str(SEEDS / "guanajuato-ward.txt")],
    [str(SEEDS / "el-salto-mexicorojo-tweet.txt"), str(SEEDS / "el-salto-breitbart.txt")],
]


class Counting:
    """The real encoder, counting the calls and texts that reach it."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.name = inner.name
        self.identity = getattr(inner, "identity", inner.name)
        self.calls: list[int] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(len(texts))
        return self.inner.encode(texts)


def summary(result: Result) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.kind, f.claims) for f in result.findings]


@pytest.mark.slow
def test_stories_at_once_match_one_by_one(encoder: Encoder, tmp_path: Path) -> None:
    counting = Counting(encoder)
    together = compare_stories(STORIES, encoder=counting, cache=Cache(tmp_path / "c.sqlite3"))
    assert len(counting.calls) == 1  # every claim of every story in one call
    alone = [compare(paths, encoder=encoder, cache=False) for paths in STORIES]
    assert [summary(r) for r in together] == [summary(r) for r in alone]
    assert [r.claims for r in together] == [r.claims for r in alone]


@pytest.mark.slow
def test_second_run_reads_everything_from_the_cache(
    encoder: Encoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counting = Counting(encoder)
    first = compare(STORIES[0], encoder=counting, cache=Cache(tmp_path / "c.sqlite3"))
    assert sum(counting.calls) > 0
    counting.calls.clear()

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached document was parsed again")

    monkeypatch.setattr("reconcile.claims.extract", no_parsing)
    again = compare(STORIES[0], encoder=counting, cache=Cache(tmp_path / "c.sqlite3"))
    assert counting.calls == []
    assert summary(again) == summary(first) and again.claims == first.claims


def test_a_story_needs_two_articles() -> None:
    with pytest.raises(BadInput, match="at least two"):
        compare_stories([[str(SEEDS / "guanajuato-ward.txt")]], cache=False)


@pytest.mark.slow
@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_stories_over_worker_processes_match_one_process(encoder: Encoder, tmp_path: Path) -> None:
    from reconcile.report import render

    counting = Counting(encoder)
    store = Cache(tmp_path / "c.sqlite3")
    parallel = compare_stories(STORIES, encoder=counting, cache=store, workers=2)
    assert len(counting.calls) == 1  # the encoder still runs once, here, not in the workers
    single = compare_stories(STORIES, encoder=encoder, cache=False, workers=1)
    assert [render(r, "json") for r in parallel] == [render(r, "json") for r in single]
    # the workers' claims went into the cache: a third run analyses nothing
    from reconcile.api import analysis_key
    from reconcile.model import Settings
    from reconcile.rules import load_rules

    version, model = analysis_key(load_rules(), Settings(), None)
    for result in parallel:
        for document in result.documents:
            assert store.get_claims(document, rules_version=version, model=model) is not None
