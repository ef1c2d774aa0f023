"""The library's front door: ``compare`` runs the stages in DESIGN order and returns a Result.

    ingest -> claims -> facts -> embed -> align -> judge

Each stage is a function of its own module; this one only wires them together.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import ingest
from .cache import Cache, CachingEncoder, NullCache, analysis_version, document_key
from .embed import DEFAULT_MODEL, Encoder, load_encoder, spec_of
from .embed.choice import Choice, choose
from .errors import BadInput
from .model import Claim, Document, FactRow, Finding, Result, Settings, Tally
from .rules import Rules, load_rules

if TYPE_CHECKING:
    from .align import Cluster, Similarity

# The stages (claims, align with numpy and networkx, judge) are imported where they run, so a re-run
# answered from the cache loads none of them.

__all__ = [
    "NEAREST", "Aligned", "Prepared", "align_claims", "analyse", "analyse_all", "by_document", "claims", "compare",
    "document_facts",
    "embed_claims", "find", "judge_aligned", "one_story", "open_cache", "pick_encoder", "prepare", "with_facts",
]

Progress = Callable[[str], None]


def by_document(claim: Claim) -> str:
    """Group claims by the source they come from (the grouping of ``compare``)."""
    return claim.doc


def analyse(document: Document, rules: Rules, settings: Settings = Settings()) -> list[Claim]:
    """Claims and their facts for one document."""
    from .claims import extract

    return extract(document, rules, settings)


def embed_claims(claims: Sequence[Claim], encoder: Encoder):  # type: ignore[no-untyped-def]
    """One unit vector per claim, in order."""
    from .align import embedding_text

    return encoder.encode([embedding_text(c) for c in claims])


def claims(
    path: str | Path, *, rules_dir: str | None = None, settings: Settings = Settings()
) -> tuple[Document, list[Claim]]:
    """What reconcile reads in one article: the document and its claims (no model needed)."""
    rules = load_rules(rules_dir)
    document = ingest.read(str(path), doc_id="d1", rules=rules)
    return document, analyse(document, rules, settings)


@dataclass(frozen=True)
class Prepared:
    """What ``compare`` and ``check`` both start from: the rules, the documents read, their claims,
    the encoder chosen for them (and why) and the settings as that encoder tunes them."""

    rules: Rules
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    encoder: Encoder
    choice: Choice
    tuned: Settings


def prepare(
    paths: Sequence[str | Path],
    *,
    model: str | None = None,
    settings: Settings = Settings(),
    rules_dir: str | None = None,
    encoder: Encoder | None = None,
    cache: Cache | bool = True,
    progress: Progress | None = None,
) -> Prepared:
    """Read the articles, find their claims (from the cache where it has them) and choose the encoder."""
    say = progress or (lambda stage: None)
    rules = load_rules(rules_dir)
    say("ingest")
    documents = ingest.read_all([str(p) for p in paths], rules=rules)
    found = analyse_all(documents, rules, settings=settings, cache=cache, model=model, progress=say)
    chosen, choice = pick_encoder(documents, found, model=model, encoder=encoder, settings=settings, progress=say)
    return Prepared(rules, tuple(documents), tuple(found), chosen, choice, spec_of(chosen).tune(settings))


def compare(
    paths: Sequence[str | Path],
    *,
    model: str | None = None,
    settings: Settings = Settings(),
    rules_dir: str | None = None,
    encoder: Encoder | None = None,
    cache: Cache | bool = True,
    progress: Progress | None = None,
    strict: bool = False,
) -> Result:
    """Compare two or more articles about one story.

    ``cache``: True for the per-user cache file, False for none, or a ``Cache`` of one's own.
    Raises BadInput (naming the file) for a missing, empty, binary or repeated article, and with
    ``strict`` for a source that does not look like the same story (else ``Result.notes`` says so).
    """
    names = [str(p) for p in paths]
    if len(names) < 2:
        raise BadInput(
            f"{names[0] if names else 'compare'}: compare needs at least two articles; "
            "to see what one article claims, run `reconcile claims FILE`"
        )
    store = open_cache(cache)
    ready = prepare(names, model=model, settings=settings, rules_dir=rules_dir, encoder=encoder, cache=store,
                    progress=progress)
    documents, all_claims, chosen = ready.documents, ready.claims, ready.encoder
    key = result_key("compare", documents, chosen, ready.rules, settings, ready.tuned, model=model,
                     reason=ready.choice.reason)
    stored = store.get_result(key, documents) if key else None
    if stored is not None:
        if stored.notes and strict:
            raise BadInput(f"{stored.notes[0]} (--strict)")
        return stored
    notes = one_story(documents, all_claims, chosen, store, rules=ready.rules, strict=strict)
    tally = Tally()
    findings = find(
        documents, all_claims, group_of=by_document, rules=ready.rules, encoder=chosen,
        settings=ready.tuned, cache=store, progress=progress, tally=tally,
    )
    facts, findings = with_facts(documents, all_claims, ready.rules, findings)
    result = Result(
        documents, all_claims, tuple(findings), mode="compare", model=chosen.name,
        compared=tally.as_dict(), min_confidence=settings.min_confidence, model_reason=ready.choice.reason,
        notes=notes, facts=facts,
    )
    if key:
        store.put_result(key, result)
    return result


def document_facts(
    document: Document, claims: Sequence[Claim], *, rules_dir: str | None = None
) -> tuple[FactRow, ...]:
    """One document's key facts (its fact sheet alone): what ``reconcile claims`` shows."""
    from .frame import fact_sheet, read_frame

    rules = load_rules(rules_dir)
    return fact_sheet([read_frame(document, claims, rules)], [document])


def with_facts(
    documents: Sequence[Document], claims: Sequence[Claim], rules: Rules, findings: Sequence[Finding]
) -> tuple[tuple[FactRow, ...], list[Finding]]:
    """The story's fact sheet, and the findings with a contradiction or update for each of its rows
    that disagree (``frame.story_sheet``), whether or not those sentences lined up."""
    from .frame import story_sheet
    from .judge.findings import merge

    rows, disagreements = story_sheet(documents, claims, rules)
    return rows, merge(findings, disagreements, claims, {d.id: d.name for d in documents})


def pick_encoder(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    *,
    model: str | None = None,
    encoder: Encoder | None = None,
    settings: Settings = Settings(),
    progress: Progress | None = None,
) -> tuple[Encoder, Choice]:
    """The encoder to compare these claims with, and why: ``encoder`` if given, else ``--model``, else by language.

    Every claim English: the fast English model; any document or claim in another language (a
    quoted Spanish tweet is enough): the multilingual model, for the whole comparison.
    """
    if encoder is not None:
        return encoder, Choice(encoder.name, "the encoder given")
    choice = choose(documents, claims, model=model)
    return load_encoder(choice.model, batch_size=settings.batch_size, progress=progress), choice


def one_story(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    encoder: Encoder,
    cache: Cache,
    *,
    rules: Rules,
    strict: bool = False,
) -> tuple[str, ...]:
    """Notes naming each source that does not look like the same story; with ``strict``, BadInput instead."""
    from .grouping.outliers import one_story_notes
    from .grouping.profile import common_words

    notes = tuple(one_story_notes(documents, claims, CachingEncoder(encoder, cache), common=common_words(rules)))
    if notes and strict:
        raise BadInput(f"{notes[0]} (--strict)")
    return notes


def analyse_all(
    documents: Sequence[Document],
    rules: Rules,
    *,
    settings: Settings = Settings(),
    cache: Cache | bool = True,
    model: str | None = None,
    progress: Progress | None = None,
) -> list[Claim]:
    """The claims of every document, in order, from the cache where it has them."""
    (progress or (lambda stage: None))("claims")
    store = open_cache(cache)
    return [c for d in documents for c in _analyse_cached(d, rules, settings, store, model)]


@dataclass(frozen=True)
class Aligned:
    """Claims embedded and aligned: their similarities and the clusters of claims stating one fact."""

    claims: Sequence[Claim]
    sim: Similarity
    clusters: list[Cluster]
    row: dict[str, int]

    def similarity(self, a: str, b: str) -> float:
        """The similarity of two claims, by id."""
        return float(self.sim[self.row[a], self.row[b]])


def align_claims(
    claims: Sequence[Claim],
    *,
    group_of: Callable[[Claim], str],
    rules: Rules,
    encoder: Encoder,
    settings: Settings = Settings(),
    cache: Cache | bool = True,
    progress: Progress | None = None,
    floor: float | None = None,
) -> Aligned:
    """Embed ``claims`` and cluster them across the groups ``group_of`` puts them in; similarities
    under ``floor`` (and every threshold of ``settings``) are not computed."""
    from . import align as align_mod

    say = progress or (lambda stage: None)
    say("embed")
    vectors = embed_claims(claims, CachingEncoder(encoder, open_cache(cache)))
    say("align")
    lowest = min(settings.similarity, settings.generic_conflict, settings.count_match, settings.restatement,
                 settings.neighbour_floor, *(() if floor is None else (floor,)))
    sim = align_mod.similarity(claims, vectors, penalty=settings.specificity_penalty, floor=lowest)
    clusters = align_mod.align(
        claims, vectors, group_of=group_of, settings=settings, generic=rules.lexicon.counts.generic, sim=sim
    )
    return Aligned(claims, sim, clusters, {c.id: k for k, c in enumerate(claims)})


def judge_aligned(
    documents: Sequence[Document],
    aligned: Aligned,
    *,
    group_of: Callable[[Claim], str],
    rules: Rules,
    near: dict[str, tuple[str, ...]],
    settings: Settings = Settings(),
    tally: Tally | None = None,
    progress: Progress | None = None,
) -> list[Finding]:
    """Judge aligned claims: each cluster, and each claim against its ``near`` claims of other groups."""
    from . import judge

    (progress or (lambda stage: None))("judge")
    return judge.judge(
        aligned.clusters,
        aligned.claims,
        group_of=group_of,
        lexicon=rules.lexicon,
        settings=settings,
        names={d.id: d.name for d in documents},
        similarity=aligned.similarity,
        dates={d.id: d.date for d in documents},
        tally=tally,
        near=near,
    )


def find(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    *,
    group_of: Callable[[Claim], str],
    rules: Rules,
    encoder: Encoder,
    settings: Settings = Settings(),
    cache: Cache | bool = True,
    progress: Progress | None = None,
    tally: Tally | None = None,
) -> list[Finding]:
    """Embed, align and judge ``claims`` across the groups ``group_of`` puts them in; each claim is
    also set against its nearest claims of other groups (``settings.neighbour_floor``).

    ``compare`` groups by document; ``check`` by draft and sources, or by voice. ``tally``, when
    given, counts what the judge compared.
    """
    from . import align as align_mod

    aligned = align_claims(claims, group_of=group_of, rules=rules, encoder=encoder, settings=settings, cache=cache,
                           progress=progress)
    near = align_mod.neighbours(claims, aligned.sim, group_of=group_of, k=NEAREST, floor=settings.neighbour_floor)
    return judge_aligned(documents, aligned, group_of=group_of, rules=rules, near=near, settings=settings,
                         tally=tally, progress=progress)


#: how many of its nearest claims of other groups each claim is set against, beyond its cluster
NEAREST = 5


# -- caching (issue #3): a re-run on the same sources does no parsing and no encoding -------------


def open_cache(cache: Cache | bool) -> Cache:
    """The cache a caller asked for: its own ``Cache``, the per-user file (True) or none (False)."""
    if isinstance(cache, Cache):
        return cache
    return Cache() if cache else NullCache()


def analysis_key(rules: Rules, settings: Settings, model: str | None) -> tuple[str, str]:
    """What a document's cached claims are filed under besides the document: (rules and code
    version, model name)."""
    return analysis_version(rules.version, settings), model or DEFAULT_MODEL


def result_key(
    mode: str,
    documents: Sequence[Document],
    encoder: Encoder,
    rules: Rules,
    settings: Settings,
    tuned: Settings,
    *,
    model: str | None,
    reason: str = "",
) -> str | None:
    """What a whole result is stored under: the documents (with their ids and paths), the claims'
    analysis key (from ``settings``), the encoder's identity, the settings as this encoder tunes
    them (``tuned``) and the package's code (in the analysis key); None for an encoder without an
    identity (a test's fake), whose results are never stored."""
    identity = getattr(encoder, "identity", None)
    if not isinstance(identity, str):
        return None
    version, analysed_with = analysis_key(rules, settings, model)
    parts = [mode, version, analysed_with, identity, reason, repr(tuned)]
    parts += [f"{d.id}\0{d.path}\0{document_key(d, rules_version=version, model='')}" for d in documents]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _analyse_cached(
    document: Document, rules: Rules, settings: Settings, store: Cache, model: str | None
) -> list[Claim]:
    """``analyse``, read from the cache when this document, rules, settings and code were seen."""
    version, model = analysis_key(rules, settings, model)
    hit = store.get_claims(document, rules_version=version, model=model)
    if hit is not None:
        return list(hit)
    found = analyse(document, rules, settings)
    store.put_claims(document, found, rules_version=version, model=model)
    return found
