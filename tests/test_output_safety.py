"""A report never lands on an input: not through a symlink, a hard link or ``..``; temp files are tidied."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.report.files import remove_stale_temp_files

ZH = (SEEDS / "guanajuato-zerohedge.txt").read_text(encoding="utf-8")
RECONCILE = str(Path(sys.executable).parent / "reconcile")
WARD = (SEEDS / "guanajuato-ward.txt").read_text(encoding="utf-8")


@pytest.fixture
def articles(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ZH, encoding="utf-8")
    b.write_text(WARD, encoding="utf-8")
    return a, b


def _compare(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["compare", *args, "-q", "--no-cache"])


def _refused(result, output: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert lines == [f"reconcile: {output}: is the same file as {source}, one of the input articles; "
                     "choose another report file"], lines


def test_output_is_a_symlink_to_an_input(articles: tuple[Path, Path]) -> None:
    a, b = articles
    link = b.parent / "l.txt"
    link.symlink_to(b.name)
    result = _compare(str(a), str(b), "-o", str(link))
    _refused(result, str(link), str(b))
    assert b.read_text(encoding="utf-8") == WARD and link.is_symlink()


def test_input_is_a_symlink_to_the_output(articles: tuple[Path, Path]) -> None:
    """The reported one: `ln -s b.txt l.txt; reconcile compare a.txt l.txt -o b.txt`."""
    a, b = articles
    link = b.parent / "l.txt"
    link.symlink_to(b.name)
    result = _compare(str(a), str(link), "-o", str(b))
    _refused(result, str(b), str(link))
    assert b.read_text(encoding="utf-8") == WARD


def test_output_is_a_hard_link_to_an_input(articles: tuple[Path, Path]) -> None:
    a, b = articles
    hard = b.parent / "h.txt"
    os.link(b, hard)
    result = _compare(str(a), str(b), "-o", str(hard))
    _refused(result, str(hard), str(b))
    assert b.read_text(encoding="utf-8") == WARD and hard.read_text(encoding="utf-8") == WARD


def test_output_reaches_an_input_through_dotdot(articles: tuple[Path, Path]) -> None:
    a, b = articles
    (b.parent / "sub").mkdir()
    dotted = str(b.parent / "sub" / ".." / "b.txt")
    result = _compare(str(a), str(b), "-o", dotted)
    _refused(result, dotted, str(b))
    assert b.read_text(encoding="utf-8") == WARD


def test_output_through_a_symlinked_folder(articles: tuple[Path, Path]) -> None:
    a, b = articles
    (b.parent / "alias").symlink_to(b.parent, target_is_directory=True)
    aliased = str(b.parent / "alias" / "b.txt")
    result = _compare(str(a), str(b), "-o", aliased)
    _refused(result, aliased, str(b))
    assert b.read_text(encoding="utf-8") == WARD


def test_the_claims_and_check_commands_refuse_too(articles: tuple[Path, Path]) -> None:
    a, b = articles
    link = b.parent / "l.txt"
    link.symlink_to(b.name)
    claims = CliRunner().invoke(app, ["claims", str(b), "-o", str(link)])
    assert claims.exit_code == 2 and "one of the input articles" in claims.stderr
    check = CliRunner().invoke(app, ["check", str(a), "--against", str(b), "-o", str(link), "-q", "--no-cache"])
    assert check.exit_code == 2 and "one of the input articles" in check.stderr
    assert b.read_text(encoding="utf-8") == WARD


def test_a_symlinked_report_is_written_through_the_link(articles: tuple[Path, Path]) -> None:
    a, b = articles
    real = a.parent / "real.md"
    real.write_text("old report\n")
    link = a.parent / "report.md"
    link.symlink_to(real.name)
    result = CliRunner().invoke(app, ["claims", str(a), "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# Claims in a.txt")


def test_a_device_is_written_into_not_replaced(articles: tuple[Path, Path]) -> None:
    """`-o /dev/null` must not replace the device; tried on a private copy of /dev/null's node."""
    a, _ = articles
    null = a.parent / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError as exc:
        pytest.skip(f"cannot make a device node here ({exc.strerror})")
    result = CliRunner().invoke(app, ["claims", str(a), "-o", str(null)])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat(null).st_mode)


def test_a_fifo_with_no_reader_as_output_is_refused_at_once(articles: tuple[Path, Path]) -> None:
    a, _ = articles
    fifo = a.parent / "out.fifo"
    os.mkfifo(fifo)
    proc = subprocess.run(
        [RECONCILE, "claims", str(a), "-o", str(fifo)],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith("cannot write the report (No such device or address)")


def test_temp_files_of_killed_runs_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".reconcile-{dead.stdout.strip()}-abc123.tmp"
    live = tmp_path / f".reconcile-{os.getppid()}-def456.tmp"  # a live process (our parent)
    old = tmp_path / ".reconcile-oldstyle.tmp"
    fresh_old = tmp_path / ".reconcile-newer.tmp"
    mine = tmp_path / "notes.tmp"
    for p in (stale, live, old, fresh_old, mine):
        p.write_text("partial")
    os.utime(old, (1, 1))
    assert sorted(remove_stale_temp_files(str(tmp_path))) == sorted([stale.name, old.name])
    assert not stale.exists() and not old.exists()
    assert live.exists() and fresh_old.exists() and mine.exists()


def test_writing_a_report_tidies_the_folder(articles: tuple[Path, Path]) -> None:
    a, _ = articles
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = a.parent / f".reconcile-{dead.stdout.strip()}-xyz.tmp"
    stale.write_text("half a report")
    result = CliRunner().invoke(app, ["claims", str(a), "-o", str(a.parent / "claims.md")])
    assert result.exit_code == 0
    assert not stale.exists()
    assert not list(a.parent.glob(".reconcile-*"))


# -- every write is checked: a full disk, the file size limit, a reader that went away ------------------------

BREITBART = str(SEEDS / "el-salto-breitbart.txt")  # its claims in JSON are about 9.6 kB


def _limited(limit: int):  # type: ignore[no-untyped-def]
    """preexec_fn: the child may write files of at most ``limit`` bytes (``ulimit -f``)."""
    import resource

    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_stdout_past_the_file_size_limit_is_an_error_and_leaves_no_partial_report(tmp_path: Path) -> None:
    """`(ulimit -f 8; reconcile compare a b -f json > out.json)` exited 0 with the report cut at 8,192 bytes."""
    out = tmp_path / "out.json"
    with open(out, "wb") as stdout:
        proc = subprocess.run(
            [RECONCILE, "compare", str(SEEDS / "guanajuato-zerohedge.txt"), str(SEEDS / "guanajuato-ward.txt"),
             "-f", "json", "-q", "--no-cache"],
            stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120, preexec_fn=_limited(8192),
        )
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "reconcile: standard output: cannot write the report (File too large); the partial report was removed"
    ]
    assert out.stat().st_size == 0


def test_appending_past_the_limit_keeps_what_was_there(tmp_path: Path) -> None:
    out = tmp_path / "log.json"
    out.write_text("an earlier line\n")
    with open(out, "ab") as stdout:
        proc = subprocess.run([RECONCILE, "claims", BREITBART, "-f", "json"], stdout=stdout,
                              stderr=subprocess.PIPE, text=True, timeout=60, preexec_fn=_limited(8192))
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1
    assert out.read_text() == "an earlier line\n"


def test_a_report_file_past_the_limit_is_not_written(tmp_path: Path) -> None:
    out = tmp_path / "claims.json"
    out.write_text("the previous report\n")
    proc = subprocess.run([RECONCILE, "claims", BREITBART, "-f", "json", "-o", str(out)], capture_output=True,
                          text=True, timeout=60, preexec_fn=_limited(8192))
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [f"reconcile: {out}: cannot write the report (File too large)"]
    assert out.read_text() == "the previous report\n"
    assert not list(tmp_path.glob(".reconcile-*"))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_stdout_on_a_full_device_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([RECONCILE, "claims", BREITBART, "-f", "json"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["reconcile: standard output: cannot write the report (No space left on device)"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_output_to_a_full_device_is_one_line() -> None:
    proc = subprocess.run([RECONCILE, "claims", BREITBART, "-o", "/dev/full"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["reconcile: /dev/full: cannot write the report (No space left on device)"]


def test_a_closed_pipe_ends_quietly_with_exit_1() -> None:
    proc = subprocess.Popen([RECONCILE, "claims", BREITBART, "-f", "json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the report is written
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 1
    assert stderr == b""
