"""The corpus store: articles and story results in SQLite, beside the cache's claims and embeddings.

One file (the cache file, or ``--store PATH``) holds everything a rerun needs: an article whose
feed entry is unchanged is not read or analysed again, and a story whose articles are unchanged is
not judged again. Every write is one transaction, so an interrupted run leaves the file consistent.
"""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path
from typing import Any

from ..cache import Cache
from ..errors import CacheError
from ..model import Result
from .analysis import Analysed

__all__ = ["Store"]

_TABLES = """
CREATE TABLE IF NOT EXISTS corpus_article (
    id TEXT PRIMARY KEY, digest TEXT NOT NULL, item BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS corpus_story (signature TEXT PRIMARY KEY, result BLOB NOT NULL);
"""


class Store:
    """Articles (document, profile) by id and feed digest; story results by signature; a ``Cache``."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.cache = Cache(path)
        self.path = self.cache.path
        self.cache._connect()  # the cache creates the file and its tables first
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            self._db.executescript(_TABLES)
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"store {self.path} cannot be used ({exc}); give another with --store PATH") from None

    def close(self) -> None:
        """Close the file."""
        self._db.close()
        self.cache.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _one(self, query: str, args: tuple[Any, ...]) -> Any:
        try:
            row = self._db.execute(query, args).fetchone()
        except sqlite3.Error as exc:
            raise CacheError(f"store {self.path} cannot be read ({exc}); give another with --store PATH") from None
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # written by another version of the classes: a miss
            return None

    def _put(self, query: str, args: tuple[Any, ...]) -> None:
        try:
            self._db.execute(query, args)
        except sqlite3.Error as exc:
            raise CacheError(f"store {self.path} cannot be written ({exc}); give another with --store PATH") from None

    def article(self, article_id: str, key: str) -> Analysed | None:
        """The stored analysis of article ``article_id`` made under ``key`` (its feed entry and the code)."""
        item = self._one("SELECT item FROM corpus_article WHERE id = ? AND digest = ?", (article_id, key))
        return item if isinstance(item, Analysed) else None

    def put_article(self, analysed: Analysed, key: str) -> None:
        """Remember an analysed article under ``key`` (its claims and vectors go to the cache)."""
        import dataclasses

        item = dataclasses.replace(analysed, vectors={})
        blob = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        self._put(
            "INSERT OR REPLACE INTO corpus_article (id, digest, item) VALUES (?, ?, ?)",
            (analysed.article.id, key, blob),
        )

    def story(self, signature: str) -> Result | None:
        """A stored story result."""
        item = self._one("SELECT result FROM corpus_story WHERE signature = ?", (signature,))
        return item if isinstance(item, Result) else None

    def put_story(self, signature: str, result: Result) -> None:
        """Remember a story's result."""
        blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        self._put("INSERT OR REPLACE INTO corpus_story (signature, result) VALUES (?, ?)", (signature, blob))
