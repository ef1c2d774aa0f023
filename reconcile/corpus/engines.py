"""Engines by name: ``local`` runs here; ``ray`` (an optional extra) runs the same steps on Ray."""

from __future__ import annotations

from pathlib import Path

from ..grouping import GroupingSettings
from ..model import Settings
from .job import Engine
from .store import Store

__all__ = ["make_engine"]


def make_engine(
    name: str,
    store: Store,
    *,
    address: str | None = None,
    model: str | None = None,
    rules_dir: str | None = None,
    settings: Settings = Settings(),
    grouping: GroupingSettings = GroupingSettings(),
    sources: str | Path = "articles",
) -> Engine:
    """The engine called ``name`` (one of ``job.ENGINES``)."""
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(store, address=address, model=model, rules_dir=rules_dir, settings=settings,
                         grouping=grouping, sources=sources)
    from .local import LocalEngine

    return LocalEngine(store, model=model, rules_dir=rules_dir, settings=settings, grouping=grouping,
                       sources=sources)
