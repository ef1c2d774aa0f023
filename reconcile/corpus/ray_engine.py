"""The Ray engine: the corpus job's heavy steps on a Ray cluster, the same functions as the local engine.

- analysis: a Ray Data pipeline, ``map_batches`` over the articles with a pool of actors, each
  holding its own encoder, running ``profile.analyse_batch`` (read, claims, facts, embeddings);
- grouping: one Ray task running ``grouping.group``;
- judging: one Ray task per story running ``story.judge_story`` with the story's vectors.

The driver keeps the store: it decides what is new, ships it out, and writes what comes back, so
a cluster needs no access to the SQLite file. Without ``address`` a local Ray instance is started
(and stopped at the end), listening on the loopback interface only: Ray binds its servers to every
interface once it runs as a cluster node, so it is started as Ray starts on macOS and Windows,
local only (``_local_only``). With ``address`` (``auto``, ``ray://head:10001``) the job joins that
cluster, the user's choice, whose nodes need reconcile installed (``pip install 'reconcile[ray]'``).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import pickle
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..embed import load_encoder
from ..errors import ReconcileError
from ..grouping import GroupingSettings, Profile, group
from ..model import Claim, Document, Result, Settings
from .analysis import Analysed, analyse_batch
from .inputs import Article
from .store import Store
from .story import Precomputed, judge_story

__all__ = ["RayEngine"]

#: articles per Ray Data batch (one encoder call each)
BATCH = 32


#: Ray reads this when it is imported: 0 makes a node use 127.0.0.1 and bind its servers to it
_LOCAL_ONLY = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"


@contextlib.contextmanager
def _local_only(ray: Any) -> Iterator[None]:
    """While a local instance starts: its node address is 127.0.0.1, and so is every server's bind
    address (GCS, raylet, object manager, workers, agents), in this process and the ones it starts."""
    constants = getattr(getattr(ray, "_private", None), "ray_constants", None)
    before_env = os.environ.get(_LOCAL_ONLY)
    before = getattr(constants, "ENABLE_RAY_CLUSTER", None)
    os.environ[_LOCAL_ONLY] = "0"  # for the processes Ray starts
    if constants is not None and before is not None:
        constants.ENABLE_RAY_CLUSTER = False  # for this one, which imported Ray already
    try:
        yield
    finally:
        if before_env is None:
            os.environ.pop(_LOCAL_ONLY, None)
        else:
            os.environ[_LOCAL_ONLY] = before_env
        if constants is not None and before is not None:
            constants.ENABLE_RAY_CLUSTER = before


@functools.lru_cache(maxsize=4)
def _rules(rules_dir: str | None):  # type: ignore[no-untyped-def]
    from ..rules import load_rules

    return load_rules(rules_dir)


class _Analyser:
    """A Ray Data actor: loads the rules and the encoder once, then analyses batch after batch."""

    def __init__(self, model: str | None, rules_dir: str | None, settings: Settings, sources: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self.model = model
        self.rules = _rules(rules_dir)
        self.settings = settings
        self.sources = sources
        self.encoder = load_encoder(model, batch_size=settings.batch_size)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        from ..cache import MemoryCache

        articles = [pickle.loads(blob) for blob in batch["article"]]
        done = analyse_batch(
            articles, rules=self.rules, settings=self.settings, encoder=self.encoder, cache=MemoryCache(),
            model=self.model, sources=self.sources,
        )
        return {"item": np.array([pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL) for item in done],
                                 dtype=object)}


def _group(profiles: Sequence[Profile], settings: GroupingSettings) -> list[list[str]]:
    return group(profiles, settings)


def _judge(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    vectors: dict[str, bytes],
    name: str,
    identity: str,
    rules_dir: str | None,
    settings: Settings,
) -> Result:
    from ..cache import MemoryCache

    cache = MemoryCache()
    cache.put_vectors(identity, vectors)
    return judge_story(documents, claims, rules=_rules(rules_dir), settings=settings,
                       encoder=Precomputed(name, identity), cache=cache)


class RayEngine:
    """Runs analysis, grouping and judging on Ray; see the module docstring."""

    name = "ray"
    #: articles handed to one Ray Data pipeline (the job sends them in chunks of this many)
    chunk = 512

    def __init__(
        self,
        store: Store,
        *,
        address: str | None,
        model: str | None,
        rules_dir: str | None,
        settings: Settings,
        grouping: GroupingSettings,
        sources: str | Path,
        actors: int | None = None,
    ) -> None:
        try:
            import ray
            import ray.data  # noqa: F401
        except ImportError:
            raise ReconcileError(
                "--engine ray: Ray is not installed; run `pip install 'reconcile[ray]'`"
            ) from None
        self._ray = ray
        self._started = False
        if not ray.is_initialized():
            local = _local_only(ray) if address is None else contextlib.nullcontext()
            try:
                with local:
                    ray.init(address=address, include_dashboard=False, log_to_driver=False,
                             logging_level=logging.ERROR, configure_logging=True)
            except Exception as exc:  # ConnectionError, ValueError, RuntimeError: all mean "no cluster there"
                if address is None:
                    raise ReconcileError(f"--engine ray: cannot start a local Ray instance ({exc})") from None
                raise ReconcileError(f"--address {address}: cannot join a Ray cluster there ({exc})") from None
            self._started = True
        for name in ("ray", "ray.data", "ray.data._internal.execution.streaming_executor"):
            logging.getLogger(name).setLevel(logging.ERROR)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        context.execution_options.preserve_order = True
        self.store = store
        self.model = model
        self.rules_dir = rules_dir
        self.rules = _rules(rules_dir)
        self.settings = settings
        self.grouping = grouping
        self.sources = str(sources)
        encoder = load_encoder(model, batch_size=settings.batch_size)  # not loaded: its name and identity only
        self.encoder_name = encoder.name
        self.identity = str(getattr(encoder, "identity", None) or encoder.name)
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.actors = actors or max(1, cpus)

    def analyse(self, articles: Sequence[Article]) -> list[Analysed]:
        """Analyse a chunk of articles with ``map_batches`` over a pool of encoder-holding actors."""
        ray = self._ray
        if not articles:
            return []
        rows = [{"article": pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)} for a in articles]
        with warnings.catch_warnings():
            # max_restarts=0: Ray's own advice for actors built from object-store arguments; the keyword
            # itself is deprecated in favour of names map_batches does not have yet
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset = ray.data.from_items(rows).map_batches(
                _Analyser,
                fn_constructor_kwargs={"model": self.model, "rules_dir": self.rules_dir, "settings": self.settings,
                                       "sources": self.sources},
                batch_size=BATCH,
                batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(min_size=1, max_size=self.actors),
                num_cpus=1,
                max_restarts=0,
            )
        return [pickle.loads(row["item"]) for row in dataset.iter_rows()]

    def group(self, profiles: Sequence[Profile]) -> list[list[str]]:
        """Stories of the profiles, as one Ray task."""
        task = self._ray.remote(_group)
        stories: list[list[str]] = self._ray.get(task.remote(list(profiles), self.grouping))
        return stories

    def judge(self, stories: Sequence[tuple[Sequence[Document], Sequence[Claim]]]) -> list[Result]:
        """One Ray task per story, each given the vectors of its claims from the store."""
        from ..align import embedding_text

        ray = self._ray
        task = ray.remote(_judge)
        refs = []
        for documents, claims in stories:
            vectors = self.store.cache.get_vectors(self.identity, [embedding_text(c) for c in claims])
            refs.append(task.remote(list(documents), list(claims), vectors, self.encoder_name, self.identity,
                                    self.rules_dir, self.settings))
        return list(ray.get(refs))

    def close(self) -> None:
        """Stop the local Ray instance this engine started (a cluster it joined keeps running)."""
        if self._started:
            self._ray.shutdown()
            self._started = False
