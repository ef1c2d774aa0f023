"""The Key facts table of a Markdown report: one row per key fact of the event, one column per
source, each cell the value in an editor's words linked to the line it was read from, the words it
was read from as the link's title (shown on hover; written out for standard input, which has no line to
link to)."""

from __future__ import annotations

from ..model import Document, FactRow, Person, Result
from .escape import markdown_name
from .markup import cell, target
from .wording import fact_words

__all__ = ["STATUS_WORDS", "document_facts_markdown", "key_facts_markdown"]

#: a row's status as the table shows it
STATUS_WORDS = {
    "agree": "agree", "contradiction": "**contradiction**", "update": "**update**", "one source": "one source",
}
#: a quote longer than this is cut, with an ellipsis, in a cell
QUOTE_CHARS = 60


def _quote(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= QUOTE_CHARS else words[: QUOTE_CHARS - 1].rstrip() + "…"


def _cell(row: FactRow, document: Document, link_base: str | None) -> str:
    value = row.values.get(document.id)
    if value is None:
        return "–"
    shown = cell(fact_words(row.field, value))
    if isinstance(value, Person) and value.name != row.label:
        shown = f"{cell(value.name)}: {shown}"
    quote = cell(_quote(value.text))
    if document.path == "-":
        return f"{shown} (“{quote}”)"
    line = document.line_of(value.start)
    title = quote.replace('"', "'")
    return f'[{shown}]({target(document, link_base)}#L{line} "{title}")'


def key_facts_markdown(result: Result, *, link_base: str | None = None) -> list[str]:
    """The Key facts section's lines; none where no source gives a key fact."""
    if not result.facts:
        return []
    docs = result.documents
    head = "| fact | " + " | ".join(markdown_name(d.name) for d in docs) + " | sources |"
    lines = ["## Key facts", "", head, "|" + "---|" * (len(docs) + 2)]
    for row in result.facts:
        cells = " | ".join(_cell(row, d, link_base) for d in docs)
        lines.append(f"| **{cell(row.label)}** | {cells} | {STATUS_WORDS.get(row.status, row.status)} |")
    return lines


def document_facts_markdown(document: Document, rows: tuple[FactRow, ...]) -> list[str]:
    """One document's key facts (``reconcile claims``): a row a fact, the value and its quote."""
    if not rows:
        return ["## Key facts", "", "No killed, injured or arrested count, day, place or named person was found."]
    lines = ["## Key facts", "", "| fact | value | quote | line |", "|---|---|---|---|"]
    for row in rows:
        value = row.values[document.id]
        shown = cell(fact_words(row.field, value))
        quote = cell(_quote(value.text))
        lines.append(f"| **{cell(row.label)}** | {shown} | “{quote}” | {document.line_of(value.start)} |")
    return lines
