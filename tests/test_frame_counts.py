"""Who a count is of: a verb's own object, others set apart, a list's last member, a denied event, and
whose status a word after a name is (the counts of the fact sheet, issue 20)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_frame import frame_of, spans_hold

from reconcile.claims import extract
from reconcile.model import Document


def quantities(rules, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    doc = Document(id="d1", path="d1.txt", text=text, language="en")
    return [(q.text, q.event) for c in extract(doc, rules) for q in c.facts.quantities]


@pytest.mark.parametrize("text, expected", [
    # the verb's own object is what befell it; the count before it, and the verbs joined after it, are not
    ("A party in a house packed with 400 people ended in gunfire that killed one man and wounded four others.",
     [("400 people", None), ("four others", "injured")]),
    ("Four gunmen killed two officers and wounded three.", [("Four gunmen", None), ("two officers", "killed")]),
    # "shooting" with its object right after it tells of the shot
    ("Sims, charged with shooting four people and killing one of them, appeared in court.",
     [("four people", "shot")]),
    # others with a verb of their own take no event from before them
    ("One person has died while three others remain hospitalized.",
     [("One person", "killed"), ("three others", None)]),
    # unless they are its object
    ("Police said the gunman killed five officers and wounded four other officers.",
     [("five officers", "killed"), ("four other", "injured")]),
    # an event in a clause of its own after the count is that clause's
    ("She was watching her son and two other children when a 3-year-old found a handgun and fatally shot "
     "her son.", [("two other", None)]),
    # an event denied right before it befell nobody counted; one that is only not serious did
    ("Those two children were not injured.", [("two children", None)]),
    ("Two men were not seriously injured.", [("Two men", "injured")]),
    # an event before a count across a relative clause is another clause's
    ("Four other people were injured at the party where as many as 400 people attended.",
     [("Four other people", "injured"), ("400 people", None)]),
])
def test_the_event_a_count_takes(rules, text, expected):  # type: ignore[no-untyped-def]
    assert quantities(rules, text) == expected


@pytest.mark.parametrize("text, killed, injured", [
    ("A party in a house packed with 400 people ended in gunfire that killed one man and wounded four others. "
     "Four other people, three women and one man, were taken to the hospital.",
     (1, "exact", "killed one man"), (4, "exact", "three women and one man, were taken to the hospital")),
    ("One person has died while three others remain hospitalized following a shooting Thursday night.",
     (1, "exact", "One person"), (3, "exact", "three others")),
    # the last of a list joins the count of its first members, in one claim
    ("Police are investigating after four women and one man were shot in northwest Miami-Dade Monday night.",
     (0, "exact", "four women and one man were shot"), (5, "exact", "four women and one man were shot")),
    # others told of after a part of the first count are that part's, not more
    ("At least four people were shot, including a woman who was shot in the chest. "
     "At least three other people were taken to hospitals.",
     (0, "exact", "At least four people"), (4, "at_least", "At least four people")),
    # one participant listed before a count is the first of its list
    ("Police said the man shot and killed his wife and three children at their home on Sunday.",
     (4, "exact", "his wife and three children"), (0, "exact", "his wife and three children")),
    ("Police are still searching for the person who shot and killed a Gentilly woman and her two boys last Friday.",
     (3, "exact", "a Gentilly woman and her two boys"), (0, "exact", "a Gentilly woman and her two boys")),
    # two participants, the objects of the event before them
    ("Police said the gunman shot and killed a woman and her daughter inside the home on Sunday.",
     (2, "exact", "shot and killed a woman and her daughter"),
     (0, "exact", "shot and killed a woman and her daughter")),
    # a bare noun after one participant shares its determiner: "his father and brother" are two
    ("Zawahri is believed to have killed his father and brother at the start of his shooting spree.",
     (2, "exact", "killed his father and brother"), (0, "exact", "killed his father and brother")),
    ("The gunman injured a 39-year-old man and a 26-year-old man outside the bar, police said.",
     (0, "exact", "injured a 39-year-old man and a 26-year-old man"),
     (2, "exact", "injured a 39-year-old man and a 26-year-old man")),
    # one named by an age alone, after a count and "and a": the last of its list
    ("Police are investigating after four adults and a 3-year-old were shot in Evanston Monday.",
     (0, "exact", "four adults and a 3-year-old were shot"), (5, "exact", "four adults and a 3-year-old were shot")),
    # relatives counted by a plural noun of kin are people like any others
    ("Police are investigating a triple shooting on Thursday evening, injuring a mother and her two teenage sons.",
     (0, "exact", "a mother and her two teenage sons"), (3, "exact", "a mother and her two teenage sons")),
    ("An infant and two women were killed in a shooting in Jacksonville on Monday night.",
     (3, "exact", "An infant and two women"), (0, "exact", "An infant and two women")),
    # others set apart from one participant named before them, of another event: not more than the headline's
    ("Man killed, 4 wounded in West Englewood shooting\n\nA man was killed and four other people, including a "
     "13-year-old boy, were seriously wounded in a neighborhood shooting Monday night.",
     (1, "exact", "A man was killed"), (4, "exact", "4")),
    ("One man was killed and three others were wounded in a shooting outside a bar early Sunday.",
     (1, "exact", "One man was killed"), (3, "exact", "three others")),
    # the dead told as a part of those shot, after them: the rest of those shot are the wounded
    ("Five people were shot in Pine Hills late Sunday. One of the victims later died, police said.",
     (1, "exact", "One of the victims"), (4, "exact", "Five people")),
    # the dead told as a part of the wounded, with no death told before: the rest are the wounded
    ("Police said 10 people were wounded near the park on Sunday. One of the victims was killed.",
     (1, "exact", "One of the victims"), (9, "exact", "10 people")),
    # others told again are the same others
    ("Two men were killed and seven other people were hurt when shooters opened fire Saturday night. "
     "Seven other people were hurt, police said.",
     (2, "exact", "Two men"), (7, "exact", "seven other")),
])
def test_a_count_is_told_once(rules, text, killed, injured):  # type: ignore[no-untyped-def]
    frame = frame_of(rules, text, dt.date(2016, 5, 7))
    for field, expected in (("killed", killed), ("injured", injured)):
        got = frame.counts.get(field)
        assert ((got.value, got.bound, got.text) if got is not None else None) == expected
    spans_hold(frame, text)


def test_nobody_killed_where_someone_is_hurt_and_no_one_dies(rules):  # type: ignore[no-untyped-def]
    # an injury with no figure, and nobody else hurt: no death told of, so none killed; no total of the hurt
    text = ("A 16-year-old boy is recovering at a local hospital after police say he accidentally shot himself. "
            "No one else was hurt.")
    frame = frame_of(rules, text, dt.date(2016, 5, 7))
    assert "injured" not in frame.counts
    killed = frame.counts["killed"]
    assert (killed.value, killed.bound, killed.text) == (0, "exact", "hurt")
    spans_hold(frame, text)
    # a death told in other words is a death: no 0 killed beside it
    died = frame_of(rules, "A shooting injured three males. Brandy Council, 34, succumbed to her injuries.",
                    dt.date(2015, 12, 2))
    assert "killed" not in died.counts or died.counts["killed"].value != 0


@pytest.mark.parametrize("text", [
    "UPDATE: State police say a juvenile injured in a shooting incident Monday morning has died of his injuries.",
    "A two-year-old girl was taken to the hospital but the coroner says she died from her injuries on Sunday.",
])
def test_one_hurt_who_then_died_is_one_of_the_dead(rules, text):  # type: ignore[no-untyped-def]
    frame = frame_of(rules, text, dt.date(2016, 5, 7))
    killed = frame.counts["killed"]
    assert (killed.value, killed.bound) == (1, "at_least")  # one of the dead, maybe not all of them
    assert killed.text.endswith("died")
    assert "injured" not in frame.counts or frame.counts["injured"].value == 0
    spans_hold(frame, text)


def test_hurt_then_a_death_of_others_is_not_theirs(rules):  # type: ignore[no-untyped-def]
    # the dead a number counts are the number's: the 10-year-old stays among the hurt
    text = "A 10-year-old injured during the Wednesday-night shooting spree that left four dead is recovering."
    frame = frame_of(rules, text, dt.date(2016, 5, 7))
    assert frame.counts["killed"].value == 4


def test_a_total_marked_as_such_supersedes_a_part(rules):  # type: ignore[no-untyped-def]
    text = ("A gunman attacked a gathering at a suburban Seattle home, killing two people at a fire pit before "
            "firing more shots from the roof. A total of three people were killed and one was wounded.")
    frame = frame_of(rules, text, dt.date(2016, 7, 31))
    killed = frame.counts["killed"]
    assert (killed.value, killed.bound, killed.text) == (3, "exact", "three people")
    spans_hold(frame, text)
    # a total of another class, told as background, is no total of these
    other = ("One person was killed in the shooting on Thursday. Ambushes in Baton Rouge and Dallas earlier this "
             "month left a total of eight officers dead.")
    assert frame_of(rules, other, dt.date(2016, 7, 29)).counts["killed"].value == 1


def test_a_death_of_someone_named_after_it_is_theirs(rules):  # type: ignore[no-untyped-def]
    # "the homicide of X" befell X, not the suspects counted before it
    text = ("Two suspects in the Easter morning homicide of 3-year-old girl on Detroit's west side have been "
            "arrested, police said.")
    frame = frame_of(rules, text, dt.date(2016, 3, 30))
    killed = frame.counts["killed"]
    assert (killed.value, killed.text) == (1, "homicide of 3-year-old girl")
    spans_hold(frame, text)


def test_a_denied_event_befalls_nobody(rules):  # type: ignore[no-untyped-def]
    text = "A 12-year-old boy was killed in the shooting. Her daughter was not injured, Harris said."
    frame = frame_of(rules, text, dt.date(2016, 5, 7))
    assert "injured" not in frame.counts
    assert (frame.counts["killed"].value, frame.counts["killed"].text) == (1, "A 12-year-old boy was killed")


def test_a_status_after_a_name_is_that_persons(rules):  # type: ignore[no-untyped-def]
    text = ("The mayor discussed the shooting of two officers, Jonathan De Guzman, 43, and Wade Irwin, 35. "
            "The shooting left De Guzman dead and Irwin seriously wounded.")
    frame = frame_of(rules, text, dt.date(2016, 7, 30))
    assert {p.name: p.status for p in frame.people} == {"Jonathan De Guzman": "killed", "Wade Irwin": "injured"}
    # a plural verb joins them: both
    both = frame_of(rules, "John Smith, 30, and Jane Doe, 28, were killed on Friday.", dt.date(2016, 7, 30))
    assert {p.name: p.status for p in both.people} == {"John Smith": "killed", "Jane Doe": "killed"}


@pytest.mark.parametrize("text, killed", [
    # the doer's own death told in a claim of its own: one more than the deed, derived from it
    ("A man shot and killed a young girl Tuesday at a home in Elma, police said. "
     "He then turned the gun on himself, the sheriff said.",
     (2, "exact", "shot and killed a young girl", True)),
    # in one claim with the deed, as before: quoting both
    ("A man shot and killed his wife before turning the gun on himself, police said.",
     (2, "exact", "shot and killed his wife before turning the gun on himself", False)),
    # an event did the killing: no doer to die ("fatally shot himself" is the victim's own shot)
    ("Police responded to a shooting that killed a child on Utica Street Tuesday. "
     "The 2-year-old fatally shot himself with a gun he found in a drawer.",
     (1, "exact", "killed a child", False)),
    # an attempt is no death
    ("A man shot and killed his neighbor Sunday, deputies said. He then tried to take his own life.",
     (1, "exact", "shot and killed his neighbor", False)),
    # the event named a murder-suicide, in the deed's claim or in another
    ("A man shot and killed his wife Sunday in what police called a murder-suicide.",
     (2, "exact", "shot and killed his wife Sunday in what police called a murder-suicide", False)),
    ("Police said the man shot and killed his wife at their home. Investigators ruled it a murder-suicide.",
     (2, "exact", "shot and killed his wife", True)),
    ("A man shot and killed his wife Sunday in what police called an attempted murder-suicide.",
     (1, "exact", "shot and killed his wife", False)),
    # the doer killed by others: the passive of the deed's own subject, in its claim
    ("A man shot and killed a customer at a Houston shop Sunday before being killed by a SWAT officer.",
     (2, "exact", "shot and killed a customer at a Houston shop Sunday before being killed", False)),
    # ... or the doer named by their role in a claim of their own, past an aside or a relative pronoun
    ("The gunman shot and killed three officers in Baton Rouge on Sunday. "
     "The shooter was killed and three other officers were wounded in the shootout.",
     (4, "exact", "three officers", True)),
    ("A gunman shot and killed two people at a bar on Friday. "
     "The suspect, an unidentified man, was shot and killed by deputies outside.",
     (3, "exact", "two people", True)),
    ("A gunman shot and killed two people at a bar on Friday. "
     "The heavily armed gunman, who was killed by police in the parking lot, was identified Saturday.",
     (3, "exact", "two people", True)),
    # a total that has the doer in it already, or a doer who did the killing (active voice): no more
    ("A gunman shot and killed three people at the theater. "
     "Three people were killed, including the gunman. The gunman was killed by police.",
     (3, "exact", "three people", False)),
    ("A gunman shot and killed two people at a bar on Friday. The suspect killed them with a rifle.",
     (2, "exact", "two people", False)),
])
def test_the_doers_own_death(rules, text, killed):  # type: ignore[no-untyped-def]
    frame = frame_of(rules, text, dt.date(2016, 5, 7))
    got = frame.counts["killed"]
    assert (got.value, got.bound, got.text, got.derived) == killed
    spans_hold(frame, text)


def test_a_time_after_an_event_is_no_count(rules):  # type: ignore[no-untyped-def]
    text = "A 19-year-old man was mortally wounded about 8:30 p.m. Sunday outside his home in Pueblo, police said."
    frame = frame_of(rules, text, dt.date(2016, 5, 7))
    assert all(s.value != 8 for s in frame.counts.values())
    assert (frame.counts["killed"].value, frame.counts["killed"].text) == (1, "A 19-year-old man was mortally wounded")


def test_people_in_the_rest_of_a_list_the_claims_leave_out(rules):  # type: ignore[no-untyped-def]
    # the claim ends at the semicolon; the names after it, marked as people by their ages, are read too
    text = ("Chanetta Powell, 25, was killed in the March 9 shooting, along with her unborn child; Jerry Shelton, 35; "
            "Tina Shelton, 37; Brittany Powell, 27; and Shada Mahone, 26.")
    frame = frame_of(rules, text, dt.date(2016, 3, 20))
    assert {p.name: p.age for p in frame.people} == {
        "Chanetta Powell": 25, "Jerry Shelton": 35, "Tina Shelton": 37, "Brittany Powell": 27, "Shada Mahone": 26}
    spans_hold(frame, text)


def test_a_name_before_its_status_across_an_apposition(rules):  # type: ignore[no-untyped-def]
    text = "A man is dead after a shooting in Mountain View. Police say Chet Hockman, of Mountain View, died Sunday."
    frame = frame_of(rules, text, dt.date(2016, 3, 20))
    assert [(p.name, p.status) for p in frame.people] == [("Chet Hockman", "killed")]


def test_a_name_inside_a_longer_one_is_one_person(rules):  # type: ignore[no-untyped-def]
    # a photo credit's capitalised word before a name does not make a second person, nor a second death
    text = ("The others charged in Neeley's death are Marie Derival, 19, and Xavier Stroman, 20.\n\n"
            "Antonio Neeley, 22, was shot and killed Saturday in Lauderhill.\n\n"
            "Lauderhill Police/Courtesy Antonio Neeley was shot and killed Saturday in Lauderhill.")
    frame = frame_of(rules, text, dt.date(2016, 3, 20))
    assert [(p.name, p.status) for p in frame.people if p.status == "killed"] == [("Antonio Neeley", "killed")]
    # one named dead and no figure: at least one (the text may count others it does not name)
    assert (frame.counts["killed"].value, frame.counts["killed"].bound) == (1, "at_least")


@pytest.mark.parametrize("charge", [
    "Forney has been charged with attempted murder and assault with a deadly weapon with intent to kill.",
    "Police say the man tried to kill them.",
])
def test_a_charge_or_an_attempt_tells_of_no_death(rules, charge):  # type: ignore[no-untyped-def]
    # those shot are the wounded where the only words of death are what was tried, meant or could kill
    text = f"Four people, including an 11-year-old, were shot late Thursday in north Charlotte.\n\n{charge}"
    frame = frame_of(rules, text, dt.date(2016, 5, 7))
    killed, injured = frame.counts["killed"], frame.counts["injured"]
    assert (killed.value, killed.derived, injured.value, injured.text, injured.derived) == (
        0, True, 4, "Four people", True)
    spans_hold(frame, text)


def test_a_death_beside_a_charge_is_still_a_death(rules):  # type: ignore[no-untyped-def]
    # one of those shot died: not all four were wounded, whatever the charge says
    text = ("Four people were shot late Thursday in north Charlotte. One of them died at the hospital.\n\n"
            "Forney has been charged with attempted murder.")
    counts = frame_of(rules, text, dt.date(2016, 5, 7)).counts
    assert "killed" not in counts and "injured" not in counts


def test_a_count_over_several_incidents_is_a_roundup(rules):  # type: ignore[no-untyped-def]
    # "in three separate shootings": the count is the night's, not this event's; the event's own line counts
    text = ("Two people were killed and four others were hurt in three separate shootings in Denver early Sunday.\n\n"
            "In the first, a man was shot and killed outside a bar on Colfax Avenue.")
    killed = frame_of(rules, text, dt.date(2016, 5, 8)).counts["killed"]
    assert (killed.value, killed.text) == (1, "a man was shot and killed")
    spans_hold(frame_of(rules, text, dt.date(2016, 5, 8)), text)
    # one incident called "shootings" (a spree) is still counted
    spree = "Police charged Nasser Hamad with murder for Saturday's shootings that killed two people and hurt three."
    counts = frame_of(rules, spree, dt.date(2016, 5, 8)).counts
    assert (counts["killed"].value, counts["injured"].value) == (2, 3)
    spanish = "Dos personas murieron y cuatro resultaron heridas en tres tiroteos distintos el domingo."
    assert "killed" not in frame_of(rules, spanish, dt.date(2016, 5, 8), "es").counts
    # a word of several after the noun, as Spanish puts it, with no number
    after = "Dos personas murieron y cuatro resultaron heridas en tiroteos distintos el domingo."
    assert "killed" not in frame_of(rules, after, dt.date(2016, 5, 8), "es").counts
    assert frame_of(rules, "Dos personas murieron y cuatro resultaron heridas el domingo.", dt.date(2016, 5, 8),
                    "es").counts["killed"].value == 2
