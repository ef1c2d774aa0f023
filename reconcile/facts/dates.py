"""Dates in a claim, resolved against the article's date where they are relative: "on Thursday",
"May 17", "17 de mayo", "el pasado viernes", "yesterday"."""

from __future__ import annotations

import datetime as dt
import re

from ..model import DateMention
from ..rules import Lexicon
from .numerals import Token, is_year

__all__ = ["YEAR", "dates_in", "latest_year"]

YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def latest_year(text: str) -> int | None:
    """The latest plausible year a text mentions, or None.

    >>> latest_year("In 1982 and again in 2016, police said.")
    2016
    """
    years = [int(m) for m in YEAR.findall(text)]
    return max(years) if years else None


def _day(text: str) -> int | None:
    """A day of the month written in digits, or None ("17" -> 17; "¹", "45" or a long number -> None)."""
    return int(text) if text.isdecimal() and len(text) <= 2 and int(text) <= 31 else None


def dates_in(text: str, toks: list[Token], lexicon: Lexicon, today: dt.date | None) -> list[DateMention]:
    out: list[DateMention] = []
    for i, tok in enumerate(toks):
        word = tok.text.lower()
        capital = tok.text[:1].isupper() or word in lexicon.dates.lowercase_dates
        if word in lexicon.dates.weekdays and capital:
            weekday = lexicon.dates.weekdays[word]
            near = {t.text.lower() for t in toks[max(0, i - 1) : i + 2] if t is not tok}
            resolved = None
            if today is not None:
                back = (today.weekday() - weekday) % 7
                if near & lexicon.dates.date_next:  # "el próximo lunes", "next Monday"
                    resolved = today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
                else:  # "el viernes", "el pasado viernes": the latest one before the article
                    resolved = today - dt.timedelta(days=back or (7 if near & lexicon.dates.date_past else 0))
            out.append(
                DateMention(
                    tok.text, tok.start, tok.end,
                    year=resolved.year if resolved else None,
                    month=resolved.month if resolved else None,
                    day=resolved.day if resolved else None,
                    weekday=weekday,
                )
            )
        elif word in lexicon.dates.months and capital:
            month = lexicon.dates.months[word]
            day = year = None
            start, end = tok.start, tok.end
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            prev = toks[i - 1] if i > 0 else None
            if prev is not None and prev.text.lower() == "de" and i > 1 and _day(toks[i - 2].text) is not None:
                prev = toks[i - 2]
            if nxt is not None and _day(nxt.text) is not None and nxt.start - tok.end <= 2:
                day, end = _day(nxt.text), nxt.end
            elif prev is not None and _day(prev.text) is not None and tok.start - prev.end <= 4:
                day, start = _day(prev.text), prev.start
            later = [t for t in toks[i + 1 : i + 4] if is_year(t, text)]
            if later and (later[0].start - end <= 3 or re.fullmatch(r"\s+de(?:l)?\s+", text[end : later[0].start])):
                year, end = int(later[0].text), later[0].end
            if word == "may" and day is None and year is None:
                continue  # the verb "may"
            out.append(DateMention(text[start:end], start, end, year=year, month=month, day=day))
        elif word in lexicon.dates.relative_days and today is not None:
            resolved = today + dt.timedelta(days=lexicon.dates.relative_days[word])
            out.append(DateMention(tok.text, tok.start, tok.end, resolved.year, resolved.month, resolved.day))
    return out

