"""Result -> report text. Pure functions, found by format name: ``RENDERERS[fmt](result, link_base=...)``."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Result
from .json import render_json
from .markdown import render_markdown

__all__ = ["RENDERERS", "render"]

Renderer = Callable[..., str]

RENDERERS: dict[str, Renderer] = {
    "md": render_markdown,
    "json": render_json,
}


def _html(result: Result, *, link_base: str | None = None) -> str:
    from .html import render_html

    return render_html(result, link_base=link_base)


RENDERERS["html"] = _html


def render(result: Result, fmt: str, *, link_base: str | None = None) -> str:
    """The report in format ``fmt`` (one of RENDERERS' keys)."""
    return RENDERERS[fmt](result, link_base=link_base)
