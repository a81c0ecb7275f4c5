"""Comparison keys: the forms of one word meet, different words stay apart."""

from __future__ import annotations

import pytest

from alignment.conflicts import same_figure
from alignment.conflicts.numbers import Measured, Quantity
from alignment.normalize import content_tokens, fold, stem


@pytest.mark.parametrize(
    "forms",
    [
        ("offer", "offers", "offered", "offering"),
        ("pursue", "pursued", "pursuing", "pursues"),
        ("state", "states", "stated"),
        ("earthquake", "earthquakes"),
        ("incentivise", "incentivize", "incentivised", "incentivized"),
        ("organisation", "organization"),
        ("labour", "labor", "labours"),
        ("neighbouring", "neighboring"),
    ],
)
def test_forms_of_a_word_meet(forms):
    assert len({stem(fold(w)) for w in forms}) == 1, {w: stem(fold(w)) for w in forms}


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("four", "for"),
        ("hour", "her"),
        ("offer", "office"),
        ("state", "station"),
        ("arrest", "rest"),
    ],
)
def test_different_words_stay_apart(left, right):
    assert stem(left) != stem(right)


def test_names_and_numbers_are_flagged_after_folding():
    tokens = content_tokens("Officials in Caracas counted 2,000 arrests.")
    assert ("2000", True) in tokens
    assert ("caraca", True) in tokens or ("caracas", True) in tokens
    assert ("arrest", False) in tokens


def _figure(low: float, high: float, claimant: object = None) -> Measured:
    quantity = Quantity(low=low, high=high, unit="%", start=0, end=3, first=0, last=0)
    return Measured(quantity, frozenset({"vote"}), {}, claimant, 0)  # type: ignore[arg-type]


def test_one_figure_from_two_parties_is_the_same_figure():
    assert same_figure(_figure(50.0, 52.0), _figure(52.0, 52.0))
    assert not same_figure(_figure(65.0, 65.0), _figure(52.0, 52.0))
