"""The library's front door: ``compare`` runs the stages in DESIGN order and returns a Result.

    ingest -> claims -> facts -> embed -> align -> judge

Each stage is a function of its own module; this one only wires them together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from . import align as align_mod
from . import claims as claims_mod
from . import ingest, judge
from .cache import Cache, CachingEncoder, NullCache, analysis_version
from .embed import DEFAULT_MODEL, Encoder, load_encoder
from .errors import BadInput
from .model import Claim, Document, Result, Settings
from .rules import Rules, load_rules

__all__ = ["analyse", "by_document", "claims", "compare", "embed_claims"]

Progress = Callable[[str], None]


def by_document(claim: Claim) -> str:
    """Group claims by the source they come from (the grouping of ``compare``)."""
    return claim.doc


def analyse(document: Document, rules: Rules, settings: Settings = Settings()) -> list[Claim]:
    """Claims and their facts for one document."""
    return claims_mod.extract(document, rules, settings)


def embed_claims(claims: Sequence[Claim], encoder: Encoder):  # type: ignore[no-untyped-def]
    """One unit vector per claim, in order."""
    return encoder.encode([align_mod.embedding_text(c) for c in claims])


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
) -> Result:
    """Compare two or more articles about one story.

    ``cache``: True for the per-user cache file, False for none, or a ``Cache`` of one's own.
    Raises BadInput (naming the file) for a missing, empty, binary or repeated article.
    """
    say = progress or (lambda stage: None)
    paths = [str(p) for p in paths]
    if len(paths) < 2:
        raise BadInput(
            f"{paths[0] if paths else 'compare'}: compare needs at least two articles; "
            "to see what one article claims, run `reconcile claims FILE`"
        )
    rules = load_rules(rules_dir)
    say("ingest")
    documents = ingest.read_all(paths, rules=rules)
    say("claims")
    store = _cache(cache)
    all_claims = [c for d in documents for c in _analyse_cached(d, rules, settings, store, model)]
    say("embed")
    encoder = encoder or load_encoder(model, batch_size=settings.batch_size, progress=say)
    vectors = embed_claims(all_claims, CachingEncoder(encoder, store))
    say("align")
    sim = align_mod.similarity(all_claims, vectors, penalty=settings.specificity_penalty)
    clusters = align_mod.align(
        all_claims, vectors, group_of=by_document, settings=settings, generic=rules.lexicon.generic, sim=sim
    )
    say("judge")
    row = {c.id: k for k, c in enumerate(all_claims)}
    findings = judge.judge(
        clusters,
        all_claims,
        group_of=by_document,
        lexicon=rules.lexicon,
        settings=settings,
        names={d.id: d.name for d in documents},
        similarity=lambda a, b: float(sim[row[a], row[b]]),
    )
    return Result(tuple(documents), tuple(all_claims), tuple(findings), mode="compare", model=encoder.name)


# -- caching (issue #3): a re-run on the same sources does no parsing and no encoding -------------


def _cache(cache: Cache | bool) -> Cache:
    """The cache ``compare`` was asked to use."""
    if isinstance(cache, Cache):
        return cache
    return Cache() if cache else NullCache()


def _analyse_cached(
    document: Document, rules: Rules, settings: Settings, store: Cache, model: str | None
) -> list[Claim]:
    """``analyse``, read from the cache when this document, rules, settings and code were seen."""
    version = analysis_version(rules.version, settings)
    model = model or DEFAULT_MODEL
    hit = store.get_claims(document, rules_version=version, model=model)
    if hit is not None:
        return list(hit)
    found = analyse(document, rules, settings)
    store.put_claims(document, found, rules_version=version, model=model)
    return found
