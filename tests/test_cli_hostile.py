"""File names and text that try to reach the terminal: every stderr message is one line, control
characters shown escaped; no raw ESC in a report."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS
from typer.testing import CliRunner

from reconcile.cli import app

RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def test_a_newline_in_a_file_name_stays_on_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "two\nlines.txt"
    empty.write_bytes(b"")
    result = _run("claims", str(empty))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"reconcile: {tmp_path}/two\\nlines.txt: is empty"]


def test_an_osc_escape_in_a_file_name_never_reaches_the_terminal(tmp_path: Path) -> None:
    empty = tmp_path / "title\x1b]0;pwned\x07.txt"
    empty.write_bytes(b"")
    result = _run("claims", str(empty))
    assert result.exit_code == 2
    assert result.stderr == f"reconcile: {tmp_path}/title\\x1b]0;pwned\\x07.txt: is empty\n"


def test_a_warning_names_a_hostile_file_on_one_line(tmp_path: Path) -> None:
    legacy = tmp_path / "cp\n1252\u202e.txt"
    legacy.write_bytes("Según la policía, “cuatro policías murieron” en El Salto.".encode("cp1252"))
    result = _run("claims", str(legacy))
    assert result.exit_code == 0, result.output
    warning = [line for line in result.stderr.splitlines() if "not UTF-8" in line]
    assert warning == [f"reconcile: warning: {tmp_path}/cp\\n1252\\u202e.txt: not UTF-8; read it as windows-1252 "
                       "(offsets refer to the decoded text)"]


def test_no_raw_escape_in_a_markdown_report(tmp_path: Path) -> None:
    named = tmp_path / "red\x1b[31m.txt"
    named.write_text("Four officers were killed on \x1b[31mThursday\x1b[0m night, police said.\n", encoding="utf-8")
    claims = _run("claims", str(named))
    assert claims.exit_code == 0 and "Thursday" in claims.stdout
    compared = _run("compare", str(named), str(SEEDS / "guanajuato-ward.txt"), "-q", "--no-cache")
    assert compared.exit_code == 0, compared.output
    for text in (claims.stdout, compared.stdout, compared.stderr):
        assert not any(ch in text for ch in RAW), repr(text)
    assert "red\\\\x1b\\[31m.txt" in compared.stdout  # the name, shown escaped (and Markdown-escaped)
