"""The HTML report of real comparisons and checks, opened in headless Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.model import Result
from reconcile.report.html import KIND_ORDER, render_html
from reconcile.review import check

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# every claim's marks, as the browser sees them: id -> (joined text, classes)
MARKS_JS = """() => {
  const out = {};
  for (const m of document.querySelectorAll('mark[data-claim]')) {
    for (const id of m.dataset.claim.split(' ')) {
      const o = out[id] || (out[id] = {text: '', kinds: []});
      o.text += m.textContent;
      o.kinds.push(m.className.split(' ').find(c => c.startsWith('k-')));
      o.doc = m.closest('section.source').dataset.doc;
    }
  }
  return out;
}"""


def _kind_of(result: Result) -> dict[str, str]:
    """The class each claim's marks should carry: the most urgent kind among the findings citing it."""
    kinds: dict[str, list[str]] = {}
    for finding in result.findings:
        for claim_id in finding.claims:
            kinds.setdefault(claim_id, []).append(finding.kind)
    return {cid: min(ks, key=KIND_ORDER.index) for cid, ks in kinds.items()}


def _snippet_claims(result: Result, doc_id: str, snippet: str) -> set[str]:
    text = result.document(doc_id).text
    start = text.index(snippet)
    end = start + len(snippet)
    return {c.id for c in result.claims if c.doc == doc_id and c.start < end and start < c.end}


@pytest.fixture(scope="module")
def checks(encoder: Any) -> dict[str, Result]:
    return {
        "ward": check(str(SEEDS / "guanajuato-ward.txt"), [str(SEEDS / "guanajuato-zerohedge.txt")], encoder=encoder),
        "el-salto": check(str(SEEDS / "el-salto-breitbart.txt"), encoder=encoder),
    }


def test_guanajuato_every_claim_highlighted_at_its_span_by_kind(seed_results: Any, open_report: Any) -> None:
    result = seed_results["guanajuato"]
    page = open_report(render_html(result))
    assert page.errors == []
    marks = page.evaluate(MARKS_JS)
    expected = _kind_of(result)
    assert set(marks) == {c.id for c in result.claims}
    for claim in result.claims:
        seen = marks[claim.id]
        assert seen["text"] == claim.text, claim.id
        assert seen["doc"] == claim.doc
        # a mark shared by overlapping claims shows the more urgent kind; a claim's own start shows its own
        assert f"k-{expected[claim.id]}" in seen["kinds"], claim.id
    # a gold agreement: the banner's threat, highlighted as an agreement in both columns
    threat = "If you want war, you"
    for doc_id in ("d1", "d2"):
        (cid,) = _snippet_claims(result, doc_id, threat)
        assert set(marks[cid]["kinds"]) == {"k-agreement"}


def test_guanajuato_sources_side_by_side_at_1280(seed_results: Any, open_report: Any, tmp_path: Path) -> None:
    page = open_report(render_html(seed_results["guanajuato"]), width=1280, height=900)
    boxes = [page.locator("section.source").nth(i).bounding_box() for i in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] + boxes[0]["width"] <= boxes[1]["x"] + 1
    assert boxes[1]["x"] + boxes[1]["width"] <= 1280 + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.screenshot(path=str(tmp_path / "guanajuato-1280.png"))


def test_click_contradiction_reveals_both_quotes_and_spans(seed_results: Any, open_report: Any) -> None:
    result = seed_results["el-salto"]
    page = open_report(render_html(result), width=1280, height=700)
    tweet = _snippet_claims(result, "d1", "4 secuestradores fueron abatidos")
    governor = _snippet_claims(result, "d2", "eight gunmen died")
    index = next(
        i
        for i, f in enumerate(result.findings, start=1)
        if f.kind == "contradiction" and tweet & set(f.claims) and governor & set(f.claims)
    )
    detail = page.locator(f"#f{index}-detail")
    assert detail.is_hidden()
    page.click(f'button.finding[data-finding="f{index}"]')
    assert detail.is_visible()
    quotes = detail.locator("blockquote").all_inner_texts()
    assert "4 secuestradores fueron abatidos" in quotes and "eight gunmen died" in quotes
    values = detail.locator("td").all_inner_texts()
    assert "4 secuestradores" in values and "8 gunmen" in values  # the values in an editor's words
    # the spans are highlighted, and scrolled into view, in both columns
    for doc_id, claim_ids in (("d1", tweet), ("d2", governor)):
        active = page.locator(f'section[data-doc="{doc_id}"] mark.active')
        active_ids = {i for m in active.all() for i in m.get_attribute("data-claim").split()}
        assert active_ids & claim_ids
        assert active.first.is_visible()
        column = page.locator(f'section[data-doc="{doc_id}"] .text').bounding_box()
        mark = active.first.bounding_box()
        assert column["y"] <= mark["y"] <= column["y"] + column["height"]
    # clicking again closes it
    page.click(f'button.finding[data-finding="f{index}"]')
    assert detail.is_hidden() and page.locator("mark.active").count() == 0


def test_keyboard_only(seed_results: Any, open_report: Any) -> None:
    page = open_report(render_html(seed_results["el-salto"]))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")  # the legend's first toggle
    while "finding" not in page.evaluate("document.activeElement.className"):
        page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.dataset.finding")
    page.keyboard.press("Enter")
    assert page.locator(f'button[data-finding="{first}"]').get_attribute("aria-expanded") == "true"
    assert page.locator("mark.active").count() >= 2
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.dataset.finding")
    assert second != first
    page.keyboard.press(" ")
    assert page.locator(f'button[data-finding="{second}"]').get_attribute("aria-expanded") == "true"
    assert page.locator(f'button[data-finding="{first}"]').get_attribute("aria-expanded") == "false"
    page.keyboard.press("Escape")
    assert page.locator("mark.active").count() == 0


def test_phone_width_has_no_sideways_scroll(seed_results: Any, open_report: Any, tmp_path: Path) -> None:
    page = open_report(render_html(seed_results["el-salto"]), width=390, height=844)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    sources = page.locator("section.source")
    assert sources.nth(0).bounding_box()["width"] <= 390
    # stacked: the second source sits below the first
    assert sources.nth(1).bounding_box()["y"] >= sources.nth(0).bounding_box()["y"] + 50
    button = page.locator("button.finding.k-contradiction").first
    button.click()
    detail = page.locator("#" + button.get_attribute("aria-controls"))
    assert detail.is_visible()
    assert detail.bounding_box()["width"] <= 390
    page.screenshot(path=str(tmp_path / "el-salto-390.png"), full_page=True)


def test_legend_hides_a_kind(seed_results: Any, open_report: Any) -> None:
    page = open_report(render_html(seed_results["guanajuato"]))
    unique = page.locator("#findings li.k-unique")
    assert unique.count() > 0 and unique.first.is_visible()
    toggle = page.locator('.legend button[data-kind="unique"]')
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    assert all(not unique.nth(i).is_visible() for i in range(unique.count()))
    assert page.locator("#findings li.k-agreement").first.is_visible()


def test_check_report_marks_supported_and_unsupported(checks: dict[str, Result], open_report: Any) -> None:
    result = checks["ward"]
    page = open_report(render_html(result))
    marks = page.evaluate(MARKS_JS)
    chief = _snippet_claims(result, "d1", "Mexico City's chief of police was shot and injured")
    assert chief and all(marks[c]["kinds"] == ["k-unsupported"] for c in chief)
    assert page.locator("mark.k-contradicted").count() == 0
    assert page.locator('section[data-doc="d1"] mark.k-supported').count() > 0
    assert page.locator('section[data-doc="d2"] mark.k-supported').count() > 0
    assert page.locator("section.source .role").all_inner_texts() == ["DRAFT", "SOURCE"]
    # choosing a supported claim shows the source sentence that states it
    finding = next(i for i, f in enumerate(result.findings, start=1) if f.kind == "supported")
    page.click(f'button.finding[data-finding="f{finding}"]')
    assert page.locator('section[data-doc="d2"] mark.active').count() >= 1
    quotes = page.locator(f"#f{finding}-detail blockquote").all_inner_texts()
    assert [" ".join(q.split()) for q in quotes] == [
        " ".join(result.claim(c).text.split()) for c in result.findings[finding - 1].claims
    ]


def test_self_check_report_shows_the_conflict_between_voices(checks: dict[str, Result], open_report: Any) -> None:
    result = checks["el-salto"]
    page = open_report(render_html(result))
    page.locator("button.finding.k-contradiction").first.click()
    detail = page.locator("div.detail:visible")
    text = detail.inner_text()
    assert "4 secuestradores fueron abatidos" in text and "eight gunmen died" in text
    assert "Jalisco Governor Enrique Alfaro" in text and "México Código Rojo" in text
    assert page.locator("mark.active").count() >= 2


SECTIONS_JS = """() => ({
  order: Array.from(document.querySelectorAll('body > header, #facts, #findings h3'),
                    e => e.tagName === 'H3' ? e.textContent.replace(/ \\(\\d+\\)$/, '') : e.id || 'header'),
  links: Array.from(document.querySelectorAll('#facts td a'), a => a.getAttribute('href')),
})"""


@pytest.mark.parametrize("width", [1280, 390])
def test_key_facts_first_then_the_markdown_order_each_cell_linked_to_its_span(
    seed_results: Any, open_report: Any, tmp_path: Path, width: int
) -> None:
    result = seed_results["el-salto"]
    page = open_report(render_html(result), width=width, height=844)
    assert page.errors == []
    seen = page.evaluate(SECTIONS_JS)
    assert seen["order"][:2] == ["header", "facts"]
    assert seen["order"][2:] == ["Contradictions", "Confirmed", "Only in one source",
                                 "Fragments, captions and notes only one source has"]
    assert seen["links"] and all(h.startswith("#claim-") for h in seen["links"])
    for href in seen["links"]:  # every cell's quote opens the claim it was read from, in its source's column
        assert page.locator(f'section.source mark[id="{href[1:]}"]').count() == 1
    facts = page.locator("#facts").bounding_box()
    findings = page.locator("#findings").bounding_box()
    assert facts["y"] < findings["y"]  # the Key facts table comes before the findings
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(tmp_path / f"el-salto-{width}.png"), full_page=False)
