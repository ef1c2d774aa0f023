"""The cases in tests/cases/findings.yaml, through the whole pipeline with the real model."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reconcile import compare

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "findings.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_case(case, write, encoder):
    a, b = write("a.txt", case["a"]), write("b.txt", case["b"])
    result = compare([a, b], encoder=encoder)
    docs_of = lambda f: {result.claim(c).doc for c in f.claims}  # noqa: E731
    # a claim another source contradicts is never also "what only one source says"
    disputed = {c for f in result.findings if f.kind in ("contradiction", "update") for c in f.claims}
    assert not [f.claims for f in result.of_kind("unique") if set(f.claims) <= disputed]
    if case["expect"] == "no-contradiction":
        assert result.of_kind("contradiction") == [], [f.reason for f in result.of_kind("contradiction")]
        return
    kind = "agreement" if case["expect"] == "agreement" else case["expect"]
    found = [f for f in result.of_kind(kind) if docs_of(f) == {"d1", "d2"}]
    assert found, [(f.kind, f.reason) for f in result.findings]
    if kind == "agreement":
        assert result.of_kind("contradiction") == []
        return
    conflicts = [c for f in found for c in f.conflicts if c.slot == case["slot"]]
    assert conflicts, [f.reason for f in found]
    if "values" in case:
        assert set(case["values"]) <= set(conflicts[0].values.values())
