"""Claim -> typed slots: counts (value, bound, counted noun, its class, the event), dates, names, negation.

Number words go through number-parser ("eight", "dos", "veintiún"); every other word comes from
the lexicon in ``rules/``. ``numerals`` reads numbers, ``counts`` what they count and for which
event, ``dates`` and ``names`` the rest; ``read`` puts one claim's facts together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..model import Facts, Quantity, Span
from ..rules import Lexicon
from .counts import MAX_COUNT, Count, contrasts, event_for, find_counts, takes_object
from .dates import YEAR, dates_in, latest_year
from .names import names_in
from .numerals import Token, number_value, read_number, tokens

__all__ = [
    "MAX_COUNT", "Count", "Token", "find_counts", "latest_year", "number_value", "read", "read_number",
    "takes_object", "tokens",
]


def read(
    text: str,
    claim: Span,
    *,
    sentence: Span,
    counts: list[Count],
    lexicon: Lexicon,
    today: dt.date | None = None,
    year: int | None = None,
    earlier: Sequence[tuple[Count, Span]] = (),
) -> Facts:
    """The facts of one claim; ``counts`` are its sentence's (so "three others" knows whom it counts).

    ``year``: the story's year (the article's date, else the latest year it mentions); a count in a
    sentence that names another year covers another span of time. ``earlier``: the counts of the
    article's earlier sentences, each with its sentence, where "four other officers" finds whom it
    is set apart from.
    """
    body = text[claim.start : claim.end]
    words = lexicon.counts
    sentence_text = text[sentence.start : sentence.end]
    toks = tokens(text, claim)
    year = today.year if today is not None else year
    scoped = bool(lexicon.counts.scope.search(sentence_text)) or (
        year is not None and any(int(y) != year for y in YEAR.findall(sentence_text))
    )
    quantities = []
    for k, c in enumerate(counts):
        if not (claim.start <= c.start and c.end <= claim.end):
            continue
        event = event_for(text, c, claim, lexicon)
        if c.value == 0 and event is None:
            continue  # "no one knows why": nobody counted for nothing
        partial = c.partial and not contrasts(text, counts, k, event, sentence, lexicon, earlier)
        before = text[max(claim.start, c.start - 60) : c.start]
        quantities.append(
            Quantity(
                value=c.value,
                bound=c.bound,
                noun=c.noun,
                cls=c.cls,
                event=event,
                text=text[c.start : c.end],
                start=c.start,
                end=c.end,
                hypothetical=bool(words.hypothetical.search(before) or words.hypothetical.search(body[:20])),
                scoped=scoped,
                update=bool(lexicon.counts.update.search(before)),
                partial=partial,
            )
        )
    return Facts(
        quantities=tuple(quantities),
        dates=tuple(dates_in(text, toks, lexicon, today)),
        entities=tuple(names_in(text, toks, lexicon)),
        negated=bool(lexicon.counts.negation.search(body)),
        events=tuple(
            dict.fromkeys(
                words.events[re.sub(r"\s+", " ", m.group().lower())] for m in words.event_pattern.finditer(body)
            )
        ),
    )

