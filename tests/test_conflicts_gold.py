"""Issue 4, proof on the seeds: the hand-written gold (tests/gold/conflicts.yaml) scored by
tests/conflict_gold.py, spans that slice to the conflicting words, and the engine's use."""

from __future__ import annotations

import pytest

from alignment.conflicts import KIND_ORDER, Side, find_conflicts
from tests.conflict_gold import evaluate, load_gold

GOLD = load_gold()
CONTRADICTIONS = [p for p in GOLD if p.contradiction]
LOOKALIKES = [p for p in GOLD if not p.contradiction]


def test_gold_is_big_enough_and_cross_source():
    assert len(CONTRADICTIONS) >= 8
    assert len(LOOKALIKES) >= 20
    assert {p.kind for p in CONTRADICTIONS} >= {"number", "negation", "time", "attribution"}
    assert len({p.id for p in GOLD}) == len(GOLD)
    for pair in GOLD:
        assert pair.a.doc != pair.b.doc, pair.id


def test_gold_precision_and_recall():
    scores = evaluate(GOLD)
    assert scores.recall >= 0.9, scores.missed
    assert scores.precision >= 0.85, scores.false_alarms


def test_a_detector_that_flags_everything_fails_precision():
    """The evaluator can fail: flagging every pair gives the lookalikes' share as precision."""

    def everything(a: Side, b: Side):
        return find_conflicts(a, b) or tuple(
            c for p in CONTRADICTIONS[:1] for c in find_conflicts(p.a, p.b)
        )

    scores = evaluate(GOLD, everything)
    assert scores.precision < 0.85
    assert evaluate(GOLD, lambda a, b: ()).recall == 0.0


@pytest.mark.parametrize("pair", CONTRADICTIONS, ids=lambda p: p.id)
def test_spans_slice_to_the_conflicting_words(pair):
    found = [c for c in find_conflicts(pair.a, pair.b) if c.kind == pair.kind]
    assert found, pair.why
    conflict = found[0]
    by_doc: dict[int, list[str]] = {pair.a.doc: [], pair.b.doc: []}
    for span in conflict.spans:
        side = pair.a if span.doc == pair.a.doc else pair.b
        assert span.doc in (pair.a.doc, pair.b.doc)
        # spans index the document: inside the passage, and the same characters
        assert side.offset <= span.start < span.end <= side.offset + len(side.text)
        by_doc[span.doc].append(side.text[span.start - side.offset : span.end - side.offset])
    for word in pair.words_a:
        assert word in by_doc[pair.a.doc], (word, by_doc)
    for word in pair.words_b:
        assert word in by_doc[pair.b.doc], (word, by_doc)
    # the reason names both sources, the first passage first
    assert conflict.reason.index(pair.a.label) < conflict.reason.index(pair.b.label)


@pytest.mark.parametrize("pair", GOLD, ids=lambda p: p.id)
def test_order_of_the_passages_does_not_matter(pair):
    forward = sorted(c.kind for c in find_conflicts(pair.a, pair.b))
    backward = sorted(c.kind for c in find_conflicts(pair.b, pair.a))
    assert forward == backward


@pytest.mark.parametrize("pair", GOLD, ids=lambda p: p.id)
def test_a_passage_never_contradicts_itself(pair):
    for side in (pair.a, pair.b):
        twin = Side(doc=side.doc + 10, label="twin", text=side.text, offset=0)
        assert find_conflicts(side, twin) == ()


def test_conflicts_are_ordered_strongest_first():
    for pair in GOLD:
        kinds = [KIND_ORDER[c.kind] for c in find_conflicts(pair.a, pair.b)]
        assert kinds == sorted(kinds)


def test_engine_fills_conflicts_on_the_seeds(seed_alignment):
    """End to end: the aligner's links get conflicts whose spans lie in their passages."""
    flagged = [p for p in seed_alignment.pairs if p.conflicts]
    assert flagged, "the seeds contradict each other: some link must say so"
    for pair in flagged:
        passages = (seed_alignment.passages[pair.a], seed_alignment.passages[pair.b])
        assert pair.contradiction == pair.conflicts[0].kind
        assert pair.reason
        for conflict in pair.conflicts:
            for span in conflict.spans:
                owner = next(p for p in passages if p.doc == span.doc)
                assert owner.start <= span.start < span.end <= owner.end
    groups = {seed_alignment.groups[p.group].status for p in flagged}
    assert groups == {"conflict"}
