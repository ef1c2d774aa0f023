"""`--engine ray` on a local 2-CPU Ray started here: the same stories, findings and bytes as the local engine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reconcile.corpus import run_corpus
from reconcile.corpus.engines import make_engine
from reconcile.corpus.store import Store
from reconcile.rules import load_rules

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray")

FEED = Path(__file__).resolve().parent / "data" / "feed.jsonl"


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    ray.shutdown()


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def corpus(engine: str, feed: Path, store: Path):  # type: ignore[no-untyped-def]
    with Store(store) as opened:
        runner = make_engine(engine, opened, sources=Path("out") / "articles")
        try:
            return run_corpus(feed, "out", store=opened, engine=runner, rules_version=load_rules().version)
        finally:
            runner.close()


@pytest.mark.slow
def test_ray_engine_writes_the_same_bytes(local_ray: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines()]
    wire = dict(rows[0], id="wire-copy", outlet="wire.example")  # a reprint, so the reprint path runs too
    headline = {"id": "headline-only", "outlet": "x", "date": "2019-01-01", "title": "Photos", "content": ""}
    rows = [*rows, headline]  # a story without a single claim
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in [*rows, wire]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # both engines write to ./out, so paths in the reports match
    local = corpus("local", feed, tmp_path / "local.sqlite3")
    expected = tree(tmp_path / "out")
    (tmp_path / "out").rename(tmp_path / "out-local")
    on_ray = corpus("ray", feed, tmp_path / "ray.sqlite3")
    assert len(on_ray.analysed) == len(rows) + 1 and on_ray.judged == len(on_ray.stories)
    assert on_ray.stories == local.stories
    assert tree(tmp_path / "out") == expected
    index = json.loads(expected["index.json"])
    assert any(s["reprints"] for s in index["stories"])
    assert ["headline-only"] in [s["articles"] for s in index["stories"]]
