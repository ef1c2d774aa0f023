"""Counts, bounds, classes, events, dates and negation read off text, in English and Spanish."""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile import facts
from reconcile.model import Span


def quantities(rules, text):  # type: ignore[no-untyped-def]
    span = Span(0, len(text))
    counts = facts.find_counts(text, span, rules.lexicon, "es" if "ñ" in text or "ía" in text else "en")
    found = facts.read(text, span, sentence=span, counts=counts, lexicon=rules.lexicon)
    return [(q.value, q.bound, q.cls, q.event, q.hypothetical, q.scoped) for q in found.quantities]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("eight gunmen died", [(8, "exact", "attackers", "killed", False, False)]),
        # nobody counted: none, not one ("no one" was read as 1)
        ("No one was arrested on Friday", [(0, "exact", "people", "arrested", False, False)]),
        ("Nadie resultó herido en el ataque", [(0, "exact", "people", "injured", False, False)]),
        ("No one knows why he opened fire", []),
        # a list's "and" ends a number's noun phrase: the gunman after it is not what "two" counts
        ("two bailiffs and a gunman are dead", []),
        # nobody besides those told of is no total: "else" is none more than them, not none at all
        ("No one else was injured in the shooting", []),
        ("Nadie más resultó herido en el ataque", []),
        ("Police have no suspects in custody", [(0, "exact", "attackers", "arrested", False, False)]),
        ("no criminal charges will be filed", []),
        # a number's noun is never past a word that starts another clause
        ("the jurors asked the three holdouts how many people he would have to kill", []),
        ("4 secuestradores fueron abatidos", [(4, "exact", "attackers", "killed", False, False)]),
        ("4 policías murieron", [(4, "exact", "police", "killed", False, False)]),
        ("Dos personas rescatadas", [(2, "exact", "people", "rescued", False, False)]),
        ("the gunmen managed to kill four officers", [(4, "exact", "police", "killed", False, False)]),
        ("at least seven police officers have been killed", [(7, "at_least", "police", "killed", False, False)]),
        ("more than 20 people were injured", [(20, "at_least", "people", "injured", False, False)]),
        ("we are going to kill two of your Tacticals", [(2, "exact", "police", "killed", True, False)]),
        ("at least 262 police officers killed so far this year", [(262, "at_least", "police", "killed", False, True)]),
        ("12 criminals and officers died", [(12, "exact", "people", "killed", False, False)]),
        ("eight gunmen died and three others were injured",
         [(8, "exact", "attackers", "killed", False, False), (3, "exact", "attackers", "injured", False, False)]),
    ],
)
def test_counts(rules, text, expected):
    assert quantities(rules, text) == expected


def test_a_count_that_did_the_killing_gets_no_event(rules):
    """'Four gunmen killed two officers': the gunmen were not killed."""
    assert quantities(rules, "Four gunmen killed 2 officers") == [
        (4, "exact", "attackers", None, False, False),
        (2, "exact", "police", "killed", False, False),
    ]


def test_years_and_unknown_nouns_are_not_counts(rules):
    assert quantities(rules, "In 2020 the council met for three hours") == []


def test_the_day_of_a_date_is_no_count(rules):
    # a figure after a month's name or before one is a day: nobody was counted, the one dead is kept
    assert quantities(rules, "One of five people shot outside the bar early October 27 has died.") == [
        (5, "exact", "people", "shot", False, False)]
    assert quantities(rules, "He goes to trial Aug. 22 for endangering children") == []
    assert quantities(rules, "Murieron 4 policías el 27 de octubre") == [(4, "exact", "police", "killed", False, False)]
    # a number in words after a month that ends a sentence opens the next one: a count
    found = quantities(rules, "He was shot in January. One other person died.")
    assert found[-1][:4] == (1, "exact", "people", "killed")


def test_an_aside_naming_some_of_those_counted_stands_between_the_count_and_its_event(rules):
    text = "Police say four people, including an 11-year-old boy and a 13-year-old boy, were wounded Friday night."
    assert quantities(rules, text) == [(4, "exact", "people", "injured", False, False)]
    spanish = "Cuatro personas, incluidos dos niños de 11 y 13 años que jugaban en la calle, resultaron heridas."
    assert quantities(rules, spanish)[0] == (4, "exact", "people", "injured", False, False)


def test_dates_resolve_against_the_article_date(rules):
    text = "He was kidnapped on Thursday and a decree followed on May 17 and 17 May"
    found = facts.read(text, Span(0, len(text)), sentence=Span(0, len(text)), counts=[],
                       lexicon=rules.lexicon, today=dt.date(2021, 5, 31))
    thursday, may17, may17b = found.dates
    assert (thursday.year, thursday.month, thursday.day) == (2021, 5, 27)
    assert (may17.month, may17.day) == (5, 17) and may17.compatible(may17b)


def test_negation(rules):
    text = "The suspect was not arrested"
    found = facts.read(text, Span(0, len(text)), sentence=Span(0, len(text)), counts=[], lexicon=rules.lexicon)
    assert found.negated


def _article_counts(rules, text):  # type: ignore[no-untyped-def]
    from reconcile.claims import extract
    from reconcile.model import Document

    document = Document(id="d1", path="a.txt", text=text, language="es" if "ía" in text else "en")
    return [(q.text, q.event, q.partial) for c in extract(document, rules) for q in c.facts.quantities]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the antecedent of "other" is a count of another event, sentences earlier: all the wounded
        ("The gunman killed five police officers during the protest.\n\n"
         "The attack wounded four other officers and two civilians.",
         ("four other officers", "injured", False)),
        ("El agresor mató a cinco policías durante la protesta.\n\n"
         "El ataque dejó heridos a otros cuatro policías.",
         ("cuatro policías", "injured", False)),
        # the antecedent is a count of the same event: a part of the wounded
        ("One officer was wounded during the protest.\n\nThe gunman wounded three other officers later.",
         ("three other officers", "injured", True)),
        ("Un policía resultó herido durante la protesta.\n\nEl agresor hirió a otros tres policías más tarde.",
         ("tres policías", "injured", True)),
        # no antecedent anywhere: unclear, so a part
        ("The attack wounded four other officers and two civilians.", ("four other officers", "injured", True)),
        ("El ataque dejó heridos a otros cuatro policías y a dos civiles.", ("cuatro policías", "injured", True)),
    ],
)
def test_other_finds_its_antecedent_in_earlier_sentences(rules, text, expected):
    assert expected in _article_counts(rules, text)


def test_a_speaker_is_not_its_auxiliary(rules):
    from reconcile.claims import extract
    from reconcile.model import Document

    text = "Dallas Mayor Mike Rawlings has said the gunman was wearing a bulletproof vest during the attack."
    claims = extract(Document(id="d1", path="a.txt", text=text), rules)
    assert [c.voice for c in claims] == ["Dallas Mayor Mike Rawlings"]
