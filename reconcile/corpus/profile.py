"""Article -> Document, claims and a profile: what grouping needs to know about one article.

A profile is small (a lead vector, the rare-looking names, the date), so thousands fit in memory
while the documents themselves stay in the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import ingest
from ..align import embedding_text
from ..api import analyse_all
from ..cache import Cache, CachingEncoder
from ..embed import Encoder
from ..model import Claim, Document, Settings
from ..rules import Rules
from .inputs import Article

__all__ = [
    "PROFILE_VERSION", "Analysed", "Profile", "analyse_batch", "common_words", "document_of", "lead_text", "names_of",
    "places_of", "regions_of", "title_text", "words_of",
]

_NAME = re.compile(r"\b[A-Z][A-Za-z'’-]{2,}\b")
_LOWER = re.compile(r"\b[a-z][a-z'’-]{2,}\b")
_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
#: a run of words after a place word ("in Beech Grove"): a comma or other mark ends it
_RUN = re.compile(r"\s+([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)*)")
_POSSESSIVE = re.compile(r"['’]s$")
#: bump when a profile (lead, names, words) is computed differently: stored profiles are then remade
PROFILE_VERSION = "6"


@dataclass(frozen=True)
class Profile:
    """What grouping compares: the lead's and the title's unit vectors (float32 bytes), capitalised
    words, the date, the words of the story with their counts (for shared rare words), the
    regions (US states) it names, and the place its lead says it happened in (name words, lowercased)."""

    id: str
    outlet: str
    date: dt.date | None
    names: frozenset[str]
    vector: bytes
    title_vector: bytes = b""
    words: tuple[tuple[str, int], ...] = ()
    regions: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()


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


def lead_text(document: Document, claims: Sequence[Claim]) -> str:
    """Title and first claim: what an article is about, in one short text.

    >>> from reconcile.model import Document, Claim
    >>> lead_text(Document("d1", "a.txt", "x", title="Two shot"), [Claim("d1.c1", "d1", "Two men were shot.", 0, 1)])
    'Two shot. Two men were shot.'
    """
    parts = [document.title or ""] + [embedding_text(c) for c in claims[:1]]
    text = ". ".join(p.strip() for p in parts if p.strip())
    return text or document.text[:300]


def _body_text(document: Document, claims: Sequence[Claim] | None) -> str:
    """What the article says: its claims when known (no page furniture), else its text."""
    return document.text if claims is None else "\n".join(c.text for c in claims)


def _story_text(document: Document, claims: Sequence[Claim] | None) -> str:
    """The title and what the article says."""
    return f"{document.title or ''}\n{_body_text(document, claims)}"


def title_text(document: Document, claims: Sequence[Claim]) -> str:
    """The title alone (the lead when there is none): a second, shorter view of what the article is about.

    >>> from reconcile.model import Document
    >>> title_text(Document("d1", "a.txt", "x", title=" Two shot "), [])
    'Two shot'
    """
    return (document.title or "").strip() or lead_text(document, claims)


def _mid_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is inside a sentence, not the first word of a line or sentence."""
    before = text[:start].rstrip(" \t\"'“‘([—-")
    return bool(before) and before[-1] not in ".!?:;\n"


def names_of(
    document: Document, *, common: frozenset[str] = frozenset(), claims: Sequence[Claim] | None = None,
    starts: bool = False,
) -> frozenset[str]:
    """Words of the title and text (its ``claims`` when given, so page furniture is left out) that are
    only ever capitalised, lowercased: names of people, places, outlets. A word also written in
    lowercase ("The", "Police" beside "police") is not a name, nor one in ``common`` (months, weekdays).
    In the text, a word capitalised only where a sentence begins ("After", "However") is not one
    either, unless ``starts`` (what ``compare``'s one-story check was calibrated on); the title's
    capitalised words all count (a furniture page has nothing else).

    >>> from reconcile.model import Document
    >>> doc = Document("d1", "a", "After the shots in Euharlee, Lang ran. Lang said the police were there.")
    >>> sorted(names_of(doc)), sorted(names_of(doc, starts=True))
    (['euharlee', 'lang'], ['after', 'euharlee', 'lang'])
    """
    title = document.title or ""
    body = _body_text(document, claims)
    lower = set(_LOWER.findall(title)) | set(_LOWER.findall(body))
    found = [m.group(0) for m in _NAME.finditer(title)]
    found += [m.group(0) for m in _NAME.finditer(body) if starts or _mid_sentence(body, m.start())]
    return frozenset(w for w in (n.lower() for n in found) if w not in lower and w not in common)


def words_of(document: Document, claims: Sequence[Claim] | None = None) -> tuple[tuple[str, int], ...]:
    """The words of the title and claims, lowercased, with their counts: words of three letters or more
    and numbers. Grouping weighs the rare ones (a street, "nightclub", "17-year-old") shared by two articles.

    >>> from reconcile.model import Document
    >>> words_of(Document("d1", "a", "A 17-year-old was shot on Elm Street; the street was closed.", title="Shot"))
    (('17-year-old', 1), ('closed', 1), ('elm', 1), ('shot', 2), ('street', 2), ('the', 1), ('was', 2))
    """
    found = Counter(w for w in _WORD.findall(_story_text(document, claims).lower()) if len(w) > 2 or w.isdigit())
    return tuple(sorted(found.items()))


def regions_of(document: Document, rules: Rules, claims: Sequence[Claim] | None = None) -> frozenset[str]:
    """The regions (the rules' ``regions``: US states) the title and claims name, as written.

    >>> from reconcile.model import Document
    >>> from reconcile.rules import load_rules
    >>> sorted(regions_of(Document("d1", "a", "SELMA, Ala. - Police in Dallas County, not Kansas City."), load_rules()))
    ['alabama']
    """
    lexicon = rules.lexicon
    found = (lexicon.regions[m.group(0)] for m in lexicon.region_pattern.finditer(_story_text(document, claims)))
    return frozenset(r for r in found if r)


def _lead_parts(document: Document, claims: Sequence[Claim] | None) -> list[str]:
    """The title and the first claim (the text's start when the claims are not known)."""
    first = [c.text for c in claims[:1]] if claims is not None else [document.text[:300]]
    return [document.title or "", *first]


def _place_words(run: str, names: frozenset[str]) -> list[str]:
    """The leading words of ``run`` that are names (a possessive trimmed), lowercased."""
    found = []
    for word in run.split():
        bare = _POSSESSIVE.sub("", word.strip(".'’")).lower()
        if word.strip(".'’").lower() not in names and bare not in names:
            break
        found.append(bare)
    return found


@functools.lru_cache(maxsize=8)
def _place_pattern(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")\b", re.IGNORECASE)


def places_of(document: Document, rules: Rules, names: frozenset[str],
              claims: Sequence[Claim] | None = None) -> frozenset[str]:
    """Where the title and first claim say it happened: the words of ``names`` (the article's) right
    after one of the rules' ``event_places`` ("in"). A region's name ("Chelsea, Mass.") is left to
    the regions and ends the run, and so does a word the article writes in lowercase ("Shooting" in
    a title, "the").

    >>> from reconcile.model import Document
    >>> from reconcile.rules import load_rules
    >>> doc = Document("d1", "a", "Two men were shot in Beech Grove's south side, Ind. on Friday. Police in the "
    ...                "Austin area came to the shooting.", title="Two Shot In Beech Grove Shooting")
    >>> sorted(places_of(doc, load_rules(), names_of(doc)))
    ['beech', 'grove']
    """
    lexicon = rules.lexicon
    if not lexicon.event_places:
        return frozenset()
    before = _place_pattern(lexicon.event_places)
    found: set[str] = set()
    for part in _lead_parts(document, claims):
        part = lexicon.region_pattern.sub(lambda m: ", " if lexicon.regions[m.group(0)] else m.group(0), part)
        for m in before.finditer(part):
            run = _RUN.match(part, m.end())
            if run:
                found.update(_place_words(run.group(1), names))
    return frozenset(found)


def common_words(rules: Rules) -> frozenset[str]:
    """Capitalised words that name no one: the months and weekdays of every language in the rules."""
    return frozenset(rules.lexicon.months) | frozenset(rules.lexicon.weekdays)


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
                          words_of(doc, claims), regions_of(doc, rules, claims), places_of(doc, rules, names, claims))
        own = {t: by_text[t] for t in [lead, title, *(embedding_text(c) for c in claims)]}
        out.append(Analysed(article, doc, tuple(claims), profile, own))
    return out
