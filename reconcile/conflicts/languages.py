"""An English and a Spanish claim the alignment put together: their words cannot be lined up, so
the typed facts the rules read in both are compared: one figure, date, place or denial each."""

from __future__ import annotations

from ..memo import read_once
from ..model import Tally
from ..rules import Lexicon
from .figures import both_facts, noun_after, number_slot, same_thing
from .pair import Clash, Pair, claim_text
from .polarity import denials

__all__ = ["compare_languages"]


def compare_languages(pair: Pair, lexicon: Lexicon, tally: Tally) -> list[Clash]:
    """An English and a Spanish claim the alignment put together: one figure, date, place or denial each."""
    a, b, ua, ub = pair.a, pair.b, pair.ua, pair.ub
    out: list[Clash] = []
    for key in sorted({u.key for u in ua if u.number} & {u.key for u in ub if u.number}):
        xs = [k for k, u in enumerate(ua) if u.key == key]
        ys = [k for k, u in enumerate(ub) if u.key == key]
        if len(xs) != 1 or len(ys) != 1:
            continue
        tally.numbers += 1
        x, y = ua[xs[0]], ub[ys[0]]
        nx, ny = noun_after(ua, xs[0], lexicon), noun_after(ub, ys[0], lexicon)
        if x.compatible(y) or not same_thing(nx, ny, lexicon):
            continue
        if not both_facts(a, x, b, y, lexicon):
            continue
        nouns = lexicon.counts.nouns
        typed = nx is not None and ny is not None and any(w in nouns for w in (nx + " " + ny).lower().split())
        slot, label = number_slot(a, ua, xs[0], lexicon)
        out.append(Clash(slot, label, (x.value(), y.value()), ((x.start, x.end), (y.start, y.end)),
                         0.75 if typed or key != "#" else 0.6))
    if len(a.facts.dates) == 1 and len(b.facts.dates) == 1:
        tally.dates += 1
        da, db = a.facts.dates[0], b.facts.dates[0]
        if not da.compatible(db):
            out.append(Clash("date", "Date", (da.text, db.text), ((da.start, da.end), (db.start, db.end)), 0.7))
    places_a = [e for e in a.facts.entities if e.kind == "place"]
    places_b = [e for e in b.facts.entities if e.kind == "place"]
    if len(places_a) == 1 and len(places_b) == 1:
        tally.names += 1
        pa, pb = places_a[0], places_b[0]
        if pa.text.lower() != pb.text.lower() and not ({pa.text.lower()} & {e.text.lower() for e in b.facts.entities}):
            out.append(Clash("place", "Place", (pa.text, pb.text), ((pa.start, pa.end), (pb.start, pb.end)), 0.6))
    cues_a = read_once("cues", a, lexicon, lambda: denials(a, ua, lexicon))
    cues_b = read_once("cues", b, lexicon, lambda: denials(b, ub, lexicon))
    tally.negations += len(cues_a) + len(cues_b)
    if bool(cues_a) != bool(cues_b):
        claim, us, (k, m) = (a, ua, cues_a[0]) if cues_a else (b, ub, cues_b[0])
        denial = (us[k].start, us[m].end)
        other = b if claim is a else a
        whole = (other.start, other.end)
        values = (claim_text(claim, denial), other.text) if claim is a else (other.text, claim_text(claim, denial))
        spans = (denial, whole) if claim is a else (whole, denial)
        out.append(Clash("polarity", "Negation", values, spans, 0.6))
    return out

