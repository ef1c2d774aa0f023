"""Polarity: a word one claim denies ("was not arrested", "no one was arrested", "nunca") that the
other affirms, unless the denial is advice, a duty, a condition, a change or another time."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..memo import read_once
from ..model import Claim, Tally
from ..numbers import Unit, units
from ..rules import Lexicon
from .pair import Clash, Opcode, Pair, alike, claim_text, content_word

__all__ = ["compare_polarity", "denial_partners", "denials"]


def denials(claim: Claim, us: list[Unit], lexicon: Lexicon) -> list[tuple[int, int]]:
    """(negation index, index of the word it denies) for each negation in the claim."""
    spared = _phrase_spans(claim, lexicon.compare.not_negations) + _phrase_spans(claim, lexicon.compare.directives)
    out = []
    for k, u in enumerate(us):
        if not (u.zero or (not u.number and (lexicon.counts.negation.fullmatch(u.key) or _denies(us, k, lexicon)))):
            continue
        if u.zero and not lexicon.counts.event_pattern.search(claim.text, u.end - claim.start):
            continue  # "sin problemas", "none of the above": nobody is said to have been hurt or held
        if any(s <= u.start < e for s, e in spared):
            continue
        if _hedged(us, k, lexicon):
            continue
        for m in range(k + 1, min(len(us), k + 6)):
            if us[m].after_break:
                break
            if content_word(us[m], lexicon):
                if us[m].key not in lexicon.compare.deontic:  # "no debe manipular"
                    out.append((k, m))
                break
    return out


def _advised(us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the denial at ``k`` is advice or a duty, not a fact: a word of advice or duty in
    the three words before it in its clause ("should not", "try your best not to"), or a "don't"
    that opens its clause ("don't be a victim")."""
    for m in range(k - 1, max(-1, k - 4), -1):
        if us[m].key in lexicon.compare.deontic:
            return True
        if us[m].after_break:
            break
    opener = k - 1 if k and us[k - 1].key == "do" else -1  # "don't" reads as "do" "n't"
    return opener >= 0 and (opener == 0 or us[opener].after_break) and not us[k].after_break


def _conditional(us: list[Unit], k: int, lexicon: Lexicon, reach: int = 8, after: int = 4) -> bool:
    """Whether the denial at ``k`` is under a condition: a word of condition earlier in its clause,
    within ``reach`` words ("if people are not aware of themselves"), or right after what it
    denies, within ``after`` words ("you couldn't use it if your life depended on it")."""
    for m in range(k - 1, max(-1, k - 1 - reach), -1):
        if us[m].key in lexicon.compare.conditionals:
            return True
        if us[m].after_break:
            break
    for m in range(k + 1, min(len(us), k + 2 + after)):
        if us[m].after_break:
            break
        if us[m].key in lexicon.compare.conditionals:
            return True
    return False


def _hedged(us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the denial at ``k`` states no fact: advice, a duty or a condition."""
    return _advised(us, k, lexicon) or _conditional(us, k, lexicon)


def _phrase_spans(claim: Claim, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Document spans of the phrases ``pattern`` finds in the claim."""
    return [(m.start() + claim.start, m.end() + claim.start) for m in pattern.finditer(claim.text)]


def _hedged_words(claim: Claim, us: list[Unit], lexicon: Lexicon) -> set[int]:
    """Indices of the words inside the clause of a denial that states no fact ("don't be a silent
    victim", "if they are not aware", "urged them not to travel"): the claim neither states nor
    denies them."""
    directed = _phrase_spans(claim, lexicon.compare.directives)
    cues = [(k, k) for k, u in enumerate(us)
            if not u.number and lexicon.counts.negation.fullmatch(u.key)
            and (_hedged(us, k, lexicon) or any(s <= u.start < e for s, e in directed))]
    return _denied(us, cues)


def _denies(us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the word at ``k`` is a predicate that denies what follows it, with its link word
    right after it where it needs one: "failed to show", "lack of impact", "carece de fondos"."""
    links = lexicon.compare.negative_predicates.get(us[k].key)
    if not links:
        return False
    if "" in links:
        return True
    return k + 1 < len(us) and us[k + 1].key in links and not us[k + 1].after_break


def _denied(us: list[Unit], cues: list[tuple[int, int]]) -> set[int]:
    """Indices of the words inside a negation's clause."""
    out: set[int] = set()
    for k, _ in cues:
        for m in range(k + 1, len(us)):
            if us[m].after_break:
                break
            out.add(m)
    return out


def _denied_stated(
    claim: Claim, us: list[Unit], m: int, vs: list[Unit], denied: set[int], lexicon: Lexicon, reach: int = 5
) -> tuple[int, int] | None:
    """Where the other claim states, in that order and not denied, the content words that follow a
    denied predicate (``us[m]``) right after it: at least two of them, side by side or one word apart
    ("don't care about Bob Ross" denies caring, not Bob Ross).
    The phrase ends at any mark between words (a clause break, a closing quote: "Hugs, Not Bullets”
    By Hunting Down" denies no hunting)."""
    words: list[str] = []
    for n in range(m + 1, min(len(us), m + 1 + reach)):
        between = claim.text[us[n - 1].end - claim.start : us[n].start - claim.start]
        if us[n].after_break or between.strip():
            break
        if not content_word(us[n], lexicon):
            # the phrase right after the predicate: "not including a share repurchase program",
            # "no incluye un programa de recompra"
            # ("un" reads as the number one, and is an article as well)
            if us[n].text.lower() in (lexicon.counts.between if words else lexicon.compare.determiners):
                continue
            break
        if len(us[n].key) >= 3:
            words.append(us[n].key)
    if len(words) < 2:
        return None
    for n in range(len(vs) - 1):
        if n in denied or not alike(words[0], vs[n].key, lexicon):
            continue
        for gap in (1, 2):
            if n + gap < len(vs) and n + gap not in denied and alike(words[1], vs[n + gap].key, lexicon):
                return n, n + gap
    return None


def _stopped(claim: Claim, us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the denial at ``k`` says that something has stopped: a change marker ("anymore",
    "no longer", "ya no") in its clause."""
    start = us[k - 1].start if k and not us[k].after_break else us[k].start  # "ya no": the word before
    end = next((us[m - 1].end for m in range(k + 1, len(us)) if us[m].after_break), us[-1].end)
    return bool(lexicon.compare.change_markers.search(claim.text[start - claim.start : end - claim.start]))


def _in_past(claim: Claim, us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the claim puts the word at ``k`` in the past: a past marker ("once", "from being")
    before it in the claim ("pigeons were once used as messengers ... and commonly eaten")."""
    return bool(lexicon.compare.past_markers.search(claim.text[: us[k].start - claim.start]))


def _in_change(ops: list[Opcode], side: int, index: int) -> bool:
    for tag, i1, i2, j1, j2 in ops:
        lo, hi = (i1, i2) if side == 0 else (j1, j2)
        if tag != "equal" and lo <= index < max(hi, lo + 1):
            return True
    return False


def compare_polarity(pair: Pair, lexicon: Lexicon, tally: Tally) -> list[Clash]:
    a, b, ua, ub, ops, ratio = pair.a, pair.b, pair.ua, pair.ub, pair.ops, pair.ratio
    sides = ((a, ua, b, ub, 0), (b, ub, a, ua, 1))
    cues = {0: read_once("cues", a, lexicon, lambda: denials(a, ua, lexicon)),
            1: read_once("cues", b, lexicon, lambda: denials(b, ub, lexicon))}
    # the other claim's words under a denial, stated or hedged ("don't be a silent victim"), are not
    # stated outright
    denied = {0: read_once("denied", a, lexicon, lambda: _denied(ua, cues[0]) | _hedged_words(a, ua, lexicon)),
              1: read_once("denied", b, lexicon, lambda: _denied(ub, cues[1]) | _hedged_words(b, ub, lexicon))}
    for claim, us, other, vs, side in sides:
        for k, m in cues[side]:
            tally.negations += 1
            if any(v.zero for v in vs):
                continue  # both say "no one": the same denial, worded differently
            predicate = us[m].key
            hits = [n for n, v in enumerate(vs) if not v.number and alike(predicate, v.key, lexicon)]
            if not hits or all(n in denied[1 - side] for n in hits):
                # the predicate is worded otherwise: what it denies ("not including a share
                # repurchase program") stated outright by the other claim ("our share repurchase program")
                found = _denied_stated(claim, us, m, vs, denied[1 - side], lexicon)
                if found is None:
                    continue
                (first, last), strength = found, 0.5
            else:
                first = last = next(n for n in hits if n not in denied[1 - side])
                strength = 0.9 if _in_change(ops, side, k) and ratio >= 0.6 else 0.65 if ratio >= 0.4 else 0.5
            if strength < 0.9 and (_stopped(claim, us, k, lexicon) or _in_past(other, vs, first, lexicon)):
                continue  # "we don't eat them anymore" / "pigeons were once eaten": another time
            neg_span, aff_span = (us[k].start, us[m].end), (vs[first].start, vs[last].end)
            neg_text, aff_text = claim_text(claim, neg_span), claim_text(other, aff_span)
            if side == 0:
                values, spans = (neg_text, aff_text), (neg_span, aff_span)
            else:
                values, spans = (aff_text, neg_text), (aff_span, neg_span)
            return [Clash("polarity", "Negation", values, spans, strength)]
    return []


def denial_partners(
    claims: Sequence[Claim], group_of: Callable[[Claim], str], lexicon: Lexicon,
) -> dict[str, tuple[str, ...]]:
    """Each claim's claims of other groups that state, not denied, a word it denies, in any of its forms:
    "it has not shifted from prototyping to the delivery phase" / "is now shifting into the delivery
    phase". As with opposite words, a draft's sentence is not always lined up with the source sentence
    it denies, so ``check`` compares these pairs too."""
    read = {c.id: units(c, lexicon) for c in claims}
    denied: dict[str, set[str]] = {}
    stated: dict[str, set[str]] = {}
    for c in claims:
        us = read[c.id]
        cues = denials(c, us, lexicon)
        denied[c.id] = {us[m].key for _, m in cues}
        inside = _denied(us, cues)
        stated[c.id] = {u.key for k, u in enumerate(us) if k not in inside and content_word(u, lexicon)}
    out: dict[str, tuple[str, ...]] = {}
    for c in claims:
        if not denied[c.id]:
            continue
        found = tuple(d.id for d in claims if group_of(d) != group_of(c) and any(
            alike(w, x, lexicon) for w in denied[c.id] for x in stated[d.id]))
        if found:
            out[c.id] = found
    return out

