"""Pair probabilities -> stories: average-linkage clusters of "same story" probabilities, cut at
``GroupingSettings.threshold`` per connected component, so one loose pair does not chain two events
together; a lone article then joins the story it is most strongly tied to, and groups that name
different states, places, streets or people's ages, or tell of event days a week or more apart, merge
only on a strong link."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .pairs import GroupingSettings, pair_edges
from .profile import Profile, cities_named
from .templates import without_templates

__all__ = ["cluster_edges", "days_around", "group"]


def _components(n: int, edges: dict[tuple[int, int], float]) -> list[list[int]]:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    return sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: c[0])


#: per kind of place (the regions, then the places of the leads, then the days around the event's),
#: what each article names
Kinds = Sequence[Sequence[frozenset[str]]]


def days_around(day: dt.date | None, reach: int) -> frozenset[str]:
    """The days within ``reach`` of ``day`` (ordinals, as text): two articles' sets meet when their days are
    at most twice ``reach`` apart. Empty without a day or with a negative reach (nothing to hold apart).

    >>> sorted(days_around(dt.date(2016, 3, 6), 1)), days_around(None, 3)
    (['736028', '736029', '736030'], frozenset())
    """
    if day is None or reach < 0:
        return frozenset()
    return frozenset(str(day.toordinal() + k) for k in range(-reach, reach + 1))


def _named(kinds: Kinds, members: Sequence[int]) -> tuple[frozenset[str], ...]:
    """For each kind, the places some of ``members`` name (none of a kind not given)."""
    return tuple(frozenset().union(*(kind[m] for m in members)) if kind else frozenset() for kind in kinds)


def _apart(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> bool:
    """Whether two groups say different places: of some kind, both name some, none in common."""
    return any(x and y and not x & y for x, y in zip(a, b, strict=True))


def _average_linkage(members: list[int], edges: dict[tuple[int, int], float], threshold: float,
                     kinds: Kinds = (), strong: float = 1.0) -> list[list[int]]:
    """Average-linkage (UPGMA) clusters of one component, cut at ``threshold``; a missing pair counts as 0.

    Sparse: it keeps, for each pair of clusters with any scored pair between them, the sum of those
    probabilities, and merges the pair with the highest average while that reaches the cut. Memory
    follows the scored pairs, not the component squared. Ties go to the lower cluster numbers. Two
    clusters naming disjoint places of one of the ``kinds`` (of each member, by article number) merge
    only at ``strong`` or above; they may still meet later, once one of them has merged with a
    cluster naming both.

    >>> _average_linkage([0, 1, 2], {(0, 1): 0.9, (1, 2): 0.4, (0, 2): 0.1}, 0.3)
    [[0, 1], [2]]
    >>> _average_linkage([0, 1], {(0, 1): 0.5}, 0.3, [[frozenset({"texas"}), frozenset({"alabama"})]], 0.75)
    [[0], [1]]
    """
    import heapq

    where = {m: i for i, m in enumerate(members)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(len(members))}
    for (i, j), p in edges.items():
        if i in where and j in where:
            sums[where[i]][where[j]] = sums[where[j]][where[i]] = p
    content = {i: [m] for i, m in enumerate(members)}
    named = {i: _named(kinds, [m]) for i, m in enumerate(members)}
    heap = [(-p, a, b) for a, row in sums.items() for b, p in row.items() if a < b]
    heapq.heapify(heap)
    next_id = len(members)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in content or b not in content:
            continue  # a cluster merged since: a pair's sum changes only when one side merges
        if -negative < threshold:
            break
        if -negative < strong and _apart(named[a], named[b]):
            continue  # pushed again, with its new average, when either side merges with another
        new = next_id
        next_id += 1
        named[new] = tuple(x | y for x, y in zip(named.pop(a), named.pop(b), strict=True))
        content[new] = content.pop(a) + content.pop(b)
        size = len(content[new])
        row_a, row_b = sums.pop(a), sums.pop(b)
        sums[new] = {}
        for c in sorted((set(row_a) | set(row_b)) - {a, b}):
            total = row_a.get(c, 0.0) + row_b.get(c, 0.0)
            sums[c].pop(a, None)
            sums[c].pop(b, None)
            sums[c][new] = sums[new][c] = total
            heapq.heappush(heap, (-total / (size * len(content[c])), min(c, new), max(c, new)))
    return sorted((sorted(c) for c in content.values()), key=lambda c: c[0])


def _links(edges: dict[tuple[int, int], float]) -> dict[int, list[tuple[int, float]]]:
    """Each article's scored pairs: (other article, probability)."""
    links: dict[int, list[tuple[int, float]]] = {}
    for (i, j), p in edges.items():
        links.setdefault(i, []).append((j, p))
        links.setdefault(j, []).append((i, p))
    return links


def _event_days(days: Sequence[frozenset[str]], reach: int) -> list[int | None]:
    """Each article's event day (an ordinal) from the days around it (``days_around``), None where unknown."""
    return [min(int(d) for d in ds) + reach if ds else None for ds in days]


def _far(lone: int | None, members: Sequence[int], events: Sequence[int | None], limit: int) -> bool:
    """Whether the lone article's event day is more than ``limit`` days from every event day of a story."""
    known = [d for d in (events[m] for m in members) if d is not None]
    return limit >= 0 and lone is not None and bool(known) and all(abs(lone - d) > limit for d in known)


def _attach_lone(clusters: list[list[int]], edges: dict[tuple[int, int], float], settings: GroupingSettings,
                 kinds: Kinds = (), events: Sequence[int | None] = ()) -> list[list[int]]:
    """Each article alone in its cluster moved into the story (two articles or more) where the mean
    of its ``lone_pairs`` strongest pairs (a missing pair counts as 0) is highest and reaches
    ``lone_bar`` (and ``settings.regions`` where the two name disjoint places of one of the ``kinds``).
    Lone articles are taken in order, and one that joins counts for those after it.

    >>> _attach_lone([[0, 1, 2, 3], [4]], {(0, 1): .9, (1, 2): .9, (2, 3): .9, (0, 3): .1, (3, 4): .6, (2, 4): .3},
    ...              GroupingSettings())
    [[0, 1, 2, 3, 4]]
    """
    k = settings.lone_pairs
    stories = [list(c) for c in clusters]
    if not k:
        return stories
    where = {m: c for c, members in enumerate(stories) for m in members}
    links = _links(edges)
    for lone in [c[0] for c in stories if len(c) == 1]:
        tied: dict[int, list[float]] = {}
        for other, p in links.get(lone, []):
            if len(stories[where[other]]) > 1:
                tied.setdefault(where[other], []).append(p)
        scored = []
        for c, ps in tied.items():
            mean = sum(sorted(ps, reverse=True)[:k]) / k
            if events and mean < settings.regions and _far(events[lone], stories[c], events, settings.lone_days):
                continue  # a story of another event day: a month or more apart
            if mean >= settings.regions or not _apart(_named(kinds, [lone]), _named(kinds, stories[c])):
                scored.append((mean, -c))
        if scored and max(scored)[0] >= settings.lone_bar:
            target = -max(scored)[1]
            stories[where[lone]] = []
            stories[target].append(lone)
            where[lone] = target
    return sorted((sorted(c) for c in stories if c), key=lambda c: c[0])


def _split_edges(components: list[list[int]], edges: dict[tuple[int, int], float]
                 ) -> list[dict[tuple[int, int], float]]:
    """The pairs inside each component (a pair across two is dropped), so each is clustered on its own pairs."""
    where = {m: c for c, members in enumerate(components) for m in members}
    inside: list[dict[tuple[int, int], float]] = [{} for _ in components]
    for (i, j), p in edges.items():
        if where[i] == where[j]:
            inside[where[i]][(i, j)] = p
    return inside


def group(profiles: Sequence[Profile], settings: GroupingSettings = GroupingSettings()) -> list[list[str]]:
    """Article ids grouped into stories; every profile in exactly one, in a stable order.

    Profiles are taken in id order, so the result does not depend on the order they came in. A page
    that holds only its site's template is grouped by its title (``templates``).
    """
    ordered = without_templates(sorted(profiles, key=lambda p: p.id))
    if not ordered:
        return []
    clusters = cluster_edges(len(ordered), pair_edges(ordered, settings), settings, [p.regions for p in ordered],
                             [p.places for p in ordered],
                             [days_around(p.event_date, settings.event_reach) for p in ordered], cities_named(ordered),
                             [p.streets for p in ordered], [p.ages for p in ordered])
    return sorted(([ordered[i].id for i in c] for c in clusters), key=lambda s: s[0])


def cluster_edges(n: int, edges: dict[tuple[int, int], float], settings: GroupingSettings,
                  regions: Sequence[frozenset[str]] = (), places: Sequence[frozenset[str]] = (),
                  days: Sequence[frozenset[str]] = (), cities: Sequence[frozenset[str]] = (),
                  streets: Sequence[frozenset[str]] = (), ages: Sequence[frozenset[str]] = ()) -> list[list[int]]:
    """Stories of articles 0..n-1 from their scored pairs (and the regions and lead places each names, the
    days around its event's, ``days_around``, the cities it happened in or names, ``cities_named``, the
    streets and the ages it gives): average linkage per component, held to the regions, places, days,
    streets and ages; then the articles left alone join a story, held to all but the days (a follow-up
    tells of a later day; a lone page is most often another town's shooting whose words are alike), save
    an event day months from every one of the story's (``lone_days``)."""
    stories = []
    kinds = (regions, places, days, streets, ages)
    # two clusters whose average is at the cut have at least one pair at the cut: so clusters never
    # cross the components of the pairs at or above it, and each component is clustered on its own
    strong = {pair: p for pair, p in edges.items() if p >= settings.threshold}
    components = _components(n, strong)
    for component, inside in zip(components, _split_edges(components, edges), strict=True):
        stories.extend(_average_linkage(component, inside, settings.threshold, kinds, settings.regions))
    # a lone article's pairs below the cut reach across components: this pass sees all pairs
    return _attach_lone(sorted(stories, key=lambda c: c[0]), edges, settings, (regions, places, cities, streets, ages),
                        _event_days(days, settings.event_reach) if days else ())

