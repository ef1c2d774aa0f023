"""Swaps: a name, place, weekday or month put in place of another in claims that otherwise match, and
two days given for one deed of one subject where the words around them do not line up."""

from __future__ import annotations

from ..model import Claim, DateMention, Tally
from ..numbers import Unit
from ..rules import Lexicon
from .pair import Clash, Pair, claim_text
from .structure import one_deed

__all__ = ["compare_swaps"]


def _same_role(ua: list[Unit], i1: int, i2: int, ub: list[Unit], j1: int, j2: int, lexicon: Lexicon) -> bool:
    """Whether the first dated words of two replaced stretches follow the same word ("on Monday" / "on Tuesday")."""
    def before(us: list[Unit], lo: int, hi: int) -> str | None:
        dates = lexicon.dates
        k = next((k for k in range(lo, hi) if us[k].key in dates.weekdays or us[k].key in dates.months), None)
        if k is None or k == 0 or us[k - 1].key in lexicon.speakers.attribution_verbs:
            return None
        return us[k - 1].key

    x, y = before(ua, i1, i2), before(ub, j1, j2)
    return x is not None and x == y


def _capitalised(u: Unit) -> bool:
    return not u.number and u.text[:1].isupper()


def compare_swaps(pair: Pair, lexicon: Lexicon, tally: Tally) -> list[Clash]:
    """A name, place, weekday or month put in place of another, in claims that otherwise match."""
    a, b, ua, ub, ops, ratio = pair.a, pair.b, pair.ua, pair.ub, pair.ops, pair.ratio
    keys_a, keys_b = {u.key for u in ua}, {u.key for u in ub}
    out: list[Clash] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace" or i2 - i1 > 4 or j2 - j1 > 4:
            continue
        old, new = ua[i1:i2], ub[j1:j2]
        dated = [u for u in old + new if u.key in lexicon.dates.weekdays or u.key in lexicon.dates.months]
        if dated:
            tally.dates += 1
            if not _same_role(ua, i1, i2, ub, j1, j2, lexicon):
                continue  # "on Monday night" (the shooting) vs "police said Tuesday" (the statement)
            da = [d for d in a.facts.dates if any(d.start <= u.start < d.end for u in old)]
            db = [d for d in b.facts.dates if any(d.start <= u.start < d.end for u in new)]
            strength = 0.9 if ratio >= 0.7 else 0.65 if ratio >= 0.5 else 0.0
            if da and db:
                if not da[0].compatible(db[0]) and strength:
                    out.append(Clash("date", "Date", (da[0].text, db[0].text), ((da[0].start, da[0].end),
                                     (db[0].start, db[0].end)), strength))
                continue
            # no resolved dates: the day or month words themselves
            days_a = {lexicon.dates.weekdays[u.key] for u in old if u.key in lexicon.dates.weekdays}
            days_b = {lexicon.dates.weekdays[u.key] for u in new if u.key in lexicon.dates.weekdays}
            if days_a and days_b and not days_a & days_b and strength:
                x = next(u for u in old if u.key in lexicon.dates.weekdays)
                y = next(u for u in new if u.key in lexicon.dates.weekdays)
                out.append(Clash("date", "Date", (x.text, y.text), ((x.start, x.end), (y.start, y.end)), strength))
            continue
        if not (all(_capitalised(u) for u in old) and all(_capitalised(u) for u in new)):
            continue
        if i1 == 0 or j1 == 0:
            continue  # a capital that only starts the sentence
        if _one_name(old, new, keys_a, keys_b, lexicon):
            continue
        tally.names += 1
        strength = 0.85 if ratio >= 0.7 else 0.6 if ratio >= 0.5 else 0.0
        # in claims that only loosely line up, a word put in place of another inside one name
        # ("Imitation Learning" / "Transfer Learning", "Bob Ross" / "Bob Hope"): weak, and only where
        # neither source uses the other's word anywhere (the judge checks)
        slot = "place" if i1 > 0 and ua[i1 - 1].key in lexicon.places.locative else "name"
        inside = (i2 - i1 == j2 - j1 <= 2 or (bool(strength) and slot == "place")) and _inside_name(
            ua, i1, i2, ub, j1, j2)
        if not (strength or inside):
            continue
        # a place put in place of another inside one name holds, however well the claims line up, only where
        # the other source never uses that word ("at Bridgeport Hospital" / "at Yale-New Haven Hospital" from
        # a source quoting the Bridgeport police: two hospitals, as those hurt may be taken to several); not
        # a person's name in one role ("Conservative Leader Pierre Poilievre" / "Pierre Elliott Trudeau")
        loose = inside and (not strength or slot == "place")
        span_a, span_b = (old[0].start, old[-1].end), (new[0].start, new[-1].end)
        out.append(Clash(slot, slot.capitalize(), (claim_text(a, span_a), claim_text(b, span_b)),
                         (span_a, span_b), strength or 0.45, loose=loose))
    if not any(c.slot == "date" for c in out):
        out += _days_of_one_deed(pair, lexicon)
    return out


#: how sure two days of one deed clash: the parse, not the words around the days, says they are one
DEED_DAYS = 0.7


def _days_of_one_deed(pair: Pair, lexicon: Lexicon) -> list[Clash]:
    """Two days that cannot be one, said of one deed of one subject in the parse, where the words around
    them do not line up ("surrendered himself on Thursday morning and confessed" / "surrendered himself
    to police on Friday"). Only named days (a weekday, a month's day): the parse is read only for them."""
    a, b = pair.a, pair.b

    def deed_days(claim: Claim) -> list[DateMention]:
        # not a day that opens a claim its speaker was cut from: "(police said) Friday the man was shot"
        # tells when it was said
        return [d for d in claim.facts.dates if not (d.start == claim.start and claim.attribution)]

    for da in deed_days(a):
        for db in deed_days(b):
            named = (da.weekday is not None and db.weekday is not None) or (
                da.day is not None and db.day is not None)
            if named and not da.compatible(db) and one_deed(a, da.start, b, db.start, lexicon):
                return [Clash("date", "Date", (da.text, db.text), ((da.start, da.end), (db.start, db.end)), DEED_DAYS)]
    return []


def _stem(key: str, endings: tuple[str, ...]) -> str:
    """A name without the ending it takes without being another name ("iran's" -> "iran", "cnns" -> "cnn")."""
    for e in endings:
        if key.endswith(e) and len(key) - len(e) >= 3:
            return key[: -len(e)]
    return key


def _initials(us: list[Unit], lexicon: Lexicon) -> str:
    """The initials of a run of capitalised words, function words left out ("United States" -> "us")."""
    return "".join(u.key[0] for u in us if u.key not in lexicon.compare.function_words)


def _one_name(old: list[Unit], new: list[Unit], keys_a: set[str], keys_b: set[str], lexicon: Lexicon) -> bool:
    """Whether two capitalised stretches put in place of each other name one thing: a word of one is a
    word of the other claim, possessive or plural aside ("Iran" / "Iran's minister", the same names in
    another order), or one is the other's abbreviation ("US" / "United States", "U.S." / "United States")."""
    endings = lexicon.compare.name_endings
    stems_a = {_stem(k, endings) for k in keys_a} | keys_a
    stems_b = {_stem(k, endings) for k in keys_b} | keys_b
    if any(_stem(u.key, endings) in stems_b for u in old) or any(_stem(u.key, endings) in stems_a for u in new):
        return True
    for short, long in ((old, new), (new, old)):
        letters = "".join(c for u in short for c in u.text if c.isalpha())
        abbreviation = 2 <= len(letters) <= 6 and letters.isupper() and len(long) >= 2
        if abbreviation and _initials(long, lexicon) == letters.lower():
            return True
    return False


def _inside_name(ua: list[Unit], i1: int, i2: int, ub: list[Unit], j1: int, j2: int) -> bool:
    """Whether the stretches ``ua[i1:i2]`` and ``ub[j1:j2]`` are parts of one name in both: the same
    capitalised word right before them, or right after them, in both claims."""
    before = ua[i1 - 1].key == ub[j1 - 1].key and _capitalised(ua[i1 - 1]) and _capitalised(ub[j1 - 1])
    after = (i2 < len(ua) and j2 < len(ub) and ua[i2].key == ub[j2].key and _capitalised(ua[i2])
             and _capitalised(ub[j2]) and not ua[i2].after_break and not ub[j2].after_break)
    return (before and not ua[i1].after_break and not ub[j1].after_break) or after

