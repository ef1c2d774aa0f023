"""Reprints: near-identical copies of one article (a wire story run by several outlets) count as one voice."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document

__all__ = ["REPRINT_RATIO", "reprints"]

#: rapidfuzz ratio (0-100) of two whitespace-normalised texts at or above which one is a copy of the other
REPRINT_RATIO = 90.0


def reprints(documents: Sequence[Document], *, ratio: float = REPRINT_RATIO) -> dict[int, int]:
    """For each copy, the index of the earlier document it reprints (documents in story order).

    >>> from reconcile.model import Document
    >>> a = Document("a", "a", "Two men were shot on Main Street, police said.")
    >>> b = Document("b", "b", "Two men were shot on Main Street, police said!")
    >>> c = Document("c", "c", "A woman was arrested.")
    >>> reprints([a, b, c])
    {1: 0}
    """
    from rapidfuzz import fuzz

    texts = [" ".join(d.text.split()) for d in documents]
    of: dict[int, int] = {}
    for j in range(len(texts)):
        for i in range(j):
            if i in of:  # compare with originals only
                continue
            short, long_ = sorted((len(texts[i]), len(texts[j])))
            if long_ == 0 or short / long_ < ratio / 100:
                continue
            if fuzz.ratio(texts[i], texts[j], score_cutoff=ratio):
                of[j] = i
                break
    return of
