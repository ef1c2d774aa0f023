"""The language files (``en.yaml``, ``es.yaml``, the generated lexicons) merged into one ``Lexicon``
of word groups."""

from __future__ import annotations

import re
from typing import Any

from .compare import compare_words
from .patterns import negation_pattern, phrase_pattern, region_pattern
from .words import CountWords, DateWords, Lexicon, PlaceWords, SentenceWords, SpeakerWords

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
    lists: dict[str, set[str]] = {
        k: set()
        for k in (
            "anaphora", "between", "subset", "objects", "generic", "hypothetical", "scope", "update", "negation",
            "verbs", "according_to", "that", "not_speakers", "locative", "pronouns",
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
        for key in (
            "anaphora", "between", "subset", "objects", "generic", "hypothetical", "scope", "update", "negation",
            "locative",
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
            events=events,
            event_pattern=phrase_pattern(list(events)),
            hypothetical=phrase_pattern(lists["hypothetical"]),
            scope=phrase_pattern(lists["scope"]),
            update=phrase_pattern(lists["update"]),
            negation=negation_pattern(lists["negation"]),
            toll_pattern=phrase_pattern(tolls),
            elliptic_aux=frozenset(str(w).lower() for d in docs for w in d.get("elliptic_aux") or []),
            contrast=frozenset(str(w).lower() for d in docs for w in d.get("contrast") or []),
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
        ),
        compare=compare_words(docs),
    )
