"""The doer's own death after the deed: one more dead than those the doer killed.

"shot and killed his wife before turning the gun on himself" is two dead, as is "A man shot and
killed his wife ... He then shot himself" told in two claims, where the document's total is that
deed. Not where an event did the killing ("a shooting that killed a child": no doer to die), nor
after an attempt ("then tried to take her own life").

The doer may die at others' hands too: a death told in the passive of the deed's own subject
("killing a man ... before being killed by a SWAT officer"), or of the doer named by their role
("The shooter was killed", "the gunman, who was shot dead by police"): the structure says whose
death it is, not a list of phrases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Bound, Claim
from ..rules import Lexicon
from .participants import events_of, passive_from

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
    by_id = {c.id: c for c in claims}
    # a figure some statement gives as a total ("three people, including the gunman") has the doer in it
    totals = {s.value for s in said if s.event == "killed" and lexicon.compare.totals.search(
        by_id[s.claim].text, s.end - by_id[s.claim].start) is not None}
    deeds = [s for s in said if s.event == "killed" and s.done_to and s.bound == "exact" and s.value not in totals]
    out = []
    for claim in claims:
        deaths = [(m.start(), m.end(), False) for m in words.own_death_pattern.finditer(claim.text)]
        for start, end, subject_of_deed in deaths + _at_others_hands(claim, lexicon):
            if tried_before(claim.text, start, lexicon):
                continue  # "then tried to take her own life"
            here = [s for s in deeds if s.claim == claim.id and s.end <= claim.start + start]
            if here:
                out.append((here[-1], claim.start + end, True))
            elif not subject_of_deed:
                out += [(s, claim.start + end, False) for s in deeds if s.claim != claim.id
                        and _by_a_doer(claims, s, lexicon)]
    return out


#: how far before a death its subject, an aside about them and the passive are read, in characters
_REACH = 200


def _at_others_hands(claim: Claim, lexicon: Lexicon) -> list[tuple[int, int, bool]]:
    """The doer's deaths a claim tells in the passive (or with a verb that takes no object), as (start,
    end, whether the deed's own subject died) in claim offsets: after "being", the subject of the
    clause, who did the deed of the claim ("killing a man ... before being killed by police"); else
    the one named by the doer's role right before it, past a relative pronoun or an aside set off by
    commas ("The shooter was killed", "the suspect, an unidentified man, was shot and killed")."""
    out = []
    for start, end, event in events_of(claim, lexicon):
        if event != "killed":
            continue
        # the doer, an aside and the passive stand close before it: a word the window cuts is left out
        cut = max(0, start - _REACH)
        tokens = [m.group().lower() for m in re.finditer(r"[^\W\d_][\w'’-]*|,", claim.text[cut:start])]
        tokens = tokens[1:] if cut else tokens
        k = passive_from(tokens, lexicon)
        told = claim.text[start:end].lower()
        if k == len(tokens) and told not in lexicon.frame.intransitive:
            continue  # the active voice: someone did it ("the gunman killed two")
        if k < len(tokens) and tokens[k] == "being":
            out.append((start, end, True))  # "... before being fatally shot by police"
            continue
        if k >= 2 and tokens[k - 1] in lexicon.speakers.relative_pronouns and tokens[k - 2] == ",":
            k -= 2  # "the gunman, who was killed by police"
        elif k and tokens[k - 1] == ",":
            aside = [n for n in range(max(0, k - 9), k - 1) if tokens[n] == ","]
            k = aside[-1] if aside else k  # "the suspect, an unidentified man, was shot and killed"
        if k and _a_doer_named(tokens[:k], lexicon):
            out.append((start, end, False))
    return out


def _a_doer_named(tokens: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether the words end in one doer named by their role, with a determiner of one within three
    words before it ("the shooter", "a suspect", "the heavily armed gunman"), not several ("gunmen")."""
    if tokens[-1] not in lexicon.frame.doers:
        return False
    return any(word in lexicon.compare.determiners for word in tokens[-4:-1])


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
    # the total counts the deed's dead: the deed itself, or a count of as many of the same class
    if any(s == killed or (s.value, s.cls) == (killed.value, killed.cls) for s, _, one in deaths if not one):
        return Said(killed.event, None, killed.value + 1, "exact", killed.start, killed.end, killed.claim,
                    killed.order, killed.quoted, "derived")
    return killed
