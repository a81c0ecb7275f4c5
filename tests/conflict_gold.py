"""The contradiction gold (tests/gold/conflicts.yaml) and its scores, for tests and bench.

``evaluate()`` runs ``find_conflicts`` on every gold pair directly (which pairs the aligner
links is tuned separately) and counts:

- a contradiction is found when the detector reports a conflict of the gold kind;
- a false alarm is a lookalike with any conflict, or a contradiction reported only with
  other kinds.

Precision = found / (found + false alarms); recall = found / contradictions.
Run ``python -m tests.conflict_gold`` to print both and every miss.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from alignment.conflicts import Side, find_conflicts
from alignment.model import Conflict

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "conflicts.yaml"
SEEDS = ROOT / "seeds"

Detector = Callable[[Side, Side], tuple[Conflict, ...]]


@dataclass(frozen=True, slots=True)
class GoldPair:
    """One gold entry with both passages placed in their documents."""

    id: str
    contradiction: bool
    kind: str
    a: Side
    b: Side
    words_a: tuple[str, ...]
    words_b: tuple[str, ...]
    why: str


@dataclass
class Scores:
    """What ``evaluate`` measured."""

    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    quiet: list[str] = field(default_factory=list)
    results: dict[str, tuple[Conflict, ...]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        flagged = len(self.found) + len(self.false_alarms)
        return len(self.found) / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0


def _side(doc: int, doc_id: str, text: str, passage: str) -> Side:
    start = text.index(passage)  # ValueError: the gold text is not in the file
    return Side(doc=doc, label=doc_id[:3], text=passage, offset=start)


def load_gold(path: Path = GOLD, seeds: Path = SEEDS) -> list[GoldPair]:
    """Every gold pair, with offsets found in the seed files."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    ids = sorted(p.stem for p in seeds.glob("*.txt"))
    texts = {i: (seeds / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    pairs: list[GoldPair] = []
    for section, is_conflict in (("contradictions", True), ("lookalikes", False)):
        for entry in data[section]:
            a_id, b_id = entry["a"], entry["b"]
            pairs.append(
                GoldPair(
                    id=entry["id"],
                    contradiction=is_conflict,
                    kind=entry.get("kind", ""),
                    a=_side(ids.index(a_id), a_id, texts[a_id], entry["text_a"]),
                    b=_side(ids.index(b_id), b_id, texts[b_id], entry["text_b"]),
                    words_a=tuple(entry.get("words_a", ())),
                    words_b=tuple(entry.get("words_b", ())),
                    why=entry.get("why", ""),
                )
            )
    return pairs


def evaluate(pairs: list[GoldPair] | None = None, detect: Detector = find_conflicts) -> Scores:
    """Run ``detect`` on every gold pair and score it."""
    scores = Scores()
    for pair in pairs if pairs is not None else load_gold():
        found = detect(pair.a, pair.b)
        scores.results[pair.id] = found
        kinds = {c.kind for c in found}
        if pair.contradiction:
            if pair.kind in kinds:
                scores.found.append(pair.id)
            else:
                scores.missed.append(pair.id)
                if kinds:
                    scores.false_alarms.append(pair.id)
        elif kinds:
            scores.false_alarms.append(pair.id)
        else:
            scores.quiet.append(pair.id)
    return scores


def main() -> None:
    pairs = load_gold()
    scores = evaluate(pairs)
    n_pos = sum(p.contradiction for p in pairs)
    print(f"contradiction gold: {n_pos} contradictions, {len(pairs) - n_pos} lookalikes")
    print(f"precision {scores.precision:.3f}  recall {scores.recall:.3f}")
    for name in scores.missed:
        print(f"  missed       {name}")
    for name in scores.false_alarms:
        reasons = "; ".join(c.reason for c in scores.results[name])
        print(f"  false alarm  {name}: {reasons}")


if __name__ == "__main__":
    main()
