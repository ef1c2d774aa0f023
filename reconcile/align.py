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

from .model import Claim, Quantity, Settings, bound_interval

__all__ = [
    "Cluster", "Edge", "align", "classes_match", "compatible_values", "embedding_text", "interval",
    "Similarity", "counts_clash", "neighbours", "same_count", "similarity", "specificity_gap",
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


def _joinable_count(q: Quantity) -> bool:
    """A typed count two claims may be joined on: neither hypothetical nor a part of a group."""
    return q.slot is not None and not q.hypothetical and not q.partial


def interval(q: Quantity) -> tuple[float, float]:
    """The values a count allows: "at least 7" -> [7, inf)."""
    return bound_interval(float(q.value), q.bound, (0.8, 1.2))


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
                _joinable_count(qa) and _joinable_count(qb) and qa.event == qb.event and qa.value == qb.value
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


#: the most similarity values held in memory at once (rows x columns of one block): 4M x 4 bytes
BLOCK_CELLS = 4_000_000
#: the most restatements kept per claim (its best ones): a source that repeats one sentence a
#: thousand times makes a thousand-claim cluster, not a million edges
MAX_RESTATEMENTS = 16
#: a count held by more claims than this (per event and value) is no evidence that two claims match
MAX_COUNT_BUCKET = 2000


class Similarity:
    """Pairwise similarity of claims, never held as a whole matrix: rows come in blocks, pairs on demand.

    ``sim[i, j]`` is the cosine of unit vectors, raised to the rapidfuzz ratio for near copies, less
    ``penalty`` for a ``specificity_gap`` unless the two are near copies. In blocks, lexical ratios
    below ``floor`` are not computed (the cosine stands): alignment asks no threshold under it. A
    pair on demand (``sim[i, j]``, the judge's) is always exact.
    """

    def __init__(
        self, claims: Sequence[Claim], vectors: np.ndarray, *, penalty: float = 0.0, near_copy: float = 0.9,
        floor: float = 0.0,
    ) -> None:
        from rapidfuzz import utils

        self.claims = claims
        self.n = len(claims)
        self.vectors = np.asarray(vectors, dtype=np.float32) if self.n and np.size(vectors) else None
        self.penalty = penalty
        self.near_copy = near_copy
        self.cutoff = max(0.0, min(100.0, floor * 100.0))
        self.texts = [utils.default_process(embedding_text(c)) for c in claims]
        self.counted = np.array([_counted(c) for c in claims], dtype=bool)
        kinds = sorted({e for c in claims for e in c.facts.events})
        col = {e: k for k, e in enumerate(kinds)}
        self.events = np.zeros((self.n, max(1, len(kinds))), dtype=np.float32)
        for i, c in enumerate(claims):
            for e in c.facts.events:
                self.events[i, col[e]] = 1.0
        self.any_event: np.ndarray = np.asarray(self.events.any(axis=1), dtype=bool)
        self._last: tuple[tuple[int, int], np.ndarray] | None = None  # align and neighbours read the same rows

    def __getitem__(self, ij: tuple[int, int]) -> float:
        """One pair's similarity, exactly (``block`` with no floor)."""
        from rapidfuzz import fuzz

        i, j = ij
        cos = float(self.vectors[i] @ self.vectors[j]) if self.vectors is not None else 0.0
        lexical = np.float32(fuzz.ratio(self.texts[i], self.texts[j])) / np.float32(100.0)  # exact: no floor
        value = float(max(np.float32(cos), lexical))
        if self.penalty and value < self.near_copy and i != j and self._gap(i, j):
            value = float(np.float32(value) - np.float32(self.penalty))
        return value

    def _gap(self, i: int, j: int) -> bool:
        if self.counted[i] != self.counted[j]:
            return True
        either = self.any_event[i] or self.any_event[j]
        return bool(either and not (self.events[i] @ self.events[j]) > 0)

    def rows_per_block(self) -> int:
        return max(1, min(self.n, BLOCK_CELLS // max(1, self.n)))

    def block(self, start: int, stop: int) -> np.ndarray:
        """Rows ``start:stop`` of the similarity matrix (float32, read-only). The last block asked
        for is kept: ``align`` and then ``neighbours`` read the same rows (a small story: all of them)."""
        if self._last is not None and self._last[0] == (start, stop):
            return self._last[1]
        sim = self._block(start, stop)
        sim.flags.writeable = False
        self._last = ((start, stop), sim)
        return sim

    def _block(self, start: int, stop: int) -> np.ndarray:
        from rapidfuzz import fuzz, process

        n = self.n
        if self.vectors is not None:
            cos = self.vectors[start:stop] @ self.vectors.T
        else:
            cos = np.zeros((stop - start, n), dtype=np.float32)
        lexical = process.cdist(
            self.texts[start:stop], self.texts, scorer=fuzz.ratio, score_cutoff=self.cutoff, dtype=np.float32,
            workers=1,
        )
        sim = np.maximum(cos, np.asarray(lexical, dtype=np.float32) / np.float32(100.0))
        if self.penalty:
            gaps = self.gaps(start, stop)
            sim = np.where((sim < self.near_copy) & gaps, sim - np.float32(self.penalty), sim)
        return sim.astype(np.float32, copy=False)

    def gaps(self, start: int, stop: int) -> np.ndarray:
        """``specificity_gap`` for rows ``start:stop`` against every claim (a boolean block)."""
        counted = self.counted
        shared = (self.events[start:stop] @ self.events.T) > 0
        either = self.any_event[start:stop, None] | self.any_event[None, :]
        gaps = (counted[start:stop, None] != counted[None, :]) | (either & ~shared)
        rows = np.arange(start, stop)
        gaps[rows - start, rows] = False
        return gaps

    def dense(self) -> np.ndarray:
        """The whole matrix, for small inputs and tests."""
        return self.block(0, self.n).copy() if self.n else np.zeros((0, 0), dtype=np.float32)


def similarity(
    claims: Sequence[Claim], vectors: np.ndarray, *, penalty: float = 0.0, near_copy: float = 0.9,
    floor: float = 0.0,
) -> Similarity:
    """Pairwise similarity of claims (see ``Similarity``): cosine, near copies raised, gaps penalised."""
    return Similarity(claims, vectors, penalty=penalty, near_copy=near_copy, floor=floor)


def _gaps(claims: Sequence[Claim]) -> np.ndarray:
    """``specificity_gap`` for every pair at once (a boolean matrix)."""
    n = len(claims)
    return Similarity(claims, np.zeros((n, 1), dtype=np.float32)).gaps(0, n)


def _count_partners(claims: Sequence[Claim], generic: frozenset[str]) -> dict[int, set[int]]:
    """For each claim, the claims that give the same count (``same_count``), found through an index."""
    buckets: dict[tuple[str | None, int], list[tuple[int, str | None]]] = defaultdict(list)
    for i, c in enumerate(claims):
        for q in c.facts.quantities:
            if _joinable_count(q):
                buckets[q.event, q.value].append((i, q.cls))
    partners: dict[int, set[int]] = defaultdict(set)
    for members in buckets.values():
        if len(members) > MAX_COUNT_BUCKET:
            continue
        for x, (i, ci) in enumerate(members):
            for j, cj in members[x + 1 :]:
                if i != j and (ci == cj or ci in generic or cj in generic):
                    partners[i].add(j)
                    partners[j].add(i)
    return partners


def neighbours(
    claims: Sequence[Claim],
    sim: Similarity | np.ndarray,
    *,
    group_of: GroupOf,
    k: int = 3,
    floor: float = 0.5,
    fallback_floor: float | None = None,
) -> dict[str, tuple[str, ...]]:
    """Each claim's ``k`` most similar claims of other groups at or above ``floor``, best first;
    for a claim with none, those at or above ``fallback_floor`` (when given).

    The judge compares these too: two statements of one fact are not always each other's best match
    (a summary's sentence against a source's long one). ``sim`` is read a block of rows at a time.
    """
    groups = np.array([group_of(c) for c in claims])
    out: dict[str, tuple[str, ...]] = {}
    n = len(claims)
    step = sim.rows_per_block() if isinstance(sim, Similarity) else max(1, n)
    for start in range(0, n, step):
        stop = min(n, start + step)
        block = sim.block(start, stop) if isinstance(sim, Similarity) else np.asarray(sim[start:stop])
        rows = np.where(groups[None, :] != groups[start:stop, None], block, -1.0)
        lowest = min(floor, fallback_floor) if fallback_floor is not None else floor
        everyone = np.broadcast_to(np.arange(n), (stop - start, n))
        picked = np.argpartition(-rows, k, axis=1)[:, :k] if n > k else everyone
        for r, i in enumerate(range(start, stop)):
            row = rows[r]
            candidates = [int(j) for j in picked[r] if row[j] >= lowest]
            best = sorted((j for j in candidates if row[j] >= floor), key=lambda j: (-row[j], j))
            if not best and fallback_floor is not None:
                best = sorted(candidates, key=lambda j: (-row[j], j))
            out[claims[i].id] = tuple(claims[j].id for j in best)
    return out


def align(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    *,
    group_of: GroupOf,
    settings: Settings = Settings(),
    generic: frozenset[str] = frozenset({"people"}),
    sim: Similarity | None = None,
) -> list[Cluster]:
    """Cluster ``claims`` (rows of ``vectors``) across the groups ``group_of`` puts them in.

    ``sim``: the ``similarity`` of these claims when the caller has it already. Memory stays within
    a block of ``BLOCK_CELLS`` similarities; time grows with the number of pairs, in numpy and rapidfuzz.
    """
    import networkx as nx

    n = len(claims)
    if sim is None:
        sim = similarity(claims, vectors, penalty=settings.specificity_penalty)
    names = sorted({group_of(c) for c in claims})
    index = {g: k for k, g in enumerate(names)}
    group = np.array([index[group_of(c)] for c in claims], dtype=np.int64)
    order = np.argsort(group, kind="stable")  # columns by group, claim order kept inside each
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    bounds = np.searchsorted(group[order], np.arange(len(names) + 1))
    partners = _count_partners(claims, generic)
    count_match = np.float32(settings.count_match)
    best = np.full((n, len(names)), -1, dtype=np.int64)  # each claim's best match in each group
    best_score = np.zeros((n, len(names)), dtype=np.float32)
    by_count = np.zeros((n, len(names)), dtype=bool)  # that best match is the count's doing
    restated: dict[tuple[int, int], float] = {}
    step = sim.rows_per_block()
    for start in range(0, n, step):
        stop = min(n, start + step)
        block = sim.block(start, stop)
        raw = block[:, order]
        scored = raw.copy()
        bonus = np.zeros(scored.shape, dtype=bool)
        for i in range(start, stop):
            js = [position[j] for j in partners.get(i, ())]
            if js:
                cols = np.array(js, dtype=np.int64)
                low = scored[i - start, cols] < count_match
                scored[i - start, cols[low]] = count_match
                bonus[i - start, cols[low]] = True
        for g in range(len(names)):
            lo, hi = bounds[g], bounds[g + 1]
            if lo == hi:
                continue
            arg = np.argmax(scored[:, lo:hi], axis=1)
            rows = np.arange(stop - start)
            best[start:stop, g] = order[lo + arg]
            best_score[start:stop, g] = scored[rows, lo + arg]
            by_count[start:stop, g] = bonus[rows, lo + arg]
        # restatements inside one group: a lead and the paragraph that repeats it
        for i in range(start, stop):
            g = group[i]
            lo, hi = bounds[g], bounds[g + 1]
            row = block[i - start]
            own = order[lo:hi]
            values = row[own]
            candidates = own[(values >= settings.restatement) & (own != i)]
            pair_js = [j for j in partners.get(i, ()) if group[j] == g]
            if pair_js:
                candidates = np.union1d(candidates, np.array(pair_js, dtype=np.int64))
            if len(candidates) > MAX_RESTATEMENTS:
                top = np.argsort(-row[candidates], kind="stable")[:MAX_RESTATEMENTS]
                candidates = candidates[top]
            for j in candidates.tolist():
                if i < j:
                    restated[i, j] = float(row[j])  # sim[i, j] with i < j, as a pair is read everywhere
                else:
                    restated.setdefault((j, i), float(row[j]))
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    if n:
        # mutual best matches, each pair once from the earlier group's side
        rows = np.arange(n)[:, None]
        later = np.arange(len(names))[None, :] > group[:, None]
        back = best[np.maximum(best, 0), group[:, None]] == rows
        keep = later & (best >= 0) & back & (best_score >= np.float32(settings.similarity))
        for i, g in zip(*np.nonzero(keep), strict=True):
            s = float(best_score[i, g])
            if s >= settings.similarity:
                graph.add_edge(int(i), int(best[i, g]), score=s, evidence="count" if by_count[i, g] else "meaning")
    for (i, j), s in sorted(restated.items()):
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
    claim_order = {c.id: k for k, c in enumerate(claims)}
    return sorted(clusters, key=lambda c: claim_order[c.claims[0]])
