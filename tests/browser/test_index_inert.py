"""The corpus index with hostile titles, file names and reprint ids: rendered by a Markdown renderer that
allows raw HTML, and as index.html, in headless Chromium, no script runs and no element is injected."""

from __future__ import annotations

from typing import Any

import pytest
from test_inert import PAYLOADS, _entries

from reconcile.corpus.index import render_index_html, render_index_md

from .test_markdown_inert import _assert_inert, _page


def _hostile(payload: str) -> str:
    return payload.replace("alert(1)", "window.__pwned='index'").replace("alert(2)", "window.__pwned='id'")


@pytest.mark.parametrize("payload", PAYLOADS[:5])
def test_index_md_is_inert_in_a_browser(open_report: Any, payload: str) -> None:
    page = open_report(_page(render_index_md(_entries(_hostile(payload)), articles=2)))
    _assert_inert(page)
    assert _hostile(payload).replace("\n", " ") in page.inner_text("body")  # shown, as text


@pytest.mark.parametrize("payload", PAYLOADS[:5])
def test_index_html_is_inert_in_a_browser(open_report: Any, payload: str) -> None:
    html = render_index_html(_entries(_hostile(payload)), articles=2).replace("<body>", "<body data-ready='1'>", 1)
    page = open_report(html)
    for link in page.locator("a").all():
        link.hover()
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == [] and page.errors == []
    assert page.locator("img, svg, script, iframe").count() == 0
    handlers = page.evaluate(
        "Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes, a => a.name))"
        ".filter(n => n.startsWith('on'))"
    )
    assert handlers == []
    assert _hostile(payload) in page.inner_text("body")
