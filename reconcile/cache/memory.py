"""A cache in memory, in front of another (or of none): a batch's claims and vectors, or what a
Ray task was handed."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .keys import document_key
from .sqlite import Cache, NullCache, renumbered

if TYPE_CHECKING:
    from ..model import Claim, Document, Result

__all__ = ["MemoryCache"]


class MemoryCache(Cache):
    """A cache in this process's memory only, in front of another cache (or none).

    What the backing cache has is read through; what is put goes to both. Used to hand
    vectors encoded in one batch to many comparisons without touching the disk again.
    """

    def __init__(self, backing: Cache | None = None) -> None:
        super().__init__(os.devnull)
        self._opened = True
        self.backing = backing or NullCache()
        self._claims: dict[str, tuple[Claim, ...]] = {}
        self._vectors: dict[tuple[str, str], bytes] = {}

    @property  # type: ignore[override]
    def problem(self) -> str | None:
        """Why the backing cache was bypassed, if it was."""
        return self.backing.problem

    @problem.setter
    def problem(self, value: str | None) -> None:
        pass

    @property  # type: ignore[override]
    def repaired(self) -> str | None:
        """Whether the backing cache was found damaged and rebuilt."""
        return self.backing.repaired

    @repaired.setter
    def repaired(self, value: str | None) -> None:
        pass

    def _connect(self) -> sqlite3.Connection | None:
        return None

    def get_claims(self, document: Document, *, rules_version: str, model: str) -> tuple[Claim, ...] | None:
        """As ``Cache.get_claims``, from memory first."""
        key = document_key(document, rules_version=rules_version, model=model)
        if key in self._claims:
            return renumbered(self._claims[key], document.id)
        found = self.backing.get_claims(document, rules_version=rules_version, model=model)
        if found is not None:
            self._claims[key] = found
        return found

    def put_claims(self, document: Document, claims: Iterable[Claim], *, rules_version: str, model: str) -> None:
        """As ``Cache.put_claims``, into memory and the backing cache."""
        claims = tuple(claims)
        self._claims[document_key(document, rules_version=rules_version, model=model)] = claims
        self.backing.put_claims(document, claims, rules_version=rules_version, model=model)

    def get_result(self, key: str, documents: Sequence[Document]) -> Result | None:
        """As ``Cache.get_result``, from the backing cache."""
        return self.backing.get_result(key, documents)

    def put_result(self, key: str, result: Result) -> None:
        """As ``Cache.put_result``, into the backing cache."""
        self.backing.put_result(key, result)

    def get_vectors(self, model: str, texts: Sequence[str]) -> dict[str, bytes]:
        """As ``Cache.get_vectors``, from memory first."""
        found = {t: self._vectors[(model, t)] for t in texts if (model, t) in self._vectors}
        rest = [t for t in texts if t not in found]
        if rest:
            more = self.backing.get_vectors(model, rest)
            self._vectors.update(((model, t), v) for t, v in more.items())
            found.update(more)
        return found

    def put_vectors(self, model: str, vectors: dict[str, bytes]) -> None:
        """As ``Cache.put_vectors``, into memory and the backing cache."""
        self._vectors.update(((model, t), v) for t, v in vectors.items())
        self.backing.put_vectors(model, vectors)

