"""The help screen: every key of the reader, what it does, and what the signs mean."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..render import SIGN_WORDS, SIGNS


@dataclass(frozen=True, slots=True)
class KeyRow:
    """One action and every key bound to it."""

    keys: tuple[str, ...]
    description: str
    tooltip: str


def key_rows(bindings: Iterable[BindingType], display: dict[str, str]) -> list[KeyRow]:
    """Group bindings by action, keys in declaration order.

    Args:
        bindings: the bindings (``Binding`` objects; tuples are accepted too).
        display: how to show a key name (the app's ``get_key_display`` for each key).

    Returns:
        One row per action, in the order the actions first appear.
    """
    rows: dict[str, tuple[list[str], str, str]] = {}
    for item in bindings:
        binding = item if isinstance(item, Binding) else Binding(*item)
        for key in binding.key.split(","):
            key = key.strip()
            keys, description, tooltip = rows.setdefault(
                binding.action, ([], binding.description, binding.tooltip)
            )
            shown = display.get(key, key)
            if shown not in keys:
                keys.append(shown)
            if not description and binding.description:
                rows[binding.action] = (keys, binding.description, tooltip or binding.tooltip)
    return [KeyRow(tuple(k), d, t) for k, d, t in rows.values()]


def help_content(rows: Sequence[KeyRow]) -> Content:
    """The keys as an aligned two-column list, then the gutter signs."""
    width = max((len(" ".join(r.keys)) for r in rows), default=0) + 2
    parts: list[Content] = []
    for row in rows:
        parts.append(
            Content.assemble(
                (" ".join(row.keys).ljust(width), "bold $accent"),
                (row.tooltip or row.description, ""),
            )
        )
    parts.append(Content(""))
    parts.append(Content.styled("Gutter signs", "bold"))
    for kind, sign in SIGNS.items():
        parts.append(
            Content.assemble((f"{sign}".ljust(width), "bold $accent"), (SIGN_WORDS[kind], ""))
        )
    parts.append(
        Content.assemble(
            ("▌".ljust(width), "bold $accent"),
            ("the current fact, lit in every pane that has it", ""),
        )
    )
    parts.append(Content(""))
    parts.append(
        Content.styled(
            "Mouse: click a sentence to select its fact; the wheel scrolls every pane together.",
            "$text-muted",
        )
    )
    return Content("\n").join(parts)


class HelpScreen(ModalScreen[None]):
    """A modal list of every key binding, signs and mouse use."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close", tooltip="Back to the reader", id="help-close"),
        Binding("question_mark", "dismiss", "Close", show=False, id="help-close-again"),
    ]

    def __init__(self, rows: Sequence[KeyRow]) -> None:
        super().__init__()
        self.rows = list(rows)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            yield Label(Content("Parallax · keys"), classes="title")
            with VerticalScroll(id="help-scroll"):
                yield Static(help_content(self.rows), id="help-text")
            yield Label(Content("Esc or ? closes"), classes="hint")
