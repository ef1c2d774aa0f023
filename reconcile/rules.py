"""Load the YAML rules in ``rules/`` into typed, compiled objects, once.

Every language-specific word reconcile knows is in those files; this module only knows their shape.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import RulesError
from .rules_shape import check_shape, wrong_types_named, yaml_problem
from .stamp import folder_stamp

__all__ = ["CompareWords", "Lexicon", "Rules", "load_rules", "phrase_pattern"]

LANGUAGE_FILES = ("en.yaml", "es.yaml")
#: lexicons generated from a lexical resource, merged with the languages' own (each names its source)
GENERATED_FILES = ("en-antonyms.yaml", "en-forms.yaml")
#: PyYAML's C loader where it is built (same results as SafeLoader, several times faster)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def phrase_pattern(phrases: list[str] | set[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any phrase on word boundaries, longest first.

    >>> bool(phrase_pattern(["at least", "over"]).search("At least 7"))
    True
    >>> bool(phrase_pattern(["over"]).search("moreover"))
    False
    """
    ordered = sorted({p for p in phrases if p})
    if not ordered:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![\w'])(?:{_trie(ordered)})(?![\w'])", re.IGNORECASE)


_Node = dict[str, "_Node"]


def _trie(phrases: list[str]) -> str:
    """The phrases as one alternation factored by common prefix ("kill(?:ed|ing)?" for kill, killed,
    killing). It matches what the plain longest-first alternation of the phrases matches, several
    times faster: the engine no longer tries every phrase at every position. A space matches any
    run of white space."""
    root: _Node = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def emit(node: _Node) -> str:
        parts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in sorted(node) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer phrase is tried first

    return emit(root)


@dataclass(frozen=True)
class CompareWords:
    """The words the fact-by-fact comparison of two claims needs (the ``compare`` section), merged."""

    function_words: frozenset[str] = frozenset()
    not_negations: re.Pattern[str] = re.compile(r"(?!x)x")
    #: directives: a denial inside one states no fact ("urged residents not to travel", "don't be")
    directives: re.Pattern[str] = re.compile(r"(?!x)x")
    #: a denial of something that has stopped: "anymore", "no longer", "ya no"
    change_markers: re.Pattern[str] = re.compile(r"(?!x)x")
    #: words that turn a sentence to another fact without a comma ("improving while we anticipate")
    turns: frozenset[str] = frozenset()
    #: words that put what follows them in the past ("were once eaten", "from being revered")
    past_markers: re.Pattern[str] = re.compile(r"(?!x)x")
    #: words of advice or duty: a denial under them states no fact ("should not", "no debe")
    deontic: frozenset[str] = frozenset()
    #: words of condition: a denial under them states no fact ("if people are not aware", "si no hay")
    conditionals: frozenset[str] = frozenset()
    zero: re.Pattern[str] = re.compile(r"(?!x)x")
    #: the phrases ``zero`` matches
    zero_phrases: frozenset[str] = frozenset()
    scales: dict[str, float] = field(default_factory=dict)
    vague: dict[str, tuple[float, float]] = field(default_factory=dict)
    vague_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    percent: re.Pattern[str] = re.compile(r"(?!x)x")
    currency_signs: dict[str, str] = field(default_factory=dict)
    currency_words: dict[str, str] = field(default_factory=dict)
    list_joins: frozenset[str] = frozenset()
    range_joins: frozenset[str] = frozenset()
    ordinals: dict[str, int] = field(default_factory=dict)
    ordinal_suffixes: frozenset[str] = frozenset()
    compound_scales: frozenset[str] = frozenset()
    partitive: re.Pattern[str] = re.compile(r"(?!x)x")
    totals: re.Pattern[str] = re.compile(r"(?!x)x")
    guards: re.Pattern[str] = re.compile(r"(?!x)x")
    negative_prefixes: frozenset[str] = frozenset()
    #: articles and the like, which may stand between a predicate and the phrase it takes
    determiners: frozenset[str] = frozenset()
    update_markers: re.Pattern[str] = re.compile(r"(?!x)x")
    #: word -> the ids of the opposite groups it belongs to, as (pair index, side)
    opposites: dict[str, frozenset[tuple[int, int]]] = field(default_factory=dict)
    #: an irregular form -> its base forms ("drew" -> draw, "found" -> find): two words the
    #: shared-beginning test cannot tell are one ("drew" / "drawing")
    word_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    #: a word that denies what follows it -> the words that must come right after it for that
    #: ("failed" -> {"to"}; "" when none must: "lacks")
    negative_predicates: dict[str, frozenset[str]] = field(default_factory=dict)
    #: a word that, right before a figure, is a change word of the opposites: "up 17%" -> rose
    directions: dict[str, str] = field(default_factory=dict)
    #: endings a name takes without being another name ("Hope's", "CNNs"), longest first
    name_endings: tuple[str, ...] = ()
    #: the words between a figure and the earlier one it is compared with ("versus", "compared to"),
    #: each as its words
    comparisons: tuple[tuple[str, ...], ...] = ()
    #: the change words of a rise and of a fall: the two sides of the opposites groups of ``rise``
    rises: frozenset[str] = frozenset()
    falls: frozenset[str] = frozenset()


def _pairs(lines: list[Any]) -> list[list[list[str]]]:
    """``opposite_pairs``, one pair of single words per string ("able / unable"), as ``opposites``
    groups: a long generated list parses ten times faster so than as nested lists."""
    out = []
    for line in lines:
        sides = [w.strip() for w in str(line).split(" / ")]
        if len(sides) != 2 or not all(sides):
            raise RulesError(f"compare.opposite_pairs: expected 'word / word', got {line!r}")
        out.append([[sides[0]], [sides[1]]])
    return out


def _forms(lines: list[Any]) -> dict[str, set[str]]:
    """``word_forms``, one "form base" string per entry ("drew draw")."""
    out: dict[str, set[str]] = {}
    for line in lines:
        words = str(line).lower().split()
        if len(words) != 2:
            raise RulesError(f"compare.word_forms: expected 'form base', got {line!r}")
        out.setdefault(words[0], set()).add(words[1])
    return out


def _compare_words(docs: list[dict[str, Any]]) -> CompareWords:
    words: dict[str, set[str]] = {k: set() for k in (
        "function_words", "not_negations", "zero", "percent", "list_joins", "range_joins", "ordinal_suffixes",
        "update_markers", "compound_scales", "partitive", "totals", "guards", "negative_prefixes",
        "determiners", "change_markers", "past_markers", "turns", "deontic", "conditionals", "directives",
        "name_endings", "comparisons",
    )}
    rise_words: list[str] = []
    scales: dict[str, float] = {}
    vague: dict[str, tuple[float, float]] = {}
    signs: dict[str, str] = {}
    currency: dict[str, str] = {}
    ordinals: dict[str, int] = {}
    opposites: dict[str, set[tuple[int, int]]] = {}
    forms: dict[str, set[str]] = {}
    negative: dict[str, set[str]] = {}
    directions: dict[str, str] = {}
    pair = 0
    for d in docs:
        section = d.get("compare") or {}
        rise = section.get("rise") or []
        rise_words += [str(w).lower() for w in ([rise] if isinstance(rise, str) else rise)]
        for form, bases in _forms(section.get("word_forms") or []).items():
            forms.setdefault(form, set()).update(bases)
        directions.update({str(k).lower(): str(v).lower() for k, v in (section.get("directions") or {}).items()})
        for phrase in section.get("negative_predicates") or []:
            words_of = str(phrase).lower().split()
            if not 1 <= len(words_of) <= 2:
                raise RulesError(f"compare.negative_predicates: expected 'word' or 'word link', got {phrase!r}")
            negative.setdefault(words_of[0], set()).add(words_of[1] if len(words_of) == 2 else "")
        for key in words:
            words[key].update(str(w).lower() for w in section.get(key) or [])
        scales.update({str(k).lower(): float(v) for k, v in (section.get("scales") or {}).items()})
        for phrase, bounds in (section.get("vague") or {}).items():
            if not (isinstance(bounds, list) and len(bounds) == 2):
                raise RulesError(f"compare.vague.{phrase}: expected [low, high]")
            vague[str(phrase).lower()] = (float(bounds[0]), float(bounds[1]))
        signs.update({str(k).lower(): str(v) for k, v in (section.get("currency_signs") or {}).items()})
        currency.update({str(k).lower(): str(v) for k, v in (section.get("currency_words") or {}).items()})
        ordinals.update({str(k).lower(): int(v) for k, v in (section.get("ordinals") or {}).items()})
        for groups in [*(section.get("opposites") or []), *_pairs(section.get("opposite_pairs") or [])]:
            if not (isinstance(groups, list) and len(groups) == 2):
                raise RulesError(f"compare.opposites: expected two groups of words, got {groups!r}")
            for side, group in enumerate(groups):
                for w in group:
                    opposites.setdefault(str(w).lower(), set()).add((pair, side))
            pair += 1
    rises: set[str] = set()
    falls: set[str] = set()
    for word in rise_words:
        if word not in opposites:
            raise RulesError(f"compare.rise: {word!r} is in no group of compare.opposites")
        pair_side = min(opposites[word])
        rises.update(w for w, ids in opposites.items() if pair_side in ids)
        falls.update(w for w, ids in opposites.items() if (pair_side[0], 1 - pair_side[1]) in ids)
    return CompareWords(
        function_words=frozenset(words["function_words"]),
        not_negations=phrase_pattern(words["not_negations"]),
        directives=phrase_pattern(words["directives"]),
        change_markers=phrase_pattern(words["change_markers"]),
        past_markers=phrase_pattern(words["past_markers"]),
        turns=frozenset(words["turns"]),
        deontic=frozenset(words["deontic"]),
        conditionals=frozenset(words["conditionals"]),
        zero=phrase_pattern(words["zero"]),
        zero_phrases=frozenset(words["zero"]),
        scales=scales,
        vague=vague,
        vague_pattern=phrase_pattern(list(vague)),
        percent=phrase_pattern(words["percent"] - {"%"}),
        currency_signs=signs,
        currency_words=currency,
        list_joins=frozenset(words["list_joins"]),
        range_joins=frozenset(words["range_joins"]),
        ordinals=ordinals,
        ordinal_suffixes=frozenset(words["ordinal_suffixes"]),
        compound_scales=frozenset(words["compound_scales"]),
        partitive=phrase_pattern(words["partitive"]),
        totals=phrase_pattern(words["totals"]),
        guards=phrase_pattern(words["guards"]),
        negative_prefixes=frozenset(words["negative_prefixes"]),
        determiners=frozenset(words["determiners"]),
        update_markers=phrase_pattern(words["update_markers"]),
        opposites={w: frozenset(ids) for w, ids in opposites.items()},
        word_forms={w: frozenset(b) for w, b in forms.items()},
        negative_predicates={w: frozenset(links) for w, links in negative.items()},
        directions=directions,
        name_endings=tuple(sorted(words["name_endings"], key=lambda e: (-len(e), e))),
        comparisons=tuple(sorted((tuple(c.split()) for c in words["comparisons"]), key=lambda c: (-len(c), c))),
        rises=frozenset(rises),
        falls=frozenset(falls),
    )


@dataclass(frozen=True)
class Lexicon:
    """The words of every loaded language, merged: mixed-language articles need them all at once."""

    languages: tuple[str, ...]
    bounds: dict[str, str]
    anaphora: frozenset[str]
    between: frozenset[str]
    subset: frozenset[str]
    objects: frozenset[str]
    nouns: dict[str, str]
    generic: frozenset[str]
    events: dict[str, str]
    hypothetical: re.Pattern[str]
    scope: re.Pattern[str]
    update: re.Pattern[str]
    negation: re.Pattern[str]
    attribution_verbs: frozenset[str]
    according_to: re.Pattern[str]
    that: frozenset[str]
    not_speakers: frozenset[str]
    pronouns: frozenset[str]
    quote_tail_verbs: frozenset[str]
    passive: frozenset[str]
    #: an attribution verb right after these is in a relative clause: "the company, which posted ..."
    relative_pronouns: frozenset[str]
    speaker_trailing: re.Pattern[str]
    speaker_stop: re.Pattern[str]
    adverbial_leads: frozenset[str]
    adjuncts: frozenset[str]
    recipient_verbs: frozenset[str]
    name_joiners: frozenset[str]
    auxiliaries: frozenset[str]
    titles: frozenset[str]
    before_number: frozenset[str]
    hyphen_prefixes: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    breaks: tuple[str, ...]
    dashes: tuple[str, ...]
    gerund: re.Pattern[str]
    gerund_leads: tuple[str, ...]
    not_gerunds: frozenset[str]
    coordination: tuple[str, ...]
    locative: frozenset[str]
    bound_pattern: re.Pattern[str]
    noun_pattern: re.Pattern[str]
    event_pattern: re.Pattern[str]
    verb_pattern: re.Pattern[str]
    compare: CompareWords = field(default_factory=CompareWords)
    #: between a number and an event with no noun between: "Five (were) wounded"
    elliptic_aux: frozenset[str] = frozenset()
    #: "other", "others": a count set apart from an earlier one of the sentence
    contrast: frozenset[str] = frozenset()
    #: an event counting others together: {"shot": ("killed", "injured")}
    event_sums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: day and month names of languages that write them in lower case ("el jueves", "17 de mayo")
    lowercase_dates: frozenset[str] = frozenset()
    #: words that multiply the number before them: "2,5 millones", "5 mil 942", "four thousand"
    scales: dict[str, int] = field(default_factory=dict)
    #: per language, the separators that group thousands ("3,118"; "3.118" in Spanish too)
    thousands: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: next to a weekday, these mean the one before today's ("el pasado viernes", "last Friday")
    date_past: frozenset[str] = frozenset()
    #: ... and these the one after ("el próximo lunes", "next Monday")
    date_next: frozenset[str] = frozenset()
    #: a line that starts with one of these is a quotation up to the next one ("—Es un día triste —dijo.")
    dialogue_dashes: tuple[str, ...] = ()
    #: a figure these name, given straight after an update ("the death toll rose to 5"), counts people
    toll_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: a name as written -> the region it names ("Ala." -> "alabama"); "" for a name that only contains one
    regions: dict[str, str] = field(default_factory=dict)
    #: any name of ``regions``, as written (case-sensitive), longest first
    region_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: before the place an article's lead says it happened ("a shooting in Beech Grove"), lowercased
    event_places: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rules:
    """Everything read from ``rules/``: furniture patterns, date formats, tweets, the lexicon."""

    paragraph_furniture: tuple[re.Pattern[str], ...]
    sentence_furniture: tuple[re.Pattern[str], ...]
    inline_furniture: tuple[re.Pattern[str], ...]
    header: tuple[re.Pattern[str], ...]
    document_date: tuple[re.Pattern[str], ...]
    tweet_trailer: re.Pattern[str]
    lexicon: Lexicon
    version: str
    source: str


def _read(folder: Any, name: str) -> dict[str, Any]:
    try:
        text = (folder / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(f"{name}: missing from the rules folder {folder}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{folder / name}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        data = yaml.load(text, Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        raise RulesError(f"{folder / name}: not valid YAML{yaml_problem(exc)}") from None
    if not isinstance(data, dict):
        raise RulesError(f"{name}: expected a mapping at the top level")
    if isinstance(folder, Path):  # a folder of one's own (--rules): shaped like the shipped one?
        check_shape(folder / name, data)
    return data


def _compile(name: str, patterns: list[str] | None, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns or []:
        try:
            out.append(re.compile(p, flags))
        except re.error as exc:
            raise RulesError(f"{name}: bad pattern {p!r}: {exc}") from None
    return tuple(out)


def _negation_pattern(words: set[str]) -> re.Pattern[str]:
    """Negation words, plus contracted "n't" (also with a curly apostrophe) where listed."""
    pattern = phrase_pattern(words - {"n't"}).pattern
    if "n't" in words:
        pattern += r"|n[’']t\b"
    return re.compile(pattern, re.IGNORECASE)


def _check_words(name: str, data: Any) -> None:
    """YAML reads a bare on/off/yes/no as a boolean: say so instead of silently losing the word."""
    if isinstance(data, bool):
        raise RulesError(f"{name}: a word was read as {data}; quote on/off/yes/no, e.g. \"on\"")
    if isinstance(data, dict):
        for value in data.values():
            _check_words(name, value)
    elif isinstance(data, list):
        for value in data:
            _check_words(name, value)


def _regions(docs: list[dict[str, Any]]) -> dict[str, str]:
    """Each name of a region, as written, -> the region; the names of ``not_regions`` -> ""."""
    names: dict[str, str] = {}
    for d in docs:
        for region, written in (d.get("regions") or {}).items():
            names.update({str(w): str(region).lower() for w in written or []})
        names.update({str(w): "" for w in d.get("not_regions") or []})
    return names


def region_pattern(names: dict[str, str] | list[str]) -> re.Pattern[str]:
    """A case-sensitive pattern of the names, longest first, not inside a word or after a dot ("Ala." ends one).

    >>> [m.group(0) for m in region_pattern(["Ala.", "Kansas", "Kansas City"]).finditer("Kansas City, Ala. Kansasx")]
    ['Kansas City', 'Ala.']
    """
    ordered = sorted(names, key=lambda n: (-len(n), n))
    if not ordered:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])")


def _merge_lexicon(docs: list[dict[str, Any]]) -> Lexicon:
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
        bounds=bounds,
        anaphora=frozenset(lists["anaphora"]),
        between=frozenset(lists["between"]),
        subset=frozenset(lists["subset"]),
        objects=frozenset(lists["objects"]),
        nouns=nouns,
        generic=frozenset(lists["generic"]),
        events=events,
        hypothetical=phrase_pattern(lists["hypothetical"]),
        scope=phrase_pattern(lists["scope"]),
        update=phrase_pattern(lists["update"]),
        negation=_negation_pattern(lists["negation"]),
        attribution_verbs=frozenset(lists["verbs"]),
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
        auxiliaries=frozenset(lists["auxiliaries"]),
        titles=frozenset(lists["titles"]),
        before_number=frozenset(lists["before_number"]),
        hyphen_prefixes=frozenset(lists["hyphen_prefixes"]),
        months=months,
        weekdays=weekdays,
        relative_days=relative,
        breaks=uniq(breaks),
        dashes=uniq(dashes),
        gerund=re.compile("(?:" + "|".join(gerunds or ["(?!x)x"]) + r")\b", re.IGNORECASE),
        gerund_leads=uniq(sorted(leads, key=len, reverse=True)),
        not_gerunds=frozenset(lists["not_gerunds"]),
        coordination=uniq(sorted(coordination, key=len, reverse=True)),
        locative=frozenset(lists["locative"]),
        bound_pattern=phrase_pattern(list(bounds)),
        noun_pattern=phrase_pattern(list(nouns)),
        event_pattern=phrase_pattern(list(events)),
        verb_pattern=phrase_pattern(lists["verbs"]),
        compare=_compare_words(docs),
        elliptic_aux=frozenset(str(w).lower() for d in docs for w in d.get("elliptic_aux") or []),
        contrast=frozenset(str(w).lower() for d in docs for w in d.get("contrast") or []),
        lowercase_dates=frozenset(
            str(w).lower() for d in docs if d.get("date_words_case") == "lower"
            for w in [*(d.get("months") or {}), *(d.get("weekdays") or {})]
        ),
        event_sums={str(k): tuple(str(e) for e in v) for d in docs for k, v in (d.get("event_sums") or {}).items()},
        scales=scales,
        thousands=thousands,
        date_past=frozenset(date_past),
        date_next=frozenset(date_next),
        dialogue_dashes=uniq(dialogue),
        toll_pattern=phrase_pattern(tolls),
        regions=_regions(docs),
        region_pattern=region_pattern(_regions(docs)),
        event_places=frozenset(str(w).lower() for d in docs for w in d.get("event_places") or []),
    )


@functools.lru_cache(maxsize=8)
@wrong_types_named
def load_rules(folder: str | None = None) -> Rules:
    """Read and compile the rules in ``folder`` (default: the ones shipped with reconcile)."""
    base: Any = Path(folder) if folder else resources.files("reconcile_rules")
    if folder and not Path(folder).is_dir():
        raise RulesError(f"{folder}: not a rules folder (expected a directory of YAML files)")
    furniture = _read(base, "furniture.yaml")
    dates = _read(base, "dates.yaml")
    tweets = _read(base, "tweets.yaml")
    # a generated lexicon is optional: a rules folder of one's own may leave it out
    generated = [_read(base, name) if (base / name).is_file() else {} for name in GENERATED_FILES]
    languages = [*(_read(base, name) for name in LANGUAGE_FILES), *generated]
    for name, data in zip((*LANGUAGE_FILES, *GENERATED_FILES), languages, strict=True):
        _check_words(name, data)
    try:
        trailer = re.compile(tweets["trailer"])
    except (KeyError, re.error) as exc:
        raise RulesError(f"tweets.yaml: needs a valid `trailer` pattern ({exc})") from None
    version = folder_stamp(base)  # every file of the folder in use, not only the ones named above
    return Rules(
        paragraph_furniture=_compile("furniture.yaml", furniture.get("paragraphs")),
        sentence_furniture=_compile("furniture.yaml", furniture.get("sentences")),
        inline_furniture=_compile("furniture.yaml", furniture.get("inline")),
        header=_compile("furniture.yaml", furniture.get("header")),
        document_date=_compile("dates.yaml", dates.get("document_date"), re.IGNORECASE | re.MULTILINE),
        tweet_trailer=trailer,
        lexicon=_merge_lexicon(languages),
        version=version,
        source=str(base),
    )
