"""Lesson 03's exercise: compute the inertia by hand from labels and centers."""

from __future__ import annotations

from numbers import Real

import numpy as np

from ..engine import inertia
from ._feedback import Case, check_cases

__all__ = ["check_inertia"]


def _lesson_case():
    # 15 points, 3 centers, and labels that are NOT all "nearest center": points
    # 4 and 11 belong to a cluster whose center is not their nearest, as happens
    # just after an M-step. The inertia uses each point's own center.
    rng = np.random.default_rng(303)
    X = np.round(rng.normal(scale=2.0, size=(15, 2)), 1)
    centers = np.array([[-1.5, 0.0], [1.5, 1.0], [0.0, -2.0]])
    d = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    labels = d.argmin(axis=1)
    labels[[4, 11]] = (labels[[4, 11]] + 1) % 3
    return X, labels, centers


def _random_case(seed, n_points, n_features, n_clusters):
    # labels drawn at random, not nearest-center: the inertia must use centers[labels]
    rng = np.random.default_rng(seed)
    X = rng.normal(scale=3.0, size=(n_points, n_features))
    centers = rng.normal(scale=3.0, size=(n_clusters, n_features))
    labels = rng.integers(n_clusters, size=n_points)
    return X, labels, centers


def _empty_cluster_case():
    # center 2 has no point at all: its term is 0, not NaN (no mean of an empty cluster)
    X, labels, centers = _random_case(34, 12, 2, 3)
    labels[labels == 2] = 0
    return X, labels, centers


def _cases():
    return [
        Case("the checker's own 15 points and 3 centers", _lesson_case()),
        Case("one center (k = 1)", _random_case(31, 10, 2, 1)),
        Case("three features", _random_case(32, 20, 3, 4)),
        Case("many points: 2000 points, 8 centers", _random_case(33, 2000, 2, 8)),
        Case("an empty cluster: center 2 has no points", _empty_cluster_case()),
    ]


def _judge(got, X, labels, centers):
    """None if ``got`` is the inertia of this case, else what is wrong, in a sentence."""
    if isinstance(got, np.ndarray) and got.ndim > 0 and got.size > 1:
        return (f"you returned an array of shape {got.shape}, but the inertia is one number: "
                "add up the squared distances with .sum().")
    try:
        value = float(np.asarray(got).reshape(()))
    except (TypeError, ValueError):
        return f"expected a number, but got {type(got).__name__}."
    if isinstance(got, bool) or not isinstance(value, Real) or not np.isfinite(value):
        return f"expected a finite number, but got {got!r}."
    want = inertia(X, labels, centers)
    if np.isclose(value, want, rtol=1e-9, atol=1e-9):
        return None
    if np.isclose(value, want, rtol=1e-5, atol=0):  # right, but not to float64 precision
        return (f"you returned {value!r}, which agrees with the inertia of this case, "
                f"{want!r}, only to a few digits: compute in float64 (a float32 step loses "
                "digits), so that the checker can tell a right sum from a near one.")
    own = X - centers[labels]
    d2_all = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    slips = [
        (np.linalg.norm(own, axis=1).sum(),
         "the sum of the distances; the inertia adds up squared distances"),
        ((own**2).sum(axis=1).mean(),
         "the mean squared distance; the inertia is the sum, not the mean"),
        (d2_all.min(axis=1).sum(),
         "the sum over each point's nearest center; the inertia uses the center of the "
         "point's own cluster, centers[labels]"),
        (d2_all.sum(),
         "the squared distances to every center added up; use only each point's own "
         "center, centers[labels]"),
        (((own[:, :2]) ** 2).sum(),
         "the squared distances in the first two features only; use every column of X"),
    ]
    for slip, words in slips:
        if np.isclose(value, slip, rtol=1e-9, atol=1e-9):
            return f"you returned {value:.2f}, {words}, which gives {want:.2f} here."
    return (f"you returned {value:.2f}, but the inertia of this case is {want:.2f}. For a hint: "
            'kt.hint("inertia").')


def check_inertia(func):
    """Check a student's ``func(X, labels, centers) -> float``: the inertia.

    The inertia is the sum, over all points, of the squared distance from the
    point to the center of *its own* cluster (``centers[labels[i]]``). The
    checker tries five cases, each with labels that are not "nearest center":
    the checker's own 15 points and 3 centers, one center (k = 1), three features,
    2000 points, and an empty cluster (a center without points adds 0). It
    names the first case that fails and recognises the usual slips: distances
    not squared, a mean instead of a sum, the nearest center instead of the
    point's own, only two features. (A point halfway between two centers is no
    special case here: the inertia uses its label, whichever center that is.)

    Parameters
    ----------
    func : callable
        The student's function: ``func(X, labels, centers)`` returns the inertia.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the function is right.

    Examples
    --------
    >>> import numpy as np
    >>> def my_inertia(X, labels, centers):
    ...     return ((X - centers[labels]) ** 2).sum()
    >>> print(check_inertia(my_inertia).message)  # doctest: +NORMALIZE_WHITESPACE
    your function gives the sum of the squared distances to each point's own center.
    (5 cases: the checker's own 15 points and 3 centers; one center (k = 1); three features;
    many points: 2000 points, 8 centers; an empty cluster: center 2 has no points)
    >>> feedback = check_inertia(
    ...     lambda X, labels, centers: np.linalg.norm(X - centers[labels], axis=1).sum())
    >>> feedback.passed
    False
    >>> print(feedback.message)  # doctest: +NORMALIZE_WHITESPACE
    case 1 of 5 (the checker's own 15 points and 3 centers): you returned 37.90, the sum of
    the distances; the inertia adds up squared distances, which gives 122.51 here.
    """
    return check_cases(func, _cases(), _judge,
                       "your function gives the sum of the squared distances to each point's "
                       "own center.")
