"""Small modal dialogs: the export path, a yes/no question, the sources to show."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from alignment import Document
from alignment.safe import one_line

DEFAULT_EXPORT_NAME = "parallax-pairs.csv"


@dataclass(frozen=True, slots=True)
class ExportTarget:
    """Where to write an export, and whether the user agreed to replace the file there."""

    path: Path
    force: bool


class ExportScreen(ModalScreen[ExportTarget | None]):
    """Ask where to write the CSV, and before replacing a file; dismisses with the target, or
    None when cancelled (also when the user keeps an existing file)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without exporting", id="cancel"),
    ]

    def __init__(self, default: Path, rows: int) -> None:
        super().__init__()
        self.default = default
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(f"Export {self.rows} aligned pairs as CSV"), classes="title")
            yield Input(str(self.default), id="export-path", select_on_focus=False)
            yield Label(
                Content(
                    "Enter writes · Esc cancels · an existing file is never replaced without asking"
                ),
                classes="hint",
            )
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def submit(self) -> None:
        value = self.query_one(Input).value.strip()
        if not value:
            self.notify("Give a file name.", title="Export", severity="warning")
            return
        if value.endswith(("/", os.sep)):  # Path() would drop the slash and write a file
            self.notify(
                f"{value} names a folder; give a file name.", title="Export", severity="warning"
            )
            return
        path = Path(value).expanduser()
        if not path.is_file():
            self.dismiss(ExportTarget(path, force=False))
            return

        def answered(yes: bool | None) -> None:
            self.dismiss(ExportTarget(path, force=True) if yes else None)

        self.app.push_screen(ConfirmScreen(f"{path} already exists. Replace it?"), answered)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; dismisses with True only on an explicit yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", tooltip="Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", tooltip="No", id="confirm-no"),
    ]

    def __init__(self, question: str, yes: str = "Replace") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(one_line(self.question)), classes="title")
            yield Label(Content("y: yes · n or Esc: no"), classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="warning", id="yes")
                yield Button("Keep it", variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class SourceList(SelectionList[int]):
    """A list of sources: space ticks, Enter confirms the whole choice."""

    BINDINGS = [Binding("enter", "screen.submit", "Show", show=False, id="sources-submit")]


class SourcesScreen(ModalScreen[tuple[int, ...] | None]):
    """Tick the sources to show as panes; dismisses with their indices, None to cancel."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Keep the panes as they are", id="cancel"),
        Binding("a", "all", "All", tooltip="Tick every source", id="sources-all"),
    ]

    def __init__(self, documents: Sequence[Document], shown: Sequence[int], fit: int) -> None:
        super().__init__()
        self.names = [" · ".join(x for x in (d.id, d.outlet, d.headline) if x) for d in documents]
        self.shown = set(shown)
        self.fit = fit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content("Sources to show as panes"), classes="title")
            yield SourceList(
                *(
                    Selection(Content(one_line(name)), i, i in self.shown)
                    for i, name in enumerate(self.names)
                ),
                id="sources",
            )
            yield Label(
                Content(
                    f"Space ticks · Enter shows · {self.fit} fit side by side; h/l reach the others"
                ),
                classes="hint",
            )
            with Horizontal(classes="buttons"):
                yield Button("Show", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    @on(Button.Pressed, "#ok")
    def action_submit(self) -> None:
        chosen = tuple(sorted(self.query_one(SelectionList).selected))
        if not chosen:
            self.notify("Tick at least one source.", title="Sources", severity="warning")
            return
        self.dismiss(chosen)

    def action_all(self) -> None:
        self.query_one(SelectionList).select_all()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
