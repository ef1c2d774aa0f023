"""reconcile: where news reports of the same story agree, contradict each other, and what only one says.

>>> from reconcile import compare                                   # doctest: +SKIP
>>> result = compare(["seeds/guanajuato-zerohedge.txt", "seeds/guanajuato-ward.txt"])  # doctest: +SKIP
>>> [f.kind for f in result.findings][:3]                          # doctest: +SKIP
['agreement', 'agreement', 'agreement']

Heavy modules (the encoder, networkx) load only when a comparison runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Claim", "Document", "Finding", "Result", "Settings", "__version__", "check", "claims", "compare"]

if TYPE_CHECKING:
    from .api import claims, compare
    from .model import Claim, Document, Finding, Result, Settings
    from .review import check


def __getattr__(name: str) -> Any:
    if name in ("compare", "claims"):
        from . import api

        return getattr(api, name)
    if name == "check":
        from .review import check

        return check
    if name in ("Claim", "Document", "Finding", "Result", "Settings"):
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module 'reconcile' has no attribute {name!r}")
