"""Blockwise alignment equals the all-pairs algorithm it replaced, whatever the block size."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pytest
from conftest import SEEDS, FakeEncoder

import reconcile.align as align_mod
from reconcile.align import Cluster, Edge, align, counts_clash, same_count, similarity
from reconcile.api import analyse, embed_claims
from reconcile.ingest import read_all
from reconcile.model import Settings


def reference_align(claims, sim, *, group_of, settings, generic):  # type: ignore[no-untyped-def]
    """The former all-pairs alignment, kept as the plain reference (a dense matrix, Python loops)."""
    n = len(claims)
    groups = [group_of(c) for c in claims]
    members: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        members[g].append(i)

    def score(i: int, j: int) -> tuple[float, str]:
        s = float(sim[i, j])
        if s < settings.count_match and same_count(claims[i], claims[j], generic):
            return settings.count_match, "count"
        return s, "meaning"

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    names = sorted(members)
    for gi, g1 in enumerate(names):
        for g2 in names[gi + 1 :]:
            a_idx, b_idx = members[g1], members[g2]
            scores = {(i, j): score(i, j) for i in a_idx for j in b_idx}
            best_a = {i: max(b_idx, key=lambda j, i=i: (scores[i, j][0], -j)) for i in a_idx}
            best_b = {j: max(a_idx, key=lambda i, j=j: (scores[i, j][0], -i)) for j in b_idx}
            for i, j in best_a.items():
                s, evidence = scores[i, j]
                if best_b[j] == i and s >= settings.similarity:
                    graph.add_edge(i, j, score=s, evidence=evidence)
    for idx in members.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1 :]:
                s = float(sim[i, j])
                if counts_clash(claims[i], claims[j]):
                    continue
                if s >= settings.restatement or same_count(claims[i], claims[j], generic):
                    graph.add_edge(i, j, score=max(s, settings.count_match), evidence="restatement")
    clusters = []
    for component in nx.connected_components(graph):
        nodes = sorted(component)
        edges = tuple(
            Edge(claims[i].id, claims[j].id, round(float(d["score"]), 4), d["evidence"])
            for i, j, d in sorted(graph.subgraph(nodes).edges(data=True))
        )
        clusters.append(Cluster(tuple(claims[i].id for i in nodes), edges))
    order = {c.id: k for k, c in enumerate(claims)}
    return sorted(clusters, key=lambda c: order[c.claims[0]])


CASES = {
    "guanajuato": ["guanajuato-zerohedge.txt", "guanajuato-ward.txt"],
    "el-salto": ["el-salto-mexicorojo-tweet.txt", "el-salto-breitbart.txt"],
    "all-five": ["guanajuato-zerohedge.txt", "guanajuato-ward.txt", "el-salto-mexicorojo-tweet.txt",
                 "el-salto-breitbart.txt", "culiacan-raid-video.txt"],
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("cells", [1, 97, 10_000_000])
def test_blocks_equal_the_all_pairs_reference(rules, monkeypatch, case, cells):
    docs = read_all([str(SEEDS / name) for name in CASES[case]], rules=rules)
    claims = [c for d in docs for c in analyse(d, rules)]
    vectors = embed_claims(claims, FakeEncoder())
    settings = Settings()
    sim = similarity(claims, vectors, penalty=settings.specificity_penalty)
    expected = reference_align(claims, sim.dense(), group_of=lambda c: c.doc, settings=settings,
                               generic=rules.lexicon.counts.generic)
    monkeypatch.setattr(align_mod, "BLOCK_CELLS", cells)
    got = align(claims, vectors, group_of=lambda c: c.doc, settings=settings, generic=rules.lexicon.counts.generic)
    assert got == expected


def test_a_pair_on_demand_equals_its_block(rules):
    docs = read_all([str(SEEDS / name) for name in CASES["guanajuato"]], rules=rules)
    claims = [c for d in docs for c in analyse(d, rules)]
    sim = similarity(claims, embed_claims(claims, FakeEncoder()), penalty=0.1)
    dense = sim.dense()
    for i in range(0, len(claims), 7):
        for j in range(0, len(claims), 5):
            assert sim[i, j] == pytest.approx(float(dense[i, j]), abs=1e-6)


def test_a_source_repeating_one_sentence_gives_bounded_edges(rules, write):
    # near repeats (a repeat word for word is one claim since claims drop repeated headlines and ledes)
    a = write("a.txt", "".join(
        f"Four police officers were killed in the attack on Monday night near gate {n}, the governor said.\n"
        for n in range(300)
    ))
    b = write("b.txt", "Gunmen killed four police officers in an attack on Monday night.\n")
    docs = read_all([a, b], rules=rules)
    claims = [c for d in docs for c in analyse(d, rules)]
    clusters = align(claims, embed_claims(claims, FakeEncoder()), group_of=lambda c: c.doc)
    edges = sum(len(c.edges) for c in clusters)
    assert len(claims) == 301
    assert edges <= 301 * align_mod.MAX_RESTATEMENTS
