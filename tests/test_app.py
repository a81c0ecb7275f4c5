"""The reader, driven with Pilot: one test per binding, on a hand-built story.

The story (tests/fixtures/reader_story.py) is declared, not computed, so these tests keep their
meaning while the engine is tuned; a few tests run the real engine on the seeds.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import replace

import pytest
from textual import events
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input, Static

import tui.app as app_module
from alignment import AlignConfig, Alignment, Group, Loaded
from alignment.export import csv_text
from tui.app import ParallaxApp
from tui.messages import AlignmentReady
from tui.render import core_passages
from tui.screens import ConfirmScreen, ExportScreen, HelpScreen, ReaderScreen, SourcesScreen
from tui.widgets import DetailPanel, PaneView, SourcePane

from .fixtures.reader_story import build_reader_story

SIZE = (120, 40)
OFF = AlignConfig(semantic="off")


@pytest.fixture(scope="module")
def story() -> Alignment:
    return build_reader_story()


def story_app(
    monkeypatch: pytest.MonkeyPatch,
    alignment: Alignment,
    *,
    warnings: Sequence[str] = (),
    config: AlignConfig = OFF,
    theme: str | None = None,
) -> ParallaxApp:
    """An app whose worker loads and aligns to ``alignment`` (the real worker code runs)."""
    monkeypatch.setattr(
        app_module,
        "load_documents",
        lambda paths, **_: Loaded(alignment.documents, tuple(warnings)),
    )

    def fake_align(documents, config=None, *, progress=None, scorer=None, claims=None, warnings=()):
        if progress is not None:
            progress("done", 1.0)
        return replace(alignment, warnings=tuple(warnings)) if warnings else alignment

    monkeypatch.setattr(app_module, "align", fake_align)
    return ParallaxApp(paths=[], config=config, theme_name=theme)


async def settle(pilot) -> None:
    """Wait for the first result (or failure) to be shown, and for every worker to end."""
    for _ in range(1000):
        if pilot.app.reader.state != "loading":
            break
        await pilot.pause(0.01)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@asynccontextmanager
async def pressed(
    monkeypatch: pytest.MonkeyPatch, story: Alignment, *keys: str
) -> AsyncIterator[tuple[ParallaxApp, Pilot[None]]]:
    """The story's app, settled, after ``keys`` were pressed: what most tests start from."""
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        yield app, pilot


def reader_of(app: ParallaxApp) -> ReaderScreen:
    return app.reader


def top_line(app: ParallaxApp) -> str:
    return str(app.reader.query_one("#topbar").render())


def core_of(reader: ReaderScreen) -> dict[int, int]:
    """Per doc, the current fact's passage that the reader lights brightly."""
    alignment = reader.alignment
    assert alignment is not None
    assert reader.current_group is not None
    core = core_passages(alignment, alignment.groups[reader.current_group])
    return {alignment.passages[p].doc: p for p in core}


def lit_rows(reader: ReaderScreen) -> dict[int, int]:
    """Per visible doc with a passage in the current group: the viewport row where its
    brightly lit passage starts."""
    core = core_of(reader)
    rows: dict[int, int] = {}
    for view in reader.views:
        assert view.data is not None
        if view.data.doc in core:
            where = view.passage_rows(core[view.data.doc])
            assert where is not None
            rows[view.data.doc] = where[0] - int(view.scroll_y)
    return rows


def assert_group_shown(reader: ReaderScreen) -> None:
    """Every visible pane that has the current fact shows it, lit, at the same height."""
    alignment = reader.alignment
    assert alignment is not None
    assert reader.current_group is not None
    group = alignment.groups[reader.current_group]
    rows = lit_rows(reader)
    assert rows, "no visible pane has the current fact"
    assert len(set(rows.values())) == 1, rows
    for view in reader.views:
        assert view.data is not None
        doc = view.data.doc
        if doc not in rows:
            continue
        row = rows[doc]
        assert 0 <= row < view.scrollable_content_region.height
        assert view.lit == frozenset(group.passages)
        assert view.core == frozenset(core_of(reader).values())
        passage = alignment.passages[core_of(reader)[doc]]
        drawn = view.render_line(row).text
        assert drawn.startswith("▌"), drawn  # the lit bar
        first_word = alignment.text(passage).split()[0]
        assert first_word in drawn, (first_word, drawn)


# --- start-up ---------------------------------------------------------------------------------


async def test_first_screen_shows_panes_and_first_fact(monkeypatch, story):
    app = story_app(monkeypatch, story)
    seen: list[object] = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        reader = reader_of(app)
        assert reader.alignment is story
        assert any(isinstance(m, AlignmentReady) for m in seen)
        assert [v.data.doc for v in reader.views] == [0, 1, 2]
        assert reader.current_group == 0
        assert_group_shown(reader)
        assert isinstance(app.focused, PaneView)
        status = top_line(app)
        assert "fact 1 of 7" in status
        titles = [str(p.border_title) for p in app.screen.query(SourcePane)]
        assert titles[0].startswith("north · North Star")
        assert "3≠" in titles[0]  # north is on a conflicting side of three facts
        assert "reader" not in app.screen.query_one("#placeholder", Static).classes


async def test_sources_of_two_events_are_named_on_screen(monkeypatch, story):
    app = story_app(monkeypatch, replace(story, events=(0, 1, 1)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "3 sources · 2 look-alike events" in top_line(app)
        titles = [str(p.border_title) for p in app.screen.query(SourcePane)]
        assert "event A" in titles[0]
        assert all("event B" in t for t in titles[1:])


async def test_a_source_telling_a_fact_twice_lights_its_most_direct_telling(
    monkeypatch, seed_alignment
):
    alignment = seed_alignment
    group = max(alignment.groups, key=lambda g: g.size)
    app = story_app(monkeypatch, alignment)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = reader_of(app)
        reader.current_group = group.id
        await pilot.pause()
        assert_group_shown(reader)
        core = core_of(reader)

        def background(view: PaneView, passage: int):
            view.scroll_to(y=view.passage_rows(passage)[0], animate=False, immediate=True)
            drawn = view.render_line(0)
            assert drawn.text.startswith("▌")  # marked as part of the fact
            return list(drawn)[-1].style.bgcolor

        repeated = 0
        for view in reader.views:
            doc = view.data.doc
            others = [p for p in group.passages if alignment.passages[p].doc == doc]
            others.remove(core[doc])
            if others:
                repeated += 1
                echo = background(view, others[0])
                assert background(view, core[doc]) != echo  # only the core has the background
        assert repeated, "the seeds' largest fact is told more than once by some source"


# --- facts: j/k, arrows, g/G -------------------------------------------------------------------


@pytest.mark.parametrize(("keys", "expected"), [
    (("j",), 1),
    (("down",), 1),
    (("j", "j", "k"), 1),
    (("j", "j", "up"), 1),
    (("G",), 6),
    (("end",), 6),
    (("G", "g"), 0),
    (("G", "home"), 0),
    (("k",), 0),  # already first: stays
    (("G", "j"), 6),  # already last: stays
])  # fmt: skip
async def test_fact_keys(monkeypatch, story, keys, expected):
    async with pressed(monkeypatch, story, *keys) as (app, _):
        reader = reader_of(app)
        assert reader.current_group == expected
        assert_group_shown(reader)
        assert f"fact {expected + 1} of 7" in top_line(app)


# --- conflicts: n/N ] [ ------------------------------------------------------------------------


@pytest.mark.parametrize(("keys", "expected"), [
    (("n",), 1),
    (("right_square_bracket",), 1),
    (("n", "n"), 3),
    (("n", "n", "n"), 4),
    (("n", "n", "n", "n"), 1),  # wraps around
    (("N",), 4),  # from fact 0 back: wraps to the last conflict
    (("left_square_bracket",), 4),
    (("n", "n", "N"), 1),
])  # fmt: skip
async def test_conflict_keys(monkeypatch, story, keys, expected):
    async with pressed(monkeypatch, story, *keys) as (app, _):
        reader = reader_of(app)
        assert reader.current_group == expected
        assert story.groups[expected].status == "conflict"
        assert_group_shown(reader)
        status = top_line(app)
        assert "≠" in status
        detail = reader.query_one(DetailPanel).text
        for k in story.groups[expected].pairs:
            for conflict in story.pairs[k].conflicts:
                assert conflict.reason in detail


async def test_conflict_spans_are_marked_inside_sentences(monkeypatch, story):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")  # six vs nine hours
        await pilot.pause()
        reader = reader_of(app)
        view = reader.views[0]
        row = lit_rows(reader)[0]
        passage = next(p for p in story.groups[1].passages if story.passages[p].doc == 0)
        _, count = view.passage_rows(passage)
        marked = [
            seg.text
            for y in range(row, row + count)
            for seg in view.render_line(y)
            if seg.style and seg.style.underline
        ]
        assert marked == ["six"]


async def test_n_without_conflicts_says_so(monkeypatch):
    calm = build_reader_story(conflicts={})
    app = story_app(monkeypatch, calm)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "n")
        await pilot.pause()
        reader = reader_of(app)
        assert reader.current_group == 1  # did not move
        assert any("No conflicts" in n.message for n in app._notifications)
        await pilot.press("N")
        await pilot.pause()
        assert reader.current_group == 1


async def test_n_on_the_seeds_with_detected_conflicts(monkeypatch):
    """The real engine on the seeds, with a stand-in detector that flags every link of the
    first source: n lands on a conflicting fact and every pane that has it shows it."""
    import alignment.engine as engine
    from alignment import Conflict, Span

    def flag_first_source(a, b, **options):
        if a.doc != 0:
            return ()
        spans = (Span(a.doc, a.offset, a.offset + 3), Span(b.doc, b.offset, b.offset + 3))
        return (Conflict("number", spans, "stand-in conflict"),)

    monkeypatch.setattr(engine, "find_conflicts", flag_first_source)
    app = ParallaxApp(paths=[], config=OFF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = reader_of(app)
        assert reader.alignment is not None
        conflicts = [g.id for g in reader.alignment.groups if g.status == "conflict"]
        assert conflicts, "the stand-in detector should flag some facts"
        await pilot.press("n")
        await pilot.pause()
        assert reader.current_group in conflicts
        assert_group_shown(reader)


# --- panes: h/l, arrows, tab -------------------------------------------------------------------


@pytest.mark.parametrize(("keys", "slot"), [
    ((), 0),
    (("l",), 1),
    (("right",), 1),
    (("tab",), 1),
    (("l", "l"), 2),
    (("l", "l", "h"), 1),
    (("l", "left"), 0),
    (("l", "shift+tab"), 0),
    (("h",), 2),  # wraps to the last pane
])  # fmt: skip
async def test_pane_focus_keys(monkeypatch, story, keys, slot):
    async with pressed(monkeypatch, story, *keys) as (app, _):
        reader = reader_of(app)
        assert app.focused is reader.views[slot]
        # moving focus never moves the current fact
        assert reader.current_group == 0


async def test_l_past_the_last_pane_shows_the_next_source(monkeypatch, story):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = reader_of(app)
        assert [v.data.doc for v in reader.views] == [0, 1]
        await pilot.press("l", "l")
        await pilot.pause()
        assert reader.first_pane == 1
        assert [v.data.doc for v in reader.views] == [1, 2]
        assert app.focused is reader.views[1]
        assert "panes 2–3 of 3" in top_line(app)
        await pilot.press("h", "h")
        await pilot.pause()
        assert [v.data.doc for v in reader.views] == [0, 1]
        assert app.focused is reader.views[0]


# --- search: / m M escape ----------------------------------------------------------------------


async def test_search_jumps_to_the_match_and_walks_matches(monkeypatch, story):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = reader_of(app)
        await pilot.press("slash")
        await pilot.pause()
        search = reader.query_one("#search", Input)
        assert app.focused is search
        await pilot.press(*"wheat", "enter")
        await pilot.pause()
        # "wheat" is in north's line 8 (fact 6), south's line 5 (fact 6) and east's line 4
        assert len(reader.matches) == 3
        assert reader.match_index == 0
        assert reader.current_group == 6
        assert_group_shown(reader)
        assert isinstance(app.focused, PaneView)
        view = reader.views[0]
        assert view.matches
        assert view.current_match is not None
        doc, start, end = reader.matches[0]
        assert story.documents[doc].text[start:end].lower() == "wheat"
        await pilot.press("m", "m")
        await pilot.pause()
        assert reader.match_index == 2
        # east's "Wheat prices rose" is unique: the passage itself is selected
        assert reader.current_group is None
        assert reader.current_passage is not None
        assert "Wheat" in story.text(story.passages[reader.current_passage])
        await pilot.press("M")
        await pilot.pause()
        assert reader.match_index == 1
        assert reader.current_group == 6
        await pilot.press("escape")
        await pilot.pause()
        assert reader.matches == ()
        assert all(not v.matches for v in reader.views)


async def test_search_without_match_says_so(monkeypatch, story):
    async with pressed(monkeypatch, story, "slash", *"zebra", "enter") as (app, _):
        reader = reader_of(app)
        assert reader.matches == ()
        assert reader.current_group == 0
        assert any("No match" in n.message for n in app._notifications)


async def test_escape_closes_the_search_line(monkeypatch, story):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q")  # q types into the field, it does not quit
        await pilot.pause()
        reader = reader_of(app)
        assert reader.query_one("#search", Input).value == "q"
        await pilot.press("escape")
        await pilot.pause()
        assert not reader.has_class("-searching")
        assert isinstance(app.focused, PaneView)
        assert app.is_running


# --- filter: f ---------------------------------------------------------------------------------


def shown_passages(view: PaneView) -> set[int]:
    assert view.layout_cache is not None
    return {line.passage for line in view.layout_cache.lines if line.passage >= 0}


async def test_filter_cycles_and_hides_what_it_should(monkeypatch, story):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = reader_of(app)
        every = {v.data.doc: shown_passages(v) for v in reader.views}
        assert every[0] == {p.id for p in story.passages if p.doc == 0}

        await pilot.press("f")
        await pilot.pause()
        assert reader.filter_mode == "conflicts"
        conflict_groups = {g.id for g in story.groups if g.status == "conflict"}
        for view in reader.views:
            kept = shown_passages(view)
            assert kept == {
                p.id
                for p in story.passages
                if p.doc == view.data.doc and p.group in conflict_groups
            }
            assert any(line.kind == "note" for line in view.layout_cache.lines)
        assert reader.current_group in conflict_groups
        assert_group_shown(reader)
        await pilot.press("j")
        await pilot.pause()
        assert reader.current_group == sorted(conflict_groups)[1]  # j skips agreeing facts

        await pilot.press("f")  # not yet judged: with no verdict, every conflicting fact
        await pilot.pause()
        assert reader.filter_mode == "unjudged"
        for view in reader.views:
            assert shown_passages(view) == {
                p.id
                for p in story.passages
                if p.doc == view.data.doc and p.group in conflict_groups
            }
        assert "filter: not yet judged" in top_line(app)

        await pilot.press("f")
        await pilot.pause()
        assert reader.filter_mode == "unique"
        for view in reader.views:
            assert shown_passages(view) == {
                p.id
                for p in story.passages
                if p.doc == view.data.doc and p.group is None and not p.boilerplate
            }
        # j walks the focused pane's unique passages
        assert reader.current_group is None
        first = reader.current_passage
        await pilot.press("j")
        await pilot.pause()
        assert reader.current_passage != first
        assert story.passages[reader.current_passage].group is None

        await pilot.press("f")
        await pilot.pause()
        assert reader.filter_mode == "all"
        assert {v.data.doc: shown_passages(v) for v in reader.views} == every


# --- export: e ---------------------------------------------------------------------------------


async def test_export_writes_the_same_csv_as_the_cli(monkeypatch, story, tmp_path):
    monkeypatch.chdir(tmp_path)
    async with pressed(monkeypatch, story, "e") as (app, pilot):
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one(Input)
        assert field.value == str(tmp_path / "parallax-pairs.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        target = tmp_path / "parallax-pairs.csv"
        assert target.read_bytes().decode("utf-8") == csv_text(story)
        rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
        assert len(rows) == len(story.pairs) + 1
        toast = app._notifications
        assert any(
            f"{len(story.pairs)} rows" in n.message and str(target) in n.message for n in toast
        )
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(("answer", "replaced"), [("n", False), ("y", True), ("escape", False)])
async def test_export_asks_before_replacing(monkeypatch, story, tmp_path, answer, replaced):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "parallax-pairs.csv"
    target.write_text("earlier work\n", encoding="utf-8")
    async with pressed(monkeypatch, story, "e", "enter") as (app, pilot):
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press(answer)
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        content = target.read_text(encoding="utf-8")
        assert (content == csv_text(story).replace("\r\n", "\n")) is replaced
        assert (content == "earlier work\n") is not replaced


async def test_export_to_a_folder_is_an_error_and_the_app_keeps_running(
    monkeypatch, story, tmp_path
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    async with pressed(monkeypatch, story, "e") as (app, pilot):
        field = app.screen.query_one(Input)
        field.value = str(tmp_path / "folder")
        await pilot.press("enter")
        await settle(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors
        assert "folder" in errors[0].message
        assert app.is_running
        await pilot.press("j")
        await pilot.pause()
        assert reader_of(app).current_group == 1


async def test_export_into_a_missing_folder_is_an_error(monkeypatch, story, tmp_path):
    monkeypatch.chdir(tmp_path)
    async with pressed(monkeypatch, story, "e") as (app, pilot):
        app.screen.query_one(Input).value = str(tmp_path / "nope" / "x.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert any(n.severity == "error" for n in app._notifications)
        assert not (tmp_path / "nope").exists()


async def test_export_cancelled_writes_nothing(monkeypatch, story, tmp_path):
    monkeypatch.chdir(tmp_path)
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert list(tmp_path.iterdir()) == []


# --- sources: s --------------------------------------------------------------------------------


async def test_sources_dialog_picks_the_panes(monkeypatch, story):
    async with pressed(monkeypatch, story, "s") as (app, pilot):
        assert isinstance(app.screen, SourcesScreen)
        await pilot.press("down", "space", "enter")  # untick the second source
        await pilot.pause()
        reader = reader_of(app)
        assert isinstance(app.screen, ReaderScreen)
        assert reader.shown == (0, 2)
        assert [v.data.doc for v in reader.views] == [0, 2]
        title = top_line(app)
        assert "1 hidden" in title
        assert "panes" not in title  # the chosen sources all fit
        assert_group_shown(reader)


async def test_sources_dialog_refuses_an_empty_choice(monkeypatch, story):
    async with pressed(monkeypatch, story, "s") as (app, pilot):
        for _ in story.documents:
            await pilot.press("space", "down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert reader_of(app).shown == (0, 1, 2)


# --- help and quit -----------------------------------------------------------------------------


async def test_help_lists_every_binding(monkeypatch, story):
    async with pressed(monkeypatch, story, "question_mark") as (app, pilot):
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        bindings = [*ReaderScreen.BINDINGS, *ParallaxApp.BINDINGS]
        for binding in bindings:
            forms = {binding.key, app.get_key_display(Binding(binding.key, ""))}
            if binding.key_display:
                forms.add(binding.key_display)
            assert any(form in text for form in forms), binding.key
        actions = {b.action for b in bindings}
        for action in actions:
            words = next(b.tooltip for b in bindings if b.action == action and b.tooltip)
            assert words in text, action
        for sign in "≡≠◆":
            assert sign in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


def test_bindings_have_descriptions_ids_and_no_clashes():
    seen: dict[str, str] = {}
    for binding in [*ReaderScreen.BINDINGS, *ParallaxApp.BINDINGS]:
        assert binding.description
        assert binding.id
        for key in binding.key.split(","):
            assert key not in seen or seen[key] == binding.action, key
            seen[key] = binding.action
    assert all(b.tooltip for b in [*ReaderScreen.BINDINGS, *ParallaxApp.BINDINGS])


async def test_q_quits(monkeypatch, story):
    async with pressed(monkeypatch, story, "q") as (app, _):
        pass
    assert app.return_code == 0
    assert not app.is_running


# --- mouse -------------------------------------------------------------------------------------


async def test_click_on_a_sentence_selects_its_fact(monkeypatch, story):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = reader_of(app)
        view = reader.views[1]  # south
        target = next(p for p in story.passages if p.doc == 1 and p.group == 3)
        row = view.passage_rows(target.id)[0] - int(view.scroll_y)
        await pilot.click(view, offset=(6, row))
        await pilot.pause()
        assert reader.current_group == 3
        assert_group_shown(reader)
        unique = next(p for p in story.passages if p.doc == 1 and p.group is None)
        row = view.passage_rows(unique.id)[0] - int(view.scroll_y)
        await pilot.click(view, offset=(6, row))
        await pilot.pause()
        assert reader.current_group is None
        assert reader.current_passage == unique.id


async def test_wheel_scrolls_every_pane_together(monkeypatch, story):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        reader = reader_of(app)
        before = [v.scroll_y for v in reader.views]
        await pilot._post_mouse_events([events.MouseScrollDown], reader.views[0], (5, 5))
        await pilot.pause()
        after = [v.scroll_y for v in reader.views]
        assert all(a - b == 3 for a, b in zip(after, before, strict=True)), (before, after)
        await pilot.press("pagedown")
        await pilot.pause()
        paged = [v.scroll_y for v in reader.views]
        page = max(p - a for p, a in zip(paged, after, strict=True))
        assert page > 3
        for view, p, a in zip(reader.views, paged, after, strict=True):
            # every pane moves by the same page, unless it reached its end first
            assert p - a == page or p == view.max_scroll_y


# --- sizes ------------------------------------------------------------------------------------


async def test_tiny_terminal_says_too_small_and_resizing_keeps_the_fact(monkeypatch, story):
    async with pressed(monkeypatch, story, "n", "n") as (app, pilot):
        reader = reader_of(app)
        assert reader.current_group == 3
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        notice = reader.query_one("#too-small", Static)
        assert notice.display
        assert notice.region.width > 0
        assert "too small" in str(notice.render()).lower()
        assert reader.query_one("#body").region.height == 0
        await pilot.press("j")  # keys still work
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.pause()
        assert reader.query_one("#too-small").region.height == 0
        assert reader.current_group == 4
        assert_group_shown(reader)


@pytest.mark.parametrize(("size", "panes"), [((80, 24), 2), ((120, 40), 3), ((250, 60), 3)])
async def test_pane_count_follows_the_width(monkeypatch, story, size, panes):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        reader = reader_of(app)
        assert len(reader.views) == panes
        assert_group_shown(reader)
        for view in reader.views:
            assert view.layout_cache is not None
            assert view.layout_cache.width == view.scrollable_content_region.width


async def test_resize_rewraps_and_keeps_panes_aligned(monkeypatch, story):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=(250, 60)) as pilot:
        await settle(pilot)
        await pilot.press("n", "n")
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        await pilot.pause()
        reader = reader_of(app)
        assert reader.current_group == 3
        assert len(reader.views) == 2
        assert_group_shown(reader)


# --- bad input (issue 6, in the app) -----------------------------------------------------------


async def test_one_usable_source_opens_and_says_why(tmp_path):
    (tmp_path / "only.txt").write_text("One article. It has two sentences.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    app = ParallaxApp(paths=[str(tmp_path)], config=OFF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = reader_of(app)
        assert reader.alignment is not None
        assert len(reader.alignment.documents) == 1
        detail = reader.query_one(DetailPanel).text
        assert "at least two" in detail
        assert "only" in detail
        assert "nothing aligned" in top_line(app)
        assert any("empty" in n.message for n in app._notifications)  # the skipped file
        await pilot.press("j", "n", "f", "slash")
        await pilot.pause()
        assert app.is_running


async def test_no_usable_source_opens_and_says_why(tmp_path):
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    app = ParallaxApp(paths=[str(tmp_path)], config=OFF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = reader_of(app)
        placeholder = reader.query_one("#placeholder", Static)
        assert placeholder.display
        text = str(placeholder.render())
        assert "Nothing to align" in text
        assert "no usable source" in text
        assert not reader.views


async def test_missing_path_is_reported_in_the_app(tmp_path):
    app = ParallaxApp(paths=[str(tmp_path / "missing.txt")], config=OFF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = str(reader_of(app).query_one("#placeholder", Static).render())
        assert "missing.txt" in text
        assert any(n.severity == "error" for n in app._notifications)
        assert app.is_running


async def test_an_engine_bug_is_shown_not_swallowed(monkeypatch, story):
    app = story_app(monkeypatch, story)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(app_module, "align", broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert any("boom" in n.message for n in app._notifications)
        assert "boom" in str(reader_of(app).query_one("#placeholder", Static).render())


async def test_unknown_theme_falls_back_with_a_toast(monkeypatch, story):
    app = story_app(monkeypatch, story, theme="no-such-theme")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


async def test_a_known_theme_is_used(monkeypatch, story):
    app = story_app(monkeypatch, story, theme="textual-light")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        assert_group_shown(reader_of(app))


# --- semantic refinement -----------------------------------------------------------------------


def rotated(alignment: Alignment) -> Alignment:
    """The same facts with every group id moved up by one (the last becomes 0), as a refined
    run that orders its groups differently would give."""
    n = len(alignment.groups)

    def move(g: int) -> int:
        return (g + 1) % n

    groups = sorted(
        (Group(move(g.id), g.passages, g.pairs, g.status) for g in alignment.groups),
        key=lambda g: g.id,
    )
    return Alignment(
        documents=alignment.documents,
        sentences=alignment.sentences,
        passages=tuple(
            replace(p, group=None if p.group is None else move(p.group)) for p in alignment.passages
        ),
        pairs=tuple(replace(pr, group=move(pr.group)) for pr in alignment.pairs),
        groups=tuple(groups),
        sentence_passages=alignment.sentence_passages,
    )


async def test_refinement_replaces_the_result_and_keeps_the_fact(monkeypatch, story):
    """The refined alignment arrives while the reader looks at a fact: the same fact stays
    selected (found by its passages), though its group id changed."""
    refined = rotated(story)
    release = threading.Event()
    scorers: list[object] = []

    def fake_align(documents, config=None, *, progress=None, scorer=None, claims=None, warnings=()):
        scorers.append(scorer)
        return story if scorer is None else refined

    def load_scorer(config, **_):
        release.wait(timeout=30)
        return lambda a, b: [0.5] * len(a)

    monkeypatch.setattr(
        app_module, "load_documents", lambda paths, **_: Loaded(story.documents, ())
    )
    monkeypatch.setattr(app_module, "align", fake_align)
    monkeypatch.setattr(app_module, "_load_scorer", lambda: load_scorer)
    app = ParallaxApp(paths=[], config=AlignConfig(semantic="auto"))
    seen: list[AlignmentReady] = []

    def hook(message):
        if isinstance(message, AlignmentReady):
            seen.append(message)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        reader = reader_of(app)
        for _ in range(200):
            await pilot.pause(0.01)
            if reader.alignment is story and reader.views:
                break
        await pilot.press("n", "n")
        await pilot.pause()
        assert reader.current_group == 3
        release.set()
        await settle(pilot)
        assert [m.refined for m in seen] == [False, True]
        assert scorers[0] is None
        assert scorers[1] is not None
        assert reader.alignment is refined
        assert reader.current_group == 4
        assert set(refined.groups[4].passages) == set(story.groups[3].passages)
        assert_group_shown(reader)


def test_match_group_finds_the_fact_by_its_passages(story):
    from tui.screens.reader import match_group, match_passage

    assert match_group(story, 3, story) == 3
    assert match_group(story, 3, rotated(story)) == 4
    assert match_group(story, None, story) is None
    unique = next(p.id for p in story.passages if p.group is None)
    assert match_passage(story, unique, rotated(story)) == unique


async def test_no_semantic_module_means_no_refinement(monkeypatch, story):
    monkeypatch.setattr(app_module, "_load_scorer", lambda: None)
    app = story_app(monkeypatch, story, config=AlignConfig(semantic="auto"))
    seen: list[AlignmentReady] = []
    async with app.run_test(
        size=SIZE, message_hook=lambda m: seen.append(m) if isinstance(m, AlignmentReady) else None
    ) as pilot:
        await settle(pilot)
        assert [m.refined for m in seen] == [False]


def test_detail_panel_is_not_focusable():
    assert DetailPanel.can_focus is False


async def test_d_scrolls_a_long_detail_panel(monkeypatch, story):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=(80, 24)) as pilot:  # a short panel: fact 5 does not fit
        await settle(pilot)
        await pilot.press("n", "n", "n")
        await pilot.pause()
        detail = reader_of(app).query_one(DetailPanel)
        assert "more line" in str(detail.render())
        await pilot.press("d")
        await pilot.pause()
        assert detail.top > 0
        tops = []
        for _ in range(60):
            await pilot.press("d")
            await pilot.pause()
            tops.append(detail.top)
        wrapped = [k for k in range(1, len(tops)) if tops[k] < tops[k - 1]]
        assert wrapped, tops
        assert tops[wrapped[0]] == 0  # back to the top after the end
