"""A damaged cache is noticed when it opens and rebuilt; an unusable location means no cache, one warning."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from reconcile.cache import Cache, cache_dir
from reconcile.cache.keys import sha as _sha

RECONCILE = str(Path(sys.executable).parent / "reconcile")
ARGS = ["compare", str(SEEDS / "el-salto-mexicorojo-tweet.txt"), str(SEEDS / "el-salto-breitbart.txt"), "-q"]


def _fill(path: Path, n: int = 400) -> None:
    with Cache(path) as cache:
        db = cache._connect()
        assert db is not None
        db.execute("BEGIN")
        rows = [("m", _sha(f"text {i}"), b"\0" * 1536) for i in range(n)]
        db.executemany("INSERT INTO embedding VALUES (?, ?, ?)", rows)
        db.execute("COMMIT")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_damaged_pages_no_query_touches_are_found_on_open(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    _fill(path)
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    for at in range(middle, middle + 8 * page, page):  # page headers scribbled over, the header kept
        data[at : at + 12] = b"\x5a" * 12
    path.write_bytes(bytes(data))
    cache = Cache(path)
    assert cache.get_vectors("other-model", ["nothing"]) == {}
    assert cache.repaired is not None and "was damaged" in cache.repaired and "rebuilt it empty" in cache.repaired
    assert cache.problem is None
    cache.put_vectors("m", {"after": b"\1" * 1536})
    cache.close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert db.execute("SELECT count(*) FROM embedding").fetchone() == (1,)
    db.close()


def test_a_healthy_cache_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    _fill(path, 50)
    cache = Cache(path)
    assert len(cache.get_vectors("m", ["text 1", "text 2"])) == 2
    assert cache.repaired is None and cache.problem is None


def test_a_cache_path_that_is_a_directory_means_no_cache(tmp_path: Path) -> None:
    (tmp_path / "c.sqlite3").mkdir()
    cache = Cache(tmp_path / "c.sqlite3")
    assert cache.get_vectors("m", ["x"]) == {}
    cache.put_vectors("m", {"x": b"\0" * 16})
    where = tmp_path / "c.sqlite3"
    assert cache.problem == f"cache {where} is not a file (a directory or a device?); running without it"
    assert (tmp_path / "c.sqlite3").is_dir()


def _cli(env: dict[str, str], *prefix: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, RECONCILE, *ARGS], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env})


def test_the_cli_warns_once_for_a_directory_cache(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    (folder / "cache.sqlite3").mkdir(parents=True)
    if (cache_dir() / "models").exists():
        shutil.copytree(cache_dir() / "models", folder / "models")
    proc = _cli({"RECONCILE_CACHE": str(folder)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"reconcile: warning: cache {folder / 'cache.sqlite3'} is not a file (a directory or a device?); "
        "running without it"
    ]
    assert "## Contradictions (1)" in proc.stdout  # El Salto: the attackers killed, 4 against 8


def _read_only_mount(folder: Path) -> list[str]:
    """A command prefix that runs the CLI with ``folder`` mounted read-only, or skips saying why."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed: cannot make a read-only folder as root")
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount --bind {folder} {folder} && "
                            f"mount -o remount,ro,bind {folder} && ! touch {folder}/probe"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a read-only folder here: {probe.stderr.strip() or 'touch succeeded'}")
    script = f'mount --bind "{folder}" "{folder}" && mount -o remount,ro,bind "{folder}" && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, "sh"]


@pytest.mark.parametrize("prepared", [True, False], ids=["model-prepared", "empty"])
def test_a_read_only_cache_means_running_without_it(tmp_path: Path, prepared: bool) -> None:
    """Root ignores file modes, so the folder is made read-only as a mount: EROFS for everyone."""
    folder = tmp_path / "cache"
    folder.mkdir()
    if prepared and (cache_dir() / "models").exists():
        shutil.copytree(cache_dir() / "models", folder / "models")
    proc = _cli({"RECONCILE_CACHE": str(folder)}, *_read_only_mount(folder))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"reconcile: warning: cache {folder / 'cache.sqlite3'} is in a read-only folder; running without it"
    ]
    assert "## Contradictions (1)" in proc.stdout  # El Salto: the attackers killed, 4 against 8
    assert not (folder / "cache.sqlite3").exists()


class _Unit:
    name = "unit"
    identity = "unit@1"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts):  # type: ignore[no-untyped-def]
        import numpy as np

        self.seen += list(texts)
        rows = np.ones((len(texts), 4), dtype=np.float32)
        return rows / 2.0


def test_a_damaged_vector_is_encoded_again(tmp_path: Path) -> None:
    from reconcile.cache import CachingEncoder

    path = tmp_path / "c.sqlite3"
    CachingEncoder(_Unit(), Cache(path)).encode(["kept", "damaged"])
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("UPDATE embedding SET vector = ? WHERE text = ?", (b"\xff" * 16, _sha("damaged")))
    db.close()
    again = _Unit()
    vectors = CachingEncoder(again, Cache(path)).encode(["kept", "damaged"])
    assert again.seen == ["damaged"]
    assert vectors.tolist() == [[0.5] * 4, [0.5] * 4]


def test_damaged_claims_are_analysed_again(tmp_path: Path, rules) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from reconcile.claims import extract
    from reconcile.ingest import read

    doc = read(str(SEEDS / "el-salto-breitbart.txt"), doc_id="d1", rules=rules)
    claims = extract(doc, rules)
    with Cache(tmp_path / "c.sqlite3") as cache:
        bad = (dataclasses.replace(claims[0], start=claims[0].start + 1), *claims[1:])
        cache.put_claims(doc, bad, rules_version="r", model="m")
        assert cache.get_claims(doc, rules_version="r", model="m") is None
        cache.put_claims(doc, claims, rules_version="r", model="m")
        assert cache.get_claims(doc, rules_version="r", model="m") == tuple(claims)
