"""Lesson 04's exercise: build the nearest-neighbour graph spectral clustering uses."""

from __future__ import annotations

import numpy as np

from ..spectral import knn_affinity
from ._feedback import Feedback, call_student

__all__ = ["check_knn_affinity"]

_N_NEIGHBORS = 3


def _test_case():
    # 10 points along a bent line, no ties between distances
    t = np.array([0.0, 0.7, 1.5, 2.1, 3.2, 4.0, 4.6, 5.9, 6.3, 7.4])
    return np.column_stack([t, np.sin(t)]), _N_NEIGHBORS


def _dense(matrix):
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)


def check_knn_affinity(func):
    """Check a student's ``func(X, n_neighbors) -> affinity`` (dense or sparse).

    It must return the matrix SpectralClustering builds: ``C[i, j] = 1`` when
    ``j`` is one of the ``n_neighbors`` nearest points of ``i`` (``i`` itself
    included), and the affinity ``0.5 * (C + C.T)``. The checker answers in one
    sentence, naming the first pair of points that is wrong.

    Returns
    -------
    Feedback

    Examples
    --------
    >>> import numpy as np
    >>> def affinity(X, n_neighbors):
    ...     d = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    ...     nearest = np.argsort(d, axis=1)[:, :n_neighbors]
    ...     C = np.zeros((len(X), len(X)))
    ...     C[np.arange(len(X))[:, None], nearest] = 1
    ...     return 0.5 * (C + C.T)
    >>> check_knn_affinity(affinity)
    Correct: all 100 entries match SpectralClustering's graph for 10 points and n_neighbors=3.
    """
    X, k = _test_case()
    n = len(X)
    result, problem = call_student(func, X.copy(), k)
    if problem is not None:  # a failed Feedback is falsy, so test for None
        return problem
    try:
        A = np.asarray(_dense(result), dtype=float)
    except (TypeError, ValueError):
        return Feedback(False, f"expected a matrix of numbers, but got {type(result).__name__}.")
    if A.shape != (n, n):
        return Feedback(False, f"expected an ({n}, {n}) matrix, one row and one column per "
                               f"point, but got shape {A.shape}.")
    want = knn_affinity(X, k).toarray()
    if np.allclose(A, want):
        return Feedback(True, f"all {n * n} entries match SpectralClustering's graph for {n} "
                              f"points and n_neighbors={k}.")
    if not A.any():
        return Feedback(False, "your matrix is all zeros: set C[i, j] = 1 for each of the "
                               f"{k} nearest points j of every point i, then average C and C.T.")
    choice = (want > 0).astype(float)  # C OR C.T
    if np.allclose(np.diag(A), 0) and not np.allclose(np.diag(want), 0):
        return Feedback(False, "the diagonal is 0, but scikit-learn counts every point as "
                               "one of its own neighbours (include_self=True), so A[i, i] = 1 "
                               f"and each point chooses only {k - 1} others.")
    if not np.allclose(A, A.T):
        i, j = np.argwhere(~np.isclose(A, A.T))[0]
        return Feedback(False, f"the matrix is not symmetric: A[{i}, {j}] = {A[i, j]:g} but "
                               f"A[{j}, {i}] = {A[j, i]:g}. A graph edge joins two points both "
                               "ways: average C and its transpose, 0.5 * (C + C.T).")
    if np.allclose(A, choice):
        i, j = np.argwhere(want == 0.5)[0]
        return Feedback(False, f"A[{i}, {j}] is 1, but only one of points {i} and {j} chose "
                               "the other, so the average 0.5 * (C + C.T) gives 0.5 there.")
    i, j = np.argwhere(~np.isclose(A, want))[0]
    return Feedback(False, f"A[{i}, {j}] is {A[i, j]:g}, but it should be {want[i, j]:g}: "
                           f"is each point joined to exactly its {k} nearest points, itself "
                           "included?")
