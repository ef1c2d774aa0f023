"""A conflict's values in an editor's words: a day of a month as a date ("March 23 vs March 8"), an
amount with its currency and scale ("$7.7 billion vs $50 billion"), a count with what it counts
("4 officers vs 8 officers"), a negation as the two statements."""

from __future__ import annotations

import datetime as dt
import re

from ..model import WEEKDAYS, Claim, Conflict, DateMention, Document, Result
from .labels import label_of_slot
from .wording import count_words

__all__ = ["amount_words", "conflict_headline", "day_words", "marked_parts", "slot_words", "value_words"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_CURRENCIES = (("US$", "US$"), ("$", "$"), ("€", "€"), ("£", "£"), ("¥", "¥"), ("dólares", "$"), ("dollars", "$"),
               ("euros", "€"), ("pesos", "MXN "), ("pounds", "£"))
#: a statement in a negation shown in at most this many words
STATEMENT_WORDS = 14
#: the words of a slot an editor reads, where the label alone would not say it
_SLOT_NAMES = {"polarity": "Opposite statements", "opposite": "Opposite words", "money": "Amount"}


def day_words(mention: DateMention) -> str | None:
    """A resolved date mention as a date: "March 23", "March 23, 2021", "Thursday"; None if it says no day.

    >>> day_words(DateMention("23", 0, 2, month=3, day=23)), day_words(DateMention("Thursday", 0, 8, weekday=3))
    ('March 23', 'Thursday')
    """
    if mention.month and mention.day:
        year = f", {mention.year}" if mention.year else ""
        return f"{_MONTHS[mention.month - 1]} {mention.day}{year}"
    if mention.weekday is not None:
        return WEEKDAYS[mention.weekday]
    return None


def amount_words(value: float, written: str = "") -> str:
    """An amount with its currency (from the words it was written in) and scale.

    >>> amount_words(7700000000, "$7.7 billion"), amount_words(50000000000, "50.000 millones de dólares")
    ('$7.7 billion', '$50 billion')
    >>> amount_words(1250, "1,250 euros")
    '€1,250'
    """
    symbol = next((s for w, s in _CURRENCIES if w in written.lower() or w in written), "")
    for size, word in _SCALES:
        if abs(value) >= size:
            figure = f"{value / size:.2f}".rstrip("0").rstrip(".")
            return f"{symbol}{figure} {word}"
    return f"{symbol}{value:,.0f}" if float(value).is_integer() else f"{symbol}{value:,.2f}"


def _span_text(conflict: Conflict, claim: Claim, document: Document) -> str:
    span = conflict.spans.get(claim.id)
    return " ".join(document.text[span[0] : span[1]].split()) if span else ""


def _statement(claim: Claim) -> str:
    words = claim.text.split()
    text = " ".join(words[:STATEMENT_WORDS])
    return f"“{text}…”" if len(words) > STATEMENT_WORDS else f"“{text}”"


def value_words(conflict: Conflict, claim: Claim, document: Document) -> str:
    """One side's value of a conflict as an editor reads it."""
    value = conflict.values[claim.id]
    slot, span = conflict.slot, conflict.spans.get(claim.id)
    written = _span_text(conflict, claim, document)
    if slot in ("polarity", "opposite"):
        return _statement(claim)
    if slot == "fact.date" or (slot == "date" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value)):
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            return str(value)
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    if slot == "date" and span is not None:
        mention = next((m for m in claim.facts.dates if m.start <= span[0] < m.end or span[0] <= m.start < span[1]),
                       None)
        shown = day_words(mention) if mention else None
        return shown or written or str(value)
    if slot.startswith(("count.", "fact.")) and span is not None:
        quantity = next((q for q in claim.facts.quantities
                         if q.start <= span[0] < q.end or span[0] <= q.start < span[1]), None)
        if quantity is not None and quantity.value == value:
            return f"{count_words(quantity.value, quantity.bound)} {quantity.noun}"
    if slot == "money" and isinstance(value, int | float):
        return amount_words(value, written)
    if (slot.startswith("number") or slot in ("percent", "year", "ordinal")) and 0 < len(written.split()) <= 6:
        written = re.sub(r"(\d) , (\d{3})\b", r"\1,\2", written)  # tokenised text: "2 , 000"
        noun = slot.split(".", 1)[1] if slot.startswith("number.") else ""
        return f"{written} {noun}" if noun and noun not in written.lower() else written
    return str(value)


def slot_words(conflict: Conflict) -> str:
    """What the conflict is about, in words: "Police killed", "Opposite statements", "Amount"."""
    return _SLOT_NAMES.get(conflict.slot) or conflict.label or label_of_slot(conflict.slot)


def conflict_headline(conflict: Conflict, result: Result) -> str:
    """ "Police killed: 4 officers vs 8 officers", "Amount: $7.7 billion vs $50 billion"."""
    shown = []
    for claim_id in conflict.values:
        claim = result.claim(claim_id)
        shown.append(value_words(conflict, claim, result.document(claim.doc)))
    return f"{slot_words(conflict)}: {' vs '.join(dict.fromkeys(shown))}"


def marked_parts(claim: Claim, span: tuple[int, int] | None, context: int = 10) -> tuple[str, str, str]:
    """The claim's words on one line, cut around the conflicting words: (before, the words, after),
    at most ``context`` words either side (an ellipsis where more were cut); (text, "", "") where
    the span is not in the claim. ``before`` ends and ``after`` starts with a space where the text
    has one there, so the three pieces joined read as the text.

    >>> c = Claim(id="d1.c1", doc="d1", text="shot on  May 3, 2011.", start=10, end=31)
    >>> marked_parts(c, (19, 30))
    ('shot on ', 'May 3, 2011', '.')
    >>> marked_parts(c, (15, 17), context=0)
    ('… ', 'on', ' …')
    """
    if span is None or not (claim.start <= span[0] < span[1] <= claim.end):
        return " ".join(claim.text.split()), "", ""
    a, b = span[0] - claim.start, span[1] - claim.start
    head, middle, tail = claim.text[:a], claim.text[a:b], claim.text[b:]
    before, inside, after = head.split(), middle.split(), tail.split()
    if len(before) > context:
        before = ["…", *before[len(before) - context :]]
    if len(after) > context:
        after = [*after[:context], "…"]
    gap_before = " " if before and head[-1:].isspace() else ""
    gap_after = " " if after and tail[:1].isspace() else ""
    return " ".join(before) + gap_before, " ".join(inside), gap_after + " ".join(after)
