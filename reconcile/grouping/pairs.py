"""Profiles -> the probability that two articles report the same event.

Each pair of articles gets a probability of "same story" from five pieces of evidence: the
cosine of their leads (title and first claim) and of their titles, the rare capitalised words they
share (names, places; weighted by inverse document frequency), the tf-idf cosine of the rare words
they share (a street, "nightclub", "17-year-old"), and how many days apart they were published,
with shared names softening the day gap (a trial months later is still the same story). The
weights are a logistic regression fitted on gva-dev, checked by cross-validation over incidents
(see bench/README.md). Stories are then
average-linkage clusters of those probabilities, cut at ``GroupingSettings.threshold``, so one
loose pair does not chain two events together; an article the clustering leaves alone then joins
the story it is most strongly tied to when the mean of its two strongest pairs there reaches a
bar (a survivor's profile weeks later is like the last reports, not like all of them). Two groups
that name different US states, or whose titles and leads say different places ("in Chelsea", "in
Beech Grove"), merge only on a strong link. Only pairs
with some evidence are kept, and
clustering runs per connected component of the pairs at the cut, so memory follows the stories,
not the corpus squared.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .profile import Profile, cities_named

__all__ = [
    "FEATURES", "LEAD_AND_NAMES", "GroupingSettings", "feature_weights", "pair_edges", "pair_features",
    "pair_probability",
]


@dataclass(frozen=True)
class GroupingSettings:
    """Weights of the same-story model and the cut of the clustering: fitted on gva-dev; the weight of a
    city clash fitted on gva-dev and gva-feed together (``bench/grouping_cv.py``), the rest held; the
    weights of shared people and of two figures of the dead chosen on one half of the incidents of both
    (md5 of the incident id) and checked on the other, with gva-dev unchanged. The event's day weighs
    nothing: fitted jointly the key-fact weights lift the dense feed but cost gva-dev more than its floor
    (0.95) allows."""

    #: weight of the cosine of two leads (title and first claim)
    cosine: float = 3.2
    #: weight of the cosine of two titles
    title: float = 3.9
    #: weight of log(1 + summed idf of the rare names both articles use)
    names: float = 1.45
    #: weight of the tf-idf cosine of the two articles' rare words (streets, "nightclub", "17-year-old")
    words: float = 4.65
    #: weight of log(1 + days between the two dates)
    days: float = -1.4
    #: weight of names x days: shared names keep a late follow-up ("pleads guilty") with its story
    names_days: float = 0.27
    #: from the articles' key facts: weight of log(1 + days between the events' days, where both say),
    #: of two different cities named as where it happened, of log(1 + family names of people both
    #: name in it), and of two different figures of the dead
    event_days: float = 0.0
    city_clash: float = -1.44
    people: float = 1.0
    count_clash: float = -1.0
    bias: float = -4.85
    #: average "same story" probability at or above which two groups are one story
    threshold: float = 0.3
    #: an article left alone joins the story where the mean of its this many strongest pairs reaches
    #: ``lone_bar`` (a follow-up weeks later resembles the last reports, not all of them); 0: never
    lone_pairs: int = 2
    #: the mean of its ``lone_pairs`` strongest pairs at which an article left alone joins a story: below
    #: the cut, since it splits no story and a page with little text has only weak pairs
    lone_bar: float = 0.12
    #: two groups that name regions (US states), none in common, or whose titles and leads name places
    #: ("in Beech Grove"), none in common, are one story only when their average probability reaches
    #: this: "Dallas" in a Selma, Ala. report (Dallas County) is not the Dallas ambush; 1: never
    regions: float = 0.75
    #: each article's event day (from its key facts) reaches this many days either way; two groups whose
    #: reaches do not meet (every event day of one more than twice this from every one of the other: two
    #: shootings a week apart in one city) are one story only at ``regions``, as for places. A lone
    #: article joining a story is not held to it (a follow-up weeks later tells of a later day); -1: never
    event_reach: int = 3
    #: a lone article whose event day is more than this many days from every event day of a story does
    #: not join it on a middling link (a follow-up tells of a later day, but not one months on); -1: never
    lone_days: int = 60
    #: pairs below this probability are not scored at all
    floor: float = 0.05
    #: a name in more than this share of the articles is not evidence
    rare: float = 0.05
    #: a name is evidence only where at least this share of the articles using the word write it only
    #: capitalised: "Hospital", "Please" or "Update" in one page's headings are lowercase in most others
    proper: float = 0.7
    #: a word in more than this share of the articles is not evidence
    rare_words: float = 0.02
    #: idf is computed as if the corpus had at least this many articles (small feeds keep their weights)
    reference_size: int = 400
    #: days assumed between two articles when one has no date
    unknown_days: int = 3


#: the model before titles and words were weighed (names from the whole text): what ``compare``'s
#: one-story check was calibrated on, and what it still uses
LEAD_AND_NAMES = GroupingSettings(cosine=6.0, title=0.0, names=2.0, words=0.0, days=-0.7, names_days=0.0, bias=-6.5,
                                  proper=0.0)


def pair_probability(
    cosine: float, names: float, days: float, settings: GroupingSettings = GroupingSettings(), *,
    title: float = 0.0, words: float = 0.0, event_days: float = 0.0, city_clash: float = 0.0, people: float = 0.0,
    count_clash: float = 0.0,
) -> float:
    """The model's probability that two articles tell one story.

    >>> round(pair_probability(0.9, 20.0, 1.0, title=0.8, words=0.5), 2), round(pair_probability(0.3, 0.0, 200.0), 2)
    (1.0, 0.0)
    """
    s = settings
    shared, gap = math.log1p(names), math.log1p(days)
    z = (s.bias + s.cosine * cosine + s.title * title + s.names * shared + s.words * words + s.days * gap
         + s.names_days * shared * gap + s.event_days * math.log1p(event_days) + s.city_clash * city_clash
         + s.people * math.log1p(people) + s.count_clash * count_clash)
    return 1.0 / (1.0 + math.exp(-z))


def _idf(sets: Sequence[set[str]], share: float, settings: GroupingSettings) -> dict[str, float]:
    """idf of the words used by at least two and at most ``share`` of the sets."""
    n = len(sets)
    df = Counter(w for words in sets for w in words)
    limit = max(2.0, share * n)
    size = max(n, settings.reference_size)
    return {w: math.log(size / c) for w, c in df.items() if 2 <= c <= limit}


def _voices(profiles: Sequence[Profile]) -> list[Profile]:
    # a reprint repeats its original: count each distinct lead once, so copies do not make a word common
    return list({p.vector: p for p in profiles}.values())


def _proper(profiles: Sequence[Profile], share: float) -> set[str]:
    """The names that at least ``share`` of the articles using the word (in any case) write only capitalised."""
    if not share:
        return {w for p in profiles for w in p.names}
    capitalised = Counter(w for p in profiles for w in p.names)
    used = Counter(w for p in profiles for w, _ in p.words if w in capitalised)
    return {w for w, c in capitalised.items() if c >= share * max(c, used[w])}


def _name_weights(profiles: Sequence[Profile], settings: GroupingSettings) -> dict[str, float]:
    proper = _proper(_voices(profiles), settings.proper)
    voices: dict[bytes, set[str]] = {}
    for p in profiles:
        voices.setdefault(p.vector, set()).update(p.names & proper)
    return _idf(list(voices.values()), settings.rare, settings)


def _word_weights(profiles: Sequence[Profile], settings: GroupingSettings) -> dict[str, float]:
    return _idf([{w for w, _ in p.words} for p in _voices(profiles)], settings.rare_words, settings)


def _matrix(rows: list[int], cols: list[int], values: list[float], shape: tuple[int, int]) -> Any:
    """A dense matrix for a few articles (compare's check: no scipy to import), else a sparse one."""
    if shape[0] * shape[1] <= 1_000_000:
        dense = np.zeros(shape, dtype=np.float64)
        dense[rows, cols] = values
        return dense
    from scipy import sparse

    return sparse.csr_matrix((np.asarray(values, dtype=np.float64), (rows, cols)), shape=shape)


def _names_matrices(profiles: Sequence[Profile], settings: GroupingSettings) -> tuple[Any, Any]:
    """(has, has x idf): which rare names each article uses."""
    weights = _name_weights(profiles, settings)
    vocab = {w: k for k, w in enumerate(sorted(weights))}
    rows, cols = [], []
    for i, p in enumerate(profiles):
        for w in p.names:
            if w in vocab:
                rows.append(i)
                cols.append(vocab[w])
    shape = (len(profiles), len(vocab))
    has = _matrix(rows, cols, [1.0] * len(rows), shape)
    idf = [weights[w] for w in sorted(weights)]
    weighted = _matrix(rows, cols, [idf[c] for c in cols], shape)
    return has, weighted


def _words_matrix(profiles: Sequence[Profile], settings: GroupingSettings) -> Any:
    """Unit rows of tf-idf over each article's rare words: (1 + log count) x idf."""
    weights = _word_weights(profiles, settings)
    vocab = {w: k for k, w in enumerate(sorted(weights))}
    rows, cols, values = [], [], []
    for i, p in enumerate(profiles):
        row = [(vocab[w], (1.0 + math.log(c)) * weights[w]) for w, c in p.words if w in vocab]
        norm = math.sqrt(sum(v * v for _, v in row)) or 1.0
        for k, v in row:
            rows.append(i)
            cols.append(k)
            values.append(v / norm)
    return _matrix(rows, cols, values, (len(profiles), len(vocab)))


def _unit_rows(vectors: list[bytes], width: int) -> np.ndarray:
    return np.stack([np.frombuffer(v, dtype=np.float32) if v else np.zeros(width, dtype=np.float32)
                     for v in vectors]).astype(np.float64)


def _dense(block: Any) -> np.ndarray:
    return block if isinstance(block, np.ndarray) else block.toarray()


#: the pair features, in the order of ``feature_weights``
FEATURES = ("cosine", "title", "names", "words", "days", "names_days", "event_days", "city_clash", "people",
            "count_clash")


def feature_weights(settings: GroupingSettings) -> np.ndarray:
    """The weights of ``FEATURES``, as the logistic model reads them (the bias apart)."""
    return np.array([getattr(settings, f) for f in FEATURES], dtype=np.float64)


class _Corpus:
    """What the pair features need of every article, computed once: names, words, vectors, days."""

    def __init__(self, profiles: Sequence[Profile], settings: GroupingSettings) -> None:
        self.settings = settings
        self.has, self.weighted = _names_matrices(profiles, settings)
        self.words = _words_matrix(profiles, settings) if settings.words else None
        self.vectors = _unit_rows([p.vector for p in profiles], 0)
        self.titles = (_unit_rows([p.title_vector or p.vector for p in profiles], self.vectors.shape[1])
                       if settings.title else None)
        self.days = np.array([p.date.toordinal() if p.date else -1 for p in profiles], dtype=np.int64)
        self.events = np.array([p.event_date.toordinal() if p.event_date else -1 for p in profiles], dtype=np.int64)
        cities = sorted({p.city for p in profiles if p.city})
        index = {c: k for k, c in enumerate(cities, start=1)}
        self.cities = np.array([index.get(p.city or "", 0) for p in profiles], dtype=np.int64)
        # which articles name each city anywhere (its every word a name of theirs, or their own city):
        # "Whitehaven" in a report that also says Memphis is no clash with "Memphis"
        names_city = [sorted(index[c] for c in named) for named in cities_named(profiles)]
        rows = [i for i, ks in enumerate(names_city) for _ in ks]
        cols = [k for ks in names_city for k in ks]
        self.names_city = _matrix(rows, cols, [1.0] * len(rows), (len(profiles), len(cities) + 1))
        self.killed = np.array([-1 if p.killed is None else p.killed for p in profiles], dtype=np.int64)
        family = sorted({f for p in profiles for f in p.people})
        column = {f: k for k, f in enumerate(family)}
        rows = [i for i, p in enumerate(profiles) for f in p.people]
        cols = [column[f] for p in profiles for f in p.people]
        self.people = _matrix(rows, cols, [1.0] * len(rows), (len(profiles), len(family)))

    def features(self, start: int, stop: int) -> list[np.ndarray]:
        """Rows ``start:stop`` against all articles, one matrix per name of ``FEATURES``."""
        s = self.settings
        cos = self.vectors[start:stop] @ self.vectors.T
        shared = np.log1p(_dense(self.weighted[start:stop] @ self.has.T))
        gap = np.abs(self.days[start:stop, None] - self.days[None, :]).astype(np.float64)
        unknown = (self.days[start:stop, None] < 0) | (self.days[None, :] < 0)
        gap[unknown] = s.unknown_days
        gap = np.log1p(gap)
        title = self.titles[start:stop] @ self.titles.T if self.titles is not None else np.zeros_like(cos)
        words = _dense(self.words[start:stop] @ self.words.T) if self.words is not None else np.zeros_like(cos)
        events = self.events[start:stop, None]
        known = (events >= 0) & (self.events[None, :] >= 0)
        event_gap = np.where(known, np.log1p(np.abs(events - self.events[None, :])), 0.0)
        cities = self.cities[start:stop, None]
        named = _dense(self.names_city[start:stop]).astype(bool)  # row a: the cities article a names
        theirs = named[:, self.cities]  # [a, b]: whether a names b's city
        mine = _dense(self.names_city[:, self.cities[start:stop]]).astype(bool).T  # [a, b]: b names a's city
        city_clash = ((cities > 0) & (self.cities[None, :] > 0) & (cities != self.cities[None, :])
                      & ~theirs & ~mine).astype(np.float64)
        people = np.log1p(_dense(self.people[start:stop] @ self.people.T))
        dead = self.killed[start:stop, None]
        count_clash = ((dead >= 0) & (self.killed[None, :] >= 0) & (dead != self.killed[None, :])).astype(np.float64)
        return [cos, title, shared, words, gap, shared * gap, event_gap, city_clash, people, count_clash]


def pair_features(profiles: Sequence[Profile], settings: GroupingSettings = GroupingSettings()) -> np.ndarray:
    """Every pair's features, shape (n, n, len(FEATURES)): what the model is fitted on (bench/grouping_cv.py)."""
    corpus = _Corpus(profiles, settings)
    return np.stack(corpus.features(0, len(profiles)), axis=-1)


def pair_edges(profiles: Sequence[Profile], settings: GroupingSettings) -> dict[tuple[int, int], float]:
    """Probabilities of the pairs worth scoring, keyed by (i, j), i < j."""
    n = len(profiles)
    corpus = _Corpus(profiles, settings)
    s = settings
    edges: dict[tuple[int, int], float] = {}
    block = 256
    for start in range(0, n, block):
        stop = min(n, start + block)
        features = corpus.features(start, stop)
        z = s.bias + sum(w * f for w, f in zip(feature_weights(s), features, strict=True))
        prob = 1.0 / (1.0 + np.exp(-z))
        for a, b in zip(*np.nonzero(prob >= s.floor), strict=True):
            i, j = start + int(a), int(b)
            if i < j:
                edges[(i, j)] = float(prob[a, b])
    return edges
