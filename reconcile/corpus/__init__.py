"""Many articles: group a feed into stories, mark reprints, reconcile each story with ``compare``'s pipeline.

``compare_stories`` compares stories already known; ``run_corpus`` finds them (``reconcile corpus``).
"""

from __future__ import annotations

from .job import ENGINES, CorpusRun, run_corpus
from .stories import compare_stories

__all__ = ["ENGINES", "CorpusRun", "compare_stories", "run_corpus"]
