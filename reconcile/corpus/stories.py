"""Many stories at once: the same pipeline as ``compare``, with one embedding pass for all of them.

Comparing stories one by one encodes a few dozen claims at a time, in small batches of mixed
length. Here every story's claims are found first, then encoded in one call (batched by length,
each text once), and each story is aligned and judged with those vectors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .. import ingest
from ..align import embedding_text
from ..api import analyse_all, by_document, find, pick_encoder
from ..cache import Cache, CachingEncoder, MemoryCache, NullCache
from ..embed import Encoder, spec_of
from ..errors import BadInput
from ..model import Result, Settings
from ..rules import load_rules

__all__ = ["compare_stories"]


def compare_stories(
    stories: Sequence[Sequence[str | Path]],
    *,
    model: str | None = None,
    settings: Settings = Settings(),  # noqa: B008 - frozen, as in api.compare
    rules_dir: str | None = None,
    encoder: Encoder | None = None,
    cache: Cache | bool = True,
    progress: Callable[[str], None] | None = None,
) -> list[Result]:
    """``compare`` for each story (a list of two or more paths), in order, embedding all claims once."""
    say = progress or (lambda stage: None)
    for paths in stories:
        if len(paths) < 2:
            raise BadInput(f"{paths[0] if paths else 'story'}: a story needs at least two articles")
    rules = load_rules(rules_dir)
    store = MemoryCache(cache if isinstance(cache, Cache) else Cache() if cache else NullCache())
    say("ingest")
    documents = [ingest.read_all([str(p) for p in paths], rules=rules) for paths in stories]
    claims = [analyse_all(docs, rules, settings=settings, cache=store, model=model) for docs in documents]
    # each story gets the model its languages need; each model encodes all its stories' claims at once
    encoders: dict[str, Encoder] = {}
    picks = []
    for docs, found in zip(documents, claims, strict=True):
        chosen, choice = pick_encoder(docs, found, model=model, encoder=encoder, settings=settings, progress=say)
        picks.append((encoders.setdefault(chosen.name, chosen), choice))
    say("embed")
    for name, chosen in encoders.items():
        texts = dict.fromkeys(
            embedding_text(c) for story, (e, _) in zip(claims, picks, strict=True) if e.name == name for c in story
        )
        CachingEncoder(chosen, store).encode(list(texts))
    results = []
    for docs, found, (chosen, choice) in zip(documents, claims, picks, strict=True):
        findings = find(
            docs, found, group_of=by_document, rules=rules, encoder=chosen,
            settings=spec_of(chosen).tune(settings), cache=store,
        )
        results.append(Result(tuple(docs), tuple(found), tuple(findings), mode="compare", model=chosen.name,
                              model_reason=choice.reason))
    return results
