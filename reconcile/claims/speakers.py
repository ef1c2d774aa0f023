"""Who a sentence credits: "X said", "according to X", ", Mnuchin said in an interview broadcast
Monday", a credit between dashes ("—dijo el fiscal—"), the words around a quotation, and "he said"
resolved to the last person named; and the spans of what they said."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import facts as facts_mod
from ..model import Span
from ..rules import Lexicon
from .segment import TRIM, word_count

__all__ = ["Credit", "Speakers", "attribution", "credit_only", "gerund_start", "reported", "speaker_around_quote"]

def _looks_like_speaker(phrase: str, lexicon: Lexicon) -> bool:
    words = phrase.split()
    if not words or len(words) > 9:
        return False
    if words[0].lower() in lexicon.speakers.not_speakers:
        return False
    if any(w.lower() in lexicon.sentences.auxiliaries for w in _clean_speaker(phrase, lexicon).split()):
        return False  # "Detectives are waiting on the final autopsy (reports)": a clause, not a speaker
    return phrase[:1].isupper() or phrase[:1].isalpha()


def _is_adjunct(words: list[str], verb: str, lexicon: Lexicon) -> bool:
    """Whether the words after a speaker and their verb only say when, where or to whom it was said.

    "in an interview broadcast Monday", "Tuesday", "to reporters"; "that two men died" is content.
    """
    if not words:
        return True
    speaking = lexicon.speakers.that | lexicon.speakers.attribution_verbs
    if len(words) > 8 or any(w.lower().strip(",.") in speaking for w in words):
        return False
    phrase = " ".join(words)
    bound = lexicon.counts.bound_pattern.match(phrase)
    if bound and phrase[bound.end() :].split() and facts_mod.number_value(phrase[bound.end() :].split()[0]) is not None:
        return False  # "reported at least 20 shots fired"
    if lexicon.counts.event_pattern.search(phrase):
        return False  # "said in total eight people died"
    if any(w.lower() in lexicon.sentences.auxiliaries for w in words):
        return False  # "said in total eight people were shot"
    first = words[0].lower().strip(",.")
    if first in lexicon.speakers.adjuncts or first in lexicon.dates.weekdays or first in lexicon.dates.relative_days:
        return True
    # "told The Atlanta Journal-Constitution"
    return verb in lexicon.speakers.recipient_verbs and words[0][:1].isupper()


@dataclass(frozen=True)
class Credit:
    """Who a phrase credits, and whether the verb came first ("said Smith, a spokesman")."""

    speaker: str
    verb_first: bool


def attribution(phrase: str, lexicon: Lexicon) -> Credit | None:
    """The speaker when ``phrase`` only credits one: "X said [adjunct]" or "said X [adjunct]".

    >>> from reconcile.rules import load_rules
    >>> attribution("Mnuchin said in an interview broadcast Monday", load_rules().lexicon).speaker
    'Mnuchin'
    >>> attribution("said Levett about the 44-year-old Covington resident", load_rules().lexicon).speaker
    'Levett'
    >>> attribution("police said two men died", load_rules().lexicon) is None
    True
    """
    words = phrase.split()
    verbs = [i for i, w in enumerate(words[:10]) if w.lower() in lexicon.speakers.attribution_verbs]
    if not verbs:
        return None
    k = verbs[1] if verbs[0] == 0 and verbs[1:2] == [1] else verbs[0]  # "reports said": a noun, then the verb
    verb = words[k].lower()
    if any(w.lower() in lexicon.speakers.passive for w in words[max(0, k - 2) : k]):
        return None  # "something that had been said before": passive, nobody speaks
    if k > 0:  # X said [adjunct]
        speaker = " ".join(words[:k])
        if words[0].lower() in lexicon.speakers.adverbial_leads or not _looks_like_speaker(speaker, lexicon):
            return None
        clause = lexicon.counts.event_pattern.search(speaker) or any(gerund_start(w, 0, lexicon) for w in words[:k])
        if "," in speaker or clause:
            return None  # "He died, police said", "dispatchers began receiving (reports)": a statement, not a speaker
        if k > 8 or not _is_adjunct(words[k + 1 :], verb, lexicon):
            return None
        n = next((i for i in range(1, k) if _ends_name(words, i, lexicon) and _says_when(words[i:k], lexicon)), k)
        return Credit(" ".join(words[:n]), False)  # "Mnuchin in an interview broadcast Monday said"
    if verb in lexicon.speakers.recipient_verbs or len(words) < 2:
        return None  # ", told reporters": nobody is named
    n = next((i for i in range(2, len(words)) if _ends_name(words, i, lexicon)), len(words))
    if not _names_one(words[1:n], lexicon):
        return None
    speaker = " ".join(words[1:n])
    if n > 9 or not _looks_like_speaker(speaker, lexicon) or not _is_adjunct(words[n:], verb, lexicon):
        return None
    return Credit(speaker, True)


def _names_one(name: list[str], lexicon: Lexicon) -> bool:
    """Whether the words after a leading verb name a speaker: "said police", "said the chief",
    "dijo el fiscal", "said police spokesman Sgt. Tim Gauerke"; not a clause such as
    "said she saw the girl" or "said the economy would recover by the summer"."""
    if name[-1][:1].isupper():
        return True
    determined = name[0][:1].isupper() or name[0].lower() in lexicon.speakers.objects
    return len(name) <= 2 or (determined and len(name) <= 4)


def _says_when(words: list[str], lexicon: Lexicon) -> bool:
    """Whether the words between a speaker and the verb say when: "in an interview broadcast Monday",
    "later"; not "close to the investigation" or "of the hospital", which are part of who."""
    days = lexicon.dates.weekdays.keys() | lexicon.dates.relative_days.keys() | lexicon.dates.months.keys()
    return len(words) == 1 or any(w.lower().strip(",.") in days for w in words)


def _ends_name(words: list[str], i: int, lexicon: Lexicon) -> bool:
    """Whether a speaker's name ends before words[i]: at an adjunct ("said Smith on Monday"), unless
    it joins the name's parts ("said Chief of Police Eddie Garcia")."""
    word = words[i].lower()
    if word not in lexicon.speakers.adjuncts:
        return False
    return not (word in lexicon.speakers.name_joiners and i + 1 < len(words) and words[i + 1][:1].isupper())


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
        credit = attribution(phrase, lexicon)
        if credit:
            if not after.strip():
                return credit.speaker, [(0, commas[i])]
            at = commas[i] + 1 + len(phrase) + 1
            at += len(chunk[at:]) - len(chunk[at:].lstrip())
            first = chunk[at:].split(maxsplit=1)[0].lower() if chunk[at:].split() else ""
            if gerund_start(chunk, at, lexicon) or first in lexicon.speakers.adverbial_leads:
                return credit.speaker, [(0, commas[i]), (at, len(chunk))]
            return credit.speaker, [(0, len(chunk))] if not credit.verb_first else [(0, commas[i])]
        if i >= 2 and phrase.strip().lower() in lexicon.speakers.attribution_verbs and not after.strip():
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
        credit = attribution(m.group(1).strip(" ,."), lexicon)
        if credit is None or m.start() == 0:
            continue
        after = chunk[m.end() :].strip(" .!?…")
        if not after:
            return credit.speaker, [(0, m.start())]
        first = after.split(maxsplit=1)[0].lower()
        if first in lexicon.speakers.adverbial_leads or gerund_start(after, 0, lexicon):
            return credit.speaker, [(0, m.start()), (m.end(), len(chunk))]
        return credit.speaker, [(0, len(chunk))]  # "The gunman — police said — fled": one statement
    return None


def gerund_start(chunk: str, at: int, lexicon: Lexicon) -> bool:
    """Whether a participle clause (", adding that ...") starts at ``at``."""
    word = lexicon.sentences.gerund.match(chunk, at)
    return word is not None and word.group().lower() not in lexicon.sentences.not_gerunds


def _clean_speaker(phrase: str, lexicon: Lexicon) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(TRIM + ".")
    first, _, rest = phrase.partition(" ")
    if rest and first.lower() in lexicon.speakers.attribution_verbs:
        phrase = rest  # "según informó la fiscalía": the speaker is the fiscalía
    stop = lexicon.speakers.speaker_stop.search(phrase)
    if stop and stop.start() > 0:
        phrase = phrase[: stop.start()].strip(TRIM)
    return lexicon.speakers.speaker_trailing.sub("", phrase)


class Speakers:
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
        if phrase.lower() in self.lexicon.speakers.pronouns:
            return self.last or phrase
        if any(w[:1].isupper() for w in phrase.split()):
            self.last = phrase
        return phrase


def _strip_adverbial(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """Skip "On Thursday," or "But" before a speaker."""
    chunk = text[start:end]
    first = chunk.split(maxsplit=1)[0].lower().strip(",") if chunk.split() else ""
    if first in lexicon.speakers.adverbial_leads:
        comma = chunk.find(",")
        if 0 < comma < 40 and comma < len(chunk) - 1:
            return start + comma + 1
        if first in lexicon.speakers.objects:
            return start  # an article, not a lead: "El gobernador aseguró"
        return start + len(chunk.split(maxsplit=1)[0])
    return start


def reported(text: str, s: Span, lexicon: Lexicon) -> tuple[str | None, list[Span]]:
    """Who a sentence credits and the spans of what they said: the whole sentence if nobody."""
    chunk = text[s.start : s.end]
    # According to X, C
    m = lexicon.speakers.according_to.match(chunk)
    if m:
        comma = chunk.find(",", m.end())
        if comma > 0:
            speaker_end = comma
            rest = chunk[comma + 1 :]
            nxt = rest.find(",")
            if nxt > 0 and word_count(rest[:nxt]) <= 4 and rest[nxt + 1 :].strip():
                speaker_end = comma + 1 + nxt  # an appositive: "According to Saucedo, the analyst, ..."
            speaker = chunk[m.end() : speaker_end]
            return speaker, [Span(s.start + speaker_end + 1, s.end)]
    # C, according to X.
    for m in lexicon.speakers.according_to.finditer(chunk):
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
    verbs = list(lexicon.speakers.verb_pattern.finditer(chunk))
    for k, m in enumerate(verbs):
        if not _credits(m, lexicon):
            continue  # "the fighting continued until ...": these credit only a quotation
        before = chunk[: m.start()].split()
        passive = any(w.lower() in lexicon.speakers.passive for w in before[-2:])
        if passive or re.search(r"n[’']t\s*$", chunk[: m.start()]):
            continue  # "hasn't been confirmed", "as first reported": passive, nobody speaks
        if before and before[-1].lower() in ("not", "no"):
            continue
        if before and before[-1].lower() in lexicon.speakers.relative_pronouns and (
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
        rest_start += _content_start(rest, lexicon, recipient=m.group().lower() in lexicon.speakers.recipient_verbs)
        content = Span(rest_start, s.end)
        opens_quote = text[rest_start : s.end].lstrip()[:1] in (":", "“", '"')
        if word_count(text[content.start : content.end]) < 3 or opens_quote:
            break
        return speaker, [content]
    return None, [s]


def _credits(verb: re.Match[str], lexicon: Lexicon) -> bool:
    """Whether an attribution verb can credit a speaker (not one that only credits a quotation)."""
    return verb.group().lower() not in lexicon.speakers.quote_tail_verbs


def _before_relative(speaker: str, lexicon: Lexicon) -> str:
    """A speaker without the relative clause set off by a comma after it: "Elliott, who chairs the
    committee" -> "Elliott". Only a clause that runs on to the verb: in "The officer, who joined last
    year, was shot, Chief Riggs" the words before the verb are a sentence, not a speaker."""
    for m in re.finditer(r",\s*([^\W\d_]+)", speaker):
        if m.group(1).lower() in lexicon.speakers.relative_pronouns:
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
    if first in lexicon.speakers.that:
        return words[0].end()
    days = lexicon.dates.weekdays.keys() | lexicon.dates.relative_days.keys() | lexicon.dates.months.keys()
    for k, w in enumerate(words[1:9], start=1):
        if w.group().lower() in lexicon.speakers.that:
            dated = any(x.group().lower().strip(".") in days for x in words[:k])  # "aseguró el pasado viernes que"
            framed = recipient or first in lexicon.speakers.adjuncts or dated
            return w.end() if framed and "," not in rest[: w.start()] else 0
    return 0


def credit_only(text: str, s: Span, lexicon: Lexicon) -> str | None:
    """The speaker when a whole sentence only credits one ("Taylor said through tears."), else None."""
    chunk = text[s.start : s.end].rstrip(".!?:… \u00a0")
    credit = attribution(chunk, lexicon)
    if credit is None or any(w.lower() in lexicon.speakers.quote_tail_verbs for w in chunk.split()):
        return None  # "The search for the shooters continues." states something
    return credit.speaker


def speaker_around_quote(text: str, r: Span, lexicon: Lexicon) -> tuple[str | None, Span | None]:
    """In the words around a quotation: who it is credited to, and any further statement."""
    chunk = text[r.start : r.end]
    stripped = chunk.strip(TRIM + ".”\"“«»")
    if not stripped:
        return None, None
    offset = r.start + chunk.find(stripped)
    words = stripped.split()
    # ', reads a banner signed by the cartel and hung on a building in May.': the document is a fact too
    if words[0].lower() in lexicon.speakers.quote_tail_verbs and len(words) > 1:
        return " ".join(words[1:]), Span(offset, offset + len(stripped))
    # ', said Smith.'  /  'Saucedo said:'  /  'he said to Iván Archivaldo Guzmán Salazar.'  /
    # ', the ATF agent said in charging papers, noting that both have been arrested'
    phrase, _, after = stripped.partition(",")
    credit = attribution(phrase, lexicon)
    if credit:
        at = len(stripped) - len(after.lstrip())
        more = after.strip() and (gerund_start(stripped, at, lexicon) or not credit.verb_first)
        return credit.speaker, Span(offset + at, offset + len(stripped)) if more else None
    if words[0].lower() in lexicon.speakers.attribution_verbs:
        return " ".join(words[1:]) or None, None  # ', said a woman who lives near the park': a credit only
    # 'Saucedo said.'  /  'the banner continues.'
    if words[-1].lower().rstrip(":") in lexicon.speakers.attribution_verbs and len(words) <= 8:
        phrase = " ".join(words[:-1])
        m = lexicon.speakers.according_to.match(phrase)
        return (phrase[m.end() :] if m else phrase) or None, None
    # 'According to Saucedo, the security analyst,'
    m = lexicon.speakers.according_to.match(stripped)
    if m:
        return stripped[m.end() :], None
    # 'It sent a chilling warning to the police force, reading:'
    return None, Span(offset, offset + len(stripped))

