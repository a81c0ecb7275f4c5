"""The exhaustive fact gold of the seeds (tests/gold/facts.yaml) and issue 16's targets.

The integrity tests must pass. The targets are strict xfails where today's engine misses
them: when the engine meets one, its test passes, pytest reports XPASS as a failure and the
mark comes off. ``python -m tests.gold.facts`` prints the figures.
"""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest
import yaml

from alignment import AlignConfig, Alignment, Group, Pair, align
from alignment.sentences import split_sentences

from .gold.facts import (
    TARGET_GROUP_PAIR_PRECISION,
    TARGET_GROUPS,
    TARGET_LARGEST,
    TARGET_LINK_PRECISION,
    TARGET_LINK_RECALL,
    FactGold,
    GoldError,
    GoldSentence,
    check_texts,
    load_fact_gold,
    plain,
    score_facts,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def gold() -> FactGold:
    return load_fact_gold()


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


# --------------------------------------------------------------------------- the gold itself


def test_gold_describes_every_seed_at_its_offsets(gold, seed_texts):
    assert set(gold.documents) == set(seed_texts)
    check_texts(gold, seed_texts)


def test_gold_covers_every_character_of_the_seeds(gold, seed_texts):
    """Nothing was skipped: every letter and digit lies in some gold sentence (list bullets
    and spaces may stay outside)."""
    for name, text in seed_texts.items():
        covered = bytearray(len(text))
        for s in gold.documents[name]:
            covered[s.start : s.end] = b"\x01" * (s.end - s.start)
        left = [i for i, c in enumerate(text) if c.isalnum() and not covered[i]]
        assert not left, f"{name}: untagged text at {left[0]}: {text[left[0] : left[0] + 40]!r}"


def test_gold_covers_every_sentence_of_the_splitter(gold, seed_texts):
    for name, text in seed_texts.items():
        spans = [(s.start, s.end) for s in gold.documents[name]]
        for sentence in split_sentences(text):
            if sentence.boilerplate:
                continue
            hit = [a for a, b in spans if a < sentence.end and sentence.start < b]
            assert hit, f"{name}: {text[sentence.start : sentence.end]!r} is in no gold entry"


def test_every_article_sentence_tells_a_fact_or_says_why_not(gold):
    for s in gold.sentences():
        assert s.junk or s.facts or s.none, s
        assert not (s.junk and s.facts), s


def test_each_source_has_one_main_telling_of_each_fact_it_tells(gold):
    for source, sentences in gold.documents.items():
        told = {f for s in sentences for f in s.facts}
        for fact in told:
            assert sum(fact in s.main for s in sentences) == 1, (source, fact)
        assert all(s.main <= s.facts for s in sentences)


def test_gold_is_exhaustive_and_rich(gold):
    sentences = list(gold.sentences())
    assert len(sentences) >= 140
    assert sum(bool(s.facts) for s in sentences) >= 100
    # fact-less article text stays the exception (headings, signposts), not a way out
    assert sum(bool(s.none) for s in sentences) <= 0.15 * len(sentences)
    assert len(gold.facts) >= 40
    assert len(gold.shared_facts()) >= 30
    assert len(gold.main_pairs()) >= 100
    for fact, description in gold.facts.items():
        assert description.strip(), fact
        assert "\n" not in description, fact
        assert gold.sources_of(fact), fact
    assert all(mp.a.source != mp.b.source for mp in gold.main_pairs())


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        pytest.param({"start": 0, "text": "A b."}, "exactly one of", id="no-kind"),
        pytest.param({"start": 0, "text": "A b.", "facts": []}, "empty facts", id="empty-facts"),
        pytest.param({"start": 0, "text": "A b.", "facts": ["nope"]}, "unknown", id="unknown"),
        pytest.param(
            {"start": 0, "text": "A b.", "facts": ["f"], "main": ["g"]}, "not among", id="main"
        ),
        pytest.param({"start": 0, "text": "A b.", "junk": True, "facts": ["f"]}, "exactly one"),
        pytest.param({"start": 0, "text": "A b.", "none": " "}, "reason", id="none-reason"),
        pytest.param({"start": "0", "text": "A b.", "facts": ["f"]}, "integer", id="start"),
        pytest.param({"start": 0, "text": "A b.", "facts": ["f"], "extra": 1}, "keys", id="key"),
    ],
)
def test_malformed_gold_is_refused(tmp_path, entry, message):
    other = {"start": 10, "text": "C d.", "facts": ["f", "g"], "main": ["f", "g"]}
    data = {"facts": {"f": "one fact", "g": "another"}, "documents": {"x.txt": [entry, other]}}
    path = tmp_path / "facts.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        load_fact_gold(path)


def test_two_main_tellings_in_one_source_are_refused(tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_text(
        "facts: {f: one fact}\ndocuments:\n  x.txt:\n"
        "    - {start: 0, text: A b., facts: [f], main: [f]}\n"
        "    - {start: 5, text: C d., facts: [f], main: [f]}\n",
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match="2 main tellings"):
        load_fact_gold(path)


def test_a_stale_gold_text_is_refused(gold, seed_texts):
    name = next(iter(seed_texts))
    shifted = {**seed_texts, name: " " + seed_texts[name]}
    with pytest.raises(GoldError, match=r"no .* at offset"):
        check_texts(gold, shifted)


def test_plain_keeps_terminal_control_out():
    assert plain("a\x1b[31mb\u202ec\u00a0d\u2028e") == "a\ufffd[31mb\ufffdc d\ufffde"
    assert plain("x" * 100, limit=10) == "x" * 9 + "…"


# --------------------------------------------------------------------------- the scorer


def _passages_over(alignment: Alignment, s: GoldSentence) -> list[int]:
    doc = next(i for i, d in enumerate(alignment.documents) if d.id == Path(s.source).stem)
    return [
        p.id for p in alignment.passages if p.doc == doc and p.start < s.end and s.start < p.end
    ]


def _with(alignment: Alignment, pairs: list[Pair], groups: list[list[int]]) -> Alignment:
    """The seed alignment with its links and groups replaced by the given ones."""
    group_of = {pid: g for g, members in enumerate(groups) for pid in members}
    passages = tuple(dataclasses.replace(p, group=group_of.get(p.id)) for p in alignment.passages)
    built = tuple(Group(id=g, passages=tuple(sorted(m)), pairs=()) for g, m in enumerate(groups))
    return dataclasses.replace(alignment, passages=passages, pairs=tuple(pairs), groups=built)


def test_scorer_gives_full_marks_to_the_main_pairs_linked(seed_alignment, gold):
    pairs = []
    for mp in gold.main_pairs():
        a, b = _passages_over(seed_alignment, mp.a)[0], _passages_over(seed_alignment, mp.b)[0]
        pairs.append(Pair(min(a, b), max(a, b), 1.0, 0))
    score = score_facts(_with(seed_alignment, pairs, []), gold)
    assert score.links == len(pairs) == score.main_pairs
    assert score.link_precision == 1.0
    assert score.link_recall == 1.0
    assert score.group_recall == 0.0  # linked, but in no group
    assert (score.groups, score.largest, score.gold_covered) == (0, 0, 0)


def test_scorer_counts_links_to_junk_and_fact_less_text_as_wrong(seed_alignment, gold):
    sentences = list(gold.sentences())
    told = next(s for s in sentences if s.facts and s.source.startswith("000"))
    nothing = [s for s in sentences if (s.junk or s.none) and not s.source.startswith("000")]
    a = _passages_over(seed_alignment, told)[0]
    pairs = [Pair(a, _passages_over(seed_alignment, s)[0], 0.9, 0) for s in nothing]
    score = score_facts(_with(seed_alignment, pairs, []), gold)
    assert score.links == len(nothing) > 10
    assert score.link_precision == 0.0
    assert len(score.wrong) == len(nothing)
    assert score.link_recall == 0.0


def test_scorer_sees_through_one_group_holding_everything(seed_alignment, gold):
    everything = [p.id for p in seed_alignment.passages]
    score = score_facts(_with(seed_alignment, [], [everything]), gold)
    assert score.group_recall == 1.0
    assert score.gold_covered == score.gold_shared == len(gold.shared_facts())
    assert (score.groups, score.largest) == (1, len(everything))
    assert score.group_pair_precision < 0.3
    expected = sum(
        seed_alignment.passages[a].doc != seed_alignment.passages[b].doc
        for a, b in itertools.combinations(everything, 2)
    )
    assert score.group_pairs == expected


def test_scorer_groups_one_group_per_fact(seed_alignment, gold):
    """A group per shared fact, of its main tellings: every main pair is grouped and each
    group's pairs share that fact (a passage telling two facts joins the first one's group)."""
    groups: list[list[int]] = []
    taken: set[int] = set()
    for fact in gold.shared_facts():
        members = []
        for source in gold.sources_of(fact):
            pid = _passages_over(seed_alignment, gold.main_of(source, fact))[0]
            if pid not in taken:
                members.append(pid)
        if len(members) >= 2:
            groups.append(members)
            taken.update(members)
    score = score_facts(_with(seed_alignment, [], groups), gold)
    assert score.group_pair_precision == 1.0
    assert score.groups == len(groups) >= TARGET_GROUPS
    assert score.largest <= TARGET_LARGEST
    assert 0.5 < score.group_recall < 1.0


def test_scorer_refuses_an_alignment_without_the_seeds(gold, seed_alignment):
    other = dataclasses.replace(
        seed_alignment,
        documents=tuple(dataclasses.replace(d, id="x" + d.id) for d in seed_alignment.documents),
    )
    with pytest.raises(GoldError, match="not among the aligned documents"):
        score_facts(other, gold)


# --------------------------------------------------------------------------- issue 16's targets


def _semantic_alignment(seed_documents) -> Alignment:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tokenizers")
    from alignment.semantic import load_scorer

    config = AlignConfig(semantic="on")
    return align(seed_documents, config, scorer=load_scorer(config))


@pytest.fixture(scope="module")
def engine_score(request, seed_documents, seed_alignment, gold):
    """The engine's figures on the seeds: words only, or with the semantic extra (the app's
    default when it is installed), as the test's parameter says."""
    if request.param == "words":
        return score_facts(seed_alignment, gold)
    return score_facts(_semantic_alignment(seed_documents), gold)


# Measured (2026-12-01, defaults of this commit): words only P 0.57 R 0.64, 41 groups,
# largest 21, group pairs 0.48; with the semantic extra P 0.74 R 0.66, 32 groups, largest
# 15, group pairs 0.71. Before the claim layer reached linking and grouping: P 0.53 R 0.56,
# 7 groups, largest 46, group pairs 0.28 / P 0.62 R 0.60, 8 groups, largest 45, 0.32.
MISSED = pytest.mark.xfail(strict=True, reason="issue 16: below the target")


def modes(*missed: str) -> pytest.MarkDecorator:
    """Both engine modes, the ones named in ``missed`` as strict xfails."""
    return pytest.mark.parametrize(
        "engine_score",
        [pytest.param(m, marks=MISSED if m in missed else ()) for m in ("words", "semantic")],
        indirect=True,
    )


@modes("words", "semantic")
def test_links_are_precise_at_high_recall(engine_score):
    assert engine_score.link_precision >= TARGET_LINK_PRECISION, engine_score.wrong[:20]
    assert engine_score.link_recall >= TARGET_LINK_RECALL, engine_score.missed


@modes()
def test_many_shared_facts(engine_score):
    assert engine_score.groups >= TARGET_GROUPS


@modes()
def test_no_fact_is_a_topic(engine_score):
    assert 0 < engine_score.largest <= TARGET_LARGEST


@modes("words")
def test_groups_are_facts(engine_score):
    assert engine_score.group_pair_precision >= TARGET_GROUP_PAIR_PRECISION
