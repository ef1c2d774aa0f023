"""Document -> atomic claims: one checkable statement each, with its exact span and its speaker.

Claims cover the text: every sentence, a headline, and a line without end punctuation that states
something; only page furniture (``rules/furniture.yaml``: captions, bylines, links), names and
lead-ins give none. Sentences come from syntok, joined again where one ends in an abbreviation
("Sgt.", "No. 5", "Sr."): ``segment``. Inside a sentence, the speaker is found ("X said", "according
to X", ", Mnuchin said in an interview broadcast Monday", a quotation and its tail, an embedded
tweet's author) and becomes the claim's attribution, never a claim of its own: ``speakers``; the
rest is cut where it turns to another fact: ``clauses``. A statement printed twice in one
document (a headline and its repeat) is one claim. Each claim carries its facts (``facts.read``)
and its numbers (``numbers.number_units``), read once here, never again by later stages."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .. import facts as facts_mod
from ..ingest import line_spans
from ..language import detect
from ..model import Claim, Document, Settings, Span
from ..numbers import number_units
from ..rules import Lexicon, Rules
from .clauses import clauses
from .segment import (
    OPEN_QUOTES,
    dialogue_regions,
    is_event_headline,
    is_prose,
    is_statement,
    normalized,
    quote_regions,
    sentences,
    trim,
    word_count,
)
from .speakers import Speakers, credit_only, reported, speaker_around_quote

__all__ = ["Piece", "extract", "make_claim", "normalized", "pieces"]

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
    #: counts of the sentences before it (with their sentences), for "four other officers" whose
    #: antecedent ("killed five officers") was stated earlier in the article
    earlier: tuple[tuple[facts_mod.Count, Span], ...] = ()


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


#: how many of the article's earlier counts a claim may look back to for an antecedent
_EARLIER = 12


def pieces(document: Document, rules: Rules, settings: Settings = Settings()) -> list[Piece]:
    """Every claim-sized span of the document, in order, with its speaker and quotedness."""
    text, lexicon = document.text, rules.lexicon
    furniture = list(document.furniture)
    speakers = Speakers(lexicon)
    out: list[Piece] = []
    previous_speaker: str | None = None
    previous_was_quote = False
    earlier: list[tuple[facts_mod.Count, Span]] = []  # every count so far, with its sentence

    for line in line_spans(text):
        if any(f.start <= line.start and line.end <= f.end for f in furniture):
            previous_was_quote = False
            continue
        start, end = trim(text, line.start, line.end, furniture)
        tweet = rules.tweet_trailer.search(text, line.start, line.end)
        tweet_author = speakers.name(tweet.group("author")) if tweet else None
        if tweet:
            start, end = trim(text, start, min(end, tweet.start()), furniture)
        prose = is_prose(text[start:end], lexicon, lead_in=text[line.end - 1] == ":", min_words=settings.min_words)
        if end <= start or (not tweet and not prose):
            previous_was_quote = False
            continue  # a heading, a caption, a byline
        line_span = Span(start, end)
        language = detect(text[start:end], document.language)
        # a line of dialogue opens with a quotation dash, which the trimming above has passed
        dialogue = dialogue_regions(text, Span(line.start, end), lexicon.sentences.dialogue_dashes)
        quotes = dialogue if dialogue is not None else quote_regions(text, line_span)
        line_speaker: str | None = None
        line_pieces: list[Piece] = []
        for sentence in sentences(text, line_span, lexicon, quotes):
            s0, s1 = trim(text, sentence.start, sentence.end, furniture)
            if s1 <= s0:
                continue
            s = Span(s0, s1)
            if any(p.search(text[s0:s1]) for p in rules.sentence_furniture):
                continue
            counts = facts_mod.find_counts(text, s, lexicon, language)
            found = _sentence_pieces(text, s, quotes, lexicon, speakers, settings, language, counts)
            before = tuple(earlier[-_EARLIER:])
            for piece, speaker_seen in found:
                line_speaker = line_speaker or speaker_seen
                line_pieces.append(dataclasses.replace(piece, earlier=before))
            earlier.extend((c, s) for c in counts)
        starts_with_quote = text[start] in OPEN_QUOTES + '"' or (quotes and quotes[0].start <= start + 1)
        for piece in line_pieces:
            attribution = piece.attribution
            if tweet_author:
                attribution = tweet_author if piece.attribution is None or piece.quoted else attribution
            elif piece.quoted and attribution is None:
                attribution = line_speaker or (previous_speaker if previous_was_quote and starts_with_quote else None)
            quoted = piece.quoted or bool(tweet_author)
            out.append(Piece(piece.start, piece.end, attribution, quoted, piece.sentence, language, piece.counts,
                             piece.earlier))
        previous_was_quote = bool(quotes)
        previous_speaker = line_speaker or (previous_speaker if previous_was_quote and starts_with_quote else None)
    return first_of_each(text, out)


def _sentence_pieces(
    text: str,
    s: Span,
    quotes: list[Span],
    lexicon: Lexicon,
    speakers: Speakers,
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
            phrase, content = speaker_around_quote(text, r, lexicon)
            if phrase:
                speaker = speaker or phrase
            if content is not None and word_count(text[content.start : content.end]) >= 2 * settings.min_words:
                spans.append((content, False, None))
        speaker = speakers.name(speaker)
        spans = [(q, True, speaker) for q in inside] + spans
    elif quotes and (credit := credit_only(text, s, lexicon)):
        speaker = speakers.name(credit)  # 'Abbott said during a Friday press conference.' between quotations
    else:
        phrase, contents = reported(text, s, lexicon)
        speaker = speakers.name(phrase)
        spans += [(content, False, speaker) for content in contents]
    out: list[tuple[Piece, str | None]] = []
    for span, quoted, who in spans:
        for clause in clauses(text, span, lexicon, quoted=quoted, language=language, min_words=settings.min_words):
            c0, c1 = trim(text, clause.start, clause.end, [])
            if c1 <= c0:
                continue
            chunk = text[c0:c1]
            has_count = any(c0 <= c.start and c.end <= c1 for c in counts)
            states = is_statement(chunk) or is_event_headline(chunk, lexicon)
            if not has_count and (word_count(chunk) < settings.min_words or not states):
                continue
            out.append((Piece(c0, c1, who, quoted, s, language, tuple(counts)), speaker))
    return sorted(out, key=lambda p: p[0].start)


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
            earlier=piece.earlier,
            lexicon=lexicon,
            today=document.date,
            year=year,
        )
        claim = make_claim(document, f"{document.id}.c{n}", piece, language=piece.language, facts=facts)
        claims.append(dataclasses.replace(claim, numbers=number_units(claim, lexicon)))
    return claims


def first_of_each(text: str, found: list[Piece]) -> list[Piece]:
    """Drop a piece that repeats an earlier one word for word (a headline or lede printed twice)."""
    seen: set[str] = set()
    out = []
    for piece in found:
        key = normalized(text[piece.start : piece.end])
        if key not in seen:
            seen.add(key)
            out.append(piece)
    return out

