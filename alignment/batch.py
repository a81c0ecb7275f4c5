"""One story of a batch: a folder of articles in, its outputs as text and a summary row out.

``run_story`` is a pure top-level function, so that a process pool or a Dask worker can run it
(both pickle it by name): it reads the story's articles, aligns them, renders the CSV
contract, the JSON model and the Markdown report as strings, and counts what the summary
needs. It writes nothing and prints nothing; ``tui.batch`` runs many stories and writes what
they return, so a result that never arrives leaves no file behind.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import resource
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from .config import AlignConfig
from .engine import align
from .errors import ParallaxError
from .export import csv_table, csv_text, neutralise
from .load import load_documents
from .model import Alignment, ConflictKind
from .report import json_text, report_markdown
from .semantic import SemanticScorer, load_scorer
from .verdicts import VERDICTS_NAME, match_verdicts, read_verdicts

StoryStatus = Literal["ok", "skipped", "failed"]

# What each story's folder in the output gets, in the order they are written.
OUTPUT_FILES = ("pairs.csv", "model.json", "report.md")
SUMMARY_FILE = "summary.csv"


def conflict_kinds() -> tuple[ConflictKind, ...]:
    """Every conflict kind the model knows, in its declared order (strongest first)."""
    return get_args(ConflictKind)


def summary_columns() -> tuple[str, ...]:
    """The header of ``summary.csv``: one ``conflicts_<kind>`` column per conflict kind."""
    return (
        "story",
        "sources",
        "passages",
        "shared_facts",
        "disputed_facts",
        *(f"conflicts_{kind}" for kind in conflict_kinds()),
        "seconds",
        "status",
        "error",
    )


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One line of ``summary.csv``.

    Attributes:
        story: the story's folder name (undecodable bytes shown as U+FFFD).
        status: ok (outputs made), skipped (fewer than two usable sources, or up to date) or
            failed (the error says why).
        error: one line: why the story failed or was skipped; "" when ok.
        sources: usable articles read; None when the story could not be read.
        passages: passages aligned (every sentence of every source is in one).
        shared_facts: groups, i.e. facts told by two or more sources.
        disputed_facts: groups with at least one conflicting link.
        conflicts: per conflict kind (``conflict_kinds()`` order), the links holding a conflict
            of that kind (a link with two kinds counts in both).
        seconds: the story's own work (read, align, render) on its worker.
    """

    story: str
    status: StoryStatus
    error: str = ""
    sources: int | None = None
    passages: int | None = None
    shared_facts: int | None = None
    disputed_facts: int | None = None
    conflicts: tuple[int, ...] | None = None
    seconds: float = 0.0

    def cells(self) -> list[str]:
        """The row as CSV cells in ``summary_columns()`` order; text from input neutralised."""

        def count(value: int | None) -> str:
            return "" if value is None else str(value)

        kinds = self.conflicts or (None,) * len(conflict_kinds())
        return [
            neutralise(self.story),
            count(self.sources),
            count(self.passages),
            count(self.shared_facts),
            count(self.disputed_facts),
            *(count(k) for k in kinds),
            f"{self.seconds:.3f}",
            self.status,
            neutralise(self.error),
        ]

    def line(self) -> str:
        """The row as one CSV line (CRLF), in the dialect of every export."""
        return csv_table(None, [self.cells()])


@dataclass(frozen=True, slots=True)
class StoryResult:
    """What one story's run gives back to the client that writes it.

    Attributes:
        row: the story's summary row.
        outputs: (file name, text) per file of ``OUTPUT_FILES``; empty unless the row is ok.
        worker: the process that ran it ("host:pid").
        peak_rss_mb: that process's peak resident memory so far, in MB.
        cpu_seconds: CPU time the story took in that process (unlike ``row.seconds``, not
            stretched when other work shares the core).
    """

    row: StoryRow
    outputs: tuple[tuple[str, str], ...] = ()
    worker: str = ""
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0


def display_name(name: str) -> str:
    """A folder name that was not valid UTF-8 (surrogate escapes) made safe to export."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def story_row(story: str, alignment: Alignment) -> StoryRow:
    """The summary row of an aligned story (``seconds`` left at 0 for the caller to set).

    Args:
        story: the story's name.
        alignment: the result of ``align()`` on its sources.

    Returns:
        An ok row with the story's counts.
    """
    kinds = conflict_kinds()
    per_kind = [0] * len(kinds)
    for pair in alignment.pairs:
        for kind in {c.kind for c in pair.conflicts}:
            per_kind[kinds.index(kind)] += 1
    return StoryRow(
        story=story,
        status="ok",
        sources=len(alignment.documents),
        passages=len(alignment.passages),
        shared_facts=len(alignment.groups),
        disputed_facts=sum(g.status == "conflict" for g in alignment.groups),
        conflicts=tuple(per_kind),
    )


@functools.lru_cache(maxsize=2)
def _worker_scorer(semantic: str, model_path: str) -> SemanticScorer | None:
    """The embedding model, loaded once per worker process (about a second each time).

    Keyed by the only fields ``load_scorer`` reads. One thread per process: a batch gets its
    parallelism from running one story per core.
    """
    config = AlignConfig(semantic=semantic, semantic_model_path=model_path)
    return load_scorer(config, threads=1)


def _story_scorer(config: AlignConfig) -> SemanticScorer | None:
    """A scorer for one story: the worker's model, with a memory of its own.

    A scorer remembers every text it embedded; sharing one across thousands of stories would
    grow without bound, so each story gets a fresh memory (the disk cache is still shared).
    """
    base = _worker_scorer(config.semantic, config.semantic_model_path)
    if base is None:
        return None
    return SemanticScorer(base.encode_batch, model_key=base.model_key, cache_dir=base.cache_dir)


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _skip_reason(found: int, warnings: tuple[str, ...]) -> str:
    reason = f"fewer than two usable sources ({found})"
    if warnings:
        more = f" (+{len(warnings) - 1} more)" if len(warnings) > 1 else ""
        reason += f": {warnings[0]}{more}"
    return reason


def run_story(folder: str, config: AlignConfig) -> StoryResult:
    """Read, align and render one story; never raises for the story's own problems.

    Args:
        folder: the story's folder; its articles are what ``load_documents`` reads there
            (``*.txt``, saved web pages with the ``web`` extra, in ``sources.yaml``'s order).
        config: the engine's config (``workers`` is the rapidfuzz threads of this story).

    Returns:
        ok with the three outputs (with the verdicts of the story's ``parallax-verdicts.json``
        when it has one); skipped when fewer than two sources are usable; failed with the
        error's one line when the folder or its verdict file cannot be read, or the engine met a
        bug on this story (its type and message, so one story never stops the others).
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    name = display_name(Path(folder).name)
    worker = f"{socket.gethostname()}:{os.getpid()}"

    def result(row: StoryRow, outputs: tuple[tuple[str, str], ...] = ()) -> StoryResult:
        row = dataclasses.replace(row, seconds=time.perf_counter() - started)
        cpu = time.process_time() - cpu_started
        return StoryResult(row, outputs, worker, peak_rss_mb=_peak_rss_mb(), cpu_seconds=cpu)

    try:
        with os.scandir(folder) as entries:
            empty = all(e.name.startswith(".") for e in entries)
        if empty:
            return result(StoryRow(story=name, status="skipped", error="empty folder", sources=0))
        loaded = load_documents(
            [folder], max_file_bytes=config.max_file_bytes, fetch_timeout=config.fetch_timeout
        )
        if len(loaded.documents) < 2:
            reason = _skip_reason(len(loaded.documents), loaded.warnings)
            row = StoryRow(
                story=name, status="skipped", error=reason, sources=len(loaded.documents)
            )
            return result(row)
        # The fact-checker's verdicts, when the story has them, go into every output as
        # they do for a single export; a file that does not parse fails the story.
        book = read_verdicts(Path(folder) / VERDICTS_NAME)
        alignment = align(loaded.documents, config, scorer=_story_scorer(config))
        judged = match_verdicts(alignment, book)
        title = f"Parallax report: {name}"
        outputs = (
            (OUTPUT_FILES[0], csv_text(alignment, judged)),
            (OUTPUT_FILES[1], json_text(alignment, judged)),
            (OUTPUT_FILES[2], report_markdown(alignment, title=title, verdicts=judged)),
        )
    except ParallaxError as exc:
        return result(StoryRow(story=name, status="failed", error=exc.message))
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else f"{folder}: "
        return result(StoryRow(story=name, status="failed", error=f"{where}{exc.strerror or exc}"))
    except Exception as exc:  # a bug on one story must not stop thousands of others
        line = " ".join(str(exc).split())
        error = f"internal error: {exc.__class__.__name__}: {line}"
        return result(StoryRow(story=name, status="failed", error=error))
    return result(story_row(name, alignment), outputs)


def batch_config(config: AlignConfig) -> AlignConfig:
    """The config each story of a batch runs with: rapidfuzz on one thread (one story a core)."""
    return dataclasses.replace(config, workers=1)
