"""SummEdits in one process, on a half of the items: for tuning rules without the CLI's start-up per item.

Prediction A as in ../shared/tools/score_summedits.py (inconsistent iff any `contradicted`
finding), with the same ordering (sha1 of the id); "tune" is the first half of that order and
"check" the second: tune on one, report both. Runs ``review.check`` with the per-user cache, as
the CLI does, over forked workers.

    PYTHONPATH=. .venv/bin/python bench/summedits_halves.py --half tune [--jobs 2] [--save out.jsonl]
        [--data ../shared/data/summedits-dev/summedits_news_dev.json]

The rules are the package ``reconcile_rules``: in a second work tree whose .venv installs another
checkout, it is that checkout's rules/ unless a link ``reconcile_rules -> rules`` at this root puts
this one first (the script warns when they differ).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import multiprocessing
import os
import sys
import tempfile
import time
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, "..", "shared", "tools")
DATA = os.path.join(ROOT, "..", "shared", "data", "summedits-dev", "summedits_dev.json")
WORKDIR = os.path.join(tempfile.gettempdir(), "summedits-halves")


def one(item: dict[str, Any]) -> dict[str, Any]:
    """Check one summary against its source; the contradicted findings and the kinds seen."""
    from reconcile.cache import Cache
    from reconcile.review import check

    doc = os.path.join(WORKDIR, f"doc-{hashlib.sha1(item['doc'].encode()).hexdigest()[:12]}.txt")
    if not os.path.exists(doc):
        tmp = f"{doc}.{os.getpid()}"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(item["doc"])
        os.replace(tmp, doc)
    draft = os.path.join(WORKDIR, f"summary-{hashlib.sha1(item['id'].encode()).hexdigest()[:12]}.txt")
    with open(draft, "w", encoding="utf-8") as fh:
        fh.write(item["summary"])
    try:
        result = check(draft, [doc], cache=Cache())
    except Exception as exc:  # noqa: BLE001 - counted as an error, as the scorer does
        return {"id": item["id"], "error": repr(exc)[:200]}
    by_id = {c.id: c for c in result.claims}
    contra = [{"reason": f.reason, "confidence": f.confidence, "claims": [by_id[c].text for c in f.claims]}
              for f in result.findings if f.kind == "contradicted"]
    kinds = collections.Counter(f.kind for f in result.findings)
    return {"id": item["id"], "A": bool(contra), "B": bool(contra) or kinds["unsupported"] > 0,
            "contradicted": contra, "kinds": dict(kinds), "error": None}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("tune", "check", "all"), default="tune")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--save", help="one JSON line per item")
    ap.add_argument("--data", default=DATA, help="the items (default: the three non-news dev domains)")
    args = ap.parse_args()
    sys.path.insert(0, TOOLS)
    import reconcile_rules
    from score_summedits import bacc, load_items, per_type

    if not os.path.realpath(reconcile_rules.__file__).startswith(os.path.realpath(ROOT) + os.sep):
        print(f"WARNING: rules from {os.path.dirname(reconcile_rules.__file__)}, not this checkout's", file=sys.stderr)
    items = load_items(args.data)
    half = len(items) // 2
    items = {"tune": items[:half], "check": items[half:], "all": items}[args.half]
    os.makedirs(WORKDIR, exist_ok=True)
    t0 = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        outs = pool.map(one, items, chunksize=4)
    records = [{"label": it["label"], "types": it["types"], "summary": it["summary"],
                "original": it["original_summary"], **out} for it, out in zip(items, outs, strict=True)]
    scored = [r for r in records if r["error"] is None]
    ba, tp, _ = bacc(scored, "A")
    flagged = sum(1 for r in scored if r["label"] == 1 and r["A"])
    consistent = sum(1 for r in scored if r["label"] == 1)
    print(f"{args.half}: n={len(scored)} errors={len(records) - len(scored)} bacc={ba:.3f} "
          f"recall_inconsistent={tp:.3f} consistent_flagged={flagged}/{consistent} ({time.perf_counter() - t0:.0f} s)")
    for name, (n, a, _b) in sorted(per_type(scored).items()):
        print(f"  {name:28s} n={n:3d} A={a / n:.3f}")
    if args.save:
        with open(args.save, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
