"""The torch path: any local sentence-transformers folder, run by sentence-transformers.

Used for a model the ONNX path cannot run (another pooling, a Dense layer) or a device other
than the CPU. Imports torch only when it encodes. sentence-transformers truncates every text to
the model's ``max_seq_length``; a folder that names none gets its tokenizer's limit (at most 512),
so one long claim cannot cost more than a normal one.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import ModelError
from ..stamp import encoder_identity
from .models import MINILM, ModelSpec

if TYPE_CHECKING:
    import numpy as np

__all__ = ["SentenceTransformerEncoder"]


class SentenceTransformerEncoder:
    """sentence-transformers, loaded on first use, from a local folder only."""

    def __init__(
        self,
        path: str,
        *,
        name: str | None = None,
        spec: ModelSpec = MINILM,
        batch_size: int = 64,
        device: str | None = None,
    ) -> None:
        self.name = name or path
        self.spec = spec
        self._path = path
        self._batch_size = batch_size
        self._device = device or "cpu"
        self._model: Any = None

    @property
    def identity(self) -> str:
        """The model's identity key: the name plus a fingerprint of the folder's files."""
        from .folder import model_identity

        return encoder_identity(f"{self.name}@st:{model_identity(self._path)}")

    def _load(self) -> Any:
        if self._model is None:
            if not os.path.isdir(self._path):
                raise ModelError(f"--model {self.name}: no such folder")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no progress bars on our stderr
            try:
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
                model = SentenceTransformer(self._path, device=self._device, local_files_only=True)
            except Exception as exc:
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                raise ModelError(
                    f"--model {self.name}: cannot be loaded as a sentence-transformers model ({first})"
                ) from exc
            if not model.max_seq_length:  # a folder that names no limit: the tokenizer's, at most 512
                model.max_seq_length = min(int(getattr(model.tokenizer, "model_max_length", 0) or 512), 512)
            self._model = model
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        prefix = self.spec.prefix
        vectors = self._load().encode(
            [prefix + t for t in texts], batch_size=self._batch_size, normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
