"""What the sentence around a claim tells of its counts: a roundup of several incidents ("three
separate shootings"), or "others" set apart from those another event befell ("a man was killed and
three others were wounded"). A claim is often cut from a longer sentence; these read the sentence."""

from __future__ import annotations

import re

from ..facts import number_value
from ..model import Claim
from ..rules import Lexicon

__all__ = ["apart_from_another_event", "several_events", "sentence_around"]


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence that holds ``text[start:end]``, roughly: from the last full stop or line break before it
    to the first one at or after its end."""
    first = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [at for at in (text.find(". ", end - 1), text.find("\n", end)) if at >= 0]
    return first, min(stops) if stops else len(text)


def several_events(text: str, claim: Claim, lexicon: Lexicon) -> bool:
    """Whether the sentence of the claim tells of several incidents together ("... were hurt in three
    separate shootings", "two shootings that injured ...", "multiple shootings"): what it counts is a
    roundup's."""
    start, stop = sentence_around(text, claim.start, claim.end)
    sentence = text[start:stop]
    for m in lexicon.frame.incidents_pattern.finditer(sentence):
        # the words before the noun, and the one after it where an adjective follows ("tiroteos distintos")
        around = (re.findall(r"[^\W_]+", sentence[max(0, m.start() - 40) : m.start()].lower())[-3:]
                  + re.findall(r"[^\W_]+", sentence[m.end() : m.end() + 20].lower())[:1])
        if any(w in lexicon.frame.several or (number_value(w) or 0) >= 2 for w in around):
            return True
    return False


def apart_from_another_event(text: str, at: int, event: str, lexicon: Lexicon) -> bool:
    """Whether "others" counted at ``at`` with ``event`` are set apart from those another event befell
    before them in their sentence: "a man was killed and four other people were wounded" are four
    wounded besides the dead man, not four more than a count of the wounded told elsewhere."""
    start, _ = sentence_around(text, at, at + 1)
    before = list(lexicon.counts.event_pattern.finditer(text, start, at))
    return bool(before) and lexicon.counts.events[re.sub(r"\s+", " ", before[-1].group().lower())] != event
