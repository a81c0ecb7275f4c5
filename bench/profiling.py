"""Where the time goes: pyinstrument profiles summarised as function names and shares.

Used by ``python -m bench`` when a target is missed. Each profile runs in a child process
(``python -m bench.profiling KIND ...``) so that imports count when they matter (cold start)
and one slow profile cannot disturb the parent's measurements.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOP = 8
# Where an event loop sleeps: shown as idle, not as work.
_IDLE = {"poll": "[idle: event loop waiting]", "select": "[idle: event loop waiting]"}


def _label(frame: Any) -> str:
    path = str(getattr(frame, "file_path", "") or "")
    if path.startswith("<"):  # <built-in>, <frozen importlib._bootstrap>, <string>
        where = path.strip("<>").split()[-1]
    else:  # the folder too: "alignment/engine", "textual/strip"
        where = "/".join(Path(path).with_suffix("").parts[-2:])
    name = f"{where}.{frame.function}" if path else str(frame.function)
    if str(frame.function).startswith("<") and getattr(frame, "line_no", None):
        name += f":{frame.line_no}"  # which comprehension
    return name


def summarise(
    root: Any,
    *,
    top: int = TOP,
    stage_of: tuple[str, ...] = ("align",),
    ours: tuple[str, ...] = ("/alignment/", "/tui/"),
) -> dict[str, Any]:
    """Self time per function, the callees of ``stage_of``, and our code's inclusive time.

    Args:
        root: the root frame of a pyinstrument session.
        top: how many entries to keep in each list.
        stage_of: functions whose direct callees are the stages to report.
        ours: path fragments of the project's code; its functions are also ranked by inclusive
            time (outermost call only, so recursion is not counted twice).

    Returns:
        ``{"total_s", "self": [[name, seconds, share], ...], "stages": [...], "ours": [...]}``.
    """
    total = float(root.time) if root is not None else 0.0
    own: dict[str, float] = defaultdict(float)
    stages: dict[str, float] = defaultdict(float)
    inclusive: dict[str, float] = defaultdict(float)
    stack: list[tuple[Any, str, frozenset[str]]] = (
        [(root, "", frozenset())] if root is not None else []
    )
    while stack:
        frame, parent, above = stack.pop()
        if frame.is_synthetic:
            # pyinstrument puts a function's own time in a synthetic "[self]" child
            own[parent or str(frame.function)] += float(frame.time)
            continue
        label = _IDLE.get(str(frame.function).rsplit(".", 1)[-1], "") or _label(frame)
        child_time = sum(float(c.time) for c in frame.children)
        own[label] += max(0.0, float(frame.time) - child_time)
        path = str(getattr(frame, "file_path", "") or "")
        if any(part in path for part in ours) and label not in above:
            inclusive[label] += float(frame.time)
        if frame.function in stage_of:
            for child in frame.children:
                name = label if child.is_synthetic else _label(child)
                stages[name] += float(child.time)
        below = above | {label}
        stack.extend((c, label, below) for c in frame.children)

    def ranked(values: dict[str, float]) -> list[list[Any]]:
        items = sorted(values.items(), key=lambda kv: -kv[1])[:top]
        return [[k, round(v, 4), round(v / total, 3) if total else 0.0] for k, v in items]

    return {
        "total_s": round(total, 4),
        "self": ranked(own),
        "stages": ranked(stages),
        "ours": ranked(inclusive),
    }


def profile_call(
    fn: Callable[[], object], *, repeat: int = 1, interval: float = 0.0005
) -> dict[str, Any]:
    """Profile ``fn`` called ``repeat`` times in this process.

    Long runs want a coarser ``interval``: pyinstrument keeps every sample, and at 0.5 ms a
    minute-long run costs it gigabytes and slows it several times over.
    """
    from pyinstrument import Profiler

    profiler = Profiler(interval=interval)
    profiler.start()
    for _ in range(repeat):
        fn()
    session = profiler.stop()
    return summarise(session.root_frame())


def _child_seeds() -> dict[str, Any]:
    from alignment import AlignConfig, align, load_documents

    config = AlignConfig()
    align(load_documents(None).documents, config)  # warm: imports and caches
    return profile_call(lambda: align(load_documents(None).documents, config), repeat=20)


def _child_cold() -> dict[str, Any]:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    from tui.__main__ import main

    main(["--export", "/dev/null"])
    session = profiler.stop()
    return summarise(session.root_frame(), stage_of=("_child_cold", "_export"))


def _child_synthetic(n: int, seed: int) -> dict[str, Any]:
    from alignment import AlignConfig, align
    from bench.synthetic import make_story

    docs = make_story(n, seed=seed)
    config = AlignConfig()
    return profile_call(lambda: align(docs, config), interval=0.01)


def profile_in_child(kind: str, *args: str, timeout: float = 900.0) -> dict[str, Any]:
    """Run a profile in a child process; ``{"error": ...}`` when it fails or times out."""
    cmd = [sys.executable, "-m", "bench.profiling", kind, *args]
    try:
        done = subprocess.run(
            cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    try:
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError):
        return {"error": "no profile in the child's output"}


def format_profile(title: str, summary: dict[str, Any]) -> str:
    """A few readable lines: the stages of align() and the functions with most self time."""
    if "error" in summary:
        return f"{title}: profile failed ({summary['error']})"
    lines = [f"{title} (profiled {summary['total_s']:.2f} s)"]
    if summary.get("stages"):
        lines.append("  stages:    " + _pairs(summary["stages"]))
    if summary.get("ours"):
        lines.append("  our code:  " + _pairs(summary["ours"]))
    lines.append("  self time: " + _pairs(summary["self"]))
    return "\n".join(lines)


def _pairs(items: list[list[Any]]) -> str:
    return ", ".join(f"{name} {share:.0%}" for name, _, share in items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profiling")
    parser.add_argument("kind", choices=("seeds", "cold", "synthetic"))
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.kind == "seeds":
        result = _child_seeds()
    elif args.kind == "cold":
        result = _child_cold()
    else:
        result = _child_synthetic(args.n, args.seed)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
