"""Cache keys: what a stored analysis, vector or result is filed under. Each names everything that
made what it keys: the content, the rules, the settings, the model and the code (``stamp``)."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import TYPE_CHECKING

from ..stamp import code_stamp, parser_stamp

if TYPE_CHECKING:
    from ..model import Document

__all__ = ["analysis_version", "document_key", "sha"]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def document_key(document: Document, *, rules_version: str, model: str) -> str:
    """The key of a document's analysis: everything in it but its id and path, the rules and the model.

    >>> from reconcile.model import Document
    >>> a = document_key(Document(id="d1", path="a.txt", text="x"), rules_version="1", model="m")
    >>> a == document_key(Document(id="d2", path="b.txt", text="x"), rules_version="1", model="m")
    True
    """
    fields = {f.name: getattr(document, f.name) for f in dataclasses.fields(document)}
    fields.pop("id", None)
    fields.pop("path", None)
    return sha(repr(sorted(fields.items())) + "\0" + rules_version + "\0" + model)


def analysis_version(rules_version: str, settings: object) -> str:
    """The part of an analysis key that is not the document: the rules, the settings, the package's
    code, all of it (``stamp.code_stamp``), and the parser the judge reads structure with."""
    from .. import __version__

    return sha("\0".join([rules_version, __version__, repr(settings), code_stamp(), parser_stamp()]))[:16]

