"""Many articles: group a feed into stories, mark reprints, reconcile each story with ``compare``'s pipeline.

``compare_stories`` compares stories already known; ``run_corpus`` finds them (``reconcile corpus``);
``outliers`` tells ``compare`` which of its sources do not look like the same story.
Submodules load on first use, so ``compare`` pays only for what it calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["ENGINES", "CorpusRun", "compare_stories", "run_corpus"]

if TYPE_CHECKING:
    from .job import ENGINES, CorpusRun, run_corpus
    from .stories import compare_stories


def __getattr__(name: str) -> Any:
    if name in ("ENGINES", "CorpusRun", "run_corpus"):
        from . import job

        return getattr(job, name)
    if name == "compare_stories":
        from .stories import compare_stories

        return compare_stories
    raise AttributeError(f"module 'reconcile.corpus' has no attribute {name!r}")
