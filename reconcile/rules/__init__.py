"""Load the YAML rules in ``rules/`` into typed, compiled objects, once.

Every language-specific word reconcile knows is in those files; this package only knows their
shape: ``words`` the word groups of each stage, ``lexicon`` and ``compare`` how the language files
merge into them, ``patterns`` how word lists compile.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import RulesError
from ..stamp import folder_stamp
from .lexicon import merge_lexicon
from .patterns import alternatives, phrase_pattern, region_pattern
from .shape import check_shape, wrong_types_named, yaml_problem
from .words import CompareWords, CountWords, DateWords, Lexicon, PlaceWords, SentenceWords, SpeakerWords

__all__ = [
    "CompareWords", "CountWords", "DateWords", "Lexicon", "PlaceWords", "Rules", "SentenceWords", "SpeakerWords",
    "alternatives", "load_rules", "phrase_pattern", "region_pattern",
]

LANGUAGE_FILES = ("en.yaml", "es.yaml")


#: lexicons generated from a lexical resource, merged with the languages' own (each names its source)
GENERATED_FILES = ("en-antonyms.yaml", "en-forms.yaml", "en-multiword.yaml")


#: PyYAML's C loader where it is built (same results as SafeLoader, several times faster)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Rules:
    """Everything read from ``rules/``: furniture patterns, date formats, tweets, the lexicon."""

    paragraph_furniture: tuple[re.Pattern[str], ...]
    sentence_furniture: tuple[re.Pattern[str], ...]
    inline_furniture: tuple[re.Pattern[str], ...]
    header: tuple[re.Pattern[str], ...]
    document_date: tuple[re.Pattern[str], ...]
    tweet_trailer: re.Pattern[str]
    lexicon: Lexicon
    version: str
    source: str


def _read(folder: Any, name: str, *, own: bool) -> dict[str, Any]:
    """One YAML file of the rules; ``own``: of a folder of one's own, checked against the shipped shapes."""
    try:
        text = (folder / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(f"{name}: missing from the rules folder {folder}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{folder / name}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        data = yaml.load(text, Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        raise RulesError(f"{folder / name}: not valid YAML{yaml_problem(exc)}") from None
    if not isinstance(data, dict):
        raise RulesError(f"{name}: expected a mapping at the top level")
    if own:  # a folder of one's own (--rules): shaped like the shipped one?
        check_shape(folder / name, data)
    return data


def _compile(name: str, patterns: list[str] | None, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns or []:
        try:
            out.append(re.compile(p, flags))
        except re.error as exc:
            raise RulesError(f"{name}: bad pattern {p!r}: {exc}") from None
    return tuple(out)


def _check_words(name: str, data: Any) -> None:
    """YAML reads a bare on/off/yes/no as a boolean: say so instead of silently losing the word."""
    if isinstance(data, bool):
        raise RulesError(f"{name}: a word was read as {data}; quote on/off/yes/no, e.g. \"on\"")
    if isinstance(data, dict):
        for value in data.values():
            _check_words(name, value)
    elif isinstance(data, list):
        for value in data:
            _check_words(name, value)


@functools.lru_cache(maxsize=8)
@wrong_types_named
def load_rules(folder: str | None = None) -> Rules:
    """Read and compile the rules in ``folder`` (default: the ones shipped with reconcile)."""
    base: Any = Path(folder) if folder else resources.files("reconcile_rules")
    own = bool(folder)
    if folder and not Path(folder).is_dir():
        raise RulesError(f"{folder}: not a rules folder (expected a directory of YAML files)")
    furniture = _read(base, "furniture.yaml", own=own)
    dates = _read(base, "dates.yaml", own=own)
    tweets = _read(base, "tweets.yaml", own=own)
    # a generated lexicon is optional: a rules folder of one's own may leave it out
    generated = [_read(base, name, own=own) if (base / name).is_file() else {} for name in GENERATED_FILES]
    languages = [*(_read(base, name, own=own) for name in LANGUAGE_FILES), *generated]
    for name, data in zip((*LANGUAGE_FILES, *GENERATED_FILES), languages, strict=True):
        _check_words(name, data)
    try:
        trailer = re.compile(tweets["trailer"])
    except (KeyError, re.error) as exc:
        raise RulesError(f"tweets.yaml: needs a valid `trailer` pattern ({exc})") from None
    version = folder_stamp(base)  # every file of the folder in use, not only the ones named above
    return Rules(
        paragraph_furniture=_compile("furniture.yaml", furniture.get("paragraphs")),
        sentence_furniture=_compile("furniture.yaml", furniture.get("sentences")),
        inline_furniture=_compile("furniture.yaml", furniture.get("inline")),
        header=_compile("furniture.yaml", furniture.get("header")),
        document_date=_compile("dates.yaml", dates.get("document_date"), re.IGNORECASE | re.MULTILINE),
        tweet_trailer=trailer,
        lexicon=merge_lexicon(languages),
        version=version,
        source=str(base),
    )

