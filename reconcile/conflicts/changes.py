"""Changes: a change one claim names ("a decline in earnings per share") against the change two
figures the other compares give ("$0.21 in Q1 versus $0.02 a year ago": a rise), ``compare.comparisons``."""

from __future__ import annotations

from ..memo import read_once
from ..model import Tally
from ..numbers import Unit
from ..rules import Lexicon
from .opposites import direction
from .pair import Clash, Pair, alike, content_word

__all__ = ["compare_changes"]


#: how many units before a comparison's words, and after them, its two figures may stand
_COMPARED_REACH = 12


def _implied_change(us: list[Unit], lexicon: Lexicon) -> tuple[str, Unit, Unit] | None:
    """The change a claim's figures give where it compares one with an earlier one ("$0.21 in Q1
    versus $0.02 a year ago": a rise): ("rise" or "fall", the newer figure, the earlier one), or None
    where it compares none, or its comparisons disagree. Figures of one kind on both sides pair in
    order ("$94.8 million or $0.91 ..., that compares to $106.6 million or $1.04")."""
    keys = [u.key for u in us]
    found: set[str] = set()
    first: tuple[Unit, Unit] | None = None
    for k in range(len(us)):
        marker = next((c for c in lexicon.compare.comparisons if tuple(keys[k : k + len(c)]) == c), None)
        if marker is None:
            continue
        before = [u for u in us[max(0, k - _COMPARED_REACH) : k] if _compared(u)]
        after = [u for u in us[k + len(marker) : k + len(marker) + _COMPARED_REACH] if _compared(u)]
        for key in {u.key for u in before} & {u.key for u in after}:
            newer = [u for u in before if u.key == key]
            older = [u for u in after if u.key == key]
            pairs = list(zip(newer, older, strict=True)) if len(newer) == len(older) else [(newer[-1], older[0])]
            for x, y in pairs:
                if x.nominal is None or y.nominal is None or x.nominal == y.nominal:
                    continue
                found.add("rise" if x.nominal > y.nominal else "fall")
                first = first or (x, y)
    if len(found) != 1 or first is None:
        return None
    return next(iter(found)), first[0], first[1]


def _compared(u: Unit) -> bool:
    return u.number and u.key not in ("#year", "#ord") and not u.open_bound


def _change_words(us: list[Unit], lexicon: Lexicon) -> list[tuple[int, str]]:
    """The claim's change words, each as (index, "rise" or "fall")."""
    out = []
    for k in range(len(us)):
        word = direction(us, k, lexicon)
        if word in lexicon.compare.rises:
            out.append((k, "rise"))
        elif word in lexicon.compare.falls:
            out.append((k, "fall"))
    return out


def compare_changes(pair: Pair, lexicon: Lexicon, tally: Tally) -> list[Clash]:
    """A change word set against the change two figures give: "saw a decline in GAAP earnings per
    share" / "earnings per share was $0.21 in Q1 versus $0.02 a year ago". The change word must bear
    on what the figures measure: a content word near it is among those before the newer figure."""
    a, b, ua, ub, ratio = pair.a, pair.b, pair.ua, pair.ub, pair.ratio
    if ratio < 0.2:
        return []
    ia = read_once("implied", a, lexicon, lambda: _implied_change(ua, lexicon))
    ib = read_once("implied", b, lexicon, lambda: _implied_change(ub, lexicon))
    for us, ours, them, theirs, first in ((ua, ia, ub, ib, True), (ub, ib, ua, ia, False)):
        if theirs is None or ours is not None:
            continue
        change, newer, older = theirs
        stated = _change_words(us, lexicon)
        if any(side == change for _, side in _change_words(them, lexicon)):
            continue  # the figures' claim names its change itself: the opposites compare the words
        k_new = next(m for m, u in enumerate(them) if u is newer)
        measured = {
            u.key for u in them[max(0, k_new - _COMPARED_REACH) : k_new] if content_word(u, lexicon) and len(u.key) >= 3
        }
        for k, side in stated:
            if side == change:
                break  # the claim names the same change too
            near = {u.key for u in us[max(0, k - 3) : k + 5] if content_word(u, lexicon) and len(u.key) >= 3}
            near -= {us[k].key}
            if not any(alike(p, q, lexicon) for p in near for q in measured):
                continue
            x = us[k]
            figures_text = f"{newer.text} vs {older.text}"
            figures_span = (newer.start, older.end)
            values = (x.text, figures_text) if first else (figures_text, x.text)
            spans = ((x.start, x.end), figures_span) if first else (figures_span, (x.start, x.end))
            return [Clash("change", "Change", values, spans, 0.6 if ratio >= 0.3 else 0.5)]
    return []

