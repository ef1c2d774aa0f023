"""Two matched claims, fact by fact: which of their facts cannot both be true, and how sure that is.

The judge decides what a group of claims is (agreement, contradiction, update); this module says
which facts of two claims conflict and why. The two claims are lined up word by word (numbers
stand in as their kind, so "recalling 18,400 pickup trucks" lines up with "recalling 81,400 pickup
trucks"), and then compared:

- **numbers** of any kind that sit in the same place, as intervals ("more than 300" vs "about 120");
- **polarity**: a word one claim denies ("was not arrested", "no one was arrested", "nunca") that the
  other affirms;
- **opposites** from the lexicon's ``compare.opposites`` ("rose" / "fell", "definitiva" / "temporal");
- **a swapped name, place, date, weekday or ordinal** where the rest of the two claims matches;
- **a change** one claim names ("a decline in earnings per share") against the change two figures
  the other compares give ("$0.21 in Q1 versus $0.02 a year ago": a rise), ``compare.comparisons``.

Every clash carries both values and both spans, and a ``strength``: strong when the two claims
are the same statement but for the clashing fact, weak when they only loosely line up.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Claim, Quantity
from .numbers import Unit, read_once, units
from .rules import Lexicon

__all__ = ["Clash", "Tally", "compare_pair", "figures", "label_of_slot", "marked"]


@dataclass(frozen=True)
class Clash:
    """One fact two claims state differently: its slot, an editor's name for it, each side's value and span."""

    slot: str
    label: str
    values: tuple[int | float | str, int | float | str]
    spans: tuple[tuple[int, int], tuple[int, int]]
    strength: float
    #: each side's claim marks its figure as a revision or a provisional one ("rose to", "so far")
    marked: tuple[bool, bool] = (False, False)
    #: only a conflict if neither source uses the other's word anywhere (the judge checks)
    loose: bool = False


@dataclass
class Tally:
    """What a comparison looked at: matched pairs and the facts compared in them."""

    pairs: int = 0
    numbers: int = 0
    dates: int = 0
    names: int = 0
    negations: int = 0
    opposites: int = 0
    counts: int = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in ("pairs", "numbers", "dates", "names", "negations",
                                                         "opposites", "counts")}


_SLOT_WORDS = {"killed": "killed", "injured": "injured", "arrested": "arrested", "kidnapped": "kidnapped",
               "rescued": "rescued"}


def label_of_slot(slot: str) -> str:
    """An editor's words for a slot id.

    >>> label_of_slot("count.attackers.killed"), label_of_slot("polarity")
    ('Attackers killed', 'Negation')
    """
    if slot.startswith("count."):
        _, cls, event = slot.split(".", 2)
        return f"{cls.capitalize()} {_SLOT_WORDS.get(event, event)}"
    fixed = {"polarity": "Negation", "opposite": "Opposite words", "name": "Name", "place": "Place",
             "date": "Date", "year": "Year", "ordinal": "Ordinal", "percent": "Percentage", "money": "Amount"}
    if slot in fixed:
        return fixed[slot]
    if slot.startswith("number."):
        return slot.split(".", 1)[1].capitalize()
    return slot.capitalize()


def same_word(x: str, y: str) -> bool:
    """The same word or two forms of it: "arrests" / "arrested", "detenidos" / "detenido"."""
    if x == y:
        return True
    if min(len(x), len(y)) < 4 or ("-" in x) != ("-" in y):
        return False  # "semantics-preserving" is not "semantic"
    common = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        common += 1
    return common >= max(4, min(len(x), len(y)) - 3)


def _alike(x: str, y: str, lexicon: Lexicon) -> bool:
    """Two forms of one word, irregular ones included: "drew" / "drawing", "went" / "go"."""
    if same_word(x, y):
        return True
    forms = lexicon.compare.word_forms
    xs, ys = forms.get(x, frozenset()), forms.get(y, frozenset())
    return any(same_word(p, y) for p in xs) or any(same_word(x, q) for q in ys) or bool(xs & ys)


def _content(u: Unit, lexicon: Lexicon) -> bool:
    return not u.number and u.key not in lexicon.compare.function_words and not lexicon.negation.fullmatch(u.key)


def marked(claim: Claim, lexicon: Lexicon) -> bool:
    """The claim marks a figure as a revision or as provisional: "rose to", "as first reported", "so far"."""
    return read_once("marked", claim, lexicon, lambda: _marked(claim, lexicon))


def _marked(claim: Claim, lexicon: Lexicon) -> bool:
    return bool(lexicon.compare.update_markers.search(claim.text) or lexicon.update.search(claim.text))


def _guarded(claim: Claim, unit: Unit, lexicon: Lexicon) -> bool:
    """A number under a threat or condition ("threatened to kill ten"), or over another span of time."""
    if any(d.start <= unit.start < d.end for d in claim.facts.dates):
        return False  # a day is not threatened ("on May 17")
    before = claim.text[max(0, unit.start - claim.start - 60) : unit.start - claim.start]
    return any(
        not any(d.start <= claim.start + m.start() < d.end for d in claim.facts.dates)
        for m in lexicon.compare.guards.finditer(before)
    )


def _noun_after(us: list[Unit], k: int, lexicon: Lexicon) -> str | None:
    """The counted or measured thing after the number at ``k``: "pickup trucks", "deaths"."""
    words: list[str] = []
    for u in us[k + 1 : k + 4]:
        if u.after_break or u.number:
            break
        if u.key in lexicon.compare.function_words:
            if words:
                break
            continue
        words.append(u.text)
        if len(words) == 2 or u.key.endswith("s"):  # "pickup trucks", but "homes" (lost power)
            break
    return " ".join(words) if words else None


def _number_slot(claim: Claim, us: list[Unit], k: int, lexicon: Lexicon) -> tuple[str, str]:
    u = us[k]
    if any(d.start <= u.start < d.end for d in claim.facts.dates):
        return "date", "Date"
    if u.key == "#year":
        return "year", "Year"
    if u.key == "#ord":
        return "ordinal", "Ordinal"
    noun = _noun_after(us, k, lexicon)
    if u.key == "#%":
        before = next((x.text for x in reversed(us[:k]) if _content(x, lexicon)), None)
        return "percent", f"{before.capitalize()} (%)" if before else "Percentage"
    if u.key.startswith("#$"):
        return "money", "Amount"
    if noun:
        return f"number.{noun.lower()}", noun.capitalize()
    return "number", "Number"


def _numbers(a: Claim, b: Claim, ua: list[Unit], ub: list[Unit], ops, ratio: float, lexicon: Lexicon, tally: Tally):  # type: ignore[no-untyped-def]
    out: list[Clash] = []
    paired: set[int] = set()
    candidates: list[tuple[int, int, float]] = []
    for n, (tag, i1, i2, j1, _j2) in enumerate(ops):
        if tag != "equal":
            continue
        length = i2 - i1
        # "of $1.8 billion" / "of $1.30 to $1.38": a run of the number and function words alone is
        # no shared context
        worded = any(_content(u, lexicon) for u in ua[i1:i2])
        for k in range(length):
            if ua[i1 + k].number:
                context = 0.9 if length >= 3 and ratio >= 0.6 else 0.8 if length >= 2 and worded else 0.0
                if not context and length == 1 and _near_run(ops, n):
                    # "$20 million recapture of previous provisions" / "recaptured $30 million of
                    # previous provisions": one word apart from a run of the same words
                    context = 0.7 if ratio >= 0.5 else 0.55
                if context:
                    candidates.append((i1 + k, j1 + k, context))
                    if k >= 2:
                        # the same words before a figure again elsewhere in either claim ("a net
                        # profit of $8m ..., a potential net profit of $29m"): the line-up took one
                        candidates += [(i, j, context) for i, j in _repeats(ua, ub, i1 + k, j1 + k, min(k, 3))]
    # one number of a kind on each side of a changed stretch: "for Q4 2019" / "for the fourth quarter of 2020"
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace" or ratio < 0.35:
            continue
        for key in {u.key for u in ua[i1:i2] if u.number}:
            xs = [k for k in range(i1, i2) if ua[k].key == key]
            ys = [k for k in range(j1, j2) if ub[k].key == key]
            if len(xs) == 1 and len(ys) == 1 and _same_thing(
                _noun_after(ua, xs[0], lexicon), _noun_after(ub, ys[0], lexicon), lexicon
            ):
                candidates.append((xs[0], ys[0], 0.7 if ratio >= 0.7 else 0.55))
    # one number of a kind on each side, in claims that line up: the same figure, however worded
    for key in {u.key for u in ua if u.number}:
        xs = [k for k, u in enumerate(ua) if u.key == key]
        ys = [k for k, u in enumerate(ub) if u.key == key]
        if (
            len(xs) == 1 and len(ys) == 1 and not any(c[0] == xs[0] for c in candidates) and ratio >= 0.3
            and _same_thing(_noun_after(ua, xs[0], lexicon), _noun_after(ub, ys[0], lexicon), lexicon)
        ):
            candidates.append((xs[0], ys[0], 0.6 if ratio >= 0.5 else 0.45))
    b_values, a_values = figures(b, lexicon), figures(a, lexicon)
    for i, j, strength in candidates:
        x, y = ua[i], ub[j]
        if i in paired:
            continue
        paired.add(i)
        tally.numbers += 1
        floors = ranges = False
        if x.compatible(y):
            if strength >= 0.8 and ranges_differ(x, y, lexicon):
                # "growth of 4.8% to 7.6%" / "growth of 4.8% to 6.6%" in the same words: two
                # ranges that overlap, but one states an end the other does not
                ranges = True
            elif strength >= 0.8 and _floors_differ(x, y):
                # "from at least $6" / "from at least $5" in the same words: both may hold, but the
                # figures stated differ; worth an editor's look, no more
                floors, strength = True, 0.45
            else:
                continue
        if not _both_facts(a, x, b, y, lexicon):
            continue
        qx, qy = _quantity_at(a, x), _quantity_at(b, y)
        if qx is not None and qy is not None and (
            qx.event != qy.event or not (qx.cls == qy.cls or lexicon.generic & {qx.cls, qy.cls})
        ):
            continue  # "four suspects killed" the owner (doers) vs "two suspects were killed"
        # a part and its whole: the other claim gives this figure too ("five officers, two of them ...")
        if floors:
            if any(v.start != y.start and v.key == x.key and v.nominal == x.nominal for v in b_values) or any(
                v.start != x.start and v.key == y.key and v.nominal == y.nominal for v in a_values
            ):
                continue
        elif ranges:
            if any(v.start != y.start and _same_ends(v, x) for v in b_values) or any(
                v.start != x.start and _same_ends(v, y) for v in a_values
            ):
                continue  # the other claim states this range too
        elif any(_restates(v, x) for v in b_values if v.start != y.start) or any(
            _restates(v, y) for v in a_values if v.start != x.start
        ):
            continue  # a figure of another kind is no part: "$2.63" is not "the third" (quarter)
        # another span of time, or a total, on one side only ("so far this year", "a total of")
        if _scoped(a, ua, i, lexicon) != _scoped(b, ub, j, lexicon):
            continue
        if bool(lexicon.compare.totals.search(a.text)) != bool(lexicon.compare.totals.search(b.text)):
            continue
        slot, label = _number_slot(a, ua, i, lexicon)
        if slot == "date":
            tally.dates += 1
        out.append(Clash(slot, label, (x.value(), y.value()), ((x.start, x.end), (y.start, y.end)), strength))
    return out


def _restates(v: Unit, x: Unit) -> bool:
    """Whether the figure ``v`` can be the figure ``x`` again: of the same kind, compatible, and a
    figure rather than a bound ("over $20 million" restates no amount)."""
    return v.key == x.key and x.compatible(v) and not v.open_bound


def _repeats(ua: list[Unit], ub: list[Unit], i: int, j: int, before: int) -> list[tuple[int, int]]:
    """Other places of the figure ``ua[i]`` / ``ub[j]`` with the same ``before`` words in front of
    it: (i2, j) where they recur in ``ua``, (i, j2) where they recur in ``ub``."""
    run = [u.key for u in ua[i - before : i + 1]]

    def at(us: list[Unit], k: int) -> bool:
        return k != (i if us is ua else j) and [u.key for u in us[k - before : k + 1]] == run

    return [(k, j) for k in range(before, len(ua)) if at(ua, k)] + [(i, k) for k in range(before, len(ub)) if at(ub, k)]


def _near_run(ops, n: int, run: int = 3) -> bool:  # type: ignore[no-untyped-def]
    """Whether the one-word stretch ``ops[n]`` is at most one word on each side away from a run of
    at least ``run`` unchanged words, before it or after it. A word put in place of another right
    after the number is what it counts ("four sailors" / "six fishermen"): no bridge."""
    for step in (1, -1):
        m = n + step
        if (
            0 <= m < len(ops) and ops[m][0] != "equal" and ops[m][2] - ops[m][1] <= 1 and ops[m][4] - ops[m][3] <= 1
            and not (step == 1 and ops[m][0] == "replace")
        ):
            m += step
        if m != n + step and 0 <= m < len(ops) and ops[m][0] == "equal" and ops[m][2] - ops[m][1] >= run:
            return True
    return False


def _scoped(claim: Claim, us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the clause of the number at ``k`` covers another span of time ("so far this year")."""
    lo = next((m for m in range(k, 0, -1) if us[m].after_break), 0)
    hi = next((m for m in range(k + 1, len(us)) if us[m].after_break), len(us))
    start = us[lo].start - claim.start
    end = us[hi - 1].end - claim.start
    if lexicon.scope.search(claim.text, start, end):
        return True
    # a short phrase fronted before the first break scopes the whole claim: "So far this year, 262 ..."
    first = next((m for m in range(1, len(us)) if us[m].after_break), len(us))
    return 0 < first <= 6 and first <= lo and bool(lexicon.scope.search(claim.text, 0, us[first - 1].end - claim.start))


def is_range(u: Unit, lexicon: Lexicon) -> bool:
    """A number stated as a range of two figures ("4.8% to 6.6%", "4-7%", "de 3 a 5"), not a list or a bound."""
    if not u.number or u.nominal is not None or u.values or u.lower_bound or u.zero:
        return False
    words = u.text.lower().split()
    return any(j in words if j.isalpha() else j in u.text[1:] for j in lexicon.compare.range_joins)


def _same_ends(u: Unit, v: Unit) -> bool:
    return u.key == v.key and math.isclose(u.low, v.low) and math.isclose(u.high, v.high)


def ranges_differ(x: Unit, y: Unit, lexicon: Lexicon) -> bool:
    """Two ranges of one kind whose ends are not the same figures ("approximately $1.30 to $1.40"
    is the range "$1.30 to $1.40", loosely put)."""
    return (
        x.key == y.key and is_range(x, lexicon) and is_range(y, lexicon) and not _same_ends(x, y)
        and not (_approximate(x, lexicon) or _approximate(y, lexicon))
    )


def _approximate(u: Unit, lexicon: Lexicon) -> bool:
    """The number is given as an approximation: "about 200", "approximately $1.30 to $1.40"."""
    text = u.text.lower()
    return any(text.startswith(f"{phrase} ") for phrase, bound in lexicon.bounds.items() if bound == "about")


def _floors_differ(x: Unit, y: Unit) -> bool:
    """Two lower bounds ("at least 6", "exceeding 10%") that state different figures."""
    return (
        x.key == y.key and x.lower_bound and y.lower_bound
        and x.nominal is not None and y.nominal is not None and x.nominal != y.nominal
    )


def _both_facts(a: Claim, x: Unit, b: Claim, y: Unit, lexicon: Lexicon) -> bool:
    """Whether two figures may be set against each other: neither a threat against a fact (two plans
    may still disagree), nor a typed count that is hypothetical, over another span of time, or a part."""
    if _guarded(a, x, lexicon) != _guarded(b, y, lexicon):
        return False
    return not any(
        q is not None and (q.hypothetical or q.scoped or q.partial) for q in (_quantity_at(a, x), _quantity_at(b, y))
    )


def _quantity_at(claim: Claim, unit: Unit) -> Quantity | None:
    """The typed count of the claim's facts at this number, if any."""
    return next(
        (q for q in claim.facts.quantities if q.start <= unit.start < q.end or unit.start <= q.start < unit.end), None
    )


def _same_thing(x: str | None, y: str | None, lexicon: Lexicon) -> bool:
    """Whether two counted nouns may count the same things: "soldiers" and "attackers" may not."""
    if x is None or y is None:
        return True
    wx, wy = x.lower().split(), y.lower().split()
    if any(same_word(p, q) for p in wx for q in wy):
        return True
    cx = {lexicon.nouns[w] for w in wx if w in lexicon.nouns}
    cy = {lexicon.nouns[w] for w in wy if w in lexicon.nouns}
    if cx and cy:
        # "three women" are some of "five people": a class that takes in others only matches itself word for word
        return bool((cx & cy) - lexicon.generic)
    return bool(cx or cy)


def _stated(us: list[Unit], lexicon: Lexicon) -> list[Unit]:
    """The numbers a claim asserts: not those it denies ("not six as first reported")."""
    return [u for k, u in enumerate(us) if u.number and not (k and lexicon.negation.fullmatch(us[k - 1].key))]


def _cues(claim: Claim, us: list[Unit], lexicon: Lexicon) -> list[tuple[int, int]]:
    """(negation index, index of the word it denies) for each negation in the claim."""
    spared = _phrase_spans(claim, lexicon.compare.not_negations) + _phrase_spans(claim, lexicon.compare.directives)
    out = []
    for k, u in enumerate(us):
        if not (u.zero or (not u.number and (lexicon.negation.fullmatch(u.key) or _denies(us, k, lexicon)))):
            continue
        if u.zero and not lexicon.event_pattern.search(claim.text, u.end - claim.start):
            continue  # "sin problemas", "none of the above": nobody is said to have been hurt or held
        if any(s <= u.start < e for s, e in spared):
            continue
        if _hedged(us, k, lexicon):
            continue
        for m in range(k + 1, min(len(us), k + 6)):
            if us[m].after_break:
                break
            if _content(us[m], lexicon):
                if us[m].key not in lexicon.compare.deontic:  # "no debe manipular"
                    out.append((k, m))
                break
    return out


def _advised(us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the denial at ``k`` is advice or a duty, not a fact: a word of advice or duty in
    the three words before it in its clause ("should not", "try your best not to"), or a "don't"
    that opens its clause ("don't be a victim")."""
    for m in range(k - 1, max(-1, k - 4), -1):
        if us[m].key in lexicon.compare.deontic:
            return True
        if us[m].after_break:
            break
    opener = k - 1 if k and us[k - 1].key == "do" else -1  # "don't" reads as "do" "n't"
    return opener >= 0 and (opener == 0 or us[opener].after_break) and not us[k].after_break


def _conditional(us: list[Unit], k: int, lexicon: Lexicon, reach: int = 8, after: int = 4) -> bool:
    """Whether the denial at ``k`` is under a condition: a word of condition earlier in its clause,
    within ``reach`` words ("if people are not aware of themselves"), or right after what it
    denies, within ``after`` words ("you couldn't use it if your life depended on it")."""
    for m in range(k - 1, max(-1, k - 1 - reach), -1):
        if us[m].key in lexicon.compare.conditionals:
            return True
        if us[m].after_break:
            break
    for m in range(k + 1, min(len(us), k + 2 + after)):
        if us[m].after_break:
            break
        if us[m].key in lexicon.compare.conditionals:
            return True
    return False


def _hedged(us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the denial at ``k`` states no fact: advice, a duty or a condition."""
    return _advised(us, k, lexicon) or _conditional(us, k, lexicon)


def _phrase_spans(claim: Claim, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Document spans of the phrases ``pattern`` finds in the claim."""
    return [(m.start() + claim.start, m.end() + claim.start) for m in pattern.finditer(claim.text)]


def _hedged_words(claim: Claim, us: list[Unit], lexicon: Lexicon) -> set[int]:
    """Indices of the words inside the clause of a denial that states no fact ("don't be a silent
    victim", "if they are not aware", "urged them not to travel"): the claim neither states nor
    denies them."""
    directed = _phrase_spans(claim, lexicon.compare.directives)
    cues = [(k, k) for k, u in enumerate(us)
            if not u.number and lexicon.negation.fullmatch(u.key)
            and (_hedged(us, k, lexicon) or any(s <= u.start < e for s, e in directed))]
    return _denied(us, cues)


def _denies(us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the word at ``k`` is a predicate that denies what follows it, with its link word
    right after it where it needs one: "failed to show", "lack of impact", "carece de fondos"."""
    links = lexicon.compare.negative_predicates.get(us[k].key)
    if not links:
        return False
    if "" in links:
        return True
    return k + 1 < len(us) and us[k + 1].key in links and not us[k + 1].after_break


def _denied(us: list[Unit], cues: list[tuple[int, int]]) -> set[int]:
    """Indices of the words inside a negation's clause."""
    out: set[int] = set()
    for k, _ in cues:
        for m in range(k + 1, len(us)):
            if us[m].after_break:
                break
            out.add(m)
    return out


def _denied_stated(
    claim: Claim, us: list[Unit], m: int, vs: list[Unit], denied: set[int], lexicon: Lexicon, reach: int = 5
) -> tuple[int, int] | None:
    """Where the other claim states, in that order and not denied, the content words that follow a
    denied predicate (``us[m]``) right after it: at least two of them, side by side or one word apart
    ("don't care about Bob Ross" denies caring, not Bob Ross).
    The phrase ends at any mark between words (a clause break, a closing quote: "Hugs, Not Bullets”
    By Hunting Down" denies no hunting)."""
    words: list[str] = []
    for n in range(m + 1, min(len(us), m + 1 + reach)):
        between = claim.text[us[n - 1].end - claim.start : us[n].start - claim.start]
        if us[n].after_break or between.strip():
            break
        if not _content(us[n], lexicon):
            # the phrase right after the predicate: "not including a share repurchase program",
            # "no incluye un programa de recompra"
            # ("un" reads as the number one, and is an article as well)
            if us[n].text.lower() in (lexicon.between if words else lexicon.compare.determiners):
                continue
            break
        if len(us[n].key) >= 3:
            words.append(us[n].key)
    if len(words) < 2:
        return None
    for n in range(len(vs) - 1):
        if n in denied or not _alike(words[0], vs[n].key, lexicon):
            continue
        for gap in (1, 2):
            if n + gap < len(vs) and n + gap not in denied and _alike(words[1], vs[n + gap].key, lexicon):
                return n, n + gap
    return None


def _stopped(claim: Claim, us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the denial at ``k`` says that something has stopped: a change marker ("anymore",
    "no longer", "ya no") in its clause."""
    start = us[k - 1].start if k and not us[k].after_break else us[k].start  # "ya no": the word before
    end = next((us[m - 1].end for m in range(k + 1, len(us)) if us[m].after_break), us[-1].end)
    return bool(lexicon.compare.change_markers.search(claim.text[start - claim.start : end - claim.start]))


def _in_past(claim: Claim, us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the claim puts the word at ``k`` in the past: a past marker ("once", "from being")
    before it in the claim ("pigeons were once used as messengers ... and commonly eaten")."""
    return bool(lexicon.compare.past_markers.search(claim.text[: us[k].start - claim.start]))


def _in_change(ops, side: int, index: int) -> bool:  # type: ignore[no-untyped-def]
    for tag, i1, i2, j1, j2 in ops:
        lo, hi = (i1, i2) if side == 0 else (j1, j2)
        if tag != "equal" and lo <= index < max(hi, lo + 1):
            return True
    return False


def _polarity(a: Claim, b: Claim, ua: list[Unit], ub: list[Unit], ops, ratio: float, lexicon: Lexicon, tally: Tally):  # type: ignore[no-untyped-def]
    sides = ((a, ua, b, ub, 0), (b, ub, a, ua, 1))
    cues = {0: read_once("cues", a, lexicon, lambda: _cues(a, ua, lexicon)),
            1: read_once("cues", b, lexicon, lambda: _cues(b, ub, lexicon))}
    # the other claim's words under a denial, stated or hedged ("don't be a silent victim"), are not
    # stated outright
    denied = {0: read_once("denied", a, lexicon, lambda: _denied(ua, cues[0]) | _hedged_words(a, ua, lexicon)),
              1: read_once("denied", b, lexicon, lambda: _denied(ub, cues[1]) | _hedged_words(b, ub, lexicon))}
    for claim, us, other, vs, side in sides:
        for k, m in cues[side]:
            tally.negations += 1
            if any(v.zero for v in vs):
                continue  # both say "no one": the same denial, worded differently
            predicate = us[m].key
            hits = [n for n, v in enumerate(vs) if not v.number and _alike(predicate, v.key, lexicon)]
            if not hits or all(n in denied[1 - side] for n in hits):
                # the predicate is worded otherwise: what it denies ("not including a share
                # repurchase program") stated outright by the other claim ("our share repurchase program")
                found = _denied_stated(claim, us, m, vs, denied[1 - side], lexicon)
                if found is None:
                    continue
                (first, last), strength = found, 0.5
            else:
                first = last = next(n for n in hits if n not in denied[1 - side])
                strength = 0.9 if _in_change(ops, side, k) and ratio >= 0.6 else 0.65 if ratio >= 0.4 else 0.5
            if strength < 0.9 and (_stopped(claim, us, k, lexicon) or _in_past(other, vs, first, lexicon)):
                continue  # "we don't eat them anymore" / "pigeons were once eaten": another time
            neg_span, aff_span = (us[k].start, us[m].end), (vs[first].start, vs[last].end)
            neg_text, aff_text = claim_text(claim, neg_span), claim_text(other, aff_span)
            if side == 0:
                values, spans = (neg_text, aff_text), (neg_span, aff_span)
            else:
                values, spans = (aff_text, neg_text), (aff_span, neg_span)
            return [Clash("polarity", "Negation", values, spans, strength)]
    return []


def claim_text(claim: Claim, span: tuple[int, int]) -> str:
    """The claim's text at a document span."""
    return claim.text[span[0] - claim.start : span[1] - claim.start]


def _parts(u: Unit) -> list[str]:
    return [u.key, *u.key.replace("’", "-").replace("'", "-").split("-")] if "-" in u.key else [u.key]


def _opposed(x: str, y: str, lexicon: Lexicon) -> bool:
    """Opposites from the lexicon, or a word and its negative-prefixed form ("efficient" / "inefficient")."""
    if x == y:
        return False
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    if longer.endswith(shorter):
        prefix = longer[: len(longer) - len(shorter)]
        prefixes = lexicon.compare.negative_prefixes
        if (len(shorter) >= 4 and prefix in prefixes) or (prefix[-1:] == "-" and prefix[:-1] in prefixes):
            return True
    ox, oy = lexicon.compare.opposites.get(x), lexicon.compare.opposites.get(y)
    if not ox or not oy:
        return False
    return any((pair, 1 - side) in oy for pair, side in ox)


def _words(claim: Claim, lexicon: Lexicon) -> set[str]:
    """The claim's words and their hyphenated parts ("non-negative": non, negative), read once."""
    return read_once("words", claim, lexicon, lambda: {p for u in units(claim, lexicon) for p in _parts(u)})


def _opposites(a: Claim, b: Claim, ua: list[Unit], ub: list[Unit], ops, ratio: float, lexicon: Lexicon, tally: Tally):  # type: ignore[no-untyped-def]
    words_a, words_b = _words(a, lexicon), _words(b, lexicon)
    # what was compared: the words of either claim that have an opposite in the lexicon
    tally.opposites += sum(1 for w in words_a | words_b if w in lexicon.compare.opposites)
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or i2 - i1 > 3 or j2 - j1 > 3:
            continue
        # one word put in place of one other between the same words on both sides ("provisions for
        # credit losses, with" / "provisions for credit gains, with"): the two words fill one role,
        # even where a claim also uses the other's word elsewhere ("allowance for credit losses")
        framed = i2 - i1 == 1 and j2 - j1 == 1 and _framed(ops, n)
        for i, x in enumerate(ua[i1:i2], i1):
            for j, y in enumerate(ub[j1:j2], j1):
                for px in _parts(x):
                    for py in _parts(y):
                        if not _opposed(px, py, lexicon):
                            continue
                        if not framed and (_elsewhere(py, ua, i) or _elsewhere(px, ub, j)):
                            continue
                        strength = 0.9 if ratio >= 0.7 else 0.7 if ratio >= 0.5 else 0.0
                        if strength:
                            return [Clash("opposite", "Opposite words", (x.text, y.text),
                                          ((x.start, x.end), (y.start, y.end)), strength)]
    # opposites in the same role: each next to the same word ("increased its expected CapEx" /
    # "reducing our planned net CapEx", "revenue rose" / "revenue fell"), however the rest is worded
    # and a word with a negative prefix set off by a hyphen ("non-conditional", "non-GAAP")
    prefixes = tuple(f"{p}-" for p in lexicon.compare.negative_prefixes)
    keys_b = [_direction(ub, j, lexicon) for j in range(len(ub))]
    for i, x in enumerate(ua):
        kx = _direction(ua, i, lexicon)
        if x.number or not (kx in lexicon.compare.opposites or (prefixes and kx.startswith(prefixes))):
            continue
        for j, y in enumerate(ub):
            if y.number or not _opposed(kx, keys_b[j], lexicon):
                continue
            # where a claim also uses the other's word, in another clause, only the same two words
            # before both count ("provisions for credit gains, with the allowance for credit losses"
            # / "provisions for credit losses"); "gains and losses" speaks of both. The word itself
            # is no other use ("conditional" in "non-conditional")
            if (_elsewhere(y.key, ua, i) or _elsewhere(x.key, ub, j)) and not (
                _same_before(ua, i, ub, j) and _apart(ua, i, y.key) and _apart(ub, j, x.key)
            ):
                continue
            if _anchor(ua, i, ub, j, lexicon):
                return [Clash("opposite", "Opposite words", (x.text, y.text), ((x.start, x.end), (y.start, y.end)),
                              0.7 if ratio >= 0.3 else 0.6)]
    # anywhere in two claims that line up: weak, and only where neither source uses the other's word
    if ratio >= 0.2:
        for x in ua:
            if x.number or x.key in lexicon.compare.function_words or x.key in words_b:
                continue
            for y in ub:
                if y.number or y.key in lexicon.compare.function_words or y.key in words_a:
                    continue
                if _opposed(x.key, y.key, lexicon):
                    return [Clash("opposite", "Opposite words", (x.text, y.text), ((x.start, x.end), (y.start, y.end)),
                                  0.5, loose=True)]
    return []


def _direction(us: list[Unit], k: int, lexicon: Lexicon) -> str:
    """The word at ``k``, or the change it stands for right before a percentage or an amount: "up
    17%" is "rose 17%" (``compare.directions``); "picked up 17 packages" is only "up"."""
    key = us[k].key
    change = lexicon.compare.directions.get(key)
    if change is None or k + 1 >= len(us) or us[k + 1].after_break:
        return key
    figure = us[k + 1].key
    return change if figure == "#%" or figure.startswith("#$") else key


def _elsewhere(word: str, us: list[Unit], k: int) -> bool:
    """Whether a claim uses ``word`` (or has it as a part: "non-negative") in a unit other than the
    one at ``k``: "negative" in "non-negative" is the word being compared, not another use of it."""
    return any(word in _parts(u) for m, u in enumerate(us) if m != k)


def _apart(us: list[Unit], k: int, word: str) -> bool:
    """Whether every use of ``word`` in the claim is in another clause than the word at ``k``."""
    for m, u in enumerate(us):
        if u.key == word:
            lo, hi = sorted((k, m))
            if not any(us[n].after_break for n in range(lo + 1, hi + 1)):
                return False
    return True


def _same_before(ua: list[Unit], i: int, ub: list[Unit], j: int, reach: int = 2) -> bool:
    """Whether the ``reach`` words before ``i`` and ``j`` are the same words, in one clause each."""
    if i < reach or j < reach:
        return False
    for d in range(reach):
        x, y = ua[i - 1 - d], ub[j - 1 - d]
        if x.key != y.key or x.number or ua[i - d].after_break or ub[j - d].after_break:
            return False
    return True


def _framed(ops, n: int, reach: int = 2) -> bool:  # type: ignore[no-untyped-def]
    """Whether the changed stretch ``ops[n]`` sits between unchanged words on both sides, at least
    ``reach`` of them on one side."""
    if n == 0 or n + 1 >= len(ops) or ops[n - 1][0] != "equal" or ops[n + 1][0] != "equal":
        return False
    before = ops[n - 1][2] - ops[n - 1][1]
    after = ops[n + 1][2] - ops[n + 1][1]
    return max(before, after) >= reach


def _anchor(ua: list[Unit], i: int, ub: list[Unit], j: int, lexicon: Lexicon, reach: int = 4) -> bool:
    """Whether the words at ``i`` and ``j`` bear on the same thing: the same figure right after
    each, the first content word after each (within ``reach``, in the same clause) or the last one
    before each."""
    turns = lexicon.compare.turns

    def after(us: list[Unit], k: int, reach: int = reach) -> set[str]:
        out: set[str] = set()
        for m in range(k + 1, min(len(us), k + 1 + reach)):
            if us[m].after_break or us[m].key in turns:
                break
            if _content(us[m], lexicon) and len(us[m].key) >= 3:
                out.add(us[m].key)
        return out

    def before(us: list[Unit], k: int) -> str | None:
        if us[k].after_break:
            return None
        m = k - 1
        if m >= 0 and _content(us[m], lexicon) and len(us[m].key) >= 3 and us[m].key not in lexicon.compare.opposites:
            return us[m].key
        return None

    def leading(us: list[Unit], k: int, reach: int = 3) -> set[str]:
        """The content words among the ``reach`` before ``k``, in its clause ("raw material price
        decreases": raw, material, price)."""
        out: set[str] = set()
        for m in range(k - 1, max(-1, k - 1 - reach), -1):
            if us[m + 1].after_break or us[m].key in turns:
                break
            if _content(us[m], lexicon) and len(us[m].key) >= 3:
                out.add(us[m].key)
        return out

    def figure(us: list[Unit], k: int) -> Unit | None:
        for m in range(k + 1, min(len(us), k + 4)):
            if us[m].after_break:
                return None
            if us[m].number:
                return us[m]
        return None

    # the same figure right after both ("decreased by 17%" / "up 17%")
    fa, fb = figure(ua, i), figure(ub, j)
    if fa is not None and fb is not None and _restates(fa, fb):
        return True
    xa, ya = after(ua, i), after(ub, j)
    if any(_alike(p, q, lexicon) for p in xa for q in ya):
        return True
    xb, yb = before(ua, i), before(ub, j)
    if xb is not None and yb is not None and _alike(xb, yb, lexicon):
        return True
    # the same thing before one and after the other: "revenue increases" / "decreases in new and
    # used vehicle revenue" (not for words that are function words too: "before", "after")
    function = lexicon.compare.function_words
    if ua[i].key in function or ub[j].key in function:
        return False
    far_a, far_b = after(ua, i, reach + 3), after(ub, j, reach + 3)
    return any(any(_alike(w, q, lexicon) for w in near for q in far)
               for near, far in ((leading(ua, i), far_b), (leading(ub, j), far_a)))


#: how many units before a comparison's words, and after them, its two figures may stand
_COMPARED_REACH = 12


def _implied_change(us: list[Unit], lexicon: Lexicon) -> tuple[str, Unit, Unit] | None:
    """The change a claim's figures give where it compares one with an earlier one ("$0.21 in Q1
    versus $0.02 a year ago": a rise): ("rise" or "fall", the newer figure, the earlier one), or None
    where it compares none, or its comparisons disagree. Figures of one kind on both sides pair in
    order ("$94.8 million or $0.91 ..., that compares to $106.6 million or $1.04")."""
    keys = [u.key for u in us]
    found: set[str] = set()
    first: tuple[Unit, Unit] | None = None
    for k in range(len(us)):
        marker = next((c for c in lexicon.compare.comparisons if tuple(keys[k : k + len(c)]) == c), None)
        if marker is None:
            continue
        before = [u for u in us[max(0, k - _COMPARED_REACH) : k] if _compared(u)]
        after = [u for u in us[k + len(marker) : k + len(marker) + _COMPARED_REACH] if _compared(u)]
        for key in {u.key for u in before} & {u.key for u in after}:
            newer = [u for u in before if u.key == key]
            older = [u for u in after if u.key == key]
            pairs = list(zip(newer, older, strict=True)) if len(newer) == len(older) else [(newer[-1], older[0])]
            for x, y in pairs:
                if x.nominal is None or y.nominal is None or x.nominal == y.nominal:
                    continue
                found.add("rise" if x.nominal > y.nominal else "fall")
                first = first or (x, y)
    if len(found) != 1 or first is None:
        return None
    return next(iter(found)), first[0], first[1]


def _compared(u: Unit) -> bool:
    return u.number and u.key not in ("#year", "#ord") and not u.open_bound


def _change_words(us: list[Unit], lexicon: Lexicon) -> list[tuple[int, str]]:
    """The claim's change words, each as (index, "rise" or "fall")."""
    out = []
    for k in range(len(us)):
        word = _direction(us, k, lexicon)
        if word in lexicon.compare.rises:
            out.append((k, "rise"))
        elif word in lexicon.compare.falls:
            out.append((k, "fall"))
    return out


def _changes(a: Claim, b: Claim, ua: list[Unit], ub: list[Unit], ratio: float, lexicon: Lexicon) -> list[Clash]:
    """A change word set against the change two figures give: "saw a decline in GAAP earnings per
    share" / "earnings per share was $0.21 in Q1 versus $0.02 a year ago". The change word must bear
    on what the figures measure: a content word near it is among those before the newer figure."""
    if ratio < 0.2:
        return []
    ia = read_once("implied", a, lexicon, lambda: _implied_change(ua, lexicon))
    ib = read_once("implied", b, lexicon, lambda: _implied_change(ub, lexicon))
    for us, ours, them, theirs, first in ((ua, ia, ub, ib, True), (ub, ib, ua, ia, False)):
        if theirs is None or ours is not None:
            continue
        change, newer, older = theirs
        stated = _change_words(us, lexicon)
        if any(side == change for _, side in _change_words(them, lexicon)):
            continue  # the figures' claim names its change itself: the opposites compare the words
        k_new = next(m for m, u in enumerate(them) if u is newer)
        measured = {
            u.key for u in them[max(0, k_new - _COMPARED_REACH) : k_new] if _content(u, lexicon) and len(u.key) >= 3
        }
        for k, side in stated:
            if side == change:
                break  # the claim names the same change too
            near = {u.key for u in us[max(0, k - 3) : k + 5] if _content(u, lexicon) and len(u.key) >= 3} - {us[k].key}
            if not any(_alike(p, q, lexicon) for p in near for q in measured):
                continue
            x = us[k]
            figures_text = f"{newer.text} vs {older.text}"
            figures_span = (newer.start, older.end)
            values = (x.text, figures_text) if first else (figures_text, x.text)
            spans = ((x.start, x.end), figures_span) if first else (figures_span, (x.start, x.end))
            return [Clash("change", "Change", values, spans, 0.6 if ratio >= 0.3 else 0.5)]
    return []


def _same_role(ua: list[Unit], i1: int, i2: int, ub: list[Unit], j1: int, j2: int, lexicon: Lexicon) -> bool:
    """Whether the first dated words of two replaced stretches follow the same word ("on Monday" / "on Tuesday")."""
    def before(us: list[Unit], lo: int, hi: int) -> str | None:
        k = next((k for k in range(lo, hi) if us[k].key in lexicon.weekdays or us[k].key in lexicon.months), None)
        if k is None or k == 0 or us[k - 1].key in lexicon.attribution_verbs:
            return None
        return us[k - 1].key

    x, y = before(ua, i1, i2), before(ub, j1, j2)
    return x is not None and x == y


def _capitalised(u: Unit) -> bool:
    return not u.number and u.text[:1].isupper()


def _swaps(a: Claim, b: Claim, ua: list[Unit], ub: list[Unit], ops, ratio: float, lexicon: Lexicon, tally: Tally):  # type: ignore[no-untyped-def]
    """A name, place, weekday or month put in place of another, in claims that otherwise match."""
    keys_a, keys_b = {u.key for u in ua}, {u.key for u in ub}
    out: list[Clash] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace" or i2 - i1 > 4 or j2 - j1 > 4:
            continue
        old, new = ua[i1:i2], ub[j1:j2]
        dated = [u for u in old + new if u.key in lexicon.weekdays or u.key in lexicon.months]
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
            days_a = {lexicon.weekdays[u.key] for u in old if u.key in lexicon.weekdays}
            days_b = {lexicon.weekdays[u.key] for u in new if u.key in lexicon.weekdays}
            if days_a and days_b and not days_a & days_b and strength:
                x = next(u for u in old if u.key in lexicon.weekdays)
                y = next(u for u in new if u.key in lexicon.weekdays)
                out.append(Clash("date", "Date", (x.text, y.text), ((x.start, x.end), (y.start, y.end)), strength))
            continue
        if not (all(_capitalised(u) for u in old) and all(_capitalised(u) for u in new)):
            continue
        if i1 == 0 or j1 == 0:
            continue  # a capital that only starts the sentence
        if any(u.key in keys_b for u in old) or any(u.key in keys_a for u in new):
            continue  # the same names, in another order
        tally.names += 1
        strength = 0.85 if ratio >= 0.7 else 0.6 if ratio >= 0.5 else 0.0
        # in claims that only loosely line up, a word put in place of another inside one name
        # ("Imitation Learning" / "Transfer Learning", "Bob Ross" / "Bob Hope"): weak, and only where
        # neither source uses the other's word anywhere (the judge checks)
        loose = not strength and i2 - i1 == j2 - j1 <= 2 and _inside_name(ua, i1, i2, ub, j1, j2)
        if not (strength or loose):
            continue
        slot = "place" if i1 > 0 and ua[i1 - 1].key in lexicon.locative else "name"
        span_a, span_b = (old[0].start, old[-1].end), (new[0].start, new[-1].end)
        out.append(Clash(slot, slot.capitalize(), (claim_text(a, span_a), claim_text(b, span_b)),
                         (span_a, span_b), strength or 0.45, loose=loose))
    return out


def _inside_name(ua: list[Unit], i1: int, i2: int, ub: list[Unit], j1: int, j2: int) -> bool:
    """Whether the stretches ``ua[i1:i2]`` and ``ub[j1:j2]`` are parts of one name in both: the same
    capitalised word right before them, or right after them, in both claims."""
    before = ua[i1 - 1].key == ub[j1 - 1].key and _capitalised(ua[i1 - 1]) and _capitalised(ub[j1 - 1])
    after = (i2 < len(ua) and j2 < len(ub) and ua[i2].key == ub[j2].key and _capitalised(ua[i2])
             and _capitalised(ub[j2]) and not ua[i2].after_break and not ub[j2].after_break)
    return (before and not ua[i1].after_break and not ub[j1].after_break) or after


def _across_languages(
    a: Claim, b: Claim, ua: list[Unit], ub: list[Unit], lexicon: Lexicon, tally: Tally
) -> list[Clash]:
    """An English and a Spanish claim the alignment put together: one figure, date, place or denial each."""
    out: list[Clash] = []
    for key in sorted({u.key for u in ua if u.number} & {u.key for u in ub if u.number}):
        xs = [k for k, u in enumerate(ua) if u.key == key]
        ys = [k for k, u in enumerate(ub) if u.key == key]
        if len(xs) != 1 or len(ys) != 1:
            continue
        tally.numbers += 1
        x, y = ua[xs[0]], ub[ys[0]]
        nx, ny = _noun_after(ua, xs[0], lexicon), _noun_after(ub, ys[0], lexicon)
        if x.compatible(y) or not _same_thing(nx, ny, lexicon):
            continue
        if not _both_facts(a, x, b, y, lexicon):
            continue
        typed = nx is not None and ny is not None and any(w in lexicon.nouns for w in (nx + " " + ny).lower().split())
        slot, label = _number_slot(a, ua, xs[0], lexicon)
        out.append(Clash(slot, label, (x.value(), y.value()), ((x.start, x.end), (y.start, y.end)),
                         0.75 if typed or key != "#" else 0.6))
    if len(a.facts.dates) == 1 and len(b.facts.dates) == 1:
        tally.dates += 1
        da, db = a.facts.dates[0], b.facts.dates[0]
        if not da.compatible(db):
            out.append(Clash("date", "Date", (da.text, db.text), ((da.start, da.end), (db.start, db.end)), 0.7))
    places_a = [e for e in a.facts.entities if e.kind == "place"]
    places_b = [e for e in b.facts.entities if e.kind == "place"]
    if len(places_a) == 1 and len(places_b) == 1:
        tally.names += 1
        pa, pb = places_a[0], places_b[0]
        if pa.text.lower() != pb.text.lower() and not ({pa.text.lower()} & {e.text.lower() for e in b.facts.entities}):
            out.append(Clash("place", "Place", (pa.text, pb.text), ((pa.start, pa.end), (pb.start, pb.end)), 0.6))
    cues_a = read_once("cues", a, lexicon, lambda: _cues(a, ua, lexicon))
    cues_b = read_once("cues", b, lexicon, lambda: _cues(b, ub, lexicon))
    tally.negations += len(cues_a) + len(cues_b)
    if bool(cues_a) != bool(cues_b):
        claim, us, (k, m) = (a, ua, cues_a[0]) if cues_a else (b, ub, cues_b[0])
        denial = (us[k].start, us[m].end)
        other = b if claim is a else a
        whole = (other.start, other.end)
        values = (claim_text(claim, denial), other.text) if claim is a else (other.text, claim_text(claim, denial))
        spans = (denial, whole) if claim is a else (whole, denial)
        out.append(Clash("polarity", "Negation", values, spans, 0.6))
    return out


def compare_pair(a: Claim, b: Claim, lexicon: Lexicon, tally: Tally | None = None) -> list[Clash]:
    """The facts of ``a`` and ``b`` that cannot both be true, strongest first.

    >>> from reconcile.rules import load_rules
    >>> lex = load_rules().lexicon
    >>> a = Claim("a.c1", "a", "The company's revenue rose 8 percent.", 0, 37)
    >>> b = Claim("b.c1", "b", "The company's revenue fell 8 percent.", 0, 37)
    >>> [(c.slot, c.values) for c in compare_pair(a, b, lex)]
    [('opposite', ('rose', 'fell'))]
    """
    tally = tally if tally is not None else Tally()
    tally.pairs += 1
    ua, ub = units(a, lexicon), units(b, lexicon)
    if not ua or not ub:
        return []
    matcher = difflib.SequenceMatcher(a=[u.key for u in ua], b=[u.key for u in ub], autojunk=False)
    ops = matcher.get_opcodes()
    # how much of the two claims is the same wording: of both, or of the shorter when one is a part
    # of the other (a summary's clause inside a source's longer sentence)
    matched = sum(size for _, _, size in matcher.get_matching_blocks())
    shorter = min(len(ua), len(ub))
    ratio = max(matcher.ratio(), 0.9 * matched / shorter if shorter >= 6 else 0.0)
    clashes: list[Clash] = []
    if a.language != b.language:
        # words cannot be lined up across languages: compare the typed facts the rules read in both
        clashes = _across_languages(a, b, ua, ub, lexicon, tally)
        marks = (marked(a, lexicon), marked(b, lexicon))
        return sorted((Clash(c.slot, c.label, c.values, c.spans, c.strength, marks) for c in clashes),
                      key=lambda c: -c.strength)
    clashes += _numbers(a, b, ua, ub, ops, ratio, lexicon, tally)
    numbered = [c.spans for c in clashes]
    for found in _polarity(a, b, ua, ub, ops, ratio, lexicon, tally):
        if not any(_overlap(found.spans[0], n[0]) or _overlap(found.spans[1], n[1]) for n in numbered):
            clashes.append(found)
    clashes += _opposites(a, b, ua, ub, ops, ratio, lexicon, tally)
    clashes += _swaps(a, b, ua, ub, ops, ratio, lexicon, tally)
    clashes += _changes(a, b, ua, ub, ratio, lexicon)

    marks = (marked(a, lexicon), marked(b, lexicon))
    out = [Clash(c.slot, c.label, c.values, c.spans, c.strength, marks, c.loose) for c in clashes]
    return sorted(out, key=lambda c: -c.strength)


def figures(claim: Claim, lexicon: Lexicon) -> tuple[Unit, ...]:
    """The numbers a claim states (not those it denies), for checking a figure against a whole source."""
    return read_once("figures", claim, lexicon, lambda: tuple(_stated(units(claim, lexicon), lexicon)))


def _overlap(s: tuple[int, int], t: tuple[int, int]) -> bool:
    return s[0] < t[1] and t[0] < s[1]


def opposite_partners(
    claims: Sequence[Claim], group_of: Callable[[Claim], str], lexicon: Lexicon,
) -> dict[str, tuple[str, ...]]:
    """Each claim's claims of other groups that use the opposite of one of its words, which they
    do not use themselves: "by assigning unsuitable contracts" / "to assign suitable tasks to workers".

    A draft's sentence is not always lined up with the source sentence that says the opposite (it
    may paraphrase another one better), so ``check`` compares these pairs too; the judge still
    asks the two words to bear on the same thing (``_anchor``). Opposites are those of the lexicon
    and a word with a negative prefix ("suitable" / "unsuitable").
    """
    compare = lexicon.compare
    sides: dict[tuple[int, int], set[str]] = {}
    for word, ids in compare.opposites.items():
        for pair_side in ids:
            sides.setdefault(pair_side, set()).add(word)
    words = {c.id: _words(c, lexicon) for c in claims}
    using: dict[str, list[Claim]] = {}
    for c in claims:
        for w in words[c.id]:
            using.setdefault(w, []).append(c)
    out: dict[str, tuple[str, ...]] = {}
    for c in claims:
        found: dict[str, None] = {}
        for w in sorted(words[c.id]):
            others = {o for pair, side in compare.opposites.get(w, ()) for o in sides.get((pair, 1 - side), ())}
            for p in compare.negative_prefixes:
                if w.startswith(p) and len(w) - len(p) >= 4:
                    others.add(w[len(p):])
                if len(w) >= 4:
                    others.add(p + w)
            for o in sorted(others):
                found.update(dict.fromkeys(
                    d.id for d in using.get(o, ()) if group_of(d) != group_of(c) and w not in words[d.id]
                ))
        if found:
            out[c.id] = tuple(found)
    return out
