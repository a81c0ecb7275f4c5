"""tui.render: wrapping once per width with exact offsets, filters, search, texts for the panels."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from alignment import Alignment
from tui.render import (
    GUTTER,
    SIGNS,
    _conflict_line,
    _wrap,
    conflict_spans,
    core_passages,
    detail_content,
    doc_conflict_counts,
    find_matches,
    layout_pane,
    merge_ranges,
    pane_title,
    passage_kinds,
    short_ids,
    status_text,
)

from .fixtures.reader_story import build_reader_story

WIDTHS = (7, 12, 20, 37, 80, 200)


@pytest.fixture(scope="module")
def story() -> Alignment:
    return build_reader_story()


# --- wrapping ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("", 10, [""]),
    ("one", 10, ["one"]),
    ("one two three", 7, ["one two", "three"]),
    ("one two three", 8, ["one two", "three"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # a word wider than the line is cut
    ("a  b", 10, ["a  b"]),
    ("wide 漢字漢字", 6, ["wide", "漢字漢", "字"]),  # two cells per character
])  # fmt: skip
def test_wrap_cases(text, width, lines):
    assert [text[a:b] for a, b in _wrap(text, width)] == lines


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab c漢\u0301.,"), max_size=120),
    width=st.integers(min_value=2, max_value=30),
)
def test_wrap_keeps_every_character_in_order_and_fits(text, width):
    ranges = _wrap(text, width)
    assert ranges[0][0] == 0
    for (a, b), (c, _) in itertools.pairwise(ranges):
        assert a <= b <= c
        assert text[b:c].strip(" ") == ""  # only spaces dropped at a break
    assert text[ranges[-1][1] :].strip(" ") == ""
    for a, b in ranges:
        assert cell_len(text[a:b]) <= width or b - a == 1


# --- pane layouts -----------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_layout_offsets_slice_back_to_the_text(story, width):
    for doc, document in enumerate(story.documents):
        layout = layout_pane(story, doc, width)
        seen: list[int] = []
        for line in layout.lines:
            assert sum(cell_len(c.text) for c in line.chunks) <= max(4, width - GUTTER)
            for chunk in line.chunks:
                if chunk.start < 0:
                    continue
                original = document.text[chunk.start : chunk.end]
                assert original.replace("\n", " ") == chunk.text
                seen.extend(range(chunk.start, chunk.end))
        # every non-space character of every sentence is shown exactly once, in order
        wanted = [
            i
            for s in story.sentences[doc]
            for i in range(s.start, s.end)
            if not document.text[i].isspace()
        ]
        assert [i for i in seen if not document.text[i].isspace()] == wanted


@pytest.mark.parametrize("width", WIDTHS)
def test_layout_maps_passages_to_their_lines(story, width):
    kinds = passage_kinds(story)
    for doc in range(len(story.documents)):
        layout = layout_pane(story, doc, width)
        for pid, (first, count) in layout.passage_lines.items():
            lines = layout.lines[first : first + count]
            assert all(line.passage == pid for line in lines)
            assert lines[0].sign == SIGNS[kinds[pid]]
            assert all(line.sign == "" for line in lines[1:])
        assert set(layout.passage_lines) == {p.id for p in story.passages if p.doc == doc}


def test_offset_at_maps_a_column_back_to_the_document(story):
    layout = layout_pane(story, 0, 30)
    document = story.documents[0]
    for line in layout.lines:
        column = 0
        for chunk in line.chunks:
            for k, char in enumerate(chunk.text):
                offset = line.offset_at(column)
                if chunk.start >= 0:
                    assert offset == chunk.start + k
                    assert document.text[offset] in (char, "\n")
                column += cell_len(char)


def test_signs_follow_the_passage_kind(story):
    kinds = passage_kinds(story)
    by_text = {story.text(p): kinds[p.id] for p in story.passages}
    assert by_text["Firefighters fought the blaze for six hours."] == "conflict"
    assert by_text["Forty crew members were sent to the scene."] == "agree"
    assert by_text["Share this article."] == "boilerplate"
    assert by_text["Wheat prices rose on the news."] == "unique"


@pytest.mark.parametrize(("mode", "keep"), [
    ("conflicts", lambda story, p: p.group is not None
        and story.groups[p.group].status == "conflict"),
    ("unique", lambda story, p: p.group is None and not p.boilerplate),
])  # fmt: skip
def test_filters_hide_the_rest_and_say_so(story, mode, keep):
    for doc in range(len(story.documents)):
        layout = layout_pane(story, doc, 40, mode=mode)
        shown = set(layout.passage_lines)
        assert shown == {p.id for p in story.passages if p.doc == doc and keep(story, p)}
        hidden = sum(1 for p in story.passages if p.doc == doc) - len(shown)
        notes = [line for line in layout.lines if line.kind == "note"]
        counted = sum(
            int(n.chunks[0].text.split()[1]) for n in notes if "hidden" in n.chunks[0].text
        )
        assert counted == hidden


def test_conflict_spans_are_merged_per_document(story):
    spans = conflict_spans(story)
    assert [story.documents[0].text[s:e] for s, e in spans[0]] == ["six", "Two", "said"]
    assert [story.documents[2].text[s:e] for s, e in spans[2]] == ["Three", "blamed"]
    assert merge_ranges([(5, 9), (0, 2), (1, 3), (9, 10)]) == ((0, 3), (5, 10))


def test_conflict_counts_and_titles(story):
    assert doc_conflict_counts(story) == (3, 3, 2)
    assert pane_title(story, 0, 3) == "north · North Star · 3≠"
    assert pane_title(story, 1, 0) == "south"


def _dated(alignment, *days):
    """The story with its sources dated (None leaves one undated)."""
    docs = tuple(
        dataclasses.replace(doc, published=day)
        for doc, day in zip(alignment.documents, days, strict=False)
    )
    return dataclasses.replace(alignment, documents=docs + alignment.documents[len(docs) :])


def test_pane_titles_give_the_publication_date(story):
    dated = _dated(story, date(2024, 3, 12), date(2024, 3, 9))
    assert pane_title(dated, 0, 3) == "north · North Star · 12 Mar 2024 · 3≠"
    assert pane_title(dated, 1, 0) == "south · 9 Mar 2024"
    assert pane_title(dated, 2, 0) == "east · East Wire"


def test_the_detail_panel_names_outlets_and_dates_earliest_first(story):
    dated = _dated(story, date(2024, 3, 12), date(2024, 3, 9))
    text = detail_content(dated, group=3, passage=None, position=4).plain
    told = next(line for line in text.splitlines() if line.startswith("Told by "))
    assert (
        told == "Told by south 9 Mar 2024 (first) · north North Star 12 Mar 2024 · east East Wire"
    )
    # undated sources: no such line (the pane titles name the outlets)
    assert "Told by" not in detail_content(story, group=3, passage=None, position=4).plain
    same_day = _dated(story, date(2024, 3, 9), date(2024, 3, 9))
    text = detail_content(same_day, group=3, passage=None, position=4).plain
    assert "(first)" not in text


def test_pane_titles_name_the_event_when_there_are_several(story):
    two = dataclasses.replace(story, events=(0, 1, 0))
    assert pane_title(two, 0, 3) == "north · North Star · event A · 3≠"
    assert pane_title(two, 1, 0) == "south · event B"
    one = dataclasses.replace(story, events=(0, 0, 0))
    assert pane_title(one, 1, 0) == "south"


@pytest.mark.parametrize(("ids", "short"), [
    (["000_bf1e7b", "001_0fc9ea"], ("000", "001")),
    (["bbc_1", "bbc_2"], ("bbc_1", "bbc_2")),  # the heads would clash: whole ids
    (["north", "south"], ("north", "south")),
    (["_x", "_y"], ("_x", "_y")),
])  # fmt: skip
def test_short_ids(ids, short):
    assert short_ids(ids) == short


# --- search -----------------------------------------------------------------------------------


def test_find_matches_is_case_insensitive_and_exact(story):
    found = find_matches(story, "WHEAT")
    assert [(d, story.documents[d].text[s:e]) for d, s, e in found] == [
        (0, "wheat"),
        (1, "wheat"),
        (2, "Wheat"),
    ]
    assert find_matches(story, "   ") == ()
    assert find_matches(story, "zebra") == ()


def test_find_matches_follows_the_filter(story):
    only_unique = find_matches(story, "wheat", mode="unique")
    assert [d for d, _, _ in only_unique] == [2]


# --- texts ------------------------------------------------------------------------------------


def test_status_text(story):
    assert status_text(None, group=None, passage=None, position=0, total=0, mode="all") == ""
    line = status_text(story, group=1, passage=None, position=2, total=7, mode="all")
    assert line == "fact 2 of 7 · ≠ number"
    line = status_text(story, group=3, passage=None, position=2, total=3, mode="conflicts")
    assert line == "conflict 2 of 3 · fact 4 · ≠ number · filter: conflicts"
    unique = next(p for p in story.passages if p.group is None and not p.boilerplate)
    line = status_text(story, group=None, passage=unique.id, position=1, total=2, mode="unique")
    assert line.startswith("unique 1 of 2 · ◆ only north")


def test_detail_says_who_says_what_and_who_is_silent(story):
    text = detail_content(story, group=3, passage=None, position=4).plain
    assert "Fact 4 · 3 sources" in text
    assert "hurt: north says 2, east says 3" in text
    for pid in story.groups[3].passages:
        assert story.text(story.passages[pid]) in text
    assert "Match north–south 0.75" in text
    text = detail_content(story, group=1, passage=None, position=2).plain
    assert "Not reported by east" in text
    unique = next(p for p in story.passages if p.group is None and not p.boilerplate)
    text = detail_content(story, group=None, passage=unique.id).plain
    assert "Only north reports this" in text
    assert "not in south, east" in text


def test_detail_marks_the_conflicting_words(story):
    content = detail_content(story, group=1, passage=None, position=2)
    marked = {
        content.plain[span.start : span.end]
        for span in content.spans
        if "underline" in str(span.style)
    }
    assert marked == {"six", "nine"}


def _crowd(n: int) -> Alignment:
    """``n`` one-sentence sources that all tell one fact; every other link conflicts."""
    from itertools import combinations

    from alignment import Conflict, Document, Group, Pair, Passage, Sentence, Span

    docs = tuple(
        Document(id=f"s{i:02d}", text=f"Source {i} says {i} people came.") for i in range(n)
    )
    sentences = tuple((Sentence(i, 0, 0, len(d.text)),) for i, d in enumerate(docs))
    passages = tuple(Passage(i, i, 0, 0, 0, len(d.text), group=0) for i, d in enumerate(docs))
    pairs = []
    for k, (a, b) in enumerate(combinations(range(n), 2)):
        conflicts = ()
        if k % 2:
            spans = (Span(a, 7, 8), Span(b, 7, 8))
            conflicts = (Conflict("number", spans, f"people: s{a:02d} vs s{b:02d}"),)
        pairs.append(Pair(a, b, 0.5 + (k % 40) / 100, 0, conflicts))
    group = Group(0, tuple(range(n)), tuple(range(len(pairs))), "conflict")
    return Alignment(docs, sentences, passages, tuple(pairs), (group,), ((0,),) * n)


def test_detail_of_a_huge_fact_counts_instead_of_listing():
    crowd = _crowd(40)
    text = detail_content(crowd, group=0, passage=None, position=1).plain
    assert f"… {40 - 12} more passages" in text
    assert "more conflicts" in text
    assert f"{len(crowd.pairs)} links, 0.50 to 0.89" in text
    assert "and 32 more disagree" in text
    assert len(text.splitlines()) < 30


def test_core_passages_are_each_sources_best_linked_telling(seed_alignment):
    for group in seed_alignment.groups:
        core = core_passages(seed_alignment, group)
        docs = [seed_alignment.passages[p].doc for p in core]
        assert sorted(docs) == sorted(set(docs))  # one per source...
        assert set(docs) == set(seed_alignment.group_docs(group))  # ...for every source
        assert core <= set(group.passages)
        weight = dict.fromkeys(group.passages, 0.0)
        for k in group.pairs:
            pair = seed_alignment.pairs[k]
            weight[pair.a] += pair.similarity
            weight[pair.b] += pair.similarity
        for p in core:
            doc = seed_alignment.passages[p].doc
            rivals = [q for q in group.passages if seed_alignment.passages[q].doc == doc]
            assert weight[p] == max(weight[q] for q in rivals)


def test_detail_quotes_each_sources_direct_telling_first(seed_alignment):
    group = max(seed_alignment.groups, key=lambda g: g.size)
    core = sorted(core_passages(seed_alignment, group))
    names = short_ids([d.id for d in seed_alignment.documents])
    text = detail_content(seed_alignment, group=group.id, passage=None, position=1).plain
    quoted = [line for line in text.splitlines() if line[:3] in names and line[3:5] == "  "]
    assert len(quoted) > len(core)  # the largest fact is told more than once by some source
    for line, p in zip(quoted, core, strict=False):
        passage = seed_alignment.passages[p]
        assert line.startswith(names[passage.doc])
        assert " ".join(seed_alignment.text(passage).split()[:4]) in line


def test_shared_passages_told_as_uncertain_are_marked_hedged(seed_alignment):
    kinds = passage_kinds(seed_alignment)
    unclear = next(
        p for p in seed_alignment.passages if "remains unclear whether" in seed_alignment.text(p)
    )
    assert unclear.id in seed_alignment.hedged
    assert kinds[unclear.id] == ("hedged" if unclear.group is not None else "unique")
    for p in seed_alignment.passages:
        if kinds[p.id] == "hedged":
            assert p.id in seed_alignment.hedged
            assert p.group is not None
        if p.id in seed_alignment.hedged and kinds[p.id] == "agree":
            raise AssertionError(f"hedged passage {p.id} drawn as agreeing")
    assert SIGNS["hedged"] == "?"


def test_a_graded_conflict_line_has_its_own_sign_and_style():
    graded = _conflict_line("differs", "deaths: a says at least 40, b says 43", [None])
    flat = _conflict_line("number", "deaths: a says 21, b says at least two dozen", [None])
    assert graded.plain.lstrip().startswith(f"{SIGNS['differs']} differs")
    assert flat.plain.lstrip().startswith(f"{SIGNS['conflict']} number")
    assert "$text-warning" in str(graded.spans[0].style)
    assert "$text-error" in str(flat.spans[0].style)
