"""Where reconcile keeps what it makes: one per-user cache folder (claims, embeddings, prepared models)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_dir"]


def cache_dir() -> Path:
    """The per-user cache folder: $RECONCILE_CACHE, $XDG_CACHE_HOME/reconcile or ~/.cache/reconcile."""
    explicit = os.environ.get("RECONCILE_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "reconcile"
    return Path.home() / ".cache" / "reconcile"
