"""The words of the rules, in groups, one per stage that reads them (as spaCy splits ``lang/en/``):
who speaks, where sentences and clauses end, what is counted, dates, places, and what the
fact-by-fact comparison needs. ``Lexicon`` holds every group, the languages merged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "CompareWords", "CountWords", "DateWords", "FrameWords", "Lexicon", "PlaceWords", "SentenceWords", "SpeakerWords",
]


@dataclass(frozen=True)
class SpeakerWords:
    """Who is credited: attribution verbs and the words around a speaker (``claims.speakers``)."""

    attribution_verbs: frozenset[str]
    verb_pattern: re.Pattern[str]
    according_to: re.Pattern[str]
    that: frozenset[str]
    not_speakers: frozenset[str]
    pronouns: frozenset[str]
    quote_tail_verbs: frozenset[str]
    passive: frozenset[str]
    #: an attribution verb right after these is in a relative clause: "the company, which posted ..."
    relative_pronouns: frozenset[str]
    speaker_trailing: re.Pattern[str]
    speaker_stop: re.Pattern[str]
    adverbial_leads: frozenset[str]
    adjuncts: frozenset[str]
    recipient_verbs: frozenset[str]
    name_joiners: frozenset[str]
    objects: frozenset[str]


@dataclass(frozen=True)
class SentenceWords:
    """Where sentences end and clauses turn (``claims.segment``, ``claims.clauses``)."""

    auxiliaries: frozenset[str]
    titles: frozenset[str]
    before_number: frozenset[str]
    hyphen_prefixes: frozenset[str]
    breaks: tuple[str, ...]
    dashes: tuple[str, ...]
    gerund: re.Pattern[str]
    gerund_leads: tuple[str, ...]
    not_gerunds: frozenset[str]
    coordination: tuple[str, ...]
    #: a line that starts with one of these is a quotation up to the next one ("—Es un día triste —dijo.")
    dialogue_dashes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountWords:
    """What is counted and for which event: bounds, counted nouns and their classes, events (``facts``)."""

    bounds: dict[str, str]
    bound_pattern: re.Pattern[str]
    anaphora: frozenset[str]
    between: frozenset[str]
    subset: frozenset[str]
    nouns: dict[str, str]
    noun_pattern: re.Pattern[str]
    generic: frozenset[str]
    events: dict[str, str]
    event_pattern: re.Pattern[str]
    hypothetical: re.Pattern[str]
    scope: re.Pattern[str]
    update: re.Pattern[str]
    negation: re.Pattern[str]
    #: nobody, as a count of people: "no one was arrested" is none arrested
    nobody: re.Pattern[str] = re.compile(r"(?!x)x")
    #: after nobody, these make it none besides those told of ("no one else was hurt"): no count at all
    nobody_more: frozenset[str] = frozenset()
    #: before a counted noun, these count none of it: "no suspects were in custody" is none arrested
    no_determiners: frozenset[str] = frozenset()
    #: words that end a noun phrase: a count's noun is never found past them ("the three holdouts how
    #: many people ...": no count of people)
    phrase_ends: frozenset[str] = frozenset()
    #: a figure these name, given straight after an update ("the death toll rose to 5"), counts people
    toll_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: between a number and an event with no noun between: "Five (were) wounded"
    elliptic_aux: frozenset[str] = frozenset()
    #: "other", "others": a count set apart from an earlier one of the sentence
    contrast: frozenset[str] = frozenset()
    #: what opens an aside naming some of those counted: "four people, including a boy, were shot"
    inclusive: re.Pattern[str] = re.compile(r"(?!x)x")
    #: what opens a clause of its own between a count and an event after it: "two other children when a
    #: 3-year-old found a handgun and fatally shot ...": the event is that clause's
    clause_openers: frozenset[str] = frozenset()
    #: verbs that tell of an event only with their object right after them: {"shooting": "shot"}
    object_events: dict[str, str] = field(default_factory=dict)
    object_event_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: an event counting others together: {"shot": ("killed", "injured")}
    event_sums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: words that multiply the number before them: "2,5 millones", "5 mil 942", "four thousand"
    scales: dict[str, int] = field(default_factory=dict)
    #: per language, the separators that group thousands ("3,118"; "3.118" in Spanish too)
    thousands: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class DateWords:
    """Day and month names, relative days and the words around them (``facts.dates``)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    #: day and month names of languages that write them in lower case ("el jueves", "17 de mayo")
    lowercase_dates: frozenset[str] = frozenset()
    #: next to a weekday, these mean the one before today's ("el pasado viernes", "last Friday")
    date_past: frozenset[str] = frozenset()
    #: ... and these the one after ("el próximo lunes", "next Monday")
    date_next: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PlaceWords:
    """Words before a place, and the regions (US states) places are in (``facts.names``, ``grouping``)."""

    locative: frozenset[str]
    #: a name as written -> the region it names ("Ala." -> "alabama"); "" for a name that only contains one
    regions: dict[str, str] = field(default_factory=dict)
    #: any name of ``regions``, as written (case-sensitive), longest first
    region_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: before the place an article's lead says it happened ("a shooting in Beech Grove"), lowercased
    event_places: frozenset[str] = frozenset()
    #: a street where it happened ("the 1000 block of Magazine Street"): groups ``name`` and ``kind``
    street_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: the kinds of street, lowercased -> one short form ("avenue" and "ave" -> "ave")
    street_kinds: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CompareWords:
    """The words the fact-by-fact comparison of two claims needs (the ``compare`` section), merged."""

    function_words: frozenset[str] = frozenset()
    not_negations: re.Pattern[str] = re.compile(r"(?!x)x")
    #: fixed expressions read as one word before any negation or opposite is looked for ("sin
    #: embargo", "no doubt", "nothing but"): ``multiword`` and ``not_negations`` together
    multiword: re.Pattern[str] = re.compile(r"(?!x)x")
    #: directives: a denial inside one states no fact ("urged residents not to travel", "don't be")
    directives: re.Pattern[str] = re.compile(r"(?!x)x")
    #: a denial of something that has stopped: "anymore", "no longer", "ya no"
    change_markers: re.Pattern[str] = re.compile(r"(?!x)x")
    #: words that turn a sentence to another fact without a comma ("improving while we anticipate")
    turns: frozenset[str] = frozenset()
    #: words that put what follows them in the past ("were once eaten", "from being revered")
    past_markers: re.Pattern[str] = re.compile(r"(?!x)x")
    #: words of advice or duty: a denial under them states no fact ("should not", "no debe")
    deontic: frozenset[str] = frozenset()
    #: words of condition: a denial under them states no fact ("if people are not aware", "si no hay")
    conditionals: frozenset[str] = frozenset()
    zero: re.Pattern[str] = re.compile(r"(?!x)x")
    #: the phrases ``zero`` matches
    zero_phrases: frozenset[str] = frozenset()
    scales: dict[str, float] = field(default_factory=dict)
    #: units of measure after a number: the dimension and the factor to its base unit ("feet": length,
    #: 0.3048); a figure given in another unit of the same dimension is converted before it is compared
    measures: dict[str, tuple[str, float]] = field(default_factory=dict)
    vague: dict[str, tuple[float, float]] = field(default_factory=dict)
    vague_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: before a span of time, words that make it the time elapsed up to the writing ("after 13 days of
    #: bombardment"), and the units of time
    elapsed_before: frozenset[str] = frozenset()
    time_units: frozenset[str] = frozenset()
    #: before two joined numbers, a word that makes them a range's ends ("between 18 and 24")
    range_openers: frozenset[str] = frozenset()
    #: prepositions that give what a noun is about ("questions about collusion")
    topic_prepositions: frozenset[str] = frozenset()
    percent: re.Pattern[str] = re.compile(r"(?!x)x")
    currency_signs: dict[str, str] = field(default_factory=dict)
    currency_words: dict[str, str] = field(default_factory=dict)
    list_joins: frozenset[str] = frozenset()
    range_joins: frozenset[str] = frozenset()
    ordinals: dict[str, int] = field(default_factory=dict)
    ordinal_suffixes: frozenset[str] = frozenset()
    compound_scales: frozenset[str] = frozenset()
    partitive: re.Pattern[str] = re.compile(r"(?!x)x")
    totals: re.Pattern[str] = re.compile(r"(?!x)x")
    guards: re.Pattern[str] = re.compile(r"(?!x)x")
    negative_prefixes: frozenset[str] = frozenset()
    #: articles and the like, which may stand between a predicate and the phrase it takes
    determiners: frozenset[str] = frozenset()
    update_markers: re.Pattern[str] = re.compile(r"(?!x)x")
    #: word -> the ids of the opposite groups it belongs to, as (pair index, side)
    opposites: dict[str, frozenset[tuple[int, int]]] = field(default_factory=dict)
    #: an irregular form -> its base forms ("drew" -> draw, "found" -> find): two words the
    #: shared-beginning test cannot tell are one ("drew" / "drawing")
    word_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    #: a word that denies what follows it -> the words that must come right after it for that
    #: ("failed" -> {"to"}; "" when none must: "lacks")
    negative_predicates: dict[str, frozenset[str]] = field(default_factory=dict)
    #: a word that, right before a figure, is a change word of the opposites: "up 17%" -> rose
    directions: dict[str, str] = field(default_factory=dict)
    #: endings a name takes without being another name ("Hope's", "CNNs"), longest first
    name_endings: tuple[str, ...] = ()
    #: the words between a figure and the earlier one it is compared with ("versus", "compared to"),
    #: each as its words
    comparisons: tuple[tuple[str, ...], ...] = ()
    #: the change words of a rise and of a fall: the two sides of the opposites groups of ``rise``
    rises: frozenset[str] = frozenset()
    falls: frozenset[str] = frozenset()



@dataclass(frozen=True)
class FrameWords:
    """The key facts of an event (``frame``): one participant named without a number, the dead among
    the shot, words of a death, and the classes of participants whose counts add up."""

    #: nouns of one participant beyond the counted ones (``CountWords.nouns``), with their class
    persons: dict[str, str] = field(default_factory=dict)
    #: nouns of children and siblings, who most often bear the family name of the person they are told of
    kin: frozenset[str] = frozenset()
    #: spouses and parents: named by a given name alone beside a relative, they bear that family name
    kin_by_marriage: frozenset[str] = frozenset()
    #: "a"/"an"/"un" and a person noun within three words after it: ``noun`` names the group
    singular_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: a number and the word that says the counted died: ``n`` names the number ("two fatally")
    fatal_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: between two counts of one event, the words that make them parts of one list ("and")
    list_joins: frozenset[str] = frozenset()
    #: any word of a death, and any word of an injury
    death_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    injury_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: classes of participants that never overlap (their counts add up to a total)
    disjoint: frozenset[str] = frozenset()
    #: what happened to a named person, by phrase ("pronounced dead" -> killed), and the phrases as one pattern
    statuses: dict[str, str] = field(default_factory=dict)
    status_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: the role a word right before a name gives ("officer" -> officer), and the role a status gives
    role_words: dict[str, str] = field(default_factory=dict)
    role_of_status: dict[str, str] = field(default_factory=dict)
    #: where several statuses are said of one person, the first of these is theirs in the end
    status_order: tuple[str, ...] = ()
    #: phrases right before or after a name that say it is a person's ("identified as", "was shot")
    person_before: tuple[str, ...] = ()
    person_after: tuple[str, ...] = ()
    #: words no person's name holds ("county", "hospital", "news")
    not_person_words: frozenset[str] = frozenset()
    #: a bare number after an event, with its bound words before it (``bound``, ``n``): "killed one"
    bare_count_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: the bound each of those words gives ("as many as" -> "at most")
    count_bounds: dict[str, str] = field(default_factory=dict)
    #: between a participant and an event, words that make it happen to them ("was", "fue"), and
    #: events that take no object ("died", "murió")
    passive: frozenset[str] = frozenset()
    intransitive: frozenset[str] = frozenset()
    #: between one participant and an event, words that say several had it ("a 25-year-old woman were
    #: found dead": the last of a list; "all died")
    plural: frozenset[str] = frozenset()
    #: the doer's own death after the deed ("before turning the gun on himself", "se quitó la vida"),
    #: and the words before it that make it only tried ("tried to")
    own_death_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    attempts: frozenset[str] = frozenset()
    #: one doer named by their role ("gunman", "sospechoso"): the counted nouns of the doers' class, singular
    doers: frozenset[str] = frozenset()
    #: several incidents told of together ("three separate shootings", "multiple shootings"): the words
    #: that say several, and the incidents' plural nouns; what such a claim counts is a roundup's
    several: frozenset[str] = frozenset()
    incidents_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: a word of death after what was meant ("with intent to kill") or beside what could kill ("a deadly
    #: weapon", "arma mortal") tells of no death
    meant_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    means: frozenset[str] = frozenset()
    #: a word of the incident said to be deadly ("a fatal shooting", "balacera mortal"): someone died
    deadly_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: words of a story's later stage ("sentenced", "juicio"): a document with one reports later
    later_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: how badly someone was hurt ("critically", "non-life threatening"): a count of the injured that says
    #: it counts a part of them
    severity_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: before a count, words that make it all of a group ("all five victims")
    whole: frozenset[str] = frozenset()
    #: police still after the doer ("searching for the shooter", "the suspect is still at large"): nobody
    #: arrested yet
    sought_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: words of a death that may come days after the event ("died", "murió"): a weekday beside one is the death's
    outcome_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: words that put a time late in its day ("night"), and early in it ("early", "madrugada")
    late_in_day: frozenset[str] = frozenset()
    early_in_day: frozenset[str] = frozenset()
    #: words of the incident itself ("shooting", "balacera"): a claim with one tells of the event
    incident_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    #: words that follow a place's name ("police", "County", "woman": "a Bedford woman")
    place_followers: frozenset[str] = frozenset()
    #: between a word of place and a place's name, words of which part of it: "in central Toledo"
    place_modifiers: frozenset[str] = frozenset()
    #: words that end the name of a street or a court: a place's name before them only opens that name
    name_heads: frozenset[str] = frozenset()
    #: words no place's name holds ("street", "hospital")
    not_place_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """The words of every loaded language, merged (mixed-language articles need them all at once),
    in one group per stage."""

    languages: tuple[str, ...]
    speakers: SpeakerWords
    sentences: SentenceWords
    counts: CountWords
    dates: DateWords
    places: PlaceWords
    compare: CompareWords = field(default_factory=CompareWords)
    frame: FrameWords = field(default_factory=FrameWords)
