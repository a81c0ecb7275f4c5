"""Issue 4, numbers: the figure parser (ranges, written numbers, qualifiers, units) and the
number rule (same measure, same claimant, ranges that cannot both hold)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alignment.conflicts import Side, find_conflicts
from alignment.quantities import parse_quantities


def one(text: str):
    found = parse_quantities(text)
    assert len(found) == 1, [text[q.start : q.end] for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "words"),
    [
        # digits, separators, decimals
        ("Police held 2,000 people.", 1999.55, 2000.45, "", "2,000"),
        ("The index fell 2.4 points.", 2.355, 2.445, "", "2.4"),
        ("A crowd of 1,250,000 gathered.", 1_249_999.55, 1_250_000.45, "", "1,250,000"),
        # money and scale words
        ("He faces a $15 million bounty.", 14.55e6, 15.45e6, "$", "$15 million"),
        ("The deal is worth $2bn.", 1.55e9, 2.45e9, "$", "$2bn"),
        ("A fine of €40 million was imposed.", 39.55e6, 40.45e6, "€", "€40 million"),
        ("They paid 300 dollars each.", 299.55, 300.45, "$", "300 dollars"),
        ("About 1.5 million people fled.", 1.275e6, 1.725e6, "", "About 1.5 million"),
        # percentages
        ("Maduro won 52% of the vote.", 51.55, 52.45, "%", "52%"),
        ("Turnout reached 61 percent.", 60.55, 61.45, "%", "61 percent"),
        ("Inflation hit 12.5 per cent.", 12.455, 12.545, "%", "12.5 per cent"),
        # written numbers
        ("Twenty-one people died.", 20.55, 21.45, "", "Twenty-one"),
        ("Rebels seized two dozen villages.", 23.55, 24.45, "", "two dozen"),
        ("A dozen soldiers were hurt.", 11.55, 12.45, "", "A dozen"),
        ("Half a dozen shops burned.", 5.55, 6.45, "", "Half a dozen"),
        ("Three hundred and fifty homes flooded.", 349.55, 350.45, "", "Three hundred and fifty"),
        ("Five thousand troops were sent.", 4999.55, 5000.45, "", "Five thousand"),
        # vague amounts are ranges
        ("Thousands marched.", 1_000, 100_000, "", "Thousands"),
        ("Dozens were detained.", 13, 144, "", "Dozens"),
        ("Hundreds of thousands marched.", 100_000, 1_000_000, "", "Hundreds of thousands"),
        ("Tens of thousands marched.", 10_000, 100_000, "", "Tens of thousands"),
        # qualifiers
        ("Approximately 2,000 were arrested.", 1700, 2300, "", "Approximately 2,000"),
        ("About 300 were arrested.", 255, 345, "", "About 300"),
        ("Over 2,400 were arrested.", 2399.55, math.inf, "", "Over 2,400"),
        ("More than 80% of records were posted.", 79.55, 100, "%", "More than 80%"),
        ("At least two dozen died.", 23.55, math.inf, "", "At least two dozen"),
        ("She won close to 52% of the vote.", 44.2, 52.45, "%", "close to 52%"),
        ("Nearly 1,000 homes burned.", 850, 1000.45, "", "Nearly 1,000"),
        ("Up to 500 may have died.", 0, 500.45, "", "Up to 500"),
        ("Fewer than 50 attended.", 0, 50.45, "", "Fewer than 50"),
        ("Just over 200 attended.", 199.55, 230, "", "Just over 200"),
        ("3,000 or more attended.", 2999.55, math.inf, "", "3,000 or more"),
        # ranges
        ("Between 10 and 20 were hurt.", 9.55, 20.45, "", "Between 10 and 20"),
        ("Officials expect 10 to 20 arrests.", 9.55, 20.45, "", "10 to 20"),
    ],
)
def test_parse_quantity(text, low, high, unit, words):
    q = one(text)
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high) if math.isfinite(high) else q.high == math.inf
    assert q.unit == unit
    assert text[q.start : q.end] == words


@pytest.mark.parametrize(
    "text",
    [
        "The bounty was placed in 2020.",  # a year
        "The election was held on July 28.",  # a date
        "The vote was on 28 July.",
        "Cases of COVID-19 rose.",  # part of a name
        "The meeting began at 10:30.",  # a clock time
        "It was the 28th protest.",  # an ordinal
        "One of the protesters spoke.",  # "one" as a pronoun
        "Nobody knows how many.",
    ],
)
def test_not_a_quantity(text):
    assert parse_quantities(text) == []


def test_score_is_two_figures_not_a_range():
    a, b = parse_quantities("He won by 65% to 30%.")
    assert (a.low, b.high) == (pytest.approx(64.55), pytest.approx(30.45))


@given(st.integers(min_value=1, max_value=10**9))
def test_digits_with_separators_round_trip(n):
    text = f"Officials counted {n:,} ballots."
    q = one(text)
    assert q.low < n < q.high
    assert text[q.start : q.end] == f"{n:,}"


def conflicts(a: str, b: str):
    return find_conflicts(Side(0, "A", a, 0), Side(1, "B", b, 0))


def numbers(a: str, b: str):
    return [c for c in conflicts(a, b) if c.kind == "number"]


@pytest.mark.parametrize(
    ("a", "b", "words_a", "words_b"),
    [
        pytest.param(
            "Police arrested approximately 2,000 people on Friday.",
            "The crackdown ended with the arrest of over 2,400 protesters.",
            "approximately 2,000",
            "over 2,400",
            id="about-vs-over",
        ),
        pytest.param(
            "At least 40 people were killed in the floods.",
            "The floods killed 25 people.",
            "At least 40",
            "25",
            id="at-least-vs-exact",
        ),
        pytest.param(
            "Rebels seized two dozen villages.",
            "Rebels seized 21 villages.",
            "two dozen",
            "21",
            id="written-vs-digits",
        ),
        pytest.param("Turnout was 61%.", "Turnout was 48%.", "61%", "48%", id="percent-no-noun"),
        pytest.param(
            "The union says 10,000 workers joined the strike.",
            "According to the union, 4,000 workers joined the strike.",
            "10,000",
            "4,000",
            id="same-claimant",
        ),
        pytest.param(
            "Police arrested 300 protesters and 12 were injured.",
            "Police arrested 300 protesters and 40 were injured.",
            "12",
            "40",
            id="second-figure-of-a-sentence",
        ),
        pytest.param(
            "Nearly 1,000 homes were destroyed.",
            "More than 1,200 homes were destroyed.",
            "Nearly 1,000",
            "More than 1,200",
            id="nearly-vs-more-than",
        ),
        pytest.param(
            "Inflation fell to 3.1% in June.",
            "Inflation rose to 3.4% in June.",
            "3.1%",
            "3.4%",
            id="decimal-percent",
        ),
        pytest.param(
            "The reward is $5 million.",
            "The reward is $25 million.",
            "$5 million",
            "$25 million",
            id="money",
        ),
    ],
)
def test_number_conflict(a, b, words_a, words_b):
    (found,) = numbers(a, b)
    texts = {s.doc: (a, b)[s.doc][s.start : s.end] for s in found.spans}
    assert texts == {0: words_a, 1: words_b}
    assert found.reason.startswith(found.reason.split(":")[0] + ": A says ")
    assert f"A says {words_a}, B says {words_b}" in found.reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            "The storm left 12 dead.", "The storm left twelve dead.", id="same-value-written"
        ),
        pytest.param(
            "The company cut 1,200 jobs.", "The company cut about 1,150 jobs.", id="about"
        ),
        pytest.param(
            "The ministry reported 300 infections.",
            "The ministry reported hundreds of infections.",
            id="vague-includes",
        ),
        pytest.param(
            "Police arrested about 2,000 people.",
            "Police arrested thousands of people.",
            id="thousands-vs-2000",
        ),
        pytest.param(
            "Unemployment rose to 5.2% in March.",
            "Unemployment rose to 5.2 percent in March.",
            id="percent-spelled",
        ),
        pytest.param(
            "The union says 10,000 workers joined the strike.",
            "The employer says 4,000 workers joined the strike.",
            id="different-claimants",
        ),
        pytest.param(
            "The fine was $40 million.", "The fine was 40 million euros.", id="different-units"
        ),
        pytest.param(
            "The death toll could reach 500.", "At least 200 people died.", id="hedged-figure"
        ),
        pytest.param(
            "Police arrested 300 protesters.",
            "Police said 45 officers were injured.",
            id="different-measures",
        ),
        pytest.param(
            "The council said Maduro won 52% of the votes against 43% for González.",
            "The council said Maduro won 52% of the votes.",
            id="one-agreeing-figure-covers-its-sentence",
        ),
        pytest.param(
            "Hundreds of thousands marched in the capital.",
            "About 300,000 people marched in the capital.",
            id="hundreds-of-thousands",
        ),
        pytest.param(
            "The opposition says Gonzalez won 67% of the vote.",
            "The electoral council says Maduro won 52% of the vote.",
            id="claimants-of-a-vote",
        ),
    ],
)
def test_no_number_conflict(a, b):
    assert numbers(a, b) == []


def test_docstring_examples():
    import doctest

    from alignment.conflicts import numbers, text

    for module in (numbers, text):
        assert doctest.testmod(module).failed == 0
