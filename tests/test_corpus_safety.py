"""`reconcile corpus` never loses a user's file: the store is reconcile's own file or nothing, and the
output folder is never an input folder, inside one, or around the input."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile.cache import APPLICATION_ID
from reconcile.cli import app
from reconcile.corpus.store import not_ours

FEED = Path(__file__).resolve().parent / "data" / "feed.jsonl"
ROWS = [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines()]


def _corpus(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["corpus", *args, "-q"])


def _refused(result, message: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [f"reconcile: {message}"]


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS[:2]), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "articles"
    path.mkdir()
    for row in ROWS[:3]:
        (path / f"{row['id']}.txt").write_text(row["content"], encoding="utf-8")
    return path


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- the store ---------------------------------------------------------------------------------------------------

def test_the_input_feed_as_the_store_is_refused_and_kept(feed: Path, tmp_path: Path) -> None:
    """`corpus feed.jsonl -o out --store feed.jsonl` turned the feed into an SQLite file."""
    before = feed.read_bytes()
    result = _corpus(str(feed), "-o", str(tmp_path / "out"), "--store", str(feed))
    _refused(result, f"--store {feed}: is the input {feed}; give another file for the store")
    assert feed.read_bytes() == before and not (tmp_path / "out").exists()


def test_the_feed_through_a_link_as_the_store_is_refused(feed: Path, tmp_path: Path) -> None:
    link = tmp_path / "store.sqlite3"
    os.link(feed, link)
    before = feed.read_bytes()
    result = _corpus(str(feed), "-o", str(tmp_path / "out"), "--store", str(link))
    _refused(result, f"--store {link}: is the same file as the input {feed}; give another file for the store")
    assert feed.read_bytes() == before


def test_an_article_of_the_input_folder_as_the_store_is_refused(folder: Path, tmp_path: Path) -> None:
    before = _tree(folder)
    article = folder / f"{ROWS[0]['id']}.txt"
    result = _corpus(str(folder), "-o", str(tmp_path / "out"), "--store", str(article))
    _refused(result, f"--store {article}: is inside the input folder {folder}; keep the store outside it")
    new = folder / "store.sqlite3"
    result = _corpus(str(folder), "-o", str(tmp_path / "out"), "--store", str(new))
    _refused(result, f"--store {new}: is inside the input folder {folder}; keep the store outside it")
    assert _tree(folder) == before


def test_a_file_that_is_not_a_store_is_refused_and_kept(feed: Path, tmp_path: Path) -> None:
    """Any non-SQLite file given as --store was silently replaced (exit 0)."""
    notes = tmp_path / "notes.db"
    notes.write_text("my notes, not a database\n")
    result = _corpus(str(feed), "-o", str(tmp_path / "out"), "--store", str(notes))
    _refused(result, f"--store {notes}: is not a store reconcile made (not an SQLite file); nothing was changed; "
                     "give a new file name (or an empty file) for the store")
    assert notes.read_text() == "my notes, not a database\n"


def test_another_programs_database_keeps_its_tables(feed: Path, tmp_path: Path) -> None:
    """Someone else's SQLite database given as --store had its tables deleted, without a word."""
    theirs = tmp_path / "app.sqlite3"
    with sqlite3.connect(theirs) as db:
        db.execute("CREATE TABLE users (name TEXT)")
        db.execute("INSERT INTO users VALUES ('ana')")
    before = theirs.read_bytes()
    result = _corpus(str(feed), "-o", str(tmp_path / "out"), "--store", str(theirs))
    _refused(result, f"--store {theirs}: is an SQLite database that reconcile did not make (tables: users); "
                     "nothing was changed; give a new file name (or an empty file) for the store")
    assert theirs.read_bytes() == before
    with sqlite3.connect(theirs) as db:
        assert db.execute("SELECT name FROM users").fetchall() == [("ana",)]


def test_another_application_id_is_refused(tmp_path: Path) -> None:
    theirs = tmp_path / "app.sqlite3"
    with sqlite3.connect(theirs) as db:
        db.execute("PRAGMA application_id = 1234")
        db.execute("CREATE TABLE analysis (key TEXT)")  # even with a table name of ours
    assert not_ours(theirs) == "is another program's SQLite database (application id 0x4d2)"


def test_what_may_be_a_store(tmp_path: Path) -> None:
    assert not_ours(tmp_path / "absent.sqlite3") is None
    (tmp_path / "empty").write_bytes(b"")
    assert not_ours(tmp_path / "empty") is None
    assert not_ours(tmp_path) == "is a directory"
    legacy = tmp_path / "legacy.sqlite3"  # a store made before reconcile marked its files
    with sqlite3.connect(legacy) as db:
        db.execute("CREATE TABLE analysis (key TEXT PRIMARY KEY, claims BLOB NOT NULL)")
        db.execute("CREATE TABLE corpus_story (signature TEXT PRIMARY KEY, result BLOB NOT NULL)")
    assert not_ours(legacy) is None


def test_an_empty_file_becomes_a_marked_store(feed: Path, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    store.write_bytes(b"")
    result = _corpus(str(feed), "-o", str(tmp_path / "out"), "--store", str(store))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(store) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert not_ours(store) is None


# -- the output folder -------------------------------------------------------------------------------------------

def test_the_input_folder_as_the_output_is_refused(folder: Path, tmp_path: Path) -> None:
    """`corpus f/ -o f/` wrote the reports into the input folder, and a rerun read them as articles."""
    before = _tree(folder)
    _refused(_corpus(str(folder), "-o", str(folder), "--store", str(tmp_path / "s.sqlite3")),
             f"-o {folder}: is the input folder {folder}; write the reports outside it")
    inside = folder / "out"
    _refused(_corpus(str(folder), "-o", str(inside), "--store", str(tmp_path / "s.sqlite3")),
             f"-o {inside}: is inside the input folder {folder}; write the reports outside it")
    link = tmp_path / "link"
    link.symlink_to(folder, target_is_directory=True)
    _refused(_corpus(str(folder), "-o", str(link), "--store", str(tmp_path / "s.sqlite3")),
             f"-o {link}: is the input folder {folder}; write the reports outside it")
    assert _tree(folder) == before and not (tmp_path / "s.sqlite3").exists()


def test_an_output_around_the_input_is_refused(tmp_path: Path) -> None:
    feed = tmp_path / "day" / "index.json"  # a feed whose name the index would take
    feed.parent.mkdir()
    feed.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    before = feed.read_bytes()
    _refused(_corpus(str(feed), "-o", str(feed.parent)),
             f"-o {feed.parent}: holds the input {feed}; write the reports to a folder of their own")
    assert feed.read_bytes() == before


def test_reports_are_never_read_back_as_articles(folder: Path, tmp_path: Path) -> None:
    """5 articles became 11 on a rerun when reports sat in the input folder; an output folder is skipped."""
    store = str(tmp_path / "s.sqlite3")
    first = _corpus(str(folder), "-o", str(tmp_path / "out"), "--store", store)
    assert first.exit_code == 0, first.output
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    shutil.move(tmp_path / "out", folder / "out")  # as an older version, or a hand, could leave it
    legacy = folder / "old"  # an output of a version that left no marker
    shutil.copytree(folder / "out", legacy)
    (legacy / ".reconcile-corpus").unlink()
    again = _corpus(str(folder), "-o", str(tmp_path / "out2"), "--store", store)
    assert again.exit_code == 0, again.output
    rerun = json.loads((tmp_path / "out2" / "index.json").read_text(encoding="utf-8"))
    assert rerun["articles"] == index["articles"] == 3
    assert len(rerun["stories"]) == len(index["stories"])
    _refused(_corpus(str(folder / "out"), "-o", str(tmp_path / "out3"), "--store", store),
             f"{folder / 'out'}: holds the reports of a corpus run, not articles; give the folder of the articles")
