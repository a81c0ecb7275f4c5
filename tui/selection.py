"""Finding the same fact again in a refined alignment: pure functions over two results."""

from __future__ import annotations

from alignment import Alignment


def _passage_key(alignment: Alignment, pid: int) -> tuple[int, int, int]:
    p = alignment.passages[pid]
    return p.doc, p.start, p.end


def match_group(old: Alignment, group: int | None, new: Alignment) -> int | None:
    """The group of ``new`` that best matches ``group`` of ``old``: the most shared text.

    Passages are compared by document and character range, so a refined alignment with other
    passage boundaries still finds the fact the reader was looking at.
    """
    if group is None or group >= len(old.groups):
        return None
    best, best_overlap = None, 0
    wanted = [_passage_key(old, p) for p in old.groups[group].passages]
    for pid in range(len(new.passages)):
        p = new.passages[pid]
        if p.group is None:
            continue
        overlap = sum(
            max(0, min(p.end, end) - max(p.start, start))
            for doc, start, end in wanted
            if doc == p.doc
        )
        if overlap > best_overlap:
            best, best_overlap = p.group, overlap
    return best


def match_passage(old: Alignment, passage: int | None, new: Alignment) -> int | None:
    """The passage of ``new`` that overlaps ``passage`` of ``old`` most."""
    if passage is None or passage >= len(old.passages):
        return None
    doc, start, end = _passage_key(old, passage)
    best, best_overlap = None, 0
    for p in new.passages:
        if p.doc != doc:
            continue
        overlap = max(0, min(p.end, end) - max(p.start, start))
        if overlap > best_overlap:
            best, best_overlap = p.id, overlap
    return best
