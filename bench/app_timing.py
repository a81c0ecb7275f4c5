"""The app's speed, measured with Pilot: start to first screen, and ``n`` (next conflict).

Each measurement runs in a child process (``python -m bench.app_timing PATHS...``) so that
"start" means the process start: the parent takes the wall time from spawning the child to the
moment the child saw the first screen, and the child also reports the part from creating the
app.

Ready means: the app's first ``AlignmentReady`` message (the lexical result; a later semantic
refinement does not count) has been handled and the screen has settled (``_settle``: pending
messages handled, layout and repaint done). Key presses are timed after every worker has
finished (``app.workers.wait_for_complete()``), each as a key event posted to the app (as the
terminal driver does) then the screen settling; the same for a key bound to nothing gives the
harness's own cost. When the app never posts ``AlignmentReady`` (the placeholder app, or a
renamed message) the figures are "n/a".
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 40)
READY_TIMEOUT = 120.0
# Without any sign of an alignment worker after this long, the app is taken as a placeholder.
NO_WORKER_GRACE = 5.0
PRESSES = 10
SETTLE_ROUNDS = 3


class _Profiles:
    """Optional pyinstrument profiles of the start and of the key presses (main thread)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.results: dict[str, Any] = {}
        self._profiler: Any = None

    def start(self) -> None:
        if self.enabled:
            from pyinstrument import Profiler

            self._profiler = Profiler(interval=0.001, async_mode="disabled")
            self._profiler.start()

    def stop(self, name: str) -> None:
        if self._profiler is not None:
            from bench.profiling import summarise

            session = self._profiler.stop()
            self.results[name] = summarise(session.root_frame(), stage_of=())
            self._profiler = None


async def _measure(paths: list[str], presses: int, profile: bool = False) -> dict[str, Any]:
    # As ``python -m tui`` does (tui/__main__.py): on a cold claims cache the parser's child
    # starts before anything heavy is imported.
    with contextlib.suppress(ImportError):  # an older tree has none
        from tui.early import start_parser_early

        start_parser_early(paths)
    profiles = _Profiles(profile)
    profiles.start()
    created = time.perf_counter()
    from alignment import AlignConfig

    # As ``python -m tui`` does (tui/cli.py): the parser gets the story's files before
    # Textual is imported, and the app does not start it a second time.
    head_start: Any = None
    with contextlib.suppress(ImportError):  # an older tree has none
        from tui.head_start import head_start
    if head_start is not None:
        head_start(paths, AlignConfig())
    from tui.app import ParallaxApp

    seen: list[str] = []
    ready_at: list[float] = []

    def hook(message: object) -> None:
        name = type(message).__name__
        if name == "StateChanged":
            state = getattr(getattr(message, "state", None), "name", "")
            seen.append(f"worker:{state}")
        elif name in ("AlignmentReady", "AlignmentFailed"):
            if not getattr(message, "refined", False) and not ready_at:
                ready_at.append(time.perf_counter())
            seen.append(name)

    try:
        if head_start is not None:
            app = ParallaxApp(paths=paths, config=AlignConfig(), head_start=False)
        else:
            app = ParallaxApp(paths=paths, config=AlignConfig())
    except TypeError as exc:  # the constructor changed
        return {"error": f"ParallaxApp(...) failed: {exc}"}
    result: dict[str, Any] = {"imports_s": time.perf_counter() - created}
    start = time.perf_counter()
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        # Not workers.wait_for_complete() nor pause(): both would also wait for a refinement
        # pass started after the first result, which the user does not wait for.
        while not ready_at:
            await asyncio.sleep(0.005)
            await pilot.pause(0)
            waited = time.perf_counter() - start
            if ready_at or waited > READY_TIMEOUT:
                break
            if waited > NO_WORKER_GRACE and not any(s.startswith("worker:") for s in seen):
                break
        if not ready_at:
            result["error"] = "the app posted no AlignmentReady (placeholder app?)"
            result["messages"] = sorted(set(seen))
            return result
        if "AlignmentFailed" in seen:
            result["error"] = "the app reported AlignmentFailed"
            return result
        # the handler of AlignmentReady fills the panes: let it and the refresh finish
        await _settle(pilot)
        ready = time.perf_counter()
        profiles.stop("start")
        result["ready_epoch"] = time.time()
        result["first_screen_in_app_s"] = ready - start
        result["alignment_ready_s"] = ready_at[0] - start
        # key presses are measured on a quiet app: after any refinement pass has finished
        await app.workers.wait_for_complete()
        await pilot.pause()
        result["all_workers_done_s"] = time.perf_counter() - start
        profiles.start()
        result["next_conflict"] = await _next_conflict(pilot, presses)
        profiles.stop("presses")
    if profile:
        result["profiles"] = profiles.results
    return result


async def _settle(pilot: Any, rounds: int = SETTLE_ROUNDS) -> None:
    """Let the screen handle what is queued and repaint, without ``pause()``'s idle wait.

    ``pilot.pause()`` waits for the process to look idle (at least 20 ms, up to 1 s while a
    worker thread is busy): that measures the harness, not the app. ``pause(0)`` waits for the
    screen's pending messages, then lays out and repaints at once. A few rounds let messages
    posted by handlers (watchers, child updates) be handled too.
    """
    for _ in range(rounds):
        await pilot.pause(0)


async def _send_key(pilot: Any, key: str, character: str | None) -> None:
    """Deliver one key as the terminal driver would, then let the screen settle.

    Not ``pilot.press``: it waits for the process to look idle twice per key (at least 40 ms
    however fast the app is), which would hide the app's own time.
    """
    from textual import events

    event = events.Key(key, character)
    event.set_sender(pilot.app)
    pilot.app.post_message(event)
    await _settle(pilot)


async def _timed_keys(pilot: Any, key: str, character: str | None, count: int) -> list[float]:
    times: list[float] = []
    for _ in range(count):
        t0 = time.perf_counter()
        await _send_key(pilot, key, character)
        times.append(time.perf_counter() - t0)
    return times


async def _next_conflict(pilot: Any, presses: int) -> dict[str, Any]:
    app = pilot.app
    bound = "n" in getattr(app, "active_bindings", {})
    if not bound:
        return {"error": "no binding for n on the first screen"}
    # outside the timer: does one press change what is shown?
    before = app.export_screenshot()
    await _send_key(pilot, "n", "n")
    changed = app.export_screenshot() != before
    times = await _timed_keys(pilot, "n", "n", presses)
    # the cost of the harness itself: a key nothing is bound to
    idle = await _timed_keys(pilot, "f24", None, presses)
    # the same through pilot.press, for comparison with other Pilot measurements
    t0 = time.perf_counter()
    await pilot.press("n")
    await _settle(pilot)
    via_pilot = time.perf_counter() - t0
    return {
        "presses": presses,
        "median_s": statistics.median(times),
        "max_s": max(times),
        "harness_median_s": statistics.median(idle),
        "pilot_press_s": via_pilot,
        "screen_changed": changed,
    }


def measure_app(
    paths: list[str] | None = None,
    *,
    presses: int = PRESSES,
    timeout: float = 300.0,
    profile: bool = False,
) -> dict[str, Any]:
    """Start the app in a child process on ``paths`` (the seeds when empty) and time it.

    With ``profile``, the child also profiles its start and the key presses (which slows
    both: the figures of a profiled run are not the benchmark's).
    """
    cmd = [sys.executable, "-m", "bench.app_timing", "--presses", str(presses)]
    cmd += ["--profile"] if profile else []
    cmd += paths or []
    # Caches cold: an empty cache folder, so the claims are parsed and the passages embedded
    # as on a first run (issue 16 times the first screen that way).
    with tempfile.TemporaryDirectory(prefix="parallax-app-cache-") as cache:
        env = {**os.environ, "PARALLAX_CACHE_DIR": cache}
        spawned = time.time()
        try:
            done = subprocess.run(
                cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            return {"error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        return {"error": tail}
    try:
        result = dict(json.loads(done.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError):
        return {"error": "no figures in the child's output"}
    if "ready_epoch" in result:
        result["first_screen_s"] = result.pop("ready_epoch") - spawned
    return result


def measure_app_synthetic(
    n: int, *, seed: int = 0, presses: int = PRESSES, profile: bool = False
) -> dict[str, Any]:
    """The app on a synthetic story of ``n`` articles, written to a temporary folder."""
    from bench.synthetic import write_story

    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
        write_story(tmp, n, seed=seed)
        result = measure_app([tmp], presses=presses, profile=profile)
    result["articles"] = n
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.app_timing")
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--presses", type=int, default=PRESSES)
    parser.add_argument("--profile", action="store_true", help="profile the start and presses")
    args = parser.parse_args(argv)
    try:
        result = asyncio.run(_measure(list(args.paths), args.presses, args.profile))
    except ImportError as exc:
        result = {"error": f"the app cannot be imported: {exc}"}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
