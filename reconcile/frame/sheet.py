"""The frames of a story side by side: one row per key fact, each source's value, and whether they
agree, contradict each other, or a later report updates an earlier one.

- counts as intervals ("at least 7" holds 9; "about 20" holds 22);
- days, equal or not;
- places by their names: one that the other document names too, or that shares a name with the
  other's, is no conflict (a city and its county or state), and one whose region is unknown is set
  against none (a neighbourhood and its city);
- people by name (one person however each source writes the name: "Edgar Sanchez" and "Edgar Sanchez
  Rios"; two given names of one family are two people): their ages, what happened to them, and how
  their given name is spelt.
A difference is an **update** where the documents' dates differ (the later one supersedes) or the
later figure is worded as a revision ("rose to"), else a **contradiction**. Every such row is also
a finding, with the claims behind both values, whether or not those sentences ever lined up.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..facts import latest_year
from ..model import (
    COUNT_FIELDS,
    WEEKDAYS,
    Conflict,
    Document,
    FactRow,
    FactStatus,
    Finding,
    Frame,
    Person,
    Stated,
    bound_interval,
)
from .people import same_person, spelt_otherwise

__all__ = ["LABELS", "fact_sheet", "sheet_findings"]

#: each field in an editor's words
LABELS = {"killed": "Killed", "injured": "Injured", "arrested": "Arrested", "date": "When", "weekday": "Day",
          "place": "Where"}

#: how sure a difference on each kind of fact is, before issue 21's calibration
_CONFIDENCE = {"count": 0.8, "date": 0.65, "weekday": 0.55, "place": 0.5, "age": 0.8, "status": 0.6, "name": 0.55}


def _label(field: str) -> str:
    """ "killed:police" -> "Killed (police)"."""
    base, _, cls = field.partition(":")
    return f"{LABELS.get(base, base.capitalize())} ({cls})" if cls else LABELS.get(base, base.capitalize())


def _interval(value: Stated) -> tuple[float, float]:
    return bound_interval(float(value.value) if isinstance(value.value, int) else 0.0, value.bound, (0.85, 1.15))


def _compatible(a: Stated, b: Stated) -> bool:
    """Whether two counts can both be true: as intervals, where they count the same people; a count of
    one class ("4 officers") is a part of a count of everyone, and holds with any count of another
    class ("3 gunmen")."""
    (la, ha), (lb, hb) = _interval(a), _interval(b)
    if a.counts == b.counts:
        return la <= hb and lb <= ha
    if a.counts is not None and b.counts is not None:
        return True
    part, whole = (a, b) if a.counts is not None else (b, a)
    return _interval(part)[0] <= _interval(whole)[1]


def _later(docs: Sequence[str], dates: Mapping[str, dt.date | None]) -> bool:
    """Whether the documents carry dates and not all the same one: a difference between them may be news."""
    known = {dates[d] for d in docs if dates.get(d) is not None}
    return len(known) > 1


def _status(differs: bool, docs: Sequence[str], dates: Mapping[str, dt.date | None], revised: bool) -> FactStatus:
    if len(docs) < 2:
        return "one source"
    if not differs:
        return "agree"
    return "update" if revised or _later(docs, dates) else "contradiction"


def _count_rows(frames: Sequence[Frame], dates: Mapping[str, dt.date | None], revised: set[str],
                names: Mapping[str, str]) -> list[FactRow]:
    fields = sorted({f for fr in frames for f in fr.counts}, key=lambda f: (
        COUNT_FIELDS.index(f.partition(":")[0]) if f.partition(":")[0] in COUNT_FIELDS else 9, ":" in f, f))
    said = {fr.doc: fr.said for fr in frames}
    by_doc = {fr.doc: fr for fr in frames}
    rows = []
    for field in fields:
        values = {fr.doc: fr.counts[field] for fr in frames if field in fr.counts}
        firm = {doc: v for doc, v in values.items() if v.firm}
        docs = list(firm)
        differs = any(
            _in_conflict(firm[a], firm[b], said[a].get(field, ()), said[b].get(field, ()))
            and not (field == "injured" and _dead_among_hurt(by_doc[a], by_doc[b]))
            for k, a in enumerate(docs) for b in docs[k + 1 :]
        )
        # a source that tells of nobody arrested (yet)
        arrests = field.partition(":")[0] == "arrested"
        zero = next((doc for doc, v in firm.items() if v.value == 0), None) if arrests else None
        if field == "arrested" and zero is not None:
            # nobody arrested, against someone another source names as arrested or charged: a later arrest
            named = []
            for fr in frames:
                held = [p for p in fr.people if p.status in ("arrested", "charged")]
                if fr.doc in firm or not held:
                    continue
                named.append(fr.doc)
                if fr.doc not in values:  # charged only: at least the people charged were held
                    p = held[0]
                    values[fr.doc] = Stated(len(held), p.text, p.start, p.end, p.claim, "at_least", firm=False)
            if named:
                differs, docs = True, [*docs, *named]
        why = ""
        worded = next((doc for doc, v in firm.items() if v.claim in revised), None)
        if worded is not None:
            why = f"{names.get(worded, worded)} words its figure as a revision"
        elif zero is not None:
            # nobody arrested is nobody arrested yet: a later arrest supersedes it, it does not contradict it
            why = f"{names.get(zero, zero)} tells of nobody arrested yet"
        elif differs and len({by_doc[d].later for d in docs}) > 1:
            # one report of the story's later stage (the courts) against first reports: its figure is news
            later = next(d for d in docs if by_doc[d].later)
            why = f"{names.get(later, later)} reports a later stage of the story (the courts)"
        elif differs and _later(docs, dates):
            last = max(docs, key=lambda d: dates.get(d) or dt.date.min)
            why = f"{names.get(last, last)} is the later report ({dates[last]})"
        status = _status(differs, docs, dates, bool(why))
        rows.append(FactRow(field, _label(field), status, values, why if status == "update" else ""))
    return rows


def _dead_among_hurt(a: Frame, b: Frame) -> bool:
    """Whether one document's wounded may count the other's dead too: "four people were injured" (two
    of whom died) against "one killed and three hurt" tell of the same four people hit."""
    for x, y in ((a, b), (b, a)):
        hurt, other_hurt, other_dead = x.counts.get("injured"), y.counts.get("injured"), y.counts.get("killed")
        if hurt is None or other_hurt is None or other_dead is None:
            continue
        values = [v.value for v in (hurt, other_hurt, other_dead)]
        if not all(isinstance(v, int) for v in values):
            continue
        low, high = _interval(other_dead)
        if float(values[1]) + low <= float(values[0]) <= float(values[1]) + high:
            return True
    return False


def _in_conflict(a: Stated, b: Stated, said_a: tuple[int, ...], said_b: tuple[int, ...]) -> bool:
    """Whether two documents' figures for one field cannot both be true: as intervals, and neither
    document gives the other's figure anywhere (then the two tell of parts, or of an update)."""
    if _compatible(a, b) or a.total != b.total:
        return False  # "a total of 50" may count what "49 people" leaves out (the gunman)
    return b.value not in said_a and a.value not in said_b


#: abbreviations a place's name is written with ("Mt Cook", "St. Louis", "Ft. Worth")
_ABBREVIATIONS = {"mt": "mount", "st": "saint", "ft": "fort"}


def _place_words(value: str) -> set[str]:
    words = {w.lower().rstrip(".") for w in re.findall(r"[^\W\d_][\w'’.-]*", value)}
    return {_ABBREVIATIONS.get(w, w) for w in words} - {"county", "parish", "city", ""}


def _spelt_out(text: str) -> str:
    """A text with the abbreviations of place names spelt out, lower case ("Mt. Cook" -> "mount cook")."""
    return re.sub(r"\b(mt|st|ft)\b\.?", lambda m: _ABBREVIATIONS[m.group(1)], text.lower())


def _place_row(frames: Sequence[Frame], texts: Mapping[str, str], dates: Mapping[str, dt.date | None]) -> FactRow:
    values = {fr.doc: fr.place for fr in frames if fr.place is not None}
    differs = False
    docs = list(values)
    spelt = {doc: _spelt_out(texts[doc]) for doc in docs}
    for k, a in enumerate(docs):
        for b in docs[k + 1 :]:
            if not (values[a].firm and values[b].firm):
                continue  # a place without its region may lie inside the other ("Englewood" in Chicago)
            wa, wb = _place_words(str(values[a].value)), _place_words(str(values[b].value))
            if wa & wb:
                continue
            first_a = str(values[a].value).split(",")[0]
            first_b = str(values[b].value).split(",")[0]
            if _spelt_out(first_a) in spelt[b] or _spelt_out(first_b) in spelt[a]:
                continue  # the other document names that place too: a part of it, or where it is
            differs = True
    return FactRow("place", LABELS["place"], _status(differs, docs, {}, False) if differs or len(docs) < 2
                   else "agree", values)


def _one_night(a: int, part_a: str, b: int, part_b: str) -> bool:
    """Whether day ``b`` (a count of days) is the day after ``a`` and the two times one night: "Friday
    night" and "early Saturday"."""
    return b - a == 1 and part_a == "late" and part_b == "early"


def _same_day(a: int, part_a: str, b: int, part_b: str) -> bool:
    return a == b or _one_night(a, part_a, b, part_b) or _one_night(b, part_b, a, part_a)


def _date_row(frames: Sequence[Frame]) -> FactRow:
    values = {fr.doc: fr.date for fr in frames if fr.date is not None}
    parts = {fr.doc: fr.day_part for fr in frames}
    days = {doc: dt.date.fromisoformat(str(v.value)).toordinal() for doc, v in values.items()}
    differs = any(not _same_day(days[a], parts[a], days[b], parts[b]) for a, b in itertools.combinations(days, 2))
    return FactRow("date", LABELS["date"], _status(differs, list(values), {}, False), values)


def _weekday_known(written: str) -> bool:
    """Whether the words a date was read from fix its day of the week: a weekday or a relative day
    ("Friday", "yesterday": no digit), or a whole date with its year ("May 3, 2011"); not a month and a
    day whose year was assumed ("Nov. 22")."""
    return not re.search(r"\d", written) or latest_year(written) is not None


def _weekday_row(frames: Sequence[Frame]) -> FactRow:
    """The day of the week each source gives the event, where one gives no date: a weekday alone, or
    the weekday of another's date. Two dates set against each other are the date row's."""
    values: dict[str, Stated] = {}
    for fr in frames:
        if fr.weekday is not None:
            values[fr.doc] = fr.weekday
        elif fr.date is not None and _weekday_known(fr.date.text):
            values[fr.doc] = replace(fr.date, value=WEEKDAYS[dt.date.fromisoformat(str(fr.date.value)).weekday()])
    alone = {fr.doc for fr in frames if fr.weekday is not None}
    parts = {fr.doc: fr.day_part for fr in frames}
    days = {doc: WEEKDAYS.index(str(v.value)) for doc, v in values.items()}
    differs = any(
        not any(_same_day(days[a] + shift, parts[a], days[b], parts[b]) for shift in (-7, 0, 7))
        for a, b in itertools.combinations(days, 2) if a in alone or b in alone
    )
    return FactRow("weekday", LABELS["weekday"], _status(differs, list(values), {}, False), values)


def _first_name(name: str) -> str:
    words = [w for w in name.split() if len(w.strip(".")) > 1]
    return words[0].lower() if words else ""


def _people_rows(frames: Sequence[Frame], dates: Mapping[str, dt.date | None]) -> list[FactRow]:
    """One row a person, in the order first named: the names of the story that name one person
    (``same_person``) share it, and each source's first such name is its value there."""
    groups: list[tuple[list[str], dict[str, Person]]] = []  # (names, doc -> person)
    for fr in frames:
        for p in fr.people:
            group = next((g for g in groups if any(same_person(p.name, n) for n in g[0])), None)
            if group is None:
                group = ([], {})
                groups.append(group)
            group[0].append(p.name)
            group[1].setdefault(fr.doc, p)
    rows = []
    for _, values in groups:
        people = list(values.values())
        ages = {p.age for p in people if p.age is not None}
        statuses = {p.status for p in people if p.status in ("killed", "injured")}
        names = {_first_name(p.name) for p in people}
        spelt = any(spelt_otherwise(x, y) for x in names for y in names if x < y)
        differs = len(ages) > 1 or len(statuses) > 1 or spelt
        rows.append(FactRow("person", people[0].name, _status(differs, list(values), dates, False), values))
    return rows


def fact_sheet(frames: Sequence[Frame], documents: Sequence[Document], revised: set[str] | None = None) -> tuple[
        FactRow, ...]:
    """The story's key facts, one row a fact, each source's value; ``revised``: the claims that word
    their figure as a revision ("the toll rose to five")."""
    dates = {d.id: d.date for d in documents}
    texts = {d.id: d.text for d in documents}
    rows = _count_rows(frames, dates, revised or set(), {d.id: d.name for d in documents})
    if any(fr.date for fr in frames):
        rows.append(_date_row(frames))
    if any(fr.weekday for fr in frames):
        rows.append(_weekday_row(frames))
    if any(fr.place for fr in frames):
        rows.append(_place_row(frames, texts, dates))
    rows += _people_rows(frames, dates)
    return tuple(rows)


def _conflict_kind(row: FactRow) -> str:
    if row.field == "person":
        people = [v for v in row.values.values() if isinstance(v, Person)]
        if len({p.age for p in people if p.age is not None}) > 1:
            return "age"
        if len({p.status for p in people if p.status in ("killed", "injured")}) > 1:
            return "status"
        return "name"
    if row.field in ("date", "weekday", "place"):
        return row.field
    return "count"


def _shown(value: Stated | Person, kind: str) -> int | str:
    if isinstance(value, Stated):
        return value.value
    if kind == "age":
        return value.age if value.age is not None else "not stated"
    if kind == "status":
        return value.status or "not stated"
    return value.name


def sheet_findings(rows: Sequence[FactRow], documents: Sequence[Document]) -> list[Finding]:
    """A finding for each row whose values contradict or update each other, citing the claims behind them."""
    names = {d.id: d.name for d in documents}
    # a total that differs because a class of it does ("8 killed" / "12 killed", as 4 attackers / 8) is
    # that class's conflict: its row tells it, once
    split = {r.field.partition(":")[0] for r in rows if ":" in r.field and r.status in ("contradiction", "update")}
    out = []
    for row in rows:
        if row.status not in ("contradiction", "update") or row.field in split:
            continue
        cited = {doc: v for doc, v in row.values.items() if v.claim is not None}
        if len(cited) < 2:
            continue
        kind = _conflict_kind(row)
        values = {v.claim: _shown(v, kind) for v in cited.values() if v.claim is not None}
        spans = {v.claim: (v.start, v.end) for v in cited.values() if v.claim is not None}
        if len(set(values.values())) < 2:
            continue
        label = row.label if row.field != "person" else f"{row.label}: {kind}"
        conflict = Conflict(f"fact.{row.field if row.field != 'person' else kind}", values, label, spans)
        sides = " vs ".join(f"{_shown(v, kind)} ({names.get(doc, doc)})" for doc, v in cited.items())
        reason = f"{label}: {sides}"
        if row.status == "update":
            reason += f" (a later figure: {row.why or 'a later report'})"
        out.append(Finding(row.status, tuple(values), _CONFIDENCE[kind], reason, (conflict,)))
    return out
