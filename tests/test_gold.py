"""The seed stories against their gold files (tests/gold, copies of ../shared/gold), real model."""

from __future__ import annotations

from conftest import GOLD, SEEDS
from gold_score import score


def test_guanajuato_meets_the_gold_bar(seed_results):
    s = score(seed_results["guanajuato"], GOLD / "guanajuato.yaml", SEEDS)
    assert s["agreements"] >= 14, s
    assert s["unique"] >= 7, s
    assert s["false_contradictions"] == 0, s
    assert s["furniture_claims"] == 0, s


def test_el_salto_finds_the_contradiction_and_both_agreements(seed_results):
    s = score(seed_results["el-salto"], GOLD / "el-salto.yaml", SEEDS)
    assert s["contradictions"] == 1, s
    assert s["agreements"] == 2, s
    assert s["furniture_claims"] == 0, s
