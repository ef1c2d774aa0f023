"""Two claims compared fact by fact (reconcile/conflicts/, reconcile/numbers.py), no model needed.

Each case asserts the clash: its slot, both values and both spans. The negatives matter as much:
paraphrases, parts of a whole, other spans of time, threats and different participants never clash.
"""

from __future__ import annotations

import pytest

from reconcile.claims import extract
from reconcile.conflicts import compare_pair, opposite_partners
from reconcile.model import Claim, Document
from reconcile.numbers import units
from reconcile.rules import load_rules

RULES = load_rules()


def one_claim(doc_id: str, text: str) -> Claim:
    claims = extract(Document(doc_id, f"{doc_id}.txt", text), RULES)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def clashes(a: str, b: str):  # type: ignore[no-untyped-def]
    ca, cb = one_claim("a", a), one_claim("b", b)
    found = compare_pair(ca, cb, RULES.lexicon)
    for clash in found:  # both spans point at the text of their own claim
        assert ca.start <= clash.spans[0][0] < clash.spans[0][1] <= ca.end
        assert cb.start <= clash.spans[1][0] < clash.spans[1][1] <= cb.end
    return ca, cb, found


CLASHES = [
    # (a, b, slot, a's value, b's value, a's span text, b's span text)
    ("The ferry carried 1,250 passengers when it ran aground off the coast.",
     "The ferry carried 2,150 passengers when it ran aground off the coast.",
     "number.passengers", 1250, 2150, "1,250", "2,150"),
    ("The hospital said the storm damaged 40 percent of its wards.",
     "The hospital said the storm damaged 14 percent of its wards.",
     "percent", 40, 14, "40 percent", "14 percent"),
    ("The council will spend $3.5 million on the new library.",
     "The council will spend $5.3 million on the new library.",
     "money", 3500000, 5300000, "$3.5 million", "$5.3 million"),
    ("Fewer than 50 families were moved out of the valley before the flood.",
     "About 200 families were moved out of the valley before the flood.",
     "number.families", 50, 200, "Fewer than 50", "About 200"),
    ("Hundreds of fans waited outside the stadium all night.",
     "About 30 fans waited outside the stadium all night.",
     "number.fans", "Hundreds of", 30, "Hundreds of", "About 30"),
    ("The strike left no one injured at the depot, the union said.",
     "The strike left three guards injured at the depot, the union said.",
     "number.injured", 0, 3, "no one", "three"),
    ("El ayuntamiento recibió 2 mil 400 solicitudes de ayuda el martes.",
     "El ayuntamiento recibió 4.200 solicitudes de ayuda el martes.",
     "number.solicitudes", 2400, 4200, "2 mil 400", "4.200"),
    ("The suspect was released on bail by the court in Leeds.",
     "The suspect was not released on bail by the court in Leeds.",
     "polarity", "released", "not released", "released", "not released"),
    ("Nobody was arrested after the protest outside the embassy.",
     "Police arrested a student after the protest outside the embassy.",
     "polarity", "Nobody was arrested", "arrested", "Nobody was arrested", "arrested"),
    ("La alcaldesa no asistió a la reunión con los vecinos del barrio.",
     "La alcaldesa asistió a la reunión con los vecinos del barrio.",
     "polarity", "no asistió", "asistió", "no asistió", "asistió"),
    # a past marker spares a loose match only: the same sentence denied is a clash at any time
    ("Pigeons were once eaten by the poor across Europe.",
     "Pigeons were never eaten by the poor across Europe.",
     "polarity", "eaten", "never eaten", "eaten", "never eaten"),
    ("Antiguamente los pobres de Europa consumían palomas.",
     "Antiguamente los pobres de Europa no consumían palomas.",
     "polarity", "consumían", "no consumían", "consumían", "no consumían"),
    ("Exports rose sharply in the third quarter, the ministry said.",
     "Exports fell sharply in the third quarter, the ministry said.",
     "opposite", "rose", "fell", "rose", "fell"),
    ("Las ventas de la empresa aumentaron en el primer trimestre del año.",
     "Las ventas de la empresa disminuyeron en el primer trimestre del año.",
     "opposite", "aumentaron", "disminuyeron", "aumentaron", "disminuyeron"),
    ("The ship docked in Rotterdam after a three-week voyage.",
     "The ship docked in Antwerp after a three-week voyage.",
     "place", "Rotterdam", "Antwerp", "Rotterdam", "Antwerp"),
    ("The award was presented by Judge Helen Park at the ceremony.",
     "The award was presented by Judge Omar Diaz at the ceremony.",
     "name", "Helen Park", "Omar Diaz", "Helen Park", "Omar Diaz"),
    ("The museum reopened on Friday after repairs to its roof.",
     "The museum reopened on Sunday after repairs to its roof.",
     "date", "Friday", "Sunday", "Friday", "Sunday"),
    ("El museo reabrió el 3 de abril tras las obras en el tejado.",
     "El museo reabrió el 13 de abril tras las obras en el tejado.",
     "date", 3, 13, "3", "13"),
    ("The runner finished second in the final race of the season.",
     "The runner finished fourth in the final race of the season.",
     "ordinal", 2, 4, "second", "fourth"),
    # an adjective and its antonym from WordNet (rules/en-antonyms.yaml)
    ("The minister gave an explicit warning to the banks on Friday.",
     "The minister gave an implicit warning to the banks on Friday.",
     "opposite", "explicit", "implicit", "explicit", "implicit"),
    # a negative prefix after a hyphen: "binding" inside "non-binding" is not another use of it
    ("The court said the ruling was non-binding for the regions.",
     "The court said the ruling was binding for the regions.",
     "opposite", "non-binding", "binding", "non-binding", "binding"),
    # the same two words before both, the other's word only in another clause
    ("The bank recaptured provisions for credit gains, with the allowance for credit losses unchanged.",
     "The bank recaptured provisions for credit losses in the quarter.",
     "opposite", "gains", "losses", "gains", "losses"),
    ("El precio del cobre marcó un máximo anual, con el precio del oro en un mínimo.",
     "El precio del cobre marcó un mínimo anual en la sesión.",
     "opposite", "máximo", "mínimo", "máximo", "mínimo"),
    # a figure of another kind in the other claim is no part of it: "$2.63" is not "the third"
    ("Adjusted earnings per share grew 1.9% in the third quarter to $2.63.",
     "Adjusted earnings per share grew 1.9% in the third quarter to $1.63.",
     "money", 2.63, 1.63, "$2.63", "$1.63"),
    ("El beneficio por acción fue de 2,63 euros en el tercer trimestre.",
     "El beneficio por acción fue de 1,63 euros en el tercer trimestre.",
     "money", 2.63, 1.63, "2,63 euros", "1,63 euros"),
    # two ranges in the same words that overlap but do not state the same ends
    ("Revenue is expected to grow 4.8% to 7.6% on a constant-currency basis.",
     "Revenue is expected to grow 4.8% to 6.6% on a constant-currency basis.",
     "percent", "4.8% to 7.6%", "4.8% to 6.6%", "4.8% to 7.6%", "4.8% to 6.6%"),
    ("Se espera que las ventas crezcan de 3% a 5% en el trimestre.",
     "Se espera que las ventas crezcan de 3% a 6% en el trimestre.",
     "percent", "3% a 5%", "3% a 6%", "3% a 5%", "3% a 6%"),
    # a figure one word away from a run of the same words, where the other claim has two of its kind
    ("The company recaptured $30 million of previous provisions for credit losses in the quarter.",
     "This reflects a $20 million recapture of previous provisions for credit losses, combined with $40 million "
     "of net charge-offs.",
     "money", 30000000, 20000000, "$30 million", "$20 million"),
    ("La empresa recuperó 30 millones de euros de provisiones previas por pérdidas de crédito en el trimestre.",
     "Esto refleja 20 millones de euros recuperados de provisiones previas por pérdidas de crédito, junto con "
     "40 millones de euros de cancelaciones netas.",
     "money", 30000000, 20000000, "30 millones de euros", "20 millones de euros"),
    # an irregular form of the denied verb; a predicate that denies what follows it
    ("The company strengthened its balance sheet by not drawing down on its revolver.",
     "The company drew down $150 million on its revolver to strengthen its balance sheet.",
     "polarity", "not drawing", "drew", "not drawing", "drew"),
    ("With the new interface, the team failed to show a direct link between attention and accuracy.",
     "With the new interface, the team showed a direct link between attention and accuracy.",
     "polarity", "failed to show", "showed", "failed to show", "showed"),
    ("The study measured the lack of impact of the subsidy on rents.",
     "The study measured the impact of the subsidy on rents.",
     "polarity", "lack of impact", "impact", "lack of impact", "impact"),
    ("El informe constata la falta de pruebas contra el alcalde.",
     "El informe constata pruebas contra el alcalde.",
     "polarity", "falta de pruebas", "pruebas", "falta de pruebas", "pruebas"),
    # opposites bearing on the same figure; "up" before a percentage is a rise
    ("Quarterly earnings per share decreased by 17% from a year earlier.",
     "Earnings per share were $0.34 in the quarter, up 17% from a year earlier.",
     "opposite", "decreased", "up", "decreased", "up"),
    ("In the filing, leverage stood above 3.5 times at year end.",
     "Leverage at year end was below 3.5 times, the company said.",
     "opposite", "above", "below", "above", "below"),
    # a hyphenated negative prefix in the same role, however the rest is worded
    ("The model adds non-conditional image information to the discriminator for prediction tasks.",
     "Our method incorporates conditional information into a network for prediction tasks.",
     "opposite", "non-conditional", "conditional", "non-conditional", "conditional"),
    # "Q4" is the fourth quarter
    ("AutoNation reported financial results for Q4 2020, with record revenue.",
     "AutoNation reported financial results for the third quarter of 2020, with record revenue.",
     "ordinal", 4, 3, "Q4", "third"),
    # what a claim leaves out ("excluding", "except") the other takes in
    ("The survey covered all regions excluding coastal towns.", "The survey covered all regions and coastal towns.",
     "polarity", "excluding coastal", "coastal", "excluding coastal", "coastal"),
    ("La encuesta cubrió todas las regiones excepto los pueblos costeros.",
     "La encuesta cubrió todas las regiones y los pueblos costeros.",
     "polarity", "excepto los pueblos", "pueblos", "excepto los pueblos", "pueblos"),
    # a bound elsewhere in the claim ("at least $6") states no figure that could be the other's
    ("Quarterly earnings per share were $5.53, and the outlook was raised from at least $6 to about $7.50.",
     "Quarterly earnings per share were $5.52, the company said.",
     "money", 5.53, 5.52, "$5.53", "$5.52"),
    ("The two brothers, aged 9 and 11, were found safe in the woods.",
     "The two brothers, aged 9, were found safe in the woods.",
     "number", "9 and 11", 9, "9 and 11", "9"),
    # the period a figure is compared over
    ("Sales rose 12% from the previous quarter, the company said.",
     "Sales rose 12% from the previous year, the company said.",
     "opposite", "quarter", "year", "quarter", "year"),
    ("Las ventas subieron 12% frente al trimestre anterior, dijo la empresa.",
     "Las ventas subieron 12% frente al año anterior, dijo la empresa.",
     "opposite", "trimestre", "año", "trimestre", "año"),
    # opposites bearing on one noun, before one and after the other
    ("The gain in the quarter was driven by decreases in new and used vehicle revenue across the U.S.",
     "The gain in the quarter was driven by new and used vehicle revenue increases across the U.S., of over 20%.",
     "opposite", "decreases", "increases", "decreases", "increases"),
    ("La mejora se debió a la caída de los ingresos por venta de autos en el país.",
     "La mejora se debió a que los ingresos por venta de autos aumentaron en el país.",
     "opposite", "caída", "aumentaron", "caída", "aumentaron"),
    # a range with the sign on its second end only, joined by a dash or a word
    ("Net sales are expected to grow 5-8% this year.", "Net sales are expected to grow 4% to 7% this year.",
     "percent", "5-8%", "4% to 7%", "5-8%", "4% to 7%"),
    ("Se espera que las ventas crezcan de 3 a 5% este año.", "Se espera que las ventas crezcan de 4 a 6% este año.",
     "percent", "3 a 5%", "4 a 6%", "3 a 5%", "4 a 6%"),
    # a condition in another clause leaves the denial a fact
    ("The board did not approve the merger on Monday, if the minutes are right.",
     "The board approved the merger on Monday.",
     "polarity", "not approve", "approved", "not approve", "approved"),
    ("La planta no cerrará en mayo, si el sindicato lo confirma.", "La planta cerrará en mayo.",
     "polarity", "no cerrará", "cerrará", "no cerrará", "cerrará"),
]


@pytest.mark.parametrize("case", CLASHES, ids=[c[2] + ":" + c[0][:30] for c in CLASHES])
def test_clash(case):
    a, b, slot, va, vb, ta, tb = case
    ca, cb, found = clashes(a, b)
    assert found, "no clash found"
    clash = found[0]
    assert clash.slot.startswith(slot)
    assert clash.values == (va, vb)
    assert a[clash.spans[0][0] : clash.spans[0][1]].endswith(ta.split()[-1])
    assert b[clash.spans[1][0] : clash.spans[1][1]].endswith(tb.split()[-1])


NO_CLASH = [
    # paraphrases
    ("Nobody was hurt when the roof of the gym fell in.", "No one was injured when the gym roof collapsed."),
    ("Ninguno de los alumnos resultó herido en el incendio.", "El incendio no dejó alumnos heridos."),
    ("The senator said the talks were not over.", "The senator said the talks were not over yet."),
    # bounds and approximations that can both hold
    ("At least 80 homes were flooded in the town.", "Ninety-one homes were flooded in the town."),
    ("About 500 runners took part in the race.", "Some 480 runners took part in the race."),
    ("The bridge cost $2 billion to build.", "The bridge cost 2,000 million dollars to build."),
    ("Se registraron 5 mil 942 contagios nuevos.", "Se registraron 5.942 contagios nuevos."),
    # a part against its whole, another span of time, a threat, other participants
    ("Two climbers have died on the mountain so far this year.", "One climber died on the mountain on Monday."),
    ("The rebels threatened to kill five hostages a day.", "The rebels killed one hostage on Monday."),
    ("Four sailors died in the storm.", "Six fishermen died in the storm."),
    # a figure denied as the old one is not stated
    ("Three people, not five as first reported, were rescued from the lake.",
     "Three people were rescued from the lake."),
    # the same names in another order; a sentence's first capital is no name
    ("Maria Lopez and Tom Reed won the award.", "Tom Reed and Maria Lopez won the award."),
    # an event day against the day of the statement
    ("Two men were arrested in a raid on Monday night.", "Two men were arrested in a raid, police said Tuesday."),
    # a claim that names both sides speaks of both
    ("The panel heard explicit and implicit threats against the witness.",
     "The panel heard implicit threats against the witness."),
    ("The report lists gains and losses for the credit unit.", "The report lists losses for the credit unit."),
    ("El precio del cobre marcó un máximo y un mínimo anual en la sesión.",
     "El precio del cobre marcó un mínimo anual en la sesión."),
    # a part stated in the other claim too, of the same kind
    ("Five officers were injured in the blast, two of them seriously.",
     "Two officers were injured in the blast."),
    # a range against a figure inside it; the same range stated again by the other claim
    ("About 200 to 300 people attended the rally in the square.", "About 250 people attended the rally in the square."),
    ("Revenue is expected to grow 4.8% to 6.6% on a constant-currency basis.",
     "Revenue is expected to grow 4.8% to 6.6% on a constant-currency basis and 3.1% to 4.9% on a reported basis."),
    ("Se espera que las ventas crezcan de 3% a 5% en el trimestre.",
     "Se espera que las ventas crezcan de 3% a 5% en el trimestre, según la empresa."),
    # a predicate that denies only with its link word: "failed" alone denies nothing here
    ("The brakes failed on the hill near the school, police said.",
     "The bus stopped on the hill near the school, police said."),
    # advice or duty states no fact; a directive "not to" denies nothing; a stopped habit is another time
    ("Scientists should not manipulate data in the study, the guide says.",
     "Scientists manipulate data in the study, the guide says."),
    ("Don't be a victim of crime on the way home, the leaflet says.",
     "Many were victims of crime on the way home, the leaflet says."),
    ("La guía dice que no debe manipular los datos del estudio.",
     "La guía dice que manipula los datos del estudio."),
    ("Police urged residents not to travel on the flooded roads.",
     "Residents travel on the flooded roads, police said."),
    ("Police urged residents to not travel on the flooded roads.",
     "Residents travel on the flooded roads, police said."),
    ("There are reasons why we don't eat certain foods anymore.",
     "Pigeons were once commonly eaten as food by the poor."),
    # a fact put in the past does not clash with a loosely matching denial of now
    ("Pigeons went from a dish at the fanciest restaurants to something Americans never eat.",
     "The article traces how pigeons went from being revered and even eaten to being pests."),
    ("Hoy en día los españoles nunca consumen palomas en los restaurantes.",
     "Antiguamente las palomas se consumían en los mejores restaurantes del país."),
    # a directive on either side: neither states the fact ("to not be" as "not to be"; "don't be" mid-sentence)
    ("Ladies, have you been molested don't be a victim of crime here are things you can do.",
     "The announcement advises women not to be a silent victim of crime and to call the police."),
    ("No seas víctima del fraude en el cajero, dice la policía.",
     "Muchos vecinos fueron víctimas del fraude en el cajero, dice la policía."),
    # a denial under a condition states no fact
    ("This is the whole thing where if people are not aware of themselves they hurt each other.",
     "The host stresses that people become aware of themselves to avoid hurting each other."),
    ("Unless the board does not approve the merger, the deal closes in May.",
     "The board approved the merger, and the deal closes in May."),
    ("Si no hay acuerdo con el sindicato, la planta cerrará en mayo.",
     "Hay acuerdo con el sindicato y la planta cerrará en mayo."),
    # "up" before a count is a particle, not a rise
    ("The courier picked up 17 packages on Monday.", "The courier's deliveries fell 17 packages short on Monday."),
    # both leave the same thing out
    ("Net profit excluding special items was $29.9 million in the quarter.",
     "Excluding special items, net profit was $29.9 million in the quarter."),
    # a range loosely put is the same range
    ("Earnings per share are expected in the range of approximately $1.30 to $1.40.",
     "Earnings per share are expected in the range of $1.30 to $1.40."),
    # the same figure one word away from the run
    ("The company recaptured $20 million of previous provisions for credit losses in the quarter.",
     "This reflects a $20 million recapture of previous provisions for credit losses, combined with $40 million "
     "of net charge-offs."),
    # a claim that names both periods speaks of both; a quarter of the year is a part of it
    ("Sales rose 12% in the quarter and 30% over the year.", "Sales rose 30% over the year."),
    ("The firm reported results for the third quarter of the year.", "The firm reported results for the year."),
    # the same range, its sign on one end or both
    ("Net sales are expected to grow 4-7% this year.", "Net sales are expected to grow 4% to 7% this year."),
    # "not only" denies nothing
    ("The storm not only flooded the port but closed the airport.",
     "The storm flooded the port and closed the airport."),
    # one name: a possessive, an apostrophe of another shape, an abbreviation
    ("The deal was signed by Iran on Monday in Vienna, officials said.",
     "The deal was signed by Iran’s Zarif on Monday in Vienna, officials said."),
    ("The letter was sent by Trump's Lawyer to the court on Monday.",
     "The letter was sent by Trump’s Lawyer to the court on Monday."),
    ("The plan was approved by the European Union in Brussels on Monday.",
     "The plan was approved by the EU in Brussels on Monday."),
    ("The plan was approved by the U.S. Senate on Monday, aides said.",
     "The plan was approved by the United States Senate on Monday, aides said."),
    # ".41" is 0.41 (the leading zero left out), and "0.41, more than five times" lists no second figure
    ("Police say his blood-alcohol level was 0.41 , more than five times the legal limit .",
     "Tests showed his blood-alcohol level was .41 ."),
    # an opposite denied is the other one ("not far" is near); an age is no "old"; a name is no direction
    ("The shooting occurred near a memorial for two youths gunned down in the park, police said.",
     "The shooting took place not far from a memorial for two youths gunned down in the park, police said."),
    ("Officials said a 10-year-old girl was killed in the quake in the province.",
     "Officials said a young girl was killed in the quake in the province."),
    ("A series of powerful earthquakes has shaken the remote eastern province of Papua on Sunday.",
     "A series of powerful earthquakes rocked Manokwari, the capital of West Papua, on Sunday."),
    # "two dozen" is 24, "dos docenas" too
    ("About two dozen protesters splintered off from the march on Monday.",
     "About 24 protesters splintered off from the march on Monday."),
    ("Unas dos docenas de manifestantes se separaron de la marcha el lunes.",
     "Unos 24 manifestantes se separaron de la marcha el lunes."),
    # a count of the rest is a part of the whole, not the whole ("three other males" and the one named)
    ("Three other males were also shot in the attack.", "Four males were shot in the attack."),
    ("Otros tres hombres resultaron heridos en el ataque.", "Cuatro hombres resultaron heridos en el ataque."),
    # a fixed expression is one word: "sin embargo" (however) is no "sin" against "con"
    ("Sin embargo, la empresa cerró sus oficinas en Madrid el lunes.",
     "Con todo, la empresa cerró sus oficinas en Madrid el lunes."),
]


@pytest.mark.parametrize("pair", NO_CLASH, ids=[p[0][:40] for p in NO_CLASH])
def test_no_clash(pair):
    _, _, found = clashes(*pair)
    assert found == [], [(c.slot, c.values) for c in found]


def test_fixed_expressions_are_one_unit() -> None:
    """WordNet's "no doubt" (rules/en-multiword.yaml) and the languages' own ("sin embargo") are read
    as one word, with their span; a denial that stands ("not guilty") is still read word by word."""
    def keys(doc: str, text: str) -> list[tuple[str, str]]:
        claim = one_claim(doc, text)
        return [(u.key, text[u.start - claim.start : u.end - claim.start]) for u in units(claim, RULES.lexicon)]

    assert ("no doubt", "no doubt") in keys("a", "There is no doubt the plant was closed in May.")
    assert ("sin embargo", "Sin embargo") in keys("b", "Sin embargo, la empresa cerró sus oficinas.")
    assert [k for k, _ in keys("c", "He was found not guilty on Monday.")][2:5] == ["found", "not", "guilty"]


def test_a_name_swap_needs_two_names() -> None:
    _, _, found = clashes("The plan was approved by Germany in Brussels on Monday.",
                          "The plan was approved by France in Brussels on Monday.")
    assert [(c.slot, c.values) for c in found] == [("name", ("Germany", "France"))]


def test_update_marks():
    _, _, found = clashes("Nine people were taken to hospital after the crash.",
                          "Eleven people, not nine as first reported, were taken to hospital after the crash.")
    assert [(c.values, c.marked) for c in found] == [((9, 11), (False, True))]


def test_a_revision_word_marks_only_the_value_it_bears_on():
    """"later" in another part of the sentence revises nothing: the denial is a contradiction."""
    _, _, found = clashes("Police later found the car in a parking lot near the bridge, which was closed to traffic.",
                          "Police found the car in a parking lot near the bridge, which was not closed to traffic.")
    assert [(c.slot, c.marked) for c in found] == [("polarity", (False, False))]
    _, _, found = clashes("Two people died in the collapse of the parking garage on Monday.",
                          "The toll in the collapse of the parking garage on Monday has risen to five.")
    assert [(c.values, c.marked) for c in found] == [((2, 5), (False, True))]


def test_units_read_numbers_of_every_kind():
    text = "Officials counted tens of thousands of votes, 1.2 billion dollars and 61% turnout."
    claim = Claim("a.c1", "a", text, 0, len(text))
    numbers = [(u.key, u.text) for u in units(claim, RULES.lexicon) if u.number]
    assert numbers == [("#", "tens of thousands"), ("#$$", "1.2 billion dollars"), ("#%", "61%")]
    vague, money, share = (u for u in units(claim, RULES.lexicon) if u.number)
    assert (vague.low, vague.high) == (20000, 99999)
    assert money.nominal == 1.2e9 and share.nominal == 61


def test_cross_language_figures():
    a = one_claim("a", "The navy sent 300 sailors to the port on Monday.")
    b = one_claim("b", "La Marina envió 1.300 marinos al puerto el lunes.")
    assert (a.language, b.language) == ("en", "es")
    found = compare_pair(a, b, RULES.lexicon)
    assert [(c.slot, c.values) for c in found] == [("number.sailors", (300, 1300))]


WORDS = ["no", "one", "no-one", "zero", "zero-tolerance", "at", "least", "more", "than", "tens", "of", "thousands",
         "$", "%", "3", "3.5", "1,200", "2,5", "mil", "million", "bn", "and", "to", "-", "not", "never", "rose", "fell",
         "Monday", "May", "17", "in", "Paris", "third", "5th", "aged", "12", "y", "de", "sin", "vida", "nadie"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.lists(st.sampled_from(WORDS), min_size=1,
                                                                          max_size=14))
def test_any_words_compare_without_error(left, right):
    """Numbers, bounds and negations in any order: the comparison ends, and every span is in its claim."""
    a_text, b_text = " ".join(left), " ".join(right)
    a = Claim("a.c1", "a", a_text, 0, len(a_text))
    b = Claim("b.c1", "b", b_text, 0, len(b_text), language="es")
    for u in units(a, RULES.lexicon):
        assert a_text[u.start : u.end] == u.text
    for clash in compare_pair(a, b, RULES.lexicon):
        assert 0 <= clash.spans[0][0] < clash.spans[0][1] <= len(a_text)
        assert 0 <= clash.spans[1][0] < clash.spans[1][1] <= len(b_text)


def test_generated_antonyms_are_optional(tmp_path):
    """A rules folder of one's own without en-antonyms.yaml loads, with the hand-kept opposites only."""
    import shutil
    from pathlib import Path

    shipped = Path(RULES.source)
    for f in shipped.glob("*.yaml"):
        if f.name != "en-antonyms.yaml":
            shutil.copy(f, tmp_path / f.name)
    own = load_rules(str(tmp_path)).lexicon.compare.opposites
    assert "rose" in own and "implicit" not in own
    assert "implicit" in RULES.lexicon.compare.opposites


@pytest.mark.parametrize(
    ("a", "b", "va", "vb"),
    [
        ("Margins should grow despite raw material price decreases.",
         "We expect margins to grow despite increases in raw materials.", "decreases", "increases"),
        ("Los márgenes crecerán aunque los precios de las materias primas ya bajaron.",
         "Los márgenes crecerán pese al aumento de los precios de las materias primas.", "bajaron", "aumento"),
    ],
)
def test_opposites_anchored_on_a_noun_a_few_words_before_one_and_after_the_other(a, b, va, vb):
    # the word right before "decreases" is "price", not the shared "raw material(s)": the anchor
    # reads the few words before it, so the clash is in the same role, not a loose one
    _, _, found = clashes(a, b)
    [clash] = found
    assert (clash.slot, clash.values, clash.loose) == ("opposite", (va, vb), False)
    assert clash.strength > 0.5


@pytest.mark.parametrize(
    ("a", "b", "va", "vb"),
    [
        ("Despite the crisis, the company saw a decline in GAAP earnings per share compared to last year.",
         "On a GAAP basis, earnings per share was $0.21 in Q1 versus $0.02 a year ago.",
         "decline", "$0.21 vs $0.02"),
        # figures of one kind on both sides pair in order
        ("The company had an increase in net income in the second quarter compared to last year.",
         "Net income in the second quarter was $94.8 million or $0.91 per share, that compares to "
         "$106.6 million or $1.04 per share a year ago.",
         "increase", "$94.8 million vs $106.6 million"),
        ("Los ingresos de la empresa cayeron este año.",
         "Los ingresos de la empresa fueron de 5,2 millones de euros este año frente a 4,1 millones de euros "
         "el anterior.",
         "cayeron", "5,2 millones de euros vs 4,1 millones de euros"),
    ],
)
def test_a_change_word_against_the_change_two_compared_figures_give(a, b, va, vb):
    _, _, found = clashes(a, b)
    [clash] = found
    assert (clash.slot, clash.values) == ("change", (va, vb))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same change
        ("The company saw a rise in GAAP earnings per share compared to last year.",
         "On a GAAP basis, earnings per share was $0.21 in Q1 versus $0.02 a year ago."),
        # a change of something the figures do not measure
        ("Despite the crisis, the company saw a decline in store traffic.",
         "On a GAAP basis, earnings per share was $0.21 in Q1 versus $0.02 a year ago."),
        # comparisons that disagree give no change
        ("Net income fell in the quarter.",
         "Net income was $5 million versus $4 million a year ago, and $3 million compared to $6 million "
         "in the prior quarter."),
    ],
)
def test_no_change_clash_for_the_same_change_another_measure_or_mixed_figures(a, b):
    _, _, found = clashes(a, b)
    assert not [c for c in found if c.slot == "change"]


# ---- claims of the other group that say the opposite of a word (check pairs them too) ---------------


def test_opposite_partners_pairs_a_claim_with_those_that_use_its_words_opposite() -> None:
    draft = one_claim("d", "It assigns unsuitable contracts to the workers at every step.")
    match = one_claim("s1", "Contracts are assigned to the workers at every step of an episode.")
    opposite = one_claim("s2", "The manager then initiates contracts that give suitable tasks to workers.")
    both = one_claim("s3", "Both suitable and unsuitable tasks go to the workers.")
    spanish = one_claim("s4", "Luego les ofrece contratos permanentes y una recompensa.")
    temporary = one_claim("d2", "Asigna contratos temporales a los trabajadores.")
    claims = [draft, temporary, match, opposite, both, spanish]
    partners = opposite_partners(claims, lambda c: "draft" if c.doc.startswith("d") else "source", RULES.lexicon)
    # s3 uses "unsuitable" itself: it says both, so it is no opposite of the draft's word
    assert partners[draft.id] == (opposite.id,)
    assert partners[temporary.id] == (spanish.id,)
    assert match.id not in partners  # nothing opposite in it


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Some products will still hinder production until the end of Q2.",
         "This supply situation is gradually improving while we anticipate several critical products will "
         "continue to constrain our production through the end of the second quarter."),
        ("Algunos productos disminuyeron la producción hasta el final de junio.",
         "La situación del suministro aumentó mientras varios productos críticos limitan nuestra producción "
         "hasta el final de junio."),
    ],
)
def test_opposites_do_not_bear_on_a_word_past_a_turn_of_the_sentence(a: str, b: str) -> None:
    # "improving" is said of the supply situation; "products" comes after "while", another fact:
    # at most a loose clash, which the judge keeps only where neither source uses the other's word
    _, _, found = clashes(a, b)
    assert [c for c in found if c.slot == "opposite" and not c.loose] == []


@pytest.mark.parametrize(("a", "b", "values"), [
    # the time elapsed up to each outlet's writing
    ("After 13 days of bombardment of Gaza, the past few days have seen heavy fighting.",
     "The carnage intensified efforts to arrange a cease-fire after 11 days of a punishing Israeli offensive.",
     (13, 11)),
    # an order of magnitude against a figure
    ("More than two dozen schools are serving as temporary shelters to more than 15,000 Palestinians.",
     "Fifty-five were wounded in the school, where hundreds of Palestinians had sought refuge.",
     (15000, "hundreds of")),
])
def test_an_elapsed_span_or_an_order_of_magnitude_is_worth_a_look(a, b, values):  # type: ignore[no-untyped-def]
    [clash] = [c for c in clashes(a, b)[2] if c.slot.startswith("number")]
    assert clash.values == values and clash.strength < 0.5
    # the same words with two plain figures still clash outright
    [plain] = clashes("Four officers were killed in the attack on the station.",
                      "Five officers were killed in the attack on the station.")[2]
    assert plain.values == (4, 5) and plain.strength >= 0.8


def test_a_decade_is_every_year_of_it():  # type: ignore[no-untyped-def]
    assert not [c for c in clashes("Most of the victims were between 18 and 24, police said.",
                                   "Police said most of the victims were in their late teens and early 20s.")[2]
                if c.slot.startswith("number")]
    [clash] = clashes("Police said the two victims were men in their 20s.",
                      "Police said the two victims were men in their 40s.")[2]
    assert clash.values == ("20s", "40s")


def test_a_figure_in_another_unit_of_measure_is_converted_before_it_is_compared() -> None:
    # one figure in feet and in metres, rounded: no clash ("Feet: 2000 vs 600" before)
    assert clashes("The climber fell 2,000 feet to his death on Mount Cook on Friday.",
                   "The climber fell 600 metres to his death on Mount Cook on Friday.")[2] == []
    assert clashes("La escaladora cayó 150 metros desde la cresta del monte Cook.",
                   "La escaladora cayó 500 pies desde la cresta del monte Cook.")[2] == []
    # converted, they still differ: each figure shown in its own unit
    ca, cb, found = clashes("The climber fell 2,000ft to his death on Mount Cook.",
                            "The climber fell 700 metres to his death on Mount Cook.")
    assert [(c.slot, c.label, c.values) for c in found] == [("measure.length", "Length", ("2000 ft", "700 metres"))]
    (sa, ea), (sb, eb) = found[0].spans
    assert (ca.text[sa - ca.start : ea - ca.start], cb.text[sb - cb.start : eb - cb.start]) == ("2,000", "700")
    # two dimensions are two figures, not one in conflict; one unit is compared as before
    assert clashes("The storm dumped 10 inches of snow on the city.",
                   "The storm dumped 25 hours of snow on the city.")[2] == []
    assert [c.values for c in clashes("The storm dumped 10 inches of snow on the city.",
                                      "The storm dumped 12 inches of snow on the city.")[2]] == [(10, 12)]
    # a figure restated in the other's unit, set apart, is the one compared: 609 against 700 metres
    ca, cb, found = clashes("The man fell around 2000ft (609 metres) near the Mount Sefton hut.",
                            "The man fell 700 metres near the Mount Sefton hut.")
    assert [(c.label, c.values) for c in found] == [("Metres", (609, 700))]
    assert clashes("He fell 2,000 feet, or 610 metres, near the Mount Sefton hut.",
                   "He fell 610 metres near the Mount Sefton hut.")[2] == []


def test_a_figure_of_another_thing_in_the_other_claim_does_not_hide_a_clash() -> None:
    # "8 bridges" rounds to nothing of "7.6 magnitude": it restates no magnitude, and the magnitudes clash
    a = "The 7.7 magnitude quake damaged 42 office buildings, 14 hotels and 8 bridges."
    b = "The first earthquake measuring 7.6 magnitude struck on Sunday about 135 kilometers from Manokwari."
    ca, cb, found = clashes(a, b)
    assert [(c.slot, c.values) for c in found] == [("number.magnitude quake", (7.7, 7.6))]
    (sa, ea), (sb, eb) = found[0].spans
    assert (a[sa - ca.start : ea - ca.start], b[sb - cb.start : eb - cb.start]) == ("7.7", "7.6")


def test_opposite_words_between_the_same_words_clash_weakly_in_claims_worded_apart() -> None:
    # "for large, uncrewed aircraft" / "for small, uncrewed aircraft": one word for its opposite in the same
    # frame, though the rest of the claims is worded apart (no clash at all before: the line-up is loose)
    a = ("It has shifted from prototyping to the delivery phase of an effort to deploy an airspace management "
         "tool for large, uncrewed aircraft such as commercial unmanned air vehicles.")
    b = "The agency will deploy an airspace management system for small, uncrewed aircraft systems in 2025."
    ca, cb, found = clashes(a, b)
    assert [(c.slot, c.values, c.strength, c.loose) for c in found] == [("opposite", ("large", "small"), 0.55, False)]
    (sa, ea), (sb, eb) = found[0].spans
    assert (a[sa - ca.start : ea - ca.start], b[sb - cb.start : eb - cb.start]) == ("large", "small")
