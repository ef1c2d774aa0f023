"""Benchmark of issue #8: bounded size and memory. Big compares in fresh processes: wall time, peak RSS.

Run from the repository root (the model is prepared first, once):

    .venv/bin/python bench/size.py [--data ../shared/data/gva-dev/articles.jsonl] [--quick]

Inputs are built from the gva-dev articles, deterministically: N articles in one compare, and
pairs of articles made of many news texts pasted together (0.25, 0.5 and 1 MB each). Oversized
inputs (5 MB, 50 MB) must be refused at once. Figures go under "size" in ``bench/results.json``
(the rest of the file is left as it is). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = "../shared/data/gva-dev/articles.jsonl"
TARGETS = {"peak_memory_mb": 1024, "refusal_s": 5.0}


def reconcile_command() -> list[str]:
    script = Path(sys.executable).parent / "reconcile"
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from reconcile.cli import main; main()"]


def run(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    """One fresh process: wall seconds, its own peak RSS in MB, exit code and the last stderr line."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([*reconcile_command(), *args], cwd=ROOT, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode(errors="replace").strip().splitlines()
        size = out.tell()
    return {"wall_s": round(wall, 2), "peak_mb": round(usage.ru_maxrss / 1024, 1), "exit": proc.returncode,
            "stderr": lines[-1] if lines else "", "report_bytes": size}


def build_inputs(data: Path, folder: Path, *, articles: int, sizes: list[float]) -> dict[str, list[str]]:
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = list(dict.fromkeys(r["content"] for r in rows if r.get("content", "").strip()))
    cases: dict[str, list[str]] = {}
    many = []
    for k, text in enumerate(texts[:articles]):
        path = folder / f"article-{k:03d}.txt"
        path.write_text(text, encoding="utf-8")
        many.append(str(path))
    cases[f"{len(many)} articles"] = many
    for mb in sizes:
        pair = []
        for side in ("a", "b"):
            rnd = random.Random(f"{mb}{side}")
            chunks, size = [], 0
            while size < mb * 1_000_000:
                chunk = rnd.choice(texts)
                chunks.append(chunk)
                size += len(chunk.encode("utf-8")) + 2
            path = folder / f"{mb}mb-{side}.txt"
            path.write_text("\n\n".join(chunks), encoding="utf-8")
            pair.append(str(path))
        cases[f"{mb} MB vs {mb} MB"] = pair
    for mb in (5, 50):
        path = folder / f"{mb}mb.txt"
        with open(path, "wb") as fh:
            line = b"Four officers were killed on Monday night in the town, police said.\n"
            fh.write(line * (mb * 1_000_000 // len(line) + 1))
        cases[f"refuse {mb} MB"] = [str(path), many[0]]
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--quick", action="store_true", help="smaller cases only (0.25 MB, 50 articles)")
    opts = parser.parse_args()
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    subprocess.run([*reconcile_command(), "prepare"], cwd=ROOT, env=env, capture_output=True, check=False)
    sizes = [0.25] if opts.quick else [0.25, 0.5, 1.0]
    results: dict[str, Any] = {"cases": {}, "targets": TARGETS}
    with tempfile.TemporaryDirectory(prefix="reconcile-size-") as tmp:
        cases = build_inputs(ROOT / opts.data, Path(tmp), articles=50 if opts.quick else 200, sizes=sizes)
        order = sorted(cases, key=lambda name: (not name.startswith("refuse"), name))
        for name in order:
            print(f"size: {name} ...", file=sys.stderr, flush=True)
            one = run(["compare", *cases[name], "--no-cache", "-q", "-f", "json"], env)
            if not name.startswith("refuse") and one["exit"] == 0:
                out = subprocess.run([*reconcile_command(), "claims", cases[name][0], "-f", "json"], cwd=ROOT,
                                     env=env, capture_output=True, text=True)
                one["claims_first_input"] = len(json.loads(out.stdout)["claims"]) if out.returncode == 0 else None
            one["input_mb"] = round(sum(os.path.getsize(p) for p in cases[name]) / 1e6, 2)
            results["cases"][name] = one
            print(f"size: {name}: {one}", file=sys.stderr, flush=True)
    big = [c for n, c in results["cases"].items() if not n.startswith("refuse")]
    refusals = [c for n, c in results["cases"].items() if n.startswith("refuse")]
    results["passed"] = {
        "all_ran": all(c["exit"] == 0 for c in big),
        "peak_memory_mb": all(c["peak_mb"] <= TARGETS["peak_memory_mb"] for c in big),
        "refused_fast": all(c["exit"] == 2 and c["wall_s"] <= TARGETS["refusal_s"] for c in refusals),
    }
    target = ROOT / "bench" / "results.json"
    existing = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    existing["size"] = results
    target.write_text(json.dumps(existing, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    if not all(results["passed"].values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
