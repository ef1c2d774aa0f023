"""Relatives named by their given name alone beside a named person: "his 7-year-old
daughter Kayla", "her son, Kade, 6", "the couple's three children: Liana, 8; Mark Jr., 5, and Willow,
2". They take the family name of the person named last before them, whose relatives they are told as,
so that one source's "Kayla, 7" and another's "Kayla Walker, 7" are one person. Children and siblings
(``FrameWords.kin``), spouses and parents (``kin_by_marriage``): not a cousin, a niece or a girlfriend,
who often bear another name; a spouse or parent with another name is written in full ("his wife, Erin
Agren"), and a whole name is read as names are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..facts import number_value
from ..model import Claim, Document, Person
from ..rules import Lexicon, alternatives
from .people import family_word

__all__ = ["with_kin"]

#: a given name on its own: one capitalised word (a suffix allowed), no capitalised word after it
_GIVEN = r"(?P<given>[A-Z][a-zà-öø-ÿ'’]+)(?P<suffix>\s+Jr\.?)?(?![\w'’-])(?!\s+[A-Z])"
#: an age before the noun ("7-year-old", "six-year-old", "16-month-old")
_AGE_BEFORE = r"(?P<before>\d{1,2}|[a-z]+(?:-[a-z]+)?)[- ](?P<unit>years?|months?)[- ]old"
#: an age after the name ("Kade, 6")
_AGE_AFTER = r"(?:\s*,\s*(?P<after>\d{1,2})(?![\d,.]?\d)(?![\w-]))?"
#: how far before a relative the person they are told as the relative of is looked for, in characters
_REACH = 300

_PATTERNS: dict[int, tuple[Lexicon, re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {}


def _patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A noun of kin (an age before it allowed) and what leads to the names after it ("children:", "sons
    were"); one member of a list after it; what separates two members ("; ", ", and ")."""
    found = _PATTERNS.get(id(lexicon))
    if found is None:
        never = "(?!x)x"
        age = r"(?P<hb>\d{1,2}|[a-z]+(?:-[a-z]+)?)[- ](?P<hunit>years?|months?)[- ]old\s+"
        verbs = alternatives(lexicon.counts.elliptic_aux) or never
        relatives = alternatives(lexicon.frame.kin | lexicon.frame.kin_by_marriage) or never
        head = re.compile(rf"(?<![\w'’-])(?:{age})?(?i:{relatives})(?![\w'’-])"
                          rf"(?P<lead>\s*(?::|,)?\s+(?:(?i:{verbs})\s+)?)")
        member = re.compile(rf"(?:{_AGE_BEFORE}\s+)?{_GIVEN}{_AGE_AFTER}")
        joins = alternatives([w for w in lexicon.frame.list_joins if w.isalpha()]) or never
        between = re.compile(rf"\s*[,;]\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+")
        found = _PATTERNS[id(lexicon)] = (lexicon, head, member, between)
    return found[1], found[2], found[3]


def _years(words: str, unit: str, language: str) -> int | None:
    """An age in whole years from its number and unit ("six", "years"; "16", "months": 1)."""
    value = number_value(words, language)
    if value is None:
        return None
    return value // 12 if unit.startswith("month") else value


def _age(m: re.Match[str], head: re.Match[str], first: bool, language: str) -> int | None:
    """The age a member's words give ("Kade, 6", "six-year-old Onya"), or, for the one relative a noun
    names, the age before the noun ("his 7-year-old daughter Kayla")."""
    if m.group("after"):
        return int(m.group("after"))
    if m.group("before"):
        return _years(m.group("before"), m.group("unit"), language)
    if first and head.group("hb"):
        return _years(head.group("hb"), head.group("hunit"), language)
    return None


def _relative_of(text: str, at: int, people: Sequence[Person]) -> Person | None:
    """The person named last before ``at`` (by a whole name or the family name alone), within reach."""
    best: tuple[int, Person] | None = None
    for person in people:
        written = family_word(person.name)
        if len(written) < 2:
            continue
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(written)}(?![\w'-])", text[max(0, at - _REACH) : at]):
            where = max(0, at - _REACH) + m.start()
            if best is None or where > best[0]:
                best = (where, person)
    return best[1] if best is not None else None


def _a_name(given: str, text: str, lexicon: Lexicon) -> bool:
    """Whether a capitalised word can be a given name: not a month, a day, a word the text also writes in
    lower case ("Will"), a role or a word no person's name holds."""
    low = given.lower()
    frame = lexicon.frame
    if low in lexicon.dates.months or low in lexicon.dates.weekdays or low in frame.not_person_words:
        return False
    if low in frame.role_words or low in frame.persons or low in lexicon.counts.nouns:
        return False
    return re.search(rf"(?<![\w'’-]){re.escape(low)}(?![\w'’-])", text) is None


def with_kin(document: Document, claims: Sequence[Claim], people: tuple[Person, ...],
             lexicon: Lexicon) -> tuple[Person, ...]:
    """``people`` and the children and siblings named by their given name beside them, in text order."""
    if not people:
        return people
    text = document.text
    head, member, between = _patterns(lexicon)
    named = {(p.name.split()[0].lower(), family_word(p.name).lower()) for p in people}
    starts = sorted((c.start, c.end, c.id) for c in claims)
    added: list[Person] = []
    for claim in claims:
        for h in head.finditer(claim.text):
            relative = _relative_of(text, claim.start + h.start(), people)
            if relative is None:
                continue
            family = family_word(relative.name)
            # the list may run past the claim, on its line ("children: Liana, 8; Mark, 5; and Willow, 2")
            at, stop = claim.start + h.end(), text.find("\n", claim.start + h.start())
            stop = len(text) if stop < 0 else stop
            while True:
                m = member.match(text, at, stop)
                if m is None:
                    break
                start, end = m.start("given"), m.end("given")
                given = m.group("given")
                key = (given.lower(), family.lower())
                if _a_name(given, text, lexicon) and key not in named:
                    age = _age(m, h, at == claim.start + h.end(), claim.language)
                    owner = next((cid for a, b, cid in starts if a <= start < b), claim.id)
                    added.append(Person(f"{given} {family}", text[start:end], start, end, owner, age))
                    named.add(key)
                sep = between.match(text, m.end(), stop)
                if sep is None:
                    break
                at = sep.end()
    return tuple(sorted((*people, *added), key=lambda p: p.start)) if added else people
