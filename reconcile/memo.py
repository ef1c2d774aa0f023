"""What a comparison reads off one claim (its units, its denials, its words), read once per claim:
the judge sets a claim against many others."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .model import Claim
from .rules import Lexicon

__all__ = ["read_once"]

T = TypeVar("T")

_READ: dict[tuple[str, int, str, int, str], Any] = {}
_MISSING = object()


def read_once(kind: str, claim: Claim, lexicon: Lexicon, make: Callable[[], T]) -> T:
    """What ``make`` reads from one claim (its units, its denials, ...), read once per claim: the
    judge sets a claim against many others.

    Keyed by the claim's text, position and language (all that ``units`` reads), never by its id,
    which repeats across stories. The results are shared: callers must not change them.
    """
    key = (kind, id(lexicon), claim.text, claim.start, claim.language)
    found = _READ.get(key, _MISSING)
    if found is _MISSING:
        if len(_READ) > 200_000:
            _READ.clear()
        found = _READ[key] = make()
    return found  # type: ignore[no-any-return]
