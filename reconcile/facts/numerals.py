"""Numbers as written in words and digits, in English and Spanish: "eight", "dos", "veintiún",
"18,400", "3.118", "2,5 millones"; words and numbers of a text as tokens with their offsets."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..model import Span
from ..rules import Lexicon

__all__ = ["NUMBER_LANGUAGES", "Token", "is_year", "number_value", "number_words", "read_number", "tokens"]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


class Token(NamedTuple):
    """A word or a number with its offsets (a tuple: one is made for every word read)."""

    text: str
    start: int
    end: int


def tokens(text: str, span: Span) -> list[Token]:
    """Words and numbers inside ``span``.

    >>> [t.text for t in tokens("At least 7 officers.", Span(0, 20))]
    ['At', 'least', '7', 'officers']
    """
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, span.start, span.end)]


NUMBER_LANGUAGES = ("en", "es")


@functools.lru_cache(maxsize=8)
def number_words(languages: tuple[str, ...]) -> frozenset[str]:
    """Every word number-parser knows as (part of) a number in these languages."""
    import importlib

    words: set[str] = set()
    for lang in languages:
        try:
            info = importlib.import_module(f"number_parser.data.{lang}").info
        except ImportError:
            continue
        for table in info.values():
            if isinstance(table, dict):
                words.update(k.lower() for k in table)
    return frozenset(words)


@functools.lru_cache(maxsize=8192)
def number_value(word: str, language: str = "en") -> int | None:
    """The integer a token stands for, or None.

    >>> number_value("eight"), number_value("dos", "es"), number_value("12"), number_value("a")
    (8, 2, 12, None)
    >>> number_value("twenty-one"), number_value("veintiún", "es")
    (21, 21)
    """
    if word.isdecimal():  # "12", "١٢"; not "¹" or "½", which isdigit() would let through to int()
        return int(word) if len(word) <= 18 else None
    languages = tuple(dict.fromkeys((language, *NUMBER_LANGUAGES)))
    vocabulary = number_words(languages)
    # number-parser is slow per call: ask it only about words made of number words
    if not all(part in vocabulary for part in word.lower().split("-")):
        return None
    from number_parser import parse_number

    for lang in languages:
        try:
            value = parse_number(word.lower(), language=lang)
        except Exception:  # number-parser raises on odd input; that just means "not a number"
            value = None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


_GROUPED = re.compile(r"(\d{1,3})((?:([.,])\d{3})(?:\3\d{3})*)")


_DECIMAL = re.compile(r"(\d+)[.,](\d+)")


def _digits(word: str, thousands: tuple[str, ...]) -> float | None:
    """The value of a numeral in the language's notation: "3,118" and "3.118" (Spanish) are 3118, "2,5" is 2.5.

    A separator followed by groups of exactly three digits groups thousands where the language
    allows it; any other separator is the decimal point.

    >>> _digits("3.118", (".", ",")), _digits("3.118", (",",)), _digits("2,5", (".", ",")), _digits("4,000", (",",))
    (3118.0, 3.118, 2.5, 4000.0)
    """
    if word.isdecimal():
        return float(word)
    if not word[:1].isdecimal():
        return None
    m = _GROUPED.fullmatch(word)
    if m and m.group(3) in thousands:
        return float(word.replace(m.group(3), ""))
    m = _DECIMAL.fullmatch(word)
    if m:
        return float(f"{m.group(1)}.{m.group(2)}")
    return None


def read_number(toks: list[Token], i: int, lexicon: Lexicon, language: str = "en") -> tuple[float, int] | None:
    """The number that starts at ``toks[i]`` and the index of the token after it, or None.

    Numerals in the language's notation, number words, and scale words after them: "5 mil 942",
    "2,5 millones", "four thousand", "dos mil".

    >>> from reconcile.rules import load_rules
    >>> lex = load_rules().lexicon
    >>> def number(text, language="es"):
    ...     found = read_number(tokens(text, Span(0, len(text))), 0, lex, language)
    ...     return found and found[0]
    >>> number("5 mil 942 casos"), number("3.118 muertos"), number("2,5 millones"), number("four thousand", "en")
    (5942.0, 3118.0, 2500000.0, 4000.0)
    """
    tok = toks[i]
    value = _digits(tok.text, lexicon.counts.thousands.get(language, (",",)))
    if value is None:
        if tok.text.lower() in lexicon.counts.scales:
            return None  # "mil" alone, "million" alone: not a number here
        word = number_value(tok.text, language)
        if word is None:
            return None
        value = float(word)
    j = i + 1
    while j < len(toks) and toks[j].text.lower() in lexicon.counts.scales and toks[j].start - toks[j - 1].end <= 1:
        scale = lexicon.counts.scales[toks[j].text.lower()]
        value *= scale
        j += 1
        # "5 mil 942": a smaller numeral straight after the scale adds to it
        nxt = toks[j] if j < len(toks) else None
        if nxt is not None and nxt.text.isdecimal() and int(nxt.text) < scale and nxt.start - toks[j - 1].end <= 1:
            value += int(toks[j].text)
            j += 1
    return value, j


def is_year(tok: Token, text: str) -> bool:
    return tok.text.isdecimal() and len(tok.text) == 4 and 1800 <= int(tok.text) <= 2100

