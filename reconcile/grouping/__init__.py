"""Which articles tell one story: each article's profile (``profile``), the probability that two
report the same event (``pairs``), stories as clusters of those probabilities (``clusters``), and
the sources of one ``compare`` that do not look like the same story (``outliers``).

It sits below ``api``: ``compare`` asks it about a few articles, the corpus about a whole feed.
"""

from __future__ import annotations

from .clusters import cluster_edges, days_around, group
from .pairs import LEAD_AND_NAMES, GroupingSettings, pair_probability
from .profile import PROFILE_VERSION, Profile, common_words

__all__ = [
    "LEAD_AND_NAMES", "PROFILE_VERSION", "GroupingSettings", "Profile", "cluster_edges", "common_words", "days_around",
    "group",
    "pair_probability",
]
