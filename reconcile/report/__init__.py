"""Result -> report text. Pure functions, found by format name: ``render(result, fmt, link_base=...)``.

``RENDERERS`` holds one renderer per format (the ``--format`` choices); where a ``check`` needs a
report of another shape, ``CHECK_RENDERERS`` holds it and ``render`` picks it by the result's mode.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Result
from .check_markdown import render_check_markdown
from .json import render_json
from .markdown import render_markdown

__all__ = ["CHECK_RENDERERS", "RENDERERS", "render", "write"]

Renderer = Callable[..., str]

RENDERERS: dict[str, Renderer] = {
    "md": render_markdown,
    "json": render_json,
}


def _html(result: Result, *, link_base: str | None = None) -> str:
    from .html import render_html

    return render_html(result, link_base=link_base)


RENDERERS["html"] = _html
#: the renderers of a ``check`` (mode "check" or "self-check") where its report differs in shape
CHECK_RENDERERS: dict[str, Renderer] = {"md": render_check_markdown}


def render(result: Result, fmt: str, *, link_base: str | None = None) -> str:
    """The report in format ``fmt`` (one of RENDERERS' keys), of the shape the result's mode needs."""
    renderer = CHECK_RENDERERS.get(fmt) if result.mode != "compare" else None
    return (renderer or RENDERERS[fmt])(result, link_base=link_base)


def write(path: str, text: str, *, inputs: tuple[str, ...] = ()) -> None:
    """Write a report completely or not at all; never over one of the articles it was made from.

    The report goes where ``path`` resolves to (a symlink keeps pointing at it); the article check
    compares resolved paths and inodes, so a symlink, a hard link or ``..`` cannot alias an input.
    """
    from .files import write_atomically

    write_atomically(path, text, inputs=inputs)
