"""The frame stage: each document's key facts (counts, day, place, people) and the story's fact sheet."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SEEDS

from reconcile.claims import extract
from reconcile.frame import read_frame, story_sheet
from reconcile.ingest import read_all
from reconcile.model import Document, Frame


def frame_of(rules, text: str, date: dt.date | None = None, language: str = "en") -> Frame:  # type: ignore[no-untyped-def]
    doc = Document(id="d1", path="d1.txt", text=text, date=date, language=language)
    return read_frame(doc, extract(doc, rules), rules)


def spans_hold(frame: Frame, text: str) -> None:
    for value in [*frame.counts.values(), frame.date, frame.place, *frame.people]:
        if value is not None:
            assert text[value.start : value.end] == value.text


def test_shot_and_fatally_give_the_dead_and_the_wounded(rules):  # type: ignore[no-untyped-def]
    text = "Five people were shot, two fatally, outside a bar in Dayton, Ohio on Friday night, police said."
    frame = frame_of(rules, text, dt.date(2016, 5, 7))
    assert frame.counts["killed"].value == 2 and frame.counts["killed"].text == "two fatally"
    assert frame.counts["injured"].value == 3 and frame.counts["injured"].derived
    assert frame.date is not None and (frame.date.value, frame.date.text) == ("2016-05-06", "Friday")
    assert frame.place is not None and frame.place.value == "Dayton, Ohio"
    spans_hold(frame, text)


def test_shot_to_death_is_killed_not_shot(rules):  # type: ignore[no-untyped-def]
    # a result after the event's words says what it came to: everyone counted died, nobody was hurt
    text = "Four people were found shot to death inside a home in Toomsuba on Tuesday, deputies said."
    frame = frame_of(rules, text, dt.date(2017, 2, 8))
    assert (frame.counts["killed"].value, frame.counts["killed"].text, frame.counts["killed"].firm) == (
        4, "Four people", True)
    assert frame.counts["injured"].value == 0 and frame.counts["injured"].derived
    spans_hold(frame, text)
    named = "John Smith, 24, was shot dead outside his home, police said."
    assert [(p.name, p.status) for p in frame_of(rules, named).people] == [("John Smith", "killed")]
    # an adverb inside the verb after a name still marks a person ("was fatally shot")
    adverb = "Dayviontay Jackson was fatally shot Nov. 11 on the city's east side."
    assert [(p.name, p.status) for p in frame_of(rules, adverb).people] == [("Dayviontay Jackson", "killed")]
    # an age in months before a name: under a year is 0
    infant = "Police identified the victims as Xacia Burnem, 18, and 11-month-old Tedashi Williams."
    assert [(p.name, p.age) for p in frame_of(rules, infant).people] == [("Xacia Burnem", 18), ("Tedashi Williams", 0)]
    # an auxiliary and what befell them after a name mark a person too; a street's name is no one
    condition = ("A hospital spokesman said Kaylee Reyes was in serious condition. "
                 "A house on Algonquin Parkway was struck by gunfire.")
    assert [(p.name, p.status) for p in frame_of(rules, condition).people] == [("Kaylee Reyes", "injured")]
    # without the result, the four are the shot: with no word of a death, all four were hurt
    shot = frame_of(rules, "Four people were shot inside a home on Tuesday.").counts
    assert (shot["injured"].value, shot["killed"].value, shot["killed"].derived) == (4, 0, True)


def test_the_dead_and_the_wounded_listed_apart(rules):  # type: ignore[no-untyped-def]
    text = ("Two dead and three wounded in a shooting in Memphis.\n\n"
            "Two men died and three people were wounded Saturday in a shooting at a Memphis gas station.")
    frame = frame_of(rules, text, dt.date(2016, 5, 8))
    assert (frame.counts["killed"].value, frame.counts["injured"].value) == (2, 3)
    assert frame.date is not None and frame.date.value == "2016-05-07"
    assert frame.place is not None and frame.place.value == "Memphis, Tennessee"
    spans_hold(frame, text)


def test_a_roundup_is_not_this_events_count(rules):  # type: ignore[no-untyped-def]
    text = ("Man killed in shooting\n\nA 24-year-old man was killed in a shooting Sunday in Chicago. "
            "It was the city's 30th homicide this year.")
    frame = frame_of(rules, text, dt.date(2016, 3, 7))
    assert frame.counts["killed"].value == 1
    assert "30" not in {str(v.value) for v in frame.counts.values()}


def test_the_day_is_the_deaths_not_the_charges(rules):  # type: ignore[no-untyped-def]
    text = ("Two charged in killing\n\nDominque Marchbanks, 24, and Sulif Wilkins, 26, were charged Tuesday "
            "with first-degree murder in the May 31 death of Amorian Hale, 3.")
    frame = frame_of(rules, text, dt.date(2016, 2, 24))
    assert frame.date is not None and (frame.date.value, frame.date.text) == ("2015-05-31", "May 31")
    people = {p.name: (p.age, p.role, p.status) for p in frame.people}
    assert people == {"Dominque Marchbanks": (24, "suspect", "charged"), "Sulif Wilkins": (26, "suspect", "charged"),
                      "Amorian Hale": (3, "victim", "killed")}
    spans_hold(frame, text)


def test_the_time_the_incident_was_reported_is_its_day(rules):  # type: ignore[no-untyped-def]
    # the incident reported, in the passive, at a time: that is the event's time, not a later statement's
    text = ("One man is dead after a shooting in the Russell neighborhood.\n\nThe shooting was reported in the 1000 "
            "block of Magazine Street around 1:40 a.m. Wednesday, according to police.")
    frame = frame_of(rules, text, dt.date(2017, 3, 1))
    assert frame.date is not None and (frame.date.value, frame.date.text) == ("2017-03-01", "Wednesday")
    spans_hold(frame, text)


@pytest.mark.parametrize("text", [
    # a statement about the incident, a posting time right after a headline's word of the incident
    "A man was shot in the Russell neighborhood.\n\nThe mayor reported on Monday that the city would add patrols.",
    "Teen dies in shooting Posted: Monday, February 27, 2017 3:40 PM EDT",
])
def test_a_statement_or_a_posting_time_gives_no_events_day(rules, text):  # type: ignore[no-untyped-def]
    assert frame_of(rules, text, dt.date(2017, 3, 1)).date is None


def test_a_date_of_another_span_of_time_is_no_events_day(rules):  # type: ignore[no-untyped-def]
    text = "There have been 127 mass shootings since Aug. 1, 1966, the Post found."
    assert frame_of(rules, text, dt.date(2016, 9, 2)).date is None


def test_an_article_with_no_event_has_an_empty_frame(rules):  # type: ignore[no-untyped-def]
    frame = frame_of(rules, "The city council approved the budget on Tuesday.", dt.date(2016, 2, 24))
    assert frame.empty and not frame.counts


def test_el_salto_tweet_counts_by_class_and_in_total(rules):  # type: ignore[no-untyped-def]
    text = ("4 policías murieron, uno más resultó herido ... 4 secuestradores fueron abatidos, 4 más detenidos")
    frame = frame_of(rules, text, dt.date(2015, 6, 7), "es")
    values = {k: v.value for k, v in frame.counts.items()}
    assert values["killed"] == 8 and values["killed:police"] == 4 and values["killed:attackers"] == 4
    assert values["injured"] == 1 and values["arrested"] == 4
    spans_hold(frame, text)


def test_story_sheet_contradiction_and_containment(rules):  # type: ignore[no-untyped-def]
    a = Document(id="a", path="a.txt", date=dt.date(2016, 5, 8),
                 text="Four people were wounded in a shooting outside a bar in Dayton, Ohio on Saturday.")
    b = Document(id="b", path="b.txt", date=dt.date(2016, 5, 8),
                 text="Six people were injured Saturday in a shooting outside a bar in Dayton.")
    claims = [*extract(a, rules), *extract(b, rules)]
    rows, findings = story_sheet([a, b], claims, rules)
    by_field = {r.field: r for r in rows}
    assert by_field["injured"].status == "contradiction"
    assert {k: v.value for k, v in by_field["injured"].values.items()} == {"a": 4, "b": 6}
    assert by_field["place"].status == "agree"  # Dayton inside Dayton, Ohio
    ids = {c.id: c.doc for c in claims}
    found = [f for f in findings if f.kind == "contradiction"]
    assert len(found) == 1 and {ids[c] for c in found[0].claims} == {"a", "b"}
    (conflict,) = found[0].conflicts
    assert (conflict.slot, conflict.label) == ("fact.injured", "Injured")
    assert dict(conflict.values) == {"a.c1": 4, "b.c1": 6}
    assert dict(conflict.spans) == {"a.c1": (0, 11), "b.c1": (0, 10)}  # "Four people", "Six people"


def test_el_salto_attackers_4_against_8_and_the_total_told_once(rules):  # type: ignore[no-untyped-def]
    docs = read_all([str(SEEDS / "el-salto-mexicorojo-tweet.txt"), str(SEEDS / "el-salto-breitbart.txt")], rules=rules)
    claims = [c for d in docs for c in extract(d, rules)]
    rows, findings = story_sheet(docs, claims, rules)
    by_field = {r.field: r for r in rows}
    attackers = by_field["killed:attackers"]
    assert attackers.status == "contradiction"
    assert [attackers.values[d.id].value for d in docs] == [4, 8]
    assert by_field["killed:police"].status == "agree"
    assert by_field["killed"].status == "contradiction"  # 8 against 12 in the table
    assert [f.conflicts[0].slot for f in findings] == ["fact.killed:attackers"]  # one finding: the class's


@pytest.mark.parametrize("text, field, expected", [
    # several people named dead with no figure: at least that many (the doer, named too, is not one)
    ("Police said Mark Reed, 30, shot and killed Jamie Salazar, 34, and 2-year-old Jordan Reed inside "
     "their apartment on Sunday, then turned the gun on himself.",
     "killed", (2, "at_least", "Jamie Salazar", False)),
    # the object after a determiner is the one killed, not the doer
    ("Authorities said a 12-year-old boy shot and killed an 11-year-old on Friday in Estill Springs.",
     "killed", (1, "exact", "shot and killed an 11-year-old", False)),
    # one in a condition is at least one wounded
    ("Police were called to a shooting on Main Street on Friday. One man is in critical condition.",
     "injured", (1, "at_least", "One man is in critical condition", False)),
    # the n-th to die says n died; the last of a list (a plural verb after one participant) two at least
    ("A second teen has died after a shooting at a party in Edison on Saturday, police said.",
     "killed", (2, "at_least", "A second teen has died", False)),
    ("Police said a 45-year-old man and a 25-year-old woman were found dead in the home on Sunday.",
     "killed", (2, "exact", "a 45-year-old man and a 25-year-old woman were found dead", False)),
    ("Police said John Bird, 45, and a 25-year-old woman were found dead in the home on Sunday.",
     "killed", (2, "at_least", "a 25-year-old woman were found dead", False)),
    # the doer who then dies by their own hand is one more dead than those they killed
    ("A 19-year-old man shot and killed his infant daughter before turning the gun on himself, police said.",
     "killed", (2, "exact", "shot and killed his infant daughter before turning the gun on himself", False)),
    ("A gunman opened fire on Friday, killing three and wounding 16 before taking his own life.",
     "killed", (4, "exact", "killing three and wounding 16 before taking his own life", True)),
    # a deadly event with no figure of its dead: at least one killed (not "non-fatal")
    ("Houston police are investigating the fatal shooting at 4439 Pease on Saturday night.",
     "killed", (1, "at_least", "fatal shooting", False)),
    ("Deputies are looking for a man they want to question about a deadly shooting early Wednesday.",
     "killed", (1, "at_least", "deadly shooting", False)),
    # not where the doer only tried, nor where the one who died shot only himself
    ("A woman fatally shot her 17-month-old son, then tried to take her own life, deputies said.",
     "killed", (1, "exact", "fatally shot her 17-month-old son", False)),
    ("A 3-year-old boy has died after accidentally shooting himself in the head on Tuesday.",
     "killed", (1, "exact", "A 3-year-old boy has died", False)),
])
def test_a_count_read_from_the_people_it_befell(rules, text, field, expected):  # type: ignore[no-untyped-def]
    frame = frame_of(rules, text, dt.date(2016, 6, 13))
    count = frame.counts[field]
    assert (count.value, count.bound, count.text, count.firm) == expected
    spans_hold(frame, text)


def test_a_named_doer_is_not_among_the_dead(rules):  # type: ignore[no-untyped-def]
    text = ("Police said Mark Hopkins, 41, shot and killed Chaz Fain, 18, on Thursday night. "
            "Hopkins was arrested less than 90 minutes later.")
    frame = frame_of(rules, text, dt.date(2013, 2, 22))
    status = {p.name: p.status for p in frame.people}
    assert status == {"Mark Hopkins": "arrested", "Chaz Fain": "killed"}


def test_a_name_the_gazetteer_does_not_know_is_a_place_only_where_it_stands_as_one(rules):  # type: ignore[no-untyped-def]
    text = ("Five people were injured early Sunday in a shooting at J & J Pizza Pub.\n\n"
            "Des Moines police said more than 50 shots were fired during the shooting.")
    frame = frame_of(rules, text, dt.date(2016, 6, 13))
    assert frame.place is not None and (frame.place.value, frame.place.text) == ("Des Moines, Iowa", "Des Moines")
    text = ("Five days after the worst shooting in U.S. history, Martinez learned their names.\n\n"
            "The shooting at the nightclub left 49 dead.")
    assert frame_of(rules, text, dt.date(2016, 6, 17)).place is None


def test_ages_in_tokenised_text(rules):  # type: ignore[no-untyped-def]
    """Corpora such as ECB+ space out punctuation: "Robert Buckley , 32 ," and "31 - year - old"."""
    for text, age in (("The avalanche killed Robert Buckley , 32 , on Monday .", 32),
                      ("The avalanche on Monday killed 31 - year - old Robert Buckley , a ski patroller .", 31)):
        frame = frame_of(rules, text, dt.date(2016, 6, 13))
        assert [(p.name, p.age, p.status) for p in frame.people] == [("Robert Buckley", age, "killed")]
        spans_hold(frame, text)


def test_nobody_arrested_is_a_count_that_a_later_arrest_updates(rules):  # type: ignore[no-untyped-def]
    a = Document(id="a", path="a.txt", date=dt.date(2016, 5, 8),
                 text="Three men were shot Saturday night outside a bar in Dayton. "
                      "No one was in custody Saturday night.")
    b = Document(id="b", path="b.txt", date=dt.date(2016, 5, 8),
                 text="Three men were shot Saturday night outside a bar in Dayton. "
                      "Four people were arrested on Monday.")
    claims = [*extract(a, rules), *extract(b, rules)]
    rows, findings = story_sheet([a, b], claims, rules)
    arrested = {r.field: r for r in rows}["arrested"]
    assert {k: (v.value, v.text) for k, v in arrested.values.items()} == {"a": (0, "No one"), "b": (4, "Four people")}
    assert arrested.status == "update"
    found = [f for f in findings if f.kind in ("contradiction", "update")]
    assert [(f.kind, f.conflicts[0].label) for f in found] == [("update", "Arrested")]


def test_a_report_of_the_courts_updates_the_first_reports_figure_once(rules):  # type: ignore[no-untyped-def]
    from reconcile.judge.findings import merge
    from reconcile.model import Conflict, Finding

    a = Document(id="a", path="a.txt", text=(
        "Five men pleaded guilty Friday to their roles in the shootout at a block party in New Orleans "
        "that wounded 17 people."))
    b = Document(id="b", path="b.txt", text=(
        "New Orleans police are investigating a shooting that left 16 people injured Sunday night at a park."))
    claims = [*extract(a, rules), *extract(b, rules)]
    rows, sheet = story_sheet([a, b], claims, rules)
    injured = {r.field: r for r in rows}["injured"]
    assert injured.status == "update" and "a.txt reports a later stage of the story" in injured.why
    [update] = sheet
    assert update.kind == "update"
    assert update.reason.endswith("(a later figure: a.txt reports a later stage of the story (the courts))")
    # the judge's own reading of the two figures as a contradiction is told once, as the update
    ids = {c.doc: c.id for c in claims}
    judged = Finding("contradiction", (ids["a"], ids["b"]), 0.9, "People injured: 17 vs 16",
                     (Conflict("count.people.injured", {ids["a"]: 17, ids["b"]: 16}),))
    merged = merge([judged], sheet, claims)
    assert [(f.kind, f.conflicts[0].slot) for f in merged if f.kind != "unique"] == [("update", "fact.injured")]


def test_a_day_long_before_the_report_is_another_event(rules):  # type: ignore[no-untyped-def]
    text = ("Two teenagers were shot to death in Libby Lake Park on May 3, 2011, police said.\n\n"
            "Officers were called to the park again on March 13, 2013, where two more were killed.")
    frame = frame_of(rules, text, dt.date(2013, 3, 14))
    assert frame.date is not None and (frame.date.value, frame.date.text) == ("2013-03-13", "March 13, 2013")
    # a report of the courts is written long after its event: the day stands
    text = "Four men pleaded guilty Friday in the May 3, 2011 shooting death of two teenagers in Libby Lake Park."
    frame = frame_of(rules, text, dt.date(2013, 3, 14))
    assert frame.date is not None and frame.date.value == "2011-05-03"


def _arrested_row(rules, a_text: str, b_text: str):  # type: ignore[no-untyped-def]
    """The "arrested" row of the story sheet of two sources a.txt and b.txt, and the sheet's findings."""
    a = Document(id="a", path="a.txt", text=a_text)
    b = Document(id="b", path="b.txt", text=b_text)
    rows, findings = story_sheet([a, b], [*extract(a, rules), *extract(b, rules)], rules)
    return {r.field: r for r in rows}["arrested"], findings


def test_nobody_in_custody_against_a_named_arrest_is_an_update(rules):  # type: ignore[no-untyped-def]
    arrested, findings = _arrested_row(
        rules,
        "Five people were shot Thursday night in Hot Springs. Hot Springs police at this time have no suspects "
        "in custody.",
        "Five people were shot Thursday night in Hot Springs. Police arrested Anthony Camden, 22, on Saturday.")
    assert (arrested.status, arrested.why) == ("update", "a.txt tells of nobody arrested yet")
    assert [(f.kind, sorted(f.conflicts[0].values.values())) for f in findings] == [("update", [0, 1])]


def test_nobody_in_custody_against_a_named_charge_is_an_update(rules):  # type: ignore[no-untyped-def]
    arrested, findings = _arrested_row(
        rules,
        "Three people were shot Wednesday night in Chicago. No one was in custody Wednesday night.",
        "Three people were shot Wednesday in Chicago. Torrence Reese, 18, was charged with three counts of "
        "first-degree murder.")
    assert arrested.status == "update"
    assert {k: (v.value, v.bound, v.text) for k, v in arrested.values.items()} == {
        "a": (0, "exact", "No one"), "b": (1, "at_least", "Torrence Reese")}
    assert [f.kind for f in findings] == ["update"]


def test_a_place_written_with_an_abbreviation_is_the_same_place(rules):  # type: ignore[no-untyped-def]
    a = Document(id="a", path="a.txt", text=("Two climbers killed in Mt Cook falls\n\n"
                                               "Two climbers were killed in falls on Mt Cook on Monday, police said."))
    b = Document(id="b", path="b.txt", text=("Briton dies in New Zealand's Aoraki Mount Cook National Park\n\n"
                                               "A British climber was killed in a fall in New Zealand on Monday."))
    rows, _ = story_sheet([a, b], [*extract(a, rules), *extract(b, rules)], rules)
    place = {r.field: r for r in rows}["place"]
    assert {k: v.value for k, v in place.values.items()} == {"a": "Mt Cook", "b": "New Zealand"}
    assert place.status == "agree"  # b names Mount Cook too


def test_a_county_in_several_states_takes_the_state_of_the_towns_the_text_places_things_in(rules):  # type: ignore[no-untyped-def]
    # "in central Toledo": a word of which part stands between "in" and the place
    text = ("A 15-year-old boy was shot and killed Friday night on Woodland Avenue in central Toledo, the "
            "Lucas County coroner said.")
    frame = frame_of(rules, text)
    assert frame.place is not None and (frame.place.value, frame.place.text) == ("Toledo, Lucas County, Ohio",
                                                                                 "Toledo")
    # Lucas County is in Iowa and in Ohio: a town of Ohio the text names as a place tells which
    county = ("The Lucas County coroner identified the man shot and killed Friday.\n\n"
              "He had lived in Toledo for ten years, his family said.")
    placed = frame_of(rules, county).place
    assert placed is not None and (placed.value, placed.text) == ("Lucas County, Ohio", "Lucas County")
    alone = frame_of(rules, "The Lucas County coroner identified the man shot and killed Friday.").place
    assert alone is not None and alone.value == "Lucas County"
    spans_hold(frame, text)


def test_a_name_that_opens_a_street_is_no_place(rules):  # type: ignore[no-untyped-def]
    # "Colorado" of "Colorado avenues" is no state, "Thompson" no town: no place at all
    streets = frame_of(rules, "Two men were killed just after midnight Sunday near Thompson and Colorado avenues.")
    assert streets.place is None
    text = ("A 9-year-old girl was hurt in a shootout near North 15th Street and West Meinecke Avenue in "
            "Milwaukee on Thursday.")
    frame = frame_of(rules, text)
    assert frame.place is not None and (frame.place.value, frame.place.text) == ("Milwaukee, Wisconsin", "Milwaukee")
    # a building a town names stands in that town
    school = frame_of(rules, "A student was shot at Alpine High School on Thursday morning in Alpine, Texas.")
    assert school.place is not None and school.place.value.startswith("Alpine")
    spans_hold(frame, text)


def test_a_name_inside_a_longer_one_is_one_person_and_one_family_is_several(rules):  # type: ignore[no-untyped-def]
    a = Document(id="a", path="a.txt",
                 text="Edgar Sanchez Rios, 16, and Edna Durr, 65, were found dead in the home, police said.")
    b = Document(id="b", path="b.txt",
                 text="Edgar Sanchez, 15, and Kiearra Durr, 27, were found dead in the home, deputies said.")
    rows, findings = story_sheet([a, b], [*extract(a, rules), *extract(b, rules)], rules)
    people = {r.label: r for r in rows if r.field == "person"}
    # the two ages of one boy are a contradiction; Edna and Kiearra Durr are two people, each in one source
    edgar = people["Edgar Sanchez Rios"]
    assert {k: (v.name, v.age) for k, v in edgar.values.items()} == {"a": ("Edgar Sanchez Rios", 16),
                                                                     "b": ("Edgar Sanchez", 15)}
    assert edgar.status == "contradiction"
    assert {k: v.name for k, v in people["Edna Durr"].values.items()} == {"a": "Edna Durr"}
    assert {k: v.name for k, v in people["Kiearra Durr"].values.items()} == {"b": "Kiearra Durr"}
    assert people["Edna Durr"].status != "contradiction" and people["Kiearra Durr"].status != "contradiction"


@pytest.mark.parametrize("text, place", [
    # a known name that says which one of a kind, where the event stands
    ("A man and a woman were injured in a shooting at a Franklin hotel Saturday afternoon.", "Franklin"),
    ("Five people were shot and one person killed at an Atlanta motorcycle club early Sunday.", "Atlanta, Georgia"),
    # a city whose part the run names, past the longer name that is no place here
    ("Seven people were shot in Chicago's West Garfield Park neighborhood Friday night.", "Chicago, Illinois"),
    # a claim of a death with no word of the incident
    ("Buckeye police are investigating the death of 17-year-old David Smith.", "Buckeye, Arizona"),
    # a name inside a longer one is part of it; a person's possessive is no place
    ("Several bullets struck Za'Layia Jenkins' home during a shootout.", None),
    # a word of what is no place may open a town's name, never close one
    ("High Point police are investigating the death of a two-year-old boy.", "High Point, North Carolina"),
    ("Four people were shot, one fatally, in north St. Louis on Sunday.", "St. Louis, Missouri"),
    ("Two men were shot at Overland Park Saturday.", None),
    # a place opening an agency's name ("Louisville Metro police"); not a region's, not a part's
    ("Louisville Metro police are investigating after a teenager was grazed by a bullet.", "Louisville, Kentucky"),
    ("Virginia State Police Trooper Chad Dermyer died of his injuries. He was shot at a bus station in Richmond.",
     "Richmond, Virginia"),
    ("A house party shooting in the West Adams area left three people dead.", None),
])
def test_the_place_a_claim_puts_the_event_in(rules, text, place):  # type: ignore[no-untyped-def]
    frame = frame_of(rules, text, dt.date(2016, 6, 13))
    assert (frame.place.value if frame.place else None) == place
    spans_hold(frame, text)


def test_a_deadly_event_says_no_death_where_the_figure_is_given_or_none_died(rules):  # type: ignore[no-untyped-def]
    counts = frame_of(rules, "Two men were killed Friday in a deadly shooting in Memphis.", dt.date(2016, 5, 7)).counts
    assert (counts["killed"].value, counts["killed"].bound) == (2, "exact")
    counts = frame_of(rules, "Four people were found at the scene, all suffering non-fatal gunshot wounds.",
                      dt.date(2016, 5, 7)).counts
    assert "killed" not in counts or counts["killed"].value == 0


def test_places_in_two_states_conflict_and_one_without_its_region_conflicts_with_none(rules):  # type: ignore[no-untyped-def]
    a = Document(id="a", path="a.txt", date=dt.date(2016, 5, 8),
                 text="Two people were shot in Dayton, Ohio on Saturday, police said.")
    b = Document(id="b", path="b.txt", date=dt.date(2016, 5, 8),
                 text="Two people were shot in Memphis, Tennessee on Saturday, police said.")
    c = Document(id="c", path="c.txt", date=dt.date(2016, 5, 8),
                 text="Two people were shot in Englewood on Saturday, Cook County officials said.")
    place = {r.field: r for r in story_sheet([a, b], [*extract(a, rules), *extract(b, rules)], rules)[0]}["place"]
    assert place.status == "contradiction"
    rows, findings = story_sheet([a, c], [*extract(a, rules), *extract(c, rules)], rules)
    place = {r.field: r for r in rows}["place"]
    assert {k: (v.value, v.firm) for k, v in place.values.items()} == {
        "a": ("Dayton, Ohio", True), "c": ("Englewood, Cook County", False)}
    assert place.status == "agree" and not [f for f in findings if f.conflicts[0].slot == "fact.place"]


def test_an_age_in_months_and_an_age_before_a_possessive(rules):  # type: ignore[no-untyped-def]
    text = ("Officials say Jeremy Contreras, 36, Garett Contreras, 5, and Avery Contreras, 23 months, all died "
            "from gunshot wounds.")
    people = frame_of(rules, text, dt.date(2016, 7, 16)).people
    assert [(p.name, p.age) for p in people] == [("Jeremy Contreras", 36), ("Garett Contreras", 5),
                                                  ("Avery Contreras", 1)]
    text = "That 13-year-old, Zina Bowser’s son Chris, was the one who dialed 911 after the shooting."
    assert all(p.age != 13 or "Bowser’s" not in p.name for p in frame_of(rules, text).people)


def test_a_whole_date_on_another_weekday_than_the_events_is_another_events(rules):  # type: ignore[no-untyped-def]
    text = ("Two teenagers are dead after a gunman opened fire on an Oceanside park.\n\n"
            "The shooting happened around 8:50 p.m. Wednesday night in Libby Lake Park.\n\n"
            "Sandra Salgado, 14, and Felix Solano, 16, were shot to death in Libby Lake Park on May 3, 2011.")
    assert frame_of(rules, text).date is None  # May 3, 2011 was a Tuesday
    same = text.replace("May 3, 2011", "May 4, 2011")  # a Wednesday: the event's day
    date = frame_of(rules, same).date
    assert date is not None and (date.value, date.text) == ("2011-05-04", "May 4, 2011")


def test_a_hospital_where_someone_died_tells_of_no_one_hurt(rules):  # type: ignore[no-untyped-def]
    text = ("A 22-year-old man was shot and killed Friday night in Durham, police said.\n\n"
            "He was taken to Duke University Hospital, where he was pronounced dead.")
    counts = frame_of(rules, text, dt.date(2016, 5, 7)).counts
    assert (counts["killed"].value, counts["injured"].value, counts["injured"].derived) == (1, 0, True)
    hurt = text + "\n\nA woman was taken to the hospital with a graze wound."
    assert "injured" not in frame_of(rules, hurt, dt.date(2016, 5, 7)).counts or (
        frame_of(rules, hurt, dt.date(2016, 5, 7)).counts["injured"].value != 0)


def test_the_judges_count_conflict_is_told_once_inside_the_sheets_row(rules):  # type: ignore[no-untyped-def]
    from reconcile.judge.findings import merge
    from reconcile.model import Conflict, Finding

    a = Document(id="a", path="a.txt", text="Three shells hit the school in Jabaliya. 16 injured.")
    b = Document(id="b", path="b.txt", text="Three shells hit the school in Jabaliya. 55 wounded, 15 critically.")
    c = Document(id="c", path="c.txt", text="Three shells hit the school in Jabaliya. 55 people were injured.")
    claims = [*extract(a, rules), *extract(b, rules), *extract(c, rules)]
    rows, sheet = story_sheet([a, b, c], claims, rules)
    injured = {r.field: r for r in rows}["injured"]
    assert injured.status == "contradiction"
    assert {k: v.value for k, v in injured.values.items()} == {"a": 16, "b": 55, "c": 55}
    by_text = {cl.text: cl.id for cl in claims}
    judged = Finding("contradiction", (by_text["16 injured."], by_text["55 wounded, 15 critically."]), 0.9,
                     "People injured: 16 vs 55",
                     (Conflict("count.people.injured",
                               {by_text["16 injured."]: 16, by_text["55 wounded, 15 critically."]: 55},
                               "People injured"),))
    names = {"a": "a.txt", "b": "b.txt", "c": "c.txt"}
    merged = [f for f in merge([judged], sheet, claims, names) if f.kind in ("contradiction", "update")]
    # one finding holding the claims both read the figures from, worded by the surer of the two
    [one] = merged
    assert (one.kind, one.conflicts[0].slot, one.confidence) == ("contradiction", "count.people.injured", 0.9)
    assert set(judged.claims) | {by_text["55 people were injured."]} == set(one.claims)
    assert sorted(one.conflicts[0].values.values()) == [16, 55, 55]
    assert one.reason == "People injured: 16 (a.txt) vs 55 (b.txt) vs 55 (c.txt)"


def test_the_events_weekday_written_below_a_whole_date_still_tells_it_is_another_events(rules):  # type: ignore[no-untyped-def]
    text = ("Two teenagers are dead after a gunman opened fire on an Oceanside park.\n\n"
            "Sandra Salgado, 14, and Felix Solano, 16, were shot to death in Libby Lake Park on May 3, 2011.\n\n"
            "Officers found the victims, three boys and a girl, after the shooting shortly before 9 p.m. Wednesday.")
    assert frame_of(rules, text).date is None  # May 3, 2011 was a Tuesday
    date = frame_of(rules, text.replace("May 3, 2011", "May 4, 2011")).date
    assert date is not None and date.value == "2011-05-04"


def _sheet_of(rules, *texts: str, dates: tuple[dt.date | None, ...] = ()):  # type: ignore[no-untyped-def]
    docs = [Document(id=f"d{k + 1}", path=f"{k + 1}.txt", text=t, date=dates[k] if dates else None)
            for k, t in enumerate(texts)]
    claims = [c for d in docs for c in extract(d, rules)]
    rows, findings = story_sheet(docs, claims, rules)
    return {r.field: r for r in rows}, findings


def test_undated_reports_that_give_the_event_two_weekdays_contradict(rules):  # type: ignore[no-untyped-def]
    rows, findings = _sheet_of(
        rules,
        "Authorities say an 11-year-old girl has died after she was shot in Estill Springs Friday evening.",
        "An 11-year-old girl was killed on Saturday night during a shooting in Estill Springs.")
    day = rows["weekday"]
    assert day.status == "contradiction"
    assert {k: (v.value, v.text) for k, v in day.values.items()} == {"d1": ("Friday", "Friday"),
                                                                     "d2": ("Saturday", "Saturday")}
    [found] = [f for f in findings if f.conflicts[0].slot == "fact.weekday"]
    assert found.kind == "contradiction" and sorted(found.conflicts[0].values.values()) == ["Friday", "Saturday"]
    assert found.confidence < 0.6  # worth checking: one source may tell the death's day


def test_friday_night_and_early_saturday_are_one_night(rules):  # type: ignore[no-untyped-def]
    rows, findings = _sheet_of(
        rules, "Two men were shot Friday night outside a bar in Dayton.",
        "Two men were shot early Saturday outside a bar in Dayton.")
    assert rows["weekday"].status == "agree" and not findings
    rows, _ = _sheet_of(rules, "Two men were shot Friday afternoon outside a bar in Dayton.",
                        "Two men were shot early Saturday outside a bar in Dayton.")
    assert rows["weekday"].status == "contradiction"
    # dated reports: the two days resolve one apart, one night all the same
    rows, findings = _sheet_of(
        rules, "Two men were shot Friday night outside a bar in Dayton.",
        "Two men were shot early Saturday outside a bar in Dayton.",
        dates=(dt.date(2016, 5, 7), dt.date(2016, 5, 8)))
    assert {v.value for v in rows["date"].values.values()} == {"2016-05-06", "2016-05-07"}
    assert rows["date"].status == "agree" and "weekday" not in rows


def test_the_weekday_of_a_later_death_is_not_the_events(rules):  # type: ignore[no-untyped-def]
    rows, _ = _sheet_of(rules, "Tyler Donaldson, 23, died Sunday from injuries he suffered in the shooting. "
                               "Five people were shot Friday at a party in Little Rock.",
                        "Five people were shot at a party in Little Rock.")
    weekday = rows["weekday"].values["d1"]
    assert (weekday.value, weekday.text) == ("Friday", "Friday")
    # one document's sheet reads no weekday: it needs the parse, and nothing to set it against
    assert frame_of(rules, "Five people were shot Friday at a party in Little Rock.").weekday is None


def test_a_name_typed_with_and_without_its_accent_is_one_name_and_y_joins_two_people(rules):  # type: ignore[no-untyped-def]
    docs = [Document(id="d1", path="1.txt", text=(
                "Todo se mantiene en suspenso respecto a la decisión de Matias Almeyda de permanecer en Chivas. "
                "Almeyda se reunió con los jugadores.")),
            Document(id="d2", path="2.txt", text=(
                "Los directivos negociaron con Matías Almeyda y Zinedine Zidane en Guadalajara. "
                "Almeyda fue removido del cargo."))]
    claims = [c for d in docs for c in extract(d, rules)]
    rows, findings = story_sheet(docs, claims, rules)
    people = {r.label: r for r in rows if r.field == "person"}
    almeyda = people["Matias Almeyda"]
    assert {v.name for v in almeyda.values.values()} == {"Matias Almeyda", "Matías Almeyda"}
    assert almeyda.status == "agree" and not findings


def test_police_still_after_the_shooter_is_nobody_arrested_yet_and_a_later_arrest_updates_it(rules):  # type: ignore[no-untyped-def]
    first = "Three people were shot outside a bar in Cincinnati early Sunday. Police are searching for the shooter."
    rows, findings = _sheet_of(
        rules, first,
        "Three people were shot outside a bar in Cincinnati. At the scene, Mondale Goens, 21, was arrested.",
        dates=(dt.date(2016, 7, 24), dt.date(2016, 7, 25)))
    arrested = rows["arrested"]
    assert arrested.values["d1"].value == 0 and arrested.values["d1"].text == "searching for the shooter"
    assert arrested.status == "update"
    assert [(f.kind, f.conflicts[0].slot) for f in findings] == [("update", "fact.arrested")]
    # a second suspect sought says someone was held: nothing read
    assert "arrested" not in frame_of(rules, first.replace("the shooter", "a second suspect")).counts
    assert "arrested" not in frame_of(rules, "Two men were shot. The other gunman remains at large.").counts
    assert frame_of(rules, "Two men were shot. The suspect is still at large.").counts["arrested"].value == 0


@pytest.mark.parametrize(("text", "bound"), [
    ("Police said 11 victims had non-life threatening injuries to the lower extremities.", "at_least"),
    ("Two men were critically wounded in the shooting on Main Street.", "at_least"),
    # the count is of the hurt before it says how badly, the part is another count, or it is all of them
    ("Police said 3 injured suffered non-life threatening gunshot wounds.", "exact"),
    ("Four people were injured, one critically, in the shooting.", "exact"),
    ("All five shooting victims are in stable condition, police said.", "exact"),
])
def test_a_count_of_the_hurt_by_how_badly_is_a_part_of_them(rules, text, bound):  # type: ignore[no-untyped-def]
    assert frame_of(rules, text).counts["injured"].bound == bound


def test_a_part_by_severity_is_no_other_count_and_says_nothing_of_the_dead(rules):  # type: ignore[no-untyped-def]
    rows, findings = _sheet_of(
        rules, "Thirteen people were shot at a house party. The 13 victims were injured when two shooters fired.",
        "Thirteen people were shot at a house party. 11 victims had non-life threatening injuries to the legs.")
    assert rows["injured"].status == "agree" and not findings
    # thirteen shot less "at least 11" hurt is no count of the dead (two): none of it is read
    assert "killed" not in rows or rows["killed"].values.get("d2") is None or rows["killed"].values["d2"].value != 2


def test_a_month_and_day_whose_year_was_assumed_gives_no_weekday(rules):  # type: ignore[no-untyped-def]
    rows, findings = _sheet_of(
        rules, "Four men pleaded guilty to their roles in the Nov. 22 shootout at a block party in New Orleans.",
        "New Orleans police are investigating a shooting that left 16 people injured Sunday night.",
        "Sixteen people were shot Sunday night at a block party in New Orleans.",
        dates=(dt.date(2016, 12, 1), None, None))
    assert rows["weekday"].status == "agree" and set(rows["weekday"].values) == {"d2", "d3"}
    assert not [f for f in findings if f.conflicts[0].slot == "fact.weekday"]


def test_one_undated_source_reads_no_weekday(rules):  # type: ignore[no-untyped-def]
    # with one source alone that gives no date, its weekday is set against no other's: no parse spent
    rows, _ = _sheet_of(rules, "Two men were shot Friday night outside a bar in Dayton.",
                        "Two men were shot Saturday outside a bar in Dayton.", dates=(dt.date(2016, 5, 7), None))
    assert "weekday" not in rows


@pytest.mark.parametrize("text, place, quoted", [
    # a dateline with the day after its place, or two hyphens for its dash
    ("HOUSTON, Nov. 16 (Xinhua) -- A house party ended in gunfire overnight, leaving one person dead.",
     "Houston, Texas", "HOUSTON"),
    ("SAN ANTONIO -- A Halloween party ended with violence after a man opened fire on a large crowd.",
     "San Antonio, Texas", "SAN ANTONIO"),
    # a known name may open with a word of a kind ("St." is a street's elsewhere)
    ("ST. LOUIS (KMOX) – Three armed men walked into a south side bar and opened fire.", "St. Louis, Missouri",
     "ST. LOUIS"),
    # in title case, a place the gazetteer knows with its region's postal code and an agency
    ("St. Louis, MO (KMOX) A 2 year old little boy was shot this afternoon.", "St. Louis, Missouri", "St. Louis"),
    # below blank lines and page furniture: six lines with words, however many blank ones between
    ("October 6, 2013 11:58 PM\n\nGet Breaking News First\n\nBy Elizabeth Hur, Andrew Kramer\n\n"
     "PHILADELPHIA (CBS) — Authorities say one person is dead after six people were shot Sunday evening.",
     "Philadelphia, Pennsylvania", "PHILADELPHIA"),
    # a name in title case with no agency after it opens a sentence, not a dateline
    ("Fresno, Calif. police said a 9-year-old girl was wounded.", "Fresno, California", "Fresno"),
    # a space before the comma, an abbreviation's period left out (of the place's "St." and the region's "Ill.")
    ("ST CHARLES , Ill -- Three people are dead and a fourth wounded in a shooting inside an apartment.",
     "St. Charles, Illinois", "ST CHARLES"),
    # a place the gazetteer knows alone on its line, in capitals, above the story
    ("Staff report\n\nWARREN\n\nA man was charged after his nephew, 7, was wounded by a gun he left out.",
     "Warren", "WARREN"),
])
def test_a_dateline_names_the_place(rules, text, place, quoted):  # type: ignore[no-untyped-def]
    _place_is(rules, text, place, quoted)


def _place_is(rules, text: str, place: str, quoted: str) -> None:  # type: ignore[no-untyped-def]
    frame = frame_of(rules, text, dt.date(2016, 6, 13))
    assert (frame.place.value, frame.place.text) == (place, quoted)
    spans_hold(frame, text)


def test_a_line_of_capitals_alone_is_a_dateline_only_where_it_names_a_known_place(rules):  # type: ignore[no-untyped-def]
    text = "BREAKING NEWS\n\nTwo men were wounded in a shooting Friday night in Dayton."
    assert frame_of(rules, text, dt.date(2016, 6, 13)).place.text == "Dayton"


@pytest.mark.parametrize("text, place, quoted", [
    # the city a part of it is named by, after a word that is not one of place ("on")
    ("A 5-year-old girl was in serious condition after shooting herself Tuesday night on Chicago’s West Side.",
     "Chicago, Illinois", "Chicago"),
    # no line telling of the event names a place: the first known one standing as a place in the opening
    ("Police arrested a man after they say he shot his 10-year-old brother in the head.\n\n"
     "Officers responded to a home in the 2600 block of Embarcadero Drive in Lithonia, east of Atlanta.",
     "Lithonia, Georgia", "Lithonia"),
    ("Investigators are trying to track down the gunmen behind a quadruple shooting.\n\n"
     "Kansas City police identified the victim as Marcus Lyman.", "Kansas City", "Kansas City"),
])
def test_the_place_of_an_event_whose_lines_name_none(rules, text, place, quoted):  # type: ignore[no-untyped-def]
    _place_is(rules, text, place, quoted)


def test_a_page_that_tells_of_no_event_has_no_place_from_its_opening(rules):  # type: ignore[no-untyped-def]
    text = "Five Must-See Destinations\n\nWithin the 41 square miles of Paris there are over 60 attractions."
    assert frame_of(rules, text, dt.date(2016, 6, 13)).place is None
