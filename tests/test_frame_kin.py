"""Children and siblings named by a given name alone beside a named relative take the relative's family
name in the fact sheet, with the age the text gives them (issue 20, people)."""

from __future__ import annotations

import pytest
from test_frame import frame_of, spans_hold


@pytest.mark.parametrize("text, expected", [
    # the age before the noun of kin is the one relative's
    ("Police say Jonathan Walker, 34, executed his 7-year-old daughter Kayla and badly wounded her "
     "12-year-old sister, Christina.",
     [("Kayla Walker", "Kayla", 7), ("Christina Walker", "Christina", 12)]),
    # a list after the noun: each member's own age, before or after the name ("8-year-old Liana, 5-year-old"
    # gives Liana 8, not the 5 that begins the next member)
    ("Inside the home, police found 40-year-old Mark Jason Short Sr., his wife, Megan L. Short, 33, and the "
     "couple's three children, 8-year-old Liana, 5-year-old Mark Jr. and 2-year-old Willow, all dead.",
     [("Liana Short", "Liana", 8), ("Willow Short", "Willow", 2)]),
    ("Police say Clarence Washington, 35, shot his wife. The daughters were 13-year-old Onesha, six-year-old "
     "Onya and four-year-old Olivia.",
     [("Onesha Washington", "Onesha", 13), ("Onya Washington", "Onya", 6), ("Olivia Washington", "Olivia", 4)]),
    ("Carl Johnson, 77, was one of the victims. Hannah Johnson and her son, Kade, 6, were found dead.",
     [("Kade Johnson", "Kade", 6)]),
    # a list that runs past its claim on the same line; a spouse named by a given name alone
    ("Adams identified the family members as Mark Short, 40; his wife, Megan, 33; and the couple's three "
     "children: Liana, 8; Mark, 5; and Willow, 2.",
     [("Megan Short", "Megan", 33), ("Liana Short", "Liana", 8), ("Willow Short", "Willow", 2)]),
])
def test_a_relative_named_by_a_given_name_takes_the_family_name(rules, text, expected):  # type: ignore[no-untyped-def]
    frame = frame_of(rules, text)
    named = {p.name: p for p in frame.people}
    assert [(p.name, p.text, p.age) for p in frame.people if p.name in {e[0] for e in expected}] == expected
    assert all(named[name].status is None for name, _, _ in expected)  # no fate read for them: no count changes
    spans_hold(frame, text)


@pytest.mark.parametrize("text", [
    # a whole name after the noun is read as names are, not as a given name
    "Police say Jonathan Walker, 34, shot his daughter, Kayla Brown, on Sunday.",
    # a word the text also writes in lower case is no name; nor one with no named relative before it
    "Tony Reed, 30, said his son, Will, will recover.",
    "A man shot his son, Kade, on Sunday night, police said.",
    # a cousin or a girlfriend often bears another name: they take none
    "Police say Jonathan Walker, 34, shot his girlfriend, Shauna, and his cousin, Leon.",
])
def test_no_relative_where_the_name_is_not_given_alone_or_has_no_named_relative(rules, text):  # type: ignore[no-untyped-def]
    frame = frame_of(rules, text)
    assert [p.name for p in frame.people if p.text != p.name] == []


def test_a_relative_before_a_whole_name_marks_a_person(rules):  # type: ignore[no-untyped-def]
    text = "In November, deputies found the bodies of 77-year-old Carl Johnson and his daughter Hannah Johnson."
    frame = frame_of(rules, text)
    assert [(p.name, p.text, p.age) for p in frame.people] == [
        ("Carl Johnson", "Carl Johnson", 77), ("Hannah Johnson", "Hannah Johnson", None)]
    spans_hold(frame, text)
