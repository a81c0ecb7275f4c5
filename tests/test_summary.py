"""Summaries of the disagreement: per-group counts, the source matrix, ranked disputes."""

from __future__ import annotations

import dataclasses

import pytest

from alignment import Alignment, Conflict, Group, Pair, Span
from alignment.summary import (
    agreed_facts,
    describe_group,
    disputed_facts,
    fact_passages,
    snippet,
    source_matrix,
    summarise_group,
    unique_passages,
)

from .fixtures.story import TEXTS, build_story

IDS = list(TEXTS)


@pytest.fixture(scope="module")
def story() -> Alignment:
    return build_story()


@pytest.mark.parametrize(
    ("group", "text", "alone"),
    [
        pytest.param(0, "3 sources agree, 1 conflicts: wire stands alone", "wire", id="time"),
        pytest.param(
            1, "3 sources agree, 1 conflicts: courier stands alone", "courier", id="number"
        ),
        pytest.param(
            2, "2 sources agree, 1 conflicts: gazette stands alone", "gazette", id="negation"
        ),
        pytest.param(3, "2 sources agree", None, id="agree"),
    ],
)
def test_group_counts_name_the_source_that_stands_alone(story, group, text, alone):
    summary = summarise_group(story, group)
    assert summary.text == text == describe_group(story, group)
    assert (IDS[summary.alone] if summary.alone is not None else None) == alone
    assert set(summary.agreeing) | set(summary.conflicting) == set(summary.docs)
    assert not set(summary.agreeing) & set(summary.conflicting)
    assert set(summary.docs) | set(summary.missing) == set(range(len(IDS)))


def test_group_summary_lists_kinds_reasons_and_missing_sources(story):
    summary = summarise_group(story, 2)
    assert summary.kinds == ("negation",)
    assert summary.reasons == ("gazette: the mayor denied the closure",)  # repeats merged
    assert summary.conflict_pairs == 2
    assert [IDS[d] for d in summary.missing] == ["wire"]


def test_two_sources_in_dispute_read_as_a_disagreement_not_a_majority():
    story = build_story(
        groups=[[("times", 1), ("courier", 1)]],
        conflicts={(0, "times", "courier"): ("number", "Twelve", "nine", "12 vs 9")},
    )
    assert describe_group(story, 0) == "2 sources disagree: times vs courier"
    assert summarise_group(story, 0).alone is None


def test_every_source_agreeing_says_all():
    story = build_story(groups=[[(i, 0) for i in IDS]], conflicts={})
    assert describe_group(story, 0) == "all 4 sources agree"


def test_a_source_linked_without_a_conflict_is_not_singled_out():
    # Only times-wire conflicts; wire agrees with courier and gazette, times with nobody else
    # through a link of its own: the tie goes to the source with fewer agreeing links.
    groups = [[("times", 0), ("courier", 0), ("gazette", 0), ("wire", 0)]]
    story = build_story(
        groups=groups,
        conflicts={(0, "times", "wire"): ("time", "Tuesday", "Wednesday", "day")},
    )
    pairs = [p for p in story.pairs if IDS[story.passages[p.a].doc] != "times" or p.conflicts]
    kept = tuple(range(len(pairs)))
    story = dataclasses.replace(
        story,
        pairs=tuple(pairs),
        groups=(dataclasses.replace(story.groups[0], pairs=kept),),
    )
    summary = summarise_group(story, 0)
    assert [IDS[d] for d in summary.conflicting] == ["times"]
    assert summary.text == "3 sources agree, 1 conflicts: times stands alone"


def test_source_matrix_counts_shared_and_conflicting_facts(story):
    m = source_matrix(story)
    t, c, g, w = range(4)
    assert m.shared[t][w] == m.shared[w][t] == 3  # groups 0, 1 and 3
    assert m.shared[c][w] == 2
    assert m.shared[t][t] == 4  # times is in every group
    assert m.conflicts[t][c] == 1  # the injured count
    assert m.conflicts[c][g] == 2  # injured and closure
    assert m.conflicts[t][g] == 1
    assert m.conflicts[w][w] == 1  # wire stands alone once (the day)
    assert m.conflicts[t][t] == 0  # times is never on the conflicting side
    for i in range(4):
        for j in range(4):
            assert m.shared[i][j] == m.shared[j][i]
            assert m.conflicts[i][j] == m.conflicts[j][i]
            assert m.conflicts[i][j] <= m.shared[i][j]


def test_disputed_facts_rank_most_sources_then_strongest_kind(story):
    ranked = disputed_facts(story)
    # groups 0 and 1 both involve four sources; a number beats a time; group 2 has three
    assert [s.group for s in ranked] == [1, 0, 2]
    assert all(s.disputed for s in ranked)


def test_agreed_facts_are_the_groups_without_conflict(story):
    assert [s.group for s in agreed_facts(story)] == [3]
    everyone_agrees = build_story(conflicts={})
    agreed = agreed_facts(everyone_agrees)
    assert disputed_facts(everyone_agrees) == ()
    assert [len(s.docs) for s in agreed] == sorted((len(s.docs) for s in agreed), reverse=True)


def test_unique_passages_leave_out_grouped_boilerplate_and_fragments(story):
    unique = unique_passages(story)
    texts = {IDS[d]: [story.text(p) for p in ps] for d, ps in enumerate(unique)}
    assert texts["times"] == []  # "Share this article." is boilerplate
    assert texts["gazette"] == []
    assert texts["courier"] == ["Local shops fear a sharp drop in trade while the bridge is shut."]
    assert texts["wire"] == ["Divers searched the river until dawn for a missing crew member."]
    assert unique_passages(story, min_words=20) == ((), (), (), ())


def test_boilerplate_would_otherwise_count_as_unique(story):
    plain = dataclasses.replace(
        story, passages=tuple(dataclasses.replace(p, boilerplate=False) for p in story.passages)
    )
    assert [story.text(p) for p in unique_passages(plain, min_words=1)[0]] == [
        "Share this article."
    ]


def test_a_fact_is_named_by_the_first_sources_passage_when_all_are_alike(story):
    name = fact_passages(story)[1]  # every passage of the fact is linked to every other
    assert story.documents[name.doc].id == "times"
    assert story.text(name).startswith("Twelve")


def _with_link(story: Alignment, group: int, a: int, b: int) -> Alignment:
    """The story with passages ``a`` and ``b`` also in ``group``, linked there (their home
    groups unchanged)."""
    pairs = (*story.pairs, Pair(a=a, b=b, similarity=0.9, group=group))
    target = story.groups[group]
    grown = dataclasses.replace(
        target,
        passages=tuple(sorted({*target.passages, a, b})),
        pairs=(*target.pairs, len(pairs) - 1),
    )
    groups = tuple(grown if g.id == group else g for g in story.groups)
    return dataclasses.replace(story, pairs=pairs, groups=groups)


def _passage(story: Alignment, source: str, starts: str) -> int:
    return next(
        p.id
        for p in story.passages
        if story.documents[p.doc].id == source and story.text(p).startswith(starts)
    )


def test_the_most_linked_passage_names_a_fact(story):
    engineers = 3  # times and wire: "Engineers will inspect the piers", "... are due to ..."
    wire = _passage(story, "wire", "Engineers")
    courier = _passage(story, "courier", "Local shops")  # at home in no fact
    grown = _with_link(story, engineers, courier, wire)
    assert story.text(fact_passages(story)[engineers]).startswith("Engineers will")
    # wire's passage now has two links in the fact, times' one: wire's names it
    assert fact_passages(grown)[engineers].id == wire


def test_a_passage_at_home_in_another_fact_does_not_name_this_one(story):
    engineers = 3
    times = _passage(story, "times", "Twelve")  # at home in the injured fact
    wire = _passage(story, "wire", "Engineers")
    grown = _with_link(story, engineers, times, wire)
    grown = _with_link(grown, engineers, times, _passage(story, "courier", "Local shops"))
    # times' injured passage has the most links in the fact and comes first, yet it names
    # the injured fact; the fact is named by one of its own
    name = fact_passages(grown)[engineers]
    assert name.group == engineers
    assert name.id != times


def test_two_facts_are_not_named_by_one_passage_when_they_have_others(story):
    names = fact_passages(story)
    assert len({p.id for p in names}) == len(story.groups)
    # a fact of two passages both at home elsewhere (as a strong lone link makes): times'
    # passage names the injured fact already, so wire's names the new one
    times = _passage(story, "times", "Twelve")
    wire = _passage(story, "wire", "Engineers")
    assert names[1].id == times
    assert wire not in {p.id for p in names}
    pairs = (*story.pairs, Pair(a=times, b=wire, similarity=0.9, group=len(story.groups)))
    new = Group(id=len(story.groups), passages=(times, wire), pairs=(len(pairs) - 1,))
    grown = dataclasses.replace(story, pairs=pairs, groups=(*story.groups, new))
    assert fact_passages(grown)[new.id].id == wire


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        pytest.param("short", 10, "short", id="fits"),
        pytest.param("a  b\n\tc", 10, "a b c", id="white-space"),
        pytest.param("The council approved the budget.", 20, "The council…", id="word-cut"),
        pytest.param("Supercalifragilistic", 8, "Superca…", id="no-space"),
    ],
)
def test_snippet(text, width, expected):
    assert snippet(text, width) == expected
    assert len(snippet(text, width)) <= width


def test_the_engine_result_summarises_consistently(seed_alignment):
    for group in seed_alignment.groups:
        summary = summarise_group(seed_alignment, group.id)
        assert summary.docs == seed_alignment.group_docs(group)
        assert summary.disputed == (group.status == "conflict")


def test_conflicts_from_the_detectors_reach_the_summary(monkeypatch, seed_documents):
    """With a detector that flags every link, every group is disputed."""
    import alignment.engine as engine

    def every_link(a, b, **options):
        return (Conflict("number", (Span(a.doc, a.offset, a.offset + 1),), "stub"),)

    monkeypatch.setattr(engine, "find_conflicts", every_link)
    result = engine.align(seed_documents)
    assert result.groups
    assert len(disputed_facts(result)) == len(result.groups)
    assert agreed_facts(result) == ()
