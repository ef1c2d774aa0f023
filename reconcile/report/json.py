"""Result -> the JSON contract (version 1) of DESIGN.md."""

from __future__ import annotations

import json
from typing import Any

from ..model import Claim, Conflict, Document, FactRow, Finding, Person, Quantity, Result, Stated
from .escape import json_inert

__all__ = ["facts_json", "render_json", "to_dict"]

_BOUND_WORDS = {"exact": "exact", "at_least": "at least", "at_most": "at most", "about": "about"}


def _document(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "path": d.path,
        "title": d.title,
        "language": d.language,
        "date": d.date.isoformat() if d.date else None,
    }


def _quantity(q: Quantity) -> dict[str, Any]:
    return {
        "value": q.value,
        "bound": _BOUND_WORDS[q.bound],
        "noun": q.noun,
        "class": q.cls,
        "event": q.event,
        "text": q.text,
    }


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "doc": c.doc,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "attribution": c.attribution,
        "quoted": c.quoted,
        "language": c.language,
        "quantities": [_quantity(q) for q in c.facts.quantities],
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "kind": f.kind,
        "claims": list(f.claims),
        "confidence": f.confidence,
        "reason": f.reason,
        "conflicts": [_conflict(c) for c in f.conflicts],
    }


def _conflict(c: Conflict) -> dict[str, Any]:
    out: dict[str, Any] = {"slot": c.slot, "values": dict(c.values)}
    if c.label:
        out["label"] = c.label
    if c.spans:
        out["spans"] = {cid: list(span) for cid, span in c.spans.items()}
    return out


def _value(v: Stated | Person) -> dict[str, Any]:
    if isinstance(v, Person):
        value: Any = {"name": v.name, "age": v.age, "role": v.role, "status": v.status}
        out: dict[str, Any] = {"value": value}
    else:
        out = {"value": v.value}
        if isinstance(v.value, int):
            out["bound"] = _BOUND_WORDS[v.bound]
        if v.derived:
            out["derived"] = True
    out.update({"text": v.text, "claim": v.claim, "start": v.start, "end": v.end})
    return out


def facts_json(rows: tuple[FactRow, ...] | list[FactRow]) -> list[dict[str, Any]]:
    """The fact sheet's rows (``facts`` of the JSON contract): field, label, status, each source's value."""
    return [
        {"field": r.field, "label": r.label, "status": r.status, "values": {d: _value(v) for d, v in r.values.items()}}
        for r in rows
    ]


def to_dict(result: Result) -> dict[str, Any]:
    """The report as plain data, ready for ``json.dumps``."""
    return {
        "version": 1,
        "model": {"name": result.model, "reason": result.model_reason},
        "documents": [_document(d) for d in result.documents],
        "claims": [_claim(c) for c in result.claims],
        "findings": [_finding(f) for f in result.findings],
        "facts": facts_json(result.facts),
    }


def render_json(result: Result, *, link_base: str | None = None) -> str:
    """The JSON report: stable key order, UTF-8 text (no raw C1 code or bidi control), a newline at the end."""
    return json_inert(json.dumps(to_dict(result), ensure_ascii=False, indent=2)) + "\n"
