"""Whether a document tells of no death or no injury at all, and the first injury it tells of: what a
count of none rests on where the document gives no figure of it ("no one else was hurt" and no word of a
death anywhere: nobody killed)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Claim, Document
from ..rules import Lexicon
from .deeds import Said, tried_before

__all__ = ["an_injury", "none_of"]


#: where a sentence ends, roughly: a full stop, a question or exclamation mark, or a line break
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def none_of(event: str, document: Document, claims: Sequence[Claim], lexicon: Lexicon) -> bool:
    """Whether the document tells of no death (``event`` "killed") or no injury ("injured") at all: no
    claim names one, and its text has no word of one (a caption or headline the claims left out
    included)."""
    words = lexicon.frame
    if event == "killed":
        # a claim's death may be a charge's words only ("charged with attempted murder"): read as the text is
        told = [c for c in claims if event in c.facts.events]
        if any(not words.death_pattern.search(c.text) for c in told):
            return False
        return not any(_a_death(document.text, m, lexicon) for m in words.death_pattern.finditer(document.text))
    if any(event in c.facts.events for c in claims):
        return False
    # a word of the hospital in a sentence of a death tells of where someone died, not of someone hurt
    # ("was taken to a hospital, where he was pronounced dead")
    return not any(words.injury_pattern.search(sentence) and not words.death_pattern.search(sentence)
                   for sentence in _SENTENCE.split(document.text))


def _a_death(text: str, m: re.Match[str], lexicon: Lexicon) -> bool:
    """Whether a word of death tells of a death: not what was tried or meant ("attempted murder", "intent to
    kill", "tried to kill him") nor what could kill ("a deadly weapon", "arma mortal")."""
    words = lexicon.frame
    if tried_before(text, m.start(), lexicon):
        return False
    before = text[max(0, m.start() - 30) : m.start()]
    tail = before.split()[-4:]
    if any(words.meant_pattern.fullmatch(" ".join(tail[-k:])) for k in range(1, len(tail) + 1)):
        return False  # right after what was meant: "with intent to kill"
    beside = re.findall(r"[^\W\d_]+", before)[-1:] + re.findall(r"[^\W\d_]+", text[m.end() : m.end() + 20])[:1]
    return not any(w.lower() in words.means for w in beside)


def an_injury(claims: Sequence[Claim], lexicon: Lexicon) -> Said | None:
    """The first injury the document's own voice tells of ("a 16-year-old boy is recovering after he shot
    himself"; "no one else was hurt"), as a statement with no figure, to quote where nobody died."""
    for order, claim in enumerate(claims):
        if claim.quoted or "injured" not in claim.facts.events:
            continue
        m = lexicon.frame.injury_pattern.search(claim.text)
        if m is not None:
            return Said("injured", None, 0, "exact", claim.start + m.start(), claim.start + m.end(), claim.id, order,
                        claim.quoted, "derived")
    return None
