"""The verdict dialog: the current fact's conflicts, each marked confirmed, false alarm or
unsure, with a one-line note."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from alignment import Alignment
from alignment.model import short_ids
from alignment.safe import one_line
from alignment.verdicts import VERDICTS, Verdict, VerdictMatch, group_conflicts

from ..render import VERDICT_SIGNS

MAX_NOTE = 500  # characters; a note is one line


@dataclass(frozen=True, slots=True)
class VerdictItem:
    """One conflict as the dialog lists it, and the verdict it has now.

    Attributes:
        pair, conflict: which conflict (index into ``Alignment.pairs``, then into its
            ``conflicts``).
        sources: the two sources' short names ("000 · 003").
        kind: the conflict kind.
        reason: the conflict's reason.
        verdict: the verdict, None when not judged.
        note: the note ("" when none).
    """

    pair: int
    conflict: int
    sources: str
    kind: str
    reason: str
    verdict: Verdict | None = None
    note: str = ""


def verdict_items(alignment: Alignment, match: VerdictMatch, group: int) -> list[VerdictItem]:
    """The conflicts of a fact, one item per verdict key (the same conflict found on two
    links of one pair of sources is listed once), in the fact's pair order."""
    names = short_ids([d.id for d in alignment.documents])
    items: list[VerdictItem] = []
    seen: set[object] = set()
    for k, c in group_conflicts(alignment, alignment.groups[group]):
        key = match.keys.get((k, c))
        if key in seen:
            continue
        seen.add(key)
        pair = alignment.pairs[k]
        conflict = pair.conflicts[c]
        docs = (alignment.passages[pair.a].doc, alignment.passages[pair.b].doc)
        record = match.of(k, c)
        items.append(
            VerdictItem(
                k,
                c,
                f"{names[docs[0]]} · {names[docs[1]]}",
                conflict.kind,
                conflict.reason,
                record.verdict if record else None,
                record.note if record else "",
            )
        )
    return items


def item_prompt(item: VerdictItem) -> Content:
    """One line of the list: the verdict's sign and word, the kind, the sources, the reason."""
    if item.verdict is None:
        mark = Content.styled("≠ not judged ", "$text-muted")
    else:
        sign = VERDICT_SIGNS[item.verdict]
        mark = Content.styled(f"{sign} {item.verdict} ", "bold $text-accent")
    parts = [
        mark.pad_right(max(0, 14 - len(mark.plain))),
        Content.styled(f"{item.kind}  ", "bold $text-error"),
        Content.styled(f"{one_line(item.sources)}  ", "$text-muted"),
        Content(one_line(item.reason)),
    ]
    if item.note:
        parts.append(Content.styled(f" · {one_line(item.note)}", "italic"))
    return Content.assemble(*parts)


class VerdictScreen(ModalScreen[list[VerdictItem] | None]):
    """Mark each conflict of the current fact; dismisses with the items whose verdict or
    note changed (empty when nothing did), or None when cancelled."""

    BINDINGS = [
        Binding("1", "mark(1)", "Confirmed", tooltip="Mark it confirmed", id="verdict-confirmed"),
        Binding("2", "mark(2)", "False alarm", tooltip="Mark it a false alarm", id="verdict-false"),
        Binding("3", "mark(3)", "Unsure", tooltip="Mark it unsure", id="verdict-unsure"),
        Binding("0", "mark(0)", "Clear", tooltip="Clear its verdict", id="verdict-clear"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="cancel"),
    ]

    def __init__(self, title: str, items: Sequence[VerdictItem]) -> None:
        super().__init__()
        self.title_text = title
        self.before = list(items)
        self.items = list(items)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(one_line(self.title_text)), classes="title")
            yield OptionList(*(Option(item_prompt(item)) for item in self.items), id="verdict-list")
            yield Input(
                placeholder="note (one line): why, what you checked",
                id="verdict-note",
                max_length=MAX_NOTE,
                select_on_focus=False,
            )
            yield Label(
                Content(
                    "1 confirmed · 2 false alarm · 3 unsure · 0 clear · ↑↓ conflict · "
                    "Tab note · Enter saves · Esc cancels"
                ),
                classes="hint",
            )
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()
        self._show_note()

    @property
    def current(self) -> int:
        """The index of the highlighted conflict."""
        highlighted = self.query_one(OptionList).highlighted
        return highlighted if highlighted is not None else 0

    def _show_note(self) -> None:
        field = self.query_one("#verdict-note", Input)
        with field.prevent(Input.Changed):
            field.value = self.items[self.current].note if self.items else ""

    def _redraw(self, index: int) -> None:
        self.query_one(OptionList).replace_option_prompt_at_index(
            index, item_prompt(self.items[index])
        )

    def action_mark(self, number: int) -> None:
        """Give the highlighted conflict a verdict: 1 confirmed, 2 false alarm, 3 unsure,
        0 none."""
        if not self.items:
            return
        index = self.current
        verdict = VERDICTS[number - 1] if 1 <= number <= len(VERDICTS) else None
        self.items[index] = replace(self.items[index], verdict=verdict)
        self._redraw(index)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._show_note()

    @on(Input.Changed, "#verdict-note")
    def _note_changed(self, event: Input.Changed) -> None:
        if not self.items:
            return
        index = self.current
        self.items[index] = replace(self.items[index], note=" ".join(event.value.split()))
        self._redraw(index)

    @on(OptionList.OptionSelected)
    @on(Input.Submitted, "#verdict-note")
    @on(Button.Pressed, "#ok")
    def action_save(self) -> None:
        """Close and hand back what changed."""
        changed = [
            item
            for item, old in zip(self.items, self.before, strict=True)
            if (item.verdict, item.note) != (old.verdict, old.note)
        ]
        self.dismiss(changed)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
