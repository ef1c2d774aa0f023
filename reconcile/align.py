"""Claims of all sources -> clusters of claims that state the same fact.

A graph in networkx: an edge joins two claims from different sources (or voices) when each is
the other's best match and their similarity (embedding cosine, or rapidfuzz overlap for near
copies, or the same count of the same participants and event) reaches the threshold. Within one
source, an edge joins a claim to a close restatement of it. Clusters are the graph's components.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .model import Claim, Quantity, Settings

__all__ = [
    "Cluster", "Edge", "align", "classes_match", "compatible_values", "embedding_text", "interval",
    "counts_clash", "neighbours", "same_count", "similarity", "specificity_gap",
]

GroupOf = Callable[[Claim], str]


@dataclass(frozen=True)
class Edge:
    """Why two claims were put together."""

    a: str
    b: str
    score: float
    evidence: str  # "meaning" (cosine or wording), "count" or "restatement"


@dataclass(frozen=True)
class Cluster:
    """Claims stating one fact, and the edges that joined them."""

    claims: tuple[str, ...]
    edges: tuple[Edge, ...] = ()

    @property
    def score(self) -> float:
        return min((e.score for e in self.edges), default=1.0)


def embedding_text(claim: Claim) -> str:
    """What the encoder sees: the claim without hashtags' '#', links or stray quotes.

    >>> from reconcile.model import Claim
    >>> embedding_text(Claim("d1.c1", "d1", "en #ElSalto “hoy”", 0, 17))
    'en ElSalto hoy'
    """
    text = re.sub(r"https?://\S+|pic\.twitter\.com/\S+", " ", claim.text)
    text = re.sub(r"#(\w)", r"\1", text)
    text = re.sub(r"[“”\"«»]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _strict(q: Quantity) -> bool:
    return q.slot is not None and not q.hypothetical and not q.partial


def interval(q: Quantity) -> tuple[float, float]:
    """The values a count allows: "at least 7" -> [7, inf)."""
    v = float(q.value)
    if q.bound == "at_least":
        return v, float("inf")
    if q.bound == "at_most":
        return 0.0, v
    if q.bound == "about":
        return v * 0.8 - 1, v * 1.2 + 1
    return v, v


def compatible_values(a: Quantity, b: Quantity) -> bool:
    """Whether two counts can both be true: "at least 7" and "9" can, "at least 7" and "5" cannot."""
    lo1, hi1 = interval(a)
    lo2, hi2 = interval(b)
    return lo1 <= hi2 and lo2 <= hi1


def classes_match(a: Quantity, b: Quantity, generic: frozenset[str]) -> bool:
    """Same participants, or one side counts a class that may include the other ("people")."""
    return a.cls == b.cls or a.cls in generic or b.cls in generic


def same_count(a: Claim, b: Claim, generic: frozenset[str]) -> bool:
    """Both claims give the same number of the same participants for the same event."""
    for qa in a.facts.quantities:
        for qb in b.facts.quantities:
            if (
                _strict(qa) and _strict(qb) and qa.event == qb.event and qa.value == qb.value
                and classes_match(qa, qb, generic)
            ):
                return True
    return False


def _counted(claim: Claim) -> bool:
    return any(not q.hypothetical for q in claim.facts.quantities)


def specificity_gap(a: Claim, b: Claim) -> bool:
    """One claim gives a count the other lacks, or they speak of different events (or one of none).

    "At least seven officers were killed so far this year" is not "they killed the officers in their
    homes", however close their wording.
    """
    if _counted(a) != _counted(b):
        return True
    ea, eb = set(a.facts.events), set(b.facts.events)
    return bool(ea or eb) and not (ea & eb)


def counts_clash(a: Claim, b: Claim) -> bool:
    """Both claims count the same participants for the same event, with values that cannot both hold."""
    return any(
        qa.slot == qb.slot and qa.slot is not None and not compatible_values(qa, qb)
        for qa in a.facts.quantities
        for qb in b.facts.quantities
    )


def similarity(
    claims: Sequence[Claim], vectors: np.ndarray, *, penalty: float = 0.0, near_copy: float = 0.9
) -> np.ndarray:
    """Pairwise cosine of unit vectors, with near-copies raised to their rapidfuzz ratio.

    Pairs with a ``specificity_gap`` lose ``penalty``, unless they are near copies.
    """
    from rapidfuzz import fuzz, process, utils

    n = len(claims)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    cos = vectors @ vectors.T if vectors.size else np.zeros((n, n), dtype=np.float32)
    texts = [embedding_text(c) for c in claims]
    lexical = process.cdist(texts, texts, scorer=fuzz.ratio, processor=utils.default_process, workers=1)
    sim = np.maximum(cos, np.asarray(lexical, dtype=np.float32) / 100.0)
    if penalty:
        sim = np.where((sim < near_copy) & _gaps(claims), sim - penalty, sim).astype(np.float32)
    return sim


def _gaps(claims: Sequence[Claim]) -> np.ndarray:
    """``specificity_gap`` for every pair at once (a boolean matrix)."""
    counted = np.array([_counted(c) for c in claims])
    kinds = sorted({e for c in claims for e in c.facts.events})
    bit = {e: 1 << k for k, e in enumerate(kinds)}
    masks = np.array([sum(bit[e] for e in set(c.facts.events)) for c in claims], dtype=np.int64)
    either = (masks[:, None] | masks[None, :]) != 0
    disjoint = (masks[:, None] & masks[None, :]) == 0
    gaps = (counted[:, None] != counted[None, :]) | (either & disjoint)
    np.fill_diagonal(gaps, False)
    return gaps


def neighbours(
    claims: Sequence[Claim], sim: np.ndarray, *, group_of: GroupOf, k: int = 3, floor: float = 0.5
) -> dict[str, tuple[str, ...]]:
    """Each claim's ``k`` most similar claims of other groups at or above ``floor``, best first.

    The judge compares these too: two statements of one fact are not always each other's best match
    (a summary's sentence against a source's long one).
    """
    groups = np.array([group_of(c) for c in claims])
    out: dict[str, tuple[str, ...]] = {}
    for i, c in enumerate(claims):
        row = np.where(groups != groups[i], sim[i], -1.0)
        candidates = np.argpartition(-row, k)[:k] if len(row) > k else np.arange(len(row))
        best = sorted((int(j) for j in candidates if row[j] >= floor), key=lambda j: (-row[j], j))
        out[c.id] = tuple(claims[j].id for j in best)
    return out


def align(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    *,
    group_of: GroupOf,
    settings: Settings = Settings(),
    generic: frozenset[str] = frozenset({"people"}),
    sim: np.ndarray | None = None,
) -> list[Cluster]:
    """Cluster ``claims`` (rows of ``vectors``) across the groups ``group_of`` puts them in.

    ``sim``: the ``similarity`` matrix when the caller has it already.
    """
    import networkx as nx

    n = len(claims)
    if sim is None:
        sim = similarity(claims, vectors, penalty=settings.specificity_penalty)
    groups = [group_of(c) for c in claims]
    members: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        members[g].append(i)

    def score(i: int, j: int) -> tuple[float, str]:
        s = float(sim[i, j])
        if s < settings.count_match and same_count(claims[i], claims[j], generic):
            return settings.count_match, "count"
        return s, "meaning"

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    names = sorted(members)
    for gi, g1 in enumerate(names):
        for g2 in names[gi + 1 :]:
            a_idx, b_idx = members[g1], members[g2]
            scores = {(i, j): score(i, j) for i in a_idx for j in b_idx}
            # each claim's best match on the other side; ties go to the earlier claim
            best_a = {i: max(b_idx, key=lambda j, i=i: (scores[i, j][0], -j)) for i in a_idx}  # type: ignore[misc]
            best_b = {j: max(a_idx, key=lambda i, j=j: (scores[i, j][0], -i)) for j in b_idx}  # type: ignore[misc]
            for i, j in best_a.items():
                s, evidence = scores[i, j]
                if best_b[j] == i and s >= settings.similarity:
                    graph.add_edge(i, j, score=s, evidence=evidence)
    # restatements inside one group: a lead and the paragraph that repeats it
    for idx in members.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1 :]:
                s = float(sim[i, j])
                if counts_clash(claims[i], claims[j]):
                    continue  # "four were killed in the first shooting", "two in the second"
                if s >= settings.restatement or same_count(claims[i], claims[j], generic):
                    graph.add_edge(i, j, score=max(s, settings.count_match), evidence="restatement")
    clusters = []
    for component in nx.connected_components(graph):
        nodes = sorted(component)
        edges = tuple(
            Edge(claims[i].id, claims[j].id, round(float(d["score"]), 4), d["evidence"])
            for i, j, d in sorted(graph.subgraph(nodes).edges(data=True))
        )
        clusters.append(Cluster(tuple(claims[i].id for i in nodes), edges))
    order = {c.id: k for k, c in enumerate(claims)}
    return sorted(clusters, key=lambda c: order[c.claims[0]])
