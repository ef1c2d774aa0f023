"""What an editor reads of a result, in order: contradictions (each pair of claims once), updates,
the weaker conflicts worth checking (ranked by confidence, one line per conflict however many pairs
show it), the facts the sources confirm (agreements collapsed into one line per fact) and the
substantive details only one source gives (ranked by what they add). Findings are not judged again:
the judge's confidence decides the main list and "worth checking" (``Result.is_weak``, and the same
threshold for updates). The Markdown and HTML reports render a ``Digest``; the JSON keeps everything."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Claim, Finding, Result
from .substance import is_substantive, weight
from .values import conflict_headline

__all__ = ["MAX_PER_SOURCE", "MAX_WORTH", "Digest", "Fact", "Worth", "digest", "summary_parts"]

#: at most this many conflicts worth checking are listed; the rest are counted
MAX_WORTH = 10
#: at most this many details of one source are listed; the rest are counted
MAX_PER_SOURCE = 10


@dataclass(frozen=True)
class Worth:
    """A weaker conflict, once: the surest finding that shows it, its headline, and every finding
    that sets the same sentence against another on the same slot (the surest first)."""

    finding: Finding
    headline: str
    findings: tuple[Finding, ...]

    @property
    def pairs(self) -> int:
        return len(self.findings)

    @property
    def claims(self) -> tuple[str, ...]:
        """The claims of all its findings, once each, the anchor's first."""
        return tuple(dict.fromkeys(cid for f in self.findings for c in f.conflicts for cid in c.values))


@dataclass(frozen=True)
class Fact:
    """A fact the sources confirm: the claims that state it (one finding or several sharing claims)."""

    claims: tuple[str, ...]
    confidence: float


@dataclass(frozen=True)
class Digest:
    """The findings an editor reads, in the report's order, with what is left out counted."""

    contradictions: tuple[Finding, ...]
    updates: tuple[Finding, ...]
    #: every weaker conflict, ranked by confidence (a report lists the first ``MAX_WORTH``)
    worth: tuple[Worth, ...]
    confirmed: tuple[Fact, ...]
    #: per source (document id): its substantive details, ranked; a report lists the first ``MAX_PER_SOURCE``
    details: tuple[tuple[str, tuple[Claim, ...]], ...]
    #: per source: how many of its unique findings are not substantive (fragments, captions, notes)
    dropped: tuple[tuple[str, int], ...]

    @property
    def uniques_total(self) -> int:
        """Every unique finding: the substantive details and those left out."""
        return sum(len(claims) for _, claims in self.details) + sum(n for _, n in self.dropped)


def _pair_key(finding: Finding) -> tuple[frozenset[str], tuple[str, ...]]:
    cited = frozenset(cid for c in finding.conflicts for cid in c.values) or frozenset(finding.claims)
    return cited, tuple(sorted(c.slot.removeprefix("fact.") for c in finding.conflicts))


def _once(found: Iterable[Finding]) -> list[Finding]:
    """Each pair of claims in conflict once: the surest of the findings that cite the same claims."""
    findings = list(found)
    best: dict[frozenset[str], Finding] = {}
    for f in findings:
        key = _pair_key(f)[0]
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    kept = set(map(id, best.values()))
    return [f for f in findings if id(f) in kept]


def _headline(result: Result, finding: Finding) -> str:
    return "; ".join(conflict_headline(c, result) for c in finding.conflicts) or finding.reason


def _anchor(finding: Finding) -> tuple[str, ...]:
    """What a weaker conflict is about: its slots and the first claim it sets against others (one
    sentence of one source against several of another is one thing to check)."""
    first = next((cid for c in finding.conflicts for cid in c.values), finding.claims[0])
    return (*sorted(c.slot for c in finding.conflicts), first)


def _worth(result: Result, findings: list[Finding]) -> tuple[Worth, ...]:
    """One line per thing to check, ranked by confidence: findings with the same headline, or that set
    the same sentence against others on the same slot, are one."""
    groups: dict[tuple[str, ...], list[Finding]] = {}
    by_line: dict[str, tuple[str, ...]] = {}
    for f in sorted(findings, key=lambda f: -f.confidence):
        line = _headline(result, f)
        key = by_line.setdefault(line, _anchor(f))
        groups.setdefault(key, []).append(f)
    return tuple(Worth(fs[0], _headline(result, fs[0]), tuple(fs)) for fs in groups.values())


def _collapsed(result: Result, agreements: list[Finding]) -> tuple[Fact, ...]:
    """Agreements that share a claim state one fact: one ``Fact`` each, in the order of the text."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for f in agreements:
        for cid in f.claims[1:]:
            parent[root(cid)] = root(f.claims[0])
    groups: dict[str, list[Finding]] = {}
    for f in agreements:
        groups.setdefault(root(f.claims[0]), []).append(f)
    order = {c.id: n for n, c in enumerate(result.claims)}
    facts = []
    for fs in groups.values():
        claims = sorted({cid for f in fs for cid in f.claims}, key=lambda cid: order.get(cid, 0))
        facts.append(Fact(tuple(claims), max(f.confidence for f in fs)))
    return tuple(sorted(facts, key=lambda fact: order.get(fact.claims[0], 0)))


def digest(result: Result) -> Digest:
    """The editor's view of a result (see the module's docstring)."""
    conflicts = _once(f for f in result.findings if f.kind in ("contradiction", "update"))
    weak = [f for f in conflicts if f.confidence < result.min_confidence]
    strong = [f for f in conflicts if f not in weak]
    texts = {d.id: [c.text for c in result.claims if c.doc == d.id] for d in result.documents}
    details, dropped = [], []
    uniques = [result.claim(f.claims[0]) for f in result.of_kind("unique")]
    for d in result.documents:
        own = [c for c in uniques if c.doc == d.id]
        others = [t for doc, ts in texts.items() if doc != d.id for t in ts]
        kept = [c for c in own if is_substantive(c, d, others)]
        order = {c.id: n for n, c in enumerate(own)}
        kept.sort(key=lambda c: (-weight(c), order[c.id]))
        details.append((d.id, tuple(kept)))
        dropped.append((d.id, len(own) - len(kept)))
    return Digest(
        contradictions=tuple(f for f in strong if f.kind == "contradiction"),
        updates=tuple(f for f in strong if f.kind == "update"),
        worth=_worth(result, weak),
        confirmed=_collapsed(result, result.of_kind("agreement")),
        details=tuple(details),
        dropped=tuple(dropped),
    )


def summary_parts(result: Result, view: Digest) -> list[str]:
    """The summary line's counts, each what its section lists: "2 sources", "1 contradiction", ..."""
    def n(count: int, word: str, many: str | None = None) -> str:
        return f"{count} {word if count == 1 else many or word + 's'}"

    return [
        n(len(result.documents), "source"),
        n(len(view.contradictions), "contradiction"),
        n(len(view.updates), "update"),
        f"{n(len(view.confirmed), 'fact')} confirmed",
        f"{len(view.worth)} worth checking",
    ]
