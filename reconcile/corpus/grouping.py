"""Profiles -> stories: which articles report the same event.

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

from .profile import Profile

__all__ = ["LEAD_AND_NAMES", "GroupingSettings", "group", "pair_probability"]


@dataclass(frozen=True)
class GroupingSettings:
    """Weights of the same-story model (fitted on gva-dev) and the cut of the clustering."""

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
    title: float = 0.0, words: float = 0.0,
) -> float:
    """The model's probability that two articles tell one story.

    >>> round(pair_probability(0.9, 20.0, 1.0, title=0.8, words=0.5), 2), round(pair_probability(0.3, 0.0, 200.0), 2)
    (1.0, 0.0)
    """
    s = settings
    shared, gap = math.log1p(names), math.log1p(days)
    z = (s.bias + s.cosine * cosine + s.title * title + s.names * shared + s.words * words + s.days * gap
         + s.names_days * shared * gap)
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
FEATURES = ("cosine", "title", "names", "words", "days", "names_days")


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
        return [cos, title, shared, words, gap, shared * gap]


def pair_features(profiles: Sequence[Profile], settings: GroupingSettings = GroupingSettings()) -> np.ndarray:
    """Every pair's features, shape (n, n, len(FEATURES)): what the model is fitted on (bench/grouping_cv.py)."""
    corpus = _Corpus(profiles, settings)
    return np.stack(corpus.features(0, len(profiles)), axis=-1)


def _edges(profiles: Sequence[Profile], settings: GroupingSettings) -> dict[tuple[int, int], float]:
    """Probabilities of the pairs worth scoring, keyed by (i, j), i < j."""
    n = len(profiles)
    corpus = _Corpus(profiles, settings)
    s = settings
    edges: dict[tuple[int, int], float] = {}
    block = 256
    for start in range(0, n, block):
        stop = min(n, start + block)
        cos, title, shared, words, gap, names_days = corpus.features(start, stop)
        z = s.bias + s.cosine * cos + s.names * shared + s.days * gap + s.names_days * names_days
        z += s.title * title
        z += s.words * words
        prob = 1.0 / (1.0 + np.exp(-z))
        for a, b in zip(*np.nonzero(prob >= s.floor), strict=True):
            i, j = start + int(a), int(b)
            if i < j:
                edges[(i, j)] = float(prob[a, b])
    return edges


def _components(n: int, edges: dict[tuple[int, int], float]) -> list[list[int]]:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    return sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: c[0])


#: per kind of place (the regions, then the places of the leads), what each article names
Kinds = Sequence[Sequence[frozenset[str]]]


def _named(kinds: Kinds, members: Sequence[int]) -> tuple[frozenset[str], ...]:
    """For each kind, the places some of ``members`` name (none of a kind not given)."""
    return tuple(frozenset().union(*(kind[m] for m in members)) if kind else frozenset() for kind in kinds)


def _apart(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> bool:
    """Whether two groups say different places: of some kind, both name some, none in common."""
    return any(x and y and not x & y for x, y in zip(a, b, strict=True))


def _average_linkage(members: list[int], edges: dict[tuple[int, int], float], threshold: float,
                     kinds: Kinds = (), strong: float = 1.0) -> list[list[int]]:
    """Average-linkage (UPGMA) clusters of one component, cut at ``threshold``; a missing pair counts as 0.

    Sparse: it keeps, for each pair of clusters with any scored pair between them, the sum of those
    probabilities, and merges the pair with the highest average while that reaches the cut. Memory
    follows the scored pairs, not the component squared. Ties go to the lower cluster numbers. Two
    clusters naming disjoint places of one of the ``kinds`` (of each member, by article number) merge
    only at ``strong`` or above; they may still meet later, once one of them has merged with a
    cluster naming both.

    >>> _average_linkage([0, 1, 2], {(0, 1): 0.9, (1, 2): 0.4, (0, 2): 0.1}, 0.3)
    [[0, 1], [2]]
    >>> _average_linkage([0, 1], {(0, 1): 0.5}, 0.3, [[frozenset({"texas"}), frozenset({"alabama"})]], 0.75)
    [[0], [1]]
    """
    import heapq

    where = {m: i for i, m in enumerate(members)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(len(members))}
    for (i, j), p in edges.items():
        if i in where and j in where:
            sums[where[i]][where[j]] = sums[where[j]][where[i]] = p
    content = {i: [m] for i, m in enumerate(members)}
    named = {i: _named(kinds, [m]) for i, m in enumerate(members)}
    heap = [(-p, a, b) for a, row in sums.items() for b, p in row.items() if a < b]
    heapq.heapify(heap)
    next_id = len(members)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in content or b not in content:
            continue  # a cluster merged since: a pair's sum changes only when one side merges
        if -negative < threshold:
            break
        if -negative < strong and _apart(named[a], named[b]):
            continue  # pushed again, with its new average, when either side merges with another
        new = next_id
        next_id += 1
        named[new] = tuple(x | y for x, y in zip(named.pop(a), named.pop(b), strict=True))
        content[new] = content.pop(a) + content.pop(b)
        size = len(content[new])
        row_a, row_b = sums.pop(a), sums.pop(b)
        sums[new] = {}
        for c in sorted((set(row_a) | set(row_b)) - {a, b}):
            total = row_a.get(c, 0.0) + row_b.get(c, 0.0)
            sums[c].pop(a, None)
            sums[c].pop(b, None)
            sums[c][new] = sums[new][c] = total
            heapq.heappush(heap, (-total / (size * len(content[c])), min(c, new), max(c, new)))
    return sorted((sorted(c) for c in content.values()), key=lambda c: c[0])


def _links(edges: dict[tuple[int, int], float]) -> dict[int, list[tuple[int, float]]]:
    """Each article's scored pairs: (other article, probability)."""
    links: dict[int, list[tuple[int, float]]] = {}
    for (i, j), p in edges.items():
        links.setdefault(i, []).append((j, p))
        links.setdefault(j, []).append((i, p))
    return links


def _attach_lone(clusters: list[list[int]], edges: dict[tuple[int, int], float], settings: GroupingSettings,
                 kinds: Kinds = ()) -> list[list[int]]:
    """Each article alone in its cluster moved into the story (two articles or more) where the mean
    of its ``lone_pairs`` strongest pairs (a missing pair counts as 0) is highest and reaches
    ``lone_bar`` (and ``settings.regions`` where the two name disjoint places of one of the ``kinds``).
    Lone articles are taken in order, and one that joins counts for those after it.

    >>> _attach_lone([[0, 1, 2, 3], [4]], {(0, 1): .9, (1, 2): .9, (2, 3): .9, (0, 3): .1, (3, 4): .6, (2, 4): .3},
    ...              GroupingSettings())
    [[0, 1, 2, 3, 4]]
    """
    k = settings.lone_pairs
    stories = [list(c) for c in clusters]
    if not k:
        return stories
    where = {m: c for c, members in enumerate(stories) for m in members}
    links = _links(edges)
    for lone in [c[0] for c in stories if len(c) == 1]:
        tied: dict[int, list[float]] = {}
        for other, p in links.get(lone, []):
            if len(stories[where[other]]) > 1:
                tied.setdefault(where[other], []).append(p)
        scored = []
        for c, ps in tied.items():
            mean = sum(sorted(ps, reverse=True)[:k]) / k
            if mean >= settings.regions or not _apart(_named(kinds, [lone]), _named(kinds, stories[c])):
                scored.append((mean, -c))
        if scored and max(scored)[0] >= settings.lone_bar:
            target = -max(scored)[1]
            stories[where[lone]] = []
            stories[target].append(lone)
            where[lone] = target
    return sorted((sorted(c) for c in stories if c), key=lambda c: c[0])


def _split_edges(components: list[list[int]], edges: dict[tuple[int, int], float]
                 ) -> list[dict[tuple[int, int], float]]:
    """The pairs inside each component (a pair across two is dropped), so each is clustered on its own pairs."""
    where = {m: c for c, members in enumerate(components) for m in members}
    inside: list[dict[tuple[int, int], float]] = [{} for _ in components]
    for (i, j), p in edges.items():
        if where[i] == where[j]:
            inside[where[i]][(i, j)] = p
    return inside


def group(profiles: Sequence[Profile], settings: GroupingSettings = GroupingSettings()) -> list[list[str]]:
    """Article ids grouped into stories; every profile in exactly one, in a stable order.

    Profiles are taken in id order, so the result does not depend on the order they came in.
    """
    ordered = sorted(profiles, key=lambda p: p.id)
    if not ordered:
        return []
    clusters = cluster_edges(len(ordered), _edges(ordered, settings), settings, [p.regions for p in ordered],
                             [p.places for p in ordered])
    return sorted(([ordered[i].id for i in c] for c in clusters), key=lambda s: s[0])


def cluster_edges(n: int, edges: dict[tuple[int, int], float], settings: GroupingSettings,
                  regions: Sequence[frozenset[str]] = (), places: Sequence[frozenset[str]] = ()) -> list[list[int]]:
    """Stories of articles 0..n-1 from their scored pairs (and the regions and lead places each names):
    average linkage per component, then the articles left alone join a story."""
    stories = []
    kinds = (regions, places)
    # two clusters whose average is at the cut have at least one pair at the cut: so clusters never
    # cross the components of the pairs at or above it, and each component is clustered on its own
    strong = {pair: p for pair, p in edges.items() if p >= settings.threshold}
    components = _components(n, strong)
    for component, inside in zip(components, _split_edges(components, edges), strict=True):
        stories.extend(_average_linkage(component, inside, settings.threshold, kinds, settings.regions))
    # a lone article's pairs below the cut reach across components: this pass sees all pairs
    return _attach_lone(sorted(stories, key=lambda c: c[0]), edges, settings, kinds)
