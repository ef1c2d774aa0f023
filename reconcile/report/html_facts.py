"""The Key facts table of the HTML report: one row per key fact, one column per source, each cell the
value in an editor's words, its quote, and a link to the claim it was read from in that source's
column (to the column, for words no claim covers); a row whose sources disagree is marked with its kind."""

from __future__ import annotations

from html import escape

from ..model import FactRow, Person, Result
from .escape import html_name
from .wording import fact_words

__all__ = ["FACTS_CSS", "key_facts_html"]

#: the table's style, added to the report's
FACTS_CSS = """
#facts{padding:.5rem 1rem;border-bottom:1px solid var(--line);overflow-x:auto}
#facts h2{font-size:1rem;margin:.25rem 0 .5rem}
#facts table{border-collapse:collapse;font-size:.85rem}
#facts th,#facts td{border:1px solid var(--line);padding:.2rem .4rem;text-align:left;vertical-align:top}
#facts tr.s-contradiction td.status,#facts tr.s-update td.status{font-weight:bold}
#facts tr.s-contradiction{background:rgba(214,39,40,.08)}
#facts tr.s-update{background:rgba(255,127,14,.08)}
#facts q{color:var(--muted)}
"""

#: a quote longer than this is cut, with an ellipsis, in a cell
QUOTE_CHARS = 80


def _quote(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= QUOTE_CHARS else words[: QUOTE_CHARS - 1].rstrip() + "…"


def _cell(row: FactRow, doc: str) -> str:
    value = row.values.get(doc)
    if value is None:
        return "<td>–</td>"
    shown = escape(fact_words(row.field, value))
    if isinstance(value, Person) and value.name != row.label:
        shown = f"{escape(value.name)}: {shown}"
    quote = f"<q>{escape(_quote(value.text))}</q>"
    # the claim the value was read from, else (words no claim covers: a headline left out as page
    # furniture) the source's column
    target = f"claim-{value.claim}" if value.claim is not None else f"doc-{doc}"
    quote = f'<a href="#{escape(target, quote=True)}">{quote}</a>'
    return f"<td>{shown} {quote}</td>"


def key_facts_html(result: Result) -> str:
    """The Key facts section; empty where no source gives a key fact."""
    if not result.facts:
        return ""
    docs = result.documents
    head = "".join(f'<th scope="col">{html_name(d.name)}</th>' for d in docs)
    rows = []
    for row in result.facts:
        cells = "".join(_cell(row, d.id) for d in docs)
        rows.append(
            f'<tr class="s-{escape(row.status.replace(" ", "-"), quote=True)}"><th scope="row">{escape(row.label)}</th>'
            f'{cells}<td class="status">{escape(row.status)}</td></tr>'
        )
    return (
        '<section id="facts" aria-labelledby="facts-h"><h2 id="facts-h">Key facts</h2>'
        f'<table><thead><tr><th scope="col">fact</th>{head}<th scope="col">sources</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>\n"
    )
