"""Two matched claims, fact by fact: which of their facts cannot both be true, and how sure that is.

The judge decides what a group of claims is (agreement, contradiction, update); this package says
which facts of two claims conflict and why. The two claims are lined up word by word once
(``pair.line_up``: numbers stand in as their kind, so "recalling 18,400 pickup trucks" lines up
with "recalling 81,400 pickup trucks"), and every comparator of ``COMPARATORS`` reads that
``Pair``, with one signature, ``compare(pair, lexicon, tally) -> list[Clash]``:

- **figures**: numbers of any kind that sit in the same place, as intervals ("more than 300" vs "about 120");
- **polarity**: a word one claim denies ("was not arrested", "no one was arrested", "nunca") that the
  other affirms;
- **opposites** from the lexicon's ``compare.opposites`` ("rose" / "fell", "definitiva" / "temporal");
- **swaps**: a name, place, date, weekday or ordinal put in place of another where the rest matches;
- **changes**: a change one claim names ("a decline in earnings per share") against the change two
  figures the other compares give ("$0.21 in Q1 versus $0.02 a year ago": a rise).

Claims in two languages cannot be lined up word by word: ``ACROSS_LANGUAGES`` compares the typed
facts the rules read in both. Every clash carries both values and both spans, and a ``strength``:
strong when the two claims are the same statement but for the clashing fact, weak when they only
loosely line up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from ..model import Claim, Tally
from ..rules import Lexicon
from .changes import compare_changes
from .figures import compare_figures, in_date, is_range, ranges_differ, stated_numbers
from .languages import compare_languages
from .opposites import compare_opposites, opposite_partners
from .pair import Clash, Pair, line_up, overlaps, revision_words, same_word
from .polarity import compare_polarity, denial_partners
from .structure import (
    NO_FACT,
    PARSER,
    Verdict,
    has_parser,
    names_only,
    other_predicates,
    predicate_at,
    same_facts,
    states_no_fact,
)
from .swaps import compare_swaps

__all__ = [
    "ACROSS_LANGUAGES", "COMPARATORS", "NO_FACT", "PARSER", "Clash", "Comparator", "Pair", "Verdict", "compare_pair",
    "denial_partners", "in_date",
    "has_parser", "is_range", "line_up", "names_only", "opposite_partners", "other_predicates", "predicate_at",
    "ranges_differ", "revision_words", "same_facts", "same_word", "stated_numbers", "states_no_fact",
]


class Comparator(NamedTuple):
    """One kind of fact two lined-up claims are compared on."""

    name: str
    compare: Callable[[Pair, Lexicon, Tally], list[Clash]]
    #: its clashes give way to a clash of figures over the same words ("not six" is the figure's clash)
    yields_to_figures: bool = False


#: the comparators of two claims in one language, in the order they run
COMPARATORS: tuple[Comparator, ...] = (
    Comparator("figures", compare_figures),
    Comparator("polarity", compare_polarity, yields_to_figures=True),
    Comparator("opposites", compare_opposites),
    Comparator("swaps", compare_swaps, yields_to_figures=True),
    Comparator("changes", compare_changes),
)
#: and of two claims in different languages
ACROSS_LANGUAGES: tuple[Comparator, ...] = (Comparator("languages", compare_languages),)


def compare_pair(a: Claim, b: Claim, lexicon: Lexicon, tally: Tally | None = None) -> list[Clash]:
    """The facts of ``a`` and ``b`` that cannot both be true, strongest first.

    >>> from reconcile.rules import load_rules
    >>> lex = load_rules().lexicon
    >>> a = Claim("a.c1", "a", "The company's revenue rose 8 percent.", 0, 37)
    >>> b = Claim("b.c1", "b", "The company's revenue fell 8 percent.", 0, 37)
    >>> [(c.slot, c.values) for c in compare_pair(a, b, lex)]
    [('opposite', ('rose', 'fell'))]
    """
    tally = tally if tally is not None else Tally()
    tally.pairs += 1
    pair = line_up(a, b, lexicon)
    if pair is None:
        return []
    comparators = COMPARATORS if a.language == b.language else ACROSS_LANGUAGES
    clashes: list[Clash] = []
    figures: list[Clash] = []
    for comparator in comparators:
        found = comparator.compare(pair, lexicon, tally)
        if comparator.yields_to_figures:
            found = [c for c in found if not any(
                overlaps(c.spans[0], f.spans[0]) or overlaps(c.spans[1], f.spans[1]) for f in figures
            )]
        if comparator.name == "figures":
            figures = found
        clashes += found
    # a side is marked as a revision only where the marking words bear on its value
    out = [replace(c, marked=(
        revision_words(a, c.spans[0], lexicon) is not None, revision_words(b, c.spans[1], lexicon) is not None,
    )) for c in clashes]
    return sorted(out, key=lambda c: -c.strength)
