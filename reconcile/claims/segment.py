"""A document's lines -> sentences: trimming, quoted stretches and dialogue, sentence ends that
are abbreviations ("Sgt.", "No. 5", "Sr."), and what counts as a statement rather than a name,
a byline or a lead-in."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..model import Span
from ..rules import Lexicon

__all__ = [
    "CLOSE_QUOTES", "HEADLINE_WORDS", "OPEN_QUOTES", "SENTENCE_END", "TRIM", "dialogue_regions",
    "is_event_headline", "is_prose", "is_statement", "lower_words", "normalized", "quote_regions", "sentences", "trim",
    "word_count",
]

OPEN_QUOTES = "“«„"


CLOSE_QUOTES = "”»"


SENTENCE_END = tuple(".!?…")


#: a title-case line of this many words is a headline, not a name
HEADLINE_WORDS = 7


TRIM = " \t\u00a0,;:–—―-"


def _edge(ch: str) -> bool:
    """A character no claim starts or ends with: stray punctuation, and white space of any kind."""
    return ch in TRIM or ch.isspace()


def _strip(text: str, start: int, end: int, furniture: list[Span]) -> tuple[int, int]:
    """Shrink [start, end) past whitespace, stray punctuation and furniture at either edge."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and _edge(text[start]):
            start, changed = start + 1, True
        while start < end and _edge(text[end - 1]):
            end, changed = end - 1, True
        for f in furniture:
            if f.start <= start < f.end:
                start, changed = f.end, True
            if f.start < end <= f.end:
                end, changed = f.start, True
    return start, max(start, end)


def trim(text: str, start: int, end: int, furniture: list[Span]) -> tuple[int, int]:
    """``_strip``, and no lone quotation mark at an edge; what is left never starts or ends with a space.

    Dropping a quotation mark can bare a space ("people , \""), so stripping runs again after it.

    >>> text = 'was "looking for these people , " police said'
    >>> s, e = trim(text, 4, 33, [])
    >>> text[s:e]
    '"looking for these people'
    """
    start, end = _strip(text, start, end, furniture)
    # a lone quotation mark at an edge belongs to no claim
    while start < end and text[start] in OPEN_QUOTES + CLOSE_QUOTES + '"' and not _has_close(text, start, end):
        start += 1
    while True:
        while start < end and text[end - 1] in OPEN_QUOTES + '"' + "(":
            end -= 1
        again = _strip(text, start, end, furniture)
        if again == (start, end):
            return start, end
        start, end = again


def _has_close(text: str, start: int, end: int) -> bool:
    ch = text[start]
    inner = text[start + 1 : end]
    if ch in OPEN_QUOTES:
        return any(c in inner for c in CLOSE_QUOTES + '"')  # “...," : pages mix curly and straight quotes
    if ch == '"':
        return '"' in inner
    return False


def dialogue_regions(text: str, line: Span, dashes: tuple[str, ...]) -> list[Span] | None:
    """The quoted stretches of a line of dialogue ("—Es un día triste —dijo el alcalde—. Seguiremos."), else None.

    The line opens with a dash straight before a word; a spaced dash before a word hands over to
    the narrator, and the narrator's next dash gives the floor back to the speaker.

    >>> t = "—Es un día triste —dijo el alcalde—. Seguiremos trabajando."
    >>> [t[r.start:r.end] for r in dialogue_regions(t, Span(0, len(t)), ("—",))]
    ['Es un día triste', 'Seguiremos trabajando.']
    """
    if not dashes or text[line.start] not in dashes or line.end - line.start < 2 or text[line.start + 1].isspace():
        return None
    marks = "".join(re.escape(d) for d in dashes)
    to_narrator = re.compile(rf"\s[{marks}](?=\w)")
    back = re.compile(rf"[{marks}]")
    regions: list[Span] = []
    pos = line.start + 1
    while pos < line.end:
        handover = to_narrator.search(text, pos, line.end)
        regions.append(Span(pos, handover.start() if handover else line.end))
        if handover is None:
            break
        resume = back.search(text, handover.end(), line.end)
        if resume is None:
            break
        pos = resume.end()
        while pos < line.end and text[pos] in " .,;:\u00a0":
            pos += 1
    return [r for r in regions if r.end > r.start]


def quote_regions(text: str, line: Span) -> list[Span]:
    """Quoted stretches of a line; an unclosed quote runs to the line's end, an unopened one from its start."""
    regions: list[Span] = []
    open_at: int | None = None
    straight_open = False
    for i in range(line.start, line.end):
        ch = text[i]
        if ch in OPEN_QUOTES or (ch == '"' and not straight_open and open_at is None):
            if open_at is None:
                open_at = i + 1
                straight_open = ch == '"'
        elif ch in CLOSE_QUOTES or (ch == '"' and open_at is not None):
            if open_at is None:
                if not regions:
                    regions.append(Span(line.start, i))
            else:
                regions.append(Span(open_at, i))
                open_at, straight_open = None, False
    if open_at is not None:
        regions.append(Span(open_at, line.end))
    return [r for r in regions if r.end > r.start]


_INNER_END = re.compile(r"[.!?…][”\"’»)\]]*\s+\S")


#: the word before a sentence's final full stop: "Sgt.", "H.", "No."
_LAST_ABBREVIATION = re.compile(r"(?:^|[\s(])([^\W\d_]{1,6})\.$")


#: a quote of at most this many words is a mention (a name, a title: "Jo. Toby 3632"), not a
#: quotation of sentences: a full stop inside it ends no sentence
_MENTION_WORDS = 5


def _inside_mention(text: str, at: int, quotes: Sequence[Span]) -> bool:
    """Whether ``at`` falls inside a short quote ("followed by the name "Jo. Toby 3632" which ...")."""
    return any(q.start < at < q.end and word_count(text[q.start : q.end]) <= _MENTION_WORDS for q in quotes)


def sentences(text: str, line: Span, lexicon: Lexicon, quotes: Sequence[Span] = ()) -> Iterator[Span]:
    """The sentences of a line: syntok's, joined again where one ends in an abbreviation or inside
    a short quote."""
    spans = list(_syntok_sentences(text, line))
    joined: list[Span] = []
    for span in spans:
        if joined and (
            _ends_in_abbreviation(text, joined[-1], span.start, lexicon) or _continues_name(text, joined[-1], span)
            or _inside_mention(text, joined[-1].end, quotes)
        ):
            joined[-1] = Span(joined[-1].start, span.end)
        else:
            joined.append(span)
    yield from joined


def _syntok_sentences(text: str, line: Span) -> Iterator[Span]:
    chunk = text[line.start : line.end]
    if not _INNER_END.search(chunk):
        yield line  # one sentence: no need to ask syntok
        return
    import syntok.segmenter as segmenter

    for paragraph in segmenter.analyze(chunk):
        for sentence in paragraph:
            tokens = [t for t in sentence]
            if not tokens:
                continue
            first, last = tokens[0], tokens[-1]
            start = line.start + first.offset
            end = line.start + last.offset + len(last.value)
            yield Span(start, end)


def _ends_in_abbreviation(text: str, sentence: Span, next_start: int, lexicon: Lexicon) -> bool:
    """Whether ``sentence`` stops at an abbreviation that the next sentence continues.

    A title ("Sgt.", "Sr.") never ends a sentence; an initial ("Daniel H. Torres") does not before
    a capital; "No." and "Jan." do not before a number.
    """
    m = _LAST_ABBREVIATION.search(text, sentence.start, sentence.end)
    if not m:
        return False
    word, following = m.group(1), text[next_start : next_start + 1]
    if word.lower() in lexicon.sentences.titles:
        return True
    if len(word) == 1 and word.isupper() and following.isupper():
        return True
    return word.lower() in lexicon.sentences.before_number and following.isdigit()


#: a short capitalised abbreviation ending a sentence: "Jr.", "St.", "Ave.", "D.C."
_SHORT_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|(?:[A-Z]\.)+[A-Z])\.$")


def _continues_name(text: str, sentence: Span, following: Span) -> bool:
    """Whether ``following`` is the rest of a name that an abbreviation seemed to end:
    "... at Martin Luther King Jr." + "Day celebration at the park." is one sentence; a sentence
    after "Jr." that states something on its own ("The judge ruled on Monday.") is not joined."""
    if not _SHORT_ABBREVIATION.search(text, sentence.start, sentence.end):
        return False
    rest = text[following.start : following.end]
    return rest[:1].isupper() and lower_words(rest) < 2


def is_prose(line: str, lexicon: Lexicon, *, lead_in: bool, min_words: int) -> bool:
    """Sentences, or a headline that states something; not a byline, a name, or a lead-in ("Of the injured:")."""
    body = line.rstrip("”\"’»)]")
    if body.endswith(SENTENCE_END):
        return True
    return not lead_in and word_count(body) >= min_words and (is_statement(body) or is_event_headline(body, lexicon))


def is_event_headline(text: str, lexicon: Lexicon) -> bool:
    """A short headline in capitals that names an event: "2 Killed, Multiple Wounded in Miami Shooting",
    "SUSPECT WANTED TO KILL WHITE OFFICERS"."""
    return len(re.findall(r"[^\W\d_]{2,}", text)) >= 5 and lexicon.counts.event_pattern.search(text) is not None


def is_statement(text: str) -> bool:
    """More than a name: two lower-case words ("Jalisco New Generation Cartel." is not), or a headline.

    A headline in title case ("Mexican Cartels Respond To AMLO's Hugs By Hunting Down Cops") has
    few lower-case words; a run of HEADLINE_WORDS words says something all the same.
    """
    return lower_words(text) >= 2 or len(re.findall(r"[^\W\d_]{2,}", text)) >= HEADLINE_WORDS


def lower_words(text: str) -> int:
    return sum(1 for w in re.findall(r"[^\W\d_]{3,}", text) if w[:1].islower())


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W_]+", text))


def normalized(text: str) -> str:
    """A claim's words, case and punctuation aside: what makes two claims the same statement.

    >>> normalized("Mexican Cartel Hunting Down Police") == normalized("MEXICAN cartel hunting down police.")
    True
    """
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))

