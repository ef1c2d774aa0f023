"""Story grouping on the dense feed, by incident half: does a setting chosen on one half help the other?

    PYTHONPATH=. .venv/bin/python bench/grouping_halves.py [--set event_reach=3] [--set regions=0.75]

The articles of gva-dev and gva-feed (1,901, analysed once and cached in /tmp by ``grouping_cv``)
are grouped with the shipped clustering and the given settings; the incidents are split in two by
the md5 of their id. Prints pairwise precision / recall / F1 over the whole feed, over each half
(the gold pairs of the half against every predicted pair touching it, so a wrong pair across the
halves counts against both), and over gva-dev grouped alone (its own idf), which must stay >= 0.95.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import grouping_cv as cv  # noqa: E402

from reconcile.grouping import GroupingSettings, days_around  # noqa: E402
from reconcile.grouping.pairs import pair_features  # noqa: E402
from reconcile.grouping.profile import Profile, cities_named  # noqa: E402
from reconcile.grouping.templates import without_templates  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
FEEDS = (SHARED / "gva-dev" / "articles.jsonl", SHARED / "gva-feed" / "articles.jsonl")


def half(incident: str) -> str:
    return "AB"[int(hashlib.md5(incident.encode()).hexdigest(), 16) % 2]


def stories(profiles: Sequence[Profile], settings: GroupingSettings) -> list[list[int]]:
    everyone = list(range(len(profiles)))
    profiles = without_templates(profiles)
    return cv.cluster(pair_features(profiles, settings), everyone, settings, [p.regions for p in profiles],
                      [p.places for p in profiles], [days_around(p.event_date, settings.event_reach) for p in profiles],
                      cities_named(profiles), [p.streets for p in profiles], [p.ages for p in profiles])


def half_score(found: Sequence[Sequence[int]], labels: Sequence[str], which: str) -> tuple[float, float, float]:
    gold = {(a, b) for a, b in itertools.combinations(range(len(labels)), 2)
            if labels[a] == labels[b] and half(labels[a]) == which}
    pred = {(a, b) for s in found for a, b in itertools.combinations(sorted(s), 2)
            if which in (half(labels[a]), half(labels[b]))}
    tp = len(gold & pred)
    p, r = tp / len(pred) if pred else 0.0, tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", action="append", default=[], help="a setting, NAME=VALUE")
    ap.add_argument("--fresh", action="store_true", help="analyse the articles again (after a change to the code)")
    args = ap.parse_args(argv)
    settings = replace(GroupingSettings(), **cv._settings(args.set))
    items, incidents = cv.analysed(FEEDS, args.fresh)
    profiles = cv.profiles(items)
    labels = [incidents[p.id] for p in profiles]
    found = stories(profiles, settings)
    out = {"feed": cv.score(found, labels, range(len(labels)))}
    out |= {which: half_score(found, labels, which) for which in "AB"}
    dev_ids = {json.loads(line)["doc_id"] for line in FEEDS[0].open(encoding="utf-8") if line.strip()}
    dev = [p for p in profiles if p.id in dev_ids]
    out["gva-dev"] = cv.score(stories(dev, settings), [incidents[p.id] for p in dev], range(len(dev)))
    print(" ".join(f"{k}: P={p:.3f} R={r:.3f} F1={f:.3f}" for k, (p, r, f) in out.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
