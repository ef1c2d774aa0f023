"""The Markdown pieces every Markdown report is made of: an inert table cell, a link to a claim's
line, a quote, a plural, a conflict's value beside its wording."""

from __future__ import annotations

import os
from urllib.parse import quote as quote_url

from ..model import Claim, Conflict, Document, Result
from .escape import markdown, markdown_name

__all__ = ["cell", "compared_sentence", "link", "plural", "quote", "relative_path", "shown_value", "target"]


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

