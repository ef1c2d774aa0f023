"""A clash needs the same participants and the same predicate (issue 21): read from the parse of
both claims; and each conflict is one finding, with all the claims that state it."""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile.claims import extract
from reconcile.conflicts import same_facts
from reconcile.frame import story_sheet
from reconcile.ingest import read
from reconcile.judge.findings import one_per_conflict
from reconcile.model import Claim, Conflict, Document, Finding
from reconcile.stamp import PARSER_DISTRIBUTIONS, parser_stamp


def claim(doc: str, text: str, language: str = "en") -> Claim:
    return Claim(id=f"{doc}.c1", doc=doc, text=text, start=0, end=len(text), language=language)


def verdict(rules, a: str, word_a: str, b: str, word_b: str, opposite: bool = False):  # type: ignore[no-untyped-def]
    return same_facts(claim("a", a), a.index(word_a), claim("b", b), b.index(word_b), rules.lexicon,
                      opposite=opposite)


@pytest.mark.parametrize(("a", "wa", "b", "wb", "why"), [
    ("The mayor was not questioned.", "not", "Police questioned two witnesses.", "questioned",
     "different subjects: 'mayor' / 'Police'"),
    ("The pastor was not at the church when the fire broke out", "not",
     "The former vice presidential candidate went to the church Saturday", "church",
     "different subjects: 'pastor' / 'candidate'"),
    ("If the jury does not convict him, he will walk free.", "not", "The jury convicted him.", "convicted",
     "a condition"),
    ("Defendants who are not convicted go free.", "not", "Smith was convicted.", "convicted", "a relative clause"),
    ("Was the mayor not questioned?", "not", "The mayor was questioned.", "questioned", "a question"),
    ("not on the Iran deal or policy issues generally.", "not", "The Iran deal is a disaster", "Iran",
     "no predicate"),
    # the same predicate about other things, and a denial of another predicate
    ("The teenagers were not involved in gang activity.", "not",
     "Four teenagers were involved in a shooting at an Oceanside park.", "involved",
     "different objects: 'activity' / 'shooting'"),
    ("While Nichols did not receive the death penalty, he will likely die in prison.", "not",
     "Family members expressed outrage that Nichols had escaped the death penalty.", "death",
     "different predicates: 'receive' / 'escaped'"),
    # an infinitive under another verb states what is not done, or not yet
    ("The company did not close its offices.", "not", "The company plans to close its offices.", "close",
     "an infinitive"),
    ("Others said there had been no gun at all.", "no gun",
     "Her brother had too much common sense to point a loaded gun at an officer.", "gun", "an infinitive"),
    # "no" denies the noun it stands before; a word that only qualifies it is not what is denied
    ("The youth in this community have no outlets, no community center.", "no community",
     "The community we live in can get dangerous at times.", "community",
     "the denial is of 'center', which the other does not name"),
    # what would follow a condition is not stated either
    ("If they restart their nuclear program, they're going to have big problems.", "going",
     "They're not going to be restarting anything.", "not", "a consequence"),
    # what a fact is set against, an open question, and a denial of questions on another topic
    ("An agreement that put the program on hold was better than no deal at all.", "no deal",
     "The administration made the Iran deal in 2015.", "deal", "a comparison"),
    ("But there is no indication whether Trump is now an official suspect of the probe.", "no indication",
     "Mueller's team has indicated to Trump's lawyers that he is not considered a target.", "indicated",
     "an open question"),
    ("He noted that there were no questions about collusion.", "no questions",
     "Mueller has given a list of almost four dozen questions to lawyers for the president.", "questions",
     "the denial is of 'questions about collusion', which the other does not name"),
])
def test_a_denial_of_other_participants_or_no_fact_is_no_clash(rules, a, wa, b, wb, why):  # type: ignore[no-untyped-def]
    found = verdict(rules, a, wa, b, wb)
    assert found is not None and not found.same and found.why == why


@pytest.mark.parametrize(("a", "wa", "b", "wb"), [
    ("Smith was not charged.", "not", "Smith has been charged with murder.", "charged"),
    ("He was not charged.", "not", "He has been charged with murder.", "charged"),
    ("She is not in hospital.", "not", "She was admitted to hospital.", "hospital"),
    ("There were no injuries.", "no", "Two officers were injured.", "injured"),
    ("No one was hurt in the blast.", "No", "Three people were hurt in the blast.", "hurt"),
    ("There is no community center in the town.", "no", "The community center opened in May.", "community"),
    ("Smith was not charged with murder.", "not", "Smith was charged with murder on Friday.", "charged"),
    ("The company did not close its offices in Madrid.", "not", "The company closed its offices in Madrid.", "closed"),
])
def test_a_denial_of_the_same_participants_stands(rules, a, wa, b, wb):  # type: ignore[no-untyped-def]
    found = verdict(rules, a, wa, b, wb)
    assert found is not None and found.same


def test_opposite_words_need_the_same_thing_qualified_or_the_same_subject(rules):  # type: ignore[no-untyped-def]
    assert verdict(rules, "a young man was shot", "young", "an old man was shot", "old", opposite=True).same
    plan = "The board approved a plan to return cash to shareholders, {} a share buyback."
    assert verdict(rules, plan.format("including"), "including", plan.format("excluding"), "excluding",
                   opposite=True).same
    fled = verdict(rules, "The suspect fled north.", "north", "The officers drove south.", "south", opposite=True)
    assert fled is not None and not fled.same and fled.why == "different subjects: 'suspect' / 'officers'"
    # a determiner says how many of its noun: of two different nouns, no clash
    some = verdict(rules, "The youth here have no outlets for their anger.", "no",
                   "Some in the community don't believe he had a gun.", "Some", opposite=True)
    assert some is not None and not some.same and some.why == "'no' is said of 'outlets', which the other does not name"
    assert verdict(rules, "No passengers survived the crash.", "No", "All passengers survived the crash.", "All",
                   opposite=True).same


def test_a_pronoun_or_a_subject_elsewhere_is_left_to_the_word_rules(rules):  # type: ignore[no-untyped-def]
    assert verdict(rules, "he was not at the church", "not", "The candidate went to the church", "church") is None
    capex = verdict(rules, "The company increased its expected CapEx spend.", "increased",
                    "As I mentioned earlier, we are reducing our planned net CapEx.", "reducing", opposite=True)
    assert capex is None


def test_another_language_is_left_to_the_word_rules(rules):  # type: ignore[no-untyped-def]
    a, b = claim("a", "El alcalde no fue interrogado.", "es"), claim("b", "La policía interrogó al alcalde.", "es")
    assert same_facts(a, 10, b, 12, rules.lexicon) is None


def test_one_finding_per_conflict_with_every_claim_that_states_it() -> None:
    def negation(other: str, confidence: float) -> Finding:
        return Finding("contradiction", ("a.c1", other), confidence, f"Negation vs {other}",
                       (Conflict("polarity", {"a.c1": "not on the Iran", other: "Iran"}, "Negation",
                                 {"a.c1": (0, 15), other: (4, 8)}),))
    order = {"a.c1": 0, "b.c1": 1, "b.c2": 2, "b.c3": 3}
    other = Finding("contradiction", ("a.c1", "b.c3"), 0.5, "Killed",
                    (Conflict("count.killed", {"a.c1": 4, "b.c3": 5}, "Killed", {}),))
    merged = one_per_conflict([negation("b.c2", 0.42), negation("b.c1", 0.55), other], order)
    assert len(merged) == 2
    first = merged[0]
    assert first.claims == ("a.c1", "b.c1", "b.c2") and first.confidence == 0.55 and first.reason == "Negation vs b.c1"
    assert dict(first.conflicts[0].spans) == {"a.c1": (0, 15), "b.c1": (4, 8), "b.c2": (4, 8)}
    assert merged[1] is other


def test_a_part_one_source_names_is_no_other_count(rules):  # type: ignore[no-untyped-def]
    a = Document(id="a", path="a.txt", date=dt.date(2016, 5, 8),
                 text="Five officers were injured, two of them from the state police.")
    b = Document(id="b", path="b.txt", date=dt.date(2016, 5, 8), text="Two state police officers were injured.")
    rows, findings = story_sheet([a, b], [*extract(a, rules), *extract(b, rules)], rules)
    injured = {r.field: r for r in rows}["injured"]
    assert injured.status == "agree" and {k: v.value for k, v in injured.values.items()} == {"a": 5, "b": 2}
    assert not findings


def test_a_tokenised_address_is_page_furniture(rules, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "d.txt"
    path.write_text("Two climbers were killed on Mount Cook on Sunday.\n\n"
                    "http : / / www . stuff . co . nz / national / 9167416 / Two - climbers - killed\n",
                    encoding="utf-8")
    doc = read(str(path), doc_id="d", rules=rules)
    assert [c.text for c in extract(doc, rules)] == ["Two climbers were killed on Mount Cook on Sunday."]


def test_cached_results_name_the_parser_they_were_judged_with() -> None:
    assert [part.split("==")[0].split(" ")[0] for part in parser_stamp().split(",")] == list(PARSER_DISTRIBUTIONS)


def test_a_relative_clause_about_one_thing_states_a_fact(rules):  # type: ignore[no-untyped-def]
    text = "Lordstown will recall 19 pickups to address an issue that could {}result in a loss of propulsion."
    found = verdict(rules, text.format("not "), "not", text.format(""), "result")
    assert found is not None and found.same


def test_a_figure_lined_up_by_its_noun_alone_needs_the_same_verb(rules):  # type: ignore[no-untyped-def]
    from reconcile.conflicts import other_predicates

    inside = "When the attack came, Mr Ging said about 350 Palestinians were inside the school."
    sheltered = "More than two dozen UN schools are serving as temporary shelters to more than 15,000 Palestinians."
    why = other_predicates(claim("a", inside), inside.index("350"), claim("b", sheltered), sheltered.index("15,000"),
                           rules.lexicon)
    assert why == "different predicates: 'were' / 'serving'"
    killed = "Some 168,000 people were killed in Aceh by the 2004 tsunami."
    also = "In 2004 a quake triggered a tsunami that killed 230,000 people."
    assert other_predicates(claim("a", killed), killed.index("168,000"), claim("b", also), also.index("230,000"),
                            rules.lexicon) == ""


def _one_claim(rules, doc: str, text: str) -> Claim:  # type: ignore[no-untyped-def]
    claims = extract(Document(id=doc, path=f"{doc}.txt", text=text), rules)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(("a", "b", "days"), [
    # the words around the two days do not line up; the parse says they are when one subject did one deed
    ("His accomplice, also on the run, surrendered himself to police on Friday.",
     "His accomplice, 30-year-old Edgar Ricardo de Oliveira, also ran from police but surrendered himself on "
     "Thursday morning and confessed to the crimes.", ("Friday", "Thursday")),
    ("On Tuesday the council voted to close the plant.",
     "The council, after a long night of debate, voted on Monday to close the plant.", ("Tuesday", "Monday")),
    # two deeds, two days; when it was said; and another subject's deed
    ("The man was shot Friday near his home.", "He died Thursday at a hospital after the shooting near his home.",
     None),
    ("Police said Friday the man was shot.", "Police said Thursday the man was shot.", None),
    ("His accomplice surrendered to police on Friday after a week on the run.",
     "The gunman, after a week on the run, surrendered to police on Thursday.", None),
])
def test_two_days_clash_only_when_one_subject_did_one_deed(rules, a, b, days):  # type: ignore[no-untyped-def]
    from reconcile.conflicts import compare_pair

    clashes = [c for c in compare_pair(_one_claim(rules, "a", a), _one_claim(rules, "b", b), rules.lexicon)
               if c.slot == "date"]
    if days is None:
        assert clashes == []
    else:
        assert [c.values for c in clashes] == [days]
        ((sa, ea), (sb, eb)) = clashes[0].spans
        assert (a[sa:ea], b[sb:eb]) == days
