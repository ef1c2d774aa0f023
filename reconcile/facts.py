"""Claim -> typed slots: counts (value, bound, counted noun, its class, the event), dates, names, negation.

Number words go through number-parser ("eight", "dos", "veintiún"); every other word comes from
the lexicon in ``rules/``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .model import Bound, DateMention, Entity, Facts, Quantity, Span
from .rules import Lexicon

__all__ = ["Count", "Token", "find_counts", "latest_year", "number_value", "read", "read_number", "tokens"]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_BOUND_NAMES: dict[str, Bound] = {"at least": "at_least", "at most": "at_most", "about": "about"}
#: a count this large is a year, a sum or an address, not people
MAX_COUNT = 100_000


class Token(NamedTuple):
    """A word or a number with its offsets (a tuple: one is made for every word read)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Count:
    """A number and the participants it counts, before an event is attached."""

    value: int
    bound: Bound
    noun: str
    cls: str
    start: int
    end: int
    partial: bool = False


def tokens(text: str, span: Span) -> list[Token]:
    """Words and numbers inside ``span``.

    >>> [t.text for t in tokens("At least 7 officers.", Span(0, 20))]
    ['At', 'least', '7', 'officers']
    """
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, span.start, span.end)]


NUMBER_LANGUAGES = ("en", "es")


@functools.lru_cache(maxsize=8)
def _number_words(languages: tuple[str, ...]) -> frozenset[str]:
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
    vocabulary = _number_words(languages)
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
    value = _digits(tok.text, lexicon.thousands.get(language, (",",)))
    if value is None:
        if tok.text.lower() in lexicon.scales:
            return None  # "mil" alone, "million" alone: not a number here
        word = number_value(tok.text, language)
        if word is None:
            return None
        value = float(word)
    j = i + 1
    while j < len(toks) and toks[j].text.lower() in lexicon.scales and toks[j].start - toks[j - 1].end <= 1:
        scale = lexicon.scales[toks[j].text.lower()]
        value *= scale
        j += 1
        # "5 mil 942": a smaller numeral straight after the scale adds to it
        nxt = toks[j] if j < len(toks) else None
        if nxt is not None and nxt.text.isdecimal() and int(nxt.text) < scale and nxt.start - toks[j - 1].end <= 1:
            value += int(toks[j].text)
            j += 1
    return value, j


def _is_year(tok: Token, text: str) -> bool:
    return tok.text.isdecimal() and len(tok.text) == 4 and 1800 <= int(tok.text) <= 2100


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def latest_year(text: str) -> int | None:
    """The latest plausible year a text mentions, or None.

    >>> latest_year("In 1982 and again in 2016, police said.")
    2016
    """
    years = [int(m) for m in _YEAR.findall(text)]
    return max(years) if years else None


def _bound_before(text: str, start: int, lexicon: Lexicon) -> tuple[Bound, int]:
    window_start = max(0, start - 30)
    best: tuple[Bound, int] = ("exact", start)
    for m in lexicon.bound_pattern.finditer(text, window_start, start):
        if text[m.end() : start].strip() == "":
            name = lexicon.bounds[re.sub(r"\s+", " ", m.group().lower())]
            best = (_BOUND_NAMES.get(name, "exact"), m.start())
    return best


def find_counts(text: str, span: Span, lexicon: Lexicon, language: str = "en") -> list[Count]:
    """Every "number + counted noun" in ``span``, anaphora ("three others") resolved in order.

    >>> from reconcile.rules import load_rules
    >>> lex = load_rules().lexicon
    >>> s = "eight gunmen died and three others were injured"
    >>> [(c.value, c.noun, c.cls) for c in find_counts(s, Span(0, len(s)), lex)]
    [(8, 'gunmen', 'attackers'), (3, 'others', 'attackers')]
    """
    toks = tokens(text, span)
    counts: list[Count] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        number = read_number(toks, i, lexicon, language)
        if number is None or _is_year(tok, text) or not number[0].is_integer() or not 0 <= number[0] <= MAX_COUNT:
            i += 1
            continue
        value = int(number[0])
        # the counted noun: a lexicon noun (or anaphor) within a few words after the number
        found: tuple[str, str, int] | None = None
        j, skipped, partial = number[1], 0, False
        while j < len(toks) and skipped <= 3:
            word = toks[j].text.lower()
            if text[toks[j - 1].end : toks[j].start].strip(" \u00a0") not in ("",):
                break  # punctuation between: the noun phrase ended
            two = f"{word} {toks[j + 1].text.lower()}" if j + 1 < len(toks) else ""
            if two in lexicon.nouns:
                found = (two, lexicon.nouns[two], toks[j + 1].end)
                j += 1
                break
            if word in lexicon.nouns:
                found = (word, lexicon.nouns[word], toks[j].end)
                break
            if word in lexicon.anaphora and counts:
                prev = counts[-1]
                found = (word, prev.cls, toks[j].end)
                # "three others" after "two people": others of whom is unclear for an open class
                partial = partial or prev.cls in lexicon.generic
                break
            if number_value(toks[j].text, language) is not None:
                break
            partial = partial or word in lexicon.subset or toks[j].text[:1].isupper()
            skipped += 1
            j += 1
        lead = toks[i - 1] if i > 0 and toks[i - 1].start >= span.start else None
        if found is not None and lead is not None and lead.text.lower() in lexicon.anaphora:
            partial = True  # "otros cuatro policías", "another four officers": four besides those counted
        if found is None and counts and lead is not None and lead.text.lower() in lexicon.anaphora:
            # "y otros tres resultaron heridos": the anaphor before the number
            found, partial = (lead.text.lower(), counts[-1].cls, tok.end), counts[-1].cls in lexicon.generic
        if found is None:
            found = _elliptic(text, toks, i, lexicon) or _toll(text, span, tok, lexicon)
            j, partial = number[1] - 1, False
        if found is None:
            i += 1
            continue
        noun, cls, end = found
        # "12 criminals and officers": participants of several classes are just people
        if j + 2 < len(toks) and toks[j + 1].text.lower() in ("and", "y", "e", "or", "o"):
            other = toks[j + 2].text.lower()
            if other in lexicon.nouns and lexicon.nouns[other] != cls:
                noun = text[toks[j].start : toks[j + 2].end]
                cls = next(iter(sorted(lexicon.generic)), cls)
                end = toks[j + 2].end
        bound, start = _bound_before(text, tok.start, lexicon)
        counts.append(Count(value, bound, noun, cls, start, end, partial))
        i = j + 1
    return counts


def _elliptic(text: str, toks: list[Token], i: int, lexicon: Lexicon) -> tuple[str, str, int] | None:
    """ "Five were wounded", "2 killed": a number right before an event counts people left unnamed."""
    if not lexicon.generic:
        return None
    j = i + 1
    while j < len(toks) and toks[j].text.lower() in lexicon.elliptic_aux and j - i <= 2:
        j += 1
    if j >= len(toks) or text[toks[i].end : toks[i + 1].start].strip() if i + 1 < len(toks) else True:
        return None  # punctuation right after the number: not a count of anyone
    m = lexicon.event_pattern.match(text, toks[j].start)
    if m is None:
        return None
    return "", sorted(lexicon.generic)[0], toks[i].end


def _toll(text: str, span: Span, tok: Token, lexicon: Lexicon) -> tuple[str, str, int] | None:
    """A bare figure after an update that a toll names: "la cifra de muertos aumentó a siete" counts people."""
    before = text[span.start : tok.start]
    update = None
    for m in lexicon.update.finditer(before):
        update = m
    if update is None or before[update.end() :].strip():
        return None
    tolls = list(lexicon.toll_pattern.finditer(before, 0, update.start()))
    if not tolls:
        return None
    generic = next(iter(sorted(lexicon.generic)), "people")
    return re.sub(r"\s+", " ", tolls[-1].group().lower()), generic, tok.end


#: how far (in characters) from a count its event is looked for: 8 words of a very long 60 characters
EVENT_REACH = 500


def _event_for(text: str, count: Count, claim: Span, lexicon: Lexicon) -> str | None:
    """The event nearest the count inside its claim; None when the count is the doer."""
    named = lexicon.event_pattern.search(count.noun) if lexicon.toll_pattern.fullmatch(count.noun) else None
    if named:  # "the death toll rose to five": the toll says what happened
        return lexicon.events[re.sub(r"\s+", " ", named.group().lower())]
    best: tuple[float, str] | None = None
    # an event more than 8 words away does not count: look no further than EVENT_REACH characters
    # either side, so a run-on claim of thousands of counts and events costs linear time, not quadratic
    start, end = max(claim.start, count.start - EVENT_REACH), min(claim.end, count.end + EVENT_REACH)
    for m in lexicon.event_pattern.finditer(text, start, end):
        if count.start <= m.start() < count.end:
            continue
        if m.start() >= count.end:
            gap = text[count.end : m.start()]
            # "4 gunmen killed two officers": the counted ones did it, it did not happen to them
            nxt = re.match(r"\s*([^\W_]+)", text[m.end() : m.end() + 40])
            if not gap.strip() and nxt and (
                nxt.group(1)[:1].isupper() or nxt.group(1).isdecimal() or nxt.group(1).lower() in lexicon.objects
            ):
                continue
            distance: float = len(gap.split())
        else:
            # an event before the count is a little weaker: "died and three others were injured"
            distance = len(text[m.end() : count.start].split()) + 0.5
        if distance > 8:
            continue
        event = lexicon.events[re.sub(r"\s+", " ", m.group().lower())]
        if best is None or distance < best[0]:
            best = (distance, event)
    return best[1] if best else None


def _day(text: str) -> int | None:
    """A day of the month written in digits, or None ("17" -> 17; "¹", "45" or a long number -> None)."""
    return int(text) if text.isdecimal() and len(text) <= 2 and int(text) <= 31 else None


def _dates(text: str, toks: list[Token], lexicon: Lexicon, today: dt.date | None) -> list[DateMention]:
    out: list[DateMention] = []
    for i, tok in enumerate(toks):
        word = tok.text.lower()
        capital = tok.text[:1].isupper() or word in lexicon.lowercase_dates
        if word in lexicon.weekdays and capital:
            weekday = lexicon.weekdays[word]
            near = {t.text.lower() for t in toks[max(0, i - 1) : i + 2] if t is not tok}
            resolved = None
            if today is not None:
                back = (today.weekday() - weekday) % 7
                if near & lexicon.date_next:  # "el próximo lunes", "next Monday"
                    resolved = today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
                else:  # "el viernes", "el pasado viernes": the latest one before the article
                    resolved = today - dt.timedelta(days=back or (7 if near & lexicon.date_past else 0))
            out.append(
                DateMention(
                    tok.text, tok.start, tok.end,
                    year=resolved.year if resolved else None,
                    month=resolved.month if resolved else None,
                    day=resolved.day if resolved else None,
                    weekday=weekday,
                )
            )
        elif word in lexicon.months and capital:
            month = lexicon.months[word]
            day = year = None
            start, end = tok.start, tok.end
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            prev = toks[i - 1] if i > 0 else None
            if prev is not None and prev.text.lower() == "de" and i > 1 and _day(toks[i - 2].text) is not None:
                prev = toks[i - 2]
            if nxt is not None and _day(nxt.text) is not None and nxt.start - tok.end <= 2:
                day, end = _day(nxt.text), nxt.end
            elif prev is not None and _day(prev.text) is not None and tok.start - prev.end <= 4:
                day, start = _day(prev.text), prev.start
            later = [t for t in toks[i + 1 : i + 4] if _is_year(t, text)]
            if later and (later[0].start - end <= 3 or re.fullmatch(r"\s+de(?:l)?\s+", text[end : later[0].start])):
                year, end = int(later[0].text), later[0].end
            if word == "may" and day is None and year is None:
                continue  # the verb "may"
            out.append(DateMention(text[start:end], start, end, year=year, month=month, day=day))
        elif word in lexicon.relative_days and today is not None:
            resolved = today + dt.timedelta(days=lexicon.relative_days[word])
            out.append(DateMention(tok.text, tok.start, tok.end, resolved.year, resolved.month, resolved.day))
    return out


def _entities(text: str, toks: list[Token], lexicon: Lexicon) -> list[Entity]:
    out: list[Entity] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        sentence_start = i == 0 or text[toks[i - 1].end : tok.start].strip() in (".", "“", '"', "—")
        if not tok.text[:1].isupper() or tok.text.lower() in lexicon.months or tok.text.lower() in lexicon.weekdays:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and (
            (toks[j].text[:1].isupper() and text[toks[j - 1].end : toks[j].start] in (" ", "\u00a0"))
            or (toks[j].text in ("de", "del", "la", "of") and j + 1 < len(toks) and toks[j + 1].text[:1].isupper())
        ):
            j += 1
        if sentence_start and j == i + 1:
            i += 1
            continue
        prev = toks[i - 1].text.lower() if i > 0 else ""
        kind = "place" if prev in lexicon.locative else "name"
        out.append(Entity(text[tok.start : toks[j - 1].end], kind, tok.start, toks[j - 1].end))
        i = j
    return out


def _contrasts(
    text: str,
    counts: list[Count],
    k: int,
    event: str | None,
    sentence: Span,
    lexicon: Lexicon,
    earlier: Sequence[tuple[Count, Span]] = (),
) -> bool:
    """ "killed five officers and wounded four other officers": "other" sets the wounded apart from the
    killed, so the four are all the wounded, not a part of them.

    With no such count earlier in the sentence, the antecedent is the article's latest earlier count
    of the same participants ("the gunman who killed five police officers" ... "the attack that
    wounded four other officers"), read in its own sentence.
    """
    c = counts[k]
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", text[c.start : c.end])}
    ahead = re.search(r"([^\W\d_]+)\s+$", text[max(sentence.start, c.start - 30) : c.start])
    if ahead:  # "otros cuatro policías": the word before the number
        words.add(ahead.group(1).lower())
    if not words & lexicon.contrast:
        return False
    alike = [(p, sentence) for p in counts[:k] if p.cls == c.cls or p.cls in lexicon.generic]
    if not alike:
        alike = [(p, s) for p, s in earlier if p.cls == c.cls or p.cls in lexicon.generic]
    if not alike:
        return False
    antecedent, where = alike[-1]
    other = _event_for(text, antecedent, where, lexicon)
    return other is not None and event is not None and other != event


def read(
    text: str,
    claim: Span,
    *,
    sentence: Span,
    counts: list[Count],
    lexicon: Lexicon,
    today: dt.date | None = None,
    year: int | None = None,
    earlier: Sequence[tuple[Count, Span]] = (),
) -> Facts:
    """The facts of one claim; ``counts`` are its sentence's (so "three others" knows whom it counts).

    ``year``: the story's year (the article's date, else the latest year it mentions); a count in a
    sentence that names another year covers another span of time. ``earlier``: the counts of the
    article's earlier sentences, each with its sentence, where "four other officers" finds whom it
    is set apart from.
    """
    body = text[claim.start : claim.end]
    sentence_text = text[sentence.start : sentence.end]
    toks = tokens(text, claim)
    year = today.year if today is not None else year
    scoped = bool(lexicon.scope.search(sentence_text)) or (
        year is not None and any(int(y) != year for y in _YEAR.findall(sentence_text))
    )
    quantities = []
    for k, c in enumerate(counts):
        if not (claim.start <= c.start and c.end <= claim.end):
            continue
        event = _event_for(text, c, claim, lexicon)
        partial = c.partial and not _contrasts(text, counts, k, event, sentence, lexicon, earlier)
        before = text[max(claim.start, c.start - 60) : c.start]
        quantities.append(
            Quantity(
                value=c.value,
                bound=c.bound,
                noun=c.noun,
                cls=c.cls,
                event=event,
                text=text[c.start : c.end],
                start=c.start,
                end=c.end,
                hypothetical=bool(lexicon.hypothetical.search(before) or lexicon.hypothetical.search(body[:20])),
                scoped=scoped,
                update=bool(lexicon.update.search(before)),
                partial=partial,
            )
        )
    return Facts(
        quantities=tuple(quantities),
        dates=tuple(_dates(text, toks, lexicon, today)),
        entities=tuple(_entities(text, toks, lexicon)),
        negated=bool(lexicon.negation.search(body)),
        events=tuple(
            dict.fromkeys(
                lexicon.events[re.sub(r"\s+", " ", m.group().lower())] for m in lexicon.event_pattern.finditer(body)
            )
        ),
    )
