"""App-wide messages: what the alignment worker reports to the app, and files to write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from alignment import Alignment


@dataclass
class AlignmentReady(Message):
    """An alignment is ready to show.

    Attributes:
        alignment: the result (None when fewer than two sources were usable and nothing
            could be aligned; ``reason`` then says why).
        warnings: what loading skipped or doubted, one line each.
        refined: True when this result came from the semantic refinement pass.
        reason: why nothing is aligned, "" when something is.
    """

    alignment: Alignment | None
    warnings: tuple[str, ...] = ()
    refined: bool = False
    reason: str = ""


@dataclass
class AlignmentFailed(Message):
    """Loading or aligning failed; the app shows the message and keeps running.

    Attributes:
        title: a short heading ("Input error").
        message: one line a person can act on.
        refined: True when only the optional refinement pass failed.
    """

    title: str
    message: str
    refined: bool = False


@dataclass
class AlignmentProgress(Message):
    """The worker's progress: a stage name and a fraction in [0, 1].

    Attributes:
        stage: the engine's stage ("sentences", "links", ...).
        fraction: how far the run is.
        refined: True for the semantic refinement pass.
    """

    stage: str
    fraction: float
    refined: bool = False

    def can_replace(self, message: Message) -> bool:
        # Only the latest progress matters; older ones waiting in the queue are dropped.
        return isinstance(message, AlignmentProgress)


@dataclass
class WriteRequested(Message):
    """Write a file atomically off the UI thread, then say so in a toast (the app does it).

    Attributes:
        path: the target file.
        render: makes the content (called in the worker thread: it may be slow).
        force: replace an existing file (the user agreed); otherwise an existing file is
            an error toast.
        title: the toast's title when written ("Exported").
        done: the toast's words before the path ("12 rows written to").
    """

    path: Path
    render: Callable[[], str]
    force: bool
    title: str
    done: str
