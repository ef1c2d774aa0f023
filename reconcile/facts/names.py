"""Capitalised names in a claim and their guessed role: a place after a locative word ("in El
Salto"), else a name."""

from __future__ import annotations

from ..model import Entity
from ..rules import Lexicon
from .numerals import Token

__all__ = ["names_in"]

def names_in(text: str, toks: list[Token], lexicon: Lexicon) -> list[Entity]:
    out: list[Entity] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        sentence_start = i == 0 or text[toks[i - 1].end : tok.start].strip() in (".", "“", '"', "—")
        low = tok.text.lower()
        if not tok.text[:1].isupper() or low in lexicon.dates.months or low in lexicon.dates.weekdays:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and (
            (toks[j].text[:1].isupper() and text[toks[j - 1].end : toks[j].start] in (" ", "\u00a0"))
            or (toks[j].text in ("de", "del", "la", "of") and j + 1 < len(toks) and toks[j + 1].text[:1].isupper())
        ):
            j += 1
        if sentence_start and j == i + 1:
            i += 1
            continue
        prev = toks[i - 1].text.lower() if i > 0 else ""
        kind = "place" if prev in lexicon.places.locative else "name"
        out.append(Entity(text[tok.start : toks[j - 1].end], kind, tok.start, toks[j - 1].end))
        i = j
    return out

