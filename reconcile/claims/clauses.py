"""A sentence (or what a speaker said) cut where it turns to another fact: spaced dashes (not a
spaced hyphen, "38 - year - old"), ", but", ", torturing them", "and three others were injured"
(not an age, "Pérez, 34, a migrant")."""

from __future__ import annotations

import functools
import re

from .. import facts as facts_mod
from ..model import Span
from ..rules import Lexicon
from .segment import is_statement, lower_words, word_count

__all__ = ["clauses"]

def _split_at(text: str, span: Span, cuts: list[tuple[int, int]]) -> list[Span]:
    """Cut ``span`` at each (end_of_left, start_of_right) pair."""
    out, pos = [], span.start
    for left_end, right_start in sorted(cuts):
        if pos < left_end <= right_start <= span.end:
            out.append(Span(pos, left_end))
            pos = right_start
    out.append(Span(pos, span.end))
    return out


def _count_starts(text: str, at: int, end: int, lexicon: Lexicon, language: str) -> bool:
    """Whether a count of something starts at ``at``; an age set off by commas ("Pérez, 34, a migrant") is not one."""
    m = re.match(r"\s*([^\W_]+|\d+)", text[at:end])
    if not m:
        return False
    word_start = at + m.start(1)
    if m.group(1).lower() in lexicon.counts.anaphora:  # "y otros tres resultaron heridos"
        m = re.match(r"\s*([^\W_]+|\d+)", text[at + m.end() : end])
        if not m:
            return False
        return facts_mod.number_value(m.group(1), language) is not None
    bound = lexicon.counts.bound_pattern.match(text, word_start)
    if bound:
        word_start = bound.end()
        m = re.match(r"\s*([^\W_]+|\d+)", text[word_start:end])
        if not m:
            return False
        word_start += m.start(1)
    after = text[word_start + len(m.group(1)) :]
    if re.match(r"\s*[,)]", after):
        return False  # "Roupe, 17, opened the door": an appositive, not a count
    return facts_mod.number_value(m.group(1), language) is not None


#: text tokenised for a model, with spaces around punctuation: "The man , 34 , was shot ."
_TOKENISED = re.compile(r"\w [,.;:!?](?:\s|$)")


def _is_spaced_hyphen(chunk: str, start: int, end: int, lexicon: Lexicon, *, tokenised: bool) -> bool:
    """Whether the " - " at chunk[start:end] joins a word, as tokenised text writes "co - workers".

    It does in tokenised text, after a prefix ("co", "ex"), and in a chain around one word
    ("38 - year - old", "mother - in - law"); elsewhere a spaced hyphen is a dash.
    """
    if chunk[start:end].strip() != "-":
        return False
    before = re.search(r"(\w+)$", chunk[:start])
    after = re.match(r"\w+", chunk[end:])
    if not before or not after:
        return False
    if tokenised or before.group(1).lower() in lexicon.sentences.hyphen_prefixes:
        return True
    return chunk.startswith(" - ", end + after.end()) or chunk[: before.start()].endswith(" - ")


@functools.lru_cache(maxsize=512)
def _literal(word: str, after: str = "", flags: int = 0) -> re.Pattern[str]:
    """A rule word as a compiled pattern, ``after`` appended (compiled once, not on every sentence)."""
    return re.compile(re.escape(word) + after, flags)


@functools.lru_cache(maxsize=8)
def _gerund_patterns(leads: tuple[str, ...], gerund: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ ", killing ..." / ", then killing ..." and " by killing ...": where a participle starts another action."""
    alternatives = "|".join(re.escape(x) for x in leads)
    return (
        re.compile(rf",\s+(?:(?:{alternatives})\s+)?(?=({gerund}))", re.IGNORECASE),
        re.compile(rf"\s+(?=by\s+({gerund}))"),
    )


def _dash_cuts(text: str, span: Span, lexicon: Lexicon) -> list[tuple[int, int]]:
    chunk = text[span.start : span.end]
    tokenised = _TOKENISED.search(chunk) is not None
    cuts = []
    for dash in lexicon.sentences.dashes:
        for m in _literal(dash).finditer(chunk):
            if not _is_spaced_hyphen(chunk, m.start(), m.end(), lexicon, tokenised=tokenised):
                cuts.append((span.start + m.start(), span.start + m.end()))
    return cuts


#: a number joined by hyphens to the words after it: an age or a measure ("65-year-old", "9-mm")
_AGE = re.compile(r"\b\d+(?:-[^\W\d_]+)+")


def _coordination_cuts(
    text: str, span: Span, lexicon: Lexicon, language: str, min_words: int, cuts: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """ "eight gunmen died and three others were injured": a count that starts another fact.

    Both sides must state something: the right one has its own event or auxiliary ("were injured",
    "was taken"), the left one an event or a statement of its own, so "At 7:35 p.m. Friday, two
    officers went" and "in Honey Lane, about 85 miles south" stay whole.
    """
    chunk = text[span.start : span.end]
    found: list[tuple[int, int]] = []
    for sep in lexicon.sentences.coordination:
        for m in _literal(sep, r"(?=\s)", re.IGNORECASE).finditer(chunk):
            at = span.start + m.end()
            last = re.search(r"(\S+)\s*$", chunk[: m.start()])
            if last and facts_mod.number_value(last.group(1), language) is not None:
                continue  # "aged 15 and 16": a list of numbers, not a second fact
            if m.start() > 0 and _count_starts(text, at, span.end, lexicon, language):
                found.append((span.start + m.start(), at))
    accepted: list[tuple[int, int]] = []
    for left_end, right_start in sorted(found):
        pos = max([span.start] + [r for _, r in cuts + accepted if r <= left_end])
        comma = text.find(",", right_start, span.end)
        right_end = comma if comma > 0 else span.end
        left = text[pos:left_end]
        # an age is no statement: "65-year-old Edna Durr, 27-year-old Kiearra Durr" only names people
        states = word_count(left) >= min_words and is_statement(_AGE.sub(" ", left))
        right = text[right_start:right_end]
        if _last_of_subject(right, lexicon, language) or (
                "," not in text[left_end:right_start] and _first_of_list(left, right, lexicon)):
            continue
        auxiliary = any(w.lower() in lexicon.sentences.auxiliaries for w in right.split())
        acts = lexicon.counts.event_pattern.search(right) or auxiliary
        if acts and (states or lexicon.counts.event_pattern.search(left)):
            accepted.append((left_end, right_start))
    return accepted


def _last_of_subject(right: str, lexicon: Lexicon, language: str) -> bool:
    """Whether a count of one right after the cut has a plural verb ("four women and one man were shot"):
    the last of one list of those it befell, not a second fact."""
    words = re.findall(r"[^\W_]+", right.lower())
    if not words or facts_mod.number_value(words[0], language) != 1:
        return False
    verb = next((w for w in words[1:5] if w in lexicon.sentences.auxiliaries or w in lexicon.frame.plural), None)
    return verb is not None and verb in lexicon.frame.plural


def _first_of_list(left: str, right: str, lexicon: Lexicon) -> bool:
    """Whether one participant ends the left side and the count after the cut has no verb of its own right
    after it ("left a father and two children dead", "killed his wife and three children"): one list of
    those it befell, not a second fact ("killed a man and three people were wounded" is one)."""
    ends = [m.end() for m in lexicon.frame.singular_pattern.finditer(left)]
    if not ends or left[ends[-1] :].strip():
        return False
    words = re.findall(r"[^\W_]+", right.lower())
    return not any(w in lexicon.sentences.auxiliaries for w in words[1:4])


def clauses(text: str, span: Span, lexicon: Lexicon, *, quoted: bool, language: str, min_words: int) -> list[Span]:
    """Cut a sentence (or its reported content) where it turns to another fact.

    A title-case headline is never cut: its capitals hide where its clauses turn.
    """
    chunk = text[span.start : span.end]
    if lower_words(chunk) < 2:
        return [span]
    cuts: list[tuple[int, int]] = []
    if not quoted:
        cuts += _dash_cuts(text, span, lexicon)
        for brk in lexicon.sentences.breaks:
            for m in _literal(brk, "", re.IGNORECASE).finditer(chunk):
                cuts.append((span.start + m.start(), span.start + m.end()))
        sentences = lexicon.sentences
        after_comma, after_by = _gerund_patterns(tuple(sentences.gerund_leads), sentences.gerund.pattern)
        for m in after_comma.finditer(chunk):
            if m.group(1).lower() not in lexicon.sentences.not_gerunds:
                cuts.append((span.start + m.start(), span.start + m.start() + len(m.group(0).split(None, 1)[0]) + 1))
        for m in after_by.finditer(chunk):
            if m.group(1).lower() not in lexicon.sentences.not_gerunds:
                cuts.append((span.start + m.start(), span.start + m.end()))
    cuts += _coordination_cuts(text, span, lexicon, language, min_words, cuts)
    # keep the widest cut at each place; cuts that overlap an earlier one are dropped
    merged: list[tuple[int, int]] = []
    for cut in sorted(cuts, key=lambda c: (c[0], -c[1])):
        if merged and cut[0] < merged[-1][1]:
            continue
        merged.append(cut)
    return _split_at(text, span, merged)

