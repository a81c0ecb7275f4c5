"""``python -m bench``: speed, memory, scale, the app, and the alternatives; one table.

Prints a table with each target from issue 7 next to its figure (OK / MISS), profiles what
missed, and writes everything to ``bench/results.json`` (atomically) with the machine's
description. ``--quick`` runs the synthetic sizes 10, 50 and 200 only (a few minutes).
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alignment import AlignConfig, align, load_documents
from alignment.semantic import load_scorer
from bench import app_timing, compare, profiling, semantic_compare, speed
from bench.synthetic import make_story

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"
FULL_SIZES = (10, 50, 200, 1000)
QUICK_SIZES = (10, 50, 200)
# The app on 200 articles is measured only when the engine alone takes less than this there.
APP_200_MAX_ENGINE_S = 120.0
# With --quick, profiles of synthetic sizes whose engine run took longer than this use the
# largest smaller size that did not (a profile runs slower than the measure).
PROFILE_MAX_ENGINE_S = 90.0

# Targets of issue 7 (a 2-core machine like CI's), as issue 16 set them again for the
# parser (caches cold: an empty PARALLAX_CACHE_DIR).
TARGETS: dict[str, tuple[float, str]] = {
    "seeds_warm_s": (0.150, "<="),
    "seeds_cold_s": (2.0, "<="),
    "first_screen_s": (2.0, "<="),
    "next_conflict_s": (0.050, "<="),
    "synthetic_200_s": (30.0, "<="),
    "synthetic_200_rss_mb": (1536.0, "<="),
    "growth_200_1000": (1.3, "<="),
    "engine_over_floor": (3.0, "<="),
}


class Table:
    """Rows of section, measure, value, target and verdict; printed as they come."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []
        self.misses: list[str] = []

    def add(
        self,
        section: str,
        measure: str,
        value: str,
        target_key: str | None = None,
        number: float | None = None,
    ) -> None:
        target, verdict = "", ""
        if target_key is not None:
            limit, _ = TARGETS[target_key]
            target = "<= " + _fmt_target(target_key, limit)
            if number is None:
                verdict = "n/a"
            elif number <= limit:
                verdict = "OK"
            else:
                verdict = "MISS"
                self.misses.append(f"{section}: {measure}")
        row = (section, measure, value, target, verdict)
        self.rows.append(row)
        print(f"  {section:<10} {measure:<42} {value:>14} {target:>10} {verdict}", flush=True)

    def render(self) -> str:
        widths = [max(len(r[i]) for r in [*self.rows, _HEADER]) for i in range(5)]
        lines = [_line(_HEADER, widths), _line(tuple("-" * w for w in widths), widths)]
        lines.extend(_line(r, widths) for r in self.rows)
        return "\n".join(lines)


_HEADER = ("section", "measure", "value", "target", "")


def _line(row: tuple[str, ...], widths: list[int]) -> str:
    cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2])]
    cells += [row[3].rjust(widths[3]), row[4]]
    return "  ".join(cells).rstrip()


def _fmt_target(key: str, limit: float) -> str:
    if key.endswith("_mb"):
        return f"{limit:.0f} MB"
    if key.endswith("_s"):
        return _secs(limit)
    return f"{limit:g}"


def _secs(value: float | None) -> str:
    if value is None:
        return "n/a"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def _section(title: str) -> None:
    print(f"\n== {title}", flush=True)


def _timed(label: str, fn: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = fn()
    print(f"     ({label}: {time.perf_counter() - start:.1f} s)", flush=True)
    return result


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Parallax benchmarks (issue 7)."
    )
    parser.add_argument(
        "--quick", action="store_true", help="synthetic sizes 10, 50, 200 only (a few minutes)"
    )
    parser.add_argument(
        "--sizes",
        type=lambda s: tuple(int(x) for x in s.split(",") if x.strip()),
        help="synthetic story sizes in articles, comma-separated (default 10,50,200,1000)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic stories")
    parser.add_argument("--runs", type=int, default=20, help="warm runs on the seeds")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold process runs")
    parser.add_argument("--no-app", action="store_true", help="skip the Pilot measurements")
    parser.add_argument("--no-compare", action="store_true", help="skip difflib and CollateX")
    parser.add_argument("--no-profile", action="store_true", help="do not profile misses")
    parser.add_argument("--no-quality", action="store_true", help="skip bench.quality (ECB+)")
    parser.add_argument(
        "--collatex-cap", type=float, default=None, help="seconds CollateX may take per input"
    )
    parser.add_argument(
        "--size-cap",
        type=float,
        default=None,
        help="seconds one synthetic size may take (default 240 quick, 1800 full); a size "
        "predicted to take more than twice that is skipped",
    )
    parser.add_argument(
        "--no-semantic", action="store_true", help="skip the with/without semantic comparison"
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write JSON")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    compare_sizes = tuple(n for n in sizes if n <= (50 if args.quick else 200))
    collatex_cap = args.collatex_cap or (60.0 if args.quick else 180.0)
    config = AlignConfig()
    table = Table()
    machine = speed.machine()
    results: dict[str, Any] = {
        "machine": machine,
        "options": {
            "sizes": list(sizes),
            "seed": args.seed,
            "quick": args.quick,
            "semantic_extra_installed": speed.semantic_installed(),
        },
        "targets": {k: v[0] for k, v in TARGETS.items()},
    }
    print(
        f"Parallax bench on {machine['cpu_model']} ({machine['cpus_usable']} usable of "
        f"{machine['cpu_count']} CPUs, load {machine['load_avg']}), Python {machine['python']}"
    )
    started = time.perf_counter()

    _section("seeds")
    warm = _timed("warm", lambda: speed.seeds_warm(args.runs, config))
    results["seeds_warm"] = warm
    table.add(
        "seeds",
        f"pipeline warm (median of {warm['runs']})",
        _secs(warm["median_s"]),
        "seeds_warm_s",
        warm["median_s"],
    )
    cold = _timed("cold", lambda: speed.seeds_cold(args.cold_runs))
    results["seeds_cold"] = cold
    table.add(
        "seeds",
        f"python -m tui --export /dev/null, caches cold (median of {cold.get('runs', 0)})",
        _secs(cold.get("median_s")),
        "seeds_cold_s",
        cold.get("median_s"),
    )
    if "cpu_median_s" in cold:
        table.add(
            "seeds",
            "... its CPU (user + sys, with the parser's process)",
            _secs(cold["cpu_median_s"]),
        )
        table.add("seeds", "... second run (caches warm)", _secs(cold["second_run_median_s"]))
        table.add(
            "seeds",
            "... load average during these runs",
            f"{cold['load_min']:.1f}-{cold['load_max']:.1f}",
        )
    if speed.semantic_installed():
        # the extra is installed, so the command above used it: the lexical engine alone
        lexical = _timed(
            "cold lexical", lambda: speed.seeds_cold(args.cold_runs, ["--no-semantic"])
        )
        results["seeds_cold_no_semantic"] = lexical
        table.add("seeds", "... with --no-semantic", _secs(lexical.get("median_s")))

    _section("scale (synthetic stories, one child process per size)")
    scale: list[dict[str, Any]] = []
    cap = args.size_cap or (240.0 if args.quick else 1800.0)
    for n in sizes:
        predicted = _predict(scale, n)
        if predicted is not None and predicted > 2 * cap:
            point = {"articles": n, "error": f"skipped: about {predicted:.0f} s predicted"}
            scale.append(point)
            _scale_rows(table, point)
            continue
        point = _timed(f"{n} articles", lambda n=n: speed.run_scale(n, args.seed, timeout=cap))
        if "error" not in point:
            point["floor"] = _timed(f"floor {n}", lambda n=n: speed.floor_for(n, args.seed))
            point["engine_over_floor"] = point["seconds"] / max(point["floor"]["seconds"], 1e-9)
        scale.append(point)
        _scale_rows(table, point)
    results["scale"] = scale
    results["growth"] = speed.growth(scale)
    for g in results["growth"]:
        key = "growth_200_1000" if (g["from"], g["to"]) == (200, 1000) else None
        table.add(
            "scale",
            f"growth exponent {g['from']} -> {g['to']}",
            f"{g['exponent']:.2f}"
            + (f" (pairs {g['pairs_exponent']:.2f})" if "pairs_exponent" in g else ""),
            key,
            g["exponent"],
        )

    if not args.no_app:
        _section("app (Pilot, 120x40, child process)")
        results["app"] = _app(table, args.seed, scale)

    if not args.no_compare:
        _section("alternatives on the same input")
        results["compare"] = _compare(table, config, compare_sizes, scale, args, collatex_cap)

    if not args.no_quality:
        results["quality"] = _quality(config, quick=args.quick)

    if not args.no_semantic and semantic_compare.installed():
        _section("semantic extra: without and with, on the same inputs")
        results["semantic"] = semantic_compare.compare()

    if not args.no_profile and table.misses:
        _section("profiles of the misses")
        results["profiles"] = _profiles(table, results, sizes, args.seed, quick=args.quick)

    results["table"] = [dict(zip((*_HEADER[:4], "verdict"), r, strict=True)) for r in table.rows]
    results["misses"] = table.misses
    results["elapsed_s"] = time.perf_counter() - started
    print("\n" + table.render())
    if table.misses:
        print(f"\nMISS: {len(table.misses)} target(s): " + "; ".join(table.misses))
    write_json_atomic(args.output, results)
    print(f"\nwrote {args.output} ({results['elapsed_s']:.0f} s)")
    return 0


def _predict(scale: list[dict[str, Any]], n: int) -> float | None:
    """Engine time at ``n`` articles from the last two sizes (exponent at least 1)."""
    ok = [p for p in scale if "seconds" in p]
    if not ok:
        return None
    last = ok[-1]
    exponent = 1.0
    if len(ok) >= 2:
        prev = ok[-2]
        exponent = max(1.0, speed.growth([prev, last])[0]["exponent"])
    return float(last["seconds"] * (n / last["articles"]) ** exponent)


def _scale_rows(table: Table, point: dict[str, Any]) -> None:
    n = point["articles"]
    section = f"{n} art."
    if "error" in point:
        table.add(section, "engine", "error: " + point["error"][:40])
        return
    table.add(
        section,
        f"engine wall ({point['sentences']} sentences)",
        _secs(point["seconds"]),
        "synthetic_200_s" if n == 200 else None,
        point["seconds"],
    )
    table.add(
        section,
        "peak RSS",
        f"{point['peak_rss_mb']:.0f} MB",
        "synthetic_200_rss_mb" if n == 200 else None,
        point["peak_rss_mb"],
    )
    table.add(section, "sentences per second", f"{point['sentences_per_s']:.0f}")
    table.add(section, "links (pairs) found", f"{point['pairs']}")
    floor = point["floor"]
    note = f" (est. from {floor['sampled_rows']} rows)" if floor["extrapolated"] else ""
    table.add(
        section, f"cdist floor, {floor['rows']} keys all vs all{note}", _secs(floor["seconds"])
    )
    table.add(
        section,
        "engine / floor",
        f"{point['engine_over_floor']:.2f}x",
        "engine_over_floor",
        point["engine_over_floor"],
    )


def _app(table: Table, seed: int, scale: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    seeds = _timed("app on seeds", app_timing.measure_app)
    out["seeds"] = seeds
    _app_rows(table, "app seeds", seeds, first_target=True)
    engine_200 = next((p.get("seconds") for p in scale if p["articles"] == 200), None)
    if "error" in seeds:
        table.add("app 200", "skipped (the app failed on the seeds)", "n/a")
    elif engine_200 is None or engine_200 > APP_200_MAX_ENGINE_S:
        why = "not run" if engine_200 is None else f"took {engine_200:.0f} s"
        table.add("app 200", f"skipped (engine at 200 {why})", "n/a")
    else:
        # every key press costs seconds on a big story: fewer presses keep the run short
        big = _timed(
            "app on 200", lambda: app_timing.measure_app_synthetic(200, seed=seed, presses=5)
        )
        out["synthetic_200"] = big
        _app_rows(table, "app 200", big, first_target=False)
    return out


def _app_rows(table: Table, section: str, result: dict[str, Any], *, first_target: bool) -> None:
    if "error" in result:
        print(f"     app: {result['error']}")
        table.add(section, "first screen", "n/a", "first_screen_s" if first_target else None)
        table.add(section, "n (next conflict)", "n/a", "next_conflict_s")
        return
    first = result.get("first_screen_s")
    table.add(
        section,
        "process start to first screen",
        _secs(first),
        "first_screen_s" if first_target else None,
        first,
    )
    nc = result.get("next_conflict", {})
    if "error" in nc:
        print(f"     next conflict: {nc['error']}")
        table.add(section, "n (next conflict)", "n/a", "next_conflict_s")
        return
    flag = "" if nc.get("screen_changed") else " (screen unchanged!)"
    table.add(
        section,
        f"n (next conflict), median of {nc['presses']}{flag}",
        _secs(nc["median_s"]),
        "next_conflict_s",
        nc["median_s"],
    )
    table.add(section, "harness alone (unbound key)", _secs(nc["harness_median_s"]))
    if "pilot_press_s" in nc:
        table.add(section, "n via pilot.press (waits for idle)", _secs(nc["pilot_press_s"]))


def _gold_text(score: dict[str, Any] | None) -> str:
    if score is None:
        return "gold n/a"
    return f"P {score.get('precision', 0):.2f} R {score.get('recall', 0):.2f}"


def _compare(
    table: Table,
    config: AlignConfig,
    sizes: tuple[int, ...],
    scale: list[dict[str, Any]],
    args: argparse.Namespace,
    collatex_cap: float,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    documents = load_documents(None).documents
    sentences = compare.split_all(documents, config)
    start = time.perf_counter()
    engine_alignment = align(documents, config)
    engine_s = time.perf_counter() - start
    engine_gold = compare.score_against_gold(engine_alignment)
    if engine_gold is None:
        print("     gold n/a: tests/gold/alignment.yaml or its scorer is missing")
    seeds: dict[str, Any] = {"parallax": {"seconds": engine_s, "gold": engine_gold}}
    table.add(
        "vs seeds",
        "parallax (one run): time, gold",
        f"{_secs(engine_s)}, {_gold_text(engine_gold)}",
    )

    links, stats = compare.difflib_links(documents, sentences, threshold=0.5)
    gold = compare.score_against_gold(compare.links_to_alignment(documents, sentences, links))
    seeds["difflib"] = {**stats, "gold": gold}
    table.add("vs seeds", "difflib: time, gold", f"{_secs(stats['seconds'])}, {_gold_text(gold)}")

    links, stats = compare.run_collatex(documents, config, time_cap=collatex_cap)
    if "error" in stats:
        seeds["collatex"] = stats
        table.add("vs seeds", "collatex", stats["error"][:40])
    else:
        gold = compare.score_against_gold(compare.links_to_alignment(documents, sentences, links))
        seeds["collatex"] = {**stats, "gold": gold}
        table.add(
            "vs seeds", "collatex: time, gold", f"{_secs(stats['seconds'])}, {_gold_text(gold)}"
        )
    out["seeds"] = seeds

    engine_at = {p["articles"]: p.get("seconds") for p in scale}
    # CollateX takes minutes on synthetic stories: the full run only
    collatex_gave_up = "error" in seeds["collatex"] or args.quick
    synthetic: list[dict[str, Any]] = []
    for n in sizes:
        docs = make_story(n, seed=args.seed)
        sents = compare.split_all(docs, config)
        row: dict[str, Any] = {"articles": n, "parallax_s": engine_at.get(n)}
        _, row["difflib"] = compare.difflib_links(docs, sents, time_cap=collatex_cap)
        d = row["difflib"]
        done = "" if not d["timed_out"] else f", gave up at {d['compared'] / d['total']:.0%}"
        table.add(
            f"vs {n} art.",
            f"difflib (parallax {_secs(row['parallax_s'])})",
            _secs(d["seconds"]) + done,
        )
        if not collatex_gave_up:
            _, row["collatex"] = compare.run_collatex(docs, config, time_cap=collatex_cap)
            c = row["collatex"]
            collatex_gave_up = "error" in c
            table.add(
                f"vs {n} art.", "collatex", c["error"][:40] if "error" in c else _secs(c["seconds"])
            )
        synthetic.append(row)
    out["synthetic"] = synthetic
    return out


def _quality(config: AlignConfig, *, quick: bool) -> dict[str, Any]:
    """ECB+ alignment quality from ``bench.quality`` (another engineer's) when it exists."""
    try:
        from bench import quality  # type: ignore[attr-defined]
    except ImportError:
        return {"status": "skipped", "reason": "bench.quality not available"}
    _section("quality (bench.quality, ECB+)")
    options: dict[str, Any] = {}
    if quick and "collatex" in inspect.signature(quality.evaluate).parameters:
        options["collatex"] = False  # CollateX on whole ECB+ topics takes minutes
    start = time.perf_counter()
    try:
        if "scorer" in inspect.signature(quality.evaluate).parameters:
            # the app's defaults: meaning mixed in when the semantic extra is installed
            options["scorer"] = load_scorer(config)
        result = dict(quality.evaluate(getattr(quality, "DEFAULT_PATH", None), config, **options))
    except Exception as exc:  # another engineer's module: report, do not stop the benchmark
        print(f"     quality failed: {type(exc).__name__}: {exc}")
        return {"status": "failed", "reason": f"{type(exc).__name__}: {exc}"}
    report = getattr(quality, "format_report", None)
    try:
        text = report(result, per_topic=False) if report else json.dumps(result)[:400]
    except Exception as exc:  # the report format is theirs too
        text = f"(no report: {type(exc).__name__}: {exc})"
    print(text)
    print(f"     (quality: {time.perf_counter() - start:.1f} s)")
    return result


def _profiles(
    table: Table, results: dict[str, Any], sizes: tuple[int, ...], seed: int, *, quick: bool
) -> dict[str, Any]:
    wanted: list[tuple[str, str, list[str]]] = []
    missed = " | ".join(table.misses)
    if "pipeline warm" in missed:
        wanted.append(("seeds warm", "seeds", []))
    if "export /dev/null" in missed:
        wanted.append(("seeds cold", "cold", []))
    # the big sizes that missed a target, and 1000 when the growth exponent missed
    # the largest synthetic size that missed a target (one profile is enough to see what
    # dominates), and 1000 when the growth exponent missed
    missed_sizes = [n for n in sizes if f"{n} art." in missed]
    big = [max(missed_sizes)] if missed_sizes else []
    if "growth exponent 200 -> 1000" in missed and 1000 not in big:
        big.append(1000)
    max_engine_s = PROFILE_MAX_ENGINE_S if quick else 1800.0
    took = {p["articles"]: p["seconds"] for p in results.get("scale", []) if "seconds" in p}
    for n in sorted(set(big)):
        m = n
        if took.get(n, 0.0) > max_engine_s:
            smaller = [k for k, t in took.items() if k < n and t <= max_engine_s]
            m = max(smaller) if smaller else n
            print(f"     {n} articles took {took[n]:.0f} s: profiling {m} articles instead")
        title = f"{n} articles" if m == n else f"{m} articles (for {n})"
        wanted.append((title, "synthetic", ["--n", str(m), "--seed", str(seed)]))
    profiles: dict[str, Any] = {}
    for title, kind, extra in wanted:
        summary = _timed(
            f"profile {title}", lambda k=kind, e=extra: profiling.profile_in_child(k, *e)
        )
        profiles[title] = summary
        print(profiling.format_profile(title, summary))
    # the app: its main thread (rendering, handlers) while starting and while pressing n
    app_runs: list[tuple[str, Callable[[], dict[str, Any]]]] = []
    if "app seeds" in missed:
        app_runs.append(("app seeds", lambda: app_timing.measure_app(presses=5, profile=True)))
    if "app 200" in missed:
        app_runs.append(
            (
                "app 200",
                lambda: app_timing.measure_app_synthetic(200, seed=seed, presses=3, profile=True),
            )
        )
    for title, run in app_runs:
        result = _timed(f"profile {title}", run)
        found = result.get("profiles", {})
        if not found:
            print(f"{title}: profile failed ({result.get('error', 'no profile')})")
        for part, summary in found.items():
            profiles[f"{title}, {part}"] = summary
            print(profiling.format_profile(f"{title}, {part}", summary))
    return profiles


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write JSON beside ``path`` in a temporary file, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".results-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, default=str)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


if __name__ == "__main__":
    sys.exit(main())
