"""End-to-end findings on the seed stories, with the real bundled model."""

from __future__ import annotations

from conftest import SEEDS


def _span(result, claim_id):  # type: ignore[no-untyped-def]
    c = result.claim(claim_id)
    return result.document(c.doc).name, c.text


def test_el_salto_tweet_contradicts_the_governor_on_attackers_killed(seed_results):
    result = seed_results["el-salto"]
    [finding] = [f for f in result.of_kind("contradiction") if f.conflicts[0].slot == "count.attackers.killed"]
    spans = {_span(result, cid): finding.conflicts[0].values[cid] for cid in finding.claims}
    assert spans[("el-salto-mexicorojo-tweet.txt", "4 secuestradores fueron abatidos")] == 4
    assert spans[("el-salto-breitbart.txt", "eight gunmen died")] == 8
    governor = next(c for c in map(result.claim, finding.claims) if c.text == "eight gunmen died")
    assert governor.attribution == "Jalisco Governor Enrique Alfaro"
    tweet = next(c for c in map(result.claim, finding.claims) if c.doc == "d1")
    assert tweet.attribution == "México Código Rojo (@MexicoRojo1)"
    # contradicted, so not also listed as what only the article says
    assert not [f for f in result.of_kind("unique") if governor.id in f.claims]


def test_el_salto_police_deaths_agree_across_languages(seed_results):
    result = seed_results["el-salto"]
    texts = [{result.claim(c).text for c in f.claims} for f in result.of_kind("agreement")]
    assert any("4 policías murieron" in t and "When backup arrived, the gunmen managed to kill four officers" in t
               for t in texts)


def test_el_salto_has_no_contradiction_between_different_participants(seed_results):
    """4 police died and 8 gunmen died are different participants: never a contradiction. The two
    sources' totals differ (the tweet's 8 dead, 4 police and 4 kidnappers, against Breitbart's 12)
    because the attackers do: one finding, the attackers'; the Key facts show the totals apart."""
    result = seed_results["el-salto"]
    slots = [c.slot for f in result.of_kind("contradiction") for c in f.conflicts]
    assert slots == ["count.attackers.killed"]
    total = {r.field: r for r in result.facts}["killed"]
    assert total.status == "contradiction" and sorted(v.value for v in total.values.values()) == [8, 12]


def test_el_salto_key_facts_set_the_tweet_against_the_governor(seed_results):
    """The fact sheet: the tweet's 4 kidnappers killed against the governor's eight gunmen, the 4 police
    agreeing; each value quotes its words."""
    result = seed_results["el-salto"]
    rows = {r.field: r for r in result.facts}
    tweet, article = (d.id for d in result.documents)
    attackers = rows["killed:attackers"]
    assert attackers.status == "contradiction"
    assert (attackers.values[tweet].value, attackers.values[article].value) == (4, 8)
    assert attackers.values[article].text == "eight gunmen"
    assert rows["killed:police"].status == "agree"
    assert rows["killed:police"].values[tweet].value == rows["killed:police"].values[article].value == 4
    for row in result.facts:
        for doc, value in row.values.items():
            assert result.document(doc).text[value.start : value.end] == value.text


def test_guanajuato_pair_has_no_contradiction(seed_results):
    assert seed_results["guanajuato"].of_kind("contradiction") == []


def test_every_claim_is_in_a_finding_and_conflicts_cite_their_claims(seed_results):
    for result in seed_results.values():
        cited = {cid for f in result.findings for cid in f.claims}
        assert cited == {c.id for c in result.claims}
        for f in result.findings:
            for conflict in f.conflicts:
                assert set(conflict.values) <= set(f.claims)


def test_offsets_round_trip_in_every_report(seed_results):
    for result in seed_results.values():
        for c in result.claims:
            path = next(d.path for d in result.documents if d.id == c.doc)
            with open(path, encoding="utf-8", newline="") as fh:
                assert fh.read()[c.start : c.end] == c.text


def test_unique_details_name_their_source(seed_results):
    result = seed_results["guanajuato"]
    uniques = {result.claim(f.claims[0]).text for f in result.of_kind("unique")}
    assert any(t.startswith("Mexico City's chief of police was shot and injured") for t in uniques)
    assert (SEEDS / "guanajuato-ward.txt").exists()
