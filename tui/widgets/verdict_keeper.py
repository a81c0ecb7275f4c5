"""The story's verdicts, kept: read from the file once, changes saved merged by key.

``VerdictKeeper`` is a widget with nothing to draw: it owns the verdict file (its path, whether
it could be read, the changes not yet written) and its workers, and tells its parent what the
verdicts are with ``VerdictKeeper.Changed``. A file it could not read is never written: the
keeper turns read-only and says why.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from alignment.safe import one_line
from alignment.verdicts import (
    VerdictBook,
    VerdictError,
    VerdictKey,
    VerdictRecord,
    read_verdicts,
    save_verdicts,
)

Changes = Mapping[VerdictKey, VerdictRecord | None]


class VerdictKeeper(Widget):
    """Loads the verdict file when mounted, saves each change off the UI thread.

    Args:
        path: the verdict file (None: verdicts are kept for this session only).
    """

    DEFAULT_CSS = "VerdictKeeper { display: none; }"

    # The reason the file is not written ("" while it can be).
    read_only: reactive[str] = reactive("", init=False)

    @dataclass
    class Changed(Message):
        """The verdicts are now ``book`` (loaded, changed here, or merged with the file)."""

        keeper: VerdictKeeper
        book: VerdictBook

    def __init__(self, path: Path | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.path = path
        self.book = VerdictBook()
        self.loaded = False
        # Changes made here and not yet on disk: key -> record, None for a cleared verdict.
        self._dirty: dict[VerdictKey, VerdictRecord | None] = {}
        # One save at a time: each reads the file, merges and renames over it.
        self._lock = threading.Lock()

    def on_mount(self) -> None:
        if self.path is None:
            self.loaded = True
            return
        self._load(self.path)

    @work(thread=True, exit_on_error=False, group="verdicts-load")
    def _load(self, path: Path) -> None:
        try:
            book = read_verdicts(path)
        except VerdictError as exc:
            self.app.call_from_thread(self._refused, exc.message, on_load=True)
            return
        self.app.call_from_thread(self._loaded, book)

    def _loaded(self, book: VerdictBook) -> None:
        self.loaded = True
        # Changes made before the file was read are laid over it (and saved).
        self.book = book.changed(self._dirty)
        self.post_message(self.Changed(self, self.book))
        if self._dirty:
            self._save_now()

    def _refused(self, message: str, *, on_load: bool = False) -> None:
        self.loaded = True
        self.read_only = message
        what = "opened read-only" if on_load else "not saved; now read-only"
        self.notify(
            f"{one_line(message)}\nVerdicts {what}: the file is left as it is.",
            title="Verdicts",
            severity="error",
            timeout=10,
            markup=False,
        )
        self.post_message(self.Changed(self, self.book))

    def change(self, changes: Changes) -> None:
        """Apply ``changes`` (None clears a verdict) and save them unless read-only."""
        if not changes:
            return
        self._dirty.update(changes)
        self.book = self.book.changed(changes)
        self.post_message(self.Changed(self, self.book))
        if self.loaded and not self.read_only and self.path is not None:
            self._save_now()

    def _save_now(self) -> None:
        if self.path is not None:
            self._save(self.path, dict(self._dirty))

    @work(thread=True, exit_on_error=False, group="verdicts-save")
    def _save(self, path: Path, changes: dict[VerdictKey, VerdictRecord | None]) -> None:
        with self._lock:
            try:
                merged = save_verdicts(path, changes)
            except VerdictError as exc:
                self.app.call_from_thread(self._refused, exc.message)
                return
        self.app.call_from_thread(self._saved, changes, merged)

    def _saved(self, changes: dict[VerdictKey, VerdictRecord | None], merged: VerdictBook) -> None:
        # What was written is no longer pending, unless it changed again meanwhile.
        for key, record in changes.items():
            if key in self._dirty and self._dirty[key] is record:
                del self._dirty[key]
        self.book = merged.changed(self._dirty)
        self.post_message(self.Changed(self, self.book))
