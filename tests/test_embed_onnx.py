"""The ONNX path gives the torch path's vectors, without importing torch, from a one-time export."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reconcile.embed import load_encoder, model_path
from reconcile.embed.onnx import OnnxEncoder, can_export, export, exported_path, is_prepared, model_identity
from reconcile.embed.sbert import SentenceTransformerEncoder
from reconcile.errors import ModelError

ROOT = Path(__file__).resolve().parents[1]


def seed_sentences() -> list[str]:
    """Real sentences from the seed articles (four words or more)."""
    sentences: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parts = re.split(r"(?<=[.!?])\s+|\n+", text)
        sentences += [p.strip() for p in parts if len(p.split()) >= 4]
    return sentences


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the bundled model's export."""
    cache = tmp_path_factory.mktemp("cache")
    messages: list[str] = []
    export(model_path(), cache=cache, progress=messages.append)
    assert len(messages) == 1 and "preparing the model once" in messages[0]
    return cache


@pytest.mark.slow
def test_same_vectors_as_torch(prepared: Path) -> None:
    sentences = seed_sentences()
    assert len(sentences) > 50
    fast = OnnxEncoder(model_path(), cache=prepared).encode(sentences)
    slow = SentenceTransformerEncoder(model_path()).encode(sentences)
    assert fast.shape == slow.shape == (len(sentences), 384)
    assert fast.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    assert float((fast * slow).sum(axis=1).min()) >= 0.9999


@pytest.mark.slow
def test_a_long_claim_is_cut_to_256_word_pieces_on_both_paths(prepared: Path) -> None:
    """MiniLM reads 256 word pieces (sentence_bert_config.json): a 22 kB claim costs what a normal one does."""
    long = "Police said four officers were killed in the attack on Thursday and the gunmen fled. " * 250
    assert json.loads((Path(model_path()) / "sentence_bert_config.json").read_text())["max_seq_length"] == 256
    fast = OnnxEncoder(model_path(), cache=prepared)
    fast._load()
    widths: list[int] = []
    run = fast._session.run

    def counting(outputs: object, feeds: dict[str, np.ndarray]) -> object:
        widths.append(feeds["input_ids"].shape[1])
        return run(outputs, feeds)

    fast._session.run = counting
    vector = fast.encode([long])
    assert widths == [256]
    slow = SentenceTransformerEncoder(model_path())
    assert slow._load().max_seq_length == 256
    assert float((vector * slow.encode([long])).sum()) >= 0.9999


@pytest.mark.slow
def test_rows_do_not_depend_on_batching_or_order(prepared: Path) -> None:
    sentences = seed_sentences()[:40]
    whole = OnnxEncoder(model_path(), cache=prepared, batch_size=64).encode(sentences)
    pieces = OnnxEncoder(model_path(), cache=prepared, batch_size=3).encode(sentences[::-1])[::-1]
    assert float((whole * pieces).sum(axis=1).min()) >= 0.9999
    assert OnnxEncoder(model_path(), cache=prepared).encode([]).shape[0] == 0


@pytest.mark.slow
def test_encoding_never_imports_torch(prepared: Path) -> None:
    code = (
        "import sys\n"
        "from reconcile.embed import load_encoder\n"
        "v = load_encoder().encode(['Four officers were killed in the ambush.'])\n"
        "assert v.shape == (1, 384), v.shape\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules))\n"
    )
    env = {**os.environ, "RECONCILE_CACHE": str(prepared)}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_export_happens_once(prepared: Path) -> None:
    assert is_prepared(model_path(), cache=prepared)
    messages: list[str] = []
    assert export(model_path(), cache=prepared, progress=messages.append) == exported_path(model_path(), cache=prepared)
    assert messages == []
    meta = json.loads((exported_path(model_path(), cache=prepared) / "meta.json").read_text())
    assert meta["max_seq_length"] == 256 and meta["identity"] == model_identity(model_path())


def test_identity_follows_the_files(tmp_path: Path) -> None:
    source = Path(model_path())
    copy = tmp_path / "model"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("model.safetensors"))
    (copy / "model.safetensors").symlink_to(source / "model.safetensors")
    assert model_identity(copy) == model_identity(source)
    (copy / "config.json").write_text((source / "config.json").read_text().replace("0.1", "0.2"))
    assert model_identity(copy) != model_identity(source)


def test_which_models_can_be_exported(tmp_path: Path) -> None:
    assert can_export(model_path())
    assert not can_export(tmp_path)
    assert not can_export("sentence-transformers/some-hub-name")
    copy = tmp_path / "dense"
    shutil.copytree(model_path(), copy, ignore=shutil.ignore_patterns("model.safetensors"))
    (copy / "model.safetensors").symlink_to(Path(model_path()) / "model.safetensors")
    modules = json.loads((copy / "modules.json").read_text())
    dense = {"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"}
    modules.insert(2, dense)
    (copy / "modules.json").write_text(json.dumps(modules))
    assert not can_export(copy)
    with pytest.raises(ModelError, match="cannot export"):
        export(copy, cache=tmp_path / "cache")


def test_load_encoder_picks_the_path() -> None:
    assert isinstance(load_encoder(), OnnxEncoder)
    assert load_encoder().name == "all-MiniLM-L6-v2"
    assert isinstance(load_encoder(device="cuda"), SentenceTransformerEncoder)
    assert load_encoder("sentence-transformers/all-MiniLM-L6-v2").name == "all-MiniLM-L6-v2"


@pytest.mark.slow
def test_prepare_command(prepared: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from reconcile.cli import app

    monkeypatch.setenv("RECONCILE_CACHE", str(prepared))
    done = CliRunner().invoke(app, ["prepare"])
    assert done.exit_code == 0, done.output
    from reconcile.embed.e5 import weights_path

    assert done.stdout.splitlines() == [str(weights_path()), str(exported_path(model_path(), cache=prepared))]
    assert "all-MiniLM-L6-v2 is already prepared" in done.stderr
    assert "multilingual-e5-small is ready" in done.stderr

    refused = CliRunner().invoke(app, ["prepare", "--model", str(tmp_path)])
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"reconcile: --model {tmp_path}: cannot be exported to ONNX")
