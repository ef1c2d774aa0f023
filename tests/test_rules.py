"""The rules folder: lexicons read as written, in either of the forms they may take."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reconcile.errors import RulesError
from reconcile.rules import load_rules

SHIPPED = Path(__file__).resolve().parents[1] / "rules"


def _folder(tmp_path: Path, antonyms: str) -> str:
    folder = tmp_path / "rules"
    shutil.copytree(SHIPPED, folder)
    (folder / "en-antonyms.yaml").write_text(antonyms, encoding="utf-8")
    return str(folder)


def _partners(folder: str, word: str) -> set[str]:
    opposites = load_rules(folder).lexicon.compare.opposites
    sides = opposites.get(word, frozenset())
    return {w for w, ids in opposites.items() if any((pair, 1 - side) in ids for pair, side in sides)}


def test_a_pair_per_line_reads_as_the_nested_form(tmp_path: Path) -> None:
    lines = _folder(tmp_path / "a", "compare:\n  opposite_pairs:\n    - glad / sorrowful\n    - on / off\n")
    nested = _folder(tmp_path / "b", "compare:\n  opposites:\n    - [[glad], [sorrowful]]\n    - [['on'], ['off']]\n")
    assert _partners(lines, "glad") == _partners(nested, "glad") == {"sorrowful"}
    assert "off" in _partners(lines, "on") and _partners(lines, "on") == _partners(nested, "on")


def test_a_bad_pair_line_names_the_section(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "compare:\n  opposite_pairs:\n    - glad sorrowful\n")
    with pytest.raises(RulesError, match=r"compare.opposite_pairs: expected 'word / word'"):
        load_rules(folder)


def test_the_shipped_antonyms_are_read() -> None:
    assert "unable" in _partners(str(SHIPPED), "able")


def _with(tmp_path: Path, name: str, text: str) -> str:
    folder = tmp_path / "rules"
    shutil.copytree(SHIPPED, folder)
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder)


def test_the_shipped_irregular_forms_are_read() -> None:
    forms = load_rules(str(SHIPPED)).lexicon.compare.word_forms
    assert forms["drew"] == {"draw"} and "find" in forms["found"]


def test_a_bad_word_form_line_names_the_section(tmp_path: Path) -> None:
    folder = _with(tmp_path, "en-forms.yaml", "compare:\n  word_forms:\n    - drew\n")
    with pytest.raises(RulesError, match=r"compare.word_forms: expected 'form base'"):
        load_rules(folder)


def test_the_generated_forms_are_optional(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(SHIPPED, folder)
    (folder / "en-forms.yaml").unlink()
    assert load_rules(str(folder)).lexicon.compare.word_forms == {}


def test_negative_predicates_keep_their_link_word() -> None:
    negative = load_rules(str(SHIPPED)).lexicon.compare.negative_predicates
    assert negative["failed"] == {"to"} and negative["lacks"] == {""} and negative["carece"] == {"de"}
