"""Issue 17: the claim layer's readings behind figures, negation and quotes, one shape each.

Sentences are made up (none from the seeds nor from tests/gold/conflict_pairs.yaml); each
case names the parse shape it checks, so a rule that breaks says which reading it lost.
"""

from __future__ import annotations

import pytest

from alignment.claims import Reading
from alignment.conflicts import Side, find_conflicts
from alignment.conflicts.time import read_time


def _kinds(a: str, b: str) -> set[str]:
    found = find_conflicts(Side(0, "a", a, 0), Side(1, "b", b, 0))
    return {str(c.kind) for c in found}


def _claim(reading: Reading, predicate: str):  # type: ignore[no-untyped-def]
    found = [c for c in reading.claims if c.predicate == predicate]
    assert found, f"no claim {predicate!r} in {[c.predicate for c in reading.claims]}"
    return found[0]


def _figure(reading: Reading, value: float):  # type: ignore[no-untyped-def]
    found = [f for f in reading.figures if f.low <= value <= f.high]
    assert found, f"no figure {value} in {[(f.low, f.high) for f in reading.figures]}"
    return found[0]


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        ("The plant emits 40 tonnes of ash a day.", 40, "rate"),
        ("The clinic has treated 900 patients this year.", 900, "count"),
        ("The firm hired 75 engineers last year.", 75, "count"),
    ],
    ids=["a-day-is-a-rate", "this-year-is-not", "last-year-is-not"],
)
def test_a_time_noun_makes_a_rate_only_with_a_or_per(read, text, value, role) -> None:  # type: ignore[no-untyped-def]
    assert _figure(read(text), value).role == role


def test_a_verb_of_its_own_is_what_a_generic_count_measures(read) -> None:  # type: ignore[no-untyped-def]
    # "people" says nothing; the verb does, and the subject stands in only for value verbs
    marched = _figure(read("About 6,000 people marched to the parliament."), 6000)
    assert marched.measure == ("march",)
    stood = _figure(read("Unemployment stood at 7 percent in June."), 7)
    assert stood.measure == ("unemployment",)


def test_a_number_that_heads_its_noun_takes_the_verb_above(read) -> None:  # type: ignore[no-untyped-def]
    # "dozens of people were hurt": the number is the subject, "people" hangs from it
    r = read("Dozens of people were hurt when the stand collapsed.")
    assert _figure(r, 36).measure == ("injuries",)


def test_a_share_told_as_an_adverb_is_bound_to_its_verb(read) -> None:  # type: ignore[no-untyped-def]
    r = read("The committee said the mayor won 61 percent.")
    assert _figure(r, 61).measure == ("votes",)


def test_a_day_is_not_a_holder(read) -> None:  # type: ignore[no-untyped-def]
    r = read("Friday's storm destroyed 120 homes.")
    assert _figure(r, 120).holder == ()


@pytest.mark.parametrize(
    "text",
    ["The visitors won the match 4-1 at home.", "Page updated 09:14 21/03/2024", "Hull (3-11)"],
    ids=["score", "date-and-clock", "record-in-brackets"],
)
def test_scores_dates_and_records_are_not_counts(read, text) -> None:  # type: ignore[no-untyped-def]
    assert read(text).figures == ()


def test_a_relayed_figure_is_its_source_s(read) -> None:  # type: ignore[no-untyped-def]
    r = read("AFP reported, citing the army, that 30 fighters were captured.")
    claim = r.claims[_figure(r, 30).claim]
    assert {"afp", "army"} <= set(claim.speaker_key)


def test_relayed_figures_of_one_source_conflict() -> None:
    a = "The army said 30 fighters were captured."
    b = "AFP reported, citing the army, that 55 fighters were captured."
    assert "number" in _kinds(a, b)
    rival = "The rebels said 55 fighters were captured."
    assert _kinds(a, rival) == set()


def test_when_a_count_was_told_orders_two_tolls() -> None:
    # the later count is higher: an early toll and a later one, not two that cannot hold
    a = "The toll from Tuesday's landslide rose to 31 on Thursday."
    b = "Tuesday's landslide killed 18 people, officials said on Wednesday."
    assert _kinds(a, b) == {"differs"}


def test_a_shared_month_is_one_moment() -> None:
    a = "Output grew 2.1 percent in March, after 1.4 percent in February."
    b = "Output grew 3.0 percent in March, the agency said."
    assert "number" in _kinds(a, b)


def test_a_lone_month_entity_is_a_month() -> None:
    may = read_time("May", 0)
    assert may is not None
    assert may.months == frozenset({5})


# --------------------------------------------------------------------------- negation


def test_the_same_act_of_saying_can_be_denied() -> None:
    a = "No party has claimed victory in the disputed count."
    b = "The ruling party claimed victory in the disputed count."
    assert _kinds(a, b) == {"negation"}
    # a report of a thing is not the thing: two acts of saying with different content
    c = "The minister declined to say whether talks had resumed."
    d = "The minister said on Friday that the weather had delayed the ships."
    assert "negation" not in _kinds(c, d)


def test_one_head_told_apart_by_modifiers_is_two_doers() -> None:
    a = "The national team did not reach the final."
    b = "The youth team reached the final on Sunday."
    assert "negation" not in _kinds(a, b)
    same = "The national team reached the final on Sunday."
    assert _kinds(a, same) == {"negation"}


def test_a_verb_hung_on_a_noun_root_has_that_noun_for_subject(read) -> None:  # type: ignore[no-untyped-def]
    # the small parser reads "A blaze swept through the mill" as a blaze that was swept
    r = read("A blaze swept through the old mill overnight.")
    assert _claim(r, "sweep").subject_words == ("fire",)  # a blaze is a fire (the lexicon)
    told = _kinds("No blaze broke out at the old mill.", "A blaze swept through the old mill.")
    assert told == {"negation"}


# --------------------------------------------------------------------------- quotes


def test_four_words_credited_to_two_named_speakers() -> None:
    a = '"The bridge is unsafe," engineer Maria Lopez said.'
    b = '"The bridge is unsafe," inspector Tom Reed said.'
    assert _kinds(a, b) == {"attribution"}


def test_a_fragment_of_four_words_is_a_phrase() -> None:
    a = 'The firm will keep the plant open "for the time being," Ms. Lopez said.'
    b = 'The firm will keep the plant running "for the time being," Reed said.'
    assert "attribution" not in _kinds(a, b)


def test_one_quote_spelled_the_british_and_the_american_way_is_one_wording() -> None:
    a = '"The defence programme will be cut," Reed said.'
    b = '"The defense program will be cut," Reed said.'
    assert "quote" not in _kinds(a, b)
    assert "quote" in _kinds(a, '"The defense program will be kept," Reed said.')


@pytest.mark.parametrize(
    ("text", "deed", "doer", "speaker"),
    [
        ("The rebels accused the army of shelling the market.", "shell", "army", "The rebels"),
        (
            "Local officials blamed the contractor for delaying the bridge.",
            "delay",
            "contractor",
            "Local officials",
        ),
        ("The mayor thanked the volunteers for clearing the river.", "clear", "volunteer", ""),
        ("The striker won the game by scoring twice.", "score", "striker", ""),
    ],
)
def test_the_object_of_an_accusation_does_its_deed(read, text, deed, doer, speaker) -> None:  # type: ignore[no-untyped-def]
    # "accused the army of shelling": the army shelled, on the rebels' word; "won by
    # scoring": the subject scored
    claim = _claim(read(text), deed)
    assert claim.subject == doer
    assert claim.speaker == speaker


def test_an_accusation_and_the_accused_s_denial_are_two_parties(read) -> None:  # type: ignore[no-untyped-def]
    a = "The rebels accused the army of shelling the market on Monday."
    b = "The army denied shelling the market on Monday."
    assert "negation" not in _kinds(a, b)
    assert "negation" in _kinds("The army shelled the market on Monday.", b)


def test_a_belief_credits_its_clause(read) -> None:  # type: ignore[no-untyped-def]
    # "I didn't feel we were ready" claims nothing of feeling, negated or not
    for text in ("I didn't feel we were ready for the final.", "Officials think the dam held."):
        believing = next(c for c in read(text).claims if c.predicate in ("feel", "think"))
        assert believing.reporting
    assert not _claim(read("She felt a sharp pain in her knee."), "feel").reporting


def test_testimony_credits_its_clause_to_the_witness(read) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(read("A ballistics expert testified that the rifle fired the shot."), "fire")
    assert claim.speaker == "A ballistics expert"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The reporter was barred from entering Georgia at Tbilisi airport.",
            "The reporter was allowed into Georgia at Tbilisi airport after questioning.",
        ),
        (
            "Competition regulators blocked the takeover of the two bus operators.",
            "Competition regulators cleared the takeover of the two bus operators on Friday.",
        ),
    ],
)
def test_an_antonym_with_no_not_denies(a, b) -> None:  # type: ignore[no-untyped-def]
    assert "negation" in _kinds(a, b)


def test_a_closing_does_not_deny_an_opening() -> None:
    # closing is an event of its own, not the negation of having opened
    a = "The ferry terminal, which opened in 1994, will close for repairs in May."
    b = "Opened in 1994, the ferry terminal will close for repairs in May."
    assert "negation" not in _kinds(a, b)


def test_a_part_of_an_owned_total_is_the_subject_s(read) -> None:  # type: ignore[no-untyped-def]
    # "won 107 of the Sejm's 460 seats": the 107 are the party's, the 460 the Sejm's
    reading = read("The Greens won 107 of the Sejm's 460 seats.")
    assert _figure(reading, 107).holder == ("greens",)
    assert _figure(reading, 460).holder == ("sejm",)
    a = "The Greens took 28 percent of the vote, giving them 122 seats in the 460-seat Sejm."
    assert "number" in _kinds(
        a, "With 28 percent of the vote, the Greens won 107 of the Sejm's 460 seats."
    )


def test_a_window_of_a_sequence_is_another_quantity(read) -> None:  # type: ignore[no-untyped-def]
    # "five of the team's first eight points" counts within the first eight, not the game
    a = "Okafor scored five of the team's first eight points after the break."
    b = "Okafor scored 19 points after the break."
    assert _figure(read(a), 5).scope == ("first",)
    assert "number" not in _kinds(a, b)
    assert "number" in _kinds("Okafor scored 24 points after the break.", b)
    # a window word elsewhere in the clause is none: "the final injured 73 people"
    assert _figure(read("The stand collapse during the final injured 73 fans."), 73).scope == ()


@pytest.mark.parametrize(
    "text",
    [
        "Two of the backs ran for more than 100 yards apiece in the win.",
        "The two backs ran for 120 yards each.",
    ],
)
def test_a_figure_apiece_is_per_member(read, text) -> None:  # type: ignore[no-untyped-def]
    # "100 yards apiece" is each player's, not the team's total
    assert _figure(read(text), 120 if "120" in text else 101).role == "rate"
    assert "differs" not in _kinds(text, "The team ran for 352 yards in the win.")


def test_each_opening_a_phrase_is_not_apiece(read) -> None:  # type: ignore[no-untyped-def]
    # "each one injured" tells of each survivor, not a figure per member
    assert _figure(read("Rescuers found 12 survivors, each one injured."), 12).role == "count"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "A labour court ruled that the dockers' strike was illegal.",
            "A labour court ruled that the dockers' strike was legal.",
        ),
        (
            "Inspectors said the old bridge was unsafe for lorries.",
            "Inspectors said the old bridge was safe for lorries.",
        ),
    ],
)
def test_a_negating_prefix_on_an_adjective_denies_it(a, b) -> None:  # type: ignore[no-untyped-def]
    assert "negation" in _kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The storm was intense over the coast.", "The mood was tense in the capital."),
        ("The ministry informed the union on Monday.", "The ministry formed a union on Monday."),
    ],
)
def test_a_prefix_that_does_not_negate_denies_nothing(a, b) -> None:  # type: ignore[no-untyped-def]
    assert "negation" not in _kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            'The goalkeeper said the pitch "was not fit to play on" after the draw.',
            'The coach said the pitch "was not fit to play on" after the draw.',
        ),
        (
            '"The ceasefire is holding," the defence minister told reporters on Friday.',
            '"The ceasefire is holding," the prime minister told reporters on Friday.',
        ),
        (
            '"The deal is fair to both sides," a Tokyo trade spokesperson said on Monday.',
            '"The deal is fair to both sides," a Seoul trade spokesperson said on Monday.',
        ),
    ],
)
def test_two_unnamed_roles_are_two_speakers(a, b) -> None:  # type: ignore[no-untyped-def]
    assert "attribution" in _kinds(a, b)


def test_a_role_and_the_name_it_holds_are_one_speaker() -> None:
    a = '"The bridge will reopen in May," Mayor Lena Horvat said on Tuesday.'
    assert "attribution" not in _kinds(a, '"The bridge will reopen in May," the mayor said.')


@pytest.mark.parametrize(
    "b",
    [
        '"The bridge will reopen in May," an official said.',  # maybe the spokesman
        '"The bridge will reopen in May," the council spokesman said.',
        '"The bridge will reopen in May," he said.',
    ],
)
def test_roles_that_may_be_one_speaker_are_not_two(b) -> None:  # type: ignore[no-untyped-def]
    assert "attribution" not in _kinds('"The bridge will reopen in May," a spokesman said.', b)


# --------------------------------------------------------------------------- second round


def test_a_pronoun_s_unlisted_figure_is_no_one_quantity() -> None:
    # whose 20 points? "he" may be any player; a named doer is compared
    assert "number" not in _kinds("He scored 20 points.", "Ortiz scored 31 points.")
    assert "number" in _kinds("Ortiz scored 20 points.", "Ortiz scored 31 points.")


def test_a_relative_pronoun_stands_for_its_noun(read) -> None:  # type: ignore[no-untyped-def]
    r = read("The cyclone that flattened the port killed 30 people.")
    assert _claim(r, "flatten").subject_words == ("cyclon",)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The jury did not hear the first recording.", "The jury heard the second recording."),
        ("The club will not sell its Milan stadium.", "The club sold its Turin stadium."),
        ("The mayor did not open the new library.", "The mayor opened the swimming pool."),
    ],
    ids=["ordinals", "names", "two-heads"],
)
def test_two_things_are_two_claims(a: str, b: str) -> None:
    assert "negation" not in _kinds(a, b)


def test_the_same_thing_still_conflicts() -> None:
    a = "The jury did not hear the first recording."
    assert _kinds(a, "The jury heard the first recording on Monday.") == {"negation"}


def test_a_limit_in_time_leaves_earlier_claims_alone() -> None:
    a = "The factory has not exported steel since June."
    assert "negation" not in _kinds(a, "The factory exported steel in February.")
    assert _kinds(a, "The factory exported steel in August.") == {"negation"}


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The court sentenced the banker to nine years in prison.", 1),
        ("The banker was jailed two years ago.", 0),
        ("Over the past three years the bank grew.", 0),
    ],
    ids=["sentence", "ago", "past-three-years"],
)
def test_a_length_of_time_given_is_a_count(read, text: str, figures: int) -> None:  # type: ignore[no-untyped-def]
    assert len(read(text).figures) == figures


def test_two_sentences_for_one_crime_conflict() -> None:
    a = "The court sentenced the banker to nine years in prison."
    b = "The banker was sentenced to twelve years in prison."
    assert _kinds(a, b) == {"number"}


def test_a_number_word_is_not_a_year_and_a_former_mayor_is_no_other_event(read) -> None:  # type: ignore[no-untyped-def]
    r = read("The former mayor followed 400 families for five years.")
    assert all(f.scope == () for f in r.figures)


# --------------------------------------------------------------------------- negation look-alikes


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "No one was injured in the fire at the warehouse.",
            "Three firefighters were injured in the fire at the warehouse.",
            {"negation"},
            id="no-one-still-negates",
        ),
        pytest.param(
            "Hospitals will have to report every case to the ministry.",
            "Many hospitals do not have the staff to test every patient.",
            set(),
            id="light-verb-without-object",
        ),
        pytest.param(
            "The suspect had a knife, the police said.",
            "The suspect did not have a knife, his lawyer said.",
            {"negation"},
            id="light-verb-with-its-object",
        ),
    ],
)
def test_negation_reads_what_negates(a: str, b: str, expected: set[str]):
    assert _kinds(a, b) & {"negation"} == expected


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Duke will play No. 5 seed Iowa State.", "play"),
        ("The Hawks will face No. 3 seed Dayton in the final.", "face"),
    ],
)
def test_no_for_number_negates_nothing(read, text: str, predicate: str):
    assert not _claim(read(text), predicate).negated


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Only a unanimous jury can return a death sentence.", "return"),
        ("Every visitor must show a ticket at the gate.", "show"),
        ("You can't miss three penalties and win a final.", "win"),
    ],
)
def test_a_duty_or_an_ability_is_no_fact_to_deny(read, text: str, predicate: str):
    # "can", "must": what may or has to happen, not what happened
    assert _claim(read(text), predicate).conditional


# --------------------------------------------------------------------------- session 5's rules
# Each pair below has a look-alike that must stay silent, so the rule can fail both ways.


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # clock times of one day; a bound ("after") names no time of its own
        (
            "The ferry docked at 6 p.m. on Friday.",
            "The ferry docked at 9 p.m. on Friday.",
            {"time"},
        ),
        ("The ferry docked at 6 p.m.", "The ferry docked after 5 p.m.", set()),
        ("The ferry docked at 6 p.m.", "The ferry docked at about 6.30 p.m.", set()),
        # lengths of time meet across units
        (
            "The judge said the lorry driver would serve two years.",
            "The judge said the lorry driver would serve 36 months.",
            {"number"},
        ),
        (
            "The judge said the lorry driver would serve two years.",
            "The judge said the lorry driver would serve 24 months.",
            set(),
        ),
        # a cancelled event against the event held
        ("The regatta was cancelled.", "The regatta was held in strong winds.", {"negation"}),
        ("The regatta was cancelled.", "The awards dinner was held in the town hall.", set()),
        # counts fifty times apart are two quantities (another event's toll)
        (
            "The 1953 flood killed some 1,800 people.",
            "The flood killed 14 people, officials said.",
            set(),
        ),
        ("The flood killed 18 people.", "The flood killed 14 people, officials said.", {"number"}),
    ],
    ids=[
        "clock-times-clash",
        "a-bound-is-no-time",
        "loose-clock-times-meet",
        "years-against-months",
        "years-equal-months",
        "cancelled-vs-held",
        "cancelled-vs-another-event-held",
        "fifty-times-apart",
        "near-counts-clash",
    ],
)
def test_session_5_rules(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) == kinds


def test_a_pronoun_in_a_speakers_quote_is_someone_else(read) -> None:  # type: ignore[no-untyped-def]
    # '"he is a fine driver," Moreau said': he is not Moreau; "we" in the same quote is
    quoted = _claim(read('"He is a fine driver," Moreau said.'), "driver")
    assert "moreau" not in quoted.doer_words
    first = _claim(read('"We will appeal," Moreau said.'), "appeal")
    assert "moreau" in first.doer_words
    reported = _claim(read("Moreau said he would appeal."), "appeal")
    assert "moreau" in reported.doer_words


def test_a_weekday_of_the_future_is_the_coming_one() -> None:
    import datetime as dt

    from alignment.dates import resolve_relative

    friday = dt.date(2026, 6, 5)
    assert resolve_relative("on Wednesday", friday) == (dt.date(2026, 6, 3), dt.date(2026, 6, 3))
    ahead = resolve_relative("on Wednesday", friday, future=True)
    assert ahead == (dt.date(2026, 6, 10), dt.date(2026, 6, 10))


def test_fractions_are_shares() -> None:
    from alignment.quantities import parse_quantities

    (half,) = parse_quantities("More than half of the members voted.")
    assert (half.unit, half.qualifier, half.high) == ("%", "min", 100.0)
    (two_thirds,) = parse_quantities("Two-thirds of the members voted.")
    assert two_thirds.unit == "%"
    assert two_thirds.low < 66.7 < two_thirds.high
    assert parse_quantities("He finished third of nine riders.")[0].low == 8.55


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("The bridge will cost between 40 and 60 million euros.", 39_550_000, 60_450_000, "€"),
        ("Prices rose from 2 to 3 percent.", 1.55, 3.45, "%"),
        ("Between 1,500 and 2 million people fled.", 1_499.55, 2_450_000, ""),
        ("Between 10 and 20 people were hurt.", 9.55, 20.45, ""),
    ],
    ids=[
        "scale-and-currency-serve-both-ends",
        "percent-word-at-the-end",
        "a-large-start-keeps-its-value",
        "no-scale",
    ],
)
def test_a_range_reads_its_far_end_for_both(text: str, low: float, high: float, unit: str) -> None:
    from alignment.quantities import parse_quantities

    (q,) = parse_quantities(text)
    assert (round(q.low, 2), round(q.high, 2), q.unit) == (low, high, unit)


# --------------------------------------------------------------------------- session 11


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        (
            "The hospital discharged the patient rather than admitting him.",
            "The hospital admitted the patient overnight.",
            {"negation"},
        ),
        (
            "The hospital discharged the patient rather than admitting him.",
            "The hospital did not admit the patient.",
            set(),
        ),
        (
            "The union negotiated instead of striking over the pay offer.",
            "The union struck over the pay offer on Monday.",
            {"negation"},
        ),
    ],
    ids=["rather-than-denies-its-verb", "rather-than-agrees-with-not", "instead-of"],
)
def test_the_road_not_taken_is_denied(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) == kinds


def test_the_road_not_taken_takes_the_clause_object(read) -> None:  # type: ignore[no-untyped-def]
    # "rather than admitting him": him is the patient, and the hospital is the doer
    claim = _claim(read("The hospital discharged the patient rather than admitting him."), "admit")
    assert claim.negated
    assert claim.object == "patient"
    assert claim.subject == "hospital"


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Nobody but the treasurer signed the cheques.", False),
        ("No one except the treasurer signed the cheques.", False),
        ("Nobody signed the cheques.", True),
    ],
    ids=["nobody-but", "no-one-except", "nobody"],
)
def test_an_exception_to_nobody_is_not_a_denial(read, text, negated) -> None:  # type: ignore[no-untyped-def]
    assert _claim(read(text), "sign").negated is negated


def test_an_adjective_after_the_object_is_its_state() -> None:
    alive = "Lifeguards found the swimmer alive near the pier on Monday."
    assert _kinds(alive, "The swimmer was found dead near the pier on Monday.") == {"negation"}
    assert _kinds(alive, "The swimmer was found alive near the pier on Monday.") == set()


def test_he_or_she_is_the_one_person_named_before(read) -> None:  # type: ignore[no-untyped-def]
    one = read('Judge Alma Reyes adjourned the hearing. "This court will not be rushed," she said.')
    assert set(one.quotes[0].speaker_names) == {"alma", "reyes"}
    two = read('Judge Alma Reyes questioned Tom Bell. "This court will not be rushed," she said.')
    assert two.quotes[0].speaker_names == ()


@pytest.mark.parametrize(
    ("b", "kinds"),
    [
        ('"The harbour will reopen on Monday," said Ana Ortiz.', {"attribution"}),
        ('"The harbour will reopen on Monday," said J. Ortiz.', set()),
        ('"The harbour will reopen on Monday," said Ortiz.', set()),
    ],
    ids=["another-first-name", "an-initial", "the-surname"],
)
def test_one_surname_can_be_two_people(b: str, kinds: set[str]) -> None:
    a = '"The harbour will reopen on Monday," said Juan Ortiz.'
    assert _kinds(a, b) == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        (
            "About 400 volunteers were clearing the beach at Porthmor on Sunday.",
            "Some 150 volunteers were cleaning the beach at Porthmor on Sunday.",
            {"number"},
        ),
        (
            "About 400 volunteers were clearing the beach at Porthmor on Sunday.",
            "Some 400 volunteers were cleaning the beach at Porthmor on Sunday.",
            set(),
        ),
        (
            "Three volunteers were stung and 40 were treated for heat on the beach.",
            "Forty volunteers were stung on the beach.",
            set(),  # two things done to them: the stung and the treated
        ),
    ],
    ids=["the-doers-of-one-act", "the-same-figure", "two-acts"],
)
def test_doers_counted_by_name_doing_it_to_one_thing(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) == kinds


def test_a_rough_share_is_that_share_within_a_point() -> None:
    rough = "Roughly two-thirds of the members backed the motion on Tuesday."
    assert _kinds(rough, "66 percent of the members backed the motion on Tuesday.") == set()
    assert _kinds(rough, "64 percent of the members backed the motion on Tuesday.") == {"differs"}


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        (
            "Details of Moreno's contract have not been released.",
            "Moreno was released by the club on Friday.",
            set(),  # the details are not Moreno: his name is the owner of what they are of
        ),
        (
            "Moreno has not been released by the club.",
            "Moreno was released by the club.",
            {"negation"},
        ),
        ("It did not stop the train.", "She stopped the train at the border.", set()),
        ("He did not stop the train.", "He stopped the train at the border.", {"negation"}),
    ],
    ids=["owner-of-what-it-is-of", "the-same-one", "a-thing-and-a-person", "two-persons"],
)
def test_doers_and_things_apart(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) == kinds


def test_what_a_thing_is_worth_is_its_value(read) -> None:  # type: ignore[no-untyped-def]
    told = read("The stolen paintings are worth about €4 million, police said.")
    assert _figure(told, 4_000_000).measure == ("value",)
    a = "Burglars took six paintings worth an estimated €9 million from the gallery."
    assert _kinds(a, "The six paintings taken from the gallery are worth about €4 million.") == {
        "number"
    }
    assert _kinds(a, "The six paintings taken from the gallery are worth €9 million.") == set()


def test_the_number_who_did_it_counts_the_doers(read) -> None:  # type: ignore[no-untyped-def]
    told = read("The union put the number who walked out at 4,000.")
    assert _figure(told, 4000).measure == ("turnout",)
    told = read("The union put the number who marched at 4,000.")
    assert _figure(told, 4000).measure == ("march",)
    a = "About 9,000 workers walked out at the docks, the union said."
    assert _kinds(a, "The union put the number who walked out at the docks at 4,000.") == {"number"}


def test_the_doers_of_a_verb_are_what_it_counts() -> None:
    # "drew 12,000 visitors" counts those who visited; "voters" those who voted
    a = "The flower show drew more than 12,000 visitors over the weekend, its organisers said."
    b = "Its organisers said 19,000 people visited the flower show over the weekend."
    assert _kinds(a, b) == {"differs"}  # more than 12,000 may be 19,000
    fewer = "Its organisers said 9,000 people visited the flower show over the weekend."
    assert _kinds(a, fewer) == {"number"}


def test_a_toll_is_a_count_of_deaths(read) -> None:  # type: ignore[no-untyped-def]
    told = read("By Friday the toll from the mudslide had reached 31.")
    assert _figure(told, 31).measure == ("deaths",)
    assert _figure(read("The bank will cut 300 posts."), 300).measure == ("jobs",)


@pytest.mark.parametrize(
    ("b", "kinds"),
    [
        ("Ana Ruiz will run for mayor next year, her party announced.", {"negation"}),
        ("Ana Ruiz will run for mayor next year, a rival party claimed.", set()),
    ],
    ids=["her-own-side-says-it", "another-party-says-it"],
)
def test_a_denial_against_the_deniers_own_side(b: str, kinds: set[str]) -> None:
    assert _kinds("Ana Ruiz ruled out running for mayor next year.", b) == kinds


def test_attending_and_being_absent() -> None:
    a = "The foreign minister was absent from the summit dinner in Oslo on Friday."
    assert _kinds(a, "The foreign minister attended the summit dinner in Oslo on Friday.") == {
        "negation"
    }


# --------------------------------------------------------------------------- one noun, one event


def test_one_specific_noun_told_loosely_at_one_event_is_graded() -> None:
    # "needed at least 80 firefighters" / "some 95 firefighters tackled the blaze": whatever
    # the verbs, the blaze at the depot is in both
    a = "The blaze at the Kessel tyre depot needed at least 80 firefighters."
    b = "Some 95 firefighters tackled the blaze at the Kessel tyre depot, the fire service said."
    assert "differs" in _kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two plain figures of one noun are as often two quantities
        (
            "The blaze at the Kessel tyre depot needed 80 firefighters.",
            "Some 95 firefighters tackled the blaze at the Kessel tyre depot.",
        ),
        # a unit is counted by every quantity of a story
        (
            "Two backs gained more than 200 yards in the win over the Hawks.",
            "Diaz ran for 226 yards in the win over the Hawks.",
        ),
        # far apart: two counts
        (
            "More than 40 fishermen were rescued off the Kessel coast.",
            "More than 300 fishermen joined the protest on the Kessel coast.",
        ),
        # a generic noun names no quantity alone
        (
            "At least 80 people were evacuated from the Kessel depot.",
            "Some 95 people were treated at the Kessel depot.",
        ),
    ],
)
def test_one_noun_is_not_one_quantity_otherwise(a, b) -> None:  # type: ignore[no-untyped-def]
    assert not {"differs", "number"} & _kinds(a, b)


# --------------------------------------------------------------------------- a lasting state


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a state told as lasting denies the event that would end it
        (
            "The Harlow footbridge remains closed to walkers after the flood.",
            "Engineers reopened the Harlow footbridge to walkers after the flood.",
            {"negation"},
        ),
        (
            "The three fishermen who set out from Kessby on Monday are still missing.",
            "Coastguards found the three fishermen who set out from Kessby on Monday.",
            {"negation"},
        ),
        (
            "The driver who fled the scene of the Ostrow crash remains at large.",
            "Police arrested the driver who fled the scene of the Ostrow crash.",
            {"negation"},
        ),
        (
            "The curfew in the old town stays in force, the mayor's office said.",
            "The mayor's office lifted the curfew in the old town.",
            {"negation"},
        ),
        # another thing in that state, or the state bounded in time, or an ending that does
        # not happen: no conflict
        (
            "The Harlow footbridge remains closed to walkers after the flood.",
            "Engineers reopened the Kessel viaduct to walkers after the flood.",
            set(),
        ),
        (
            "The Harlow footbridge will remain closed until March.",
            "The Harlow footbridge will reopen in March.",
            set(),
        ),
        (
            "The curfew in the old town stays in force, the mayor's office said.",
            "The mayor's office said it was too early to lift the curfew in the old town.",
            set(),
        ),
        # without "remain", "stay" or "still" a state is not told as lasting
        (
            "The Harlow footbridge was closed to walkers during the flood.",
            "Engineers reopened the Harlow footbridge to walkers after the flood.",
            set(),
        ),
    ],
)
def test_a_lasting_state_denies_its_ending(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) == kinds


def test_cleared_of_a_charge_is_no_conviction() -> None:
    a = "A jury at Carden crown court convicted the former treasurer of fraud on Monday."
    cleared = "The former treasurer was cleared of fraud by a jury at Carden crown court on Monday."
    assert _kinds(a, cleared) == {"negation"}
    # cleared for use: an approval, not a verdict
    drug = "Regulators cleared the former treasurer's new drug for use on Monday."
    assert "negation" not in _kinds(a, drug)


# --------------------------------------------------------------------------- one event, named


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # one clause places the event, the other tells what happens at it
        (
            "The Tarvik mayoral election will be held on 14 June.",
            "Voters go to the polls for the Tarvik mayoral election on 21 June.",
            {"time"},
        ),
        (
            "A ruling in the Ostrava pipeline case is due on Wednesday.",
            "The judges will hand down their ruling in the Ostrava pipeline case on Friday.",
            {"time"},
        ),
        (
            "The governor called a snap election for 3 May after the budget was defeated.",
            "A snap election will be held on 10 May, the governor announced after the budget "
            "was defeated.",
            {"time"},
        ),
        # the day an election was called is not the election's
        (
            "The governor called a snap election on Monday after the budget was defeated.",
            "A snap election will be held on 10 May, the governor announced after the budget "
            "was defeated.",
            set(),
        ),
        # another event of the same name: the first round, the previous summit
        (
            "The runoff will be held on 9 November.",
            "Voters went to the polls for the first round on 26 October.",
            set(),
        ),
        (
            "The previous summit on river pollution was held in Ulden on 3 March.",
            "Ministers meet in Ulden on 10 March for the summit on river pollution.",
            set(),
        ),
        # a start, told of the noun or by a clause on it ("that takes effect")
        (
            "The truce between the two sides began at noon on Friday, mediators said.",
            "Mediators announced a truce that takes effect at noon on Saturday.",
            {"time"},
        ),
        # an active clause places its object ("workers began the strike")
        (
            "Workers began the strike at the Kessel docks on Monday.",
            "The strike at the Kessel docks began on Wednesday, the union said.",
            {"time"},
        ),
        # the start and the end of one strike are two times
        (
            "The strike at the Kessel docks began on Monday.",
            "The strike at the Kessel docks ended on Friday.",
            set(),
        ),
        # neither clause places it: fans may queue the day before the band plays
        (
            "The band played its farewell concert at the Arena on Saturday.",
            "Fans queued on Friday for the farewell concert at the Arena.",
            set(),
        ),
    ],
)
def test_an_event_named_by_a_noun_has_one_time(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) == kinds


# --------------------------------------------------------------------------- the one figure left


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a figure told alike, and one more of the same noun each, whatever the verbs
        (
            "The tanker was carrying 24 sailors and 3 cadets when it caught fire off Kessby.",
            "The tanker caught fire off Kessby with 31 sailors and 3 cadets on board.",
            {"number"},
        ),
        # no figure told alike: nothing shows the two count one thing
        (
            "The tanker was carrying 24 sailors when it caught fire off Kessby.",
            "Some 31 sailors were rescued from the burning tanker off Kessby.",
            set(),
        ),
        # a generic noun counts anything of a story
        (
            "The quake killed 3 villagers and left 14,000 people in tents.",
            "The quake killed 3 villagers and injured 40 people.",
            set(),
        ),
        # a price each is not the order's cost
        (
            "The county will spend 2.4 million euros on 18 new snowploughs.",
            "Eighteen snowploughs, costing about 133,000 euros each, were ordered for 2.4 "
            "million euros.",
            set(),
        ),
        # a figure per game is not a game's
        (
            "Okafor scored 23 points and grabbed seven rebounds against the Hawks.",
            "Okafor's 23 points and nine rebounds a game made him the league's best.",
            set(),
        ),
    ],
)
def test_the_one_figure_left_of_one_noun(a: str, b: str, kinds: set[str]) -> None:
    assert not (_kinds(a, b) ^ kinds) & {"number", "differs"}


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # one figure each, one told loosely, the other within it and close: graded
        (
            "More than 600 families were moved out of the Varna lowlands as the dam overflowed.",
            "Officials relocated 710 families from the Varna lowlands when the dam overflowed.",
            {"differs"},
        ),
        (
            "The ferry operator will cut up to 300 sailings from its winter timetable.",
            "The ferry operator is dropping 240 sailings this winter, a spokesman said.",
            {"differs"},
        ),
        # two specific nouns count two things
        (
            "More than 600 families were moved out of the Varna lowlands as the dam overflowed.",
            "Officials relocated 710 cattle from the Varna lowlands when the dam overflowed.",
            set(),
        ),
        # both told loosely, or far apart, or a unit: maybe two quantities
        (
            "More than 600 families were moved out of the Varna lowlands as the dam overflowed.",
            "About 700 households left the Varna lowlands when the dam overflowed.",
            set(),
        ),
        (
            "More than 600 families were moved out of the Varna lowlands as the dam overflowed.",
            "Officials relocated 2,400 households from the Varna lowlands when the dam overflowed.",
            set(),
        ),
        (
            "The Varna team gained more than 400 yards in the defeat.",
            "Varna's quarterback threw for 452 yards in the defeat.",
            set(),
        ),
    ],
)
def test_one_figure_each_told_loosely_and_within(a: str, b: str, kinds: set[str]) -> None:
    assert not (_kinds(a, b) ^ kinds) & {"number", "differs"}


# --------------------------------------------------------------------------- one party, two ways


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a plural and its singular name one party ("Rebels said" / "a rebel statement")
        (
            "Rebels in the hills said on Sunday they had destroyed three army trucks.",
            "According to a rebel statement, five army trucks were destroyed on Sunday.",
        ),
        # an agency that quotes or cites a source relays that source's figure
        (
            "Nine climbers were rescued from the Kessel glacier, the mountain rescue service said.",
            "According to the Alpine News Agency, which quoted the mountain rescue service, 14 "
            "climbers were rescued from the Kessel glacier.",
        ),
        (
            "Doctors at the Varna clinic said 12 people were treated for smoke inhalation.",
            "Reuters, citing doctors at the Varna clinic, reported that 20 people were treated "
            "for smoke inhalation.",
        ),
    ],
)
def test_one_party_told_two_ways_is_compared(a: str, b: str) -> None:
    assert "number" in _kinds(a, b)


def test_two_parties_each_reported_are_not_compared() -> None:
    a = "Nine climbers were rescued from the Kessel glacier, the mountain rescue service said."
    b = "According to the Alpine News Agency, 14 climbers were rescued from the Kessel glacier."
    assert "number" not in _kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # "went ahead" is "was held": a cancellation denies it
        (
            "The Kessby jazz festival went ahead on Sunday despite the storm warnings.",
            "Organisers called off Sunday's Kessby jazz festival because of storm warnings.",
            {"negation"},
        ),
        (
            "The Kessby jazz festival went ahead despite the storm warnings.",
            "The Kessby boat parade was cancelled because of the storm warnings.",
            set(),
        ),
        # accepting an offer is approving it
        (
            "The board of Varna Foods rejected the takeover offer from Ostby.",
            "The board of Varna Foods accepted the takeover offer from Ostby.",
            {"negation"},
        ),
    ],
)
def test_held_or_not_and_accepted_or_not(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation"} == kinds


def test_the_time_of_a_base_figure_is_not_the_claims() -> None:
    # "up from 40,000 last year" dates the 40,000, not this year's sales
    a = "This year's Varna book fair sold 52,000 tickets, up from 40,000 last year."
    assert _kinds(a, "The Varna book fair sold 61,000 tickets this year, organisers said.") == {
        "number"
    }
    assert _kinds(a, "The Varna book fair sold 52,000 tickets this year, organisers said.") == set()


def test_quotes_in_straight_single_quotes(read) -> None:  # type: ignore[no-untyped-def]
    a = "'Our crews will leave the harbour by Friday,' the port director said on Tuesday."
    b = "The port director said on Tuesday: 'Our crews will probably leave the harbour by Friday.'"
    assert _kinds(a, b) == {"quote"}
    # apostrophes in words and after plurals open no quote
    said = "The ministers' meeting ended and the teachers' union said it won't strike."
    assert read(said).quotes == ()


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # nouns of the lexicon that count one thing ("homes", "houses", "properties")
        (
            "The blaze above Ostby burned 900 hectares and destroyed 30 homes.",
            "Firefighters said the fire above Ostby burned 900 hectares and razed 75 houses.",
            {"number"},
        ),
        (
            "The carmaker will cut up to 1,200 jobs at its Varna plant.",
            "The carmaker is eliminating 950 positions at the Varna plant.",
            {"differs"},
        ),
        # two generic nouns count whom the verb tells
        (
            "More than 800 people were evacuated from the Varna lowlands on Monday.",
            "Officials moved 910 residents out of the Varna lowlands on Monday.",
            {"differs"},
        ),
    ],
)
def test_nouns_that_count_one_thing(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


def test_a_name_after_an_honorific_names_a_speaker() -> None:
    a = '"The bridge is safe for lorries," Dr Imre Vass, the city engineer, told the council.'
    other = (
        '"The bridge is safe for lorries," Dr Lena Kroll, the engineer\'s deputy, told the council.'
    )
    same = '"The bridge is safe for lorries," the city engineer, Imre Vass, told the council.'
    assert _kinds(a, other) == {"attribution"}
    assert _kinds(a, same) == set()


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # one sentence told twice, quoting other words: an altered quote
        (
            'The mayor of Ostby called the tram plan "costly and badly planned".',
            'The mayor of Ostby called the tram plan "reckless and badly planned".',
            {"quote"},
        ),
        (
            'The coach said his side had "played without fear" in the final.',
            'The coach said his side had "played without purpose" in the final.',
            {"quote"},
        ),
        # the same words in that sentence, or other sentences around the quotes
        (
            'The mayor of Ostby called the tram plan "costly and badly planned".',
            'The mayor of Ostby called the tram plan "costly and badly planned" on Monday.',
            set(),
        ),
        (
            'The mayor of Ostby called the tram plan "costly and badly planned".',
            'Residents of Ostby say the new market hall is "noisy and badly planned".',
            set(),
        ),
    ],
)
def test_one_sentence_quoting_other_words(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"quote"} == kinds


def test_a_headline_credits_its_quote_to_the_words_before_the_colon(read) -> None:  # type: ignore[no-untyped-def]
    a = 'Harbour master Ines Kell: "The ferry was overloaded"'
    b = 'Transport minister Olaf Brandt: "The ferry was overloaded"'
    assert read(a).quotes[0].speaker == "Harbour master Ines Kell"
    assert _kinds(a, b) == {"attribution"}
    # a sentence with a verb before the colon is no headline's speaker
    said = read('The report ends with one line: "The ferry was overloaded"')
    assert said.quotes[0].speaker != "The report ends with one line"


def test_a_denied_thing_told_as_a_subject_is_shown_whole() -> None:
    # the reason names what is disputed and quotes the telling of it, not just its verb
    a = "Officials say no pardon offers have been made to the rebel leader."
    b = "The offer of a pardon to the rebel leader is a risky move."
    [made] = find_conflicts(Side(0, "a", a, 0), Side(1, "b", b, 0))
    assert made.kind == "negation"
    assert made.reason.startswith("offers: ")
    assert 'b says "The offer of a pardon to the rebel leader is a risky move"' in made.reason


# ------------------------------------------------------------------ session 15: fresh12's misses


def test_a_name_after_a_title_the_parser_missed_names_a_speaker(read) -> None:  # type: ignore[no-untyped-def]
    # spaCy may read "Governor Tomas Aralt" as a work of art: the run of proper nouns after
    # the title is a name all the same
    a = '"The dam will hold through the night," Governor Tomas Aralt said.'
    b = 'Water board chief Petra Vinn told reporters: "The dam will hold through the night."'
    assert set(read(a).quotes[0].speaker_names) >= {"tomas", "aralt"}
    assert _kinds(a, b) == {"attribution"}
    # a title and a surname are one of the person's names
    c = '"The dam will hold through the night," Governor Aralt said.'
    assert _kinds(c, '"The dam will hold through the night," Tomas Aralt said.') == set()


def test_a_person_who_opens_a_quote_after_a_colon_is_its_speaker(read) -> None:  # type: ignore[no-untyped-def]
    a = "Goalkeeper Ines Barros put it plainly: 'We let our fans down tonight.'"
    assert read(a).quotes[0].speaker == "Goalkeeper Ines Barros"
    b = "'We let our fans down tonight,' manager Rui Sequeira said."
    assert _kinds(a, b) == {"attribution"}
    # one who reads out another's text voices it, and is not its speaker
    c = "Senator Ada Lind read out the petition: 'We let our fans down tonight.'"
    assert read(c).quotes[0].speaker == ""
    # nor is a thing that opens it
    d = "Police found a note in the van: 'We let our fans down tonight.'"
    assert read(d).quotes[0].speaker == ""


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # one named person's few words, one added inside the quote
        (
            "Councillor Marta Soler said the bypass was “a needless expense”.",
            "Councillor Marta Soler on Friday called the bypass “a completely needless expense”.",
            {"quote"},
        ),
        # the same few words: one quote
        (
            "Councillor Marta Soler said the bypass was “a needless expense”.",
            "Councillor Marta Soler on Friday called the bypass “a needless expense”.",
            set(),
        ),
        # two people's few words alike by chance are no altered quote
        (
            "Councillor Marta Soler said the bypass was “a needless expense”.",
            "Councillor Jon Abad said the stadium was “a very needless expense”.",
            set(),
        ),
    ],
)
def test_a_named_persons_few_words_told_two_ways(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"quote", "attribution"} == kinds


def test_a_labelling_verb_credits_its_quote_to_its_subject(read) -> None:  # type: ignore[no-untyped-def]
    said = read("Union leader Karl Ebbe described the pay offer as “an insult to every driver”.")
    assert said.quotes[0].speaker == "Union leader Karl Ebbe"
    said = read("The pay offer, called “an insult to every driver” in the leaflet, was rejected.")
    assert said.quotes[0].speaker != "The pay offer"


def test_a_cut_marked_with_an_ellipsis_is_no_altered_quote() -> None:
    a = '"The trial went well, though it was short, and we will now widen it," Dr Lia Horn said.'
    b = 'Dr Lia Horn said: "The trial went well ... and we will now widen it."'
    assert _kinds(a, b) & {"quote"} == set()
    # without the mark, the cut is the outlet's
    c = 'Dr Lia Horn said: "The trial went well and we will now widen it."'
    assert _kinds(a, c) & {"quote"} == {"quote"}


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a passive infinitive's shared subject is what it befalls
        (
            "The two unions signed the wage deal in Brest on Friday.",
            "The wage deal has yet to be signed, union officials in Brest said on Friday.",
            {"negation"},
        ),
        (
            "The two unions signed the wage deal in Brest on Friday.",
            "The wage deal is expected to be signed in Brest next month, officials said.",
            set(),
        ),
        # "no one was hurt" denies whoever else is said to be hurt
        (
            "No one was injured when a crane toppled onto the Lerby quay overnight, police said.",
            "Two dock workers were hurt when a crane fell onto the Lerby quay overnight.",
            {"negation"},
        ),
        (
            "Nobody was injured when a crane toppled onto the Lerby quay overnight.",
            "A crane fell onto the Lerby quay overnight, injuring a dock worker.",
            {"negation"},
        ),
        # another accident, at another time (the "when" clause times the injuries)
        (
            "No one was injured when a crane toppled onto the Lerby quay on 12 May.",
            "Two dock workers were hurt at the Lerby quay in March when a forklift overturned.",
            set(),
        ),
    ],
)
def test_passive_infinitives_and_no_one_hurt(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a relative clause set off after a subject's prepositional phrase tells of the subject
        (
            "The walkout at the Dunmore depot began on Tuesday and will last a week.",
            "The walkout at the Dunmore depot, which started on Thursday, will last a week.",
            {"time"},
        ),
        (
            "Built in 1961, the Orwin bridge over the Tay will shut for repairs.",
            "The Orwin bridge over the Tay, which was built in 1974, will shut for repairs.",
            {"time"},
        ),
        # without the comma the clause tells of the nearer noun
        (
            "The walkout at the Dunmore depot began on Tuesday and will last a week.",
            "A walkout at the depot that opened on Thursday will last a week.",
            set(),
        ),
    ],
)
def test_a_relative_clause_after_a_subjects_phrase(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"time"} == kinds


def test_phrasal_verbs_meet_their_synonyms(read) -> None:  # type: ignore[no-untyped-def]
    # a particle takes a listed verb elsewhere: "passed away" died, where "passed" approved
    assert _claim(read("The singer passed away on Monday."), "pass").key == (
        _claim(read("The singer died on Monday."), "die").key
    )
    assert _claim(read("The senate passed the bill on Monday."), "pass").key == (
        _claim(read("The senate approved the bill on Monday."), "approve").key
    )
    # a fire that broke out started
    assert _claim(read("A fire broke out at the warehouse on Friday."), "break").event_aspect == (
        "start"
    )
    a = "The blaze broke out at the Hessel timber yard shortly after 2 a.m. on Monday."
    b = "The fire at the Hessel timber yard started at about 10 p.m. on Sunday."
    assert _kinds(a, b) & {"time"} == {"time"}
    # another verb with the same particle is not the same claim
    c = "Workers walked out at the Hessel timber yard at about 10 p.m. on Sunday."
    assert _kinds(a, c) & {"time"} == set()


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a plan told in the present is the company's word, as "will" is
        (
            "Orsk Steel said it would close 1,200 posts at its two plants by 2027.",
            "Orsk Steel plans to shed up to 900 jobs at its two plants by 2027.",
            {"number"},
        ),
        # a wish is not a plan
        (
            "Orsk Steel said it would close 1,200 posts at its two plants by 2027.",
            "Orsk Steel wants to shed no more than 900 jobs at its two plants by 2027.",
            set(),
        ),
    ],
)
def test_a_plan_told_in_the_present_is_announced(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # one figure each of one specific noun, one told loosely, close but apart
        (
            "Heavy snow forced Brannick airport to scrap fewer than ten flights on Friday.",
            "Snow led to the cancellation of 13 flights at Brannick airport on Friday.",
            {"number"},
        ),
        (
            "Nearly half of the schools inspected in Lorne were found to be overcrowded.",
            "The inspectors found 37 percent of the schools in Lorne overcrowded.",
            {"number"},
        ),
        # within the loose figure: compatible, graded
        (
            "Heavy snow forced Brannick airport to scrap fewer than ten flights on Friday.",
            "Snow led to the cancellation of eight flights at Brannick airport on Friday.",
            {"differs"},
        ),
        # a generic noun counts anything of a story
        (
            "More than 300 people were evacuated from the Lorne valley on Friday.",
            "Rescuers moved 250 residents out of the Lorne valley on Friday.",
            set(),
        ),
        # a measure is not a count
        (
            "The storm dropped 90 mm of rain on Lorne in six hours.",
            "Lorne usually gets about 60 mm of rain in the whole of May.",
            set(),
        ),
    ],
)
def test_one_loose_figure_each_close_but_apart(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # bodies recovered are deaths counted
        (
            "At least 25 people were killed when the dam burst above Tarvo, rescuers said.",
            "Rescuers have recovered 28 bodies from the mud below the Tarvo dam.",
            {"differs"},
        ),
        (
            "At least 25 people were killed when the dam burst above Tarvo, rescuers said.",
            "Rescuers have recovered 28 bodies and pulled 40 survivors from the Tarvo mud.",
            {"differs"},
        ),
    ],
)
def test_bodies_count_deaths(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


def test_sitting_out_a_match_is_not_playing_it() -> None:
    a = "Captain Ines Mora played in Sunday's final against Dunmore."
    assert _kinds(a, "Captain Ines Mora sat out Sunday's final against Dunmore.") == {"negation"}
    assert _kinds(a, "Captain Ines Mora sat out Friday's training session.") == set()


def test_a_bare_number_the_parser_took_for_a_date_is_a_count(read) -> None:  # type: ignore[no-untyped-def]
    # spaCy's small pipeline tags "74" in "the death toll was 74" as a date
    said = "The storm's final death toll was 74, officials said."
    toll = read(said)
    assert [said[f.start : f.end] for f in toll.figures] == ["74"]
    assert toll.figures[0].measure == ("deaths",)
    assert _kinds(
        "The storm's final death toll was 74, officials said.",
        "The storm killed 47 people, officials said.",
    ) & {"number"} == {"number"}
    # a year or a day stays a time
    assert read("The bridge was opened in 1998.").figures == ()
    assert read("The vote was held on 12 May.").figures == ()


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a request is not a deed: "asked the minister to scrap the rule"
        (
            "The minister did not scrap the grazing rule on Tuesday.",
            "Farmers' groups asked the minister to scrap the grazing rule on Tuesday.",
            set(),
        ),
        (
            "The minister did not scrap the grazing rule on Tuesday.",
            "The minister still needs to scrap the grazing rule, farmers' groups said.",
            set(),
        ),
        # the deed itself
        (
            "The minister did not scrap the grazing rule on Tuesday.",
            "The minister scrapped the grazing rule on Tuesday, farmers' groups said.",
            {"negation"},
        ),
    ],
)
def test_a_request_is_not_a_deed(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # going to the polls is the election
        (
            "Voters in Ostravia go to the polls on 9 October to choose a new parliament.",
            "Ostravia's general election will take place on 16 October, officials confirmed.",
            {"time"},
        ),
        (
            "Voters in Ostravia go to the polls on 9 October to choose a new parliament.",
            "Ostravia's general election will take place on 9 October, officials confirmed.",
            set(),
        ),
        # going to a place is no event
        (
            "The prime minister of Ostravia goes to Brussels on 9 October for talks.",
            "Ostravia's general election will take place on 16 October, officials confirmed.",
            set(),
        ),
    ],
)
def test_going_to_the_polls_is_the_election(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"time"} == kinds


def test_room_for_a_number_is_no_count_of_it(read) -> None:  # type: ignore[no-untyped-def]
    assert read("The depot holds enough tents for 8,000 families.").figures == ()
    assert read("The new stand has room for 3,000 fans.").figures == ()
    # a count told with "for" is still one
    assert len(read("The charity found homes for 300 families.").figures) == 1
    a = "The camp at Orsa is now home to more than 9,000 families."
    assert _kinds(a, "A warehouse at Orsa holds enough tents for 6,000 families.") == set()
    assert _kinds(a, "Aid workers at Orsa say 6,000 families live in the camp.") == {"number"}


def test_a_name_the_speaker_belongs_to_is_not_the_speakers(read) -> None:  # type: ignore[no-untyped-def]
    b = "Omar Reyes's press secretary, Lina Voss, told reporters: “The talks have collapsed.”"
    assert set(read(b).quotes[0].speaker_names) == {"lina", "voss"}
    assert _kinds("“The talks have collapsed,” Governor Omar Reyes said.", b) == {"attribution"}
    # his spokesman speaks for him
    c = "Omar Reyes's spokesman told reporters: “The talks have collapsed.”"
    assert _kinds("“The talks have collapsed,” Governor Omar Reyes said.", c) == set()


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a count over several days and a count of one day: a whole and a part of it
        (
            "Police have made 90 arrests over three nights of rioting in Helmsby.",
            "Police arrested 35 people in Helmsby on Tuesday night.",
            set(),
        ),
        # both over the same stretch: one count
        (
            "Police have made 90 arrests over three nights of rioting in Helmsby.",
            "Police made 35 arrests over three nights of rioting in Helmsby.",
            {"number"},
        ),
    ],
)
def test_a_count_over_days_and_a_count_of_one_day(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # "could not" tells an inability firmly
        (
            "Firefighters could not reach the upper floors of the Vell tower block.",
            "Firefighters reached the upper floors of the Vell tower block and rescued six people.",
            {"negation"},
        ),
        # "could" alone is a hedge
        (
            "Firefighters could reach the upper floors of the Vell tower block by noon.",
            "Firefighters did not reach the upper floors of the Vell tower block.",
            set(),
        ),
        # not until a thing happened says when it did
        (
            "Firefighters could not reach the tower's upper floors until the smoke cleared.",
            "Firefighters reached the tower's upper floors once the smoke had cleared.",
            set(),
        ),
        # a purpose is not a deed
        (
            "Firefighters did not reach the upper floors of the Vell tower block.",
            "Firefighters raised a ladder to reach the upper floors of the Vell tower block.",
            set(),
        ),
        # struggling to do a thing is not doing it
        (
            "Firefighters did not reach the upper floors of the Vell tower block.",
            "Firefighters were struggling to reach the upper floors of the Vell tower block.",
            set(),
        ),
    ],
)
def test_inability_purpose_and_struggle(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation"} == kinds


# --------------------------------------------------------------------------- session 16: times


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a participle hung on "was" is a passive: what "closed the road" tells
        (
            "The coastal road at Amber Point was closed on Monday after a rockfall.",
            "Highway crews closed the coastal road at Amber Point on Thursday after a rockfall.",
            {"time"},
        ),
        (
            "The coastal road at Amber Point was closed on Monday after a rockfall.",
            "Highway crews closed the coastal road at Amber Point on Monday after a rockfall.",
            set(),
        ),
        # "is closed", in the present, is a state: still a denial of the reopening
        (
            "The coastal road at Amber Point reopened to traffic on Monday.",
            "The coastal road at Amber Point is still closed to traffic, officials said.",
            {"negation"},
        ),
        # going on strike, or on trial, is the event's start
        (
            "Dock workers at the port of Selm began their strike on Wednesday.",
            "Cargo piled up after dock workers at the port of Selm went on strike on Friday.",
            {"time"},
        ),
        (
            "Dock workers at the port of Selm began their strike on Wednesday.",
            "Cargo piled up after dock workers at the port of Selm went on strike on Wednesday.",
            set(),
        ),
        (
            "The trial of the former minister Olek Marr will open in March, the court said.",
            "The court said the former minister Olek Marr would go on trial in November.",
            {"time"},
        ),
        # a truce that came into force is a ceasefire that took effect
        (
            "The ceasefire in the Orla hills took effect at dawn on Monday.",
            "A truce in the Orla hills came into force on Wednesday, both sides said.",
            {"time"},
        ),
        (
            "The ceasefire in the Orla hills took effect on Monday.",
            "A truce in the Orla hills came into force on Monday, both sides said.",
            set(),
        ),
        # parts of the day far apart clash; near ones do not
        (
            "The blast at the Kerr paint factory happened shortly after 6 a.m. on Sunday.",
            "The explosion at the Kerr paint factory went off late on Sunday evening.",
            {"time"},
        ),
        (
            "The blast at the Kerr paint factory happened shortly after 6 a.m. on Sunday.",
            "The explosion at the Kerr paint factory went off early on Sunday morning.",
            set(),
        ),
        (
            "The blast at the Kerr paint factory happened at about 5 p.m. on Sunday.",
            "The explosion at the Kerr paint factory went off on Sunday afternoon.",
            set(),
        ),
    ],
)
def test_event_times_told_two_ways(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"time", "negation"} == kinds


def test_hours_of_two_days_are_not_one_moment() -> None:
    # a toll by Monday morning and a higher one by Tuesday night: a later count, graded
    kinds = _kinds(
        "By Monday morning the death toll from the Tarn bus crash stood at 14.",
        "By Tuesday night the death toll from the Tarn bus crash had risen to 22.",
    )
    assert kinds == {"differs"}


# --------------------------------------------------------------------------- session 17


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a verdict said of the object after its apposition
        (
            "A court in Tessel found the party treasurer, Hugo Brand, guilty of fraud on Monday.",
            "Party treasurer Hugo Brand was acquitted of fraud by a Tessel court on Monday.",
            {"negation"},
        ),
        (
            "A court in Tessel found the party treasurer, Hugo Brand, guilty of fraud on Monday.",
            "Party treasurer Hugo Brand was convicted of fraud by a Tessel court on Monday.",
            set(),
        ),
        # a listed phrasal verb is its own word, whatever its bare verb
        (
            "The transport secretary, Nia Holt, resigned on Friday over the rail contracts.",
            "Transport secretary Nia Holt refused to step down on Friday over the rail contracts.",
            {"negation"},
        ),
        (
            "The transport secretary, Nia Holt, resigned on Friday over the rail contracts.",
            "Transport secretary Nia Holt stepped down on Friday over the rail contracts.",
            set(),
        ),
        # turning an offer down rejects it; failing a test is not passing it
        (
            "Nurses at the Brill clinic accepted the board's revised pay offer on Tuesday.",
            "The board's revised pay offer was turned down by nurses at the Brill clinic.",
            {"negation"},
        ),
        (
            "The goalkeeper Ana Ruiz passed a late fitness test on Saturday.",
            "Goalkeeper Ana Ruiz failed her late fitness test on Saturday, the club said.",
            {"negation"},
        ),
        # failing to do a thing tells of that thing, not the opposite of passing
        (
            "The new rules let a majority of jurors approve a sentence of life in prison.",
            "The jury failed to reach a unanimous decision on the sentence.",
            set(),
        ),
        # the members of a body acting together are the body; another body is not
        (
            "The Senate approved the mining royalties bill on Wednesday.",
            "Senators on Wednesday rejected the bill on mining royalties.",
            {"negation"},
        ),
        (
            "The Senate approved the mining royalties bill on Wednesday.",
            "Shareholders on Wednesday rejected the bill on mining royalties.",
            set(),
        ),
        # "stayed shut" is a lasting state: it denies the reopening
        (
            "The Pell Bridge reopened to traffic on Thursday.",
            "The Pell Bridge stayed shut to traffic on Thursday.",
            {"negation"},
        ),
        (
            "The Pell Bridge reopened to traffic on Thursday.",
            "The Pell Bridge stayed shut until Thursday, when it reopened to traffic.",
            set(),
        ),
    ],
)
def test_verdicts_phrasal_verbs_bodies_and_lasting_states(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation", "time"} == kinds


def test_a_phrasal_verbs_particle_is_part_of_its_words(read) -> None:  # type: ignore[no-untyped-def]
    text = "The union turned down the offer."
    turned = _claim(read(text), "turn")
    assert text[turned.start : turned.end] == "turned down"


def test_a_time_conflict_names_the_event_it_places() -> None:
    found = find_conflicts(
        Side(0, "a", "Bus drivers in Orvik went on strike on Monday over pay.", 0),
        Side(1, "b", "Bus drivers in Orvik went on strike on Thursday over pay.", 0),
    )
    assert [c.kind for c in found] == ["time"]
    assert "when (strike)" in found[0].reason


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # "passed away" befalls its subject, as "died" does; an age is no time
        (
            "The novelist Ada Quill died on Tuesday at her home in Lisk, aged 90.",
            "Ada Quill, the novelist, passed away at the age of 90 at her home in Lisk on Friday.",
            {"time"},
        ),
        (
            "The novelist Ada Quill died on Tuesday at her home in Lisk, aged 90.",
            "Ada Quill, the novelist, passed away at the age of 90 at her home in Lisk on Tuesday.",
            set(),
        ),
        # a thing that closed its doors closed
        (
            "The Varn paper mill was shut down in 2017 after years of losses.",
            "After years of losses, the paper mill in Varn closed its doors in 2020.",
            {"time"},
        ),
        (
            "The Varn paper mill was shut down in 2017 after years of losses.",
            "After years of losses, the paper mill in Varn closed its doors in 2017.",
            set(),
        ),
        # "gave way": a listed verb and its bare noun are one word
        (
            "The roof of the Tolk sports hall collapsed at about 3 p.m. on Sunday.",
            "Shortly before 9 a.m. on Sunday, the roof of the Tolk sports hall gave way.",
            {"time"},
        ),
        # an event moved, postponed or put back is placed at its new time, not the day it
        # was moved on
        (
            "The Halden marathon has been moved to Sunday because of the heat.",
            "Because of the heat, the Halden marathon will be held on Saturday.",
            {"time"},
        ),
        (
            "The Halden marathon was postponed on Thursday because of the heat.",
            "Because of the heat, the Halden marathon will be held on Saturday.",
            set(),
        ),
    ],
)
def test_deaths_closures_collapses_and_new_times(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation", "time"} == kinds


def test_a_base_figures_time_scopes_no_other_figure(read) -> None:  # type: ignore[no-untyped-def]
    # "up from 21 in the previous vote": the 21 is the previous vote's, not the 43
    r = read("Up from 21 in the previous vote, the Liberals now hold 43 of the council's 90 seats.")
    assert _figure(r, 43).scope == ()
    kinds = _kinds(
        "The Liberals took 38 seats on the 90-member council, up from 21 last time.",
        "Up from 21 in the previous vote, the Liberals now hold 43 of the council's 90 seats.",
    )
    assert kinds == {"number"}


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # words a verb of saying reports are a quote, not a phrase inside the sentence
        (
            'The mayor of Dunmore, Rosa Keel, said "the count was rigged" on Sunday night.',
            'On Sunday night the governor, Ivo Lint, declared that "the count was rigged".',
            {"attribution"},
        ),
        (
            'The mayor of Dunmore, Rosa Keel, said "the count was rigged" on Sunday night.',
            'On Sunday night Mayor Rosa Keel of Dunmore said that "the count was rigged".',
            set(),
        ),
        # a cut marked with an ellipsis at a quote's start or end is no altered quote
        (
            '"After a long night of talks, we have a budget that protects our schools," the'
            " council leader said.",
            'The council leader said "...we have a budget that protects our schools".',
            set(),
        ),
        (
            '"We have a budget that protects our schools and our libraries," the council'
            " leader said.",
            'The council leader said "we have a budget that protects our schools...".',
            set(),
        ),
        (
            '"We have a budget that protects our schools and our libraries," the council'
            " leader said.",
            'The council leader said "we have a budget that protects our schools".',
            {"quote"},
        ),
    ],
)
def test_reported_quotes_and_cuts_marked_at_the_ends(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"attribution", "quote"} == kinds


def test_a_trial_not_halted_and_one_paused() -> None:
    kinds = _kinds(
        "The Lomar drug trial was not halted after the two setbacks, the firm said.",
        "The firm paused its Lomar drug trial after two setbacks.",
    )
    assert kinds == {"negation"}


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # the whole country and a region of it are two places
        (
            "Inflation in the Tarsk region rose to 6 percent in May, the statistics office said.",
            "Nationwide, inflation stood at 8 percent in May, the statistics office said.",
            set(),
        ),
        (
            "Inflation in the Tarsk region rose to 6 percent in May, the statistics office said.",
            "In the Tarsk region, inflation rose to 8 percent in May, the statistics office said.",
            {"number"},
        ),
        # a figure each party keeps on both sides, one of them "put at" by its claimant
        (
            "The army says four soldiers died in the ambush near Orvel; a local militia says 19.",
            "A local militia put the army's death toll from the Orvel ambush at 19, well above"
            " the army's own count.",
            set(),
        ),
        # a toll of the same place's earlier disaster, timed by the clause that tells of it
        (
            "Six people died when the Marro bridge collapsed on Sunday, police said.",
            "The toll from Sunday's Marro bridge collapse is far below the 48 deaths caused when"
            " the old bridge fell in 1979, police said.",
            set(),
        ),
        # an event pushed back is placed at its new time
        (
            "The Orla book fair has been pushed back to October.",
            "The Orla book fair will be held in September, its organisers said.",
            {"time"},
        ),
    ],
)
def test_places_parties_earlier_tolls_and_new_times(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs", "time"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # what one resigns "over" is the reason, not what the claim is about
        (
            "The mayor of Vesk, Ida Lorne, resigned on Monday over the parking contracts.",
            "Ida Lorne refused to step down as Vesk's mayor on Monday despite the parking row.",
            {"negation"},
        ),
        # closed on one day, open on the next: the days tell two events, whatever the hour
        (
            "The Orsel library did not open on Friday because of a power cut, staff said.",
            "The Orsel library reopened to readers on Saturday morning after the power cut.",
            set(),
        ),
        # a score names no thing: "the 3-0 win" and "the full 90 minutes" of it are one game
        (
            "Fit again, Lev Antic played the full 90 minutes of the 3-0 win over Brenn.",
            "Still nursing a knee injury, Lev Antic sat out the 3-0 victory over Brenn.",
            {"negation"},
        ),
    ],
)
def test_reasons_days_and_scores(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation", "time"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a specific noun counts a group of its own, not the whole toll (on ECB+, reading
        # "nine Israelis were killed" as the deaths made 33 false flags against "42 people")
        (
            "Nine soldiers were killed in the fighting near Tor on Monday, the army said.",
            "Some 42 people were killed in the fighting near Tor on Monday, doctors said.",
            set(),
        ),
        # two nouns of two groups are two tolls
        (
            "Four climbers died when an avalanche hit the Tor pass on Monday.",
            "Two guides died when an avalanche hit the Tor pass on Monday.",
            set(),
        ),
        # a clause told as years before the story's event is another event
        (
            "Monday's avalanche on the Tor pass injured 11 climbers, rescuers said, three years"
            " after a slide on the same slope injured 30.",
            "Rescuers said 30 climbers were hurt in Monday's avalanche on the Tor pass.",
            {"number"},
        ),
    ],
)
def test_tolls_of_nouns_and_of_earlier_events(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a "when" clause, or a year's relative clause, dates the count it tells
        (
            "Storm Vela killed 31 people along the Ardo coast, the coastguard said.",
            "The coastguard said 76 people died when Storm Kiri hit the Ardo coast last year,"
            " more than twice Vela's toll.",
            set(),
        ),
        (
            "The flood that hit the town of Pell on Friday killed nine people, officials said.",
            "Friday's flood was the worst in Pell since 1998, when 40 people died as the river"
            " rose.",
            set(),
        ),
        # a count of what the claim acts on, told at two times, is two editions
        (
            "The Orvin book fair sold 41,000 tickets this year.",
            "Last year the Orvin book fair sold 35,000 tickets, its organisers said.",
            set(),
        ),
        # one sinking at two days is still a time conflict, whatever else it carried
        (
            "The trawler sank off Cape Lenn on Monday with 12 crew on board, the owners said.",
            "The trawler sank off Cape Lenn on Wednesday with 12 crew on board, the owners said.",
            {"time"},
        ),
    ],
)
def test_counts_dated_by_their_clauses_and_two_editions(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs", "time"} == kinds


def test_when_a_doing_starts_is_the_start_of_its_subject() -> None:
    # "will start carrying passengers in 2027": the line opens then, not in March 2026
    kinds = _kinds(
        "The new tram line in Orvik will open in May 2027, the city said.",
        "The city said Orvik's new tram line would start carrying passengers in 2028.",
    )
    assert kinds == {"time"}
    same = _kinds(
        "The new tram line in Orvik will open in May 2027, the city said.",
        "The city said Orvik's new tram line would start carrying passengers in May 2027.",
    )
    assert same == set()


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a participle after its host happens when the host does; "launching" starts
        (
            "The bus drivers' strike in Orvik over pay cuts began on Tuesday, the union said.",
            "Bus drivers in Orvik stopped work on Friday, launching an open-ended strike over pay.",
            {"time"},
        ),
        (
            "The bus drivers' strike in Orvik over pay cuts began on Friday, the union said.",
            "Bus drivers in Orvik stopped work on Friday, launching an open-ended strike over pay.",
            set(),
        ),
        (
            "Voters in Lisk chose a new mayor on Sunday, electing the former nurse Ada Hohl.",
            "The former nurse Ada Hohl was elected mayor of Lisk on Tuesday.",
            {"time"},
        ),
        # a participle that counts keeps no time of its host: its count is the toll
        (
            "The bus crashed on Monday, killing six passengers.",
            "The bus crashed on Monday, killing nine passengers.",
            {"number"},
        ),
    ],
)
def test_participles_share_their_hosts_time(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs", "time"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # an owner's thing told as what happened and as what its owner did
        (
            "Lina Varga's move from Kessel to Dorn fell through on deadline day.",
            "Lina Varga completed her move from Kessel to Dorn on deadline day.",
            {"negation"},
        ),
        # another's thing is another claim ("Larsen's assistant" is not Larsen)
        (
            "Lina Varga's move from Kessel to Dorn fell through on deadline day.",
            "Ida Roth completed her move from Kessel to Dorn on deadline day.",
            set(),
        ),
    ],
)
def test_an_owners_thing_and_its_owners_deed(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation"} == kinds


def test_a_time_noun_after_a_preposition_is_no_object(read) -> None:  # type: ignore[no-untyped-def]
    fell = _claim(read("The deal fell through on deadline day."), "fall")
    assert fell.object == ""


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # one role for two named bodies is two speakers
        (
            '"The truce has been broken many times," a spokesman for the Ruthenian army said.',
            '"The truce has been broken many times," a spokesman for the Moldovan army said.',
            {"attribution"},
        ),
        (
            '"The truce has been broken many times," a spokesman for the Ruthenian army said.',
            '"The truce has been broken many times," an army spokesman said.',
            set(),
        ),
        # a name next to the verb of saying, where the parser hangs it elsewhere
        (
            '"No minister will be above the law," Premier Ida Strand said as she presented the'
            " bill in Tallis.",
            '"No minister will be above the law," said Vice-Premier Karl Osk as the bill was'
            " presented in Tallis.",
            {"attribution"},
        ),
        (
            '"The lorry just kept going into the market," witness Pia Lund told the radio.',
            '"The lorry just kept going into the market," an officer at the scene, Constable'
            " Eva Tarn, told the radio.",
            {"attribution"},
        ),
        (
            '"The lorry just kept going into the market," witness Pia Lund told the radio.',
            '"The lorry just kept going into the market," a witness, Pia Lund, told the radio.',
            set(),
        ),
    ],
)
def test_speakers_of_bodies_and_names_beside_the_verb(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"attribution", "quote"} == kinds


def test_an_attribution_names_the_quote_as_written() -> None:
    found = find_conflicts(
        Side(0, "a", '"We\'re aware of the problem with the roof," the mayor, Ada Lee, said.', 0),
        Side(
            1, "b", '"We\'re aware of the problem with the roof," the governor, Eli Orr, said.', 0
        ),
    )
    assert [c.kind for c in found] == ["attribution"]
    assert "We're aware of the problem" in found[0].reason
    assert "We're We're" not in found[0].reason


def test_a_quote_in_single_quotes_after_that(read) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The minister, Eva Holm, said on Friday that 'there will be no new fuel duties this year.'"
    )
    quotes = read(text).quotes
    assert [q.words.rstrip(".") for q in quotes] == ["there will be no new fuel duties this year"]
    assert "Holm" in quotes[0].speaker
    assert not quotes[0].fragment
    # an apostrophe before a small letter elsewhere opens no quote
    assert read("The players' 'dream season' ended in May, the club said.").quotes == ()


def test_a_bare_adverb_is_no_particle(read) -> None:  # type: ignore[no-untyped-def]
    text = "Shares in Orvo rose sharply on Monday."
    rose = _claim(read(text), "rise")
    assert text[rose.start : rose.end] == "rose"


@pytest.mark.parametrize(
    ("a", "b", "topic"),
    [
        (
            "The health minister, Ana Lutz, resigned on Monday over the contracts.",
            "Health minister Ana Lutz refused to step down on Monday over the contracts.",
            "resign",
        ),
        ("The Tarn tunnel reopened on Monday.", "The Tarn tunnel stayed shut on Monday.", "reopen"),
    ],
)
def test_a_denial_told_by_another_verb_is_summarised_by_the_deed(
    a: str, b: str, topic: str
) -> None:
    # "who says what": the dispute is what one side says happened, not the other's verb
    found = [
        c for c in find_conflicts(Side(0, "a", a, 0), Side(1, "b", b, 0)) if c.kind == "negation"
    ]
    assert [c.topic for c in found] == [topic]


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a thing left as it was denies the change the other tells
        (
            "The Bank of Velna left its main rate unchanged on Wednesday.",
            "The Bank of Velna cut its main rate by half a point on Wednesday.",
            {"negation"},
        ),
        (
            "The Bank of Velna kept interest rates on hold on Wednesday.",
            "The Bank of Velna raised interest rates on Wednesday, surprising markets.",
            {"negation"},
        ),
        # another rate, or another day, is another change
        (
            "The Bank of Velna left its deposit rate unchanged on Wednesday.",
            "The Bank of Velna cut its lending rate on Wednesday.",
            set(),
        ),
        (
            "The Bank of Velna left its main rate unchanged in March.",
            "The Bank of Velna cut its main rate in June.",
            set(),
        ),
    ],
)
def test_a_thing_left_as_it_was_and_a_change(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation", "time"} == kinds


# --------------------------------------------------------------------------- session 18


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Several hundred families left the valley.", 200, 999),
        ("A few thousand fans waited outside.", 2_000, 9_990),
        ("Several dozen flights were cancelled.", 24, 119.88),
    ],
)
def test_a_vague_number_of_a_scale_is_a_range(read, text, low, high) -> None:  # type: ignore[no-untyped-def]
    figure = _figure(read(text), (low + high) / 2)
    assert (figure.low, round(figure.high, 2), figure.qualifier) == (low, high, "vague")


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # one vague amount told two ways
        (
            "Hundreds of homes in Carro lost power during the storm.",
            "Several hundred homes in Carro lost power during the storm.",
            set(),
        ),
        # a vague amount of another scale is another figure, compatible or not
        (
            "Thousands of people fled Carro ahead of the storm.",
            "Tens of thousands of people fled Carro ahead of the storm.",
            {"differs"},
        ),
        (
            "Several hundred residents were moved out of Carro before the storm.",
            "Carro evacuated 420 residents before the storm.",
            {"differs"},
        ),
    ],
)
def test_vague_amounts(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a specific noun for the generic one, one verb: one toll told two ways
        (
            "At least 20 people were killed when the dam at Orrin burst.",
            "The burst dam at Orrin killed 23 farmers, officials said.",
            {"differs"},
        ),
        # two specific nouns count two things
        (
            "At least 20 miners were killed when the dam at Orrin burst.",
            "The burst dam at Orrin killed 23 farmers, officials said.",
            set(),
        ),
        # another verb, another quantity
        (
            "At least 20 people were injured when the dam at Orrin burst.",
            "The burst dam at Orrin killed 23 farmers, officials said.",
            set(),
        ),
    ],
)
def test_a_specific_noun_for_a_generic_one(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a title in small letters before the name: the name is the speaker's
        (
            '"We were second best all night," Lions captain Mia Rook said after the game.',
            'Lions coach Dan Ebb said after the game: "We were second best all night."',
            {"attribution"},
        ),
        (
            '"We were second best all night," Lions captain Mia Rook said after the game.',
            'Captain Mia Rook said after the game: "We were second best all night."',
            set(),
        ),
        # a passive verb of saying: the speaker is after "by", the subject listens
        (
            '"Your firm will repay every customer," regulator Ada Kell told Vexo boss Tom Ray.',
            'Vexo boss Tom Ray was told by regulator Ada Kell that "your firm will repay every '
            'customer."',
            set(),
        ),
        (
            '"Your firm will repay every customer," regulator Ada Kell told Vexo boss Tom Ray.',
            'Vexo boss Tom Ray told regulator Ada Kell that "your firm will repay every customer."',
            {"attribution"},
        ),
    ],
)
def test_speakers_named_after_a_title_or_by(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"attribution", "quote"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # the object of a deed only meant, with its own participle, is counted firmly
        (
            "Divers are trying to reach 12 cavers trapped since Friday in the Oska cave.",
            "Eight cavers have been trapped in the Oska cave since Friday.",
            {"number"},
        ),
        # without the participle, the figure is of the deed only meant
        (
            "Divers hope to rescue 12 cavers in the Oska cave by Friday.",
            "Divers rescued eight cavers in the Oska cave on Friday.",
            set(),
        ),
    ],
)
def test_the_participle_of_a_meant_deeds_object(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a count one claims for oneself, told bare, counts what was counted before it
        (
            "Unions said 40,000 workers marched in Bresk, while police counted 15,000.",
            "Police said 22,000 workers joined the march in Bresk; unions claimed 40,000.",
            {"number"},
        ),
        # rival claimants each counted: two claims, each told right
        (
            "Unions said 40,000 workers marched in Bresk.",
            "Police counted 15,000 workers at the march in Bresk.",
            set(),
        ),
        (
            "Unions said 40,000 workers joined the march in Bresk.",
            "Police put the number of workers marching in Bresk at 15,000.",
            set(),
        ),
        # a spokesman for the one who counts is that party
        (
            "Orvik Rail said 9,000 travellers were stranded by the strike.",
            "A spokesman for Orvik Rail put the number of travellers stranded by the strike "
            "at 6,500.",
            {"number"},
        ),
        # joining a body is no march
        (
            "The Green Party says more than 3,000 people marched in Bresk on Sunday.",
            "Green Party leader Ina Holt said 2,100 people had joined the party on Sunday.",
            set(),
        ),
    ],
)
def test_counts_claimed_counted_or_put_at(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a particle that takes the preposition is still the phrasal verb's
        (
            "The opposition did not boycott the budget session; its members voted against it.",
            "Opposition members stayed away from the budget session in protest.",
            {"negation"},
        ),
        (
            "Opposition members boycotted the budget session in protest.",
            "Opposition members stayed away from the budget session in protest.",
            set(),
        ),
    ],
)
def test_a_particle_with_its_preposition(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation"} == kinds


@pytest.mark.parametrize("verb", ["warned", "vowed", "admitted", "tweeted", "replied"])
def test_any_verb_of_saying_names_the_quotes_speaker(verb: str) -> None:
    words = "We will not close a single rural school this year"
    a = f'"{words}," education minister Rosa Lind {verb}.'
    b = f'"{words}," opposition leader Omar Haddad {verb}.'
    assert _kinds(a, b) & {"attribution", "quote"} == {"attribution"}
    cut = f'"We will not close a single rural school," education minister Rosa Lind {verb}.'
    assert _kinds(a, cut) & {"attribution", "quote"} == {"quote"}


@pytest.mark.parametrize(
    ("a_speaker", "b_speaker", "kinds"),
    [
        # a form of address names no one
        ("education minister Rosa Lind", "Ms Lind", set()),
        # one who speaks for the speaker relays the speaker's words
        ("education minister Rosa Lind", "a spokesman for education minister Rosa Lind", set()),
        ("education minister Rosa Lind", "her spokeswoman", set()),
        # a named aide is a person of their own
        ("her aide, Ivo Brand,", "her lawyer, Nina Sauer,", {"attribution"}),
        (
            "education minister Rosa Lind",
            "a spokesman for opposition leader Omar Haddad",
            {"attribution"},
        ),
    ],
)
def test_speakers_who_relay_or_are_addressed(
    a_speaker: str, b_speaker: str, kinds: set[str]
) -> None:
    words = "We will not close a single rural school this year"
    a = f'"{words}," {a_speaker} said.'
    b = f'"{words}," {b_speaker} said.'
    assert _kinds(a, b) & {"attribution", "quote"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a currency told once serves a sum told bare after it
        (
            "Brenna Foods reported sales of 2.4 billion euros and a net profit of 110 million.",
            "Brenna Foods said its net profit came to 150 million euros on sales of 2.4 billion.",
            {"number"},
        ),
        # not a count named after it
        (
            "The Brenna film cost 20 million euros and was seen by 3 million people.",
            "The Brenna film was seen by 3 million people.",
            set(),
        ),
        # sums named by two verbs are two sums
        (
            "Brenna Foods raised 40 million euros from investors in March.",
            "Brenna Foods spent 25 million euros on a new plant in March.",
            set(),
        ),
    ],
)
def test_sums_and_their_currency(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # two named people with one title are two doers
        (
            "Health minister Ana Belo resigned on Monday.",
            "Finance minister Rui Sal refused to resign.",
            set(),
        ),
        # two nouns for one group are not
        (
            "Rebel fighters fired rockets at the Tarso base on Monday.",
            "The army denied that rebel militants fired rockets at the Tarso base on Monday.",
            {"negation"},
        ),
        # a rank word makes another person
        (
            "Police arrested the mayor of Dorn on Tuesday.",
            "The deputy mayor of Dorn was not arrested.",
            set(),
        ),
        (
            "Police arrested the mayor of Dorn on Tuesday.",
            "The mayor of Dorn was not arrested.",
            {"negation"},
        ),
        # "opposition deputies": the head itself is no rank
        (
            "The opposition did not boycott the budget session.",
            "Opposition deputies boycotted the budget session.",
            {"negation"},
        ),
    ],
)
def test_doers_told_apart_by_name_or_rank(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a thing kept in a state stays in it
        (
            "Authorities reopened the Ellan bridge on Sunday.",
            "Authorities kept the Ellan bridge closed on Sunday.",
            {"negation"},
        ),
        # a verb told of what it befalls, with or without its doer
        (
            "Authorities reopened the Ellan bridge on Sunday.",
            "The Ellan bridge did not reopen on Sunday.",
            {"negation"},
        ),
        ("The council closed the Ellan pool in May.", "The Ellan pool closed in June.", {"time"}),
        # another thing of the same place
        (
            "The Ellan bridge reopened to traffic on Sunday.",
            "The Ellan tunnel remained closed on Sunday.",
            set(),
        ),
        (
            "Authorities reopened the Ellan bridge on Sunday.",
            "The Ellan tunnel did not reopen on Sunday.",
            set(),
        ),
        # staying on is not leaving
        (
            "Health minister Ana Belo resigned on Monday.",
            "Ana Belo will stay on as health minister.",
            {"negation"},
        ),
    ],
)
def test_states_kept_and_verbs_of_what_they_befall(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation", "time"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # the one beaten in a named contest lost it
        (
            "Kara Obi won the Tarsk mayoral election.",
            "Kara Obi was defeated in the Tarsk mayoral election.",
            {"negation"},
        ),
        (
            "Kara Obi won the Tarsk mayoral election.",
            "Dan Ude beat Kara Obi in the Tarsk mayoral election.",
            {"negation"},
        ),
        # the winner beat someone: no dispute
        (
            "Dan Ude won the Tarsk mayoral election.",
            "Dan Ude beat Kara Obi in the Tarsk mayoral election.",
            set(),
        ),
        # a season has many games: a defeat in one says nothing of a win in another
        (
            "The Harts were beaten by the Owls in week 9.",
            "The Harts scored late and won the game.",
            set(),
        ),
        # a win in another contest
        (
            "The Harts beat the Owls 3-1 in the league on Saturday.",
            "The Owls won the cup final in May.",
            set(),
        ),
    ],
)
def test_the_one_beaten_lost(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation"} == kinds


_TOLLS = [
    "{n} people were killed in the Orsk floods.",
    "The Orsk floods killed {n} people.",
    "The Orsk floods have left {n} dead.",
    "The Orsk floods claimed {n} lives.",
    "{n} people lost their lives in the Orsk floods.",
    "Floods swept through Orsk, killing {n} people.",
]
_EVACUATED = [
    "{n} residents were evacuated from Orsk.",
    "The floods forced {n} people from their homes in Orsk.",
    "Some {n} people were moved out of Orsk.",
    "{n} people have been displaced in Orsk.",
]
_JOBS = [
    "Orsk Steel will cut {n} jobs.",
    "{n} workers will lose their jobs at Orsk Steel.",
    "Orsk Steel is to lay off {n} workers.",
]


@pytest.mark.parametrize(
    ("a", "b"),
    [(x, y) for forms in (_TOLLS, _EVACUATED, _JOBS) for x in forms for y in forms if x != y],
)
def test_one_quantity_told_by_many_phrases(a: str, b: str) -> None:
    # the same count told two ways: the phrase ("claimed ... lives", "forced ... from their
    # homes", "lose their jobs") names the measure, so other values conflict
    assert _kinds(a.format(n=40), b.format(n=65)) & {"number", "differs"} == {"number"}
    assert _kinds(a.format(n=40), b.format(n=40)) & {"number", "differs"} == set()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Orsk floods claimed 40 lives.", "The Orsk floods forced 65 people from their homes."),
        (
            "40 people lost their lives in the Orsk floods.",
            "65 people lost their homes in the Orsk floods.",
        ),
        ("Orsk Steel is to lay off 40 workers.", "Orsk Steel employs 650 workers."),
        (
            "40 workers will lose their jobs at Orsk Steel.",
            "65 workers will keep their jobs at Orsk Steel.",
        ),
        ("The Orsk blast left 40 people injured.", "The Orsk blast left 65 people homeless."),
        ("The Orsk floods have left 40 dead.", "The 2019 floods in Orsk left 65 dead."),
    ],
)
def test_phrases_of_other_quantities(a: str, b: str) -> None:
    assert _kinds(a, b) & {"number", "differs"} == set()


def test_a_simultaneous_clause_times_its_host() -> None:
    # "as the water rose on Wednesday" dates the evacuation: a later, higher count is graded
    a = "About 2,000 residents were evacuated below the Orsk dam as the water rose on Wednesday."
    b = (
        "Officials said on Thursday that 3,450 people had been moved out of the valley below "
        "the Orsk dam."
    )
    assert _kinds(a, b) & {"number", "differs"} == {"differs"}


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # whom a thing opens to is no object: the bridge's opening is placed
        (
            "The new Kell bridge opened to traffic in 2022.",
            "The Kell bridge, opened in 2024, is busy.",
            {"time"},
        ),
        (
            "The new Kell bridge opened to traffic in 2022.",
            "Officials opened the new Kell bridge in 2024.",
            {"time"},
        ),
        (
            "The new Kell bridge opened to traffic in 2022.",
            "The new Kell tunnel opened to traffic in 2024.",
            set(),
        ),
        # "is set for" places an event, as "is scheduled for" does
        (
            "The Maren regional election is set for 3 March.",
            "The Maren regional election will be held on 10 March.",
            {"time"},
        ),
        (
            "The Maren regional election is set for 3 March.",
            "The Maren council set a record for turnout on 10 March.",
            set(),
        ),
    ],
)
def test_openings_and_events_set_for_a_day(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"time"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # one thing told by its lexicon names
        (
            "The Kest fire destroyed 35 homes.",
            "Some 60 houses were destroyed by the Kest fire.",
            {"number"},
        ),
        # a substance in one unit, whatever the verbs
        (
            "The Kest storm dumped 90 mm of rain on Sunday.",
            "The Kest storm brought 150 millimetres of rain on Sunday.",
            {"number"},
        ),
        (
            "The Kest storm dumped 90 mm of rain on Sunday.",
            "The Kest storm dumped 150 mm of snow on Sunday.",
            set(),
        ),
        # a norm is no count of the event; nor is the season before
        (
            "Tuesday's storm dropped 90 mm of rain on Kest.",
            "Kest usually gets about 70 mm of rain in the whole of July.",
            set(),
        ),
        (
            "Kest farmers harvested 1.2 million tonnes of wheat this season.",
            "Kest had brought in 900,000 tonnes of wheat the season before.",
            set(),
        ),
        # a participle the parser hangs on the reported noun is still reported
        (
            "The company says the spill released 200 barrels of oil into the Kest estuary.",
            "Environmental groups estimate that at least 2,000 barrels of oil leaked into the "
            "Kest estuary.",
            set(),
        ),
        # "lasted" takes a length of time; the words of a verb tagged as a noun still count
        ("The Kest trial lasted six weeks.", "The Kest trial lasted four months.", {"number"}),
        (
            "The Kest strike cost the company 12 million euros.",
            "The strike at Kest cost 30 million euros, the firm said.",
            {"number"},
        ),
        # turnout told by its verb
        (
            "Turnout in the Kest election was 61 percent.",
            "Some 48% of Kest voters turned out.",
            {"number"},
        ),
        # area burned, told by two verbs
        (
            "The Kest wildfire has burned 2,300 hectares.",
            "The Kest wildfire has scorched 5,400 hectares.",
            {"number"},
        ),
    ],
)
def test_measures_units_and_norms(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


def test_wont_is_will_not() -> None:
    a = 'Mayor Ines Varro said: "We will not raise fares for students this year."'
    b = '"We won\'t raise fares for students this year," said Mayor Ines Varro.'
    assert _kinds(a, b) & {"quote", "attribution"} == set()


@pytest.mark.parametrize(
    ("a_speaker", "b_speaker", "form", "kinds"),
    [
        # a title in small letters the parser took for a verb still names the speaker
        ("engineer Tomas Reiner", "mayor Elin Sundt", '"{q}," said {s}.', {"attribution"}),
        ("engineer Tomas Reiner", "mayor Elin Sundt", 'According to {s}, "{q}."', {"attribution"}),
        ("engineer Tomas Reiner", "Tomas Reiner", '"{q}," said {s}.', set()),
        # one role for two bodies named in small letters: two voices
        ("a ministry spokesman", "a union spokeswoman", '"{q}," {s} said.', {"attribution"}),
        # a ministry speaks for the government
        ("a government spokesman", "a ministry spokesman", '"{q}," {s} said.', set()),
        ("a ministry spokesman", "a ministry spokeswoman", '"{q}," {s} said.', set()),
    ],
)
def test_speakers_after_a_title_or_for_a_body(
    a_speaker: str, b_speaker: str, form: str, kinds: set[str]
) -> None:
    words = "The bridge was never safe for heavy lorries"
    a = form.format(q=words, s=a_speaker)
    b = form.format(q=words, s=b_speaker)
    assert _kinds(a[0].upper() + a[1:], b[0].upper() + b[1:]) & {"attribution"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        (
            "The Tarso council approved the tram plan on Tuesday.",
            "The Tarso council voted down the tram plan on Tuesday.",
            {"negation"},
        ),
        ("Ivo Marr attended the Tarso summit.", "Ivo Marr skipped the Tarso summit.", {"negation"}),
        (
            "Ivo Marr pleaded guilty to fraud.",
            "Ivo Marr pleaded not guilty to fraud.",
            {"negation"},
        ),
        # another charge, another summit
        ("Ivo Marr pleaded guilty to fraud.", "Ivo Marr pleaded not guilty to bribery.", set()),
        ("Ivo Marr attended the Tarso summit.", "Ivo Marr skipped the Varo summit.", set()),
    ],
)
def test_more_deeds_and_their_opposites(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # proper names in two objects of one kind tell them apart
        (
            "No group has claimed responsibility for the Tarso bombing.",
            "The Red Hand group claimed responsibility for the Varo bombing.",
            set(),
        ),
        (
            "No group has claimed responsibility for the Tarso bombing.",
            "The Red Hand group claimed responsibility for the Tarso bombing.",
            {"negation"},
        ),
        # one side naming no place is no second thing
        (
            "No group has claimed responsibility for the bombing.",
            "The Red Hand group claimed responsibility for the Tarso bombing.",
            {"negation"},
        ),
    ],
)
def test_objects_told_apart_by_their_names(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a deed's subject claims nothing: "the floods claimed 65 lives" is the officials'
        (
            "The floods in Varna have left 40 dead, officials said on Monday.",
            "The Varna floods claimed 65 lives, officials said on Monday.",
            {"number"},
        ),
        # a claimant's own figure stays its own
        (
            "Organisers said 40,000 people marched in Varna.",
            "Police counted 15,000 marchers in Varna.",
            set(),
        ),
    ],
)
def test_deeds_of_claiming_and_counters(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


# --------------------------------------------------------------------------- session 19


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a specific noun's toll is a toll, which a figure of people or a bare one also counts
        (
            "Four climbers were killed by the rockfall on Mount Ardel.",
            "The rockfall on Mount Ardel killed seven people.",
            {"number"},
        ),
        (
            "Eight workers and three engineers drowned when the Selva dam burst.",
            "Eleven engineers drowned when the Selva dam burst.",
            {"number"},
        ),
        (
            "Scores of cattle died in the Brenn valley blizzard.",
            "Farmers said 70 cattle died in the Brenn valley blizzard.",
            {"differs"},
        ),
        # two groups' tolls are two quantities
        (
            "Six climbers were killed by the rockfall on Mount Ardel.",
            "Two guides were killed by the rockfall on Mount Ardel.",
            set(),
        ),
        # the toll of some of the nouns is not a count of them all
        (
            "Two climbers were killed and five were rescued after the rockfall on Mount Ardel.",
            "Rescuers brought five climbers down from Mount Ardel after the rockfall.",
            set(),
        ),
        # one side's dead ("six Tarvans") and a part ("four of one family") are no toll
        (
            "The shelling of Orvel killed 30 people, medics said.",
            "Six Tarvans were killed near Orvel.",
            set(),
        ),
        (
            "The shelling of Orvel killed 30 people, medics said.",
            "Four of one family were killed in the shelling of Orvel.",
            set(),
        ),
        # what a team wins is no harm befalling it
        (
            "The Lorne Hawks have nine wins this season.",
            "The Lorne Hawks became the first side to win at least 12 games this season.",
            set(),
        ),
        # fighters, insurgents and militants are one group
        (
            "The army said it had killed 30 insurgents in the Marra hills.",
            "According to the army, 18 militants were killed in the Marra hills.",
            {"number"},
        ),
    ],
)
def test_tolls_of_specific_nouns(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # "reported nine deaths": the ministry's figure, against the hospital's
        (
            "Doctors at the Varo clinic said 16 patients had died.",
            "The health ministry reported 11 deaths among the clinic's patients.",
            set(),
        ),
        # "added 120 beds" is a deed: no claimant, one quantity
        (
            "The new Corran wing adds 120 beds and will cost 40 million pounds.",
            "Costing 40 million pounds, the Corran extension will provide 200 more beds, the trust"
            " said.",
            {"number"},
        ),
    ],
)
def test_reported_figures_are_the_reporters(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # those who took part, walked out or turned out: one turnout
        (
            "Some 7,000 members of the Dock Workers' Union walked out on Friday.",
            "About 4,000 of the union's members took part in Friday's stoppage.",
            {"number"},
        ),
        (
            "Turnout in the Aldra by-election was 44 percent.",
            "Only 31 percent of Aldra voters took part in the by-election.",
            {"number"},
        ),
        (
            "Marchers' own count said 20,000 people took part in the Lenby peace march.",
            "Marchers put the turnout at 9,000 for the Lenby peace march.",
            {"number"},
        ),
        # a specific noun that took part is still counted as that noun
        (
            "About 800 farmers drove tractors into Halm on Monday.",
            "Some 950 farmers took part in Monday's tractor protest in Halm.",
            {"differs"},
        ),
        # a separate event's turnout is its own
        (
            "Some 7,000 members of the Dock Workers' Union walked out on Friday.",
            "About 4,000 nurses took part in a separate march on Friday.",
            set(),
        ),
        # differently numbered events are two events
        (
            "About 3,000 bus drivers in Corla walked out on Friday in the third strike this year.",
            "The second stoppage in Corla, in May, involved some 1,800 bus drivers.",
            set(),
        ),
    ],
)
def test_turnout_of_those_taking_part(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # a capitalised first noun the tagger reads as a verb still names what a value is
        (
            "Turnout in the Kessa council race reached 58 percent.",
            "The Kessa council race drew a turnout of 64 percent.",
            {"number"},
        ),
        # burned and consumed are one deed of a fire
        (
            "The Marl fire has burned 3,000 hectares.",
            "Officials said the Marl fire had consumed 1,900 hectares.",
            {"number"},
        ),
        ("Nine passengers drowned.", "Nine passengers did not die.", {"negation"}),
    ],
)
def test_value_subjects_and_deeds_of_one_kind(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs", "negation"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # one quote with words added or dropped, credited to two named people: both wrongs
        (
            '"We will fight this decision in every court," said the mayor, Lena Dorr.',
            '"We will fight this decision," said the council leader, Piet Sande.',
            {"attribution", "quote"},
        ),
        (
            '"The new line will open on time," the rail minister, Olga Brun, said.',
            '"The new line will surely open on time," said the rail operator\'s chief, Ivo Lenz.',
            {"attribution", "quote"},
        ),
        # a word changed between two sides' quotes is two views, not one quote
        (
            '"The new tax helps small firms," said the finance minister, Olga Brun.',
            '"The new tax hurts small firms," said the opposition leader, Ivo Lenz.',
            set(),
        ),
        # the same speaker: only the quote is altered
        (
            '"We will fight this decision in every court," said the mayor, Lena Dorr.',
            'Mayor Lena Dorr said: "We will fight this decision."',
            {"quote"},
        ),
    ],
)
def test_one_quote_changed_and_credited_to_two(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"attribution", "quote"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # staying in charge denies the sacking; "dismissed" is one deed with "sacked"
        (
            "Corby Town have sacked their manager, Ines Vale.",
            "Ines Vale remains in charge at Corby Town, the club said.",
            {"negation"},
        ),
        ("Corby Town dismissed Ines Vale.", "Corby Town have not sacked Ines Vale.", {"negation"}),
        # "restarted" is "resumed", told of what it befalls
        (
            "Output at the Tarn smelter has not resumed.",
            "The Tarn smelter restarted output on Monday.",
            {"negation"},
        ),
        # voted through is approved
        (
            "Lindow council approved the bus lanes on 3 June.",
            "The bus lanes were voted through by Lindow councillors on 5 June.",
            {"time"},
        ),
        # a ship and a vessel are one
        (
            "The Orla vessel ran aground on Tuesday.",
            "The Orla ship ran aground on Thursday.",
            {"time"},
        ),
    ],
)
def test_more_words_of_one_deed(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation", "time"} == kinds


def test_a_quote_credited_to_two_is_named_by_its_words() -> None:
    # neither speaker owns the quote for sure: the quote conflict names its opening, the
    # attribution says the words differ
    found = find_conflicts(
        Side(0, "a", '"We will fight this decision in every court," said the mayor, Lena Dorr.', 0),
        Side(1, "b", '"We will fight this decision," said the council leader, Piet Sande.', 0),
    )
    by_kind = {c.kind: c for c in found}
    assert by_kind["quote"].topic == 'quote of "We will fight this decision in…"'
    assert "Lena Dorr" not in by_kind["quote"].reason
    assert by_kind["attribution"].reason.endswith("(one quote, two speakers)")


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # "would" under a past denial is the denied future, not a hypothesis
        (
            "Varn Motors will close its Delby factory.",
            "Varn Motors denied that it would close its Delby factory.",
            {"negation"},
        ),
        (
            "Varn Motors will close its Delby factory.",
            "Varn Motors rejected reports that its Delby factory would shut.",
            {"negation"},
        ),
        # a condition keeps it hypothetical
        (
            "Varn Motors will close its Delby factory.",
            "Varn Motors denied that it would close its Delby factory if sales fell.",
            set(),
        ),
    ],
)
def test_a_denied_future(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"negation"} == kinds


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        # "the worst since a 2009 explosion": the year bounds a period; the count is this one's
        (
            "At least 15 people died in the Kell mine blast, the worst since a 2009 explosion"
            " that killed 40.",
            "The Kell mine blast killed 17 people; an explosion in 2009 had killed 40.",
            {"differs"},
        ),
        # the earlier explosion's own toll stays its own
        (
            "A 2009 explosion at the Kell mine killed 40 people.",
            "The Kell mine blast killed 17 people.",
            set(),
        ),
    ],
)
def test_a_period_bound_is_no_other_event(a: str, b: str, kinds: set[str]) -> None:
    assert _kinds(a, b) & {"number", "differs"} == kinds
