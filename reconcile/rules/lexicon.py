"""The language files (``en.yaml``, ``es.yaml``, the generated lexicons) merged into one ``Lexicon``
of word groups."""

from __future__ import annotations

import re
from typing import Any

from .compare import compare_words
from .patterns import alternatives, negation_pattern, phrase_pattern, region_pattern, street_pattern
from .words import CountWords, DateWords, FrameWords, Lexicon, PlaceWords, SentenceWords, SpeakerWords

__all__ = ["merge_lexicon"]


def _regions(docs: list[dict[str, Any]]) -> dict[str, str]:
    """Each name of a region, as written, -> the region; the names of ``not_regions`` -> ""."""
    names: dict[str, str] = {}
    for d in docs:
        for region, written in (d.get("regions") or {}).items():
            names.update({str(w): str(region).lower() for w in written or []})
        names.update({str(w): "" for w in d.get("not_regions") or []})
    return names



def merge_lexicon(docs: list[dict[str, Any]]) -> Lexicon:
    bounds: dict[str, str] = {}
    nouns: dict[str, str] = {}
    events: dict[str, str] = {}
    object_events: dict[str, str] = {}
    lists: dict[str, set[str]] = {
        k: set()
        for k in (
            "anaphora", "between", "subset", "objects", "generic", "hypothetical", "scope", "update", "negation",
            "nobody", "nobody_more", "no_determiners", "phrase_ends", "verbs", "according_to", "that", "not_speakers",
            "locative", "pronouns",
            "adverbial_leads", "not_gerunds", "passive", "quote_tail_verbs", "adjuncts", "recipient_verbs",
            "relative_pronouns", "name_joiners", "auxiliaries", "titles", "before_number", "hyphen_prefixes",
        )
    }
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    relative: dict[str, int] = {}
    breaks: list[str] = []
    dashes: list[str] = []
    gerunds: list[str] = []
    leads: list[str] = []
    coordination: list[str] = []
    stops: list[str] = []
    trailing: list[str] = []
    scales: dict[str, int] = {}
    thousands: dict[str, tuple[str, ...]] = {}
    date_past: set[str] = set()
    date_next: set[str] = set()
    dialogue: list[str] = []
    tolls: set[str] = set()
    kinds = {str(k).lower(): str(v).lower() for d in docs for k, v in (d.get("street_kinds") or {}).items()}
    for d in docs:
        numbers = d.get("numbers") or {}
        scales.update({str(k).lower(): int(v) for k, v in (numbers.get("scales") or {}).items()})
        thousands[str(d.get("language", "?"))] = tuple(str(x) for x in numbers.get("thousands") or [","])
        dates = d.get("dates") or {}
        date_past.update(str(w).lower() for w in dates.get("past") or [])
        date_next.update(str(w).lower() for w in dates.get("next") or [])
        dialogue += (d.get("quotation") or {}).get("dialogue_dashes") or []
        tolls.update(str(w).lower() for w in d.get("tolls") or [])
        for bound, words in (d.get("bounds") or {}).items():
            for w in words:
                bounds[w.lower()] = bound
        for cls, words in (d.get("nouns") or {}).items():
            for w in words:
                nouns[w.lower()] = cls
        for event, words in (d.get("events") or {}).items():
            for w in words:
                events[w.lower()] = event
        for event, words in (d.get("object_events") or {}).items():
            for w in words:
                object_events[w.lower()] = event
        for key in (
            "anaphora", "between", "subset", "objects", "generic", "hypothetical", "scope", "update", "negation",
            "locative", "nobody", "nobody_more", "no_determiners", "phrase_ends",
        ):
            lists[key].update(str(w).lower() for w in d.get(key) or [])
        attribution = d.get("attribution") or {}
        for key in (
            "verbs", "according_to", "that", "not_speakers", "pronouns", "adverbial_leads", "passive",
            "quote_tail_verbs", "adjuncts", "recipient_verbs", "relative_pronouns", "name_joiners",
        ):
            lists[key].update(str(w).lower() for w in attribution.get(key) or [])
        sentence = d.get("sentence") or {}
        for key in ("auxiliaries", "titles", "before_number", "hyphen_prefixes"):
            lists[key].update(str(w).lower() for w in sentence.get(key) or [])
        if attribution.get("speaker_stop"):
            stops.append(attribution["speaker_stop"])
        if attribution.get("speaker_trailing"):
            trailing.append(attribution["speaker_trailing"])
        months.update({k.lower(): int(v) for k, v in (d.get("months") or {}).items()})
        weekdays.update({k.lower(): int(v) for k, v in (d.get("weekdays") or {}).items()})
        relative.update({k.lower(): int(v) for k, v in (d.get("relative_days") or {}).items()})
        clause = d.get("clause") or {}
        breaks += clause.get("breaks") or []
        dashes += clause.get("dashes") or []
        if clause.get("gerund"):
            gerunds.append(clause["gerund"])
        leads += clause.get("gerund_leads") or []
        lists["not_gerunds"].update(str(w).lower() for w in clause.get("not_gerunds") or [])
        coordination += clause.get("coordination") or []
    results = event_results(docs, events)
    events.update(results)
    uniq = lambda xs: tuple(dict.fromkeys(xs))  # noqa: E731 - keep order, drop repeats
    return Lexicon(
        languages=tuple(str(d.get("language", "?")) for d in docs),
        speakers=SpeakerWords(
            attribution_verbs=frozenset(lists["verbs"]),
            verb_pattern=phrase_pattern(lists["verbs"]),
            according_to=phrase_pattern(lists["according_to"]),
            that=frozenset(lists["that"]),
            not_speakers=frozenset(lists["not_speakers"]),
            pronouns=frozenset(lists["pronouns"]),
            quote_tail_verbs=frozenset(lists["quote_tail_verbs"]),
            passive=frozenset(lists["passive"]),
            relative_pronouns=frozenset(lists["relative_pronouns"]),
            speaker_trailing=re.compile("|".join(trailing or ["(?!x)x"]), re.IGNORECASE),
            speaker_stop=re.compile("|".join(stops or [r"\s*,"]), re.IGNORECASE),
            adverbial_leads=frozenset(lists["adverbial_leads"]),
            adjuncts=frozenset(lists["adjuncts"]),
            recipient_verbs=frozenset(lists["recipient_verbs"]),
            name_joiners=frozenset(lists["name_joiners"]),
            objects=frozenset(lists["objects"]),
        ),
        sentences=SentenceWords(
            auxiliaries=frozenset(lists["auxiliaries"]),
            titles=frozenset(lists["titles"]),
            before_number=frozenset(lists["before_number"]),
            hyphen_prefixes=frozenset(lists["hyphen_prefixes"]),
            breaks=uniq(breaks),
            dashes=uniq(dashes),
            gerund=re.compile("(?:" + "|".join(gerunds or ["(?!x)x"]) + r")\b", re.IGNORECASE),
            gerund_leads=uniq(sorted(leads, key=len, reverse=True)),
            not_gerunds=frozenset(lists["not_gerunds"]),
            coordination=uniq(sorted(coordination, key=len, reverse=True)),
            dialogue_dashes=uniq(dialogue),
        ),
        counts=CountWords(
            bounds=bounds,
            bound_pattern=phrase_pattern(list(bounds)),
            anaphora=frozenset(lists["anaphora"]),
            between=frozenset(lists["between"]),
            subset=frozenset(lists["subset"]),
            nouns=nouns,
            noun_pattern=phrase_pattern(list(nouns)),
            generic=frozenset(lists["generic"]),
            nobody=phrase_pattern(lists["nobody"]),
            nobody_more=frozenset(lists["nobody_more"]),
            phrase_ends=frozenset(lists["phrase_ends"]),
            no_determiners=frozenset(lists["no_determiners"]),
            events=events,
            event_pattern=phrase_pattern(list(events)),
            hypothetical=phrase_pattern(lists["hypothetical"]),
            scope=phrase_pattern(lists["scope"]),
            update=phrase_pattern(lists["update"]),
            negation=negation_pattern(lists["negation"]),
            toll_pattern=phrase_pattern(tolls),
            elliptic_aux=frozenset(str(w).lower() for d in docs for w in d.get("elliptic_aux") or []),
            contrast=frozenset(str(w).lower() for d in docs for w in d.get("contrast") or []),
            inclusive=phrase_pattern([str(w) for d in docs for w in d.get("inclusive") or []]),
            clause_openers=frozenset(str(w).lower() for d in docs for w in d.get("clause_openers") or []),
            object_events=object_events,
            object_event_pattern=phrase_pattern(list(object_events)),
            event_sums={str(k): tuple(str(e) for e in v) for d in docs for k, v in (d.get("event_sums") or {}).items()},
            scales=scales,
            thousands=thousands,
        ),
        dates=DateWords(
            months=months,
            weekdays=weekdays,
            relative_days=relative,
            lowercase_dates=frozenset(
            str(w).lower() for d in docs if d.get("date_words_case") == "lower"
            for w in [*(d.get("months") or {}), *(d.get("weekdays") or {})]
        ),
            date_past=frozenset(date_past),
            date_next=frozenset(date_next),
        ),
        places=PlaceWords(
            locative=frozenset(lists["locative"]),
            regions=_regions(docs),
            region_pattern=region_pattern(_regions(docs)),
            event_places=frozenset(str(w).lower() for d in docs for w in d.get("event_places") or []),
            street_pattern=street_pattern([str(w) for d in docs for w in d.get("street_before") or []], kinds),
            street_kinds=kinds,
        ),
        compare=compare_words(docs),
        frame=frame_words(docs, nouns, results),
    )


#: the ``frame`` keys that are lists of words (merged as sets) and those that keep their order
_FRAME_SETS = ("one", "not_between", "fatal", "fatal_fillers", "death", "injury", "disjoint", "list_joins",
               "later_stage", "passive", "intransitive", "not_person", "incident", "not_place", "place_followers",
               "place_modifiers", "name_heads", "plural", "own_death", "attempt", "deadly", "deadly_after",
               "count_ends", "outcome", "late_in_day", "early_in_day", "sought_before", "sought_determiners",
               "sought_after", "severity", "whole", "several", "incidents", "meant", "means", "kin", "kin_by_marriage")
_FRAME_LISTS = ("status_order", "person_before", "person_after")
_FRAME_MAPS = ("persons", "role_of_status", "count_bounds")


def event_results(docs: list[dict[str, Any]], events: dict[str, str]) -> dict[str, str]:
    """Each event phrase read with a result after it, as one phrase of the result's event: "shot" and
    "were shot" with "to death" or "dead" are "shot to death", "were shot dead": killed (``event_results``
    of each language file: {event: {after: [events], results: [words]}}). The longest phrase wins, so
    "were shot to death" is never read as "were shot".

    >>> event_results([{"event_results": {"killed": {"after": ["shot"], "results": ["to death"]}}}],
    ...               {"shot": "shot", "were shot": "shot", "died": "killed"})
    {'shot to death': 'killed', 'were shot to death': 'killed'}
    """
    composed: dict[str, str] = {}
    for d in docs:
        for result, spec in (d.get("event_results") or {}).items():
            after = {str(e) for e in (spec or {}).get("after") or []}
            for phrase, event in events.items():
                if event in after:
                    composed.update({f"{phrase} {str(r).lower()}": str(result) for r in spec.get("results") or []})
    return composed


def frame_words(docs: list[dict[str, Any]], nouns: dict[str, str], results: dict[str, str] | None = None) -> FrameWords:
    """The ``frame`` section of every language file, merged; ``results`` (``event_results``) are also what
    happened to a named person, where the result is a status ("was shot to death": killed)."""
    sets: dict[str, set[str]] = {k: set() for k in _FRAME_SETS}
    lists: dict[str, list[str]] = {k: [] for k in _FRAME_LISTS}
    maps: dict[str, dict[str, str]] = {k: {} for k in _FRAME_MAPS}
    statuses: dict[str, str] = {}
    roles: dict[str, str] = {}
    for d in docs:
        section = d.get("frame") or {}
        for key in _FRAME_SETS:
            sets[key].update(str(w).lower() for w in section.get(key) or [])
        for key in _FRAME_LISTS:
            lists[key] += [str(w) for w in section.get(key) or []]
        for key in _FRAME_MAPS:
            maps[key].update({str(k).lower(): str(v) for k, v in (section.get(key) or {}).items()})
        for status, words in (section.get("statuses") or {}).items():
            statuses.update({str(w).lower(): str(status) for w in words or []})
        for role, words in (section.get("roles") or {}).items():
            roles.update({str(w).lower(): str(role) for w in words or []})
    known = set(statuses.values())
    statuses.update({phrase: result for phrase, result in (results or {}).items() if result in known})
    persons, one = maps["persons"], sets["one"]
    singular_nouns = set(persons) | {n for n in nouns if n in persons or not n.endswith("s")}
    singular = re.compile(
        rf"(?<![\w'’])(?:{alternatives(one)})\s+"
        rf"(?:(?!(?:{alternatives(one | sets['not_between'])})\s)[\w'’-]+(?<!ing)\s+){{0,2}}?"
        rf"(?P<noun>{alternatives(singular_nouns)})(?![\w'’])", re.IGNORECASE,
    ) if one else _NEVER
    filler = rf"(?:(?:{alternatives(sets['fatal_fillers'])})\s+)?" if sets["fatal_fillers"] else ""
    fatal = re.compile(
        rf"(?<![\w'’])(?P<n>\d+|[^\W\d_]+)\s+{filler}(?:{alternatives(sets['fatal'])})(?![\w'’])", re.IGNORECASE,
    ) if sets["fatal"] else _NEVER
    bare = re.compile(
        rf"\s+(?:(?P<bound>{alternatives(set(maps['count_bounds'])) or '(?!x)x'})\s+)?(?P<n>\d+|[^\W\d_]+)"
        # a mark after it ends the count, but not a time's or a figure's ("died about 3:15 a.m.", "1,000")
        rf"(?=\s*(?:[,.:](?!\d)|[;)]|$)|\s+(?:{alternatives(sets['count_ends']) or '(?!x)x'})(?![\w'’]))",
        re.IGNORECASE,
    )
    doers = {n for n, cls in nouns.items() if cls == "attackers"}
    dets = rf"(?:(?:{alternatives(sets['sought_determiners'])})\s+)?" if sets["sought_determiners"] else ""
    sought = re.compile(
        rf"(?<![\w'’])(?:(?:{alternatives(sets['sought_before'])})\s+{dets}(?:{alternatives(doers)})(?![\w'’])"
        rf"|(?<![\w'’])(?:{alternatives(sets['sought_determiners'])})\s+(?:{alternatives(doers)})\s+(?:[\w'’]+\s+){{1,2}}"
        rf"(?:{alternatives(sets['sought_after'])})(?![\w'’]))",
        re.IGNORECASE,
    ) if doers and sets["sought_before"] and sets["sought_after"] else _NEVER
    return FrameWords(
        sought_pattern=sought, severity_pattern=phrase_pattern(sets["severity"]), whole=frozenset(sets["whole"]),
        persons=persons, kin=frozenset(sets["kin"]), kin_by_marriage=frozenset(sets["kin_by_marriage"]),
        singular_pattern=singular, fatal_pattern=fatal,
        list_joins=frozenset(sets["list_joins"]),
        death_pattern=phrase_pattern(sets["death"]), injury_pattern=phrase_pattern(sets["injury"]),
        disjoint=frozenset(sets["disjoint"]), statuses=statuses, status_pattern=phrase_pattern(list(statuses)),
        role_words=roles, role_of_status=maps["role_of_status"],
        status_order=tuple(dict.fromkeys(lists["status_order"])),
        person_before=tuple(dict.fromkeys(lists["person_before"])),
        person_after=tuple(dict.fromkeys(lists["person_after"])), not_person_words=frozenset(sets["not_person"]),
        bare_count_pattern=bare, count_bounds=maps["count_bounds"], passive=frozenset(sets["passive"]),
        plural=frozenset(sets["plural"]),
        intransitive=frozenset(sets["intransitive"]), incident_pattern=phrase_pattern(sets["incident"]),
        place_followers=frozenset(sets["place_followers"]), not_place_words=frozenset(sets["not_place"]),
        place_modifiers=frozenset(sets["place_modifiers"]), name_heads=frozenset(sets["name_heads"]),
        later_pattern=phrase_pattern(sets["later_stage"]),
        outcome_pattern=phrase_pattern(sets["outcome"]), late_in_day=frozenset(sets["late_in_day"]),
        early_in_day=frozenset(sets["early_in_day"]),
        own_death_pattern=phrase_pattern(sets["own_death"]), attempts=frozenset(sets["attempt"]),
        doers=frozenset(n for n in doers if n in singular_nouns),
        several=frozenset(sets["several"]), incidents_pattern=phrase_pattern(sets["incidents"]),
        meant_pattern=phrase_pattern(sets["meant"]), means=frozenset(sets["means"]),
        deadly_pattern=phrase_pattern([f"{d} {i}" for d in sets["deadly"] for i in sets["incident"]]
                                      + [f"{i} {d}" for d in sets["deadly_after"] for i in sets["incident"]]),
    )


_NEVER = re.compile(r"(?!x)x")

