"""Do the sources of one ``compare`` tell one story? The corpus's same-story model, asked about a few articles."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..embed import Encoder
from ..model import Claim, Document
from .pairs import LEAD_AND_NAMES, GroupingSettings, pair_edges
from .profile import Profile, lead_text, names_of

__all__ = ["OUTLIER_PROBABILITY", "one_story_notes", "outliers"]

#: a source whose best "same story" probability with every other source is below this is an outlier;
#: low, because a false warning costs an editor's trust (on gva-dev: 7% of same-story pairs, 59% of others)
OUTLIER_PROBABILITY = 0.05


def outliers(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    encoder: Encoder,
    *,
    common: frozenset[str] = frozenset(),
    threshold: float = OUTLIER_PROBABILITY,
    settings: GroupingSettings = LEAD_AND_NAMES,
) -> list[tuple[Document, Document, float]]:
    """Each outlier with the source closest to it and their probability (of two sources, the second)."""
    if len(documents) < 2:
        return []
    leads = [lead_text(d, [c for c in claims if c.doc == d.id]) for d in documents]
    vectors = np.asarray(encoder.encode(leads), dtype=np.float32)
    profiles = [  # names as the check was calibrated: sentence-initial words too
        Profile(d.id, "", d.date, names_of(d, common=common, starts=True), vectors[k].tobytes())
        for k, d in enumerate(documents)
    ]
    pairs = pair_edges(profiles, GroupingSettings(**{**settings.__dict__, "floor": 0.0}))
    n = len(documents)
    best = np.zeros((n, n))
    for (i, j), p in pairs.items():
        best[i, j] = best[j, i] = p
    found = []
    for k in range(1, n) if n == 2 else range(n):  # of two, the second is the one named
        closest = int(np.argmax(best[k]))
        if best[k, closest] < threshold:
            found.append((documents[k], documents[closest], float(best[k, closest])))
    return found


def one_story_notes(
    documents: Sequence[Document], claims: Sequence[Claim], encoder: Encoder, *, common: frozenset[str] = frozenset()
) -> list[str]:
    """One line per outlier, naming it and the source it is least unlike."""
    return [
        f"{odd.name} does not look like the same story as {near.name} "
        f"(same-story probability {p:.2f}); its findings may compare different events"
        for odd, near, p in outliers(documents, claims, encoder, common=common)
    ]
