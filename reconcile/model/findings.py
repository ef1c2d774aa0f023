"""What the judge concludes and what a comparison returns: findings with their conflicts, the
settings that decided them, the tally of what was compared, and the whole result."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from .frame import FactRow
from .text import Claim, Document

__all__ = ["Conflict", "Finding", "FindingKind", "Result", "Settings", "Tally"]

FindingKind = Literal[
    "agreement", "contradiction", "unique", "update", "supported", "contradicted", "unsupported"
]


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
    #: the story's key facts, one row per fact with each source's value (``frame.sheet``)
    facts: tuple[FactRow, ...] = ()

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
    #: a denial or opposite words clash only where the parse finds the same participants
    #: (``conflicts.structure``), and a question clashes with nothing; ``check`` sets a draft against
    #: its sources without either: a summary cut into clauses leaves its subjects behind, a draft worded
    #: as a question ("How can we build agents that achieve bad outcomes?") still misstates its source
    structure: bool = True
    #: without ``structure`` (``check``): still, a clause of this group's (the sources') that states no
    #: fact (a condition, a relative clause that picks out a subset) is no side of a denial or opposite
    #: words; a draft's own clause is its claim however it is worded
    unstated: str | None = None
    #: two lower bounds that differ in the same words are worth checking: ``check`` sets it, where a
    #: draft restates its source ("from at least $6" / "from at least $5"); between outlets, written at
    #: different times, both bounds hold ("at least seven members" / "at least 12 members")
    floors: bool = False


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

