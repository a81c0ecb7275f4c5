"""Alignment quality on the seeds, against hand-written gold (tests/gold/alignment.yaml).

The gold holds pairs any careful reader aligns and look-alike pairs that tell different facts.
"""

from __future__ import annotations

import pytest

from alignment import AlignConfig, align

from .gold import load_alignment_gold, passages_of, score_alignment


def test_gold_is_large_enough_and_cross_source():
    gold = load_alignment_gold()
    assert len(gold["align"]) >= 30
    assert len(gold["apart"]) >= 30
    for entry in gold["align"] + gold["apart"]:
        assert entry[0] != entry[2], entry


def test_gold_snippets_each_name_one_sentence(seed_alignment):
    for entry in load_alignment_gold()["align"] + load_alignment_gold()["apart"]:
        a, b = passages_of(seed_alignment, entry)
        assert seed_alignment.passages[a].doc != seed_alignment.passages[b].doc


def test_links_are_precise(seed_alignment):
    score = score_alignment(seed_alignment)
    assert score.precision >= 0.9, score.wrong


def test_links_recall_floor(seed_alignment):
    # Guards what the lexical engine reaches today (0.82 measured); see the strict target below.
    score = score_alignment(seed_alignment)
    assert score.recall >= 0.8, score.missed


@pytest.mark.xfail(
    strict=True,
    reason="issue 11 target: the lexical engine links 0.82 of the gold pairs; the misses are "
    "facts told in other words or one sentence that carries two facts",
)
def test_links_recall_target(seed_alignment):
    assert score_alignment(seed_alignment).recall >= 0.9


def test_groups_are_precise(seed_alignment):
    score = score_alignment(seed_alignment, by="group")
    assert score.precision >= 0.9, score.wrong
    assert score.recall >= 0.75, score.missed


def test_lower_threshold_links_more(seed_documents):
    strict = align(seed_documents, AlignConfig(link_threshold=0.6))
    loose = align(seed_documents, AlignConfig(link_threshold=0.3))
    assert len(loose.pairs) > len(strict.pairs)
    assert score_alignment(loose).recall >= score_alignment(strict).recall


def test_semantic_extra_finds_more_of_the_gold(seed_documents, seed_alignment):
    """With the optional extra (CI installs it), more gold pairs are linked, still precisely."""
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tokenizers")
    from alignment.semantic import load_scorer

    config = AlignConfig(semantic="on")
    refined = align(seed_documents, config, scorer=load_scorer(config))
    lexical, semantic = score_alignment(seed_alignment), score_alignment(refined)
    assert semantic.recall >= lexical.recall + 0.05, semantic.missed
    assert semantic.precision >= 0.9, semantic.wrong
    grouped = score_alignment(refined, by="group")
    assert grouped.recall >= 0.9, grouped.missed
    # 0.85 measured: a passage left alone joins its best link's group, and with meaning
    # mixed in, a few look-alikes join a large group too
    assert grouped.precision >= 0.85, grouped.wrong
