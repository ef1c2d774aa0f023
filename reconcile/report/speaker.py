"""Who a report says speaks: the person or organisation a claim is credited to, where that reads as
one, else the outlet (the source's file). Never "the article", never a fragment of a sentence that
claims extraction took for a speaker ("the United", "However", "Trump also", "Kroon declined to")."""

from __future__ import annotations

import re

from ..model import Claim, Document

__all__ = ["credited", "is_plausible_speaker", "outlet", "speaker"]


def _set(words: str) -> frozenset[str]:
    """A word list written as lines of text."""
    return frozenset(words.split())

#: words that open a clause, never a speaker: adverbs, connectives, prepositions, times (EN and ES)
_NOT_OPENERS = _set("""
however still yet yesterday today tonight although though after before following initial finally
meanwhile also later earlier then while when since but and or so thus instead
monday tuesday wednesday thursday friday saturday sunday
finalmente recientemente además después antes luego mientras aunque pero por tras en su sus lo le
""")

#: words a speaker never ends with: function words and clause openers (EN and ES)
_NOT_ENDINGS = _set("""
to and but or the a an of that which who in on at for with by as also later believe believes
de del la las el los y o que en a le lo se su sus por con
""")

#: verbs that show the "speaker" is a piece of a clause ("Police believe", "Trump also", "Kroon declined to")
_CLAUSE_VERBS = _set("""
is was were are has have had do does did will would could might must
believe believes believed declined reminded released responded allege alleges alleged stole tried
makes made contended contends told says said added haven't hasn't don't doesn't didn't
es fue son era rompe logró juzga dijo dice me
""")

#: capitalised words that open a longer name and never stand alone after "the": "the United", "the White"
_NAME_OPENERS = _set("""
united white new north south east west associated supreme national islamic european los las san santa
prime royal federal central democratic republican human world international el la
""")

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def is_plausible_speaker(text: str) -> bool:
    """Whether an attribution reads as a speaker: a name ("Jalisco Governor Enrique Alfaro"), an
    organisation ("the Associated Press"), or a description ("a witness", "state police").

    >>> [is_plausible_speaker(s) for s in ("the Associated Press", "police", "a banner", "the FBI")]
    [True, True, True, True]
    >>> [is_plausible_speaker(s) for s in ("the United", "However", "Trump also", "Kroon declined to", "El")]
    [False, False, False, False, False]
    """
    words = text.split()
    if not 1 <= len(words) <= 10 or "$" in text or text.count("(") != text.count(")"):
        return False
    lower = [w.lower().strip(".,;:") for w in words]
    if lower[0] in _NOT_OPENERS or lower[-1] in _NOT_ENDINGS:
        return False
    if any(w in _CLAUSE_VERBS for w in lower):
        return False
    if len(words) == 1 and lower[0] in _NAME_OPENERS:
        return False
    if len(words) == 2 and lower[0] in ("the", "a", "an", "el", "la") and lower[1] in _NAME_OPENERS:
        return False  # "the United": a name cut short
    return bool(_WORD.search(text))


def outlet(document: Document) -> str:
    """The source as an editor names it: its file name without the extension ("el-salto-breitbart")."""
    name = document.name
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    return stem or name


def speaker(claim: Claim, document: Document) -> str:
    """The claim's speaker in a report: its attribution where that reads as a speaker, else the outlet."""
    who = claim.attribution
    return who if who and is_plausible_speaker(who) else outlet(document)


def credited(claim: Claim) -> str | None:
    """The claim's attribution where it reads as a speaker; None where the outlet speaks."""
    who = claim.attribution
    return who if who and is_plausible_speaker(who) else None
