"""Article -> Document, claims and a profile, in batches: the corpus's reading of its feed, through
the same ``api.analyse_all`` that ``compare`` uses."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import ingest
from ..align import embedding_text
from ..api import analyse_all
from ..cache import Cache, CachingEncoder
from ..embed import Encoder
from ..frame import read_frame
from ..grouping.profile import (
    Profile,
    ages_of,
    body_digest,
    common_words,
    frame_fields,
    lead_text,
    names_of,
    places_of,
    regions_of,
    streets_of,
    title_text,
    words_of,
)
from ..model import Claim, Document, Settings
from ..rules import Rules
from .inputs import Article

__all__ = ["Analysed", "analyse_batch", "document_of"]


@dataclass(frozen=True)
class Analysed:
    """One article read and analysed: its document, claims, profile, and the vectors it needed."""

    article: Article
    document: Document
    claims: tuple[Claim, ...]
    profile: Profile
    vectors: dict[str, bytes] = dataclasses.field(default_factory=dict)


def document_of(article: Article, *, rules: Rules, sources: str | Path) -> Document:
    """The Document of an article: its file read as ``compare`` reads it, or the feed's text."""
    if article.text is None:
        doc = ingest.read(article.path, doc_id="d1", rules=rules)
    else:
        doc = ingest.from_text(article.text, path=str(Path(sources) / article.path), doc_id="d1", rules=rules)
    changes: dict[str, object] = {}
    if article.title:
        changes["title"] = article.title
    if article.date:
        changes["date"] = article.date
    return dataclasses.replace(doc, **changes) if changes else doc  # type: ignore[arg-type]


def analyse_batch(
    articles: Sequence[Article],
    *,
    rules: Rules,
    settings: Settings,
    encoder: Encoder,
    cache: Cache,
    model: str | None,
    sources: str | Path,
) -> list[Analysed]:
    """Read, analyse and embed a batch of articles: claims from ``cache`` where it has them, and every
    claim text and lead of the batch encoded in one call (only those ``cache`` lacks)."""
    import numpy as np

    docs = [document_of(a, rules=rules, sources=sources) for a in articles]
    found = [analyse_all([d], rules, settings=settings, cache=cache, model=model) for d in docs]
    leads = [lead_text(d, c) for d, c in zip(docs, found, strict=True)]
    titles = [title_text(d, c) for d, c in zip(docs, found, strict=True)]
    texts = list(dict.fromkeys([*leads, *titles, *(embedding_text(c) for claims in found for c in claims)]))
    vectors = np.asarray(CachingEncoder(encoder, cache).encode(texts), dtype=np.float32)
    by_text = {t: vectors[i].tobytes() for i, t in enumerate(texts)}
    out = []
    common = common_words(rules)
    for article, doc, claims, lead, title in zip(articles, docs, found, leads, titles, strict=True):
        names = names_of(doc, common=common, claims=claims)
        profile = Profile(article.id, article.outlet, doc.date, names, by_text[lead], by_text[title],
                          words_of(doc, claims), regions_of(doc, rules, claims), places_of(doc, rules, names, claims),
                          streets_of(doc, rules, claims), ages_of(doc, rules, claims),
                          body=body_digest(doc, claims),
                          **frame_fields(read_frame(doc, claims, rules), rules))  # type: ignore[arg-type]
        own = {t: by_text[t] for t in [lead, title, *(embedding_text(c) for c in claims)]}
        out.append(Analysed(article, doc, tuple(claims), profile, own))
    return out

