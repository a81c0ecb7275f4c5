"""Facts, not topics (issue 16): fact groups from links, passages telling two facts, claims
as parts of a passage, and the story's common meaning taken out before comparing."""

from __future__ import annotations

import numpy as np
import pytest

from alignment import AlignConfig, Document
from alignment.claims import default_reader
from alignment.engine import _read_claims
from alignment.grouping import Linkage, build_groups, extend_groups
from alignment.lexicon import DEFAULT_LEXICON
from alignment.scoring import Run, claim_scores, meaning, scored_candidates, segment, weigh


def _linkage(docs: list[int], *rows: tuple[int, int, float]) -> Linkage:
    """Scored pairs at threshold and support 0.5."""
    a = np.asarray([r[0] for r in rows], dtype=np.int64)
    b = np.asarray([r[1] for r in rows], dtype=np.int64)
    s = np.asarray([r[2] for r in rows], dtype=np.float32)
    return Linkage(docs=docs, a=a, b=b, score=s, link_threshold=0.5, support=0.5)


# Passages 0-2 of sources 0, 1, 2 tell fact A; 3-5 tell fact B; passage 6 (source 3) tells
# both, linked to all of them.
DOCS = [0, 1, 2, 0, 1, 2, 3]
FACT_A = [(0, 1, 0.9), (0, 2, 0.9), (1, 2, 0.9)]
FACT_B = [(3, 4, 0.9), (3, 5, 0.9), (4, 5, 0.9)]
BOTH = [(0, 6, 0.8), (1, 6, 0.8), (2, 6, 0.8), (3, 6, 0.7), (4, 6, 0.7), (5, 6, 0.7)]


def test_cohesion_keeps_two_facts_apart():
    linkage = _linkage(DOCS, *FACT_A, *FACT_B, *BOTH)
    groups = build_groups(linkage, cohesion=0.8)
    # passage 6 joins one fact; the two facts do not merge through it
    assert len(groups) == 2
    assert {frozenset(g) - {6} for g in groups} == {frozenset({0, 1, 2}), frozenset({3, 4, 5})}


def test_a_loose_cohesion_chains_facts_into_a_topic():
    linkage = _linkage(DOCS, *FACT_A, *FACT_B, *BOTH)
    groups = build_groups(linkage, cohesion=0.2)
    assert groups == [[0, 1, 2, 3, 4, 5, 6]]


def test_a_passage_telling_two_facts_sits_in_both():
    linkage = _linkage(DOCS, *FACT_A, *FACT_B, *BOTH)
    groups = build_groups(linkage, cohesion=0.8)
    extended = extend_groups(groups, linkage, cohesion=0.6)
    assert sorted(extended) == [[0, 1, 2, 6], [3, 4, 5, 6]]


def test_a_passage_joins_a_fact_only_when_most_of_it_supports_it():
    # passage 6 links to one of fact B's three passages only
    linkage = _linkage(DOCS, *FACT_A, *FACT_B, (0, 6, 0.8), (1, 6, 0.8), (2, 6, 0.8), (3, 6, 0.7))
    groups = build_groups(linkage, cohesion=0.8)
    extended = extend_groups(groups, linkage, cohesion=0.6)
    assert sorted(extended) == [[0, 1, 2, 6], [3, 4, 5]]


@pytest.mark.parametrize(("score", "expected"), [(0.7, [[0, 1, 2], [3, 4, 5], [2, 4]]), (0.55, [])])
def test_a_strong_link_that_fits_no_fact_is_a_fact_of_two(score, expected):
    # passages 2 and 4 are linked to each other only: neither fits the other's fact
    linkage = _linkage([0, 1, 2, 0, 1, 3, 3], *FACT_A, *FACT_B, (2, 4, score))
    groups = build_groups(linkage, cohesion=0.8)
    extended = extend_groups(groups, linkage, cohesion=0.6, pair_at=0.6)
    assert extended[:2] == [[0, 1, 2], [3, 4, 5]]
    assert extended[2:] == expected[2:]


def test_a_fact_of_two_inside_another_fact_is_dropped():
    # 6 and 7 (sources 3, 4) link strongly to each other first, a fact of two; then each
    # joins fact A, which all three of its passages support: the pair is fact A's
    joining = [(p, q, 0.8) for p in (0, 1, 2) for q in (6, 7)]
    linkage = _linkage([0, 1, 2, 0, 1, 2, 3, 4], *FACT_A, (6, 7, 0.95), *joining)
    extended = extend_groups([[0, 1, 2]], linkage, cohesion=0.6, pair_at=0.6)
    assert extended == [[0, 1, 2, 6, 7]]


def test_every_fact_of_the_seeds_holds_a_link(seed_alignment):
    assert all(group.pairs for group in seed_alignment.groups)


class _Vectors:
    """A stand-in scorer with vectors: every text is the story's direction plus its own."""

    def __init__(self, table: dict[str, np.ndarray]) -> None:
        self.table = table

    def __call__(self, left: list[str], right: list[str]) -> np.ndarray:
        v = self.embed([*left, *right])
        return np.clip(np.einsum("ij,ij->i", v[: len(left)], v[len(left) :]), 0, 1)

    def embed(self, texts: list[str]) -> np.ndarray:
        rows = np.asarray([self.table[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_the_story_s_common_meaning_counts_for_little():
    texts = [
        "Officials met in the capital to talk about the storm on Monday.",
        "Officials in the capital spoke about the storm on Monday again.",
        "The storm closed every school in the northern towns for a week.",
        "Schools in the northern towns stayed closed for a week after the storm.",
    ]
    story_direction = np.asarray([1.0, 0.0, 0.0])
    own = [np.asarray(v) for v in ([0, 1, 0], [0, 0.9, 0.1], [0, 0, 1], [0, 0.1, 0.9])]
    scorer = _Vectors({t: 2.0 * story_direction + o for t, o in zip(texts, own, strict=True)})
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    story = weigh(segment(docs, AlignConfig()), AlignConfig())
    runs = [Run(d, 0, 0) for d in range(4)]
    la, lb = np.asarray([0, 0]), np.asarray([1, 2])  # one fact / two facts of one story
    plain = meaning(story, runs, la, lb, scorer, AlignConfig(semantic_topic=0.0))
    taken = meaning(story, runs, la, lb, scorer, AlignConfig(semantic_topic=1.0))
    assert plain[1] > 0.75  # the story's direction makes two facts look alike
    assert taken[1] < 0.1 < 0.9 < taken[0]
    assert taken[0] >= plain[0] - 0.05


def test_a_scorer_without_vectors_is_called_on_the_pairs():
    docs = [
        Document(id=f"d{i}", text=f"The river flooded {i} villages near the old bridge.")
        for i in range(2)
    ]
    story = weigh(segment(docs, AlignConfig()), AlignConfig())
    seen: list[tuple[list[str], list[str]]] = []

    def plain(left: list[str], right: list[str]) -> np.ndarray:
        seen.append((left, right))
        return np.full(len(left), 0.5, dtype=np.float32)

    got = meaning(
        story, [Run(0, 0, 0), Run(1, 0, 0)], np.asarray([0]), np.asarray([1]), plain, AlignConfig()
    )
    assert got.tolist() == [0.5]
    assert seen == [([docs[0].text], [docs[1].text])]


def test_claims_meet_on_the_fact_two_sentences_share():
    """South's sentence tells three facts in one clause run (no punctuation between them):
    compared whole, it is far from north's arrest sentence; its claim "police arrested over
    300 protesters" is close."""
    north = Document(
        id="north",
        text=(
            "Police arrested more than 300 protesters in the capital on Saturday. "
            "The government blocked the messaging service Signal for two days."
        ),
    )
    south = Document(
        id="south",
        text=(
            "Riot police arrested over 300 protesters while the government blocked the "
            "messaging service Signal and opposition leaders called a general strike until "
            "the elections next spring."
        ),
    )
    config = AlignConfig()
    text = segment([north, south], config)
    readings = _read_claims(text, default_reader(), DEFAULT_LEXICON)
    story = weigh(text, config)
    runs = list(story.units)
    assert runs == [Run(0, 0, 0), Run(0, 1, 1), Run(1, 0, 0)]
    wa, wb, whole = scored_candidates(story.matrix, story.unit_docs, story.keys, story, config)
    ca, cb, claims = claim_scores(story, runs, readings, config)
    arrest_whole = whole[(wa == 0) & (wb == 2)]
    arrest_claim = claims[(ca == 0) & (cb == 2)]
    assert arrest_claim.size == arrest_whole.size == 1
    assert arrest_claim[0] > arrest_whole[0] + 0.15


def test_one_quote_credited_to_two_people_is_one_fact():
    """The same words quoted in two sources link whatever else differs (here only the
    speakers): who said them is then the attribution rule's to compare."""
    from alignment import align

    docs = [
        Document(
            id="a",
            text='Heavy rain fell on the valley overnight. "We are ready for the storm," '
            "harbour master Tomas Berg said.",
        ),
        Document(
            id="b",
            text='"We are ready for the storm," mayor Anna Kowal said. Schools closed at noon.',
        ),
    ]
    result = align(docs, AlignConfig(semantic="off"))
    quoted = [
        pair
        for pair in result.pairs
        if "ready" in result.text(result.passages[pair.a])
        and "ready" in result.text(result.passages[pair.b])
    ]
    assert quoted, "the two quotes are not linked"
    assert [c.kind for c in quoted[0].conflicts] == ["attribution"]
