"""The detail panel: who says what about the current fact, and who does not say it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static


class DetailPanel(VerticalScroll, can_focus=False):
    """Every source's passage of the current fact, the match scores and the conflicts."""

    def compose(self) -> ComposeResult:
        yield Static("", id="detail-text")

    def show(self, title: str, content: Content | str) -> None:
        """Replace what the panel says; the title goes in its border."""
        self.border_title = title
        self.query_one("#detail-text", Static).update(content)
        self.scroll_home(animate=False)
