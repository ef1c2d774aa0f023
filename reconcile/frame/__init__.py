"""Claims -> the key facts of the event a document reports (its ``Frame``), and the story's fact sheet.

    ingest -> claims -> facts -> frame

One document's frame is read from its claims' typed facts, the headline and the lede first:
``counts`` (killed, injured, arrested, totals from parts), ``when`` (the day), ``where`` (the place)
and ``people`` (named participants). ``sheet`` sets the frames of a story side by side, one row per
fact, and says where they agree, contradict or update each other. An article with no event in it
gives an empty frame, never an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Claim, Document, FactRow, Finding, Frame, Person, Stated
from ..rules import Lexicon, Rules
from ..rules.places import load_gazetteer
from .counts import FIELDS, read_counts
from .implied import with_deadly, with_people
from .kin import with_kin
from .people import family_name, read_people
from .sheet import LABELS, fact_sheet, sheet_findings
from .when import part_of_day, read_date, read_weekday
from .where import read_place

__all__ = [
    "FIELDS", "LABELS", "fact_sheet", "family_name", "read_frame", "sheet_findings", "story_sheet", "with_weekday",
]


def read_frame(document: Document, claims: Sequence[Claim], rules: Rules) -> Frame:
    """The key facts of the event ``document`` reports, from its own ``claims``."""
    own = [c for c in claims if c.doc == document.id]
    lexicon = rules.lexicon
    people = with_kin(document, own, read_people(document, own, lexicon), lexicon)
    counts, said = read_counts(document, own, lexicon)
    counts = _with_sought(counts, people, own, lexicon)
    date = read_date(document, own, lexicon)
    return Frame(
        doc=document.id,
        counts=with_deadly(with_people(counts, people), document, own, lexicon),
        date=date,
        day_part="" if date is None else part_of_day(document.text, date.start, date.end, lexicon),
        place=read_place(document, own, lexicon, load_gazetteer(rules.source)),
        people=people,
        said=_with_parts(counts, said, own, lexicon.counts.subset - lexicon.counts.anaphora),
        later=any(lexicon.frame.later_pattern.search(c.text) for c in own),
    )


def _with_sought(counts: dict[str, Stated], people: Sequence[Person], claims: Sequence[Claim],
                 lexicon: Lexicon) -> dict[str, Stated]:
    """None arrested, where the document tells of police still after the doer ("police are searching for
    the shooter", "the suspect is still at large") and of no arrest at all: a later arrest updates it."""
    if any(f.partition(":")[0] == "arrested" for f in counts) or any(
            p.status in ("arrested", "charged") for p in people):
        return counts
    for claim in claims:
        m = lexicon.frame.sought_pattern.search(claim.text)
        if m is not None:
            start = claim.start + m.start()
            return {**counts, "arrested": Stated(0, m.group(), start, claim.start + m.end(), claim.id)}
    return counts


def _next_word(claim: Claim, at: int) -> str:
    """The word of ``claim`` right after document offset ``at``, lower-case ("" at its end)."""
    words = claim.text[at - claim.start :].split(maxsplit=1)
    return words[0].lower().strip(",.;:") if words else ""


def _with_parts(counts: Mapping[str, Stated], said: Mapping[str, tuple[int, ...]], claims: Sequence[Claim],
                partitive: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """The figures the document gives for each field, with the parts that the claim stating its figure
    names (a number right before a partitive word): "Five officers were injured, two of them from the
    state police" gives 2 as a part of 5, and a source that says two may tell of that part."""
    by_id = {c.id: c for c in claims}
    out = {field: tuple(values) for field, values in said.items()}
    for field, value in counts.items():
        claim = by_id.get(value.claim or "")
        if claim is None:
            continue
        parts = {int(u.nominal) for u in claim.numbers or ()
                 if u.key == "#" and u.nominal is not None and u.start != value.start
                 and _next_word(claim, u.end) in partitive}
        if parts:
            out[field] = tuple(sorted({*out.get(field, ()), *parts}))
    return out


def with_weekday(frame: Frame, document: Document, claims: Sequence[Claim], rules: Rules) -> Frame:
    """The frame with the event's day of the week where no date resolves it ("Friday evening" in an
    undated article), for setting sources side by side: read from the parse, so only where a story
    has several undated documents (one document's sheet, and grouping, need no parser)."""
    if frame.date is not None:
        return frame
    own = [c for c in claims if c.doc == document.id]
    weekday = read_weekday(document, own, rules.lexicon)
    if weekday is None:
        return frame
    return replace(frame, weekday=weekday,
                   day_part=part_of_day(document.text, weekday.start, weekday.end, rules.lexicon))


def story_sheet(
    documents: Sequence[Document], claims: Sequence[Claim], rules: Rules
) -> tuple[tuple[FactRow, ...], list[Finding]]:
    """The story's fact sheet (one row per key fact, each source's value) and a finding for each row
    whose values contradict or update each other."""
    frames = [read_frame(d, claims, rules) for d in documents]
    if sum(fr.date is None for fr in frames) >= 2:
        # two sources or more give no date: their weekdays may still disagree (the parse this needs costs a
        # cold start 0.7 s, spent only then)
        frames = [with_weekday(fr, d, claims, rules) for fr, d in zip(frames, documents, strict=True)]
    revised = {c.id for c in claims if any(q.update for q in c.facts.quantities)}
    rows = fact_sheet(frames, documents, revised)
    return rows, sheet_findings(rows, documents)
