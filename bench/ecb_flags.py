"""How many conflicts the engine flags on real news where most linked pairs agree (ECB+).

Each ECB+ topic (both sub-stories, whole documents) is aligned with the app's defaults
(words only, so the figure does not depend on the semantic extra); the script counts the
flagged links per topic and per kind, and prints a sample of flags to read by hand.

    python -m bench.ecb_flags                 # the table, and 3 flags per kind to read
    python -m bench.ecb_flags --sample 10 --seed 3
    python -m bench.ecb_flags --kind negation  # read the flags of one kind
    python -m bench.ecb_flags --json out.json
    python -m bench.ecb_flags --unlabelled new.jsonl   # the flags no one has judged yet

Every flag is also looked up in ``bench/ecb_flag_labels.jsonl``: 651 distinct flags (541 of
session 6's start, the rest as later rules made them), each judged by a reader who did not read
the rules (real, or false with a class: other-event, other-quantity, misread-number,
other-claim, not-negated, compatible, different-quote, other). A flag is known by its kind and its
two passages' texts, so the table gives, per kind, how many of today's flags were judged and
the share of them that are real: the precision on real news. Flags the file does not know are
counted apart (a change that makes new flags must have them read: ``--unlabelled`` writes them
for that).

Run it on two commits to compare them (the README gives the figures of this one and of the
phrase rules before it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from alignment import AlignConfig, align
from alignment.model import CONFLICT_KINDS
from bench.quality import DEFAULT_PATH, BenchmarkMissing, build_document, load_benchmark

LABELS = Path(__file__).resolve().parent / "ecb_flag_labels.jsonl"


def flag_key(kind: str, a: str, b: str) -> str:
    """A flag's name in the labels file: its kind and its two passages, in either order."""
    return hashlib.sha256("\x00".join([kind, *sorted([a, b])]).encode()).hexdigest()[:16]


def load_labels(path: Path = LABELS) -> dict[str, str]:
    """Per flag key, "real", "false" or "unsure" (empty when the file is absent)."""
    if not path.exists():
        return {}
    labels: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            labels[str(entry["key"])] = str(entry["label"])
    return labels


def flags(path: Path, *, sample: int, seed: int, kind: str = "") -> dict[str, object]:
    """Per topic, the links and the flagged links by kind; and a sample of flags (of
    ``kind`` only, when given)."""
    bench = load_benchmark(path)
    config = AlignConfig(semantic="off")
    labels = load_labels()
    rows: list[dict[str, object]] = []
    found: list[tuple[str, str, str, str]] = []
    judged: dict[str, Counter[str]] = {k: Counter() for k in CONFLICT_KINDS}
    unlabelled: list[dict[str, str]] = []
    for topic in bench.topics():
        docs = [build_document(d).document for d in bench.docs if d.topic == topic]
        result = align(docs, config)
        kinds: Counter[str] = Counter()
        for pair in result.pairs:
            for conflict in pair.conflicts[:1]:
                kinds[conflict.kind] += 1
                text_a = result.text(result.passages[pair.a])
                text_b = result.text(result.passages[pair.b])
                key = flag_key(conflict.kind, text_a, text_b)
                label = labels.get(key, "unlabelled")
                judged[conflict.kind][label] += 1
                if label == "unlabelled":
                    unlabelled.append(
                        {
                            "key": key,
                            "topic": topic,
                            "kind": conflict.kind,
                            "reason": conflict.reason,
                            "a": text_a,
                            "b": text_b,
                        }
                    )
                if kind and conflict.kind != kind:
                    continue
                found.append((topic, conflict.reason, text_a, text_b))
        rows.append(
            {
                "topic": topic,
                "links": len(result.pairs),
                "flagged": sum(kinds.values()),
                **{k: kinds.get(k, 0) for k in CONFLICT_KINDS},
            }
        )
    picked = random.Random(seed).sample(found, min(sample, len(found)))
    precision = {
        k: {
            "flags": sum(c.values()),
            "judged": c["real"] + c["false"],
            "real": c["real"],
            "unsure": c["unsure"],
            "unlabelled": c["unlabelled"],
            "precision": round(c["real"] / (c["real"] + c["false"]), 3)
            if c["real"] + c["false"]
            else None,
        }
        for k, c in judged.items()
    }
    return {"topics": rows, "sample": picked, "precision": precision, "unlabelled": unlabelled}


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
    precision = result["precision"]
    assert isinstance(precision, dict)
    print(f"\nJudged by hand ({LABELS.name}): per kind, real flags of those judged")
    real = judged = 0
    for k, p in precision.items():
        if p["flags"]:
            share = "-" if p["precision"] is None else f"{p['precision']:.2f}"
            print(
                f"  {k:>11}: {p['real']:>4} real of {p['judged']:>4} judged  P {share:>4}"
                f"  ({p['unlabelled']} not judged, {p['unsure']} unsure)"
            )
            real += p["real"]
            judged += p["judged"]
    if judged:
        print(f"  {'all':>11}: {real:>4} real of {judged:>4} judged  P {real / judged:.2f}")
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
    parser.add_argument(
        "--unlabelled", type=Path, help="write the flags no label judges, as JSON lines"
    )
    args = parser.parse_args(argv)
    try:
        result = flags(args.path, sample=args.sample, seed=args.seed, kind=args.kind)
    except BenchmarkMissing as exc:
        print(f"parallax: {exc}", file=sys.stderr)
        return 0
    _print(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if args.unlabelled:
        new = result["unlabelled"]
        assert isinstance(new, list)
        args.unlabelled.write_text("".join(json.dumps(x) + "\n" for x in new), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
