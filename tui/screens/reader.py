"""The reader: one pane per source side by side, the current fact lit in all of them.

The screen holds the state as typed reactives (the alignment, the current fact, the filter,
the search, the panes shown) and passes it down to the panes with ``data_bind``; the search
line, the dialogs and the file writes live in their own widgets and screens and talk back
with messages or dismiss results.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from alignment import Alignment
from alignment.export import csv_text
from alignment.safe import one_line
from alignment.verdicts import (
    Verdict,
    VerdictBook,
    VerdictKey,
    VerdictMatch,
    VerdictRecord,
    conflict_keys,
    dismissed_groups,
    fact_verdict,
    make_record,
    match_verdicts,
    passage_verdicts,
    unjudged_groups,
    without_false_alarms,
)

from ..messages import WriteRequested
from ..render import (
    FILTER_MODES,
    FILTER_NAMES,
    FilterMode,
    conflict_spans,
    core_passages,
    detail_content,
    doc_conflict_counts,
    doc_passages,
    group_kinds,
    keeps,
    pane_subtitle,
    pane_title,
    passage_kinds,
    status_text,
)
from ..search import SearchState
from ..selection import match_group, match_passage
from ..widgets import DetailPanel, PaneData, PaneView, SearchBar, SourcePane, VerdictKeeper
from .dialogs import DEFAULT_EXPORT_NAME, ExportScreen, ExportTarget, SourcesScreen
from .reader_keys import CONFLICT_LABELS, NEEDS_ALIGNMENT, READER_BINDINGS
from .verdict import VerdictItem, VerdictScreen, verdict_items

__all__ = ["MIN_HEIGHT", "MIN_WIDTH", "ReaderScreen", "match_group", "match_passage"]

# A pane narrower than this wraps too tightly to read: fewer panes show instead.
MIN_PANE_WIDTH = 36
MIN_WIDTH, MIN_HEIGHT = 50, 14
TOO_SMALL = (
    f"Terminal too small\n\nParallax needs at least {MIN_WIDTH}×{MIN_HEIGHT} cells.\n"
    "Enlarge the window, or press q to quit."
)
# Detail panels kept ready (one per fact visited): going back and forth costs nothing.
DETAIL_CACHE = 256


class ReaderScreen(Screen[None]):
    """Side-by-side sources, the current fact's detail, and every key to move around."""

    HORIZONTAL_BREAKPOINTS = [(0, "-w-tiny"), (MIN_WIDTH, "-w-ok")]
    VERTICAL_BREAKPOINTS = [
        (0, "-h-tiny"),
        (MIN_HEIGHT, "-h-short"),
        (32, "-h-tall"),
        (50, "-h-huge"),
    ]

    BINDINGS = READER_BINDINGS

    alignment: reactive[Alignment | None] = reactive(None, init=False, bindings=True)
    current_group: reactive[int | None] = reactive(None, init=False)
    current_passage: reactive[int | None] = reactive(None, init=False)
    filter_mode: reactive[FilterMode] = reactive("all", init=False)
    shown: reactive[tuple[int, ...]] = reactive((), init=False)
    first_pane: reactive[int] = reactive(0, init=False)
    # Passed down to every pane with data_bind.
    lit: reactive[frozenset[int]] = reactive(frozenset, init=False)
    core: reactive[frozenset[int]] = reactive(frozenset, init=False)
    search: reactive[SearchState] = reactive(SearchState, init=False)
    # The search line is open.
    searching: reactive[bool] = reactive(False, init=False)
    # What the worker is doing, "" when idle; the top line says it.
    progress: reactive[str] = reactive("", init=False)
    # Nothing could be loaded: (title, message), shown where the panes would be.
    failure: reactive[tuple[str, str] | None] = reactive(None, init=False)
    # The fact-checker's verdicts (from the VerdictKeeper) and whether n/N skip judged ones.
    verdicts: reactive[VerdictBook] = reactive(VerdictBook, init=False)
    skip_judged: reactive[bool] = reactive(False, init=False)

    def __init__(self, *, verdicts_path: Path | None = None) -> None:
        super().__init__()
        self.verdicts_path = verdicts_path
        self.verdict_match = VerdictMatch()
        self._keys: dict[tuple[int, int], VerdictKey] = {}
        self._keys_of: Alignment | None = None
        self._unjudged: frozenset[int] = frozenset()
        self._dismissed: frozenset[int] = frozenset()
        # "loading" until the first result or failure arrives, then "ready" or "failed".
        self.state = "loading"
        self.reason = ""
        self._kinds: tuple[str, ...] = ()
        self._doc_passages: tuple[tuple[int, ...], ...] = ()
        self._passage_starts: tuple[tuple[int, ...], ...] = ()
        self._spans: tuple[tuple[tuple[int, int], ...], ...] = ()
        self._counts: tuple[int, ...] = ()
        self._data: dict[int, PaneData] = {}  # per document: as many as the sources
        self._conflict_groups: tuple[int, ...] = ()
        self.status = ""
        self._details: LRUCache[tuple[int | None, int | None, int], Content] = LRUCache(
            DETAIL_CACHE
        )
        self._group_kinds: dict[int, tuple[str, ...]] = {}  # per group: as many as the facts
        self._composed = False

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("Parallax", id="topbar")
        with Vertical(id="body"):
            with Horizontal(id="panes"):
                yield Static("", id="placeholder")
            yield DetailPanel(id="detail")
            yield SearchBar()
        yield Static(TOO_SMALL, id="too-small")
        # ctrl+p still opens the palette; the footer's room goes to the reader's keys.
        yield Footer(show_command_palette=False)
        yield VerdictKeeper(self.verdicts_path, id="verdict-keeper")

    def on_mount(self) -> None:
        self._composed = True
        self.query_one("#placeholder").loading = True
        self.query_one(DetailPanel).show("Detail", "Reading and aligning the sources…")
        # A fast worker can report before the screen is composed: its state is kept in the
        # reactives (watchers wait for the widgets), shown now.
        if self.failure is not None:
            self.watch_failure(self.failure)
        if self.alignment is not None:
            self.refresh_bindings()
            self.watch_alignment(self.alignment)
        elif self.progress:
            self._update_status()

    @property
    def views(self) -> list[PaneView]:
        """The panes' text views, left to right."""
        return [pane.view for pane in self.query(SourcePane) if pane.view_ready]

    @property
    def matches(self) -> tuple[tuple[int, int, int], ...]:
        """The search matches as (doc, start, end)."""
        return self.search.matches

    @property
    def match_index(self) -> int | None:
        """The current search match, None before the first jump."""
        return self.search.index

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
        self.progress = text

    def watch_progress(self) -> None:
        if self._composed:
            self._update_status()

    def show_failure(self, title: str, message: str) -> None:
        """Nothing could be loaded: say why where the panes would be."""
        self.state = "failed"
        self.progress = ""
        self.failure = (title, message)

    def watch_failure(self, failure: tuple[str, str] | None) -> None:
        if failure is None or not self._composed:
            return
        title, message = failure
        placeholder = self.query_one("#placeholder", Static)
        placeholder.loading = False
        placeholder.display = True
        placeholder.update(Content.assemble((f"{title}\n\n", "bold $error"), message))
        self.query_one(DetailPanel).show("Detail", Content(message))
        self._update_status()

    def show_alignment(self, alignment: Alignment, *, reason: str = "") -> None:
        """Show a (new) alignment, keeping the current fact when the result is refined."""
        old, old_group, old_passage = self.alignment, self.current_group, self.current_passage
        self.reason = reason
        self.state = "ready"
        if not self._composed:
            # on_mount shows it: nothing to draw into yet.
            self.set_reactive(ReaderScreen.alignment, alignment)
            return
        self.alignment = alignment
        if old is not None and len(old.documents) == len(alignment.documents):
            group = match_group(old, old_group, alignment)
            passage = match_passage(old, old_passage, alignment)
            self._select(group, passage if group is None else None)

    def watch_alignment(self, alignment: Alignment | None) -> None:
        if alignment is None or not self._composed:
            return
        self._judge(alignment)
        self._doc_passages = doc_passages(alignment)
        self._passage_starts = tuple(
            tuple(alignment.passages[p].start for p in ids) for ids in self._doc_passages
        )
        self._spans = conflict_spans(alignment)
        self._conflict_groups = tuple(g.id for g in alignment.groups if g.status == "conflict")
        self._data = {}
        self._details.clear()
        self._group_kinds = {}
        query = self.search.query
        self.search = (
            SearchState.find(alignment, query, mode=self.filter_mode, unjudged=self._unjudged)
            if query
            else SearchState()
        )
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
                self._unjudged,
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
        new = [
            SourcePane().data_bind(ReaderScreen.lit, ReaderScreen.core, ReaderScreen.search)
            for _ in range(len(docs) - len(panes))
        ]
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
        if alignment is None or not self._composed:
            return
        # The panes follow through data_bind.
        self.lit = self._lit()
        self.core = self._core()
        self._sync_scroll()
        position, _total = self._position()
        key = (self.current_group, self.current_passage, position)
        content = self._details.get(key)
        if alignment.documents and len(alignment.documents) < 2:
            content = Content.assemble(("Nothing aligned. ", "bold $warning"), self.reason)
        elif content is None:
            content = detail_content(
                alignment,
                group=self.current_group,
                passage=self.current_passage,
                # the fact's number in the story, whatever the filter
                position=(self.current_group + 1) if self.current_group is not None else position,
                spans=self._spans,
                verdicts=self.verdict_match,
            )
            self._details.set(key, content)
        self.query_one(DetailPanel).show("Detail", content)
        self._update_status()

    def _sync_scroll(self) -> None:
        """Bring the current fact's passage to the same height in every pane that has it."""
        alignment = self.alignment
        if alignment is None:
            return
        # Each source's brightest telling of the fact (or its first) sits at the same height.
        lit = self.core or self.lit
        by_doc: dict[int, list[int]] = {}
        for p in lit:
            by_doc.setdefault(alignment.passages[p].doc, []).append(p)
        placed: list[tuple[PaneView, int, int]] = []
        for view in self.views:
            if view.data is None or view.data.doc not in by_doc:
                continue
            rows = [r for p in by_doc[view.data.doc] if (r := view.passage_rows(p)) is not None]
            if rows:
                top, count = min(rows)
                placed.append((view, top, count))
        if not placed:
            return
        height = min(view.scrollable_content_region.height for view, _, _ in placed)
        anchor = min(max(1, height // 4), min(top for _, top, _ in placed))
        for view, top, _ in placed:
            view.scroll_to(y=top - anchor, animate=False, immediate=True)
        match = self.search.current
        if match is not None:
            doc, start, _ = match
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
            verdict=self._verdict_of(self.current_group),
        )
        if self.alignment is not None and len(self.alignment.documents) < 2:
            status = "nothing aligned"
        if self.search.index is not None:
            status += f" · match {self.search.index + 1} of {len(self.search.matches)}"
        if self.progress:
            status = f"{self.progress} · {status}" if status else self.progress
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
        orphans = len(self.verdict_match.orphans)
        if orphans:
            title += f" · {orphans} orphaned verdict{'s' if orphans != 1 else ''}"
        if self._keeper_read_only():
            title += " · verdicts read-only"
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
        if self.filter_mode == "unjudged":
            return "group", sorted(self._unjudged)
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
                f"Nothing to walk through with the filter on {self._filter_name()}.",
                title="Facts",
                severity="warning",
            )
            return
        current = self.current_group if kind == "group" else self.current_passage
        if current in items:
            index = items.index(current) + step
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
        if self.skip_judged:
            conflicts = tuple(g for g in conflicts if g in self._unjudged)
            if not conflicts:
                self.notify(
                    "Every conflict has a verdict (u: n/N visit judged ones again).",
                    title="Conflicts",
                    timeout=4,
                )
                return
        if self.filter_mode in ("unique", "unjudged") and not set(conflicts) <= self._unjudged:
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
        if self.search.query:
            self.search = SearchState.find(
                alignment, self.search.query, mode=self.filter_mode, unjudged=self._unjudged
            )
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
        self.searching = True
        self.query_one(SearchBar).open(self.search.query)

    def watch_searching(self, searching: bool) -> None:
        self.set_class(searching, "-searching")
        if not searching:
            self.query_one(SearchBar).close()

    @on(SearchBar.Search)
    def _search_submitted(self, event: SearchBar.Search) -> None:
        self.searching = False
        alignment = self.alignment
        if alignment is None:
            self.search = SearchState(event.query)
            return
        self.search = SearchState.find(
            alignment, event.query, mode=self.filter_mode, unjudged=self._unjudged
        )
        if not event.query:
            self._apply_selection()
            self._focus_views()
            return
        if not self.search.matches:
            self.notify(
                f"No match for “{event.query}”"
                + (
                    ""
                    if self.filter_mode == "all"
                    else f" with the filter on {self._filter_name()}"
                )
                + ".",
                title="Search",
                severity="warning",
                markup=False,
            )
            self._apply_selection()
            self._focus_views()
            return
        self._goto_match(self.search.at(self.search.first_in(self._focused_doc())))

    def _focus_views(self) -> None:
        views = self.views
        if views and not isinstance(self.focused, PaneView):
            views[0].focus()

    def _goto_match(self, search: SearchState) -> None:
        """Make ``search`` current and go to its current match."""
        alignment = self.alignment
        match = search.current
        if alignment is None or match is None:
            return
        self.search = search
        doc, start, _ = match
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

    def _match_step(self, delta: int) -> None:
        if not self.search.matches:
            self.notify("No search yet: press / to search.", title="Search", timeout=2)
            return
        self._goto_match(self.search.step(delta))

    def action_next_match(self) -> None:
        """Go to the next search match."""
        self._match_step(1)

    def action_previous_match(self) -> None:
        """Go to the previous search match."""
        self._match_step(-1)

    def action_clear_search(self) -> None:
        """Close the search line; pressed again, clear the highlights."""
        if self.searching:
            self.searching = False
            self._focus_views()
            return
        if self.search.matches or self.search.query:
            self.search = SearchState()
            self._apply_selection()

    # --- export ---------------------------------------------------------------------------

    def action_export(self) -> None:
        """Ask for a path (and before replacing a file), then have the CSV written."""
        alignment = self.alignment
        if alignment is None:
            return
        rows = len(alignment.pairs)
        verdicts = self.verdict_match

        def chosen(target: ExportTarget | None) -> None:
            if target is not None:
                self.post_message(
                    WriteRequested(
                        target.path,
                        lambda: csv_text(alignment, verdicts),
                        force=target.force,
                        title="Exported",
                        done=f"{rows} row{'s' if rows != 1 else ''} written to",
                    )
                )

        self.app.push_screen(ExportScreen(Path.cwd() / DEFAULT_EXPORT_NAME, rows), chosen)

    # --- sources ----------------------------------------------------------------------------

    def action_pick_sources(self) -> None:
        """Choose which sources show as panes."""
        alignment = self.alignment
        if alignment is None:
            return

        def chosen(docs: tuple[int, ...] | None) -> None:
            if docs:
                self.set_reactive(ReaderScreen.first_pane, 0)
                self.shown = docs

        self.app.push_screen(SourcesScreen(alignment.documents, self.shown, self.fit()), chosen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in NEEDS_ALIGNMENT and self.alignment is None)

    def _filter_name(self) -> str:
        return FILTER_NAMES.get(self.filter_mode, self.filter_mode)

    # --- verdicts -----------------------------------------------------------------------------

    def _keeper_read_only(self) -> str:
        """Why verdicts are not saved ("" when they are)."""
        keepers = self.query(VerdictKeeper)
        return keepers.first().read_only if keepers else ""

    def _judge(self, alignment: Alignment) -> None:
        """Lay the verdicts over the alignment: signs, the unjudged and dismissed facts."""
        # The keys depend on the alignment only: computed once per result.
        if self._keys_of is not alignment:
            self._keys = conflict_keys(alignment)
            self._keys_of = alignment
        match = self.verdict_match = match_verdicts(alignment, self.verdicts, keys=self._keys)
        self._kinds = passage_kinds(alignment, passage_verdicts(alignment, match))
        self._unjudged = unjudged_groups(alignment, match)
        self._dismissed = dismissed_groups(alignment, match)
        # A conflict marked false alarm no longer counts in the pane titles.
        self._counts = doc_conflict_counts(without_false_alarms(alignment, match))

    def _verdict_of(self, group: int | None) -> Verdict | None:
        if group is None or self.alignment is None:
            return None
        return fact_verdict(self.alignment, self.verdict_match, self.alignment.groups[group])

    def checked_alignment(self) -> Alignment | None:
        """The alignment with the conflicts marked false alarm dropped (for the overview)."""
        alignment = self.alignment
        return None if alignment is None else without_false_alarms(alignment, self.verdict_match)

    @on(VerdictKeeper.Changed)
    def _verdicts_changed(self, event: VerdictKeeper.Changed) -> None:
        self.verdicts = event.book
        if self._composed:
            self._update_status()  # read-only or not: the title says so

    def watch_verdicts(self) -> None:
        alignment = self.alignment
        if alignment is None or not self._composed:
            return
        self._judge(alignment)
        self._data = {}
        self._details.clear()
        if self.search.query:
            self.search = SearchState.find(
                alignment, self.search.query, mode=self.filter_mode, unjudged=self._unjudged
            )
        # The "not yet judged" filter keeps the fact just judged on screen until j/k move on.
        self._arrange_panes()

    def action_verdict(self) -> None:
        """Judge the current fact's conflicts in a dialog."""
        alignment = self.alignment
        group = self.current_group
        if alignment is None:
            return
        if group is None or alignment.groups[group].status != "conflict":
            self.notify(
                "This fact has no conflict to judge (n goes to the next one).",
                title="Verdict",
                timeout=3,
            )
            return
        reason = self._keeper_read_only()
        if reason:
            self.notify(
                f"Verdicts are read-only: {one_line(reason)}",
                title="Verdict",
                severity="warning",
                markup=False,
            )
            return
        items = verdict_items(alignment, self.verdict_match, group)

        def chosen(changed: list[VerdictItem] | None) -> None:
            if changed and self.alignment is alignment:
                self._record(alignment, changed)
            elif changed:
                self.notify(
                    "The facts were refined meanwhile: judge again.",
                    title="Verdict",
                    severity="warning",
                )

        title = f"Verdicts · fact {group + 1} · {len(items)} conflict" + (
            "s" if len(items) != 1 else ""
        )
        self.app.push_screen(VerdictScreen(title, items), chosen)

    def _record(self, alignment: Alignment, changed: list[VerdictItem]) -> None:
        """Hand the dialog's verdicts to the keeper (which saves them)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        changes: dict[VerdictKey, VerdictRecord | None] = {}
        dropped = 0
        for item in changed:
            key = self.verdict_match.keys[(item.pair, item.conflict)]
            if item.verdict is None:
                changes[key] = None
                dropped += bool(item.note)
                continue
            changes[key] = make_record(
                alignment, item.pair, item.conflict, item.verdict, note=item.note, judged=now
            )
        self.query_one(VerdictKeeper).change(changes)
        if dropped:
            self.notify(
                "A note is kept with a verdict: the note of a conflict without one was dropped.",
                title="Verdict",
                severity="warning",
            )

    def action_toggle_skip_judged(self) -> None:
        """n/N skip the conflicts already judged, or visit them again."""
        self.skip_judged = not self.skip_judged

    def watch_skip_judged(self, skip: bool) -> None:
        # The footer says which: "n/N Conflict" or "n/N Unjudged".
        label = CONFLICT_LABELS[skip]
        for key, bindings in self._bindings.key_to_bindings.items():
            self._bindings.key_to_bindings[key] = [
                replace(b, description=label) if b.action == "next_conflict" and b.show else b
                for b in bindings
            ]
        self.refresh_bindings()
        self.notify(
            "n/N skip the conflicts already judged." if skip else "n/N visit every conflict again.",
            title="Conflicts",
            timeout=2,
        )
