"""The corpus store: articles and story results in SQLite, beside the cache's claims and embeddings.

One file (the cache file, or ``--store PATH``) holds everything a rerun needs: an article whose
feed entry is unchanged is not read or analysed again, and a story whose articles are unchanged is
not judged again. Every write is one transaction, so an interrupted run leaves the file consistent.

The store is reconcile's own file or nothing: a path given for it must be absent, empty, or an
SQLite file reconcile made (its ``application_id``, or only reconcile's tables in a file made before
files were marked). Anything else is refused before a byte is written.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import stat
import urllib.parse
from pathlib import Path
from typing import Any

from ..cache import APPLICATION_ID, Cache
from ..errors import CacheError
from ..model import Result
from .analysis import Analysed

__all__ = ["Store", "not_ours"]

_TABLES = """
CREATE TABLE IF NOT EXISTS corpus_article (
    id TEXT PRIMARY KEY, digest TEXT NOT NULL, item BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS corpus_story (signature TEXT PRIMARY KEY, result BLOB NOT NULL);
"""


#: every table reconcile has made in its files
TABLES = frozenset({"analysis", "embedding", "result", "corpus_article", "corpus_story"})
_SQLITE = b"SQLite format 3\x00"


def _schema(path: Path) -> tuple[int, int, set[str], int]:
    """application_id, user_version, table names and the count of all schema objects, read only."""
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=1)
    try:
        app = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        rows = db.execute("SELECT type, name FROM sqlite_master").fetchall()
    finally:
        db.close()
    return app, version, {name for kind, name in rows if kind == "table"}, len(rows)


def not_ours(path: str | os.PathLike[str]) -> str | None:
    """Why the file at ``path`` is not one reconcile may use as its store; None when it may
    (absent, empty, or an SQLite file reconcile made). Reads only: nothing is written or created."""
    where = Path(path)
    try:
        st = where.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISDIR(st.st_mode):
        return "is a directory"
    if not stat.S_ISREG(st.st_mode):
        return "is not a regular file"
    if st.st_size == 0:
        return None
    try:
        with where.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if not header.startswith(_SQLITE):
        return "is not a store reconcile made (not an SQLite file)"
    try:
        app, version, tables, objects = _schema(where)
    except sqlite3.Error as exc:
        return f"is an SQLite file that cannot be read ({exc})"
    if app == APPLICATION_ID:
        return None
    if app != 0:
        return f"is another program's SQLite database (application id {app:#x})"
    if objects == 0 and version == 0:
        return None  # an SQLite file with nothing in it
    if tables and tables <= TABLES:
        return None  # made by reconcile before its files carried an application id
    others = ", ".join(sorted(tables - TABLES)) or "no tables of reconcile's"
    return f"is an SQLite database that reconcile did not make (tables: {others})"


class Store:
    """Articles (document, profile) by id and feed digest; story results by signature; a ``Cache``."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is not None:
            why = not_ours(path)
            if why is not None:
                raise CacheError(
                    f"--store {path}: {why}; nothing was changed; give a new file name (or an empty file) for the store"
                )
        self.cache = Cache(path)
        self.path = self.cache.path
        self.cache.open()  # the cache creates the file and its tables first
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
