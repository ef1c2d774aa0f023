"""Counts of participants ("at least 7 officers", "4 secuestradores", "five others"), the event each
is counted for ("were killed", "resultó herido"), and counts set apart from an earlier one ("four
other officers")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Bound, Span
from ..rules import Lexicon
from .numerals import Token, is_year, number_value, read_number, tokens

__all__ = ["MAX_COUNT", "Count", "contrasts", "event_for", "find_counts", "takes_object"]

_BOUND_NAMES: dict[str, Bound] = {"at least": "at_least", "at most": "at_most", "about": "about"}


#: a count this large is a year, a sum or an address, not people
MAX_COUNT = 100_000


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


def _bound_before(text: str, start: int, lexicon: Lexicon) -> tuple[Bound, int]:
    window_start = max(0, start - 30)
    best: tuple[Bound, int] = ("exact", start)
    for m in lexicon.counts.bound_pattern.finditer(text, window_start, start):
        if text[m.end() : start].strip() == "":
            name = lexicon.counts.bounds[re.sub(r"\s+", " ", m.group().lower())]
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
        nobody = lexicon.counts.nobody.match(text, tok.start, span.end)
        if nobody is not None:
            while i < len(toks) and toks[i].start < nobody.end():
                i += 1
            if i < len(toks) and toks[i].text.lower() in lexicon.counts.nobody_more:
                continue  # "no one else was hurt": none besides those told of, no total
            # "no one was arrested": a count of none, of people; its event is read as any count's
            cls = next(iter(sorted(lexicon.counts.generic)), "people")
            counts.append(Count(0, "exact", nobody.group().lower(), cls, tok.start, nobody.end()))
            continue
        number = read_number(toks, i, lexicon, language)
        if number is None and tok.text.lower() in lexicon.counts.no_determiners and i + 1 < len(toks):
            noun = toks[i + 1].text.lower()
            after = toks[i + 2].text.lower() if i + 2 < len(toks) else ""
            # the noun ends its phrase ("no suspects in custody", not "no criminal charges")
            ends = (not after or after in lexicon.compare.function_words
                    or lexicon.counts.event_pattern.fullmatch(after) is not None
                    or text[toks[i + 1].end : toks[i + 2].start].strip() != "")
            if noun in lexicon.counts.nouns and ends and text[tok.end : toks[i + 1].start].strip() == "":
                # "no suspects in custody": a count of none of them; its event is read as any count's
                counts.append(Count(0, "exact", noun, lexicon.counts.nouns[noun], tok.start, toks[i + 1].end))
                i += 2
                continue
        if (number is None or is_year(tok, text) or not number[0].is_integer() or not 0 <= number[0] <= MAX_COUNT
                or _is_day(text, tok.start, toks[number[1] - 1].end, lexicon)):
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
            if two in lexicon.counts.nouns:
                found = (two, lexicon.counts.nouns[two], toks[j + 1].end)
                j += 1
                break
            if word in lexicon.counts.nouns:
                found = (word, lexicon.counts.nouns[word], toks[j].end)
                break
            antecedent = None
            if word in lexicon.counts.anaphora:  # read only for an anaphor: a long sentence stays linear
                antecedent = counts[-1].cls if counts else _one_before(text, span.start, tok.start, lexicon)
            if antecedent is not None:
                found = (word, antecedent, toks[j].end)
                # "three others" after "two people": others of whom is unclear for an open class
                partial = partial or antecedent in lexicon.counts.generic
                break
            if (number_value(toks[j].text, language) is not None or word in lexicon.counts.phrase_ends
                    or word in lexicon.frame.list_joins):
                break  # another number, clause or list member: "two bailiffs and a gunman" counts no gunmen
            partial = partial or word in lexicon.counts.subset or toks[j].text[:1].isupper()
            skipped += 1
            j += 1
        lead = toks[i - 1] if i > 0 and toks[i - 1].start >= span.start else None
        if found is not None and lead is not None and lead.text.lower() in lexicon.counts.anaphora:
            partial = True  # "otros cuatro policías", "another four officers": four besides those counted
        anaphor = found is None and lead is not None and lead.text.lower() in lexicon.counts.anaphora
        first = (counts[-1].cls if counts else _one_before(text, span.start, tok.start, lexicon)) if anaphor else None
        if anaphor and first is not None and lead is not None:
            # "y otros tres resultaron heridos": the anaphor before the number
            found, partial = (lead.text.lower(), first, tok.end), first in lexicon.counts.generic
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
            if other in lexicon.counts.nouns and lexicon.counts.nouns[other] != cls:
                noun = text[toks[j].start : toks[j + 2].end]
                cls = next(iter(sorted(lexicon.counts.generic)), cls)
                end = toks[j + 2].end
        bound, start = _bound_before(text, tok.start, lexicon)
        counts.append(Count(value, bound, noun, cls, start, end, partial))
        i = j + 1
    return counts


def _one_before(text: str, start: int, at: int, lexicon: Lexicon) -> str | None:
    """The class of the one participant named last before ``at`` in its sentence ("a man was killed and three
    others ..."), whom "others" are set apart from, as from a count; None where there is none."""
    ones = list(lexicon.frame.singular_pattern.finditer(text, start, at))
    if not ones:
        return None
    noun = (ones[-1].group("noun") or "").lower()
    generic = next(iter(sorted(lexicon.counts.generic)))
    return lexicon.counts.nouns.get(noun) or lexicon.frame.persons.get(noun) or generic


def _is_day(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the number at ``text[start:end]`` is the day of a date, never a count: after a month's name
    ("early October 27 has died", "trial Aug. 22 for") or before one ("el 27 de octubre", "27 October"),
    written in figures ("in January. One other person died" counts one)."""
    if not text[start:end].isdecimal():
        return False
    before = re.search(r"([^\W\d_]+)\.?\s+$", text[max(0, start - 14) : start])
    if before is not None and before.group(1)[:1].isupper() and before.group(1).lower() in lexicon.dates.months:
        return True
    after = re.match(r"\s+(?:de\s+)?([^\W\d_]+)", text[end : end + 16])
    return after is not None and after.group(1).lower() in lexicon.dates.months and (
        after.group(1)[:1].isupper() or text[end : after.start(1)].strip() == "de")


def _elliptic(text: str, toks: list[Token], i: int, lexicon: Lexicon) -> tuple[str, str, int] | None:
    """ "Five were wounded", "2 killed": a number right before an event counts people left unnamed."""
    if not lexicon.counts.generic:
        return None
    j = i + 1
    while j < len(toks) and toks[j].text.lower() in lexicon.counts.elliptic_aux and j - i <= 2:
        j += 1
    if j >= len(toks) or text[toks[i].end : toks[i + 1].start].strip() if i + 1 < len(toks) else True:
        return None  # punctuation right after the number: not a count of anyone
    m = lexicon.counts.event_pattern.match(text, toks[j].start)
    if m is None:
        return None
    return "", sorted(lexicon.counts.generic)[0], toks[i].end


def _toll(text: str, span: Span, tok: Token, lexicon: Lexicon) -> tuple[str, str, int] | None:
    """A bare figure after an update that a toll names: "la cifra de muertos aumentó a siete" counts people."""
    before = text[span.start : tok.start]
    update = None
    for m in lexicon.counts.update.finditer(before):
        update = m
    if update is None or before[update.end() :].strip():
        return None
    tolls = list(lexicon.counts.toll_pattern.finditer(before, 0, update.start()))
    if not tolls:
        return None
    generic = next(iter(sorted(lexicon.counts.generic)), "people")
    return re.sub(r"\s+", " ", tolls[-1].group().lower()), generic, tok.end


#: how far (in characters) from a count its event is looked for: 8 words of a very long 60 characters
EVENT_REACH = 500


def event_for(text: str, count: Count, claim: Span, lexicon: Lexicon) -> str | None:
    """The event nearest the count inside its claim; None when the count is the doer."""
    words = lexicon.counts
    named = words.event_pattern.search(count.noun) if words.toll_pattern.fullmatch(count.noun) else None
    if named:  # "the death toll rose to five": the toll says what happened
        return lexicon.counts.events[re.sub(r"\s+", " ", named.group().lower())]
    best: tuple[float, str] | None = None
    # an event more than 8 words away does not count: look no further than EVENT_REACH characters
    # either side, so a run-on claim of thousands of counts and events costs linear time, not quadratic
    start, end = max(claim.start, count.start - EVENT_REACH), min(claim.end, count.end + EVENT_REACH)
    contrast = bool(words.contrast & set(re.findall(r"[^\W\d_]+", text[count.start : count.end].lower())))
    # the word after the count and its noun, past an aside naming some of them ("four other people,
    # including a boy, were wounded")
    rest = text[count.end : count.end + 160]
    noun = words.noun_pattern.match(rest, len(rest) - len(rest.lstrip()))
    rest = rest if noun is None else rest[noun.end() :]
    after = re.match(r"\s*([^\W\d_]+)", _past_aside(rest, lexicon)) if contrast else None
    own_verb = after is not None and (after.group(1).lower() in lexicon.sentences.auxiliaries
                                      or after.group(1).lower() in lexicon.frame.passive)
    for m in words.event_pattern.finditer(text, start, end):
        if count.start <= m.start() < count.end:
            continue
        if m.start() >= count.end:
            gap = _past_aside(text[count.end : m.start()], lexicon)
            if gap.split() and words.negation.search(gap.split()[-1].lower()):
                continue  # "two other children were home but were not injured": denied, not "not seriously"
            if words.clause_openers & {w.lower() for w in re.findall(r"[^\W\d_]+", gap)}:
                continue  # "two other children when a 3-year-old ... fatally shot Braylon": another clause's
            if takes_object(text, m.end(), lexicon) and m.group().lower() not in lexicon.frame.intransitive and (
                    not gap.strip() or gap.split()[-1].lower() in words.phrase_ends):
                # "4 gunmen killed two officers", "400 people ... gunfire that killed one man": the verb's
                # own object is what befell it; the count before did it, or is another noun's, and so are
                # the verbs joined after it ("... and wounded four others")
                break
            distance: float = len(gap.split())
        else:
            gap = text[m.end() : count.start]
            if contrast and own_verb and not _object_gap(gap, lexicon):
                # "one died while three others remain hospitalized": others with a verb of their own are
                # set apart from those of the event before them, unless they are its object ("wounded
                # four others"); not "one wounded man on the steps and three others on the street"
                continue
            if words.phrase_ends & {w.lower() for w in re.findall(r"[^\W\d_]+", gap)}:
                # "four were injured at the party where 400 people attended": another clause's event
                continue
            # an event before the count is a little weaker: "died and three others were injured"
            distance = len(gap.split()) + 0.5
        if distance > 8:
            continue
        event = lexicon.counts.events[re.sub(r"\s+", " ", m.group().lower())]
        if best is None or distance < best[0]:
            best = (distance, event)
    if best is None or best[0] > 0.5:
        # a verb that is an event only with its object right after it: "charged with shooting four people"
        for m in words.object_event_pattern.finditer(text, max(start, count.start - 60), count.start):
            if _object_gap(text[m.end() : count.start], lexicon):
                best = (0.5, words.object_events[m.group().lower()])
    return best[1] if best else None


def _past_aside(gap: str, lexicon: Lexicon) -> str:
    """The words between a count and an event after it, less an aside naming some of those counted, set
    off by commas ("four people, including an 11-year-old boy and a 13-year-old boy, were wounded")."""
    aside = re.match(r"\s*,\s*", gap)
    if aside is None or not lexicon.counts.inclusive.match(gap, aside.end()):
        return gap
    close = gap.find(",", aside.end())
    return gap if close < 0 else gap[close + 1 :]


def takes_object(text: str, at: int, lexicon: Lexicon) -> bool:
    """Whether an object starts right after an event word ending at ``at``: a name, a figure, a
    determiner ("killed two officers", "shot a man", "wounded Smith"); not a day ("injured Sunday night")."""
    nxt = re.match(r"\s*([^\W_]+)", text[at : at + 40])
    if nxt is None:
        return False
    word = nxt.group(1)
    if word.lower() in lexicon.dates.weekdays or word.lower() in lexicon.dates.months:
        return False
    return word[:1].isupper() or word.isdecimal() or word.lower() in lexicon.speakers.objects


def _object_gap(gap: str, lexicon: Lexicon) -> bool:
    """Whether only determiners or a bound stand between a verb and a count: the count is its object."""
    rest = lexicon.counts.bound_pattern.sub(" ", gap)
    return all(w.lower() in lexicon.speakers.objects for w in rest.split())


def contrasts(
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
    if not words & lexicon.counts.contrast:
        return False
    alike = [(p, sentence) for p in counts[:k] if p.cls == c.cls or p.cls in lexicon.counts.generic]
    if not alike:
        alike = [(p, s) for p, s in earlier if p.cls == c.cls or p.cls in lexicon.counts.generic]
    if not alike:
        return False
    antecedent, where = alike[-1]
    other = event_for(text, antecedent, where, lexicon)
    return other is not None and event is not None and other != event

