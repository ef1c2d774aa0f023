"""The HTML report: self-contained, every claim wrapped at its exact span, all article text escaped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from reconcile.model import Claim, Conflict, Document, FactRow, Finding, Result, Span, Stated
from reconcile.report.html import render_html
from reconcile.report.html_facts import key_facts_html

TWEET = "4 policías murieron. Así como 4 secuestradores fueron abatidos."
ARTICLE = (
    "When backup arrived, the gunmen managed to kill four officers.\n\n"
    "Governor Enrique Alfaro revealed that eight gunmen died & three were injured."
)
HOSTILE = 'Police said <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned=2"> too.'


def _claim(doc: Document, cid: str, snippet: str, attribution: str | None = None) -> Claim:
    start = doc.text.index(snippet)
    return Claim(id=cid, doc=doc.id, text=snippet, start=start, end=start + len(snippet), attribution=attribution)


def hand_result(mode: str = "compare") -> Result:
    """Two documents, one agreement, one contradiction, one unique claim."""
    a = Document(id="d1", path="seeds/tweet.txt", text=TWEET, language="es")
    b = Document(id="d2", path="seeds/article.txt", text=ARTICLE)
    claims = (
        _claim(a, "d1.c1", "4 policías murieron."),
        _claim(a, "d1.c2", "Así como 4 secuestradores fueron abatidos."),
        _claim(b, "d2.c1", "the gunmen managed to kill four officers."),
        _claim(b, "d2.c2", "eight gunmen died", attribution="Governor Enrique Alfaro"),
        _claim(b, "d2.c3", "three were injured."),
    )
    findings = (
        Finding("agreement", ("d1.c1", "d2.c1"), 0.91, "both say four officers were killed"),
        Finding(
            "contradiction",
            ("d1.c2", "d2.c2"),
            0.88,
            "attackers killed: 4 vs 8",
            (Conflict("count.attackers.killed", {"d1.c2": 4, "d2.c2": 8}),),
        ),
        Finding("unique", ("d2.c3",), 1.0, "only the article says it"),
    )
    return Result(documents=(a, b), claims=claims, findings=findings, mode=mode, model="test")  # type: ignore[arg-type]


class _Marks(HTMLParser):
    """Collects the text inside each <mark>, by claim id, and every tag and attribute seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.by_claim: dict[str, str] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._open = (dict(attrs).get("data-claim") or "").split()

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open = None

    def handle_data(self, data: str) -> None:
        for claim_id in self._open or []:
            self.by_claim[claim_id] = self.by_claim.get(claim_id, "") + data


def _parse(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    return parser


def test_every_claim_is_marked_at_its_exact_span() -> None:
    result = hand_result()
    marks = _parse(render_html(result))
    assert marks.by_claim == {c.id: c.text for c in result.claims}


def test_marks_carry_the_kind_and_the_finding() -> None:
    page = render_html(hand_result())
    tags = [attrs for tag, attrs in _parse(page).tags if tag == "mark"]
    kind_of = {attrs["data-claim"]: (attrs["class"], attrs["data-finding"]) for attrs in tags}
    # findings are listed most urgent first but keep their numbers: f2 is the contradiction
    assert kind_of["d1.c2"] == ("k-contradiction", "f2")
    assert kind_of["d2.c2"] == ("k-contradiction", "f2")
    assert kind_of["d1.c1"] == ("k-agreement", "f1")
    assert kind_of["d2.c3"] == ("k-unique", "f3")


def test_findings_list_contradiction_first_with_both_quotes_and_values() -> None:
    page = render_html(hand_result())
    buttons = re.findall(r'<button type=button class="finding k-(\w+)" data-finding="(f\d+)"', page)
    assert buttons == [("contradiction", "f2"), ("agreement", "f1"), ("unique", "f3")]
    detail = page.split('id="f2-detail"', 1)[1].split("</li>", 1)[0]
    assert "<blockquote>Así como 4 secuestradores fueron abatidos.</blockquote>" in detail
    assert "<blockquote>eight gunmen died</blockquote>" in detail
    assert "<td>4</td>" in detail and "<td>8</td>" in detail
    assert "Governor Enrique Alfaro" in detail


def test_text_outside_claims_is_kept_and_escaped() -> None:
    page = render_html(hand_result())
    # "&" in the article text, and the newlines between paragraphs, survive
    assert "died</mark> &amp; <mark" in page
    assert "four officers.</mark>\n\nGovernor Enrique Alfaro revealed that " in page


def test_self_contained_no_network() -> None:
    page = render_html(hand_result())
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert page.count("<script>") == 1 and "<script src" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in html.unescape(page)


def test_hostile_article_text_is_never_markup() -> None:
    doc = Document(id="d1", path="evil<b>.txt", text=HOSTILE, title='"><script>alert(1)</script>')
    claim = _claim(doc, "d1.c1", HOSTILE[: HOSTILE.index(" too.")], attribution='"><img src=x>')
    result = Result(documents=(doc,), claims=(claim,), findings=(Finding("unique", ("d1.c1",), 1.0, "<i>x</i>"),))
    page = render_html(result)
    tags = {tag for tag, _ in _parse(page).tags}
    assert "img" not in tags and "b" not in tags and "i" not in tags
    assert page.count("<script") == 1  # ours only
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "onerror=&quot;window.__pwned=2&quot;" in page or 'onerror="window.__pwned=2"' not in page
    for _tag, attrs in _parse(page).tags:
        assert not any(name.startswith("on") for name in attrs)


def test_overlapping_claims_are_both_marked() -> None:
    doc = Document(id="d1", path="a.txt", text="Eight gunmen died and three were injured on Thursday.")
    outer = _claim(doc, "d1.c1", "Eight gunmen died and three were injured")
    inner = _claim(doc, "d1.c2", "three were injured on Thursday.")
    result = Result(
        documents=(doc,),
        claims=(outer, inner),
        findings=(Finding("unique", ("d1.c1",), 1.0, "a"), Finding("unique", ("d1.c2",), 1.0, "b")),
    )
    assert _parse(render_html(result)).by_claim == {"d1.c1": outer.text, "d1.c2": inner.text}


@pytest.mark.parametrize("mode", ["check", "self-check"])
def test_modes_name_their_columns(mode: str) -> None:
    page = render_html(hand_result(mode))
    if mode == "check":
        assert '<span class="role">Draft</span>' in page and '<span class="role">Source</span>' in page
    else:
        assert '<span class="role">Article</span>' in page


def test_link_base_links_each_source_relative_to_the_report() -> None:
    page = render_html(hand_result(), link_base="reports")
    assert '<a href="../seeds/tweet.txt">tweet.txt</a>' in page
    assert "seeds/tweet.txt" not in render_html(hand_result())


def test_furniture_is_shown_dimmed() -> None:
    doc = Document(id="d1", path="a.txt", text="Click OK to subscribe\nFour officers died.", furniture=(Span(0, 21),))
    claim = Claim("d1.c1", "d1", "Four officers died.", 22, 41)
    result = Result(documents=(doc,), claims=(claim,), findings=(Finding("unique", ("d1.c1",), 1.0, "r"),))
    assert '<span class="furniture">Click OK to subscribe</span>\n<mark' in render_html(result)


def test_deterministic() -> None:
    assert render_html(hand_result()) == render_html(hand_result())


def test_findings_are_listed_in_the_markdown_reports_order_with_its_summary() -> None:
    page = render_html(hand_result())
    headings = re.findall(r"<h3>([^<]*)</h3>", page)
    assert headings == ["Contradictions (1)", "Confirmed (1)", "Fragments, captions and notes only one source has (1)"]
    assert "2 sources, 1 contradiction, 0 updates, 1 fact confirmed, 0 worth checking" in page
    assert "the article" not in page  # an unattributed claim speaks for its outlet: tweet, article
    assert 'title="tweet"' in page and 'title="Governor Enrique Alfaro"' in page


def test_a_key_fact_no_claim_covers_links_to_its_source_column() -> None:
    docs = (Document(id="d1", path="a.txt", text="4 killed in shooting\n\nPolice said more."),
            Document(id="d2", path="b.txt", text="Five people were killed."))
    row = FactRow("killed", "Killed", "contradiction", {
        "d1": Stated(4, "4 killed", 0, 8, None), "d2": Stated(5, "Five people", 0, 11, "d2.c1")})
    html = key_facts_html(Result(docs, (), (), facts=(row,)))
    assert 'href="#doc-d1"' in html and 'href="#claim-d2.c1"' in html
