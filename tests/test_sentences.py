"""Sentence splitting and boilerplate: the seeds' gold boundaries and the named edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from alignment.sentences import split_sentences

from .conftest import SEEDS

GOLD = yaml.safe_load((Path(__file__).parent / "gold" / "sentences.yaml").read_text("utf-8"))
JUNK = "[junk] "


def _as_gold(text: str) -> list[str]:
    return [(JUNK if s.boilerplate else "") + text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize("doc_id", sorted(GOLD))
def test_seed_sentences_match_gold(doc_id):
    text = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert _as_gold(text) == GOLD[doc_id]


def test_gold_sentences_slice_in_order():
    for doc_id, sentences in GOLD.items():
        text = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
        pos = 0
        for sentence in sentences:
            found = text.index(sentence.removeprefix(JUNK), pos)
            pos = found + len(sentence.removeprefix(JUNK))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The U.S. is weighing options. Officials met on Monday.",
            ["The U.S. is weighing options.", "Officials met on Monday."],
            id="abbreviation-inside",
        ),
        pytest.param(
            "Officials, including Daniel P. Erikson of the council, held talks. They ended late.",
            [
                "Officials, including Daniel P. Erikson of the council, held talks.",
                "They ended late.",
            ],
            id="middle-initial",
        ),
        pytest.param(
            "Sen. Heinrich leads the race in the state. Polls closed at eight.",
            ["Sen. Heinrich leads the race in the state.", "Polls closed at eight."],
            id="title-abbreviation",
        ),
        pytest.param(
            '"We have made no offer," the official said. "We will continue."',
            ['"We have made no offer," the official said.', '"We will continue."'],
            id="quote-straight",
        ),
        pytest.param(
            "He said, “The vote was clean.” Critics disagreed.",
            ["He said, “The vote was clean.”", "Critics disagreed."],
            id="quote-curly",
        ),
        pytest.param(
            "Talks Collapse in Geneva\n\nNegotiators left the city on Friday.",
            ["Talks Collapse in Geneva", "Negotiators left the city on Friday."],
            id="headline-without-stop",
        ),
        pytest.param(
            "Key facts:\n  • Arrests: Police detained 40 people. Most were released.",
            ["Key facts:", "Arrests: Police detained 40 people.", "Most were released."],
            id="bullet-line",
        ),
    ],
)
def test_edge_cases(text, expected):
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    "line",
    [
        "Share.",
        "Exit mobile version",
        "LEAVE A REPLY",
        "Please enter your comment!",
        "Subscribe",
        "spot_imgspot_img",
        "Related",
        "57 days and counting",
        "Published by",
        "© 2023 Some Daily. All rights reserved.",
        "Rescue workers search the rubble in the old town.Reuters",
        "Protesters gather outside parliament (AFP)",
        "https://www.example.com/world/2024/08/12/bridge-opens-after-delays",
        "www.example.org/news/local?id=42",
    ],
)
def test_boilerplate_lines_are_marked(line):
    text = f"The mayor opened the new bridge on Tuesday.\n{line}\nTraffic resumed an hour later."
    sentences = split_sentences(text)
    marked = [text[s.start : s.end] for s in sentences if s.boilerplate]
    assert marked == [line]


def test_extra_boilerplate_phrases_from_config():
    text = "Floods hit the valley overnight.\nSign up for our briefing\nRoads stayed closed."
    plain = [s.boilerplate for s in split_sentences(text)]
    extended = [
        s.boilerplate for s in split_sentences(text, extra_phrases=["Sign up for our briefing"])
    ]
    assert plain == [False, False, False]
    assert extended == [False, True, False]


def test_trailing_headline_block_after_copyright_is_boilerplate():
    text = (
        "The court ruled on Friday that the law stands.\n"
        "Judges were split five to four.\n"
        "© 2024 Example News\n"
        "Storm batters the coast as thousands lose power\n"
        "Local team wins the cup in extra time\n"
    )
    flags = [s.boilerplate for s in split_sentences(text)]
    assert flags == [False, False, True, True, True]


def test_long_run_without_stops_is_cut_into_bounded_pieces():
    text = " ".join(["word"] * 30_000)
    sentences = split_sentences(text, max_chars=500)
    assert all(s.end - s.start <= 500 for s in sentences)
    assert sentences[0].start == 0
    assert sentences[-1].end == len(text)
