"""Figures: numbers of any kind that sit in the same place in two claims, compared as intervals
("more than 300" vs "about 120"), unless one is a threat, another span of time, a part or a total."""

from __future__ import annotations

import math

from ..memo import read_once
from ..model import Claim, Quantity, Tally
from ..numbers import Unit, units
from ..rules import Lexicon
from .pair import Clash, Opcode, Pair, content_word, same_word

__all__ = [
    "both_facts", "compare_figures", "in_date", "is_range", "noun_after", "number_slot", "ranges_differ", "restates",
    "same_thing", "stated_numbers",
]


def in_date(claim: Claim, unit: Unit) -> bool:
    """Whether a number is part of one of the claim's dates ("on May 17", "On Jan. 20"): a day, no figure."""
    return any(d.start <= unit.start < d.end for d in claim.facts.dates)


def _guarded(claim: Claim, unit: Unit, lexicon: Lexicon) -> bool:
    """A number under a threat or condition ("threatened to kill ten"), or over another span of time."""
    if in_date(claim, unit):
        return False  # a day is not threatened ("on May 17")
    before = claim.text[max(0, unit.start - claim.start - 60) : unit.start - claim.start]
    return any(
        not any(d.start <= claim.start + m.start() < d.end for d in claim.facts.dates)
        for m in lexicon.compare.guards.finditer(before)
    )


def noun_after(us: list[Unit], k: int, lexicon: Lexicon) -> str | None:
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


def number_slot(claim: Claim, us: list[Unit], k: int, lexicon: Lexicon) -> tuple[str, str]:
    u = us[k]
    if in_date(claim, u):
        return "date", "Date"
    if u.key == "#year":
        return "year", "Year"
    if u.key == "#ord":
        return "ordinal", "Ordinal"
    noun = noun_after(us, k, lexicon)
    if u.key == "#%":
        before = next((x.text for x in reversed(us[:k]) if content_word(x, lexicon)), None)
        return "percent", f"{before.capitalize()} (%)" if before else "Percentage"
    if u.key.startswith("#$"):
        return "money", "Amount"
    if noun:
        return f"number.{noun.lower()}", noun.capitalize()
    return "number", "Number"


def compare_figures(pair: Pair, lexicon: Lexicon, tally: Tally) -> list[Clash]:
    a, b, ua, ub, ops, ratio = pair.a, pair.b, pair.ua, pair.ub, pair.ops, pair.ratio
    out: list[Clash] = []
    paired: set[int] = set()
    candidates: list[tuple[int, int, float]] = []
    for n, (tag, i1, i2, j1, _j2) in enumerate(ops):
        if tag != "equal":
            continue
        length = i2 - i1
        # "of $1.8 billion" / "of $1.30 to $1.38": a run of the number and function words alone is
        # no shared context
        worded = any(content_word(u, lexicon) for u in ua[i1:i2])
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
            if len(xs) == 1 and len(ys) == 1 and same_thing(
                noun_after(ua, xs[0], lexicon), noun_after(ub, ys[0], lexicon), lexicon
            ):
                candidates.append((xs[0], ys[0], 0.7 if ratio >= 0.7 else 0.55))
    # one number of a kind on each side, in claims that line up: the same figure, however worded
    for key in {u.key for u in ua if u.number}:
        xs = [k for k, u in enumerate(ua) if u.key == key]
        ys = [k for k, u in enumerate(ub) if u.key == key]
        if (
            len(xs) == 1 and len(ys) == 1 and not any(c[0] == xs[0] for c in candidates) and ratio >= 0.3
            and same_thing(noun_after(ua, xs[0], lexicon), noun_after(ub, ys[0], lexicon), lexicon)
        ):
            candidates.append((xs[0], ys[0], 0.6 if ratio >= 0.5 else 0.45))
    b_values, a_values = stated_numbers(b, lexicon), stated_numbers(a, lexicon)
    at_a, at_b = {u.start: k for k, u in enumerate(ua)}, {u.start: k for k, u in enumerate(ub)}
    for i, j, strength in candidates:
        x, y = ua[i], ub[j]
        if i in paired:
            continue
        paired.add(i)
        tally.numbers += 1
        floors = ranges = False
        mx, my = measure_of(ua, i, lexicon), measure_of(ub, j, lexicon)
        if mx is not None and my is not None and mx[1] != my[1]:
            # "fell 2,000ft (609 metres)" / "fell 700 meters": the figure restated in the other's unit
            again_a, again_b = _restated(ua, i, my[1], lexicon), _restated(ub, j, mx[1], lexicon)
            if again_a is not None:
                i, x, mx = again_a, ua[again_a], my
            elif again_b is not None:
                j, y, my = again_b, ub[again_b], mx
        converted = mx is not None and my is not None and mx[1] != my[1]
        if converted and mx is not None and my is not None:
            if mx[0] != my[0] or _within_conversion(x, mx[1], y, my[1]):
                continue  # "2,000 feet" / "600 hours": no one figure; "2,000 feet" / "about 600 metres": one
        elif x.compatible(y):
            if strength >= 0.8 and ranges_differ(x, y, lexicon):
                # "growth of 4.8% to 7.6%" / "growth of 4.8% to 6.6%" in the same words: two
                # ranges that overlap, but one states an end the other does not
                ranges = True
            elif strength >= 0.8 and _floors_differ(x, y):
                # "from at least $6" / "from at least $5" in the same words: both may hold, but the
                # figures stated differ; worth an editor's look, no more
                floors, strength = True, _LOOSE
            else:
                continue
        if not both_facts(a, x, b, y, lexicon) or _the_rest(ua, i, lexicon) != _the_rest(ub, j, lexicon):
            continue
        qx, qy = _quantity_at(a, x), _quantity_at(b, y)
        if qx is not None and qy is not None and (
            qx.event != qy.event or not (qx.cls == qy.cls or lexicon.counts.generic & {qx.cls, qy.cls})
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
        elif any(
            _restates_here(v, ub, at_b.get(v.start), x, ua, i, lexicon) for v in b_values if v.start != y.start
        ) or any(_restates_here(v, ua, at_a.get(v.start), y, ub, j, lexicon) for v in a_values if v.start != x.start):
            continue  # a figure of another kind is no part: "$2.63" is not "the third" (quarter)
        # another span of time, or a total, on one side only ("so far this year", "a total of")
        if _scoped(a, ua, i, lexicon) != _scoped(b, ub, j, lexicon):
            continue
        if bool(lexicon.compare.totals.search(a.text)) != bool(lexicon.compare.totals.search(b.text)):
            continue
        if _vague(x, lexicon) or _vague(y, lexicon) or (_elapsed(ua, i, lexicon) and _elapsed(ub, j, lexicon)):
            # an order of magnitude ("hundreds of"), or the time elapsed up to each outlet's writing ("after
            # 13 days" / "after 11 days of the offensive"): worth an editor's look, no more
            strength = min(strength, _LOOSE)
        slot, label = number_slot(a, ua, i, lexicon)
        values: tuple[int | float | str, int | float | str] = (x.value(), y.value())
        if converted and mx is not None:
            # each figure in its own unit: "2,000 ft" / "150 meters"
            slot, label = f"measure.{mx[0]}", mx[0].capitalize()
            values = (f"{x.value()} {ua[i + 1].text}", f"{y.value()} {ub[j + 1].text}")
        if slot == "date":
            tally.dates += 1
        out.append(Clash(slot, label, values, ((x.start, x.end), (y.start, y.end)), strength, floors=floors))
    return out


def measure_of(us: list[Unit], k: int, lexicon: Lexicon) -> tuple[str, float] | None:
    """The unit of measure right after the number at ``k``, as (dimension, factor to its base unit):
    "2,000 feet" is ("length", 0.3048); None after a word that is no unit ("2,000 people")."""
    if k + 1 < len(us) and not us[k + 1].number and not us[k + 1].after_break:
        return lexicon.compare.measures.get(us[k + 1].key)
    return None


def _restated(us: list[Unit], k: int, factor: float, lexicon: Lexicon) -> int | None:
    """The figure that restates the measure at ``k`` in the unit of ``factor``, right after it, set
    apart ("2,000ft (609 metres)", "2,000 feet, or 610 metres"), or None."""
    at = k + 2
    if at < len(us) and us[at].after_break and not us[at].number:
        at += 1  # the one word that opens the aside: ", or 610 metres"
    if at < len(us) and us[at].number and (us[at].after_break or at == k + 3):
        found = measure_of(us, at, lexicon)
        if found is not None and found[1] == factor:
            return at
    return None


#: a figure converted from another unit is rounded: two within this share of each other (either way)
#: are one figure ("2,000 feet (609 metres)", "about 600 metres")
_CONVERSION_SLACK = 0.05


def _within_conversion(x: Unit, fx: float, y: Unit, fy: float) -> bool:
    """Whether two figures in two units of one dimension (factors ``fx``, ``fy`` to its base) can be one."""
    low, high = 1.0 - _CONVERSION_SLACK, 1.0 + _CONVERSION_SLACK
    return x.low * fx * low < y.high * fy * high and y.low * fy * low < x.high * fx * high


def _the_rest(us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the figure at ``k`` counts the rest of a whole, not the whole: "three other males were also
    shot" are some of "four people were shot"; "otros tres"."""
    contrast = lexicon.counts.contrast
    return (k + 1 < len(us) and us[k + 1].key in contrast) or (k > 0 and us[k - 1].key in contrast)


#: the strength of a clash that is worth a look and no more
_LOOSE = 0.45


def _vague(u: Unit, lexicon: Lexicon) -> bool:
    """Whether a figure is an order of magnitude ("hundreds of", "dozens of"), no number."""
    return " ".join(u.text.lower().split()) in lexicon.compare.vague


def _elapsed(us: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether the figure at ``k`` is a span of time elapsed up to the writing: "after 13 days of"."""
    words = lexicon.compare
    return k > 0 and us[k - 1].key in words.elapsed_before and (noun_after(us, k, lexicon) or "") in words.time_units


def restates(v: Unit, x: Unit) -> bool:
    """Whether the figure ``v`` can be the figure ``x`` again: of the same kind, compatible, and a
    figure rather than a bound ("over $20 million" restates no amount)."""
    return v.key == x.key and x.compatible(v) and not v.open_bound


def _restates_here(v: Unit, vs: list[Unit], at: int | None, x: Unit, xs: list[Unit], k: int, lexicon: Lexicon) -> bool:
    """Whether ``v``, a figure of the other claim (at ``at`` of its units ``vs``, where it is one), can be
    ``x`` (at ``k`` of ``xs``) again: ``restates``, and what each counts may be the same thing ("8 bridges"
    is no "7.6 magnitude")."""
    if not restates(v, x):
        return False
    if at is None or lexicon.compare.partitive.fullmatch(" ".join(u.text.lower() for u in vs[at + 1 : at + 3])):
        return True  # "two of them": a part of what the claim counts, whatever it is
    return same_thing(noun_after(vs, at, lexicon), noun_after(xs, k, lexicon), lexicon)


def _repeats(ua: list[Unit], ub: list[Unit], i: int, j: int, before: int) -> list[tuple[int, int]]:
    """Other places of the figure ``ua[i]`` / ``ub[j]`` with the same ``before`` words in front of
    it: (i2, j) where they recur in ``ua``, (i, j2) where they recur in ``ub``."""
    run = [u.key for u in ua[i - before : i + 1]]

    def at(us: list[Unit], k: int) -> bool:
        return k != (i if us is ua else j) and [u.key for u in us[k - before : k + 1]] == run

    return [(k, j) for k in range(before, len(ua)) if at(ua, k)] + [(i, k) for k in range(before, len(ub)) if at(ub, k)]


def _near_run(ops: list[Opcode], n: int, run: int = 3) -> bool:
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
    if lexicon.counts.scope.search(claim.text, start, end):
        return True
    # a short phrase fronted before the first break scopes the whole claim: "So far this year, 262 ..."
    first = next((m for m in range(1, len(us)) if us[m].after_break), len(us))
    if not (0 < first <= 6 and first <= lo):
        return False
    return bool(lexicon.counts.scope.search(claim.text, 0, us[first - 1].end - claim.start))


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
    return any(text.startswith(f"{phrase} ") for phrase, bound in lexicon.counts.bounds.items() if bound == "about")


def _floors_differ(x: Unit, y: Unit) -> bool:
    """Two lower bounds ("at least 6", "exceeding 10%") that state different figures."""
    return (
        x.key == y.key and x.lower_bound and y.lower_bound
        and x.nominal is not None and y.nominal is not None and x.nominal != y.nominal
    )


def both_facts(a: Claim, x: Unit, b: Claim, y: Unit, lexicon: Lexicon) -> bool:
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


def same_thing(x: str | None, y: str | None, lexicon: Lexicon) -> bool:
    """Whether two counted nouns may count the same things: "soldiers" and "attackers" may not."""
    if x is None or y is None:
        return True
    wx, wy = x.lower().split(), y.lower().split()
    if any(same_word(p, q) for p in wx for q in wy):
        return True
    cx = {lexicon.counts.nouns[w] for w in wx if w in lexicon.counts.nouns}
    cy = {lexicon.counts.nouns[w] for w in wy if w in lexicon.counts.nouns}
    if cx and cy:
        # "three women" are some of "five people": a class that takes in others only matches itself word for word
        return bool((cx & cy) - lexicon.counts.generic)
    return bool(cx or cy)


def _stated(us: list[Unit], lexicon: Lexicon) -> list[Unit]:
    """The numbers a claim asserts: not those it denies ("not six as first reported")."""
    return [u for k, u in enumerate(us) if u.number and not (k and lexicon.counts.negation.fullmatch(us[k - 1].key))]


def stated_numbers(claim: Claim, lexicon: Lexicon) -> tuple[Unit, ...]:
    """The numbers a claim states (not those it denies), for checking a figure against a whole source."""
    return read_once("figures", claim, lexicon, lambda: tuple(_stated(units(claim, lexicon), lexicon)))

