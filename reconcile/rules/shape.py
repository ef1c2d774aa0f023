"""A rules folder of one's own, checked against the shape of the shipped rules before it is used.

The shipped YAML files are the schema: where they hold a mapping, a list, a string or a number,
a user's file must hold the same (or nothing). The lexicon files (``en.yaml``, ``es.yaml``, the
generated ones, a new language) are read merged, so each is checked against all the shipped ones
merged. A mapping whose keys are the user's to choose (``nouns``: a class name -> its words) is
checked against what its shipped values share, when they are several and of one kind.
So ``anaphora: 5`` is "en.yaml: anaphora: expected a list, got a number (5)", not a TypeError
deep inside the lexicon.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..errors import RulesError

__all__ = ["Shape", "check_shape", "kind", "wrong_types_named", "yaml_problem"]

T = TypeVar("T")

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NAMES = {"mapping": "a mapping", "list": "a list", "string": "a string", "number": "a number",
          "boolean": "true or false", "null": "nothing"}


def kind(value: Any) -> str:
    """The YAML kind of a parsed value.

    >>> [kind(v) for v in ({}, [], "a", 3, 2.5, True, None)]
    ['mapping', 'list', 'string', 'number', 'number', 'boolean', 'null']
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, (int, float)):
        return "number"
    return "string"


#: the files read on their own; every other YAML file of a rules folder is a lexicon, merged with the rest
_OWN = ("furniture.yaml", "dates.yaml", "tweets.yaml")


@dataclass
class Shape:
    """What the shipped files hold at one key: its kinds, and the shapes of what is inside."""

    kinds: set[str] = field(default_factory=set)
    keys: dict[str, Shape] = field(default_factory=dict)  # a mapping's keys
    values: Shape | None = None  # any of a mapping's values (for a key of the user's own)
    seen: int = 0  # how many mapping values ``values`` was made from
    items: Shape | None = None  # a list's items

    def observe(self, value: Any) -> None:
        """Widen the shape to admit ``value``."""
        got = kind(value)
        if got == "null":
            return
        self.kinds.add(got)
        if isinstance(value, dict):
            self.values = self.values or Shape()
            for k, v in value.items():
                self.keys.setdefault(str(k), Shape()).observe(v)
                self.values.observe(v)
                self.seen += 1
        elif isinstance(value, list):
            self.items = self.items or Shape()
            for v in value:
                self.items.observe(v)

    def of_key(self, key: str, *, top: bool) -> Shape | None:
        """The shape a mapping's ``key`` must have: the shipped key's, or for a key of the user's own
        (a new class of nouns) what the shipped values share, when they are several and of one kind."""
        if key in self.keys:
            return self.keys[key]
        if top or self.values is None or self.seen < 2 or len(self.values.kinds) != 1:
            return None
        return self.values


@functools.lru_cache(maxsize=4)
def _reference(name: str) -> Shape:
    """The shape a user's file called ``name`` (or any lexicon, for "lexicon") is checked against."""
    folder = resources.files("reconcile_rules")
    names = [name] if name in _OWN else sorted(
        f.name for f in folder.iterdir() if f.name.endswith(".yaml") and f.name not in _OWN
    )
    shape = Shape()
    for each in names:
        try:
            shape.observe(yaml.load((folder / each).read_text(encoding="utf-8"), Loader=_LOADER))
        except FileNotFoundError:
            continue
    return shape


def _where(key: str) -> str:
    return key or "the top level"


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _expected(kinds: set[str]) -> str:
    return " or ".join(_NAMES[k] for k in sorted(kinds))


def _check(file: str, key: str, value: Any, shape: Shape | None) -> None:
    if value is None or shape is None or not shape.kinds:
        return  # nothing given (every reader takes an absent value), or nothing to compare with
    got = kind(value)
    if got not in shape.kinds:
        hint = '; quote on/off/yes/no, e.g. "on"' if got == "boolean" and "string" in shape.kinds else ""
        raise RulesError(
            f"{file}: {_where(key)}: expected {_expected(shape.kinds)}, got {_NAMES[got]} ({_shown(value)}){hint}"
        )
    if isinstance(value, dict):
        for k, v in value.items():
            _check(file, f"{key}.{k}" if key else str(k), v, shape.of_key(str(k), top=not key))
    elif isinstance(value, list):
        for n, v in enumerate(value):
            _check(file, f"{key}[{n}]", v, shape.items)


def check_shape(path: str | Path, data: Any) -> None:
    """Raise RulesError naming the file, the key and the expected type where ``data`` (the parsed file
    at ``path``) differs in shape from the shipped file of that name (or from the shipped lexicons)."""
    name = Path(path).name
    _check(str(path), "", data, _reference(name if name in _OWN else "lexicon"))


def yaml_problem(exc: Exception) -> str:
    """Where and what a YAML error is, on one line: " at line 3, column 4: did not find expected ','".

    >>> yaml_problem(yaml.YAMLError())
    ''
    """
    mark = getattr(exc, "problem_mark", None)
    problem = " ".join(str(getattr(exc, "problem", None) or "").split())
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    return f"{where}: {problem}" if problem else where


def wrong_types_named(load: Callable[[str | None], T]) -> Callable[[str | None], T]:
    """For a rules folder of one's own: a value of a type the code cannot use is a RulesError naming the
    folder, never a TypeError (``check_shape`` names the key for every shape it can see)."""

    @functools.wraps(load)
    def checked(folder: str | None = None) -> T:
        if folder is None:
            return load(folder)
        try:
            return load(folder)
        except (TypeError, AttributeError, ValueError) as exc:
            raise RulesError(
                f"{folder}: a rule has a value of the wrong type ({exc}); compare it with the shipped rules"
            ) from None

    return checked
