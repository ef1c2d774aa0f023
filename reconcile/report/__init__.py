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
    """Write a report completely or not at all; never over one of the articles it was made from."""
    import os
    import tempfile

    from ..errors import ReportError

    target = os.path.abspath(path)
    for source in inputs:
        if source != "-" and os.path.exists(source) and os.path.abspath(source) == target:
            raise ReportError(f"{path}: is one of the input articles; choose another report file")
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise ReportError(f"{path}: folder {folder} does not exist")
    if os.path.isdir(target):
        raise ReportError(f"{path}: is a directory; give a file name for the report")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".reconcile-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ReportError(f"{path}: cannot write there ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, target)
    except OSError as exc:
        os.unlink(tmp)
        raise ReportError(f"{path}: cannot write the report ({exc.strerror})") from None
    except BaseException:
        os.unlink(tmp)
        raise
