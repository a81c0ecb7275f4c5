"""Huge inputs from issue 6: a 5 MB article, a 100,000-character line without a stop, 500 files.

Run with ``python -m bench.bad_input [--profile] [CASE ...]``. Each case is written to a
temporary folder, loaded with ``load_documents`` and aligned; the script prints the wall and CPU
time of each engine stage (from the progress callback), the peak memory, and the longest
sentence and passage, which must stay within ``max_passage_chars`` (a sentence) and
``max_passage_sentences`` times that (a passage). ``--profile`` writes a pyinstrument text
report per case to a temporary folder that is kept, and prints its path.

The texts are made of words drawn from the seeds, deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from alignment import AlignConfig, align, load_documents
from alignment.load import SEEDS_DIR


def _words() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt")))
    return re.findall(r"[A-Za-z]+", text)


def _sentence(rng: random.Random, words: list[str]) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(8, 30))]
    if rng.random() < 0.3:
        chosen.insert(rng.randrange(len(chosen)), str(rng.randint(1, 5000)))
    return " ".join(chosen).capitalize() + "."


def _two_seeds(folder: Path) -> None:
    for seed in sorted(SEEDS_DIR.glob("*.txt"))[:2]:
        shutil.copy(seed, folder / seed.name)


def five_mb(folder: Path, rng: random.Random, words: list[str]) -> None:
    """One article of 5 MB in paragraphs of 2 to 6 sentences, beside two seed articles."""
    parts, size = [], 0
    while size < 5_000_000:
        paragraph = " ".join(_sentence(rng, words) for _ in range(rng.randint(2, 6)))
        parts.append(paragraph)
        size += len(paragraph) + 2
    (folder / "huge.txt").write_text("\n\n".join(parts), encoding="utf-8")
    _two_seeds(folder)


def long_line(folder: Path, rng: random.Random, words: list[str]) -> None:
    """One line of 100,000 characters, lower-case words, no punctuation, beside two seeds."""
    line = " ".join(rng.choice(words).lower() for _ in range(25_000))[:100_000]
    (folder / "line.txt").write_text(line + "\n", encoding="utf-8")
    _two_seeds(folder)


def many_files(folder: Path, rng: random.Random, words: list[str]) -> None:
    """500 articles: each a seed with its lines shuffled, plus a paragraph of its own."""
    seeds = [p.read_text(encoding="utf-8").splitlines() for p in sorted(SEEDS_DIR.glob("*.txt"))]
    for i in range(500):
        lines = list(seeds[i % len(seeds)])
        rng.shuffle(lines)
        own = " ".join(_sentence(rng, words) for _ in range(3))
        (folder / f"{i:03d}.txt").write_text("\n".join([*lines, own]) + "\n", encoding="utf-8")


CASES: dict[str, Callable[[Path, random.Random, list[str]], None]] = {
    "long_line": long_line,
    "many_files": many_files,
    "five_mb": five_mb,
}


def run(name: str, root: Path, profiles: Path | None) -> None:
    folder = root / name
    folder.mkdir()
    CASES[name](folder, random.Random(6), _words())
    config = AlignConfig()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    loaded = load_documents([folder])
    # Stage names with the wall and CPU time at which each started; "done" ends the last.
    stages: list[tuple[str, float, float]] = [("load", 0.0, 0.0)]

    def progress(stage: str, fraction: float) -> None:
        stages.append((stage, time.perf_counter() - wall0, time.process_time() - cpu0))

    profiler = None
    if profiles is not None:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    result = align(loaded.documents, config, progress=progress)
    if profiler is not None and profiles is not None:
        profiler.stop()
        report = profiles / f"{name}.profile.txt"
        report.write_text(profiler.output_text(show_all=False), encoding="utf-8")
        print(f"  profile: {report}")
    longest_sentence = max(s.end - s.start for doc in result.sentences for s in doc)
    longest_passage = max(p.end - p.start for p in result.passages)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = sum(len(d.text) for d in loaded.documents)
    print(
        f"{name}: {len(loaded.documents)} documents, {size:,} characters, "
        f"{sum(len(s) for s in result.sentences):,} sentences, {len(result.pairs):,} pairs, "
        f"peak {peak:,.0f} MB (process)"
    )
    print(
        f"  longest sentence {longest_sentence} (limit {config.max_passage_chars}), "
        f"longest passage {longest_passage}"
    )
    for (stage, wall, cpu), (_, next_wall, next_cpu) in itertools.pairwise(stages):
        print(f"  {stage:10} wall {next_wall - wall:7.2f} s  cpu {next_cpu - cpu:7.2f} s")
    print(f"  {'total':10} wall {stages[-1][1]:7.2f} s  cpu {stages[-1][2]:7.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", metavar="CASE", help=f"some of {', '.join(CASES)}")
    parser.add_argument("--profile", action="store_true", help="write pyinstrument reports")
    parser.add_argument("--keep", action="store_true", help="keep the generated inputs")
    args = parser.parse_args()
    unknown = [c for c in args.cases if c not in CASES]
    if unknown:
        parser.error(f"unknown case {unknown[0]!r}, choose from {', '.join(CASES)}")
    root = Path(tempfile.mkdtemp(prefix="parallax-bad-input-"))
    # Reports outlive the inputs, which are large.
    profiles = Path(tempfile.mkdtemp(prefix="parallax-profiles-")) if args.profile else None
    try:
        for name in args.cases or list(CASES):
            run(name, root, profiles)
    finally:
        if args.keep:
            print(f"inputs kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
