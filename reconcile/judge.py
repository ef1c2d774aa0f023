"""Clusters -> findings: agreement, contradiction, update or unique, each with a reason.

A contradiction needs the same slot and values that cannot both be true:
- counts of the same participants for the same event ("4 kidnappers were killed" vs "eight gunmen
  died"), looked for across all claims, since a Spanish tweet and an English article rarely embed
  close together; threats ("going to kill two"), counts over another span of time ("so far this
  year") and classes that may overlap ("people") never contradict;
- any fact of two matched claims that ``conflicts.compare_pair`` finds opposed: numbers of any
  kind, a negation, opposite words, a swapped name, place, date or ordinal.
An agreement means nothing in its claims conflicts. A figure introduced as a revision ("the toll
rose to 5", "not six as first reported") is an update, not a contradiction. Each contradiction's
confidence comes from its evidence: typed counts and near-identical statements are strong, a
clash in a loose paraphrase is weak (reports show those apart, as "worth checking").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from .align import Cluster, compatible_values
from .conflicts import Clash, Tally, compare_pair, is_range, label_of_slot, marked, ranges_differ
from .conflicts import figures as number_figures
from .model import Claim, Conflict, Finding, FindingKind, Quantity, Settings
from .numbers import Unit
from .rules import Lexicon

__all__ = ["judge"]

GroupOf = Callable[[Claim], str]
_WORD = re.compile(r"[^\W\d_]+")
KIND_ORDER = {"contradiction": 0, "update": 1, "agreement": 2, "unique": 3}


def _strict(q: Quantity, generic: frozenset[str]) -> bool:
    return q.slot is not None and not (q.hypothetical or q.scoped or q.partial) and q.cls not in generic


def _describe(q: Quantity) -> str:
    bound = {"at_least": "at least ", "at_most": "at most ", "about": "about "}.get(q.bound, "")
    return f"{bound}{q.value} {q.cls} {q.event}"


def _count_conflicts(
    claims: Sequence[Claim],
    group_of: GroupOf,
    generic: frozenset[str],
    *,
    similar: Callable[[str, str], bool] | None = None,
    said: dict[tuple[str, str], set[int]] | None = None,
    lexicon: Lexicon | None = None,
    parts: dict[str, set[float]] | None = None,
    pieced: dict[str, set[str]] | None = None,
) -> list[tuple[str, dict[str, Quantity]]]:
    """Slots on which claims of different groups give values that cannot both be true.

    Counts of a class that may overlap others ("people") only conflict with the same class, and
    only where ``similar`` says the two claims speak of the same thing, and neither source gives
    the other's figure too (``said``: the values each group gives for each slot, in all its claims).
    ``pieced``: the slots each group counts in pieces ("one officer was wounded ... three other
    officers were wounded"): its figures there are parts, not the total.
    """
    said = said if said is not None else figures(claims, group_of)
    by_slot: dict[str, dict[str, Quantity]] = defaultdict(dict)
    open_classes = frozenset() if similar is not None else generic
    for c in claims:
        for q in c.facts.quantities:
            if _strict(q, open_classes) and q.slot is not None:
                by_slot[q.slot].setdefault(c.id, q)
    out = []
    ids = {c.id: c for c in claims}
    for slot, held in sorted(by_slot.items()):
        items = list(held.items())
        needs_evidence = items[0][1].cls in generic
        clashing = {
            cid
            for k, (a, qa) in enumerate(items)
            for b, qb in items[k + 1 :]
            if group_of(ids[a]) != group_of(ids[b])
            and not compatible_values(qa, qb)
            and not _gives_other(ids[a], qa, qb, lexicon) and not _gives_other(ids[b], qb, qa, lexicon)
            and not _one_total(ids[a], ids[b], lexicon)
            and qb.value not in (parts or {}).get(group_of(ids[a]), ())
            and qa.value not in (parts or {}).get(group_of(ids[b]), ())
            and slot not in (pieced or {}).get(group_of(ids[a]), ())
            and slot not in (pieced or {}).get(group_of(ids[b]), ())
            and (not needs_evidence or _same_thing(slot, a, qa, b, qb, said, group_of, ids, similar))
            for cid in (a, b)
        }
        if clashing:
            if needs_evidence:  # keep only the claims that speak of the same thing
                held = {cid: q for cid, q in held.items() if cid in clashing}
            out.append((slot, held))
    return out


def _one_total(a: Claim, b: Claim, lexicon: Lexicon | None) -> bool:
    """One claim gives a total ("a total of 50 people"), the other does not: they may count different groups."""
    if lexicon is None:
        return False
    return bool(lexicon.compare.totals.search(a.text)) != bool(lexicon.compare.totals.search(b.text))


def _gives_other(claim: Claim, own: Quantity, other: Quantity, lexicon: Lexicon | None) -> bool:
    """The claim states the other's figure too ("five officers were injured, two of them ..."): a part, not a clash."""
    if lexicon is None:
        return False
    return any(u.start != own.start and u.nominal == other.value for u in number_figures(claim, lexicon))


def figures(claims: Sequence[Claim], group_of: GroupOf) -> dict[tuple[str, str], set[int]]:
    """The values each group gives for each count slot, threats aside."""
    out: dict[tuple[str, str], set[int]] = defaultdict(set)
    for c in claims:
        for q in c.facts.quantities:
            if q.slot is not None and not q.hypothetical:
                out[group_of(c), q.slot].add(q.value)
    return out


def _same_thing(
    slot: str,
    a: str,
    qa: Quantity,
    b: str,
    qb: Quantity,
    said: dict[tuple[str, str], set[int]],
    group_of: GroupOf,
    ids: dict[str, Claim],
    similar: Callable[[str, str], bool] | None,
) -> bool:
    """Whether two counts of an open class ("people") are two accounts of one thing.

    They must be alike, and neither source may give the other's figure too: an article that says
    both "four people were killed" and "two people were killed" is telling of two events.
    """
    if similar is None or not similar(a, b):
        return False
    mine, theirs = said[group_of(ids[a]), slot], said[group_of(ids[b]), slot]
    if len(mine) > 1 or len(theirs) > 1:
        return False  # a source that gives several figures for "people" is telling of several groups
    return qb.value not in mine and qa.value not in theirs


def _is_update(held: dict[str, Quantity]) -> bool:
    return any(q.update for q in held.values())


def _pairs(claims: Sequence[Claim], group_of: GroupOf):  # type: ignore[no-untyped-def]
    for k, a in enumerate(claims):
        for b in claims[k + 1 :]:
            if group_of(a) != group_of(b):
                yield a, b


def _words_used(
    a: Claim, b: Claim, clash: Clash, claims_of: dict[str, list[Claim]], group_of: GroupOf,
    vocabulary: dict[str, set[str]],
) -> bool:
    """Whether either side's word is used by the other source somewhere: then it may be a synonym or a part."""
    for other, value in ((b, clash.values[0]), (a, clash.values[1])):
        group = group_of(other)
        if group not in vocabulary:
            vocabulary[group] = {w.lower() for c in claims_of[group] for w in _WORD.findall(c.text)}
        words = [w.lower() for w in _WORD.findall(str(value))]
        if any(w[:5] in {v[:5] for v in vocabulary[group]} for w in words):
            return True
    return False


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


def _cluster_pairs(cluster: Cluster, members: Sequence[Claim], group_of: GroupOf) -> list[tuple[Claim, Claim]]:
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


def _close(x: float, y: float, share: float = 0.05) -> bool:
    """Whether two figures are at most ``share`` apart ("about 200" and "some 190")."""
    return abs(x - y) <= share * max(abs(x), abs(y))


def _same_figure(u: Unit, v: Unit) -> bool:
    """The same figure in two claims: the same kind and value (a range: compatible ends)."""
    if u.key != v.key:
        return False
    return u.nominal == v.nominal if u.nominal is not None or v.nominal is not None else u.compatible(v)


def _beside(claim: Claim, u: Unit, span: tuple[int, int], words: int = 8) -> bool:
    """Whether figure ``u`` is at most ``words`` words from ``span`` in ``claim``."""
    gap = claim.text[min(u.end, span[1]) - claim.start : max(u.start, span[0]) - claim.start]
    return len(gap.split()) <= words


def _words_before(claim: Claim, u: Unit, function: frozenset[str]) -> set[str]:
    """The last three words before figure ``u``, function words aside ("operations were $136.4 million")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", claim.text[: u.start - claim.start].lower())[-3:]
    return {w for w in words if w not in function}


def _source_gives_both(
    a: Claim, b: Claim, clash: Clash, claims_of: dict[str, list[Claim]], group_of: GroupOf, lexicon: Lexicon
) -> bool:
    """Whether a source also states the other's figure elsewhere: two events, not two accounts of one.

    "Four people were killed in the first shooting. Two people were killed in a second shooting."
    against "Two people were killed": the first source gives both figures. Where the two claims
    agree on an amount, count or share beside the clash ("$1.30 to $1.40 for Q3" / "$1.30 to $1.40
    for the fourth quarter"), they speak of one fact: a claim elsewhere ("net income for the third
    quarter") gives the other's figure only when it states that amount too, or the same words lead
    to the figure in both.
    """
    figures_a, figures_b = number_figures(a, lexicon), number_figures(b, lexicon)
    x = next((u for u in figures_a if (u.start, u.end) == clash.spans[0]), None)
    y = next((u for u in figures_b if (u.start, u.end) == clash.spans[1]), None)
    if x is None or y is None:
        return False
    floors = x.lower_bound and y.lower_bound  # two lower bounds: the figure itself must recur

    def gives(u: Unit, other: Unit) -> bool:
        if u.key != other.key:
            return False
        if floors:
            return u.nominal == other.nominal
        if is_range(other, lexicon):
            # "$1.30 to $1.40": the same range (or one loosely put), not a figure between its ends
            return is_range(u, lexicon) and u.compatible(other) and not ranges_differ(u, other, lexicon)
        if not u.compatible(other) or u.open_bound:  # "over $20 million" gives no figure
            return False
        # "about $466,000" holds $440,000 but does not state it: a loose figure gives one close by
        return u.nominal is None or other.nominal is None or _close(u.nominal, other.nominal)

    # not the year or quarter both speak of: context, not the fact
    shared = [
        u for u in figures_a
        if u is not x and not u.open_bound and u.key not in ("#year", "#ord") and _beside(a, u, clash.spans[0])
        and any(v is not y and _same_figure(u, v) and _beside(b, v, clash.spans[1]) for v in figures_b)
    ]
    function = lexicon.compare.function_words

    def stated(c: Claim, u: Unit, other: Unit, holder: Claim) -> bool:
        if not gives(u, other):
            return False
        return (not shared or all(any(_same_figure(f, v) for v in number_figures(c, lexicon)) for f in shared)
                or bool(_words_before(c, u, function) & _words_before(holder, other, function)))

    for claim, other, holder in ((a, y, b), (b, x, a)):
        for c in claims_of[group_of(claim)]:
            if c.id != claim.id and any(stated(c, u, other, holder) for u in number_figures(c, lexicon)):
                return True
    return False


def _phrase_used(
    a: Claim, b: Claim, clash: Clash, claims_of: dict[str, list[Claim]], group_of: GroupOf, lexicon: Lexicon
) -> bool:
    """Whether a source also says the other's word, or a word of its side of the opposites, with the
    same word after it, function words aside ("low single-digit" / "high single-digit", "decreasing
    net debt" / "reducing net debt"; not "decreases in" / "decline in"): a source that says both
    speaks of two things."""
    opposites = lexicon.compare.opposites
    function = lexicon.compare.function_words

    def bears_on(words: list[str], k: int) -> str | None:
        """The first word after ``words[k]`` that is not a function word ("increases in new ...
        revenue": "new"), within three."""
        return next((w for w in words[k + 1 : k + 4] if w not in function), None)

    for claim, span, other in ((a, clash.spans[0], b), (b, clash.spans[1], a)):
        word = claim.text[span[0] - claim.start : span[1] - claim.start].lower()
        rest = [word, *claim.text[span[1] - claim.start :].lower().split()]
        target = bears_on(rest, 0)
        if target is None:
            continue
        sides = opposites.get(word, frozenset())
        for c in claims_of[group_of(other)]:
            words = c.text.lower().split()
            for k, u in enumerate(words[:-1]):
                if (u == word or sides & opposites.get(u, frozenset())) and bears_on(words, k) == target:
                    return True
    return False


def _in_pieces(a: Claim, b: Claim, clash: Clash, pieced: set[str]) -> bool:
    """Whether the clash sets figures against each other on a slot that one source counts in pieces."""
    if not pieced:
        return False
    for claim, (start, end) in ((a, clash.spans[0]), (b, clash.spans[1])):
        for q in claim.facts.quantities:
            if (q.start <= start < q.end or start <= q.start < end) and q.slot in pieced:
                return True
    return False


def _count_conflict(slot: str, held: dict[str, Quantity]) -> Conflict:
    return Conflict(
        slot, {cid: q.value for cid, q in held.items()}, label_of_slot(slot),
        {cid: (q.start, q.end) for cid, q in held.items()},
    )


def _clash_conflict(a: Claim, b: Claim, clash: Clash) -> Conflict:
    return Conflict(
        clash.slot, {a.id: clash.values[0], b.id: clash.values[1]}, clash.label,
        {a.id: clash.spans[0], b.id: clash.spans[1]},
    )


def _side_by_side(conflict: Conflict, by_id: dict[str, Claim], names: dict[str, str]) -> str:
    """ "Attackers killed: 4 (the tweet, a.txt) vs 8 (the governor, b.txt)"."""
    sides = " vs ".join(
        f"{v} ({by_id[k].voice}, {names.get(by_id[k].doc, by_id[k].doc)})" for k, v in conflict.values.items()
    )
    return f"{conflict.label or conflict.slot}: {sides}"


def _later(
    conflicts: Sequence[Conflict], by_id: dict[str, Claim], names: dict[str, str], dates: dict[str, dt.date | None]
) -> str:
    """Which side of an update is the later one: by the documents' dates where they have them."""
    docs = list(dict.fromkeys(by_id[cid].doc for c in conflicts for cid in c.values))
    dated = [(dates[d], d) for d in docs if dates.get(d) is not None]
    if len(dated) >= 2 and len({day for day, _ in dated}) > 1:
        day, doc = max(dated)
        return f" (a later figure: {names.get(doc, doc)} is the later report, {day.isoformat()})"  # type: ignore[union-attr]
    return " (one source marks its figure as a revision or as provisional)"


def _voices(claims: Sequence[Claim], names: dict[str, str]) -> str:
    return "; ".join(f"{names.get(c.doc, c.doc)} ({c.voice})" for c in claims)


def judge(
    clusters: Sequence[Cluster],
    claims: Sequence[Claim],
    *,
    group_of: GroupOf,
    lexicon: Lexicon,
    settings: Settings = Settings(),
    names: dict[str, str] | None = None,
    similarity: Callable[[str, str], float] | None = None,
    dates: dict[str, dt.date | None] | None = None,
    tally: Tally | None = None,
    near: dict[str, tuple[str, ...]] | None = None,
) -> list[Finding]:
    """One finding per cluster, plus a contradiction for each count two groups disagree on.

    ``similarity(a, b)`` of two claim ids lets counts of "people" conflict across clusters when
    their claims are alike (``settings.generic_conflict``); without it they never do. ``dates``
    (document id -> date) let an update say which source is the later one; ``tally`` counts what
    was compared.
    """
    names = names or {}
    tally = tally if tally is not None else Tally()
    by_id = {c.id: c for c in claims}
    order = {c.id: k for k, c in enumerate(claims)}
    generic = lexicon.generic
    findings: list[Finding] = []
    reported_slots: set[tuple[str, frozenset[str]]] = set()
    said = figures(claims, group_of)
    vocabulary: dict[str, set[str]] = {}

    def stands(a: Claim, b: Claim, clash: Clash) -> bool:
        """A clash is kept unless the other source states the figure too, elsewhere, or (for a loose
        one) uses the other's word somewhere."""
        if _source_gives_both(a, b, clash, claims_of, group_of, lexicon):
            return False
        if _in_pieces(a, b, clash, pieced[group_of(a)] | pieced[group_of(b)]):
            return False
        if clash.slot == "opposite" and _phrase_used(a, b, clash, claims_of, group_of, lexicon):
            return False
        return not (clash.loose and _words_used(a, b, clash, claims_of, group_of, vocabulary))
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        claims_of[group_of(c)].append(c)
    # "two of them": figures each source gives for a part of a group it counted
    parts: dict[str, set[float]] = defaultdict(set)
    for c in claims:
        for m in lexicon.compare.partitive.finditer(c.text):
            for u in number_figures(c, lexicon):
                gap = c.text[u.end - c.start : m.start()] if u.end - c.start <= m.start() else "x"
                if not gap.strip() and u.nominal is not None:
                    parts[group_of(c)].add(u.nominal)
    # "three other officers were wounded" (not "two El Centro officers", a named part): the source
    # counts that slot in pieces
    pieced: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        for q in c.facts.quantities:
            if (
                q.partial and q.slot is not None and not (q.hypothetical or q.scoped)
                and lexicon.contrast & set(q.text.lower().split())
            ):
                pieced[group_of(c)].add(q.slot)

    for cluster in clusters:
        members = [by_id[i] for i in cluster.claims]
        groups = {group_of(c) for c in members}
        if len(groups) < 2:
            findings.append(Finding("unique", cluster.claims, round(1.0 - cluster.score * 0.5, 2) if cluster.edges
                                    else 0.9, f"only {_voices(members[:1], names)} says this"))
            continue
        conflicts: list[Conflict] = []
        update = False
        strength = 0.0
        # being in one cluster is the evidence that two counts of "people" speak of one thing
        for slot, held in _count_conflicts(
            members, group_of, generic, similar=lambda a, b: True, said=said, lexicon=lexicon, parts=parts,
            pieced=pieced,
        ):
            conflicts.append(_count_conflict(slot, held))
            update = update or _is_update(held) or any(marked(by_id[cid], lexicon) for cid in held)
            reported_slots.add((slot, frozenset(held)))
            strength = max(strength, 0.9 if all(q.bound == "exact" for q in held.values()) else 0.8)
            tally.counts += 1
        count_claims = {cid for c in conflicts for cid in c.values}
        for a, b in _cluster_pairs(cluster, members, group_of):
            for clash in compare_pair(a, b, lexicon, tally):
                if a.id in count_claims and b.id in count_claims and clash.slot.startswith("number"):
                    continue  # the typed count says it already
                if not stands(a, b, clash):
                    continue
                conflicts.append(_clash_conflict(a, b, clash))
                update = update or any(clash.marked)
                sim = similarity(a.id, b.id) if similarity is not None else cluster.score
                strength = max(strength, round(clash.strength * (0.85 + 0.15 * min(1.0, sim)), 2))
                break  # the strongest clash of a pair is enough
        if conflicts:
            kind: FindingKind = "update" if update else "contradiction"
            reason = "; ".join(_side_by_side(c, by_id, names) for c in conflicts)
            if update:
                reason += _later(conflicts, by_id, names, dates or {})
            confidence = round(min(0.95, strength * (0.9 + 0.1 * min(1.0, cluster.score))), 2)
            findings.append(Finding(kind, cluster.claims, confidence, reason, tuple(conflicts)))
        else:
            findings.append(Finding("agreement", cluster.claims, round(cluster.score, 2),
                                    f"{len(groups)} sources state it: {_voices(members, names)}"))

    # counts that conflict across the whole comparison, wherever the claims sit
    similar = None
    if similarity is not None:
        threshold = settings.generic_conflict

        def similar(a: str, b: str) -> bool:
            return similarity(a, b) >= threshold

    for slot, held in _count_conflicts(
        claims, group_of, generic, similar=similar, said=said, lexicon=lexicon, parts=parts, pieced=pieced
    ):
        if any(slot == s and set(held) <= ids for s, ids in reported_slots):
            continue
        ids = tuple(sorted(held, key=order.__getitem__))
        values = {cid: held[cid].value for cid in ids}
        sides = " vs ".join(
            f"{_describe(held[cid])} ({by_id[cid].voice}, {names.get(by_id[cid].doc, by_id[cid].doc)})" for cid in ids
        )
        exact = all(q.bound == "exact" for q in held.values())
        spans = {cid: (held[cid].start, held[cid].end) for cid in ids}
        conflict = Conflict(slot, values, label_of_slot(slot), spans)
        reason = f"{label_of_slot(slot)}: {sides}"
        if _is_update(held):
            reason += _later([conflict], by_id, names, dates or {})
        findings.append(
            Finding("update" if _is_update(held) else "contradiction", ids, 0.9 if exact else 0.75,
                    reason, (conflict,))
        )
    # claims close to each other that the clusters did not put together: compared too
    cluster_of = {cid: n for n, cl in enumerate(clusters) for cid in cl.claims}
    conflicted: dict[str, set[int]] = defaultdict(set)
    for n, f in enumerate(findings):
        if f.kind in ("contradiction", "update"):
            for cid in f.claims:
                conflicted[cid].add(n)
    compared: set[tuple[str, str]] = set()
    for a_id, others in sorted((near or {}).items(), key=lambda kv: order[kv[0]]):
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
            for clash in compare_pair(x, y, lexicon, tally):
                if not stands(x, y, clash):
                    continue
                conflict = _clash_conflict(x, y, clash)
                sim = similarity(x.id, y.id) if similarity is not None else settings.similarity
                confidence = round(min(0.9, clash.strength * (0.75 + 0.15 * min(1.0, sim))), 2)
                kind = "update" if any(clash.marked) else "contradiction"
                reason = _side_by_side(conflict, by_id, names)
                if kind == "update":
                    reason += _later([conflict], by_id, names, dates or {})
                findings.append(Finding(kind, (x.id, y.id), confidence, reason, (conflict,)))
                break
    for finding in _sum_conflicts(claims, group_of, lexicon, names, by_id):
        if not any(set(finding.claims) <= set(f.claims) for f in findings if f.kind in ("contradiction", "update")):
            findings.append(finding)
    # a claim another source contradicts is not something only one source says
    disputed = {cid for f in findings if f.kind in ("contradiction", "update") for cid in f.claims}
    findings = [f for f in findings if not (f.kind == "unique" and set(f.claims) <= disputed)]
    return sorted(findings, key=lambda f: (KIND_ORDER.get(f.kind, 9), order[f.claims[0]]))


def _sum_conflicts(
    claims: Sequence[Claim], group_of: GroupOf, lexicon: Lexicon, names: dict[str, str], by_id: dict[str, Claim]
) -> list[Finding]:
    """A total that is not the sum of its parts: "four people were shot" vs "two dead and three injured".

    Only for victims counted exactly, where the other source gives one figure for each part and
    neither gives the other's total.
    """
    held: dict[str, dict[str, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for c in claims:
        for q in c.facts.quantities:
            if _strict(q, frozenset()) and q.bound == "exact" and q.event is not None and (
                q.cls in lexicon.generic or q.cls == "victims"
            ):
                held[group_of(c)][q.event].setdefault(q.value, c.id)
    out = []
    for total_event, parts in sorted(lexicon.event_sums.items()):
        for g1 in sorted(held):
            for value, cid in sorted(held[g1].get(total_event, {}).items()):
                for g2 in sorted(held):
                    if g2 == g1 or held[g2].get(total_event):
                        continue
                    figures_by_part = [held[g2].get(p, {}) for p in parts]
                    if any(len(f) != 1 for f in figures_by_part):
                        continue
                    total = sum(next(iter(f)) for f in figures_by_part)
                    own = {v for p in parts for v in held[g1].get(p, {})}
                    if total == value or total in own or value in {v for f in figures_by_part for v in f}:
                        continue
                    ids = (cid, *(next(iter(f.values())) for f in figures_by_part))
                    values = {cid: value, **{next(iter(f.values())): next(iter(f)) for f in figures_by_part}}
                    label = f"People {total_event}"
                    shown = " + ".join(f"{next(iter(f))} {p}" for f, p in zip(figures_by_part, parts, strict=True))
                    reason = (f"{label}: {value} ({by_id[cid].voice}, {names.get(by_id[cid].doc, by_id[cid].doc)}) vs "
                              f"{shown} = {total} ({names.get(by_id[ids[1]].doc, by_id[ids[1]].doc)})")
                    spans = {k: next((q.start, q.end) for q in by_id[k].facts.quantities if q.value == v)
                             for k, v in values.items()}
                    out.append(Finding("contradiction", tuple(dict.fromkeys(ids)), 0.75, reason,
                                       (Conflict(f"count.total.{total_event}", values, label, spans),)))
    return out
