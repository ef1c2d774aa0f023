"""Which details only one source gives are worth an editor's time, and in what order.

A detail is listed when it is a standalone fact: six words or more with a verb, not a photo caption,
a section header or the headline, not a scraper's or a site's note ("Stay tuned to THV11", "First
paragraph (index) is missing."), not a bare "X said in a statement" tag, not a quotation nobody is
credited with, and not something another source prints almost word for word. Listed details are
ranked by what they add: numbers first, then names and events. The JSON report keeps every one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from ..model import Claim, Document
from .speaker import credited

__all__ = ["MIN_WORDS", "has_verb", "is_substantive", "weight"]


def _set(words: str) -> frozenset[str]:
    """A word list written as lines of text."""
    return frozenset(words.split())

#: a detail shorter than this, in words, is a fragment
MIN_WORDS = 6
#: rapidfuzz token-set ratio at or above which another source prints the same detail
SAME_DETAIL = 90

_WORDS = re.compile(r"[^\W_]+")

_EN_VERBS = _set("""
is are was were be been being am has have had do does did will would can could may might must shall should
says said tells told says goes went gets got makes made takes took gives gave comes came sees saw finds found
leaves left holds held leads led keeps kept pays paid puts sets lets cuts hits shot shoots dies died fled flees
runs ran brings brought thinks thought knows knew seems appears remains continues faces plans shows calls
claims denies warns hopes believes wants needs says rose fell began became broke chose drove grew hid sold
spoke stood swore threw won wrote stole struck fought caught sent spent lost met hurt beat ordered
hit withdrew swept lives expect expects try tries say find finds
""")

_ES_VERBS = _set("""
es son era eran fue fueron ser sido está están estaba estaban estuvo estuvieron será serán sería ha han había
habían hay hubo tiene tienen tenía tenían tuvo dijo dice dicen decía hizo hace hacen puede pueden pudo debe
deben va van iba iban queda quedó sigue siguen parece da dio dan vio ve
""")

#: a contracted verb: "we're", "I've", "didn't", and "'s" after a pronoun ("it's", "there's"), not a possessive
_EN_CONTRACTION = re.compile(
    r"\w\s?['’](?:re|ve|m|ll|d)\b|n\s?['’]t\b"
    r"|\b(?:it|there|he|she|that|what|who|here|where|everyone|nobody|this)\s?['’]s\b",
    re.IGNORECASE,
)

_ES_ENDINGS = re.compile(r"(?:aron|ieron|aba|aban|ían|ará|erá|irá|arán|erán|irán)$")

#: a clause that opens with these leans on the sentence it was cut from: "his body dumped on a highway",
#: "with at least 262 officers killed", "it was changed to first-degree murder" (EN and ES)
_LEANING = _set("""
it its they them their he him his she her this these those which who whom whose where and but or nor so
with without after before by while as to for in on at from of than then also including
y o pero con sin tras por para de del en que quien cuyo lo la le les su sus ello este esta esto
""")

#: a subject that names no one: the detail leans on the sentence before it (EN and ES)
_PRONOUNS = _set("it its they them their he his she her this these those that that's él ella ellos ellas esto")

_BOILERPLATE = re.compile(
    r"stay tuned|for (?:full|more) (?:details|information|coverage)|more information (?:as|when)"
    r"|\bread (?:more|the full|our|\w+'s \w+ for)|click here|sign up|subscribe|follow us|all rights reserved"
    r"|copyright|\bparagraph\b.*\bmissing\b|\(index\)|(?:story|article) (?:has been|was|will be) updated"
    r"|check back|contributed to this report|download (?:the|our) app|watch (?:the|our) video|share this"
    r"|newsletter|advertisement|related (?:photos|coverage|stories|articles|content)|photos related"
    r"|síguenos|suscríbete|lee también|te recomendamos|más información",
    re.IGNORECASE,
)

_CAPTION = re.compile(
    r"^\(?(?:photo|foto|image|imagen|video|credit|file photo|ap photo|getty)\b|\((?:photo|foto)\s*:"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}, \d{4}\.?\s*(?:\([^)]*\))?$",
    re.IGNORECASE,
)

_SAID = re.compile(r"\b(?:said|says|told|dijo|afirmó|señaló)\b", re.IGNORECASE)

_TAG = re.compile(
    r"\b(?:said|says|told|stated|added|wrote|tweeted|announced|dijo|afirmó|señaló|informó|indicó)\b"
    r"(?:\s+(?:in|on|at|during|via|through|late|early|earlier|later|last|this)\b[^.;:]*)?[.\s]*$",
    re.IGNORECASE,
)


def _words(text: str) -> list[str]:
    return _WORDS.findall(text)


def has_verb(text: str, language: str = "en") -> bool:
    """Whether the text has a finite verb, as far as a word list and word endings tell.

    >>> has_verb("tweeting that the memos"), has_verb("the memos were leaked"), has_verb("la policía detuvo")
    (False, True, False)
    >>> has_verb("la policía detuvo al hombre", "es"), has_verb("murieron cuatro policías", "es")
    (False, True)
    >>> has_verb("There 's definitely a lot of damage ."), has_verb("Solomon's mother, a nurse")
    (True, False)
    """
    words = [w.lower() for w in _words(text)]
    if language == "es":
        return any(w in _ES_VERBS or _ES_ENDINGS.search(w) or (len(w) >= 4 and w.endswith("ó")) for w in words)
    if _EN_CONTRACTION.search(text):
        return True
    return any(w in _EN_VERBS or (len(w) >= 4 and w.endswith("ed") and w != "hundred") for w in words)


def _header(text: str) -> bool:
    """A heading: no end punctuation, and in capitals or title case."""
    if text.rstrip("”\"’»)").endswith((".", "!", "?", "…")):
        return False
    words = [w for w in _words(text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _title_line(claim: Claim, document: Document) -> bool:
    """The claim is the document's headline (or a copy of it)."""
    title = " ".join((document.title or "").split()).casefold()
    return bool(title) and " ".join(claim.text.split()).casefold().strip(" .") in title


def is_substantive(claim: Claim, document: Document, others: Sequence[str] = ()) -> bool:
    """Whether a detail only this source gives is worth listing for an editor; ``others`` are the
    other sources' claim texts (a detail one of them prints almost word for word is no unique one).

    >>> d = Document(id="d1", path="a.txt", text="x")
    >>> c = lambda t, **k: Claim(id="d1.c1", doc="d1", text=t, start=0, end=len(t), **k)
    >>> is_substantive(c("Harris was also wanted on four counts of first-degree battery."), d)
    True
    >>> [is_substantive(c(t), d) for t in ("his body dumped on a highway.", "Stay tuned to THV11 for more information.",
    ...  "Officials said in a statement on Monday.", "Investigators work outside a trailer Wednesday, June 22, 2016.")]
    [False, False, False, False]
    """
    text = " ".join(claim.text.split())
    words = _words(text)
    if len(words) < MIN_WORDS or not has_verb(text, claim.language):
        return False
    if words[0][0].islower() and (words[0] in _LEANING or words[0].endswith("ing") or not claim.attribution):
        return False  # a clause cut from its sentence: no speaker's words, and no capital to open it
    if words[0].lower() in _PRONOUNS:
        return False  # "They then killed the officers": who they are is in another sentence
    if _BOILERPLATE.search(text) or _CAPTION.search(text) or _header(text) or _title_line(claim, document):
        return False
    if _TAG.search(text) and len(_words(_TAG.sub("", text))) < MIN_WORDS:
        return False
    quoting = claim.quoted or text.startswith(("``", '"', "“", "«", "‘"))
    if quoting and credited(claim) is None and not _SAID.search(text):
        return False  # a quotation with no one to credit it to (none in the claim, none in its words)
    return not (others and process.extractOne(text, others, scorer=fuzz.token_set_ratio, score_cutoff=SAME_DETAIL))


def weight(claim: Claim) -> float:
    """What a detail adds, for ranking: numbers 3, names 2, events 2, a day 1, a named speaker 0.5.

    >>> weight(Claim(id="d1.c1", doc="d1", text="Five people were shot.", start=0, end=22))
    3.0
    """
    facts = claim.facts
    score = 3.0 if facts.quantities or any(ch.isdigit() for ch in claim.text) or _spelled_count(claim.text) else 0.0
    names = [e for e in facts.entities if e.kind in ("person", "org", "place")]
    score += 2.0 if names or _inner_capital(claim.text) else 0.0
    score += 2.0 if facts.events else 0.0
    score += 1.0 if facts.dates else 0.0
    score += 0.5 if credited(claim) else 0.0
    return score


_SPELLED = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?"
    r"|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|cientos|miles)\b",
    re.IGNORECASE,
)


def _spelled_count(text: str) -> bool:
    return bool(_SPELLED.search(text))


def _inner_capital(text: str) -> bool:
    """A capitalised word past the first: a name, most often."""
    return any(w[:1].isupper() for w in _words(text)[1:])
