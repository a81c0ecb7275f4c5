"""Match scores: one match told with two results is a number conflict; a lead, a run, a
record, an earlier match or another opponent's result is not. Sentences are made up."""

from __future__ import annotations

import pytest

from alignment.conflicts import Side, find_conflicts
from alignment.quantities import find_scores


def _scores(a: str, b: str) -> list[tuple[str, str]]:
    found = find_conflicts(Side(0, "a", a, 0), Side(1, "b", b, 0))
    return [
        (a[c.spans[0].start : c.spans[0].end], b[c.spans[1].start : c.spans[1].end])
        for c in found
        if c.topic == "score"
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Porto won 3-1 at home.", [(3, 1)]),
        ("They went down 20–27 in Lyon.", [(27, 20)]),
        ("The Hawks (10-5) host the Jets.", []),  # a record
        ("The 2012-13 season ended early.", []),  # a season
        ("A 4-0-1 run kept them top.", []),
    ],
)
def test_scores_are_read_as_higher_and_lower(text, found):
    assert [(s.high, s.low) for s in find_scores(text)] == found


def test_one_match_two_results_is_a_conflict():
    a = "Porto beat Braga 3-1 on Saturday to go top."
    b = "Braga lost 2-1 to Porto on Saturday."
    assert _scores(a, b) == [("3-1", "2-1")]


@pytest.mark.parametrize(
    "b",
    [
        "Braga lost 3-1 to Porto on Saturday.",  # the same result from the loser's side
        "Porto took a 2-1 lead at half-time before beating Braga.",  # a lead
        "Porto beat Braga 2-0 in the reverse fixture last season.",  # an earlier match
        "Porto beat Benfica 2-0 on Saturday.",  # another opponent (another match)
        "Porto won the corner count 7-2 against Braga.",  # not the match
    ],
)
def test_other_scores_are_no_result_of_the_match(b):
    assert _scores("Porto beat Braga 3-1 on Saturday.", b) == []


def test_a_result_told_as_a_victory():
    a = "Porto earned a 3-1 victory over Braga on Saturday."
    assert _scores(a, "Braga lost 2-1 to Porto on Saturday.") == [("3-1", "2-1")]


def test_the_export_shows_a_score_told_two_ways():
    from alignment import AlignConfig, Document, align
    from alignment.export import csv_text

    docs = [
        Document(id="a", text="Porto beat Braga 3-1 on Saturday to go top of the league."),
        Document(id="b", text="Braga lost 2-1 to Porto on Saturday, a defeat that drops them."),
    ]
    rows = csv_text(align(docs, AlignConfig(semantic="off")))
    assert "score: a says 3-1, b says 2-1" in rows
