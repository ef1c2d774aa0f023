"""``reconcile claims``: what reconcile reads in one article, for tuning the rules."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from . import app, user_errors, warn
from ._common import check_format, emit

EXAMPLES = """
Examples:

  reconcile claims seeds/el-salto-breitbart.txt

  reconcile claims draft.md --format json | jq '.claims[].quantities'

  reconcile claims article.txt --rules my-rules/     # try edited rules/*.yaml
"""


def cell(text: str) -> str:
    from ..report.escape import markdown

    return markdown(text)


def _name(text: str) -> str:
    from ..report.escape import markdown_name

    return markdown_name(text)


def _furniture_note(document) -> list[str]:  # type: ignore[no-untyped-def]
    from ..ingest import furniture_share

    share = furniture_share(document.text, document.furniture)
    if share <= 0.5:
        return []
    return [
        "",
        f"**Page furniture (rules/furniture.yaml) covers {share:.0%} of the text**, and what it covers gives "
        "no claims: check its rules if this is an article.",
    ]


def _markdown(document, claims, facts) -> str:  # type: ignore[no-untyped-def]
    from ..report.facts_table import document_facts_markdown

    lines = [
        f"# Claims in {_name(document.name)}",
        "",
        f"{len(claims)} claims; language {document.language}; date {document.date or '–'}; "
        f"{len(document.furniture)} spans of page furniture left out.",
        *_furniture_note(document),
        "",
        "| id | line | who | quoted | claim | counts |",
        "|---|---|---|---|---|---|",
    ]
    for c in claims:
        counts = "; ".join(
            f"{q.bound.replace('_', ' ') + ' ' if q.bound != 'exact' else ''}{q.value} {q.noun}"
            f" ({q.cls or '?'}, {q.event or 'no event'}{', threat' if q.hypothetical else ''})"
            for q in c.facts.quantities
        )
        counts = cell(counts)
        text = cell(c.text)
        who = cell(c.attribution or "")
        lines.append(
            f"| {c.id} | {document.line_of(c.start)} | {who} | {'yes' if c.quoted else ''} | {text} | {counts} |"
        )
    lines += ["", *document_facts_markdown(document, facts)]
    return "\n".join(lines) + "\n"


@app.command(epilog=EXAMPLES)
def claims(
    article: str = typer.Argument(..., metavar="ARTICLE", help="One article: .txt, .md or .html, or - for stdin."),
    fmt: str = typer.Option("md", "--format", "-f", help="md (a table) or json (the report's claim objects)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    rules: Path | None = typer.Option(None, "--rules", help="A folder of rules YAML to use instead of the shipped."),
) -> None:
    """List the claims found in one article (span, speaker, counts) and its key facts (killed, injured,
    arrested, when, where, who). No model is loaded."""
    with user_errors():
        check_format(fmt, ("md", "json"))
        from ..api import claims as read_claims
        from ..api import document_facts
        from ..model import Result
        from ..report.escape import json_inert
        from ..report.json import to_dict

        document, found = read_claims(article, rules_dir=str(rules) if rules else None)
        facts = document_facts(document, found, rules_dir=str(rules) if rules else None)
        for message in document.warnings:
            warn(message)
        if fmt == "json":
            data = to_dict(Result((document,), tuple(found), (), facts=facts))
            del data["findings"]
            text = json_inert(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
        else:
            text = _markdown(document, found, facts)
        emit(text, output, inputs=(article,))
