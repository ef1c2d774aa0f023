"""Counts told without a counted noun: one participant named without a number ("a 17-year-old boy
died", "un hombre murió", "killed a 3-year-old boy"), one of the hurt who then died, and a number right
after an event ("killed one and wounded two")."""

from __future__ import annotations

import re

from ..facts import number_value
from ..model import Bound, Claim
from ..rules import Lexicon
from .deeds import Said
from .participants import (
    FIELDS,
    LIST_GAP,
    befell,
    determiners_only,
    events_of,
    joins_next,
    list_gap,
    participants,
    rank_of,
    several_had,
)

__all__ = ["after_event", "singular"]

_BOUNDS: dict[str, Bound] = {"at least": "at_least", "at most": "at_most", "about": "about"}


def singular(claim: Claim, order: int, lexicon: Lexicon) -> list[Said]:
    """One participant where the claim names no number: "a 17-year-old boy died", "un hombre murió",
    "a drive-by that killed a 3-year-old boy", "the shooting death of a child". Not the doer: "a
    gunman killed two people"."""
    events = [e for e in events_of(claim, lexicon) if e[2] in (*FIELDS, "shot")]
    if not events:
        return []
    text = claim.text
    counted = {q.event for q in claim.facts.quantities}
    out = []
    named = participants(text, lexicon)
    for k, m in enumerate(named):
        found = None
        event = None  # the event's own words
        # right after a transitive event, the participant is its object: "killed a 3-year-old boy"
        before = [e for e in events if e[1] <= m.start and determiners_only(text[e[1] : m.start], lexicon)]
        if before:
            found, event = (before[-1][0], m.end, before[-1][2]), before[-1]
        after = next((e for e in events if e[0] >= m.end), None)
        if found is None and after is not None:
            gap = text[m.end : after[0]]
            if len(gap.split()) <= 6 and not re.search(r"[;:()]", gap) and befell(text, gap, after, events, lexicon):
                found, event = (m.start, after[1], after[2]), after
        if found is None or event is None:
            continue
        later = False  # one of the hurt who died later: one of the dead, maybe not all of them
        if found[2] == "injured":
            # hurt, then dead, with no one else named between: "a juvenile injured in a shooting ... has
            # died of his injuries", "was taken to the hospital but ... she died from her injuries"
            until = named[k + 1].start if k + 1 < len(named) else len(text)
            died = next((e for e in events if e[0] >= found[1] and e[2] == "killed" and e[1] <= until
                         and _died(text, e, claim.language, lexicon)), None)
            if died is not None and len(text[found[1] : died[0]].split()) <= 12:
                found, event, later = (found[0], died[1], "killed"), died, True
        # the last of a list whose first members are counted: "four women and one man were shot"
        joins = lexicon.frame.list_joins
        # ("four adults and a 3-year-old were shot": a determiner may follow the join)
        listed = found[0] == m.start and any(
            q.event in (found[2], None) and 0 <= m.start - (q.end - claim.start) <= LIST_GAP
            and (text[q.end - claim.start : m.start].strip(" ,").lower() in joins
                 or list_gap(text[q.end - claim.start : m.start], lexicon))
            for q in claim.facts.quantities)
        if found[2] in counted and not listed:
            continue
        nxt = named[k + 1] if k + 1 < len(named) else None
        joined = joins_next(text, m, nxt, found, lexicon)  # "a woman and a child were shot": one each
        found = (found[0], nxt.end, found[2]) if nxt is not None and joined and found[0] != m.start else found
        value = 2 if joined else 1
        noun = m.noun.lower()
        cls = lexicon.counts.nouns.get(noun) or lexicon.frame.persons.get(noun)
        # one in a condition, no event ("one man is in critical condition", "was taken to the
        # hospital"), is one of the wounded, maybe not all of them: at least one
        condition = found[2] == "injured" and lexicon.counts.event_pattern.search(text, event[0], event[1]) is None
        bound: Bound = "at_least" if (condition or later) and not listed else "exact"
        # the n-th to die says n died ("the death of a fifth man", "a second teen has died"; the n-th
        # hurt is most often the n-th victim, dead or alive), the last of a list or one of all says two
        # at least ("... and a woman were found dead")
        close = found[0] != m.start or len(text[m.end : event[0]].split()) <= 3
        nth = rank_of(text[m.start : m.end], lexicon) if found[2] == "killed" and close else 0
        several = found[0] == m.start and several_had(text[m.end : event[1]], lexicon)
        if (nth > value or (several and not joined)) and not listed:
            value, bound = max(nth, value, 2 if several else 1), "at_least"
        out.append(Said(found[2], cls, value, bound, claim.start + found[0],
                         claim.start + found[1], claim.id, order, claim.quoted, "one", found[0] != m.start))
        counted.add(found[2])
    return out


def _died(text: str, event: tuple[int, int, str], language: str, lexicon: Lexicon) -> bool:
    """Whether a death's words say someone died, of no number before them: "has died", "succumbed"; not
    "killed" (which takes an object) nor "left four dead" (the four's)."""
    if lexicon.frame.outcome_pattern.search(text, event[0], event[1]) is None:
        return False
    before = re.findall(r"[\w-]+", text[max(0, event[0] - 20) : event[0]])
    return not before or number_value(before[-1], language) is None


def after_event(claim: Claim, order: int, lexicon: Lexicon) -> list[Said]:
    """A number right after an event, with no noun of its own: "killed one and wounded two"."""
    counted = {q.event for q in claim.facts.quantities}
    out = []
    for start, end, event in events_of(claim, lexicon):
        if event not in FIELDS or event in counted:
            continue
        m = lexicon.frame.bare_count_pattern.match(claim.text, end)
        if m is None:
            continue
        value = number_value(m.group("n"), claim.language)
        if value is None or not 0 < value < 1000:
            continue
        bound = lexicon.frame.count_bounds.get(re.sub(r"\s+", " ", (m.group("bound") or "").lower()), "exact")
        named = _BOUNDS.get(bound, "exact")
        end = claim.start + m.end()
        out.append(Said(event, None, value, named, claim.start + start, end, claim.id, order, claim.quoted, "bare",
                         True))
        counted.add(event)
    return out
