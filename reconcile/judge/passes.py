"""The judge's passes, in the order they run, each over the same ``Evidence``:

1. ``cluster_findings``: one finding per cluster: unique (one group), contradiction or update (a
   count or a clash between its claims), else agreement;
2. ``counts_across``: counts two groups disagree on wherever their claims sit;
3. ``near_pairs``: claims close to each other that the clusters did not put together;
4. ``sums``: a total that is not the sum of another group's parts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from ..align import Cluster
from ..conflicts import compare_pair, names_only, revision_words
from ..model import Claim, Conflict, Finding, FindingKind
from ..report.labels import label_of_slot
from .counts import count_conflicts, describe, is_update, sum_conflicts
from .evidence import Evidence, GroupOf, stands
from .findings import clash_conflict, count_conflict, later, make_finding, said_by, side_by_side, voices

__all__ = ["MAX_PAIRS", "cluster_findings", "cluster_pairs", "counts_across", "near_pairs", "sums"]

#: the slots already reported, with the claims that gave them
Reported = set[tuple[str, frozenset[str]]]


def cluster_findings(clusters: Sequence[Cluster], ev: Evidence, reported: Reported) -> list[Finding]:
    """One finding per cluster; the count slots found in conflict go into ``reported``."""
    by_id, group_of, lexicon = ev.by_id, ev.group_of, ev.lexicon
    findings: list[Finding] = []
    for cluster in clusters:
        members = [by_id[i] for i in cluster.claims]
        groups = {group_of(c) for c in members}
        if len(groups) >= 2:
            cluster, alone = _without_names(cluster, members)
            findings += [make_finding("unique", (c.id,), f"only {voices([c], ev.names)} says this", evidence=0.9)
                         for c in alone]
            if not cluster.claims:
                continue
            members = [by_id[i] for i in cluster.claims]
            groups = {group_of(c) for c in members}
        if len(groups) < 2:
            findings.append(make_finding(
                "unique", cluster.claims, f"only {voices(members[:1], ev.names)} says this",
                evidence=1.0 - cluster.score * 0.5 if cluster.edges else 0.9,
            ))
            continue
        conflicts: list[Conflict] = []
        update = False
        strength = 0.0
        # being in one cluster is the evidence that two counts of "people" speak of one thing
        for slot, held in count_conflicts(
            members, group_of, lexicon.counts.generic, similar=lambda a, b: True, said=ev.said, lexicon=lexicon,
            parts=ev.parts, pieced=ev.pieced,
        ):
            conflicts.append(count_conflict(slot, held))
            update = update or is_update(held) or any(
                revision_words(by_id[cid], (q.start, q.end), lexicon) is not None for cid, q in held.items())
            reported.add((slot, frozenset(held)))
            strength = max(strength, 0.9 if all(q.bound == "exact" for q in held.values()) else 0.8)
            ev.tally.counts += 1
        count_claims = {cid for c in conflicts for cid in c.values}
        for a, b in cluster_pairs(cluster, members, group_of):
            for clash in compare_pair(a, b, lexicon, ev.tally):
                if a.id in count_claims and b.id in count_claims and clash.slot.startswith("number"):
                    continue  # the typed count says it already
                if not stands(a, b, clash, ev):
                    continue
                conflicts.append(clash_conflict(a, b, clash))
                update = update or any(clash.marked)
                sim = ev.similarity(a.id, b.id) if ev.similarity is not None else cluster.score
                strength = max(strength, round(clash.strength * (0.85 + 0.15 * min(1.0, sim)), 2))
                break  # the strongest clash of a pair is enough
        if conflicts:
            kind: FindingKind = "update" if update else "contradiction"
            reason = "; ".join(side_by_side(c, by_id, ev.names) for c in conflicts)
            if update:
                reason += later(conflicts, by_id, ev.names, ev.dates, lexicon)
            findings.append(make_finding(
                kind, cluster.claims, reason, tuple(conflicts),
                evidence=strength, support=0.9 + 0.1 * min(1.0, cluster.score), cap=0.95,
            ))
        else:
            findings.append(make_finding(
                "agreement", cluster.claims, f"{len(groups)} sources state it: {voices(members, ev.names)}",
                evidence=cluster.score,
            ))
    return findings


def _without_names(cluster: Cluster, members: Sequence[Claim]) -> tuple[Cluster, list[Claim]]:
    """The cluster without its names alone ("Convicted Child Molestor Arcade Joseph Comeaux Jr ."), which
    state no fact, and without the members joined to the rest only through one; with those left out."""
    silent = [c for c in members if names_only(c)]
    if not silent:
        return cluster, []
    kept = {c.id for c in members if c not in silent}
    edges = tuple(e for e in cluster.edges if e.a in kept and e.b in kept)
    linked = {x for e in edges for x in (e.a, e.b)}
    alone = [c for c in members if c in silent or c.id not in linked]
    return Cluster(tuple(c.id for c in members if c not in alone), edges), alone


def counts_across(ev: Evidence, reported: Reported) -> list[Finding]:
    """Counts that conflict across the whole comparison, wherever the claims sit, not reported yet."""
    similar = None
    if ev.similarity is not None:
        threshold, similarity = ev.settings.generic_conflict, ev.similarity

        def similar(a: str, b: str) -> bool:
            return similarity(a, b) >= threshold

    by_id, names = ev.by_id, ev.names
    findings = []
    for slot, held in count_conflicts(
        ev.claims, ev.group_of, ev.lexicon.counts.generic, similar=similar, said=ev.said, lexicon=ev.lexicon,
        parts=ev.parts, pieced=ev.pieced,
    ):
        if any(slot == s and set(held) <= ids for s, ids in reported):
            continue
        ids = tuple(sorted(held, key=ev.order.__getitem__))
        values = {cid: held[cid].value for cid in ids}
        sides = " vs ".join(
            f"{describe(held[cid])} ({said_by(by_id[cid], names)})" for cid in ids
        )
        exact = all(q.bound == "exact" for q in held.values())
        spans = {cid: (held[cid].start, held[cid].end) for cid in ids}
        conflict = Conflict(slot, values, label_of_slot(slot), spans)
        reason = f"{label_of_slot(slot)}: {sides}"
        if is_update(held):
            reason += later([conflict], by_id, names, ev.dates, ev.lexicon)
        kind: FindingKind = "update" if is_update(held) else "contradiction"
        findings.append(make_finding(kind, ids, reason, (conflict,), evidence=0.9 if exact else 0.75))
    return findings


def near_pairs(clusters: Sequence[Cluster], found: Sequence[Finding], ev: Evidence) -> list[Finding]:
    """Claims close to each other that the clusters did not put together, compared pair by pair."""
    by_id, group_of, order = ev.by_id, ev.group_of, ev.order
    cluster_of = {cid: n for n, cl in enumerate(clusters) for cid in cl.claims}
    conflicted: dict[str, set[int]] = defaultdict(set)
    for n, f in enumerate(found):
        if f.kind in ("contradiction", "update"):
            for cid in f.claims:
                conflicted[cid].add(n)
    compared: set[tuple[str, str]] = set()
    findings = []
    for a_id, others in sorted(ev.near.items(), key=lambda kv: order[kv[0]]):
        a = by_id[a_id]
        for b_id in others:
            pair = (min(a_id, b_id), max(a_id, b_id))
            if (
                pair in compared or cluster_of.get(a_id, -1) == cluster_of.get(b_id, -2)
                or conflicted[a_id] & conflicted[b_id] or group_of(a) == group_of(by_id[b_id])
            ):
                continue
            compared.add(pair)
            x, y = sorted((a, by_id[b_id]), key=lambda c: order[c.id])
            for clash in compare_pair(x, y, ev.lexicon, ev.tally):
                if not stands(x, y, clash, ev, unaligned=True):
                    continue
                conflict = clash_conflict(x, y, clash)
                sim = ev.similarity(x.id, y.id) if ev.similarity is not None else ev.settings.similarity
                kind: FindingKind = "update" if any(clash.marked) else "contradiction"
                reason = side_by_side(conflict, by_id, ev.names)
                if kind == "update":
                    reason += later([conflict], by_id, ev.names, ev.dates, ev.lexicon)
                findings.append(make_finding(
                    kind, (x.id, y.id), reason, (conflict,),
                    evidence=clash.strength, support=0.75 + 0.15 * min(1.0, sim), cap=0.9,
                ))
                break
    return findings


def sums(found: Sequence[Finding], ev: Evidence) -> list[Finding]:
    """Totals that are not the sum of another group's parts, not already inside a conflict found."""
    return [
        f for f in sum_conflicts(ev.claims, ev.group_of, ev.lexicon, ev.names, ev.by_id)
        if not any(set(f.claims) <= set(g.claims) for g in found if g.kind in ("contradiction", "update"))
    ]


def _pairs(claims: Sequence[Claim], group_of: GroupOf) -> Iterator[tuple[Claim, Claim]]:
    for k, a in enumerate(claims):
        for b in claims[k + 1 :]:
            if group_of(a) != group_of(b):
                yield a, b


#: a cluster with more pairs than this (claims of different groups) is compared on fewer of them:
#: each text once per group, and past this again only the pairs its edges join. A source that
#: repeats near copies of a sentence thousands of times must not take hours; ordinary clusters,
#: far below this, compare every pair.
MAX_PAIRS = 4096


def _cross_pairs(claims: Sequence[Claim], group_of: GroupOf) -> int:
    sizes: dict[str, int] = defaultdict(int)
    for c in claims:
        sizes[group_of(c)] += 1
    m = len(claims)
    return (m * (m - 1) - sum(k * (k - 1) for k in sizes.values())) // 2


def cluster_pairs(cluster: Cluster, members: Sequence[Claim], group_of: GroupOf) -> list[tuple[Claim, Claim]]:
    """The pairs of a cluster to compare fact by fact: all pairs across groups, up to ``MAX_PAIRS``."""
    if _cross_pairs(members, group_of) <= MAX_PAIRS:
        return list(_pairs(members, group_of))
    seen: dict[tuple[str, str], Claim] = {}
    for c in members:
        seen.setdefault((group_of(c), c.text), c)
    distinct = [c for c in members if seen[group_of(c), c.text] is c]
    if _cross_pairs(distinct, group_of) <= MAX_PAIRS:
        return list(_pairs(distinct, group_of))
    keep = {c.id for c in distinct}
    by_id = {c.id: c for c in members}
    order = {c.id: k for k, c in enumerate(members)}
    joined = sorted(
        {tuple(sorted((e.a, e.b), key=order.__getitem__)) for e in cluster.edges if e.a in keep and e.b in keep},
        key=lambda ab: (order[ab[0]], order[ab[1]]),
    )
    return [(by_id[a], by_id[b]) for a, b in joined if group_of(by_id[a]) != group_of(by_id[b])]

