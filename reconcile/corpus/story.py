"""One story: its articles in order, its reprints, and its reconciliation by ``api.find`` (as ``compare``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from ..api import by_document, find, with_facts
from ..cache import Cache, document_key
from ..embed import Encoder
from ..model import Claim, Document, Result, Settings, Tally
from ..rules import Rules
from .analysis import Analysed
from .reprints import reprints

__all__ = ["Precomputed", "StoryPlan", "judge_story", "plan_story"]


@dataclass(frozen=True)
class StoryPlan:
    """A story before judging: article ids in order, reprints, and the independent documents (d1, d2, ...)."""

    articles: tuple[str, ...]
    reprints: tuple[tuple[str, str], ...]  # (article, the article it reprints)
    documents: tuple[Document, ...]
    signature: str


def _order(item: Analysed) -> tuple[dt.date, str]:
    return (item.document.date or dt.date.max, item.article.id)


def plan_story(items: Sequence[Analysed], *, version: str) -> StoryPlan:
    """Order a story's articles (by date, then id), mark reprints, number the independent ones d1, d2, ...

    ``version`` (model identity, rules, settings) is part of the signature that keys the stored result.
    """
    ordered = sorted(items, key=_order)
    copies = reprints([i.document for i in ordered])
    originals = [k for k in range(len(ordered)) if k not in copies]
    documents = tuple(
        dataclasses.replace(ordered[k].document, id=f"d{n}") for n, k in enumerate(originals, start=1)
    )
    keys = [f"{d.path}\0{document_key(d, rules_version=version, model='')}" for d in documents]
    signature = hashlib.sha256("\n".join([version, *keys]).encode("utf-8", "surrogatepass")).hexdigest()
    return StoryPlan(
        articles=tuple(i.article.id for i in ordered),
        reprints=tuple((ordered[j].article.id, ordered[i].article.id) for j, i in sorted(copies.items())),
        documents=documents,
        signature=signature,
    )


class Precomputed:
    """An encoder whose vectors are all in the cache already (a Ray task's): it never encodes."""

    def __init__(self, name: str, identity: str) -> None:
        self.name = name
        self.identity = identity

    def encode(self, texts: Sequence[str]):  # type: ignore[no-untyped-def]
        import numpy as np

        from ..errors import ModelError

        if not texts:  # a story without claims
            return np.zeros((0, 0), dtype=np.float32)
        raise ModelError(f"{len(texts)} claim texts were not embedded before judging")


def judge_story(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    *,
    rules: Rules,
    settings: Settings,
    encoder: Encoder,
    cache: Cache,
) -> Result:
    """Align and judge one story's independent documents, exactly as ``compare`` does."""
    tally = Tally()
    findings = find(
        documents, claims, group_of=by_document, rules=rules, encoder=encoder, settings=settings, cache=cache,
        tally=tally,
    )
    facts, findings = with_facts(documents, claims, rules, findings)
    return Result(
        tuple(documents), tuple(claims), tuple(findings), mode="compare", model=encoder.name,
        compared=tally.as_dict(), min_confidence=settings.min_confidence, facts=facts,
    )
