"""Counts a document implies without a figure of its own: the people it names with a fate ("Darin
Booker, 13, died": at least one killed), and an event it calls deadly ("a fatal shooting": at least one)."""

from __future__ import annotations

from collections.abc import Sequence

from ..facts import latest_year
from ..model import Claim, Document, Person, Stated
from ..rules import Lexicon
from .counts import FIELDS, other_time

__all__ = ["with_deadly", "with_people"]


def with_deadly(counts: dict[str, Stated], document: Document, claims: Sequence[Claim],
                lexicon: Lexicon) -> dict[str, Stated]:
    """The counts, with at least one killed where the document gives no figure of its dead but calls the
    event deadly: "investigating a fatal shooting", "a deadly shooting early Wednesday". Not in a claim
    of another span of time ("the city's 30th deadly shooting this year") or one it quotes."""
    if "killed" in counts:
        return counts
    year = document.date.year if document.date else latest_year(document.text)
    voiced = any(not c.quoted for c in claims)
    for claim in claims:
        if (claim.quoted and voiced) or other_time(claim, year, lexicon):
            continue
        m = next((m for m in lexicon.frame.deadly_pattern.finditer(claim.text)
                  if not claim.text[: m.start()].endswith("-")), None)  # "non-fatal gunshot wounds"
        if m is not None:
            start, end = claim.start + m.start(), claim.start + m.end()
            return {**counts, "killed": Stated(1, document.text[start:end], start, end, claim.id, "at_least",
                                               firm=False)}
    return counts


def with_people(counts: dict[str, Stated], people: Sequence[Person]) -> dict[str, Stated]:
    """The counts, with what naming people adds where the document states no figure: "Darin Booker, 13,
    died" is at least one killed, two named dead at least two: a text names those it has identified, and
    may count others it does not name (in the dev feeds one in six articles naming one dead or hurt, and
    no figure, told of a record with more)."""
    out = dict(counts)
    for field in FIELDS:
        named = [p for p in people if p.status == field]
        if field in out or not named:
            continue
        person = named[0]
        out[field] = Stated(len(named), person.text, person.start, person.end, person.claim,
                            "at_least", firm=False)
    return out
