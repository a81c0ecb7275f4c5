"""ECB+ through the app's CSV export (issue 16): what a user of ``--export`` gets.

For each topic of the ECB+ sample (both sub-stories together), one story folder is written
with one ``.txt`` per document holding its annotated ("selected") sentences one a line,
detokenised as ``bench.quality`` does (its loading code is reused). The real command runs on
it, ``python -m tui --export OUT.csv FOLDER``, in a subprocess (two topics at a time by
default). Each CSV row predicts every pair of its two passages' sentences (its offsets mapped
back to line numbers), scored against the gold event links:

- precision: share of predicted sentence pairs that share an event;
- recall: share of the event-sharing gold pairs predicted; F1; per topic and overall, with
  the wall time of each export.

This differs from ``bench.quality``'s whole-document figure (there the engine sees every
sentence of each article, in process); keep both.

Run: ``.venv/bin/python -m bench.ecb_export [--path DIR] [--topics 1,3] [--jobs 2]
[--no-semantic] [--out FILE]``. Results go to ``bench/ecb_export.json``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alignment.export import write_atomic
from bench.quality import (
    DEFAULT_PATH,
    Benchmark,
    BenchmarkMissing,
    Built,
    Link,
    Score,
    SentenceKey,
    build_document,
    make_link,
    open_benchmark,
    score,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = Path(__file__).resolve().parent / "ecb_export.json"
DEFAULT_TIMEOUT = 900.0


@dataclass(frozen=True, slots=True)
class TopicRun:
    """One topic exported and scored.

    Attributes:
        topic: the topic id.
        documents: how many documents its folder held.
        rows: CSV rows (linked passage pairs) the export wrote.
        score: its sentence links against the gold.
        seconds: wall time of the export command.
        error: one line when the command failed ("" when it worked).
    """

    topic: str
    documents: int
    rows: int
    score: Score
    seconds: float
    error: str = ""


def write_story(built: Sequence[Built], folder: Path) -> None:
    """Write one topic as a story folder: ``<document name>.txt`` per document."""
    folder.mkdir(parents=True, exist_ok=True)
    for b in built:
        (folder / f"{b.document.id}.txt").write_text(b.document.text, encoding="utf-8")


def _source_id(cell: str, known: Mapping[str, Built]) -> str:
    """The document id of a CSV source cell (the export prefixes formula-like ids with ')."""
    if cell in known:
        return cell
    if cell.startswith("'") and cell[1:] in known:
        return cell[1:]
    raise ValueError(f"the export names an unknown source {cell!r}")


def _covered(b: Built, start: int, end: int) -> list[SentenceKey]:
    """The selected sentences of a document whose line overlaps ``[start, end)``."""
    return [
        (b.source.name, number)
        for number, s, e in b.spans
        if s < end and start < e and number in b.source.selected
    ]


def links_from_csv(text: str, built: Sequence[Built]) -> tuple[set[Link], int]:
    """The sentence links the export's rows predict, and the number of rows.

    Raises:
        ValueError: the CSV lacks the contract's columns or names an unknown source.
    """
    known = {b.document.id: b for b in built}
    reader = csv.DictReader(io.StringIO(text, newline=""))
    needed = {"source_a", "start_a", "end_a", "source_b", "start_b", "end_b"}
    if reader.fieldnames is None or not needed <= set(reader.fieldnames):
        raise ValueError("the export has no CSV header with the contract's columns")
    links: set[Link] = set()
    rows = 0
    for row in reader:
        rows += 1
        a = known[_source_id(row["source_a"], known)]
        b = known[_source_id(row["source_b"], known)]
        left = _covered(a, int(row["start_a"]), int(row["end_a"]))
        right = _covered(b, int(row["start_b"]), int(row["end_b"]))
        links.update(make_link(x, y) for x in left for y in right if x[0] != y[0])
    return links, rows


def export_topic(
    bench: Benchmark,
    topic: str,
    workdir: Path,
    *,
    semantic: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
) -> TopicRun:
    """Write a topic's folder, run the app's export on it and score the rows."""
    built = [build_document(d, selected_only=True) for d in bench.docs if d.topic == topic]
    folder = workdir / f"topic_{topic}"
    write_story(built, folder)
    out = workdir / f"topic_{topic}.csv"
    command = [sys.executable, "-m", "tui", "--export", str(out), str(folder)]
    if not semantic:
        command.append("--no-semantic")
    gold = bench.gold.get(topic, frozenset())
    t0 = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        error = f"no answer in {timeout:g} s"
    else:
        lines = done.stderr.strip().splitlines()
        error = "" if done.returncode == 0 else (lines[-1] if lines else f"exit {done.returncode}")
    seconds = time.perf_counter() - t0
    if error:
        return TopicRun(topic, len(built), 0, score((), gold), seconds, error)
    links, rows = links_from_csv(out.read_text(encoding="utf-8"), built)
    return TopicRun(topic, len(built), rows, score(links, gold), seconds)


def evaluate(
    path: str | Path | None = None,
    *,
    topics: Sequence[str] | None = None,
    jobs: int = 2,
    semantic: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
) -> dict[str, Any]:
    """Export every (or the chosen) topic through the app and score the rows.

    Args:
        path: the benchmark folder; ``../shared/benchmarks/ecbplus`` by default.
        topics: only these topic ids (all when None).
        jobs: exports run at once.
        semantic: leave the app's default (the semantic extra when installed); False adds
            ``--no-semantic``.
        timeout: seconds one export may take.

    Returns:
        ``{"status": "skipped", "reason": ...}`` when the benchmark is absent, else the
        overall and per-topic figures.

    Raises:
        ValueError: an unknown topic id.
    """
    started = time.perf_counter()
    folder = Path(path) if path is not None else DEFAULT_PATH
    try:
        bench, wanted = open_benchmark(folder, topics)
    except BenchmarkMissing as exc:
        return {"status": "skipped", "reason": f"ECB+ benchmark absent: {exc}", "path": str(folder)}
    with (
        tempfile.TemporaryDirectory(prefix="parallax-ecb-") as tmp,
        ThreadPoolExecutor(max_workers=max(1, jobs)) as pool,
    ):
        runs = list(
            pool.map(
                lambda t: export_topic(bench, t, Path(tmp), semantic=semantic, timeout=timeout),
                wanted,
            )
        )
    total = Score(0, 0, 0)
    for run in runs:
        total = total + run.score
    extra = all(importlib.util.find_spec(m) for m in ("onnxruntime", "tokenizers"))
    return {
        "status": "ok",
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "path": str(folder),
        "command": "python -m tui --export OUT.csv FOLDER" + ("" if semantic else " --no-semantic"),
        "semantic": semantic and extra,
        "jobs": jobs,
        "topics": wanted,
        "documents": sum(r.documents for r in runs),
        "rows": sum(r.rows for r in runs),
        "overall": total.as_dict(),
        "per_topic": {
            r.topic: {
                **r.score.as_dict(),
                "documents": r.documents,
                "rows": r.rows,
                "seconds": round(r.seconds, 2),
                **({"error": r.error} if r.error else {}),
            }
            for r in runs
        },
        "errors": sum(bool(r.error) for r in runs),
        "export_seconds": round(sum(r.seconds for r in runs), 2),
        "seconds": round(time.perf_counter() - started, 2),
    }


def format_report(result: Mapping[str, Any]) -> str:
    """The table of an ``evaluate()`` result."""
    if result["status"] != "ok":
        return f"ecb_export: skipped ({result['reason']})"
    o = result["overall"]
    mode = "words and meaning (semantic extra)" if result["semantic"] else "words only"
    lines = [
        f"ECB+ through {result['command']}: {len(result['topics'])} topics, "
        f"{result['documents']} documents (selected sentences, one a line), {mode}",
        f"overall: P {o['precision']:.3f}  R {o['recall']:.3f}  F1 {o['f1']:.3f}  "
        f"({o['correct']} of {o['predicted']} predicted, {o['gold']} gold; "
        f"{result['rows']} CSV rows)",
        "",
        f"{'topic':>6} {'docs':>5} {'rows':>6} {'gold':>6} {'P':>6} {'R':>6} {'F1':>6} {'time':>7}",
    ]
    for topic in result["topics"]:
        t = result["per_topic"][topic]
        lines.append(
            f"{topic:>6} {t['documents']:>5} {t['rows']:>6} {t['gold']:>6} "
            f"{t['precision']:>6.3f} {t['recall']:>6.3f} {t['f1']:>6.3f} {t['seconds']:>6.1f}s"
            + (f"  FAILED: {t['error']!r}" if "error" in t else "")
        )
    lines += [
        "",
        f"exports {result['export_seconds']:.1f} s in all, wall {result['seconds']:.1f} s "
        f"({result['jobs']} at a time)",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: run, print the table, write ``bench/ecb_export.json``."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.ecb_export", description="ECB+ through the app's CSV export."
    )
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH, help="the benchmark folder")
    parser.add_argument("--topics", help="comma-separated topic ids (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="exports at once (default 2)")
    parser.add_argument("--no-semantic", action="store_true", help="export with --no-semantic")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds one export may take"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the JSON result file")
    args = parser.parse_args(argv)
    topics = [t.strip() for t in args.topics.split(",") if t.strip()] if args.topics else None
    try:
        result = evaluate(
            args.path,
            topics=topics,
            jobs=args.jobs,
            semantic=not args.no_semantic,
            timeout=args.timeout,
        )
    except ValueError as exc:
        print(f"ecb_export: {exc}", file=sys.stderr)
        return 2
    print(format_report(result))
    if result["status"] == "ok":
        write_atomic(args.out, json.dumps(result, indent=2) + "\n", force=True)
        print(f"written {args.out}")
        if result["errors"]:
            print(f"ecb_export: {result['errors']} export(s) failed", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
