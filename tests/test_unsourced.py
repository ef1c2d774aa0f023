"""Names and figures a checked draft gives that no source mentions (``reconcile.unsourced``)."""

from __future__ import annotations

import pytest

from reconcile.conflicts import stated_numbers as figures
from reconcile.model import Claim
from reconcile.rules import load_rules
from reconcile.unsourced import (
    Vocabulary,
    figures_by_kind,
    lower_case_words,
    unsourced_days,
    unsourced_figures,
    unsourced_names,
)

ENDINGS = load_rules().lexicon.compare.name_endings


def _names(draft: str, source: str, *, own: str = "") -> list[str]:
    claim = Claim("d1.c1", "d1", draft, 10, 10 + len(draft))
    found = unsourced_names(claim, Vocabulary.of([source]), ENDINGS, own_words=lower_case_words(own))
    for m in found:
        assert (m.kind, draft[m.start - 10 : m.end - 10]) == ("name", m.text)  # document offsets
    return [m.text for m in found]


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


def _figures(draft: str, source: str, language: str = "en") -> list[str]:
    lexicon = load_rules().lexicon
    claim = Claim("d1.c1", "d1", draft, 0, len(draft), language=language)
    stated = figures(Claim("d2.c1", "d2", source, 0, len(source), language=language), lexicon)
    found = unsourced_figures(figures(claim, lexicon), figures_by_kind(stated))
    assert all(m.kind == "figure" and draft[m.start : m.end] == m.text for m in found)
    return [m.text for m in found]


@pytest.mark.parametrize(
    ("draft", "source", "found"),
    [
        ("Earnings per share improved to $3.50.", "Earnings per share were $3.69, up from $3.41.", ["$3.50"]),
        ("Revenue and earnings rose 19% and 37%.", "Revenue rose 19%; earnings rose 38%.", ["19% and 37%"]),
        ("The firm built 2,450 homes.", "The firm built 2,400 homes and sold 2,600.", ["2,450"]),
    ],
)
def test_a_figure_no_source_states_is_found(draft: str, source: str, found: list[str]) -> None:
    assert _figures(draft, source) == found


def test_a_figure_no_spanish_source_states_is_found() -> None:
    source = "La empresa ganó 3,2 millones de euros y vendió 3.118 coches."
    assert _figures("La empresa ganó 3,5 millones de euros.", source, "es") == ["3,5 millones de euros"]
    assert _figures("La empresa vendió 3.118 coches.", source, "es") == []


@pytest.mark.parametrize(
    ("draft", "source"),
    [
        ("Sales were $1.8 billion.", "Sales were $1.79 billion."),  # rounded
        ("It expects 2,400 to 2,600 deliveries.", "It expects between 2,400 and 2,600 deliveries."),
        ("Revenue and earnings rose 19% and 38%.", "Revenue rose 19%; earnings rose 38%."),
        ("The two hosts spoke for an hour.", "I spoke with my co-host for an hour."),  # a small count
        ("Profit rose by more than $20 million.", "Profit rose by $23 million."),  # a bound states no figure
        ("The plant opened in 2019.", "The plant opened two years ago."),  # a year
    ],
)
def test_a_figure_a_source_states_or_one_left_to_the_writer_is_not_reported(draft: str, source: str) -> None:
    assert _figures(draft, source) == []


DAYS = frozenset(load_rules().lexicon.dates.months) | frozenset(load_rules().lexicon.dates.weekdays)


@pytest.mark.parametrize(
    ("draft", "source", "days"),
    [
        ("The massacre in the pool hall on Monday left seven dead.", "He went on the run Tuesday.", ["Monday"]),
        ("The plant closed in June after the strike.", "The plant closed after the strike.", ["June"]),
        # named by the source in any case, at a sentence's opening ("May" may be a verb), an abbreviation
        ("The massacre in the pool hall on Monday left seven dead.", "It was monday night.", []),
        ("May the court rule soon, he said.", "The court will rule.", []),
        ("The Sun reported the verdict.", "The paper reported the verdict.", []),
    ],
)
def test_a_day_no_source_mentions_is_found_with_its_span(draft: str, source: str, days: list[str]) -> None:
    claim = Claim("d1.c1", "d1", draft, 10, 10 + len(draft))
    found = unsourced_days(claim, Vocabulary.of([source]), DAYS)
    for m in found:
        assert (m.kind, draft[m.start - 10 : m.end - 10]) == ("date", m.text)
    assert [m.text for m in found] == days
