"""Benchmark of issue #3: cold and warm `reconcile compare`, encoder and pipeline throughput, memory.

Run from the repository root (the model is prepared first, once):

    .venv/bin/python bench/bench.py [--data ../shared/data/gva-dev/articles.jsonl] [--runs 5]

It prints one table, writes ``bench/results.json`` and ``bench/stages.png`` (time per stage of a
cold compare). Each timed compare is a fresh process with its own cache folder; the prepared
model is shared from the user's cache folder. Targets are checked here, not in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAIR = ("seeds/guanajuato-zerohedge.txt", "seeds/guanajuato-ward.txt")
#: a Spanish tweet and an English article: compared with the multilingual model
MIXED_PAIR = ("seeds/el-salto-mexicorojo-tweet.txt", "seeds/el-salto-breitbart.txt")
MULTILINGUAL = "multilingual-e5-small"
DATA = "../shared/data/gva-dev/articles.jsonl"
TARGETS = {"cold_median_s": 1.5, "warm_median_s": 0.5, "throughput_ratio": 0.8, "peak_memory_mb": 1024}


def reconcile_command() -> list[str]:
    """How to start the CLI as a user does: the installed script, else the same entry point."""
    script = Path(sys.executable).parent / "reconcile"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from reconcile.cli import main; main()"]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``command``; its wall time (s) and peak RSS (MB). Stops the benchmark if it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code not in (0, 1):
        raise SystemExit(f"bench: {' '.join(command)} exited {code}:\n{stderr}")
    return wall, usage.ru_maxrss / 1024


def prepare_model(env: dict[str, str]) -> Path:
    """Run `reconcile prepare` (quick when already done); the folder the prepared models are in."""
    out = subprocess.run(
        [*reconcile_command(), "prepare"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"bench: reconcile prepare failed:\n{out.stderr}")
    return Path(out.stdout.strip().splitlines()[-1]).parent


def compile_package() -> None:
    """Compile the package's bytecode, as an install does (pip compiles what it installs): a cold
    start then times reading the code, not compiling it, also where PYTHONDONTWRITEBYTECODE is set
    (this project's machines set it, so no run would ever leave bytecode behind)."""
    import compileall

    compileall.compile_dir(str(ROOT / "reconcile"), quiet=1)


def fresh_cache(root: Path, models: Path) -> Path:
    """An empty cache folder that shares the prepared models."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / "models").symlink_to(models, target_is_directory=True)
    return root


def worker(kind: str, args: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Run a measurement of ``bench/_worker.py`` in a fresh process; its JSON and wall time."""
    command = [sys.executable, str(ROOT / "bench" / "_worker.py"), kind, *args]
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"bench: worker {kind} failed:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall_s"] = wall
    if "elapsed_s" in result:  # what the process did not see: starting Python, exiting
        result["stages"] = {"python start+exit": max(0.0, wall - result["elapsed_s"]), **result["stages"]}
    return result


def plot(stages: dict[str, dict[str, float]], path: Path, title: str) -> bool:
    """Grouped horizontal bars of milliseconds per stage, one colour per run; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    names = list(dict.fromkeys(n for run in stages.values() for n in run))[::-1]
    height = 0.8 / len(stages)
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(names) + 1.4), dpi=100)
    for i, (label, run) in enumerate(stages.items()):
        ys = [y + i * height for y in range(len(names))]
        values = [run.get(n, 0.0) * 1000 for n in names]
        ax.barh(ys, values, height=height, label=f"{label}: {sum(values):.0f} ms")
        for y, value in zip(ys, values, strict=True):
            if value >= 1:
                ax.text(value, y, f" {value:.0f}", va="center", fontsize=7)
    ax.set_yticks([y + height * (len(stages) - 1) / 2 for y in range(len(names))], names)
    ax.set_xlabel("milliseconds")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return True


def measure(options: argparse.Namespace, data: Path) -> dict[str, Any]:
    """Every figure of the benchmark, in one dict."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("RECONCILE_PROGRESS", None)
    models = prepare_model(env)
    compile_package()
    scratch = Path(tempfile.mkdtemp(prefix="reconcile-bench-"))
    cache = scratch / "cache"
    env = {**env, "RECONCILE_CACHE": str(cache)}
    compare = [*reconcile_command(), "compare", *PAIR, "--format", "json", "-o", os.devnull]
    peaks: dict[str, float] = {}
    try:
        fresh_cache(cache, models)
        timed(compare, env)  # compiles .pyc files once, like any installed package has them
        cold, warm = [], []
        for _ in range(options.runs):
            fresh_cache(cache, models)
            wall, peak = timed(compare, env)
            cold.append(wall)
            peaks["cold compare"] = max(peaks.get("cold compare", 0.0), peak)
        for _ in range(options.runs):
            wall, peak = timed(compare, env)
            warm.append(wall)
            peaks["warm compare"] = max(peaks.get("warm compare", 0.0), peak)
        fresh_cache(cache, models)
        stages_cold = worker("stages", list(PAIR), env)
        stages_warm = worker("stages", list(PAIR), env)
        scale = worker("scale", [str(data), "corpus"], env)
        peaks["scale, corpus"] = scale["peak_mb"]
        one_by_one = worker("scale", [str(data), "compare"], env)
        peaks["scale, compare each"] = one_by_one["peak_mb"]
        # the multilingual model: a cold compare of the mixed pair, and its own corpus throughput
        mixed = [*reconcile_command(), "compare", *MIXED_PAIR, "--format", "json", "-o", os.devnull]
        cold_mixed = []
        for _ in range(options.runs):
            fresh_cache(cache, models)
            wall, peak = timed(mixed, env)
            cold_mixed.append(wall)
            peaks["cold compare, multilingual"] = max(peaks.get("cold compare, multilingual", 0.0), peak)
        fresh_cache(cache, models)
        stages_mixed = worker("stages", list(MIXED_PAIR), env)
        scale_mixed = worker("scale", [str(data), "corpus", MULTILINGUAL, str(options.multilingual_stories)], env)
        peaks["scale, corpus, multilingual"] = scale_mixed["peak_mb"]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "pair": list(PAIR),
        "data": options.data,
        "runs": options.runs,
        "cold_s": cold,
        "cold_median_s": statistics.median(cold),
        "warm_s": warm,
        "warm_median_s": statistics.median(warm),
        "encoder_sentences_per_s": scale["encoder_sentences_per_s"],
        "pipeline_claims_per_s": scale["pipeline_claims_per_s"],
        "throughput_ratio": scale["pipeline_claims_per_s"] / scale["encoder_sentences_per_s"],
        "peak_memory_mb": max(peaks.values()),
        "peak_memory_by_run_mb": peaks,
        "stages_cold_s": stages_cold["stages"],
        "stages_warm_s": stages_warm["stages"],
        "stages_scale_s": scale.pop("stages"),
        "scale": scale,
        "compare_each": {
            **one_by_one,
            "throughput_ratio": one_by_one["pipeline_claims_per_s"] / one_by_one["encoder_sentences_per_s"],
        },
        "multilingual": {
            "model": MULTILINGUAL,
            "pair": list(MIXED_PAIR),
            "cold_s": cold_mixed,
            "cold_median_s": statistics.median(cold_mixed),
            "stages_cold_s": stages_mixed["stages"],
            "encoder_sentences_per_s": scale_mixed["encoder_sentences_per_s"],
            "pipeline_claims_per_s": scale_mixed["pipeline_claims_per_s"],
            "throughput_ratio": scale_mixed["pipeline_claims_per_s"] / scale_mixed["encoder_sentences_per_s"],
            "stages_scale_s": scale_mixed.pop("stages"),
            "scale": scale_mixed,
        },
        "targets": TARGETS,
    }


def report(results: dict[str, Any], plotted: bool, options: argparse.Namespace) -> None:
    """Print the figures, one line each, with ok / MISS against the targets."""
    passed = results["passed"]
    scale = results["scale"]

    def mark(key: str) -> str:
        return "ok  " if passed[key] else "MISS"

    def runs(key: str) -> str:
        return ", ".join(f"{t:.2f}" for t in results[key])

    machine = results["machine"]
    print(f"reconcile benchmark: {machine['cpus']} CPUs, Python {machine['python']}")
    print(
        f"  {mark('cold_median_s')} cold compare of the Guanajuato pair: "
        f"median {results['cold_median_s']:.2f} s of {results['runs']} fresh processes "
        f"(target <= {TARGETS['cold_median_s']} s; runs {runs('cold_s')})"
    )
    print(
        f"  {mark('warm_median_s')} warm re-run: median {results['warm_median_s']:.2f} s "
        f"(target <= {TARGETS['warm_median_s']} s; runs {runs('warm_s')})"
    )
    print(
        f"       raw encoder: {results['encoder_sentences_per_s']:.0f} sentences/s "
        f"({scale['claims']} claim texts in one call, {scale['encoder_s']:.1f} s)"
    )
    print(
        f"  {mark('throughput_ratio')} pipeline, corpus mode: {results['pipeline_claims_per_s']:.0f} claims/s "
        f"({scale['articles']} articles, {scale['groups']} stories, {scale['claims']} claims, "
        f"{scale['pipeline_s']:.1f} s, no cache) = {results['throughput_ratio']:.0%} of the raw encoder "
        f"(target >= {TARGETS['throughput_ratio']:.0%})"
    )
    each = results["compare_each"]
    print(
        f"       one `compare` call per story instead: {each['pipeline_claims_per_s']:.0f} claims/s "
        f"({each['pipeline_s']:.1f} s) = {each['throughput_ratio']:.0%} of the raw encoder measured beside it "
        f"({each['encoder_sentences_per_s']:.0f} sentences/s)"
    )
    print(
        f"  {mark('peak_memory_mb')} peak memory: {results['peak_memory_mb']:.0f} MB "
        f"(target <= {TARGETS['peak_memory_mb']} MB; "
        + ", ".join(f"{k} {v:.0f}" for k, v in results["peak_memory_by_run_mb"].items())
        + ")"
    )
    multi = results["multilingual"]
    print(
        f"       multilingual ({multi['model']}): cold compare of the El Salto pair: median "
        f"{multi['cold_median_s']:.2f} s (runs {', '.join(f'{t:.2f}' for t in multi['cold_s'])})"
    )
    print(
        f"  {mark('multilingual_throughput_ratio')} multilingual, corpus mode: "
        f"{multi['pipeline_claims_per_s']:.1f} claims/s ({multi['scale']['groups']} stories, "
        f"{multi['scale']['claims']} claims) = {multi['throughput_ratio']:.0%} of its raw encoder "
        f"({multi['encoder_sentences_per_s']:.1f} sentences/s; target >= {TARGETS['throughput_ratio']:.0%})"
    )
    for label in ("cold", "warm", "scale"):  # scale: corpus mode
        stages = results[f"stages_{label}_s"]
        print(f"       stages, {label}: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in stages.items()))
    wrote = f"wrote {options.out}" + (f" and {options.plot}" if plotted else " (no plot: pip install -e '.[bench]')")
    print(f"       {wrote}")


def main(argv: list[str] | None = None) -> int:
    """Measure, print, write results.json and the plot; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", default=DATA, help="JSON lines with incident_id, title, content (%(default)s)")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per timing (default: %(default)s)")
    parser.add_argument("--out", default="bench/results.json", help="where the figures go (%(default)s)")
    parser.add_argument(
        "--multilingual-stories", type=int, default=24,
        help="stories of --data for the multilingual model's throughput (it is ~25x slower; %(default)s)",
    )
    parser.add_argument("--plot", default="bench/stages.png", help="the per-stage plot (%(default)s)")
    options = parser.parse_args(argv)
    data = (ROOT / options.data).resolve()
    if not data.is_file():
        print(f"bench: {options.data}: no such file; give --data PATH", file=sys.stderr)
        return 2

    results = measure(options, data)
    results["passed"] = {
        "cold_median_s": results["cold_median_s"] <= TARGETS["cold_median_s"],
        "warm_median_s": results["warm_median_s"] <= TARGETS["warm_median_s"],
        "throughput_ratio": results["throughput_ratio"] >= TARGETS["throughput_ratio"],
        "peak_memory_mb": results["peak_memory_mb"] <= TARGETS["peak_memory_mb"],
        "multilingual_throughput_ratio": results["multilingual"]["throughput_ratio"] >= TARGETS["throughput_ratio"],
    }
    out = ROOT / options.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    title = f"`reconcile compare` of the Guanajuato pair, {os.cpu_count()} CPUs"
    stages = {"cold": results["stages_cold_s"], "warm": results["stages_warm_s"]}
    plotted = plot(stages, ROOT / options.plot, title)
    report(results, plotted, options)
    return 0 if all(results["passed"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
