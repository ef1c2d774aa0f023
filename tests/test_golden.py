"""The seed reports, compared exactly with tests/golden/*. After an intended change, rewrite them with

    .venv/bin/python -m pytest tests/test_golden.py --update-golden

and read the diff before committing it.
"""

from __future__ import annotations

import pytest
from conftest import PAIRS, ROOT

from reconcile import compare
from reconcile.report import render

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("name", sorted(PAIRS))
@pytest.mark.parametrize("fmt", ["md", "json"])
def test_report_matches_golden(name, fmt, monkeypatch, request):
    monkeypatch.chdir(ROOT)  # relative paths in the report, as a user in the repository would get
    a, b = PAIRS[name]
    result = compare([f"seeds/{a}", f"seeds/{b}"], cache=False)  # the model compare would choose
    text = render(result, fmt, link_base="tests/golden")
    path = GOLDEN / f"{name}.{fmt}"
    if request.config.getoption("--update-golden"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing; run pytest with --update-golden"
    assert text == path.read_text(encoding="utf-8")
