"""An encoder that looks each text up in the cache and encodes only the misses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import ModelError
from .sqlite import Cache, NullCache, valid_vectors

if TYPE_CHECKING:
    import numpy as np

    from ..embed.protocol import Encoder

__all__ = ["CachingEncoder"]


class CachingEncoder:
    """An Encoder that looks each text up in the cache and encodes only the misses.

    Only an encoder with an ``identity`` (a key that changes with its weights), or one given
    here, is cached; any other passes straight through, so a test's fake never lands in the file.
    """

    def __init__(self, encoder: Encoder, cache: Cache, *, identity: str | None = None) -> None:
        self.inner = encoder
        self.name = encoder.name
        self.identity = identity or getattr(encoder, "identity", None)
        self.cache = cache if self.identity else NullCache()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts``: cached ones read back, the rest encoded and remembered."""
        import numpy as np

        if not texts:
            return self.inner.encode(texts)
        if not isinstance(self.identity, str):
            return self.inner.encode(texts)
        found = valid_vectors(self.cache.get_vectors(self.identity, texts))  # a damaged vector is a miss
        if len({len(v) for v in found.values()}) > 1:  # damaged entries: encode them all again
            found = {}
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        fresh: dict[str, np.ndarray] = {}
        if missing:
            vectors = np.asarray(self.inner.encode(missing), dtype=np.float32)
            if vectors.ndim != 2 or vectors.shape[0] != len(missing):
                raise ModelError(f"encoder {self.name!r} returned {vectors.shape} for {len(missing)} texts")
            fresh = {t: vectors[i] for i, t in enumerate(missing)}
            if found and len(next(iter(found.values()))) != vectors.shape[1] * 4:
                return self._encode_all(texts)
            self.cache.put_vectors(self.identity, {t: v.tobytes() for t, v in fresh.items()})
        dim = next(iter(fresh.values())).shape[0] if fresh else len(next(iter(found.values()))) // 4
        out = np.empty((len(texts), dim), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = fresh[text] if text in fresh else np.frombuffer(found[text], dtype=np.float32)
        return out

    def _encode_all(self, texts: Sequence[str]) -> np.ndarray:
        """Encode every text and overwrite what the cache had (its entries did not fit)."""
        import numpy as np

        vectors = np.asarray(self.inner.encode(texts), dtype=np.float32)
        assert isinstance(self.identity, str)
        self.cache.put_vectors(self.identity, {t: v.tobytes() for t, v in zip(texts, vectors, strict=True)})
        return vectors

