"""Word lists -> compiled patterns: phrases on word boundaries (factored as a trie), negation
words with "n't", region names, and streets."""

from __future__ import annotations

import re

__all__ = ["alternatives", "negation_pattern", "phrase_pattern", "region_pattern", "street_pattern"]


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


def alternatives(words: set[str] | frozenset[str] | tuple[str, ...] | list[str]) -> str:
    """Words as one alternation to set inside a larger pattern, longest first, a space matching any
    white space; "" for none.

    >>> print(alternatives(["at least", "at"]))
    at\\s+least|at
    """
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


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


def negation_pattern(words: set[str]) -> re.Pattern[str]:
    """Negation words, plus contracted "n't" (also with a curly apostrophe) where listed."""
    pattern = phrase_pattern(words - {"n't"}).pattern
    if "n't" in words:
        pattern += r"|n[’']t\b"
    return re.compile(pattern, re.IGNORECASE)


def region_pattern(names: dict[str, str] | list[str]) -> re.Pattern[str]:
    """A case-sensitive pattern of the names, longest first, not inside a word or after a dot ("Ala." ends one).

    >>> [m.group(0) for m in region_pattern(["Ala.", "Kansas", "Kansas City"]).finditer("Kansas City, Ala. Kansasx")]
    ['Kansas City', 'Ala.']
    """
    ordered = sorted(names, key=lambda n: (-len(n), n))
    if not ordered:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])")


#: a compass word before a street's name, left out of the street ("N. Elm Street" is "elm st")
_COMPASS = r"(?:(?:[NSEW]\.?|North|South|East|West)\s+)?"
#: one word of a street's name: capitalised, or an ordinal ("22nd")
_STREET_WORD = r"(?:\d+(?:st|nd|rd|th)|[A-Z][\w'’.-]*)"


def street_pattern(before: list[str] | set[str], kinds: dict[str, str]) -> re.Pattern[str]:
    """A street named after one of ``before`` ("block of") and ending in one of ``kinds`` (Street, Ave):
    group ``name`` (one to three words, a compass word before them left out) and group ``kind``.

    >>> m = street_pattern(["block of"], {"street": "st"}).search("in the 3700 block of North Elm Street.")
    >>> m.group("name"), m.group("kind")
    ('Elm', 'Street')
    """
    if not before or not kinds:
        return re.compile(r"(?!x)x")
    lead = phrase_pattern(list(before)).pattern
    ends = "|".join(re.escape(k) for k in sorted(kinds, key=lambda k: (-len(k), k)))
    return re.compile(
        rf"{lead}\s+{_COMPASS}(?P<name>{_STREET_WORD}(?:\s+{_STREET_WORD}){{0,2}}?)\s+(?P<kind>(?i:{ends}))\b\.?"
    )
