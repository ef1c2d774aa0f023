"""Benchmark of issue #10: `reconcile corpus` grouping quality, throughput (local and Ray), reruns, scaling.

Run from the repository root (once; the 5,000-article run takes minutes on 2 cores):

    .venv/bin/python bench/corpus_bench.py [--data ../shared/data/gva-dev/articles.jsonl] [--sizes 100,419,2000,5000]

Writes ``bench/corpus_results.json`` and ``bench/corpus_scaling.png``. Each measurement runs in a
fresh process with an empty store (peak memory is that process's peak RSS). Figures:

- grouping: ``../shared/tools/score_grouping.py`` (pairwise precision/recall/F1 against the incidents);
- throughput: a corpus run on the data (fresh store), then the raw encoder on the very texts the
  run embedded (claims and leads), in the same process; local engine and Ray on a local 2-CPU instance;
- incremental: a run on all but 10 articles, then on all of them with the same store: how many
  articles were analysed and stories judged the second time (counted by the job itself);
- scaling: synthetic feeds (the data repeated, ids, outlets, dates and capitalised words perturbed
  per copy, so every copy is new text to analyse and embed): seconds and peak MB per size.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = "../shared/data/gva-dev/articles.jsonl"
TARGETS = {"f1": 0.95, "throughput_ratio": 0.8, "peak_mb_5000": 1024}


def rows_of(data: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list({r["doc_id"]: r for r in rows}.values())


def synthetic(rows: list[dict[str, Any]], size: int) -> list[dict[str, Any]]:
    """``size`` articles: the data, then copies whose ids, outlets, dates and names differ per copy."""
    import datetime as dt

    out = []
    copy = 0
    while len(out) < size:
        for row in rows:
            if len(out) == size:
                break
            if copy == 0:
                out.append(dict(row))
                continue
            tag = "".join(chr(ord("a") + int(d)) for d in str(copy))
            perturb = lambda text, tag=tag: re.sub(r"\b([A-Z][a-z]{2,})\b", rf"\g<1>{tag}", text)  # noqa: E731
            date = dt.date.fromisoformat(row["dct"]) + dt.timedelta(days=400 * copy)
            out.append({**row, "doc_id": f"{row['doc_id']}-{copy}", "outlet": f"{row['outlet']}-{copy}",
                        "dct": date.isoformat(), "title": perturb(row["title"]), "content": perturb(row["content"])})
        copy += 1
    return out


def write_feed(rows: list[dict[str, Any]], path: Path) -> Path:
    path.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "incident_id"}) + "\n" for r in rows),
                    encoding="utf-8")
    return path


# -- measurements in a fresh process -------------------------------------------------------------


def worker(args: list[str]) -> dict[str, Any]:
    """``run FEED STORE OUT ENGINE RAW``: one corpus run in this process; JSON figures."""
    feed, store_path, out, engine_name, raw = args
    import numpy as np  # noqa: F401

    from reconcile.align import embedding_text
    from reconcile.corpus import run_corpus
    from reconcile.corpus.engines import make_engine
    from reconcile.corpus.store import Store
    from reconcile.embed import load_encoder
    from reconcile.grouping.profile import lead_text
    from reconcile.rules import load_rules

    if engine_name == "ray":
        import ray

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    encoder = load_encoder()
    encoder.encode(["warm up the session"])
    with Store(store_path) as store:
        engine = make_engine(engine_name, store, sources=Path(out) / "articles")
        if engine_name == "local":
            engine.encoder = encoder  # type: ignore[attr-defined]
        start = time.perf_counter()
        done = run_corpus(feed, out, store=store, engine=engine, rules_version=load_rules().version)
        seconds = time.perf_counter() - start
        engine.close()
        texts: list[str] = []
        if raw == "1":
            import sqlite3

            db = sqlite3.connect(store_path)
            import pickle

            for (blob,) in db.execute("SELECT item FROM corpus_article"):
                item = pickle.loads(blob)
                texts += [lead_text(item.document, item.claims), *(embedding_text(c) for c in item.claims)]
            texts = list(dict.fromkeys(texts))
    result: dict[str, Any] = {
        "engine": engine_name, "articles": done.articles, "stories": len(done.stories),
        "analysed": len(done.analysed), "judged": done.judged, "seconds": seconds,
        "articles_per_s": done.articles / seconds, "stage_seconds": done.seconds,
    }
    if texts:
        start = time.perf_counter()
        encoder.encode(texts)
        encode = time.perf_counter() - start
        result.update(texts=len(texts), pipeline_texts_per_s=len(texts) / seconds,
                      encoder_sentences_per_s=len(texts) / encode)
        result["throughput_ratio"] = result["pipeline_texts_per_s"] / result["encoder_sentences_per_s"]
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def measure(*args: str) -> dict[str, Any]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, __file__, "--worker", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"bench: worker {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    # children (Ray's workers) count too: their peak, for the Ray run
    return out


def grouping(data: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "../shared/tools/score_grouping.py", "--data", str(data)], cwd=ROOT,
                          capture_output=True, text=True, check=False, env={**os.environ,
                                                                             "RECONCILE_CACHE": tempfile.mkdtemp()})
    line = proc.stdout.strip().splitlines()[-1]
    figures = dict(part.split("=", 1) for part in line.split()[1:])
    return {k: float(v) for k, v in figures.items()}


def plot(scaling: list[dict[str, Any]], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    sizes = [r["articles"] for r in scaling]
    fig, left = plt.subplots(figsize=(7, 4), dpi=100)
    left.plot(sizes, [r["seconds"] for r in scaling], "o-", color="tab:blue", label="seconds")
    left.set_xlabel("articles (synthetic beyond 419)")
    left.set_ylabel("seconds", color="tab:blue")
    right = left.twinx()
    right.plot(sizes, [r["peak_mb"] for r in scaling], "s--", color="tab:red", label="peak MB")
    right.set_ylabel("peak RSS, MB", color="tab:red")
    right.set_ylim(0, max(1100, max(r["peak_mb"] for r in scaling) * 1.1))
    right.axhline(1024, color="tab:red", linewidth=0.5, linestyle=":")
    left.set_title(f"`reconcile corpus`, local engine, fresh store, {os.cpu_count()} CPUs", fontsize=10)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return True


def save(results: dict[str, Any], path: Path) -> None:
    """Write what is measured so far (a later failure keeps it)."""
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        sys.stdout.write(json.dumps(worker(argv[2:] if argv[1] == "run" else argv[1:])) + "\n")
        return 0
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--sizes", default="100,419,2000,5000")
    parser.add_argument("--skip", default="", help="parts to skip: grouping,local,ray,incremental,scaling")
    parser.add_argument("--out", default="bench/corpus_results.json")
    parser.add_argument("--plot", default="bench/corpus_scaling.png")
    options = parser.parse_args(argv)
    skip = set(filter(None, options.skip.split(",")))
    data = (ROOT / options.data).resolve()
    rows = rows_of(data)
    scratch = Path(tempfile.mkdtemp(prefix="reconcile-corpus-bench-"))
    out_path = ROOT / options.out
    results: dict[str, Any] = json.loads(out_path.read_text()) if out_path.exists() else {}
    results["machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    feed = write_feed(rows, scratch / "feed.jsonl")

    def fresh(name: str) -> tuple[str, str]:
        return str(scratch / f"{name}.sqlite3"), str(scratch / f"out-{name}")

    if "grouping" not in skip:
        results["grouping"] = grouping(data)
        print("grouping", results["grouping"])
        save(results, out_path)
    if "local" not in skip:
        results["local"] = measure("run", str(feed), *fresh("local"), "local", "1")
        print("local", results["local"])
        save(results, out_path)
    if "ray" not in skip:
        results["ray"] = measure("run", str(feed), *fresh("ray"), "ray", "0")
        print("ray", results["ray"])
        save(results, out_path)
    if "incremental" not in skip:
        store, out = fresh("incremental")
        first = measure("run", str(write_feed(rows[:-10], scratch / "minus10.jsonl")), store, out, "local", "0")
        second = measure("run", str(feed), store, out, "local", "0")
        results["incremental"] = {"first": first, "second": second,
                                  "added": 10, "analysed_again": second["analysed"], "judged_again": second["judged"]}
        print("incremental", results["incremental"])
        save(results, out_path)
    if "scaling" not in skip:
        scaling = []
        for size in (int(s) for s in options.sizes.split(",")):
            path = write_feed(synthetic(rows, size), scratch / f"synthetic-{size}.jsonl")
            figures = measure("run", str(path), *fresh(f"scale-{size}"), "local", "0")
            scaling.append(figures)
            print("scaling", size, figures["seconds"], figures["peak_mb"])
        results["scaling"] = scaling
        plot(scaling, ROOT / options.plot)
    results["targets"] = TARGETS
    save(results, out_path)
    print(f"wrote {options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
