"""Speed, memory and scale: the seeds warm and cold, synthetic stories, and the cdist floor.

Each synthetic size runs in its own child process (``python -m bench.speed --child N``), so
its peak RSS is its own and one size cannot warm the caches of the next.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from alignment import AlignConfig, Document, align, load_documents

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# The floor is computed exactly up to this many sentence pairs, then from a sample of row
# blocks: cdist's cost is linear in the number of query rows, so the total scales exactly.
FLOOR_EXACT_PAIRS = 40_000_000
FLOOR_BLOCK_BYTES = 64_000_000  # one uint8 score block at most this big


def machine() -> dict[str, Any]:
    """The machine the figures come from."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 0
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "cpu_model": model or platform.processor() or "unknown",
        "memory_gb": mem_gb,
        "load_avg": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else [],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _current_rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def seeds_warm(runs: int = 20, config: AlignConfig | None = None) -> dict[str, Any]:
    """The whole pipeline in process (read, clean, split, align, conflicts) on the seeds.

    One run first warms imports and caches; then the median of ``runs`` runs.
    """
    config = config or AlignConfig()
    loaded = load_documents(None)
    alignment = align(loaded.documents, config)
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        alignment = align(load_documents(None).documents, config)
        times.append(time.perf_counter() - start)
    return {
        "runs": runs,
        "median_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "documents": len(loaded.documents),
        "sentences": sum(len(s) for s in alignment.sentences),
        "pairs": len(alignment.pairs),
        "groups": len(alignment.groups),
    }


def semantic_installed() -> bool:
    """Whether the optional semantic extra is importable (the CLI then uses it by default)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "tokenizers"))


def seeds_cold(runs: int = 5, extra: Sequence[str] = ()) -> dict[str, Any]:
    """``python -m tui --export /dev/null [extra]`` as a whole process, median wall time.

    Each run starts with an empty cache folder (``PARALLAX_CACHE_DIR``: no claims, no
    embeddings), as a first run on a new machine; the same command again over that folder
    is the second ("warm") run. CPU is user + system time of the process and its children
    (the parser's process), less noisy than wall time on a shared machine; the load average
    is taken before each run.
    """
    import tempfile

    cmd = [PYTHON, "-m", "tui", "--export", os.devnull, *extra]
    cold: list[tuple[float, float]] = []
    warm: list[tuple[float, float]] = []
    loads: list[float] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="parallax-cold-") as cache:
            env = {**os.environ, "PARALLAX_CACHE_DIR": cache}
            for into in (cold, warm):
                loads.append(os.getloadavg()[0])
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                done = subprocess.run(
                    cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False
                )
                wall = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                if done.returncode != 0:
                    return {"error": done.stderr.strip()[-300:] or f"exit {done.returncode}"}
                into.append((wall, cpu))
    return {
        "runs": runs,
        "median_s": statistics.median(w for w, _ in cold),
        "min_s": min(w for w, _ in cold),
        "cpu_median_s": statistics.median(c for _, c in cold),
        "second_run_median_s": statistics.median(w for w, _ in warm),
        "second_run_cpu_median_s": statistics.median(c for _, c in warm),
        "load_min": min(loads),
        "load_max": max(loads),
    }


def alignable_keys(documents: Sequence[Document], config: AlignConfig) -> list[str]:
    """The normalised keys the engine scores: one per alignable sentence.

    Same selection as ``align()``: not boilerplate, at least ``min_words`` content words.
    """
    from alignment.normalize import content_tokens, text_key
    from alignment.sentences import split_sentences

    keys: list[str] = []
    for i, doc in enumerate(documents):
        for s in split_sentences(
            doc.text,
            i,
            extra_phrases=config.boilerplate_phrases,
            max_chars=config.max_passage_chars,
        ):
            if s.boilerplate:
                continue
            tokens = content_tokens(doc.text[s.start : s.end])
            if len(tokens) >= config.min_words:
                keys.append(text_key(tokens))
    return keys


def cdist_floor(
    keys: Sequence[str],
    *,
    cutoff: int = 50,
    exact_pairs: int = FLOOR_EXACT_PAIRS,
) -> dict[str, Any]:
    """rapidfuzz's ``process.cdist`` all against all with the engine's scorer, timed.

    Row blocks keep memory bounded (uint8 scores, ``score_cutoff``). Past ``exact_pairs``
    sentence pairs only evenly spread blocks are run and the total is scaled by rows.

    Returns:
        ``{"seconds", "rows", "pairs", "sampled_rows", "extrapolated"}``.
    """
    from rapidfuzz import fuzz, process

    n = len(keys)
    if n == 0:
        return {"seconds": 0.0, "rows": 0, "pairs": 0, "sampled_rows": 0, "extrapolated": False}
    block = max(1, min(n, FLOOR_BLOCK_BYTES // max(n, 1)))
    starts = list(range(0, n, block))
    if n * n > exact_pairs:
        want = max(1, math.ceil(exact_pairs / n / block))
        step = len(starts) / want
        starts = [starts[int(k * step)] for k in range(want)]
    choices = list(keys)
    rows = 0
    elapsed = 0.0
    for lo in starts:
        queries = choices[lo : lo + block]
        t0 = time.perf_counter()
        process.cdist(
            queries,
            choices,
            scorer=fuzz.token_set_ratio,
            score_cutoff=cutoff,
            dtype=np.uint8,
            workers=-1,
        )
        elapsed += time.perf_counter() - t0
        rows += len(queries)
    total = elapsed * n / rows
    return {
        "seconds": total,
        "rows": n,
        "pairs": n * n,
        "sampled_rows": rows,
        "extrapolated": rows < n,
    }


def scale_child(n: int, seed: int, *, in_process: bool = False) -> dict[str, Any]:
    """One synthetic size, measured inside the child process.

    The claims are read as the command line and the reader read them: by the parser's own
    processes (``ClaimReader(child=True)``, no disk cache: a cold run); with ``in_process``,
    by ``align()``'s default reader in this process, as a library caller gets it. CPU is
    this process's user + system time and, apart, the parser processes' (reaped at the end).
    """
    from alignment.claims import ClaimReader
    from bench.synthetic import make_story

    config = AlignConfig()
    documents = make_story(n, seed=seed)
    reader = None if in_process else ClaimReader(child=True)
    before = _current_rss_mb()
    cpu = time.process_time()
    start = time.perf_counter()
    alignment = align(documents, config, claims=reader)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    if reader is not None:
        reader.cancel()  # reaps the parser processes: their CPU and peak RSS are counted
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    sentences = sum(len(s) for s in alignment.sentences)
    return {
        "articles": n,
        "parser": "in process" if in_process else "child processes",
        "seconds": elapsed,
        "cpu_s": cpu,
        "parser_cpu_s": children.ru_utime + children.ru_stime,
        "peak_rss_mb": _peak_rss_mb(),
        "parser_peak_rss_mb": children.ru_maxrss / 1024
        if sys.platform != "darwin"
        else children.ru_maxrss / 2**20,
        "rss_before_mb": before,
        "load_after": os.getloadavg()[0],
        "sentences": sentences,
        "sentences_per_s": sentences / elapsed if elapsed else None,
        "characters": sum(len(d.text) for d in documents),
        "pairs": len(alignment.pairs),
        "groups": len(alignment.groups),
    }


def run_scale(n: int, seed: int = 0, timeout: float = 1800.0) -> dict[str, Any]:
    """Run one synthetic size in a child process and return its figures."""
    cmd = [PYTHON, "-m", "bench.speed", "--child", str(n), "--seed", str(seed)]
    start = time.perf_counter()
    try:
        done = subprocess.run(
            cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"articles": n, "error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        return {"articles": n, "error": tail}
    result = dict(json.loads(done.stdout.strip().splitlines()[-1]))
    result["process_s"] = time.perf_counter() - start
    # The children's peak, as the parent sees it: the largest child so far.
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["children_max_rss_mb"] = (
        children / 1024 if sys.platform != "darwin" else children / 2**20
    )
    return result


def growth(points: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Growth exponents log(t2/t1) / log(n2/n1) between consecutive sizes (and of the pairs)."""
    ok = [p for p in points if "seconds" in p and p["seconds"] > 0]
    out: list[dict[str, Any]] = []
    for a, b in itertools.pairwise(ok):
        step = math.log(b["articles"] / a["articles"])
        item = {
            "from": a["articles"],
            "to": b["articles"],
            "exponent": math.log(b["seconds"] / a["seconds"]) / step,
        }
        if a.get("pairs") and b.get("pairs"):
            # how fast the answer itself grows: links found, each checked for conflicts
            item["pairs_exponent"] = math.log(b["pairs"] / a["pairs"]) / step
        out.append(item)
    return out


def floor_for(n: int, seed: int = 0, *, exact_pairs: int = FLOOR_EXACT_PAIRS) -> dict[str, Any]:
    """The cdist floor on the alignable sentences of the synthetic story of ``n`` articles."""
    from bench.synthetic import make_story

    config = AlignConfig()
    keys = alignable_keys(make_story(n, seed=seed), config)
    result = cdist_floor(keys, exact_pairs=exact_pairs)
    result["articles"] = n
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speed")
    parser.add_argument("--child", type=int, metavar="N", help="measure one synthetic size")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--in-process-parser",
        action="store_true",
        help="parse in the measured process (align()'s default) instead of child processes",
    )
    args = parser.parse_args(argv)
    if args.child is None:
        parser.error("use python -m bench for the whole benchmark")
    print(json.dumps(scale_child(args.child, args.seed, in_process=args.in_process_parser)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
