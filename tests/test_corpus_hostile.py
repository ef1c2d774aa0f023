"""`reconcile corpus` end to end with hostile names, titles and ids: the index (md, html, json) is inert."""

from __future__ import annotations

import json
from pathlib import Path

from markdown_it import MarkdownIt
from test_inert import RAW, _no_live_markup
from typer.testing import CliRunner

from reconcile.cli import app

FEED = Path(__file__).resolve().parent / "data" / "feed.jsonl"
ROWS = [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines()]
HOSTILE_ID = "x`<svg onload=alert(1)>`y"
HOSTILE_TITLE = "<img src=x onerror=alert(1)>\x1b]0;pwned\x07"


def _corpus(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["corpus", *args, "-q"])


def _assert_index_inert(out: Path) -> None:
    md = (out / "index.md").read_text(encoding="utf-8")
    assert not RAW.search(md.replace("\n", " ")), repr(md)
    _no_live_markup(MarkdownIt("commonmark", {"html": True}).enable("table").render(md))
    page = (out / "index.html").read_text(encoding="utf-8")
    assert not RAW.search(page.replace("\n", " "))
    _no_live_markup(page)
    assert not RAW.search((out / "index.json").read_text(encoding="utf-8").replace("\n", " "))


def test_hostile_feed_titles_and_reprint_ids(tmp_path: Path) -> None:
    first = dict(ROWS[0], id=HOSTILE_ID, title=HOSTILE_TITLE)
    copy = dict(first, id="copy`<svg onload=alert(2)>`", content=first["content"] + "\n\nCopyright 2014 AP.")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in (first, copy, ROWS[2])), encoding="utf-8")
    out = tmp_path / "out"
    result = _corpus(str(feed), "-o", str(out), "--store", str(tmp_path / "s.sqlite3"))
    assert result.exit_code == 0, result.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    reprints = [r for s in index["stories"] for r in s["reprints"]]
    assert [{r["article"], r["of"]} for r in reprints] == [{copy["id"], HOSTILE_ID}]
    assert HOSTILE_TITLE in [s["title"] for s in index["stories"]]  # the data is exact; only its display escapes
    _assert_index_inert(out)
    for report in (out / "stories").glob("*.md"):
        text = report.read_text(encoding="utf-8")
        assert not RAW.search(text.replace("\n", " "))
        _no_live_markup(MarkdownIt("commonmark", {"html": True}).enable("table").render(text))


def test_hostile_file_names_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # no title line (a first line of more than 20 words is the lead): the index shows the file name
    untitled = ("Police gave these details on Friday, after a long night in which officers spoke to the neighbours, "
                "searched the whole block and asked anyone with video to come forward.\n\n")
    (folder / "<img src=x onerror=alert(1)>.txt").write_text(untitled + ROWS[0]["content"], encoding="utf-8")
    (folder / "esc\x1b]0;pwned\x07.txt").write_text(untitled + ROWS[2]["content"], encoding="utf-8")
    out = tmp_path / "out"
    result = _corpus(str(folder), "-o", str(out), "--store", str(tmp_path / "s.sqlite3"))
    assert result.exit_code == 0, result.output
    _assert_index_inert(out)
    titles = [s["title"] for s in json.loads((out / "index.json").read_text(encoding="utf-8"))["stories"]]
    assert titles and set(titles) <= {"<img src=x onerror=alert(1)>.txt", "esc\x1b]0;pwned\x07.txt"}
