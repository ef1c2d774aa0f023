"""Reading articles: bad input is refused with the file's name; furniture, title and date are found."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SEEDS

from reconcile.errors import BadInput
from reconcile.ingest import read, read_all


def test_missing_file(rules, tmp_path):
    with pytest.raises(BadInput, match=r"nope\.txt: no such file$"):
        read(str(tmp_path / "nope.txt"), doc_id="d1", rules=rules)


def test_directory(rules, tmp_path):
    with pytest.raises(BadInput, match="is a directory; give the article files inside it"):
        read(str(tmp_path), doc_id="d1", rules=rules)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t "])
def test_empty_file(rules, write, content):
    path = write("empty.txt", content)
    with pytest.raises(BadInput, match=r"empty\.txt: is empty$"):
        read(path, doc_id="d1", rules=rules)


def test_binary_file(rules, write):
    path = write("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    with pytest.raises(BadInput, match=r"photo\.jpg: looks like a binary file"):
        read(path, doc_id="d1", rules=rules)


def test_windows_1252_copy_is_read_with_a_warning(rules, write):
    text = "El gobernador dijo que “ocho pistoleros murieron” en El Salto, según la policía de México."
    path = write("cms.txt", text.encode("cp1252"))
    doc = read(path, doc_id="d1", rules=rules)
    assert doc.text == text
    assert doc.warnings and "not UTF-8" in doc.warnings[0] and "cms.txt" in doc.warnings[0]


def test_same_file_twice(rules):
    path = str(SEEDS / "guanajuato-ward.txt")
    with pytest.raises(BadInput, match="is the same file as"):
        read_all([path, path], rules=rules)


def test_same_text_under_two_names(rules, write):
    a = write("a.txt", "Four officers were killed on Monday in the town.")
    b = write("b.txt", "Four officers were killed on Monday in the town.")
    with pytest.raises(BadInput, match=r"b\.txt: has the same text as .*a\.txt"):
        read_all([a, b], rules=rules)


def test_html_goes_through_the_extractor(rules, write):
    body = " ".join(["Police said four officers were killed in the attack on Monday night."] * 3)
    page = f"<!doctype html><html><head><title>Attack</title><script>var x=1;</script></head><body>" \
           f"<nav>Home | World</nav><article><h1>Attack</h1><p>{body}</p><p>{body}</p></article></body></html>"
    doc = read(write("story.html", page), doc_id="d1", rules=rules)
    assert "four officers were killed" in doc.text
    assert "var x" not in doc.text
    assert doc.title == "Attack"


def test_seed_furniture_title_and_date(rules):
    ward = read(str(SEEDS / "guanajuato-ward.txt"), doc_id="d1", rules=rules)
    furniture = [ward.text[f.start : f.end] for f in ward.furniture]
    assert "Click 'OK' then 'Allow' to enable notifications" in furniture
    assert "Featured Image Credit: PA" in furniture
    assert ward.title == "Mexican Cartel Hunting Down Police and Killing Them On Days Off"

    zerohedge = read(str(SEEDS / "guanajuato-zerohedge.txt"), doc_id="d2", rules=rules)
    assert zerohedge.date == dt.date(2021, 5, 31)

    tweet = read(str(SEEDS / "el-salto-mexicorojo-tweet.txt"), doc_id="d3", rules=rules)
    assert tweet.language == "es"
    assert tweet.date == dt.date(2022, 6, 23)
    marked = [tweet.text[f.start : f.end] for f in tweet.furniture]
    assert "pic.twitter.com/L7rhaEgdTR" in marked
    assert "#ElSalto" in marked


def test_furniture_repeated_in_a_long_line_is_marked_each_time(rules):
    from reconcile.ingest import from_text

    clip = "CLOSE Skip in Skip x Embed x Share OFFICERS SHOT Sheriff speaks | 1:14 Two bailiffs died in a courthouse."
    story = " ".join(["The inmate had been taken to a hearing on a charge of assault, the sheriff said."] * 6)
    line = f"{story} 1 of 3 {clip} {story} 2 of 3 {clip}"
    assert len(line) > 600  # a long line: a paragraph rule marks only the sentences it matches
    doc = from_text(line, path="a.txt", doc_id="d1", rules=rules)
    marked = [doc.text[f.start : f.end] for f in doc.furniture]
    assert sum("Skip in Skip" in m for m in marked) == 2
    assert not any("assault" in m for m in marked)


def test_a_link_to_another_story_is_furniture(rules):
    from reconcile.ingest import from_text

    text = ("Eight people, including the 2 who died, were shot around 1 a.m. Saturday.\n\n"
            "STORY: 1 dead in triple shooting at Vegas nightclub\n\n"
            "PREVIOUS STORY: One day after being added to the Top Ten Most Wanted list, he was caught.\n\n"
            "The story: police say the gunman fired into the crowd.")
    doc = from_text(text, path="a.txt", doc_id="d1", rules=rules)
    marked = [doc.text[f.start : f.end] for f in doc.furniture]
    assert "STORY: 1 dead in triple shooting at Vegas nightclub" in marked
    assert any(m.startswith("PREVIOUS STORY:") for m in marked)
    assert not any("Eight people" in m or "fired into the crowd" in m for m in marked)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a short first line with a line break after it is the headline, whatever it ends in (issue #22)
        ("Trump warns Iran on nuclear program as Macron aims to preserve pact.\n\nPresident Trump said on Tuesday "
         "that Iran would face big problems.\n",
         "Trump warns Iran on nuclear program as Macron aims to preserve pact."),
        ("Investigan robo a casa de Andrea Legarreta\r\nLa conductora dijo que entraron a su casa.\r\n",
         "Investigan robo a casa de Andrea Legarreta"),
        ("¿En dónde estuvo Trump mientras se celebraban los Oscar?\n\nEl presidente no asistió.\n",
         "¿En dónde estuvo Trump mientras se celebraban los Oscar?"),
        # a headline printed twice is one title, not both copies
        ("Police Release ID Of Woman Killed In Parking Lot\n\nPolice Release ID Of Woman Killed In Parking Lot\n\n"
         "The woman was 62.\n", "Police Release ID Of Woman Killed In Parking Lot"),
        # a first paragraph of many words is the article's lead, not a headline
        ("After more than three years and a tangled trail of frustrating legal delays, the man who killed four "
         "people in a courthouse escape was sentenced.\n\nHe will spend his life in prison.\n", None),
        # an article of one line has no headline
        ("Four officers were killed in the attack on Thursday.\n", None),
        # tokenised text, one sentence a line (a space before each stop), opens with a sentence
        ("Gov. Sarah Palin 's home church has been badly damaged in a suspicious fire .\nLarry Kroon , pastor "
         "of the church , estimates damages at more than $ 1 million .\n", None),
    ],
)
def test_title_is_a_short_first_line(rules, write, text, title):
    assert read(write("a.txt", text), doc_id="d1", rules=rules).title == title


@pytest.mark.parametrize("page, day", [
    # a stamp on the headline's line, the first posting before the update
    ("Teen dies in shooting Posted: Saturday, September 12, 2015 3:40 PM EDT Updated: Monday, October 12, "
     "2015 3:40 PM EDT\n\nA teen died Friday night.", dt.date(2015, 9, 12)),
    ("Updated: Jul 1, 2016 - 12:02 PM\n\nORLANDO, Fla. - A man was shot on Thursday.", dt.date(2016, 7, 1)),
    ("The Republic | azcentral.com Sun Apr 14, 2013 10:26 PM\n\nTwo people were killed.", dt.date(2013, 4, 14)),
    ("Published: Sunday, 7/17/2016 - Updated: 4 months ago\n\nA man was shot.", dt.date(2016, 7, 17)),
    ("Publicado el 5 de mayo de 2017\n\nUn hombre murió el jueves.", dt.date(2017, 5, 5)),
    # a date in a sentence is the event's or the background's, not the page's; a date in parentheses
    # is a caption's, often of a video of another story
    ("How to Protect Yourself From Hackers (Published Friday, Sept. 23, 2016)\n\nThirteen people were shot.",
     None),
    ("On June 27, 2013, a shoot-out left two dead.\n\nIt happened again last weekend.", None),
    ("Shortly before 8:00 p.m. on February 7, 2017, officers responded to a home.", None),
])
def test_the_pages_own_date_from_its_stamp(rules, tmp_path, page, day):  # type: ignore[no-untyped-def]
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    assert read(str(path), doc_id="d1", rules=rules).date == day
