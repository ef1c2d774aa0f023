"""The SQLite cache: hits do no work, keys follow content, a corrupt or locked file never crashes a run."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from reconcile.cache import Cache, CachingEncoder, NullCache, cache_dir, document_key
from reconcile.model import Claim, Document, Facts, Quantity

TEXT = "Four police officers were killed. Eight gunmen died, the governor said."


class CountingEncoder:
    """A deterministic encoder that records every text it is asked to encode."""

    name = "counting"
    identity = "counting@1"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen += list(texts)
        rows = [np.frombuffer(hashlib.sha256(t.encode()).digest(), dtype=np.uint8)[:16] for t in texts]
        vectors = np.asarray(rows, dtype=np.float32) + 1.0
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def document(doc_id: str = "d1", text: str = TEXT, **kw: object) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text, **kw)  # type: ignore[arg-type]


def claims_of(doc: Document) -> tuple[Claim, ...]:
    quantity = Quantity(4, "exact", "officers", "police", "killed", "Four police officers were killed", 0, 32)
    return (
        Claim(f"{doc.id}.c1", doc.id, doc.text[0:33], 0, 33, facts=Facts(quantities=(quantity,))),
        Claim(f"{doc.id}.c2", doc.id, doc.text[34:], 34, len(doc.text), attribution="the governor"),
    )


def test_cache_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("RECONCILE_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache_dir() == Path.home() / ".cache" / "reconcile"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "reconcile"
    monkeypatch.setenv("RECONCILE_CACHE", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    assert Cache().path == tmp_path / "mine" / "cache.sqlite3"


def test_claims_round_trip_renumbered(tmp_path: Path) -> None:
    first = document("d1")
    with Cache(tmp_path / "c.sqlite3") as cache:
        assert cache.get_claims(first, rules_version="r1", model="m") is None
        cache.put_claims(first, claims_of(first), rules_version="r1", model="m")
    with Cache(tmp_path / "c.sqlite3") as cache:  # a later process
        again = cache.get_claims(document("d2"), rules_version="r1", model="m")
        assert again == claims_of(document("d2"))
        assert cache.get_claims(first, rules_version="r2", model="m") is None
        assert cache.get_claims(first, rules_version="r1", model="other") is None
        assert cache.get_claims(document("d1", TEXT + " "), rules_version="r1", model="m") is None
        assert cache.problem is None


def test_document_key_covers_what_analysis_reads() -> None:
    base = document_key(document(), rules_version="1", model="m")
    assert base == document_key(document("d9"), rules_version="1", model="m")
    assert base != document_key(document(date=dt.date(2021, 5, 31)), rules_version="1", model="m")
    assert base != document_key(document(language="es"), rules_version="1", model="m")


def test_a_hit_does_no_encoding(tmp_path: Path) -> None:
    texts = ["one claim here", "another claim here", "one claim here", "a third claim"]
    counting = CountingEncoder()
    first = CachingEncoder(counting, Cache(tmp_path / "c.sqlite3")).encode(texts)
    assert counting.seen == ["one claim here", "another claim here", "a third claim"]

    counting = CountingEncoder()
    again = CachingEncoder(counting, Cache(tmp_path / "c.sqlite3")).encode(texts[::-1])
    assert counting.seen == []
    assert np.array_equal(again, first[::-1])
    assert again.dtype == np.float32

    mixed = CachingEncoder(counting, Cache(tmp_path / "c.sqlite3")).encode(["a third claim", "new one"])
    assert counting.seen == ["new one"]
    assert np.array_equal(mixed[0], first[3])


def test_vectors_are_keyed_by_model_identity(tmp_path: Path) -> None:
    counting = CountingEncoder()
    cache = Cache(tmp_path / "c.sqlite3")
    CachingEncoder(counting, cache, identity="model@v1").encode(["some text"])
    CachingEncoder(counting, cache, identity="model@v2").encode(["some text"])
    assert counting.seen == ["some text", "some text"]


def test_encoders_without_identity_pass_through(tmp_path: Path) -> None:
    class Anonymous(CountingEncoder):
        identity = None  # type: ignore[assignment]

    counting = Anonymous()
    for _ in range(2):
        CachingEncoder(counting, Cache(tmp_path / "c.sqlite3")).encode(["some text"])
    assert counting.seen == ["some text", "some text"]


def test_no_cache_remembers_nothing() -> None:
    counting = CountingEncoder()
    for _ in range(2):
        CachingEncoder(counting, NullCache()).encode(["some text"])
    assert counting.seen == ["some text", "some text"]
    assert NullCache().get_claims(document(), rules_version="1", model="m") is None


def test_corrupt_file_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database" * 500)
    counting = CountingEncoder()
    cache = Cache(path)
    CachingEncoder(counting, cache).encode(["some text"])
    cache.put_claims(document(), claims_of(document()), rules_version="1", model="m")
    assert cache.problem is None
    cache.close()
    again = Cache(path)
    assert again.get_claims(document(), rules_version="1", model="m") == claims_of(document())
    CachingEncoder(counting, again).encode(["some text"])
    assert counting.seen == ["some text"]


def test_damaged_pages_are_a_miss_then_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with Cache(path) as cache:
        CachingEncoder(CountingEncoder(), cache).encode([f"text number {i}" for i in range(300)])
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # keep the header, wreck every page after it
    path.write_bytes(bytes(data))
    counting = CountingEncoder()
    vectors = CachingEncoder(counting, Cache(path)).encode(["text number 1", "text number 2"])
    assert vectors.shape == (2, 16)
    assert counting.seen == ["text number 1", "text number 2"]
    counting = CountingEncoder()
    CachingEncoder(counting, Cache(path)).encode(["text number 1"])
    assert counting.seen == []


def test_locked_file_is_bypassed(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with Cache(path) as cache:
        CachingEncoder(CountingEncoder(), cache).encode(["cached text"])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("DELETE FROM analysis")
    try:
        counting = CountingEncoder()
        cache = Cache(path, timeout=0.05)
        vectors = CachingEncoder(counting, cache).encode(["cached text", "new text"])
        cache.put_claims(document(), claims_of(document()), rules_version="1", model="m")
        assert vectors.shape == (2, 16)
        assert counting.seen == ["cached text", "new text"]
        assert cache.problem is not None and "locked" in cache.problem
    finally:
        other.execute("ROLLBACK")
        other.close()
    counting = CountingEncoder()
    CachingEncoder(counting, Cache(path)).encode(["cached text"])
    assert counting.seen == []


def test_writer_lock_mid_run_is_bypassed(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache = Cache(path, timeout=0.05)
    assert cache.get_claims(document(), rules_version="1", model="m") is None  # opened, works
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        cache.put_claims(document(), claims_of(document()), rules_version="1", model="m")
        CachingEncoder(CountingEncoder(), cache).encode(["some text"])
        assert cache.problem is not None and "locked" in cache.problem
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_unusable_folder_is_bypassed(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    cache = Cache(blocker / "sub" / "c.sqlite3")
    counting = CountingEncoder()
    assert CachingEncoder(counting, cache).encode(["some text"]).shape == (1, 16)
    assert cache.get_claims(document(), rules_version="1", model="m") is None
    assert cache.problem is not None


# -- whole results: a re-run of the same comparison is read back, not judged again ----------------

STORY_A = "Four police officers were killed in Tepic on Monday. The governor said eight gunmen died."
STORY_B = "Four officers were killed in Tepic on Monday. Officials said six gunmen died in the attack."


def _write(tmp_path: Path, a: str = STORY_A, b: str = STORY_B) -> list[Path]:
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path, text in zip(paths, (a, b), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def _no_judging(*args: object, **kwargs: object) -> list[object]:
    raise AssertionError("judged again: the stored result was not used")


def test_a_repeated_compare_is_read_back_without_judging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reconcile.api import compare

    paths = _write(tmp_path)
    cache = tmp_path / "c.sqlite3"
    first = compare(paths, encoder=CountingEncoder(), cache=Cache(cache))
    monkeypatch.setattr("reconcile.api.find", _no_judging)
    monkeypatch.setattr("reconcile.api.one_story", _no_judging)
    again = compare(paths, encoder=CountingEncoder(), cache=Cache(cache))
    assert again == first
    assert again.findings == first.findings and again.compared == first.compared


def test_a_stored_result_is_not_reused_for_other_text_settings_or_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconcile.api import compare
    from reconcile.model import Settings

    paths = _write(tmp_path)
    cache = tmp_path / "c.sqlite3"
    compare(paths, encoder=CountingEncoder(), cache=Cache(cache))
    judged: list[int] = []
    real_find = __import__("reconcile.api", fromlist=["find"]).find

    def counting_find(*args: object, **kwargs: object) -> object:
        judged.append(1)
        return real_find(*args, **kwargs)

    monkeypatch.setattr("reconcile.api.find", counting_find)
    edited = _write(tmp_path, b=STORY_B.replace("six", "nine"))
    result = compare(edited, encoder=CountingEncoder(), cache=Cache(cache))
    assert "nine" in result.documents[1].text
    compare(paths[::-1], encoder=CountingEncoder(), cache=Cache(cache))  # the same files, the other order
    compare(paths, encoder=CountingEncoder(), cache=Cache(cache), settings=Settings(min_confidence=0.9))
    assert len(judged) == 3


def test_results_of_an_encoder_without_identity_are_never_stored(tmp_path: Path) -> None:
    from reconcile.api import compare

    class Anonymous(CountingEncoder):
        identity = None  # type: ignore[assignment]

    paths = _write(tmp_path)
    compare(paths, encoder=Anonymous(), cache=Cache(tmp_path / "c.sqlite3"))
    with sqlite3.connect(tmp_path / "c.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM result").fetchone() == (0,)
