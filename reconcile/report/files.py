"""Writing a report file: atomically, never over an input, every write checked, and tidying temp
files of killed runs.

A report is written to ``.reconcile-<pid>-*.tmp`` beside its target and moved into place, so it
is complete or absent. A run that is killed leaves its temp file behind; the next report written
to that folder removes the temp files whose process is gone.

Every byte goes through ``write_all``, which checks what each ``write`` returns: a full disk
(ENOSPC), the file size limit (EFBIG, ``ulimit -f``) or a short write is an error, never a report
cut short in silence (Python's buffered files can drop the rest of a short write without a word).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import tempfile
import time

from ..errors import ReportError

__all__ = [
    "aliases_an_input", "process_alive", "remove_stale_temp_files", "write_all", "write_atomically", "write_new",
    "write_stream",
]

#: temp files of another host's run (no pid of ours to ask) count as stale after this long
STALE_AFTER_S = 24 * 3600
_TEMP = re.compile(r"^\.reconcile-(?:(\d+)-)?[^/]*\.tmp$")


def _encoded(text: str) -> bytes:
    """UTF-8; a lone surrogate (from a JSON feed's ``\\ud800``) is written as its escape, not a crash."""
    return text.encode("utf-8", "backslashreplace")


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``; OSError when the system refuses one or writes none."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "nothing was written")
        view = view[written:]


def write_stream(fd: int, text: str, *, name: str) -> None:
    """Write ``text`` to an open descriptor (standard output), checked; on failure a regular file is cut
    back to where the report began, so no partial report is left, and ReportError names ``name``.

    BrokenPipeError (the reader went away: ``| head``) is raised as it is, for the caller to end quietly.
    """
    start: int | None = None
    try:
        st = os.fstat(fd)
        if stat.S_ISREG(st.st_mode):
            appending = fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_APPEND
            start = st.st_size if appending else os.lseek(fd, 0, os.SEEK_CUR)
        write_all(fd, _encoded(text))
    except BrokenPipeError:
        raise
    except OSError as exc:
        kept = ""
        if start is not None:
            try:
                os.ftruncate(fd, start)
                kept = "; the partial report was removed"
            except OSError:
                kept = "; the report there is incomplete"
        raise ReportError(f"{name}: cannot write the report ({exc.strerror or exc}){kept}") from None


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def aliases_an_input(path: str, inputs: tuple[str, ...]) -> str | None:
    """The input that ``path`` is, or points to, by resolved path or by inode; None when none is.

    >>> aliases_an_input("report.md", ("-",)) is None
    True
    """
    target = os.path.realpath(path)
    target_id = _identity(target)
    for source in inputs:
        if source == "-":
            continue
        if os.path.realpath(source) == target:
            return source
        if target_id is not None and _identity(source) == target_id:
            return source
    return None


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (ours or another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but is not ours to signal
        return True
    return True


def remove_stale_temp_files(folder: str, *, now: float | None = None) -> list[str]:
    """Remove ``.reconcile-*.tmp`` files in ``folder`` left by runs that were killed; return their names.

    A temp file names its process; it is stale when that process is gone. One without a pid (from
    an older version) is stale after a day.
    """
    removed: list[str] = []
    now = time.time() if now is None else now
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        m = _TEMP.match(name)
        if not m:
            continue
        full = os.path.join(folder, name)
        try:
            st = os.lstat(full)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        pid = int(m.group(1)) if m.group(1) else None
        if pid == os.getpid():
            continue
        stale = not process_alive(pid) if pid is not None else now - st.st_mtime > STALE_AFTER_S
        if stale:
            with contextlib.suppress(OSError):
                os.unlink(full)
                removed.append(name)
    return removed


def write_atomically(path: str, text: str, *, inputs: tuple[str, ...] = ()) -> None:
    """Write ``text`` to ``path`` completely or not at all, refusing to write over any input."""
    source = aliases_an_input(path, inputs)
    if source is not None:
        same = "is" if source == path else f"is the same file as {source},"
        raise ReportError(f"{path}: {same} one of the input articles; choose another report file")
    target = os.path.realpath(path)  # through a symlink: the link keeps pointing at the report
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise ReportError(f"{path}: folder {os.path.dirname(os.path.abspath(path))} does not exist")
    if os.path.isdir(target):
        raise ReportError(f"{path}: is a directory; give a file name for the report")
    if os.path.exists(target) and not os.path.isfile(target):
        _write_through(path, target, text)  # /dev/null, /dev/stdout, a pipe: not a file to replace
        return
    remove_stale_temp_files(folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".reconcile-{os.getpid()}-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ReportError(f"{path}: cannot write there ({exc.strerror})") from None
    try:
        try:
            write_all(fd, _encoded(text))
        finally:
            os.close(fd)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ReportError(f"{path}: cannot write the report ({exc.strerror})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_new(path: str, text: str) -> None:
    """Write a file that must not exist yet (in a folder of one's own: no temp file needed), every
    write checked; on failure nothing is left and ReportError names the file."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise ReportError(f"{path}: cannot write the report ({exc.strerror or exc})") from None
    try:
        try:
            write_all(fd, _encoded(text))
        finally:
            os.close(fd)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise ReportError(f"{path}: cannot write the report ({exc.strerror or exc})") from None


def _write_through(path: str, target: str, text: str) -> None:
    """Write into a device or a pipe as a shell redirection would (never replace the node)."""
    try:
        flags = os.O_WRONLY | os.O_NONBLOCK if stat.S_ISFIFO(os.stat(target).st_mode) else os.O_WRONLY
        fd = os.open(target, flags)
    except OSError as exc:
        raise ReportError(f"{path}: cannot write the report ({exc.strerror})") from None
    try:
        os.set_blocking(fd, True)
        write_all(fd, _encoded(text))
    except OSError as exc:
        raise ReportError(f"{path}: cannot write the report ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
