"""Document -> atomic claims: one checkable statement each, with its exact span and its speaker.

Claims cover the text: every sentence, a headline, and a line without end punctuation that states
something; only page furniture (``rules/furniture.yaml``: captions, bylines, links), names and
lead-ins give none. Sentences come from syntok, joined again where one ends in an abbreviation
("Sgt.", "No. 5", "Sr."). Inside a sentence, the speaker is found ("X said", "according to X",
", Mnuchin said in an interview broadcast Monday", a quotation and its tail, an embedded tweet's
author) and becomes the claim's attribution, never a claim of its own; the rest is cut where it
turns to another fact: spaced dashes (not a spaced hyphen, "38 - year - old"), ", but",
", torturing them", "and three others were injured" (not an age, "Pérez, 34, a migrant").
A statement printed twice in one document (a headline and its repeat) is one claim.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from . import facts as facts_mod
from .language import detect
from .model import Claim, Document, Settings, Span
from .rules import Lexicon, Rules

__all__ = ["Piece", "extract", "make_claim", "normalized", "pieces"]

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
SENTENCE_END = tuple(".!?…")
#: a title-case line of this many words is a headline, not a name
HEADLINE_WORDS = 7
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
        return any(c in inner for c in CLOSE_QUOTES + '"')  # “...," : pages mix curly and straight quotes
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
#: the word before a sentence's final full stop: "Sgt.", "H.", "No."
_LAST_ABBREVIATION = re.compile(r"(?:^|[\s(])([^\W\d_]{1,6})\.$")


#: a quote of at most this many words is a mention (a name, a title: "Jo. Toby 3632"), not a
#: quotation of sentences: a full stop inside it ends no sentence
_MENTION_WORDS = 5


def _inside_mention(text: str, at: int, quotes: Sequence[Span]) -> bool:
    """Whether ``at`` falls inside a short quote ("followed by the name "Jo. Toby 3632" which ...")."""
    return any(q.start < at < q.end and _words(text[q.start : q.end]) <= _MENTION_WORDS for q in quotes)


def _sentences(text: str, line: Span, lexicon: Lexicon, quotes: Sequence[Span] = ()) -> Iterator[Span]:
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
    if word.lower() in lexicon.titles:
        return True
    if len(word) == 1 and word.isupper() and following.isupper():
        return True
    return word.lower() in lexicon.before_number and following.isdigit()


#: a short capitalised abbreviation ending a sentence: "Jr.", "St.", "Ave.", "D.C."
_SHORT_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|(?:[A-Z]\.)+[A-Z])\.$")


def _continues_name(text: str, sentence: Span, following: Span) -> bool:
    """Whether ``following`` is the rest of a name that an abbreviation seemed to end:
    "... at Martin Luther King Jr." + "Day celebration at the park." is one sentence; a sentence
    after "Jr." that states something on its own ("The judge ruled on Monday.") is not joined."""
    if not _SHORT_ABBREVIATION.search(text, sentence.start, sentence.end):
        return False
    rest = text[following.start : following.end]
    return rest[:1].isupper() and _lower_words(rest) < 2


def _is_prose(line: str, lexicon: Lexicon, *, lead_in: bool, min_words: int) -> bool:
    """Sentences, or a headline that states something; not a byline, a name, or a lead-in ("Of the injured:")."""
    body = line.rstrip("”\"’»)]")
    if body.endswith(SENTENCE_END):
        return True
    return not lead_in and _words(body) >= min_words and (_is_statement(body) or _is_event_headline(body, lexicon))


def _is_event_headline(text: str, lexicon: Lexicon) -> bool:
    """A short headline in capitals that names an event: "2 Killed, Multiple Wounded in Miami Shooting",
    "SUSPECT WANTED TO KILL WHITE OFFICERS"."""
    return len(re.findall(r"[^\W\d_]{2,}", text)) >= 5 and lexicon.event_pattern.search(text) is not None


def _is_statement(text: str) -> bool:
    """More than a name: two lower-case words ("Jalisco New Generation Cartel." is not), or a headline.

    A headline in title case ("Mexican Cartels Respond To AMLO's Hugs By Hunting Down Cops") has
    few lower-case words; a run of HEADLINE_WORDS words says something all the same.
    """
    return _lower_words(text) >= 2 or len(re.findall(r"[^\W\d_]{2,}", text)) >= HEADLINE_WORDS


def _lower_words(text: str) -> int:
    return sum(1 for w in re.findall(r"[^\W\d_]{3,}", text) if w[:1].islower())


def _words(text: str) -> int:
    return len(re.findall(r"[^\W_]+", text))


def _looks_like_speaker(phrase: str, lexicon: Lexicon) -> bool:
    words = phrase.split()
    if not words or len(words) > 9:
        return False
    if words[0].lower() in lexicon.not_speakers:
        return False
    if any(w.lower() in lexicon.auxiliaries for w in _clean_speaker(phrase, lexicon).split()):
        return False  # "Detectives are waiting on the final autopsy (reports)": a clause, not a speaker
    return phrase[:1].isupper() or phrase[:1].isalpha()


def _is_adjunct(words: list[str], verb: str, lexicon: Lexicon) -> bool:
    """Whether the words after a speaker and their verb only say when, where or to whom it was said.

    "in an interview broadcast Monday", "Tuesday", "to reporters"; "that two men died" is content.
    """
    if not words:
        return True
    if len(words) > 8 or any(w.lower().strip(",.") in lexicon.that | lexicon.attribution_verbs for w in words):
        return False
    phrase = " ".join(words)
    bound = lexicon.bound_pattern.match(phrase)
    if bound and phrase[bound.end() :].split() and facts_mod.number_value(phrase[bound.end() :].split()[0]) is not None:
        return False  # "reported at least 20 shots fired"
    if lexicon.event_pattern.search(phrase):
        return False  # "said in total eight people died"
    if any(w.lower() in lexicon.auxiliaries for w in words):
        return False  # "said in total eight people were shot"
    first = words[0].lower().strip(",.")
    if first in lexicon.adjuncts or first in lexicon.weekdays or first in lexicon.relative_days:
        return True
    return verb in lexicon.recipient_verbs and words[0][:1].isupper()  # "told The Atlanta Journal-Constitution"


@dataclass(frozen=True)
class _Credit:
    """Who a phrase credits, and whether the verb came first ("said Smith, a spokesman")."""

    speaker: str
    verb_first: bool


def _attribution(phrase: str, lexicon: Lexicon) -> _Credit | None:
    """The speaker when ``phrase`` only credits one: "X said [adjunct]" or "said X [adjunct]".

    >>> from reconcile.rules import load_rules
    >>> _attribution("Mnuchin said in an interview broadcast Monday", load_rules().lexicon).speaker
    'Mnuchin'
    >>> _attribution("said Levett about the 44-year-old Covington resident", load_rules().lexicon).speaker
    'Levett'
    >>> _attribution("police said two men died", load_rules().lexicon) is None
    True
    """
    words = phrase.split()
    verbs = [i for i, w in enumerate(words[:10]) if w.lower() in lexicon.attribution_verbs]
    if not verbs:
        return None
    k = verbs[1] if verbs[0] == 0 and verbs[1:2] == [1] else verbs[0]  # "reports said": a noun, then the verb
    verb = words[k].lower()
    if any(w.lower() in lexicon.passive for w in words[max(0, k - 2) : k]):
        return None  # "something that had been said before": passive, nobody speaks
    if k > 0:  # X said [adjunct]
        speaker = " ".join(words[:k])
        if words[0].lower() in lexicon.adverbial_leads or not _looks_like_speaker(speaker, lexicon):
            return None
        clause = lexicon.event_pattern.search(speaker) or any(_gerund_start(w, 0, lexicon) for w in words[:k])
        if "," in speaker or clause:
            return None  # "He died, police said", "dispatchers began receiving (reports)": a statement, not a speaker
        if k > 8 or not _is_adjunct(words[k + 1 :], verb, lexicon):
            return None
        n = next((i for i in range(1, k) if _ends_name(words, i, lexicon) and _says_when(words[i:k], lexicon)), k)
        return _Credit(" ".join(words[:n]), False)  # "Mnuchin in an interview broadcast Monday said"
    if verb in lexicon.recipient_verbs or len(words) < 2:
        return None  # ", told reporters": nobody is named
    n = next((i for i in range(2, len(words)) if _ends_name(words, i, lexicon)), len(words))
    if not _names_one(words[1:n], lexicon):
        return None
    speaker = " ".join(words[1:n])
    if n > 9 or not _looks_like_speaker(speaker, lexicon) or not _is_adjunct(words[n:], verb, lexicon):
        return None
    return _Credit(speaker, True)


def _names_one(name: list[str], lexicon: Lexicon) -> bool:
    """Whether the words after a leading verb name a speaker: "said police", "said the chief",
    "dijo el fiscal", "said police spokesman Sgt. Tim Gauerke"; not a clause such as
    "said she saw the girl" or "said the economy would recover by the summer"."""
    if name[-1][:1].isupper():
        return True
    determined = name[0][:1].isupper() or name[0].lower() in lexicon.objects
    return len(name) <= 2 or (determined and len(name) <= 4)


def _says_when(words: list[str], lexicon: Lexicon) -> bool:
    """Whether the words between a speaker and the verb say when: "in an interview broadcast Monday",
    "later"; not "close to the investigation" or "of the hospital", which are part of who."""
    days = lexicon.weekdays.keys() | lexicon.relative_days.keys() | lexicon.months.keys()
    return len(words) == 1 or any(w.lower().strip(",.") in days for w in words)


def _ends_name(words: list[str], i: int, lexicon: Lexicon) -> bool:
    """Whether a speaker's name ends before words[i]: at an adjunct ("said Smith on Monday"), unless
    it joins the name's parts ("said Chief of Police Eddie Garcia")."""
    word = words[i].lower()
    if word not in lexicon.adjuncts:
        return False
    return not (word in lexicon.name_joiners and i + 1 < len(words) and words[i + 1][:1].isupper())


def _attribution_tail(chunk: str, lexicon: Lexicon) -> tuple[str, list[tuple[int, int]]] | None:
    """A sentence's closing or inserted attribution: the speaker, and the stretches of ``chunk`` that
    are what was said.

    ", Mendez Ruiz said." and ", said John Smith, a spokesman." close the sentence; ", Hill said, and
    planned to send a letter" has a statement after the credit; "That he is alive, he says, is a
    miracle" has the credit inside one statement, which stays whole.
    """
    body = chunk.rstrip(".!? \u00a0")
    commas = [m.start() for m in re.finditer(",", body)]
    for i in range(len(commas) - 1, max(-1, len(commas) - 4), -1):
        phrase, _, after = body[commas[i] + 1 :].partition(",")
        credit = _attribution(phrase, lexicon)
        if credit:
            if not after.strip():
                return credit.speaker, [(0, commas[i])]
            at = commas[i] + 1 + len(phrase) + 1
            at += len(chunk[at:]) - len(chunk[at:].lstrip())
            first = chunk[at:].split(maxsplit=1)[0].lower() if chunk[at:].split() else ""
            if _gerund_start(chunk, at, lexicon) or first in lexicon.adverbial_leads:
                return credit.speaker, [(0, commas[i]), (at, len(chunk))]
            return credit.speaker, [(0, len(chunk))] if not credit.verb_first else [(0, commas[i])]
        if i >= 2 and phrase.strip().lower() in lexicon.attribution_verbs and not after.strip():
            speaker = body[commas[i - 2] + 1 : commas[i]].strip()  # "Smith, a spokesman, said"
            if _looks_like_speaker(speaker.replace(",", " "), lexicon):
                return speaker, [(0, commas[i - 2])]
    return None


#: a credit set off by dashes, as Spanish writes one: "—dijo el fiscal—", "—afirmó el alcalde."
_DASHED = re.compile(r"\s?[—–―]\s?([^—–―]{3,80}?)\s?(?:[—–―]|(?=[.!?…]*$))")


def _dashed_credit(chunk: str, lexicon: Lexicon) -> tuple[str, list[tuple[int, int]]] | None:
    """A credit between dashes, or after one at the end: the speaker and the stretches of ``chunk``
    that were said ("Vamos a encontrar a los responsables —dijo el fiscal— y serán castigados")."""
    for m in _DASHED.finditer(chunk):
        credit = _attribution(m.group(1).strip(" ,."), lexicon)
        if credit is None or m.start() == 0:
            continue
        after = chunk[m.end() :].strip(" .!?…")
        if not after:
            return credit.speaker, [(0, m.start())]
        first = after.split(maxsplit=1)[0].lower()
        if first in lexicon.adverbial_leads or _gerund_start(after, 0, lexicon):
            return credit.speaker, [(0, m.start()), (m.end(), len(chunk))]
        return credit.speaker, [(0, len(chunk))]  # "The gunman — police said — fled": one statement
    return None


def _gerund_start(chunk: str, at: int, lexicon: Lexicon) -> bool:
    """Whether a participle clause (", adding that ...") starts at ``at``."""
    word = lexicon.gerund.match(chunk, at)
    return word is not None and word.group().lower() not in lexicon.not_gerunds


def _clean_speaker(phrase: str, lexicon: Lexicon) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(TRIM + ".")
    first, _, rest = phrase.partition(" ")
    if rest and first.lower() in lexicon.attribution_verbs:
        phrase = rest  # "según informó la fiscalía": the speaker is the fiscalía
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


def _reported(text: str, s: Span, lexicon: Lexicon) -> tuple[str | None, list[Span]]:
    """Who a sentence credits and the spans of what they said: the whole sentence if nobody."""
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
            return speaker, [Span(s.start + speaker_end + 1, s.end)]
    # C, according to X.
    for m in lexicon.according_to.finditer(chunk):
        if m.start() > 0 and chunk[: m.start()].rstrip(" \u00a0”\"’»").endswith(","):
            return chunk[m.end() :], [Span(s.start, s.start + m.start())]
    # C —dijo el fiscal— C.   /   C —afirmó el alcalde.
    dashed = _dashed_credit(chunk, lexicon)
    if dashed:
        speaker, parts = dashed
        return speaker, [Span(s.start + a, s.start + b) for a, b in parts]
    # C, X said [when].   /   C, said X [where].
    tail = _attribution_tail(chunk, lexicon)
    if tail:
        speaker, parts = tail
        return speaker, [Span(s.start + a, s.start + b) for a, b in parts]
    # X said (that) C
    verbs = list(lexicon.verb_pattern.finditer(chunk))
    for k, m in enumerate(verbs):
        if not _credits(m, lexicon):
            continue  # "the fighting continued until ...": these credit only a quotation
        before = chunk[: m.start()].split()
        if any(w.lower() in lexicon.passive for w in before[-2:]) or re.search(r"n[’']t\s*$", chunk[: m.start()]):
            continue  # "hasn't been confirmed", "as first reported": passive, nobody speaks
        if before and before[-1].lower() in ("not", "no"):
            continue
        if before and before[-1].lower() in lexicon.relative_pronouns and (
            (len(before) > 1 and before[-2].endswith(",")) or any(_credits(v, lexicon) for v in verbs[k + 1 :])
        ):
            # a relative clause's verb: "The company, which posted record profits, said ...", "The person
            # who reported the shooting said ..."; but "a neighbour who says she heard shots" credits the neighbour
            continue
        subject_start = _strip_adverbial(text, s.start, s.start + m.start(), lexicon)
        speaker = text[subject_start : s.start + m.start()].strip(TRIM)
        head = _before_relative(speaker, lexicon)  # "Elliott, who chairs the committee," is Elliott
        if not speaker or not _looks_like_speaker(head, lexicon) or len(head.split()) > 9:
            break
        if "," in speaker and not re.search(r",[^,]+,$", speaker + ","):
            break
        rest_start = s.start + m.end()
        rest = text[rest_start : s.end]
        rest_start += _content_start(rest, lexicon, recipient=m.group().lower() in lexicon.recipient_verbs)
        content = Span(rest_start, s.end)
        if _words(text[content.start : content.end]) < 3 or text[rest_start : s.end].lstrip()[:1] in (":", "“", '"'):
            break
        return speaker, [content]
    return None, [s]


def _credits(verb: re.Match[str], lexicon: Lexicon) -> bool:
    """Whether an attribution verb can credit a speaker (not one that only credits a quotation)."""
    return verb.group().lower() not in lexicon.quote_tail_verbs


def _before_relative(speaker: str, lexicon: Lexicon) -> str:
    """A speaker without the relative clause set off by a comma after it: "Elliott, who chairs the
    committee" -> "Elliott". Only a clause that runs on to the verb: in "The officer, who joined last
    year, was shot, Chief Riggs" the words before the verb are a sentence, not a speaker."""
    for m in re.finditer(r",\s*([^\W\d_]+)", speaker):
        if m.group(1).lower() in lexicon.relative_pronouns:
            return speaker if "," in speaker[m.end() :] else speaker[: m.start()]
    return speaker


def _content_start(rest: str, lexicon: Lexicon, *, recipient: bool = False) -> int:
    """Where reported speech starts after its verb: past "that", and past a phrase of when or where
    (or, after "told", whom) before it: "said in a statement issued Friday that ...", "told Sgt. Brown that".

    >>> from reconcile.rules import load_rules
    >>> rest = " on Jan. 5 that the house burned down"
    >>> rest[_content_start(rest, load_rules().lexicon):]
    ' the house burned down'
    """
    words = list(re.finditer(r"[^\s,]+", rest[:200]))
    if not words:
        return 0
    first = words[0].group().lower()
    if first in lexicon.that:
        return words[0].end()
    days = lexicon.weekdays.keys() | lexicon.relative_days.keys() | lexicon.months.keys()
    for k, w in enumerate(words[1:9], start=1):
        if w.group().lower() in lexicon.that:
            dated = any(x.group().lower().strip(".") in days for x in words[:k])  # "aseguró el pasado viernes que"
            framed = recipient or first in lexicon.adjuncts or dated
            return w.end() if framed and "," not in rest[: w.start()] else 0
    return 0


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
    if m.group(1).lower() in lexicon.anaphora:  # "y otros tres resultaron heridos"
        m = re.match(r"\s*([^\W_]+|\d+)", text[at + m.end() : end])
        if not m:
            return False
        return facts_mod.number_value(m.group(1), language) is not None
    bound = lexicon.bound_pattern.match(text, word_start)
    if bound:
        word_start = bound.end()
        m = re.match(r"\s*([^\W_]+|\d+)", text[word_start:end])
        if not m:
            return False
    if re.match(r"\s*[,)]", text[word_start + m.end() :]):
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
    if tokenised or before.group(1).lower() in lexicon.hyphen_prefixes:
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
    for dash in lexicon.dashes:
        for m in _literal(dash).finditer(chunk):
            if not _is_spaced_hyphen(chunk, m.start(), m.end(), lexicon, tokenised=tokenised):
                cuts.append((span.start + m.start(), span.start + m.end()))
    return cuts


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
    for sep in lexicon.coordination:
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
        states = _words(left) >= min_words and _is_statement(left)
        right = text[right_start:right_end]
        acts = lexicon.event_pattern.search(right) or any(w.lower() in lexicon.auxiliaries for w in right.split())
        if acts and (states or lexicon.event_pattern.search(left)):
            accepted.append((left_end, right_start))
    return accepted


def _clauses(text: str, span: Span, lexicon: Lexicon, *, quoted: bool, language: str, min_words: int) -> list[Span]:
    """Cut a sentence (or its reported content) where it turns to another fact.

    A title-case headline is never cut: its capitals hide where its clauses turn.
    """
    chunk = text[span.start : span.end]
    if _lower_words(chunk) < 2:
        return [span]
    cuts: list[tuple[int, int]] = []
    if not quoted:
        cuts += _dash_cuts(text, span, lexicon)
        for brk in lexicon.breaks:
            for m in _literal(brk, "", re.IGNORECASE).finditer(chunk):
                cuts.append((span.start + m.start(), span.start + m.end()))
        after_comma, after_by = _gerund_patterns(tuple(lexicon.gerund_leads), lexicon.gerund.pattern)
        for m in after_comma.finditer(chunk):
            if m.group(1).lower() not in lexicon.not_gerunds:
                cuts.append((span.start + m.start(), span.start + m.start() + len(m.group(0).split(None, 1)[0]) + 1))
        for m in after_by.finditer(chunk):
            if m.group(1).lower() not in lexicon.not_gerunds:
                cuts.append((span.start + m.start(), span.start + m.end()))
    cuts += _coordination_cuts(text, span, lexicon, language, min_words, cuts)
    # keep the widest cut at each place; cuts that overlap an earlier one are dropped
    merged: list[tuple[int, int]] = []
    for cut in sorted(cuts, key=lambda c: (c[0], -c[1])):
        if merged and cut[0] < merged[-1][1]:
            continue
        merged.append(cut)
    return _split_at(text, span, merged)


#: how many of the article's earlier counts a claim may look back to for an antecedent
_EARLIER = 12


def pieces(document: Document, rules: Rules, settings: Settings = Settings()) -> list[Piece]:
    """Every claim-sized span of the document, in order, with its speaker and quotedness."""
    text, lexicon = document.text, rules.lexicon
    furniture = list(document.furniture)
    speakers = _Speakers(lexicon)
    out: list[Piece] = []
    previous_speaker: str | None = None
    previous_was_quote = False
    earlier: list[tuple[facts_mod.Count, Span]] = []  # every count so far, with its sentence
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
        prose = _is_prose(text[start:end], lexicon, lead_in=text[line.end - 1] == ":", min_words=settings.min_words)
        if end <= start or (not tweet and not prose):
            previous_was_quote = False
            continue  # a heading, a caption, a byline
        line_span = Span(start, end)
        language = detect(text[start:end], document.language)
        # a line of dialogue opens with a quotation dash, which the trimming above has passed
        dialogue = _dialogue_regions(text, Span(line.start, end), lexicon.dialogue_dashes)
        quotes = dialogue if dialogue is not None else _quote_regions(text, line_span)
        line_speaker: str | None = None
        line_pieces: list[Piece] = []
        for sentence in _sentences(text, line_span, lexicon, quotes):
            s0, s1 = _trim(text, sentence.start, sentence.end, furniture)
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
    return _first_of_each(text, out)


def normalized(text: str) -> str:
    """A claim's words, case and punctuation aside: what makes two claims the same statement.

    >>> normalized("Mexican Cartel Hunting Down Police") == normalized("MEXICAN cartel hunting down police.")
    True
    """
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def _first_of_each(text: str, found: list[Piece]) -> list[Piece]:
    """Drop a piece that repeats an earlier one word for word (a headline or lede printed twice)."""
    seen: set[str] = set()
    out = []
    for piece in found:
        key = normalized(text[piece.start : piece.end])
        if key not in seen:
            seen.add(key)
            out.append(piece)
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
    elif quotes and (credit := _credit_only(text, s, lexicon)):
        speaker = speakers.name(credit)  # 'Abbott said during a Friday press conference.' between quotations
    else:
        phrase, contents = _reported(text, s, lexicon)
        speaker = speakers.name(phrase)
        spans += [(content, False, speaker) for content in contents]
    out: list[tuple[Piece, str | None]] = []
    for span, quoted, who in spans:
        for clause in _clauses(text, span, lexicon, quoted=quoted, language=language, min_words=settings.min_words):
            c0, c1 = _trim(text, clause.start, clause.end, [])
            if c1 <= c0:
                continue
            chunk = text[c0:c1]
            has_count = any(c0 <= c.start and c.end <= c1 for c in counts)
            states = _is_statement(chunk) or _is_event_headline(chunk, lexicon)
            if not has_count and (_words(chunk) < settings.min_words or not states):
                continue
            out.append((Piece(c0, c1, who, quoted, s, language, tuple(counts)), speaker))
    return sorted(out, key=lambda p: p[0].start)


def _credit_only(text: str, s: Span, lexicon: Lexicon) -> str | None:
    """The speaker when a whole sentence only credits one ("Taylor said through tears."), else None."""
    chunk = text[s.start : s.end].rstrip(".!?:… \u00a0")
    credit = _attribution(chunk, lexicon)
    if credit is None or any(w.lower() in lexicon.quote_tail_verbs for w in chunk.split()):
        return None  # "The search for the shooters continues." states something
    return credit.speaker


def _speaker_around_quote(text: str, r: Span, lexicon: Lexicon) -> tuple[str | None, Span | None]:
    """In the words around a quotation: who it is credited to, and any further statement."""
    chunk = text[r.start : r.end]
    stripped = chunk.strip(TRIM + ".”\"“«»")
    if not stripped:
        return None, None
    offset = r.start + chunk.find(stripped)
    words = stripped.split()
    # ', reads a banner signed by the cartel and hung on a building in May.': the document is a fact too
    if words[0].lower() in lexicon.quote_tail_verbs and len(words) > 1:
        return " ".join(words[1:]), Span(offset, offset + len(stripped))
    # ', said Smith.'  /  'Saucedo said:'  /  'he said to Iván Archivaldo Guzmán Salazar.'  /
    # ', the ATF agent said in charging papers, noting that both have been arrested'
    phrase, _, after = stripped.partition(",")
    credit = _attribution(phrase, lexicon)
    if credit:
        at = len(stripped) - len(after.lstrip())
        more = after.strip() and (_gerund_start(stripped, at, lexicon) or not credit.verb_first)
        return credit.speaker, Span(offset + at, offset + len(stripped)) if more else None
    if words[0].lower() in lexicon.attribution_verbs:
        return " ".join(words[1:]) or None, None  # ', said a woman who lives near the park': a credit only
    # 'Saucedo said.'  /  'the banner continues.'
    if words[-1].lower().rstrip(":") in lexicon.attribution_verbs and len(words) <= 8:
        phrase = " ".join(words[:-1])
        m = lexicon.according_to.match(phrase)
        return (phrase[m.end() :] if m else phrase) or None, None
    # 'According to Saucedo, the security analyst,'
    m = lexicon.according_to.match(stripped)
    if m:
        return stripped[m.end() :], None
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
            earlier=piece.earlier,
            lexicon=lexicon,
            today=document.date,
            year=year,
        )
        claims.append(make_claim(document, f"{document.id}.c{n}", piece, language=piece.language, facts=facts))
    return claims
