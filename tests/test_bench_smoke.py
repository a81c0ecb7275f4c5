"""The benchmark's synthetic stories: deterministic, the asked size, really edited (no timing)."""

from __future__ import annotations

import random

import pytest

from bench.synthetic import edit_sentence, make_story, seed_sentences, write_story

SEED_TEXTS = [
    "The council approved the new budget on Monday, after 3 hours of debate. "
    "Spending on schools rises by 12 percent next year.\n"
    "Opposition members walked out before the vote in 2024.",
    "Officials said 2,400 people were evacuated from the valley. "
    "Rescue teams worked through the night to reach the villages.",
]


@pytest.mark.parametrize("n", [0, 1, 4])
def test_story_has_n_documents_with_text(n):
    story = make_story(n, seed_texts=SEED_TEXTS)
    assert len(story) == n
    assert len({d.id for d in story}) == n
    assert all(d.text.strip() for d in story)


def test_story_is_deterministic():
    assert make_story(3, seed=7) == make_story(3, seed=7)


def test_seed_changes_the_story():
    assert make_story(3, seed=1) != make_story(3, seed=2)


def test_bigger_story_extends_the_smaller_one():
    assert make_story(5, seed=3)[:2] == make_story(2, seed=3)


def _words(texts):
    return {w for t in texts for w in t.split() if not any(c.isdigit() for c in w)}


def test_articles_only_use_seed_words_and_differ():
    story = make_story(6, seed=0, seed_texts=SEED_TEXTS)
    # edits drop, swap or reuse seed words and change digits: nothing else may appear
    assert _words(d.text for d in story) <= _words(SEED_TEXTS)
    assert len({d.text for d in story}) == len(story), "articles must differ from each other"


def test_edits_change_words_and_numbers():
    sentence = "Officials said 2,400 people were evacuated from 12 valleys in 2024 after the storm."
    rng = random.Random(0)
    edited = {edit_sentence(sentence, rng, ["storm", "river"]) for _ in range(50)}
    assert len(edited) > 10
    assert any("2,400" not in e for e in edited), "numbers must be perturbed sometimes"
    assert any(len(e.split()) < len(sentence.split()) for e in edited), "words must be dropped"


def test_write_story_writes_n_files(tmp_path):
    paths = write_story(tmp_path / "story", 3, seed=5)
    assert [p.name for p in paths] == ["syn0000.txt", "syn0001.txt", "syn0002.txt"]
    story = make_story(3, seed=5)
    assert [p.read_text(encoding="utf-8") for p in paths] == [d.text for d in story]


def test_seed_sentences_split_lines_and_sentence_ends():
    text = "Short headline\nThe first sentence is here. The second one follows it!\nBy A. Writer"
    assert seed_sentences([text]) == ["The first sentence is here.", "The second one follows it!"]
