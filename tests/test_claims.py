"""Atomic claims: exact spans, speakers, quotations, tweets, and no page furniture."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import GOLD, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.claims import extract, normalized
from reconcile.ingest import read
from reconcile.model import Document


def claims_of(rules, path: Path):  # type: ignore[no-untyped-def]
    doc = read(str(path), doc_id="d1", rules=rules)
    return doc, extract(doc, rules)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_offsets_round_trip_on_every_seed(rules, seed):
    doc, claims = claims_of(rules, SEEDS / seed)
    original = (SEEDS / seed).open(encoding="utf-8", newline="").read()
    assert claims
    for c in claims:
        assert original[c.start : c.end] == c.text
        assert c.text == c.text.strip()


def test_governor_sentence_is_two_claims_both_his(rules):
    doc, claims = claims_of(rules, SEEDS / "el-salto-breitbart.txt")
    by_text = {c.text: c for c in claims}
    assert by_text["eight gunmen died"].attribution == "Jalisco Governor Enrique Alfaro"
    injured = by_text["three others were injured."]
    assert injured.attribution == "Jalisco Governor Enrique Alfaro"
    [q] = injured.facts.quantities
    assert (q.value, q.cls, q.event) == (3, "attackers", "injured")


def test_quoted_tweet_is_credited_to_its_author(rules):
    doc, claims = claims_of(rules, SEEDS / "el-salto-breitbart.txt")
    tweet = next(c for c in claims if c.text == "4 secuestradores fueron abatidos")
    assert tweet.attribution == "México Código Rojo (@MexicoRojo1)"
    assert tweet.quoted
    assert tweet.language == "es"


def test_quotation_and_its_speaker(rules):
    doc, claims = claims_of(rules, SEEDS / "guanajuato-zerohedge.txt")
    quote = next(c for c in claims if c.text.startswith("This is an open war"))
    assert quote.quoted and quote.attribution == "Saucedo"
    decree = next(c for c in claims if c.text.startswith("Unfortunately, organized crime groups"))
    assert decree.attribution == "a May 17 decree by the Guanajuato state government"


def test_reporting_tail_is_not_part_of_the_claim(rules):
    doc, claims = claims_of(rules, SEEDS / "el-salto-breitbart.txt")
    kill = next(c for c in claims if "managed to kill four officers" in c.text)
    assert kill.text == "When backup arrived, the gunmen managed to kill four officers"
    assert kill.attribution == "authorities"


@pytest.mark.parametrize("name", ["guanajuato", "el-salto"])
def test_no_page_furniture_becomes_a_claim(rules, name):
    gold = yaml.safe_load((GOLD / f"{name}.yaml").read_text(encoding="utf-8"))
    for side, snippets in gold["not_claims"].items():
        path = SEEDS / gold["documents"][side]
        doc, claims = claims_of(rules, path)
        for snippet in snippets:
            at = doc.text.index(snippet)
            overlapping = [c.text for c in claims if c.start < at + len(snippet) and at < c.end]
            assert overlapping == [], snippet


def test_headline_printed_twice_is_one_claim_and_bylines_and_captions_none(rules):
    doc, claims = claims_of(rules, SEEDS / "guanajuato-ward.txt")
    texts = [c.text for c in claims]
    headline = "Mexican Cartel Hunting Down Police and Killing Them On Days Off"
    assert doc.text.count(headline) == 2
    [first] = [c for c in claims if c.text == headline]
    assert first.start == doc.text.index(headline)
    assert "Amelia Ward" not in " ".join(texts)
    assert "The Mexican president." not in texts


def test_hashtags_and_links_alone_are_not_claims(rules):
    doc, claims = claims_of(rules, SEEDS / "el-salto-mexicorojo-tweet.txt")
    assert all("pic.twitter.com" not in c.text for c in claims)
    assert all(not c.text.startswith("#") for c in claims)


PIECES = list("abc XYZ.,;:!?\n\u00a0“”‘’\"'—–-0123456789éñ#@()") + [
    "said", "according to", "killed", " four ", " officers", " and ", "Police", ". ", "\n\n", " – ", "#Tag",
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_any_text_gives_claims_whose_spans_are_exact(rules, text):
    doc = Document(id="d1", path="x.txt", text=text)
    for c in extract(doc, rules):
        assert text[c.start : c.end] == c.text
        assert 0 <= c.start < c.end <= len(text)


CASES = yaml.safe_load((Path(__file__).parent / "cases" / "claims.yaml").read_text(encoding="utf-8"))


def _expected(item: str | dict) -> tuple[str, str | None, bool]:  # type: ignore[type-arg]
    """A case's claim: its text, its attribution, and whether the case says who it is."""
    if isinstance(item, str):
        return item, None, False
    return item["text"], item.get("who"), "who" in item


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_claims_cover_the_text(rules, tmp_path, case):
    path = tmp_path / "article.txt"
    path.write_text(case["text"], encoding="utf-8", newline="")
    doc, claims = claims_of(rules, path)
    expected = [_expected(item) for item in case["claims"]]
    assert [c.text for c in claims] == [text for text, _, _ in expected]
    at = 0
    for claim, (text, who, says_who) in zip(claims, expected, strict=True):
        assert (claim.start, claim.end) == (doc.text.index(text, at), doc.text.index(text, at) + len(text))
        at = claim.end
        if says_who:
            assert claim.attribution == who, text


PHENOMENA = [
    "Mr. Smith", "Sgt. Brown", "U.S. officials", "on Jan. 5", "at No. 5", "Sr. López", "EE.UU.", "1.2 miles",
    "co-workers", "38 - year - old", "co - worker", " - ", ", he said Tuesday", ", according to police",
    ", Mnuchin said in an interview broadcast Monday", ", 34, a migrant from Guatemala,", "(AP Photo/Jo Doe)",
    "Photo: ", "FILE - ", "Image caption ", ", dijo el gobernador", ", según la fiscalía", "Daniel H. Torres",
    " said that ", " told The Post ", "“", "”", '"', ", and ", " and three others were injured",
]
HEADLINE = "Four Officers Killed In Ambush Near The Border"
LINE = st.lists(st.sampled_from(PHENOMENA + PIECES), min_size=1, max_size=25).map("".join)
ARTICLE = st.lists(st.one_of(LINE, st.just(HEADLINE)), min_size=1, max_size=8).map("\n\n".join)


@settings(max_examples=150, deadline=None)
@given(ARTICLE)
def test_claims_over_abbreviations_hyphens_and_tails_have_exact_spans(rules, text):
    doc = Document(id="d1", path="x.txt", text=text)
    claims = extract(doc, rules)
    for c in claims:
        assert doc.text[c.start : c.end] == c.text
    assert len({normalized(c.text) for c in claims}) == len(claims)  # a repeated line is one claim


@pytest.mark.parametrize(
    ("sentence", "said", "speaker"),
    [
        ("The company, which posted record profits last year, said revenue fell 8% in the quarter.",
         "revenue fell 8% in the quarter.", "The company"),
        ("La empresa, que publicó sus cuentas el lunes, dijo que los ingresos cayeron un 8%.",
         "los ingresos cayeron un 8%.", "La empresa"),
        # the relative clause holds the only attribution verb: nobody is quoted, the sentence is the claim
        ("The mayor, who said the plan would not go ahead, resigned on Monday.",
         "The mayor, who said the plan would not go ahead, resigned on Monday.", None),
        # a long relative clause after the speaker's name still leaves the speaker
        ("Elliott, who chairs the commission committee overseeing the court, said the incident was an accident.",
         "the incident was an accident.", "Elliott"),
        ("Javier Ruiz, quien vive junto a la casa desde hace diez años, dijo que oyó tres disparos en la calle.",
         "oyó tres disparos en la calle.", "Javier Ruiz"),
        # a restrictive relative clause that reports: the one it describes is the speaker
        ("A neighbour who says she heard three shots called the police.", "she heard three shots called the police.",
         "A neighbour"),
        # no relative clause: the speaker's own verb
        ("The company said revenue fell 8% in the quarter.", "revenue fell 8% in the quarter.", "The company"),
    ],
)
def test_a_relative_clause_verb_credits_no_one(rules, sentence: str, said: str, speaker: str | None) -> None:
    doc = Document(id="d1", path="a.txt", text=sentence)
    [claim] = extract(doc, rules)
    assert (claim.text, claim.attribution) == (said, speaker)
    assert sentence[claim.start : claim.end] == said


@pytest.mark.parametrize(
    "line",
    [
        "We have sent you a verification email.",
        "If you do not receive the verification message within a few minutes, please check your Spam or Junk folder.",
        "Oops, you haven't selected any newsletters. Please tick one or more of our email newsletters.",
        "Thank you for registering!",
        "Visit us and sign in to update your profile, receive the latest news and keep up to date with mobile alerts.",
        "KSLA News 12 Shreveport, Louisiana News Weather & Sports",
        "Te hemos enviado un correo de verificación. Revisa tu carpeta de spam si no lo recibes.",
        "Please check your email and click on the link to activate your daytondailynews.com profile.",
        "Be the first to know about new stories from PowerPost. Sign up to follow, and we’ll e-mail you free "
        "updates as they’re published.",
        "You’ll receive free e-mail news updates each time a new story is published.",
        "You’re all set!",
        "Add a location to your Tweets",
        "When you tweet with a location, Twitter stores that location. You can switch location on/off before "
        "each Tweet and always have the option to delete your location history.",
    ],
)
def test_a_sign_up_form_or_a_masthead_is_no_claim(rules, tmp_path: Path, line: str) -> None:
    story = "Two men were shot outside a bar on Main Street on Friday night."
    (tmp_path / "a.txt").write_text(f"{line}\n\n{story}", encoding="utf-8")
    doc, claims = claims_of(rules, tmp_path / "a.txt")
    assert [c.text for c in claims] == [story]


def test_a_story_about_updates_or_profiles_is_not_a_sign_up_form(rules, tmp_path: Path) -> None:
    text = "The council will send residents free updates on the repairs. Police released the suspect's profile."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    doc, claims = claims_of(rules, tmp_path / "a.txt")
    assert [c.text for c in claims] == ["The council will send residents free updates on the repairs.",
                                        "Police released the suspect's profile."]


def test_a_masthead_after_a_headline_is_trimmed(rules, tmp_path: Path) -> None:
    text = "5 injured in NW Atlanta shootout - WTOC-TV: Savannah, Beaufort, SC, News, Weather & Sports"
    (tmp_path / "a.txt").write_text(f"{text}\n\nFive people were shot on Sunday.", encoding="utf-8")
    doc, claims = claims_of(rules, tmp_path / "a.txt")
    assert [c.text for c in claims] == ["5 injured in NW Atlanta shootout", "Five people were shot on Sunday."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full stop inside a short quoted name ends no sentence, and the mentions stay in the claim
        ('The writer dreams that the word "Destiny" appears, followed by the name "Jo. Toby 3632" '
         "which the writer then looks up.\n",
         ['The writer dreams that the word "Destiny" appears, followed by the name "Jo. Toby 3632" '
          "which the writer then looks up."]),
        ('La autora sueña con el nombre «Sr. Toby 3632» que luego busca en la Biblia.\n',
         ["La autora sueña con el nombre «Sr. Toby 3632» que luego busca en la Biblia."]),
    ],
)
def test_a_short_quoted_mention_with_a_full_stop_stays_in_one_claim(rules, text, expected):
    doc = Document(id="d1", path="x.txt", text=text)
    assert [c.text for c in extract(doc, rules)] == expected


def test_a_quotation_of_two_sentences_is_still_two_sentences(rules):
    text = '"The plant will close in May. Nobody will lose their job," the company said on Monday.\n'
    doc = Document(id="d1", path="x.txt", text=text)
    assert [c.text for c in extract(doc, rules)] == ["The plant will close in May.", "Nobody will lose their job"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of people with their ages is the subject of one fact, not facts of its own
        ("65-year-old Edna Durr, 27-year-old Kiearra Durr, 42-year-old Tomecca L. Pickett and 5-year-old Owen "
         "Pickett were found dead inside the home.\n",
         ["65-year-old Edna Durr, 27-year-old Kiearra Durr, 42-year-old Tomecca L. Pickett and 5-year-old Owen "
          "Pickett were found dead inside the home."]),
        # a fact, then another about someone named with an age: two claims
        ("Two men were killed, and 3-year-old Jaden Smith was wounded.\n",
         ["Two men were killed", "3-year-old Jaden Smith was wounded."]),
        # an age set off by commas starts no count: one claim
        ("Police said John Roupe, 17, and his brother were shot outside the store.\n",
         ["John Roupe, 17, and his brother were shot outside the store."]),
    ],
)
def test_an_age_starts_no_fact_of_its_own(rules, text, expected):  # type: ignore[no-untyped-def]
    doc = Document(id="d1", path="x.txt", text=text)
    assert [c.text for c in extract(doc, rules)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one participant and a count with no verb of its own after it: one list, one fact
        ("A shooting that left a father and two children dead last month was a murder-suicide.\n",
         ["A shooting that left a father and two children dead last month was a murder-suicide."]),
        # the count has its own verb: a second fact
        ("The gunman killed a man and two other people were wounded.\n",
         ["The gunman killed a man", "two other people were wounded."]),
    ],
)
def test_a_participant_before_a_count_is_the_first_of_its_list(rules, text, expected):  # type: ignore[no-untyped-def]
    doc = Document(id="d1", path="x.txt", text=text)
    assert [c.text for c in extract(doc, rules)] == expected
