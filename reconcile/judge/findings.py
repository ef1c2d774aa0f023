"""Findings: each one built by ``make_finding``, with a confidence from its evidence, and the
reasons an editor reads ("Attackers killed: 4 (the tweet, a.txt) vs 8 (the governor, b.txt)")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..conflicts import Clash, revision_words
from ..model import Claim, Conflict, Finding, FindingKind, Quantity
from ..report.labels import label_of_slot
from ..report.speaker import credited
from ..rules import Lexicon

__all__ = [
    "KIND_ORDER", "clash_conflict", "count_conflict", "later", "make_finding", "merge", "said_by", "side_by_side",
    "voices",
]

KIND_ORDER = {"contradiction": 0, "update": 1, "agreement": 2, "unique": 3}



def make_finding(
    kind: FindingKind, claims: tuple[str, ...], reason: str, conflicts: tuple[Conflict, ...] = (), *,
    evidence: float, support: float = 1.0, cap: float = 1.0,
) -> Finding:
    """A finding whose confidence is the strength of its ``evidence`` (the surest clash, count or
    match behind it) weighed by ``support`` (how closely its claims line up) and at most ``cap``
    (how sure the pass that found it can be)."""
    return Finding(kind, claims, round(min(cap, evidence * support), 2), reason, conflicts)


def count_conflict(slot: str, held: dict[str, Quantity]) -> Conflict:
    return Conflict(
        slot, {cid: q.value for cid, q in held.items()}, label_of_slot(slot),
        {cid: (q.start, q.end) for cid, q in held.items()},
    )


def clash_conflict(a: Claim, b: Claim, clash: Clash) -> Conflict:
    return Conflict(
        clash.slot, {a.id: clash.values[0], b.id: clash.values[1]}, clash.label,
        {a.id: clash.spans[0], b.id: clash.spans[1]},
    )


def said_by(claim: Claim, names: dict[str, str]) -> str:
    """Who says a claim: the person or organisation credited with it, where that reads as a speaker,
    and the source ("Governor Enrique Alfaro, b.txt"); the source alone where it speaks itself."""
    who = credited(claim)
    source = names.get(claim.doc, claim.doc)
    return f"{who}, {source}" if who else source


def side_by_side(conflict: Conflict, by_id: dict[str, Claim], names: dict[str, str]) -> str:
    """ "Attackers killed: 4 (@MexicoRojo1, a.txt) vs 8 (the governor, b.txt)"."""
    sides = " vs ".join(f"{v} ({said_by(by_id[k], names)})" for k, v in conflict.values.items())
    return f"{conflict.label or conflict.slot}: {sides}"


def later(
    conflicts: Sequence[Conflict], by_id: dict[str, Claim], names: dict[str, str], dates: dict[str, dt.date | None],
    lexicon: Lexicon,
) -> str:
    """Why an update is one, quoted: the words that mark a value as a revision ("rose to", "as first
    reported"), and which report is the later one where the documents' dates differ."""
    reasons = []
    marked = next(((by_id[cid].doc, words) for c in conflicts for cid, span in c.spans.items()
                   if cid in by_id and (words := revision_words(by_id[cid], span, lexicon))), None)
    if marked is not None:
        doc, words = marked
        reasons.append(f'{names.get(doc, doc)} words its figure as a revision: "{words}"')
    docs = list(dict.fromkeys(by_id[cid].doc for c in conflicts for cid in c.values))
    dated = [(dates[d], d) for d in docs if dates.get(d) is not None]
    if len(dated) >= 2 and len({day for day, _ in dated}) > 1:
        day, doc = max(dated)
        reasons.append(f"{names.get(doc, doc)} is the later report, {day.isoformat()}")  # type: ignore[union-attr]
    if not reasons:
        return " (one source marks its figure as a revision or as provisional)"
    return f" (a later figure: {'; '.join(reasons)})"


def voices(claims: Sequence[Claim], names: dict[str, str]) -> str:
    def one(c: Claim) -> str:
        who, source = credited(c), names.get(c.doc, c.doc)
        return f"{source} ({who})" if who else source

    return "; ".join(one(c) for c in claims)



def _conflict_key(finding: Finding) -> tuple[tuple[str, frozenset[str]], ...]:
    """What a finding says conflicts, apart from which claims say it: each conflict's slot and values."""
    return tuple(sorted(
        (c.label or c.slot, frozenset(" ".join(str(v).lower().replace("’", "'").split()) for v in c.values.values()))
        for c in finding.conflicts
    ))


def one_per_conflict(findings: Sequence[Finding], order: Mapping[str, int]) -> list[Finding]:
    """Each conflict once: contradictions and updates that set the same values of the same slot against
    each other are one finding with all the claims that state them (the surest one's kind, reason and
    confidence), wherever the passes found them."""
    out: list[Finding] = []
    at: dict[tuple[tuple[str, frozenset[str]], ...], int] = {}
    for f in findings:
        key = _conflict_key(f) if f.kind in ("contradiction", "update") and f.conflicts else None
        if key is None or key not in at:
            if key is not None:
                at[key] = len(out)
            out.append(f)
            continue
        kept = out[at[key]]
        surer, other = (kept, f) if kept.confidence >= f.confidence else (f, kept)
        claims = tuple(sorted({*kept.claims, *f.claims}, key=lambda cid: order.get(cid, 0)))
        conflicts = surer.conflicts
        if len(surer.conflicts) == len(other.conflicts) == 1:
            (c,), (o,) = surer.conflicts, other.conflicts
            conflicts = (Conflict(c.slot, {**o.values, **c.values}, c.label, {**o.spans, **c.spans}),)
        out[at[key]] = replace(surer, claims=claims, conflicts=conflicts)
    return out


def _count_key(finding: Finding) -> tuple[str, frozenset[float]] | None:
    """A count conflict's event and the figures set against each other ("injured", {16, 17}); None for another."""
    if len(finding.conflicts) != 1:
        return None
    (c,) = finding.conflicts
    if not c.slot.startswith(("count.", "fact.")):
        return None
    event = c.slot.rsplit(".", 1)[-1].partition(":")[0]
    try:
        return event, frozenset(float(v) for v in c.values.values())
    except (TypeError, ValueError):
        return None


def _told_by_sheet(
    findings: Sequence[Finding], more: Sequence[Finding], claims: Sequence[Claim], names: Mapping[str, str],
) -> tuple[list[Finding], list[Finding]]:
    """The judge's count conflicts that the fact sheet tells already, folded into the sheet's: a
    contradiction the sheet shows to be an update (the same event, the same figures, and evidence that
    one supersedes: a report of the courts, a later date), and a conflict between figures the sheet
    sets against each other for the same event ("People injured: 16 vs 55" beside the sheet's
    "Injured: 16 vs 55 vs 55"). Each conflict once, with all the claims that state it, each side
    with who says it, as sure as the surer of the two."""
    order = {c.id: k for k, c in enumerate(claims)}
    by_id = {c.id: c for c in claims}
    sheet = {k: key for k, f in enumerate(more)
             if f.kind in ("contradiction", "update") and (key := _count_key(f)) is not None}
    folded: dict[int, Finding] = {}
    kept: list[Finding] = []
    for f in findings:
        key = _count_key(f) if f.kind in ("contradiction", "update") else None
        at = None if key is None else next(
            (k for k, (event, figures) in sheet.items()
             if event == key[0] and key[1] <= figures and (more[k].kind == "update" or f.kind == "contradiction")),
            None)
        if at is None or key is None or (set(folded.get(at, more[at]).claims) <= set(f.claims)
                                         and f.kind == more[at].kind):
            kept.append(f)  # already holds every claim the sheet's does: the sheet's is left out below
            continue
        into = folded.get(at, more[at])
        # the surer of the two gives the wording (the sheet's update stays an update)
        surer = f if f.kind == into.kind and f.confidence > into.confidence else into
        (c,), (o,) = surer.conflicts, (f if surer is into else into).conflicts
        ids = sorted({*into.claims, *f.claims}, key=lambda cid: order.get(cid, 0))
        values = {**o.values, **c.values}
        spans = {**o.spans, **c.spans}
        conflict = Conflict(c.slot, {cid: values[cid] for cid in ids if cid in values}, c.label,
                            {cid: spans[cid] for cid in ids if cid in spans})
        reason = surer.reason
        if all(cid in by_id for cid in conflict.values):
            # each side with who says it, and why a figure is the later one where the sheet says so
            _, later_mark, why_later = into.reason.partition(" (a later")
            reason = side_by_side(conflict, by_id, dict(names)) + later_mark + why_later
        folded[at] = replace(into, claims=tuple(ids), conflicts=(conflict,), reason=reason,
                             confidence=surer.confidence)
    return kept, [folded.get(k, f) for k, f in enumerate(more)]


def merge(findings: Sequence[Finding], more: Sequence[Finding], claims: Sequence[Claim],
          names: Mapping[str, str] | None = None) -> list[Finding]:
    """The judge's findings with more (the fact sheet's): one whose claims a contradiction or update
    already joins is told once; claims now disputed are no longer "only one source says", nor a
    confirmed fact; in the judge's order. ``names``: each document's name, by id."""
    order = {c.id: k for k, c in enumerate(claims)}
    findings, more = _told_by_sheet(findings, more, claims, names or {})
    disputed_pairs = [set(f.claims) for f in findings if f.kind in ("contradiction", "update")]
    added = [f for f in more if not any(set(f.claims) <= joined for joined in disputed_pairs)]
    disputed = {cid for f in [*findings, *added] if f.kind in ("contradiction", "update") for cid in f.claims}
    kept = [f for f in findings if not (f.kind in ("unique", "agreement") and set(f.claims) <= disputed)]
    return sorted(one_per_conflict([*kept, *added], order),
                  key=lambda f: (KIND_ORDER.get(f.kind, 9), order.get(f.claims[0], 0)))
