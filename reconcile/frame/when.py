"""The day of the event a document reports, resolved against the document's own date.

The first claim that tells of the event (it names one of the lexicon's events, or a word of a
shooting) and gives a date that resolves to a day: "Friday night" in an article dated Saturday,
"May 23" (the year from the article's date, or the latest whole date it writes, and not after it),
"on April 20, 2016". A weekday with no date to resolve it against says no day. A date counts only
where the predicate nearest it is the incident's (a shooting, a death, an injury), not a later step
(an arrest, a charge, the courts) or a statement: "were charged Tuesday in the May 31 death" gives
May 31.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..conflicts import predicate_at
from ..model import WEEKDAYS, Claim, DateMention, Document, Stated
from ..rules import Lexicon
from .participants import passive_from, tells_of_event

__all__ = ["part_of_day", "read_date", "read_weekday"]

_WORD = re.compile(r"\w+")


def _day(mention: DateMention, today: dt.date | None, year: int | None) -> dt.date | None:
    """The day a mention names, or None: a month and a day resolve with the year given or assumed."""
    if mention.month is None or mention.day is None:
        return None
    if mention.year is not None:
        year_of = mention.year
    elif today is not None:
        # "May 23" in an article of May 25, 2014 is 2014's; in one of January 2015, 2014's
        year_of = today.year if (mention.month, mention.day) <= (today.month, today.day) else today.year - 1
    elif year is not None:
        year_of = year
    else:
        return None
    try:
        return dt.date(year_of, mention.month, mention.day)
    except ValueError:
        return None


def _of_the_event(text: str, claim: Claim, mention: DateMention, lexicon: Lexicon) -> bool:
    """Whether the predicate nearest the date in its claim is the incident's (a word of the incident, a
    death, an injury) rather than what came after it: an arrest, a charge, a court, a statement ("were
    charged Tuesday in the May 31 death": Tuesday is the charge's, May 31 the death's). A date under a
    word of another span of time ("since Aug. 1, 1966") is no event's day."""
    words = lexicon.frame
    start = claim.start
    body = text[start : claim.end]
    lead = body[max(0, mention.start - start - 20) : mention.start - start]
    if lexicon.counts.scope.search(lead):
        return False
    near: list[tuple[int, bool]] = []  # (distance, harm) of every predicate word in the claim

    def distance(a: int, b: int) -> int:
        return max(mention.start - (start + b), (start + a) - mention.end, 0)

    for pattern in (words.incident_pattern, words.death_pattern, words.injury_pattern):
        near += [(distance(m.start(), m.end()), True) for m in pattern.finditer(body)]
    for m in words.status_pattern.finditer(body):
        if words.statuses.get(m.group().lower()) in ("arrested", "charged"):
            near.append((distance(m.start(), m.end()), False))
    near += [(distance(m.start(), m.end()), False) for m in words.later_pattern.finditer(body)]
    verbs = lexicon.speakers.attribution_verbs
    near += [(distance(m.start(), m.end()), _incident_reported(body, m.start(), lexicon))
             for m in _WORD.finditer(body) if m.group().lower() in verbs]
    if not near:
        return True
    return min(near, key=lambda dn: (dn[0], not dn[1]))[1]


#: how far before a verb of saying its passive and the word of the incident are looked for, in characters
_REACH = 80


def _incident_reported(body: str, at: int, lexicon: Lexicon) -> bool:
    """Whether the verb of saying at ``at`` is said of the incident itself, in the passive ("The shooting
    was reported around 1:40 a.m. Wednesday", "shots were reported Friday"): the time the incident was
    reported, not a later statement. The words between are the passive's alone, with no mark."""
    cut = max(0, at - _REACH)
    words = body[cut:at].lower().split()[1 if cut else 0 :]  # the words right before it, whole
    k = passive_from(words, lexicon)
    return 0 < k < len(words) and lexicon.frame.incident_pattern.fullmatch(words[k - 1]) is not None


def part_of_day(text: str, start: int, end: int, lexicon: Lexicon) -> str:
    """Where in its day the words around a date put the time: "late" ("Friday night", "late Friday"),
    "early" ("early Saturday", "1:30 a.m. Saturday"), or ""."""
    before = re.findall(r"[\w.-]+", text[max(0, start - 16) : start])
    after = re.findall(r"[\w.-]+", text[end : end + 16])
    words = {w.lower().strip(".") for w in before[-1:] + after[:1]}
    late, early = words & lexicon.frame.late_in_day, words & lexicon.frame.early_in_day
    return "late" if late and not early else "early" if early and not late else ""


def read_weekday(document: Document, claims: Sequence[Claim], lexicon: Lexicon) -> Stated | None:
    """The day of the week of the event, where the document gives it and no date resolves it ("Friday
    evening" in an article with no date of its own): value the weekday's English name. The first one a
    claim that tells of the event gives beside a word of the incident itself, not beside a death that
    may come days later ("died Sunday of his injuries") nor what came after (an arrest, a statement)."""
    for claim in claims:
        if not claim.facts.dates or not tells_of_event(claim, lexicon):
            continue
        for mention in claim.facts.dates:
            if mention.weekday is None or mention.month is not None:
                continue
            # the verb the weekday is said of, from the parse: "she was shot ... Friday evening", not
            # "police identified on Tuesday a man gunned down", "a search was under way Thursday"
            verb = predicate_at(claim, mention.start)
            words = lexicon.frame
            if verb is None or words.outcome_pattern.fullmatch(verb) or not any(
                    p.fullmatch(verb) for p in (words.incident_pattern, words.death_pattern, words.injury_pattern)):
                continue
            return Stated(WEEKDAYS[mention.weekday], document.text[mention.start : mention.end], mention.start,
                          mention.end, claim.id)
    return None


#: a day more than this many days before the document's own (given, or the latest whole date it
#: writes) is another, earlier event told as background, unless the document reports a later stage
#: of the story (the courts), which is written long after its event
_BACKGROUND_DAYS = 60


def read_date(document: Document, claims: Sequence[Claim], lexicon: Lexicon) -> Stated | None:
    """The event's day, ISO, with the words it was read from; None where the document does not say."""
    today = document.date
    if today is None:
        # with no date of its own, an article is no older than the latest whole date it writes ("Posted
        # on February 13, 2014"): a month and a day take their year from it; a year alone says nothing
        written = [_day(m, None, m.year) for c in claims for m in c.facts.dates
                   if m.year is not None and m.weekday is None]
        today = max((d for d in written if d is not None), default=None)
    year = today.year if today is not None else None
    # a later stage of the story (the courts, charges brought) is written long after its event: there
    # the latest day of the event it tells of is its own, an older one background; elsewhere the first
    # day not long before the document's own
    words = lexicon.frame
    later = any(words.later_pattern.search(c.text) or any(
        words.statuses.get(m.group().lower()) == "charged" for m in words.status_pattern.finditer(c.text)
    ) for c in claims)
    found: list[tuple[dt.date, Stated]] = []
    told = [c for c in claims if c.facts.dates and tells_of_event(c, lexicon)]
    # the weekdays the document gives its event where it says no more ("8:50 p.m. Wednesday night"),
    # wherever it gives them: a whole date on another weekday is another event's ("on May 3, 2011", a
    # Tuesday, written above "shortly before 9 p.m. Wednesday")
    weekdays = {m.weekday for c in told for m in c.facts.dates
                if m.weekday is not None and m.month is None and _day(m, today, year) is None
                and _of_the_event(document.text, c, m, lexicon)}
    for claim in told:
        for mention in claim.facts.dates:
            day = _day(mention, today, year)
            if day is None or (today is not None and day > today):
                continue
            if weekdays and day.weekday() not in weekdays:
                continue
            if today is not None and not later and (today - day).days > _BACKGROUND_DAYS:
                continue  # "were shot to death in Libby Lake Park on May 3, 2011", in a report of 2013
            if not _of_the_event(document.text, claim, mention, lexicon):
                continue
            stated = Stated(day.isoformat(), document.text[mention.start : mention.end], mention.start, mention.end,
                            claim.id)
            if not later:
                return stated
            found.append((day, stated))
    return max(found, key=lambda ds: ds[0])[1] if found else None
