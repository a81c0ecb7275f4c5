"""Links -> fact groups, without chaining unrelated facts together.

Plain connected components chain: A~B and B~C put A and C together even when they tell
different facts. Here groups grow from the strongest links first (average-linkage
agglomerative clustering): two groups merge only when the pairs between them that could be
linked (pairs from different sources) are, for at least ``cohesion`` of them, supported by a
score of at least ``support``. Support is a little below the link threshold, so that a group
is not refused for a pair that only just missed the threshold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np


def build_groups(
    passage_docs: Sequence[int],
    pair_a: np.ndarray,
    pair_b: np.ndarray,
    pair_score: np.ndarray,
    *,
    link_threshold: float,
    support: float,
    cohesion: float,
    attach: float = 1.0,
) -> list[list[int]]:
    """Cluster passages into groups.

    Args:
        passage_docs: the document of each passage.
        pair_a, pair_b, pair_score: scored candidate pairs of passages (parallel arrays).
        link_threshold: a pair at or above it is a link, and may merge two groups.
        support: a pair at or above it counts towards the cohesion of a merge.
        cohesion: share of cross-source member pairs that must be supported for a merge.
        attach: a passage still alone joins the group of its best link at or above this.

    Returns:
        Groups of two or more passages (sorted ids), from at least two documents, sorted by
        their first passage.
    """
    supported = pair_score >= min(support, link_threshold)
    cluster_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    doc_counts: dict[int, dict[int, int]] = {}
    # Per cluster, how many supported pairs join it to each other cluster; kept up to date on
    # merges so a merge test costs one look-up, not a walk over both clusters.
    between: dict[int, dict[int, int]] = defaultdict(dict)

    def cluster(p: int) -> int:
        if p not in cluster_of:
            cluster_of[p] = p
            members[p] = [p]
            doc_counts[p] = {passage_docs[p]: 1}
        return cluster_of[p]

    for a, b in zip(pair_a[supported].tolist(), pair_b[supported].tolist(), strict=True):
        ca, cb = cluster(a), cluster(b)
        between[ca][cb] = between[ca].get(cb, 0) + 1
        between[cb][ca] = between[cb].get(ca, 0) + 1

    is_link = pair_score >= link_threshold
    la, lb, ls = pair_a[is_link], pair_b[is_link], pair_score[is_link]
    refused: dict[tuple[int, int], tuple[int, int]] = {}  # nothing changed: same answer
    for k in np.lexsort((lb, la, -ls)).tolist():  # best first, ties by index
        ca, cb = cluster(int(la[k])), cluster(int(lb[k]))
        if ca == cb:
            continue
        small, large = (ca, cb) if len(members[ca]) <= len(members[cb]) else (cb, ca)
        sizes = (len(members[small]), len(members[large]))
        if refused.get((small, large)) == sizes:
            continue
        linked = between[small].get(large, 0)
        possible = len(members[small]) * len(members[large]) - sum(
            n * doc_counts[large].get(d, 0) for d, n in doc_counts[small].items()
        )
        if possible <= 0 or linked < cohesion * possible:
            refused[(small, large)] = sizes
            continue
        for p in members[small]:
            cluster_of[p] = large
        members[large].extend(members.pop(small))
        for d, n in doc_counts.pop(small).items():
            doc_counts[large][d] = doc_counts[large].get(d, 0) + n
        for other, n in between.pop(small).items():
            del between[other][small]
            if other != large:
                between[large][other] = between[large].get(other, 0) + n
                between[other][large] = between[other].get(large, 0) + n
        between[large].pop(small, None)
    # A passage left on its own with a strong link (``attach`` or more) to a group joins its
    # best link's group: one step, never a chain, since what joins this way brings nobody.
    formed = {c for c, ps in members.items() if len(ps) > 1}
    joins: dict[int, int] = {}
    strong = ls >= attach
    la, lb, ls = la[strong], lb[strong], ls[strong]
    for k in np.lexsort((lb, la, -ls)).tolist():
        for p, q in ((int(la[k]), int(lb[k])), (int(lb[k]), int(la[k]))):
            if p not in joins and len(members[cluster_of[p]]) == 1 and cluster_of[q] in formed:
                joins[p] = cluster_of[q]
    for p, c in joins.items():
        members.pop(cluster_of[p])
        doc_counts.pop(cluster_of[p])
        cluster_of[p] = c
        members[c].append(p)
        doc_counts[c][passage_docs[p]] = doc_counts[c].get(passage_docs[p], 0) + 1
    groups = [sorted(ps) for c, ps in members.items() if len(ps) > 1 and len(doc_counts[c]) > 1]
    groups.sort(key=lambda g: g[0])
    return groups
