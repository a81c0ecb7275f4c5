"""ParallaxApp: loads and aligns in a worker, then hands the result to the reader screen."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.worker import Worker, WorkerState, get_current_worker

from alignment import (
    AlignConfig,
    Document,
    ExportError,
    ParallaxError,
    align,
    load_documents,
)
from alignment.claims import disk_claims_reader
from alignment.export import write_atomic
from alignment.report import report_markdown
from alignment.safe import one_line, printable

from .head_start import head_start as start_reading
from .messages import AlignmentFailed, AlignmentProgress, AlignmentReady, WriteRequested
from .screens import ConfirmScreen, HelpScreen, ReaderScreen, key_rows
from .screens.overview import OverviewScreen
from .selection import match_group

REPORT_NAME = "parallax-report.md"
# How long the refinement waits for the first screen to be drawn before it starts anyway.
PAINT_WAIT = 2.0
STAGE_WORDS = {
    "fetching": "fetching pages",
    "sentences": "splitting sentences",
    "weights": "weighing words",
    "passages": "choosing passages",
    "links": "linking passages",
    "groups": "grouping facts",
    "conflicts": "looking for conflicts",
    "done": "drawing",
}


def _load_scorer() -> Callable[..., Any] | None:
    """The optional semantic extra's ``load_scorer``, or None when it is not there."""
    try:
        from alignment import semantic

        return semantic.load_scorer
    except (ImportError, AttributeError):
        return None


class ParallaxApp(App[int]):
    """The reader: side-by-side sources, facts lit across panes, conflicts marked.

    Args:
        paths: web addresses, article files or folders (none: the bundled seeds).
        config: the engine's settings.
        theme_name: a Textual theme; an unknown name falls back to the default with a toast.
        refresh: fetch web pages anew rather than from the cache.
        verdicts_path: the fact-checker's verdict file (None: kept for this session only).
    """

    CSS_PATH = "parallax.tcss"
    TITLE = "Parallax"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?",
                tooltip="Every key, the gutter signs and the mouse", id="help"),
        Binding("o", "overview", "Overview",
                tooltip="Which sources share and dispute which facts; Enter goes to one",
                id="overview"),
        Binding("r", "report", "Report",
                tooltip=f"Write a Markdown report of the story to {REPORT_NAME}", id="report"),
        Binding("q", "quit", "Quit", tooltip="Leave Parallax", id="quit"),
    ]  # fmt: skip

    def __init__(
        self,
        paths: Sequence[str] = (),
        config: AlignConfig | None = None,
        theme_name: str | None = None,
        *,
        refresh: bool = False,
        verdicts_path: Path | None = None,
        head_start: bool = True,
    ) -> None:
        super().__init__()
        self.paths: list[str | Path] = list(paths)
        self.config = config or AlignConfig()
        if head_start:  # the parser reads the claims while the app starts
            start_reading(self.paths, self.config)
        self.theme_name = theme_name
        self.refresh_pages = refresh
        self.reader = ReaderScreen(verdicts_path=verdicts_path)

    def get_default_screen(self) -> ReaderScreen:
        return self.reader

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast of the app (screens call this too): text from input (file names in
        warnings, ids, paths in errors) is made safe to show first, one character for one."""
        super().notify(
            printable(message),
            title=one_line(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def on_mount(self) -> None:
        if self.theme_name:
            if self.theme_name in self.available_themes:
                self.theme = self.theme_name
            else:
                self.notify(
                    f"Unknown theme “{self.theme_name}”; using {self.theme}. "
                    f"Themes: {', '.join(sorted(self.available_themes))}.",
                    title="Theme",
                    severity="warning",
                    markup=False,
                )
        self.run_alignment()

    # --- workers --------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="align")
    def run_alignment(self) -> None:
        """Read the sources and align them; posts AlignmentReady or AlignmentFailed."""
        worker = get_current_worker()

        def fetched(done: int, total: int) -> None:
            if not worker.is_cancelled and total:
                self.post_message(AlignmentProgress("fetching", done / total))

        try:
            loaded = load_documents(
                self.paths,
                max_file_bytes=self.config.max_file_bytes,
                fetch_timeout=self.config.fetch_timeout,
                refresh=self.refresh_pages,
                progress=fetched,
            )
        except ParallaxError as exc:
            self.post_message(AlignmentFailed(exc.title, exc.message))
            return
        documents = loaded.documents
        reason = ""
        if len(documents) < 2:
            found = (
                "no usable source" if not documents else f"only one ({one_line(documents[0].id)})"
            )
            reason = f"Parallax needs at least two articles to compare, and found {found}." + (
                " See the warnings about skipped files." if loaded.warnings else ""
            )

        def progress(stage: str, fraction: float) -> None:
            if not worker.is_cancelled:
                self.post_message(AlignmentProgress(stage, fraction))

        alignment = align(
            documents,
            self.config,
            progress=progress,
            claims=disk_claims_reader(),
            warnings=loaded.warnings,
        )
        if worker.is_cancelled:
            return
        self.post_message(AlignmentReady(alignment, alignment.warnings, reason=reason))

    @work(thread=True, exclusive=True, exit_on_error=False, group="refine")
    def refine_alignment(
        self,
        documents: tuple[Document, ...],
        load_scorer: Callable[..., Any],
        warnings: tuple[str, ...] = (),
        painted: threading.Event | None = None,
    ) -> None:
        """Align again with the optional semantic scorer, if it loads; ``warnings`` are the
        first result's, carried into the refined one. A model that "auto" could not load
        leaves the words-only result in place and says why, once.

        With ``painted``, the work starts once the first result is on the screen (or after
        ``PAINT_WAIT``): the model's imports and load would otherwise hold the interpreter
        while the panes are laid out and drawn (measured: the first screen 0.3-0.7 s later).
        """
        worker = get_current_worker()
        if painted is not None:
            painted.wait(PAINT_WAIT)
        fallback: list[str] = []
        try:
            scorer = load_scorer(self.config, warn=fallback.append)
        except ParallaxError as exc:
            self.post_message(AlignmentFailed(exc.title, exc.message, refined=True))
            return
        for line in fallback:
            self.call_from_thread(
                self.notify, line, title="Semantic", severity="warning", timeout=8, markup=False
            )
        if scorer is None or worker.is_cancelled:
            return

        def progress(stage: str, fraction: float) -> None:
            if not worker.is_cancelled:
                self.post_message(AlignmentProgress(stage, fraction, refined=True))

        alignment = align(
            documents,
            self.config,
            progress=progress,
            scorer=scorer,
            claims=disk_claims_reader(),
            warnings=warnings,
        )
        if not worker.is_cancelled:
            self.post_message(AlignmentReady(alignment, refined=True))

    # --- messages from the workers --------------------------------------------------------

    def on_alignment_progress(self, message: AlignmentProgress) -> None:
        if not self.reader.is_attached:
            return
        words = STAGE_WORDS.get(message.stage, message.stage)
        prefix = "refining" if message.refined else "aligning"
        if message.stage == "fetching":
            prefix = "loading"
        done = message.stage == "done" and message.refined
        self.reader.show_progress("" if done else f"{prefix}: {words} {message.fraction:.0%}")

    def on_alignment_ready(self, message: AlignmentReady) -> None:
        if not self.reader.is_attached:  # a result that arrives while the app closes
            return
        if message.warnings:
            self.notify(
                "\n".join(message.warnings),
                title=f"{len(message.warnings)} input warning"
                + ("s" if len(message.warnings) != 1 else ""),
                severity="warning",
                timeout=10,
                markup=False,
            )
        if message.alignment is None:
            return
        self.reader.show_progress("")
        self.reader.show_alignment(message.alignment, reason=message.reason)
        if message.refined:
            self.notify("Facts refined with sentence meanings.", title="Semantic", timeout=3)
            return
        if len(message.alignment.documents) >= 2 and self.config.semantic != "off":
            load_scorer = _load_scorer()
            if load_scorer is not None:
                painted = threading.Event()
                self.call_after_refresh(painted.set)
                self.refine_alignment(
                    message.alignment.documents, load_scorer, message.alignment.warnings, painted
                )

    def on_alignment_failed(self, message: AlignmentFailed) -> None:
        if not self.reader.is_attached:
            return
        self.reader.show_progress("")
        self.notify(message.message, title=message.title, severity="error", markup=False)
        if not message.refined:
            self.reader.show_failure(one_line(message.title), printable(message.message))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # A bug in the engine: say so and keep running rather than vanish.
        if event.state == WorkerState.ERROR and event.worker.group in ("align", "refine"):
            error = event.worker.error
            self.post_message(
                AlignmentFailed(
                    "Alignment failed",
                    f"{type(error).__name__}: {error}",
                    refined=event.worker.group == "refine",
                )
            )

    # --- actions --------------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key binding."""
        if isinstance(self.screen, HelpScreen):
            return
        bindings = [*ReaderScreen.BINDINGS, *self.BINDINGS]
        keys = {key.strip() for b in bindings if isinstance(b, Binding) for key in b.key.split(",")}
        display = {key: self.get_key_display(Binding(key, "")) for key in keys}
        for b in bindings:
            if isinstance(b, Binding) and b.key_display and "/" not in b.key_display:
                display[b.key] = b.key_display
        self.push_screen(HelpScreen(key_rows(bindings, display)))

    # --- overview and report (issue 8) ----------------------------------------------------

    def action_overview(self) -> None:
        """Open the overview; a fact chosen there becomes the reader's current fact."""
        alignment = self.reader.alignment
        if alignment is None or self.screen is not self.reader:
            return

        def chosen(group: int | None) -> None:
            current = self.reader.alignment
            if group is None or current is None:
                return
            if current is not alignment:  # a refined result arrived meanwhile
                group = match_group(alignment, group, current)
            if group is not None:
                self.reader.current_group = group

        # False alarms are no longer disputed there; the group ids are the same.
        checked = self.reader.checked_alignment() or alignment
        self.push_screen(OverviewScreen(checked, current_group=self.reader.current_group), chosen)

    def action_report(self) -> None:
        """Write the Markdown report to the working folder (asks before replacing a file)."""
        alignment = self.reader.alignment
        if alignment is None:
            return
        path = Path.cwd() / REPORT_NAME
        verdicts = self.reader.verdict_match

        def write(force: bool) -> None:
            self.post_message(
                WriteRequested(
                    path,
                    lambda: report_markdown(alignment, verdicts=verdicts),
                    force=force,
                    title="Report",
                    done="Report written to",
                )
            )

        if path.is_file():
            self.push_screen(
                ConfirmScreen(f"{path} already exists. Replace it?"),
                lambda yes: write(True) if yes else None,
            )
        else:
            write(False)

    def on_write_requested(self, message: WriteRequested) -> None:
        self.write_file(message)

    @work(thread=True, exit_on_error=False, group="write")
    def write_file(self, request: WriteRequested) -> None:
        """Render and write a file atomically off the UI thread; report with a toast."""
        try:
            written = write_atomic(request.path, request.render(), force=request.force)
        except ExportError as exc:
            self.call_from_thread(
                self.notify, exc.message, title=exc.title, severity="error", timeout=8, markup=False
            )
            return
        self.call_from_thread(
            self.notify,
            f"{request.done} {written.resolve()}",
            title=request.title,
            markup=False,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("overview", "report"):
            return self.reader.alignment is not None and self.screen is self.reader
        return True
