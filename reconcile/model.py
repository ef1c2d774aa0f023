"""The dataclasses passed between stages: documents, claims, facts, findings.

Every piece of text a stage hands on carries its offsets into the original document,
so ``document.text[claim.start:claim.end] == claim.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

#: the upper end of an interval that has none: "at least 6", "more than 300"
INFINITY = float("inf")

__all__ = [
    "Bound",
    "Claim",
    "Conflict",
    "DateMention",
    "Document",
    "Entity",
    "Facts",
    "Finding",
    "FindingKind",
    "Quantity",
    "Result",
    "Settings",
    "Span",
    "Tally",
    "Unit",
]

Bound = Literal["exact", "at_least", "at_most", "about"]
FindingKind = Literal[
    "agreement", "contradiction", "unique", "update", "supported", "contradicted", "unsupported"
]


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
    weekday: int | None = None  # 0 = Monday

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

        Lists must hold the same values: "aged 15" is not "aged 15 and 16".
        """
        if len(self.values) > 1 and len(other.values) > 1:
            return sorted(self.values) == sorted(other.values)
        if len(self.values) > 1 or len(other.values) > 1:
            listed, single = (self, other) if len(self.values) > 1 else (other, self)
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


@dataclass(frozen=True)
class Conflict:
    """The slot two or more claims disagree on, and each claim's value."""

    slot: str
    values: Mapping[str, int | float | str]
    #: the slot in an editor's words: "Attackers killed", "Negation", "Place"
    label: str = ""
    #: each claim's span of the conflicting value (document offsets)
    spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """ "Attackers killed: 4 vs 8"."""
        values = " vs ".join(str(v) for v in dict.fromkeys(self.values.values()))
        return f"{self.label or self.slot}: {values}"


@dataclass(frozen=True)
class Finding:
    """What the judge concluded about a group of claims."""

    kind: FindingKind
    claims: tuple[str, ...]
    confidence: float
    reason: str
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True)
class Result:
    """The whole outcome of a comparison: documents, claims and findings."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    mode: Literal["compare", "check", "self-check"] = "compare"
    model: str = ""
    #: what was compared: matched pairs, and the numbers, dates, names and negations in them
    compared: Mapping[str, int] = field(default_factory=dict)
    #: contradictions below this confidence are shown as "worth checking"
    min_confidence: float = 0.6
    #: why that model: "every source is in English", "a.txt is in Spanish", "--model X"
    model_reason: str = ""
    #: warnings about the comparison itself, shown in the report's header ("b.txt is another story")
    notes: tuple[str, ...] = ()

    def is_weak(self, finding: Finding) -> bool:
        """A contradiction too weakly supported for the main list: shown as "worth checking"."""
        return finding.kind in ("contradiction", "contradicted") and finding.confidence < self.min_confidence

    def claim(self, claim_id: str) -> Claim:
        return self._claims_by_id[claim_id]

    def document(self, doc_id: str) -> Document:
        return next(d for d in self.documents if d.id == doc_id)

    @functools.cached_property
    def _claims_by_id(self) -> dict[str, Claim]:
        # built once: renderers look up every claim of every finding
        return {c.id: c for c in self.claims}

    def of_kind(self, kind: FindingKind) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]


@dataclass(frozen=True)
class Settings:
    """Thresholds of the alignment and the judge, with their documented defaults."""

    #: cosine at or above which two claims may state the same fact
    similarity: float = 0.62
    #: similarity at or above which two claims of one source restate each other
    restatement: float = 0.85
    #: the score given to two claims that count the same participants for the same event
    count_match: float = 0.75
    #: similarity at or above which counts of "people" in different clusters may contradict
    generic_conflict: float = 0.5
    #: taken off the similarity of two claims when one gives a count or an event the other lacks
    specificity_penalty: float = 0.1
    #: similarity at or above which a claim's nearest claims of other sources are compared too
    neighbour_floor: float = 0.47
    #: for ``check`` against sources: a draft claim with no source claim from ``neighbour_floor`` on
    #: (a summary clause against a long source sentence) is compared with its nearest source claims
    #: from this similarity; what that finds is mostly "worth checking"
    check_neighbour_floor: float = 0.35
    #: shortest claim, in words
    min_words: int = 4
    #: encode this many texts at a time
    batch_size: int = 64
    #: contradictions below this confidence are reported apart, as "worth checking"
    min_confidence: float = 0.6


@dataclass
class Tally:
    """What a comparison looked at: matched pairs and the facts compared in them."""

    pairs: int = 0
    numbers: int = 0
    dates: int = 0
    names: int = 0
    negations: int = 0
    opposites: int = 0
    counts: int = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in ("pairs", "numbers", "dates", "names", "negations",
                                                         "opposites", "counts")}

