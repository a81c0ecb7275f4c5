"""With and without the semantic extra, in one run (issue 12): seeds gold, ECB+, time, memory.

Run alone with ``python -m bench.semantic_compare``; ``python -m bench`` runs it too when the
extra is installed.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from alignment import AlignConfig, align, load_documents

ROOT = Path(__file__).resolve().parent.parent
ECB = ROOT.parent / "shared" / "benchmarks" / "ecbplus"

# One child process per measure of time and memory, so that peaks do not mix.
_CHILD = r"""
import json, resource, sys, time
from alignment import AlignConfig, align
from bench.synthetic import make_story
n, mode = int(sys.argv[1]), sys.argv[2]
docs = make_story(n)
config = AlignConfig(semantic=mode)
started = time.perf_counter()
scorer = None
if mode == "on":
    from alignment.semantic import load_scorer
    scorer = load_scorer(config)
result = align(docs, config, scorer=scorer)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "pairs": len(result.pairs)}))
"""


def installed() -> bool:
    """Whether the extra's packages import."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return True


def _scorer(mode: str):
    if mode == "off":
        return None
    from alignment.semantic import load_scorer

    return load_scorer(AlignConfig(semantic="on"))


def _seeds(mode: str) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from tests.gold import score_alignment

    docs = load_documents().documents
    config = AlignConfig(semantic=mode)
    scorer = _scorer(mode)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        result = align(docs, config, scorer=scorer)
        times.append(time.perf_counter() - started)
    links, groups = score_alignment(result), score_alignment(result, by="group")
    return {
        "warm_s": statistics.median(times),
        "gold_links": {"precision": links.precision, "recall": links.recall},
        "gold_groups": {"precision": groups.precision, "recall": groups.recall},
    }


def _ecb(mode: str) -> dict[str, Any] | None:
    from bench.quality import evaluate

    config = AlignConfig(semantic=mode)
    result = evaluate(ECB, config, baselines=False, collatex=False, scorer=_scorer(mode))
    if result.get("status") != "ok":
        return None
    return result["systems"]["engine"]["overall"]


def _child(n: int, mode: str, cache: str) -> dict[str, Any]:
    env = {**os.environ, "PARALLAX_CACHE_DIR": cache}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(n), mode],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=900,
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare(articles: int = 200) -> dict[str, Any]:
    """Every figure of issue 12's comparison, for "off" and "on"; prints a table."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as cache:  # cold: no embedding is cached yet
        for mode in ("off", "on"):
            out[mode] = {
                "seeds": _seeds(mode),
                "ecb": _ecb(mode),
                f"articles_{articles}": _child(articles, mode, cache),
            }
    rows = [("", "lexical", "semantic")]
    for label, get in (
        ("seeds gold, links P / R", lambda r: _pr(r["seeds"]["gold_links"])),
        ("seeds gold, groups P / R", lambda r: _pr(r["seeds"]["gold_groups"])),
        ("seeds, warm", lambda r: f"{r['seeds']['warm_s'] * 1000:.0f} ms"),
        ("ECB+ P / R / F1", lambda r: _prf(r["ecb"])),
        (f"{articles} articles", lambda r: _time_mem(r[f"articles_{articles}"])),
    ):
        rows.append((label, get(out["off"]), get(out["on"])))
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, width, strict=True)))
    return out


def _pr(score: dict[str, float]) -> str:
    return f"{score['precision']:.2f} / {score['recall']:.2f}"


def _prf(score: dict[str, float] | None) -> str:
    if score is None:
        return "n/a (benchmark absent)"
    return f"{score['precision']:.3f} / {score['recall']:.3f} / {score['f1']:.3f}"


def _time_mem(point: dict[str, Any]) -> str:
    if "error" in point:
        return f"error: {point['error']}"
    return f"{point['seconds']:.1f} s, {point['peak_mb']:.0f} MB"


if __name__ == "__main__":
    if not installed():
        print("semantic extra not installed: pip install 'parallax-reader[semantic]'")
        sys.exit(0)
    compare()
