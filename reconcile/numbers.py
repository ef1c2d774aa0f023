"""A claim as a row of comparable units: words, and numbers read as the values they allow.

"More than 300 homes lost power" -> ``#`` (300 to infinity) ``homes`` ``lost`` ``power``. Numbers of any
kind are read: digits in either convention ("18,400", "3.118" in Spanish, "4.2"), number words
("Fifty-two", "veintiún"), scales ("1.2 billion", "3 mil 118", "$8.2m"), bounds ("at least",
"about"), vague magnitudes ("tens of thousands"), percentages, money, years, ordinals, nobody
("no one" is 0), lists ("aged 12 and 13") and ranges ("4 to 7"). Every unit keeps its offsets.
The words come from the ``compare`` section of ``rules/``; number words from number-parser.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from .facts import number_value
from .facts.numerals import NUMBER_LANGUAGES, number_words
from .memo import read_once
from .model import Claim, Unit
from .rules import Lexicon

__all__ = ["Unit", "number_units", "units"]

# a label with digits ("Q2", "COVID-19", "G7") is a word, not a figure; a dash between two numbers
# ("5-8%", "2 – 4") is a token of its own, a range's join
_TOKEN = re.compile(
    r"[^\W\d_]+-?\d+(?![.,]\d)[^\W_]*|\d+(?:[.,]\d+)*|(?<![\w.,])[.,]\d+(?![.,]?\d)"
    r"|(?<=\d)[-–](?=\d)|(?<=\d )[-–](?= \d)"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*|[$€£%]|[,;:.!?()]",
    re.UNICODE,
)
_BREAKS = frozenset(",;:.!?()")
_INF = float("inf")


class _Tok(NamedTuple):  # a tuple: made for every word of every claim the judge reads
    text: str
    start: int
    end: int


def _numeral(text: str, language: str) -> tuple[float, float] | None:
    """(value, half the step of its last digit) of digits as written in this language.

    >>> _numeral("18,400", "en"), _numeral("3.118", "es"), _numeral("4.2", "en"), _numeral("2,5", "es")
    ((18400.0, 0.5), (3118.0, 0.5), (4.2, 0.05), (2.5, 0.05))
    >>> _numeral(".41", "en")
    (0.41, 0.005)
    """
    if text.isdecimal():
        try:
            return float(text), 0.5
        except ValueError:  # digits of a script float() does not read
            return None
    if text[:1] == ("," if language == "es" else ".") and text[1:].isdecimal() and text[1:].isascii():
        return float(f"0.{text[1:]}"), 0.5 * 10 ** -(len(text) - 1)  # ".41": the leading zero left out
    if not text[:1].isdecimal():
        return None
    for sep_t, grouped, decimal in _DIGIT_READINGS["es" if language == "es" else "en"]:
        if grouped.fullmatch(text):
            return float(text.replace(sep_t, "")), 0.5
        m = decimal.fullmatch(text)
        if m:
            try:
                return float(f"{m.group(1)}.{m.group(2)}"), 0.5 * 10 ** -len(m.group(2))
            except ValueError:
                return None
    return None


def _readings(thousands: str, decimal: str) -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    """How digits with separators read: first with the language's own convention, then the other's."""
    return tuple(
        (sep_t, re.compile(rf"\d{{1,3}}(?:{re.escape(sep_t)}\d{{3}})+"), re.compile(rf"(\d+){re.escape(sep_d)}(\d+)"))
        for sep_t, sep_d in ((thousands, decimal), (decimal, thousands))
    )


_DIGIT_READINGS = {"en": _readings(",", "."), "es": _readings(".", ",")}


def _tokens(claim: Claim) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(claim.text):
        word = m.group()
        start = claim.start + m.start()
        low = word.lower()
        # "didn't" -> "did" "not": a negation is a word of its own
        if len(low) > 3 and (low.endswith("n't") or low.endswith("n’t")):
            out.append(_Tok(word[:-3], start, start + len(word) - 3))
            out.append(_Tok("not", start + len(word) - 3, start + len(word)))
            continue
        out.append(_Tok(word, start, start + len(word)))
    return out


def units(claim: Claim, lexicon: Lexicon) -> list[Unit]:
    """The claim's words and numbers, in order (punctuation marks only where a clause breaks). The
    numbers are those the claim carries (read when it was made); only the words between them are
    split here.

    >>> from reconcile.rules import load_rules
    >>> c = Claim("d1.c1", "d1", "More than 300 homes lost power.", 0, 31)
    >>> [(u.key, u.low) for u in units(c, load_rules().lexicon)][:2]
    [('#', 300.0), ('homes', 0.0)]
    """
    return list(read_once("units", claim, lexicon, lambda: tuple(_with_words(claim, lexicon))))


def number_units(claim: Claim, lexicon: Lexicon) -> tuple[Unit, ...]:
    """The claim's numbers, each read with its bound, sign, scale and what it counts or measures:
    what ``claims.extract`` reads once and the claim carries (``Claim.numbers``)."""
    return tuple(_read_numbers(claim, lexicon))


def _with_words(claim: Claim, lexicon: Lexicon) -> list[Unit]:
    """The claim's numbers with the words around them: a token inside a number is not a word."""
    numbers = claim.numbers if claim.numbers is not None else number_units(claim, lexicon)
    out: list[Unit] = []
    pending_break = False
    k, shown = 0, -1
    fixed = _fixed_expressions(claim, numbers, lexicon)
    inside = -1  # the end of the fixed expression being read
    for tok in _tokens(claim):
        while k < len(numbers) and numbers[k].end <= tok.start:
            k += 1
        if k < len(numbers) and numbers[k].start <= tok.start and tok.end <= numbers[k].end:
            if shown != k:
                out.append(numbers[k])
                shown, pending_break = k, False
            continue
        if tok.end <= inside:
            continue
        if tok.start in fixed:
            end = fixed[tok.start]
            text = claim.text[tok.start - claim.start : end - claim.start]
            out.append(Unit(_key(" ".join(text.split())), text, tok.start, end, after_break=pending_break))
            inside, pending_break = end, False
            continue
        if tok.text in _BREAKS:
            pending_break = True
            continue
        out.append(Unit(_key(tok.text), tok.text, tok.start, tok.end, after_break=pending_break))
        pending_break = False
    return out


def _key(text: str) -> str:
    """What a word is lined up on: lower case, one apostrophe ("Iran’s" and "Iran's" are one word)."""
    return text.lower().replace("’", "'")


def _fixed_expressions(claim: Claim, numbers: Sequence[Unit], lexicon: Lexicon) -> dict[int, int]:
    """Start -> end (document offsets) of each fixed expression of the lexicon in the claim ("sin
    embargo", "no doubt"): read as one word, so that no comparator reads its "sin" or its "no" alone.
    One that overlaps a number is left to the number."""
    out = {}
    for m in lexicon.compare.multiword.finditer(claim.text):
        start, end = claim.start + m.start(), claim.start + m.end()
        if not any(n.start < end and start < n.end for n in numbers):
            out[start] = end
    return out


def _read_numbers(claim: Claim, lexicon: Lexicon) -> list[Unit]:
    """The claim's numbers in order, each with ``after_break`` set as among all its units."""
    if not _may_hold_number(claim, lexicon):
        return []
    words = lexicon.compare
    joins = words.list_joins | words.range_joins
    language = claim.language
    toks = _tokens(claim)
    text, base = claim.text, claim.start
    out: list[Unit] = []
    i = 0
    pending_break = False
    while i < len(toks):
        tok = toks[i]
        if tok.text in _BREAKS:
            pending_break = True
            i += 1
            continue
        found = _number_at(toks, i, text, base, words, lexicon, language)
        if found is None:
            i += 1  # a word
        else:
            unit, after = found
            # "between 18 and 24": the joined numbers are a range's ends, not a list
            opened = i > 0 and toks[i - 1].text.lower() in words.range_openers
            i = max(after, i + 1)  # always move on
            # "aged 12 and 13", "4 to 7": one unit of several values, or of a range
            while i + 1 < len(toks) and toks[i].text.lower() in joins:
                nxt = _number_at(toks, i + 1, text, base, words, lexicon, language)
                if nxt is None:
                    break
                other, j = nxt
                if (other.key != unit.key and unit.key == "#" and toks[i].text.lower() in words.range_joins
                        and other.key not in ("#year", "#ord") and unit.nominal is not None and unit.high < _INF):
                    # "5-8%", "de 3 a 5%": the sign on the second end is the range's
                    unit = Unit(other.key, unit.text, unit.start, unit.end, unit.low, unit.high, nominal=unit.nominal)
                if other.key != unit.key:
                    break
                spanned, opened = opened, False
                if toks[i].text.lower() not in words.range_joins and (other.high == _INF or unit.high == _INF):
                    break  # "0.41, more than five times the limit": an open bound says it again, it lists nothing
                if toks[i].text.lower() in words.range_joins:
                    unit = Unit(unit.key, text[unit.start - base : other.end - base], unit.start, other.end,
                                min(unit.low, other.low), max(unit.high, other.high))
                else:
                    vals = (unit.values or ((unit.low + unit.high) / 2,)) + (
                        other.values or ((other.low + other.high) / 2,)
                    )
                    unit = Unit(unit.key, text[unit.start - base : other.end - base], unit.start, other.end,
                                min(unit.low, other.low), max(unit.high, other.high), vals, spanned=spanned)
                i = j
            out.append(replace(unit, after_break=pending_break))
        pending_break = False
    return out


def _number_at(  # noqa: C901 - one reading of a number, step by step
    toks: list[_Tok], i: int, text: str, base: int, words, lexicon: Lexicon, language: str  # type: ignore[no-untyped-def]
) -> tuple[Unit, int] | None:
    """The number starting at token ``i`` (with its bound, sign, scale and unit) and the index after it."""
    start_tok = toks[i]
    if not _may_open(start_tok.text, lexicon, language):
        return None
    pos = start_tok.start - base
    vague = words.vague_pattern.match(text, pos)
    if vague:
        low, high = words.vague[re.sub(r"\s+", " ", vague.group().lower())]
        j = i
        while j < len(toks) and toks[j].end - base <= vague.end():
            j += 1
        if j == i:
            return None  # the phrase ends inside a word: "zero-tolerance"
        return Unit("#", vague.group(), start_tok.start, base + vague.end(), low, high), j
    zero = words.zero.match(text, pos)
    if zero and not words.not_negations.match(text, pos):
        j = i
        while j < len(toks) and toks[j].end - base <= zero.end():
            j += 1
        if j == i:
            return None
        return Unit("#", zero.group(), start_tok.start, base + zero.end(), -0.5, 0.5, nominal=0.0), j
    bound = "exact"
    j = i
    bm = lexicon.counts.bound_pattern.match(text, pos)
    if bm:
        k = i
        while k < len(toks) and toks[k].end - base <= bm.end():
            k += 1
        if k == i:
            return None
        follows = k < len(toks) and (
            _value(toks[k].text, language) is not None or toks[k].text.lower() in words.currency_signs
        )
        if follows:
            bound = lexicon.counts.bounds[re.sub(r"\s+", " ", bm.group().lower())]
            j = k
        else:
            return None
    currency = None
    if j < len(toks) and toks[j].text.lower() in words.currency_signs:
        if j + 1 < len(toks) and _value(toks[j + 1].text, language) is not None:
            currency = words.currency_signs[toks[j].text.lower()]
            j += 1
        else:
            return None
    if j >= len(toks):
        return None
    tok = toks[j]
    low_word = tok.text.lower()
    if low_word in words.ordinals and j == i:
        v = float(words.ordinals[low_word])
        return Unit("#ord", tok.text, tok.start, tok.end, v - 0.5, v + 0.5, nominal=v), j + 1
    read = _value(tok.text, language)
    if read is None:
        return None
    value, step = read
    j += 1
    # "5th": an ordinal
    if (
        j < len(toks) and toks[j].start == tok.end and toks[j].text.lower() in words.ordinal_suffixes
        and tok.text.isdecimal()
    ):
        return Unit("#ord", text[start_tok.start - base : toks[j].end - base], start_tok.start, toks[j].end,
                    value - 0.5, value + 0.5, nominal=value), j + 1
    # "in their early 20s", "the 1990s": a decade, every year of it (not the figure 20)
    if (
        j < len(toks) and toks[j].start == tok.end and toks[j].text.lower() == "s" and tok.text.isdecimal()
        and value >= 10 and value % 10 == 0 and bound == "exact"
    ):
        return Unit("#year" if len(tok.text) == 4 else "#", text[start_tok.start - base : toks[j].end - base],
                    start_tok.start, toks[j].end, value - 0.5, value + 9.5), j + 1
    scaled = False
    if j < len(toks):
        two = f"{toks[j].text.lower()} {toks[j + 1].text.lower()}" if j + 1 < len(toks) else ""
        attached = toks[j].start == tok.end
        for phrase, width in ((two, 2), (toks[j].text.lower(), 1)):
            if phrase in words.scales and (len(phrase) > 2 or attached):
                factor = words.scales[phrase]
                value, step = value * factor, step * factor
                j += width
                scaled = True
                # "3 mil 118": what follows the scale adds to it
                if j < len(toks) and toks[j].text.isdecimal() and phrase in words.compound_scales:
                    rest = _value(toks[j].text, language)
                    if rest is not None and rest[0] < factor:
                        value, step = value + rest[0], 0.5
                        j += 1
                break
    key = "#"
    end = toks[j - 1].end
    if j < len(toks) and toks[j].text == "%":
        key, end, j = "#%", toks[j].end, j + 1
    elif j < len(toks) and (pm := words.percent.match(text, toks[j].start - base)):
        key, end = "#%", base + pm.end()
        while j < len(toks) and toks[j].end <= end:
            j += 1
    elif currency is None and j < len(toks) and toks[j].text.lower() in words.currency_words:
        currency = words.currency_words[toks[j].text.lower()]
        end, j = toks[j].end, j + 1
    elif (
        currency is None and scaled and j + 1 < len(toks) and toks[j].text.lower() in lexicon.counts.between
        and toks[j + 1].text.lower() in words.currency_words
    ):  # "5,2 millones de dólares", "millions of dollars"
        currency = words.currency_words[toks[j + 1].text.lower()]
        end, j = toks[j + 1].end, j + 2
    if currency is not None:
        key = f"#${currency}"
    elif key == "#" and not scaled and bound == "exact" and re.fullmatch(r"\d{4}", tok.text) and 1800 <= value <= 2100:
        key = "#year"
    low, high = _interval(value, step, bound)
    return Unit(key, text[start_tok.start - base : end - base], start_tok.start, end, low, high, nominal=value), j


#: by lexicon: the lexicon itself (held, so that its id is not reused) and its words that may open a number
_OPENERS: dict[int, tuple[Lexicon, frozenset[str]]] = {}
#: by lexicon and language: the lexicon and a pattern of every word a number may open with
_OPENING: dict[tuple[int, str], tuple[Lexicon, re.Pattern[str]]] = {}


def _openers(lexicon: Lexicon) -> frozenset[str]:
    """The first words of the lexicon's bounds ("more than"), vague magnitudes ("dozens of"), zeros
    ("no one"), currency signs and ordinals."""
    known = _OPENERS.get(id(lexicon))
    if known is None:
        words = lexicon.compare
        phrases = [*lexicon.counts.bounds, *words.vague, *words.zero_phrases, *words.currency_signs, *words.ordinals]
        known = _OPENERS[id(lexicon)] = (lexicon, frozenset(p.split()[0].lower() for p in phrases if p.split()))
    return known[1]


def _may_open(word: str, lexicon: Lexicon, language: str) -> bool:
    """Whether a number can start at this token: digits, a number word, an ordinal, a currency sign,
    or the first word of a bound ("more than"), a vague magnitude ("dozens of") or a zero ("no one").
    Most words are none of these; they are turned away before any pattern is tried."""
    if word[:1].isdecimal():
        return True
    return word.lower() in _openers(lexicon) or _value(word, language) is not None


def _may_hold_number(claim: Claim, lexicon: Lexicon) -> bool:
    """Whether any word of the claim may open a number (``_may_open``): a digit, a number word or an
    opener of the lexicon. It may say yes where there is none; never no where there is one, so a
    claim without any (most are) is not read token by token."""
    key = (id(lexicon), claim.language)
    found = _OPENING.get(key)
    if found is None:
        words = _openers(lexicon) | number_words(tuple(dict.fromkeys((claim.language, *NUMBER_LANGUAGES))))
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
        pattern = re.compile(rf"\d|(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)
        found = _OPENING[key] = (lexicon, pattern)
    return found[1].search(claim.text) is not None


@functools.lru_cache(maxsize=16384)
def _value(word: str, language: str) -> tuple[float, float] | None:
    numeral = _numeral(word, language)
    if numeral is not None:
        return numeral
    if word[:1].isdecimal():
        return None
    v = number_value(word, language)
    return (float(v), 0.5) if v is not None else None


def _interval(value: float, step: float, bound: str) -> tuple[float, float]:
    if bound == "at least":
        return value, _INF
    if bound == "at most":
        return 0.0, value
    if bound == "about":
        return value * 0.85 - step, value * 1.15 + step
    return value - step, value + step
