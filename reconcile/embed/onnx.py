"""The fast embedding path: a sentence-transformers model exported once to ONNX, run without torch.

``export`` (the only code here that imports torch) writes ``model.onnx`` and the tokenizer into
a per-user cache folder keyed by the model's identity; ``OnnxEncoder`` then runs it with
onnxruntime and tokenizers, mean pooling and L2 normalisation, as sentence-transformers does.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelError
from ..paths import cache_dir
from ..stamp import encoder_identity
from .folder import _WEIGHTS, EXPORT_VERSION, model_identity
from .models import MINILM, ModelSpec

if TYPE_CHECKING:
    import numpy as np

    from .protocol import Encoder

__all__ = [
    "EXPORT_VERSION",
    "OnnxEncoder",
    "can_export",
    "export",
    "exported_path",
    "file_sha256",
    "is_prepared",
    "model_identity",
    "verify",
]

Progress = Callable[[str], None]


def _modules(folder: Path) -> list[dict[str, Any]]:
    try:
        return list(json.loads((folder / "modules.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return []


def can_export(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a local sentence-transformers folder this module can export and run.

    That is: a Transformer, mean pooling, optionally Normalize, a ``tokenizer.json`` and weights.
    """
    folder = Path(path)
    if not folder.is_dir() or not (folder / "tokenizer.json").is_file():
        return False
    if not any((folder / w).is_file() for w in _WEIGHTS):
        return False
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in _modules(folder)]
    if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
        return False
    pooling = _pooling(folder)
    return bool(pooling.get("pooling_mode_mean_tokens")) and not any(
        v for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens"
    )


def _pooling(folder: Path) -> dict[str, Any]:
    pooling_dir = next(
        (m.get("path", "") for m in _modules(folder) if m.get("type", "").endswith("Pooling")), "1_Pooling"
    )
    try:
        return dict(json.loads((folder / pooling_dir / "config.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def _max_seq_length(folder: Path) -> int:
    try:
        config = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
        return int(config.get("max_seq_length") or 256)
    except (OSError, ValueError, TypeError):
        return 256


def exported_path(path: str | os.PathLike[str], *, cache: str | os.PathLike[str] | None = None) -> Path:
    """The folder that holds (or will hold) the export of the model at ``path``."""
    root = Path(cache) if cache is not None else cache_dir()
    slug = "".join(c if c.isalnum() or c in "-_." else "-" for c in Path(path).resolve().name)[:40]
    if slug in ("", "model"):
        slug = Path(path).resolve().parent.name[:40] or "model"
    return root / "models" / f"{slug}-{model_identity(path)}"


#: the prepared files whose SHA-256 ``meta.json`` records when they are made
_PREPARED = ("model.onnx", "tokenizer.json")


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file, read in chunks (about 0.1 s for the bundled model's 87 MB)."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def verify(target: str | os.PathLike[str]) -> str | None:
    """Why the prepared folder ``target`` cannot be trusted, or None when every file has its recorded hash."""
    folder = Path(target)
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "meta.json is missing or unreadable"
    recorded = meta.get("sha256") if isinstance(meta, dict) else None
    if not isinstance(recorded, dict):
        return "meta.json records no hashes (prepared by an older version)"
    for name in _PREPARED:
        try:
            actual = file_sha256(folder / name)
        except OSError:
            return f"{name} is missing"
        if actual != recorded.get(name):
            return f"{name} differs from the hash recorded when it was prepared"
    return None


def is_prepared(
    path: str | os.PathLike[str], *, cache: str | os.PathLike[str] | None = None, check: bool = True
) -> bool:
    """Whether the model at ``path`` has been exported, and (``check``) its files still have their hashes."""
    target = exported_path(path, cache=cache)
    if not all((target / f).is_file() for f in (*_PREPARED, "meta.json")):
        return False
    return not check or verify(target) is None


def export(
    path: str | os.PathLike[str],
    *,
    cache: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
) -> Path:
    """Export the sentence-transformers model at ``path`` to ONNX once; return the folder it is in.

    Imports torch and transformers (a few seconds), so it runs only when nothing is prepared yet.
    """
    folder = Path(path)
    if not can_export(folder):
        raise ModelError(
            f"cannot export model {str(path)!r} to ONNX: it needs a local folder with tokenizer.json, "
            "weights, and a Transformer with mean pooling"
        )
    target = exported_path(folder, cache=cache)
    damage = verify(target) if target.exists() else None
    if target.exists() and damage is None:
        return target
    if damage is not None:
        if progress is not None:
            progress(f"the prepared model in {target} is damaged ({damage}); preparing it again")
        shutil.rmtree(target, ignore_errors=True)
    if progress is not None:
        progress(f"preparing the model once: exporting it to ONNX in {target}, a few seconds")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
    except OSError as exc:
        raise ModelError(f"cannot write the prepared model under {target.parent}: {exc}") from exc
    try:
        input_names = _export_onnx(folder, scratch / "model.onnx")
        shutil.copyfile(folder / "tokenizer.json", scratch / "tokenizer.json")
        meta = {
            "source": str(folder.resolve()),
            "identity": model_identity(folder),
            "export_version": EXPORT_VERSION,
            "inputs": input_names,
            "max_seq_length": _max_seq_length(folder),
            "pooling": "mean",
            "normalize": True,
            "sha256": {name: file_sha256(scratch / name) for name in _PREPARED},
        }
        (scratch / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        try:
            os.replace(scratch, target)
        except OSError:
            # another process got there first: keep theirs
            if not is_prepared(folder, cache=cache, check=False):
                raise
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(f"cannot export model {str(path)!r} to ONNX: {exc}") from exc
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def _export_onnx(folder: Path, out: Path) -> list[str]:
    """Run torch.onnx.export on the model's transformer; return the graph's input names."""
    import inspect
    import warnings

    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    model = AutoModel.from_pretrained(str(folder), local_files_only=True)
    model.eval()
    accepted = inspect.signature(model.forward).parameters
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in accepted]
    dummy = tuple(torch.ones((2, 8), dtype=torch.long) for _ in names)

    class _Wrapper(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, *args: torch.Tensor) -> torch.Tensor:
            return self.inner(**dict(zip(names, args, strict=True)), return_dict=True).last_hidden_state

    axes = {n: {0: "batch", 1: "sequence"} for n in names}
    axes["last_hidden_state"] = {0: "batch", 1: "sequence"}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            _Wrapper(model),
            dummy,
            str(out),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    return names


class OnnxEncoder:
    """Encodes with onnxruntime and tokenizers: no torch. Exports the model on first use if needed."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        name: str | None = None,
        spec: ModelSpec = MINILM,
        batch_size: int = 64,
        cache: str | os.PathLike[str] | None = None,
        progress: Progress | None = None,
    ) -> None:
        self._source = Path(path)
        self.name = name or self._source.name
        self.spec = spec
        self._batch_size = max(1, batch_size)
        self._cache = cache
        self._progress = progress
        self._session: Any = None
        self._tokenizer: Any = None
        self._inputs: list[str] = []
        self._identity: str | None = None
        self._fallback: Encoder | None = None

    @property
    def identity(self) -> str:
        """The model's identity key: what the embedding cache is keyed by."""
        if self._identity is None:
            self._identity = encoder_identity(f"{self.name}@onnx:{model_identity(self._source)}")
        return self._identity

    def _load(self) -> None:
        if self._session is not None or self._fallback is not None:
            return
        for attempt in (1, 2):
            try:
                target = export(self._source, cache=self._cache, progress=self._progress)
            except ModelError as exc:
                from .sbert import SentenceTransformerEncoder

                if self._progress is not None:
                    self._progress(f"{exc}; using the slower torch path")
                self._fallback = SentenceTransformerEncoder(
                    str(self._source), name=self.name, spec=self.spec, batch_size=self._batch_size
                )
                return
            try:
                self._open(target)
                return
            except Exception as exc:
                if attempt == 2:
                    raise ModelError(
                        f"cannot load the prepared model in {target}: {exc}. "
                        "Delete that folder and run `reconcile prepare`"
                    ) from exc
                shutil.rmtree(target, ignore_errors=True)  # damaged: export it again

    def _open(self, target: Path) -> None:
        """Load the tokenizer and the onnxruntime session of a prepared folder."""
        import onnxruntime as ort
        from tokenizers import Tokenizer

        meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
        tokenizer = Tokenizer.from_file(str(target / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=int(meta.get("max_seq_length", 256)))
        tokenizer.no_padding()
        options = ort.SessionOptions()
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        session = ort.InferenceSession(
            str(target / "model.onnx"), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._inputs = [i.name for i in session.get_inputs()]
        self._tokenizer = tokenizer
        self._session = session

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts``, one float32 row each, in the order given."""
        import numpy as np

        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        self._load()
        if self._fallback is not None:
            return self._fallback.encode(texts)
        prefix = self.spec.prefix
        encodings = self._tokenizer.encode_batch([prefix + t for t in texts] if prefix else list(texts))
        out: np.ndarray | None = None
        for batch in _batches([len(e.ids) for e in encodings], self._batch_size):
            vectors = self._run([encodings[i] for i in batch])
            if out is None:
                out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
            out[batch] = vectors
        assert out is not None
        return out

    def _run(self, encodings: list[Any]) -> np.ndarray:
        import numpy as np

        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for row, e in enumerate(encodings):
            n = len(e.ids)
            ids[row, :n] = e.ids
            mask[row, :n] = e.attention_mask
            types[row, :n] = e.type_ids
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        hidden = self._session.run(None, {k: feeds[k] for k in self._inputs})[0]
        weights = mask.astype(np.float32)[:, :, None]
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def _batches(lengths: Sequence[int], size: int, *, spread: float = 1.3, least: int = 4) -> list[list[int]]:
    """Indices grouped shortest first into batches of similar length, so little goes to padding.

    A batch closes when full, or when the next text is over ``spread`` times its shortest
    and it already holds ``least`` texts.

    >>> _batches([3, 30, 4, 31, 5, 3], 64)
    [[0, 5, 2, 4], [1, 3]]
    """
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batches: list[list[int]] = []
    for i in order:
        current = batches[-1] if batches else None
        if (
            current is None
            or len(current) >= size
            or (lengths[i] > spread * lengths[current[0]] and len(current) >= least)
        ):
            batches.append([i])
        else:
            current.append(i)
    return batches
