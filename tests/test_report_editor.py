"""The Markdown report an editor reads (issue #22): its order, its caps and counted rest, conflicts
in an editor's words, speakers that are names or the outlet, and only substantive single-source details."""

from __future__ import annotations

import dataclasses
import datetime as dt

from reconcile.model import Claim, Conflict, DateMention, Document, Facts, Finding, Quantity, Result
from reconcile.report.digest import MAX_PER_SOURCE, MAX_WORTH, digest
from reconcile.report.markdown import WORDS_SHARE, render_markdown, words
from reconcile.report.speaker import is_plausible_speaker, speaker
from reconcile.report.substance import is_substantive
from reconcile.report.values import amount_words, conflict_headline, value_words

#: filler that makes a source long, so the word budget never cuts what a test looks at
FILLER = " ".join(["Lorem ipsum dolor sit amet."] * 800)


class Builder:
    """Two sources, claims placed by their text, findings made by hand."""

    def __init__(self, *, long: bool = True) -> None:
        self.texts = {"d1": "", "d2": ""}
        self.claims: list[Claim] = []
        self.findings: list[Finding] = []
        self.long = long

    def claim(self, doc: str, text: str, **fields: object) -> str:
        start = len(self.texts[doc])
        self.texts[doc] += text + "\n\n"
        cid = f"{doc}.c{sum(1 for c in self.claims if c.doc == doc) + 1}"
        self.claims.append(Claim(id=cid, doc=doc, text=text, start=start, end=start + len(text), **fields))  # type: ignore[arg-type]
        return cid

    def span(self, cid: str, words: str) -> tuple[int, int]:
        c = next(c for c in self.claims if c.id == cid)
        at = c.text.index(words)
        return c.start + at, c.start + at + len(words)

    def result(self) -> Result:
        filler = FILLER if self.long else ""
        docs = (
            Document(id="d1", path="seeds/a-times.txt", text=self.texts["d1"] + filler, title="A headline",
                     date=dt.date(2024, 3, 24)),
            Document(id="d2", path="seeds/b-post.txt", text=self.texts["d2"] + filler, date=dt.date(2024, 3, 25)),
        )
        return Result(documents=docs, claims=tuple(self.claims), findings=tuple(self.findings), model="test")


def _sections(md: str) -> list[str]:
    return [line.split(" (")[0] for line in md.splitlines() if line.startswith("## ")]


def test_sections_come_in_the_editors_order_and_the_summary_counts_what_they_list() -> None:
    b = Builder()
    a1 = b.claim("d1", "Police said four officers were killed in the attack on Friday.")
    b1 = b.claim("d2", "Police said eight officers were killed in the attack on Friday.")
    b.findings.append(Finding("contradiction", (a1, b1), 0.9, "r", (Conflict("number.officers", {a1: 4, b1: 8}),)))
    a2 = b.claim("d1", "The mayor visited the scene of the attack later that night.")
    b2 = b.claim("d2", "The mayor visited the scene of the attack later in the night.")
    b.findings.append(Finding("agreement", (a2, b2), 0.95, "same"))
    a3 = b.claim("d1", "The governor said the toll rose to twelve dead by the evening.")
    b3 = b.claim("d2", "The governor counted ten dead by the evening of the attack.")
    b.findings.append(Finding("update", (a3, b3), 0.8, "Killed: 12 vs 10 (a later figure: a-times.txt)",
                              (Conflict("number.dead", {a3: 12, b3: 10}),)))
    a4 = b.claim("d1", "Witnesses said the gunmen fled north in a grey pickup truck.")
    b4 = b.claim("d2", "Witnesses said the gunmen fled south in a grey pickup truck.")
    b.findings.append(Finding("contradiction", (a4, b4), 0.4, "r", (Conflict("opposite", {a4: "north", b4: "south"}),)))
    only = b.claim("d2", "The attackers left 43 spent shell casings on the road near the bridge.")
    b.findings.append(Finding("unique", (only,), 1.0, "only"))
    md = render_markdown(b.result())
    assert md.startswith("# A headline\n")
    assert _sections(md) == ["## Key facts", "## Contradictions", "## Updates", "## Worth checking", "## Confirmed",
                             "## Only in one source"][1:]  # no key facts were read in this hand-made result
    assert ("**Summary:** 2 sources, 1 contradiction, 1 update, 1 fact confirmed, 1 worth checking; model test."
            in md)
    assert "## Contradictions (1)" in md and "## Updates (1)" in md and "## Worth checking (1)" in md
    assert "Why an update: a later figure: a-times.txt." in md
    assert "43 spent shell casings" in md


def test_a_weak_conflict_is_never_counted_as_a_contradiction() -> None:
    b = Builder()
    a = b.claim("d1", "The company paid $7.7 billion for the shipyard in Halifax last year.")
    c = b.claim("d2", "The company paid $50 billion for the shipyard in Halifax last year.")
    b.findings.append(Finding("contradiction", (a, c), 0.45, "r",
                              (Conflict("money", {a: 7.7e9, c: 5e10}, "Amount", {a: b.span(a, "$7.7 billion"),
                                                                                    c: b.span(c, "$50 billion")}),)))
    md = render_markdown(b.result())
    assert "0 contradictions" in md and "1 worth checking" in md
    assert "- Amount: $7.7 billion vs $50 billion: " in md


def test_the_same_pair_in_several_findings_is_listed_once() -> None:
    b = Builder()
    a = b.claim("d1", "Four police officers were killed in the ambush on the highway.")
    c = b.claim("d2", "Eight police officers were killed in the ambush on the highway.")
    conflict = Conflict("count.police.killed", {a: 4, c: 8}, "Police killed")
    b.findings += [Finding("contradiction", (a, c), 0.9, "judge", (conflict,)),
                   Finding("contradiction", (c, a), 0.85, "sheet", (conflict,))]
    view = digest(b.result())
    assert len(view.contradictions) == 1 and view.contradictions[0].reason == "judge"
    assert render_markdown(b.result()).count("### ") == 1


def test_worth_checking_is_capped_ranked_and_the_rest_counted() -> None:
    b = Builder()
    for n in range(MAX_WORTH + 3):
        a = b.claim("d1", f"The convoy carried {n + 10} trucks of food through the pass on Monday.")
        c = b.claim("d2", f"The convoy carried {n + 100} trucks of food through the pass on Monday.")
        b.findings.append(Finding("contradiction", (a, c), 0.3 + n / 100, "r",
                                  (Conflict("number.trucks", {a: n + 10, c: n + 100}, "Trucks"),)))
    md = render_markdown(b.result())
    section = md.split("## Worth checking")[1].split("## Confirmed")[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(lines) == MAX_WORTH
    assert "confidence 0.42" in lines[0] and "confidence 0.33" in lines[-1]  # surest first
    assert "… and 3 more in the JSON report." in section


def test_agreements_sharing_a_claim_are_one_confirmed_fact() -> None:
    b = Builder()
    a = b.claim("d1", "The bridge reopened to traffic on Sunday morning after repairs.")
    c1 = b.claim("d2", "The bridge reopened to traffic on Sunday morning.")
    c2 = b.claim("d2", "Traffic crossed the bridge again on Sunday morning after the repairs.")
    b.findings += [Finding("agreement", (a, c1), 0.9, "same"), Finding("agreement", (a, c2), 0.8, "same")]
    md = render_markdown(b.result())
    confirmed = md.split("## Confirmed (1)")[1].split("## Only")[0]
    assert [line for line in confirmed.splitlines() if line.startswith("- ")] == [
        "- “The bridge reopened to traffic on Sunday morning.”: [a-times.txt:1](seeds/a-times.txt#L1), "
        "[b-post.txt:1](seeds/b-post.txt#L1)"
    ]


def test_only_substantive_details_are_listed_ranked_and_capped_per_source() -> None:
    b = Builder()
    noise = [
        "his body dumped on a highway.",  # a clause cut from its sentence
        "tweeting that the memos",  # a fragment: no verb
        "First paragraph (index) is missing.",  # a scraper's note
        "Stay tuned to THV11 and THV11.com for more information.",  # the site's note
        "Officials said in a statement on Monday.",  # a bare tag
        "Investigators work outside a travel trailer on Wednesday, June 22, 2016.",  # a photo caption
        "Related Coverage From Our Newsroom Today",  # a section header
    ]
    for text in noise:
        b.findings.append(Finding("unique", (b.claim("d1", text),), 1.0, "only"))
    plain = ["The committee will meet again to discuss the plan."] * MAX_PER_SOURCE
    for text in plain:
        b.findings.append(Finding("unique", (b.claim("d1", text),), 1.0, "only"))
    figure = b.claim("d1", "The fire destroyed 120 homes and forced 3,000 people to leave.")
    b.findings.append(Finding("unique", (figure,), 1.0, "only"))
    md = render_markdown(b.result())
    section = md.split("### a-times.txt")[1].split("###")[0]
    listed = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(listed) == MAX_PER_SOURCE
    assert "120 homes" in listed[0]  # numbers first
    assert not [line for line in listed for text in noise if text[:15] in line]
    total = len(noise) + len(plain) + 1
    assert f"### a-times.txt ({total})" in md
    assert f"… and {total - MAX_PER_SOURCE} more in the JSON report." in section


def test_a_detail_another_source_prints_is_not_unique() -> None:
    b = Builder()
    b.claim("d2", "Residents were told to boil their water until Friday, the city said in its notice.")
    mine = b.claim("d1", "Residents were told to boil their water until Friday")
    view = digest(b.result())
    d1 = dict(view.details)["d1"]
    assert mine not in {c.id for c in d1}
    doc = b.result().document("d1")
    claim = next(c for c in b.claims if c.id == mine)
    assert is_substantive(claim, doc) and not is_substantive(claim, doc, [b.claims[0].text])


def test_values_in_an_editors_words() -> None:
    b = Builder()
    a = b.claim("d1", "The talks began on March 23 in Geneva with both delegations present.")
    c = b.claim("d2", "The talks began on March 8 in Geneva with both delegations present.")
    sa, sc = b.span(a, "23"), b.span(c, "8")
    days = {a: DateMention("March 23", sa[0] - 6, sa[1], month=3, day=23),
            c: DateMention("March 8", sc[0] - 6, sc[1], month=3, day=8)}
    b.claims = [dataclasses.replace(cl, facts=Facts(dates=(days[cl.id],))) for cl in b.claims]
    date = Conflict("date", {a: 23, c: 8}, "Date", {a: sa, c: sc})  # the judge gives the days of the month
    assert conflict_headline(date, b.result()) == "Date: March 23 vs March 8"
    assert amount_words(7.7e9, "$7.7 billion") == "$7.7 billion"
    assert amount_words(5e10, "50.000 millones de dólares") == "$50 billion"
    k = Builder()
    four = Quantity(4, "exact", "police officers", "police", "killed", "Four police officers", 0, 20)
    x = k.claim("d1", "Four police officers were killed in the ambush.", facts=Facts(quantities=(four,)))
    cx = next(cl for cl in k.claims if cl.id == x)
    count = Conflict("count.police.killed", {x: 4}, "Police killed", {x: (cx.start, cx.start + 20)})
    assert value_words(count, cx, k.result().document("d1")) == "4 police officers"
    neg = Conflict("polarity", {x: "killed"}, "Negation", {x: (cx.start, cx.end)})
    assert value_words(neg, cx, k.result().document("d1")) == "“Four police officers were killed in the ambush.”"


def test_speakers_are_names_or_the_outlet_never_a_fragment() -> None:
    assert not is_plausible_speaker("the United")
    assert is_plausible_speaker("the Associated Press") and is_plausible_speaker("a witness")
    b = Builder()
    frag = b.claim("d1", "The $1.7 billion payment was cash held in frozen accounts.", attribution="the United")
    none = b.claim("d2", "The payment was cash held in frozen accounts abroad.")
    result = b.result()
    assert speaker(result.claim(frag), result.document("d1")) == "a-times"
    assert speaker(result.claim(none), result.document("d2")) == "b-post"
    named = b.claim("d1", "The ambush killed four officers.", attribution="Jalisco Governor Enrique Alfaro")
    assert speaker(b.result().claim(named), result.document("d1")) == "Jalisco Governor Enrique Alfaro"


def test_the_report_keeps_to_half_its_sources_and_counts_what_it_leaves_out() -> None:
    b = Builder(long=False)
    for n in range(30):
        b.findings.append(Finding("unique", (b.claim("d1", f"The council approved budget line {n} for the new "
                                                          "school buildings in the district."),), 1.0, "only"))
    result = b.result()
    md = render_markdown(result)
    source_words = sum(words(d.text) for d in result.documents)
    assert words(md) <= WORDS_SHARE * source_words
    shown = sum(1 for line in md.splitlines() if line.startswith("- "))
    assert 0 < shown < 30 and f"… and {30 - shown} more in the JSON report." in md


def test_one_sentence_against_several_is_one_thing_to_check() -> None:
    b = Builder()
    denial = b.claim("d1", "The adviser said the talks were not on the Iran deal or policy issues.")
    for text in ("The talks included the Iran nuclear deal and its future.",
                 "The Iran deal was a disaster for the region, he told the press.",
                 "Iran was a problem in the region, the leaders agreed at the talks."):
        other = b.claim("d2", text)
        b.findings.append(Finding("contradiction", (denial, other), 0.5 - len(b.findings) / 100, "r",
                                  (Conflict("polarity", {denial: "not on the Iran", other: "Iran"}, "Negation"),)))
    view = digest(b.result())
    assert len(view.worth) == 1 and view.worth[0].pairs == 3
    md = render_markdown(b.result())
    assert "1 worth checking" in md and "## Worth checking (1)" in md
    line = next(line for line in md.splitlines() if line.startswith("- Opposite statements:"))
    assert "(confidence 0.50; 3 pairs of sentences)" in line and line.count("](seeds/") == 4


def test_quotes_need_a_speaker_and_contractions_are_verbs() -> None:
    doc = Document(id="d1", path="a.txt", text="x")

    def claim(text: str, **fields: object) -> Claim:
        return Claim(id="d1.c1", doc="d1", text=text, start=0, end=len(text), **fields)  # type: ignore[arg-type]

    assert not is_substantive(claim("`` If I could give you more , I would ."), doc)  # whose words?
    assert is_substantive(claim("`` Everyone was respectful , `` said Juror No. 8 , one of the women ."), doc)
    assert is_substantive(claim("If I could give you more, I would.", quoted=True, attribution="Judge Hilton Fuller"),
                          doc)
    assert is_substantive(claim("There 's definitely a lot of damage to the church ."), doc)
    assert not is_substantive(claim("Solomon's mother and her two younger brothers from Homestead"), doc)
