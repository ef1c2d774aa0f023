"""Spanish is read as well as English: every English rule has a Spanish counterpart that passes the same test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from reconcile import facts
from reconcile.claims import extract
from reconcile.model import Document, Span

RULES = Path(__file__).resolve().parents[1] / "rules"
FRIDAY = dt.date(2024, 6, 7)  # a Friday


def read(rules, text: str, language: str, today: dt.date | None = None):  # type: ignore[no-untyped-def]
    span = Span(0, len(text))
    counts = facts.find_counts(text, span, rules.lexicon, language)
    return facts.read(text, span, sentence=span, counts=counts, lexicon=rules.lexicon, today=today)


def counts(rules, text: str, language: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    found = read(rules, text, language)
    return [(q.value, q.bound, q.cls, q.event, q.hypothetical, q.scoped, q.update, q.partial) for q in found.quantities]


def test_the_spanish_lexicon_has_every_list_the_english_one_has() -> None:
    en = yaml.safe_load((RULES / "en.yaml").read_text(encoding="utf-8"))
    es = yaml.safe_load((RULES / "es.yaml").read_text(encoding="utf-8"))

    sections = ("attribution", "clause", "compare", "numbers", "dates", "quotation")

    def keys(data: dict) -> set[str]:
        """Top-level lists, and the lists inside the sections (not the words of a word map)."""
        out = set(data)
        for section in sections:
            out |= {f"{section}.{k}" for k in data.get(section) or {}}
        return out

    missing = keys(en) - keys(es)
    assert not missing, f"es.yaml lacks {sorted(missing)}"
    assert set(en["nouns"]) == set(es["nouns"]) and set(en["events"]) == set(es["events"])
    assert set(en["bounds"]) == set(es["bounds"])
    for section in ("nouns", "events", "bounds"):
        assert all(es[section][k] for k in es[section]), section


# Each row: the same fact in English and Spanish, and what both must read.
PAIRS = [
    # bounds
    ("at least 7 officers were killed", "al menos 7 policías fueron asesinados", (7, "at_least", "police", "killed")),
    ("up to 30 people were evacuated", "hasta 30 personas fueron evacuadas", (30, "at_most", "people", "evacuated")),
    ("about 45 people were injured", "unas 45 personas resultaron heridas", (45, "about", "people", "injured")),
    # events
    ("two victims were rescued", "dos víctimas fueron rescatadas", (2, "exact", "victims", "rescued")),
    ("police arrested three suspects", "la policía detuvo a tres sospechosos", (3, "exact", "attackers", "arrested")),
    ("five children were kidnapped", "cinco niños fueron secuestrados", (5, "exact", "children", "kidnapped")),
    ("the army deployed 750 soldiers", "el ejército desplegó 750 soldados", (750, "exact", "soldiers", "deployed")),
]


@pytest.mark.parametrize("en, es, expected", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_same_count_in_both_languages(rules, en, es, expected) -> None:  # type: ignore[no-untyped-def]
    want = [(*expected, False, False, False, False)]
    assert counts(rules, en, "en") == want
    assert counts(rules, es, "es") == want


def test_anaphora_and_subsets(rules) -> None:  # type: ignore[no-untyped-def]
    en = counts(rules, "eight gunmen died and three others were injured", "en")
    es = counts(rules, "ocho sicarios murieron y otros tres resultaron heridos", "es")
    assert [c[:4] for c in en] == [c[:4] for c in es] == [(8, "exact", "attackers", "killed"),
                                                          (3, "exact", "attackers", "injured")]
    en_part = counts(rules, "four of the officers were killed", "en")
    es_part = counts(rules, "cuatro de los policías fueron asesinados", "es")
    assert en_part[0][7] and es_part[0][7]  # a part of a larger group


def test_threats_scopes_and_updates(rules) -> None:  # type: ignore[no-untyped-def]
    assert counts(rules, "we are going to kill two officers", "en")[0][4]
    assert counts(rules, "vamos a matar a dos policías", "es")[0][4]
    assert counts(rules, "at least 262 officers were killed so far this year", "en")[0][5]
    assert counts(rules, "al menos 262 policías fueron asesinados en lo que va del año", "es")[0][5]
    en = counts(rules, "the death toll rose to five", "en")
    es = counts(rules, "la cifra de muertos aumentó a cinco", "es")
    assert [c[:4] + (c[6],) for c in en] == [c[:4] + (c[6],) for c in es] == [(5, "exact", "people", "killed", True)]


@pytest.mark.parametrize(
    "text, value",
    [("5 mil 942 personas", 5942), ("3.118 personas", 3118), ("3,118 personas", 3118), ("dos mil personas", 2000),
     ("veintiún personas", 21)],
)
def test_spanish_numbers(rules, text: str, value: int) -> None:  # type: ignore[no-untyped-def]
    assert counts(rules, text, "es")[0][0] == value


def test_spanish_decimals_and_millions(rules) -> None:  # type: ignore[no-untyped-def]
    lex = rules.lexicon
    toks = facts.tokens("2,5 millones de dólares", Span(0, 23))
    assert facts.read_number(toks, 0, lex, "es") == (2_500_000.0, 2)
    toks = facts.tokens("2.5 million dollars", Span(0, 19))
    assert facts.read_number(toks, 0, lex, "en") == (2_500_000.0, 2)
    assert facts.read_number(facts.tokens("6,1", Span(0, 3)), 0, lex, "es") == (6.1, 1)


def test_negation(rules) -> None:  # type: ignore[no-untyped-def]
    for text, language in [("No one was injured", "en"), ("Nadie resultó herido", "es"),
                           ("The suspect was not arrested", "en"), ("El sospechoso no fue detenido", "es"),
                           ("He never met him", "en"), ("Jamás lo conoció", "es")]:
        assert read(rules, text, language).negated, text
    assert not read(rules, "Cuatro policías murieron", "es").negated


@pytest.mark.parametrize(
    "en, es, ymd",
    [("on May 17", "el 17 de mayo", (None, 5, 17)),
     ("on 17 May 2021", "el 17 de mayo de 2021", (2021, 5, 17)),
     ("on Thursday", "el jueves", (2024, 6, 6)),
     ("last Friday", "el pasado viernes", (2024, 5, 31)),
     ("last Friday", "el viernes pasado", (2024, 5, 31)),
     ("next Monday", "el próximo lunes", (2024, 6, 10)),
     ("yesterday", "ayer", (2024, 6, 6))],
)
def test_dates_and_weekdays(rules, en: str, es: str, ymd: tuple) -> None:  # type: ignore[no-untyped-def]
    for text, language in ((en, "en"), (es, "es")):
        found = read(rules, f"The decree was issued {text}" if language == "en" else f"El decreto se emitió {text}",
                     language, today=FRIDAY).dates
        assert [(d.year, d.month, d.day) for d in found] == [ymd], text


def claims_of(rules, text: str):  # type: ignore[no-untyped-def]
    return extract(Document(id="d1", path="a.txt", text=text, language="es"), rules)


def test_attribution_verbs_and_according_to(rules) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ("El fiscal Luis Méndez informó que cuatro policías murieron en el ataque.", "El fiscal Luis Méndez"),
        ("Según la Fiscalía de Jalisco, cuatro policías murieron en el ataque.", "la Fiscalía de Jalisco"),
        ("Cuatro policías murieron en el ataque, confirmó la Fiscalía.", "la Fiscalía"),
    ]
    for text, speaker in rows:
        (claim,) = claims_of(rules, text + "\n")
        assert (claim.attribution, claim.text.startswith(("cuatro", "Cuatro"))) == (speaker, True), text


def test_guillemets_are_quotations(rules) -> None:  # type: ignore[no-untyped-def]
    (claim,) = claims_of(rules, "«Cuatro policías murieron en el ataque», informó la fiscalía estatal.\n")
    assert (claim.text, claim.quoted, claim.attribution) == (
        "Cuatro policías murieron en el ataque", True, "la fiscalía estatal")


def test_the_spanish_quotation_dash(rules) -> None:  # type: ignore[no-untyped-def]
    text = "—Es un día triste para El Salto —dijo el alcalde Ricardo Zaragoza—. Seguiremos trabajando sin descanso.\n"
    found = claims_of(rules, text)
    assert [(c.text, c.quoted, c.attribution) for c in found] == [
        ("Es un día triste para El Salto", True, "el alcalde Ricardo Zaragoza"),
        ("Seguiremos trabajando sin descanso.", True, "el alcalde Ricardo Zaragoza"),
    ]
    assert all(text[c.start : c.end] == c.text for c in found)
