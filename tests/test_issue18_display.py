"""Issue 18, defects 1 and 2: text from input never reaches the terminal raw.

An article, its outlet and headline (``sources.yaml``) and its file name carry terminal escape
sequences (OSC 2 retitles the window, OSC 52 writes the clipboard, CSI 2J clears the screen),
C1 controls, DEL, a bidi override and zero-width characters. The reader runs the real loader and
engine on them; what the terminal would receive (the compositor's output, as the driver writes
it) is checked for every screen that shows input: the panes and their titles, the detail panel,
toasts, the overview, the sources dialog. The command line's stderr is checked the same way.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from alignment import AlignConfig, load_documents
from alignment.safe import markdown, markdown_code, one_line, printable
from tui.app import ParallaxApp
from tui.screens import SourcesScreen
from tui.screens.overview import OverviewScreen

from .conftest import ROOT
from .fixtures.flood import STORY_A, STORY_B
from .test_app import settle

# What must never be written to the terminal as it came: each would act, not show.
OSC_TITLE = "\x1b]2;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x1b\\"
CLEAR = "\x1b[2J"
C1 = "\x9b31m\x9d0;x\x9c"
HIDDEN = "\u202eevil\u202c zero\u200bwidth\ufeff\x7f"
PAYLOADS = (OSC_TITLE, OSC_CLIPBOARD, CLEAR, C1, HIDDEN)
# Characters that may not appear in the output at all (Textual itself writes CSI with ESC [,
# never these).
FORBIDDEN = "\x9b\x9d\x9c\x7f\u202e\u202c\u200b\ufeff\x07"


def hostile_story(root: Path) -> Path:
    folder = root / "story"
    folder.mkdir()
    a = STORY_A.replace("Flood waters", f"Flood {OSC_TITLE}waters {OSC_CLIPBOARD}{CLEAR}", 1)
    a = a.replace("Mayor", f"Mayor {C1} {HIDDEN}", 1)
    (folder / "a.txt").write_text(a, encoding="utf-8")
    (folder / f"b{OSC_TITLE}.txt").write_text(STORY_B, encoding="utf-8")
    (folder / f"empty{CLEAR}.txt").write_text("\n", encoding="utf-8")
    (folder / "sources.yaml").write_text(
        'a.txt:\n  outlet: "Daily \\e]2;owned\\a News"\n  headline: "Flood \\e[2J\\u202e here"\n',
        encoding="utf-8",
    )
    return folder


def terminal_output(app: ParallaxApp) -> str:
    """What the driver would write for the whole screen stack as it stands (headless runs
    do not write, so the compositor's update is rendered the same way ``App._display`` does)."""
    screen = app.screen
    update = screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert update is not None
    return update.render_segments(app.console)  # type: ignore[union-attr]


def assert_inert(output: str) -> None:
    for payload in PAYLOADS:
        assert payload not in output
    assert "\x1b]" not in output, "an OSC sequence reached the terminal"
    assert CLEAR not in output
    for char in FORBIDDEN:
        assert char not in output, repr(char)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a\x1b]2;t\x07b", "a␛]2;t␇b", id="osc-as-pictures"),
        pytest.param("x\x9by\x85z", "x\ufffdy\ufffdz", id="c1"),
        pytest.param("r\u202el\u2066i\u2069", "r\ufffdl\ufffdi\ufffd", id="bidi"),
        pytest.param("z\u200bw\u200d\u2060\ufeff", "z\ufffdw\ufffd\ufffd\ufffd", id="zero-width"),
        pytest.param("del\x7f", "del␡", id="del"),
        pytest.param("line\r\nnext\tcol\rx", "line \nnext\tcol␍x", id="layout-kept"),
        pytest.param("tag\U000e0041", "tag\ufffd", id="tag-character"),
        pytest.param("lone \udc81 surrogate", "lone \ufffd surrogate", id="surrogate"),
        pytest.param("Café — ½ «ok» 中文 emoji 🙂", "Café — ½ «ok» 中文 emoji 🙂", id="plain"),
    ],
)
def test_issue18_printable_maps_one_character_to_one(text: str, expected: str):
    assert printable(text) == expected
    assert len(printable(text)) == len(text)


def test_issue18_one_line_keeps_no_control():
    assert one_line("a\nb\tc\x1b") == "a␊b␉c␛"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("x\n# Heading", "x \\# Heading", id="newline-heading"),
        pytest.param("a`code`b", "a\\`code\\`b", id="backticks"),
        pytest.param("[click](http://evil)", "\\[click\\](http://evil)", id="link"),
        pytest.param("ping @channel and @here", "ping \\@channel and \\@here", id="mention"),
        pytest.param("![img](x)", "\\!\\[img\\](x)", id="image"),
        pytest.param("t\x1b]2;x\x07", "t␛\\]2;x␇", id="controls"),
        pytest.param("000_ab12", "000_ab12", id="stem-underscore-kept"),
    ],
)
def test_issue18_markdown_escapes_every_value(value: str, expected: str):
    assert markdown(value) == expected


async def test_issue18_reader_panes_titles_detail_and_toasts_are_inert(tmp_path: Path):
    story = hostile_story(tmp_path)
    loaded = load_documents([story])
    assert any(OSC_TITLE in d.text for d in loaded.documents)  # the loader keeps the raw text
    app = ParallaxApp(paths=[str(story)], config=AlignConfig(semantic="off"))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert app.reader.alignment is not None
        assert app.reader.current_group is not None
        output = terminal_output(app)
        assert_inert(output)
        assert "␛]2;pwned␇" in output  # shown, visibly, as text
        assert "b␛]2;pwned␇" in output  # the file name in the pane title
        assert "Daily" in output  # the outlet (the loader drops its controls) in the title
        assert any("warning" in n.title for n in app._notifications)  # the toast is up
        await pilot.press("j")
        await pilot.pause()
        assert_inert(terminal_output(app))


async def test_issue18_overview_and_sources_dialog_are_inert(tmp_path: Path):
    story = hostile_story(tmp_path)
    app = ParallaxApp(paths=[str(story)], config=AlignConfig(semantic="off"))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert_inert(terminal_output(app))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        output = terminal_output(app)
        assert_inert(output)
        assert "b␛]2;pwned␇" in output


def test_issue18_stderr_warnings_and_errors_are_inert(tmp_path: Path):
    story = hostile_story(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "tui", str(story), "--export", "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "empty␛[2J.txt: skipped" in result.stderr
    assert "\x1b" not in result.stderr
    assert OSC_TITLE in result.stdout  # the CSV stays faithful
    missing = story / f"gone{OSC_TITLE}.txt"
    failed = subprocess.run(
        [sys.executable, "-m", "tui", str(missing), "--export", "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert failed.returncode == 2
    assert failed.stderr == f"parallax: {one_line(str(missing))}: no such file or folder\n"


# --- defect 6: the Markdown report -------------------------------------------------------------

EVIL_NAME = "x\n# Owned\n[click me](https://evil.example) @channel `code` <b>bold</b>\x1b]2;t\x07"


def test_issue18_report_escapes_ids_outlets_headlines_and_paths():
    from markdown_it import MarkdownIt

    from alignment import Document, align
    from alignment.report import report_markdown

    docs = (
        Document(
            id=EVIL_NAME,
            text=STORY_A,
            path=f"/tmp/{EVIL_NAME}.txt",
            outlet="@here [Daily](https://evil.example/o) ``",
            headline="Flood\n## Injected heading | a | table |",
        ),
        Document(id="b`", text=STORY_B, outlet="Bee", headline="<script>x</script>"),
    )
    alignment = align(docs, AlignConfig(semantic="off"))
    alignment = type(alignment)(
        **{
            **{f: getattr(alignment, f) for f in alignment.__dataclass_fields__},
            "warnings": (f"/tmp/{EVIL_NAME}.txt: not valid UTF-8, read as cp1252",),
        }
    )
    report = report_markdown(alignment)
    assert "\x1b" not in report
    assert "\x07" not in report
    html = MarkdownIt("commonmark").render(report)
    assert "<a " not in html  # no live link
    assert "<b>" not in html
    assert "<script>" not in html
    assert "Owned</h1>" not in html
    assert "Injected heading</h2>" not in html
    headings = [line for line in report.splitlines() if line.startswith("#")]
    assert all("Owned" not in h and "Injected" not in h for h in headings), headings
    # Outside code spans (where nothing notifies) every mention is escaped.
    prose = report.replace(markdown_code(" ".join(EVIL_NAME.split())), "")
    for mention in ("@channel", "@here"):
        assert prose.count(mention) == prose.count(f"\\{mention}") > 0
    # A code span holds each id whole, however many backticks it has.
    tokens = MarkdownIt("commonmark").parseInline(report)
    codes = [t.content for tok in tokens for t in (tok.children or []) if t.type == "code_inline"]
    assert one_line(" ".join(EVIL_NAME.split())) in codes
    assert "b`" in codes


def test_issue18_layout_white_space_is_a_space_in_panes_not_a_picture():
    from tui.render import shown

    assert shown("a\tb\nc\r\nd\u00a0e\u2028f") == "a b c  d e f"
    assert shown("x\x1by") == "x␛y"
