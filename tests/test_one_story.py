"""`compare` says when its sources do not look like one story, naming the outlier; `--strict` refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile import compare
from reconcile.cli import app
from reconcile.embed import Encoder

FEED = Path(__file__).resolve().parent / "data" / "feed.jsonl"
ROWS = {r["id"]: r for r in (json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines())}
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def article(tmp_path: Path, article_id: str) -> str:
    row = ROWS[article_id]
    path = tmp_path / f"{article_id}.txt"
    path.write_text(f"{row['title']}\n\n{row['content']}", encoding="utf-8")
    return str(path)


@pytest.mark.slow
def test_another_story_is_named_in_a_note(tmp_path: Path, encoder: Encoder) -> None:
    teen, miami = article(tmp_path, "712b5b916c"), article(tmp_path, "924bd92028")
    result = compare([teen, miami], encoder=encoder, cache=False)
    assert len(result.notes) == 1
    assert result.notes[0].startswith("924bd92028.txt does not look like the same story as 712b5b916c.txt")


@pytest.mark.slow
@pytest.mark.parametrize("pair", [("712b5b916c", "bd7e9749d8"), ("924bd92028", "d811417a59")])
def test_one_story_has_no_note(tmp_path: Path, encoder: Encoder, pair: tuple[str, str]) -> None:
    result = compare([article(tmp_path, a) for a in pair], encoder=encoder, cache=False)
    assert result.notes == ()


@pytest.mark.slow
def test_the_seed_stories_have_no_note(seed_results: dict) -> None:  # type: ignore[type-arg]
    assert [r.notes for r in seed_results.values()] == [(), ()]


@pytest.mark.slow
def test_strict_makes_it_an_error(tmp_path: Path) -> None:
    teen, miami = article(tmp_path, "712b5b916c"), article(tmp_path, "924bd92028")
    runner = CliRunner()
    warned = runner.invoke(app, ["compare", teen, miami, "--no-cache", "-q"])
    assert warned.exit_code == 0
    assert "> **Note:** 924bd92028.txt does not look like the same story" in warned.stdout
    strict = runner.invoke(app, ["compare", teen, miami, "--no-cache", "-q", "--strict"])
    assert strict.exit_code == 2
    lines = strict.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reconcile: 924bd92028.txt does not look like the same story")
    assert lines[0].endswith("(--strict)")


@pytest.mark.slow
def test_strict_refuses_a_result_read_back_from_the_cache(tmp_path: Path, encoder: Encoder) -> None:
    from reconcile.cache import Cache
    from reconcile.errors import BadInput

    teen, miami = article(tmp_path, "712b5b916c"), article(tmp_path, "924bd92028")
    cache = tmp_path / "c.sqlite3"
    assert compare([teen, miami], encoder=encoder, cache=Cache(cache)).notes  # stored, with its note
    with pytest.raises(BadInput, match=r"does not look like the same story .*\(--strict\)$"):
        compare([teen, miami], encoder=encoder, cache=Cache(cache), strict=True)
