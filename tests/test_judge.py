"""The judge on hand-made clusters, without the model: what each pass finds, and with what confidence.

Claims come from the rules alone (``claims.extract``); the clusters and the similarity of two claims
are given by hand, as align would give them.
"""

from __future__ import annotations

import pytest

from reconcile.align import Cluster, Edge
from reconcile.claims import extract
from reconcile.judge import judge
from reconcile.judge.findings import make_finding
from reconcile.model import Claim, Document, Finding, Tally
from reconcile.rules import load_rules

RULES = load_rules()


def claims_of(doc_id: str, text: str) -> list[Claim]:
    return extract(Document(id=doc_id, path=f"{doc_id}.txt", text=text), RULES)


def cluster(*claims: Claim, score: float = 0.8) -> Cluster:
    ids = tuple(c.id for c in claims)
    return Cluster(ids, tuple(Edge(a, b, score, "meaning") for a, b in zip(ids, ids[1:], strict=False)))


def run(clusters: list[Cluster], claims: list[Claim], **kw: object) -> list[Finding]:
    return judge(clusters, claims, group_of=lambda c: c.doc, lexicon=RULES.lexicon,
                 names={"d1": "a.txt", "d2": "b.txt"}, **kw)  # type: ignore[arg-type]


def only(findings: list[Finding], kind: str) -> Finding:
    found = [f for f in findings if f.kind == kind]
    assert len(found) == 1, findings
    return found[0]


def test_a_count_two_sources_disagree_on_is_a_contradiction_with_both_values_and_spans() -> None:
    (a,) = claims_of("d1", "Four gunmen were killed in the clash on Monday.")
    (b,) = claims_of("d2", "Eight gunmen were killed in the clash on Monday.")
    found = run([cluster(a, b)], [a, b])
    finding = only(found, "contradiction")
    assert finding.claims == (a.id, b.id)
    (conflict,) = finding.conflicts
    assert conflict.slot == "count.attackers.killed"
    assert dict(conflict.values) == {a.id: 4, b.id: 8}
    assert a.text[conflict.spans[a.id][0] - a.start : conflict.spans[a.id][1] - a.start].startswith("Four")
    assert finding.confidence == round(min(0.95, 0.9 * (0.9 + 0.1 * 0.8)), 2)
    assert "a.txt" in finding.reason and "b.txt" in finding.reason


def test_a_cluster_where_nothing_conflicts_is_an_agreement_at_its_score() -> None:
    (a,) = claims_of("d1", "Four gunmen were killed in the clash on Monday.")
    (b,) = claims_of("d2", "Four gunmen died in the clash on Monday.")
    found = run([cluster(a, b, score=0.83)], [a, b])
    assert [(f.kind, f.claims, f.confidence) for f in found] == [("agreement", (a.id, b.id), 0.83)]


def test_a_cluster_of_one_source_is_unique() -> None:
    (a,) = claims_of("d1", "The governor visited the scene on Tuesday afternoon.")
    (b,) = claims_of("d2", "Schools in the town stayed closed all week after the attack.")
    found = run([cluster(a), cluster(b)], [a, b])
    assert [(f.kind, f.claims, f.confidence) for f in found] == [("unique", (a.id,), 0.9), ("unique", (b.id,), 0.9)]


def test_a_figure_marked_as_a_revision_is_an_update() -> None:
    (a,) = claims_of("d1", "Three people were killed in the shooting on Friday.")
    (b,) = claims_of("d2", "The death toll rose to five people killed in the shooting on Friday.")
    finding = only(run([cluster(a, b)], [a, b]), "update")
    assert {c.slot for c in finding.conflicts} == {"count.people.killed"}
    assert finding.reason.endswith('words its figure as a revision: "rose to")'), finding.reason


def test_a_revision_word_away_from_the_figure_makes_no_update() -> None:
    (a,) = claims_of("d1", "Three people were killed in the shooting on Friday.")
    (b,) = claims_of("d2", "Five people were killed in the shooting on Friday, and police later closed the road.")
    found = run([cluster(a, b)], [a, b])
    assert [f.kind for f in found] == ["contradiction"], [(f.kind, f.reason) for f in found]


def test_counts_in_different_clusters_conflict_when_the_claims_are_alike() -> None:
    (a,) = claims_of("d1", "Four police officers were killed in the ambush.")
    (b,) = claims_of("d2", "Two police officers died after gunmen ambushed their convoy.")
    clusters = [cluster(a), cluster(b)]
    finding = only(run(clusters, [a, b], similarity=lambda x, y: 0.7), "contradiction")
    assert dict(finding.conflicts[0].values) == {a.id: 4, b.id: 2}
    assert finding.confidence == 0.9  # exact counts


def test_near_pairs_outside_any_shared_cluster_are_compared_too() -> None:
    (a,) = claims_of("d1", "Police said the driver of the truck was arrested at the scene.")
    (b,) = claims_of("d2", "Police said the driver of the truck was not arrested at the scene.")
    clusters = [cluster(a), cluster(b)]
    assert not [f for f in run(clusters, [a, b]) if f.kind == "contradiction"]  # never set side by side
    tally = Tally()
    found = run(clusters, [a, b], near={a.id: (b.id,)}, similarity=lambda x, y: 0.9, tally=tally)
    finding = only(found, "contradiction")
    assert finding.conflicts[0].slot == "polarity"
    assert finding.claims == (a.id, b.id)
    assert tally.pairs == 1 and tally.negations >= 1
    assert not [f for f in found if f.kind == "unique"]  # a disputed claim is not a unique detail


def test_near_pairs_clash_only_where_the_parse_shows_the_same_participants() -> None:
    """Two claims set side by side only as neighbours: a denial stands where both speak of the driver,
    not where one speaks of "he" and the other of "people" (the parse cannot tell them one)."""
    from reconcile.model import Settings

    strict = Settings(structure=True)
    (a,) = claims_of("d1", "The driver of the truck was arrested at the scene on Monday.")
    (b,) = claims_of("d2", "The driver of the truck was not arrested at the scene on Monday.")
    found = run([cluster(a), cluster(b)], [a, b], near={a.id: (b.id,)}, similarity=lambda x, y: 0.9, settings=strict)
    assert only(found, "contradiction").conflicts[0].slot == "polarity"
    (c,) = claims_of("d1", "He doesn't know what the plan for the talks is.")
    (d,) = claims_of("d2", "People know what the plan for the talks is.")
    found = run([cluster(c), cluster(d)], [c, d], near={c.id: (d.id,)}, similarity=lambda x, y: 0.9, settings=strict)
    assert not [f for f in found if f.kind == "contradiction"], found


def test_a_total_that_is_not_the_sum_of_the_other_sources_parts() -> None:
    (a,) = claims_of("d1", "Four people were shot outside the bar late on Saturday.")
    b = claims_of("d2", "Two people were killed outside the bar. Three people were injured, police said.")
    found = run([cluster(a), *(cluster(c) for c in b)], [a, *b])
    finding = only(found, "contradiction")
    assert finding.conflicts[0].slot == "count.total.shot"
    assert dict(finding.conflicts[0].values) == {a.id: 4, b[0].id: 2, b[1].id: 3}


@pytest.mark.parametrize(("evidence", "support", "cap", "expected"), [
    (0.9, 0.98, 0.95, 0.88), (0.9, 1.0, 0.85, 0.85), (0.7, 0.5, 1.0, 0.35),
])
def test_one_function_weighs_every_finding(evidence: float, support: float, cap: float, expected: float) -> None:
    finding = make_finding("contradiction", ("d1.c1", "d2.c1"), "why", evidence=evidence, support=support, cap=cap)
    assert finding.confidence == expected


def test_each_side_names_its_speaker_or_its_source_never_the_article() -> None:
    (a,) = claims_of("d1", "Four gunmen were killed in the clash on Monday, Governor Enrique Alfaro said.")
    (b,) = claims_of("d2", "Eight gunmen were killed in the clash on Monday.")
    finding = only(run([cluster(a, b)], [a, b]), "contradiction")
    assert finding.reason == "Attackers killed: 4 (Governor Enrique Alfaro, a.txt) vs 8 (b.txt)", finding.reason


def test_a_fact_another_source_contradicts_is_not_confirmed() -> None:
    """Two sources that both say four, against a third that says eight: the contradiction shows all
    three; "four" is not listed as a confirmed fact beside it."""
    (a,) = claims_of("d1", "Four gunmen were killed in the clash on Monday.")
    (b,) = claims_of("d2", "Four gunmen were killed in the clash on Monday.")
    (c,) = claims_of("d3", "Eight gunmen were killed in the clash on Monday.")
    found = judge([cluster(a, b), cluster(c)], [a, b, c], group_of=lambda x: x.doc, lexicon=RULES.lexicon,
                  names={"d1": "a.txt", "d2": "b.txt", "d3": "c.txt"}, similarity=lambda x, y: 0.9)
    assert [f.kind for f in found] == ["contradiction"], [(f.kind, f.claims) for f in found]
    assert set(found[0].claims) == {a.id, b.id, c.id}


def test_a_given_name_and_a_family_name_of_one_person_are_no_swap() -> None:
    (a,) = claims_of("d1", "A visitation for Owens will be held at Moore Cortner Funeral Home on Tuesday evening.")
    b1, b2 = claims_of("d2", "A visitation for Sienna will be held at Moore Cortner Funeral Home on Tuesday evening. "
                             "Sienna Owens was in sixth grade at North Middle School.")
    found = run([cluster(a, b1), cluster(b2)], [a, b1, b2])
    assert not [f for f in found if f.kind == "contradiction"], [(f.kind, f.reason) for f in found]
    (c,) = claims_of("d1", "A visitation for Owens will be held at Moore Cortner Funeral Home on Tuesday evening.")
    (d,) = claims_of("d2", "A visitation for Jones will be held at Moore Cortner Funeral Home on Tuesday evening.")
    assert only(run([cluster(c, d)], [c, d]), "contradiction").conflicts[0].slot == "name"


def test_a_name_alone_agrees_with_nothing_and_joins_no_one_to_anyone() -> None:
    (a,) = claims_of("d1", "Arcade Joseph Comeaux Jr, a prison inmate, pulled a gun on two guards and ran away.")
    name = Claim("d2.c1", "d2", "Convicted Child Molestor Arcade Joseph Comeaux Jr .", 0, 52)
    found = run([cluster(a, name)], [a, name])
    assert [(f.kind, f.claims) for f in found] == [("unique", (a.id,)), ("unique", (name.id,))]
    # two statements joined only through the name are no agreement either; joined to each other, they are
    (c,) = claims_of("d3", "Comeaux pulled a gun on two guards and ran away, the sheriff said.")
    joined_through = Cluster((a.id, name.id, c.id), (Edge(a.id, name.id, 0.8, "meaning"),
                                                      Edge(name.id, c.id, 0.8, "meaning")))
    found = judge([joined_through], [a, name, c], group_of=lambda x: x.doc, lexicon=RULES.lexicon)
    assert sorted((f.kind, f.claims) for f in found) == sorted([("unique", (a.id,)), ("unique", (c.id,)),
                                                                ("unique", (name.id,))])
    found = run([cluster(a, name, c)], [a, name, c])  # a-name, name-c: still only through the name
    assert not [f for f in found if f.kind == "agreement"]
    direct = Cluster((a.id, name.id, c.id), (Edge(a.id, c.id, 0.8, "meaning"), Edge(a.id, name.id, 0.8, "meaning")))
    found = judge([direct], [a, name, c], group_of=lambda x: x.doc, lexicon=RULES.lexicon)
    assert [(f.kind, f.claims) for f in found if f.kind == "agreement"] == [("agreement", (a.id, c.id))]
    # one joined to the others only through the name is left out of their agreement
    (d,) = claims_of("d4", "Comeaux escaped from the Polunsky Unit in Livingston on Thursday, officials said.")
    mixed = Cluster((a.id, name.id, c.id, d.id), (Edge(a.id, c.id, 0.8, "meaning"), Edge(a.id, name.id, 0.8, "meaning"),
                                                  Edge(name.id, d.id, 0.8, "meaning")))
    found = judge([mixed], [a, name, c, d], group_of=lambda x: x.doc, lexicon=RULES.lexicon)
    assert [(f.kind, f.claims) for f in found if f.kind == "agreement"] == [("agreement", (a.id, c.id))]
    assert ("unique", (d.id,)) in [(f.kind, f.claims) for f in found]
    # a name with something said of it is a statement, and agrees
    (said,) = claims_of("d2", "Arcade Joseph Comeaux Jr pulled a gun on two guards and ran away.")
    assert [f.kind for f in run([cluster(a, said)], [a, said])] == ["agreement"]
