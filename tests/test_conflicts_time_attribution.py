"""Issue 4, time and attribution: the parser of time expressions, the time rule, quotes and
their speakers, the claimant of a sentence."""

from __future__ import annotations

import pytest

from alignment.conflicts import Side, find_conflicts


def of_kind(kind: str, a: str, b: str):
    found = find_conflicts(Side(0, "A", a, 0), Side(1, "B", b, 0))
    return [c for c in found if c.kind == kind]


def span_texts(conflict, a: str, b: str) -> dict[int, str]:
    return {s.doc: (a, b)[s.doc][s.start : s.end] for s in conflict.spans}


@pytest.mark.parametrize(
    ("a", "b", "words_a", "words_b"),
    [
        pytest.param(
            "Defence Minister Ana Ruiz resigned on Monday.",
            "Defence Minister Ana Ruiz resigned on Tuesday.",
            "Monday",
            "Tuesday",
            id="weekday",
        ),
        pytest.param(
            "The two leaders met in Geneva in March.",
            "The two leaders met in Geneva last year.",
            "March",
            "last year",
            id="month-vs-last-year",
        ),
        pytest.param(
            "The ceasefire was agreed on Wednesday.",
            "The ceasefire was agreed on Friday.",
            "Wednesday",
            "Friday",
            id="same-verb-next-to-the-date",
        ),
        pytest.param(
            "The Kessler bridge was built in 1998.",
            "The Kessler bridge was built in 2001.",
            "1998",
            "2001",
            id="year",
        ),
        pytest.param(
            "Venezuela's presidential election was held on July 28.",
            "Venezuela's presidential election was held on July 29.",
            "July 28",
            "July 29",
            id="day",
        ),
        # two verbs of one occurrence, the event named as their subject
        pytest.param(
            "The earthquake struck at 3:10 a.m., when most people were asleep.",
            "The quake hit at about 6:25 a.m. as residents woke up.",
            "3:10 a.m.",
            "about 6:25 a.m.",
            id="struck-vs-hit",
        ),
        pytest.param(
            "The stabbing outside the Arlo club happened shortly after 2 a.m. on Saturday.",
            "The stabbing outside the Arlo club took place shortly after 2 a.m. on Sunday.",
            "Saturday",
            "Sunday",
            id="happened-vs-took-place",
        ),
    ],
)
def test_time_conflict(a, b, words_a, words_b):
    (found,) = of_kind("time", a, b)
    assert span_texts(found, a, b) == {0: words_a, 1: words_b}
    assert f"A says {words_a}, B says {words_b}" in found.reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            "Defence Minister Ana Ruiz resigned on Monday.",
            "The Ruiz report was published on Tuesday.",
            id="different-events",
        ),
        pytest.param(
            "The outcome of the presidential election in November could affect the talks.",
            "The talks stalled after the July 28 election.",
            id="two-elections-share-only-common-words",
        ),
        pytest.param(
            "The ceasefire was agreed on Wednesday.",
            "The ceasefire collapsed on Friday.",
            id="two-events-of-one-thing",
        ),
        pytest.param(
            "The two leaders met in Geneva in March.",
            "The two leaders met in Geneva last month.",
            id="month-vs-last-month",
        ),
        pytest.param(
            "The two leaders met in Geneva in March.",
            "The two leaders met in Geneva earlier this year.",
            id="month-vs-this-year",
        ),
        pytest.param(
            "Maduro's term ends in January.",
            "Maduro's term ends in January, his allies say.",
            id="same-month",
        ),
        pytest.param(
            "Protests began on Monday in Caracas.",
            "Police said on Tuesday that 40 people were arrested.",
            id="one-shared-word",
        ),
        pytest.param(
            "The first quake struck at 4:43 a.m. local time.",
            "The quake hit at 7:48 a.m. local time, the survey said.",
            id="the-first-of-several",
        ),
        pytest.param(
            "A fire broke out at the depot at 9 p.m.",
            "The storm hit the depot at 11 p.m.",
            id="two-occurrences-of-two-things",
        ),
    ],
)
def test_no_time_conflict(a, b):
    assert of_kind("time", a, b) == []


QUOTE = "We will never surrender our city to the invaders"


@pytest.mark.parametrize(
    ("a", "b", "speaker_a", "speaker_b"),
    [
        pytest.param(
            f'"{QUOTE}," said Defence Minister Ana Ruiz.',
            f'"{QUOTE}," President Tomas Berg told reporters.',
            "Defence Minister Ana Ruiz",
            "President Tomas Berg",
            id="two-named-speakers",
        ),
        pytest.param(
            f'"{QUOTE}," an official said, speaking on condition of anonymity.',
            f'"{QUOTE}," Ruiz said.',
            "an official",
            "Ruiz",
            id="unnamed-vs-named",
        ),
    ],
)
def test_attribution_conflict(a, b, speaker_a, speaker_b):
    (found,) = of_kind("attribution", a, b)
    assert span_texts(found, a, b) == {0: speaker_a, 1: speaker_b}
    assert "speaker of" in found.reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            f'"{QUOTE}," Ruiz said.',
            f'Defence Minister Ana Ruiz said, "{QUOTE}."',
            id="same-speaker",
        ),
        pytest.param(
            f'"{QUOTE}," an official said.',
            f'"{QUOTE}," a spokesman said.',
            id="two-roles-may-be-one-person",
        ),
        pytest.param(f'"{QUOTE}," he said.', f'"{QUOTE}," Ruiz said.', id="pronoun"),
        pytest.param(
            f'"{QUOTE}," said Ana Ruiz, a resident of the city.',
            f'"{QUOTE}," a resident told reporters.',
            id="apposition-names-the-role",
        ),
        pytest.param(
            f'Ana Ruiz, a resident of the city, said, "{QUOTE}."',
            f'"{QUOTE}," a resident told reporters.',
            id="apposition-before-the-verb",
        ),
        pytest.param(
            f'"{QUOTE}," Ruiz said.',
            '"Our soldiers will hold every street of the capital," Berg said.',
            id="different-quotes",
        ),
        pytest.param('"We will win," Ruiz said.', '"We will win," Berg said.', id="too-short"),
    ],
)
def test_no_attribution_conflict(a, b):
    assert of_kind("attribution", a, b) == []
