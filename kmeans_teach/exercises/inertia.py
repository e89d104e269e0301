"""Lesson 03's exercise: compute the inertia by hand from labels and centers."""

from __future__ import annotations

from numbers import Real

import numpy as np

from ..engine import inertia
from ._feedback import Feedback, call_student

__all__ = ["check_inertia"]


def _test_case():
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


def check_inertia(func):
    """Check a student's ``func(X, labels, centers) -> float``: the inertia.

    The inertia is the sum, over all points, of the squared distance from the
    point to the center of *its own* cluster (``centers[labels[i]]``). The
    checker tries the function on 15 points and 3 centers, and recognises the
    usual slips: distances not squared, a mean instead of a sum, the nearest
    center instead of the point's own.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the function is right.

    Examples
    --------
    >>> import numpy as np
    >>> def my_inertia(X, labels, centers):
    ...     return ((X - centers[labels]) ** 2).sum()
    >>> check_inertia(my_inertia)
    Correct: 122.51, the sum of the 15 squared distances to each point's own center.
    >>> feedback = check_inertia(
    ...     lambda X, labels, centers: np.linalg.norm(X - centers[labels], axis=1).sum())
    >>> feedback.passed
    False
    >>> print(feedback.message)  # doctest: +NORMALIZE_WHITESPACE
    you returned 37.90, the sum of the distances; the inertia adds up squared
    distances, which gives 122.51 here.
    """
    X, labels, centers = _test_case()
    got, problem = call_student(func, X.copy(), labels.copy(), centers.copy())
    if problem is not None:  # (a Feedback that failed is falsy, so test for None)
        return problem
    if isinstance(got, np.ndarray) and got.ndim > 0 and got.size > 1:
        return Feedback(False, f"you returned an array of shape {got.shape}, but the inertia is "
                               "one number: add up the squared distances with .sum().")
    try:
        value = float(np.asarray(got).reshape(()))
    except (TypeError, ValueError):
        return Feedback(False, f"expected a number, but got {type(got).__name__}.")
    if isinstance(got, bool) or not isinstance(value, Real) or not np.isfinite(value):
        return Feedback(False, f"expected a finite number, but got {got!r}.")
    want = inertia(X, labels, centers)  # the same order as the student's
    own = X - centers[labels]
    d2_all = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    if np.isclose(value, want, rtol=1e-9, atol=1e-9):
        return Feedback(True, f"{want:.2f}, the sum of the {len(X)} squared distances to "
                              "each point's own center.")
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
    ]
    for slip, words in slips:
        if np.isclose(value, slip, rtol=1e-9, atol=1e-9):
            return Feedback(False,
                            f"you returned {value:.2f}, {words}, which gives {want:.2f} here.")
    return Feedback(False, f"you returned {value:.2f}, but the inertia of this case is "
                           f"{want:.2f}. Square each point's distance to centers[labels] and "
                           "add them all up.")
