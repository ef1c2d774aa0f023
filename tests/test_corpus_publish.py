"""`reconcile corpus` publishes at once: an interrupted run leaves the previous complete output or none,
and every report links into the output folder of the run that wrote it."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reconcile.corpus import run_corpus
from reconcile.corpus.engines import make_engine
from reconcile.corpus.store import Store
from reconcile.embed import Encoder
from reconcile.report import folder
from reconcile.rules import load_rules

FEED = Path(__file__).resolve().parent / "data" / "feed.jsonl"
ROWS = [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines()]


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs, no cleanup either."""


def _feed(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _run(source: Path, out: Path, store: Path, encoder: Encoder):  # type: ignore[no-untyped-def]
    with Store(store) as opened:
        engine = make_engine("local", opened, sources=out / "articles")
        engine.encoder = encoder  # type: ignore[attr-defined]
        return run_corpus(source, out, store=opened, engine=engine, rules_version=load_rules().version)


def _visible(out: Path) -> dict[str, bytes]:
    files = (p for p in sorted(out.rglob("*")) if p.is_file())
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in files
            if not any(part.startswith(".") for part in p.relative_to(out).parts)}


def _kill_at(monkeypatch: pytest.MonkeyPatch, step: int) -> Callable[[], int]:
    """From the ``step``-th file operation of the publication on, every one raises Killed."""
    counter = itertools.count()

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        def operation(*args: Any, **kwargs: Any) -> Any:
            if next(counter) >= step:
                raise Killed
            return fn(*args, **kwargs)
        return operation

    for name in ("_rename", "_unlink", "_remove_tree", "write_new"):
        monkeypatch.setattr(folder, name, wrap(getattr(folder, name)))
    return lambda: next(counter)


@pytest.mark.slow
def test_an_interrupted_run_leaves_the_previous_output_or_none(
    tmp_path: Path, encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kill -9 in an incremental run left an index listing a story whose report was gone."""
    store = tmp_path / "s.sqlite3"
    small, full = _feed(tmp_path / "small.jsonl", ROWS[:5]), _feed(tmp_path / "full.jsonl", ROWS)
    out = tmp_path / "out"
    _run(full, tmp_path / "warm", store, encoder)  # analysed and judged once: the runs below only publish
    _run(small, out, store, encoder)
    before = _visible(out)
    _run(full, out, store, encoder)
    after = _visible(out)
    assert before != after and "index.json" in before and "index.json" in after
    steps = _kill_at(monkeypatch, 10**9)
    _run(small, out, store, encoder)
    total = steps()
    monkeypatch.undo()
    assert total > 20
    for step in range(total):
        shutil.rmtree(out)
        _run(small, out, store, encoder)
        _kill_at(monkeypatch, step)
        with pytest.raises(Killed):
            _run(full, out, store, encoder)
        monkeypatch.undo()
        now = _visible(out)
        matches = [tree for tree in (before, after) if all(tree.get(name) == data for name, data in now.items())]
        assert matches, f"step {step}: a mix of two runs: {sorted(now)}"
        if "index.json" in now:
            assert now in (before, after), f"step {step}: an index without all its reports"
        monkeypatch.setattr(folder, "process_alive", lambda pid: False)  # the killed run's process is gone
        _run(full, out, store, encoder)
        monkeypatch.undo()
        assert _visible(out) == after
        assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".reconcile-corpus",
                                                                                  ".reconcile-lock"]


_LINK = re.compile(r"\]\(([^)#]+)(?:#L\d+)?\)")


@pytest.mark.slow
def test_reports_link_into_the_output_of_the_run_that_wrote_them(tmp_path: Path, encoder: Encoder) -> None:
    """A second run on one store linked its reports to the first run's out/articles/, dead once removed."""
    store = tmp_path / "s.sqlite3"
    feed = _feed(tmp_path / "feed.jsonl", ROWS)
    _run(feed, tmp_path / "first", store, encoder)
    second = _run(feed, tmp_path / "second", store, encoder)
    assert second.analysed == () and second.judged == 0  # all from the store the first run filled
    shutil.rmtree(tmp_path / "first")
    assert _links_resolve(tmp_path / "second") > 0


@pytest.mark.slow
def test_a_full_disk_while_publishing_keeps_the_previous_output(
    tmp_path: Path, encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from reconcile.errors import ReportError
    from reconcile.report import files

    store, out = tmp_path / "s.sqlite3", tmp_path / "out"
    _run(_feed(tmp_path / "small.jsonl", ROWS[:5]), out, store, encoder)
    before = _visible(out)
    written = itertools.count()
    real = files.write_all

    def full(fd: int, data: bytes) -> None:
        if next(written) >= 6:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd, data)

    monkeypatch.setattr(files, "write_all", full)
    with pytest.raises(ReportError, match=r"cannot write the report \(No space left on device\)"):
        _run(_feed(tmp_path / "full.jsonl", ROWS), out, store, encoder)
    assert _visible(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".reconcile-build-")]


def _links_resolve(out: Path) -> int:
    """Every link to an article in ``out``'s story reports resolves, and every feed path is under out/articles."""
    links = 0
    for report in sorted((out / "stories").glob("*.md")):
        for target in _LINK.findall(report.read_text(encoding="utf-8")):
            if target.endswith(".txt"):
                assert (report.parent / target).resolve().is_file(), (report, target)
                links += 1
        data = json.loads(report.with_suffix(".json").read_text(encoding="utf-8"))
        assert all(Path(d["path"]).parent == out / "articles" for d in data["documents"])
    return links


@pytest.mark.slow
def test_two_concurrent_runs_on_one_store_link_into_their_own_outputs(tmp_path: Path) -> None:
    import subprocess
    import sys

    reconcile = str(Path(sys.executable).parent / "reconcile")
    feed = _feed(tmp_path / "feed.jsonl", ROWS)
    runs = [subprocess.Popen([reconcile, "corpus", str(feed), "-o", str(tmp_path / name), "--store",
                              str(tmp_path / "s.sqlite3"), "-q"], stderr=subprocess.PIPE, text=True)
            for name in ("one", "two")]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr
    shutil.rmtree(tmp_path / "one")
    assert _links_resolve(tmp_path / "two") > 0
