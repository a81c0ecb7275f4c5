"""Candidate search checked against a slow double loop over every pair."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from alignment import similarity


def _story(seed: int, docs: list[int]) -> tuple[sparse.csr_matrix, np.ndarray]:
    rng = np.random.default_rng(seed)
    rows = sum(docs)
    dense = rng.random((rows, 30)) * (rng.random((rows, 30)) < 0.2)
    norms = np.linalg.norm(dense, axis=1)
    norms[norms == 0] = 1
    doc_of = np.repeat(np.arange(len(docs)), docs)
    return sparse.csr_matrix(dense / norms[:, None]), doc_of


def _reference(matrix, doc_of, cutoff):
    dense = matrix.toarray()
    found = set()
    for i in range(dense.shape[0]):
        for j in range(dense.shape[0]):
            score = float(dense[i] @ dense[j])
            if doc_of[i] != doc_of[j] and score >= cutoff:
                found.add((i, j))
    return found


@pytest.mark.parametrize("own_block", [1000, 5], ids=["mixed-blocks", "long-docs-skip-self"])
@pytest.mark.parametrize("block", [3, 50])
def test_candidates_match_a_double_loop(monkeypatch, own_block, block):
    monkeypatch.setattr(similarity, "_OWN_BLOCK", own_block)
    matrix, doc_of = _story(7, [4, 9, 2, 12, 6])
    q, c, s = similarity.candidates(
        matrix, matrix, doc_of, doc_of, cutoff=0.3, top_k=0, block=block
    )
    assert set(zip(q.tolist(), c.tolist(), strict=True)) == _reference(matrix, doc_of, 0.3)
    dense = matrix.toarray()
    assert np.allclose(s, np.einsum("ij,ij->i", dense[q], dense[c]), atol=1e-5)


def test_top_k_keeps_the_best_of_each_row():
    matrix, doc_of = _story(3, [10, 10, 10])
    q, _, s = similarity.candidates(matrix, matrix, doc_of, doc_of, cutoff=0.0, top_k=2, block=7)
    everything = similarity.candidates(matrix, matrix, doc_of, doc_of, cutoff=0.0, top_k=0, block=7)
    for row in range(matrix.shape[0]):
        kept = np.sort(s[q == row])[::-1]
        allowed = np.sort(everything[2][everything[0] == row])[::-1][:2]
        assert np.allclose(kept, allowed)
