"""A document and its claims -> a profile: what grouping needs to know about one article.

A profile is small (a lead vector, the rare-looking names, the date), so thousands fit in memory
while the documents themselves stay in the corpus store.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..align import embedding_text
from ..frame import family_name
from ..model import Claim, Document, Frame
from ..rules import Rules

__all__ = [
    "PROFILE_VERSION", "Profile", "ages_of", "body_digest", "cities_named", "common_words", "frame_fields", "lead_text",
    "names_of", "places_of", "regions_of", "streets_of", "title_text", "words_of",
]

_NAME = re.compile(r"\b[A-Z][A-Za-z'’-]{2,}\b")
_LOWER = re.compile(r"\b[a-z][a-z'’-]{2,}\b")
_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
#: a run of words after a place word ("in Beech Grove"): a comma or other mark ends it
_RUN = re.compile(r"\s+([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)*)")
_POSSESSIVE = re.compile(r"['’]s$")
#: bump when a profile (lead, names, words) is computed differently: stored profiles are then remade
PROFILE_VERSION = "9"


@dataclass(frozen=True)
class Profile:
    """What grouping compares: the lead's and the title's unit vectors (float32 bytes), capitalised
    words, the date, the words of the story with their counts (for shared rare words), the
    regions (US states) it names, and the place its lead says it happened in (name words, lowercased)."""

    id: str
    outlet: str
    date: dt.date | None
    names: frozenset[str]
    vector: bytes
    title_vector: bytes = b""
    words: tuple[tuple[str, int], ...] = ()
    regions: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    #: the streets its text says it happened on ("elm st", ``streets_of``) and the ages its title and
    #: lead give ("2", "17", ``ages_of``): two shootings in one city and week are on other streets, of
    #: other people
    streets: frozenset[str] = frozenset()
    ages: frozenset[str] = frozenset()
    #: from the article's key facts (``frame``): the day of the event, the city (or county) it
    #: happened in, the family names of the people it names, and its own figures of the dead and hurt
    event_date: dt.date | None = None
    city: str | None = None
    people: frozenset[str] = frozenset()
    killed: int | None = None
    injured: int | None = None
    #: a digest of what the article says (its claims, the title apart; empty when it says nothing): pages
    #: of one site that say the same under other titles far apart in time are its page template
    #: (``templates``), no evidence of a story
    body: str = ""


def body_digest(document: Document, claims: Sequence[Claim]) -> str:
    """A digest of what the article says, the title apart, spacing and case aside; "" when it says nothing.

    >>> from reconcile.model import Document
    >>> a, b = Document("d1", "a", "x", title="One"), Document("d2", "b", "x", title="Two")
    >>> one, two = Claim("d1.c1", "d1", "Sign up  now.", 0, 1), Claim("d2.c1", "d2", "sign up now.", 0, 1)
    >>> body_digest(a, [one]) == body_digest(b, [two]), body_digest(a, [])
    (True, '')
    """
    text = " ".join(_body_text(document, claims).lower().split())
    return hashlib.sha1(text.encode()).hexdigest()[:16] if text else ""


def frame_fields(frame: Frame, rules: Rules) -> dict[str, object]:
    """What grouping reads of an article's frame, as ``Profile`` fields. The city is the first part of
    the place, where that is not a whole region (a state alone does not tell two cities apart)."""
    day = None
    if frame.date is not None:
        with contextlib.suppress(ValueError):
            day = dt.date.fromisoformat(str(frame.date.value))
    city = str(frame.place.value).split(",")[0].strip().lower() if frame.place is not None else None
    if city is not None and city in {r.lower() for r in rules.lexicon.places.regions.values()}:
        city = None

    def firm(field: str) -> int | None:
        value = frame.counts.get(field)
        return value.value if value is not None and value.firm and isinstance(value.value, int) else None

    return {"event_date": day, "city": city, "people": frozenset(family_name(p.name) for p in frame.people),
            "killed": firm("killed"), "injured": firm("injured")}


def lead_text(document: Document, claims: Sequence[Claim]) -> str:
    """Title and first claim: what an article is about, in one short text.

    >>> from reconcile.model import Document, Claim
    >>> lead_text(Document("d1", "a.txt", "x", title="Two shot"), [Claim("d1.c1", "d1", "Two men were shot.", 0, 1)])
    'Two shot. Two men were shot.'
    """
    parts = [document.title or ""] + [embedding_text(c) for c in claims[:1]]
    text = ". ".join(p.strip() for p in parts if p.strip())
    return text or document.text[:300]


def _body_text(document: Document, claims: Sequence[Claim] | None) -> str:
    """What the article says: its claims when known (no page furniture), else its text."""
    return document.text if claims is None else "\n".join(c.text for c in claims)


def _story_text(document: Document, claims: Sequence[Claim] | None) -> str:
    """The title and what the article says."""
    return f"{document.title or ''}\n{_body_text(document, claims)}"


def title_text(document: Document, claims: Sequence[Claim]) -> str:
    """The title alone (the lead when there is none): a second, shorter view of what the article is about.

    >>> from reconcile.model import Document
    >>> title_text(Document("d1", "a.txt", "x", title=" Two shot "), [])
    'Two shot'
    """
    return (document.title or "").strip() or lead_text(document, claims)


def _mid_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is inside a sentence, not the first word of a line or sentence."""
    before = text[:start].rstrip(" \t\"'“‘([—-")
    return bool(before) and before[-1] not in ".!?:;\n"


def names_of(
    document: Document, *, common: frozenset[str] = frozenset(), claims: Sequence[Claim] | None = None,
    starts: bool = False,
) -> frozenset[str]:
    """Words of the title and text (its ``claims`` when given, so page furniture is left out) that are
    only ever capitalised, lowercased: names of people, places, outlets. A word also written in
    lowercase ("The", "Police" beside "police") is not a name, nor one in ``common`` (months, weekdays).
    In the text, a word capitalised only where a sentence begins ("After", "However") is not one
    either, unless ``starts`` (what ``compare``'s one-story check was calibrated on); the title's
    capitalised words all count (a furniture page has nothing else).

    >>> from reconcile.model import Document
    >>> doc = Document("d1", "a", "After the shots in Euharlee, Lang ran. Lang said the police were there.")
    >>> sorted(names_of(doc)), sorted(names_of(doc, starts=True))
    (['euharlee', 'lang'], ['after', 'euharlee', 'lang'])
    """
    title = document.title or ""
    body = _body_text(document, claims)
    lower = set(_LOWER.findall(title)) | set(_LOWER.findall(body))
    found = [m.group(0) for m in _NAME.finditer(title)]
    found += [m.group(0) for m in _NAME.finditer(body) if starts or _mid_sentence(body, m.start())]
    return frozenset(w for w in (n.lower() for n in found) if w not in lower and w not in common)


def words_of(document: Document, claims: Sequence[Claim] | None = None) -> tuple[tuple[str, int], ...]:
    """The words of the title and claims, lowercased, with their counts: words of three letters or more
    and numbers. Grouping weighs the rare ones (a street, "nightclub", "17-year-old") shared by two articles.

    >>> from reconcile.model import Document
    >>> words_of(Document("d1", "a", "A 17-year-old was shot on Elm Street; the street was closed.", title="Shot"))
    (('17-year-old', 1), ('closed', 1), ('elm', 1), ('shot', 2), ('street', 2), ('the', 1), ('was', 2))
    """
    found = Counter(w for w in _WORD.findall(_story_text(document, claims).lower()) if len(w) > 2 or w.isdigit())
    return tuple(sorted(found.items()))


def regions_of(document: Document, rules: Rules, claims: Sequence[Claim] | None = None) -> frozenset[str]:
    """The regions (the rules' ``regions``: US states) the title and claims name, as written.

    >>> from reconcile.model import Document
    >>> from reconcile.rules import load_rules
    >>> sorted(regions_of(Document("d1", "a", "SELMA, Ala. - Police in Dallas County, not Kansas City."), load_rules()))
    ['alabama']
    """
    lexicon = rules.lexicon
    places = lexicon.places
    found = (places.regions[m.group(0)] for m in places.region_pattern.finditer(_story_text(document, claims)))
    return frozenset(r for r in found if r)


def _lead_parts(document: Document, claims: Sequence[Claim] | None) -> list[str]:
    """The title and the first claim (the text's start when the claims are not known)."""
    first = [c.text for c in claims[:1]] if claims is not None else [document.text[:300]]
    return [document.title or "", *first]


def _place_words(run: str, names: frozenset[str]) -> list[str]:
    """The leading words of ``run`` that are names (a possessive trimmed), lowercased."""
    found = []
    for word in run.split():
        bare = _POSSESSIVE.sub("", word.strip(".'’")).lower()
        if word.strip(".'’").lower() not in names and bare not in names:
            break
        found.append(bare)
    return found


@functools.lru_cache(maxsize=8)
def _place_pattern(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")\b", re.IGNORECASE)


def places_of(document: Document, rules: Rules, names: frozenset[str],
              claims: Sequence[Claim] | None = None) -> frozenset[str]:
    """Where the title and first claim say it happened: the words of ``names`` (the article's) right
    after one of the rules' ``event_places`` ("in"). A region's name ("Chelsea, Mass.") is left to
    the regions and ends the run, and so does a word the article writes in lowercase ("Shooting" in
    a title, "the").

    >>> from reconcile.model import Document
    >>> from reconcile.rules import load_rules
    >>> doc = Document("d1", "a", "Two men were shot in Beech Grove's south side, Ind. on Friday. Police in the "
    ...                "Austin area came to the shooting.", title="Two Shot In Beech Grove Shooting")
    >>> sorted(places_of(doc, load_rules(), names_of(doc)))
    ['beech', 'grove']
    """
    places = rules.lexicon.places
    if not places.event_places:
        return frozenset()
    before = _place_pattern(places.event_places)
    found: set[str] = set()
    for part in _lead_parts(document, claims):
        part = places.region_pattern.sub(lambda m: ", " if places.regions[m.group(0)] else m.group(0), part)
        for m in before.finditer(part):
            run = _RUN.match(part, m.end())
            if run:
                found.update(_place_words(run.group(1), names))
    return frozenset(found)


def streets_of(document: Document, rules: Rules, claims: Sequence[Claim] | None = None) -> frozenset[str]:
    """The streets the title and claims say something happened on (the rules' ``street_before`` and
    ``street_kinds``: "the 3700 block of North Elm Street"), lowercased, a compass word left out and
    the kind in its short form: "elm st". Outlets give other blocks of one street, never another street.

    >>> from reconcile.model import Document
    >>> from reconcile.rules import load_rules
    >>> doc = Document("d1", "a", "Shot in the 3700 block of N. Elm Street, then the 100 block of Grand Ave.")
    >>> sorted(streets_of(doc, load_rules()))
    ['elm st', 'grand ave']
    """
    places = rules.lexicon.places
    found = set()
    for m in places.street_pattern.finditer(_story_text(document, claims)):
        found.add(f"{m.group('name').replace('.', '').lower()} {places.street_kinds[m.group('kind').lower()]}")
    return frozenset(found)


@functools.lru_cache(maxsize=8)
def _age_pattern(nouns: frozenset[str]) -> re.Pattern[str]:
    """An age: "2-year-old", "17 years old", "de 17 años", or after a person's noun and a comma ("boy, 3,")."""
    words = "|".join(re.escape(n) for n in sorted(nouns, key=lambda n: (-len(n), n)))
    return re.compile(
        r"\b(\d{1,3})\s?-?\s?(?:years?|yr)\s?-?\s?old\b|\bde\s(\d{1,3})\saños\b"
        rf"|\b(?:{words}),\s(\d{{1,3}})(?=\s?[,;)]|\s*$)",
        re.MULTILINE | re.IGNORECASE,
    )


def ages_of(document: Document, rules: Rules, claims: Sequence[Claim] | None = None) -> frozenset[str]:
    """The ages the title and first claim give, as text: "2-year-old killed", "Boy, 2, man shot",
    "un joven de 17 años". Of the people the story is about, whoever they are: two reports of one event
    share one at least.

    >>> from reconcile.model import Document
    >>> from reconcile.rules import load_rules
    >>> sorted(ages_of(Document("d1", "a", "x", title="Boy, 2, man in critical condition after 17-year-old opens fire"),
    ...                load_rules(), []))
    ['17', '2']
    """
    frame = rules.lexicon.frame
    pattern = _age_pattern(frozenset(frame.persons) | frozenset(rules.lexicon.counts.nouns))
    return frozenset(next(g for g in m.groups() if g) for part in _lead_parts(document, claims)
                     for m in pattern.finditer(part))


def cities_named(profiles: Sequence[Profile]) -> list[frozenset[str]]:
    """For each profile, the cities (of its key facts, of any profile) it happened in or names: its own,
    and each whose every word is one of its names ("Whitehaven" in a report that also says Memphis is no
    other city than Memphis when that report names Memphis).

    >>> a = Profile("a", "a.com", None, frozenset({"orlando", "pulse", "louis"}), b"", city="new orleans")
    >>> b = Profile("b", "b.com", None, frozenset({"orlando"}), b"", city="orlando")
    >>> c = Profile("c", "c.com", None, frozenset(), b"", city="st. louis")
    >>> [sorted(c) for c in cities_named([a, b, c])]
    [['new orleans', 'orlando', 'st. louis'], ['orlando'], ['st. louis']]
    """
    cities = sorted({p.city for p in profiles if p.city})
    # the words a name can be (``names_of``: three letters or more): "St. Louis" is named by "Louis"
    words = {city: [w for w in city.split() if len(w.strip(".")) >= 3] or city.split() for city in cities}
    by_word: dict[str, list[str]] = {}
    for city in cities:
        by_word.setdefault(words[city][0], []).append(city)
    return [frozenset({c for w in p.names for c in by_word.get(w, ()) if set(words[c]) <= p.names}
                      | ({p.city} if p.city else set())) for p in profiles]


def common_words(rules: Rules) -> frozenset[str]:
    """Capitalised words that name no one: the months and weekdays of every language in the rules."""
    return frozenset(rules.lexicon.dates.months) | frozenset(rules.lexicon.dates.weekdays)
