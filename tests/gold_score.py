"""The gold files' matching rules (tests/gold/*.yaml, copies of ../shared/gold), as a function.

A finding covers a gold snippet when one of its claims' spans overlaps the snippet's span in the
document; this mirrors ../shared/tools/score_gold.py so the suite checks the same thing CI's
reviewers do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from reconcile.model import Result


def score(result: Result, gold_file: Path, seeds: Path) -> dict[str, Any]:
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    side_doc = {
        side: next(d.id for d in result.documents if Path(d.path).name == name)
        for side, name in gold["documents"].items()
    }
    texts = {side: (seeds / name).read_text(encoding="utf-8") for side, name in gold["documents"].items()}
    claims = {c.id: c for c in result.claims}

    def covers(cid: str, side: str, snippet: str) -> bool:
        c = claims[cid]
        start = texts[side].index(snippet)
        return c.doc == side_doc[side] and c.start < start + len(snippet) and start < c.end

    def finding_covers(f: Any, side: str, snippet: str) -> bool:
        return any(covers(cid, side, snippet) for cid in f.claims)

    agreements = result.of_kind("agreement")
    contradictions = result.of_kind("contradiction")
    uniques = result.of_kind("unique")
    out: dict[str, Any] = {"missed": []}

    hit = 0
    for g in gold.get("agreements") or []:
        if any(finding_covers(f, "a", g["a"]) and finding_covers(f, "b", g["b"]) for f in agreements):
            hit += 1
        else:
            out["missed"].append(g["id"])
    out["agreements"] = hit

    hit = 0
    for side, snippets in (gold.get("unique") or {}).items():
        other = "b" if side == "a" else "a"
        for s in snippets:
            uniq = any(finding_covers(f, side, s) for f in uniques)
            paired = any(
                finding_covers(f, side, s) and any(claims[c].doc == side_doc[other] for c in f.claims)
                for f in agreements
            )
            hit += uniq and not paired
    out["unique"] = hit

    matched, hit = set(), 0
    for g in gold.get("contradictions") or []:
        for k, f in enumerate(contradictions):
            values = {v for c in f.conflicts for v in c.values.values()}
            if finding_covers(f, "a", g["a"]) and finding_covers(f, "b", g["b"]) and set(g["values"]) <= values:
                matched.add(k)
                hit += 1
                break
    out["contradictions"] = hit
    cross = [
        k for k, f in enumerate(contradictions) if len({claims[c].doc for c in f.claims} & set(side_doc.values())) == 2
    ]
    out["false_contradictions"] = len([k for k in cross if k not in matched])
    out["furniture_claims"] = sum(
        1
        for side, snippets in (gold.get("not_claims") or {}).items()
        for s in snippets
        for cid in claims
        if covers(cid, side, s)
    )
    return out
