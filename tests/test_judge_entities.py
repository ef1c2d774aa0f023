"""Two entities in one role are no clash (issue 21): two hospitals a source knows both of, a claim that
names both sexes; and a real misnaming still stands."""

from __future__ import annotations

from test_judge import RULES, claims_of, cluster, run


def test_two_hospitals_a_source_knows_are_not_one_misnamed() -> None:
    """A word put in place of another inside one name ("... Hospital") where the other source uses that
    word elsewhere: two hospitals, however well the claims line up."""
    a = claims_of("d1", "Ten victims were treated at Bridgeport Hospital.")
    b = claims_of("d2", "Ten victims were treated at Yale-New Haven Hospital. The Bridgeport police gave no names.")
    found = run([cluster(a[0], b[0])], [*a, *b])
    assert not [c for f in found for c in f.conflicts if c.slot in ("place", "name")], found


def test_a_name_misspelt_inside_one_name_still_clashes() -> None:
    a = claims_of("d1", "Four victims were treated at Mercy Hospital on Sunday, police said.")
    b = claims_of("d2", "Four victims were treated at Sinai Hospital on Sunday, police said.")
    found = run([cluster(a[0], b[0])], [*a, *b])
    (finding,) = [f for f in found if f.kind == "contradiction"]
    clash = finding.conflicts[0]
    assert clash.slot == "place" and list(clash.values.values()) == ["Mercy", "Sinai"]


def test_a_claim_naming_both_sides_sets_no_opposite() -> None:
    (a,) = claims_of("d1", "The most seriously injured, a woman shot in the face, remained in critical condition.")
    (b,) = claims_of("d2", "one male sustained a gunshot to the face that is not life threatening One female "
                           "is in critical condition at Yale New Haven Hospital with a gunshot to the face")
    found = run([cluster(a, b, score=0.7)], [a, b])
    assert not [f for f in found if f.kind == "contradiction" and f.conflicts[0].slot == "opposite"], found


def test_spanish_adverbs_of_time_are_function_words_as_in_english() -> None:
    """'Después' / 'antes' in two claims that line up loosely are no opposite, as 'after' / 'before'."""
    (a,) = claims_of("d1", "Después habrá un festival cultural con la presencia de diferentes artistas en el zócalo.")
    (b,) = claims_of("d2", "El candidato cerró antes su campaña con un festival cultural en el zócalo.")
    found = run([cluster(a, b, score=0.7)], [a, b])
    assert not [c for f in found for c in f.conflicts if c.slot == "opposite"], found
    assert "antes" in RULES.lexicon.compare.function_words
