"""The key facts of an event as one document tells them (its ``Frame``), and the story's fact sheet:
one ``FactRow`` per fact, each source's value beside the others'."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from .text import Bound

__all__ = ["COUNT_FIELDS", "FactRow", "FactStatus", "Frame", "Person", "Stated"]

#: the counted fields of a frame, totals first; a class of participants follows a colon ("killed:police")
COUNT_FIELDS = ("killed", "injured", "arrested")

FactStatus = Literal["agree", "contradiction", "update", "one source"]


@dataclass(frozen=True)
class Stated:
    """One value a document gives for a key fact, with the words it was read from (document offsets)
    and the claim they are in (None where no claim covers them: a headline cut as page furniture)."""

    value: int | str
    text: str
    start: int
    end: int
    claim: str | None = None
    bound: Bound = "exact"
    #: for a count of one class of participants only ("four officers"), that class; None for everyone
    counts: str | None = None
    #: the document states no figure for it: it is read from others ("five shot, two fatally": three
    #: wounded), or from what the document leaves out (it tells of no death: none killed)
    derived: bool = False
    #: a figure the document states in its own words (not quoted from another voice, not one person
    #: named without a figure, not derived): what a contradiction between documents is read from
    firm: bool = True
    #: worded as a total ("a total of 50 people"): it may count more than another source's figure does
    total: bool = False


@dataclass(frozen=True)
class Person:
    """A named participant as one document tells of them: name, age, role and what happened to them."""

    name: str
    text: str
    start: int
    end: int
    claim: str | None = None
    age: int | None = None
    #: victim, suspect, officer, witness or official; None where the document does not say
    role: str | None = None
    #: killed, injured, arrested, charged, ...; None where the document does not say
    status: str | None = None


@dataclass(frozen=True)
class Frame:
    """The key facts of the event one document reports: each left out where the text does not say
    (never 0 for "not mentioned")."""

    doc: str
    #: counted fields -> the document's figure: "killed", "injured", "arrested", and by class
    #: where the text splits them ("killed:police", "killed:attackers")
    counts: Mapping[str, Stated]
    #: the day of the event, ISO ("2014-02-14"), resolved against the document's date
    date: Stated | None = None
    #: the day of the week of the event where no date resolves ("Friday evening" in an undated article):
    #: the weekday's English name
    weekday: Stated | None = None
    #: where in its day the document puts the event: "late" ("Friday night"), "early" ("early
    #: Saturday") or "": two days one apart, late and early, can be one night
    day_part: str = ""
    #: the most specific place the event is said to happen, with its county, state or country
    place: Stated | None = None
    people: tuple[Person, ...] = ()
    #: every figure the document gives in its own voice for each counted field ("killed" for counts of
    #: everyone, "killed:police" of one class): a source that gives the other's figure too tells of
    #: parts or of an update, not of another count
    said: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    #: the document reports a later stage of the story (the courts, an anniversary): it was written
    #: after the first reports, and its figures update theirs
    later: bool = False

    @property
    def empty(self) -> bool:
        """Whether the document gives none of the key facts."""
        return not (self.counts or self.date or self.weekday or self.place or self.people)


@dataclass(frozen=True)
class FactRow:
    """One key fact of the story with each source's value, and whether the values agree."""

    field: str
    label: str
    status: FactStatus
    values: Mapping[str, Stated | Person]
    #: for an update, what shows one value supersedes the other, in words ("" otherwise)
    why: str = ""
