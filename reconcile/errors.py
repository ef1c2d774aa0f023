"""Errors reconcile raises: each names the file or the option, the problem and what to do."""

from __future__ import annotations

__all__ = [
    "BadInput",
    "CacheError",
    "ModelError",
    "ReconcileError",
    "ReportError",
    "RulesError",
]


class ReconcileError(Exception):
    """Base class: anything the user can fix. The CLI prints it as one line, exit code 2."""


class BadInput(ReconcileError):
    """An input file is missing, unreadable, empty, binary or given twice."""


class RulesError(ReconcileError):
    """A rules YAML file is missing or malformed."""


class ModelError(ReconcileError):
    """The embedding model cannot be found or loaded."""


class CacheError(ReconcileError):
    """The cache directory cannot be used."""


class ReportError(ReconcileError):
    """A report cannot be written where it was asked to go."""
