"""Who speaks in an article: attributions normalised into voices ("Mendez Ruiz" is the attorney general)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .model import Claim

__all__ = ["voice_groups", "voice_key"]

_HANDLE = re.compile(r"\([^)]*\)|@\w+")


def voice_key(voice: str | None) -> frozenset[str]:
    """The words that name a voice, without handles, accents or case; empty for the article's own.

    >>> sorted(voice_key("Enrique Alfaro (@EnriqueAlfaroR)"))
    ['alfaro', 'enrique']
    """
    if not voice:
        return frozenset()
    plain = unicodedata.normalize("NFKD", _HANDLE.sub(" ", voice))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    return frozenset(re.findall(r"[a-z0-9]+", plain))


def voice_groups(claims: Sequence[Claim]) -> dict[str, str]:
    """Claim id -> its voice's group: one name for "Mendez Ruiz" and "Attorney General Luis Mendez Ruiz".

    Two attributions are one voice when the words of one are all in the other; each group is named
    after its fullest attribution. Claims with no attribution are the article's own voice.

    >>> from reconcile.model import Claim
    >>> cs = [Claim("d1.c1", "d1", "x", 0, 1, attribution="Governor Enrique Alfaro"),
    ...       Claim("d1.c2", "d1", "y", 1, 2, attribution="Enrique Alfaro (@EnriqueAlfaroR)"),
    ...       Claim("d1.c3", "d1", "z", 2, 3)]
    >>> voice_groups(cs)
    {'d1.c1': 'Governor Enrique Alfaro', 'd1.c2': 'Governor Enrique Alfaro', 'd1.c3': 'the article'}
    """
    named = {c.attribution for c in claims if c.attribution and voice_key(c.attribution)}
    names = sorted(named, key=lambda v: (-len(voice_key(v)), v))
    canonical: dict[str, str] = {}
    for name in names:
        key = voice_key(name)
        canonical[name] = next((big for big in canonical.values() if key <= voice_key(big)), name)
    return {c.id: canonical.get(c.attribution or "", "the article") for c in claims}
