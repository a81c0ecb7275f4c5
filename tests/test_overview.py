"""The overview screen: the matrix, the ranked facts, jumping back with a group id."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Label, OptionList, Static

import tui.app as app_module
from alignment import AlignConfig, Alignment, Loaded
from alignment.report import report_markdown
from alignment.summary import disputed_facts
from tui.screens.overview import (
    OverviewScreen,
    matrix_content,
    short_labels,
    source_order,
    unique_content,
)

from .fixtures.story import build_story

SIZE = (120, 40)


class Harness(App[None]):
    """Pushes the overview on mount and records what it dismisses with."""

    def __init__(self, alignment: Alignment, current_group: int | None = None) -> None:
        super().__init__()
        self.alignment = alignment
        self.current_group = current_group
        self.chosen: list[int | None] = []

    def compose(self) -> ComposeResult:
        yield Label("reader")

    def on_mount(self) -> None:
        self.push_screen(
            OverviewScreen(self.alignment, current_group=self.current_group), self.chosen.append
        )


@pytest.fixture(scope="module")
def story() -> Alignment:
    return build_story()


async def _run(alignment: Alignment, *keys: str, current_group: int | None = None):
    app = Harness(alignment, current_group)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press(*keys)
        await pilot.pause()
        closed = not isinstance(app.screen, OverviewScreen)
    return app.chosen, closed


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        pytest.param(("enter",), 1, id="first-is-most-disputed"),
        pytest.param(("down", "enter"), 0, id="second"),
        pytest.param(("down", "down", "enter"), 2, id="third"),
        pytest.param(("down", "down", "down", "enter"), 3, id="past-the-separator-to-agreed"),
        pytest.param(("end", "home", "enter"), 1, id="home"),
    ],
)
async def test_enter_dismisses_with_the_highlighted_group(story, keys, expected):
    ranked = [s.group for s in disputed_facts(story)]
    assert ranked == [1, 0, 2]  # the fixture's ranking, checked in test_summary too
    chosen, closed = await _run(story, *keys)
    assert chosen == [expected]
    assert closed


@pytest.mark.parametrize("key", ["escape", "o"])
async def test_closing_dismisses_with_none(story, key):
    chosen, closed = await _run(story, key)
    assert chosen == [None]
    assert closed


async def test_a_click_on_a_fact_jumps_to_it(story):
    app = Harness(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        facts = app.screen.query_one("#overview-facts", OptionList)
        # the negation fact is group 2; find its line (prompts may wrap)
        row = next(y for y in range(facts.size.height) if "negation" in facts.render_line(y).text)
        top = facts.content_region.y - facts.region.y
        assert await pilot.click("#overview-facts", offset=(4, top + row))
        await pilot.pause()
    assert app.chosen == [2]


async def test_the_current_group_starts_highlighted(story):
    chosen, _ = await _run(story, "enter", current_group=3)
    assert chosen == [3]


async def test_without_conflicts_the_list_says_so_and_offers_the_agreed_facts():
    agreeing = build_story(conflicts={})
    app = Harness(agreeing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        facts = app.screen.query_one("#overview-facts", OptionList)
        first = facts.get_option_at_index(0)
        assert first.disabled
        assert "No contradiction" in str(first.prompt)
        await pilot.press("enter")
        await pilot.pause()
    # all four facts agree; the two told by four sources come first, by group id
    assert app.chosen == [0]


async def test_the_overview_opens_on_the_engines_result(seed_alignment):
    app = Harness(seed_alignment)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        matrix = str(app.screen.query_one("#overview-matrix", Static).render())
        for doc in seed_alignment.documents:
            assert doc.id[:3] in matrix
        facts = app.screen.query_one("#overview-facts", OptionList)
        assert facts.option_count >= len(seed_alignment.groups)
        await pilot.press("escape")
    assert app.chosen == [None]


def test_matrix_rows_show_shared_and_conflicting_counts(story):
    lines = matrix_content(story).plain.splitlines()
    assert lines[0].split() == ["times", "courier", "gazette", "wire"]
    rows = {line.split()[0]: line for line in lines[1:5]}
    # courier: shares 3 facts with times (1 conflict), 3 with gazette (2), 2 with wire (2)
    assert rows["courier"].split()[1:] == ["3", "·1≠", "(3)", "3", "·2≠", "2", "·2≠"]
    assert rows["times"].split()[3:] == ["(4)", "3", "·1≠", "3", "·1≠", "3", "·1≠"]
    assert "≠" in lines[-1]  # the legend


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        pytest.param(["a", "bb"], ["a", "bb"], id="short"),
        pytest.param(["000_bf1e7b1d", "001_0fc9ea80"], ["000", "001"], id="prefix"),
        pytest.param(["story-alpha-1", "story-alpha-2"], ["#1", "#2"], id="positions"),
    ],
)
def test_short_labels(ids, expected):
    assert short_labels(ids) == expected


def test_unique_lines_name_each_source(story):
    lines = unique_content(story).plain.splitlines()
    assert len(lines) == 4
    assert lines[0] == "◆ times Harbour Times · nothing of its own"
    assert lines[1].startswith("◆ courier · 1 passage only it reports: “Local shops")


def _dated(alignment: Alignment, *days: date | None) -> Alignment:
    docs = tuple(
        dataclasses.replace(doc, published=day)
        for doc, day in zip(alignment.documents, days, strict=False)
    )
    return dataclasses.replace(alignment, documents=docs + alignment.documents[len(docs) :])


def test_sources_in_publication_order_undated_last(story):
    # times 13 Mar, courier undated, gazette 11 Mar, wire 12 Mar
    dated = _dated(story, date(2024, 3, 13), None, date(2024, 3, 11), date(2024, 3, 12))
    order = source_order(dated, by_date=True)
    assert order == (2, 3, 0, 1)
    assert source_order(dated, by_date=False) == (0, 1, 2, 3)
    lines = matrix_content(dated, order).plain.splitlines()
    assert lines[0].split() == ["gazette", "wire", "times", "courier"]
    assert lines[1].startswith("gazette City Gazette 11 Mar 2024 ")
    assert lines[3].startswith("times Harbour Times 13 Mar 2024 ")
    # the counts move with their sources (courier: 3 with gazette, 2 conflicting; ...)
    assert lines[4].split()[1:] == ["3", "·2≠", "2", "·2≠", "3", "·1≠", "(3)"]
    unique = unique_content(dated, order=order).plain.splitlines()
    assert [line.split()[1] for line in unique] == ["gazette", "wire", "times", "courier"]


async def test_t_orders_the_sources_by_date_and_back(story):
    dated = _dated(story, date(2024, 3, 13), None, date(2024, 3, 11), date(2024, 3, 12))
    app = Harness(dated)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        matrix = screen.query_one("#overview-matrix", Static)
        assert str(matrix.render()).splitlines()[0].split()[0] == "times"
        await pilot.press("t")
        await pilot.pause()
        assert screen.by_date
        assert str(matrix.render()).splitlines()[0].split()[0] == "gazette"
        await pilot.press("t")
        await pilot.pause()
        assert not screen.by_date
        assert str(matrix.render()).splitlines()[0].split()[0] == "times"


async def test_t_is_hidden_without_dates(story):
    app = Harness(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.check_action("order", ()) is False
        assert "By date" not in str(app.screen.query_one("Footer").render())


def test_snapshot_overview(snap_compare):
    """The fixture story's overview at 120x40: title with 4 sources, 4 shared facts and 3
    disputed; the matrix with courier's conflicts in error colour and bracketed diagonals;
    the fact list with the injured count (courier stands alone) highlighted first, then the
    day and the closure, a rule, and the engineers fact marked ≡ with times and wire; two
    sources with nothing of their own and one line each for courier and wire."""
    assert snap_compare(Harness(build_story()), terminal_size=SIZE)


# -- in the app --------------------------------------------------------------------------------


def story_app(monkeypatch: pytest.MonkeyPatch, alignment: Alignment) -> app_module.ParallaxApp:
    """The real app, whose worker loads and aligns to ``alignment``."""
    monkeypatch.setattr(
        app_module, "load_documents", lambda paths, **_: Loaded(alignment.documents, ())
    )
    monkeypatch.setattr(app_module, "align", lambda documents, config=None, **kw: alignment)
    return app_module.ParallaxApp(paths=[], config=AlignConfig(semantic="off"))


async def settle(pilot) -> None:
    for _ in range(500):
        if pilot.app.reader.alignment is not None:
            break
        await pilot.pause(0.01)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_the_app_binds_o_and_r_with_descriptions():
    bindings = {b.key: b for b in app_module.ParallaxApp.BINDINGS if isinstance(b, Binding)}
    for key, action in (("o", "overview"), ("r", "report")):
        assert bindings[key].action == action
        assert bindings[key].description
        assert bindings[key].tooltip
        assert bindings[key].id == action


@pytest.mark.parametrize(("keys", "expected"), [(("enter",), 1), (("down", "down", "enter"), 2)])
async def test_o_opens_the_overview_and_enter_makes_the_fact_current(
    monkeypatch, story, keys, expected
):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reader.current_group = 1  # the overview opens on the current fact
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen is app.reader
        assert app.reader.current_group == expected


async def test_closing_the_overview_keeps_the_current_fact(monkeypatch, story):
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reader.current_group = 3
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("o")  # o again closes it
        await pilot.pause()
        assert app.screen is app.reader
        assert app.reader.current_group == 3


async def test_r_writes_the_report(monkeypatch, story, tmp_path):
    monkeypatch.chdir(tmp_path)
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        target = tmp_path / app_module.REPORT_NAME
        assert target.read_text(encoding="utf-8") == report_markdown(story)
        assert any(str(target) in n.message for n in app._notifications)
        assert [p.name for p in tmp_path.iterdir()] == [app_module.REPORT_NAME]


@pytest.mark.parametrize(("answer", "replaced"), [("y", True), ("n", False), ("escape", False)])
async def test_r_asks_before_replacing_a_report(monkeypatch, story, tmp_path, answer, replaced):
    from tui.screens import ConfirmScreen

    monkeypatch.chdir(tmp_path)
    target = tmp_path / app_module.REPORT_NAME
    target.write_text("earlier notes\n", encoding="utf-8")
    app = story_app(monkeypatch, story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press(answer)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is app.reader
    content = target.read_text(encoding="utf-8")
    assert (content == report_markdown(story)) is replaced
    assert (content == "earlier notes\n") is not replaced


async def test_o_and_r_wait_for_an_alignment(monkeypatch, story):
    app = story_app(monkeypatch, story)
    assert app.check_action("overview", ()) is False  # nothing aligned yet
    assert app.check_action("report", ()) is False
    assert app.check_action("quit", ()) is True
