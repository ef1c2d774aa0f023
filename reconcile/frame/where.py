"""Where the event a document reports happened: the most specific place, with its county and its
region (a US state, a country) where the document names them or the gazetteer knows them.

The place is the first one the document puts the event in: its dateline ("NAVARRO COUNTY, TX
(CBSDFW.COM) –", "SAN BERNARDINO >>"), else the first claim telling of the event (the headline and
the lede first) that names a place of the gazetteer ("in Bellflower", "Milwaukee police said") or
one after a word of place ("in El Salto"), else the first place the gazetteer knows standing as one in
the opening of a document that tells of an event; no street, building or outlet. The county and the region
are the first ones the document names; a city's region the gazetteer gives where only one fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from ..model import Claim, Document, Stated
from ..rules import Lexicon
from ..rules.places import Gazetteer
from .participants import tells_of_event

__all__ = ["read_place"]

#: a place in capitals opening a line, its region and the day after it ("HOUSTON, Nov. 16 (Xinhua) --"),
#: then an agency, a dash or a label's mark; or a place in title case with its region and an agency
#: ("St. Louis, MO (KMOX)")
_DATELINE = re.compile(
    r"^[ \t]*(?:(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})"
    r"(?:[ \t]?,\s*(?P<region>[A-Z][A-Za-z.]{1,13}(?: [A-Z][a-z]+)?))?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*(?P<sep>\(|—|–|--?\s|>>|:)|(?P<alone>[ \t]*$))"
    r"|(?P<titled>[A-Z][a-z.'’]+(?: [A-Z][a-z.'’]+){0,2}),\s*(?P<titled_region>[A-Z][A-Za-z.]{1,13})\s*\([A-Z]{2,}\))",
    re.MULTILINE,
)
#: how many lines with words from the top a dateline may stand on (after a headline, a byline, a date)
_DATELINE_LINES = 6
#: where a lede ends, for a region named with no place beside it
_LEDE = 600
#: where a document's opening ends, for a place named in no line telling of the event (chosen on half A of
#: the gva feed's incidents: 600 -> 1000 gained there and on half B, past it nothing)
_OPENING = 1000
#: a place read: its name, its offsets in the document and the claim it stands in
_Place = tuple[str, int, int, str | None]
_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+|del\s+)?[A-Z][\w'’.-]*)*")


def _regions_named(document: Document, lexicon: Lexicon) -> list[tuple[str, int, int]]:
    """The regions (US states, countries) the document names, each once, in order, as full names."""
    out: list[tuple[str, int, int]] = []
    for m in lexicon.places.region_pattern.finditer(document.text):
        region = lexicon.places.regions.get(m.group(0))
        if region and _part_of_a_name(document.text, m.end(), lexicon):
            continue  # "Colorado Avenue", "Thompson and Colorado avenues": a street
        if region and all(r[0] != region for r in out):
            out.append((region, m.start(), m.end()))
    return out


#: a word after a name, within the capitalised run it opens: "and", a number ("North 15th Street"), a word
_NEXT = re.compile(r"[ \t]+(and|&|\d+(?:st|nd|rd|th)?|[^\W\d_][\w'’.-]*)")


def _part_of_a_name(text: str, end: int, lexicon: Lexicon) -> bool:
    """Whether the name ending at ``end`` only opens a longer name: a street or a court ("near Thompson
    and Colorado avenues", "North 15th Street", "Superior Court"): a word that ends such names
    (``name_heads``) within the capitalised words after it."""
    at, heads = end, lexicon.frame.name_heads
    for k in range(4):
        m = _NEXT.match(text, at)
        if m is None:
            return False
        word = m.group(1)
        lower = word.lower().rstrip(".")
        if lower in heads or (lower.endswith("s") and lower[:-1] in heads):
            return True
        if word[:1].islower() and lower != "and" or (lower in ("and", "&") and k > 0):
            return False
        at = m.end()
    return False


def _title(region: str) -> str:
    return " ".join(w if w in ("of", "de") else w.capitalize() for w in region.split())


def _is_place(name: str, lexicon: Lexicon, *, known: bool = False) -> bool:
    """Whether a name may be a place: none of its words a word of what is not one ("Memorial Hospital",
    "Elm Street"). Of a name the gazetteer ``known``, the first word may be one: a word of a kind heads an
    English name last ("Lincoln Park", "Newport News"), and first only qualifies a town's ("St. Louis",
    "High Point", "College Station")."""
    words = [w.lower().strip(".,'’") for w in name.split()]
    tail = words[1:] if known and len(words) > 1 else words
    if not words or any(w in lexicon.frame.not_place_words for w in tail):
        return False
    return not any(w in lexicon.dates.months or w in lexicon.dates.weekdays for w in words)


def _tells_of_harm(claim: Claim, lexicon: Lexicon) -> bool:
    """Whether a claim tells of a death or an injury without a word of the incident ("investigating the
    death of", "was struck by a bullet ... in critical condition")."""
    words = lexicon.frame
    return words.death_pattern.search(claim.text) is not None or words.injury_pattern.search(claim.text) is not None


def _known(run: str, gazetteer: Gazetteer) -> Iterator[tuple[str, int]]:
    """The names the gazetteer knows inside a capitalised run, longest first ("Downtown Memphis" ->
    "Memphis"; "Chicago's West Garfield Park" -> "Garfield Park", then "Chicago"), with their offsets in
    the run."""
    words = list(re.finditer(r"\S+", run))
    for size in range(min(len(words), gazetteer.longest or 4), 0, -1):
        for k in range(len(words) - size + 1):
            start, end = words[k].start(), words[k + size - 1].end()
            name = re.sub(r"['’]s$", "", run[start:end].rstrip(".,"))
            if name in gazetteer.places or name in gazetteer.counties or name in gazetteer.countries:
                yield name, start


def _placed(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a name at ``text[start:end]`` stands as a place: after a word of place ("in", "near"),
    or before a word that follows places ("police", "County", ", Texas")."""
    before = re.search(r"([^\W\d_]+)\W*$", text[max(0, start - 20) : start])
    if before is not None and before.group(1).lower() in lexicon.frame.place_modifiers:
        # "in central Toledo": the word before the part named
        modifier = max(0, start - 20) + before.start(1)
        before = re.search(r"([^\W\d_]+)\W*$", text[max(0, modifier - 20) : modifier])
    if before is not None and before.group(1).lower() in lexicon.places.locative:
        return True
    after = text[end : end + 30]
    part = re.match(r"['’]s\s+([^\W\d_]+)", after)
    if part is not None and part.group(1).lower() in lexicon.frame.place_modifiers:
        return True  # the city a part of it is named by ("on Chicago's West Side", "in Houston's north end")
    comma = re.match(r",\s*", after)
    if comma is not None and lexicon.places.region_pattern.match(after, comma.end()):
        return True
    # the follower may close an agency's name the place opens ("Louisville Metro police"), where the words
    # between are no region or other place ("West Virginia State Police", "Humboldt Park police") and the
    # name is no region or word of a part itself ("Virginia State Police", "the West Adams area")
    name = text[start:end]
    alone = bool(lexicon.places.region_pattern.fullmatch(name)) or name.lower() in lexicon.frame.place_modifiers
    for words in range(1 if alone else 3):
        nxt = re.match(rf"['’]?s?((?:\s+[A-Z][^\W\d_]*){{{words}}})\s+([^\W\d_]+)", after)
        if nxt is None or nxt.group(2).lower() not in lexicon.frame.place_followers:
            continue
        between = nxt.group(1)
        return not (lexicon.places.region_pattern.search(between)
                    or any(w.lower() in lexicon.frame.not_place_words for w in between.split()))
    return False


#: a word of place and an indefinite article before a name: "at a Franklin hotel", "in an Atlanta club"
_KIND_OF = re.compile(r"([^\W\d_]+)\s+(?:a|an|una?)\s+$", re.IGNORECASE)


def _names_a_kind(text: str, start: int, lexicon: Lexicon) -> bool:
    """Whether a known place's name at ``start`` says which one of a kind, in a place the event stands:
    "at a Franklin hotel", "in a Brooklyn backyard" (the hotel is in Franklin)."""
    m = _KIND_OF.search(text, max(0, start - 24), start)
    return m is not None and m.group(1).lower() in lexicon.places.locative


def _gazetteer_places(text: str, lexicon: Lexicon, gazetteer: Gazetteer) -> Iterator[tuple[str, int]]:
    """Each place the gazetteer knows that ``text`` names standing as a place ("in Toledo", "Toledo
    police"), not opening a street's name: (name, offset), in order."""
    for run in _RUN.finditer(text):
        # past the longest name, only a city whose part the run names ("Chicago's West Garfield Park");
        # a name inside a longer one is part of it ("Harris County"), one before a longer name opens it
        # ("Libby Lake Park")
        tried: list[tuple[int, int]] = []
        for name, offset in _known(run.group(), gazetteer):
            at = run.start() + offset
            if tried and (any(s < at + len(name) and at < e for s, e in tried)
                          or not re.match(r"['’]s\s", text[at + len(name) : at + len(name) + 3])):
                continue
            tried.append((at, at + len(name)))
            placed = _placed(text, at, at + len(name), lexicon) or _names_a_kind(text, at, lexicon)
            if _is_place(name, lexicon, known=True) and placed and not _part_of_a_name(text, at + len(name), lexicon):
                yield name, at
                break


def _in_claims(
    text: str, claims: Sequence[Claim], lexicon: Lexicon, gazetteer: Gazetteer
) -> tuple[str, int, str | None] | None:
    """The first place the line of a claim telling of the event names (its speaker's words too:
    "..., Milwaukee police said"): one the gazetteer knows standing as a place (in the line of a claim
    telling of a death or an injury too), else one after a word of place; (name, document offset,
    claim id)."""
    seen: set[int] = set()
    for claim in claims:
        event = tells_of_event(claim, lexicon)
        if not event and not _tells_of_harm(claim, lexicon):
            continue
        start = text.rfind("\n", 0, claim.start) + 1
        end = text.find("\n", claim.end)
        end = len(text) if end < 0 else end
        if start in seen:
            continue
        seen.add(start)
        line = text[start:end]
        known = next(_gazetteer_places(line, lexicon, gazetteer), None)
        if known is not None:
            return known[0], start + known[1], _claim_at(claims, start + known[1])
        if not event:
            seen.discard(start)  # a name the gazetteer does not know stands as the place only in the event's line
            continue
        for entity in claim.facts.entities:
            article = re.match(r"(?:The|A|An)\s+", entity.text)
            skip = article.end() if article else 0
            name = re.sub(r"['’]s$", "", entity.text[skip:].rstrip(".,"))
            at = entity.start + skip - start
            if (entity.kind == "place" and _is_place(name, lexicon) and len(name) >= 3
                    and _placed(line, at, at + len(name), lexicon)
                    and not _part_of_a_name(line, at + len(entity.text[skip:].rstrip(".,")), lexicon)):
                return name, entity.start + skip, claim.id
    return None


def _in_opening(claims: Sequence[Claim], lexicon: Lexicon, gazetteer: Gazetteer) -> _Place | None:
    """Of a document that tells of an event but names no place in its lines, the first place the gazetteer
    knows standing as a place in a claim of its opening ("officers responded to a home ... in Lithonia",
    "Kansas City police identified the victim"): (name, start, end, claim id)."""
    for claim in claims:
        if claim.start > _OPENING:
            break
        known = next(_gazetteer_places(claim.text, lexicon, gazetteer), None)
        if known is not None:
            start = claim.start + known[1]
            return known[0], start, start + len(known[0]), claim.id
    return None


def _dateline(text: str, lexicon: Lexicon, gazetteer: Gazetteer) -> re.Match[str] | None:
    """The dateline: a capitalised place opening one of the first lines. A name the gazetteer does not
    know stands as one only with a region after it or in the form of an agency's dateline ("(AP) —"),
    not before a colon or arrows, where a line of capitals is a label ("RELATED:", "TCSO >>")."""
    lines = [m.end() for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text[:20_000])][:_DATELINE_LINES]
    for m in _DATELINE.finditer(text, 0, lines[-1] if lines else 0):
        if m.group("titled"):
            # in title case, only a place the gazetteer knows, with its region (or a postal code: "MO")
            region = m.group("titled_region")
            if m.group("titled") in gazetteer.places and (lexicon.places.regions.get(region)
                                                          or re.fullmatch(r"[A-Z]{2}", region)):
                return m
            continue
        place = m.group("place")
        words = _as_written(place, gazetteer)
        known = (words in gazetteer.places or words in gazetteer.counties or words in gazetteer.countries
                 or lexicon.places.regions.get(words) is not None)
        if not _is_place(place, lexicon, known=known) or len(place) < 3:
            continue  # a known name may open with a word of a kind ("ST. LOUIS (KMOX) –")
        if m.group("alone") is not None and not (known and len(place) > 3):
            continue  # alone on its line, only a place the gazetteer knows ("CAMPBELL"), no initials
        if known or m.group("region") or m.group("sep") not in (":", ">>"):
            return m
    return None


def _as_written(place: str, gazetteer: Gazetteer) -> str:
    """A dateline's place in capitals as the gazetteer writes it ("ST. LOUIS" -> "St. Louis"), a first word
    of two letters read as the abbreviation it is where its period is left out ("ST CHARLES" -> "St. Charles")."""
    words = " ".join(w.capitalize() if len(w) > 2 else w for w in place.split())
    first, _, rest = words.partition(" ")
    if rest and len(first) == 2 and first.isalpha():
        dotted = f"{first.capitalize()}. {rest}"
        if dotted in gazetteer.places or dotted in gazetteer.counties:
            return dotted
    return words


def _region_written(written: str, lexicon: Lexicon) -> str | None:
    """The region a dateline names, its abbreviation's period left out or not ("Ill", "Ill.")."""
    return lexicon.places.regions.get(written) or lexicon.places.regions.get(written.rstrip(".") + ".")


def _claim_at(claims: Sequence[Claim], at: int) -> str | None:
    return next((c.id for c in claims if c.start <= at < c.end), None)


def _region_of(
    text: str, place: _Place | None, county: re.Match[str] | None,
    regions: list[tuple[str, int, int]], named: frozenset[str], gazetteer: Gazetteer,
    implied: Callable[[], frozenset[str]] = frozenset,
) -> str | None:
    """The region of the place: one named on the place's own line (the dateline's, "in Bellflower,
    Calif."), else the one the gazetteer gives the place or its county (of those the document names,
    where several fit, else of those the other places it puts things in lie in, ``implied()``, read only
    where needed); with no place, the first one the lede names."""
    if place is not None:
        start = text.rfind("\n", 0, place[1]) + 1
        end = text.find("\n", place[2])
        end = len(text) if end < 0 else end
        near = [r for r, at, _ in regions if start <= at < end]
        if near:
            return near[0]
    for name in (county.group(0) if county else "", place[0] if place else ""):
        region = gazetteer.region_of(name, named) if name else None
        if region is None and name and (name in gazetteer.counties or name in gazetteer.places):
            region = gazetteer.region_of(name, implied())  # "Lucas County" in a report that says Toledo: Ohio's
        if region:
            return region
    if place is None and county is None:
        lede = [r for r, at, _ in regions if at < _LEDE]
        return lede[0] if lede else None
    return None


def _implied_regions(text: str, lexicon: Lexicon, gazetteer: Gazetteer) -> frozenset[str]:
    """The regions of the places the document names as places ("in Toledo", "Toledo police") that the
    gazetteer puts in one region (or mostly in one): what tells which of several "Lucas County" it is."""
    regions = (gazetteer.region_of(name) for name, _ in _gazetteer_places(text, lexicon, gazetteer)
               if name not in gazetteer.counties)
    return frozenset(region.lower() for region in regions if region)


def read_place(document: Document, claims: Sequence[Claim], lexicon: Lexicon, gazetteer: Gazetteer) -> Stated | None:
    """The event's place, "City, County, State" as far as the document names them (and the gazetteer
    knows a city's state); None where it names none."""
    text = document.text
    regions = _regions_named(document, lexicon)
    named = frozenset(r for r, _, _ in regions)
    place: _Place | None = None
    dateline = _dateline(text, lexicon, gazetteer)
    if dateline is not None:
        which = "titled" if dateline.group("titled") else "place"
        words = _as_written(dateline.group(which), gazetteer)
        start, end = dateline.start(which), dateline.end(which)
        place = (words, start, end, _claim_at(claims, start))
        held = "titled_region" if which == "titled" else "region"
        written = dateline.group(held)
        region = _region_written(written, lexicon) if written else None
        if region:
            named = named | {region}
            regions.insert(0, (region, dateline.start(held), dateline.end(held)))
    if place is None:
        found = _in_claims(text, claims, lexicon, gazetteer)
        if found is not None:
            place = (found[0], found[1], found[1] + len(found[0]), found[2])
    county = next((m for m in re.finditer(r"(?<!\w)(?!The\s|A\s)(?:[A-Z][a-z'’.]+\s){1,3}(?:County|Parish)\b", text)
                   if m.group(0) not in (place[0] if place else "")), None)
    if place is None and county is None and any(tells_of_event(c, lexicon) for c in claims):
        place = _in_opening(claims, lexicon, gazetteer)  # a county named stands for the place
    parts: list[str] = []
    if place is not None:
        parts.append(place[0])
    if county is not None and place is not None and place[0] in gazetteer.counties:
        county = None  # the place is a county already
    if county is not None:
        parts.append(county.group(0))
    region = _region_of(text, place, county, regions, named, gazetteer,
                        lambda: _implied_regions(text, lexicon, gazetteer))
    if region is not None and region.lower() not in ", ".join(parts).lower():
        parts.append(_title(region))
    if not parts:
        return None
    # without its region a place may lie inside another ("Englewood, Cook County" is Chicago's): it is
    # no value to set against another document's
    firm = region is not None
    if place is not None:
        return Stated(", ".join(parts), text[place[1] : place[2]], place[1], place[2], place[3], firm=firm)
    if county is not None:
        claim = _claim_at(claims, county.start())
        return Stated(", ".join(parts), county.group(0), county.start(), county.end(), claim, firm=firm)
    first = next(r for r in regions if r[0] == region)
    return Stated(", ".join(parts), text[first[1] : first[2]], first[1], first[2], _claim_at(claims, first[1]))
