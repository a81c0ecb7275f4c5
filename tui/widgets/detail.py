"""The detail panel: who says what about the current fact, and who does not say it."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class DetailPanel(Widget, can_focus=False):
    """Every source's passage of the current fact, the match scores and the conflicts.

    The panel has a fixed height and draws a window of its wrapped text, so going from fact to
    fact never costs a layout of the whole screen. When the text is longer than the panel, the
    last row says how much more there is; the wheel (or ``more()``) moves the window.
    """

    top: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("")
        self._lines: list[Content] = []
        self._width = -1

    def show(self, title: str, content: Content | str) -> None:
        """Replace what the panel says; the title goes in its border."""
        if self.border_title != title:
            self.border_title = title
        self._content = Content(content) if isinstance(content, str) else content
        self._width = -1
        self.top = 0
        self.refresh()

    @property
    def text(self) -> str:
        """Everything the panel says, also what is scrolled out of view."""
        return self._content.plain

    def _wrapped(self) -> list[Content]:
        width = self.size.width
        if width != self._width:
            self._lines = self._content.wrap(width) if width > 0 else []
            self._width = width
        return self._lines

    def more(self, rows: int | None = None) -> None:
        """Move the window down (up when negative); past the end, back to the top."""
        lines = self._wrapped()
        height = max(1, self.size.height - 1)
        step = rows if rows is not None else height
        last = max(0, len(lines) - height)
        if rows is None and self.top >= last:
            self.top = 0
        else:
            self.top = max(0, min(last, self.top + step))

    def render(self) -> Content:
        lines = self._wrapped()
        height = self.size.height
        if height <= 0:
            return Content("")
        window = lines[self.top : self.top + height]
        hidden = len(lines) - (self.top + height)
        if hidden > 0:
            window = lines[self.top : self.top + height - 1]
            hidden += 1
            window.append(
                Content.styled(
                    f"▼ {hidden} more line{'s' if hidden != 1 else ''} · d or the wheel",
                    "$text-muted italic",
                )
            )
        return Content("\n").join(window)

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.more(2)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.more(-2)
