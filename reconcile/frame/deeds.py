"""The doer's own death after the deed: one more dead than those the doer killed.

"shot and killed his wife before turning the gun on himself" is two dead, as is "A man shot and
killed his wife ... He then shot himself" told in two claims, where the document's total is that
deed. Not where an event did the killing ("a shooting that killed a child": no doer to die), nor
after an attempt ("then tried to take her own life").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Bound, Claim
from ..rules import Lexicon

__all__ = ["Said", "tried_before", "with_own_death"]


@dataclass(frozen=True)
class Said:
    """One statement of a count: the event, the class counted, the figure and where it was read."""

    event: str
    cls: str | None
    value: int
    bound: Bound
    start: int
    end: int
    claim: str
    order: int
    #: said inside a quotation (a tweet, a statement quoted word for word): another voice than the document's
    quoted: bool
    #: how it was read: "count" (a number and its noun), "bare" (a number after an event), "one"
    #: (one participant named without a number), "fatal" (the dead among the shot)
    kind: str = "count"
    #: those counted are the object of the event's verb: someone did it to them ("killed his wife",
    #: "killing three"), not they who had it ("three died")
    done_to: bool = False


def tried_before(text: str, at: int, lexicon: Lexicon) -> bool:
    """Whether a word of attempt stands among the three words before ``at``: what follows was only tried
    ("then tried to take her own life", "attempted murder")."""
    return bool(lexicon.frame.attempts & set(text[max(0, at - 30) : at].lower().split()[-3:]))


def _own_deaths(claims: Sequence[Claim], said: Sequence[Said], lexicon: Lexicon) -> list[tuple[Said, int, bool]]:
    """The doer's own death after the deed, with those the deed killed: each claim that says the doer
    died by their own hand ("before turning the gun on himself"), as (the victims' count, where the
    doer's death ends, whether one claim says both). In one claim, the count is the deed told before
    it ("shot and killed his infant daughter before ..."); in a claim of its own ("He then shot
    himself"), every deed the document tells of, for the total to be matched against."""
    words = lexicon.frame
    deeds = [s for s in said if s.event == "killed" and s.done_to and s.bound == "exact"]
    out = []
    for claim in claims:
        for m in words.own_death_pattern.finditer(claim.text):
            if tried_before(claim.text, m.start(), lexicon):
                continue  # "then tried to take her own life"
            here = [s for s in deeds if s.claim == claim.id and s.end <= claim.start + m.start()]
            if here:
                out.append((here[-1], claim.start + m.end(), True))
            else:
                out += [(s, claim.start + m.end(), False) for s in deeds if s.claim != claim.id
                        and _by_a_doer(claims, s, lexicon)]
    return out


def _by_a_doer(claims: Sequence[Claim], deed: Said, lexicon: Lexicon) -> bool:
    """Whether someone did the deed, not an event: the word before its verb (a relative pronoun aside)
    is no word of the incident ("a shooting that killed a child", "shooting kills 2")."""
    claim = next(c for c in claims if c.id == deed.claim)
    words = re.findall(r"[^\W\d_][\w'’-]*", claim.text[: deed.start - claim.start].lower())
    while words and words[-1] in lexicon.speakers.relative_pronouns:
        words.pop()
    return not words or lexicon.frame.incident_pattern.fullmatch(words[-1]) is None


def with_own_death(killed: Said, claims: Sequence[Claim], said: Sequence[Said], lexicon: Lexicon) -> Said:
    """The total of the dead ``killed`` (exact, read as such), with the doer's own death where the
    document tells it after the deed: quoting deed and death where one claim says both, derived from
    the deed where another claim tells the death."""
    deaths = _own_deaths(claims, said, lexicon)
    deed = next(((s, end) for s, end, one in deaths if one and s.value == killed.value), None)
    if deed is not None:
        s, end = deed
        return Said("killed", None, killed.value + 1, "exact", s.start, end, s.claim, s.order, s.quoted, s.kind)
    if any(s == killed for s, _, one in deaths if not one):
        return Said(killed.event, None, killed.value + 1, "exact", killed.start, killed.end, killed.claim,
                    killed.order, killed.quoted, "derived")
    return killed
