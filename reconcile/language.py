"""Which language a piece of text is in, among those the rules know (lingua, loaded once)."""

from __future__ import annotations

import functools

__all__ = ["detect"]

_CODES = {"ENGLISH": "en", "SPANISH": "es"}


@functools.lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _CODES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@functools.lru_cache(maxsize=4096)
def detect(text: str, default: str = "en") -> str:
    """ISO 639-1 code of ``text``'s language, or ``default`` when it cannot be told.

    >>> detect("4 policías murieron, uno más resultó herido")
    'es'
    >>> detect("eight gunmen died")
    'en'
    """
    if not any(ch.isalpha() for ch in text):
        return default
    try:
        found = _detector().detect_language_of(text)
    except UnicodeEncodeError:  # a lone surrogate (text built in Python, not read from a file)
        found = _detector().detect_language_of(text.encode("utf-8", "replace").decode("utf-8"))
    return _CODES.get(found.name, default) if found is not None else default
