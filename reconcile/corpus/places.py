"""Where the corpus job may write: never over an input, never into an input folder, never around one.

Paths are compared resolved (symlinks, ``..``) and by inode (hard links, bind mounts, a folder
reached two ways), as ``report.files.aliases_an_input`` does for ``-o`` of ``compare``.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import BadInput
from ..report.files import aliases_an_input

__all__ = ["check_output", "check_store", "contains"]


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _existing(path: str) -> str:
    """``path`` resolved, or its nearest folder that exists (for a file or folder not made yet)."""
    path = os.path.realpath(path)
    while not os.path.exists(path) and os.path.dirname(path) != path:
        path = os.path.dirname(path)
    return path


def contains(folder: str | os.PathLike[str], path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is ``folder`` or lies inside it (``path`` need not exist yet).

    >>> contains("/tmp", "/tmp/a/../b")
    True
    >>> contains("/tmp/a", "/tmp/ab")
    False
    """
    outer = os.path.realpath(folder)
    inner = os.path.realpath(path)
    if inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep):
        return True
    target = _identity(outer)
    if target is None:
        return False
    probe = _existing(inner)
    while True:  # the same folder reached another way (a bind mount): compare inodes up the tree
        if _identity(probe) == target:
            return True
        parent = os.path.dirname(probe)
        if parent == probe:
            return False
        probe = parent


def check_store(store: str | os.PathLike[str], source: str | os.PathLike[str]) -> None:
    """Refuse a ``--store`` that is the input feed, one of its files, or inside the input folder."""
    store, source = str(store), str(source)
    if os.path.isdir(source):
        if contains(source, store):
            raise BadInput(f"--store {store}: is inside the input folder {source}; keep the store outside it")
        return
    if aliases_an_input(store, (source,)) is not None:
        same = "is" if os.path.realpath(store) == os.path.realpath(source) else "is the same file as"
        raise BadInput(f"--store {store}: {same} the input {source}; give another file for the store")


def check_output(outdir: str | os.PathLike[str], source: str | os.PathLike[str]) -> None:
    """Refuse an output folder that is the input folder, lies inside it, or holds the input.

    Reports written into the input would be read back as articles by the next run; an output
    around the input could write over it (``index.json`` is a name a feed may have).
    """
    out, src = str(outdir), str(source)
    if Path(out).exists() and not Path(out).is_dir():
        raise BadInput(f"-o {out}: is a file; give a folder for the index and the story reports")
    if os.path.isdir(src) and contains(src, out):
        where = "is" if os.path.realpath(out) == os.path.realpath(src) else "is inside"
        raise BadInput(f"-o {out}: {where} the input folder {src}; write the reports outside it")
    if contains(out, src):
        raise BadInput(f"-o {out}: holds the input {src}; write the reports to a folder of their own")
