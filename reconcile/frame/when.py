"""The day of the event a document reports, resolved against the document's own date.

The first claim that tells of the event (it names one of the lexicon's events, or a word of a
shooting) and gives a date that resolves to a day: "Friday night" in an article dated Saturday,
"May 23" (the year from the article's date, or the latest year it names, and not after that date),
"on April 20, 2016". A weekday with no date to resolve it against says no day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..facts import latest_year
from ..model import Claim, DateMention, Document, Stated
from ..rules import Lexicon

__all__ = ["read_date"]


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


def _tells_of_event(claim: Claim, lexicon: Lexicon) -> bool:
    return bool(claim.facts.events) or lexicon.frame.incident_pattern.search(claim.text) is not None


def read_date(document: Document, claims: Sequence[Claim], lexicon: Lexicon) -> Stated | None:
    """The event's day, ISO, with the words it was read from; None where the document does not say."""
    today = document.date
    year = today.year if today is not None else latest_year(document.text)
    for claim in claims:
        if not claim.facts.dates or not _tells_of_event(claim, lexicon):
            continue
        for mention in claim.facts.dates:
            day = _day(mention, today, year)
            if day is None or (today is not None and day > today):
                continue
            return Stated(day.isoformat(), document.text[mention.start : mention.end], mention.start, mention.end,
                          claim.id)
    return None
