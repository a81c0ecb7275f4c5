"""One source, one pane: a header and the whole article, drawn with the line API.

``PaneView`` wraps its document once per width (``render.layout_pane``) and draws only the
visible rows in ``render_line``; changing the current fact or the search matches only clears
a small strip cache, never re-wraps. The reader passes its state down with ``data_bind``
(reader -> ``SourcePane`` -> ``PaneView``); both caches are bounded LRUs.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.markup import escape
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Label

from alignment import Alignment

from ..render import LIT_BAR, FilterMode, PaneLayout, PaneLine, layout_pane
from ..search import SearchState

Ranges = tuple[tuple[int, int], ...]
# Rows scrolled per wheel notch, the same in every pane.
WHEEL_ROWS = 3
# Wrapped layouts kept per pane (one per width: a few resizes back and forth stay instant).
LAYOUT_CACHE = 8
# Drawn rows kept per pane: a few screens of scrolling.
STRIP_CACHE = 1024


@dataclass(frozen=True, slots=True, eq=False)
class PaneData:
    """What a pane shows, set by its parent (compared by identity: it is never mutated).

    Attributes:
        alignment: the result.
        doc: the document index.
        mode: the filter.
        kinds: ``render.passage_kinds(alignment)``.
        passages: the document's passage ids in reading order.
        spans: the document's conflicting character ranges, sorted and merged.
        unjudged: the facts with a conflict not judged yet (what that filter keeps).
    """

    alignment: Alignment
    doc: int
    mode: FilterMode
    kinds: tuple[str, ...]
    passages: tuple[int, ...]
    spans: Ranges
    unjudged: frozenset[int] = frozenset()


def _inside(ranges: Ranges, starts: Sequence[int], offset: int) -> bool:
    k = bisect_right(starts, offset) - 1
    return k >= 0 and ranges[k][0] <= offset < ranges[k][1]


class PaneView(ScrollView, can_focus=True, inherit_bindings=False):
    """The article's text, wrapped once per width, one gutter sign per passage.

    The parent binds ``data``, ``lit`` (passages of the current fact), ``core`` (of those, the
    ones lit brightly: each source's most direct telling; the others get the bar only) and
    ``search`` (the view shows the matches in its own document); the view posts ``Clicked``
    and ``Wheel`` so that the parent can move every pane together.
    """

    COMPONENT_CLASSES = {
        "pane-view--text",
        "pane-view--dim",
        "pane-view--lit",
        "pane-view--lit-dim",
        "pane-view--bar",
        "pane-view--span",
        "pane-view--match",
        "pane-view--current-match",
        "pane-view--agree",
        "pane-view--conflict",
        "pane-view--differs",
        "pane-view--hedged",
        "pane-view--unique",
        "pane-view--boilerplate",
        "pane-view--confirmed",
        "pane-view--false-alarm",
        "pane-view--unsure",
        "pane-view--note",
    }

    data: reactive[PaneData | None] = reactive(None, layout=False, repaint=False)
    lit: reactive[frozenset[int]] = reactive(frozenset, repaint=False)
    core: reactive[frozenset[int]] = reactive(frozenset, repaint=False)
    search: reactive[SearchState] = reactive(SearchState, repaint=False)

    @dataclass
    class Clicked(Message):
        """A sentence was clicked: select the fact of this passage."""

        view: PaneView
        passage: int

    @dataclass
    class Wheel(Message):
        """The wheel turned over this pane: scroll every pane by ``rows``."""

        view: PaneView
        rows: int

    @dataclass
    class Rewrapped(Message):
        """The text was wrapped again (new width or data): line positions changed."""

        view: PaneView

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.layout_cache: PaneLayout | None = None
        self._layouts: LRUCache[tuple[int, int, str], PaneLayout] = LRUCache(LAYOUT_CACHE)
        self._strips: LRUCache[int, Strip] = LRUCache(STRIP_CACHE)
        self._styles: dict[str, Style] = {}  # one per component class
        self.matches: Ranges = ()
        self.current_match: tuple[int, int] | None = None

    # --- state from the parent ----------------------------------------------------------

    def watch_data(self) -> None:
        self._layouts.clear()
        self._pick_matches()
        self._rewrap()

    def watch_lit(self, old: frozenset[int], new: frozenset[int]) -> None:
        self._drop_lines(old ^ new)

    def watch_core(self, old: frozenset[int], new: frozenset[int]) -> None:
        self._drop_lines(old ^ new)

    def watch_search(self) -> None:
        if self._pick_matches():
            self._strips.clear()
            self.refresh()

    def _pick_matches(self) -> bool:
        """Keep the search matches of this view's document; True when they changed."""
        data = self.data
        matches = self.search.in_doc(data.doc) if data is not None else ()
        current = self.search.current_in(data.doc) if data is not None else None
        if (matches, current) == (self.matches, self.current_match):
            return False
        self.matches, self.current_match = matches, current
        return True

    def _drop_lines(self, passages: frozenset[int]) -> None:
        """Forget and repaint only the lines of these passages."""
        layout = self.layout_cache
        if layout is None:
            return
        for pid in passages:
            where = layout.passage_lines.get(pid)
            if where is None:
                continue
            first, count = where
            for y in range(first, first + count):
                self._strips.discard(y)
            self.refresh_lines(first, count)

    # --- wrapping -----------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """The cells available for the gutter and text (the scrollbar excluded)."""
        return self.scrollable_content_region.width

    def _rewrap(self) -> None:
        data = self.data
        width = self.text_width
        if data is None or width <= 0:
            self.layout_cache = None
            self.virtual_size = Size(max(0, width), 0)
            self._strips.clear()
            self.refresh()
            return
        key = (data.doc, width, data.mode)
        layout = self._layouts.get(key)
        if layout is None:
            layout = layout_pane(
                data.alignment,
                data.doc,
                width,
                mode=data.mode,
                kinds=data.kinds,
                passages=data.passages,
                unjudged=data.unjudged,
            )
            self._layouts.set(key, layout)
        self.layout_cache = layout
        self._strips.clear()
        self._update_virtual_size()
        self.refresh()
        self.post_message(self.Rewrapped(self))

    def _update_virtual_size(self) -> None:
        lines = len(self.layout_cache.lines) if self.layout_cache else 0
        # Room below the last line, so that any passage can be brought to the same height
        # as its peers in the other panes.
        pad = max(0, self.scrollable_content_region.height - 1)
        self.virtual_size = Size(self.text_width, lines + pad)

    def on_resize(self, event: events.Resize) -> None:
        layout = self.layout_cache
        if layout is None or layout.width != self.text_width:
            self._rewrap()
        else:
            self._update_virtual_size()
            self.post_message(self.Rewrapped(self))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # A theme change: colours are read again, lines are not re-wrapped.
        self._styles.clear()
        self._strips.clear()

    # --- geometry helpers for the parent ------------------------------------------------

    def passage_rows(self, passage: int) -> tuple[int, int] | None:
        """(first line, number of lines) of a passage as wrapped now, None when not shown."""
        layout = self.layout_cache
        return None if layout is None else layout.passage_lines.get(passage)

    def line_of_offset(self, offset: int) -> int | None:
        """The wrapped line that shows document character ``offset``, if any."""
        layout = self.layout_cache
        if layout is None:
            return None
        for y, line in enumerate(layout.lines):
            for chunk in line.chunks:
                if chunk.start >= 0 and chunk.start <= offset < chunk.end:
                    return y
        return None

    def line_at(self, row: int) -> PaneLine | None:
        """The wrapped line at viewport row ``row``."""
        layout = self.layout_cache
        y = row + int(self.scroll_y)
        if layout is None or not 0 <= y < len(layout.lines):
            return None
        return layout.lines[y]

    # --- mouse ----------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        line = self.line_at(event.y)
        if line is not None and line.passage >= 0:
            self.post_message(self.Clicked(self, line.passage))

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        event.prevent_default()
        self.post_message(self.Wheel(self, WHEEL_ROWS))

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        event.prevent_default()
        self.post_message(self.Wheel(self, -WHEEL_ROWS))

    # --- drawing --------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            # Overlays (spans, matches, signs) only add to the line's base style.
            partial = name not in ("text", "dim", "lit", "lit-dim", "bar", "note")
            style = self.get_component_rich_style(f"pane-view--{name}", partial=partial)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + int(self.scroll_y)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_index(index, width)
            self._strips.set(index, strip)
        return strip

    def _render_index(self, index: int, width: int) -> Strip:
        layout = self.layout_cache
        if layout is None or not 0 <= index < len(layout.lines):
            return Strip.blank(width, self._style("text"))
        line = layout.lines[index]
        lit = line.passage >= 0 and line.passage in self.lit
        # A source's other tellings of the fact keep the bar, not the background.
        bright = lit and (not self.core or line.passage in self.core)
        text_style = self._style("lit" if bright else "text")
        dim_style = self._style("lit-dim" if bright else "dim")
        segments = [
            Segment(LIT_BAR if lit else " ", self._style("bar") if lit else text_style),
            Segment(
                line.sign or " ",
                text_style + self._style(line.kind) if line.sign else text_style,
            ),
            Segment(" ", text_style),
        ]
        if line.kind == "note":
            note = self._style("note")
            segments.extend(Segment(c.text, note) for c in line.chunks)
            return Strip(segments).adjust_cell_length(width, text_style)
        data = self.data
        spans = data.spans if data is not None else ()
        overlays: list[tuple[Ranges, list[int], Style]] = []
        if spans:
            overlays.append((spans, [s for s, _ in spans], self._style("span")))
        if self.matches:
            overlays.append((self.matches, [s for s, _ in self.matches], self._style("match")))
        if self.current_match is not None:
            overlays.append(
                ((self.current_match,), [self.current_match[0]], self._style("current-match"))
            )
        for chunk in line.chunks:
            base = dim_style if chunk.dim else text_style
            if chunk.start < 0 or not overlays:
                segments.append(Segment(chunk.text, base))
                continue
            cuts = {chunk.start, chunk.end}
            for ranges, starts, _ in overlays:
                lo = max(0, bisect_left(starts, chunk.start) - 1)
                for s, e in ranges[lo:]:
                    if s >= chunk.end:
                        break
                    cuts.update(x for x in (s, e) if chunk.start < x < chunk.end)
            points = sorted(cuts)
            for a, b in itertools.pairwise(points):
                style = base
                for ranges, starts, extra in overlays:
                    if _inside(ranges, starts, a):
                        style = style + extra
                segments.append(Segment(chunk.text[a - chunk.start : b - chunk.start], style))
        return Strip(segments).adjust_cell_length(width, text_style)


class SourcePane(Vertical):
    """A source: the border names it (outlet, id, conflicts), a headline, then the text.

    The reader binds ``lit``, ``core`` and ``search``; ``show`` points the pane at a
    document. The pane passes all of it down to its ``PaneView`` and marks itself
    ``-absent`` when the current fact has no passage of its document.
    """

    data: reactive[PaneData | None] = reactive(None, init=False)
    lit: reactive[frozenset[int]] = reactive(frozenset, init=False)
    core: reactive[frozenset[int]] = reactive(frozenset, init=False)
    search: reactive[SearchState] = reactive(SearchState, init=False)
    headline: reactive[str] = reactive("", init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ready = False
        self.retired = False

    def compose(self) -> ComposeResult:
        yield Label(Content(self.headline), classes="headline")
        yield PaneView().data_bind(
            SourcePane.data, SourcePane.lit, SourcePane.core, SourcePane.search
        )

    @property
    def view_ready(self) -> bool:
        """True once the pane is mounted and its view can take data."""
        return self._ready

    @property
    def view(self) -> PaneView:
        return self.query_one(PaneView)

    def retire(self) -> None:
        """Remove the pane; it stops counting as ready at once (removal is asynchronous)."""
        self._ready = False
        self.retired = True
        self.remove()

    def on_mount(self) -> None:
        self._ready = True

    def show(self, data: PaneData, title: str, headline: str) -> None:
        """Point the pane at a document (its view re-wraps only when the data changed)."""
        self.border_title = escape(title)
        self.headline = headline
        self.data = data

    def watch_headline(self, headline: str) -> None:
        if self.is_mounted:
            self.query_one(".headline", Label).update(Content(headline))

    def watch_data(self) -> None:
        self._mark_absent()

    def watch_lit(self) -> None:
        self._mark_absent()

    def _mark_absent(self) -> None:
        """Say "not in this fact" when the current fact has no passage in this document."""
        data, lit = self.data, self.lit
        mine = data is not None and any(data.alignment.passages[p].doc == data.doc for p in lit)
        absent = bool(lit) and data is not None and not mine
        # Only touch the classes when they change: a class change restyles the pane.
        if self.has_class("-absent") != absent:
            self.set_class(absent, "-absent")
            self.border_subtitle = "not in this fact" if absent else ""
