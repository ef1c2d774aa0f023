"""The named participants of the event a document reports: name, age, role and what happened to them.

A name is a run of two to four capitalised words in a claim that the text marks as a person: an age
beside it ("Christopher Roupe, 17", "17-year-old Christopher Roupe", "Edgar Sanchez Rios (16)",
"Juan Pérez, de 34 años"), a title or role before it ("Officer", "Sgt.", "victim", "suspect"), or
what happens to it next ("... was shot", "... was arrested", "identified as ..."). Later mentions by
the family name alone ("Roupe was transported") are the same person. What happened to a person comes
from the events of the claims that name them (killed, injured, arrested, charged); the role from the
words around the name, else from what happened.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..facts import takes_object
from ..model import Claim, Document, Person
from ..rules import Lexicon, alternatives
from .participants import befalls_who_follows

__all__ = ["family_name", "family_word", "read_people"]

_CAP = r"(?:[A-Z][a-zà-öø-ÿ'’]+(?:[A-Z][a-zà-öø-ÿ]+)?(?:-[A-Z][a-zà-öø-ÿ'’]+)?|[A-Z]\.|O'[A-Z][a-z]+)"
_JOINER = r"(?:de|del|la|las|los|van|von|da|di)"
#: a person's name: two to four capitalised words, a particle ("de la") allowed between them
_NICK = r"(?:\s+[\"“][^\"”\n]{1,24}[\"”])?"
#: "y" joins the last word of a name ("Ortega y Gasset"), not two names ("Matías Almeyda y Zinedine Zidane")
_NAME = (rf"{_CAP}{_NICK}(?:\s+(?:{_JOINER}\s+)?{_CAP}){{1,3}}(?:\s+y\s+{_CAP}(?![\w'’])(?!\s+{_CAP}))?"
         rf"(?:,?\s+(?:Jr\.?|Sr\.?|II|III|IV)(?![\w]))?")
#: three or more full names in a row ("Rashad Walker, Lawrence Veals, Dominic Savoy and Malik Johnson"): people
_LIST = re.compile(rf"(?:{_NAME},\s+){{2,}}(?:and\s+|y\s+)?{_NAME}")
#: between the words of an age: a hyphen, spaced out in tokenised text ("31 - year - old"), or a space
_DASH = r"(?:\s?-\s?|\s)"
_AGE_AFTER = re.compile(
    rf"(?P<name>{_NAME})\s?,\s*(?:age\s+|aged\s+|de\s+|edad\s+)?(?P<age>\d{{1,3}})(?:\s+años)?"
    rf"(?P<months>\s+(?:months?|meses))?(?=[,.;)\s]|$)"
)
_AGE_PAREN = re.compile(rf"(?P<name>{_NAME})\s+\((?P<age>\d{{1,3}})\)")
_AGE_APPOSITION = re.compile(
    rf"(?P<name>{_NAME})\s?,\s+(?:a|an|un|una)\s+(?P<age>\d{{1,3}}){_DASH}years?{_DASH}old"
)
_AGE_BEFORE = re.compile(
    rf"(?P<age>\d{{1,3}}){_DASH}(?:years?|(?P<months>months?)){_DASH}old(?:\s+[a-z]+){{0,2}}?\s?,?\s+(?P<name>{_NAME})"
)
_SUFFIX = re.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$")
#: how far (characters) from a mention of a person a word of what happened to them is read
_STATUS_REACH = 80
#: how far after a status phrase that names whom it befell right after it ("the death of Amorian Hale",
#: ``participants.befalls_who_follows``) that person's name may start (an article, a title), in characters
_OF_REACH = 12


@dataclass
class _Found:
    """A person as the document names them, gathered over mentions."""

    name: str
    start: int
    end: int
    claim: str | None
    age: int | None = None
    role: str | None = None
    statuses: list[tuple[float, str]] = field(default_factory=list)
    #: where the document first names them: a family name alone before that is someone else's
    first: int = 0


def family_word(name: str) -> str:
    """The last word of a name, suffixes aside, as written: "Gerald M. Berkey Jr." -> "Berkey"; "" for none.

    >>> family_word("Mark Jason Short Sr"), family_word("Douglas Shine, Jr.")
    ('Short', 'Shine')
    """
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", _SUFFIX.sub("", name)) if len(w) > 1]
    return words[-1] if words else ""


def family_name(name: str) -> str:
    """The last word of a name, suffixes aside, lower case: "Gerald M. Berkey Jr." -> "berkey".

    >>> family_name("Edgar Sanchez Rios"), family_name("Martin Luther King Jr.")
    ('rios', 'king')
    """
    return family_word(name).lower().strip("'’")


def _plain(word: str) -> str:
    """A word without its accents: "Matías" and "Matias" are one name, typed two ways."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _name_words(name: str) -> list[str]:
    return [_plain(w.lower().strip("'’")) for w in re.findall(r"[^\W\d_][\w'’-]*", _SUFFIX.sub("", name))
            if len(w) > 1]


def spelt_otherwise(a: str, b: str) -> bool:
    """Two given names that are one name spelt two ways ("Akielah" / "Akeilah"), not two names.

    >>> spelt_otherwise("akielah", "akeilah"), spelt_otherwise("edna", "kiearra"), spelt_otherwise("matías", "matias")
    (True, False, False)
    """
    a, b = _plain(a), _plain(b)
    if a == b or not a or not b or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    return sorted(a) == sorted(b) or sum(x != y for x, y in zip(a, b, strict=False)) <= 1


def same_person(a: str, b: str) -> bool:
    """Whether two names name one person: the same family name and given name (or one spelt otherwise,
    or a family name alone), or one name inside the other ("Edgar Sanchez" in "Edgar Sanchez Rios").
    Two given names with one family name are two people of one family ("Edna Durr", "Kiearra Durr").

    >>> same_person("Edgar Sanchez", "Edgar Sanchez Rios"), same_person("Gerald M. Berkey", "Gerald Berkey")
    (True, True)
    >>> same_person("Edna Durr", "Kiearra Durr"), same_person("Akielah Solomon", "Akeilah Solomon")
    (False, True)
    """
    x, y = _name_words(a), _name_words(b)
    if not x or not y:
        return False
    given = x[0] == y[0] or spelt_otherwise(x[0], y[0])
    if x[-1] == y[-1]:
        return given or len(x) == 1 or len(y) == 1
    small, big = (x, y) if len(x) <= len(y) else (y, x)
    return len(small) >= 2 and given and set(small) <= set(big)


#: by lexicon: the lexicon (held, so that its id is not reused) and its patterns of a name beside a cue
_CUES: dict[int, tuple[Lexicon, tuple[re.Pattern[str], re.Pattern[str]]]] = {}


def _cue_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name right after a cue ("identified as ...") and a name right before one ("... was shot"), or
    before it with an apposition between ("Chet Hockman, of Mountain View, died")."""
    found = _CUES.get(id(lexicon))
    if found is None:
        frame = lexicon.frame

        # a role or a relative before the name ("victim John Roe", "his daughter Hannah Johnson")
        cues = (*frame.person_before, *sorted(frame.kin))
        before = re.compile(rf"(?<![\w'’])(?i:{alternatives(cues) or '(?!x)x'})\s*,?\s+(?P<name>{_NAME})")
        # an adverb may stand inside the verb ("was fatally shot", "has been formally charged"), an
        # apposition between the name and the verb ("Chet Hockman, of Mountain View, died")
        # or an auxiliary and what befell them ("Kaylee Reyes was in serious condition")
        verbs = alternatives(frame.person_after).replace(r"\s+", r"\s+(?:[a-z]+ly\s+)?")
        fates = alternatives(tuple(frame.statuses))
        auxiliaries = alternatives(lexicon.counts.elliptic_aux)
        cue = rf"{verbs or '(?!x)x'}|(?:{auxiliaries or '(?!x)x'})\s+(?:{fates or '(?!x)x'})"
        after = re.compile(rf"(?P<name>{_NAME})(?:,\s+[^,.;:\n]{{2,40}},)?\s+(?i:{cue})(?![\w'’])")
        found = _CUES[id(lexicon)] = (lexicon, (before, after))
    return found[1]


def _named_again(text: str, after: int, family: str) -> bool:
    """Whether the document names ``family`` alone after ``after``, as news names a person a second
    time ("Kenneth Mills ..." then "Mills, the manager of the shop, ...")."""
    if len(family) < 3:
        return False
    written = family[:1].upper() + family[1:]
    for m in re.finditer(rf"(?<![\w'’-])(?:{re.escape(written)}|{re.escape(family.upper())})(?![\w'’-])(?!\s+[A-Z])",
                         text[after:]):
        before = re.search(r"(\S+)\s*$", text[max(0, after + m.start() - 40) : after + m.start()])
        if before is None or not before.group(1)[:1].isupper() or before.group(1).endswith((".", ",", ":", ";")):
            return True  # alone: not the end of another capitalised run
    return False


def _key(name: str) -> str:
    """What tells two people apart: the given and the family name, lower case ("Gerald M. Berkey" and
    "Gerald Berkey" are one)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", _SUFFIX.sub("", name)) if len(w) > 1]
    return f"{words[0].lower()} {words[-1].lower()}" if len(words) >= 2 else (words[0].lower() if words else "")


def _trim(name: str, lexicon: Lexicon) -> str:
    """A name without the capitalised words before it that name no one: "Texas Toddler Braison Howard"
    -> "Braison Howard" (a region, a role, a noun of people, a month)."""
    words = name.split()
    frame = lexicon.frame
    while len(words) > 2:
        first = words[0].lower().strip(".,")
        if not (first in frame.persons or first in lexicon.counts.nouns or first in frame.role_words
                or first in frame.not_person_words or lexicon.places.regions.get(words[0])
                or first in lexicon.dates.months or first in lexicon.dates.weekdays or first in ("the", "a", "an")):
            break
        words = words[1:]
    return " ".join(words)


def _opening(text: str, at: int, name: str) -> str:
    """``name`` without its first word where that word opens the sentence and the document also writes
    it in lower case: a word capitalised only by its place ("When Bennett", "Though Zawahri")."""
    first, _, rest = name.partition(" ")
    if not rest or not re.fullmatch(r"[^\W\d_]+", first):
        return name
    before = text[max(0, at - 80) : at].rstrip()
    if before and before[-1] not in ".!?\"“”:;—-(":
        return name
    if re.search(rf"(?<![\w'’-]){re.escape(first.lower())}(?![\w'’-])", text) is None:
        return name
    return rest


def _common_word(text: str, family: str) -> bool:
    """Whether the document writes ``family`` in lower case too, as a word of the language ("lords",
    "officers"), not a family name; a family name that is also a word ("Brown") counts only with an age."""
    return bool(family) and re.search(rf"(?<![\w'’-]){re.escape(family)}(?![\w'’-])", text) is not None


def _not_a_person(name: str, lexicon: Lexicon) -> bool:
    """Names of places, bodies and things, not people: "Police Department", "Bartow County", "May 5"."""
    words = [w.lower().strip(".,") for w in name.split()]
    frame = lexicon.frame
    if any(w in frame.not_person_words for w in words):
        return True
    if any(w in lexicon.dates.months or w in lexicon.dates.weekdays for w in words):
        return True
    return lexicon.places.region_pattern.fullmatch(name) is not None


def _role_before(text: str, start: int, lexicon: Lexicon) -> str | None:
    """The role a title or noun right before a name gives: "Officer Jane Doe", "victim John Roe"."""
    m = re.search(r"([^\W\d_][\w.]*)\s*,?\s*$", text[max(0, start - 40) : start])
    if m is None:
        return None
    return lexicon.frame.role_words.get(m.group(1).lower().rstrip("."))


def _agent(claim: Claim, end: int, m: re.Match[str], lexicon: Lexicon) -> bool:
    """Whether the person named up to ``end`` does what the status words ``m`` say to someone else:
    they follow the name (its age or title set off by commas aside) in the active voice, and an
    object follows them ("Mark Reed, 30, shot and killed Jamie Salazar"; not "Reed, 30, was killed",
    "Reed died Friday")."""
    gap = claim.text[end - claim.start : m.start()]
    if m.start() < end - claim.start or len(gap.split()) > 8 or re.search(r"[.;:!?]", gap):
        return False
    if any(w.lower() in lexicon.frame.passive for w in re.findall(r"[^\W\d_]+", gap + m.group())):
        return False
    return takes_object(claim.text, m.end(), lexicon)


def _owned_by_another(claim: Claim, span: tuple[int, int], m: re.Match[str], mentions: Sequence[tuple[int, int]],
                      lexicon: Lexicon) -> bool:
    """Whether the status words ``m`` follow another person's mention right after it (two words at most
    between) and so are that person's, not the one named at ``span``: "left De Guzman dead and Irwin
    seriously wounded". Not where a plural verb joins them ("Smith and Jones were killed": both)."""
    before = [(s, e) for s, e in mentions if e <= claim.start + m.start()]
    if not before:
        return False
    owner = max(before, key=lambda se: se[1])
    if owner[0] <= span[0] < owner[1]:
        return False
    gap = claim.text[owner[1] - claim.start : m.start()].lower()
    words = re.findall(r"[^\W\d_]+", gap)
    return len(words) <= 2 and not re.search(r"[,;:]", gap) and not (set(words) & lexicon.frame.plural)


def _statuses(claim: Claim, at: int, end: int, lexicon: Lexicon,
              mentions: Sequence[tuple[int, int]] = ()) -> list[tuple[float, str]]:
    """The events of the claim that may have happened to the person named at ``at`` (to ``end``),
    nearest first: not what they did to someone else, nor what befell another person named right
    before the words (``mentions``: every person's mentions in the claim, document offsets)."""
    out: list[tuple[float, str]] = []
    for m in lexicon.frame.status_pattern.finditer(claim.text):
        phrase = re.sub(r"\s+", " ", m.group().lower())
        if befalls_who_follows(phrase) and not 0 <= at - (claim.start + m.end()) <= _OF_REACH:
            continue  # "the death of X" is X's, not that of whoever is charged with it
        if _agent(claim, end, m, lexicon):
            continue
        if not befalls_who_follows(phrase) and _owned_by_another(claim, (at, end), m, mentions, lexicon):
            continue
        distance = abs(claim.start + m.start() - at)
        out.append((distance, lexicon.frame.statuses[phrase]))
    return sorted(out)


def _with_ages(body: str) -> list[tuple[int, int, str, int | None]]:
    """The names in ``body`` that an age marks as people: (start, end, name, age)."""
    named: list[tuple[int, int, str, int | None]] = []
    for pattern in (_AGE_AFTER, _AGE_PAREN, _AGE_APPOSITION, _AGE_BEFORE):
        for m in pattern.finditer(body):
            years, months = int(m.group("age")), m.groupdict().get("months")
            if months:
                years //= 12  # "Avery Contreras, 23 months": one year old; "11-month-old": none
            if re.search(r"['’]s$", m.group("name")):
                continue  # "That 13-year-old, Zina Bowser's son Chris": the age is the son's
            if (years > 0 or (months and int(m.group("age")) > 0)) and years < 110:
                named.append((m.start("name"), m.end("name"), m.group("name"), years))
    return named


def _left_out(document: Document, claims: Sequence[Claim]) -> list[tuple[int, int, str | None]]:
    """The stretches of a line no claim holds and no furniture covers, with the claim they follow on
    that line: the rest of a list the claims end before ("..., along with her unborn child; Jerry
    Shelton, 35; Tina Shelton, 37"): its names read only where an age marks them as people."""
    text = document.text
    covered = sorted([(c.start, c.end, c.id) for c in claims] + [(f.start, f.end, "") for f in document.furniture])
    out: list[tuple[int, int, str | None]] = []
    at, owner = 0, None
    for start, end, claim_id in [*covered, (len(text), len(text), "")]:
        if start > at:
            line_start = at
            for line in re.finditer(r"[^\n]+", text[at:start]):
                a, b = at + line.start(), at + line.end()
                follows = owner if text.rfind("\n", 0, a) < line_start else None
                if re.search(r"\d", text[a:b]):
                    out.append((a, b, follows))
        if end > at:
            at, owner = end, claim_id or None
    return out


def _merged(found: dict[str, _Found]) -> dict[str, _Found]:
    """One person where one name ends with another whole name of two words or more: "Jonathan "JD" De
    Guzman" and "De Guzman", "Antonio Neeley" and a credit's "Courtesy Antonio Neeley". The name first
    written stays, with the age and role either gives."""
    people = sorted(found.items(), key=lambda kv: (kv[1].first, kv[0]))
    out: dict[str, _Found] = {}
    for key, person in people:
        words = person.name.split()
        same = next((p for p in out.values() for a, b in ((words, p.name.split()), (p.name.split(), words))
                     if len(b) >= 2 and len(a) > len(b) and a[-len(b):] == b), None)
        if same is None:
            out[key] = person
            continue
        same.age = same.age if same.age is not None else person.age
        same.role = same.role or person.role
    return out


def read_people(document: Document, claims: Sequence[Claim], lexicon: Lexicon) -> tuple[Person, ...]:
    """The document's named participants, in the order they are first named."""
    found: dict[str, _Found] = {}  # by family name
    text = document.text
    pieces: list[tuple[str, int, str | None, bool]] = [(claim.text, claim.start, claim.id, True) for claim in claims]
    pieces += [(text[a:b], a, owner, False) for a, b, owner in _left_out(document, claims)]
    for body, offset, claim_id, whole_claim in pieces:
        named = _with_ages(body)
        if whole_claim:
            for pattern in _cue_patterns(lexicon):
                for m in pattern.finditer(body):
                    named.append((m.start("name"), m.end("name"), m.group("name"), None))
            for m in re.finditer(_NAME, body):
                if _named_again(text, offset + m.end(), family_name(m.group())):
                    named.append((m.start(), m.end(), m.group(), None))
            for listed in _LIST.finditer(body):
                for m in re.finditer(_NAME, listed.group()):
                    named.append((listed.start() + m.start(), listed.start() + m.end(), m.group(), None))
        for first, end, whole, age in sorted(named, key=lambda n: (n[0], n[1], n[2], n[3] or 0)):
            name = _trim(whole, lexicon)
            start = first + len(whole) - len(name)
            name = _opening(text, offset + start, name)
            start = first + len(whole) - len(name)
            if len(name.split()) < 2 or _not_a_person(name, lexicon):
                continue
            at = offset + start
            key = _key(name)
            person = found.get(key)
            if person is None:
                person = found[key] = _Found(name, at, offset + end, claim_id, first=at)
            elif len(name) > len(person.name):
                person.name, person.start, person.end, person.claim = name, at, offset + end, claim_id
            if age is not None and person.age is None:
                person.age = age
            person.role = person.role or _role_before(text, at, lexicon)
    found = _merged(found)
    # every mention, the family name alone included: what happened to them (a family name several
    # people share is left to their whole names)
    families: dict[str, list[_Found]] = {}
    for person in found.values():
        families.setdefault(family_name(person.name), []).append(person)
    patterns = {family: re.compile(rf"(?<![\w'’]){re.escape(family)}(?![\w'’])", re.IGNORECASE) for family in families}
    for claim in claims:
        body = claim.text
        said = {family: list(pattern.finditer(body)) for family, pattern in patterns.items()}
        mentions = [(claim.start + m.start(), claim.start + m.end()) for found_here in said.values()
                    for m in found_here]
        for family, everyone in families.items():
            members = [p for p in everyone if p.first < claim.end]  # those named by then
            for m in said[family]:
                inside = [p for p in members if 0 <= body.find(p.name) <= m.start() < body.find(p.name) + len(p.name)]
                for member in inside or (members if len(members) == 1 else []):
                    member.statuses += _statuses(claim, claim.start + m.start(), claim.start + m.end(), lexicon,
                                                 mentions)
    people = []
    priority = lexicon.frame.status_order
    for person in sorted(found.values(), key=lambda p: p.start):
        if person.age is None and _common_word(text, family_name(person.name)):
            continue  # "Vice Lords", "African American", "Officers": a word, not a family
        near = [s for d, s in person.statuses if d <= _STATUS_REACH]
        status = min(near, key=lambda s: priority.index(s) if s in priority else len(priority)) if near else None
        role = person.role or lexicon.frame.role_of_status.get(status or "")
        people.append(Person(person.name, text[person.start : person.end], person.start, person.end, person.claim,
                             person.age, role, status))
    return tuple(people)
