"""Which model a comparison needs: the fast English one when every word is English, else the multilingual one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Claim, Document
from .models import MINILM, ModelSpec, bundled

__all__ = ["Choice", "choose"]

#: language names for the report's one line of explanation
_NAMES = {"en": "English", "es": "Spanish"}


@dataclass(frozen=True)
class Choice:
    """The model a comparison runs with, and the one-line reason shown in the report."""

    model: str
    reason: str


def choose(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    *,
    model: str | None = None,
    default: ModelSpec = MINILM,
    multilingual: ModelSpec | None = None,
) -> Choice:
    """``model`` if one was asked for; else ``default`` when it reads every document and claim, else the multilingual.

    A claim counts on its own: a Spanish tweet quoted in an English article needs the multilingual model.

    >>> from reconcile.model import Claim, Document
    >>> docs = [Document("d1", "a.txt", "x"), Document("d2", "b.txt", "y", language="es")]
    >>> choose(docs, []).model
    'multilingual-e5-small'
    >>> choose(docs[:1], [Claim("d1.c1", "d1", "Cuatro policías murieron", 0, 24, language="es")]).reason
    'a.txt has 1 claim in Spanish'
    >>> choose(docs, [], model="all-MiniLM-L6-v2").reason
    '--model all-MiniLM-L6-v2'
    """
    if model is not None:
        return Choice(model=(bundled(model) or MINILM).name if bundled(model) else model, reason=f"--model {model}")
    other = multilingual or bundled("multilingual-e5-small")
    assert other is not None
    foreign_docs = [d for d in documents if not default.reads(d.language)]
    if foreign_docs:
        d = foreign_docs[0]
        return Choice(other.name, f"{d.name} is in {_NAMES.get(d.language, d.language)}")
    names = {d.id: d.name for d in documents}
    foreign = Counter((c.doc, c.language) for c in claims if not default.reads(c.language))
    if foreign:
        (doc, language), n = foreign.most_common(1)[0]
        where = names.get(doc, doc)
        return Choice(other.name, f"{where} has {n} claim{'s' if n != 1 else ''} in {_NAMES.get(language, language)}")
    return Choice(default.name, "every source is in English")
