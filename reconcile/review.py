"""Editorial review: is each claim of a draft supported, contradicted or unsupported by the sources?

With no sources, the article's own voices (the reporter, a quoted tweet, a governor) are compared
with each other: a self-consistency check. Both run the ordinary pipeline; only the grouping of
claims differs (``group_of``), so alignment and judging work exactly as in ``compare``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from . import align as align_mod
from .align import neighbours
from .api import NEAREST, Aligned, Progress, align_claims, find, judge_aligned, open_cache, prepare, with_facts
from .cache import Cache, CachingEncoder
from .claims import normalized
from .conflicts import denial_partners, opposite_partners, stated_numbers
from .embed import Encoder
from .errors import BadInput
from .model import Claim, Conflict, Document, Finding, Quantity, Result, Settings, Tally
from .report.speaker import credited
from .rules import Rules
from .unsourced import (
    Unsourced,
    Vocabulary,
    figures_by_kind,
    lower_case_words,
    unsourced_days,
    unsourced_figures,
    unsourced_names,
)
from .voices import voice_groups, voice_key

__all__ = ["check", "label_draft", "voice_groups", "voice_key"]

DRAFT, SOURCE = "draft", "source"
_DEFAULTS = Settings()
#: the confidence of a name or figure no source mentions, in a claim a source otherwise states:
#: below the default line, so reports show it under "worth checking"
UNSOURCED = 0.45
#: what the source claim says in place of an unsourced name, figure or day
_ABSENT = {"name": "not named", "figure": "not stated", "date": "not stated"}


def _slot_quantity(claim: Claim, slot: str) -> Quantity | None:
    return next((q for q in claim.facts.quantities if q.slot == slot), None)


def _incompatible(conflict: Conflict, draft_id: str, source_id: str, by_id: dict[str, Claim]) -> bool:
    """Whether, on this conflict, the source claim's value cannot be true along with the draft's."""
    if conflict.slot.startswith("count."):
        qa = _slot_quantity(by_id[draft_id], conflict.slot)
        qb = _slot_quantity(by_id[source_id], conflict.slot)
        if qa is not None and qb is not None:
            return not align_mod.compatible_values(qa, qb)
    return conflict.values[draft_id] != conflict.values[source_id]


def _is_later(conflict: Conflict, claim: Claim) -> bool:
    q = _slot_quantity(claim, conflict.slot)
    return q is not None and q.update


def label_draft(
    draft: Document,
    claims: Sequence[Claim],
    findings: Sequence[Finding],
    names: dict[str, str],
    unsourced: dict[str, list[Unsourced]] | None = None,
    restated: dict[str, str] | None = None,
) -> list[Finding]:
    """One supported / contradicted / unsupported finding per draft claim, from the judge's findings.

    ``findings`` come from judging the draft against all sources as two groups. A draft claim is
    contradicted when a conflict pits it against a source claim, supported when it shares an
    agreement (or a conflict-free part of one) with source claims, and unsupported otherwise.
    ``unsourced``: the names and figures each draft claim gives that no source mentions
    (``reconcile.unsourced``); a claim a source states but for such a name or figure is
    contradicted, weakly ("worth checking"), against that source claim. ``restated``: for a draft
    claim with such a name or figure that shares no finding with a source claim, the source claim
    closest to the rest of it (``restating``): it is contradicted so too, against that claim.
    """
    unsourced = unsourced or {}
    restated = restated or {}
    by_id = {c.id: c for c in claims}
    # the sources that state a draft claim word for word: a clash between it and another of their
    # sentences is theirs (two of their sentences), not the draft's
    words = {c.id: f" {normalized(c.text)} " for c in claims}
    verbatim = {d.id: {s.doc for s in claims if s.doc != draft.id and words[d.id].strip()
                       and words[d.id] in words[s.id]} for d in claims if d.doc == draft.id}

    def where(claim: Claim) -> str:
        who = credited(claim)  # the speaker where one reads as such; else the source speaks itself
        source = names.get(claim.doc, claim.doc)
        return f"{source} ({who})" if who else source

    out = []
    for d in (c for c in claims if c.doc == draft.id):
        against: dict[str, None] = {}
        conflicts: list[Conflict] = []
        sides: list[str] = []
        newer: list[str] = []
        updated = False
        backing: dict[str, None] = {}
        confidence = {"contradicted": 0.0, "supported": 0.0}
        for f in findings:
            if d.id not in f.claims:
                continue
            sources = [s for s in f.claims if by_id[s].doc != draft.id]
            opposed_here: dict[str, None] = {}  # in the order the conflicts name them
            differing: set[str] = set()  # sources giving another value, even where the draft's is later
            agreeing: set[str] = set()  # sources in a conflict whose value can be true with the draft's
            for conflict in f.conflicts:
                if d.id not in conflict.values:
                    continue
                named = [s for s in conflict.values if s in sources and by_id[s].doc not in verbatim[d.id]]
                opposed = [s for s in named if _incompatible(conflict, d.id, s, by_id)]
                agreeing.update(s for s in named if s not in opposed)
                differing.update(opposed)
                if not opposed:
                    continue
                if _is_later(conflict, d) and not any(_is_later(conflict, by_id[s]) for s in opposed):
                    newer.append(conflict.slot)  # the draft gives the later figure: not contradicted
                    continue
                updated = updated or any(_is_later(conflict, by_id[s]) for s in opposed)
                opposed_here.update(dict.fromkeys(opposed))
                kept = (d.id, *opposed)
                conflicts.append(Conflict(
                    conflict.slot, {k: conflict.values[k] for k in kept}, conflict.label,
                    {k: conflict.spans[k] for k in kept if k in conflict.spans},
                ))
                sides.append(
                    f"{conflict.label or conflict.slot}: the draft says {conflict.values[d.id]}, "
                    + ", ".join(f"{where(by_id[s])} says {conflict.values[s]}" for s in opposed)
                )
            if opposed_here:
                against.update(opposed_here)
                confidence["contradicted"] = max(confidence["contradicted"], f.confidence)
                continue
            # the same fact, stated by sources that give no other value for it
            in_conflict = any(d.id in c.values for c in f.conflicts)
            stating = [s for s in sources if s in agreeing] if in_conflict else sources
            stating = [s for s in stating if s not in differing]
            if stating:
                backing.update(dict.fromkeys(stating))
                confidence["supported"] = max(confidence["supported"], f.confidence)
        if against:
            reason = "; ".join(sides) + (" (a source gives its figure as a later update)" if updated else "")
            ids = (d.id, *against)
            out.append(Finding("contradicted", ids, confidence["contradicted"], reason, tuple(conflicts)))
        elif unsourced.get(d.id) and (backing or d.id in restated):
            source = by_id[next(iter(backing))] if backing else by_id[restated[d.id]]
            missing = unsourced[d.id]
            absent = tuple(
                Conflict(f"{m.kind}.unsourced", {d.id: m.text, source.id: _ABSENT[m.kind]}, m.kind.capitalize(),
                         {d.id: (m.start, m.end), source.id: (source.start, source.end)})
                for m in missing
            )
            reason = "; ".join(
                f"{m.kind.capitalize()}: the draft says {m.text}, which no source mentions" for m in missing
            ) + (f"; {where(source)} states the rest" if backing else f"; {where(source)} comes closest to the rest")
            out.append(Finding("contradicted", (d.id, source.id), UNSOURCED, reason, absent))
        elif backing:
            ids = tuple(backing)
            reason = "stated by " + "; ".join(dict.fromkeys(where(by_id[s]) for s in ids))
            out.append(Finding("supported", (d.id, *ids), confidence["supported"], reason))
        else:
            reason = "no source states this; unsupported is not wrong, but it is unchecked"
            if unsourced.get(d.id):
                reason += "; no source mentions " + ", ".join(m.text for m in unsourced[d.id])
            if newer:
                reason = f"the draft gives a later figure than the sources ({', '.join(newer)}); " + reason
            out.append(Finding("unsupported", (d.id,), 0.9, reason))
    return out


def restating(
    draft_claims: Sequence[Claim],
    unsourced: dict[str, list[Unsourced]],
    source_claims: Sequence[Claim],
    encoder: Encoder,
    threshold: float,
) -> dict[str, str]:
    """For each draft claim with names or figures no source mentions, the source claim closest to
    the rest of it: the most similar one, at ``threshold`` or more (``check`` asks the similarity at
    which claims line up), to the claim with those left out.

    A name the sources never mention lowers the claim's similarity to the one that says the rest:
    "The host, a nursing student from Texas, sells snacks" may sit too far from the source's
    sentence for the two to line up, so the claim would only be "unsupported" and its name unseen.
    """
    asked = [c for c in draft_claims if unsourced.get(c.id)]
    if not asked or not source_claims:
        return {}
    texts = []
    for c in asked:
        text = c.text
        for m in sorted(unsourced[c.id], key=lambda m: -m.start):
            text = text[: m.start - c.start] + text[m.end - c.start :]
        texts.append(align_mod.embedding_text(replace(c, text=text)))
    vectors = encoder.encode(texts + [align_mod.embedding_text(c) for c in source_claims])
    sims = vectors[: len(asked)] @ vectors[len(asked) :].T
    out: dict[str, str] = {}
    for row, c in zip(sims, asked, strict=True):
        best = int(row.argmax())
        if row[best] >= threshold:
            out[c.id] = source_claims[best].id
    return out


def check(
    draft_path: str | Path,
    against_paths: Sequence[str | Path] = (),
    *,
    model: str | None = None,
    settings: Settings = _DEFAULTS,
    encoder: Encoder | None = None,
    rules_dir: str | None = None,
    cache: Cache | bool = True,
    progress: Progress | None = None,
) -> Result:
    """Check a draft against sources (mode "check"), or against its own voices when there are none.

    Raises BadInput (naming the file) for a missing, empty or repeated article.
    """
    store = open_cache(cache)
    ready = prepare([draft_path, *against_paths], model=model, settings=settings, rules_dir=rules_dir,
                    encoder=encoder, cache=store, progress=progress)
    documents, claims, tuned, rules = ready.documents, ready.claims, ready.tuned, ready.rules
    draft = documents[0]
    if not any(c.doc == draft.id for c in claims):
        raise BadInput(f"{draft.path}: no checkable claims found in the draft")
    tally = Tally()
    compared, line = tally.as_dict, settings.min_confidence
    if len(documents) == 1:
        voices = voice_groups(claims)

        def by_voice(claim: Claim) -> str:
            return voices[claim.id]

        findings = find(documents, claims, group_of=by_voice, rules=rules, encoder=ready.encoder, settings=tuned,
                        cache=store, progress=progress, tally=tally)
        return Result(documents, claims, tuple(findings), mode="self-check", model=ready.encoder.name,
                      compared=compared(), min_confidence=line, model_reason=ready.choice.reason)

    def by_side(claim: Claim) -> str:
        return DRAFT if claim.doc == draft.id else SOURCE

    # a draft's claims paraphrase the sources loosely: one with no close source claim is set against
    # its nearest ones from a lower similarity, and against source claims that say the opposite of
    # one of its words
    aligned = align_claims(claims, group_of=by_side, rules=rules, encoder=ready.encoder, settings=tuned,
                           cache=store, progress=progress, floor=tuned.check_neighbour_floor)
    near = draft_neighbours(aligned, by_side, rules, tuned)
    findings = judge_aligned(documents, aligned, group_of=by_side, rules=rules, near=near,
                             settings=replace(tuned, structure=False, unstated=SOURCE, floors=True), tally=tally,
                             progress=progress)
    # the draft's key facts against the sources' ("seven injured" against "six"), whether or not the
    # sentences line up
    facts, findings = with_facts(documents, claims, rules, findings)
    names = {d.id: d.name for d in documents}
    vocabulary = Vocabulary.of(d.text for d in documents[1:])
    own = lower_case_words(draft.text)
    lexicon = rules.lexicon
    endings = lexicon.compare.name_endings
    dates = frozenset(lexicon.dates.months) | frozenset(lexicon.dates.weekdays)
    stated = figures_by_kind(u for c in claims if c.doc != draft.id for u in stated_numbers(c, lexicon))
    unsourced = {
        c.id: found for c in claims if c.doc == draft.id
        if (found := unsourced_names(c, vocabulary, endings, own_words=own, not_names=dates)
            + unsourced_figures(stated_numbers(c, lexicon), stated) + unsourced_days(c, vocabulary, dates))
    }
    restated = restating(
        [c for c in claims if c.doc == draft.id], unsourced, [c for c in claims if c.doc != draft.id],
        CachingEncoder(ready.encoder, store),
        tuned.similarity,
    )
    labelled = label_draft(draft, claims, findings, names, unsourced, restated)
    return Result(documents, claims, tuple(labelled), mode="check", model=ready.encoder.name,
                  compared=compared(), min_confidence=line, model_reason=ready.choice.reason, facts=facts)


#: how many of the source claims that say the opposite of a draft claim's word it is set against
OPPOSITE_PARTNERS = 3


def draft_neighbours(
    aligned: Aligned, group_of: Callable[[Claim], str], rules: Rules, settings: Settings
) -> dict[str, tuple[str, ...]]:
    """Each claim's nearest claims of the other side (from ``settings.neighbour_floor``, or for a claim
    with none from ``settings.check_neighbour_floor``), and the closest few that use the opposite of
    one of its words (``conflicts.opposite_partners``)."""
    claims = aligned.claims
    near = neighbours(claims, aligned.sim, group_of=group_of, k=NEAREST, floor=settings.neighbour_floor,
                      fallback_floor=settings.check_neighbour_floor)
    row = aligned.row
    # a draft's denial of what a source states (a source's denial of a draft's word flags consistent
    # drafts: "not all" in a podcast against a summary's "all")
    by_id = {c.id: c for c in claims}
    denied = {cid: found for cid, found in denial_partners(claims, group_of, rules.lexicon).items()
              if group_of(by_id[cid]) == DRAFT}
    for found in (opposite_partners(claims, group_of, rules.lexicon), denied):
        for cid, partners in found.items():
            closest = sorted(partners, key=lambda p: (-aligned.similarity(cid, p), row[p]))[:OPPOSITE_PARTNERS]
            near[cid] = tuple(dict.fromkeys((*near.get(cid, ()), *closest)))
    return near
