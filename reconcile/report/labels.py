"""An editor's words for what a finding is about: "Attackers killed", "Negation", "Place"."""

from __future__ import annotations

__all__ = ["label_of_slot"]

_SLOT_WORDS = {"killed": "killed", "injured": "injured", "arrested": "arrested", "kidnapped": "kidnapped",
               "rescued": "rescued"}



def label_of_slot(slot: str) -> str:
    """An editor's words for a slot id.

    >>> label_of_slot("count.attackers.killed"), label_of_slot("polarity")
    ('Attackers killed', 'Negation')
    """
    if slot.startswith("count."):
        _, cls, event = slot.split(".", 2)
        return f"{cls.capitalize()} {_SLOT_WORDS.get(event, event)}"
    fixed = {"polarity": "Negation", "opposite": "Opposite words", "name": "Name", "place": "Place",
             "date": "Date", "year": "Year", "ordinal": "Ordinal", "percent": "Percentage", "money": "Amount"}
    if slot in fixed:
        return fixed[slot]
    if slot.startswith("number."):
        return slot.split(".", 1)[1].capitalize()
    return slot.capitalize()

