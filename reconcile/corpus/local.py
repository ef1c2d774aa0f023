"""The local engine: analysis, grouping and judging in this process, one batch of articles at a time."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..embed import Encoder, load_encoder
from ..grouping import GroupingSettings, Profile, group
from ..model import Claim, Document, Result, Settings
from ..rules import load_rules
from .analysis import Analysed, analyse_batch
from .inputs import Article
from .store import Store
from .story import judge_story

__all__ = ["LocalEngine"]


class LocalEngine:
    """Runs every step here; the encoder is loaded on first use, and only if something needs encoding."""

    name = "local"

    def __init__(
        self,
        store: Store,
        *,
        model: str | None,
        rules_dir: str | None,
        settings: Settings,
        grouping: GroupingSettings,
        sources: str | Path,
        encoder: Encoder | None = None,
    ) -> None:
        self.store = store
        self.model = model
        self.rules = load_rules(rules_dir)
        self.settings = settings
        self.grouping = grouping
        self.sources = sources
        self.encoder = encoder or load_encoder(model, batch_size=settings.batch_size)

    @property
    def identity(self) -> str:
        """The key the encoder's vectors are stored under."""
        return str(getattr(self.encoder, "identity", None) or self.encoder.name)

    def analyse(self, articles: Sequence[Article]) -> list[Analysed]:
        """Read, analyse and embed a batch; claims and vectors land in the store's cache as they are made."""
        return analyse_batch(
            articles, rules=self.rules, settings=self.settings, encoder=self.encoder, cache=self.store.cache,
            model=self.model, sources=self.sources,
        )

    def group(self, profiles: Sequence[Profile]) -> list[list[str]]:
        """Stories of the profiles."""
        return group(profiles, self.grouping)

    def judge(self, stories: Sequence[tuple[Sequence[Document], Sequence[Claim]]]) -> list[Result]:
        """Each story's result, its vectors read from the store."""
        return [
            judge_story(docs, claims, rules=self.rules, settings=self.settings, encoder=self.encoder,
                        cache=self.store.cache)
            for docs, claims in stories
        ]

    def close(self) -> None:
        """Nothing to stop."""
