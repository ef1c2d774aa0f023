"""Fuzzing: hostile, odd and huge text through ingest, claims, facts, frame and the whole ``compare``.

Properties: nothing raises but the tool's own errors (``ReconcileError``), and every claim is its
document's text at its offsets, stripped and not empty. ``make test`` runs a few hundred examples
(derandomized, so a run is repeatable); ``make fuzz`` runs 10,000 and prints the count
(``RECONCILE_FUZZ=10000``, split over the properties by ``SHARE``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FakeEncoder
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.errors import ReconcileError
from reconcile.model import Document

TOTAL = int(os.environ.get("RECONCILE_FUZZ", "0") or 0)
#: each property's share of ``make fuzz``'s examples, and its examples in ``make test``
SHARE = {"decode": (0.25, 80), "read": (0.1, 30), "claims": (0.3, 100), "facts": (0.1, 40), "frame": (0.1, 40),
         "compare": (0.15, 20)}
COUNTS: dict[str, int] = {}


def examples(name: str) -> settings:
    share, default = SHARE[name]
    n = round(TOTAL * share) if TOTAL else default
    return settings(max_examples=n, deadline=None, derandomize=not TOTAL, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


def count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


QUOTES = list("\"'“”„‟«»‹›‘’‚‛「」『』〝〞＂❝❞⹂")
DIGITS = ["4", "four", "cuatro", "ocho", "eight", "¹", "²³", "¹⁷", "½", "⑦", "٣", "１２", "߃", "𝟕", "Ⅻ", "9" * 60,
          "1,000", "3.5", "2021", "veintiún", "twenty-one"]
SPACES = [" ", " ", " ", "\t", "\u00a0", "\u2009", "\u202f", "\u3000", "\u200b", "\ufeff", "\u180e"]
BREAKS = ["\n", "\n\n", "\r\n", "\r", "\r\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85"]
CONTROL = ["\x00", "\x01", "\x07", "\x1b[31m", "\x7f", "\x9b"]
MARKS = ["\u200f", "\u200e", "\u202e", "\u202a", "\u2066", "\u2069", "\u061c"]
EMOJI = ["😀", "👩‍👩‍👧", "🇲🇽", "🔥🔥", "☠️"]
COMBINING = ["e\u0301", "\u0301", "n\u0303", "\u20dd", "a\u0338\u0338\u0338"]
SURROGATES = ["\ud800", "\udfff", "\udbff\udc00"]
WORDS = ["police", "officers", "gunmen", "people", "policías", "sicarios", "were", "killed", "died", "murieron",
         "fueron", "abatidos", "arrested", "not", "said", "according to", "dijo", "según", "the", "governor",
         "Governor Enrique Alfaro", "On Thursday", "May 17", "17 de mayo", "at least", "más de", "about", "in",
         "El Salto", "Guanajuato", "the toll rose to", "going to kill", "so far this year", "—", "-", "–", ",",
         ".", ";", ":", "!", "?", "…", "(", ")", "[", "]", "#ElSalto", "https://t.co/x", "pic.twitter.com/Ab",
         "Click here", "All rights reserved", "Featured Image Credit: PA", "<script>alert(1)</script>", "|", "*"]
LONG = ["a" * 3000, "Policía" * 800, "x" * 20000, "-" * 500, "." * 300, "“" * 100]

PIECE = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(DIGITS), st.sampled_from(QUOTES), st.sampled_from(SPACES),
    st.sampled_from(BREAKS), st.sampled_from(CONTROL), st.sampled_from(MARKS), st.sampled_from(EMOJI),
    st.sampled_from(COMBINING), st.sampled_from(SURROGATES), st.sampled_from(LONG), st.text(max_size=12),
)
SEPARATOR = st.sampled_from([" ", " ", " ", "", "\n", "\r\n", "\r", ", ", ". "])


@st.composite
def hostile_text(draw: st.DrawFn, *, surrogates: bool = True) -> str:
    parts = draw(st.lists(st.tuples(PIECE, SEPARATOR), max_size=60))
    text = "".join(p + s for p, s in parts)
    if draw(st.booleans()):  # a realistic sentence or two, so claims and counts are found at all
        text = draw(st.sampled_from([
            "Four officers were killed on Thursday, police said. ",
            "“Cuatro policías murieron”, dijo el gobernador. ",
            'The 38 - year - old , Mark Tanner , was "deliberately looking for these people , " according to police . ',
            '"Cuatro people «". ',
            "La empresa ha aclarado que están abordando «un plan de reformas» para retomar su actividad. ",
        ])) + text
    if not surrogates:
        text = text.encode("utf-8", "replace").decode("utf-8")  # a file cannot hold lone surrogates as UTF-8
    return text


def _check_claims(document: Document, claims: list) -> None:  # type: ignore[type-arg]
    for c in claims:
        assert c.text, c
        assert document.text[c.start : c.end] == c.text, (c.start, c.end, c.text)
        assert c.text == c.text.strip(), repr(c.text)


@examples("decode")
@given(st.one_of(st.binary(max_size=3000), hostile_text(surrogates=False).map(lambda t: t.encode("utf-8")),
                 hostile_text(surrogates=False).map(lambda t: t.encode("cp1252", "replace")),
                 hostile_text(surrogates=False).map(lambda t: t.encode("utf-16")),
                 hostile_text().map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_decode_gives_text_or_one_clear_error(data: bytes) -> None:
    from reconcile.decode import decode

    count("decode")
    try:
        text, encoding, warning = decode("f.txt", data)
    except ReconcileError as exc:
        assert str(exc).startswith("f.txt: ") and "\n" not in str(exc)
        return
    assert isinstance(text, str) and "\x00" not in text
    if warning is None:  # no word said only when the bytes were UTF-8, every one of them
        assert encoding == "utf-8" and data.decode("utf-8") == text
    if encoding != "utf-8":
        assert warning


@examples("read")
@given(data=st.one_of(st.binary(max_size=2000), hostile_text(surrogates=False).map(lambda t: t.encode("utf-8"))),
       suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_read_gives_a_document_or_one_clear_error(rules, tmp_path: Path, data: bytes, suffix: str) -> None:
    from reconcile.claims import extract
    from reconcile.ingest import read

    count("read")
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    try:
        doc = read(str(path), doc_id="d1", rules=rules)
    except ReconcileError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
        return
    for span in doc.furniture:
        assert 0 <= span.start <= span.end <= len(doc.text)
    _check_claims(doc, extract(doc, rules))


@examples("claims")
@given(text=hostile_text(), language=st.sampled_from(["en", "es"]))
def test_every_claim_is_its_text_at_its_offsets(rules, text: str, language: str) -> None:
    from reconcile.claims import extract
    from reconcile.ingest import _furniture

    count("claims")
    doc = Document(id="d1", path="f.txt", text=text, language=language, furniture=tuple(_furniture(text, rules)))
    claims = extract(doc, rules)
    _check_claims(doc, claims)
    for c in claims:
        assert doc.line_of(c.start) >= 1


@examples("frame")
@given(text=hostile_text(), language=st.sampled_from(["en", "es"]))
def test_a_frame_of_any_text_quotes_its_words(rules, text: str, language: str) -> None:
    """The key facts of any text: never an error but the tool's own, and every value's text is its span."""
    from reconcile.claims import extract
    from reconcile.frame import fact_sheet, read_frame
    from reconcile.ingest import _furniture

    count("frame")
    doc = Document(id="d1", path="f.txt", text=text, language=language, furniture=tuple(_furniture(text, rules)))
    frame = read_frame(doc, extract(doc, rules), rules)
    for value in [*frame.counts.values(), *filter(None, (frame.date, frame.place)), *frame.people]:
        assert 0 <= value.start <= value.end <= len(text) and text[value.start : value.end] == value.text
    for row in fact_sheet([frame], [doc]):
        assert row.status in ("one source", "agree")


@examples("facts")
@given(text=hostile_text(), data=st.data())
def test_facts_of_any_span(rules, text: str, data: st.DataObject) -> None:
    from reconcile import facts
    from reconcile.model import Span

    count("facts")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = Span(start, end)
    counts = facts.find_counts(text, span, rules.lexicon, data.draw(st.sampled_from(["en", "es"])))
    found = facts.read(text, span, sentence=span, counts=counts, lexicon=rules.lexicon)
    for q in found.quantities:
        assert start <= q.start <= q.end <= end and text[q.start : q.end] == q.text


@pytest.fixture(scope="module")
def fake_encoder() -> FakeEncoder:
    return FakeEncoder()


@examples("compare")
@given(a=hostile_text(surrogates=False), b=hostile_text(surrogates=False), fmt=st.sampled_from(["md", "json", "html"]))
def test_compare_anything(tmp_path: Path, fake_encoder: FakeEncoder, a: str, b: str, fmt: str) -> None:
    from reconcile import compare
    from reconcile.report import render

    count("compare")
    pa, pb = tmp_path / "a.txt", tmp_path / "b.txt"
    pa.write_text(a, encoding="utf-8", newline="")
    pb.write_text(b + " the other one.", encoding="utf-8", newline="")
    try:
        result = compare([str(pa), str(pb)], encoder=fake_encoder, cache=False)
    except ReconcileError as exc:
        assert "\n" not in str(exc)
        return
    for d in result.documents:
        _check_claims(d, [c for c in result.claims if c.doc == d.id])
    cited = {cid for f in result.findings for cid in f.claims}
    assert {c.id for c in result.claims} <= cited
    for row in result.facts:  # every key fact quotes its words
        for doc, value in row.values.items():
            assert result.document(doc).text[value.start : value.end] == value.text
    assert render(result, fmt, link_base=str(tmp_path))
