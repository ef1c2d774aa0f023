"""Opposites: words of the lexicon's ``compare.opposites`` ("rose" / "fell", "definitiva" / "temporal"),
or a word and its negative-prefixed form, that bear on the same thing in two claims."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..memo import read_once
from ..model import Claim, Tally
from ..numbers import Unit, units
from ..rules import Lexicon
from .figures import restates
from .pair import Clash, Opcode, Pair, alike, content_word, word_parts

__all__ = ["claim_words", "compare_opposites", "direction", "opposed", "opposite_partners"]


def opposed(x: str, y: str, lexicon: Lexicon) -> bool:
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


def claim_words(claim: Claim, lexicon: Lexicon) -> set[str]:
    """The claim's words and their hyphenated parts ("non-negative": non, negative), read once."""
    return read_once("words", claim, lexicon, lambda: {p for u in units(claim, lexicon) for p in word_parts(u)})


def compare_opposites(pair: Pair, lexicon: Lexicon, tally: Tally) -> list[Clash]:
    """Opposite words that bear on the same thing, unless one of them is denied ("near" / "not far":
    the same) or is part of a name ("eastern" / "West Papua")."""
    return [c for c in _opposites(pair, lexicon, tally)
            if not (_denied(pair.ua, c.spans[0], lexicon) != _denied(pair.ub, c.spans[1], lexicon)
                    or _in_name(pair.ua, c.spans[0]) or _in_name(pair.ub, c.spans[1]))]


def _at(us: list[Unit], span: tuple[int, int]) -> int | None:
    return next((k for k, u in enumerate(us) if u.start <= span[0] < u.end), None)


def _denied(us: list[Unit], span: tuple[int, int], lexicon: Lexicon) -> bool:
    """Whether the word at ``span`` is denied by one of the two words before it in its clause ("not far")."""
    k = _at(us, span)
    if k is None:
        return False
    for m in range(k - 1, max(-1, k - 3), -1):
        if us[m + 1].after_break:
            return False
        if not us[m].number and lexicon.counts.negation.fullmatch(us[m].key):
            return True
    return False


def _in_name(us: list[Unit], span: tuple[int, int]) -> bool:
    """Whether the word at ``span`` is part of a name: capitalised inside its clause, next to another
    capitalised word ("the capital of West Papua")."""
    k = _at(us, span)
    if k is None or k == 0 or us[k].after_break or not us[k].text[:1].isupper():
        return False
    after = k + 1 < len(us) and _capital(us[k + 1]) and not us[k + 1].after_break
    before = k - 1 > 0 and _capital(us[k - 1])  # the first word is capitalised for the sentence
    return after or before


def _capital(u: Unit) -> bool:
    return not u.number and u.text[:1].isupper()


def _opposites(pair: Pair, lexicon: Lexicon, tally: Tally) -> list[Clash]:
    a, b, ua, ub, ops, ratio = pair.a, pair.b, pair.ua, pair.ub, pair.ops, pair.ratio
    words_a, words_b = claim_words(a, lexicon), claim_words(b, lexicon)
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
                for px in word_parts(x):
                    for py in word_parts(y):
                        if not opposed(px, py, lexicon):
                            continue
                        if not framed and (_elsewhere(py, ua, i) or _elsewhere(px, ub, j)):
                            continue
                        strength = 0.9 if ratio >= 0.7 else 0.7 if ratio >= 0.5 else (
                            _FRAMED_LOOSELY if framed and ratio >= 0.2 else 0.0)
                        if strength:
                            return [Clash("opposite", "Opposite words", (x.text, y.text),
                                          ((x.start, x.end), (y.start, y.end)), strength)]
    # opposites in the same role: each next to the same word ("increased its expected CapEx" /
    # "reducing our planned net CapEx", "revenue rose" / "revenue fell"), however the rest is worded
    # and a word with a negative prefix set off by a hyphen ("non-conditional", "non-GAAP")
    prefixes = tuple(f"{p}-" for p in lexicon.compare.negative_prefixes)
    keys_b = [direction(ub, j, lexicon) for j in range(len(ub))]
    for i, x in enumerate(ua):
        kx = direction(ua, i, lexicon)
        if x.number or not (kx in lexicon.compare.opposites or (prefixes and kx.startswith(prefixes))):
            continue
        for j, y in enumerate(ub):
            if y.number or not opposed(kx, keys_b[j], lexicon):
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
    # anywhere in two claims that line up: weak, and only where neither source uses the other's word,
    # nor a word of its side ("one male ... one female is in critical condition" / "a woman": two people)
    if ratio >= 0.2:
        for x in ua:
            function = lexicon.compare.function_words
            if x.number or x.key in function or x.key in words_b:
                continue
            for y in ub:
                if y.number or y.key in function or y.key in words_a:
                    continue
                if opposed(x.key, y.key, lexicon) and not (
                        _says_side_of(y.key, x.key, ua, lexicon) or _says_side_of(x.key, y.key, ub, lexicon)):
                    return [Clash("opposite", "Opposite words", (x.text, y.text), ((x.start, x.end), (y.start, y.end)),
                                  0.5, loose=True)]
    return []


def direction(us: list[Unit], k: int, lexicon: Lexicon) -> str:
    """The word at ``k``, or the change it stands for right before a percentage or an amount: "up
    17%" is "rose 17%" (``compare.directions``); "picked up 17 packages" is only "up"."""
    key = us[k].key
    change = lexicon.compare.directions.get(key)
    if change is None or k + 1 >= len(us) or us[k + 1].after_break:
        return key
    figure = us[k + 1].key
    return change if figure == "#%" or figure.startswith("#$") else key


def _says_side_of(word: str, against: str, us: list[Unit], lexicon: Lexicon) -> bool:
    """Whether a claim says a word of ``word``'s side of its opposition to ``against`` (another word than
    ``against`` itself): "female" beside "male" says the side of "woman"."""
    opposites = lexicon.compare.opposites
    pairs = {(pair, side) for pair, side in opposites.get(word, ()) if (pair, 1 - side) in opposites.get(against, ())}
    return any(u.key != against and not u.number and pairs & opposites.get(u.key, set()) for u in us)


def _elsewhere(word: str, us: list[Unit], k: int) -> bool:
    """Whether a claim uses ``word`` (or has it as a part: "non-negative") in a unit other than the
    one at ``k``: "negative" in "non-negative" is the word being compared, not another use of it."""
    return any(word in word_parts(u) for m, u in enumerate(us) if m != k)


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


#: one word put in place of its opposite between the same words, in claims otherwise worded apart ("a tool for
#: large, uncrewed aircraft such as ..." / "a system for small, uncrewed aircraft"): worth a look
_FRAMED_LOOSELY = 0.55


def _framed(ops: list[Opcode], n: int, reach: int = 2) -> bool:
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
            if content_word(us[m], lexicon) and len(us[m].key) >= 3:
                out.add(us[m].key)
        return out

    def before(us: list[Unit], k: int) -> str | None:
        if us[k].after_break:
            return None
        if k == 0:
            return None
        word = us[k - 1]
        if content_word(word, lexicon) and len(word.key) >= 3 and word.key not in lexicon.compare.opposites:
            return word.key
        return None

    def leading(us: list[Unit], k: int, reach: int = 3) -> set[str]:
        """The content words among the ``reach`` before ``k``, in its clause ("raw material price
        decreases": raw, material, price)."""
        out: set[str] = set()
        for m in range(k - 1, max(-1, k - 1 - reach), -1):
            if us[m + 1].after_break or us[m].key in turns:
                break
            if content_word(us[m], lexicon) and len(us[m].key) >= 3:
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
    if fa is not None and fb is not None and restates(fa, fb):
        return True
    xa, ya = after(ua, i), after(ub, j)
    if any(alike(p, q, lexicon) for p in xa for q in ya):
        return True
    xb, yb = before(ua, i), before(ub, j)
    if xb is not None and yb is not None and alike(xb, yb, lexicon):
        return True
    # the same thing before one and after the other: "revenue increases" / "decreases in new and
    # used vehicle revenue" (not for words that are function words too: "before", "after")
    function = lexicon.compare.function_words
    if ua[i].key in function or ub[j].key in function:
        return False
    far_a, far_b = after(ua, i, reach + 3), after(ub, j, reach + 3)
    return any(any(alike(w, q, lexicon) for w in near for q in far)
               for near, far in ((leading(ua, i), far_b), (leading(ub, j), far_a)))


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
    words = {c.id: claim_words(c, lexicon) for c in claims}
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

