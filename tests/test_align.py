"""Alignment pieces: the specificity gap, and mutual best matches with a fake encoder."""

from __future__ import annotations

from conftest import SEEDS, FakeEncoder

from reconcile.align import _gaps, align, specificity_gap
from reconcile.api import analyse, embed_claims
from reconcile.ingest import read_all


def test_the_gap_matrix_equals_the_pairwise_rule(rules):
    docs = read_all([str(SEEDS / "guanajuato-zerohedge.txt"), str(SEEDS / "el-salto-breitbart.txt")], rules=rules)
    claims = [c for d in docs for c in analyse(d, rules)]
    gaps = _gaps(claims)
    for i, a in enumerate(claims):
        for j, b in enumerate(claims):
            if i != j:
                assert gaps[i, j] == specificity_gap(a, b), (a.text, b.text)


def test_identical_quotes_in_two_sources_are_one_cluster(rules):
    docs = read_all([str(SEEDS / "guanajuato-zerohedge.txt"), str(SEEDS / "guanajuato-ward.txt")], rules=rules)
    claims = [c for d in docs for c in analyse(d, rules)]
    clusters = align(claims, embed_claims(claims, FakeEncoder()), group_of=lambda c: c.doc)
    by_id = {c.id: c for c in claims}
    texts = [sorted(by_id[i].text for i in cl.claims) for cl in clusters]
    assert ["The CJNG is hunting the elite police force of Guanajuato."] * 2 in texts
    for cl in clusters:  # one claim per source unless a source restates itself
        docs_in = [by_id[i].doc for i in cl.claims]
        assert len(docs_in) == len(set(docs_in)) or any(e.evidence == "restatement" for e in cl.edges)


def test_nearest_claims_fall_back_to_a_lower_floor_only_for_claims_with_none():
    import numpy as np

    from reconcile.align import neighbours
    from reconcile.model import Claim

    claims = [Claim(f"d{d}.c{i}", f"d{d}", f"claim {d}{i}", 0, 9) for d, i in ((1, 1), (1, 2), (2, 1), (2, 2))]
    sim = np.array([
        [1.0, 0.2, 0.6, 0.4],  # d1.c1: a close source claim (0.6) -> the 0.4 one is not added
        [0.2, 1.0, 0.3, 0.4],  # d1.c2: none from 0.47 on -> its nearest from 0.35 on
        [0.6, 0.3, 1.0, 0.1],
        [0.4, 0.4, 0.1, 1.0],
    ], dtype=np.float32)
    group_of = lambda c: c.doc  # noqa: E731
    plain = neighbours(claims, sim, group_of=group_of, k=5, floor=0.47)
    loose = neighbours(claims, sim, group_of=group_of, k=5, floor=0.47, fallback_floor=0.35)
    assert plain["d1.c1"] == loose["d1.c1"] == ("d2.c1",)
    assert plain["d1.c2"] == () and loose["d1.c2"] == ("d2.c2",)
