"""ParallaxApp: placeholder until the reader lands (issue: the reader)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from alignment import AlignConfig


class ParallaxApp(App[int]):
    """The reader."""

    BINDINGS = [("q", "quit", "Quit")]

    def __init__(
        self,
        paths: Sequence[str] = (),
        config: AlignConfig | None = None,
        theme_name: str | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.config = config or AlignConfig()
        self.theme_name = theme_name

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Parallax")
        yield Footer()
