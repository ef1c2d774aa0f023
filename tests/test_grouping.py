"""Story grouping: which evidence makes two articles one story, and which does not."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from reconcile.grouping import LEAD_AND_NAMES, GroupingSettings, days_around, group, pair_probability
from reconcile.grouping.profile import Profile, names_of, words_of
from reconcile.grouping.templates import templates, without_templates
from reconcile.model import Claim, Document

DAY = dt.date(2016, 6, 4)
WIDTH = 384
RNG = np.random.default_rng(7)


def _direction() -> np.ndarray:
    v = RNG.normal(size=WIDTH)
    return v / np.linalg.norm(v)


SHOOTING = _direction()  # what every shooting report has in common: leads of unrelated reports meet at ~0.35


def _vector(story: np.ndarray | None, share: float) -> bytes:
    """A unit vector: the shooting topic, ``share`` (squared cosine) of a story's own direction, the rest noise."""
    parts = 0.35 * SHOOTING + (share**0.5 * story if story is not None else 0) + (0.65 - share) ** 0.5 * _direction()
    return (parts / np.linalg.norm(parts)).astype(np.float32).tobytes()


def _profile(
    pid: str, names: set[str], words: dict[str, int], day: dt.date | None, story: np.ndarray | None = None,
    share: float = 0.0,
) -> Profile:
    """An article's profile; two of one ``story`` have leads (and titles) at about 0.35 + ``share``."""
    return Profile(pid, f"{pid}.com", day, frozenset(names), _vector(story, share), _vector(story, share),
                   tuple(sorted(words.items())))


def _background(k: int = 60) -> list[Profile]:
    """Unrelated reports, each with its own place and words, a day apart, so rare means rare."""
    return [
        _profile(f"bg{i:02d}", {f"town{i}", "police"}, {f"street{i}": 1, "shot": 2, "killed": 1},
                 DAY + dt.timedelta(days=3 * i + 30))
        for i in range(k)
    ]


def _story_of(stories: list[list[str]], pid: str) -> list[str]:
    return next(s for s in stories if pid in s)


def test_same_place_figures_and_date_are_one_story() -> None:
    # leads written differently (a cosine of about 0.5), but the same town, victim and age, one day
    story = _direction()
    a = _profile("a", {"euharlee", "roupe", "bartow"}, {"17-year-old": 1, "euharlee": 2, "probation": 1, "shot": 1},
                 DAY, story, 0.15)
    b = _profile("b", {"euharlee", "roupe"}, {"17-year-old": 2, "euharlee": 1, "wii": 1, "controller": 1}, DAY,
                 story, 0.15)
    stories = group([a, b, *_background()])
    assert _story_of(stories, "a") == ["a", "b"]


def test_same_day_shootings_in_two_cities_are_two_stories() -> None:
    # leads alike (two men shot on the same night) but no place, name or specific word in common
    night = _direction()
    a = _profile("a", {"denver", "colfax"}, {"colfax": 1, "motel": 1, "shot": 2}, DAY, night, 0.3)
    b = _profile("b", {"houston", "westheimer"}, {"westheimer": 1, "apartment": 1, "shot": 2}, DAY, night, 0.3)
    stories = group([a, b, *_background()])
    assert _story_of(stories, "a") == ["a"]
    assert _story_of(stories, "b") == ["b"]


def test_a_follow_up_months_later_stays_with_its_story_by_shared_names() -> None:
    story = _direction()
    first = _profile("a", {"mckennelly", "hamilton", "doubles"}, {"doubles": 1, "bar": 1, "brother": 1}, DAY,
                     story, 0.15)
    later = _profile("b", {"mckennelly", "hamilton", "doubles"}, {"doubles": 1, "pleads": 1, "guilty": 1},
                     DAY + dt.timedelta(days=180), story, 0.15)
    stories = group([first, later, *_background()])
    assert _story_of(stories, "a") == ["a", "b"]
    # without the softened day gap the same pair is far less likely
    plain = GroupingSettings(names_days=0.0)
    assert pair_probability(0.5, 15.0, 180, title=0.5, words=0.3) > 2 * pair_probability(
        0.5, 15.0, 180, plain, title=0.5, words=0.3)


def test_shared_rare_words_raise_the_probability_and_common_ones_do_not_count() -> None:
    assert pair_probability(0.5, 0.0, 0.0, title=0.5, words=0.6) > pair_probability(0.5, 0.0, 0.0, title=0.5)
    # "shot" is in every article: two reports sharing only it (and the topic) stay apart
    night = _direction()
    a = _profile("a", {"x1"}, {"shot": 3}, DAY, night, 0.15)
    b = _profile("b", {"x2"}, {"shot": 3}, DAY, night, 0.15)
    stories = group([a, b, *_background()])
    assert _story_of(stories, "a") == ["a"]


def test_the_one_story_check_keeps_its_calibrated_model() -> None:
    assert LEAD_AND_NAMES.words == 0.0 and LEAD_AND_NAMES.title == 0.0
    assert round(pair_probability(0.9, 20.0, 1.0, LEAD_AND_NAMES), 2) == 0.99


def test_names_and_words_come_from_the_claims_not_the_page_furniture() -> None:
    text = "Subscribe to Newsletter Weekly.\nA 17-year-old was shot in Euharlee."
    doc = Document("d1", "a.txt", text, title="Teen shot")
    start = text.index("A 17")
    claim = Claim("d1.c1", "d1", text[start:], start, len(text))
    assert names_of(doc, claims=[claim]) == frozenset({"teen", "euharlee"})
    assert "newsletter" in names_of(doc)  # the whole text, as compare's check reads it
    words = dict(words_of(doc, [claim]))
    assert words["17-year-old"] == 1 and "subscribe" not in words and words["shot"] == 2


def test_a_word_most_articles_write_in_lowercase_is_no_name() -> None:
    # two pages whose headings capitalise "Hospital" and "Update": most reports write both in lowercase
    night = _direction()
    a = _profile("a", {"hospital", "update"}, {"hospital": 1, "update": 1}, DAY, night, 0.2)
    b = _profile("b", {"hospital", "update"}, {"hospital": 1, "update": 1}, DAY, night, 0.2)
    background = [
        dataclasses.replace(p, words=(*p.words, ("hospital", 1), ("update", 1))) if k % 3 else p
        for k, p in enumerate(_background(90))
    ]
    loose = GroupingSettings(proper=0.0)
    assert _story_of(group([a, b, *background], loose), "a") == ["a", "b"]
    assert _story_of(group([a, b, *background]), "a") == ["a"]


def test_a_capitalised_sentence_start_is_no_name_but_a_title_word_is() -> None:
    text = "However, the shots were heard in Euharlee.\nAfter that, Lang ran."
    doc = Document("d1", "a.txt", text, title="Lakewood man charged")
    assert names_of(doc) == frozenset({"lakewood", "euharlee", "lang"})
    assert {"however", "after"} <= names_of(doc, starts=True)


def test_a_lone_follow_up_joins_the_story_its_two_strongest_pairs_point_to() -> None:
    from reconcile.grouping.clusters import _attach_lone

    # a story of five first reports; a survivor's profile weeks later is like two of them only
    story = {(i, j): 0.9 for i in range(5) for j in range(i + 1, 5)}
    later = {**story, (3, 5): 0.7, (4, 5): 0.5, (0, 5): 0.05}
    assert _attach_lone([[0, 1, 2, 3, 4], [5]], later, GroupingSettings()) == [[0, 1, 2, 3, 4, 5]]
    # one middling pair is not enough (a mean of 0.1 under the bar of 0.12), and with lone_pairs=0 nothing moves
    loose = {**story, (4, 5): 0.2}
    assert _attach_lone([[0, 1, 2, 3, 4], [5]], loose, GroupingSettings()) == [[0, 1, 2, 3, 4], [5]]
    assert _attach_lone([[0, 1, 2, 3, 4], [5]], later, GroupingSettings(lone_pairs=0)) == [[0, 1, 2, 3, 4], [5]]
    # two lone articles never make a story of their own this way
    assert _attach_lone([[0], [1]], {(0, 1): 0.9}, GroupingSettings()) == [[0], [1]]


def test_a_lone_page_joins_a_story_on_pairs_below_the_cut() -> None:
    from reconcile.grouping import cluster_edges

    # a story of three; a page with only a title has two pairs of 0.2 with it, none at the cut of 0.3
    edges = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9, (0, 3): 0.2, (1, 3): 0.2}
    assert cluster_edges(4, edges, GroupingSettings()) == [[0, 1, 2, 3]]
    assert cluster_edges(4, edges, GroupingSettings(lone_bar=0.3)) == [[0, 1, 2], [3]]
    # a story naming another state takes it only on a strong link
    texas, ohio = frozenset({"texas"}), frozenset({"ohio"})
    assert cluster_edges(4, edges, GroupingSettings(), [texas] * 3 + [ohio]) == [[0, 1, 2], [3]]


def test_stories_naming_different_states_stay_apart_unless_strongly_linked() -> None:
    from reconcile.grouping import cluster_edges

    # two stories of two and three articles; every pair across them at 0.5 (one shared city name)
    inside = {(0, 1): 0.9, (2, 3): 0.9, (2, 4): 0.9, (3, 4): 0.9}
    across = {(i, j): 0.5 for i in (0, 1) for j in (2, 3, 4)}
    alabama, texas = frozenset({"alabama"}), frozenset({"texas"})
    regions = [alabama, frozenset(), texas, texas, frozenset()]
    edges = {**inside, **across}
    assert cluster_edges(5, edges, GroupingSettings()) == [[0, 1, 2, 3, 4]]
    assert cluster_edges(5, edges, GroupingSettings(), regions) == [[0, 1], [2, 3, 4]]
    # a strong link merges them all the same, and so does a region both name
    strong = {**inside, **{pair: 0.8 for pair in across}}
    assert cluster_edges(5, strong, GroupingSettings(), regions) == [[0, 1, 2, 3, 4]]
    both = [alabama, frozenset(), texas, texas | alabama, frozenset()]
    assert cluster_edges(5, edges, GroupingSettings(), both) == [[0, 1, 2, 3, 4]]
    # an article naming none is no conflict; with regions=1 the rule never lets such groups merge
    assert cluster_edges(5, edges, GroupingSettings(), [frozenset()] * 2 + [texas] * 3) == [[0, 1, 2, 3, 4]]
    assert cluster_edges(5, strong, GroupingSettings(regions=1.0), regions) == [[0, 1], [2, 3, 4]]


def test_a_lone_article_naming_another_state_does_not_join_on_a_middling_link() -> None:
    from reconcile.grouping.clusters import _attach_lone

    story = {(i, j): 0.9 for i in range(4) for j in range(i + 1, 4)}
    later = {**story, (2, 4): 0.6, (3, 4): 0.6}
    texas = frozenset({"texas"})
    assert _attach_lone([[0, 1, 2, 3], [4]], later, GroupingSettings(), [[texas] * 4 + [frozenset({"alabama"})]]) == [
        [0, 1, 2, 3], [4]]
    assert _attach_lone([[0, 1, 2, 3], [4]], later, GroupingSettings(), [[texas] * 5]) == [[0, 1, 2, 3, 4]]
    assert _attach_lone([[0, 1, 2, 3], [4]], later, GroupingSettings()) == [[0, 1, 2, 3, 4]]


def test_two_shootings_on_other_streets_or_of_other_ages_stay_apart_unless_strongly_linked() -> None:
    from reconcile.grouping import cluster_edges

    # two stories of one city and week: every pair across them at 0.5 (the city, the words of a shooting)
    inside = {(0, 1): 0.9, (2, 3): 0.9}
    across = {(i, j): 0.5 for i in (0, 1) for j in (2, 3)}
    edges = {**inside, **across}
    elm, grand = frozenset({"elm st"}), frozenset({"grand ave"})
    none = frozenset[str]()
    assert cluster_edges(4, edges, GroupingSettings()) == [[0, 1, 2, 3]]
    assert cluster_edges(4, edges, GroupingSettings(), streets=[elm, none, grand, none]) == [[0, 1], [2, 3]]
    assert cluster_edges(4, edges, GroupingSettings(), ages=[frozenset({"2"}), none, frozenset({"3"}), none]) == [
        [0, 1], [2, 3]]
    # one street or age in common (a follow-up names where the suspect was caught too): one story
    assert cluster_edges(4, edges, GroupingSettings(), streets=[elm, none, grand | elm, none]) == [[0, 1, 2, 3]]
    assert cluster_edges(4, edges, GroupingSettings(), ages=[frozenset({"17", "2"}), none, frozenset({"2"}), none]) == [
        [0, 1, 2, 3]]
    # a strong link merges them all the same
    strong = {**inside, **{pair: 0.8 for pair in across}}
    assert cluster_edges(4, strong, GroupingSettings(), streets=[elm, none, grand, none]) == [[0, 1, 2, 3]]


def test_the_streets_and_ages_an_article_gives_are_read_from_its_words() -> None:
    from reconcile.grouping.profile import ages_of, streets_of
    from reconcile.rules import load_rules

    rules = load_rules()
    doc = Document("d1", "a.txt", "Police were called to the 3700 block of North Elm Street. A 16-year-old was shot. "
                   "Officers later searched the 100 block of E. 22nd St. and the 1000 block of Magazine Street.",
                   title="Boy, 2, man in critical condition")
    assert streets_of(doc, rules) == frozenset({"elm st", "22nd st", "magazine st"})
    # the title and the first claim only: an age further down is often another person's
    claims = [Claim("d1.c1", "d1", "Police were called to the 3700 block of North Elm Street.", 0, 57)]
    assert ages_of(doc, rules, claims) == frozenset({"2"})
    es = Document("d2", "b.txt", "Un joven de 17 años murió baleado.", title="Muere joven")
    assert ages_of(es, rules, [Claim("d2.c1", "d2", "Un joven de 17 años murió baleado.", 0, 34)]) == frozenset({"17"})
    # a count is no age ("3 men, 2 women shot"), nor a street without its kind
    counted = Document("d3", "c.txt", "x", title="3 men, 2 women shot; 17 years old")
    assert ages_of(counted, rules, []) == frozenset({"17"})
    assert streets_of(Document("d4", "d.txt", "shot in the 500 block of Main."), rules) == frozenset()


def test_the_regions_an_article_names_come_from_the_rules_as_written() -> None:
    from reconcile.grouping.profile import regions_of
    from reconcile.rules import load_rules

    rules = load_rules()
    doc = Document("d1", "a.txt", "SELMA, Ala. - A man was shot in Dallas County.\nfootball in texas",
                   title="Officer shoots man in Selma")
    assert regions_of(doc, rules) == frozenset({"alabama"})
    kc = Document("d2", "b.txt", "Two were shot in Kansas City, Mo., the Washington Post said. Police in N.Y. too.")
    assert regions_of(kc, rules) == frozenset({"missouri", "new york"})
    # only what the article says: page furniture left out with the claims
    claims = [Claim("d3.c1", "d3", "A man was shot in Ohio.", 0, 22)]
    page = Document("d3", "c.txt", "A man was shot in Ohio. Weather for Indiana.")
    assert regions_of(page, rules, claims) == frozenset({"ohio"})


def test_stories_whose_leads_name_different_places_stay_apart_unless_strongly_linked() -> None:
    from reconcile.grouping import cluster_edges

    # Chelsea's two reports and Beech Grove's three, every pair across at 0.5 ("Grove" in both): no state named
    inside = {(0, 1): 0.9, (2, 3): 0.9, (2, 4): 0.9, (3, 4): 0.9}
    across = {(i, j): 0.5 for i in (0, 1) for j in (2, 3, 4)}
    chelsea, beech = frozenset({"chelsea"}), frozenset({"beech", "grove"})
    places = [chelsea, frozenset(), beech, frozenset(), frozenset()]
    edges = {**inside, **across}
    assert cluster_edges(5, edges, GroupingSettings(), [], places) == [[0, 1], [2, 3, 4]]
    # one shared place word, or a strong link, and they are one story; states and places are each a gate
    assert cluster_edges(5, edges, GroupingSettings(), [], [chelsea, frozenset(), beech, chelsea, frozenset()]) == [
        [0, 1, 2, 3, 4]]
    strong = {**inside, **{pair: 0.8 for pair in across}}
    assert cluster_edges(5, strong, GroupingSettings(), [], places) == [[0, 1, 2, 3, 4]]
    texas = frozenset({"texas"})
    assert cluster_edges(5, edges, GroupingSettings(), [texas] * 5, places) == [[0, 1], [2, 3, 4]]
    # a lone article whose lead names another place does not join on a middling link either
    lone = {(2, 3): 0.9, (2, 4): 0.9, (3, 4): 0.9, (0, 2): 0.2, (0, 3): 0.2}
    assert cluster_edges(5, lone, GroupingSettings(), [], [chelsea, frozenset(), beech, beech, beech]) == [
        [0], [1], [2, 3, 4]]
    assert cluster_edges(5, lone, GroupingSettings(), [], [frozenset(), frozenset(), beech, beech, beech]) == [
        [0, 2, 3, 4], [1]]


def test_the_place_of_a_lead_is_the_names_after_the_rules_place_word() -> None:
    from reconcile.grouping.profile import places_of
    from reconcile.rules import load_rules

    rules = load_rules()
    claims = [Claim("d1.c1", "d1", "A 15-year-old has died following a shooting in Chelsea, Mass. on Friday.", 0, 70)]
    doc = Document("d1", "a.txt", claims[0].text + "\nHe grew up in Revere.", title="Teen shot and killed In Chelsea")
    assert places_of(doc, rules, names_of(doc, claims=claims), claims) == frozenset({"chelsea"})
    # a region ends the run and is no place; a word the article writes in lowercase is none either;
    # a possessive is the place
    dallas = Document("d2", "b.txt", "Officers were shot in Texas in an ambush; in the downtown area.",
                      title="Five Officers Shot In Dallas Ambush")
    assert places_of(dallas, rules, names_of(dallas)) == frozenset({"dallas"})
    texas = Document("d3", "c.txt", "A man was shot in Texas Sunday in Dallas's west.")
    assert places_of(texas, rules, names_of(texas)) == frozenset({"dallas"})
    # no place word in the rules, no places
    bare = dataclasses.replace(rules, lexicon=dataclasses.replace(
        rules.lexicon, places=dataclasses.replace(rules.lexicon.places, event_places=frozenset())))
    assert places_of(doc, bare, names_of(doc, claims=claims), claims) == frozenset()


def test_two_shootings_a_week_apart_in_one_city_stay_apart_unless_strongly_linked() -> None:
    from reconcile.grouping import cluster_edges, days_around

    # two reports of a shooting on the 4th, three of another on the 11th, every pair across at 0.5 (one city)
    inside = {(0, 1): 0.9, (2, 3): 0.9, (2, 4): 0.9, (3, 4): 0.9}
    across = {(i, j): 0.5 for i in (0, 1) for j in (2, 3, 4)}
    reach = GroupingSettings().event_reach
    first, week = days_around(DAY, reach), days_around(DAY + dt.timedelta(days=7), reach)
    days = [first, frozenset(), week, week, frozenset()]
    assert cluster_edges(5, {**inside, **across}, GroupingSettings(), [], [], days) == [[0, 1], [2, 3, 4]]
    # the same day told two days apart ("Friday night", a report on Sunday) is no gap: one story
    near = days_around(DAY + dt.timedelta(days=2), reach)
    assert cluster_edges(5, {**inside, **across}, GroupingSettings(), [], [], [first, frozenset(), near, near,
                                                                                frozenset()]) == [[0, 1, 2, 3, 4]]
    # a strong link, or a negative reach, and they are one story
    strong = {**inside, **{pair: 0.8 for pair in across}}
    assert cluster_edges(5, strong, GroupingSettings(), [], [], days) == [[0, 1, 2, 3, 4]]
    assert days_around(DAY, -1) == frozenset()
    # a lone follow-up telling of a later day still joins its story: only groups are held to the days
    lone = {(2, 3): 0.9, (2, 4): 0.9, (3, 4): 0.9, (0, 2): 0.3, (0, 3): 0.3}
    assert cluster_edges(5, lone, GroupingSettings(), [], [], [week, frozenset(), first, first, first]) == [
        [0, 2, 3, 4], [1]]


def test_group_reads_the_event_days_of_the_profiles() -> None:
    # pages without a publication date, leads much alike (one city), telling of two days a week apart
    story = _direction()

    def report(pid: str, day: dt.date, words: dict[str, int]) -> Profile:
        return dataclasses.replace(_profile(pid, {"fernwood", "chicago"}, words, None, story, 0.6), event_date=day)

    later = DAY + dt.timedelta(days=7)
    profiles = [report("a", DAY, {"fernwood": 1, "porch": 1}), report("b", DAY, {"fernwood": 1, "porch": 2}),
                report("c", later, {"fernwood": 1, "alley": 1}), report("d", later, {"fernwood": 1, "alley": 2})]
    apart = group([*profiles, *_background()])
    assert (_story_of(apart, "a"), _story_of(apart, "c")) == (["a", "b"], ["c", "d"])
    together = group([*profiles, *_background()], GroupingSettings(event_reach=-1))
    assert _story_of(together, "a") == ["a", "b", "c", "d"]


def test_a_lone_page_from_another_city_joins_no_story_on_a_middling_link() -> None:
    from reconcile.grouping import cluster_edges
    from reconcile.grouping.profile import cities_named

    # a Fort Worth story of three; a lone page, its city Fort Wayne, tied to it at 0.42 and 0.37
    inside = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9}
    lone = {**inside, (0, 3): 0.42, (1, 3): 0.37}
    worth, wayne = frozenset({"fort worth"}), frozenset({"fort wayne"})
    assert cluster_edges(4, lone, GroupingSettings(), cities=[worth, worth, frozenset(), wayne]) == [[0, 1, 2], [3]]
    # the same page with no city, or naming the story's city too, joins; so does one on a strong link
    assert cluster_edges(4, lone, GroupingSettings(), cities=[worth, worth, frozenset(), frozenset()]) == [[0, 1, 2, 3]]
    assert cluster_edges(4, lone, GroupingSettings(), cities=[worth, worth, frozenset(), wayne | worth]) == [
        [0, 1, 2, 3]]
    assert cluster_edges(4, {**inside, (0, 3): 0.8, (1, 3): 0.8}, GroupingSettings(),
                         cities=[worth, worth, frozenset(), wayne]) == [[0, 1, 2, 3]]
    # a victim's message written in New Orleans that names Orlando is no other city than Orlando's story
    story = [Profile(f"s{i}", "s.com", DAY, frozenset({"orlando", "pulse"}), b"", city="orlando") for i in range(3)]
    message = Profile("m", "m.com", DAY, frozenset({"orlando", "metairie"}), b"", city="new orleans")
    assert cluster_edges(4, lone, GroupingSettings(), cities=cities_named([*story, message])) == [[0, 1, 2, 3]]


def test_a_sites_template_pages_years_apart_are_no_story_but_each_keeps_its_title() -> None:
    # "Close Get email notifications on Joel Currier daily!": the whole page, on three shootings years apart
    template = _direction()
    lead = _vector(template, 0.6)
    words = {"notifications": 3, "currier": 2, "joel": 2, "saved": 1}

    def page(pid: str, day: dt.date, title: bytes, extra: dict[str, int]) -> Profile:
        return Profile(pid, "stltoday.com:80" if pid == "b" else "stltoday.com", day, frozenset({"joel", "currier"}),
                       lead, title, tuple(sorted((words | extra).items())), body="c0ffee")

    hazelwood = _direction()
    pages = [page("a", DAY, _vector(None, 0.0), {"tavern": 1}),
             page("b", DAY + dt.timedelta(days=250), _vector(None, 0.0), {"overnight": 1}),
             page("c", DAY + dt.timedelta(days=450), _vector(hazelwood, 0.6), {"hazelwood": 1})]
    report = _profile("d", {"hazelwood", "lindbergh"}, {"hazelwood": 2, "lindbergh": 1},
                      DAY + dt.timedelta(days=447), hazelwood, 0.6)
    report2 = _profile("e", {"hazelwood", "lindbergh"}, {"hazelwood": 1, "lindbergh": 2, "interstate": 1},
                       DAY + dt.timedelta(days=448), hazelwood, 0.6)
    stories = group([*pages, report, report2, *_background()])
    assert _story_of(stories, "a") == ["a"] and _story_of(stories, "b") == ["b"]
    assert _story_of(stories, "c") == ["c", "d", "e"]  # by its title, which is its own
    # the same body on the same site under another title the next day is a story retitled, no template
    assert templates([pages[0], dataclasses.replace(pages[1], date=DAY + dt.timedelta(days=1))]) == []
    assert [sorted(p.id for p in (pages[k] for k in members)) for members in templates(pages)] == [["a", "b", "c"]]
    stripped = {p.id: p for p in without_templates(pages)}
    assert stripped["c"].words == (("hazelwood", 1),) and stripped["c"].names == frozenset()
    assert stripped["c"].vector == pages[2].title_vector


def test_a_lone_page_of_an_event_months_from_a_storys_joins_it_only_on_a_strong_link() -> None:
    from reconcile.grouping import cluster_edges

    # a story of three on one day; a lone page with two middling pairs to it
    edges = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9, (0, 3): 0.4, (1, 3): 0.4}
    day = dt.date(2016, 10, 12)

    def days(lone: dt.date | None) -> list[frozenset[str]]:
        return [days_around(day, 3)] * 3 + [days_around(lone, 3)]

    # a follow-up told of a day two weeks on, or one that gives no day, joins
    assert cluster_edges(4, edges, GroupingSettings(), days=days(day + dt.timedelta(days=14))) == [[0, 1, 2, 3]]
    assert cluster_edges(4, edges, GroupingSettings(), days=days(None)) == [[0, 1, 2, 3]]
    # another barbershop shooting in the same city eight months before does not, unless strongly linked
    assert cluster_edges(4, edges, GroupingSettings(), days=days(day - dt.timedelta(days=240))) == [[0, 1, 2], [3]]
    strong = {**edges, (0, 3): 0.8, (1, 3): 0.8, (2, 3): 0.1}
    assert cluster_edges(4, strong, GroupingSettings(), days=days(day - dt.timedelta(days=240))) == [[0, 1, 2, 3]]
    assert cluster_edges(4, edges, GroupingSettings(lone_days=-1), days=days(day - dt.timedelta(days=240))) == [
        [0, 1, 2, 3]]
