"""The library's front door: ``compare`` runs the stages in DESIGN order and returns a Result.

    ingest -> claims -> facts -> embed -> align -> judge

Each stage is a function of its own module; this one only wires them together.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import ingest
from .cache import Cache, CachingEncoder, NullCache, analysis_version, document_key
from .conflicts import opposite_partners
from .embed import DEFAULT_MODEL, Encoder, load_encoder, spec_of
from .embed.choice import Choice, choose
from .errors import BadInput
from .model import Claim, Document, Finding, Result, Settings
from .rules import Rules, load_rules

if TYPE_CHECKING:
    from .conflicts import Tally

# The stages (claims, align with numpy and networkx, judge) are imported where they run, so a re-run
# answered from the cache loads none of them.

__all__ = [
    "analyse", "analyse_all", "by_document", "claims", "compare", "embed_claims", "find", "one_story", "pick_encoder",
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
    say = progress or (lambda stage: None)
    names = [str(p) for p in paths]
    if len(names) < 2:
        raise BadInput(
            f"{names[0] if names else 'compare'}: compare needs at least two articles; "
            "to see what one article claims, run `reconcile claims FILE`"
        )
    rules = load_rules(rules_dir)
    say("ingest")
    documents = ingest.read_all(names, rules=rules)
    store = _cache(cache)
    all_claims = analyse_all(documents, rules, settings=settings, cache=store, model=model, progress=say)
    encoder, choice = pick_encoder(documents, all_claims, model=model, encoder=encoder, settings=settings, progress=say)
    tuned = spec_of(encoder).tune(settings)
    key = result_key("compare", documents, encoder, rules, settings, tuned, model=model, reason=choice.reason)
    stored = store.get_result(key, documents) if key else None
    if stored is not None:
        if stored.notes and strict:
            raise BadInput(f"{stored.notes[0]} (--strict)")
        return stored
    from .conflicts import Tally

    notes = one_story(documents, all_claims, encoder, store, rules=rules, strict=strict)
    tally = Tally()
    findings = find(
        documents, all_claims, group_of=by_document, rules=rules, encoder=encoder,
        settings=tuned, cache=store, progress=say, tally=tally,
    )
    result = Result(
        tuple(documents), tuple(all_claims), tuple(findings), mode="compare", model=encoder.name,
        compared=tally.as_dict(), min_confidence=settings.min_confidence, model_reason=choice.reason, notes=notes,
    )
    if key:
        store.put_result(key, result)
    return result


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
    from .corpus.outliers import one_story_notes
    from .corpus.profile import common_words

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
    store = _cache(cache)
    return [c for d in documents for c in _analyse_cached(d, rules, settings, store, model)]


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
    fallback_floor: float | None = None,
) -> list[Finding]:
    """Embed, align and judge ``claims`` across the groups ``group_of`` puts them in.

    ``compare`` groups by document; ``check`` by draft and sources, or by voice. ``tally``, when
    given, counts what the judge compared. ``fallback_floor``: a claim with no claim of another
    group from ``settings.neighbour_floor`` on is compared with its nearest ones from this one
    (``check``: a draft's loosely worded claims).
    """
    from . import align as align_mod
    from . import judge

    say = progress or (lambda stage: None)
    say("embed")
    vectors = embed_claims(claims, CachingEncoder(encoder, _cache(cache)))
    say("align")
    # lexical ratios under every threshold asked below need not be computed
    near_floor = settings.neighbour_floor  # the judge's nearest claims of other sources
    if fallback_floor is not None:
        near_floor = min(near_floor, fallback_floor)
    floor = min(settings.similarity, settings.generic_conflict, settings.count_match, settings.restatement, near_floor)
    sim = align_mod.similarity(claims, vectors, penalty=settings.specificity_penalty, floor=floor)
    clusters = align_mod.align(
        claims, vectors, group_of=group_of, settings=settings, generic=rules.lexicon.generic, sim=sim
    )
    say("judge")
    row = {c.id: k for k, c in enumerate(claims)}
    near = align_mod.neighbours(
        claims, sim, group_of=group_of, k=5, floor=settings.neighbour_floor, fallback_floor=fallback_floor
    )
    if fallback_floor is not None:
        # a draft's claim is also set against the source claims that say the opposite of one of
        # its words, the closest few of them
        for cid, partners in opposite_partners(claims, group_of, rules.lexicon).items():
            closest = sorted(partners, key=lambda p: (-float(sim[row[cid], row[p]]), row[p]))[:OPPOSITE_PARTNERS]
            near[cid] = tuple(dict.fromkeys((*near.get(cid, ()), *closest)))
    return judge.judge(
        clusters,
        claims,
        group_of=group_of,
        lexicon=rules.lexicon,
        settings=settings,
        names={d.id: d.name for d in documents},
        similarity=lambda a, b: float(sim[row[a], row[b]]),
        dates={d.id: d.date for d in documents},
        tally=tally,
        near=near,
    )


# -- caching (issue #3): a re-run on the same sources does no parsing and no encoding -------------


def _cache(cache: Cache | bool) -> Cache:
    """The cache ``compare`` was asked to use."""
    if isinstance(cache, Cache):
        return cache
    return Cache() if cache else NullCache()


def analysis_key(rules: Rules, settings: Settings, model: str | None) -> tuple[str, str]:
    """What a document's cached claims are filed under besides the document: (rules and code
    version, model name)."""
    return analysis_version(rules.version, settings), model or DEFAULT_MODEL


#: how many of the source claims that say the opposite of a draft claim's word it is set against
OPPOSITE_PARTNERS = 3

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
