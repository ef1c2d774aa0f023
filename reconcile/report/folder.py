"""A folder of reports published at once: built aside, swapped in at the end.

``reconcile corpus`` writes ``index.{json,md,html}``, ``stories/`` and ``articles/`` into one output
folder. A run builds all of them in ``OUT/.reconcile-build-<pid>-<token>/`` and ``commit`` swaps
them in: first the old index files go (``index.json`` first), then the folders are exchanged, then
the new index files arrive (``index.json`` last). So whenever an ``index.json`` is there, the
stories and articles beside it are the ones it lists; a run killed before ``commit`` leaves the
previous output whole, one killed inside it leaves no index (none), and the next run tidies what
a killed run left. Two runs publishing into one folder take turns (an exclusive ``flock``).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import ReportError
from .files import process_alive, write_new

__all__ = ["Publication"]

_LEFTOVER = re.compile(r"^\.reconcile-(?:build|old)-(\d+)-[0-9a-f]+$")
_LOCK = ".reconcile-lock"


def _rename(source: Path, target: Path) -> None:
    os.rename(source, target)


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


class Publication:
    """One run's output folder in the making: ``write`` into it, then ``commit`` (or ``abandon``)."""

    def __init__(self, out: str | os.PathLike[str], *, folders: Sequence[str], index: Sequence[str]) -> None:
        self.out = Path(out)
        self.folders = tuple(folders)
        self.index = tuple(index)  # in the order they arrive; the last one says the output is complete
        token = secrets.token_hex(4)
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            self._tidy()
            self.build = self.out / f".reconcile-build-{os.getpid()}-{token}"
            self.build.mkdir()
            for name in self.folders:
                (self.build / name).mkdir()
        except OSError as exc:
            raise ReportError(f"{out}: cannot write the reports there ({exc.strerror or exc})") from None
        self._old = self.out / f".reconcile-old-{os.getpid()}-{token}"

    def _tidy(self) -> None:
        """Remove what killed runs left: their build and old folders (their process is gone)."""
        for entry in os.listdir(self.out):
            m = _LEFTOVER.match(entry)
            if m and not process_alive(int(m.group(1))):
                _remove_tree(self.out / entry)

    def path(self, relative: str) -> Path:
        """Where ``relative`` (``stories/s1.md``) is written during the build."""
        return self.build / relative

    def write(self, relative: str, text: str) -> None:
        """Write one file of the output into the build (every write checked)."""
        write_new(str(self.path(relative)), text)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        fd = os.open(self.out / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def commit(self) -> None:
        """Swap the build in: old index out, folders exchanged, new index in (see the module docstring)."""
        try:
            with self._locked():
                for name in reversed(self.index):
                    _unlink(self.out / name)
                self._old.mkdir()
                for name in self.folders:
                    if os.path.lexists(self.out / name):
                        _rename(self.out / name, self._old / name)
                    _rename(self.build / name, self.out / name)
                for name in self.index:
                    _rename(self.build / name, self.out / name)
        except OSError as exc:
            raise ReportError(f"{self.out}: cannot publish the reports there ({exc.strerror or exc})") from None
        _remove_tree(self._old)
        _remove_tree(self.build)

    def abandon(self) -> None:
        """Drop the build: the previous output stays as it was."""
        _remove_tree(self.build)
