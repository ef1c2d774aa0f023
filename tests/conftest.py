"""Shared fixtures: the shipped rules, the real bundled encoder, and the seed comparisons, made once.

The whole suite runs offline. End-to-end tests use the real bundled model; unit tests of align and
judge may use ``FakeEncoder``, a deterministic bag of words.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

# Keep the tests' cache away from the user's, and never reach for a hub.
os.environ.setdefault("RECONCILE_CACHE", tempfile.mkdtemp(prefix="reconcile-test-cache-"))
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"

PAIRS = {
    "guanajuato": ("guanajuato-zerohedge.txt", "guanajuato-ward.txt"),
    "el-salto": ("el-salto-mexicorojo-tweet.txt", "el-salto-breitbart.txt"),
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/* from the current output")


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    """After the fuzz properties ran: how many examples, for ``make fuzz`` to show."""
    import sys

    fuzz = sys.modules.get("test_fuzz")
    counts = getattr(fuzz, "COUNTS", None)
    if counts:
        crashes = "0 crashes" if exitstatus == 0 else "see the failures above"
        detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        terminalreporter.write_line(f"fuzz: {sum(counts.values())} examples ({detail}); {crashes}")


class FakeEncoder:
    """Bag-of-words vectors: claims sharing words are close. For unit tests of align and judge only."""

    name = "fake-bag-of-words"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = np.zeros((len(texts), 256), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                rows[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % 256] += 1.0
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.where(norms == 0, 1, norms)


@pytest.fixture(scope="session")
def rules():  # type: ignore[no-untyped-def]
    from reconcile.rules import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def encoder():  # type: ignore[no-untyped-def]
    """The real bundled model, loaded once for the session."""
    from reconcile.embed import load_encoder

    return load_encoder()


@pytest.fixture(scope="session")
def seed_results():  # type: ignore[no-untyped-def]
    """compare() on each seed pair, with the real model each needs (chosen as compare chooses it)."""
    from reconcile import compare

    return {name: compare([str(SEEDS / a), str(SEEDS / b)]) for name, (a, b) in PAIRS.items()}


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a small article into a temporary folder and return its path as a string."""

    def _write(name: str, text: str | bytes) -> str:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return str(path)

    return _write
