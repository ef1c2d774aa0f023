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

from ..paths import cache_dir
from .encoder import CachingEncoder
from .keys import analysis_version, document_key
from .memory import MemoryCache
from .sqlite import APPLICATION_ID, SCHEMA_VERSION, Cache, NullCache

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "Cache",
    "CachingEncoder",
    "MemoryCache",
    "NullCache",
    "analysis_version",
    "cache_dir",
    "document_key",
]
