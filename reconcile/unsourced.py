"""Names and figures a draft gives that no source mentions: "the Pearl Room in Nashville" against
sources that never say Nashville, "earnings per share improved to $3.50" against a call that says
$3.69 and $3.41 but never $3.50.

A checked draft is compared with its sources claim by claim, and a claim that lines up with a
source claim is supported by it. But a name put in place of another, where the source words the
rest differently, leaves the two claims close and no word to set against the draft's: the only
evidence is that no source says that name anywhere. That is worth an editor's look, so the check
reports it, weakly, as a name to verify. The same holds for an amount, a percentage or a figure
with decimals or of a hundred or more that no source states (small whole counts are left alone:
a writer counts them from the source, "the two hosts"), and for a weekday or a month no source
mentions ("a massacre on Monday" against sources that tell of Tuesday and Wednesday).

A name here is a capitalised word without digits that does not open a sentence, a quote or a line,
in a claim that is not a title-case headline. A source mentions it when any of its texts has the word in any case,
in another form (``compare.name_endings``: "Hope's", "CNNs"), one of its parts ("Sims-based"), a word
it begins ("Mexican" / "Mexico": five letters in common), the words it abbreviates ("Gov." /
"governor") or the words whose initials it spells ("YoY" / "year-over-year", "CNN" / "convolutional
neural network").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .model import Claim
from .numbers import Unit

__all__ = [
    "Unsourced", "Vocabulary", "figures_by_kind", "lower_case_words", "unsourced_days", "unsourced_figures",
    "unsourced_names",
]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: characters after which a capital says nothing: a sentence, a quote, a bracket, a list item opens
_OPENERS = frozenset(".!?:;\"“”'‘’«»()[]¿¡—–-•|*#")
#: a claim with this share of its longer words capitalised is a title-case headline
_HEADLINE_SHARE = 0.8
#: how many letters two forms of one name share at least, from the start ("Mexican" / "Mexico")
_STEM = 5
#: longest run of words whose initials an abbreviation may spell
_INITIALS = 6
#: a plain count below this, written without decimals, may be the writer's own count
_SMALL_COUNT = 100
#: how far apart a listed figure and a source's figure may be and still be one (rounding)
_ROUNDING = 0.005


@dataclass(frozen=True)
class Unsourced:
    """A name, a figure or a day of a draft claim that no source mentions, with its document offsets."""

    kind: Literal["name", "figure", "date"]
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Vocabulary:
    """What the sources say, in the forms a name is looked up by."""

    words: frozenset[str]
    #: the first ``_STEM`` letters of every word at least that long
    stems: frozenset[str]
    #: the first two to four letters of every word: what "Gov." may abbreviate
    beginnings: frozenset[str]
    #: the first letters of the sources' words in order, one text after another ("|" between):
    #: an abbreviation spelled by the initials of a run of words is a part of it ("year-over-year": "yoy")
    initials: str

    @classmethod
    def of(cls, texts: Iterable[str]) -> Vocabulary:
        words: set[str] = set()
        initials: list[str] = []
        for text in texts:
            tokens = [w.lower() for w in _WORD.findall(text)]
            words.update(tokens)
            parts = [p for t in tokens for p in t.split("-") if p]
            words.update(parts)
            initials.append("".join(p[0] for p in parts))
        stems = {w[:_STEM] for w in words if len(w) >= _STEM}
        beginnings = {w[:n] for w in words for n in (2, 3, 4) if len(w) > n}
        return cls(frozenset(words), frozenset(stems), frozenset(beginnings), "|".join(initials))

    def mentions(self, word: str, endings: Sequence[str], *, abbreviated: bool = False) -> bool:
        """Whether the sources say ``word`` in any of the forms the module docstring lists."""
        low = word.lower()
        forms = {low}
        for ending in endings:
            if low.endswith(ending) and len(low) > len(ending) + 1:
                forms.add(low[: -len(ending)])
            forms.add(low + ending)
        forms |= {p for f in list(forms) for p in re.split(r"[-'’]", f) if len(p) >= 2}
        if any(f in self.words or (len(f) >= _STEM and f[:_STEM] in self.stems) for f in forms):
            return True
        if abbreviated and len(low) <= 4 and low in self.beginnings:
            return True
        letters = re.sub(r"[^\w]", "", word)
        for ending in endings:  # "CNNs": the plural of an abbreviation
            if letters.endswith(ending) and letters[: -len(ending)].isupper():
                letters = letters[: -len(ending)]
                break
        spelled = letters.lower()
        return sum(ch.isupper() for ch in letters) >= 2 and len(spelled) <= _INITIALS and spelled in self.initials


def lower_case_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case: where it capitalises one of them, that is no name."""
    return frozenset(w for w in _WORD.findall(text) if w.islower())


def _headline(words: list[re.Match[str]]) -> bool:
    longer = [m.group(0) for m in words if len(m.group(0)) >= 4]
    return bool(longer) and sum(w[0].isupper() for w in longer) >= _HEADLINE_SHARE * len(longer)


def unsourced_names(
    claim: Claim, vocabulary: Vocabulary, endings: Sequence[str], *, own_words: frozenset[str] = frozenset(),
    not_names: frozenset[str] = frozenset(),
) -> list[Unsourced]:
    """The names in ``claim`` that no source mentions, each with its document span; adjacent ones
    as one name ("Rob Gronkowski"). ``own_words``: the words the claim's own article writes in
    lower case: a capital there is emphasis, not a name. ``not_names``: capitalised words that are
    no names (months and weekdays: the date rules compare them). A name that opens the claim is
    left out whole ("Mexico City's chief"): its first word cannot be told from a sentence's."""
    words = list(_WORD.finditer(claim.text))
    if _headline(words):
        return []
    found: list[tuple[int, int]] = []
    opened = -1  # where the capitalised run that opens a sentence ends
    for m in words:
        word = m.group(0)
        before = claim.text[: m.start()].rstrip()
        if word[0].isupper() and (not before or before[-1] in _OPENERS or (
            opened >= 0 and not claim.text[opened : m.start()].strip()
        )):
            opened = m.end()
            continue
        if not word[0].isupper() or len(word) < 2 or word.lower() in not_names:
            continue
        if any(ch.isdigit() for ch in word):
            continue  # "Q3", "COVID-19": a figure, which the number rules compare
        if word.lower() in own_words:
            continue
        abbreviated = claim.text[m.end() : m.end() + 1] == "."
        if vocabulary.mentions(word, endings, abbreviated=abbreviated):
            continue
        start, end = claim.start + m.start(), claim.start + m.end()
        if found and not claim.text[found[-1][1] - claim.start : m.start()].strip():
            found[-1] = (found[-1][0], end)  # "Rob Gronkowski": one name
        else:
            found.append((start, end))
    return [Unsourced("name", claim.text[s - claim.start : e - claim.start], s, e) for s, e in found]


@functools.lru_cache(maxsize=8)
def _whole_names(days: frozenset[str]) -> frozenset[str]:
    """The days' whole names, not their abbreviations: "Sun" is no "Sunday"."""
    return frozenset(d for d in days if not any(o != d and o.startswith(d) for o in days))


def unsourced_days(claim: Claim, vocabulary: Vocabulary, days: frozenset[str]) -> list[Unsourced]:
    """The weekdays and months (``days``, in lower case) that ``claim`` writes with a capital and no
    source mentions in any case: "a pool hall massacre on Monday" against sources that tell of Tuesday
    and Wednesday only. The date rules compare a day where the claims line up; this finds the one put
    in place of another where they do not. Not at a sentence's opening ("May" may be a verb there)."""
    whole = _whole_names(days)
    out = []
    for m in _WORD.finditer(claim.text):
        word = m.group(0)
        if not word[0].isupper() or word.lower() not in whole or word.lower() in vocabulary.words:
            continue
        before = claim.text[: m.start()].rstrip()
        if not before or before[-1] in _OPENERS:
            continue
        out.append(Unsourced("date", word, claim.start + m.start(), claim.start + m.end()))
    return out


def _checked(u: Unit) -> bool:
    """Whether a draft figure is one a source must state: an amount, a share, or a figure with
    decimals or of ``_SMALL_COUNT`` or more; not a year, an ordinal or a bound ("over $20 million")."""
    if u.key in ("#year", "#ord") or u.open_bound:
        return False
    if u.key != "#":
        return True
    values = u.values or ((u.nominal,) if u.nominal is not None else ())
    return "." in u.text or any(v >= _SMALL_COUNT for v in values)


def _states(v: Unit, x: float) -> bool:
    """Whether the source figure ``v`` states the value ``x`` (as written, or rounded)."""
    if v.open_bound:
        return False
    if v.low <= x <= v.high:
        return True
    return v.nominal is not None and abs(x - v.nominal) <= _ROUNDING * abs(x)


def figures_by_kind(sources: Iterable[Unit]) -> dict[str, list[Unit]]:
    """The sources' figures, by kind (``Unit.key``): what ``unsourced_figures`` looks figures up in."""
    by_key: dict[str, list[Unit]] = {}
    for v in sources:
        by_key.setdefault(v.key, []).append(v)
    return by_key


def unsourced_figures(figures: Sequence[Unit], by_key: dict[str, list[Unit]]) -> list[Unsourced]:
    """The figures of a draft claim (``conflicts.figures``) that none of the sources' figures
    (``figures_by_kind``) states, each with its document span. A list or a range ("19% and 37%")
    needs each of its values stated; one figure, a source figure it can be (rounding included:
    "$1.8 billion" / "$1.79 billion")."""
    out = []
    for u in figures:
        if not _checked(u):
            continue
        held = by_key.get(u.key, [])
        if len(u.values) > 1:
            stated = all(any(_states(v, x) for v in held) for x in u.values)
        else:
            stated = any(u.compatible(v) and not v.open_bound for v in held)
        if not stated:
            out.append(Unsourced("figure", u.text, u.start, u.end))
    return out
