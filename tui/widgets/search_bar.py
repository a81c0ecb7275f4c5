"""The search line: opened by the reader, it posts what was typed and closes."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """One line to search every source; Enter posts ``SearchBar.Search`` and closes it.

    Its parent decides when it shows (``open`` / ``close``) and what a search does.
    """

    @dataclass
    class Search(Message):
        """Enter was pressed: search for ``query`` (stripped; "" clears the search)."""

        bar: SearchBar
        query: str

    def __init__(self, *, id: str | None = "search") -> None:
        super().__init__(
            placeholder="search every source, Enter to jump, Esc to close",
            id=id,
            disabled=True,
        )

    @property
    def is_open(self) -> bool:
        """True while the line takes keys."""
        return not self.disabled

    def open(self, query: str) -> None:
        """Show ``query`` in the line and give it the keys."""
        self.disabled = False
        self.value = query
        self.focus()

    def close(self) -> None:
        """Stop taking keys (the parent hides the line)."""
        self.disabled = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close()
        self.post_message(self.Search(self, event.value.strip()))
