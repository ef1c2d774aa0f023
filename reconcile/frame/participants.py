"""Who an event befell where a claim names them without a figure: the events a claim names (its
facts' and the frame's own status words), one participant each ("a 17-year-old boy", "un hombre"),
and whether a participant did the event or had it done to them ("a gunman killed two people" /
"a man was shot and killed")."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..facts import takes_object
from ..model import Claim
from ..rules import Lexicon

__all__ = ["FIELDS", "LIST_GAP", "Participant", "befalls_who_follows", "befell", "by_severity", "determiners_only",
           "events_of", "is_object", "joins_next", "list_gap", "listed_before", "participants", "passive_from",
           "rank_of", "several_had", "statuses_only", "tells_of_event"]

#: the counted fields
FIELDS = ("killed", "injured", "arrested")


def tells_of_event(claim: Claim, lexicon: Lexicon) -> bool:
    """Whether a claim tells of the event itself: an event of ``facts`` or a word of the incident
    ("shooting", "balacera"); its date and its place are then the event's."""
    return bool(claim.facts.events) or lexicon.frame.incident_pattern.search(claim.text) is not None


#: the last word of a status phrase that names whom it befell right after it ("the death of", "la muerte de")
_OF = frozenset({"of", "de", "del"})


def befalls_who_follows(phrase: str) -> bool:
    """Whether a status phrase befalls who is named right after it ("the homicide of a 3-year-old girl",
    "the death of Amorian Hale"), not someone named before it ("Two suspects in the homicide of")."""
    words = phrase.lower().split()
    return bool(words) and words[-1] in _OF


def events_of(claim: Claim, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """The events the claim names, as (start, end, event) in claim offsets: those of ``facts`` and
    what the frame's statuses add ("the shooting death of", "was pronounced dead")."""
    found: dict[tuple[int, int], str] = {}
    for m in lexicon.frame.status_pattern.finditer(claim.text):
        status = lexicon.frame.statuses[re.sub(r"\s+", " ", m.group().lower())]
        if status in FIELDS:
            found[m.start(), m.end()] = status
    # the statuses' spans, in order and apart (one ``finditer``): an event inside one is the status's
    starts = [s for s, _ in found]
    ends = [e for _, e in found]
    for m in lexicon.counts.event_pattern.finditer(claim.text):
        event = lexicon.counts.events[re.sub(r"\s+", " ", m.group().lower())]
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or not m.start() < ends[k]:
            found[m.start(), m.end()] = event
    return sorted((s, e, event) for (s, e), event in found.items())


#: an age that stands for a person ("3-year-old shot in South Toledo"), or describes the noun after it
_AGE_NOUN = re.compile(r"(?<![\w-])\d{1,3}[- ]years?[- ]old(?:\s+(?P<noun>[^\W\d_]+))?")


class Participant(NamedTuple):
    """One participant named without a number: their words and the noun (or age) naming them."""

    start: int
    end: int
    noun: str


def participants(text: str, lexicon: Lexicon) -> list[Participant]:
    """One participant each: "a 17-year-old boy", "un hombre", "his uncle", and an age standing for a
    person with no article before it ("3-year-old shot in South Toledo")."""
    out = [Participant(m.start(), m.end(), m.group("noun")) for m in lexicon.frame.singular_pattern.finditer(text)]
    out += _sharing_determiner(text, out, lexicon)
    for m in _AGE_NOUN.finditer(text):
        if any(p.start <= m.start() < p.end for p in out):
            continue
        noun = (m.group("noun") or "").lower()
        if noun in lexicon.frame.persons or (noun in lexicon.counts.nouns and not noun.endswith("s")):
            out.append(Participant(m.start(), m.end(), noun))
        else:  # the age alone names the person; the word after it is not theirs
            out.append(Participant(m.start(), m.end() if m.group("noun") is None else m.start("noun") - 1, "person"))
    return sorted(out, key=lambda p: p.start)


_NEXT_WORDS = re.compile(r"\s*(\S+)\s+([^\W\d_]+)")


def _sharing_determiner(text: str, found: list[Participant], lexicon: Lexicon) -> list[Participant]:
    """A person named by a bare noun listed right after one participant, whose determiner it shares:
    "his father and brother" (his brother), "a mother and daughter"."""
    persons = lexicon.frame.persons
    out = []
    for p in found:
        m = _NEXT_WORDS.match(text, p.end)
        if m and list_gap(m.group(1), lexicon) and m.group(2).lower() in persons and not m.group(2).endswith("s"):
            out.append(Participant(m.start(2), m.end(2), m.group(2).lower()))
    return out


def listed_before(claim: Claim, at: int, lexicon: Lexicon) -> Participant | None:
    """The one participant listed right before the count at document offset ``at``, joined to it as the
    first of one list ("left a father and two children dead", "killed his wife and three children"),
    in claim offsets; None where there is none."""
    named = participants(claim.text, lexicon)
    return next((p for p in named if list_gap(claim.text[p.end : at - claim.start], lexicon)), None)


def joins_next(
    text: str, p: Participant, nxt: Participant | None, found: tuple[int, int, str], lexicon: Lexicon
) -> bool:
    """Whether the next participant is listed with ``p`` as one, ``found`` being the span of ``p`` and its
    event: before the event ("a woman and a child were shot"), or as the object of the event before
    them ("killed a woman and her daughter")."""
    if nxt is None:
        return False
    if found[0] == p.start:
        return nxt.end <= found[1] and text[p.end : nxt.start].strip().lower() in lexicon.frame.list_joins
    return list_gap(text[p.end : nxt.start], lexicon)


#: the longest run of characters between two members of one list ("and", ", and her", "as well as their")
LIST_GAP = 40


def list_gap(gap: str, lexicon: Lexicon) -> bool:
    """Whether the words between two participants join them as one list: "and", "and her" ("a Gentilly
    woman and her two boys"); not a comma alone, nor a stretch of words (``LIST_GAP``)."""
    if len(gap) > LIST_GAP:
        return False
    words, joins = gap.split(), lexicon.frame.list_joins - {","}
    return any(" ".join(words[:k]).lower() in joins and determiners_only(" ".join(words[k:]), lexicon)
               for k in range(1, len(words) + 1))


def statuses_only(claim: Claim, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """What the frame's own words say befell people in the claim ("sent ... to the hospital"), as
    (start, end, event) in claim offsets; not the events of ``facts``."""
    events = lexicon.counts.event_pattern
    out = []
    for m in lexicon.frame.status_pattern.finditer(claim.text):
        status = lexicon.frame.statuses[re.sub(r"\s+", " ", m.group().lower())]
        if status in FIELDS and not events.fullmatch(m.group()):
            out.append((m.start(), m.end(), status))
    return out


def determiners_only(gap: str, lexicon: Lexicon) -> bool:
    """Whether nothing but a determiner stands between an event and a participant ("killed an
    11-year-old", "killed his 3-year-old son"); "no" is no determiner of an object."""
    return all(w in lexicon.compare.determiners and w != "no" for w in gap.lower().split())


def befell(text: str, gap: str, event: tuple[int, int, str], events: list[tuple[int, int, str]],
            lexicon: Lexicon) -> bool:
    """Whether an event after a participant happened to them: a passive ("was shot", "fue baleado"),
    an event that takes no object ("died"), or one with no object after it ("a man was shot and
    killed Friday"; not "a man shot and killed his wife")."""
    if lexicon.counts.negation.search(gap):
        return False  # "her daughter was not injured", "no resultó herido": it did not befall them
    words = {w.lower() for w in gap.split()}
    if words & lexicon.frame.passive:
        return True
    if text[event[0] : event[1]].lower() in lexicon.frame.intransitive:
        return True
    end = event[1]
    for later in events:  # "shot and killed": the object follows the last of a chain
        if later[0] > end and text[end : later[0]].strip().lower() in ("and", "y", ","):
            end = later[1]
    return not takes_object(text, end, lexicon)


def by_severity(claim: Claim, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the words right after a count say how badly those counted were hurt before they say they
    were ("11 victims had non-life threatening injuries", "two were critically wounded", "two in critical
    condition"): a part of the hurt. Not "3 injured suffered minor wounds" (counted as injured first),
    "four were injured, one critically" (the part is another count), nor "all five victims are in stable
    condition" (all of them)."""
    words = lexicon.frame
    before = claim.text[max(0, start - claim.start - 12) : start - claim.start].lower().split()
    if before and before[-1] in words.whole:
        return False
    after = re.split(r"[,;:()]", claim.text[end - claim.start :], maxsplit=1)[0]
    after = " ".join(after.split()[:8])
    severity, hurt = words.severity_pattern.search(after), words.injury_pattern.search(after)
    return severity is not None and (hurt is None or severity.start() <= hurt.start())


def rank_of(words: str, lexicon: Lexicon) -> int:
    """The rank a participant's words give ("a fifth man": 5; "a second teen": 2), or 0."""
    ranks = [lexicon.compare.ordinals.get(w, 0) for w in re.findall(r"[^\W\d_]+", words.lower())]
    return max(ranks, default=0)


def several_had(words: str, lexicon: Lexicon) -> bool:
    """Whether the words between one participant and an event (the event's own included) say several
    had it: "were", "all", "fueron", "murieron"."""
    return bool(lexicon.frame.plural & set(re.findall(r"[^\W\d_]+", words.lower())))


def passive_from(words: list[str], lexicon: Lexicon) -> int:
    """Where the passive's words ("was", "has been", "fue") that end ``words`` (lower case) begin: the
    index of the first of them, ``len(words)`` where none ends it."""
    k = len(words)
    while k and words[k - 1] in lexicon.frame.passive:
        k -= 1
    return k


def is_object(claim: Claim, at: int, lexicon: Lexicon) -> bool:
    """Whether what starts at ``at`` (claim offsets) is the object of the event word right before it,
    with nothing but a determiner or a bound between: "killed two people", "killed at least three"."""
    before = [e for e in events_of(claim, lexicon) if e[1] <= at]
    if not before:
        return False
    gap = claim.text[before[-1][1] : at].lower()
    return determiners_only(gap, lexicon) or gap.strip() in lexicon.frame.count_bounds
