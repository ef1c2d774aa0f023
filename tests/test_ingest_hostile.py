"""Every input either works or gets one clear line and exit 2, at once: pipes, devices, encodings, sizes."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.errors import BadInput
from reconcile.ingest import MAX_BYTES, MAX_CHARS, read

RECONCILE = str(Path(sys.executable).parent / "reconcile")
ZH = str(SEEDS / "guanajuato-zerohedge.txt")
SPANISH = (
    "Mañana, según la policía, “cuatro policías murieron” en el ataque del miércoles en El Salto.\n\n"
    "El señor Núñez dijo que la situación «es muy grave» y que habrá más vigilancia.\n"
)


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([RECONCILE, *args], capture_output=True, text=True, timeout=timeout)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    proc = _cli("claims", str(fifo), timeout=30)  # it used to wait forever for a writer
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"reconcile: {fifo}: is a named pipe (FIFO), not a file; save the article to a file, or pipe it to - (stdin)"
    ]
    assert time.monotonic() - started < 30


def test_a_device_is_refused(rules) -> None:
    with pytest.raises(BadInput, match=r"^/dev/zero: is a character device, not a file"):
        read("/dev/zero", doc_id="d1", rules=rules)


def test_a_dangling_symlink_says_so(rules, tmp_path: Path) -> None:
    (tmp_path / "l.txt").symlink_to("gone.txt")
    with pytest.raises(BadInput, match=r"l\.txt: is a symbolic link to a file that does not exist$"):
        read(str(tmp_path / "l.txt"), doc_id="d1", rules=rules)


def test_nul_after_the_first_8_kb_is_binary(rules, write) -> None:
    path = write("late.txt", ("Four officers were killed on Monday. " * 300).encode() + b"\x00tail")
    with pytest.raises(BadInput, match=r"late\.txt: looks like a binary file, not an article \(it contains NUL"):
        read(path, doc_id="d1", rules=rules)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_read(rules, write, codec) -> None:
    data = SPANISH.encode(codec)
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        bom = codecs.BOM_UTF16_BE if "16" in codec else codecs.BOM_UTF32_BE
        data = bom + data
    doc = read(write("u.txt", data), doc_id="d1", rules=rules)
    assert doc.text == SPANISH
    assert doc.warnings[0] == f"{doc.path}: not UTF-8; read it as {codec[:6]} (offsets refer to the decoded text)"


@pytest.mark.parametrize(
    "codec, name",
    [("cp1252", "windows-1252"), ("latin-1", "iso-8859-1")],
)
def test_western_legacy_encodings_are_told_apart(rules, write, codec, name) -> None:
    text = SPANISH if codec == "cp1252" else SPANISH.replace("“", '"').replace("”", '"')
    doc = read(write("es.txt", text.encode(codec)), doc_id="d1", rules=rules)
    assert doc.text == text  # not "mańana" (cp1250), as charset-normalizer guessed
    assert "mañana" in doc.text.lower()
    assert doc.warnings == (f"{doc.path}: not UTF-8; read it as {name} (offsets refer to the decoded text)",)


@pytest.mark.parametrize(
    "text, codec",
    [
        ("Le président a déclaré que la sécurité était une priorité; les élèves étaient déjà à l'école.", "cp1252"),
        ("Die Polizei sagte, dass vier Beamte getötet wurden. Der Bürgermeister äußerte sich später.", "latin-1"),
        ("Policja poinformowała, że zginęło czterech funkcjonariuszy. Łódź zatonęła w mieście.", "cp1250"),
    ],
)
def test_other_languages_keep_their_letters(rules, write, text, codec) -> None:
    doc = read(write("x.txt", (text + "\n").encode(codec)), doc_id="d1", rules=rules)
    assert doc.text == text + "\n"


def test_cr_only_line_endings_number_lines(rules, write) -> None:
    from reconcile.claims import extract

    text = "Four officers were killed on Monday night.\r\rEight gunmen died in the attack, police said.\r"
    doc = read(write("mac.txt", text), doc_id="d1", rules=rules)
    claims = extract(doc, rules)
    assert [doc.line_of(c.start) for c in claims] == [1, 3]


def test_mixed_line_endings_number_lines(rules, write) -> None:
    from reconcile.claims import extract

    text = "Four officers were killed on Monday night.\r\nEight gunmen died in the attack, police said.\rA third " \
           "statement was made by the mayor on Friday.\n"
    doc = read(write("mixed.txt", text), doc_id="d1", rules=rules)
    assert [doc.line_of(c.start) for c in extract(doc, rules)] == [1, 2, 3]


def test_an_article_on_one_line_gives_claims(rules, write) -> None:
    from reconcile.claims import extract

    ward = (SEEDS / "guanajuato-ward.txt").read_text(encoding="utf-8")
    one_line = " ".join(ward.split())
    doc = read(write("one.txt", one_line), doc_id="d1", rules=rules)
    claims = extract(doc, rules)
    lined = extract(read(str(SEEDS / "guanajuato-ward.txt"), doc_id="d1", rules=rules), rules)
    assert len(claims) >= len(lined) // 2, (len(claims), len(lined))
    assert any("hunting the elite police force" in c.text for c in claims)
    assert not doc.warnings


def test_claims_says_when_furniture_removed_most_of_a_document(write) -> None:
    bio = "John Smith is an award-winning journalist who can be contacted at john@example.org.\n"
    path = write("bio.txt", bio * 3 + "Four officers were killed on Monday night.\n")
    result = CliRunner().invoke(app, ["claims", path])
    assert result.exit_code == 0
    assert f"reconcile: warning: {path}: page furniture (rules/furniture.yaml) covers 86% of the text; " \
           "what it covers gives no claims" in result.stderr
    assert "**Page furniture (rules/furniture.yaml) covers 86% of the text**" in result.stdout


def test_an_article_over_the_limit_is_refused(rules, write) -> None:
    sentence = "Four officers were killed on Monday night in the town. "
    path = write("huge.txt", sentence * (MAX_CHARS // len(sentence) + 1))
    started = time.monotonic()
    with pytest.raises(BadInput, match=r"huge\.txt: has 2,000,\d{3} characters of text; reconcile reads articles "
                                       r"up to 2,000,000 characters; split it into parts$"):
        read(path, doc_id="d1", rules=rules)
    assert time.monotonic() - started < 10


def test_a_huge_file_is_refused_before_it_is_read(rules, tmp_path: Path) -> None:
    path = tmp_path / "50mb.txt"
    with open(path, "wb") as fh:  # sparse: 50 MB that take no disk
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(BadInput, match=r"50mb\.txt: is 50\.0 MB; reconcile reads files up to 16 MB"):
        read(str(path), doc_id="d1", rules=rules)
    assert MAX_BYTES == 16 * 1024 * 1024


def test_huge_stdin_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Four officers were killed. " * (MAX_BYTES // 27 + 10))
    with open(big, "rb") as stdin:
        proc = subprocess.run([RECONCILE, "claims", "-"], stdin=stdin, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "reconcile: -: standard input holds more than 16 MB; reconcile reads articles up to 2,000,000 characters"
    )


def test_utf8_with_a_few_bad_bytes_stays_utf8(rules, write) -> None:
    """A UTF-8 file with a stray Windows-1252 quote was read whole as iso8859_10: "AndrÃĐs"."""
    data = "Andrés Núñez, el alcalde, dijo que “cuatro policías murieron” en Guanajuato.\n".encode()
    data += b"La polic\xeda no confirm\xf3 la cifra.\n"  # two bytes pasted from a Windows-1252 document
    doc = read(write("mixed.txt", data), doc_id="d1", rules=rules)
    assert doc.text.startswith("Andrés Núñez") and doc.encoding == "utf-8"
    assert "La polic\ufffda no confirm\ufffd la cifra." in doc.text
    assert doc.warnings == (
        f"{doc.path}: 2 bytes are not UTF-8 (line 2); read it as UTF-8 with each replaced by U+FFFD",
    )


def test_the_warning_reaches_the_user(write) -> None:
    data = "Andrés Núñez dijo que “cuatro policías murieron” el jueves.\n\nOtra l\xednea.\n".encode()
    path = write("m.txt", data[:-10] + b"\x93" + data[-10:])
    result = CliRunner().invoke(app, ["claims", path])
    assert result.exit_code == 0
    assert f"reconcile: warning: {path}: 1 byte is not UTF-8 (line 3); read it as UTF-8 with each replaced by U+FFFD" \
        in result.stderr.splitlines()


def test_mostly_windows_1252_is_still_windows_1252(rules, write) -> None:
    text = "Según la policía, “cuatro policías murieron” en el ataque del miércoles.\n"
    data = text.encode("cp1252") + "Ñandú".encode()  # one valid UTF-8 word in a Windows-1252 file
    doc = read(write("legacy.txt", data), doc_id="d1", rules=rules)
    assert doc.text.startswith(text) and doc.encoding == "windows-1252"
