"""Values in an editor's words: a count with its bound ("at least 7"), a date as a date ("Friday,
February 14, 2014"), a person with what the source says of them ("17, victim, killed")."""

from __future__ import annotations

import datetime as dt

from ..model import Person, Stated

__all__ = ["BOUND_WORDS", "count_words", "date_words", "fact_words", "person_words"]

#: a bound before a figure, in words
BOUND_WORDS = {"exact": "", "at_least": "at least ", "at_most": "at most ", "about": "about "}


def count_words(value: int | str, bound: str = "exact") -> str:
    """ "at least 7", "8".

    >>> count_words(7, "at_least"), count_words(8)
    ('at least 7', '8')
    """
    return f"{BOUND_WORDS.get(bound, '')}{value}"


def date_words(iso: str) -> str:
    """An ISO day as an editor writes it; anything else as it is.

    >>> date_words("2014-02-14"), date_words("Friday")
    ('Friday, February 14, 2014', 'Friday')
    """
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def person_words(person: Person) -> str:
    """What a source says of a person: "17, victim, killed"; "named" where it says nothing more.

    >>> person_words(Person("C. Roupe", "C. Roupe, 17", 0, 12, age=17, role="victim", status="killed"))
    '17, victim, killed'
    """
    parts = [str(person.age)] if person.age is not None else []
    parts += [w for w in (person.role, person.status) if w]
    return ", ".join(parts) or "named"


def fact_words(field: str, value: Stated | Person) -> str:
    """A fact sheet cell's value in words, by its field."""
    if isinstance(value, Person):
        return person_words(value)
    if field == "date":
        return date_words(str(value.value))
    if isinstance(value.value, int):
        shown = count_words(value.value, value.bound)
        return f"{shown} (none told of)" if value.derived and value.value == 0 else shown
    return str(value.value)
