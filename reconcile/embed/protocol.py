"""What every encoder is: texts in, L2-normalised float32 rows out. No model code here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Encoder"]


class Encoder(Protocol):
    """Anything that turns texts into L2-normalised vectors, one row per text.

    An encoder may also have an ``identity`` (a key that changes with its weights: what the
    embedding cache is keyed by) and a ``spec`` (its ``ModelSpec``: thresholds and prefix).
    """

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...
