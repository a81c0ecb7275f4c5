"""The reader's state pieces on their own: the search value, bounded caches, and results that
arrive before the screen is drawn (issue 20, "give the reader room")."""

from __future__ import annotations

import pytest

import tui.app as app_module
from alignment import AlignConfig, Alignment, Loaded
from tui.app import ParallaxApp
from tui.messages import WriteRequested
from tui.screens import ReaderScreen
from tui.search import SearchState
from tui.widgets import SearchBar, SourcePane
from tui.widgets.source_pane import LAYOUT_CACHE, STRIP_CACHE

from .fixtures.reader_story import build_reader_story
from .test_app import settle

SIZE = (120, 40)


@pytest.fixture(scope="module")
def story() -> Alignment:
    return build_reader_story()


# --- SearchState ------------------------------------------------------------------------------


def test_search_finds_matches_in_every_source(story):
    search = SearchState.find(story, "wheat", mode="all")
    assert search.query == "wheat"
    assert search.index is None
    assert search.current is None
    assert {doc for doc, _, _ in search.matches} == {0, 1, 2}
    for doc, start, end in search.matches:
        assert story.documents[doc].text[start:end].lower() == "wheat"


@pytest.mark.parametrize(("steps", "expected"), [
    ((1,), 0),  # the first step forward: the first match
    ((-1,), 2),  # the first step back: the last match
    ((1, 1, 1), 2),
    ((1, 1, 1, 1), 0),  # wraps around
    ((1, -1), 2),  # back past the first: the last
])  # fmt: skip
def test_search_steps_wrap_around(story, steps, expected):
    search = SearchState.find(story, "wheat", mode="all")
    assert len(search.matches) == 3
    for step in steps:
        search = search.step(step)
    assert search.index == expected
    assert search.current == search.matches[expected]


def test_search_per_document(story):
    search = SearchState.find(story, "wheat", mode="all").at(1)
    doc, start, end = search.matches[1]
    assert search.current_in(doc) == (start, end)
    other = next(d for d, _, _ in search.matches if d != doc)
    assert search.current_in(other) is None
    assert search.in_doc(doc) == tuple((s, e) for d, s, e in search.matches if d == doc)
    assert search.first_in(2) == next(k for k, m in enumerate(search.matches) if m[0] == 2)
    assert search.first_in(None) == 0


def test_empty_search_steps_nowhere():
    search = SearchState()
    assert search.step(1) == search
    assert search.at(5) == search


# --- the reader, driven ------------------------------------------------------------------------


def story_app(monkeypatch: pytest.MonkeyPatch, alignment: Alignment) -> ParallaxApp:
    monkeypatch.setattr(
        app_module, "load_documents", lambda paths, **kw: Loaded(alignment.documents, ())
    )
    monkeypatch.setattr(app_module, "align", lambda documents, config=None, **kw: alignment)
    return ParallaxApp(paths=[], config=AlignConfig(semantic="off"))


async def test_a_result_before_the_screen_is_drawn_is_shown_once_it_is(monkeypatch, story):
    """The worker can finish before the reader is composed: the result waits in the reader's
    state (not a queue of calls) and is drawn on mount."""
    app = story_app(monkeypatch, story)
    reader = app.reader
    reader.show_progress("aligning: drawing 100%")
    reader.show_alignment(story)
    assert reader.alignment is story
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [v.data.doc for v in reader.views] == [0, 1, 2]
        assert reader.current_group == 0
        assert "fact 1 of 7" in reader.status


async def test_state_reaches_every_pane_through_data_bind(monkeypatch, story):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = app.reader
        await pilot.press("n")
        await pilot.pause()
        lit = frozenset(story.groups[1].passages)
        assert reader.lit == lit
        for pane in reader.query(SourcePane):
            assert pane.lit == lit
            assert pane.view.lit == lit
            assert pane.view.core == reader.core
        await pilot.press("slash", *"wheat", "enter")
        await pilot.pause()
        for pane in reader.query(SourcePane):
            assert pane.view.search is reader.search
            doc = pane.view.data.doc
            assert pane.view.matches == reader.search.in_doc(doc)


async def test_search_bar_posts_what_was_typed(monkeypatch, story):
    app = story_app(monkeypatch, story)
    seen: list[SearchBar.Search] = []

    def hook(message: object) -> None:
        if isinstance(message, SearchBar.Search):
            seen.append(message)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"  fire ", "enter")
        await pilot.pause()
        # the hook sees the message at each step of its bubbling: one message, stripped
        assert len({id(m) for m in seen}) == 1
        assert seen[0].query == "fire"
        assert not app.reader.query_one(SearchBar).is_open
        assert app.reader.search.query == "fire"


async def test_export_is_a_message_the_app_writes(monkeypatch, story, tmp_path):
    monkeypatch.chdir(tmp_path)
    app = story_app(monkeypatch, story)
    seen: list[WriteRequested] = []

    def hook(message: object) -> None:
        if isinstance(message, WriteRequested):
            seen.append(message)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        await pilot.press("e", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
    assert len({id(m) for m in seen}) == 1
    assert seen[0].path == tmp_path / "parallax-pairs.csv"
    assert seen[0].force is False
    assert (tmp_path / "parallax-pairs.csv").is_file()


async def test_pane_caches_are_bounded(monkeypatch, story):
    """Many widths and a long scroll never keep more than the caches' sizes."""
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.reader.views[0]
        for width in range(40, 40 + LAYOUT_CACHE * 3):
            await pilot.resize_terminal(width * 3, 40)
            await pilot.pause()
        assert 0 < len(view._layouts) <= LAYOUT_CACHE
        for y in range(STRIP_CACHE * 2):
            view.render_line(y)
        assert len(view._strips) <= STRIP_CACHE
