"""Clusters -> findings: agreement, contradiction, update or unique, each with a reason.

A contradiction needs the same slot and values that cannot both be true:
- counts of the same participants for the same event ("4 kidnappers were killed" vs "eight gunmen
  died"), looked for across all claims, since a Spanish tweet and an English article rarely embed
  close together; threats ("going to kill two"), counts over another span of time ("so far this
  year") and classes that may overlap ("people") never contradict;
- dates, negation, or one name put in place of another, inside a cluster of claims that otherwise
  say the same thing.
A figure introduced as a revision ("the toll rose to 5") is an update, not a contradiction.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from .align import Cluster, compatible_values
from .model import Claim, Conflict, Finding, FindingKind, Quantity, Settings
from .rules import Lexicon

__all__ = ["judge"]

GroupOf = Callable[[Claim], str]
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
) -> list[tuple[str, dict[str, Quantity]]]:
    """Slots on which claims of different groups give values that cannot both be true.

    Counts of a class that may overlap others ("people") only conflict with the same class, and
    only where ``similar`` says the two claims speak of the same thing, and neither source gives
    the other's figure too (``said``: the values each group gives for each slot, in all its claims).
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
            and (not needs_evidence or _same_thing(slot, a, qa, b, qb, said, group_of, ids, similar))
            for cid in (a, b)
        }
        if clashing:
            if needs_evidence:  # keep only the claims that speak of the same thing
                held = {cid: q for cid, q in held.items() if cid in clashing}
            out.append((slot, held))
    return out


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
    return qb.value not in said[group_of(ids[a]), slot] and qa.value not in said[group_of(ids[b]), slot]


def _is_update(held: dict[str, Quantity]) -> bool:
    return any(q.update for q in held.values())


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", re.sub(r"n[’']t\b", " not", text))


def _only_difference(a: Claim, b: Claim) -> tuple[list[str], list[str], str] | None:
    """Where two claims differ, when they differ in one place only: (a's words, b's words, the word before)."""
    wa, wb = _words(a.text), _words(b.text)
    ops = [op for op in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1:
        return None
    _, i1, i2, j1, j2 = ops[0]
    if len(wa) - (i2 - i1) < 4:  # too little in common to be one statement
        return None
    return wa[i1:i2], wb[j1:j2], wa[i1 - 1].lower() if i1 > 0 else ""


def _pairs(claims: Sequence[Claim], group_of: GroupOf):  # type: ignore[no-untyped-def]
    for k, a in enumerate(claims):
        for b in claims[k + 1 :]:
            if group_of(a) != group_of(b):
                yield a, b


def _date_conflict(claims: Sequence[Claim], group_of: GroupOf, lexicon: Lexicon) -> Conflict | None:
    """The same statement on another day: "issued on May 17" vs "issued on May 19"."""
    for a, b in _pairs(claims, group_of):
        diff = _only_difference(a, b)
        if diff is None or not a.facts.dates or not b.facts.dates:
            continue
        old, new, _ = diff
        da = next((d for d in a.facts.dates if any(w in d.text.split() for w in old)), None)
        db = next((d for d in b.facts.dates if any(w in d.text.split() for w in new)), None)
        if da is not None and db is not None and not da.compatible(db):
            return Conflict("date", {a.id: da.text, b.id: db.text})
    return None


def _name_conflict(claims: Sequence[Claim], group_of: GroupOf, lexicon: Lexicon) -> Conflict | None:
    """The same statement with another name: "in Dallas" vs "in Houston"."""
    for a, b in _pairs(claims, group_of):
        diff = _only_difference(a, b)
        if diff is None:
            continue
        old, new, before = diff
        names = old + new
        if old and new and len(old) <= 4 and len(new) <= 4 and all(w[:1].isupper() for w in names):
            if any(w.lower() in lexicon.months or w.lower() in lexicon.weekdays for w in names):
                continue  # a date, not a name
            slot = "place" if before in lexicon.locative else "name"
            return Conflict(slot, {a.id: " ".join(old), b.id: " ".join(new)})
    return None


def _negation_conflict(claims: Sequence[Claim], group_of: GroupOf, lexicon: Lexicon) -> Conflict | None:
    """The same statement, once denied: "was arrested" vs "was not arrested"."""
    for a, b in _pairs(claims, group_of):
        if a.facts.negated == b.facts.negated:
            continue
        diff = _only_difference(a, b)
        if diff is None:
            continue
        old, new, _ = diff
        if (not old or not new) and all(lexicon.negation.fullmatch(w) for w in old + new):
            state = {c.id: "negated" if c.facts.negated else "affirmed" for c in (a, b)}
            return Conflict("negation", state)
    return None


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
) -> list[Finding]:
    """One finding per cluster, plus a contradiction for each count two groups disagree on.

    ``similarity(a, b)`` of two claim ids lets counts of "people" conflict across clusters when
    their claims are alike (``settings.generic_conflict``); without it they never do.
    """
    names = names or {}
    by_id = {c.id: c for c in claims}
    order = {c.id: k for k, c in enumerate(claims)}
    generic = lexicon.generic
    findings: list[Finding] = []
    reported_slots: set[tuple[str, frozenset[str]]] = set()
    said = figures(claims, group_of)

    for cluster in clusters:
        members = [by_id[i] for i in cluster.claims]
        groups = {group_of(c) for c in members}
        if len(groups) < 2:
            findings.append(Finding("unique", cluster.claims, round(1.0 - cluster.score * 0.5, 2) if cluster.edges
                                    else 0.9, f"only {_voices(members[:1], names)} says this"))
            continue
        conflicts: list[Conflict] = []
        update = False
        # being in one cluster is the evidence that two counts of "people" speak of one thing
        for slot, held in _count_conflicts(members, group_of, generic, similar=lambda a, b: True, said=said):
            conflicts.append(Conflict(slot, {cid: q.value for cid, q in held.items()}))
            update = update or _is_update(held)
            reported_slots.add((slot, frozenset(held)))
        for extra in (
            _date_conflict(members, group_of, lexicon),
            _negation_conflict(members, group_of, lexicon),
            _name_conflict(members, group_of, lexicon),
        ):
            if extra is not None:
                conflicts.append(extra)
        if conflicts:
            kind: FindingKind = "update" if update else "contradiction"
            reason = "; ".join(
                f"{c.slot}: " + " vs ".join(f"{v} ({by_id[k].voice})" for k, v in c.values.items()) for c in conflicts
            )
            findings.append(Finding(kind, cluster.claims, round(min(0.95, cluster.score), 2), reason, tuple(conflicts)))
        else:
            findings.append(Finding("agreement", cluster.claims, round(cluster.score, 2),
                                    f"{len(groups)} sources state it: {_voices(members, names)}"))

    # counts that conflict across the whole comparison, wherever the claims sit
    similar = None
    if similarity is not None:
        threshold = settings.generic_conflict

        def similar(a: str, b: str) -> bool:
            return similarity(a, b) >= threshold

    for slot, held in _count_conflicts(claims, group_of, generic, similar=similar, said=said):
        if any(slot == s and set(held) <= ids for s, ids in reported_slots):
            continue
        ids = tuple(sorted(held, key=order.__getitem__))
        values = {cid: held[cid].value for cid in ids}
        sides = " vs ".join(
            f"{_describe(held[cid])} ({by_id[cid].voice}, {names.get(by_id[cid].doc, by_id[cid].doc)})" for cid in ids
        )
        exact = all(q.bound == "exact" for q in held.values())
        findings.append(
            Finding("update" if _is_update(held) else "contradiction", ids, 0.9 if exact else 0.75,
                    f"{slot}: {sides}", (Conflict(slot, values),))
        )
    return sorted(findings, key=lambda f: (KIND_ORDER.get(f.kind, 9), order[f.claims[0]]))
