"""A hostile article in the Markdown report: rendered by a CommonMark renderer that allows raw HTML,
in headless Chromium, no script runs and no element is injected; a ``|`` in a file name keeps the table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from reconcile.model import Claim, Conflict, Document, Finding, Result
from reconcile.report.markdown import render_markdown

from .test_hostile import ARTICLE, HOSTILE

#: what our Markdown may become: headings, paragraphs, lists, tables, links, bold, a rule
ALLOWED = {"H1", "H2", "H3", "P", "UL", "OL", "LI", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD", "A", "STRONG", "HR"}


def _page(markdown: str) -> str:
    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")  # raw HTML allowed, as many viewers do
    body = renderer.render(markdown)
    return f"<!doctype html><html><head><title>md</title></head><body data-ready='1'>{body}</body></html>"


def _hostile_result() -> Result:
    name = "<img src=x onerror=\"window.__pwned='name'\"> a|b [x](javascript:window.__pwned='link').txt"
    title = "<script>window.__pwned='title'</script>"
    a = Document(id="d1", path=name, text=HOSTILE, title=title)
    b = Document(id="d2", path="other|side.txt", text=HOSTILE + " ", title=None)
    split = HOSTILE.index(" four")
    claims = (
        Claim("d1.c1", "d1", HOSTILE[:split], 0, split, attribution="<b onmouseover=\"window.__pwned='b'\">x</b>"),
        Claim("d1.c2", "d1", HOSTILE[split + 1 :], split + 1, len(HOSTILE)),
        Claim("d2.c1", "d2", HOSTILE[split + 1 :], split + 1, len(HOSTILE), attribution="[me](javascript:1)"),
    )
    findings = (
        Finding("contradiction", ("d1.c2", "d2.c1"), 0.9, "<script>window.__pwned='reason'</script>",
                (Conflict("name", {"d1.c2": "<svg onload=\"window.__pwned='v'\">", "d2.c1": "*x*"}),)),
        Finding("unique", ("d1.c1",), 1.0, "<img src=y onerror=\"window.__pwned='reason2'\">"),
    )
    return Result(documents=(a, b), claims=claims, findings=findings)


def _assert_inert(page: Any) -> None:
    page.wait_for_timeout(200)
    for link in page.locator("a").all():
        link.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == [] and page.errors == []
    tags = set(page.evaluate("Array.from(document.body.querySelectorAll('*'), e => e.tagName)"))
    assert tags <= ALLOWED, tags - ALLOWED
    handlers = page.evaluate(
        "Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes, a => a.name))"
        ".filter(n => n.startsWith('on'))"
    )
    assert handlers == []
    hrefs = page.evaluate("Array.from(document.querySelectorAll('a'), a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))], hrefs
    assert not [url for url in page.requests if not url.startswith("file:")]


def test_hostile_markdown_report_is_inert(open_report: Any) -> None:
    markdown = render_markdown(_hostile_result())
    page = open_report(_page(markdown))
    _assert_inert(page)
    text = page.inner_text("body")
    assert "<svg onload=\"window.__pwned='svg'\"></svg>" in text  # the article's words, shown as text
    assert "<script>window.__pwned='title'</script>" in text


def test_a_pipe_in_a_file_name_keeps_the_table(open_report: Any) -> None:
    page = open_report(_page(render_markdown(_hostile_result())))
    rows = page.evaluate(
        "Array.from(document.querySelectorAll('table')[0].rows, r => r.cells.length)"
    )
    assert rows == [4, 4, 4], rows
    assert page.locator("table").first.locator("td").nth(1).inner_text().startswith("<img src=x")  # who says it


def test_hostile_article_through_the_pipeline_makes_an_inert_markdown_report(
    write: Any, encoder: Any, open_report: Any
) -> None:
    from reconcile import compare

    hostile = write("a|<b onclick=x>hostile.txt", ARTICLE)
    ward = str(Path(__file__).resolve().parents[2] / "seeds" / "guanajuato-ward.txt")
    result = compare([hostile, ward], encoder=encoder, cache=False)
    page = open_report(_page(render_markdown(result, link_base=str(Path(hostile).parent))))
    _assert_inert(page)
    text = page.inner_text("body")
    assert "<script>window.__pwned = 'pipeline'" in text and "<img src=\"x\" onerror=" in text  # as text
    assert "a|<b onclick=x>hostile.txt" in text
