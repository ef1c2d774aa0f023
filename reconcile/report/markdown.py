"""Result -> a Markdown report for an editor: summary, contradictions, agreements, what each source alone says."""

from __future__ import annotations

import os
from urllib.parse import quote as quote_url

from ..model import Claim, Conflict, Document, Finding, Result
from .escape import markdown, markdown_name

__all__ = [
    "cell", "compared_sentence", "link", "plural", "quote", "relative_path", "render_markdown", "shown_value",
    "target",
]

KIND_TITLES = {
    "contradiction": "Contradictions",
    "update": "Updates",
    "agreement": "Agreements",
    "unique": "Unique details",
}


def relative_path(document: Document, link_base: str | None) -> str:
    """The document's path as seen from ``link_base`` (the report's folder), with forward slashes."""
    target = document.path
    if link_base is not None:
        target = os.path.relpath(os.path.abspath(document.path), os.path.abspath(link_base))
    return target.replace(os.sep, "/")


def target(document: Document, link_base: str | None) -> str:
    """A link target for the document: its relative path, percent-encoded (spaces, brackets, quotes).

    >>> target(Document(id="d1", path="my (draft) <1>.txt", text="x"), None)
    'my%20%28draft%29%20%3C1%3E.txt'
    """
    return quote_url(relative_path(document, link_base), safe="/")


def link(document: Document, claim: Claim, link_base: str | None) -> str:
    """A Markdown link to the claim's line in its source, relative to where the report lives."""
    line = document.line_of(claim.start)
    if document.path == "-":
        return f"stdin:{line}"
    return f"[{markdown_name(document.name)}:{line}]({target(document, link_base)}#L{line})"


def cell(text: str) -> str:
    """Prose fit for one Markdown table cell, and inert (``escape.markdown``): one line, control
    characters shown, HTML and Markdown markup escaped.

    >>> cell("<img src=x onerror=alert(1)> [a](javascript:x) | *b*")
    '&lt;img src=x onerror=alert(1)&gt; \\\\[a\\\\](javascript:x) \\\\| \\\\*b\\\\*'
    """
    return markdown(text)


def quote(claim: Claim) -> str:
    """A claim's text in quotation marks, on one line."""
    return f"“{cell(claim.text)}”"


def plural(n: int, word: str) -> str:
    """ "1 claim", "2 claims"."""
    return f"{n} {word}" + ("" if n == 1 else "s")


def _summary(result: Result) -> list[str]:
    counts = {k: len(result.of_kind(k)) for k in KIND_TITLES}  # type: ignore[arg-type]
    weak = sum(1 for f in result.of_kind("contradiction") if result.is_weak(f))
    parts = [
        plural(len(result.documents), "source"),
        plural(len(result.claims), "claim"),
        plural(counts["agreement"], "agreement"),
        plural(counts["contradiction"] - weak, "contradiction"),
    ]
    if counts["update"]:
        parts.append(plural(counts["update"], "update"))
    if weak:
        parts.append(f"{weak} worth checking")
    parts.append(plural(counts["unique"], "unique detail"))
    return [f"**Summary:** {', '.join(parts)}."]


def _model(result: Result) -> list[str]:
    """Which embedding model compared the claims, and why that one."""
    if not result.model:
        return []
    why = f" ({cell(result.model_reason)})" if result.model_reason else ""
    return ["", f"**Model:** {cell(result.model)}{why}."]


def _sources(result: Result, link_base: str | None) -> list[str]:
    lines = ["| | source | title | date | language | claims |", "|---|---|---|---|---|---|"]
    for d in result.documents:
        n = sum(1 for c in result.claims if c.doc == d.id)
        name = d.name if d.path == "-" else f"[{markdown_name(d.name)}]({target(d, link_base)})"
        date = d.date.isoformat() if d.date else "–"
        lines.append(f"| {d.id} | {name} | {markdown_name(d.title or '–')} | {date} | {d.language} | {n} |")
    return lines


def shown_value(conflict: Conflict, claim_id: str, document: Document, claim: Claim | None = None) -> str:
    """A conflict's value for one claim, with its wording where that says more: "300 (More than 300)".
    A span over the whole ``claim`` adds nothing to the quote beside it: the value alone."""
    value = str(conflict.values[claim_id])
    span = conflict.spans.get(claim_id)
    if span is None or conflict.slot.startswith("count.") or (claim is not None and span == (claim.start, claim.end)):
        return value
    text = " ".join(document.text[span[0] : span[1]].split())
    return value if text == value else f"{value} ({text})"


def compared_sentence(result: Result) -> str:
    """What was compared, for a report that found no conflict: "No conflict found among 31 matched pairs; ..."."""
    done = result.compared
    pairs = done.get("pairs", 0)
    kinds = (("numbers", "number"), ("counts", "typed count"), ("dates", "date"), ("names", "name"),
             ("negations", "negation"), ("opposites", "opposite word"))
    facts = [plural(done[k], w) for k, w in kinds if done.get(k)]
    what = f"; {', '.join(facts)} compared" if facts else ""
    weak = sum(1 for f in result.of_kind("contradiction") if result.is_weak(f))
    tail = f" ({plural(weak, 'weaker one')} under Worth checking)" if weak else ""
    return f"No conflict found among {plural(pairs, 'matched pair')}{what}{tail}."


def _conflict_table(result: Result, finding: Finding, link_base: str | None) -> list[str]:
    lines = []
    for conflict in finding.conflicts:
        lines += [
            "",
            f"Conflicting **{cell(conflict.label or conflict.slot)}**:",
            "",
            "| source | who says it | value | quote |",
            "|---|---|---|---|",
        ]
        for cid in conflict.values:
            c = result.claim(cid)
            d = result.document(c.doc)
            shown = shown_value(conflict, cid, d, c)
            lines.append(f"| {link(d, c, link_base)} | {cell(c.voice)} | **{cell(shown)}** | {quote(c)} |")
    return lines


def _finding_quotes(result: Result, finding: Finding, link_base: str | None) -> list[str]:
    out = []
    for cid in finding.claims:
        c = result.claim(cid)
        who = f" ({cell(c.attribution)})" if c.attribution else ""
        out.append(f"   - {link(result.document(c.doc), c, link_base)}{who}: {quote(c)}")
    return out


def render_markdown(result: Result, *, link_base: str | None = None) -> str:
    """The Markdown report; links point at ``path#Lline`` relative to ``link_base`` (the report's folder)."""
    if result.mode in ("check", "self-check"):  # `reconcile check`: see check_markdown.py
        from .check_markdown import render_check_markdown

        return render_check_markdown(result, link_base=link_base)
    titles = [d.title for d in result.documents if d.title]
    heading = titles[0] if titles else " vs ".join(d.name for d in result.documents)
    notes = [line for note in result.notes for line in (f"> **Note:** {cell(note)}", "")]  # e.g. another story
    lines = [f"# Reconcile: {markdown_name(heading)}", "", *notes, *_summary(result), *_model(result), ""]
    lines += _sources(result, link_base)

    strong = [f for f in result.of_kind("contradiction") if not result.is_weak(f)]
    weak = [f for f in result.of_kind("contradiction") if result.is_weak(f)]
    sections = (
        ("Contradictions", strong, ""),
        ("Updates", result.of_kind("update"), ""),
        ("Worth checking", weak,
         f"Possible conflicts on weaker evidence (confidence below {result.min_confidence:.2f}): "
         "the claims line up loosely, so read both before acting."),
    )
    for title, found, intro in sections:
        if not found:
            continue
        lines += ["", f"## {title} ({len(found)})"]
        if intro:
            lines += ["", intro]
        for n, f in enumerate(found, start=1):
            headline = "; ".join(c.title for c in f.conflicts)
            lines += ["", f"### {n}. {cell(headline)}", "", f"{cell(f.reason)} (confidence {f.confidence:.2f})",
                      *_conflict_table(result, f, link_base)]
            others = [cid for cid in f.claims if all(cid not in c.values for c in f.conflicts)]
            if others:
                lines += ["", "Also in this group:", *(_finding_quotes(result, Finding(f.kind, tuple(others), 0, ""),
                                                                         link_base))]
    if not strong:
        lines += ["", "## Contradictions (0)", "", compared_sentence(result)]

    agreements = result.of_kind("agreement")
    lines += ["", f"## {KIND_TITLES['agreement']} ({len(agreements)})", ""]
    for n, f in enumerate(agreements, start=1):
        lines.append(f"{n}. confidence {f.confidence:.2f}")
        lines += _finding_quotes(result, f, link_base)

    uniques = result.of_kind("unique")
    lines += ["", f"## What only one source says ({len(uniques)})"]
    for d in result.documents:
        own = [f for f in uniques if result.claim(f.claims[0]).doc == d.id]
        if not own:
            continue
        lines += ["", f"### {markdown_name(d.name)} ({len(own)})", ""]
        for f in own:
            c = result.claim(f.claims[0])
            who = f" ({cell(c.attribution)})" if c.attribution else ""
            lines.append(f"- {link(d, c, link_base)}{who}: {quote(c)}")
    model = f" Model: {cell(result.model)}." if result.model else ""
    lines += ["", "---", f"Generated by reconcile, offline.{model} Each link points at the line the quote comes from."]
    return "\n".join(lines) + "\n"
