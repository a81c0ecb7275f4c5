"""``python -m tui --batch ROOT --out OUTDIR``: every sub-folder of ROOT is a story.

Each story is one task, run by ``alignment.batch.run_story`` in a worker process: a local
process pool by default (``--workers N``, the cores by default), or a Dask distributed cluster
with ``--scheduler ADDRESS`` (the ``cluster`` extra). This process, the client, writes each
story's ``pairs.csv``, ``model.json`` and ``report.md`` into ``OUTDIR/STORY/`` as results come
(atomic writes, Ctrl+C held off while one story's files are written), then ``summary.csv``.

A story whose outputs are all newer than its folder, every file in it and the config file is
skipped (``--force`` redoes it). A story that fails never stops the others; the exit code is 1
when any failed. Ctrl+C stops the workers and still writes the summary of what was done.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import contextlib
import csv
import dataclasses
import importlib
import io
import logging
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TextIO

from alignment import AlignConfig, ExportError, ParallaxError
from alignment.batch import (
    OUTPUT_FILES,
    SUMMARY_FILE,
    StoryResult,
    StoryRow,
    batch_config,
    display_name,
    run_story,
    summary_columns,
)
from alignment.config import DEFAULT_CONFIG_NAME
from alignment.errors import os_reason
from alignment.export import csv_table, write_atomic
from alignment.safe import one_line

CLUSTER_HINT = "pip install 'parallax-reader[cluster]'"
# Stories in flight per worker: enough to keep every worker busy while the client writes, few
# enough that a million stories are never all queued at once (the scheduler holds each one).
IN_FLIGHT_PER_WORKER = 4
# How long to wait for a Dask scheduler to answer before giving up.
CONNECT_TIMEOUT_S = 10
UP_TO_DATE = "up to date (outputs newer than inputs and config; --force redoes it)"
EXIT_FAILED = 1
EXIT_INTERRUPTED = 130


# -- command line ---------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The batch options of ``python -m tui``."""
    parser.add_argument(
        "--batch",
        metavar="ROOT",
        help="align every sub-folder of ROOT as one story, without the UI (needs --out)",
    )
    parser.add_argument(
        "--out",
        metavar="OUTDIR",
        help="with --batch: OUTDIR/STORY/ gets pairs.csv, model.json and report.md, "
        "OUTDIR/summary.csv a row per story",
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="with --batch: stories run in N local processes (default: the cores)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --batch: run the stories on the Dask cluster at ADDRESS "
        "(tcp://host:8786; the cluster extra)",
    )


def wanted(args: argparse.Namespace) -> bool:
    """True when the command line asks for a batch (or gives one of its options)."""
    return any(getattr(args, k) is not None for k in ("batch", "out", "workers", "scheduler"))


def cli(args: argparse.Namespace, config: AlignConfig) -> int:
    """Check the batch options, run the batch with a progress display on stderr.

    Returns:
        0 when every story is ok or skipped, 1 when any failed, 130 when interrupted.

    Raises:
        ParallaxError: the options do not go together, ROOT or OUTDIR cannot be used, or the
            cluster cannot be reached (exit 2, before any story ran).
    """
    if args.batch is None:
        raise ParallaxError("--out, --workers and --scheduler go with --batch ROOT")
    if args.out is None:
        raise ParallaxError("--batch needs --out OUTDIR, the folder its outputs go to")
    if args.paths:
        raise ParallaxError("--batch reads the stories under ROOT: give no other PATHS")
    if any(t is not None for t in (args.export, args.report, args.export_json, args.save)):
        raise ParallaxError("--batch writes its own outputs: no --export, --report, --save")
    if args.workers is not None and args.scheduler is not None:
        raise ParallaxError("--workers is for local runs; a Dask cluster has its own workers")
    if args.workers is not None and args.workers < 1:
        raise ParallaxError(f"--workers must be at least 1, got {args.workers}")
    config_file = Path(args.config) if args.config else Path.cwd() / DEFAULT_CONFIG_NAME
    progress: Progress = Bar() if sys.stderr.isatty() else Lines(sys.stderr)
    outcome = run_batch(
        Path(args.batch),
        Path(args.out),
        config,
        config_file=config_file if config_file.is_file() else None,
        workers=args.workers,
        scheduler=args.scheduler,
        force=args.force,
        progress=progress,
    )
    counts = ", ".join(f"{outcome.counts.get(s, 0)} {s}" for s in ("ok", "skipped", "failed"))
    where = one_line(str(outcome.summary))
    if outcome.interrupted:
        sys.stderr.write(
            f"parallax: interrupted after {outcome.done} of {outcome.total} stories ({counts}); "
            f"their summary is in {where}\n"
        )
        return EXIT_INTERRUPTED
    sys.stderr.write(
        f"parallax: {outcome.total} stories: {counts} in {outcome.wall_seconds:.1f} s; "
        f"summary in {where}\n"
    )
    return EXIT_FAILED if outcome.counts.get("failed") else 0


# -- progress -------------------------------------------------------------------------------


class Progress(Protocol):
    """What the batch tells while it runs."""

    def start(self, total: int) -> None: ...

    def story(self, row: StoryRow, done: int, failed: int) -> None: ...

    def stop(self) -> None: ...


class Quiet:
    """No progress at all (benchmarks, library use)."""

    def start(self, total: int) -> None:
        pass

    def story(self, row: StoryRow, done: int, failed: int) -> None:
        pass

    def stop(self) -> None:
        pass


class Lines:
    """One line per story, for a log file or a pipe: ``parallax: [3/200] story: ok (1.2 s)``."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.total = 0

    def start(self, total: int) -> None:
        self.total = total

    def story(self, row: StoryRow, done: int, failed: int) -> None:
        what = row.status if not row.error else f"{row.status}: {row.error}"
        self.stream.write(
            f"parallax: [{done}/{self.total}] {one_line(row.story)}: {one_line(what)} "
            f"({row.seconds:.2f} s)\n"
        )
        self.stream.flush()

    def stop(self) -> None:
        pass


class Bar:
    """A rich progress bar on the terminal: stories done, failed, elapsed time and ETA."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        self._bar = RichProgress(
            TextColumn("parallax batch", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed", markup=False),
            TimeElapsedColumn(),
            TextColumn("ETA", markup=False),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._task: Any = None

    def start(self, total: int) -> None:
        self._task = self._bar.add_task("stories", total=total, failed=0)
        self._bar.start()

    def story(self, row: StoryRow, done: int, failed: int) -> None:
        self._bar.update(self._task, completed=done, failed=failed)

    def stop(self) -> None:
        self._bar.stop()


# -- workers --------------------------------------------------------------------------------


def ignore_interrupts() -> None:
    """Worker processes leave Ctrl+C to the client, which stops them itself (no traceback
    from a worker caught waiting for work)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _lost(name: str, why: str) -> StoryResult:
    return StoryResult(row=StoryRow(story=display_name(name), status="failed", error=why))


class Backend(Protocol):
    """Where stories run: ``submit`` some, ``wait`` for at least one, ``close``."""

    workers: int

    def submit(self, name: str, folder: str, config: AlignConfig) -> None: ...

    def in_flight(self) -> int: ...

    def wait(self) -> list[tuple[str, StoryResult]]: ...

    def close(self, *, cancel: bool) -> None: ...


class LocalPool:
    """A pool of local processes (spawned: each starts clean, whatever the client holds)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = self._new_pool()
        self._pending: dict[cf.Future[StoryResult], str] = {}

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=ignore_interrupts,
        )

    def submit(self, name: str, folder: str, config: AlignConfig) -> None:
        self._pending[self._pool.submit(run_story, folder, config)] = name

    def in_flight(self) -> int:
        return len(self._pending)

    def wait(self) -> list[tuple[str, StoryResult]]:
        done, _ = cf.wait(self._pending, return_when=cf.FIRST_COMPLETED)
        results: list[tuple[str, StoryResult]] = []
        broken = False
        for future in sorted(done, key=lambda f: self._pending[f]):
            name = self._pending.pop(future)
            try:
                results.append((name, future.result()))
            except BrokenProcessPool:
                broken = True
                why = "a worker process died while this story ran (out of memory?); rerun to retry"
                results.append((name, _lost(name, why)))
        if broken:
            # Every story still in the dead pool fails the same way; later ones get a new pool.
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
        return results

    def close(self, *, cancel: bool) -> None:
        if cancel:
            # Results come back whole or not at all, so stopping a worker loses no file.
            processes = getattr(self._pool, "_processes", None) or {}
            for process in list(processes.values()):
                with contextlib.suppress(OSError):
                    process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=cancel)


class DaskCluster:
    """A Dask distributed cluster: each story one task, results sent back to this client."""

    def __init__(self, address: str) -> None:
        try:
            # Loaded by name: an optional extra, and untyped (held as Any).
            distributed: Any = importlib.import_module("distributed")
        except ImportError:
            raise ParallaxError(f"--scheduler needs the cluster extra: {CLUSTER_HINT}") from None
        # The client's own log lines (reconnecting, closing) are not the user's business.
        logging.getLogger("distributed").setLevel(logging.ERROR)
        try:
            self._client: Any = distributed.Client(
                address, timeout=CONNECT_TIMEOUT_S, set_as_default=False
            )
        except (OSError, TimeoutError, ValueError) as exc:
            reason = " ".join(str(exc).split()) or exc.__class__.__name__
            raise ParallaxError(f"cannot reach the Dask scheduler at {address}: {reason}") from None
        self.workers = max(1, sum(self._client.nthreads().values()))
        self._done: Any = distributed.as_completed(loop=self._client.loop)
        self._pending: dict[Any, str] = {}

    def submit(self, name: str, folder: str, config: AlignConfig) -> None:
        future = self._client.submit(run_story, folder, config, pure=False)
        self._pending[future] = name
        self._done.add(future)

    def in_flight(self) -> int:
        return len(self._pending)

    def wait(self) -> list[tuple[str, StoryResult]]:
        results: list[tuple[str, StoryResult]] = []
        for future in self._done.next_batch(block=True):
            name = self._pending.pop(future)
            try:
                results.append((name, future.result()))
            except Exception as exc:  # a lost worker, a task the cluster gave up on
                reason = " ".join(str(exc).split())
                results.append((name, _lost(name, f"Dask: {exc.__class__.__name__}: {reason}")))
            future.release()
        return results

    def close(self, *, cancel: bool) -> None:
        if cancel and self._pending:
            with contextlib.suppress(Exception):
                self._client.cancel(list(self._pending))
        self._client.close()


def default_workers() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


# -- the batch ------------------------------------------------------------------------------


@dataclass(slots=True)
class BatchOutcome:
    """What a batch did.

    Attributes:
        total: stories under ROOT.
        done: stories with a row in the summary (all of them unless interrupted).
        counts: rows per status.
        interrupted: Ctrl+C stopped it.
        summary: the summary file written.
        wall_seconds: from the first story submitted to the summary written.
        write_seconds: time the client spent writing stories' outputs.
        bytes_written: size of the stories' outputs.
        cpu_seconds: CPU time of the stories' work on their workers, summed.
        peak_rss_mb: per worker process ("host:pid"), the largest peak memory it reported.
    """

    total: int
    summary: Path
    done: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    interrupted: bool = False
    wall_seconds: float = 0.0
    write_seconds: float = 0.0
    bytes_written: int = 0
    cpu_seconds: float = 0.0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)


def discover(root: Path, out: Path) -> list[str]:
    """The story folders of ROOT (not hidden), by name.

    Raises:
        ParallaxError: ROOT is not a folder or cannot be listed; OUTDIR is ROOT or inside it.
    """
    if not root.is_dir():
        raise ParallaxError(f"{one_line(str(root))}: not a folder of story folders")
    real_root, real_out = root.resolve(), out.resolve()
    if real_out == real_root or real_root in real_out.parents:
        raise ParallaxError("--out must be outside ROOT: every folder under ROOT is a story")
    try:
        with os.scandir(root) as entries:
            names = [e.name for e in entries if not e.name.startswith(".") and e.is_dir()]
    except OSError as exc:
        raise ParallaxError(
            f"{one_line(str(root))}: cannot list folder ({os_reason(exc)})"
        ) from None
    if not names:
        raise ParallaxError(f"{one_line(str(root))}: no story folders in it")
    return sorted(names)


def _prepare_out(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ExportError(f"{one_line(str(out))}: not a folder") from None
    except OSError as exc:
        raise ExportError(
            f"{one_line(str(out))}: cannot create folder ({os_reason(exc)})"
        ) from None


def _previous_rows(summary: Path) -> dict[str, dict[str, str]]:
    """The rows of an earlier summary by story, so that up-to-date stories keep their counts."""
    try:
        text = summary.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    try:
        return {row["story"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}
    except (csv.Error, KeyError):
        return {}


def _newest_input(folder: Path, config_file: Path | None) -> int | None:
    """The latest mtime of the story's folder, its entries and the config; None if unknown."""
    try:
        stamps = [folder.stat().st_mtime_ns]
        with os.scandir(folder) as entries:
            stamps.extend(e.stat().st_mtime_ns for e in entries)
        if config_file is not None:
            stamps.append(config_file.stat().st_mtime_ns)
    except OSError:
        return None
    return max(stamps)


def _oldest_output(target: Path) -> int | None:
    try:
        return min((target / name).stat().st_mtime_ns for name in OUTPUT_FILES)
    except OSError:
        return None


def is_fresh(folder: Path, target: Path, config_file: Path | None) -> bool:
    """True when every output of the story is newer than all of its inputs and the config."""
    newest, oldest = _newest_input(folder, config_file), _oldest_output(target)
    return newest is not None and oldest is not None and oldest > newest


def _fresh_line(name: str, previous: dict[str, dict[str, str]]) -> tuple[StoryRow, str]:
    """The summary row of an up-to-date story: its earlier counts, status skipped."""
    row = StoryRow(story=display_name(name), status="skipped", error=UP_TO_DATE)
    earlier = previous.get(row.cells()[0])
    if earlier is None or earlier.get("status") != "ok":
        return row, row.line()
    cells = dict(zip(summary_columns(), row.cells(), strict=True))
    for column in summary_columns():
        if column not in ("story", "status", "error"):
            cells[column] = earlier.get(column) or ""
    return row, csv_table(None, [list(cells.values())])


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl+C while one story's files are written: it lands once they all are."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _write_story(out: Path, name: str, result: StoryResult) -> tuple[StoryRow, int]:
    """Write an ok story's outputs; the row turns failed when they cannot be written."""
    row = result.row
    if row.status != "ok":
        return row, 0
    target = out / name
    size = 0
    try:
        target.mkdir(exist_ok=True)
        for file, text in result.outputs:
            write_atomic(target / file, text, force=True)
            size += len(text.encode("utf-8", errors="replace"))
    except FileExistsError:
        error = f"{target}: cannot write, not a folder"
        return dataclasses.replace(row, status="failed", error=error), size
    except OSError as exc:
        error = f"{target}: cannot write ({os_reason(exc)})"
        return dataclasses.replace(row, status="failed", error=error), size
    except ExportError as exc:
        return dataclasses.replace(row, status="failed", error=exc.message), size
    return row, size


def _open_backend(workers: int | None, scheduler: str | None, stories: int) -> Backend:
    if scheduler is not None:
        return DaskCluster(scheduler)
    return LocalPool(max(1, min(workers or default_workers(), stories)))


def run_batch(
    root: Path,
    out: Path,
    config: AlignConfig,
    *,
    config_file: Path | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> BatchOutcome:
    """Align every story folder under ``root``; write outputs under ``out`` as they come.

    Args:
        root: the folder of story folders (hidden ones left out).
        out: where ``STORY/pairs.csv``, ``STORY/model.json``, ``STORY/report.md`` and
            ``summary.csv`` go (created if needed; outside ``root``).
        config: the engine's config (rapidfuzz runs on one thread per story).
        config_file: the config's file, whose mtime counts as an input of every story.
        workers: local worker processes (default: the cores); ignored with ``scheduler``.
        scheduler: a Dask scheduler's address; the stories run on its cluster.
        force: redo stories whose outputs are up to date.
        progress: told about each story (default: nothing).

    Returns:
        What was done; the summary is written even when Ctrl+C stopped the batch.

    Raises:
        ParallaxError: ``root`` or ``out`` cannot be used, or the cluster cannot be reached.
    """
    stories = discover(root, out)
    backend = _open_backend(workers, scheduler, len(stories))
    try:
        _prepare_out(out)
    except ParallaxError:
        backend.close(cancel=True)
        raise
    summary = out / SUMMARY_FILE
    outcome = BatchOutcome(total=len(stories), summary=summary)
    previous = {} if force else _previous_rows(summary)
    story_config = batch_config(config)
    show = progress or Quiet()
    lines: dict[str, str] = {}
    started = time.perf_counter()

    def record(name: str, row: StoryRow, line: str | None = None) -> None:
        lines[name] = line if line is not None else row.line()
        outcome.counts[row.status] = outcome.counts.get(row.status, 0) + 1
        outcome.done += 1
        show.story(row, outcome.done, outcome.counts.get("failed", 0))

    capacity = backend.workers * IN_FLIGHT_PER_WORKER
    todo = iter(stories)
    show.start(len(stories))
    try:
        try:
            while True:
                while backend.in_flight() < capacity and (name := next(todo, None)) is not None:
                    folder, target = root / name, out / name
                    if name == SUMMARY_FILE:
                        why = f"a story folder cannot be named {SUMMARY_FILE} (the summary's name)"
                        record(name, StoryRow(story=display_name(name), status="failed", error=why))
                    elif not force and is_fresh(folder, target, config_file):
                        record(name, *_fresh_line(name, previous))
                    else:
                        backend.submit(name, str(folder.absolute()), story_config)
                if backend.in_flight() == 0:
                    break
                for name, result in backend.wait():
                    outcome.cpu_seconds += result.cpu_seconds
                    if result.worker:
                        peak = outcome.peak_rss_mb.get(result.worker, 0.0)
                        outcome.peak_rss_mb[result.worker] = max(peak, result.peak_rss_mb)
                    with _interrupts_held():
                        began = time.perf_counter()
                        row, size = _write_story(out, name, result)
                        outcome.write_seconds += time.perf_counter() - began
                        outcome.bytes_written += size
                        record(name, row)
        except KeyboardInterrupt:
            outcome.interrupted = True
        finally:
            backend.close(cancel=outcome.interrupted)
    finally:
        show.stop()
    header = csv_table(summary_columns(), [])
    write_atomic(summary, header + "".join(lines[n] for n in sorted(lines)), force=True)
    outcome.wall_seconds = time.perf_counter() - started
    return outcome
