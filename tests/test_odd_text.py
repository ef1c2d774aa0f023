"""Odd but real text that used to crash: superscript digits, quotation marks that bare a space."""

from __future__ import annotations

import pytest

from reconcile.facts import number_value
from reconcile.ingest import read

SPLITTER_CRASHES = [
    'The 38 - year - old , Mark Tanner , was "deliberately looking for these people , " according to police .',
    '"Cuatro people «".',
    "La empresa ha desmentido mediante un comunicado el cierre y ha aclarado que están abordando «un plan de "
    "reformas de sus oficinas» para retomar su actividad «cuando las condiciones lo permitan».",
]


@pytest.mark.parametrize("text", SPLITTER_CRASHES)
def test_no_bad_claim_span(rules, write, text):
    from reconcile.claims import extract

    doc = read(write("q.txt", text + "\n"), doc_id="d1", rules=rules)
    claims = extract(doc, rules)
    assert claims
    for c in claims:
        assert doc.text[c.start : c.end] == c.text == c.text.strip()


def test_the_spanish_quotes_are_claims_of_their_own(rules, write):
    from reconcile.claims import extract

    doc = read(write("q.txt", SPLITTER_CRASHES[2] + "\n"), doc_id="d1", rules=rules)
    assert [c.text for c in extract(doc, rules) if c.quoted] == [
        "un plan de reformas de sus oficinas", "cuando las condiciones lo permitan"
    ]


@pytest.mark.parametrize("word", ["¹", "²³", "½", "⑦", "¹⁷"])
def test_superscripts_and_other_digits_are_not_counts(word):
    assert number_value(word) is None


def test_unicode_decimal_digits_are_numbers():
    assert number_value("٣") == 3 and number_value("１２") == 12
    assert number_value("9" * 5000) is None  # no int() of a 5,000-digit token


@pytest.mark.parametrize(
    "text",
    [
        "¹ people were killed.",
        "The ² officers and ³ gunmen were killed on May ¹⁷ in the town, police said.",
        "On May " + "1" * 40 + " four officers died, police said.",
    ],
)
def test_superscript_text_reads(rules, write, text):
    from reconcile.claims import extract

    doc = read(write("s.txt", text + "\n"), doc_id="d1", rules=rules)
    for c in extract(doc, rules):
        assert doc.text[c.start : c.end] == c.text
