"""Story grouping, cross-validated by incident: is a change to the same-story model general?

    PYTHONPATH=. .venv/bin/python bench/grouping_cv.py [--splits 3,8,20] [--data PATH] [--fresh] [--set lone_bar=0.3]
        [--no-regions] [--no-places] [--data A.jsonl [B.jsonl]]

The articles of the feed (default ../shared/data/gva-dev/articles.jsonl; a roundup filed under
several incidents is left out, as score_grouping.py does) are analysed once with the bundled
encoder and cached in /tmp (``--fresh`` remakes them). Profiles are then rebuilt from the stored
documents and claims with the current profile code (so a change to names or words needs no
re-encoding), and every pair's features are computed on all articles (idf and the capitalised
share are label-free). For each random halving of the incidents, the weights are fitted on one
half's pairs (logistic regression, C = 10) and the other half is clustered with them and scored
(pairwise precision / recall / F1), both ways round. Prints the weights fitted on all articles,
their in-sample score, and the mean P / R / F1 (with the spread of F1) for each number of splits.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import pickle
import random
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from reconcile.corpus.analysis import Analysed
from reconcile.corpus.inputs import read_articles
from reconcile.grouping import GroupingSettings, cluster_edges, days_around
from reconcile.grouping.pairs import FEATURES, pair_features
from reconcile.grouping.profile import (
    Profile,
    ages_of,
    body_digest,
    cities_named,
    common_words,
    frame_fields,
    names_of,
    places_of,
    regions_of,
    streets_of,
    words_of,
)

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "gva-dev" / "articles.jsonl"
CACHE = Path(tempfile.gettempdir()) / "reconcile-grouping-cv.pickle"


def _rows(paths: Sequence[Path]) -> list[dict[str, object]]:
    """The feeds' articles, each about one incident, once."""
    rows = [json.loads(line) for path in paths for line in path.open(encoding="utf-8") if line.strip()]
    where = collections.defaultdict(set)
    for r in rows:
        where[r["doc_id"]].add(r["incident_id"])
    return list({r["doc_id"]: r for r in rows if len(where[r["doc_id"]]) == 1}.values())


def analysed(paths: Sequence[Path], fresh: bool) -> tuple[list[Analysed], dict[str, str]]:
    """Every article analysed (from the /tmp cache unless ``fresh``) and each one's incident."""
    rows = _rows(paths)
    incidents = {str(r["doc_id"]): str(r["incident_id"]) for r in rows}
    if CACHE.exists() and not fresh:
        with CACHE.open("rb") as fh:
            items: list[Analysed] = pickle.load(fh)
        if {a.article.id for a in items} == set(incidents):
            return items, incidents
    from reconcile.cache import Cache
    from reconcile.corpus.analysis import analyse_batch
    from reconcile.embed import load_encoder
    from reconcile.model import Settings
    from reconcile.rules import load_rules

    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "articles.jsonl"
        feed.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "incident_id"}) + "\n"
                                for r in rows), encoding="utf-8")
        articles = list(read_articles(feed))
        settings = Settings()
        encoder = load_encoder(None, batch_size=settings.batch_size)
        cache = Cache()
        items = []
        for start in range(0, len(articles), 128):
            items += analyse_batch(articles[start:start + 128], rules=load_rules(None), settings=settings,
                                   encoder=encoder, cache=cache, model=None, sources=tmp)
    items = [replace(a, vectors={}) for a in items]
    with CACHE.open("wb") as fh:
        pickle.dump(items, fh)
    return items, incidents


def profiles(items: Sequence[Analysed]) -> list[Profile]:
    """Profiles rebuilt by the current code from the stored documents and claims (vectors kept)."""
    from reconcile.api import analyse
    from reconcile.frame import read_frame
    from reconcile.rules import load_rules

    rules = load_rules(None)
    common = common_words(rules)
    out = []
    for a in items:
        claims = analyse(a.document, rules)  # the claims of the current code (the cached ones may be older)
        names = names_of(a.document, common=common, claims=claims)
        out.append(replace(a.profile, names=names, words=words_of(a.document, claims),
                           regions=regions_of(a.document, rules, claims),
                           places=places_of(a.document, rules, names, claims),
                           streets=streets_of(a.document, rules, claims), ages=ages_of(a.document, rules, claims),
                           body=body_digest(a.document, claims),
                           **frame_fields(read_frame(a.document, claims, rules), rules)))  # type: ignore[arg-type]
    return sorted(out, key=lambda p: p.id)


def fit(x: np.ndarray, y: np.ndarray) -> GroupingSettings:
    """The settings with weights of a logistic regression over the pairs (C = 10)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=10.0, max_iter=5000).fit(x, y)
    weights: dict[str, Any] = dict(zip(FEATURES, (float(w) for w in model.coef_[0]), strict=True))
    return replace(GroupingSettings(), bias=float(model.intercept_[0]), **weights)


def _pairs(members: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    i, j = np.triu_indices(len(members), k=1)
    m = np.asarray(members)
    return m[i], m[j]


def cluster(features: np.ndarray, members: Sequence[int], settings: GroupingSettings,
            regions: Sequence[frozenset[str]] = (), places: Sequence[frozenset[str]] = (),
            days: Sequence[frozenset[str]] = (), cities: Sequence[frozenset[str]] = (),
            streets: Sequence[frozenset[str]] = (), ages: Sequence[frozenset[str]] = ()) -> list[list[int]]:
    """Stories of ``members`` (indices into ``features`` and the places and days) with ``settings``' weights."""
    i, j = _pairs(members)
    w = np.array([getattr(settings, f) for f in FEATURES])
    prob = 1.0 / (1.0 + np.exp(-(settings.bias + features[i, j] @ w)))
    local = {m: k for k, m in enumerate(members)}
    edges = {(local[a], local[b]): float(p) for a, b, p in zip(i, j, prob, strict=True) if p >= settings.floor}
    named = [regions[m] for m in members] if regions else []
    where = [places[m] for m in members] if places else []
    when = [days[m] for m in members] if days else []
    towns = [cities[m] for m in members] if cities else []
    roads = [streets[m] for m in members] if streets else []
    old = [ages[m] for m in members] if ages else []
    return [[members[k] for k in c] for c in cluster_edges(len(members), edges, settings, named, where, when, towns,
                                                           roads, old)]


def score(stories: Sequence[Sequence[int]], labels: Sequence[str], members: Sequence[int]) -> tuple[float, ...]:
    """Pairwise precision, recall, F1 of ``stories`` against the incidents of ``members``."""
    gold = {(a, b) for a, b in itertools.combinations(sorted(members), 2) if labels[a] == labels[b]}
    pred = {(a, b) for s in stories for a, b in itertools.combinations(sorted(s), 2)}
    tp = len(gold & pred)
    p, r = tp / len(pred) if pred else 0.0, tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_validate(features: np.ndarray, labels: Sequence[str], splits: int, *, seed: int = 0,
                   settings: GroupingSettings = GroupingSettings(),
                   regions: Sequence[frozenset[str]] = (), places: Sequence[frozenset[str]] = (),
                   days: Sequence[frozenset[str]] = (), cities: Sequence[frozenset[str]] = (),
                   streets: Sequence[frozenset[str]] = (), ages: Sequence[frozenset[str]] = ()) -> np.ndarray:
    """(P, R, F1) of each half of ``splits`` random halvings by incident, fitted on the other half."""
    out = []
    rng = random.Random(seed)
    names = sorted(set(labels))
    for _ in range(splits):
        half = set(rng.sample(names, len(names) // 2))
        sides = [[k for k, lab in enumerate(labels) if (lab in half) == side] for side in (True, False)]
        for train, test in (sides, sides[::-1]):
            i, j = _pairs(train)
            y = np.array([labels[a] == labels[b] for a, b in zip(i, j, strict=True)])
            fitted = fit(features[i, j], y)
            kept = ("threshold", "lone_pairs", "lone_bar", "floor", "regions", "event_reach")
            fitted = replace(fitted, **{k: getattr(settings, k) for k in kept})
            out.append(score(cluster(features, test, fitted, regions, places, days, cities, streets, ages), labels,
                             test))
    return np.array(out)


def _settings(pairs: Sequence[str]) -> dict[str, Any]:
    """NAME=VALUE pairs (--set) as GroupingSettings fields, each of its default's type."""
    default = GroupingSettings()
    return {k: type(getattr(default, k))(float(v)) for k, v in (pair.split("=", 1) for pair in pairs)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, nargs="+", default=[DATA])
    ap.add_argument("--splits", default="3,8,20")
    ap.add_argument("--fresh", action="store_true", help="analyse the articles again")
    ap.add_argument("--regions", type=float, default=GroupingSettings().regions,
                    help="the average at which groups naming disjoint regions may merge (1: never)")
    ap.add_argument("--set", action="append", default=[], help="a setting, NAME=VALUE")
    ap.add_argument("--no-regions", action="store_true", help="ignore the regions the articles name")
    ap.add_argument("--no-places", action="store_true", help="ignore the places the articles' leads name")
    args = ap.parse_args(argv)
    settings = replace(GroupingSettings(), regions=args.regions, **_settings(args.set))
    items, incidents = analysed(args.data, args.fresh)
    profs = profiles(items)
    labels = [incidents[p.id] for p in profs]
    regions = [] if args.no_regions else [p.regions for p in profs]
    places = [] if args.no_places else [p.places for p in profs]
    days = [days_around(p.event_date, settings.event_reach) for p in profs]
    cities = cities_named(profs)
    streets, ages = [p.streets for p in profs], [p.ages for p in profs]
    features = pair_features(profs)
    everyone = list(range(len(profs)))
    i, j = _pairs(everyone)
    fitted = fit(features[i, j], np.array([labels[a] == labels[b] for a, b in zip(i, j, strict=True)]))
    fitted = replace(fitted, **{k: getattr(settings, k) for k in ("regions", "lone_bar")})
    print("fitted on all:", " ".join(f"{f}={getattr(fitted, f):.2f}" for f in (*FEATURES, "bias")))
    for name, weights in (("fitted", fitted), ("shipped", settings)):
        p, r, f = score(cluster(features, everyone, weights, regions, places, days, cities, streets, ages), labels,
                        everyone)
        print(f"in-sample, {name} weights: P={p:.3f} R={r:.3f} F1={f:.3f}")
    for n in (int(s) for s in args.splits.split(",")):
        res = cross_validate(features, labels, n, settings=settings, regions=regions, places=places, days=days,
                             cities=cities, streets=streets, ages=ages)
        p, r, f = res.mean(axis=0)
        print(f"cv {n:2d} splits: P={p:.3f} R={r:.3f} F1={f:.3f} (F1 of the halves {res[:, 2].std():.3f} sd)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
