"""A local sentence-transformers folder: the fingerprint that keys its export and its cached vectors."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

__all__ = ["EXPORT_VERSION", "model_identity"]

#: bump when the exported files change shape or meaning; part of every model identity
EXPORT_VERSION = "onnx-export-1/opset-17/last_hidden_state"

_WEIGHTS = ("model.safetensors", "pytorch_model.bin")
_HASHED = (
    "config.json",
    "tokenizer.json",
    "sentence_bert_config.json",
    "modules.json",
    "1_Pooling/config.json",
)


def model_identity(path: str | os.PathLike[str]) -> str:
    """A short key that changes when the model's files or the export format change (cheap: no big reads).

    Small files are hashed; the weights are identified by name, size and modification time.
    """
    folder = Path(path).resolve()
    digest = hashlib.sha256(EXPORT_VERSION.encode())
    for name in _HASHED:
        with contextlib.suppress(OSError):
            digest.update(name.encode() + b"\0" + (folder / name).read_bytes() + b"\0")
    for name in _WEIGHTS:
        with contextlib.suppress(OSError):
            st = (folder / name).stat()
            digest.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]
