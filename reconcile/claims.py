"""Document -> atomic claims: one checkable statement each, with its exact span and its speaker.

A line that is page furniture, or a heading (no sentence-final punctuation), gives no claims.
Sentences come from syntok. Inside a sentence, the speaker is found ("X said", "according to X",
a quotation and its tail, an embedded tweet's author) and the rest is cut where it turns to
another fact: spaced dashes, ", but", ", torturing them", "and three others were injured".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import facts as facts_mod
from .language import detect
from .model import Claim, Document, Settings, Span
from .rules import Lexicon, Rules

__all__ = ["Piece", "extract", "make_claim", "pieces"]

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
SENTENCE_END = tuple(".!?…")
TRIM = " \t\u00a0,;:–—―-"


@dataclass(frozen=True)
class Piece:
    """A claim before it has an id: its span, speaker, whether it is quoted, and its sentence."""

    start: int
    end: int
    attribution: str | None
    quoted: bool
    sentence: Span
    language: str = "en"
    counts: tuple[facts_mod.Count, ...] = ()  # the counts of its sentence, for "three others"


def make_claim(document: Document, claim_id: str, piece: Piece, **fields: object) -> Claim:
    """The one place a Claim is made from a span: its text is the document's text there."""
    text = document.text[piece.start : piece.end]
    if not text or text != text.strip():
        raise ValueError(f"{document.path}: bad claim span {piece.start}-{piece.end}: {text!r}")
    return Claim(
        id=claim_id,
        doc=document.id,
        text=text,
        start=piece.start,
        end=piece.end,
        attribution=piece.attribution,
        quoted=piece.quoted,
        **fields,  # type: ignore[arg-type]
    )


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


def _trim(text: str, start: int, end: int, furniture: list[Span]) -> tuple[int, int]:
    """``_strip``, and no lone quotation mark at an edge; what is left never starts or ends with a space.

    Dropping a quotation mark can bare a space ("people , \""), so stripping runs again after it.

    >>> text = 'was "looking for these people , " police said'
    >>> s, e = _trim(text, 4, 33, [])
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
        return any(c in inner for c in CLOSE_QUOTES)
    if ch == '"':
        return '"' in inner
    return False


def _dialogue_regions(text: str, line: Span, dashes: tuple[str, ...]) -> list[Span] | None:
    """The quoted stretches of a line of dialogue ("—Es un día triste —dijo el alcalde—. Seguiremos."), else None.

    The line opens with a dash straight before a word; a spaced dash before a word hands over to
    the narrator, and the narrator's next dash gives the floor back to the speaker.

    >>> t = "—Es un día triste —dijo el alcalde—. Seguiremos trabajando."
    >>> [t[r.start:r.end] for r in _dialogue_regions(t, Span(0, len(t)), ("—",))]
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


def _quote_regions(text: str, line: Span) -> list[Span]:
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


def _sentences(text: str, line: Span) -> Iterator[Span]:
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


def _is_prose(line: str) -> bool:
    """Sentences, not a heading, caption or byline: it ends like a sentence, or holds several."""
    if line.endswith(SENTENCE_END):
        return True
    return _words(line) >= 12 and re.search(r"[.!?][”\"’»]?\s+[“\"«]?[A-Z]", line) is not None


def _is_statement(text: str) -> bool:
    """More than a name: at least two lower-case words ("Jalisco New Generation Cartel." is not)."""
    return sum(1 for w in re.findall(r"[^\W\d_]{3,}", text) if w[:1].islower()) >= 2


def _words(text: str) -> int:
    return len(re.findall(r"[^\W_]+", text))


def _looks_like_speaker(phrase: str, lexicon: Lexicon) -> bool:
    words = phrase.split()
    if not words or len(words) > 9:
        return False
    if words[0].lower() in lexicon.not_speakers:
        return False
    return phrase[:1].isupper() or phrase[:1].isalpha()


def _clean_speaker(phrase: str, lexicon: Lexicon) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(TRIM + ".")
    stop = lexicon.speaker_stop.search(phrase)
    if stop and stop.start() > 0:
        phrase = phrase[: stop.start()].strip(TRIM)
    return lexicon.speaker_trailing.sub("", phrase)


class _Speakers:
    """Resolves "he said" to the last person named as a speaker in the document."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.last: str | None = None

    def name(self, phrase: str | None) -> str | None:
        if not phrase:
            return None
        phrase = _clean_speaker(phrase, self.lexicon)
        if not phrase:
            return None
        if phrase.lower() in self.lexicon.pronouns:
            return self.last or phrase
        if any(w[:1].isupper() for w in phrase.split()):
            self.last = phrase
        return phrase


def _strip_adverbial(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """Skip "On Thursday," or "But" before a speaker."""
    chunk = text[start:end]
    first = chunk.split(maxsplit=1)[0].lower().strip(",") if chunk.split() else ""
    if first in lexicon.adverbial_leads:
        comma = chunk.find(",")
        if 0 < comma < 40 and comma < len(chunk) - 1:
            return start + comma + 1
        if first in lexicon.objects:
            return start  # an article, not a lead: "El gobernador aseguró"
        return start + len(chunk.split(maxsplit=1)[0])
    return start


def _after_that(rest: str, lexicon: Lexicon) -> int:
    """Where reported content starts: after "that", also after a date before it ("aseguró el pasado viernes que")."""
    words = list(re.finditer(r"[^\W\d_]+|\d+", rest))[:5]
    for k, w in enumerate(words):
        if w.group().lower() in lexicon.that:
            before = {x.group().lower() for x in words[:k]}
            dated = before & (set(lexicon.weekdays) | set(lexicon.months) | set(lexicon.relative_days))
            return w.end() if k == 0 or dated else 0
    return 0


def _reported(text: str, s: Span, lexicon: Lexicon) -> tuple[str | None, Span]:
    """Who a sentence credits and the span of what they said: the whole sentence if nobody."""
    chunk = text[s.start : s.end]
    # According to X, C
    m = lexicon.according_to.match(chunk)
    if m:
        comma = chunk.find(",", m.end())
        if comma > 0:
            speaker_end = comma
            rest = chunk[comma + 1 :]
            nxt = rest.find(",")
            if nxt > 0 and _words(rest[:nxt]) <= 4 and rest[nxt + 1 :].strip():
                speaker_end = comma + 1 + nxt  # an appositive: "According to Saucedo, the analyst, ..."
            speaker = chunk[m.end() : speaker_end]
            return speaker, Span(s.start + speaker_end + 1, s.end)
    # C, according to X.
    for m in lexicon.according_to.finditer(chunk):
        if m.start() > 0 and chunk[: m.start()].rstrip(" \u00a0”\"’»").endswith(","):
            return chunk[m.end() :], Span(s.start, s.start + m.start())
    # C, X said.   /   C, said X.
    tail = re.search(r",\s*([^,]{1,70})$", chunk.rstrip(".!? \u00a0"))
    if tail:
        phrase = tail.group(1)
        words = phrase.split()
        if len(words) >= 2 and words[-1].lower() in lexicon.attribution_verbs:
            speaker = " ".join(words[:-1])
            if _looks_like_speaker(speaker, lexicon) and len(words) <= 7:
                return speaker, Span(s.start, s.start + tail.start())
        named = len(words) >= 2 and (words[1][:1].isupper() or (words[1].lower() in lexicon.objects and len(words) > 2))
        if 2 <= len(words) <= 6 and words[0].lower() in lexicon.attribution_verbs and named:
            return " ".join(words[1:]), Span(s.start, s.start + tail.start())
    # X said (that) C
    for m in lexicon.verb_pattern.finditer(chunk):
        if m.group().lower() in lexicon.quote_tail_verbs:
            continue  # "the fighting continued until ...": these credit only a quotation
        before = chunk[: m.start()].split()
        if any(w.lower() in lexicon.passive for w in before[-2:]) or re.search(r"n[’']t\s*$", chunk[: m.start()]):
            continue  # "hasn't been confirmed", "as first reported": passive, nobody speaks
        if before and before[-1].lower() in ("not", "no"):
            continue
        subject_start = _strip_adverbial(text, s.start, s.start + m.start(), lexicon)
        speaker = text[subject_start : s.start + m.start()].strip(TRIM)
        if not speaker or not _looks_like_speaker(speaker, lexicon) or len(speaker.split()) > 9:
            break
        if "," in speaker and not re.search(r",[^,]+,$", speaker + ","):
            break
        rest_start = s.start + m.end()
        rest = text[rest_start : s.end]
        rest_start += _after_that(rest, lexicon)
        content = Span(rest_start, s.end)
        if _words(text[content.start : content.end]) < 3 or text[rest_start : s.end].lstrip()[:1] in (":", "“", '"'):
            break
        return speaker, content
    return None, s


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
    m = re.match(r"\s*([^\W_]+|\d+)", text[at:end])
    if not m:
        return False
    word_start = at + m.start(1)
    if m.group(1).lower() in lexicon.anaphora:  # "y otros tres resultaron heridos"
        m = re.match(r"\s*([^\W_]+|\d+)", text[at + m.end() : end])
        if not m:
            return False
        return facts_mod.number_value(m.group(1), language) is not None
    bound = lexicon.bound_pattern.match(text, word_start)
    if bound:
        m = re.match(r"\s*([^\W_]+|\d+)", text[bound.end() : end])
        if not m:
            return False
    return facts_mod.number_value(m.group(1), language) is not None


def _clauses(text: str, span: Span, lexicon: Lexicon, *, quoted: bool, language: str) -> list[Span]:
    """Cut a sentence (or its reported content) where it turns to another fact."""
    chunk = text[span.start : span.end]
    cuts: list[tuple[int, int]] = []
    if not quoted:
        for dash in lexicon.dashes:
            for m in re.finditer(re.escape(dash), chunk):
                cuts.append((span.start + m.start(), span.start + m.end()))
        for brk in lexicon.breaks:
            for m in re.finditer(re.escape(brk), chunk, re.IGNORECASE):
                cuts.append((span.start + m.start(), span.start + m.end()))
        leads = "|".join(re.escape(x) for x in lexicon.gerund_leads)
        for m in re.finditer(rf",\s+(?:(?:{leads})\s+)?(?=({lexicon.gerund.pattern}))", chunk, re.IGNORECASE):
            if m.group(1).lower() not in lexicon.not_gerunds:
                cuts.append((span.start + m.start(), span.start + m.start() + len(m.group(0).split(None, 1)[0]) + 1))
        for m in re.finditer(rf"\s+(?=by\s+({lexicon.gerund.pattern}))", chunk):
            if m.group(1).lower() not in lexicon.not_gerunds:
                cuts.append((span.start + m.start(), span.start + m.end()))
    for sep in lexicon.coordination:
        for m in re.finditer(re.escape(sep) + r"(?=\s)", chunk, re.IGNORECASE):
            at = span.start + m.end()
            left = re.search(r"(\S+)\s*$", chunk[: m.start()])
            if left and facts_mod.number_value(left.group(1), language) is not None:
                continue  # "aged 15 and 16": a list of numbers, not a second fact
            if m.start() > 0 and _count_starts(text, at, span.end, lexicon, language):
                cuts.append((span.start + m.start(), at))
    # keep the widest cut at each place; cuts that overlap an earlier one are dropped
    merged: list[tuple[int, int]] = []
    for cut in sorted(cuts, key=lambda c: (c[0], -c[1])):
        if merged and cut[0] < merged[-1][1]:
            continue
        merged.append(cut)
    return _split_at(text, span, merged)


def pieces(document: Document, rules: Rules, settings: Settings = Settings()) -> list[Piece]:
    """Every claim-sized span of the document, in order, with its speaker and quotedness."""
    text, lexicon = document.text, rules.lexicon
    furniture = list(document.furniture)
    speakers = _Speakers(lexicon)
    out: list[Piece] = []
    previous_speaker: str | None = None
    previous_was_quote = False
    from .ingest import line_spans

    for line in line_spans(text):
        if any(f.start <= line.start and line.end <= f.end for f in furniture):
            previous_was_quote = False
            continue
        start, end = _trim(text, line.start, line.end, furniture)
        tweet = rules.tweet_trailer.search(text, line.start, line.end)
        tweet_author = speakers.name(tweet.group("author")) if tweet else None
        if tweet:
            start, end = _trim(text, start, min(end, tweet.start()), furniture)
        body = text[start:end].rstrip("”\"’»)]")
        if end <= start or (not tweet and not _is_prose(body)):
            previous_was_quote = False
            continue  # a heading, a caption, a byline
        line_span = Span(start, end)
        language = detect(text[start:end], document.language)
        # a line of dialogue opens with a quotation dash, which the trimming above has passed
        dialogue = _dialogue_regions(text, Span(line.start, end), lexicon.dialogue_dashes)
        quotes = dialogue if dialogue is not None else _quote_regions(text, line_span)
        line_speaker: str | None = None
        line_pieces: list[Piece] = []
        for sentence in _sentences(text, line_span):
            s0, s1 = _trim(text, sentence.start, sentence.end, furniture)
            if s1 <= s0:
                continue
            s = Span(s0, s1)
            if any(p.search(text[s0:s1]) for p in rules.sentence_furniture):
                continue
            counts = facts_mod.find_counts(text, s, lexicon, language)
            found = _sentence_pieces(text, s, quotes, lexicon, speakers, settings, language, counts)
            for piece, speaker_seen in found:
                line_speaker = line_speaker or speaker_seen
                line_pieces.append(piece)
        starts_with_quote = text[start] in OPEN_QUOTES + '"' or (quotes and quotes[0].start <= start + 1)
        for piece in line_pieces:
            attribution = piece.attribution
            if tweet_author:
                attribution = tweet_author if piece.attribution is None or piece.quoted else attribution
            elif piece.quoted and attribution is None:
                attribution = line_speaker or (previous_speaker if previous_was_quote and starts_with_quote else None)
            quoted = piece.quoted or bool(tweet_author)
            out.append(Piece(piece.start, piece.end, attribution, quoted, piece.sentence, language, piece.counts))
        previous_was_quote = bool(quotes)
        previous_speaker = line_speaker or (previous_speaker if previous_was_quote and starts_with_quote else None)
    return out


def _sentence_pieces(
    text: str,
    s: Span,
    quotes: list[Span],
    lexicon: Lexicon,
    speakers: _Speakers,
    settings: Settings,
    language: str,
    counts: list[facts_mod.Count],
) -> list[tuple[Piece, str | None]]:
    inside = [Span(max(q.start, s.start), min(q.end, s.end)) for q in quotes if q.overlaps(s)]
    quoted_chars = sum(len(text[q.start : q.end].strip()) for q in inside)
    spans: list[tuple[Span, bool, str | None]] = []
    speaker: str | None = None
    at_edge = any(q.start <= s.start + 1 or q.end >= s.end - 2 for q in inside)
    if inside and (at_edge or quoted_chars >= 0.5 * len(text[s.start : s.end].strip())):
        # a quotation: the quoted parts, and what stands around them (the speaker, maybe a fact)
        rest_parts: list[Span] = []
        pos = s.start
        for q in inside:
            if q.start > pos:
                rest_parts.append(Span(pos, q.start))
            pos = max(pos, q.end)
        if pos < s.end:
            rest_parts.append(Span(pos, s.end))
        for r in rest_parts:
            phrase, content = _speaker_around_quote(text, r, lexicon)
            if phrase:
                speaker = speaker or phrase
            if content is not None and _words(text[content.start : content.end]) >= 2 * settings.min_words:
                spans.append((content, False, None))
        speaker = speakers.name(speaker)
        spans = [(q, True, speaker) for q in inside] + spans
    else:
        phrase, content = _reported(text, s, lexicon)
        speaker = speakers.name(phrase)
        spans.append((content, False, speaker))
    out: list[tuple[Piece, str | None]] = []
    for span, quoted, who in spans:
        for clause in _clauses(text, span, lexicon, quoted=quoted, language=language):
            c0, c1 = _trim(text, clause.start, clause.end, [])
            if c1 <= c0:
                continue
            chunk = text[c0:c1]
            has_count = any(c0 <= c.start and c.end <= c1 for c in counts)
            if not has_count and (_words(chunk) < settings.min_words or not _is_statement(chunk)):
                continue
            out.append((Piece(c0, c1, who, quoted, s, language, tuple(counts)), speaker))
    return sorted(out, key=lambda p: p[0].start)


def _speaker_around_quote(text: str, r: Span, lexicon: Lexicon) -> tuple[str | None, Span | None]:
    """In the words around a quotation: who it is credited to, and any further statement."""
    chunk = text[r.start : r.end]
    stripped = chunk.strip(TRIM + ".”\"“«»")
    if not stripped:
        return None, None
    offset = r.start + chunk.find(stripped)
    words = stripped.split()
    # ', reads a banner signed by the cartel and hung on a building in May.'  /  ', said Smith.'
    if words[0].lower() in lexicon.attribution_verbs and len(words) > 1:
        return " ".join(words[1:]), Span(offset, offset + len(stripped))
    # 'Saucedo said.'  /  'the banner continues.'  /  'Saucedo said:'
    if words[-1].lower().rstrip(":") in lexicon.attribution_verbs and len(words) <= 8:
        phrase = " ".join(words[:-1])
        m = lexicon.according_to.match(phrase)
        return (phrase[m.end() :] if m else phrase) or None, None
    # 'According to Saucedo, the security analyst,'
    m = lexicon.according_to.match(stripped)
    if m:
        return stripped[m.end() :], None
    # 'he said to Iván Archivaldo Guzmán Salazar.': the speaker stands before the verb
    if len(words) <= 10:
        for k, word in enumerate(words[1:4], start=1):
            if word.lower() in lexicon.attribution_verbs:
                return " ".join(words[:k]), None
    # 'It sent a chilling warning to the police force, reading:'
    return None, Span(offset, offset + len(stripped))


def extract(document: Document, rules: Rules, settings: Settings = Settings()) -> list[Claim]:
    """The claims of one document, with their facts, ids ``<doc>.c1``, ``<doc>.c2``, ... in text order."""
    text, lexicon = document.text, rules.lexicon
    found = pieces(document, rules, settings)
    year = document.date.year if document.date else facts_mod.latest_year(text)
    claims = []
    for n, piece in enumerate(found, start=1):
        facts = facts_mod.read(
            text,
            Span(piece.start, piece.end),
            sentence=piece.sentence,
            counts=list(piece.counts),
            lexicon=lexicon,
            today=document.date,
            year=year,
        )
        claims.append(make_claim(document, f"{document.id}.c{n}", piece, language=piece.language, facts=facts))
    return claims
