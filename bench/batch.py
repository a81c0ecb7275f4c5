"""``python -m bench.batch``: many stories at once (issue 21), locally and on a Dask cluster.

Builds ``--stories`` synthetic stories of ``--articles`` articles (``bench/synthetic.py``, story
``i`` drawn with seed ``i``) and runs the same batch (``tui.batch.run_batch``, ``--force``, the
app's default config) three ways: one local worker process, ``--workers`` local processes, and
a Dask ``LocalCluster`` of that many single-threaded worker processes started here on
127.0.0.1. Each run gets an empty embedding cache of its own, so no run reuses another's work.

For each run: wall time (first story submitted to summary written; the Dask cluster's start is
timed apart), stories per second, the client's time writing outputs, the peak RSS of each
worker process, the load average before and after (the machine is shared: a high load makes
the parallel figures pessimistic). Then the parallel efficiency ``T1 / (N * TN)``, a check that
every run wrote the same bytes, and the figures to ``bench/batch.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from alignment import AlignConfig
from alignment.export import write_atomic
from alignment.semantic import CACHE_ENV
from bench.synthetic import write_story
from tui.batch import run_batch

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "batch.json"


def make_root(root: Path, stories: int, articles: int) -> Path:
    """``stories`` folders of ``articles`` synthetic articles each; story i uses seed i."""
    for i in range(stories):
        write_story(root / f"story{i:05d}", articles, seed=i)
    return root


def digest(out: Path) -> str:
    """One hash of every output file but the summary (whose seconds differ run to run)."""
    h = hashlib.sha256()
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.name != "summary.csv":
            h.update(str(path.relative_to(out)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def measure(
    label: str,
    root: Path,
    work: Path,
    config: AlignConfig,
    *,
    workers: int,
    scheduler: str | None = None,
) -> dict[str, Any]:
    """One batch run, forced, into a fresh output folder (``workers`` local processes, or the
    cluster at ``scheduler`` which has that many)."""
    out = work / f"out-{label}"
    load_before = os.getloadavg()
    local = None if scheduler else workers
    outcome = run_batch(root, out, config, workers=local, scheduler=scheduler, force=True)
    if outcome.interrupted:  # the batch stopped cleanly; the benchmark stops too
        raise KeyboardInterrupt
    load_after = os.getloadavg()
    peaks = sorted(outcome.peak_rss_mb.values())
    stories = outcome.total
    row = {
        "run": label,
        "workers": workers,
        "worker_processes_seen": len(peaks),
        "stories": stories,
        "ok": outcome.counts.get("ok", 0),
        "failed": outcome.counts.get("failed", 0),
        "wall_s": round(outcome.wall_seconds, 2),
        "stories_per_s": round(stories / outcome.wall_seconds, 3),
        "cpu_s_per_story": round(outcome.cpu_seconds / stories, 3),
        "client_write_s": round(outcome.write_seconds, 2),
        "client_write_ms_per_story": round(1000 * outcome.write_seconds / stories, 2),
        "output_kb_per_story": round(outcome.bytes_written / stories / 1024, 1),
        "peak_rss_mb_per_worker": [round(p) for p in peaks],
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
        "outputs_sha256": digest(out),
    }
    print(
        f"  {label:<10} {row['workers']} worker(s)  {row['wall_s']:>8.1f} s  "
        f"{row['stories_per_s']:>6.2f} stories/s  cpu {row['cpu_s_per_story']:.2f} s/story  "
        f"write {row['client_write_ms_per_story']:.1f} ms/story  "
        f"peak RSS {row['peak_rss_mb_per_worker']} MB  "
        f"load {row['load_before'][0]} -> {row['load_after'][0]}",
        flush=True,
    )
    return row


def fresh_cache(work: Path, label: str) -> None:
    """An empty embedding cache for the next run (the workers inherit the environment)."""
    folder = work / f"cache-{label}"
    folder.mkdir()
    os.environ[CACHE_ENV] = str(folder)


def projection(many: dict[str, Any]) -> dict[str, Any]:
    """What the measured rates say about 100,000 and 1,000,000 stories on N cores.

    A core's rate is one story per CPU second it took (the CPU time, not the wall time, so a
    core shared with other work does not count against it); the client's rate is one story
    per the time it took to write one. The batch goes at the slower of the two.
    """
    cpu_s = many["cpu_s_per_story"]
    per_core = 1 / cpu_s
    write_s = many["client_write_ms_per_story"] / 1000
    client_cap = 1 / write_s if write_s > 0 else float("inf")
    table = {}
    for stories in (100_000, 1_000_000):
        for cores in (2, 16, 64, 256):
            compute = stories * cpu_s / cores
            floor = stories * write_s
            table[f"{stories}@{cores}"] = {
                "hours": round(max(compute, floor) / 3600, 2),
                "limited_by": "client writes" if floor > compute else "compute",
            }
    return {
        "stories_per_s_per_core": round(per_core, 3),
        "client_cap_stories_per_s": round(client_cap, 1),
        "cores_to_reach_client_cap": round(client_cap / per_core, 1),
        "disk_gb_per_million": round(many["output_kb_per_story"] * 1e6 / 1024**2, 1),
        "table": table,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.batch", description=__doc__)
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel runs")
    parser.add_argument("--semantic", choices=("auto", "on", "off"), default="auto")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask cluster run")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    config = dataclasses.replace(AlignConfig(), semantic=args.semantic)
    n = args.workers
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0,
        },
        "stories": args.stories,
        "articles": args.articles,
        "semantic": args.semantic,
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "runs": [],
    }
    with tempfile.TemporaryDirectory(prefix="parallax-batch-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        root = make_root(work / "root", args.stories, args.articles)
        print(
            f"{args.stories} stories of {args.articles} articles written in "
            f"{time.perf_counter() - started:.1f} s; semantic={args.semantic}",
            flush=True,
        )
        fresh_cache(work, "1")
        one = measure("local-1", root, work, config, workers=1)
        fresh_cache(work, "n")
        many = measure(f"local-{n}", root, work, config, workers=n)
        results["runs"] += [one, many]
        if not args.no_dask:
            try:
                from distributed import LocalCluster
            except ImportError:
                print("  dask: skipped, the cluster extra is not installed", flush=True)
            else:
                fresh_cache(work, "dask")
                began = time.perf_counter()
                with LocalCluster(
                    n_workers=n,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                ) as cluster:
                    start_s = time.perf_counter() - began
                    address = cluster.scheduler_address
                    dask = measure(f"dask-{n}", root, work, config, workers=n, scheduler=address)
                dask["cluster_start_s"] = round(start_s, 2)
                results["runs"].append(dask)
    base = one["wall_s"]
    for run in results["runs"]:
        run["efficiency"] = round(base / (run["workers"] * run["wall_s"]), 3)
    hashes = {run["outputs_sha256"] for run in results["runs"]}
    results["identical_outputs"] = len(hashes) == 1
    results["client_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    results["projection"] = projection(many)
    print()
    for run in results["runs"]:
        print(f"  {run['run']:<10} efficiency {run['efficiency']:.2f}")
    print(f"  identical outputs across runs: {results['identical_outputs']}")
    proj = results["projection"]
    print(
        f"  per core {proj['stories_per_s_per_core']:.2f} stories/s; the client writes at most "
        f"{proj['client_cap_stories_per_s']:.0f} stories/s "
        f"(~{proj['cores_to_reach_client_cap']:.0f} cores to get there)"
    )
    for key, value in proj["table"].items():
        stories, cores = key.split("@")
        print(
            f"  {int(stories):>9,} stories on {cores:>3} cores: {value['hours']:>8.2f} h "
            f"({value['limited_by']})"
        )
    write_atomic(args.output, json.dumps(results, indent=2) + "\n", force=True)
    print(f"  wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
