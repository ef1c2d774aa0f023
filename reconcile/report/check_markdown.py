"""Result of ``reconcile check`` -> Markdown: what no source supports, what a source contradicts.

Two shapes: a draft checked against sources (supported / contradicted / unsupported), and one
article checked against its own voices (contradictions and agreements between voices).
"""

from __future__ import annotations

from ..model import Claim, Finding, Result
from ..voices import voice_groups
from .escape import markdown_name
from .markup import cell, compared_sentence, link, plural, quote, shown_value
from .speaker import speaker

__all__ = ["render_check_markdown"]


def _at(result: Result, claim: Claim, link_base: str | None) -> str:
    who = f" ({cell(claim.attribution)})" if claim.attribution else ""
    return f"{link(result.document(claim.doc), claim, link_base)}{who}: {quote(claim)}"


def _conflict_rows(result: Result, finding: Finding, link_base: str | None) -> list[str]:
    lines = []
    for conflict in finding.conflicts:
        lines += ["", f"| **{cell(conflict.label or conflict.slot)}** | who says it | value | quote |",
                  "|---|---|---|---|"]
        for cid in conflict.values:
            c = result.claim(cid)
            d = result.document(c.doc)
            shown = shown_value(conflict, cid, d, c)
            lines.append(f"| {link(d, c, link_base)} | {cell(speaker(c, d))} | **{cell(shown)}** | {quote(c)} |")
    return lines


def _draft(result: Result, link_base: str | None) -> list[str]:
    draft, sources = result.documents[0], result.documents[1:]
    kinds = {k: result.of_kind(k) for k in ("contradicted", "unsupported", "supported")}
    lines = [
        f"# Check: {markdown_name(draft.name)} against {', '.join(markdown_name(s.name) for s in sources)}",
        "",
        f"**Summary:** {plural(sum(len(v) for v in kinds.values()), 'claim')} in the draft: "
        f"{len(kinds['supported'])} supported, {len(kinds['contradicted'])} contradicted, "
        f"{len(kinds['unsupported'])} unsupported.",
        "",
        "Unsupported is not wrong: no source states it, so it is unchecked. The draft was read on this "
        "machine only.",
    ]
    contradicted = [f for f in kinds["contradicted"] if not result.is_weak(f)]
    weak = [f for f in kinds["contradicted"] if result.is_weak(f)]
    lines += ["", f"## Contradicted ({len(contradicted)})"]
    if not contradicted:
        lines += ["", compared_sentence(result)]
    for title, found in (("", contradicted), ("Worth checking", weak)):
        if title and found:
            lines += ["", f"## {title} ({len(found)})", "",
                      f"Possible conflicts on weaker evidence (confidence below {result.min_confidence:.2f})."]
        for n, f in enumerate(found, start=1):
            lines += ["", f"### {n}. {quote(result.claim(f.claims[0]))}", "",
                      f"{cell(f.reason)} (confidence {f.confidence:.2f})"]
            lines += _conflict_rows(result, f, link_base)
    unsupported = kinds["unsupported"]
    lines += ["", f"## Unsupported ({len(unsupported)})", ""]
    lines += [f"- {_at(result, result.claim(f.claims[0]), link_base)}" for f in unsupported]
    supported = kinds["supported"]
    lines += ["", f"## Supported ({len(supported)})", ""]
    for n, f in enumerate(supported, start=1):
        lines.append(f"{n}. {_at(result, result.claim(f.claims[0]), link_base)}")
        lines += [f"   - stated by {_at(result, result.claim(cid), link_base)}" for cid in f.claims[1:]]
    return lines


def _self(result: Result, link_base: str | None) -> list[str]:
    doc = result.documents[0]
    voices = sorted(set(voice_groups(result.claims).values()))
    contradictions = result.of_kind("contradiction") + result.of_kind("update")
    agreements = result.of_kind("agreement")
    lines = [
        f"# Self-consistency: {markdown_name(doc.name)}",
        "",
        f"**Summary:** {plural(len(result.claims), 'claim')} from {plural(len(voices), 'voice')}: "
        f"{plural(len(result.of_kind('contradiction')), 'contradiction')} and "
        f"{plural(len(agreements), 'agreement')} between voices.",
        "",
        "Voices: " + "; ".join(cell(v) for v in voices) + ".",
        "",
        f"## Contradictions between voices ({len(contradictions)})",
    ]
    if not contradictions:
        lines += ["", compared_sentence(result).replace("matched pair", "matched pair of voices")]
    for n, f in enumerate(contradictions, start=1):
        title = "update" if f.kind == "update" else "contradiction"
        lines += ["", f"### {n}. {title}: {cell(f.reason)}"]
        lines += _conflict_rows(result, f, link_base)
    lines += ["", f"## Agreements between voices ({len(agreements)})", ""]
    for n, f in enumerate(agreements, start=1):
        lines.append(f"{n}. confidence {f.confidence:.2f}")
        lines += [f"   - {_at(result, result.claim(cid), link_base)}" for cid in f.claims]
    return lines


def render_check_markdown(result: Result, *, link_base: str | None = None) -> str:
    """The Markdown report of a check (mode "check") or a self-consistency check (mode "self-check")."""
    lines = _draft(result, link_base) if result.mode == "check" else _self(result, link_base)
    why = f" ({cell(result.model_reason)})" if result.model_reason else ""
    model = f" Model: {cell(result.model)}{why}." if result.model else ""
    footer = f"Generated by reconcile, offline.{model} Each link points at the line the quote comes from."
    lines += ["", "---", footer]
    return "\n".join(lines) + "\n"
