"""Counts: typed counts of the same participants for the same event that two groups give with
values that cannot both be true ("4 kidnappers were killed" / "eight gunmen died"), and a total
that is not the sum of its parts ("four people were shot" / "two dead and three injured")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from ..align import compatible_values
from ..conflicts import stated_numbers
from ..model import Claim, Conflict, Finding, Quantity
from ..rules import Lexicon
from .evidence import GroupOf, slot_values
from .findings import make_finding, said_by

__all__ = ["count_conflicts", "describe", "is_update", "strict_count", "sum_conflicts"]


def strict_count(q: Quantity, generic: frozenset[str]) -> bool:
    return q.slot is not None and not (q.hypothetical or q.scoped or q.partial) and q.cls not in generic


def describe(q: Quantity) -> str:
    bound = {"at_least": "at least ", "at_most": "at most ", "about": "about "}.get(q.bound, "")
    return f"{bound}{q.value} {q.cls} {q.event}"


def count_conflicts(
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
    said = said if said is not None else slot_values(claims, group_of)
    by_slot: dict[str, dict[str, Quantity]] = defaultdict(dict)
    open_classes = frozenset() if similar is not None else generic
    for c in claims:
        for q in c.facts.quantities:
            if strict_count(q, open_classes) and q.slot is not None:
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
            and (not needs_evidence or _same_account(slot, a, qa, b, qb, said, group_of, ids, similar))
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
    return any(u.start != own.start and u.nominal == other.value for u in stated_numbers(claim, lexicon))


def _same_account(
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


def is_update(held: dict[str, Quantity]) -> bool:
    return any(q.update for q in held.values())


def sum_conflicts(
    claims: Sequence[Claim], group_of: GroupOf, lexicon: Lexicon, names: dict[str, str], by_id: dict[str, Claim]
) -> list[Finding]:
    """A total that is not the sum of its parts: "four people were shot" vs "two dead and three injured".

    Only for victims counted exactly, where the other source gives one figure for each part and
    neither gives the other's total.
    """
    held: dict[str, dict[str, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for c in claims:
        for q in c.facts.quantities:
            if strict_count(q, frozenset()) and q.bound == "exact" and q.event is not None and (
                q.cls in lexicon.counts.generic or q.cls == "victims"
            ):
                held[group_of(c)][q.event].setdefault(q.value, c.id)
    out = []
    for total_event, parts in sorted(lexicon.counts.event_sums.items()):
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
                    reason = (f"{label}: {value} ({said_by(by_id[cid], names)}) vs "
                              f"{shown} = {total} ({names.get(by_id[ids[1]].doc, by_id[ids[1]].doc)})")
                    spans = {k: next((q.start, q.end) for q in by_id[k].facts.quantities if q.value == v)
                             for k, v in values.items()}
                    conflict = Conflict(f"count.total.{total_event}", values, label, spans)
                    out.append(make_finding("contradiction", tuple(dict.fromkeys(ids)), reason, (conflict,),
                                            evidence=0.75))
    return out

