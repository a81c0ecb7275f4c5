"""Hand-written gold for the seeds, and scorers that tests and bench/ share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from alignment import Alignment

GOLD_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class GoldScore:
    """Precision and recall of an alignment on the hand-written pairs."""

    precision: float
    recall: float
    missed: tuple[str, ...]
    wrong: tuple[str, ...]


def _sentence_of(alignment: Alignment, prefix: str, snippet: str) -> tuple[int, int]:
    docs = [i for i, d in enumerate(alignment.documents) if d.id.startswith(prefix)]
    if len(docs) != 1:
        raise KeyError(f"source {prefix!r} not found once")
    d = docs[0]
    hits = [s.index for s in alignment.sentences[d] if snippet in alignment.text(s)]
    if len(hits) != 1:
        raise KeyError(f"{prefix}: snippet found in {len(hits)} sentences: {snippet!r}")
    return d, hits[0]


def _source(value: object) -> str:
    # YAML reads 000 as the integer 0: give the id prefix its three digits back.
    return f"{value:03d}" if isinstance(value, int) else str(value)


def passages_of(alignment: Alignment, entry: list) -> tuple[int, int]:
    """The passage ids holding the two sentences of a gold entry."""
    a = alignment.passage_of_sentence(*_sentence_of(alignment, _source(entry[0]), entry[1]))
    b = alignment.passage_of_sentence(*_sentence_of(alignment, _source(entry[2]), entry[3]))
    return a.id, b.id


def linked(alignment: Alignment, entry: list) -> bool:
    """True when the engine links the two gold sentences' passages directly (a CSV row)."""
    a, b = passages_of(alignment, entry)
    return any({p.a, p.b} == {a, b} for p in alignment.pairs)


def together(alignment: Alignment, entry: list) -> bool:
    """True when the two gold sentences sit in one fact group (lit together in the reader);
    a passage telling two facts sits in both groups."""
    a, b = passages_of(alignment, entry)
    return bool(set(alignment.groups_of(a)) & set(alignment.groups_of(b)))


def load_alignment_gold() -> dict[str, list[list]]:
    """The ``align`` and ``apart`` lists of ``alignment.yaml``."""
    return yaml.safe_load((GOLD_DIR / "alignment.yaml").read_text(encoding="utf-8"))


def score_alignment(alignment: Alignment, *, by: str = "link") -> GoldScore:
    """Recall over the pairs that must align; precision counts the apart pairs aligned too.

    Args:
        alignment: the engine's result on the seeds.
        by: "link" scores the direct links (the CSV rows); "group" scores sharing a fact
            group (what the reader lights together).
    """
    test = linked if by == "link" else together
    gold = load_alignment_gold()
    found = [test(alignment, e) for e in gold["align"]]
    joined = [test(alignment, e) for e in gold["apart"]]
    tp, fp = sum(found), sum(joined)
    return GoldScore(
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / len(found),
        missed=tuple(
            f"{e[0]}~{e[2]}: {e[1]} / {e[3]}"
            for e, ok in zip(gold["align"], found, strict=True)
            if not ok
        ),
        wrong=tuple(
            f"{e[0]}~{e[2]}: {e[1]} / {e[3]}"
            for e, bad in zip(gold["apart"], joined, strict=True)
            if bad
        ),
    )
