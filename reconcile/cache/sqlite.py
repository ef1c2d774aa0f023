"""One SQLite file of per-document analyses and claim embeddings, so a re-run does no work twice.

Keys are content hashes: a document's analysis by the hash of the document plus the rules
version and the model; an embedding by the model's identity plus the hash of the claim text; a
whole comparison's result by its documents, the model's identity, the settings and the judging
code (``api.result_key``), so running the same comparison again judges nothing.
The file checks itself when it opens (``PRAGMA quick_check``): a damaged or corrupt one is deleted
and rebuilt. A locked, read-only or unusable one (a directory, a read-only folder) is bypassed: the
run goes on without a cache. None of these is an error; each is one warning.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pickle
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from ..paths import cache_dir
from .keys import document_key, sha

if TYPE_CHECKING:
    from ..model import Claim, Document, Result

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "Cache", "NullCache", "renumbered", "valid_vectors"]

#: bump when the tables or the pickled classes change incompatibly; an older file is rebuilt
SCHEMA_VERSION = 1


#: ``PRAGMA application_id`` of every SQLite file reconcile makes (the cache, a corpus store): "RCNC".
#: Another program's file given as ``--store`` is told apart by it before anything is written.
APPLICATION_ID = 0x52434E43

_FILE = "cache.sqlite3"


_CHUNK = 500  # keys per SELECT ... IN (...)



def _fits(claims: object, document: Document) -> TypeGuard[tuple[Claim, ...]]:
    """Whether unpickled claims are claims of ``document``: each one's text is the text at its offsets."""
    from ..model import Claim

    if not isinstance(claims, tuple):
        return False
    text = document.text
    return all(isinstance(c, Claim) and text[c.start : c.end] == c.text for c in claims)


def valid_vectors(found: dict[str, bytes]) -> dict[str, bytes]:
    """The cached vectors that are what an encoder gives: float32, finite, of length one (or zero)."""
    import numpy as np

    by_size: dict[int, list[str]] = {}
    for text, blob in found.items():
        if blob and len(blob) % 4 == 0:
            by_size.setdefault(len(blob), []).append(text)
    kept: dict[str, bytes] = {}
    for texts in by_size.values():
        rows = np.frombuffer(b"".join(found[t] for t in texts), dtype=np.float32).reshape(len(texts), -1)
        with np.errstate(all="ignore"):
            norms = np.sqrt((rows.astype(np.float64) ** 2).sum(axis=1))
        good = np.isfinite(norms) & ((np.abs(norms - 1.0) < 1e-3) | (norms == 0.0))
        kept.update((t, found[t]) for t, ok in zip(texts, good, strict=True) if ok)
    return kept


def renumbered(claims: Sequence[Claim], doc_id: str) -> tuple[Claim, ...]:
    """The same claims, renumbered for a document with id ``doc_id``."""
    out = []
    for claim in claims:
        suffix = claim.id[len(claim.doc) :] if claim.id.startswith(claim.doc) else f".{claim.id}"
        out.append(dataclasses.replace(claim, id=f"{doc_id}{suffix}", doc=doc_id))
    return tuple(out)


class Cache:
    """The SQLite cache. Every method degrades to a miss or a no-op when the file cannot be used.

    ``problem`` says why the cache was bypassed (None while it works), ``repaired`` that a damaged
    file was found and rebuilt; both for the CLI to warn.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float = 0.25) -> None:
        self.path = Path(path) if path is not None else cache_dir() / _FILE
        self.problem: str | None = None
        self.repaired: str | None = None
        self._timeout = timeout
        self._db: sqlite3.Connection | None = None
        self._opened = False

    # -- connection -------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection | None:
        if self._opened:
            return self._db
        self._opened = True
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.problem = f"cache folder {folder} cannot be created ({exc.strerror or exc}); running without it"
            return None
        unusable = self._unusable()
        if unusable:
            self._bypass(f"cache {self.path} {unusable}; running without it")
            return None
        for attempt in (1, 2):
            try:
                self._db = self._open()
                return self._db
            except sqlite3.OperationalError as exc:
                if _is_locked(exc):
                    self._bypass(f"cache {self.path} is locked by another process; running without it")
                    return None
                if attempt == 2:
                    self._bypass(f"cache {self.path} cannot be opened ({exc}); running without it")
                    return None
                if not self._rebuild():
                    return None
            except sqlite3.DatabaseError as exc:
                if attempt == 2:
                    self._bypass(f"cache {self.path} is corrupt and could not be rebuilt; running without it")
                    return None
                if not self._rebuild():
                    return None
                self.repaired = f"cache {self.path} was damaged ({exc}); rebuilt it empty"
        return None  # pragma: no cover

    def _unusable(self) -> str | None:
        """Why the cache file cannot be used here, before SQLite tries: not a file, or read-only."""
        if os.path.lexists(self.path) and not self.path.is_file():
            return "is not a file (a directory or a device?)"
        if not os.access(self.path.parent, os.W_OK | os.X_OK):
            return "is in a read-only folder"
        if self.path.exists() and not os.access(self.path, os.R_OK | os.W_OK):
            return "is read-only"
        return None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if version != SCHEMA_VERSION or not {"analysis", "embedding"} <= tables:
                if tables:
                    raise sqlite3.DatabaseError(f"schema {version}, expected {SCHEMA_VERSION}")
                db.execute("PRAGMA journal_mode = WAL")
                db.executescript(
                    f"""
                    BEGIN;
                    CREATE TABLE IF NOT EXISTS analysis (key TEXT PRIMARY KEY, claims BLOB NOT NULL);
                    CREATE TABLE IF NOT EXISTS embedding (
                        model TEXT NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL,
                        PRIMARY KEY (model, text)
                    ) WITHOUT ROWID;
                    PRAGMA user_version = {SCHEMA_VERSION};
                    PRAGMA application_id = {APPLICATION_ID};
                    COMMIT;
                    """
                )
            else:
                # damaged pages that no query of this run would touch are found here, not kept for later
                found = [r[0] for r in db.execute("PRAGMA quick_check(1)")]
                if found != ["ok"]:
                    raise sqlite3.DatabaseError(f"integrity check: {found[0] if found else 'no answer'}")
            # whole results (a re-run of the same comparison); added after schema 1, so made here
            db.execute("CREATE TABLE IF NOT EXISTS result (key TEXT PRIMARY KEY, result BLOB NOT NULL)")
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:  # made before files were marked
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            db.close()
            raise
        return db

    def _rebuild(self) -> bool:
        """Delete the cache file and its journals, so the next open starts empty; False when it cannot."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                continue
            except OSError as exc:
                self._bypass(f"cache {self.path} is damaged and cannot be removed ({exc.strerror}); running without it")
                return False
        return True

    def _bypass(self, why: str) -> None:
        self.problem = why
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None
        self._opened = True

    def _fail(self, exc: sqlite3.Error) -> None:
        """A query failed: locked -> bypass from now on; corrupt -> start a new file (this call misses)."""
        if _is_locked(exc):
            self._bypass(f"cache {self.path} is locked by another process; running without it")
            return
        self.close()
        if self._rebuild():
            self.repaired = f"cache {self.path} was damaged ({exc}); rebuilt it empty"

    def open(self) -> bool:
        """Open the file now (making it and its tables if need be) rather than at the first lookup;
        whether it can be used (else ``problem`` says why)."""
        return self._connect() is not None

    def close(self) -> None:
        """Close the file; the object may be used again (it reopens)."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None
        self._opened = False

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- document analyses ------------------------------------------------------------------------

    def get_claims(self, document: Document, *, rules_version: str, model: str) -> tuple[Claim, ...] | None:
        """The cached claims (with facts) of ``document``, renumbered for its id; None on a miss."""
        key = document_key(document, rules_version=rules_version, model=model)
        claims = self._unpickled("SELECT claims FROM analysis WHERE key = ?", key)
        if not _fits(claims, document):
            return None  # damaged in a way SQLite cannot see: analysed again and overwritten
        return renumbered(claims, document.id)

    def put_claims(self, document: Document, claims: Iterable[Claim], *, rules_version: str, model: str) -> None:
        """Remember the claims (with facts) found in ``document``."""
        key = document_key(document, rules_version=rules_version, model=model)
        self._pickled("INSERT OR REPLACE INTO analysis (key, claims) VALUES (?, ?)", key, tuple(claims))

    # -- whole results ----------------------------------------------------------------------------

    def get_result(self, key: str, documents: Sequence[Document]) -> Result | None:
        """The result stored under ``key`` if it is a result of exactly ``documents``; None on a miss."""
        from ..model import Result

        result = self._unpickled("SELECT result FROM result WHERE key = ?", key)
        if not isinstance(result, Result) or result.documents != tuple(documents):
            return None
        return result

    def put_result(self, key: str, result: Result) -> None:
        """Remember a whole result under ``key``."""
        self._pickled("INSERT OR REPLACE INTO result (key, result) VALUES (?, ?)", key, result)

    def _unpickled(self, query: str, key: str) -> object:
        """The object pickled in the one row ``query`` selects for ``key``; None on a miss, for an
        unusable file, or for an entry pickled by an older version of the classes (or damaged)."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute(query, (key,)).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # an older version of the classes, or damaged: a miss
            return None

    def _pickled(self, query: str, key: str, value: object) -> None:
        """Write ``value``, pickled, under ``key`` with ``query`` (an INSERT of key and blob)."""
        db = self._connect()
        if db is None:
            return
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            db.execute(query, (key, blob))
        except sqlite3.Error as exc:
            self._fail(exc)

    # -- embeddings -------------------------------------------------------------------------------

    def get_vectors(self, model: str, texts: Sequence[str]) -> dict[str, bytes]:
        """Cached float32 vectors (as bytes) of those ``texts`` that have one, by text."""
        db = self._connect()
        if db is None or not texts:
            return {}
        by_hash = {sha(t): t for t in texts}
        hashes = list(by_hash)
        found: dict[str, bytes] = {}
        try:
            for start in range(0, len(hashes), _CHUNK):
                chunk = hashes[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT text, vector FROM embedding WHERE model = ? AND text IN ({marks})"
                rows = db.execute(query, (model, *chunk))
                for digest, vector in rows:
                    found[by_hash[digest]] = vector
        except sqlite3.Error as exc:
            self._fail(exc)
            return {}
        return found

    def put_vectors(self, model: str, vectors: dict[str, bytes]) -> None:
        """Remember float32 vectors (as bytes) by text."""
        db = self._connect()
        if db is None or not vectors:
            return
        rows = [(model, sha(text), vector) for text, vector in vectors.items()]
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("INSERT OR REPLACE INTO embedding VALUES (?, ?, ?)", rows)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._fail(exc)


class NullCache(Cache):
    """A cache that never remembers anything: what ``--no-cache`` uses."""

    def __init__(self) -> None:
        super().__init__(os.devnull)
        self._opened = True
        self.problem = None

    def _connect(self) -> sqlite3.Connection | None:
        return None


def _is_locked(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text

