"""The command line: exact one-line errors, exit codes, and reports written whole or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS
from typer.testing import CliRunner

from reconcile.cli import app

WARD = str(SEEDS / "guanajuato-ward.txt")
ZH = str(SEEDS / "guanajuato-zerohedge.txt")


@pytest.fixture
def run():  # type: ignore[no-untyped-def]
    runner = CliRunner()

    def _run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), input=input)

    return _run


def test_help_teaches_with_examples(run):
    result = run("compare", "--help")
    assert result.exit_code == 0
    assert "reconcile compare seeds/guanajuato-zerohedge.txt seeds/guanajuato-ward.txt" in result.output
    assert "--format" in result.output and "--model" in result.output


def _file(path: Path, content: bytes) -> str:
    path.write_bytes(content)
    return str(path)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda tmp: str(tmp / "missing.txt"), "missing.txt: no such file"),
        (lambda tmp: str(tmp), "is a directory; give the article files inside it"),
        (lambda tmp: _file(tmp / "empty.txt", b""), "empty.txt: is empty"),
        (lambda tmp: _file(tmp / "x.bin", b"\x00\x01\x02" * 100),
         "x.bin: looks like a binary file, not an article (it contains NUL bytes)"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_report(run, tmp_path, make, message):
    report = tmp_path / "report.md"
    report.write_text("the previous report\n")
    bad = make(tmp_path)
    result = run("compare", ZH, bad, "-o", str(report))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reconcile: ") and lines[0].endswith(message), lines
    assert "Traceback" not in result.output
    assert report.read_text() == "the previous report\n"


def test_a_single_source(run):
    result = run("compare", WARD)
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(
        "compare needs at least two articles; to see what one article claims, run `reconcile claims FILE`"
    )


def test_the_same_file_twice(run):
    result = run("compare", WARD, WARD)
    assert result.exit_code == 2
    assert f"{WARD}: is the same file as {WARD}; give each article once" in result.stderr


def test_unknown_format(run):
    result = run("compare", ZH, WARD, "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr.strip() == "reconcile: --format: 'xml' is not a report format; choose one of md, json, html"


def test_report_never_overwrites_an_input(run, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text((SEEDS / "guanajuato-ward.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run("compare", str(a), ZH, "-o", str(a))
    assert result.exit_code == 2
    assert "is one of the input articles; choose another report file" in result.stderr
    assert a.read_text(encoding="utf-8") == (SEEDS / "guanajuato-ward.txt").read_text(encoding="utf-8")


def test_json_report_to_a_file(run, tmp_path):
    out = tmp_path / "r.json"
    result = run("compare", str(SEEDS / "el-salto-mexicorojo-tweet.txt"), str(SEEDS / "el-salto-breitbart.txt"),
                 "-f", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert set(data) == {"version", "model", "documents", "claims", "findings", "facts"}
    assert data["model"] == {"name": "multilingual-e5-small", "reason": "el-salto-mexicorojo-tweet.txt is in Spanish"}
    contra = [f for f in data["findings"]
              if f["kind"] == "contradiction" and f["conflicts"][0]["slot"].startswith("count")]
    assert contra[0]["conflicts"][0]["slot"] == "count.attackers.killed"
    assert sorted(set(contra[0]["conflicts"][0]["values"].values())) == [4, 8]
    # both values come with their spans, and the slot with an editor's name
    conflict = contra[0]["conflicts"][0]
    assert conflict["label"] == "Attackers killed"
    claims = {c["id"]: c for c in data["claims"]}
    texts = {claims[cid]["doc"]: (SEEDS / ("el-salto-mexicorojo-tweet.txt" if claims[cid]["doc"] == "d1" else
                                           "el-salto-breitbart.txt")).read_text(encoding="utf-8")[s:e]
             for cid, (s, e) in conflict["spans"].items()}
    assert "4 secuestradores" in texts["d1"] and "eight gunmen" in texts["d2"]
    assert not list(tmp_path.glob(".reconcile-*")), "no temporary file left behind"


def test_markdown_links_quotes_to_their_lines(run, tmp_path):
    out = tmp_path / "r.md"
    result = run("compare", str(SEEDS / "el-salto-mexicorojo-tweet.txt"), str(SEEDS / "el-salto-breitbart.txt"),
                 "-o", str(out))
    assert result.exit_code == 0
    md = out.read_text(encoding="utf-8")
    order = ["**Summary:**", "## Key facts", "## Contradictions", "## Confirmed", "## Only in one source"]
    assert [md.index(heading) for heading in order] == sorted(md.index(heading) for heading in order)
    row = "el-salto-breitbart.txt#L13) | Jalisco Governor Enrique Alfaro | 2022-06-23 | “**eight gunmen** died” |"
    assert row in md  # the speaker, the document's date and the sentence with the value marked
    assert "**Summary:** 2 sources, 1 contradiction," in md  # the attackers; the totals apart only in Key facts


def test_stdin_is_an_article(run):
    text = (SEEDS / "guanajuato-ward.txt").read_text(encoding="utf-8")
    result = run("compare", "-", ZH, "-f", "json", input=text)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["documents"][0]["path"] == "-"


def test_claims_command_shows_counts_without_a_model(run):
    result = run("claims", str(SEEDS / "el-salto-breitbart.txt"), "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    governor = next(c for c in data["claims"] if c["text"] == "eight gunmen died")
    assert governor["quantities"] == [
        {"value": 8, "bound": "exact", "noun": "gunmen", "class": "attackers", "event": "killed",
         "text": "eight gunmen"}
    ]


def test_output_is_deterministic(run):
    args = ("compare", ZH, WARD, "-f", "json")
    assert run(*args).stdout == run(*args).stdout


def test_a_cp1252_file_is_read_with_a_warning(run, tmp_path: Path):
    cms = tmp_path / "cms.txt"
    text = "Según la policía, “cuatro policías murieron” en el ataque del miércoles en El Salto."
    cms.write_bytes(text.encode("cp1252"))
    result = run("compare", str(cms), str(SEEDS / "el-salto-breitbart.txt"), "-f", "json")
    assert result.exit_code == 0
    assert "cms.txt: not UTF-8; read it as" in result.stderr


@pytest.mark.parametrize(
    "args, line",
    [
        (("compare", ZH, WARD, "--min-confidence", "2"),
         "Invalid value for '--min-confidence': 2.0 is not a number from 0 to 1 (see `reconcile compare --help`)"),
        (("compare", ZH, WARD, "--min-confidence", "nan"),
         "Invalid value for '--min-confidence': nan is not a number from 0 to 1 (see `reconcile compare --help`)"),
        (("check", ZH, "--min-confidence", "-0.1"),
         "Invalid value for '--min-confidence': -0.1 is not a number from 0 to 1 (see `reconcile check --help`)"),
        (("compare", ZH, WARD, "--bogus"), "No such option: --bogus (see `reconcile compare --help`)"),
        (("compare",), "Missing argument 'ARTICLE'. (see `reconcile compare --help`)"),
        (("corpus", "feed.jsonl", "-o"), "Option '-o' requires an argument. (see `reconcile --help`)"),
        (("frobnicate",), "No such command 'frobnicate'. (see `reconcile --help`)"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_2(run, args, line):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"reconcile: {line}"]
    assert result.stdout == ""


def test_no_command_shows_the_help(run):
    result = run()
    assert result.exit_code == 2
    assert "Usage: reconcile [OPTIONS] COMMAND [ARGS]..." in result.output and "compare" in result.output
