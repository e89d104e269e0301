"""Lesson 04's exercise: build the nearest-neighbour graph spectral clustering uses."""

from __future__ import annotations

from itertools import combinations, product

import numpy as np

from ._feedback import Case, check_cases

__all__ = ["check_knn_affinity"]

#: At most this many ways to break the ties of one case are tried (the tie case has 2).
_MAX_TIE_BREAKS = 4096


def _bent_line():
    # the lesson's example: 10 points along a bent line, no ties between distances
    t = np.array([0.0, 0.7, 1.5, 2.1, 3.2, 4.0, 4.6, 5.9, 6.3, 7.4])
    return np.column_stack([t, np.sin(t)])


def _tie():
    # point 1 is exactly as far from point 0 as from point 2 (distance 1): with
    # n_neighbors=2 it chooses itself and ONE of them, either is accepted
    return np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [4.5, 0.0], [4.5, 2.0]])


def _cases():
    rng = np.random.default_rng(404)
    return [
        Case("the checker's own 10 points on a bent line, n_neighbors=3", (_bent_line(), 3)),
        Case("n_neighbors=1: every point chooses only itself", (rng.normal(size=(6, 2)), 1)),
        Case("three features, n_neighbors=4", (rng.normal(size=(12, 3)), 4)),
        Case("many points: 150 points, n_neighbors=10", (rng.normal(size=(150, 2)), 10)),
        Case("a tie: points 0 and 2 are equally near to point 1 (either one is accepted, "
             "but only one), n_neighbors=2", (_tie(), 2)),
    ]


def _dense(matrix):
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)


def _valid_choices(X, k):
    """Every 0/1 matrix C that picks, in each row, a set of k nearest points (ties broken any way)."""
    d = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)  # exact for the tie case's integers
    rows = []
    for i in range(len(X)):
        kth = np.sort(d[i])[k - 1]  # the k-th smallest distance
        sure = np.flatnonzero(d[i] < kth)
        boundary = np.flatnonzero(d[i] == kth)  # any k - len(sure) of these will do
        rows.append([np.concatenate([sure, pick])
                     for pick in combinations(boundary, k - len(sure))])
    if np.prod([len(r) for r in rows], dtype=float) > _MAX_TIE_BREAKS:
        return None
    choices = []
    for picks in product(*rows):
        C = np.zeros((len(X), len(X)))
        for i, chosen in enumerate(picks):
            C[i, list(chosen)] = 1
        choices.append(C)
    return choices


def _judge(result, X, k):
    n = len(X)
    try:
        A = np.asarray(_dense(result), dtype=float)
    except (TypeError, ValueError):
        return f"expected a matrix of numbers, but got {type(result).__name__}."
    if A.shape != (n, n):
        return (f"expected an ({n}, {n}) matrix, one row and one column per point, but got "
                f"shape {A.shape}.")
    choices = _valid_choices(X, k)
    if choices is None:  # too many ties to try them all: scikit-learn's way only
        choices = [_dense(_sklearn_choice(X, k))]
    if any(np.allclose(A, 0.5 * (C + C.T)) for C in choices):
        return None
    want = 0.5 * (choices[0] + choices[0].T)  # one right answer, for the hints below
    if not A.any():
        return (f"your matrix is all zeros: set C[i, j] = 1 for each of the {k} nearest points "
                "j of every point i, then average C and C.T.")
    if np.allclose(np.diag(A), 0):
        return ("the diagonal is 0, but scikit-learn counts every point as one of its own "
                "neighbours (include_self=True), so A[i, i] = 1 and each point chooses only "
                f"{k - 1} others.")
    if not np.allclose(A, A.T):
        i, j = np.argwhere(~np.isclose(A, A.T))[0]
        return (f"the matrix is not symmetric: A[{i}, {j}] = {A[i, j]:g} but A[{j}, {i}] = "
                f"{A[j, i]:g}. A graph edge joins two points both ways: average C and its "
                "transpose, 0.5 * (C + C.T).")
    d = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    kept_all = (d <= np.sort(d, axis=1)[:, [k - 1]]).astype(float)  # every tied point kept
    if np.allclose(A, 0.5 * (kept_all + kept_all.T)):
        i = int(np.flatnonzero(kept_all.sum(axis=1) > k)[0])
        return (f"point {i} chose {int(kept_all[i].sum())} points, but it chooses exactly {k}: "
                "points at the same distance are a tie, and only as many of them as fit are "
                "chosen (argsort picks one; a threshold 'distance <= k-th smallest' keeps them "
                "all).")
    for C in choices:  # 1 where 0.5 belongs: C OR C.T instead of the average
        if np.allclose(A, np.maximum(C, C.T)) and (C != C.T).any():
            i, j = np.argwhere(C != C.T)[0]
            return (f"A[{i}, {j}] is 1, but only one of points {i} and {j} chose the other, so "
                    "the average 0.5 * (C + C.T) gives 0.5 there.")
    i, j = np.argwhere(~np.isclose(A, want))[0]
    return (f"A[{i}, {j}] is {A[i, j]:g}, but it should be {want[i, j]:g}: is each point joined "
            f"to exactly its {k} nearest points, itself included?")


def _sklearn_choice(X, k):
    from sklearn.neighbors import kneighbors_graph  # on use: scikit-learn imports pandas
    return kneighbors_graph(X, n_neighbors=k, include_self=True)


def check_knn_affinity(func):
    """Check a student's ``func(X, n_neighbors) -> affinity`` (dense or sparse).

    It must return the matrix SpectralClustering builds: ``C[i, j] = 1`` when
    ``j`` is one of the ``n_neighbors`` nearest points of ``i`` (``i`` itself
    included), and the affinity ``0.5 * (C + C.T)``. The checker tries five
    cases: the checker's own 10 points with ``n_neighbors=3``, ``n_neighbors=1``
    (the identity matrix), three features, 150 points with 10 neighbours, and
    a tie. In the tie, point 1 is as near to point 0 as to point 2; it must
    choose exactly ``n_neighbors`` points, so either one of them is accepted,
    but not both. The answer names the case, and the first pair of points
    that is wrong.

    Parameters
    ----------
    func : callable
        The student's function: ``func(X, n_neighbors)`` returns the affinity
        matrix, dense or sparse, of shape (n_samples, n_samples).

    Returns
    -------
    feedback : Feedback
        ``bool(feedback)`` is True when the function is right; otherwise the
        sentence names the first case and pair of points that is wrong.

    Examples
    --------
    >>> import numpy as np
    >>> def affinity(X, n_neighbors):
    ...     d = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    ...     nearest = np.argsort(d, axis=1)[:, :n_neighbors]
    ...     C = np.zeros((len(X), len(X)))
    ...     C[np.arange(len(X))[:, None], nearest] = 1
    ...     return 0.5 * (C + C.T)
    >>> print(check_knn_affinity(affinity))  # doctest: +NORMALIZE_WHITESPACE
    Correct: every entry matches a nearest-neighbour graph as SpectralClustering builds it.
    (5 cases: the checker's own 10 points on a bent line, n_neighbors=3; n_neighbors=1: every
    point chooses only itself; three features, n_neighbors=4; many points: 150 points,
    n_neighbors=10; a tie: points 0 and 2 are equally near to point 1 (either one is
    accepted, but only one), n_neighbors=2)
    """
    return check_cases(func, _cases(), _judge,
                       "every entry matches a nearest-neighbour graph as SpectralClustering "
                       "builds it.")
