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


def test_links_recall(seed_alignment):
    # issue 11's target; 0.92 measured (the misses: denials told in other words, and a
    # sentence carrying two facts, which sits in one group only)
    score = score_alignment(seed_alignment)
    assert score.recall >= 0.9, score.missed


def test_groups_are_precise(seed_alignment):
    score = score_alignment(seed_alignment, by="group")
    assert score.precision >= 0.9, score.wrong
    assert score.recall >= 0.75, score.missed


def test_lower_threshold_links_more(seed_documents):
    strict = align(seed_documents, AlignConfig(link_threshold=0.6))
    loose = align(seed_documents, AlignConfig(link_threshold=0.3))
    assert len(loose.pairs) > len(strict.pairs)
    assert score_alignment(loose).recall >= score_alignment(strict).recall


def test_semantic_extra_keeps_the_gold_targets(seed_documents, seed_alignment):
    """With the optional extra (CI installs it), the gold targets hold.

    The two modes make facts of their own (words alone link a pair or two of this gold that
    meaning, with the story's common meaning taken out, leaves below its threshold); on the
    exhaustive gold (tests/gold/facts.yaml) the extra is ahead on precision and recall.
    """
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tokenizers")
    from alignment.semantic import load_scorer

    config = AlignConfig(semantic="on")
    refined = align(seed_documents, config, scorer=load_scorer(config))
    lexical, semantic = score_alignment(seed_alignment), score_alignment(refined)
    assert semantic.recall >= 0.9, semantic.missed
    assert lexical.recall >= 0.9, lexical.missed
    assert semantic.precision >= 0.9, semantic.wrong
    grouped = score_alignment(refined, by="group")
    assert grouped.recall >= 0.9, grouped.missed
    # 0.86 measured: a passage left alone joins its best link's group, and with meaning
    # mixed in, a few look-alikes join a large group too
    assert grouped.precision >= 0.85, grouped.wrong
