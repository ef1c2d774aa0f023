"""`reconcile corpus` on a small real feed: the stories, the reprints, the index contract, reruns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.corpus import run_corpus
from reconcile.corpus.engines import make_engine
from reconcile.corpus.store import Store
from reconcile.embed import Encoder
from reconcile.rules import load_rules

FEED = Path(__file__).resolve().parent / "data" / "feed.jsonl"
ROWS = [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines()]


def incidents(rows: list[dict]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for row in rows:
        by.setdefault(row["incident"], set()).add(row["id"])
    return {frozenset(v) for v in by.values()}


def feed(tmp_path: Path, rows: list[dict], name: str = "feed.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def with_reprint(rows: list[dict]) -> list[dict]:
    wire = dict(rows[7], id="wire-copy", outlet="wire.example", date="2014-06-26")
    wire["content"] = rows[7]["content"] + "\n\nCopyright 2014 The Associated Press."
    return [*rows, wire]


def run(tmp_path: Path, source: Path, encoder: Encoder, out: str = "out", store: str = "store.sqlite3"):  # type: ignore[no-untyped-def]
    with Store(tmp_path / store) as opened:
        engine = make_engine("local", opened, sources=tmp_path / out / "articles")
        engine.encoder = encoder  # type: ignore[attr-defined]  # the session's real model, loaded once
        return run_corpus(source, tmp_path / out, store=opened, engine=engine, rules_version=load_rules().version)


@pytest.mark.slow
def test_stories_reprints_and_index(tmp_path: Path, encoder: Encoder) -> None:
    rows = with_reprint(ROWS)
    done = run(tmp_path, feed(tmp_path, rows), encoder)
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert index["version"] == 1 and index["articles"] == len(rows)
    stories = {frozenset(s["articles"]) for s in index["stories"]}
    expected = incidents(ROWS)
    miami = next(g for g in expected if rows[7]["id"] in g)
    assert stories == (expected - {miami}) | {miami | {"wire-copy"}}
    ids = [a for s in index["stories"] for a in s["articles"]]
    assert sorted(ids) == sorted(r["id"] for r in rows)  # every article in exactly one story
    story = next(s for s in index["stories"] if "wire-copy" in s["articles"])
    assert story["reprints"] == [{"article": "wire-copy", "of": rows[7]["id"]}]
    report = json.loads((tmp_path / "out" / story["report"]).read_text(encoding="utf-8"))
    assert len(report["documents"]) == 2  # the reprint is one voice with its original, not a third source
    ranks = [(-s["contradictions"], -s["updates"]) for s in index["stories"]]
    assert ranks == sorted(ranks)
    for s in index["stories"]:
        assert set(s) == {"id", "title", "articles", "reprints", "report", "contradictions", "updates", "agreements",
                          "facts"}
        # each story's key facts, each value keyed by the article it was read from
        assert all(set(row["values"]) <= set(s["articles"]) for row in s["facts"])
        for fmt in ("md", "json", "html"):
            assert (tmp_path / "out" / "stories" / f"{s['id']}.{fmt}").is_file()
    assert (tmp_path / "out" / "index.md").read_text(encoding="utf-8").startswith("# Reconcile: stories")
    assert "<table>" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert len(done.analysed) == len(rows) and done.judged == len(index["stories"])


@pytest.mark.slow
def test_a_rerun_analyses_only_new_articles_and_judges_only_their_stories(tmp_path: Path, encoder: Encoder) -> None:
    first = run(tmp_path, feed(tmp_path, ROWS[:6]), encoder)
    assert len(first.analysed) == 6 and first.judged == 3
    before = {p.name: p.read_bytes() for p in (tmp_path / "out" / "stories").iterdir()}
    again = run(tmp_path, feed(tmp_path, ROWS[:6]), encoder)
    assert again.analysed == () and again.judged == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "out" / "stories").iterdir()} == before
    more = run(tmp_path, feed(tmp_path, ROWS), encoder)
    assert sorted(more.analysed) == sorted(r["id"] for r in ROWS[6:])
    assert more.judged == 1  # the one new story; the three old ones come from the store


def test_bad_feed_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "content": "x"}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["corpus", str(bad), "-o", str(tmp_path / "o"), "--store",
                                      str(tmp_path / "s.sqlite3"), "-q"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"reconcile: {bad}:2: not a JSON object (Expecting value)"]
    assert not (tmp_path / "o" / "index.json").exists()


def test_unknown_engine_names_the_choices(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["corpus", str(FEED), "--engine", "spark", "-q"])
    assert result.exit_code == 2
    assert result.output.strip() == "reconcile: --engine: 'spark' is not an engine; choose one of local, ray"


@pytest.mark.slow
def test_interrupted_run_keeps_the_store_and_writes_no_index(
    tmp_path: Path, encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconcile.corpus.local import LocalEngine

    def interrupted(self: object, stories: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(LocalEngine, "judge", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(tmp_path, feed(tmp_path, ROWS[:4]), encoder)
    assert not (tmp_path / "out" / "index.json").exists()
    monkeypatch.undo()
    again = run(tmp_path, feed(tmp_path, ROWS[:4]), encoder)
    assert again.analysed == ()  # every article the interrupted run analysed was stored whole
    assert again.judged == 2 and (tmp_path / "out" / "index.json").is_file()


@pytest.mark.slow
def test_quiet_is_silent_and_a_pipe_gets_no_progress_bar(tmp_path: Path) -> None:
    args = ["corpus", str(FEED), "-o", str(tmp_path / "o"), "--store", str(tmp_path / "s.sqlite3")]
    quiet = CliRunner().invoke(app, [*args, "-q"])
    assert quiet.exit_code == 0 and quiet.output == ""
    loud = CliRunner().invoke(app, args)  # stderr is not a terminal here: the summary line only
    assert loud.exit_code == 0
    assert loud.output.splitlines() == [
        f"reconcile: 8 articles in 4 stories (0 articles analysed and 0 stories judged in this run, the rest "
        f"from the store {tmp_path / 's.sqlite3'}); wrote {tmp_path / 'o' / 'index.md'}"
    ]


@pytest.mark.parametrize("content", [b"", b"\n  \n\n", b"\r\n"])
def test_an_empty_feed_is_refused_like_an_empty_folder(tmp_path: Path, content: bytes) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(content)
    result = CliRunner().invoke(app, ["corpus", str(empty), "-o", str(tmp_path / "o"), "--store",
                                      str(tmp_path / "s.sqlite3"), "-q"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"reconcile: {empty}: has no articles (no line holds a JSON object); give one article per line"
    ]
    assert not (tmp_path / "o").exists() and not (tmp_path / "s.sqlite3").exists()


def test_a_feed_with_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    first = FEED.read_bytes().splitlines(keepends=True)[0]
    feed.write_bytes(first + '{"id": "x", "content": "Café"}\n'.encode("cp1252"))
    result = CliRunner().invoke(app, ["corpus", str(feed), "-o", str(tmp_path / "o"), "--store",
                                      str(tmp_path / "s.sqlite3"), "-q"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"reconcile: {feed}:2: is not UTF-8 (byte 0xe9 at column 28); convert the feed first, "
        "e.g. `iconv -f windows-1252 -t utf-8`"
    ]
    assert not (tmp_path / "o").exists()


def test_a_byte_order_mark_opens_a_feed(tmp_path: Path) -> None:
    from reconcile.corpus.inputs import read_articles

    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"\xef\xbb\xbf" + FEED.read_bytes())
    assert [a.id for a in read_articles(feed)] == [json.loads(line)["id"] for line in FEED.read_text().splitlines()]
