"""Result -> report text. Pure functions, found by format name: ``RENDERERS[fmt](result, link_base=...)``."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Result
from .json import render_json
from .markdown import render_markdown

__all__ = ["RENDERERS", "render", "write"]

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


def write(path: str, text: str, *, inputs: tuple[str, ...] = ()) -> None:
    """Write a report completely or not at all; never over one of the articles it was made from.

    The report goes where ``path`` resolves to (a symlink keeps pointing at it); the article check
    compares resolved paths and inodes, so a symlink, a hard link or ``..`` cannot alias an input.
    """
    from .files import write_atomically

    write_atomically(path, text, inputs=inputs)
