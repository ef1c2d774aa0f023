"""A hostile article in the HTML report: its markup shows as text and no script of its runs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reconcile.model import Claim, Document, Finding, Result
from reconcile.report.html import render_html

HOSTILE = (
    "Police said <script>window.__pwned = 'script'; alert('script')</script> that "
    "<img src=\"x\" onerror=\"window.__pwned = 'img'; alert('img')\"> four officers died. "
    "<svg onload=\"window.__pwned='svg'\"></svg><a href=\"javascript:window.__pwned='a'\">click</a>"
)


def _hostile_result() -> Result:
    doc = Document(id="d1", path="<img src=x onerror=alert(1)>.txt", text=HOSTILE, title="<script>alert('t')</script>")
    spans = [(0, HOSTILE.index(" four")), (HOSTILE.index("four"), len(HOSTILE))]
    claims = tuple(
        Claim(
            id=f"d1.c{i}",
            doc="d1",
            text=HOSTILE[s:e],
            start=s,
            end=e,
            attribution="<b onmouseover=\"window.__pwned='b'\">x</b>",
        )
        for i, (s, e) in enumerate(spans, start=1)
    )
    findings = (
        Finding("unique", ("d1.c1",), 1.0, "<script>window.__pwned='reason'</script>"),
        Finding("unique", ("d1.c2",), 1.0, "<img src=y onerror=\"window.__pwned='reason2'\">"),
    )
    return Result(documents=(doc,), claims=claims, findings=findings)


def _assert_inert(page: Any) -> None:
    page.locator("button.finding").first.click()
    page.locator("mark").first.hover()
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.errors == []
    assert page.locator(".text img, .text svg, .text script, .detail img, .detail script").count() == 0
    assert not [url for url in page.requests if not url.startswith("file:")]
    shown = page.locator(".source .text").first.inner_text()
    assert "<script>window.__pwned = 'script'; alert('script')</script>" in shown
    assert "onerror=\"window.__pwned = 'img'; alert('img')\">" in shown


def test_hostile_article_runs_no_script(open_report: Any) -> None:
    _assert_inert(open_report(render_html(_hostile_result())))


def test_hostile_article_is_escaped_even_without_the_csp(open_report: Any) -> None:
    """The Content-Security-Policy is a second line; escaping alone must keep the page inert."""
    csp = r'<meta http-equiv="Content-Security-Policy"[^>]*>'
    page_html = re.sub(csp, "", render_html(_hostile_result()))
    assert "Content-Security-Policy" not in page_html
    _assert_inert(open_report(page_html))


ARTICLE = (
    "Gunmen kidnapped members of an elite police force in the state of Guanajuato, officials said.\n\n"
    "A banner read <script>window.__pwned = 'pipeline'; alert('pipeline')</script> in big letters, "
    "police said.\n\n"
    'Four officers were killed <img src="x" onerror="window.__pwned = \'img\'"> at their homes on Thursday.\n'
)


def test_hostile_article_through_the_pipeline_runs_no_script(write: Any, encoder: Any, open_report: Any) -> None:
    from reconcile import compare
    from reconcile.review import check

    hostile = write("hostile.txt", ARTICLE)
    ward = str(Path(__file__).resolve().parents[2] / "seeds" / "guanajuato-ward.txt")
    for result in (compare([hostile, ward], encoder=encoder), check(hostile, [ward], encoder=encoder)):
        marked = [c for c in result.claims if c.doc == "d1" and ("<script>" in c.text or "<img" in c.text)]
        assert marked, "the hostile markup should sit inside a claim, to test the marks too"
        page = open_report(render_html(result))
        page.locator("button.finding").first.click()
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.dialogs == [] and page.errors == []
        assert page.locator("section.source img, section.source script").count() == 0
        shown = page.locator('section[data-doc="d1"] .text').inner_text()
        assert "<script>window.__pwned = 'pipeline'; alert('pipeline')</script>" in shown
        assert '<img src="x" onerror="window.__pwned = \'img\'">' in shown
