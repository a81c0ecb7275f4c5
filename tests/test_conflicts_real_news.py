"""Contradiction rules on shapes met in real multi-source news (found on ECB+ topics), where
the first rules cried wolf: ages, spans of time, abbreviated dates, other years, compounds."""

from __future__ import annotations

import pytest

from alignment.conflicts import Side, find_conflicts


def kinds(a: str, b: str) -> list[str]:
    return [c.kind for c in find_conflicts(Side(0, "A", a, 0), Side(1, "B", b, 0))]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            "Riots followed the death of a 15-year-old boy in the capital.",
            "The boy's death sparked five days of riots in the capital.",
            id="age-is-not-a-death-toll",
        ),
        pytest.param(
            "The teenager was killed by police eight days ago, setting off riots.",
            "The killing of the teenager by police set off five days of riots.",
            id="spans-of-time-differ",
        ),
        pytest.param(
            "Students occupied schools after the Dec. 6 killing of the teenager.",
            "Students occupied schools after the killing of the teenager, which left 1 dead.",
            id="abbreviated-date-is-not-a-count",
        ),
        pytest.param(
            "The quake in the province killed six children in a mosque.",
            "A tsunami in the province killed 230,000 people in 2004.",
            id="another-year-another-event",
        ),
        pytest.param(
            "No tsunami warnings were issued after the quake hit the province.",
            "The quake hit the province, which was devastated by the tsunami.",
            id="no-compound-denies-its-head-only",
        ),
    ],
)
def test_real_news_look_alikes_do_not_conflict(a, b):
    assert kinds(a, b) == []


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        pytest.param(
            "The quake in the province killed six children on Tuesday.",
            "The quake in the province killed two children on Tuesday.",
            "number",
            id="same-event-different-toll",
        ),
        pytest.param(
            "No tsunami alert was issued after the quake hit the province.",
            "Officials issued a tsunami alert after the quake hit the province.",
            "negation",
            id="no-compound-head-affirmed",
        ),
    ],
)
def test_real_conflicts_still_found(a, b, kind):
    assert kind in kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            "The new regulations don't require federal agencies to consult wildlife experts.",
            "Federal agencies must now consult wildlife experts before approving projects.",
            id="negated-verb-is-what-must-flip",
        ),
        pytest.param(
            "There was no need for a federal agency to consult wildlife experts on the dam.",
            "Federal agencies asked wildlife experts about the dam last spring.",
            id="no-need-denies-the-need-not-the-agency",
        ),
    ],
)
def test_negation_bears_on_its_predicate(a, b):
    assert "negation" not in kinds(a, b)


def test_negated_predicate_affirmed_elsewhere_still_conflicts():
    a = "The ministry did not approve the new dam on the river this year."
    b = "The ministry approved the new dam on the river this year."
    assert "negation" in kinds(a, b)


def test_loose_links_compare_only_listed_measures_and_money():
    a = Side(0, "A", "The quarterback ran 32 yards for the opening touchdown on Sunday.", 0)
    b = Side(1, "B", "The quarterback ran 205 yards for the opening touchdown on Sunday.", 0)
    assert [c.kind for c in find_conflicts(a, b)] == ["number"]
    assert find_conflicts(a, b, loose=True) == ()
    c = Side(0, "A", "Police arrested 40 people at the march on Sunday.", 0)
    d = Side(1, "B", "Police arrested 90 people at the march on Sunday.", 0)
    assert [x.kind for x in find_conflicts(c, d, loose=True)] == ["number"]


def test_a_score_is_not_a_measure():
    a = Side(0, "A", "Indianapolis 27, Kansas City 20: the Colts won in the final minute.", 0)
    b = Side(1, "B", "Indianapolis 24, Kansas City 20: the Colts won in the final minute.", 0)
    assert "number" not in [c.kind for c in find_conflicts(a, b, loose=True)]
