"""Snapshots of the reader (pytest-textual-snapshot), on the hand-built story.

The story (tests/fixtures/reader_story.py) is declared, not computed, so these images change
only when the reader's look changes, never when the engine is tuned. Regenerate with
``make snapshots`` (``--snapshot-update``) only after reading the failure report.
"""

from __future__ import annotations

import pytest

import tui.app as app_module
from alignment import AlignConfig, Alignment, Loaded
from tui.app import ParallaxApp

from .fixtures.reader_story import build_reader_story


@pytest.fixture
def story_app(monkeypatch) -> ParallaxApp:
    story = build_reader_story()

    def fake_align(
        documents, config=None, *, progress=None, scorer=None, claims=None, warnings=()
    ) -> Alignment:
        return story

    monkeypatch.setattr(
        app_module, "load_documents", lambda paths, **_: Loaded(story.documents, ())
    )
    monkeypatch.setattr(app_module, "align", fake_align)
    return ParallaxApp(paths=[], config=AlignConfig(semantic="off"))


async def ready(pilot) -> None:
    app = pilot.app
    for _ in range(500):
        if app.reader.state != "loading":
            break
        await pilot.pause(0.01)
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def test_main_screen(snap_compare, story_app):
    """120x40 after `n`: fact 2 of 7 (six vs nine hours) is lit with a bar in north and south,
    both passages on the same row; "six" and "nine" are underlined; east says "not in this
    fact" in its bottom border. Gutter signs: ≡ agree, ≠ conflict, ◆ unique, · dimmed
    boilerplate ("Share this article."). The detail panel names the conflict (number) and its
    reason, quotes both passages, the match score, and says east does not report it. The top
    line reads "fact 2 of 7 · ≠ number"; the footer lists the keys (v Verdict among them, no
    palette hint)."""
    assert snap_compare(story_app, press=["n"], run_before=ready, terminal_size=(120, 40))


def test_help_screen(snap_compare, story_app):
    """The help modal over the reader: every key with what it does (j ↓, k ↑, n ], N [, v, u,
    g home, G end, l → tab, h ← shift+tab, pgdn, pgup, /, m, M, esc, d, f, e, s, ?, q), then
    the gutter signs (with the verdicts' ! × ~) and the mouse."""
    assert snap_compare(
        story_app, press=["question_mark"], run_before=ready, terminal_size=(120, 40)
    )


def test_narrow_terminal(snap_compare, story_app):
    """80x24: two panes (north, south), the title says "panes 1–2 of 3"; fact 1 of 7 is lit in
    both at the same row; a six-row detail panel with "▼ … more lines" at its foot."""
    assert snap_compare(story_app, run_before=ready, terminal_size=(80, 24))


def test_conflicts_filter(snap_compare, story_app):
    """120x40 with the filter on conflicts: each pane shows only passages of conflicting facts,
    with dim "┄ n hidden ┄" lines where others were; the top line reads "conflict 1 of 3 · fact 2 ·
    ≠ number · filter: conflicts" and the detail panel still calls it Fact 2."""
    assert snap_compare(story_app, press=["f"], run_before=ready, terminal_size=(120, 40))


def test_too_small(snap_compare, story_app):
    """40x10: only the centred notice "Terminal too small", the minimum size and how to quit."""
    assert snap_compare(story_app, run_before=ready, terminal_size=(40, 10))


def test_verdict_dialog(snap_compare, story_app):
    """120x40, fact 4 (two against three hurt), after `v`, `1`, `↓`, `2`, Tab and a note:
    the dialog lists the fact's two conflicts, each with its kind (number), its sources and
    its reason; the first reads "! confirmed", the second "× false alarm" with the note
    "east counted a later figure", which also stands in the note field (focused, cursor at
    its end). The hint names the keys 1 2 3 0, Tab, Enter and Esc; Save and Cancel below."""
    keys = ["n", "n", "v", "1", "down", "2", "tab", *"east counted a later figure"]
    assert snap_compare(story_app, press=keys, run_before=ready, terminal_size=(120, 40))
