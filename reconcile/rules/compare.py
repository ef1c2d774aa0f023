"""The ``compare`` section of every language file, merged into ``CompareWords``: negation and its
exceptions, number words, opposites, word forms, change and update markers."""

from __future__ import annotations

from typing import Any

from ..errors import RulesError
from .patterns import phrase_pattern
from .words import CompareWords

__all__ = ["compare_words"]


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


def compare_words(docs: list[dict[str, Any]]) -> CompareWords:
    words: dict[str, set[str]] = {k: set() for k in (
        "function_words", "not_negations", "zero", "percent", "list_joins", "range_joins", "ordinal_suffixes",
        "update_markers", "compound_scales", "partitive", "totals", "guards", "negative_prefixes",
        "determiners", "change_markers", "past_markers", "turns", "deontic", "conditionals", "directives",
        "name_endings", "comparisons", "multiword", "elapsed_before", "time_units",
        "range_openers", "topic_prepositions",
    )}
    rise_words: list[str] = []
    scales: dict[str, float] = {}
    measures: dict[str, tuple[str, float]] = {}
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
        for unit, measure in (section.get("measures") or {}).items():
            if not (isinstance(measure, list) and len(measure) == 2 and isinstance(measure[1], (int, float))):
                raise RulesError(f"compare.measures.{unit}: expected [dimension, factor]")
            measures[str(unit).lower()] = (str(measure[0]), float(measure[1]))
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
        multiword=phrase_pattern(words["multiword"] | words["not_negations"]),
        directives=phrase_pattern(words["directives"]),
        change_markers=phrase_pattern(words["change_markers"]),
        past_markers=phrase_pattern(words["past_markers"]),
        turns=frozenset(words["turns"]),
        deontic=frozenset(words["deontic"]),
        conditionals=frozenset(words["conditionals"]),
        zero=phrase_pattern(words["zero"]),
        zero_phrases=frozenset(words["zero"]),
        scales=scales,
        measures=measures,
        vague=vague,
        vague_pattern=phrase_pattern(list(vague)),
        elapsed_before=frozenset(words["elapsed_before"]), time_units=frozenset(words["time_units"]),
        range_openers=frozenset(words["range_openers"]), topic_prepositions=frozenset(words["topic_prepositions"]),
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

