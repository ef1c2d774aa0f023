"""Result -> a Markdown report for an editor: summary, contradictions, agreements, what each source alone says."""

from __future__ import annotations

from ..model import Finding, Result
from .escape import markdown_name
from .facts_table import key_facts_markdown
from .markup import cell, compared_sentence, link, plural, quote, shown_value, target

__all__ = ["render_markdown"]

KIND_TITLES = {
    "contradiction": "Contradictions",
    "update": "Updates",
    "agreement": "Agreements",
    "unique": "Unique details",
}


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
    titles = [d.title for d in result.documents if d.title]
    heading = titles[0] if titles else " vs ".join(d.name for d in result.documents)
    notes = [line for note in result.notes for line in (f"> **Note:** {cell(note)}", "")]  # e.g. another story
    lines = [f"# Reconcile: {markdown_name(heading)}", "", *notes, *_summary(result), *_model(result), ""]
    facts = key_facts_markdown(result, link_base=link_base)
    if facts:
        lines += [*facts, ""]
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
