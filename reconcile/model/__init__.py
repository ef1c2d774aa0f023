"""The dataclasses passed between stages: documents, claims and their facts (``text``), each
document's key facts and the story's fact sheet (``frame``), findings and results (``findings``).

Every piece of text a stage hands on carries its offsets into the original document,
so ``document.text[claim.start:claim.end] == claim.text`` always holds.
"""

from __future__ import annotations

from .findings import Conflict, Finding, FindingKind, Result, Settings, Tally
from .frame import COUNT_FIELDS, FactRow, FactStatus, Frame, Person, Stated
from .text import (
    INFINITY,
    WEEKDAYS,
    Bound,
    Claim,
    DateMention,
    Document,
    Entity,
    Facts,
    Quantity,
    Span,
    Unit,
    bound_interval,
)

__all__ = [
    "COUNT_FIELDS", "INFINITY", "WEEKDAYS", "Bound", "Claim", "Conflict", "DateMention", "Document", "Entity",
    "FactRow", "FactStatus", "Facts", "Finding", "FindingKind", "Frame", "Person", "Quantity", "Result", "Settings",
    "Span", "Stated", "Tally", "Unit", "bound_interval",
]
