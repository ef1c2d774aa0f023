"""How many were killed, injured and arrested in the event a document reports, read from its claims.

Each count comes from the claims' typed facts (``facts.counts``): the first statement of it in the
document (the headline and the lede come first) that is a fact about this event: not a threat, not
another span of time ("so far this year"), not a part of a group ("two of them"), not a roundup of
several incidents ("in three separate shootings"). Beside them:
- one participant where the text names no number ("a 17-year-old boy died", "un hombre murió"; one
  hurt who then died is one of the dead: ``singular``),
  or as many as the rank it gives among the dead ("a second teen has died": at least 2), or two at
  least where a plural verb makes it the last of a list ("... and a woman were found dead");
- the doer's own death after the deed: one more than those the doer killed ("killing three ...
  before taking his own life": 4);
- the dead among those shot ("five people were shot, two fatally"), or among the wounded, the rest
  being the wounded ("10 people were wounded ... One of the victims was killed": 1 and 9);
- a later count the document marks as the total ("A total of three people were killed");
- totals from parts: a total over several classes ("4 police officers died ... 4 kidnappers were
  killed" is 8 killed), the wounded as those shot less the dead, the dead as those shot less the
  wounded;
- nobody killed, where the document tells of someone hurt (counted or not: "no one else was hurt")
  and of no death at all (a charge's "attempted murder" or "deadly weapon" is none).
Every value keeps the words it was read from; a value derived from several places quotes the main one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..facts import latest_year, number_value
from ..model import Bound, Claim, Document, Stated
from ..rules import Lexicon
from .absent import an_injury, none_of
from .deeds import Said, with_own_death
from .participants import (
    FIELDS,
    LIST_GAP,
    befalls_who_follows,
    by_severity,
    is_object,
    list_gap,
    listed_before,
    statuses_only,
)
from .sentence import apart_from_another_event, several_events
from .singular import after_event, singular

__all__ = ["FIELDS", "other_time", "read_counts"]


def _event_span(claim: Claim, start: int, end: int, lexicon: Lexicon) -> tuple[int, int]:
    """The count's words with the event word nearest after it in its claim ("four people were killed"),
    within eight words; else the count's words alone."""
    words = lexicon.counts
    after = claim.text[end - claim.start :]
    m = words.event_pattern.search(after)
    if m is not None and len(after[: m.start()].split()) <= 8:
        return start, end + m.end()
    return start, end


def other_time(claim: Claim, year: int | None, lexicon: Lexicon) -> bool:
    """Whether the claim speaks of another span of time ("so far this year") or names another year:
    what it counts is not this event's (as ``facts`` marks its counts ``scoped``)."""
    if lexicon.counts.scope.search(claim.text):
        return True
    return year is not None and any(int(y) != year for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", claim.text))


def _statements(text: str, claims: Sequence[Claim], lexicon: Lexicon, year: int | None) -> list[Said]:
    """Every count the claims state as a fact of this event, in document order."""
    out: list[Said] = []
    for order, claim in enumerate(claims):
        if several_events(text, claim, lexicon):
            continue
        statuses = statuses_only(claim, lexicon)
        for q in claim.facts.quantities:
            if q.hypothetical or q.scoped or _AGE.search(q.text):
                continue  # "11 year-old boy" is an age, not eleven boys
            other = q.partial and bool(lexicon.counts.contrast & set(q.text.lower().split()))
            if q.partial and not other:
                continue  # "two of them": a part of a group counted elsewhere
            event = q.event
            if event is None:
                # "a shooting that sent four teens to the hospital": what the frame's words say befell
                # them (the events ``facts`` knows it weighed: "four suspects killed the owner" did it)
                after = next((e for e in statuses if e[0] >= q.end - claim.start
                              and not befalls_who_follows(claim.text[e[0] : e[1]])), None)
                if after is None or len(claim.text[q.end - claim.start : after[0]].split()) > 8:
                    continue
                event = after[2]
            other = other and not apart_from_another_event(text, q.start, event, lexicon)
            bound = q.bound
            if event == "injured" and bound == "exact" and by_severity(claim, q.start, q.end, lexicon):
                bound = "at_least"  # "11 victims had non-life threatening injuries": some of the hurt
            lead = None if other else listed_before(claim, q.start, lexicon)  # "a father and two children"
            out.append(Said(event, q.cls if lead is None else None, q.value + (lead is not None), bound,
                            q.start if lead is None else claim.start + lead.start, q.end, claim.id, order, claim.quoted,
                            "other" if other else "count", is_object(claim, q.start - claim.start, lexicon)))
        if other_time(claim, year, lexicon):
            continue
        out += _fatal_parts(claim, order, lexicon)
        out += singular(claim, order, lexicon)
        out += after_event(claim, order, lexicon)
    return out


def _fatal_parts(claim: Claim, order: int, lexicon: Lexicon) -> list[Said]:
    """ "five people were shot, two fatally": the dead among those the claim counts as shot."""
    shot = [q for q in claim.facts.quantities if q.event == "shot" and not (q.hypothetical or q.scoped)]
    if not shot:
        return []
    out = []
    for m in lexicon.frame.fatal_pattern.finditer(claim.text):
        value = number_value(m.group("n"), claim.language)
        if value is not None and value <= shot[0].value:
            start, end = claim.start + m.start(), claim.start + m.end()
            out.append(Said("killed", shot[0].cls, value, "exact", start, end, claim.id, order, claim.quoted, "fatal"))
    return out


def _dead_among(text: str, claims: Sequence[Claim], lexicon: Lexicon, everyone: Said) -> Said | None:
    """The dead told as a part of those shot, after them: "Five people were shot ... One of the victims
    later died" (not "three other people", the rest)."""
    for order, claim in enumerate(claims):
        for q in claim.facts.quantities if not several_events(text, claim, lexicon) else ():
            if (q.partial and q.event == "killed" and not (q.hypothetical or q.scoped) and q.start > everyone.end
                    and q.value < everyone.value and not lexicon.counts.contrast & set(q.text.lower().split())):
                return Said("killed", q.cls, q.value, "exact", q.start, q.end, claim.id, order, claim.quoted, "fatal")
    return None


#: an age between a number and its noun
_AGE = re.compile(r"\byears?[- ]old\b|\baños\b", re.IGNORECASE)
def _combine(bounds: Sequence[Bound]) -> Bound:
    """The bound of a sum: exact when every part is, else the loosest."""
    if all(b == "exact" for b in bounds):
        return "exact"
    if "about" in bounds:
        return "about"
    return "at_least" if "at_least" in bounds else "at_most"


def _stated(document: Document, said: Said, lexicon: Lexicon, voiced: bool) -> Stated:
    """A statement as the fact sheet shows it; ``voiced``: the document speaks in its own voice somewhere
    (else, a tweet or a statement on its own, what it quotes is its voice)."""
    cls = said.cls if said.cls not in lexicon.counts.generic else None
    text = document.text[said.start : said.end]
    firm = said.kind in ("count", "bare", "fatal") and not (said.quoted and voiced)
    line_start = document.text.rfind("\n", 0, said.start) + 1
    total = lexicon.compare.totals.search(document.text, line_start, said.end) is not None
    return Stated(said.value, text, said.start, said.end, said.claim, said.bound, cls, said.kind == "derived", firm,
                  total)


def _joined(document: Document, a: Said, b: Said, lexicon: Lexicon) -> bool:
    """Whether two counts of one claim are joined as the parts of one list: "two children and two
    adults were killed" (not "four people, including two children")."""
    if a.claim != b.claim or b.start < a.end:
        return False
    if b.start - a.end > LIST_GAP:
        return False  # a stretch of words between: no list (and no slice of a long run-on claim)
    gap = document.text[a.end : b.start]
    return gap.strip().lower() in lexicon.frame.list_joins or list_gap(gap, lexicon)


def _with_others(first: Said, others: Sequence[Said], cls: str | None, apart: bool,
                 said: Sequence[Said] = ()) -> Said:
    """A count with the "others" of its class counted after it ("one officer was wounded ... three
    other officers"): their sum, quoting the first."""
    # set apart from the first (the last statement before them), not from a part told of after it
    # ("at least four people were shot, including a woman who was shot" ... "three other people")
    more = [s for s in others if (s.order, s.start) > (first.order, first.start) and s.cls in (cls, None) and max(
        (p for p in said if (p.order, p.start) < (s.order, s.start)), key=lambda p: (p.order, p.start), default=first)
        is first]
    if not more or apart:
        # others after others ("wounded four others" ... "Four other people were taken to hospital") are
        # most often the same ones told again: set apart from the same first count, not from each other
        return first
    return Said(first.event, first.cls, first.value + sum(s.value for s in more),
                 _combine([first.bound, *(s.bound for s in more)]), first.start, first.end, first.claim, first.order,
                 first.quoted, first.kind)


def _set_apart(document: Document, said: Said, lexicon: Lexicon) -> bool:
    """Whether a count is itself of others ("seven other people were hurt"), read as such or not."""
    words = re.findall(r"[^\W\d_]+", document.text[said.start : said.end].lower())
    return said.kind == "other" or bool(lexicon.counts.contrast & set(words))


def _total(
    document: Document, said: Sequence[Said], lexicon: Lexicon, voiced: bool
) -> tuple[Said, dict[str, Stated]] | None:
    """The total of one event and its counts by class, from its statements in document order.

    The first statement gives the total, added to the counts joined to it as parts of one list ("two
    children and two adults") and to the "others" counted after it ("three other officers"); where
    the document counts several classes apart that never overlap, and no open class ("people"), the
    total is their sum ("4 police officers" and "4 kidnappers": 8)."""
    if not said:
        return None
    own = [s for s in said if not s.quoted]
    said = own or list(said)  # what others are quoted saying counts where the document says nothing itself
    others = [s for s in said if s.kind == "other"]
    said = [s for s in said if s.kind != "other"] or others
    first_of: dict[str, Said] = {}
    for s in said:
        if s.cls is not None:
            first_of.setdefault(s.cls, _with_others(s, others, s.cls, _set_apart(document, s, lexicon), said))
    classes = {cls: _stated(document, s, lexicon, voiced) for cls, s in first_of.items()
               if cls not in lexicon.counts.generic}
    main = said[0]
    # a later statement the document marks as the total ("A total of three people were killed") that
    # counts more of the same class than the first, in its own voice: the first told only a part of it
    generic = lexicon.counts.generic
    marked = [s for s in said[1:] if s.kind == "count" and s.bound == "exact" and s.value > main.value
              and not s.quoted and _marked_total(document, s, lexicon)
              and (s.cls if s.cls not in generic else None) == (main.cls if main.cls not in generic else None)]
    if marked:
        return marked[0], classes
    parts = [main]
    for s in said[1:]:
        if _joined(document, parts[-1], s, lexicon):
            parts.append(s)
    if len(parts) > 1:
        main = Said(main.event, None, sum(p.value for p in parts), _combine([p.bound for p in parts]), main.start,
                     parts[-1].end, main.claim, main.order, main.quoted, main.kind)
        return main, classes
    disjoint = [s for cls, s in first_of.items() if cls in lexicon.frame.disjoint]
    opened = any(s.cls in lexicon.counts.generic for s in said) or main.cls not in lexicon.frame.disjoint
    if len(disjoint) >= 2 and not opened:
        ordered = sorted(disjoint, key=lambda s: (s.order, s.start))
        first = ordered[0]
        total = Said(main.event, None, sum(s.value for s in ordered), _combine([s.bound for s in ordered]),
                      first.start, first.end, first.claim, first.order, first.quoted, "count")
        return total, classes
    return _with_others(main, others, main.cls, _set_apart(document, main, lexicon), said), classes


def _marked_total(document: Document, said: Said, lexicon: Lexicon) -> bool:
    """Whether the words right before a count mark it as the total: "a total of", "in all"."""
    before = document.text[max(0, said.start - 16) : said.start]
    return any(before[m.end() :].strip() == "" for m in lexicon.compare.totals.finditer(before))


def _derived(base: Said, value: int, bound: Bound = "exact") -> Said:
    """A figure derived from ``base`` (those shot, less the dead or the wounded), quoting it."""
    return Said(base.event, None, value, bound, base.start, base.end, base.claim, base.order, base.quoted, "derived")


def read_counts(
    document: Document, claims: Sequence[Claim], lexicon: Lexicon
) -> tuple[dict[str, Stated], dict[str, tuple[int, ...]]]:
    """The document's counts ("killed", "injured", "arrested", and by class: "killed:police"), and
    every figure it gives each field in any words."""
    year = document.date.year if document.date else latest_year(document.text)
    said = _statements(document.text, claims, lexicon, year)
    voiced = any(not c.quoted for c in claims)  # a tweet on its own: what it quotes is its voice
    figures: dict[str, tuple[int, ...]] = {}
    for s in said:
        if s.event in FIELDS and not (s.quoted and voiced):  # what it quotes others saying is theirs
            field = s.event if s.cls is None or s.cls in lexicon.counts.generic else f"{s.event}:{s.cls}"
            figures[field] = (*figures.get(field, ()), s.value)
    totals: dict[str, Said] = {}
    by_class: dict[str, Stated] = {}
    for field in FIELDS:
        found = _total(document, [s for s in said if s.event == field], lexicon, voiced)
        if found is None:
            continue
        totals[field], classes = found
        if len(classes) >= 2 or (classes and next(iter(classes)) != field):
            by_class.update({f"{field}:{cls}": value for cls, value in sorted(classes.items())})
    shot = _total(document, [s for s in said if s.event == "shot"], lexicon, voiced)
    everyone = shot[0] if shot is not None and shot[0].bound == "exact" else None
    killed, injured = totals.get("killed"), totals.get("injured")
    if everyone is not None and killed is None:
        killed = _dead_among(document.text, claims, lexicon, everyone)
        if killed is not None:
            totals["killed"] = killed
    if everyone is None and injured is not None and injured.kind == "count" and injured.bound == "exact":
        # "10 people were wounded ... One of the victims was killed": the dead told as a part of the
        # wounded, where nothing told of a death before: the rest are the wounded
        dead = _dead_among(document.text, claims, lexicon, injured)
        if dead is not None and (killed is None or (killed.order, killed.start) >= (dead.order, dead.start)):
            totals["killed"] = killed = dead if killed is None else killed
            totals["injured"] = injured = _derived(injured, injured.value - dead.value)
    # those shot less the dead are the wounded, and less the wounded the dead: only from counts stated
    # as such (one named victim, or "one is in critical condition", may be a part)
    if everyone is not None and killed is not None and injured is None and killed.kind in ("count", "fatal", "bare"):
        if killed.bound == "exact" and everyone.value > killed.value:
            totals["injured"] = _derived(everyone, everyone.value - killed.value)
    elif (everyone is not None and injured is not None and killed is None and injured.kind in ("count", "bare")
          and injured.bound == "exact" and everyone.value >= injured.value):
        totals["killed"] = _derived(everyone, everyone.value - injured.value)
    if "killed" not in totals and none_of("killed", document, claims, lexicon):
        # the document tells of no death: everyone it says was shot is among the wounded
        if "injured" not in totals and shot is not None:
            totals["injured"] = _derived(shot[0], shot[0].value, shot[0].bound)  # "at least four were shot"
        hurt_by = totals.get("injured") or an_injury(claims, lexicon)
        if hurt_by is not None:
            totals["killed"] = _derived(hurt_by, 0)
    killed = totals.get("killed")
    if killed is not None and killed.bound == "exact" and killed.kind != "derived":
        # the doer who then died by their own hand is one more dead than those they killed
        totals["killed"] = with_own_death(killed, claims, said, lexicon)
    if "injured" not in totals and "killed" in totals and none_of("injured", document, claims, lexicon):
        totals["injured"] = _derived(totals["killed"], 0)  # deaths told of, and no one hurt
    out = {field: _stated(document, s, lexicon, voiced) for field, s in totals.items()}
    out.update(by_class)
    return out, figures
