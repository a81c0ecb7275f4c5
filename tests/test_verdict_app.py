"""The reader's verdicts, driven with Pilot (issue 20): the dialog and its keys, the gutter
sign, skip-judged, the "not yet judged" filter, the file kept across runs and read-only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Footer, Input, OptionList

import tui.app as app_module
from alignment import AlignConfig, Alignment, Loaded
from alignment.verdicts import (
    VerdictBook,
    make_record,
    match_verdicts,
    read_verdicts,
    save_verdicts,
)
from tui.app import ParallaxApp
from tui.render import VERDICT_SIGNS, doc_conflict_counts
from tui.screens import ReaderScreen
from tui.screens.overview import OverviewScreen
from tui.screens.verdict import VerdictScreen
from tui.widgets import DetailPanel, PaneView, SourcePane, VerdictKeeper

from .fixtures.reader_story import build_reader_story

SIZE = (120, 40)
HOURS = 1  # fact 2: north says six hours, south nine (one conflict)
HURT = 3  # fact 4: two against three hurt (two conflicts: north-east, south-east)
CAUSE = 4  # fact 5: south denies the cause (two conflicts)


@pytest.fixture(scope="module")
def story() -> Alignment:
    return build_reader_story()


@pytest.fixture
def verdicts_file(tmp_path) -> Path:
    return tmp_path / "story" / "parallax-verdicts.json"


def story_app(monkeypatch, alignment: Alignment, verdicts: Path | None) -> ParallaxApp:
    monkeypatch.setattr(
        app_module, "load_documents", lambda paths, **_: Loaded(alignment.documents, ())
    )
    monkeypatch.setattr(app_module, "align", lambda documents, config=None, **_: alignment)
    if verdicts is not None:
        verdicts.parent.mkdir(parents=True, exist_ok=True)
    return ParallaxApp(paths=[], config=AlignConfig(semantic="off"), verdicts_path=verdicts)


async def settle(pilot) -> None:
    for _ in range(500):
        reader = pilot.app.reader
        keepers = reader.query(VerdictKeeper)
        if reader.state != "loading" and keepers and keepers.first().loaded:
            break
        await pilot.pause(0.01)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def top_line(app: ParallaxApp) -> str:
    return str(app.reader.query_one("#topbar").render())


def sign_of(reader: ReaderScreen, doc: int, group: int) -> str:
    """The gutter sign drawn on the first line of ``doc``'s passage in ``group``."""
    alignment = reader.alignment
    assert alignment is not None
    passage = next(p for p in alignment.groups[group].passages if alignment.passages[p].doc == doc)
    view = next(v for v in reader.views if v.data is not None and v.data.doc == doc)
    first, _ = view.passage_rows(passage)
    view.scroll_to(y=first, animate=False, immediate=True)
    return view.render_line(0).text[1]


def saved(path: Path) -> list[dict[str, str]]:
    return json.loads(path.read_text(encoding="utf-8"))["verdicts"]


async def judge(pilot, group_keys: tuple[str, ...], *keys: str) -> None:
    """Go to a fact with ``group_keys`` (n presses), open the dialog, press ``keys``."""
    await pilot.press(*group_keys, "v")
    await pilot.pause()
    assert isinstance(pilot.app.screen, VerdictScreen)
    await pilot.press(*keys)
    await settle(pilot)


# --- the dialog ---------------------------------------------------------------------------------


async def test_v_lists_the_facts_conflicts_with_kind_and_reason(monkeypatch, story, verdicts_file):
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "n", "v")  # fact 4: two conflicts
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, VerdictScreen)
        assert app.reader.current_group == HURT
        reasons = [c.reason for k in story.groups[HURT].pairs for c in story.pairs[k].conflicts]
        assert [item.reason for item in screen.items] == reasons
        assert {item.kind for item in screen.items} == {"number"}
        options = screen.query_one(OptionList)
        assert options.option_count == 2
        shown = [str(options.get_option_at_index(i).prompt) for i in range(2)]
        assert all("not judged" in s and "number" in s for s in shown)
        assert reasons[0] in shown[0]
        assert reasons[1] in shown[1]
        assert app.focused is options


@pytest.mark.parametrize(
    ("key", "verdict"), [("1", "confirmed"), ("2", "false alarm"), ("3", "unsure")]
)
async def test_a_key_marks_and_enter_saves(monkeypatch, story, verdicts_file, key, verdict):
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = app.reader
        assert sign_of(reader, 0, HOURS) == "≠"
        await judge(pilot, ("n",), key, "enter")
        assert isinstance(app.screen, ReaderScreen)
        records = saved(verdicts_file)
        assert [(r["source_a"], r["source_b"], r["kind"], r["verdict"]) for r in records] == [
            ("north", "south", "number", verdict)
        ]
        assert records[0]["reason"] == "hours: north says 6, south says 9"
        # the gutter of both sources, the detail panel and the top line say so
        assert sign_of(reader, 0, HOURS) == sign_of(reader, 1, HOURS) == VERDICT_SIGNS[verdict]
        detail = reader.query_one(DetailPanel).text
        assert f"[{verdict}]" in detail
        status = top_line(app)
        if verdict == "false alarm":
            assert "× false alarm (number)" in status
            assert "≠" not in status
        else:
            assert f"≠ number · {VERDICT_SIGNS[verdict]} {verdict}" in status


async def test_the_note_field_keeps_a_note(monkeypatch, story, verdicts_file):
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "v", "2", "tab")
        assert isinstance(app.focused, Input)
        await pilot.press(*"the 9 is a later count", "enter")  # digits type into the note
        await settle(pilot)
        records = saved(verdicts_file)
        assert [(r["verdict"], r["note"]) for r in records] == [
            ("false alarm", "the 9 is a later count")
        ]
        assert "the 9 is a later count" in app.reader.query_one(DetailPanel).text


async def test_escape_cancels(monkeypatch, story, verdicts_file):
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await judge(pilot, ("n",), "1", "escape")
        assert isinstance(app.screen, ReaderScreen)
        assert not verdicts_file.exists()
        assert sign_of(app.reader, 0, HOURS) == "≠"


async def test_0_clears_a_verdict(monkeypatch, story, verdicts_file):
    verdicts_file.parent.mkdir(parents=True)
    match = match_verdicts(story, VerdictBook())
    hours = next(c for c, key in match.keys.items() if story.pairs[c[0]].group == HOURS)
    save_verdicts(verdicts_file, {match.keys[hours]: make_record(story, *hours, "confirmed")})
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert sign_of(app.reader, 0, HOURS) == "!"
        await judge(pilot, ("n",), "0", "enter")
        assert saved(verdicts_file) == []
        assert sign_of(app.reader, 0, HOURS) == "≠"


async def test_v_on_a_fact_without_conflict_says_so(monkeypatch, story, verdicts_file):
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")  # fact 1 agrees
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert any("no conflict" in n.message for n in app._notifications)


async def test_false_alarms_no_longer_count_as_disputed(monkeypatch, story, verdicts_file):
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await judge(pilot, ("n", "n"), "2", "down", "2", "enter")
        reader = app.reader
        assert reader.current_group == HURT
        assert "× false alarm (number)" in top_line(app)
        assert "every conflict marked a false alarm" in reader.query_one(DetailPanel).text
        for doc in (0, 1, 2):
            assert sign_of(reader, doc, HURT) == "×"  # still shown, marked
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        disputed = {s.group for s in app.screen.disputed}
        assert HURT not in disputed
        assert {HOURS, CAUSE} <= disputed


async def test_pane_titles_stop_counting_false_alarms(monkeypatch, story, verdicts_file):
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = [str(pane.border_title) for pane in app.reader.query(SourcePane)]
        await judge(pilot, ("n", "n"), "2", "down", "2", "enter")
        after = [str(pane.border_title) for pane in app.reader.query(SourcePane)]
        sides = {
            story.passages[p].doc
            for k in story.groups[HURT].pairs
            if story.pairs[k].conflicts
            for p in (story.pairs[k].a, story.pairs[k].b)
        }
        assert sides  # the fact has conflicting sides to count
        for doc, (old, new) in enumerate(zip(before, after, strict=True)):
            count = doc_conflict_counts(story)[doc]
            assert (f"{count}≠" in old) if count else ("≠" not in old)
            if doc in sides:
                # one fact fewer on a conflicting side: "2≠" -> "1≠", "1≠" -> no sign
                assert (f"{count - 1}≠" in new) if count > 1 else ("≠" not in new)
            else:
                assert new == old


# --- n/N skip judged, the filter ----------------------------------------------------------------


async def test_u_makes_n_skip_judged_conflicts_and_the_footer_says_so(
    monkeypatch, story, verdicts_file
):
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await judge(pilot, ("n",), "1", "enter")
        reader = app.reader
        await pilot.press("g", "n")
        await pilot.pause()
        assert reader.current_group == HOURS  # off: n visits judged facts too

        await pilot.press("u", "g", "n")
        await pilot.pause()
        assert reader.skip_judged
        assert reader.current_group == HURT  # the judged fact is skipped
        footer = app.screen.query_one(Footer)
        labels = [str(w.render()) for w in footer.query("FooterKey")]
        assert any("Unjudged" in label for label in labels), labels
        await pilot.press("N")
        await pilot.pause()
        assert reader.current_group == CAUSE  # back past fact 2: wraps to the last one

        await pilot.press("u", "g", "n")
        await pilot.pause()
        assert not reader.skip_judged
        assert reader.current_group == HOURS
        labels = [str(w.render()) for w in footer.query("FooterKey")]
        assert any("Conflict" in label for label in labels), labels


async def test_n_when_every_conflict_is_judged_says_so(monkeypatch, story, verdicts_file):
    verdicts_file.parent.mkdir(parents=True)
    match = match_verdicts(story, VerdictBook())
    save_verdicts(
        verdicts_file, {key: make_record(story, *c, "unsure") for c, key in match.keys.items()}
    )
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u", "n")
        await pilot.pause()
        assert app.reader.current_group == 0
        assert any("Every conflict has a verdict" in n.message for n in app._notifications)


async def test_the_filter_not_yet_judged(monkeypatch, story, verdicts_file):
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await judge(pilot, ("n",), "3", "enter")
        reader = app.reader
        await pilot.press("f", "f")
        await pilot.pause()
        assert reader.filter_mode == "unjudged"
        assert "filter: not yet judged" in top_line(app)
        assert reader.current_group == HURT
        for view in reader.views:
            shown = {line.passage for line in view.layout_cache.lines if line.passage >= 0}
            assert shown == {
                p.id for p in story.passages if p.doc == view.data.doc and p.group in (HURT, CAUSE)
            }
        await pilot.press("j")
        await pilot.pause()
        assert reader.current_group == CAUSE
        await pilot.press("j")
        await pilot.pause()
        assert reader.current_group == CAUSE  # the last one: stays


# --- the file, across runs ---------------------------------------------------------------------


async def test_judge_quit_reopen_gives_the_same_verdicts(monkeypatch, story, verdicts_file):
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await judge(pilot, ("n", "n"), "1", "down", "3", "tab", *"one side", "enter")
        before = dict(app.reader.verdict_match.verdicts)
        await pilot.press("q")
    assert len(before) == 2
    again = story_app(monkeypatch, story, verdicts_file)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        after = again.reader.verdict_match.verdicts
        assert {k: (r.verdict, r.note) for k, r in after.items()} == {
            k: (r.verdict, r.note) for k, r in before.items()
        }
        assert sign_of(again.reader, 2, HURT) == "!"  # east: confirmed beats unsure


async def test_another_readers_verdicts_are_kept(monkeypatch, story, verdicts_file):
    """Two readers on one story: what the other saved while this one was open survives
    this one's save (merge by key), and shows here after it."""
    app = story_app(monkeypatch, story, verdicts_file)
    match = match_verdicts(story, VerdictBook())
    cause = next(c for c in match.keys if story.pairs[c[0]].group == CAUSE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # the other reader saves a verdict on fact 5
        save_verdicts(verdicts_file, {match.keys[cause]: make_record(story, *cause, "unsure")})
        await judge(pilot, ("n",), "1", "enter")
        on_disk = read_verdicts(verdicts_file)
        assert {r.verdict for r in on_disk.records.values()} == {"unsure", "confirmed"}
        assert match.keys[cause] in {r.key for r in app.reader.verdict_match.verdicts.values()}


async def test_a_bad_file_opens_read_only_and_is_never_overwritten(
    monkeypatch, story, verdicts_file
):
    verdicts_file.parent.mkdir(parents=True)
    bad = '{"format": "parallax.verdicts", "version": 99, "verdicts": []}'
    verdicts_file.write_text(bad, encoding="utf-8")
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "verdicts read-only" in top_line(app)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors
        assert "newer than this Parallax" in errors[0].message
        await pilot.press("n", "v")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)  # no dialog
        assert any("read-only" in n.message for n in app._notifications if n.title == "Verdict")
    assert verdicts_file.read_text(encoding="utf-8") == bad


async def test_orphaned_verdicts_are_counted_in_the_top_line(monkeypatch, story, verdicts_file):
    verdicts_file.parent.mkdir(parents=True)
    sha = "a" * 64
    orphan = {
        "source_a": "north",
        "sha256_a": sha,
        "source_b": "south",
        "sha256_b": sha,
        "kind": "number",
        "verdict": "confirmed",
    }
    verdicts_file.write_text(
        json.dumps({"format": "parallax.verdicts", "version": 1, "verdicts": [orphan]}),
        encoding="utf-8",
    )
    app = story_app(monkeypatch, story, verdicts_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "1 orphaned verdict" in top_line(app)
        await judge(pilot, ("n",), "1", "enter")
        assert len(saved(verdicts_file)) == 2  # the orphan is kept in the file


def test_gutter_signs_read_without_colour():
    signs = set(VERDICT_SIGNS.values())
    assert len(signs) == 3
    assert not signs & {"≡", "≠", "?", "◆", "·", "▌"}


def test_pane_view_styles_every_kind():
    from tui.render import SIGNS

    for kind in SIGNS:
        assert f"pane-view--{kind}" in PaneView.COMPONENT_CLASSES
