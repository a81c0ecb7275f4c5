"""How many conflicts the engine flags on real news where most linked pairs agree (ECB+).

Each ECB+ topic (both sub-stories, whole documents) is aligned with the app's defaults
(words only, so the figure does not depend on the semantic extra); the script counts the
flagged links per topic and per kind, and prints a sample of flags to read by hand.

    python -m bench.ecb_flags                 # the table, and 3 flags per kind to read
    python -m bench.ecb_flags --sample 10 --seed 3
    python -m bench.ecb_flags --kind negation  # read the flags of one kind
    python -m bench.ecb_flags --json out.json

Run it on two commits to compare them (the README gives the figures of this one and of the
phrase rules before it).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from alignment import AlignConfig, align
from alignment.model import CONFLICT_KINDS
from bench.quality import DEFAULT_PATH, BenchmarkMissing, build_document, load_benchmark


def flags(path: Path, *, sample: int, seed: int, kind: str = "") -> dict[str, object]:
    """Per topic, the links and the flagged links by kind; and a sample of flags (of
    ``kind`` only, when given)."""
    bench = load_benchmark(path)
    config = AlignConfig(semantic="off")
    rows: list[dict[str, object]] = []
    found: list[tuple[str, str, str, str]] = []
    for topic in bench.topics():
        docs = [build_document(d).document for d in bench.docs if d.topic == topic]
        result = align(docs, config)
        kinds: Counter[str] = Counter()
        for pair in result.pairs:
            for conflict in pair.conflicts[:1]:
                kinds[conflict.kind] += 1
                if kind and conflict.kind != kind:
                    continue
                found.append(
                    (
                        topic,
                        conflict.reason,
                        result.text(result.passages[pair.a]),
                        result.text(result.passages[pair.b]),
                    )
                )
        rows.append(
            {
                "topic": topic,
                "links": len(result.pairs),
                "flagged": sum(kinds.values()),
                **{k: kinds.get(k, 0) for k in CONFLICT_KINDS},
            }
        )
    picked = random.Random(seed).sample(found, min(sample, len(found)))
    return {"topics": rows, "sample": picked}


def _print(result: dict[str, object]) -> None:
    rows = result["topics"]
    assert isinstance(rows, list)
    head = ["topic", "links", "flagged", *CONFLICT_KINDS]
    print("  ".join(f"{h:>11}" for h in head))
    totals: Counter[str] = Counter()
    for row in rows:
        print("  ".join(f"{row[h]!s:>11}" for h in head))
        for h in head[1:]:
            totals[h] += int(row[h])
    print("  ".join(f"{v!s:>11}" for v in ["all", *(totals[h] for h in head[1:])]))
    sample = result["sample"]
    assert isinstance(sample, list)
    print("\nA sample of flags to read:")
    for topic, reason, a, b in sample:
        print(f"- topic {topic}: {reason}\n    a: {a[:200]!r}\n    b: {b[:200]!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ecb_flags", description=__doc__)
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--sample", type=int, default=12, help="flags to print for reading")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument(
        "--kind", choices=CONFLICT_KINDS, default="", help="sample flags of this kind only"
    )
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    try:
        result = flags(args.path, sample=args.sample, seed=args.seed, kind=args.kind)
    except BenchmarkMissing as exc:
        print(f"parallax: {exc}", file=sys.stderr)
        return 0
    _print(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
