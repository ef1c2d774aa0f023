"""Result -> one self-contained HTML page: the sources side by side, each claim highlighted by kind.

No network: the CSS and the script are inline, no fonts or images are fetched, and a
Content-Security-Policy allows only this page's own script and style (by hash). Every piece of
article text goes through ``escape.html`` (names and titles through ``escape.html_name``), so an article
with ``<script>`` in it shows it as text, and a control character in it shows as its escape.
"""

from __future__ import annotations

import base64
import hashlib
import re
import urllib.parse
from collections.abc import Iterable

from ..model import Claim, Document, Finding, Result
from .digest import digest, summary_parts
from .escape import html as escape
from .escape import html_name
from .html_assets import CSS as _CSS
from .html_assets import JS as _JS
from .html_facts import FACTS_CSS, key_facts_html
from .markup import relative_path
from .speaker import speaker
from .values import conflict_headline, slot_words, value_words

__all__ = ["KIND_LABELS", "KIND_ORDER", "render_html"]

#: the order findings are listed in and, for a claim in several findings, which kind colours it
KIND_ORDER: tuple[str, ...] = (
    "contradiction",
    "contradicted",
    "update",
    "unsupported",
    "agreement",
    "supported",
    "unique",
)

#: what each kind means, for the legend
KIND_LABELS: dict[str, tuple[str, str]] = {
    "agreement": ("Agreement", "the sources state the same fact"),
    "contradiction": ("Contradiction", "values that cannot both be true"),
    "update": ("Update", "a later figure, marked as such"),
    "unique": ("Unique", "only one source states it"),
    "supported": ("Supported", "a source states it too"),
    "contradicted": ("Contradicted", "a source gives another value"),
    "unsupported": ("Unsupported", "no source states it: not wrong, but unchecked"),
}

_MODE_KINDS: dict[str, tuple[str, ...]] = {
    "compare": ("agreement", "contradiction", "update", "unique"),
    "check": ("supported", "contradicted", "unsupported"),
    "self-check": ("agreement", "contradiction", "update", "unique"),
}

#: in a self-consistency check the groups are the article's voices, not sources
_VOICE_LABELS: dict[str, tuple[str, str]] = {
    "agreement": ("Agreement", "two voices of the article state the same fact"),
    "contradiction": ("Contradiction", "two voices give values that cannot both be true"),
    "unique": ("Unique", "only one voice states it"),
}

_MODE_TITLES = {"compare": "Comparison", "check": "Draft check", "self-check": "Self-consistency check"}

def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _counts(result: Result) -> str:
    """The header's counts: the Markdown report's summary for a comparison, else what was read."""
    if result.mode == "check":
        return (f"{_count(len(result.documents), 'document')} &middot; {_count(len(result.claims), 'claim')} "
                f"&middot; {_count(len(result.findings), 'finding')}")
    return escape(", ".join(summary_parts(result, digest(result))))


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _claim_kinds(result: Result) -> dict[str, list[tuple[int, Finding]]]:
    """Each claim id -> the (index, finding) pairs that cite it, in list order."""
    cited: dict[str, list[tuple[int, Finding]]] = {}
    for index, finding in _ordered(result.findings):
        for claim_id in finding.claims:
            cited.setdefault(claim_id, []).append((index, finding))
    return cited


def _rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def _ordered(findings: Iterable[Finding]) -> list[tuple[int, Finding]]:
    """Findings numbered as given, listed most urgent kind first (stable within a kind)."""
    numbered = list(enumerate(findings, start=1))
    return sorted(numbered, key=lambda pair: _rank(pair[1].kind))


def _segments(doc: Document, claims: list[Claim]) -> list[tuple[int, int, list[Claim], bool]]:
    """Cut the text at every claim and furniture boundary: (start, end, claims covering it, furniture)."""
    cuts = {0, len(doc.text)}
    for claim in claims:
        cuts.update((claim.start, claim.end))
    for span in doc.furniture:
        cuts.update((span.start, span.end))
    points = sorted(c for c in cuts if 0 <= c <= len(doc.text))
    pieces = []
    for start, end in zip(points, points[1:], strict=False):
        covering = [c for c in claims if c.start <= start and end <= c.end]
        furniture = any(f.start <= start and end <= f.end for f in doc.furniture)
        pieces.append((start, end, covering, furniture))
    return pieces


def _render_text(doc: Document, claims: list[Claim], cited: dict[str, list[tuple[int, Finding]]]) -> str:
    first_seen: set[str] = set()
    out: list[str] = []
    for start, end, covering, furniture in _segments(doc, claims):
        chunk = escape(doc.text[start:end], quote=False)
        if not covering:
            out.append(f'<span class="furniture">{chunk}</span>' if furniture else chunk)
            continue
        finding_ids: list[str] = []
        kinds: list[str] = []
        for claim in covering:
            for index, finding in cited.get(claim.id, []):
                fid = f"f{index}"
                if fid not in finding_ids:
                    finding_ids.append(fid)
                kinds.append(finding.kind)
        kind = min(kinds, key=_rank) if kinds else "none"
        ids = [c.id for c in covering]
        anchor = ""
        opener = next((c.id for c in covering if c.id not in first_seen and c.start == start), None)
        if opener is not None:
            first_seen.add(opener)
            anchor = f' id="claim-{_attr(opener)}"'
        voices = sorted({speaker(c, doc) for c in covering})
        title = "; ".join(voices)
        out.append(
            f'<mark{anchor} class="k-{kind}" data-claim="{_attr(" ".join(ids))}"'
            f' data-finding="{_attr(" ".join(finding_ids))}" title="{_attr(title)}">{chunk}</mark>'
        )
    return "".join(out)


def _role(result: Result, doc: Document, position: int) -> str:
    if result.mode == "check":
        return "Draft" if position == 0 else "Source"
    if result.mode == "self-check":
        return "Article"
    return f"Source {position + 1}"


def _gist(result: Result, by_id: dict[str, Claim], finding: Finding) -> str:
    """A short line for the findings list: the values in conflict in an editor's words, or the first
    claim's opening."""
    if finding.conflicts:
        if all(cid in by_id for c in finding.conflicts for cid in c.values):
            return "; ".join(conflict_headline(c, result) for c in finding.conflicts)
        return finding.conflicts[0].title
    claims = [by_id[c] for c in finding.claims if c in by_id]
    if not claims:
        return finding.reason
    text = " ".join(claims[0].text.split())
    return text if len(text) <= 110 else text[:107].rstrip() + "..."


def _detail(result: Result, docs: dict[str, Document], by_id: dict[str, Claim], finding: Finding) -> str:
    later = re.search(r"\(([^()]*)\)\s*$", finding.reason) if finding.kind == "update" else None
    why = f"Why an update: {escape(later.group(1))}. " if later else ""
    parts = [f"<p>{why}<span class=who>confidence {finding.confidence:.2f}</span></p>"]
    for conflict in finding.conflicts:
        rows = []
        for claim_id, value in conflict.values.items():
            claim = by_id.get(claim_id)
            doc = docs.get(claim.doc) if claim is not None else None
            where = doc.name if doc is not None else ""
            voice = speaker(claim, doc) if claim is not None and doc is not None else ""
            shown = value_words(conflict, claim, doc) if claim is not None and doc is not None else str(value)
            rows.append(f"<tr><td>{html_name(where)}</td><td>{escape(voice)}</td><td>{escape(shown)}</td></tr>")
        parts.append(
            f"<table><caption>{escape(slot_words(conflict))}</caption>"
            f"<tr><th>source</th><th>who says it</th><th>value</th></tr>{''.join(rows)}</table>"
        )
    for claim_id in finding.claims:
        quoted = by_id.get(claim_id)
        if quoted is None or quoted.doc not in docs:
            continue
        claim, doc = quoted, docs[quoted.doc]
        parts.append(
            f'<div class=quote data-claim="{_attr(claim.id)}"><span class=who>{html_name(doc.name)}, '
            f"line {doc.line_of(claim.start)} &middot; {escape(speaker(claim, doc))}</span>"
            f"<blockquote>{escape(claim.text)}</blockquote>"
            f'<a href="#claim-{_attr(claim.id)}">show in text</a></div>'
        )
    return "".join(parts)


def _sections(result: Result) -> list[tuple[str, list[tuple[int, Finding]]]]:
    """The findings list's sections, in the Markdown report's order (``digest``): each finding once,
    numbered by its place in ``result.findings`` (the marks in the text name it so)."""
    numbered = list(enumerate(result.findings, start=1))
    if result.mode == "check":
        return [("Findings", _ordered(result.findings))]
    view = digest(result)
    weak = [(n, f) for n, f in numbered
            if f.kind in ("contradiction", "update") and f.confidence < result.min_confidence]
    weak.sort(key=lambda pair: -pair[1].confidence)
    weak_ids = {n for n, _ in weak}
    unique_of = {f.claims[0]: n for n, f in numbered if f.kind == "unique"}
    listed = [unique_of[c.id] for _, claims in view.details for c in claims if c.id in unique_of]
    sections = [
        ("Contradictions", [(n, f) for n, f in numbered if f.kind == "contradiction" and n not in weak_ids]),
        ("Updates", [(n, f) for n, f in numbered if f.kind == "update" and n not in weak_ids]),
        ("Worth checking", weak),
        ("Confirmed", [(n, f) for n, f in numbered if f.kind == "agreement"]),
        ("Only in one source", [(n, result.findings[n - 1]) for n in listed]),
        ("Fragments, captions and notes only one source has",
         [(n, f) for n, f in numbered if f.kind == "unique" and n not in set(listed)]),
    ]
    known = {n for _, pairs in sections for n, _ in pairs}
    sections.append(("Other findings", [(n, f) for n, f in numbered if n not in known]))
    return [(title, pairs) for title, pairs in sections if pairs]


def _findings_list(result: Result, docs: dict[str, Document], by_id: dict[str, Claim]) -> str:
    out = []
    for title, pairs in _sections(result):
        items = []
        for index, finding in pairs:
            fid = f"f{index}"
            label = KIND_LABELS.get(finding.kind, (finding.kind.title(), ""))[0]
            if result.is_weak(finding):
                label = "Worth checking"
            items.append(
                f'<li class="k-{_attr(finding.kind)}">'
                f'<button type=button class="finding k-{_attr(finding.kind)}" data-finding="{fid}"'
                f' aria-expanded="false" aria-controls="{fid}-detail">'
                f"<span class=kind>{escape(label)}</span>"
                f"<span class=gist>{escape(_gist(result, by_id, finding))}</span></button>"
                f'<div class=detail id="{fid}-detail" hidden>{_detail(result, docs, by_id, finding)}</div></li>'
            )
        heading = f"<h3>{escape(title)} ({len(pairs)})</h3>" if result.mode != "check" else ""
        out.append(heading + "<ol>" + "".join(items) + "</ol>")
    if not out:
        return '<p class="empty">No findings.</p>'
    return "".join(out)


def _legend(result: Result) -> str:
    kinds = list(_MODE_KINDS.get(result.mode, KIND_ORDER))
    kinds += [f.kind for f in result.findings if f.kind not in kinds]
    counts = {k: sum(1 for f in result.findings if f.kind == k) for k in kinds}
    items = []
    for kind in kinds:
        labels = _VOICE_LABELS if result.mode == "self-check" else KIND_LABELS
        label, meaning = labels.get(kind) or KIND_LABELS.get(kind, (kind.title(), ""))
        items.append(
            f'<li><button type=button aria-pressed="true" data-kind="{_attr(kind)}" title="{_attr(meaning)}">'
            f'<span class="swatch k-{_attr(kind)}"></span>{escape(label)} ({counts[kind]})'
            f"<span class=meaning> &middot; {escape(meaning)}</span></button></li>"
        )
    label = "Legend: show or hide a kind of finding"
    return f'<ul class="legend" aria-label="{label}">' + "".join(items) + "</ul>"


def _source_link(doc: Document, link_base: str | None) -> str:
    """The source's name, linked (relative to ``link_base``, the report's folder) to its file."""
    name = html_name(doc.name)
    if link_base is None or doc.path == "-":
        return name
    target = relative_path(doc, link_base)
    return f'<a href="{_attr(urllib.parse.quote(target))}">{name}</a>'


def render_html(result: Result, *, link_base: str | None = None) -> str:
    """The whole report as one HTML page; with ``link_base`` (the report's folder) sources link to their files."""
    cited = _claim_kinds(result)
    docs = {doc.id: doc for doc in result.documents}
    by_id = {claim.id: claim for claim in result.claims}
    columns = []
    for position, doc in enumerate(result.documents):
        claims = sorted((c for c in result.claims if c.doc == doc.id), key=lambda c: (c.start, -c.end))
        title = f'<p class="meta">{html_name(doc.title)}</p>' if doc.title else ""
        date = f" &middot; {doc.date.isoformat()}" if doc.date else ""
        columns.append(
            f'<section class="source" id="doc-{_attr(doc.id)}" aria-labelledby="doc-{_attr(doc.id)}-h"'
            f' data-doc="{_attr(doc.id)}" lang="{_attr(doc.language)}">'
            f'<header><span class="role">{escape(_role(result, doc, position))}</span>'
            f'<h2 id="doc-{_attr(doc.id)}-h">{_source_link(doc, link_base)}'
            f'<a class="top" href="#findings">&uarr; findings</a></h2>'
            f'{title}<p class="meta">{_count(len(claims), "claim")} &middot; {escape(doc.language)}{date}</p></header>'
            f'<div class="text" tabindex="0" aria-label="Text of {html_name(doc.name)}">'
            f"{_render_text(doc, claims, cited)}</div></section>"
        )
    heading = _MODE_TITLES.get(result.mode, "Report")
    names = [doc.name for doc in result.documents]
    subject = f"{names[0]} against {', '.join(names[1:])}" if result.mode == "check" else ", ".join(names)
    why = f" ({escape(result.model_reason)})" if result.model_reason else ""
    model = f" &middot; model {escape(result.model)}{why}" if result.model else ""
    csp = (
        f"default-src 'none'; script-src {_csp_hash(_JS)}; style-src {_csp_hash(_CSS + FACTS_CSS)}; "
        "img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    style = _CSS + FACTS_CSS
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_attr(csp)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>reconcile: {escape(heading)} of {html_name(subject)}</title>"
        f"<style>{style}</style></head>\n"
        f'<body data-mode="{_attr(result.mode)}">'
        '<a class="skip" href="#findings">Skip to findings</a>'
        f"<header><h1>{escape(heading)}: {html_name(subject)}</h1>"
        f'<p class="meta">{_counts(result)}{model}. '
        "Choose a finding to see its spans in every source.</p>"
        + "".join(f'<p class="meta" role="note"><strong>Note:</strong> {escape(n)}</p>' for n in result.notes)
        + f"{_legend(result)}</header>\n"
        + key_facts_html(result)
        + '<main><nav id="findings" aria-label="Findings"><h2>Findings</h2>'
        f"{_findings_list(result, docs, by_id)}</nav>\n"
        f'<div class="sources">{"".join(columns)}</div></main>\n'
        f"<script>{_JS}</script></body></html>\n"
    )
