"""Clusters -> findings: agreement, contradiction, update or unique, each with a reason.

A contradiction needs the same slot and values that cannot both be true:
- counts of the same participants for the same event ("4 kidnappers were killed" vs "eight gunmen
  died"), looked for across all claims, since a Spanish tweet and an English article rarely embed
  close together; threats ("going to kill two"), counts over another span of time ("so far this
  year") and classes that may overlap ("people") never contradict;
- any fact of two matched claims that ``conflicts.compare_pair`` finds opposed: numbers of any
  kind, a negation, opposite words, a swapped name, place, date or ordinal.
An agreement means nothing in its claims conflicts. A figure introduced as a revision ("the toll
rose to 5", "not six as first reported") is an update, not a contradiction. Each contradiction's
confidence comes from its evidence: typed counts and near-identical statements are strong, a
clash in a loose paraphrase is weak (reports show those apart, as "worth checking").

The evidence is read once (``evidence.gather``), then the passes of ``passes`` run in order, each
building its findings with ``findings.make_finding``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from ..align import Cluster
from ..model import Claim, Finding, Settings, Tally
from ..rules import Lexicon
from .evidence import GroupOf, gather
from .findings import KIND_ORDER, one_per_conflict
from .passes import Reported, cluster_findings, counts_across, near_pairs, sums

__all__ = ["judge"]


def judge(
    clusters: Sequence[Cluster],
    claims: Sequence[Claim],
    *,
    group_of: GroupOf,
    lexicon: Lexicon,
    settings: Settings = Settings(),
    names: dict[str, str] | None = None,
    similarity: Callable[[str, str], float] | None = None,
    dates: dict[str, dt.date | None] | None = None,
    tally: Tally | None = None,
    near: dict[str, tuple[str, ...]] | None = None,
) -> list[Finding]:
    """One finding per cluster, plus a contradiction for each count two groups disagree on.

    ``similarity(a, b)`` of two claim ids lets counts of "people" conflict across clusters when
    their claims are alike (``settings.generic_conflict``); without it they never do. ``dates``
    (document id -> date) let an update say which source is the later one; ``tally`` counts what
    was compared; ``near`` gives each claim's nearest claims of other groups, compared too.
    """
    ev = gather(
        claims, group_of=group_of, lexicon=lexicon, settings=settings,
        tally=tally if tally is not None else Tally(), names=names or {}, dates=dates or {},
        similarity=similarity, near=near or {},
    )
    reported: Reported = set()
    findings = cluster_findings(clusters, ev, reported)
    findings += counts_across(ev, reported)
    findings += near_pairs(clusters, findings, ev)
    findings += sums(findings, ev)
    # a claim another source contradicts is not something only one source says, nor a confirmed fact:
    # the contradiction shows who says it
    disputed = {cid for f in findings if f.kind in ("contradiction", "update") for cid in f.claims}
    findings = [f for f in findings if not (f.kind in ("unique", "agreement") and set(f.claims) <= disputed)]
    return sorted(one_per_conflict(findings, ev.order),
                  key=lambda f: (KIND_ORDER.get(f.kind, 9), ev.order[f.claims[0]]))
