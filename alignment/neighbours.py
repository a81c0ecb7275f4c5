"""Neighbour evidence: passages that the same other passages echo tell the same fact.

Across many sources one fact is told many times. Two passages whose rows of strong links to
the rest of the story are alike are told the same fact by the other sources, even when their
own words differ ("rejected rumors" / "denied reports"); and two passages that are both among
the strongest links of a third one are worth scoring even when the word search missed them.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from .similarity import best_per_row, row_cosines

# How many of each passage's strongest links count as its neighbours: bounds memory (a fact
# told by a thousand sources would otherwise give each passage a thousand).
NEIGHBOUR_K = 128


def strong_links(
    la: np.ndarray, lb: np.ndarray, scores: np.ndarray, n: int, floor: float, k: int
) -> sparse.csr_matrix:
    """Per passage (row), its best ``k`` links scoring at least ``floor``, with their scores."""
    keep = scores >= floor
    rows = np.concatenate([la[keep], lb[keep]])
    cols = np.concatenate([lb[keep], la[keep]])
    rows, cols, values = best_per_row(rows, cols, np.concatenate([scores[keep]] * 2), k)
    return sparse.csr_matrix((values, (rows, cols)), shape=(n, n), dtype=np.float32)


def second_order(
    la: np.ndarray,
    lb: np.ndarray,
    scores: np.ndarray,
    n: int,
    floor: float,
    docs: np.ndarray,
    k: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a < b, two sources) not yet scored that are both among the best ``k`` strong
    links of one passage (k*k pairs per passage at most: keep k small on huge stories)."""
    strong = strong_links(la, lb, scores, n, floor, k)
    strong.data[:] = 1.0
    two = sparse.triu(strong.T @ strong, k=1).tocoo()
    a, b = two.row.astype(np.int64), two.col.astype(np.int64)
    fresh = (docs[a] != docs[b]) & ~np.isin(a * n + b, la * n + lb)
    return a[fresh], b[fresh]


def neighbour_evidence(
    la: np.ndarray, lb: np.ndarray, scores: np.ndarray, n: int, floor: float
) -> np.ndarray:
    """Per pair, the cosine of the two passages' rows of strong scores to the other passages.

    Across many sources a fact is told many times: two passages that the same other passages
    match tell one fact even when their own words differ.
    """
    strong = strong_links(la, lb, scores, n, floor, NEIGHBOUR_K)
    norms = np.sqrt(np.asarray(strong.multiply(strong).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sparse.csr_matrix(sparse.diags(1.0 / norms) @ strong)
    return row_cosines(unit, unit, la, lb)
