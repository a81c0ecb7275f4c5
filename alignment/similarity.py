"""Score matrices: weighted cosine over rare words (sparse products, blocked) plus rapidfuzz.

The weighted cosine finds candidates without a Python loop over pairs: one sparse product per
block of rows, pruned to the best ``top_k`` per row, so memory stays bounded on large stories.
rapidfuzz then scores only those candidates (``process.cpdist``), and the two are mixed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

Tokens = list[tuple[str, bool]]


@dataclass(frozen=True, slots=True)
class Weights:
    """Per-word weights fitted on one story: rare words, names and numbers weigh more."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    df: np.ndarray  # in how many units each word occurs
    common: np.ndarray  # True for words found in every source
    name_weight: float
    common_word_weight: float

    @classmethod
    def fit(
        cls,
        units: Sequence[Tokens],
        docs: Sequence[int],
        n_docs: int,
        *,
        name_weight: float,
        common_word_weight: float,
    ) -> Weights:
        """Learn the vocabulary and weights from the story's alignable sentences."""
        vocabulary: dict[str, int] = {}
        df: list[int] = []
        doc_sets: list[set[int]] = []
        for tokens, doc in zip(units, docs, strict=True):
            for word in {t for t, _ in tokens}:
                index = vocabulary.setdefault(word, len(vocabulary))
                if index == len(df):
                    df.append(0)
                    doc_sets.append(set())
                df[index] += 1
                doc_sets[index].add(doc)
        n = max(len(units), 1)
        idf = np.log((n + 1) / (np.asarray(df, dtype=np.float64) + 1)) + 1.0
        # "Every source" only means something with three or more sources.
        common = np.asarray([len(s) >= n_docs for s in doc_sets], dtype=bool) & (n_docs >= 3)
        return cls(
            vocabulary,
            idf,
            np.asarray(df, dtype=np.int64),
            common,
            name_weight,
            common_word_weight,
        )

    def blocking_mask(self, units: int, *, max_share: float, floor: int) -> np.ndarray | None:
        """Words rare enough to find candidates with, or None when every word is.

        On a large story a word found in thousands of sentences (the story's main name) would
        make every pair of those sentences a candidate; such a word still counts in the score.

        Args:
            units: how many sentences the weights were fitted on.
            max_share: a word in more than this share of them is left out of the search...
            floor: ...unless it is in at most this many (small stories keep every word).
        """
        keep = self.df <= max(floor, int(max_share * units))
        return None if keep.all() else keep

    def matrix(self, units: Sequence[Tokens]) -> sparse.csr_matrix:
        """L2-normalised weighted bag of words, one row per unit (unknown words ignored)."""
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for tokens in units:
            row: dict[int, float] = {}
            for word, is_name in tokens:
                index = self.vocabulary.get(word)
                if index is None:
                    continue
                weight = self.idf[index] * (self.name_weight if is_name else 1.0)
                if self.common[index]:
                    weight *= self.common_word_weight
                row[index] = max(row.get(index, 0.0), weight)
            norm = math.sqrt(sum(w * w for w in row.values())) or 1.0
            indices.extend(row)
            data.extend(w / norm for w in row.values())
            indptr.append(len(indices))
        return sparse.csr_matrix(
            (np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32), indptr),
            shape=(len(units), len(self.vocabulary)),
        )


def normalised_sum(matrix: sparse.csr_matrix, groups: Sequence[Sequence[int]]) -> sparse.csr_matrix:
    """Rows that are the L2-normalised sums of the given rows (a passage from its sentences)."""
    rows: list[int] = []
    cols: list[int] = []
    for r, members in enumerate(groups):
        rows.extend([r] * len(members))
        cols.extend(members)
    combine = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(groups), matrix.shape[0])
    )
    summed = (combine @ matrix).tocsr()
    norms = np.sqrt(np.asarray(summed.multiply(summed).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ summed)


# A document with at least this many rows is compared with the other documents only, not
# with itself: its own block of the product would be the largest and all thrown away.
_OWN_BLOCK = 400


def candidates(
    queries: sparse.csr_matrix,
    choices: sparse.csr_matrix,
    query_docs: np.ndarray,
    choice_docs: np.ndarray,
    *,
    cutoff: float,
    top_k: int,
    block: int,
    keep_columns: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cross-document pairs whose weighted cosine reaches ``cutoff``, best ``top_k`` per query.

    With ``keep_columns``, only those words count in the search (the cosine returned is then
    over them alone): the caller scores the candidates again with every word.

    Rows are taken in blocks, so memory stays bounded. When both sides are in document order
    (as the engine builds them), a long document's rows skip its own columns.

    Returns:
        Query rows, choice rows and cosines, as parallel arrays.
    """
    out: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    if keep_columns is not None:
        mask = sparse.diags(keep_columns.astype(np.float32))
        queries, choices = (queries @ mask).tocsr(), (choices @ mask).tocsr()
    choices_t = choices.T.tocsr()
    ordered = bool(np.all(np.diff(query_docs) >= 0) and np.all(np.diff(choice_docs) >= 0))
    for lo, hi, own in _row_blocks(query_docs, block, ordered):
        rows = queries[lo:hi]
        if own is None:
            parts = [(rows @ choices_t, 0)]
        else:
            c_lo, c_hi = np.searchsorted(choice_docs, [own, own + 1])
            parts = [(rows @ choices[:c_lo].T, 0), (rows @ choices[c_hi:].T, int(c_hi))]
        found = []
        for product, shift in parts:
            coo = product.tocoo()
            q, c, sc = coo.row + lo, coo.col + shift, coo.data
            keep = (sc >= cutoff) & (query_docs[q] != choice_docs[c])
            found.append((q[keep], c[keep], sc[keep]))
        q = np.concatenate([f[0] for f in found])
        c = np.concatenate([f[1] for f in found])
        sc = np.concatenate([f[2] for f in found])
        out.append(best_per_row(q, c, sc, top_k))
    if not out:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.empty(0, dtype=np.float32)
    return (
        np.concatenate([o[0] for o in out]).astype(np.int64),
        np.concatenate([o[1] for o in out]).astype(np.int64),
        np.concatenate([o[2] for o in out]).astype(np.float32),
    )


def best_per_row(
    q: np.ndarray, c: np.ndarray, sc: np.ndarray, top_k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``top_k`` best pairs of each query row (all of them when ``top_k`` is 0)."""
    if q.size == 0 or top_k <= 0:
        return q, c, sc
    order = np.argsort(q * 2.0 - sc, kind="stable")  # by query, best first (s <= 1)
    q, c, sc = q[order], c[order], sc[order]
    rank = np.arange(q.size) - np.searchsorted(q, q, side="left")
    keep = rank < top_k
    return q[keep], c[keep], sc[keep]


def _row_blocks(docs: np.ndarray, block: int, ordered: bool) -> list[tuple[int, int, int | None]]:
    """Blocks of rows ``[lo, hi)``; ``own`` names the document a block belongs to alone when
    that document is long enough to skip itself, else None."""
    n = docs.size
    if not ordered:
        return [(lo, min(lo + block, n), None) for lo in range(0, n, block)]
    blocks: list[tuple[int, int, int | None]] = []
    starts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]]) if n else np.empty(0, int)
    ends = np.r_[starts[1:], n] if n else np.empty(0, int)
    pending = -1  # start of a block of short documents still open
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        if end - start >= _OWN_BLOCK:
            if pending >= 0:
                blocks.append((pending, start, None))
                pending = -1
            blocks.extend(
                (lo, min(lo + block, end), int(docs[start])) for lo in range(start, end, block)
            )
            continue
        if pending < 0:
            pending = start
        if end - pending >= block:
            blocks.append((pending, end, None))
            pending = -1
    if pending >= 0:
        blocks.append((pending, n, None))
    return blocks


# Pairs per sparse row product in row_cosines: bounds the memory of the gathered rows.
_COSINE_CHUNK = 100_000


def row_cosines(
    left: sparse.csr_matrix, right: sparse.csr_matrix, li: np.ndarray, ri: np.ndarray
) -> np.ndarray:
    """Cosine of row ``li[k]`` of ``left`` with row ``ri[k]`` of ``right``, for every k."""
    if li.size == 0:
        return np.empty(0, dtype=np.float32)
    parts = [
        np.asarray(
            left[li[lo : lo + _COSINE_CHUNK]]
            .multiply(right[ri[lo : lo + _COSINE_CHUNK]])
            .sum(axis=1),
            dtype=np.float32,
        ).ravel()
        for lo in range(0, li.size, _COSINE_CHUNK)
    ]
    return np.concatenate(parts)


def fuzzy(keys_a: Sequence[str], keys_b: Sequence[str], workers: int) -> np.ndarray:
    """rapidfuzz token_set_ratio of aligned key lists, in [0, 1]."""
    if not keys_a:
        return np.empty(0, dtype=np.float32)
    scores = process.cpdist(
        list(keys_a), list(keys_b), scorer=fuzz.token_set_ratio, workers=workers, dtype=np.float32
    )
    return np.asarray(scores, dtype=np.float32) / 100.0
