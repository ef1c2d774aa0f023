"""Two claims lined up word by word, built once for every comparator: the claims, their units,
the alignment of their words and how much of them is the same wording; and the word tests the
comparators share."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..model import Claim
from ..numbers import Unit, units
from ..rules import Lexicon

__all__ = [
    "MARK_REACH", "Clash", "Opcode", "Pair", "alike", "claim_text", "content_word", "line_up", "overlaps",
    "revision_words", "same_word",
    "word_parts",
]

#: one step of the word alignment: ("equal" | "replace" | "delete" | "insert", i1, i2, j1, j2)
Opcode = tuple[str, int, int, int, int]


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
    #: two lower bounds that differ ("from at least $6" / "from at least $5"): both may hold
    floors: bool = False


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


def alike(x: str, y: str, lexicon: Lexicon) -> bool:
    """Two forms of one word, irregular ones included: "drew" / "drawing", "went" / "go"."""
    if same_word(x, y):
        return True
    forms = lexicon.compare.word_forms
    xs, ys = forms.get(x, frozenset()), forms.get(y, frozenset())
    return any(same_word(p, y) for p in xs) or any(same_word(x, q) for q in ys) or bool(xs & ys)


def content_word(u: Unit, lexicon: Lexicon) -> bool:
    return not u.number and u.key not in lexicon.compare.function_words and not lexicon.counts.negation.fullmatch(u.key)


_AGE_WORD = re.compile(r"(?:\d+-)?(?:years?|months?|weeks?|days?)-old")


def word_parts(u: Unit) -> list[str]:
    """The word and, for a hyphenated one, its parts ("non-negative": negative); an age is one word
    ("10-year-old" is no "old")."""
    if "-" not in u.key or _AGE_WORD.fullmatch(u.key):
        return [u.key]
    return [u.key, *u.key.replace("’", "-").replace("'", "-").split("-")]


def claim_text(claim: Claim, span: tuple[int, int]) -> str:
    """The claim's text at a document span."""
    return claim.text[span[0] - claim.start : span[1] - claim.start]


def overlaps(s: tuple[int, int], t: tuple[int, int]) -> bool:
    return s[0] < t[1] and t[0] < s[1]


#: how many words may stand between a value and the words that mark it as a revision
MARK_REACH = 5
_STOPS = re.compile(r"[.;:!?]")


def revision_words(claim: Claim, span: tuple[int, int], lexicon: Lexicon) -> str | None:
    """The words that mark the value at ``span`` (document offsets) as a revision or as provisional,
    as written, or None: a marker of the lexicon within ``MARK_REACH`` words of the value in its
    clause ("the toll rose to five", "four, not six as first reported", "ya hay un detenido"). A
    marker elsewhere in the sentence bears on something else ("He later said the two had not met")."""
    text, base = claim.text, claim.start
    s, e = span[0] - base, span[1] - base
    for pattern in (lexicon.counts.update, lexicon.compare.update_markers):
        for m in pattern.finditer(text):
            gap = text[m.end() : s] if m.end() <= s else text[e : m.start()] if m.start() >= e else ""
            if len(gap.split()) <= MARK_REACH and not _STOPS.search(gap):
                return m.group()
    return None



@dataclass(frozen=True)
class Pair:
    """Two claims lined up word by word: what every comparator reads, built once by ``line_up``."""

    a: Claim
    b: Claim
    #: each claim's words and numbers (``numbers.units``)
    ua: list[Unit]
    ub: list[Unit]
    #: the word alignment of ``ua`` onto ``ub`` (difflib's opcodes over the units' keys)
    ops: list[Opcode]
    #: how much of the two claims is the same wording: of both, or of the shorter when one is a part
    #: of the other (a summary's clause inside a source's longer sentence)
    ratio: float


def line_up(a: Claim, b: Claim, lexicon: Lexicon) -> Pair | None:
    """The two claims lined up, or None when either has no words to compare."""
    ua, ub = units(a, lexicon), units(b, lexicon)
    if not ua or not ub:
        return None
    matcher = difflib.SequenceMatcher(a=[u.key for u in ua], b=[u.key for u in ub], autojunk=False)
    ops: list[Opcode] = list(matcher.get_opcodes())
    matched = sum(size for _, _, size in matcher.get_matching_blocks())
    shorter = min(len(ua), len(ub))
    ratio = max(matcher.ratio(), 0.9 * matched / shorter if shorter >= 6 else 0.0)
    return Pair(a, b, ua, ub, ops, ratio)
