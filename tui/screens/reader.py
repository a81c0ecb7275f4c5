"""The reader: one pane per source side by side, the current fact lit in all of them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from alignment import Alignment, ExportError
from alignment.export import csv_text, write_atomic

from ..render import (
    FILTER_MODES,
    FilterMode,
    conflict_spans,
    core_passages,
    detail_content,
    doc_conflict_counts,
    doc_passages,
    find_matches,
    group_kinds,
    keeps,
    pane_subtitle,
    pane_title,
    passage_kinds,
    status_text,
)
from ..widgets import DetailPanel, PaneData, PaneView, SourcePane
from .dialogs import DEFAULT_EXPORT_NAME, ConfirmScreen, ExportScreen, SourcesScreen

# A pane narrower than this wraps too tightly to read: fewer panes show instead.
MIN_PANE_WIDTH = 36
MIN_WIDTH, MIN_HEIGHT = 50, 14
TOO_SMALL = (
    f"Terminal too small\n\nParallax needs at least {MIN_WIDTH}×{MIN_HEIGHT} cells.\n"
    "Enlarge the window, or press q to quit."
)
# Actions that need an alignment on screen; they are hidden from the footer until then.
_NEEDS_ALIGNMENT = {
    "next_fact",
    "previous_fact",
    "next_conflict",
    "previous_conflict",
    "first_fact",
    "last_fact",
    "search",
    "next_match",
    "previous_match",
    "cycle_filter",
    "export",
    "pick_sources",
}


class ReaderScreen(Screen[None]):
    """Side-by-side sources, the current fact's detail, and every key to move around."""

    HORIZONTAL_BREAKPOINTS = [(0, "-w-tiny"), (MIN_WIDTH, "-w-ok")]
    VERTICAL_BREAKPOINTS = [
        (0, "-h-tiny"),
        (MIN_HEIGHT, "-h-short"),
        (32, "-h-tall"),
        (50, "-h-huge"),
    ]

    BINDINGS = [
        Binding(
            "j",
            "next_fact",
            "Fact",
            key_display="j/k",
            tooltip="Next fact (group of passages that tell the same thing)",
            id="next-fact",
        ),
        Binding(
            "down",
            "next_fact",
            "Next fact",
            show=False,
            id="next-fact-arrow",
            tooltip="Next fact (group of passages that tell the same thing)",
        ),
        Binding(
            "k",
            "previous_fact",
            "Previous fact",
            show=False,
            tooltip="Previous fact",
            id="previous-fact",
        ),
        Binding(
            "up",
            "previous_fact",
            "Previous fact",
            show=False,
            id="previous-fact-arrow",
            tooltip="Previous fact",
        ),
        Binding(
            "n",
            "next_conflict",
            "Conflict",
            key_display="n/N",
            tooltip="Next fact on which the sources disagree",
            id="next-conflict",
        ),
        Binding(
            "right_square_bracket",
            "next_conflict",
            "Next conflict",
            show=False,
            key_display="]",
            id="next-conflict-bracket",
            tooltip="Next fact on which the sources disagree",
        ),
        Binding(
            "N",
            "previous_conflict",
            "Previous conflict",
            show=False,
            tooltip="Previous fact on which the sources disagree",
            id="previous-conflict",
        ),
        Binding(
            "left_square_bracket",
            "previous_conflict",
            "Previous conflict",
            show=False,
            key_display="[",
            id="previous-conflict-bracket",
            tooltip="Previous fact on which the sources disagree",
        ),
        Binding("g", "first_fact", "First fact", show=False, tooltip="First fact", id="first-fact"),
        Binding(
            "home",
            "first_fact",
            "First fact",
            show=False,
            id="first-fact-home",
            tooltip="First fact",
        ),
        Binding("G", "last_fact", "Last fact", show=False, tooltip="Last fact", id="last-fact"),
        Binding(
            "end", "last_fact", "Last fact", show=False, id="last-fact-end", tooltip="Last fact"
        ),
        Binding(
            "l",
            "focus_pane(1)",
            "Pane",
            key_display="h/l",
            tooltip="Focus the next pane; past the last one, show the next source",
            show=False,
            id="next-pane",
        ),
        Binding(
            "right",
            "focus_pane(1)",
            "Next pane",
            show=False,
            id="next-pane-arrow",
            tooltip="Focus the next pane; past the last one, show the next source",
        ),
        Binding(
            "tab",
            "focus_pane(1)",
            "Next pane",
            show=False,
            id="next-pane-tab",
            tooltip="Focus the next pane; past the last one, show the next source",
        ),
        Binding(
            "h",
            "focus_pane(-1)",
            "Previous pane",
            show=False,
            tooltip="Focus the previous pane",
            id="previous-pane",
        ),
        Binding(
            "left",
            "focus_pane(-1)",
            "Previous pane",
            show=False,
            id="previous-pane-arrow",
            tooltip="Focus the previous pane",
        ),
        Binding(
            "shift+tab",
            "focus_pane(-1)",
            "Previous pane",
            show=False,
            id="previous-pane-tab",
            tooltip="Focus the previous pane",
        ),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            show=False,
            tooltip="Scroll every pane down a page",
            id="page-down",
        ),
        Binding(
            "pageup",
            "page(-1)",
            "Page up",
            show=False,
            tooltip="Scroll every pane up a page",
            id="page-up",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            key_display="/",
            tooltip="Search every source (Enter jumps to the first match)",
            id="search",
        ),
        Binding(
            "m",
            "next_match",
            "Next match",
            show=False,
            tooltip="Next search match",
            id="next-match",
        ),
        Binding(
            "M",
            "previous_match",
            "Previous match",
            show=False,
            tooltip="Previous search match",
            id="previous-match",
        ),
        Binding(
            "escape",
            "clear_search",
            "Clear search",
            show=False,
            tooltip="Close the search line and clear its highlights",
            id="clear-search",
        ),
        Binding(
            "d",
            "detail_more",
            "More detail",
            show=False,
            tooltip="Scroll the detail panel (back to its top at the end)",
            id="detail-more",
        ),
        Binding(
            "f",
            "cycle_filter",
            "Filter",
            tooltip="Show all passages, only conflicts, or only unique passages",
            id="filter",
        ),
        Binding(
            "e", "export", "Export", tooltip="Write the aligned pairs to a CSV file", id="export"
        ),
        Binding(
            "s",
            "pick_sources",
            "Sources",
            tooltip="Choose the sources shown as panes",
            id="sources",
        ),
    ]

    alignment: reactive[Alignment | None] = reactive(None, init=False, bindings=True)
    current_group: reactive[int | None] = reactive(None, init=False)
    current_passage: reactive[int | None] = reactive(None, init=False)
    filter_mode: reactive[FilterMode] = reactive("all", init=False)
    shown: reactive[tuple[int, ...]] = reactive((), init=False)
    first_pane: reactive[int] = reactive(0, init=False)

    def __init__(self) -> None:
        super().__init__()
        # "loading" until the first result or failure arrives, then "ready" or "failed".
        self.state = "loading"
        self.reason = ""
        self.matches: tuple[tuple[int, int, int], ...] = ()
        self.match_index: int | None = None
        self.query_text = ""
        self._kinds: tuple[str, ...] = ()
        self._doc_passages: tuple[tuple[int, ...], ...] = ()
        self._passage_starts: tuple[tuple[int, ...], ...] = ()
        self._spans: tuple[tuple[tuple[int, int], ...], ...] = ()
        self._counts: tuple[int, ...] = ()
        self._data: dict[int, PaneData] = {}
        self._conflict_groups: tuple[int, ...] = ()
        self._progress = ""
        self.status = ""
        self._details: dict[tuple[int | None, int | None, int], Content] = {}
        self._group_kinds: dict[int, tuple[str, ...]] = {}
        self._composed = False
        self._pending: list[Callable[[], None]] = []

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("Parallax", id="topbar")
        with Vertical(id="body"):
            with Horizontal(id="panes"):
                yield Static("", id="placeholder")
            yield DetailPanel(id="detail")
            yield Input(
                placeholder="search every source, Enter to jump, Esc to close",
                id="search",
                disabled=True,
            )
        yield Static(TOO_SMALL, id="too-small")
        yield Footer()

    def on_mount(self) -> None:
        self._composed = True
        self.query_one("#placeholder").loading = True
        self.query_one(DetailPanel).show("Detail", "Reading and aligning the sources…")
        # A fast worker can finish before the screen is composed: replay what it sent.
        pending, self._pending = self._pending, []
        for call in pending:
            call()

    @property
    def views(self) -> list[PaneView]:
        """The panes' text views, left to right."""
        return [pane.view for pane in self.query(SourcePane) if pane.view_ready]

    def fit(self) -> int:
        """How many panes fit side by side at the current width."""
        return max(1, self.size.width // MIN_PANE_WIDTH)

    def visible_docs(self) -> tuple[int, ...]:
        """The documents shown as panes right now, left to right."""
        fit = self.fit()
        return self.shown[self.first_pane : self.first_pane + fit]

    def on_resize(self) -> None:
        if self.alignment is not None:
            self._arrange_panes()

    # --- progress and results (called by the app) -----------------------------------------

    def show_progress(self, text: str) -> None:
        """Say in the top line what the worker is doing ("" when done)."""
        if not self._composed:
            self._pending.append(lambda: self.show_progress(text))
            return
        self._progress = text
        self._update_status()

    def show_failure(self, title: str, message: str) -> None:
        """Nothing could be loaded: say why where the panes would be."""
        if not self._composed:
            self._pending.append(lambda: self.show_failure(title, message))
            return
        self.state = "failed"
        placeholder = self.query_one("#placeholder", Static)
        placeholder.loading = False
        placeholder.display = True
        placeholder.update(Content.assemble((f"{title}\n\n", "bold $error"), message))
        self.query_one(DetailPanel).show("Detail", Content(message))
        self._progress = ""
        self._update_status()

    def show_alignment(self, alignment: Alignment, *, reason: str = "") -> None:
        """Show a (new) alignment, keeping the current fact when the result is refined."""
        if not self._composed:
            self._pending.append(lambda: self.show_alignment(alignment, reason=reason))
            return
        old, old_group, old_passage = self.alignment, self.current_group, self.current_passage
        self.reason = reason
        self.alignment = alignment
        self.state = "ready"
        if old is not None and len(old.documents) == len(alignment.documents):
            group = match_group(old, old_group, alignment)
            passage = match_passage(old, old_passage, alignment)
            self._select(group, passage if group is None else None)

    def watch_alignment(self, alignment: Alignment | None) -> None:
        if alignment is None:
            return
        self._kinds = passage_kinds(alignment)
        self._doc_passages = doc_passages(alignment)
        self._passage_starts = tuple(
            tuple(alignment.passages[p].start for p in ids) for ids in self._doc_passages
        )
        self._spans = conflict_spans(alignment)
        self._counts = doc_conflict_counts(alignment)
        self._conflict_groups = tuple(g.id for g in alignment.groups if g.status == "conflict")
        self._data = {}
        self._details = {}
        self._group_kinds = {}
        self.matches, self.match_index = (), None
        if self.query_text:
            self.matches = find_matches(alignment, self.query_text, mode=self.filter_mode)
        n = len(alignment.documents)
        if len(self.shown) == 0 or max(self.shown, default=-1) >= n:
            self.set_reactive(ReaderScreen.shown, tuple(range(n)))
            self.set_reactive(ReaderScreen.first_pane, 0)
        placeholder = self.query_one("#placeholder", Static)
        placeholder.loading = False
        if n == 0:
            placeholder.display = True
            placeholder.update(Content.assemble(("Nothing to align\n\n", "bold"), self.reason))
        else:
            placeholder.display = False
        group = 0 if alignment.groups else None
        self._select(group, None, sync=False)
        self._arrange_panes()

    def _pane_data(self, doc: int) -> PaneData:
        data = self._data.get(doc)
        if data is None or data.mode != self.filter_mode:
            assert self.alignment is not None
            data = PaneData(
                self.alignment,
                doc,
                self.filter_mode,
                self._kinds,
                self._doc_passages[doc],
                self._spans[doc],
            )
            self._data[doc] = data
        return data

    def _arrange_panes(self) -> None:
        """Mount or drop panes to fit the width, and point each at its document."""
        alignment = self.alignment
        if alignment is None:
            return
        fit = self.fit()
        if self.shown:
            first = max(0, min(self.first_pane, len(self.shown) - fit))
            if first != self.first_pane:
                self.set_reactive(ReaderScreen.first_pane, first)
        docs = self.visible_docs()
        panes = [pane for pane in self.query(SourcePane) if not pane.retired]
        container = self.query_one("#panes", Horizontal)
        for pane in panes[len(docs) :]:
            pane.retire()
        new = [SourcePane(id=None) for _ in range(len(docs) - len(panes))]
        if new:
            container.mount_all(new)
        for pane, doc in zip(panes[: len(docs)] + new, docs, strict=True):
            pane.show(
                self._pane_data(doc),
                pane_title(alignment, doc, self._counts[doc]),
                pane_subtitle(alignment, doc),
            )
        self._apply_selection()

    # --- selection ------------------------------------------------------------------------

    def _lit(self) -> frozenset[int]:
        alignment = self.alignment
        if alignment is None:
            return frozenset()
        if self.current_group is not None:
            return frozenset(alignment.groups[self.current_group].passages)
        if self.current_passage is not None:
            return frozenset((self.current_passage,))
        return frozenset()

    def _core(self) -> frozenset[int]:
        """The lit passages drawn brightly: each source's most direct telling of the fact."""
        alignment = self.alignment
        if alignment is None or self.current_group is None:
            return frozenset()
        return core_passages(alignment, alignment.groups[self.current_group])

    def _select(self, group: int | None, passage: int | None, *, sync: bool = True) -> None:
        self.set_reactive(ReaderScreen.current_group, group)
        self.set_reactive(ReaderScreen.current_passage, None if group is not None else passage)
        if sync:
            self._apply_selection()

    def watch_current_group(self) -> None:
        if self.current_group is not None:
            self.set_reactive(ReaderScreen.current_passage, None)
        self._apply_selection()

    def watch_current_passage(self) -> None:
        if self.current_passage is not None:
            self.set_reactive(ReaderScreen.current_group, None)
        self._apply_selection()

    def _apply_selection(self) -> None:
        """Light the current fact in every pane, align it, and fill the detail panel."""
        alignment = self.alignment
        if alignment is None:
            return
        for pane in self.query(SourcePane):
            if not pane.view_ready or pane.view.data is None:
                continue
            self._push_state(pane)
        self._sync_scroll()
        position, _total = self._position()
        key = (self.current_group, self.current_passage, position)
        if alignment.documents and len(alignment.documents) < 2:
            content = Content.assemble(("Nothing aligned. ", "bold $warning"), self.reason)
        elif key in self._details:
            content = self._details[key]
        else:
            content = self._details[key] = detail_content(
                alignment,
                group=self.current_group,
                passage=self.current_passage,
                # the fact's number in the story, whatever the filter
                position=(self.current_group + 1) if self.current_group is not None else position,
                spans=self._spans,
            )
        self.query_one(DetailPanel).show("Detail", content)
        self._update_status()

    def _push_state(self, pane: SourcePane) -> None:
        view = pane.view
        data = view.data
        if data is None:
            return
        lit = self._lit()
        view.lit = lit
        view.core = self._core()
        doc = data.doc
        view.matches = tuple((s, e) for d, s, e in self.matches if d == doc)
        match = self.matches[self.match_index] if self.match_index is not None else None
        view.current_match = (match[1], match[2]) if match and match[0] == doc else None
        mine = any(self.alignment.passages[p].doc == doc for p in lit) if self.alignment else False
        absent = bool(lit) and not mine
        # Only touch the classes when they change: a class change restyles the pane.
        if pane.has_class("-absent") != absent:
            pane.set_class(absent, "-absent")
            pane.border_subtitle = "not in this fact" if absent else ""

    def _sync_scroll(self) -> None:
        """Bring the current fact's passage to the same height in every pane that has it."""
        alignment = self.alignment
        if alignment is None:
            return
        # Each source's brightest telling of the fact (or its first) sits at the same height.
        lit = self._core() or self._lit()
        by_doc: dict[int, list[int]] = {}
        for p in lit:
            by_doc.setdefault(alignment.passages[p].doc, []).append(p)
        placed: list[tuple[PaneView, int, int]] = []
        for view in self.views:
            if view.data is None or view.data.doc not in by_doc:
                continue
            rows = [r for p in by_doc[view.data.doc] if (r := view.passage_rows(p)) is not None]
            if rows:
                first = min(rows)
                placed.append((view, first[0], first[1]))
        if not placed:
            return
        height = min(view.scrollable_content_region.height for view, _, _ in placed)
        anchor = min(max(1, height // 4), min(first for _, first, _ in placed))
        for view, first, _ in placed:
            view.scroll_to(y=first - anchor, animate=False, immediate=True)
        if self.match_index is not None:
            doc, start, _ = self.matches[self.match_index]
            for view in self.views:
                if view.data is not None and view.data.doc == doc:
                    line = view.line_of_offset(start)
                    height = view.scrollable_content_region.height
                    if line is not None and not view.scroll_y <= line < view.scroll_y + height:
                        view.scroll_to(y=line - anchor, animate=False, immediate=True)

    def _position(self) -> tuple[int, int]:
        kind, items = self._nav()
        current = self.current_group if kind == "group" else self.current_passage
        try:
            return items.index(current) + 1, len(items)  # type: ignore[arg-type]
        except ValueError:
            return 0, len(items)

    def _update_status(self) -> None:
        """The top line: where you are on the left, the current fact's state on the right."""
        position, total = self._position()
        status = status_text(
            self.alignment,
            group=self.current_group,
            passage=self.current_passage,
            position=position,
            total=total,
            mode=self.filter_mode,
            kinds=self._kinds_of(self.current_group),
        )
        if self.alignment is not None and len(self.alignment.documents) < 2:
            status = "nothing aligned"
        if self.match_index is not None:
            status += f" · match {self.match_index + 1} of {len(self.matches)}"
        if self._progress:
            status = f"{self._progress} · {status}" if status else self._progress
        self.status = status
        title = self._title()
        topbar = self.query_one("#topbar", Static)
        width = self.size.width - 2  # the bar spans the screen, less its padding
        gap = max(1, width - len(title) - len(status))
        line = Content.assemble((title, "bold"), " " * gap, (status, "$text-accent"))
        # One line of fixed size: no layout of the screen for a new status.
        topbar.update(line, layout=False)

    def _kinds_of(self, group: int | None) -> tuple[str, ...] | None:
        """The conflict kinds of a group, computed once per alignment."""
        if group is None or self.alignment is None:
            return None
        kinds = self._group_kinds.get(group)
        if kinds is None:
            kinds = self._group_kinds[group] = group_kinds(
                self.alignment, self.alignment.groups[group]
            )
        return kinds

    def _title(self) -> str:
        alignment = self.alignment
        if alignment is None:
            return "Parallax"
        n = len(alignment.documents)
        title = f"Parallax · {n} source{'s' if n != 1 else ''}"
        if alignment.event_count > 1:
            title += f" · {alignment.event_count} look-alike events"
        docs = self.visible_docs()
        if docs and len(docs) < len(self.shown):
            first = self.first_pane + 1
            title += f" · panes {first}–{first + len(docs) - 1} of {len(self.shown)}"
        if len(self.shown) < n:
            title += f" · {n - len(self.shown)} hidden"
        return title

    # --- navigation -----------------------------------------------------------------------

    def _focused_doc(self) -> int | None:
        focused = self.focused
        if isinstance(focused, PaneView) and focused.data is not None:
            return focused.data.doc
        docs = self.visible_docs()
        return docs[0] if docs else None

    def _nav(self) -> tuple[str, list[int]]:
        """What j/k walk through: facts, conflicting facts, or the focused pane's uniques."""
        alignment = self.alignment
        if alignment is None:
            return "group", []
        if self.filter_mode == "all":
            return "group", list(range(len(alignment.groups)))
        if self.filter_mode == "conflicts":
            return "group", list(self._conflict_groups)
        doc = self._focused_doc()
        if doc is None:
            return "passage", []
        return "passage", [
            p for p in self._doc_passages[doc] if keeps(alignment, alignment.passages[p], "unique")
        ]

    def _go(self, kind: str, item: int) -> None:
        if kind == "group":
            self._select(item, None)
        else:
            self._select(None, item)

    def _step(self, step: int) -> None:
        kind, items = self._nav()
        if not items:
            self.notify(
                f"Nothing to walk through with the filter on {self.filter_mode}.",
                title="Facts",
                severity="warning",
            )
            return
        current = self.current_group if kind == "group" else self.current_passage
        if current in items:
            index = items.index(current) + step  # type: ignore[arg-type]
            if not 0 <= index < len(items):
                self.app.bell()
                return
        else:
            index = 0 if step > 0 else len(items) - 1
        self._go(kind, items[index])

    def action_next_fact(self) -> None:
        """Select the next fact (or unique passage under that filter)."""
        self._step(1)

    def action_previous_fact(self) -> None:
        """Select the previous fact."""
        self._step(-1)

    def action_first_fact(self) -> None:
        """Select the first fact."""
        kind, items = self._nav()
        if items:
            self._go(kind, items[0])

    def action_last_fact(self) -> None:
        """Select the last fact."""
        kind, items = self._nav()
        if items:
            self._go(kind, items[-1])

    def _conflict_step(self, step: int) -> None:
        conflicts = self._conflict_groups
        if not conflicts:
            self.notify(
                "No conflicts were found between these sources.",
                title="Conflicts",
                timeout=4,
            )
            return
        if self.filter_mode == "unique":
            self.filter_mode = "all"
        current = self.current_group
        if current is None:
            target = conflicts[0] if step > 0 else conflicts[-1]
        elif step > 0:
            k = bisect_right(conflicts, current)
            target = conflicts[k] if k < len(conflicts) else conflicts[0]
            if k >= len(conflicts):
                self.notify("Back to the first conflict.", title="Conflicts", timeout=2)
        else:
            k = bisect_left(conflicts, current) - 1
            target = conflicts[k] if k >= 0 else conflicts[-1]
            if k < 0:
                self.notify("On to the last conflict.", title="Conflicts", timeout=2)
        self._select(target, None)

    def action_next_conflict(self) -> None:
        """Select the next fact on which sources disagree (wraps around)."""
        self._conflict_step(1)

    def action_previous_conflict(self) -> None:
        """Select the previous fact on which sources disagree (wraps around)."""
        self._conflict_step(-1)

    def action_focus_pane(self, delta: int) -> None:
        """Focus the pane ``delta`` steps away; past the edge, show the next source."""
        views = self.views
        if not views or not self.shown:
            return
        focused = self.focused
        slot = views.index(focused) if focused in views else (-1 if delta > 0 else len(views))
        target = slot + delta
        if 0 <= target < len(views):
            views[target].focus()
            return
        total = len(self.shown)
        if len(views) < total:
            absolute = (self.first_pane + target) % total
            fit = len(views)
            first = min(max(0, absolute - (fit - 1 if delta > 0 else 0)), total - fit)
            self.first_pane = first
            views = self.views
            views[min(len(views) - 1, absolute - first)].focus()
        else:
            views[target % len(views)].focus()

    def watch_first_pane(self) -> None:
        self._arrange_panes()

    def watch_shown(self) -> None:
        self._arrange_panes()

    def action_detail_more(self) -> None:
        """Show the next part of a long detail panel."""
        self.query_one(DetailPanel).more()

    def action_page(self, pages: int) -> None:
        """Scroll every pane by a page."""
        views = self.views
        if views:
            rows = max(1, min(v.scrollable_content_region.height for v in views) - 2)
            self._scroll_all(rows * pages)

    def _scroll_all(self, rows: int) -> None:
        for view in self.views:
            view.scroll_to(y=view.scroll_y + rows, animate=False, immediate=True)

    @on(PaneView.Wheel)
    def _wheel(self, event: PaneView.Wheel) -> None:
        self._scroll_all(event.rows)

    @on(PaneView.Clicked)
    def _clicked(self, event: PaneView.Clicked) -> None:
        alignment = self.alignment
        if alignment is None:
            return
        passage = alignment.passages[event.passage]
        if passage.group is not None:
            if self.filter_mode == "unique":
                self.filter_mode = "all"
            self._select(passage.group, None)
        else:
            self._select(None, passage.id)

    @on(PaneView.Rewrapped)
    def _rewrapped(self, event: PaneView.Rewrapped) -> None:
        pane = event.view.parent
        if isinstance(pane, SourcePane):
            self._push_state(pane)
        self._sync_scroll()
        if self.focused is None and self.app.screen is self:
            self._focus_views()  # the first pane to be ready takes the keys

    # --- filter ---------------------------------------------------------------------------

    def action_cycle_filter(self) -> None:
        """All passages -> conflicts only -> unique passages only -> all."""
        index = FILTER_MODES.index(self.filter_mode)
        # The top line says which filter is on; no toast to cover the panes.
        self.filter_mode = FILTER_MODES[(index + 1) % len(FILTER_MODES)]

    def watch_filter_mode(self) -> None:
        alignment = self.alignment
        if alignment is None:
            return
        if self.query_text:
            self.matches = find_matches(alignment, self.query_text, mode=self.filter_mode)
            self.match_index = None
        kind, items = self._nav()
        current = self.current_group if kind == "group" else self.current_passage
        if current not in items:
            self._select(
                (items[0] if items else None) if kind == "group" else None,
                (items[0] if items else None) if kind == "passage" else None,
                sync=False,
            )
        self._arrange_panes()

    # --- search ---------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search line."""
        search = self.query_one("#search", Input)
        self.add_class("-searching")
        search.disabled = False
        search.value = self.query_text
        search.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self._close_search()
        self.query_text = event.value.strip()
        alignment = self.alignment
        if alignment is None:
            return
        self.matches = find_matches(alignment, self.query_text, mode=self.filter_mode)
        self.match_index = None
        if not self.query_text:
            self._apply_selection()
            self._focus_views()
            return
        if not self.matches:
            self.notify(
                f"No match for “{self.query_text}”"
                + ("" if self.filter_mode == "all" else f" with the filter on {self.filter_mode}")
                + ".",
                title="Search",
                severity="warning",
                markup=False,
            )
            self._apply_selection()
            self._focus_views()
            return
        self._goto_match(self._first_match_index())

    def _first_match_index(self) -> int:
        """The first match in the focused pane's source, else the first of all."""
        doc = self._focused_doc()
        for k, (d, _, _) in enumerate(self.matches):
            if d == doc:
                return k
        return 0

    def _close_search(self) -> None:
        self.remove_class("-searching")
        self.query_one("#search", Input).disabled = True

    def _focus_views(self) -> None:
        views = self.views
        if views and not isinstance(self.focused, PaneView):
            views[0].focus()

    def _goto_match(self, index: int) -> None:
        alignment = self.alignment
        if alignment is None or not self.matches:
            return
        self.match_index = index % len(self.matches)
        doc, start, _ = self.matches[self.match_index]
        k = bisect_right(self._passage_starts[doc], start) - 1
        passage = alignment.passages[self._doc_passages[doc][max(0, k)]]
        if doc in self.shown and doc not in self.visible_docs():
            fit = self.fit()
            where = self.shown.index(doc)
            self.set_reactive(ReaderScreen.first_pane, max(0, min(where, len(self.shown) - fit)))
            self._arrange_panes()
        elif doc not in self.shown:
            self.notify(
                f"This match is in {alignment.documents[doc].id}, a source not shown: "
                "press s to show it.",
                title="Search",
                markup=False,
            )
        if passage.group is not None and self.filter_mode != "unique":
            self._select(passage.group, None)
        else:
            self._select(None, passage.id)
        for view in self.views:
            if view.data is not None and view.data.doc == doc:
                view.focus()
                break
        else:
            self._focus_views()

    def action_next_match(self) -> None:
        """Go to the next search match."""
        if not self.matches:
            self.notify("No search yet: press / to search.", title="Search", timeout=2)
            return
        self._goto_match(0 if self.match_index is None else self.match_index + 1)

    def action_previous_match(self) -> None:
        """Go to the previous search match."""
        if not self.matches:
            self.notify("No search yet: press / to search.", title="Search", timeout=2)
            return
        self._goto_match(-1 if self.match_index is None else self.match_index - 1)

    def action_clear_search(self) -> None:
        """Close the search line; pressed again, clear the highlights."""
        if self.has_class("-searching"):
            self._close_search()
            self._focus_views()
            return
        if self.matches or self.query_text:
            self.matches, self.match_index, self.query_text = (), None, ""
            self._apply_selection()

    # --- export ---------------------------------------------------------------------------

    def action_export(self) -> None:
        """Ask for a path, then write the aligned pairs as CSV (asks before replacing)."""
        alignment = self.alignment
        if alignment is None:
            return
        default = Path.cwd() / DEFAULT_EXPORT_NAME

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if path.is_file():
                self.app.push_screen(
                    ConfirmScreen(f"{path} already exists. Replace it?"),
                    lambda yes: self.write_csv(alignment, path, force=True) if yes else None,
                )
            else:
                self.write_csv(alignment, path, force=False)

        self.app.push_screen(ExportScreen(default, len(alignment.pairs)), chosen)

    @work(thread=True, exit_on_error=False, group="export")
    def write_csv(self, alignment: Alignment, path: Path, *, force: bool) -> None:
        """Write the CSV atomically off the UI thread and report with a toast."""
        content = csv_text(alignment)
        try:
            written = write_atomic(path, content, force=force)
        except ExportError as exc:
            self.app.call_from_thread(
                self.notify,
                exc.message,
                title=exc.title,
                severity="error",
                timeout=8,
                markup=False,
            )
            return
        rows = len(alignment.pairs)
        self.app.call_from_thread(
            self.notify,
            f"{rows} row{'s' if rows != 1 else ''} written to {written.resolve()}",
            title="Exported",
            markup=False,
        )

    # --- sources ----------------------------------------------------------------------------

    def action_pick_sources(self) -> None:
        """Choose which sources show as panes."""
        alignment = self.alignment
        if alignment is None:
            return
        names = [
            " · ".join(x for x in (d.id, d.outlet, d.headline) if x) for d in alignment.documents
        ]

        def chosen(docs: tuple[int, ...] | None) -> None:
            if docs:
                self.set_reactive(ReaderScreen.first_pane, 0)
                self.shown = docs

        self.app.push_screen(SourcesScreen(names, self.shown, self.fit()), chosen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in _NEEDS_ALIGNMENT and self.alignment is None)


def _passage_key(alignment: Alignment, pid: int) -> tuple[int, int, int]:
    p = alignment.passages[pid]
    return p.doc, p.start, p.end


def match_group(old: Alignment, group: int | None, new: Alignment) -> int | None:
    """The group of ``new`` that best matches ``group`` of ``old``: the most shared text.

    Passages are compared by document and character range, so a refined alignment with other
    passage boundaries still finds the fact the reader was looking at.
    """
    if group is None or group >= len(old.groups):
        return None
    best, best_overlap = None, 0
    wanted = [_passage_key(old, p) for p in old.groups[group].passages]
    for pid in range(len(new.passages)):
        p = new.passages[pid]
        if p.group is None:
            continue
        overlap = sum(
            max(0, min(p.end, end) - max(p.start, start))
            for doc, start, end in wanted
            if doc == p.doc
        )
        if overlap > best_overlap:
            best, best_overlap = p.group, overlap
    return best


def match_passage(old: Alignment, passage: int | None, new: Alignment) -> int | None:
    """The passage of ``new`` that overlaps ``passage`` of ``old`` most."""
    if passage is None or passage >= len(old.passages):
        return None
    doc, start, end = _passage_key(old, passage)
    best, best_overlap = None, 0
    for p in new.passages:
        if p.doc != doc:
            continue
        overlap = max(0, min(p.end, end) - max(p.start, start))
        if overlap > best_overlap:
            best, best_overlap = p.id, overlap
    return best
