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
