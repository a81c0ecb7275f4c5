"""Article-level structure: how alike two articles are, the gate it puts on their links, and
the events a story's articles fall into.
"""

from __future__ import annotations

from typing import cast

import numpy as np
from scipy import sparse

from .similarity import normalised_sum


def article_similarities(matrix: sparse.csr_matrix, docs: np.ndarray, n_docs: int) -> np.ndarray:
    """Cosine of every two articles' summed sentence vectors (zero on the diagonal)."""
    members = [np.flatnonzero(docs == d).tolist() for d in range(n_docs)]
    doc_vectors = normalised_sum(matrix, members)
    sims = (doc_vectors @ doc_vectors.T).toarray()
    np.fill_diagonal(sims, 0.0)
    return cast(np.ndarray, sims)


def doc_gate(sims: np.ndarray, strength: float) -> np.ndarray:
    """Per pair of documents, a factor in [1 - strength, 1]: dissimilar articles count less.

    Each article is compared with its own nearest neighbour: two articles as close to each
    other as to their nearest neighbours (80% of it, for slack) get no penalty, whatever the
    story's overall level of overlap; an article about another event, far from both, does.
    """
    n_docs = sims.shape[0]
    if strength <= 0 or n_docs < 2:
        return np.ones((n_docs, n_docs), dtype=np.float32)
    nearest = sims.max(axis=1)
    ref = 0.8 * np.minimum(nearest[:, None], nearest[None, :])
    ratio = np.divide(sims, ref, out=np.ones_like(sims), where=ref > 0)
    factor = (1.0 - strength) + strength * np.minimum(1.0, ratio) ** 2
    np.fill_diagonal(factor, 1.0)
    return cast(np.ndarray, factor.astype(np.float32))


# The smaller half of a split holds at least this share of the story's articles.
_EVENT_MIN_SHARE = 0.2
# Stories larger than this are not split into events (an eigen-decomposition costs n^3).
_EVENTS_MAX_DOCS = 2000
# A cut inside an event already cut off must be this clear (mean similarity across it, over
# the mean within): one event's articles differ among themselves too (a follow-up, another
# angle), and a loose second cut gates links that tell the same event.
_SUB_EVENT_RATIO = 0.45


def events(sims: np.ndarray, max_ratio: float) -> np.ndarray:
    """Per article, the event it tells: articles split in two, and each half again, while
    the articles of the two halves are much less alike than the articles within each half
    (labels 0, 1, ...; all 0 when ``max_ratio`` is 0 or the articles hold together).

    Two earthquakes, two arrests of one player: each event's articles share dates, places
    and details the other event's do not. The split is the spectral cut of the article
    similarity graph (the sign of the Fiedler vector of its normalised Laplacian); it is kept
    only when the mean similarity across the cut is under ``max_ratio`` times the mean within
    the halves, each half holds together better than it holds to the other, and the smaller
    half has at least a fifth of the story's articles (two at least). A half is cut again
    only when that cut is clear (``_SUB_EVENT_RATIO``).
    """
    n = sims.shape[0]
    labels = np.zeros(n, dtype=np.int64)
    if max_ratio <= 0 or n < 4 or n > _EVENTS_MAX_DOCS:
        return labels
    pending = [(np.arange(n), max_ratio)]
    next_label = 1
    while pending:
        members, ratio = pending.pop()
        halves = _spectral_cut(sims[np.ix_(members, members)], ratio, max(2, _EVENT_MIN_SHARE * n))
        if halves is None:
            continue
        left, right = members[halves], members[~halves]
        labels[right] = next_label
        next_label += 1
        deeper = min(ratio, _SUB_EVENT_RATIO)
        pending.extend([(left, deeper), (right, deeper)])
    return labels


def _spectral_cut(sims: np.ndarray, max_ratio: float, min_size: float) -> np.ndarray | None:
    """A boolean mask of one half, or None when the articles hold together (or one half
    would hold fewer than ``min_size`` articles)."""
    n = sims.shape[0]
    if n < 4:
        return None
    degree = sims.sum(axis=1)
    if np.any(degree <= 0):
        return None
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(n) - sims * scale[:, None] * scale[None, :]
    _, vectors = np.linalg.eigh(laplacian)
    half = vectors[:, 1] * scale > 0
    a, b = np.flatnonzero(half), np.flatnonzero(~half)
    # A few articles split off a large story are more likely its noise than an event.
    if min(a.size, b.size) < min_size:
        return None
    within_a = sims[np.ix_(a, a)].sum() / (a.size * (a.size - 1))
    within_b = sims[np.ix_(b, b)].sum() / (b.size * (b.size - 1))
    within = (within_a * a.size * (a.size - 1) + within_b * b.size * (b.size - 1)) / (
        a.size * (a.size - 1) + b.size * (b.size - 1)
    )
    between = sims[np.ix_(a, b)].mean()
    # Both halves must hold together better than they hold to each other: two wire copies
    # of one dispatch are a tight pair, not an event of their own.
    if within <= 0 or between >= max_ratio * within or between >= min(within_a, within_b):
        return None
    return cast(np.ndarray, half)
