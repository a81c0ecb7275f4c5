"""Links -> fact groups, without chaining unrelated facts together.

Plain connected components chain: A~B and B~C put A and C together even when they tell
different facts. Here groups grow from the strongest links first, and two groups merge only when
the links between them cover at least ``cohesion`` of the pairs that could link (pairs from
different sources), the average-linkage rule of agglomerative clustering.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np


def build_groups(
    passage_docs: Sequence[int],
    link_a: np.ndarray,
    link_b: np.ndarray,
    link_score: np.ndarray,
    *,
    cohesion: float,
) -> list[list[int]]:
    """Cluster linked passages into groups.

    Args:
        passage_docs: the document of each passage.
        link_a, link_b, link_score: the links, as parallel arrays of passage ids and scores.
        cohesion: share of cross-source member pairs that must be linked for a merge.

    Returns:
        Groups of two or more passages (sorted ids), from at least two documents, sorted by
        their first passage.
    """
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in zip(link_a.tolist(), link_b.tolist(), strict=True):
        neighbours[a].add(b)
        neighbours[b].add(a)
    cluster_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    doc_counts: dict[int, dict[int, int]] = {}

    def cluster(p: int) -> int:
        if p not in cluster_of:
            cluster_of[p] = p
            members[p] = [p]
            doc_counts[p] = {passage_docs[p]: 1}
        return cluster_of[p]

    order = np.lexsort((link_b, link_a, -link_score))  # best first, ties by index
    for k in order.tolist():
        ca, cb = cluster(int(link_a[k])), cluster(int(link_b[k]))
        if ca == cb:
            continue
        small, large = (ca, cb) if len(members[ca]) <= len(members[cb]) else (cb, ca)
        large_set = members[large]
        linked = sum(1 for p in members[small] for q in neighbours[p] if cluster_of.get(q) == large)
        possible = len(members[small]) * len(large_set) - sum(
            n * doc_counts[large].get(d, 0) for d, n in doc_counts[small].items()
        )
        if possible <= 0 or linked < cohesion * possible:
            continue
        for p in members[small]:
            cluster_of[p] = large
        members[large].extend(members.pop(small))
        for d, n in doc_counts.pop(small).items():
            doc_counts[large][d] = doc_counts[large].get(d, 0) + n
    groups = [sorted(ps) for c, ps in members.items() if len(ps) > 1 and len(doc_counts[c]) > 1]
    groups.sort(key=lambda g: g[0])
    return groups
