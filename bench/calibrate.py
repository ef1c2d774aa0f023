"""Calibrate a model's thresholds on development data: sweep them, score each setting, print a table.

    .venv/bin/python bench/calibrate.py --model multilingual-e5-small

Scores, for each setting: the seed gold files (agreements found, uniques kept, false
contradictions), the minimal pairs of ../shared/cases/*.yaml (passed), and how many cross-source
pairs of the 419 gva-dev articles' stories reach the threshold (joins: fewer is stricter). The
encoder runs once; vectors are reused from memory across settings. The values chosen are written
into ``reconcile/embed/models.py`` by hand, with the table in ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "tests"))


def _score_cases_module() -> Any:
    spec = importlib.util.spec_from_file_location("score_cases", SHARED / "tools" / "score_cases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def case_files(cases: list[dict[str, Any]], folder: Path) -> list[tuple[dict[str, Any], list[str]]]:
    out = []
    for case in cases:
        paths = []
        for side in "ab":
            p = folder / case["id"] / f"{side}.txt"
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(case[side].rstrip("\n") + "\n", encoding="utf-8")
            paths.append(str(p))
        out.append((case, paths))
    return out


def reference_map(model: str, stories: int) -> dict[str, float]:
    """The model's thresholds that make the decisions the English model makes at its own, on English stories.

    On ``stories`` gva-dev stories, every pair of claims is scored by both models (raw cosine,
    near copies raised to their wording overlap, as ``align.similarity`` does). A join at the English
    model's threshold is the reference decision: the other model's similarity threshold is the one
    whose joins agree best with it (F1); the restatement and "people" thresholds take the same rank
    in the other model's scores, and the specificity penalty is scaled by the ratio of spreads.
    """
    import numpy as np

    from reconcile.align import embedding_text, similarity
    from reconcile.api import analyse_all
    from reconcile.embed import load_encoder
    from reconcile.embed.models import MINILM
    from reconcile.ingest import read_all
    from reconcile.rules import load_rules

    sys.path.insert(0, str(ROOT / "bench"))
    from _worker import stories_of

    rules = load_rules()
    groups, _ = stories_of(str(SHARED / "data" / "gva-dev" / "articles.jsonl"))
    english, other = load_encoder(MINILM.name), load_encoder(model)
    cross: list[tuple[float, float]] = []
    within: list[tuple[float, float]] = []
    for paths in groups[:stories]:
        docs = read_all(paths, rules=rules)
        claims = analyse_all(docs, rules, cache=False)
        if len(claims) < 2:
            continue
        texts = [embedding_text(c) for c in claims]
        ref = similarity(claims, english.encode(texts))
        new = similarity(claims, other.encode(texts))
        for i, j in zip(*np.triu_indices(len(claims), 1), strict=True):
            (cross if claims[i].doc != claims[j].doc else within).append((float(ref[i, j]), float(new[i, j])))
    ref_x, new_x = (np.array(v) for v in zip(*cross, strict=True))
    ref_w, new_w = (np.array(v) for v in zip(*within, strict=True))

    def best_threshold(ref: np.ndarray, new: np.ndarray, at: float) -> tuple[float, float]:
        want = ref >= at
        best = (0.0, 0.0)
        for t in np.arange(0.70, 0.99, 0.005):
            got = new >= t
            tp = float((want & got).sum())
            f1 = 2 * tp / max(1.0, float(want.sum() + got.sum()))
            best = max(best, (f1, round(float(t), 3)))
        return best[1], best[0]

    def same_rank(ref: np.ndarray, new: np.ndarray, at: float) -> float:
        return round(float(np.quantile(new, float((ref < at).mean()))), 3)

    sim, f1 = best_threshold(ref_x, new_x, MINILM.similarity)
    spread = float(np.std(new_x) / np.std(ref_x))
    return {
        "pairs_across": len(cross),
        "pairs_within": len(within),
        "similarity": sim,
        "similarity_f1": round(f1, 3),
        "restatement": same_rank(ref_w, new_w, MINILM.restatement),
        "generic_conflict": same_rank(ref_x, new_x, MINILM.generic_conflict),
        "specificity_penalty": round(MINILM.specificity_penalty * spread, 3),
        "count_match": same_rank(ref_x, new_x, MINILM.count_match),
        "neighbour_floor": same_rank(ref_x, new_x, MINILM.neighbour_floor),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="multilingual-e5-small")
    ap.add_argument("--map", type=int, metavar="STORIES", help="map the English model's thresholds on N stories")
    ap.add_argument("--similarity", default="0.80,0.82,0.84,0.85,0.86,0.87,0.88,0.90")
    ap.add_argument("--restatement", default="0.93")
    ap.add_argument("--penalty", default="0.03")
    args = ap.parse_args()
    if args.map:
        print(json.dumps(reference_map(args.model, args.map)))
        return 0

    from gold_score import score

    from reconcile import compare
    from reconcile.cache import MemoryCache
    from reconcile.embed import load_encoder
    from reconcile.model import Settings
    from reconcile.report.json import to_dict

    encoder = load_encoder(args.model)
    store = MemoryCache()
    scorer = _score_cases_module()
    work = Path(tempfile.mkdtemp(prefix="calibrate-"))
    cases = {
        name: case_files(yaml.safe_load((SHARED / "cases" / f"{name}.yaml").read_text()), work / name)
        for name in ("conflicts", "cross-language")
    }
    seeds = {
        "guanajuato": ("guanajuato-zerohedge.txt", "guanajuato-ward.txt"),
        "el-salto": ("el-salto-mexicorojo-tweet.txt", "el-salto-breitbart.txt"),
    }
    rows = []
    grid = itertools.product(
        *(map(float, s.split(",")) for s in (args.similarity, args.restatement, args.penalty))
    )
    for similarity, restatement, penalty in grid:
        settings = Settings(similarity=similarity, restatement=restatement, specificity_penalty=penalty)
        row: dict[str, Any] = {"similarity": similarity, "restatement": restatement, "penalty": penalty}
        for name, (a, b) in seeds.items():
            result = compare([str(ROOT / "seeds" / a), str(ROOT / "seeds" / b)], encoder=encoder,
                             settings=settings, cache=store)
            s = score(result, ROOT / "tests" / "gold" / f"{name}.yaml", ROOT / "seeds")
            row[name] = f"{s['agreements']}a/{s['unique']}u/{s['false_contradictions']}fc"
        for name, items in cases.items():
            passed = 0
            for case, paths in items:
                result = compare(paths, encoder=encoder, settings=settings, cache=store)
                passed += scorer.judge(case, to_dict(result)) is None
            row[name] = f"{passed}/{len(items)}"
        rows.append(row)
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
