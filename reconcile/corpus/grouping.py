"""Profiles -> stories: which articles report the same event.

Each pair of articles gets a probability of "same story" from three pieces of evidence: the
cosine of their leads (title and first claim), the rare capitalised words they share (names,
places; weighted by inverse document frequency), and how many days apart they were published.
The weights are a logistic regression fitted on gva-dev (see bench/README.md). Stories are then
average-linkage clusters of those probabilities, cut at ``GroupingSettings.threshold``, so one
loose pair does not chain two events together. Only pairs with some evidence are kept, and
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

__all__ = ["GroupingSettings", "group", "pair_probability"]


@dataclass(frozen=True)
class GroupingSettings:
    """Weights of the same-story model (fitted on gva-dev) and the cut of the clustering."""

    #: weight of the cosine of two leads
    cosine: float = 6.0
    #: weight of log(1 + summed idf of the rare names both articles use)
    names: float = 2.0
    #: weight of log(1 + days between the two dates)
    days: float = -0.7
    bias: float = -6.5
    #: average "same story" probability at or above which two groups are one story
    threshold: float = 0.3
    #: pairs below this probability are not scored at all
    floor: float = 0.05
    #: a name in more than this share of the articles is not evidence
    rare: float = 0.05
    #: idf is computed as if the corpus had at least this many articles (small feeds keep their weights)
    reference_size: int = 400
    #: days assumed between two articles when one has no date
    unknown_days: int = 3


def pair_probability(
    cosine: float, names: float, days: float, settings: GroupingSettings = GroupingSettings()
) -> float:
    """The model's probability that two articles tell one story.

    >>> round(pair_probability(0.9, 20.0, 1.0), 2), round(pair_probability(0.3, 0.0, 200.0), 2)
    (0.99, 0.0)
    """
    z = (
        settings.bias
        + settings.cosine * cosine
        + settings.names * math.log1p(names)
        + settings.days * math.log1p(days)
    )
    return 1.0 / (1.0 + math.exp(-z))


def _name_weights(profiles: Sequence[Profile], settings: GroupingSettings) -> dict[str, float]:
    # a reprint repeats its original's names: count each distinct lead once, so copies do not make a name common
    voices: dict[bytes, set[str]] = {}
    for p in profiles:
        voices.setdefault(p.vector, set()).update(p.names)
    n = len(voices)
    df = Counter(w for names in voices.values() for w in names)
    limit = max(2.0, settings.rare * n)
    size = max(n, settings.reference_size)
    return {w: math.log(size / c) for w, c in df.items() if c <= limit}


def _edges(profiles: Sequence[Profile], settings: GroupingSettings) -> dict[tuple[int, int], float]:
    """Probabilities of the pairs worth scoring, keyed by (i, j), i < j."""
    n = len(profiles)
    weights = _name_weights(profiles, settings)
    vocab = {w: k for k, w in enumerate(sorted(weights))}
    rows, cols = [], []
    for i, p in enumerate(profiles):
        for w in p.names:
            if w in vocab:
                rows.append(i)
                cols.append(vocab[w])
    idf = np.array([weights[w] for w in sorted(weights)], dtype=np.float64)
    has: Any
    if n * len(vocab) <= 1_000_000:  # a few articles (compare's check): dense, and no scipy to import
        has = np.zeros((n, len(vocab)), dtype=np.float64)
        has[rows, cols] = 1.0
        weighted = has * idf[None, :]
    else:
        from scipy import sparse

        has = sparse.csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(n, len(vocab)))
        weighted = has.multiply(idf[None, :]).tocsr()
    vectors = np.stack([np.frombuffer(p.vector, dtype=np.float32) for p in profiles]).astype(np.float64)
    days = np.array([p.date.toordinal() if p.date else -1 for p in profiles], dtype=np.int64)
    s = settings
    edges: dict[tuple[int, int], float] = {}
    block = 256
    for start in range(0, n, block):
        stop = min(n, start + block)
        cos = vectors[start:stop] @ vectors.T
        shared = weighted[start:stop] @ has.T
        shared = shared if isinstance(shared, np.ndarray) else shared.toarray()
        gap = np.abs(days[start:stop, None] - days[None, :]).astype(np.float64)
        unknown = (days[start:stop, None] < 0) | (days[None, :] < 0)
        gap[unknown] = s.unknown_days
        z = s.bias + s.cosine * cos + s.names * np.log1p(shared) + s.days * np.log1p(gap)
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


def _average_linkage(members: list[int], edges: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Average-linkage (UPGMA) clusters of one component, cut at ``threshold``; a missing pair counts as 0.

    Sparse: it keeps, for each pair of clusters with any scored pair between them, the sum of those
    probabilities, and merges the pair with the highest average while that reaches the cut. Memory
    follows the scored pairs, not the component squared. Ties go to the lower cluster numbers.

    >>> _average_linkage([0, 1, 2], {(0, 1): 0.9, (1, 2): 0.4, (0, 2): 0.1}, 0.3)
    [[0, 1], [2]]
    """
    import heapq

    where = {m: i for i, m in enumerate(members)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(len(members))}
    for (i, j), p in edges.items():
        if i in where and j in where:
            sums[where[i]][where[j]] = sums[where[j]][where[i]] = p
    content = {i: [m] for i, m in enumerate(members)}
    heap = [(-p, a, b) for a, row in sums.items() for b, p in row.items() if a < b]
    heapq.heapify(heap)
    next_id = len(members)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in content or b not in content:
            continue  # a cluster merged since: a pair's sum changes only when one side merges
        if -negative < threshold:
            break
        new = next_id
        next_id += 1
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


def group(profiles: Sequence[Profile], settings: GroupingSettings = GroupingSettings()) -> list[list[str]]:
    """Article ids grouped into stories; every profile in exactly one, in a stable order.

    Profiles are taken in id order, so the result does not depend on the order they came in.
    """
    ordered = sorted(profiles, key=lambda p: p.id)
    if not ordered:
        return []
    edges = _edges(ordered, settings)
    stories = []
    # two clusters whose average is at the cut have at least one pair at the cut: so clusters never
    # cross the components of the pairs at or above it, and each component is clustered on its own
    strong = {pair: p for pair, p in edges.items() if p >= settings.threshold}
    for component in _components(len(ordered), strong):
        for cluster in _average_linkage(component, edges, settings.threshold):
            stories.append([ordered[i].id for i in cluster])
    return sorted(stories, key=lambda s: s[0])
