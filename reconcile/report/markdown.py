"""Result -> a Markdown report an editor reads in two minutes: the title, one summary line, the Key
facts table, then Contradictions, Updates, Worth checking, Confirmed and Only in one source
(``digest``), each conflict's values in an editor's words (``values``), each quote's speaker a
person, an organisation or the outlet (``speaker``).

The report is at most half the words of its sources (``WORDS_SHARE``): the title, the summary, the
Key facts and every contradiction and update are always shown; conflicts worth checking, confirmed
facts and single-source details fill what is left, most telling first, and what does not fit is
counted ("and 12 more in the JSON report")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..model import Claim, Document, Finding, Result
from .digest import MAX_PER_SOURCE, MAX_WORTH, Digest, digest, summary_parts
from .escape import markdown_name
from .facts_table import key_facts_markdown
from .markup import cell, compared_sentence, link, target
from .speaker import credited, speaker
from .values import conflict_headline, marked_parts

__all__ = ["WORDS_SHARE", "render_markdown", "words"]

#: the report's words at most this share of its sources' words (Key facts and conflicts always shown)
WORDS_SHARE = 0.5
#: conflicts worth checking and confirmed facts are shown first up to this share of what is left
FIRST_SHARE = 0.3
#: a line worth checking links at most this many of its sentences
WORTH_LINKS = 5
#: a detail's quote is cut after this many words
DETAIL_WORDS = 30

_URL = re.compile(r"https?\s*:|www\s*\.")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"\w")


def words(text: str) -> int:
    """Words an editor reads: tokens with a letter or a digit; a link's target and title are not read.

    >>> words('| **Killed** | [4](a.txt#L3 "four died") |')
    2
    """
    return sum(1 for token in _LINK_TARGET.sub("]", text).split() if _WORD.search(token))


def _more(n: int, always: bool = False) -> list[str]:
    """The line that counts what a list leaves out (with ``always``, one even where nothing is)."""
    return ["", f"… and {max(n, 1)} more in the JSON report."] if n or always else []


def _quote(text: str, limit: int = DETAIL_WORDS) -> str:
    parts = text.split()
    shown = " ".join(parts[:limit]) + (" …" if len(parts) > limit else "")
    return f"“{cell(shown)}”"


def _marked(claim: Claim, span: tuple[int, int] | None) -> str:
    before, inside, after = marked_parts(claim, span)
    if not inside:
        return f"“{cell(before)}”"
    # the marks go outside the spaces, so CommonMark reads them as emphasis; a space the text has is kept
    gap_before = " " if before.endswith(" ") else ""
    gap_after = " " if after.startswith(" ") else ""
    return f"“{cell(before)}{gap_before}**{cell(inside)}**{gap_after}{cell(after)}”"


def _summary(result: Result, view: Digest) -> str:
    why = f" ({cell(result.model_reason)})" if result.model_reason else ""
    model = f"; model {cell(result.model)}{why}" if result.model else ""
    return f"**Summary:** {', '.join(summary_parts(result, view))}{model}."


def _sources(result: Result, link_base: str | None) -> list[str]:
    """The sources' titles and dates, where any has one (their names head the Key facts' columns)."""
    if not any(d.title or d.date for d in result.documents):
        return []
    shown = []
    for d in result.documents:
        name = markdown_name(d.name) if d.path == "-" else f"[{markdown_name(d.name)}]({target(d, link_base)})"
        about = [f"“{markdown_name(d.title)}”"] if d.title else []
        about += [d.date.isoformat()] if d.date else []
        shown.append(f"{name}" + (f" ({', '.join(about)})" if about else ""))
    return ["", "**Sources:** " + "; ".join(shown) + "."]


def _conflict(result: Result, finding: Finding, n: int, link_base: str | None) -> list[str]:
    headline = "; ".join(conflict_headline(c, result) for c in finding.conflicts) or finding.reason
    lines = ["", f"### {n}. {cell(headline)}", "", "| source | who says it | date | the words |", "|---|---|---|---|"]
    seen: set[str] = set()
    for conflict in finding.conflicts:
        for cid in conflict.values:
            if cid in seen:
                continue
            seen.add(cid)
            c = result.claim(cid)
            d = result.document(c.doc)
            day = d.date.isoformat() if d.date else "–"
            lines.append(f"| {link(d, c, link_base)} | {cell(speaker(c, d))} | {day} | "
                         f"{_marked(c, conflict.spans.get(cid))} |")
    return lines


def _later(finding: Finding) -> list[str]:
    """Which side is the later one and why, from the judge's reason ("(a later figure: b.txt ...)")."""
    m = re.search(r"\(([^()]*)\)\s*$", finding.reason)
    return ["", f"Why an update: {cell(m.group(1))}."] if m else []


def _fill(candidates: list[list[str]], budget: int) -> tuple[list[str], int]:
    """As many candidates (each a block of lines) as fit in ``budget`` words, in order; how many fit."""
    out: list[str] = []
    for n, block in enumerate(candidates):
        cost = words("\n".join(block))
        if cost > budget:
            return out, n
        out += block
        budget -= cost
    return out, len(candidates)


def _worth_lines(result: Result, view: Digest, link_base: str | None) -> list[list[str]]:
    lines = []
    for item in view.worth[:MAX_WORTH]:
        shown = item.claims[:WORTH_LINKS]
        at = ", ".join(link(result.document(result.claim(cid).doc), result.claim(cid), link_base) for cid in shown)
        at += ", …" if len(item.claims) > len(shown) else ""
        pairs = f"; {item.pairs} pairs of sentences" if item.pairs > 1 else ""
        lines.append([f"- {cell(item.headline)}: {at} (confidence {item.finding.confidence:.2f}{pairs})"])
    return lines


def _fact_line(result: Result, claims: tuple[str, ...], link_base: str | None) -> list[str]:
    shown = [result.claim(cid) for cid in claims]
    plain = min(shown, key=lambda c: len(c.text.split()))
    first: dict[str, Claim] = {}
    for c in shown:
        first.setdefault(c.doc, c)  # each source once, at its first claim of the fact
    at = ", ".join(link(result.document(c.doc), c, link_base) for c in first.values())
    return [f"- {_quote(plain.text, 20)}: {at}"]


def _detail_line(document: Document, claim: Claim, link_base: str | None) -> str:
    who = credited(claim)
    said = f" {cell(who)}:" if who else ""
    return f"- {link(document, claim, link_base)}{said} {_quote(claim.text)}"


def render_markdown(result: Result, *, link_base: str | None = None) -> str:
    """The Markdown report; links point at ``path#Lline`` relative to ``link_base`` (the report's folder)."""
    view = digest(result)
    titles = [d.title for d in result.documents if d.title and not _URL.search(d.title)]
    heading = titles[0] if titles else " vs ".join(d.name for d in result.documents)
    notes = [line for note in result.notes for line in (f"> **Note:** {cell(note)}", "")]  # e.g. another story
    lines = [f"# {markdown_name(heading)}", "", *notes, _summary(result, view), *_sources(result, link_base)]
    facts = key_facts_markdown(result, link_base=link_base)
    if facts:
        lines += ["", *facts]
    lines += ["", f"## Contradictions ({len(view.contradictions)})"]
    for n, f in enumerate(view.contradictions, start=1):
        lines += _conflict(result, f, n, link_base)
    if not view.contradictions:
        lines += ["", compared_sentence(result)]
    if view.updates:
        lines += ["", f"## Updates ({len(view.updates)})"]
        for n, f in enumerate(view.updates, start=1):
            lines += [*_conflict(result, f, n, link_base), *_later(f)]
    footer = ["", "---", "Generated by reconcile, offline; each link opens the line its words come from."]

    source_words = sum(words(d.text) for d in result.documents)
    budget = int(WORDS_SHARE * source_words) - words("\n".join(lines + footer))
    budget -= words("\n".join(_tail(result, view, Shown(), everything_counted=True)))
    shown = _shown(result, view, budget, link_base)
    return "\n".join(lines + _tail(result, view, shown) + footer) + "\n"


@dataclass(frozen=True)
class Shown:
    """What of the budgeted sections fits: the lines of each, and how many items each line list holds."""

    worth: tuple[str, ...] = ()
    n_worth: int = 0
    facts: tuple[str, ...] = ()
    n_facts: int = 0
    details: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def _shown(result: Result, view: Digest, budget: int, link_base: str | None) -> Shown:
    """Fill ``budget`` words: conflicts worth checking and confirmed facts first, each up to a share of
    what is left, then each source's best detail in turn, then more confirmed facts."""
    worth = _worth_lines(result, view, link_base)
    facts_lines = [_fact_line(result, fact.claims, link_base) for fact in view.confirmed]
    shown_worth, n_worth = _fill(worth, max(0, int(FIRST_SHARE * budget)))
    budget -= words("\n".join(shown_worth))
    shown_facts, n_facts = _fill(facts_lines, max(0, int(FIRST_SHARE * budget)))
    budget -= words("\n".join(shown_facts))
    per_source = {doc: [_detail_line(result.document(doc), c, link_base) for c in claims[:MAX_PER_SOURCE]]
                  for doc, claims in view.details}
    details: dict[str, list[str]] = {doc: [] for doc in per_source}
    for rank in range(MAX_PER_SOURCE):  # round robin: each source's best detail before anyone's second
        for doc, lines in per_source.items():
            if rank < len(lines) and len(details[doc]) == rank and words(lines[rank]) <= budget:
                details[doc].append(lines[rank])
                budget -= words(lines[rank])
    more_facts, more_n = _fill(facts_lines[n_facts:], budget)  # what is left goes to more confirmed facts
    return Shown(tuple(shown_worth), n_worth, tuple(shown_facts + more_facts), n_facts + more_n,
                 {doc: tuple(lines) for doc, lines in details.items()})


def _tail(result: Result, view: Digest, shown: Shown, *, everything_counted: bool = False) -> list[str]:
    """Worth checking, Confirmed and Only in one source, with what is not shown counted; with
    ``everything_counted`` every list has its "and N more" line (the most these sections cost)."""
    lines = []
    if view.worth:
        lines += ["", f"## Worth checking ({len(view.worth)})", "",
                  f"Weaker evidence (confidence below {result.min_confidence:.2f}): read both before acting.",
                  *([""] + list(shown.worth) if shown.worth else []),
                  *_more(len(view.worth) - shown.n_worth, everything_counted)]
    lines += ["", f"## Confirmed ({len(view.confirmed)})"]
    lines += [""] + list(shown.facts) if shown.facts else []
    lines += _more(len(view.confirmed) - shown.n_facts, everything_counted)
    lines += ["", f"## Only in one source ({view.uniques_total})"]
    dropped = dict(view.dropped)  # fragments, captions, notes: counted with the rest
    for doc, claims in view.details:
        if not claims and not dropped[doc]:
            continue
        listed = shown.details.get(doc, ())
        lines += ["", f"### {markdown_name(result.document(doc).name)} ({len(claims) + dropped[doc]})"]
        lines += [""] + list(listed) if listed else []
        rest = len(claims) - len(listed)
        lines += _more(rest + dropped[doc], everything_counted)
    return lines
