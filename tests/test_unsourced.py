"""Names a checked draft gives that no source mentions (``reconcile.unsourced``)."""

from __future__ import annotations

import pytest

from reconcile.model import Claim
from reconcile.rules import load_rules
from reconcile.unsourced import Vocabulary, lower_case_words, unsourced_names

ENDINGS = load_rules().lexicon.compare.name_endings


def _names(draft: str, source: str, *, own: str = "") -> list[str]:
    claim = Claim("d1.c1", "d1", draft, 10, 10 + len(draft))
    found = unsourced_names(claim, Vocabulary.of([source]), ENDINGS, own_words=lower_case_words(own))
    for name, (start, end) in found:
        assert draft[start - 10 : end - 10] == name  # document offsets
    return [name for name, _ in found]


@pytest.mark.parametrize(
    ("draft", "source", "names"),
    [
        ("The band closed its tour at the Pearl Room in Nashville.", "They closed the tour at the Pearl Room.",
         ["Nashville"]),
        ("The coach praised Rob Gronkowski after the game.", "The coach praised the tight end after the game.",
         ["Rob Gronkowski"]),
        ("El alcalde de Zapopan inauguró la obra.", "El alcalde de Guadalajara inauguró la obra.", ["Zapopan"]),
        # another name between two unknown ones: two names, not one
        ("The match between Leeds and the Saints.", "The Saints won.", ["Leeds"]),
    ],
)
def test_a_name_no_source_mentions_is_found_with_its_span(draft: str, source: str, names: list[str]) -> None:
    assert _names(draft, source) == names


@pytest.mark.parametrize(
    ("draft", "source"),
    [
        ("The show was taped at the Pearl Room.", "the pearl room was full"),  # in another case
        ("It praised Hope's early records.", "Bob Hope recorded them."),  # possessive
        ("The model beats CNN baselines.", "Most CNNs use bias terms."),  # plural
        ("The model beats CNNs on denoising.", "Deep convolutional neural networks denoise images."),  # initials
        ("Revenue rose 19% YoY.", "Revenue was up 19% year-over-year."),  # initials of a hyphenated word
        ("The Mexican government sent troops.", "Troops were sent to Mexico."),  # a form of the word
        ("A Sims-based show launched.", "They play The Sims every week."),  # a part
        ("He met Gov. Abbott on Monday.", "Governor Greg Abbott met him on Monday."),  # an abbreviation
        ("Police said: Three men were held.", "Police held three men."),  # a capital after a colon
        ('She said "Nobody saw it" twice.', "Nobody saw it, she said."),  # a capital opening a quote
        ("Sales reached $2 million in Q3.", "Sales reached $2 million in the third quarter."),  # a figure
        ("Gunman Kills Four In Downtown Dallas Mall", "A gunman killed four people at a mall."),  # a headline
    ],
)
def test_a_name_the_source_mentions_in_any_form_is_not_reported(draft: str, source: str) -> None:
    assert _names(draft, source) == []


def test_a_word_the_draft_writes_in_lower_case_elsewhere_is_no_name() -> None:
    draft = "The study uses Deep networks."
    assert _names(draft, "The study uses networks.") == ["Deep"]
    assert _names(draft, "The study uses networks.", own="Such deep models are large.") == []
