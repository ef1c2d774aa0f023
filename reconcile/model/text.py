"""What a document says, as the stages read it: the document, its claims, and the typed facts and
numbers of each claim. Every piece of text carries its offsets into the original document, so
``document.text[claim.start:claim.end] == claim.text`` always holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "INFINITY", "WEEKDAYS", "Bound", "Claim", "DateMention", "Document", "Entity", "Facts", "Quantity", "Span", "Unit",
]

#: the upper end of an interval that has none: "at least 6", "more than 300"
INFINITY = float("inf")

#: the days of the week by ``DateMention.weekday`` (0 = Monday), as reports write them
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


Bound = Literal["exact", "at_least", "at_most", "about"]


def bound_interval(value: float, bound: Bound, about: tuple[float, float]) -> tuple[float, float]:
    """The values a figure with its bound allows: "at least 7" -> [7, inf); "about" spans ``about``
    (factors below and above) and one more either side.

    >>> bound_interval(10.0, "about", (0.8, 1.2))
    (7.0, 13.0)
    """
    if bound == "at_least":
        return value, float("inf")
    if bound == "at_most":
        return 0.0, value
    if bound == "about":
        return value * about[0] - 1, value * about[1] + 1
    return value, value


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Document:
    """One article as read from disk: its original text and what in it is page furniture."""

    id: str
    path: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    language: str = "en"
    furniture: tuple[Span, ...] = ()
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The file name, for people (``-`` for standard input)."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset; lines end in LF, CRLF or a lone CR, as in an editor.

        >>> Document(id="d1", path="a.txt", text="one\\ntwo").line_of(4)
        2
        >>> Document(id="d1", path="a.txt", text="one\\rtwo\\r\\nthree").line_of(9)
        3
        """
        text = self.text
        return text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset) + 1


@dataclass(frozen=True)
class Quantity:
    """A count in a claim: "at least 7 officers were killed" -> 7, at_least, officers, police, killed."""

    value: int
    bound: Bound
    noun: str
    cls: str | None
    event: str | None
    text: str
    start: int
    end: int
    hypothetical: bool = False
    scoped: bool = False  # "so far this year", "in January": a figure for another span of time
    update: bool = False  # "the toll rose to 5"
    partial: bool = False  # "four of the officers", "seven other officers": a part of a larger group

    @property
    def slot(self) -> str | None:
        """``count.<class>.<event>`` when both are known, else None."""
        if self.cls is None or self.event is None:
            return None
        return f"count.{self.cls}.{self.event}"


@dataclass(frozen=True)
class DateMention:
    """A date in a claim, resolved where it can be: "on Thursday", "May 17", "17 May"."""

    text: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday: WEEKDAYS

    def compatible(self, other: DateMention) -> bool:
        """Whether two mentions can name the same day (missing parts match anything)."""
        pairs = [
            (self.year, other.year),
            (self.month, other.month),
            (self.day, other.day),
            (self.weekday, other.weekday),
        ]
        return all(a is None or b is None or a == b for a, b in pairs)


@dataclass(frozen=True)
class Entity:
    """A capitalised name in a claim and its guessed role: person, place or org."""

    text: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Facts:
    """The typed slots read off one claim."""

    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[Entity, ...] = ()
    negated: bool = False
    #: every event class the claim mentions, counted or not: ("kidnapped", "killed")
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unit:
    """A word or a number of a claim, with its document offsets.

    ``key`` is what two claims are lined up on: the lower-case word, or for a number its kind
    (``#`` a count or amount, ``#%`` a percentage, ``#$usd`` money, ``#year``, ``#ord`` an ordinal).
    """

    key: str
    text: str
    start: int
    end: int
    low: float = 0.0
    high: float = 0.0
    values: tuple[float, ...] = ()
    #: the figure as stated ("more than 300" -> 300), None for a list, a range or a vague magnitude
    nominal: float | None = None
    #: a clause boundary (a comma, a full stop) comes right before this unit
    after_break: bool = False
    #: ``values`` are a range's ends ("between 18 and 24"): every value between them holds
    spanned: bool = False
    #: the unit is a number (its key is a kind, "#..."), not a word; set from ``key``
    number: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "number", self.key.startswith("#"))

    @property
    def zero(self) -> bool:
        """The number is none at all: "no one", "nadie", "0"."""
        return self.number and self.high <= 0.5 and self.low < 0

    @property
    def lower_bound(self) -> bool:
        """The number is a lower bound only: "at least 6", "more than 300", "exceeding 10%"."""
        return self.high == INFINITY

    @property
    def open_bound(self) -> bool:
        """The number only bounds a figure, from below or above ("over $20 million", "at most 6"):
        it states no figure of its own that another could repeat."""
        return self.high == INFINITY or (self.low == 0.0 and self.high > 0.5)

    def compatible(self, other: Unit) -> bool:
        """Whether two numbers can both be true: "at least 40" and "52" can, "more than 300" and "about 120" cannot.

        Lists must hold the same values: "aged 15" is not "aged 15 and 16"; two ranges "between" their ends
        the same ends; one such range holds every figure between them ("between 18 and 24" holds 20).
        """
        if len(self.values) > 1 and len(other.values) > 1:
            return sorted(self.values) == sorted(other.values)
        if len(self.values) > 1 or len(other.values) > 1:
            listed, single = (self, other) if len(self.values) > 1 else (other, self)
            if listed.spanned:
                return listed.low < single.high and single.low < listed.high
            if single.high - single.low > 1.0 + 1e-9 * abs(single.high):  # a range or a bound: holds every value?
                return all(single.low <= v <= single.high for v in listed.values)
            return False
        return self.low < other.high and other.low < self.high

    def value(self) -> int | float | str:
        """What a report shows as this number's value: the figure, or the text for a list or range."""
        if self.nominal is None:
            return self.text
        whole = round(self.nominal)
        return int(whole) if abs(self.nominal - whole) < 1e-6 * max(1.0, abs(self.nominal)) else round(self.nominal, 6)


@dataclass(frozen=True)
class Claim:
    """One checkable statement with its exact source span and who is credited with it."""

    id: str
    doc: str
    text: str
    start: int
    end: int
    attribution: str | None = None
    quoted: bool = False
    language: str = "en"
    facts: Facts = field(default_factory=Facts)
    #: the claim's numbers as ``numbers.units`` reads them, read once when the claim is made
    #: (``claims.extract``); None for a claim made by hand, whose numbers are read when it is compared
    numbers: tuple[Unit, ...] | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def voice(self) -> str:
        """Who speaks: the attribution, or the article's own voice."""
        return self.attribution or "the article"

