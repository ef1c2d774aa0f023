"""Page templates: what a site prints, word for word, under other headlines far apart in time.

A paywall or sign-up page ("Close Get email notifications on ... daily!", "We have sent you a
verification email") is all some pages of a feed hold. Its lead, names and words are the same on
every such page of the site, so they pair shootings years apart. No story stays word for word the
same under a new headline for more than a week, so a body one site gives two pages with different
titles dated further apart than that is its template: every page of the site with that body is
grouped by its title alone: what all those pages share is the template's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .profile import Profile

__all__ = ["TEMPLATE_DAYS", "site_of", "templates", "without_templates"]

#: two pages of one site with the same body and other titles dated more than this many days apart
#: show the body is the site's template
TEMPLATE_DAYS = 7


def site_of(outlet: str) -> str:
    """The site of an outlet, its port aside: "stltoday.com:80" and "stltoday.com" are one.

    >>> site_of("STLToday.com:80")
    'stltoday.com'
    """
    return outlet.lower().rsplit(":", 1)[0] if outlet.rsplit(":", 1)[-1].isdigit() else outlet.lower()


def templates(profiles: Sequence[Profile], days: int = TEMPLATE_DAYS) -> list[list[int]]:
    """The pages whose body is their site's template, one list of indices per template.

    >>> import datetime as dt
    >>> def page(i, title, day, body="b1"):
    ...     return Profile(i, "x.com", dt.date(2016, 1, day), frozenset(), b"", title.encode(), body=body)
    >>> templates([page("a", "t1", 1), page("b", "t2", 20), page("c", "t3", 21), page("d", "t4", 2, "b2")])
    [[0, 1, 2]]
    >>> templates([page("a", "t1", 1), page("b", "t2", 3)])  # a story retitled the next days
    []
    """
    pages: dict[tuple[str, str], list[int]] = {}
    for k, p in enumerate(profiles):
        if p.body:
            pages.setdefault((site_of(p.outlet), p.body), []).append(k)
    found = []
    for members in pages.values():
        dates = [d for d in (profiles[k].date for k in members) if d is not None]
        if len({profiles[k].title_vector for k in members}) > 1 and dates and (max(dates) - min(dates)).days > days:
            found.append(members)
    return found


def without_templates(profiles: Sequence[Profile], days: int = TEMPLATE_DAYS) -> list[Profile]:
    """The profiles with every template page's body left out: its lead is its title, and the names,
    words and people every page of the template has are the template's, not its own (what is left
    is its title's)."""
    out = list(profiles)
    for members in templates(profiles, days):
        pages = [profiles[k] for k in members]
        names = frozenset.intersection(*(p.names for p in pages))
        people = frozenset.intersection(*(p.people for p in pages))
        shared = Counter(dict(pages[0].words))
        for p in pages[1:]:
            shared &= Counter(dict(p.words))
        for k, p in zip(members, pages, strict=True):
            words = tuple((w, c - shared[w]) for w, c in p.words if c > shared[w])
            out[k] = replace(p, vector=p.title_vector or p.vector, names=p.names - names, words=words,
                             people=p.people - people)
    return out
