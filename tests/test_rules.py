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


# -- a rules folder of one's own that does not parse or does not type-check: one line naming file and key --------

def _claims_with(folder: str):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from reconcile.cli import app

    article = str(SHIPPED.parent / "seeds" / "el-salto-breitbart.txt")
    return CliRunner().invoke(app, ["claims", article, "--rules", folder])


def test_a_yaml_syntax_error_is_one_line_with_its_place(tmp_path: Path) -> None:
    folder = _with(tmp_path, "es.yaml", "bounds:\n  at_least: [at least\n  x: : y\n")
    result = _claims_with(folder)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"reconcile: {folder}/es.yaml: not valid YAML at line 3, column 4: did not find expected ',' or ']'"
    ]


@pytest.mark.parametrize(
    "edit, message",
    [
        (("anaphora: [others, other, more]", "anaphora: 5"), "anaphora: expected a list, got a number (5)"),
        (("  at least: [at least, more than", "  at least: [7, more than"),
         "bounds.at least[0]: expected a string, got a number (7)"),
        (("anaphora: [others, other, more]", "anaphora: {others: 1}"),
         "anaphora: expected a list, got a mapping ({'others': 1})"),
        (("anaphora: [others, other, more]", "anaphora: [others, on, more]"),
         'anaphora[1]: expected a string, got true or false (True); quote on/off/yes/no, e.g. "on"'),
    ],
)
def test_a_value_of_the_wrong_type_names_the_file_the_key_and_the_type(tmp_path: Path, edit, message) -> None:
    text = (SHIPPED / "en.yaml").read_text(encoding="utf-8")
    assert edit[0] in text
    folder = _with(tmp_path, "en.yaml", text.replace(edit[0], edit[1], 1))
    result = _claims_with(folder)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [f"reconcile: {folder}/en.yaml: {message}"]


def test_a_class_of_ones_own_is_checked_like_the_shipped_ones(tmp_path: Path) -> None:
    text = (SHIPPED / "en.yaml").read_text(encoding="utf-8")
    own = "\nnouns:\n  firefighters: [firefighters]\n"
    good = _with(tmp_path / "good", "en.yaml", text.replace("\nnouns:\n", own, 1))
    assert "firefighters" in load_rules(good).lexicon.counts.nouns
    bad = _with(tmp_path / "bad", "en.yaml", text.replace("\nnouns:\n", "\nnouns:\n  firefighters: firefighters\n", 1))
    with pytest.raises(RulesError, match=r"en\.yaml: nouns\.firefighters: expected a list, got a string"):
        load_rules(bad)


def test_new_keys_are_free_and_user_keys_are_checked(tmp_path: Path) -> None:
    text = (SHIPPED / "tweets.yaml").read_text(encoding="utf-8")
    folder = _with(tmp_path, "tweets.yaml", text + "\nextra: 1\n")
    assert load_rules(folder)  # a key the shipped rules lack is left alone
    lexicon = (SHIPPED / "en.yaml").read_text(encoding="utf-8")
    assert "\nmonths: {january: 1," in lexicon
    broken = _with(tmp_path / "b", "en.yaml", lexicon.replace("\nmonths: {january: 1,", "\nmonths: {smarch: x,", 1))
    with pytest.raises(RulesError, match=r"en\.yaml: months\.smarch: expected a number, got a string \('x'\)$"):
        load_rules(broken)


def test_any_other_wrong_type_in_a_folder_of_ones_own_is_a_rules_error() -> None:
    from reconcile.rules.shape import wrong_types_named

    def load(folder: str | None = None) -> None:
        raise TypeError("'int' object is not iterable")

    with pytest.raises(RulesError, match=r"^my-rules: a rule has a value of the wrong type \('int' object is not"):
        wrong_types_named(load)("my-rules")
    with pytest.raises(TypeError):  # the shipped rules: a bug, shown as one
        wrong_types_named(load)(None)
