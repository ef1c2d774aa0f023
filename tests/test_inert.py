"""One escaping helper for every report and for stderr, tried with the same hostile payloads everywhere:
names, titles and ids in the per-story reports (md, html, json), the corpus index (md, html, json) and
the terminal show markup as text and control characters as escapes."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from reconcile.corpus.index import StoryEntry, render_index_html, render_index_json, render_index_md
from reconcile.model import Claim, Document, Finding, Result
from reconcile.report import render
from reconcile.report.escape import html, html_name, json_inert, markdown, markdown_name, terminal

#: what a hostile file name, feed title or article id may carry
PAYLOADS = [
    "<img src=x onerror=alert(1)>.txt",
    "x`<svg onload=alert(1)>`y",
    "``<svg onload=alert(2)>``",
    "[click](javascript:alert(1))",
    "a|b",
    "title\x1b]0;pwned\x07.txt",
    "line\nbreak.txt",
    "\x1b[31mred\x1b[0m",
    "csi\x9b31m.txt",
    "right\u202eexe.txt",
    "nul\x00bell\x07del\x7f",
    "sep\u2028arator",
]
#: characters a terminal or an editor acts on
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
#: elements a Markdown renderer that allows raw HTML may make of our Markdown
ALLOWED = {"h1", "h2", "h3", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "strong",
           "hr", "em"}


def _tags(markdown_text: str) -> set[str]:
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown_text)
    return {t.lower() for t in re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", rendered)}


class _Elements(HTMLParser):
    """The tags, attribute names and link targets of a page, as a browser's parser sees them."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.hrefs: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]


def _no_live_markup(markup: str) -> None:
    found = _Elements(markup)
    assert not found.tags & {"img", "svg", "iframe", "object", "embed"}, found.tags
    assert not [a for a in found.attributes if a.startswith("on")], found.attributes
    assert not [h for h in found.hrefs if h.strip().lower().startswith(("javascript:", "data:"))], found.hrefs


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_helpers(payload: str) -> None:
    for escaped in (markdown(payload), markdown_name(payload), html(payload), html_name(payload), terminal(payload)):
        assert not RAW.search(escaped), repr(escaped)
    for markup in (markdown(payload), markdown_name(payload), html(payload), html_name(payload)):
        assert "<" not in markup and ">" not in markup
    for one_line in (markdown(payload), markdown_name(payload), html_name(payload), terminal(payload)):
        assert "\n" not in one_line and "\r" not in one_line
    assert _tags(f"| {markdown_name(payload)} |\n|---|\n") <= ALLOWED
    assert _tags(markdown(payload)) <= ALLOWED
    dumped = json_inert(json.dumps({"t": payload}, ensure_ascii=False))
    assert json.loads(dumped) == {"t": payload} and not RAW.search(dumped)


def _result(payload: str) -> Result:
    text = f"Police said four officers died. {payload} Eight gunmen died."
    a = Document(id="d1", path=f"/tmp/{payload}", text=text, title=payload)
    b = Document(id="d2", path=f"/tmp/other {payload}", text=text + " ", title=payload)
    claims = (Claim("d1.c1", "d1", text[:31], 0, 31, attribution=payload),
              Claim("d2.c1", "d2", text[:31], 0, 31))
    findings = (Finding("agreement", ("d1.c1", "d2.c1"), 0.9, payload),)
    return Result(documents=(a, b), claims=claims, findings=findings)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_story_reports_are_inert(payload: str) -> None:
    result = _result(payload)
    md = render(result, "md", link_base="/tmp")
    assert not RAW.search(md.replace("\n", " ")), repr(md)
    assert _tags(md) <= ALLOWED
    _no_live_markup(MarkdownIt("commonmark", {"html": True}).enable("table").render(md))
    page = render(result, "html", link_base="/tmp")
    body = page[page.index("<body") :]
    assert not RAW.search(body.replace("\n", " "))
    _no_live_markup(body.split("<script>")[0])
    data = render(result, "json")
    assert not RAW.search(data.replace("\n", " "))
    assert json.loads(data)["documents"][0]["title"] == payload  # the data itself is exact


def _entries(payload: str) -> list[StoryEntry]:
    return [StoryEntry("s1", payload, (payload, f"{payload}-copy"), ((f"{payload}-copy", payload),), 1, 0, 2)]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_corpus_index_is_inert(payload: str) -> None:
    md = render_index_md(_entries(payload), articles=2)
    assert not RAW.search(md.replace("\n", " ")), repr(md)
    assert _tags(md) <= ALLOWED, _tags(md)
    _no_live_markup(MarkdownIt("commonmark", {"html": True}).enable("table").render(md))
    page = render_index_html(_entries(payload), articles=2)
    assert not RAW.search(page.replace("\n", " "))
    _no_live_markup(page)
    data = render_index_json(_entries(payload), articles=2)
    assert not RAW.search(data.replace("\n", " "))
    assert json.loads(data)["stories"][0]["title"] == payload


def test_a_reprint_id_with_backticks_stays_text() -> None:
    """Backticks in ids used to close the code span they were put in, leaving `<svg onload>` live."""
    md = render_index_md(_entries("x`<svg onload=alert(1)>`y"), articles=2)
    rendered = MarkdownIt("commonmark", {"html": True}).render(md)
    assert "<svg" not in rendered and "&lt;svg onload=alert(1)&gt;" in rendered
